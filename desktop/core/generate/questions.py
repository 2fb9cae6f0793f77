"""How a card is phrased, shared by every rule family: question marks, cloze markup, probes, answers.

A `Probe` is a question about one clause that does not know yet who said it: its template holds
WHO where an attribution ("李沐认为" / "According to X, ") would go; the definition family finds
probes and renders them without one. The answer checks (short, one fact,
not a set, taken from the sentence) are the same for all families, so they live here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.card import BASIC, CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import TRAILING, clean_span
from desktop.core.generate.index import cached, outline
from desktop.core.generate.lists import find_lists
from desktop.core.text import has_cjk

ZH_MARK = "？"
EN_MARK = "?"
WHO = "{who}"
MAX_ANSWER = 40  # characters; a longer answer is a paragraph, not one fact
_CLOSERS = {"”": "“", "’": "‘", "」": "「", "』": "『", ")": "(", "）": "（", "》": "《"}
_OPENERS = "“‘「『(（《"


def mark(language: str) -> str:
    """The question mark fronts end with: full-width for Chinese, ASCII for English."""
    return ZH_MARK if language == "zh" else EN_MARK


def finish_question(text: str, language: str) -> str:
    """`text` without trailing punctuation, ending in the language's question mark.

    Args:
        text: a question without its mark, e.g. "大语言模型的预训练通常使用多少token".
        language: "zh" or "en".
    Returns:
        "大语言模型的预训练通常使用多少token？"
    """
    body, previous = text.strip(), None
    while body != previous:
        previous = body
        body = TRAILING.sub("", body)
        if _dangling_mark(body):
            body = body[:-1]
    if language != "zh" and body:
        body = body[0].upper() + body[1:]
    return body + mark(language)


def _dangling_mark(text: str) -> bool:
    """Whether `text` ends in a quote or bracket that opens, or closes nothing inside the question."""
    last = text[-1:]
    if last in _CLOSERS:
        return _CLOSERS[last] not in text
    if last == '"':
        return text.count('"') % 2 == 1
    return bool(last) and last in _OPENERS


def cloze(text: str, start: int, end: int, number: int = 1) -> str:
    """`text` with `text[start:end]` marked as Anki cloze deletion number `number`.

    Args:
        text: the sentence shown on the card.
        start: where the deletion starts.
        end: where it ends.
        number: the cloze number (one deletion per card keeps each card one fact).
    Returns:
        e.g. "预训练通常使用{{c1::10T到50T}}的token。"
    """
    return f"{text[:start]}{deletion(text[start:end], number)}{text[end:]}"


def deletion(answer: str, number: int = 1) -> str:
    """Anki's markup for one cloze deletion: "{{c1::10T到50T}}"."""
    return f"{{{{c{number}::{answer}}}}}"


@dataclass(frozen=True)
class Probe:
    """A question about one clause before its speaker is known.

    `template` holds WHO where an attribution goes; for a cloze it is the cloze text.
    """

    template: str
    answer: str
    score: float = 1.0
    cloze: bool = False
    needs_topic: bool = False  # the question is vague alone ("什么依然是主要障碍之一？")


def cloze_probe(text: str, start: int, end: int, score: float) -> "Probe":
    """A probe that is a cloze over text[start:end], for a pattern whose question would read awkwardly."""
    return Probe(cloze(text, start, end), text[start:end], score, cloze=True)


