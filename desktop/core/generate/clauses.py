"""The shape of a sentence, shared by every rule family: clauses, connectives, frames, pronouns, words.

Each family reads a sentence before phrasing a card from it; these helpers answer the questions
they all ask (where does a clause start, which words only tie it to the sentence before, does it
merely frame what someone said, does it open with a pronoun) in one way, so that two families never
disagree about the same sentence. Decisions come from punctuation, jieba's tags and generic word
classes (connectives, reporting verbs), never from the words of one particular text.
"""
from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.text import has_cjk, tagged_words

# A clause ends at a comma or semicolon; an ASCII comma between digits ("1,000") is a thousands separator.
_CLAUSE_END = re.compile(r"[，；;]|(?<!\d),|,(?!\d{3}(?!\d))")
# the same with colons ("…那样脆弱:1918年,…"), except a colon between digits ("09:31")
_CLAUSE_END_COLON = re.compile(r"[，；;：]|(?<!\d),|,(?!\d{3}(?!\d))|(?<!\d):|:(?!\d)")
TRAILING = re.compile(r"[\s。．.！!？?；;，,：:、…]+$")
# what an answer or a term is trimmed of on both sides
_EDGE = "。．.!！?？,，;；:：、…\"'“”‘’「」『』() （）\t\n"

# Connectives that open a clause and tie it to what came before; a stand-alone front drops them.
# Longer words come before their prefixes ("但是" before "但", "也就是说" before "也").
ZH_CONNECTIVES = (
    "然而", "此外", "另外", "同时", "因此", "所以", "但是", "不过", "而且", "并且", "事实上", "实际上", "其实",
    "总之", "总的来说", "可见", "显然", "换言之", "也就是说", "另一方面", "一方面", "首先", "其次", "再次", "最后",
    "但", "而", "并", "且", "则", "也", "还", "却", "又", "甚至", "尤其是", "尤其", "特别是", "例如", "比如",
    "于是", "从而", "进而", "以及",
)
# Subordinators: a clause asked about on its own may drop them ("因为超过500B的模型…" states a fact),
# but a rule that asks for the reason needs them where they are.
ZH_SUBORDINATORS = ("因为", "由于", "虽然", "尽管", "即使")
EN_CONNECTIVES = (
    # subordinators ("Although …,") are kept: dropping them would turn a concession into a claim
    "however", "moreover", "furthermore", "in addition", "additionally", "also", "but", "and", "yet", "so",
    "meanwhile", "in fact", "indeed", "therefore", "thus", "still", "for example", "for instance", "finally",
    "first", "second", "third", "then", "instead", "overall", "in short", "of course",
)
_EN_CONNECTIVE = re.compile(r"^(?:%s)\b[,\s]+" % "|".join(
    re.escape(w) for w in sorted(EN_CONNECTIVES, key=len, reverse=True)), re.I)
# Verbs that frame reported speech or belief ("X指出，…", "X said …"): generic Chinese/English verbs.
ZH_REPORTING = (
    "指出", "认为", "强调", "预测", "预计", "估计", "表示", "说", "称", "建议", "提到", "相信", "坦言",
    "透露", "介绍", "发现", "写道", "解释", "补充", "回忆", "宣布", "坚信", "判断", "提醒", "呼吁", "主张",
    "提出", "分享", "表明", "警告", "觉得", "断言", "承认", "质疑",
)
EN_REPORTING = (
    "said", "says", "argued", "argues", "believes", "believed", "noted", "notes", "explained", "explains",
    "told", "added", "adds", "predicted", "predicts", "thinks", "thought", "warned", "warns", "wrote",
    "writes", "recalled", "estimated", "estimates", "expects", "expected", "claims", "claimed", "suggests",
    "suggested", "stressed", "stresses", "emphasized", "emphasizes", "emphasised", "emphasises",
    "pointed out", "points out", "observed", "observes", "recommends", "recommended", "insists", "insisted",
    "contends", "contended", "maintains", "maintained", "proposes", "proposed", "concludes", "concluded",
    "reckons", "reckoned", "cautions", "cautioned",
)
_ZH_REPORTING_END = re.compile(f"(?:{'|'.join(ZH_REPORTING)})$")
# Sentences about the document itself ("本文将…", "This article …") teach nothing about the topic.
_META = re.compile(r"^\s*(?:本文|本篇|本章|本节|文章|这篇|下文|笔者|小编|in this (?:article|post|essay|chapter|talk)|"
                   r"this (?:article|post|essay|chapter)|the (?:article|post) )", re.I)
ZH_PRONOUN = re.compile(r"^(?:他们|她们|它们|他|她|它|这些|那些|这类|那类|这种|那种|这个|那个|这样|这一|"
                        r"这|那|此|该|其|本文|本书|我们|我|你)")
EN_PRONOUN = re.compile(r"^(?:he|she|it|they|this|that|these|those|there|we|i|you|which|who)\b", re.I)
# Adverbial clauses that set the scene; kept in front of a question so that it stays true.
_ZH_SETTING = re.compile(r"^(?:随着|在|对于|对|当|自从|为了|如今|当前|目前|近年来|未来|过去|现在|今天|"
                         r"[^,，]{0,6}(?:年|时|时候|期间|以来|阶段)$)")
# Time and place words jieba may tag as nouns ("十年内": 内/n).
TIME_WORDS = {"内", "间", "中", "后", "前", "里", "以来", "以内", "期间", "之间", "之前", "之后", "底", "初", "末",
              "左右", "截至", "截止", "直到", "到", "从", "自", "至今", "年底", "年初", "上半年", "下半年"}
