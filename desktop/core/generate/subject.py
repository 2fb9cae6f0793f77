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
from desktop.core.generate.noise import heading_like, is_boilerplate
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
        if ctx.language == "zh" or has_cjk(text):
            return resolve_zh(_resolve_it(text, ctx), ctx)
        return resolve_en(text, ctx)

    return cached(ctx, ("resolve", sentence_key(ctx), text), work)


_ZH_EXAMPLE = re.compile(r"以(?P<x>[^，,。；;]{2,12}?)为例[，,]\s*$")
_ZH_THERE_IS = re.compile(r"(?:还有|也有|就是|便是|有)(?P<x>[^，,。；;]{2,16})[，,]\s*$")


def _resolve_it(text: str, ctx: Context) -> str:
    """"它" (a thing, never a person) → what it stands for: "以鹿角珊瑚为例,它…" → 鹿角珊瑚; "…还有田螺坑土楼群,
    它…" → 田螺坑土楼群; a later clause's 它 → the sentence's subject ("珊瑚虽然…,但它其实…"); a sentence
    that opens with 它 → the subject of the sentence before."""
    if "它" not in text:
        return text
    offset = max(ctx.text.find(text), 0)
    for word, tag, start, end in reversed(token_spans(text)):
        if word != "它" or tag != "r":
            continue
        before = ctx.text[:offset + start]
        referent = _it_referent(before, ctx)
        if referent:
            text = text[:start] + referent + text[end:]
    return text


def _names_a_person(phrase: str) -> bool:
    """"李华", "园艺学家李华", "僧人": a phrase 它 cannot stand for."""
    return any(tag in ("nr", "nrfg") for _w, tag, _s, _e in token_spans(phrase)) or \
        re.search(r"(?:人|者|师|员|们|士|官|僧|匠|帝|王)$", phrase) is not None


def _before_verb(text: str) -> str:
    """The words of a sentence before its first verb: where its subject is."""
    for _word, tag, start, _end in token_spans(text):
        if tag == "v":
            return text[:start]
    return ""


def _it_referent(before: str, ctx: Context) -> str:
    body = strip_connectives(before.strip(), "zh").rstrip("但而却并且也还")
    example = _ZH_EXAMPLE.search(body) or _ZH_THERE_IS.search(body)
    if example:
        phrase = example.group("x")
        spans = token_spans(phrase)
        nouny = spans and spans[-1][1] in NOUN_TAGS and all(
            tag in NOUN_TAGS or tag in ("uj", "a", "b", "t", "m", "q", "f") for _w, tag, _s, _e in spans)
        return phrase if nouny and not starts_with_pronoun(phrase, "zh") else ""
    if re.search(r"[，,]\s*(?:但|而|却|并且|并|且|也|还|可是)?\s*$", before):
        found = sentence_subject(before, "zh")  # a later clause: the sentence's own subject
    elif not body and ctx.previous is not None:
        found = sentence_subject(ctx.previous.text, "zh")
    else:
        return ""
    person = bool(found) and (_names_a_person(found) or _names_a_person(_before_verb(before[before.find(found):])))
    if not found or starts_with_pronoun(found, "zh") or len(found) > 16 or person:
        # "它" is a thing: "陆羽写成了《茶经》,它…" means the book, not its writer
        book = re.search(r"([《“\"][^《》“”\"]{2,16}[》”\"])[^，,。；;]{0,2}[，,]\s*(?:但|而|却|并且|并|且|也|还)?\s*$", before)
        return book.group(1) if book else ""
    return found


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


def subject_hint(ctx: Context) -> str:
    """A short label that names the topic, used as a prefix when a front would be ambiguous.

    Args:
        ctx: the sentence's context.
    Returns:
        The section title, or the document title when the section is only "引言"/"Conclusion".
    """
    title = ctx.section.title.strip()
    if not title or GENERIC_TITLES.match(title):
        return local_heading(ctx) or document_name(ctx)
    return title