def render(probe: Probe, who: str, ctx: Context, rule: str, prefix: str = "") -> Candidate:
    """Turn a probe into a candidate card.

    Args:
        probe: the clause question.
        who: the attribution ("李沐认为", "According to Alvarez, ") or "".
        ctx: the sentence's context (for its language).
        rule: the rule family that owns the card.
        prefix: text put before the question (a topic label), or "".
    Returns:
        A basic candidate, or a cloze candidate when the probe is a cloze.
    """
    if probe.cloze:
        # a cloze may keep its speaker: "王磊强调，核电并非{{c1::…}}"
        speaker = (who + "，" if ctx.language == "zh" and not who.endswith(("，", ",")) else who) if who else ""
        text = probe.template.replace(WHO, speaker)
        if speaker and ctx.language != "zh":
            at = len(speaker)  # "According to X, {{c1::no single factor}}…": the claim goes on in lower case
            text = text[:at] + re.sub(r"^(\{\{c\d+::)?([A-Z])(?=[a-z])", lambda m: (m.group(1) or "") + m.group(2).lower(),
                                      text[at:])
        if not re.search(r"[。．.!！?？;；:：\"”’」』)）]$", text):
            text += "。" if ctx.language == "zh" else "."  # a cloze reads as a whole sentence
        return Candidate(CLOZE, prefix + text, "", probe.answer, rule, probe.score)
    if who and ctx.language == "zh" and re.match(r"^[^，？]{1,24}，[^，]*什么", probe.template.split(WHO, 1)[-1]):
        who += "，"  # "李沐指出，与预训练相比，什么…": the setting clause needs its own comma
    question = probe.template.replace(WHO, who)
    return Candidate.basic(prefix + finish_question(question, ctx.language), probe.answer, rule, probe.score)


def grounded(answer: str, sentence: str) -> bool:
    """Whether an answer comes from the sentence itself, not mostly from a resolver's guess.

    A resolved reference may sharpen an answer ("这些模型…" → "垂直模型…"), but an answer that is
    mostly words the sentence never had is a guess.

    Args:
        answer: the card's answer.
        sentence: the source sentence as written.
    Returns:
        True when at least 60% of the answer (characters for Chinese, words for English) is in it.
    """
    if answer in sentence:
        return True
    if has_cjk(answer):
        units = [ch for ch in answer if not ch.isspace()]
        return sum(ch in sentence for ch in units) >= 0.6 * len(units)
    words = re.findall(r"[A-Za-z0-9'\-]+", answer.lower())
    present = set(re.findall(r"[A-Za-z0-9'\-]+", sentence.lower()))
    return bool(words) and sum(w in present for w in words) >= 0.6 * len(words)


_LIST_SPLIT = re.compile(r"、|和|与|及|以及|或|,\s*(?:and|or)?\s*|\s+(?:and|or)\s+")


def is_set(answer: str) -> bool:
    """Whether an answer is a list ("泥沙淤积、战乱和铁路的兴起"): three or more short items, or a list
    that opens the answer. The enumeration family asks for each item instead.

    Args:
        answer: a basic card's answer.
    Returns:
        True for a set; False for one phrase, even one that mentions a list ("从…提取锂、钴等金属的过程").
    """
    items = [item for item in _LIST_SPLIT.split(answer) if item.strip()]
    limit = 6 if has_cjk(answer) else 24
    if len(items) >= 3 and all(len(item.strip()) <= limit for item in items):
        return True
    language = "zh" if has_cjk(answer) else "en"
    return any(listing.start == 0 and len(listing.items) >= 3 for listing in find_lists(answer, language))


def answer_ok(answer: str, question: str = "") -> bool:
    """A usable basic answer: short, non-empty, not a bare pronoun, not a set, not given away by the question."""
    answer = clean_span(answer)
    if not answer or len(answer) > MAX_ANSWER or len(answer) < 2 and not has_cjk(answer):
        return False
    if re.fullmatch(r"(?:他|她|它|他们|她们|它们|这|那|这些|那些|it|they|this|that|these|those)", answer, re.I):
        return False
    if is_set(answer):
        return False
    return not question or re.sub(r"\s+", "", answer.lower()) not in re.sub(r"\s+", "", question.lower())


def topical(card: Candidate, ctx: Context) -> bool:
    """Whether a basic card's answer is what the whole document is about ("什么是…最大的一种？" → the title's
    subject): a learner answers it without recalling anything.

    Args:
        card: a candidate card.
        ctx: its context.
    Returns:
        True when the answer is named in the title and in at least a fifth of the document's sentences.
    """
    answer = card.answer.strip()
    if card.kind != BASIC or not answer or answer not in ctx.document.title:
        return False

    def share() -> float:
        index = outline(ctx)
        texts = [t for t, heading in zip(index.texts, index.headings) if not heading]
        return sum(answer in t for t in texts) / max(len(texts), 1)

    return cached(ctx, ("topical", answer), share) >= 0.2
