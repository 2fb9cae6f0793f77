"""Make a card's front stand alone: resolve references ("这一规模", "他", "This model") from context.

A front that says "这类应用至少需要多长时间？" is useless in a deck of hundreds of cards: the learner
no longer sees the paragraph. `resolve` rewrites such references from what the document said before
(reference_zh.py, reference_en.py); `dangling` tells whether one is left, and `topic_prefix` then
puts the section title in front. `clause_subject` and `topic_of` find the noun phrase a clause is
about, so that a later clause without a subject can borrow it. Everything is decided from jieba's
part-of-speech tags and sentence shape, never from a list of words of one particular text.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable

from desktop.core.generate.base import Context
from desktop.core.generate.clauses import (
    GENERIC_TITLES, ZH_CONNECTIVES, is_adverbial, reporting_frame, split_clauses, starts_with_pronoun,
    strip_connectives, token_spans)
from desktop.core.generate.english import english_subject
from desktop.core.generate.index import cached, sentence_key
from desktop.core.generate.people import NOUN_TAGS, zh_people
from desktop.core.generate.reference_en import resolve_en
from desktop.core.generate.reference_zh import BARE_DEMONSTRATIVES, DEMONSTRATIVES, resolve_zh
from desktop.core.text import has_cjk

_ZH_COPULAS = {"是", "指", "为", "即", "就是", "意味着", "称为", "叫做", "被"}


def resolve(text: str, ctx: Context) -> str:
    """The text with references replaced by what they refer to (previous sentence, section title).

    Args:
        text: a sentence or clause from `ctx`.
        ctx: the sentence's context.
    Returns:
        Text a learner understands without the document at hand; unresolvable references stay as
        they were (check with `dangling`). Computed once per sentence and text for all families.
    """
    def work() -> str:
        return resolve_zh(text, ctx) if ctx.language == "zh" or has_cjk(text) else resolve_en(text, ctx)

    return cached(ctx, ("resolve", sentence_key(ctx), text), work)


def resolve_mapped(text: str, ctx: Context) -> tuple[str, Callable[[int, int], tuple[int, int] | None]]:
    """Like `resolve`, with a map from spans of `text` to the same, untouched spans of the result.

    A rule that finds its answer in the original sentence (a number, a list) must not ask about words
    that resolution brought in ("这一规模" → "100B到500B的规模"); the map tells which spans survived.

    Args:
        text: a sentence or clause from `ctx`.
        ctx: the sentence's context.
    Returns:
        (resolved text, span map); the map returns None for a span that resolution changed.
    """
    resolved = resolve(text, ctx)
    if resolved == text:
        return text, lambda start, end: (start, end)
    blocks = SequenceMatcher(None, text, resolved, autojunk=False).get_matching_blocks()

    def span(start: int, end: int) -> tuple[int, int] | None:
        for a, b, size in blocks:
            if a <= start and end <= a + size:
                return b + start - a, b + end - a
        return None

    return resolved, span


def resolved(ctx: Context) -> str:
    """The context sentence with references resolved."""
    return resolve(ctx.text, ctx)


def standalone(text: str, ctx: Context) -> str:
    """The text with references resolved; still-dangling ones get the section topic in front.

    Args:
        text: a sentence or clause of `ctx`.
        ctx: its context.
    Returns:
        Text that names its subject, e.g. "【文科白领】这类应用主要涉及…".
    """
    text = resolve(text, ctx)
    if starts_with_pronoun(strip_connectives(text, ctx.language, subordinators=False), ctx.language):
        return topic_prefix(ctx) + text
    return text


def subject_hint(ctx: Context) -> str:
    """A short label that names the topic, used as a prefix when a front would be ambiguous.

    Args:
        ctx: the sentence's context.
    Returns:
        The section title, or the document title when the section is only "引言"/"Conclusion".
    """
    title = ctx.section.title.strip()
    if not title or GENERIC_TITLES.match(title):
        return ctx.document.title.strip()
    return title


def topic_prefix(ctx: Context) -> str:
    """A bracketed topic label for fronts that would otherwise be ambiguous ("【文科白领】", "[Chemistry] ")."""
    hint = subject_hint(ctx)
    if not hint:
        return ""
    return f"【{hint}】" if ctx.language == "zh" else f"[{hint}] "


def dangling(text: str, language: str) -> bool:
    """Whether `text` still leans on a reference the learner cannot see ("这类应用", "他", "It").

    Args:
        text: a front or the sentence it is built from.
        language: "zh" or "en".
    Returns:
        True when a pronoun or demonstrative is left unresolved.
    """
    if language == "zh" or has_cjk(text):
        spans = token_spans(text)
        for i, (word, tag, start, _end) in enumerate(spans):
            if word in ("他", "她", "它", "他们", "她们", "它们", "其"):
                if word in ("他", "她") and zh_people(text[:start]):
                    continue
                return True
            if word in DEMONSTRATIVES or word in BARE_DEMONSTRATIVES:
                before = spans[i - 1] if i else None
                # "程序员这类职业" names its referent right before the demonstrative
                if before is None or before[1] not in NOUN_TAGS:
                    return True
        return False
    body = strip_connectives(text, "en")
    return bool(re.match(r"(?:He|She|It|Its|They|Their|This|These|Those|That)\b", body)
                or re.search(r"\b(?:he|she|him|his)\b", body))


def clause_subject(clause: str, language: str) -> str:
    """The noun phrase a clause is about, when it opens with one.

    Args:
        clause: one clause, e.g. "大语言模型的预训练通常使用10T到50T的token".
        language: "zh" or "en".
    Returns:
        "大语言模型的预训练"; "" when the clause opens with a verb, adverb or preposition.
    """
    if language != "zh" and not has_cjk(clause):
        return english_subject(clause)
    # a gloss in brackets ("MOE(Mixture of Experts)模型") is not part of the phrase's shape
    text = re.sub(r"[(（][^()（）]*[)）]", "", strip_connectives(clause, "zh"))
    spans = token_spans(text)
    i = 0
    while i < len(spans) and (spans[i][1] in ("t", "c", "x") or spans[i][0] in ZH_CONNECTIVES):
        i += 1  # time words and connectives in front of the subject
    start, end = _np_extent(spans, i)
    if end <= start:
        return ""
    phrase = text[spans[start][2]:spans[end - 1][3]]
    phrase = re.sub(r"的$", "", phrase)
    return phrase if len(phrase) >= 2 else ""


def _np_extent(spans: tuple, i: int) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase starting at token i (empty when none starts there)."""
    j, has_noun = i, False
    while j < len(spans):
        word, tag = spans[j][0], spans[j][1]
        nxt = spans[j + 1] if j + 1 < len(spans) else None
        if tag in NOUN_TAGS:
            has_noun = True
        elif word == "的" and j > i and nxt and nxt[1] != "x":
            j += 2  # "X的Y": the word after 的 is the head, whatever jieba tagged it
            has_noun = True
            if j < len(spans) and spans[j][1] in NOUN_TAGS:
                continue
            break
        elif tag in ("a", "b", "v") and j > i and nxt and nxt[0] == "的" and j - i <= 3:
            pass  # "每次激活的部分", "稠密的模型": a modifier before 的
        elif tag in ("a", "b") or word in ("多", "大", "小", "新", "各"):
            if has_noun and tag == "b" and len(word) >= 2 and nxt and nxt[1] in ("d", "p"):
                j += 1  # a noun jieba tags as distinguishing word: "模型大小则…"
                break
            if not (nxt and (nxt[1] in NOUN_TAGS or nxt[1] in ("a", "b"))):
                break
        elif j == i and tag == "r" and word[:1] in ("每", "各"):
            pass  # "每次激活的部分": a distributive opens the noun phrase
        elif tag == "v" and has_noun and len(word) >= 2 and (nxt is None or nxt[1] in ("d", "b", "ad", "vd")
                                                            or nxt[0] in _ZH_COPULAS):
            j += 1  # a verb used as a noun right before the predicate: "蓝领阶级应用至少…", "电池回收指…"
            break
        else:
            break
        j += 1
    return (i, j) if has_noun else (i, i)


def topic_of(subject: str) -> str:
    """What a subject is about: the possessor in "X的Y", else the subject itself.

    Args:
        subject: a noun phrase, e.g. "大语言模型的预训练".
    Returns:
        "大语言模型".
    """
    if "的" in subject:
        head = subject.split("的", 1)[0]
        if len(head) >= 2:
            return head
    return subject


def sentence_subject(sentence: str, language: str) -> str:
    """The subject of a sentence's first main clause (framing and time clauses skipped).

    Args:
        sentence: one sentence.
        language: "zh" or "en".
    Returns:
        A noun phrase or "".
    """
    for clause, _s, _e in split_clauses(sentence):
        if reporting_frame(clause, language):
            continue
        subject = clause_subject(clause, language)
        if subject:
            return subject
        if language == "zh" and not is_adverbial(clause):
            return ""
    return ""
