"""A lead sentence and the list lines after it ("提供以下能力：" + one item per line) → one cloze note.

Each item is one deletion of the note ({{c1::A}}、{{c2::B}}…), so Anki shows them as siblings on
different days and the lead (what the list is of) stays visible. An item written "名称：说明" is
recalled by its name. Lists too long to learn as one note, or whose items are whole sentences, give
no card: a set of paragraphs is not a fact.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import clean_span
from desktop.core.numerals import parse_chinese

RULE = "listnote"
MAX_ITEMS = 7
MAX_ITEM = {"zh": 12, "en": 5}  # characters / words of one item's name
_LEAD = re.compile(r"[：:]\s*$")
_LABEL = re.compile(r"^(?P<name>[^：:，,。；;]{1,24}?)\s*[：:]\s*\S")
_COUNT = re.compile(r"(\d+|[一二两三四五六七八九十]+|two|three|four|five|six|seven|eight|nine|ten)\s*"
                    r"(?:[个种类项点大条步部]|方面|部分|\s+\w+)", re.I)
_EN_NUMBERS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), 2)}
_END = re.compile(r"[。！？.!?；;]$")


def candidates(ctx: Context) -> list[Candidate]:
    """One multi-deletion note when the sentence opens a list of lines."""
    lead = ctx.text.strip()
    if not _LEAD.search(lead) or len(lead) < 4:
        return []
    names = _items(ctx)
    count = _count(lead)
    if not 2 <= len(names) <= MAX_ITEMS or None in names or count not in (None, len(names)):
        return []  # a list cut short, or one with an item that is a paragraph, would teach a false set
    joiner = "、" if ctx.language == "zh" else ", "
    front = lead + joiner.join(f"{{{{c{n}::{name}}}}}" for n, name in enumerate(names, 1))
    if ctx.language != "zh":
        front += "."
    return [Candidate(CLOZE, front, "", joiner.join(names), RULE, score=1.0, extra={"list": True})]


def _items(ctx: Context) -> list[str | None]:
    """The names of the list items after the lead, one per paragraph (None for an item with no name)."""
    out: list[str | None] = []
    text, last = ctx.document.text, ctx.sentence
    # a format that marks its list items (Markdown, HTML) says which lines are items; plain text only looks
    marked = any(sentence.item for sentence in ctx.section.sentences)
    for sentence in ctx.section.sentences[ctx.index + 1:]:
        new_paragraph = "\n" in text[last.end:sentence.start]
        last = sentence
        if not new_paragraph:
            continue  # a later sentence of the same item
        line = sentence.text.strip()
        looks_like_item = sentence.item if marked else _short_line(line, ctx.language) or _LABEL.match(line)
        if not looks_like_item or _LEAD.search(line):
            break  # the list ended, or another one begins
        out.append(_name(line, ctx.language))
        if len(out) > MAX_ITEMS:
            break
    return out


def _count(lead: str) -> int | None:
    """The number of items the lead announces ("以下六大类…：", "three ways:"), if it does."""
    match = _COUNT.search(lead)
    if not match:
        return None
    word = match.group(1).lower()
    if word.isdigit():
        return int(word)
    return _EN_NUMBERS.get(word) or parse_chinese(word)


def _short_line(text: str, language: str) -> bool:
    """A line with no sentence end that is short: in plain text, how a list item looks."""
    return not _END.search(text) and (len(text) <= 20 if language == "zh" else len(text.split()) <= 8)


def _name(text: str, language: str) -> str | None:
    label = _LABEL.match(text)
    name = clean_span(label.group("name") if label else text)
    length = len(name) if language == "zh" else len(name.split())
    return name if name and length <= MAX_ITEM[language if language == "zh" else "en"] else None