# Section titles that name no topic: a front needs the document title instead.
GENERIC_TITLES = re.compile(r"^(?:引言|前言|序言|导言|结语|结论|总结|小结|概述|背景|摘要|附录|参考文献|尾声|"
                            r"introduction|conclusions?|summary|overview|background|abstract|appendix|"
                            r"final thoughts|closing thoughts|references)$", re.I)
# Of those, the closing ones: a conclusion restates earlier facts or offers platitudes.
CLOSING_TITLES = re.compile(r"^(?:结语|结论|总结|小结|结束语|尾声|后记|写在最后|conclusions?|summary|final thoughts|"
                            r"closing thoughts|wrap-?up|in closing)$", re.I)
# words that merely begin with a linking verb ("是否", "即使") and are not one
_NOT_LINKING = {"是否", "是非", "是的", "是不是", "即使", "即便", "即将", "即可", "即时", "即刻", "成为止"}


def too_long(text: str, language: str) -> bool:
    """A run-on "sentence" (a list, a page without punctuation): no card would be one fact, and the
    patterns would spend quadratic time on it."""
    return len(text) > 300 if language == "zh" else len(text) > 600


def clean_span(text: str) -> str:
    """An answer or term without surrounding punctuation, quotes or white space."""
    return text.strip().strip(_EDGE).strip()


def split_clauses(sentence: str, colons: bool = False) -> list[tuple[str, int, int]]:
    """Clauses of a sentence, split at commas and semicolons.

    Args:
        sentence: one sentence.
        colons: whether a colon ends a clause too.
    Returns:
        (clause, start, end) triples, offsets into `sentence`; the separators are left out.
    """
    clauses, start = [], 0
    for match in (_CLAUSE_END_COLON if colons else _CLAUSE_END).finditer(sentence):
        _add_clause(clauses, sentence, start, match.start())
        start = match.end()
    _add_clause(clauses, sentence, start, len(sentence))
    return clauses


def _add_clause(out: list, sentence: str, start: int, end: int) -> None:
    piece = sentence[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = TRAILING.sub("", piece.strip())
    if piece:
        out.append((piece, start + lead, start + lead + len(piece)))


@lru_cache(maxsize=65536)
def zh_clauses(text: str) -> tuple[str, ...]:
    """Clauses of a Chinese sentence, connectives (not subordinators) removed, empty ones dropped."""
    parts = [strip_connectives(clean_span(clause), "zh", subordinators=False) for clause, _s, _e in split_clauses(text)]
    return tuple(p for p in parts if p and p not in ZH_CONNECTIVES)  # "此外，…": a lone connective is no clause


@lru_cache(maxsize=65536)  # every family strips the same clauses
def strip_connectives(clause: str, language: str, subordinators: bool = True) -> str:
    """A clause without the connectives that open it ("然而，", "但也", "However, ").

    Args:
        clause: one clause.
        language: "zh" or "en".
        subordinators: whether "因为/由于/虽然…" go too (English subordinators always stay).
    Returns:
        The clause from its first content word.
    """
    text = clause.strip()
    if language != "zh":
        previous = None
        while previous != text:
            previous, text = text, _EN_CONNECTIVE.sub("", text, count=1)
        return text
    words = (*ZH_SUBORDINATORS, *ZH_CONNECTIVES) if subordinators else ZH_CONNECTIVES
    changed = True
    while changed:
        changed = False
        for word in words:
            if text.startswith(word) and len(text) > len(word) + 1 and not _glued(text, word):
                text = text[len(word):].lstrip("，,：: ")
                changed = True
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


def starts_with_pronoun(text: str, language: str) -> bool:
    """True when the text opens with a pronoun or demonstrative that needs its antecedent."""
    return bool((ZH_PRONOUN if language == "zh" else EN_PRONOUN).match(text.strip()))


def is_setting(clause: str) -> bool:
    """True for a scene-setting clause ("随着模型规模的增长", "当前") that a question should keep."""
    return bool(_ZH_SETTING.match(clause)) and not re.search(r"(?:是|成为|认为|指出)", clause)


def is_adverbial(clause: str) -> bool:
    """"近日", "运河通航后", "在演讲的最后": a clause that sets time or place, with no predicate of its own."""
    spans = token_spans(clause)
    if not spans:
        return False
    tags = [tag if word not in TIME_WORDS else "t" for word, tag, _s, _e in spans]
    if all(tag in ("t", "m", "f", "x", "c", "d", "q") for tag in tags):
        return True
    # a phrase closed by a time/place word: "运河通航后", "19世纪中期", "在演讲的最后"
    return tags[-1] in ("t", "f") and tags[0] not in ("r",) and not any(
        w in ("是", "有") for w, _t, _s, _e in spans) and (tags[0] in ("p", "m") or len(spans) <= 4)


# --- words --------------------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
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


def last_flag(text: str) -> str:
    """jieba's part of speech of the last word of `text` ("" for empty text)."""
    pairs = tagged_words(text)
    return pairs[-1][1] if pairs else ""


def whole_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] reads as a word of its own: it starts a jieba word, and ends one
    or ends with a character that jieba glued to a following preposition ("是从", "是在").

    Args:
        text: the clause.
        start, end: the span of a verb in it.
    Returns:
        Whether the span may be read as that verb.
    """
    spans = {s: w for w, _t, s, _e in token_spans(text)}
    first = spans.get(start)
    if first is None or first in _NOT_LINKING or len(first) > end - start and not _with_preposition(first, end - start):
        return False
    if any(s + len(w) == end for s, w in spans.items()):
        return True
    last = spans.get(end - 1)
    return last is not None and last not in _NOT_LINKING


def _with_preposition(word: str, length: int) -> bool:
    """"是从" = "是" + "从": a verb followed by a one-character preposition."""
    return len(word) == length + 1 and word[-1] in "从在由把对于为向以给跟与和"