def local_heading(ctx: Context) -> str:
    """The nearest heading the importer left among a generic section's sentences (a short line of its own
    without punctuation), which names the topic of the sentences after it."""
    for index in range(ctx.index - 1, -1, -1):
        sentence = ctx.section.sentences[index]
        other = Context(ctx.document, ctx.section, sentence, index, cache=ctx.cache)
        if heading_like(other) and not is_question_heading(sentence.text) and not is_boilerplate(sentence.text):
            return sentence.text.strip()
    return ""


def is_question_heading(text: str) -> bool:
    """"为什么要建土楼", "How it works": a heading that asks or describes names no topic to put in front."""
    return bool(re.match(r"^(?:为什么|为何|如何|怎样|怎么|什么是|什么|how|why|what|when|where|who)", text.strip(), re.I))


def document_name(ctx: Context) -> str:
    """The document's title without the site name a web page appends ("…_旅游频道_某某网", "… | Site").

    Args:
        ctx: any context of the document.
    Returns:
        The title's first part, or the whole title.
    """
    return clean_title(ctx.document.title)


def clean_title(title: str) -> str:
    """A title without the site name after "_" or "|" ("茶叶简史_美食频道_某某网" → "茶叶简史")."""
    title = title.strip()
    first = re.split(r"\s*(?:_|\||｜)\s*", title)[0].strip()
    return first if len(first) >= 2 else title


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
        if spans[i][1] == "t" and i + 1 < len(spans) and spans[i + 1][0] == "的":
            break  # "南靖的田螺坑土楼群": a word jieba calls a time word modifies the subject
        i += 1  # time words and connectives in front of the subject
    start, end = _np_extent(spans, i)
    if end <= start:
        return _before_copula(text, spans)
    phrase = text[spans[start][2]:spans[end - 1][3]]
    phrase = re.sub(r"的$", "", phrase)
    return phrase if len(phrase) >= 2 else ""


def _before_copula(text: str, spans: tuple) -> str:
    """"度热周是指…": a term jieba cut into odd pieces is still the subject of the copula right after it."""
    for k, (word, _tag, start, _end) in enumerate(spans):
        if word in ("是", "是指", "指", "指的是", "即"):
            before = spans[:k]
            plain = all(tag not in ("v", "p", "d", "c", "r", "x", "uj", "ul", "m") for _w, tag, _s, _e in before)
            numeral = re.match(r"[\d一二两三四五六七八九十几]", text)
            return text[:start] if before and plain and 2 <= start <= 8 and not numeral else ""
    return ""


def _np_extent(spans: tuple, i: int) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase starting at token i (empty when none starts there)."""
    j, has_noun = i, False
    while j < len(spans):
        word, tag = spans[j][0], spans[j][1]
        nxt = spans[j + 1] if j + 1 < len(spans) else None
        if tag == "vn" and has_noun and nxt and nxt[0] in ("了", "着", "过"):
            break  # "铁路网络覆盖了全国": a verbal noun with an aspect particle is the predicate
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
        elif j == i and tag in ("t", "f", "s") and nxt and nxt[0] == "的":
            pass  # "南靖的…", "近代的…", "南方的…": a time or place word before 的 opens the noun phrase
        elif j == i and tag == "r" and word[:1] in ("每", "各"):
            pass  # "每次激活的部分": a distributive opens the noun phrase
        elif tag == "f" and has_noun and word in ("上", "中", "里", "内") and nxt and (
                nxt[1] in NOUN_TAGS or nxt[1] in ("a", "b")):
            pass  # "世界上最大的珊瑚礁系统": a place word inside the noun phrase
        elif tag == "v" and has_noun and len(word) >= 2 and (nxt is None or nxt[1] in ("d", "b", "ad", "vd")
                                                            or nxt[0] in _ZH_COPULAS):
            j += 1  # a verb used as a noun right before the predicate: "蓝领阶级应用至少…", "电池回收指…"
            break
        else:
            break
        j += 1
    return (i, j) if has_noun else (i, i)


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
