"""Shared helpers to phrase cards in Chinese and English: clauses, tokens, cloze markup, question marks.

Rule families build a front from a sentence of the document; these helpers keep the pieces they
all need (where a clause starts, which words are connectives, how a cloze is marked up) in one place
so that every family phrases its cards the same way.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.text import has_cjk, tagged_words

ZH_MARK = "？"
EN_MARK = "?"

# A clause ends at a comma or semicolon; an ASCII comma between digits ("1,000") is a thousands separator.
_CLAUSE_END = re.compile(r"[，；;]|,(?!\d{3}(?!\d))")
_TRAILING = re.compile(r"[\s。．.！!？?；;，,：:、]+$")
# Connectives that open a clause and tie it to what came before; a stand-alone front drops them.
ZH_CONNECTIVES = (
    "然而", "此外", "另外", "同时", "因此", "所以", "因为", "由于", "但是", "不过", "而且", "并且", "事实上",
    "实际上", "其实", "总之", "首先", "其次", "最后", "虽然", "尽管", "但", "而", "并", "且", "则", "也", "还",
    "却", "又", "即使", "甚至", "尤其是", "尤其", "特别是", "例如", "比如", "于是", "从而", "进而", "以及",
)
EN_CONNECTIVES = (
    # subordinators ("Although …,") are kept: dropping them would turn a concession into a claim
    "however", "moreover", "furthermore", "in addition", "additionally", "also", "but", "and", "yet", "so",
    "meanwhile", "in fact", "indeed", "therefore", "thus", "still", "for example", "for instance", "finally",
    "first", "second", "third", "then",
)
# Verbs that frame reported speech or belief ("X指出，…", "X said …"): generic Chinese/English verbs.
ZH_REPORTING = (
    "指出", "认为", "强调", "预测", "预计", "估计", "表示", "说", "称", "建议", "提到", "相信", "坦言",
    "透露", "介绍", "发现", "写道", "解释", "补充", "回忆", "宣布", "坚信", "判断", "提醒", "呼吁", "主张",
)
# Of those, the ones whose content is an opinion or forecast: the front keeps who holds it.
ZH_BELIEF = ("认为", "预测", "预计", "估计", "相信", "坚信", "判断", "主张")
EN_REPORTING = (
    "said", "says", "argued", "argues", "believes", "believed", "noted", "notes", "explained", "explains",
    "told", "added", "predicted", "predicts", "thinks", "thought", "warned", "warns", "wrote", "writes",
    "recalled", "estimated", "estimates", "expects", "expected", "claims", "claimed", "suggests",
    "suggested", "stressed", "emphasized", "emphasised", "pointed out", "observed",
)
# Sentences about the document itself ("本文将…", "This article …") teach nothing about the topic.
_META = re.compile(r"^\s*(?:本文|本篇|本章|本节|文章|这篇文章|下文|笔者|in this (?:article|post|essay|chapter)|"
                   r"this (?:article|post|essay|chapter)|the (?:article|post) )", re.I)


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
    body = _TRAILING.sub("", text.strip())
    if language != "zh" and body:
        body = body[0].upper() + body[1:]
    return body + mark(language)


def split_clauses(sentence: str) -> list[tuple[str, int, int]]:
    """Clauses of a sentence, split at commas and semicolons.

    Args:
        sentence: one sentence.
    Returns:
        (clause, start, end) triples, offsets into `sentence`; the separators are left out.
    """
    clauses, start = [], 0
    for match in _CLAUSE_END.finditer(sentence):
        _add_clause(clauses, sentence, start, match.start())
        start = match.end()
    _add_clause(clauses, sentence, start, len(sentence))
    return clauses


def _add_clause(out: list, sentence: str, start: int, end: int) -> None:
    piece = sentence[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    piece = _TRAILING.sub("", piece)
    if piece:
        out.append((piece, start + lead, start + lead + len(piece)))


@lru_cache(maxsize=8192)
def token_spans(text: str) -> tuple[tuple[str, str, int, int], ...]:
    """jieba's (word, tag) pairs with their offsets in `text`.

    Args:
        text: Chinese text (English words come back tagged "eng").
    Returns:
        (word, tag, start, end) tuples in order.
    """
    spans, cursor = [], 0
    for word, tag in tagged_words(text):
        start = text.find(word, cursor)
        if start < 0:  # jieba normalised something; give up on offsets for this word
            continue
        spans.append((word, tag, start, start + len(word)))
        cursor = start + len(word)
    return tuple(spans)


def strip_connectives(clause: str, language: str) -> str:
    """A clause without the connectives that open it ("然而，", "但也", "However, ").

    Args:
        clause: one clause.
        language: "zh" or "en".
    Returns:
        The clause from its first content word.
    """
    text = clause.strip()
    if language == "zh":
        changed = True
        while changed:
            changed = False
            for word in ZH_CONNECTIVES:
                if text.startswith(word) and len(text) > len(word) + 1 and not _glued(text, word):
                    text = text[len(word):].lstrip("，, ")
                    changed = True
        return text
    lowered = text.lower()
    for word in sorted(EN_CONNECTIVES, key=len, reverse=True):
        if re.match(rf"{re.escape(word)}\b[,\s]+", lowered):
            return strip_connectives(re.sub(rf"^{re.escape(word)}\b[,\s]+", "", text, flags=re.I), language)
    return text


def _glued(text: str, word: str) -> bool:
    """Whether `word` at the start of `text` is really the first part of a longer word (并非, 而言)."""
    if not has_cjk(text):
        return False
    first = token_spans(text)[:1]
    return bool(first) and len(first[0][0]) > len(word)


def reporting_frame(clause: str, language: str) -> tuple[str, str] | None:
    """Split a clause that only frames reported speech: "李沐预计" → ("李沐", "预计").

    Args:
        clause: a clause, usually the first of a sentence.
        language: "zh" or "en".
    Returns:
        (speaker, verb) or None when the clause says something itself.
    """
    text = clause.strip()
    if language == "zh":
        for verb in ZH_REPORTING:
            if text.endswith(verb) and 1 < len(text) - len(verb) <= 16:
                return text[: -len(verb)], verb
        return None
    for verb in EN_REPORTING:
        if re.search(rf"\b{verb}(?: that)?$", text) and 1 < len(text.split()) <= 7:
            return text[: text.rfind(verb)].strip(), verb
    return None


def is_meta(sentence: str) -> bool:
    """Whether a sentence talks about the document ("本文将…", "This article …") rather than its topic."""
    return bool(_META.match(sentence))


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
    return f"{text[:start]}{{{{c{number}::{text[start:end]}}}}}{text[end:]}"


def clean_item(item: str) -> str:
    """A list item without the quotes, conjunctions and "等" around it.

    Args:
        item: raw text of one item, e.g. "以及“散热问题”等".
    Returns:
        "散热问题".
    """
    text = item.strip().strip("“”\"'‘’「」『』《》()（）[] ")
    text = re.sub(r"^(?:以及|及|和|与|或者|或|跟|同|and |or |as well as |the |a |an )", "", text, flags=re.I)
    text = re.sub(r"(?:等等|等)$", "", text)
    text = re.sub(r"(?:,?\s*etc\.?)$", "", text)
    return text.strip().strip("“”\"'‘’「」『』《》 ,，.")
