"""The object of a defining or choosing verb as a cloze: "TiKV 选择了{{c1::Raft}}", "X is {{c1::a Y}}".

What follows "是 / 称为 / 采用 / 基于 / 选择 / 定位为 …" (or "is a / called / uses / stands for …")
is where a sentence puts the fact it teaches; its subject stays visible and names what is asked. The
deletion is the whole object when it is a short phrase, else its most informative term, and it always
starts and ends on word boundaries (jieba's words for Chinese).
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import clean_span, split_clauses, token_spans
from desktop.core.generate.questions import cloze
from desktop.core.generate.terms import best_term

RULE = "keyspan"
# verb → how sure we are that its object is the sentence's fact
_ZH_ANCHORS = {"是": 0.8, "即": 0.85, "称为": 1.0, "称之为": 1.0, "叫做": 1.0, "叫": 0.9, "简称": 1.0, "又称": 1.0,
               "也叫": 1.0, "采用": 0.95, "使用": 0.85, "选择": 0.9, "选用": 0.95, "基于": 0.85, "定位为": 1.0,
               "敲定为": 1.0, "达到": 0.9, "超过": 0.85, "约为": 0.9, "分为": 0.9, "由": 0.8, "来自": 0.85,
               "属于": 0.9, "负责": 0.85, "提出": 0.85, "开源": 0.8, "采取": 0.9, "依赖": 0.85, "依靠": 0.85,
               "作为": 0.8, "引入": 0.85, "推出": 0.85, "发明": 0.9, "支持": 0.75}
_EN_ANCHORS = re.compile(r"\b(?:is|are|was|were)\s+(?:an?|the|called|known as)\s+|\b(?:called|known as|named|"
                         r"stands? for|means|uses|use|used|relies on|is based on|based on|introduced|invented|"
                         r"adds|added|requires?|returns?|reached|exceeds?)\s+", re.I)
_ZH_LEAD = re.compile(r"^(?:了|着|的|一个|一种|一款|一类|一套|一项|这样|个|为)+")
_MAX_OBJECT = {"zh": 12, "en": 5}  # characters / words: longer objects give their best term instead
_EN_STOP_AT = re.compile(r"\b(?:which|that|because|when|where|while|so|to|if|and then)\b", re.I)


def candidates(ctx: Context) -> list[Candidate]:
    """At most one cloze: the first clause whose anchored object holds a term worth recalling."""
    text = ctx.text
    found = _zh(ctx, text) if ctx.language == "zh" else _en(ctx, text)
    return found[:1]


def _zh(ctx: Context, text: str) -> list[Candidate]:
    out = []
    for clause, start, end in split_clauses(text):
        for word, _tag, w_start, w_end in token_spans(clause):
            confidence = _ZH_ANCHORS.get(word)
            if confidence is None or w_start < 2:
                continue  # an anchor needs a subject before it
            span = _object(ctx, text, start + w_end, end, "zh")
            if span:
                out.append(Candidate(CLOZE, cloze(text, *span), "", text[span[0]:span[1]], RULE, confidence))
            break
        if out:
            break
    return out


def _en(ctx: Context, text: str) -> list[Candidate]:
    for match in _EN_ANCHORS.finditer(text):
        if match.start() < 3:
            continue
        end = _clause_end(text, match.end())
        stop = _EN_STOP_AT.search(text, match.end(), end)
        span = _object(ctx, text, match.end(), stop.start() if stop else end, "en")
        if span:
            return [Candidate(CLOZE, cloze(text, *span), "", text[span[0]:span[1]], RULE, 0.85)]
    return []


def _clause_end(text: str, at: int) -> int:
    found = re.search(r"[,;:.!?，；：。](?:\s|$)|[,;:!?，；：。]", text[at:])
    return at + found.start() if found else len(text)


def _object(ctx: Context, text: str, start: int, end: int, language: str) -> tuple[int, int] | None:
    """The span to delete in text[start:end]: the object when short, else its best term."""
    piece = text[start:end]
    lead = _ZH_LEAD.match(piece) if language == "zh" else re.match(r"\s*(?:an?|the)\s+", piece, re.I)
    if lead:
        start += lead.end()
    piece = text[start:end]
    cleaned = clean_span(piece)
    if not cleaned:
        return None
    start += piece.find(cleaned)
    end = start + len(cleaned)
    length = len(cleaned) if language == "zh" else len(cleaned.split())
    if 2 <= length <= _MAX_OBJECT[language] and _aligned(text, start, end, language):
        return start, end
    return best_term(text, ctx, within=(start, end))


def _aligned(text: str, start: int, end: int, language: str) -> bool:
    if language != "zh":
        return True
    bounds = {0, len(text)}
    for _w, _t, s, e in token_spans(text):
        bounds.update((s, e))
    return start in bounds and end in bounds
