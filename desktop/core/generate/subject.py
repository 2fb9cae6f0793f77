"""Make a card's front stand alone: resolve references ("这一规模", "他", "This model") from context.

A front that says "这类应用至少需要多长时间？" is useless in a deck of hundreds of cards: the learner
no longer sees the paragraph. `resolve` rewrites such references from what the document said before
(the previous clauses and sentences, the person named earlier, the section title); `clause_subject`
and `topic_of` find the noun phrase a clause is about, so that a later clause without a subject can
borrow it. Everything is decided from jieba's part-of-speech tags and sentence shape, never from a
list of words of one particular text.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Callable

from desktop.core.document import Section
from desktop.core.generate.base import Context
from desktop.core.generate.questions import (EN_REPORTING, ZH_CONNECTIVES, reporting_frame, split_clauses,
                                              strip_connectives, token_spans)
from desktop.core.text import has_cjk

# --- Chinese ---------------------------------------------------------------------------------------
# Demonstratives that need a referent. A bare 这/那 followed by a verb is a clause pronoun ("这降低了…")
# that no noun phrase can replace; those are left for `dangling` to report.
_ZH_DEMONSTRATIVE_TOKENS = {"这个", "那个", "这种", "那种", "这类", "那类", "这些", "那些", "这次", "这项",
                            "这位", "这家", "这款", "此类", "此种", "此项", "该类", "该项", "这一", "那一"}
_ZH_BARE = {"这", "那", "该", "此"}
_ZH_NOT_CLASSIFIER = set("样里么儿边时外后前刻般些")  # 这些 is listed on its own
_ZH_CLASSIFIERS = {"一", "个", "种", "类", "些", "次", "项", "位", "家", "款", "套", "批", "条"}
# Nouns that name a size or a bound: "这一规模" after a number means that number.
_ZH_MAGNITUDE = {"规模", "数量", "数字", "数值", "量级", "水平", "限制", "上限", "下限", "门槛", "阈值", "极限",
                 "比例", "标准", "价格", "成本", "速度"}
# Nouns for a field or an area, which a section title can name ("这个领域" in section "工科白领").
_ZH_FIELDS = {"领域", "行业", "方面", "场景", "方向", "地区", "区域", "市场", "群体", "人群", "阶层", "阶段"}
# Time and place words jieba may tag as nouns ("十年内": 内/n).
TIME_WORDS = {"内", "间", "中", "后", "前", "里", "以来", "以内", "期间", "之间", "之前", "之后", "底", "初", "末",
              "左右", "截至", "截止", "直到", "到", "从", "自", "至今", "年底", "年初", "上半年", "下半年"}
_ZH_SIZE = {"规模", "数量", "数字", "数值", "量级", "水平"}
_ZH_COMPARE = ("超过", "超出", "达到", "低于", "高于", "突破", "接近", "不到", "不足", "小于", "大于", "逾越")
_ZH_COPULAS = {"是", "指", "为", "即", "就是", "意味着", "称为", "叫做", "被"}
_NOUN_TAGS = {"n", "nz", "ns", "nt", "nr", "nrt", "nw", "vn", "eng", "j", "an", "ng"}
_PERSON_NEXT = {"v", "vn", "p", "d", "vd", "ad"}
_TITLE_SPLIT = re.compile(r"[的与和及、:：,，\s]|以及")
_GENERIC_TITLES = re.compile(r"^(?:引言|前言|序言|导言|结语|结论|总结|小结|概述|背景|摘要|附录|参考文献|尾声|"
                             r"introduction|conclusions?|summary|overview|background|abstract|appendix|"
                             r"final thoughts|closing thoughts|references)$", re.I)

# --- English ---------------------------------------------------------------------------------------
_EN_AUX = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "could", "will", "would",
           "may", "might", "must", "should", "does", "do", "did", "shall", "remains", "remain", "became",
           "becomes", "uses", "used", "makes", "made", "takes", "took", "gives", "gave", "holds", "held",
           "needs", "needed", "allows", "allowed", "lets", "helps", "costs", "cost", "runs", "ran", "came",
           "comes", "went", "goes", "began", "begins", "won", "wins", "grew", "grows", "rose", "fell", "led",
           "leads", "sold", "built", "found", "brought", "kept", "keeps", "lost", "still", "also", "now",
           "never", "only", "often", "already", "then", "not"}
_EN_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but",
            "as", "that", "which", "who", "this", "these", "those", "its", "their", "his", "her", "it",
            "they", "he", "she", "into", "than", "about", "over", "under", "between", "after", "before",
            "during", "since", "while", "because", "so", "not", "no", "more", "most", "less", "very", "such"}
_EN_STOP |= _EN_AUX
_EN_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "that", "those", "new",
                   "old", "first", "last", "many", "most", "some", "all", "each", "every", "such"}
_EN_SELF = {"article", "post", "essay", "chapter", "section", "paper", "talk", "book", "piece", "page", "story"}
_EN_FUNCTION_START = {"The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "This", "These", "That",
                      "Those", "It", "He", "She", "They", "We", "I", "But", "And", "Yet", "However", "When",
                      "While", "After", "Before", "Since", "During", "Its", "Their", "His", "Her", "Our", "Some",
                      "Many", "Most", "Each", "Every", "Unlike", "Like", "Although", "Though", "If", "As",
                      "According", "Today", "Now", "Then", "Why", "What", "How", "Where", "Who"}
_EN_TITLES = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?"
_EN_NAME = re.compile(rf"(?:{_EN_TITLES}\s+)?\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+){{1,2}})\b")
_EN_LEAD_PHRASE = re.compile(r"^(?:(?:In|On|At|By|For|During|After|Before|Since|From|Over|Under|With|Without|"
                             r"Unlike|Like|Today|According to|Despite|Thanks to|As of)\b[^,]{0,60},\s*)")
# Lower-case "that"/"those"/"such" are too often a conjunction or a quantifier ("argues that …") to rewrite.
_EN_DET_NP = re.compile(r"\b(This|These|That|Those|this|these)\s+([a-z][\w-]*)"
                        r"(?:\s+([a-z][\w-]*))?")
_EN_PRONOUN_START = re.compile(r"^(It|They|This|These|That|Its|Their)\b(?=\s+(\w+))")


def resolve(text: str, ctx: Context) -> str:
    """The text with references replaced by what they refer to (previous sentence, section title).

    Args:
        text: a sentence or clause from `ctx`.
        ctx: the sentence's context.
    Returns:
        Text a learner understands without the document at hand; unresolvable references stay as
        they were (check with `dangling`).
    """
    if ctx.language == "zh" or has_cjk(text):
        return _resolve_zh(text, ctx)
    return _resolve_en(text, ctx)


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
    blocks = SequenceMatcher(None, text, resolved, autojunk=False).get_matching_blocks()

    def span(start: int, end: int) -> tuple[int, int] | None:
        for a, b, size in blocks:
            if a <= start and end <= a + size:
                return b + start - a, b + end - a
        return None

    return resolved, span


def subject_hint(ctx: Context) -> str:
    """A short label that names the topic, used as a prefix when a front would be ambiguous.

    Args:
        ctx: the sentence's context.
    Returns:
        The section title, or the document title when the section is only "引言"/"Conclusion".
    """
    title = ctx.section.title.strip()
    if not title or _GENERIC_TITLES.match(title):
        return ctx.document.title.strip()
    return title


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
            if word in _ZH_DEMONSTRATIVE_TOKENS or word in _ZH_BARE:
                before = spans[i - 1] if i else None
                # "程序员这类职业" names its referent right before the demonstrative
                if before is None or before[1] not in _NOUN_TAGS:
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
        if tag in _NOUN_TAGS:
            has_noun = True
        elif word == "的" and j > i and nxt and nxt[1] != "x":
            j += 2  # "X的Y": the word after 的 is the head, whatever jieba tagged it
            has_noun = True
            if j < len(spans) and spans[j][1] in _NOUN_TAGS:
                continue
            break
        elif tag in ("a", "b", "v") and j > i and nxt and nxt[0] == "的" and j - i <= 3:
            pass  # "每次激活的部分", "稠密的模型": a modifier before 的
        elif tag in ("a", "b") or word in ("多", "大", "小", "新", "各"):
            if has_noun and tag == "b" and len(word) >= 2 and nxt and nxt[1] in ("d", "p"):
                j += 1  # a noun jieba tags as distinguishing word: "模型大小则…"
                break
            if not (nxt and (nxt[1] in _NOUN_TAGS or nxt[1] in ("a", "b"))):
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


# --- people -----------------------------------------------------------------------------------------
def preceding_texts(ctx: Context, limit: int = 40) -> list[str]:
    """Sentences and headings before the context sentence, nearest first.

    Args:
        ctx: the sentence's context.
        limit: how many to return at most.
    Returns:
        The sentence's own section first (from the sentence before back to the heading), then earlier
        sections back to the document title.
    """
    out: list[str] = [s.text for s in reversed(ctx.section.sentences[:ctx.index])]
    out.append(ctx.section.title)
    earlier: list[Section] = []
    for section in ctx.document.walk():
        if section.id == ctx.section.id:
            break
        earlier.append(section)
    for section in reversed(earlier):
        out.extend(s.text for s in reversed(section.sentences))
        out.append(section.title)
        if len(out) >= limit:
            break
    out.append(ctx.document.title)
    return out[:limit]


def person_before(ctx: Context, upto: str = "") -> str:
    """The person most recently named before a pronoun: in `upto`, then earlier text, nearest first.

    Args:
        ctx: the sentence's context.
        upto: the part of the current sentence before the pronoun.
    Returns:
        A name, or "" when none was named.
    """
    for text in [upto, *preceding_texts(ctx)]:
        names = zh_people(text) if has_cjk(text) else english_people(text)
        if names:
            return names[-1]
    return ""


def zh_people(text: str) -> list[str]:
    """Person names in Chinese text, in order.

    jieba tags many non-names "nr" (白领, 水冷); a name is kept only when it acts as a subject: it is
    followed by a verb, adverb or preposition and preceded by nothing, punctuation or a noun (a title).
    """
    spans = token_spans(text)
    names = []
    for i, (word, tag, _s, _e) in enumerate(spans):
        if tag not in ("nr", "nrfg", "nrt") or not 2 <= len(word) <= 4:
            continue
        nxt = spans[i + 1][1] if i + 1 < len(spans) else ""
        prev = spans[i - 1][1] if i else "x"
        if nxt in _PERSON_NEXT and (prev in ("x", "c", "p") or prev in _NOUN_TAGS):
            names.append(word)
    return names


def english_people(text: str) -> list[str]:
    """Person names in English text: capitalised two- or three-word names that act as speakers or
    carry a title (Dr, Prof), in order; other capitalised runs count only when nothing better is found."""
    strong, weak = [], []
    for match in _EN_NAME.finditer(text):
        name = match.group(1)
        first = name.split()[0]
        if first in _EN_FUNCTION_START:
            continue
        after = text[match.end():match.end() + 20].lstrip(" ,").lower()
        titled = match.group(0) != name
        if titled or any(after.startswith(v) for v in EN_REPORTING):
            strong.append(name)
        elif re.match(r"[a-z]+", after) and re.match(r"[a-z]+", after).group(0) not in _EN_STOP - _EN_AUX:
            weak.append(name)  # "Leland Stanford drove …" acts; "the Harbor Cell's energy" does not
    return strong or weak


# --- Chinese resolution -------------------------------------------------------------------------------
def _resolve_zh(text: str, ctx: Context) -> str:
    spans = token_spans(text)
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        word, tag, start, end = spans[i]
        if word in ("他", "她") and tag == "r":
            # "李沐分享了他的心得": a name earlier in the same text already carries the pronoun
            name = "" if zh_people(text[:start]) else person_before(ctx, text[:start])
            if name:
                edits.append((start, end, name))
            i += 1
            continue
        det_end, head_range = _demonstrative_at(spans, i)
        if head_range is None:
            i += 1
            continue
        replacement = _zh_referent(text, spans, i, det_end, head_range, ctx)
        if replacement is None and head_range[1] - head_range[0] > 1:
            head_range = (head_range[0], head_range[0] + 1)
            replacement = _zh_referent(text, spans, i, det_end, head_range, ctx)
        if replacement is not None:
            edits.append((start, spans[max(head_range[1] - 1, det_end - 1)][3], replacement))
        i = max(head_range[1], i + 1)
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text


def _demonstrative_at(spans: tuple, i: int) -> tuple[int, tuple[int, int] | None]:
    """(index after the demonstrative, token range of its head noun) when token i opens "这类应用"."""
    word, tag = spans[i][0], spans[i][1]
    if word in _ZH_DEMONSTRATIVE_TOKENS or _demonstrative_word(word, tag):
        j = i + 1
    elif word in _ZH_BARE and i + 1 < len(spans) and spans[i + 1][0] in _ZH_CLASSIFIERS:
        j = i + 2
    elif word in ("该", "此") and tag == "r":
        j = i + 1
    else:
        return i, None
    if j >= len(spans):
        return j, None
    k = j
    while k < len(spans) and spans[k][1] in _NOUN_TAGS - {"nr"} and k - j < 3:
        k += 1
    if k == j:
        first = spans[j]
        nxt = spans[j + 1][0] if j + 1 < len(spans) else ""
        # jieba tags nouns like 应用/限制/演讲 as verbs; a following 了/着/过 shows a real verb
        if first[1] == "v" and len(first[0]) >= 2 and nxt not in ("了", "着", "过"):
            k = j + 1
        elif first[1] in ("a", "b") and j + 1 < len(spans) and spans[j + 1][1] in _NOUN_TAGS:
            return j, (j, j)  # "这些新模态模型": descriptive already; only the demonstrative goes
        else:
            return j, None
    if k < len(spans) and (spans[k][0] in ("了", "着", "过") or (spans[k][0] == "的" and k - j > 1)):
        return j, None  # a verb, or "这个[技术飞速发展的]时代" where the real head comes later
    return j, (j, k)


def _demonstrative_word(word: str, tag: str) -> bool:
    """"这笔", "该项", "那座": a demonstrative fused with its classifier (not 这样/这里/此外)."""
    return tag == "r" and len(word) == 2 and word[0] in "这那此该" and word[1] not in _ZH_NOT_CLASSIFIER


def _zh_referent(text: str, spans: tuple, i: int, det_end: int, head_range: tuple[int, int],
                 ctx: Context) -> str | None:
    """What "这类应用" (tokens i..head_range) refers to, or None to leave it as it is."""
    if head_range[0] == head_range[1]:
        return ""  # drop the demonstrative before a descriptive noun phrase
    head = text[spans[head_range[0]][2]:spans[head_range[1] - 1][3]]
    before = text[:spans[i][2]]
    if head_range[1] - head_range[0] > 1:
        # "这种技术成本很高": the head may be the first noun only; the longer reading is tried first
        for source in [before, *(s.text for s in _previous(ctx, 3)), *_titles(ctx)]:
            phrase = _np_ending_with(source, head)
            if phrase and phrase != head:
                return phrase
        return None
    if head in _ZH_MAGNITUDE:
        quantity = _last_quantity([before, *(s.text for s in _previous(ctx, 1))])
        if quantity:
            compared = before.rstrip().endswith(_ZH_COMPARE)
            return quantity if compared and head in _ZH_SIZE else f"{quantity}的{head}"
    for source in [before, *(s.text for s in _previous(ctx, 3)), *_titles(ctx)]:
        phrase = _np_ending_with(source, head)
        if phrase and phrase != head:
            return phrase
    title = ctx.section.title.strip()
    # A kind ("这类应用", "这种电池") or a field ("这个领域") can be named by the section it is in;
    # a single thing ("该公司", "这款芯片") cannot: the section title is not its name.
    kind = any(c in "类种" for c in "".join(w for w, _t, _s, _e in spans[i:det_end])) or head in _ZH_FIELDS
    if not kind or not _noun_title(title):
        return None
    if head not in title:
        return title + head  # "这类应用" in section "蓝领阶级" → "蓝领阶级应用"
    return title if title.endswith(head) else None


def _titles(ctx: Context) -> list[str]:
    """The section title, its ancestors' titles and the document title, nearest first."""
    titles, section = [ctx.section.title], ctx.section
    while True:
        parent = ctx.document.parent_of(section.id)
        if parent is None:
            break
        titles.append(parent.title)
        section = parent
    return [*titles, ctx.document.title]


def _previous(ctx: Context, count: int) -> list:
    return list(reversed(ctx.section.sentences[max(0, ctx.index - count):ctx.index]))


def _last_quantity(texts: list[str]) -> str:
    """The last number with its unit in the first of `texts` that has one, bounds stripped ("500B")."""
    from desktop.core.generate import quantity  # quantity imports this module

    for text in texts:
        found = quantity.find_quantities(text, "zh")
        if found:
            last = found[-1]
            return last.text[len(last.bound):] if last.text.startswith(last.bound) else last.text
    return ""


def _np_ending_with(text: str, head: str) -> str:
    """The noun phrase of `text` that ends with `head` (its last occurrence), with its modifiers."""
    if head not in text:
        return ""
    spans = token_spans(text)
    for j in range(len(spans) - 1, -1, -1):
        word = spans[j][0]
        if not word.endswith(head):
            continue
        k = j
        while k > 0 and k > j - 3 and spans[k - 1][0] != "的":
            tag = spans[k - 1][1]
            # a verb-tagged modifier ("垂直模型") counts only where a noun phrase may start: after 的,
            # punctuation or a preposition, never as the verb of an object ("限制模型规模")
            opener = k - 1 == 0 or spans[k - 2][0] == "的" or spans[k - 2][1] in ("x", "p", "c")
            # "激光焊接技术": a two-character verb between nouns is part of a technical compound
            compound = (tag in ("v", "vn") and len(spans[k - 1][0]) >= 2 and k >= 2
                        and spans[k - 2][1] in _NOUN_TAGS)
            if tag in _NOUN_TAGS | {"b"} or (tag in ("v", "a") and opener) or compound:
                k -= 1
            else:
                break
        return text[spans[k][2]:spans[j][3]]
    return ""


def _noun_title(title: str) -> bool:
    """A section title that is itself a short noun phrase ("蓝领阶级"), fit to name a referent."""
    if not title or len(title) > 8 or _TITLE_SPLIT.search(title) or _GENERIC_TITLES.match(title):
        return False
    spans = token_spans(title)
    return bool(spans) and spans[-1][1] in _NOUN_TAGS | {"v"} and not any(
        t in ("p", "c", "d") for _w, t, _s, _e in spans)


# --- English resolution -------------------------------------------------------------------------------
def _resolve_en(text: str, ctx: Context) -> str:
    text = _resolve_en_people(text, ctx)
    text = _resolve_en_pronoun(text, ctx)
    return _resolve_en_determiners(text, ctx)


def _resolve_en_people(text: str, ctx: Context) -> str:
    def person(match: re.Match) -> str:
        name = person_before(ctx, text[:match.start()])
        if not name:
            return match.group(0)
        return f"{name}'s" if match.group(0).lower() in ("his", "her") else name

    # "Her" opening a sentence is a possessive; inside one it may be an object, so it stays
    return re.sub(r"\b(?:He|She)\b|(?<=[,;] )(?:he|she)\b|\bhis\b|^Her\b", person, text)


def _resolve_en_pronoun(text: str, ctx: Context) -> str:
    """"It kept 80% …" → "The cell kept 80% …": a sentence-opening pronoun takes the subject of a
    sentence before that agrees with it in number."""
    body = strip_connectives(text, "en")
    match = _EN_PRONOUN_START.match(body)
    if not match:
        return text
    pronoun, nxt = match.group(1), match.group(2)
    possessive = pronoun in ("Its", "Their")
    if not possessive and not _verbish(nxt, plural_noun_ok=pronoun in ("These", "They")):
        return text  # "This design …" is a determiner, handled with its noun
    plural = pronoun in ("They", "These", "Their")
    referent = ""
    for sentence in _previous(ctx, 3):
        candidate = english_subject(sentence.text)
        if candidate and _plural(candidate) == plural:
            referent = candidate
            break
    if not referent:
        return text
    referent = referent[0].upper() + referent[1:]
    if possessive:
        referent += "'" if referent.endswith("s") else "'s"
    return text[: len(text) - len(body)] + referent + body[match.end(1):]


def _plural(phrase: str) -> bool:
    head = phrase.split()[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is"))


def _resolve_en_determiners(text: str, ctx: Context) -> str:
    """"These cells last …" → "The solid-state cells last …" when an earlier phrase ends in the noun."""
    def replace(match: re.Match) -> str:
        det, first, second = match.group(1), match.group(2), match.group(3)
        if first.lower() in _EN_STOP or (det.lower() in ("this", "that") and _verbish(first)) \
                or first.lower() in _EN_SELF:
            return match.group(0)
        heads = [[first, second]] if second and second.lower() not in _EN_STOP and not _verbish(second) else []
        before = text[:match.start()]
        article = "The" if det[0].isupper() else "the"
        for words in [*heads, [first]]:
            for source in [before, *(s.text for s in _previous(ctx, 3)), ctx.section.title]:
                phrase = _en_np_ending_with(source, words[-1])
                if phrase and len(phrase.split()) > 1 and phrase.split()[-1].lower() != phrase.split()[0].lower():
                    if source == ctx.section.title and not phrase.split()[0].isupper():
                        phrase = phrase[0].lower() + phrase[1:]  # "Open problems" is title case, not a name
                    modifiers = " ".join(phrase.split()[:-1])
                    if len(words) > 1 and modifiers.split()[-1].lower() == words[0].lower():
                        modifiers = " ".join(modifiers.split()[:-1])
                    tail = match.group(0)[len(det) + 1 + len(" ".join(words)):]
                    return f"{article} {modifiers} {' '.join(words)}{tail}".replace("  ", " ")
        owner = _previous_owner(ctx) if det.lower() in ("this", "that") and match.start() == len(text) - len(
            text.lstrip()) else ""
        if owner:
            # "… uses sodium. This design cuts costs" → "The Harbor cell's design cuts costs"
            tail = match.group(0)[len(det) + 1 + len(first):]
            return f"{owner[0].upper() + owner[1:]}'s {first}{tail}"
        return match.group(0)

    return _EN_DET_NP.sub(replace, text)


def _previous_owner(ctx: Context) -> str:
    """The singular subject of the sentence before, to own a noun that "This" introduces."""
    if ctx.previous is None:
        return ""
    owner = english_subject(ctx.previous.text)
    simple = owner and "'" not in owner and len(owner.split()) <= 4
    return owner if simple and not _plural(owner) else ""


def _en_np_ending_with(text: str, head: str) -> str:
    stem = head.lower().rstrip("s")
    words = re.findall(r"[\w'-]+", text)
    for j in range(len(words) - 1, -1, -1):
        if words[j].lower().rstrip("s") != stem:
            continue
        k = j
        while k > 0 and j - k < 3 and words[k - 1].lower() not in _EN_STOP and not _verbish(words[k - 1]) \
                and not words[k - 1][0].isdigit():
            k -= 1
        return " ".join(words[k:j + 1])
    return ""


def _verbish(word: str, plural_noun_ok: bool = False) -> bool:
    """A rough guess that an English word is a verb (no tagger for English here)."""
    low = word.lower()
    if low in _EN_AUX:
        return True
    if low.endswith("ed") and len(low) > 4:
        return True
    return low.endswith("s") and not low.endswith("ss") and not plural_noun_ok and len(low) > 3


def english_subject(sentence: str) -> str:
    """The subject noun phrase of an English sentence ("The new cell stores …" → "the new cell").

    Args:
        sentence: one English sentence or clause.
    Returns:
        The phrase before the main verb (at most six words), lower-cased unless it is a name; "".
    """
    text = strip_connectives(sentence.strip(), "en")
    text = _EN_LEAD_PHRASE.sub("", text)
    text = text.split(",")[0]
    words = text.split()
    subject: list[str] = []
    for i, word in enumerate(words):
        clean = word.strip(".;:!?\"'()")
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        prev = words[i - 1].lower() if i else ""
        after_noun = prev not in _EN_DETERMINERS and not prev.endswith("s") and i >= 2
        if i and (clean.lower() in _EN_AUX or (clean.lower().endswith(("ed", "ly")) and len(clean) > 4)
                  or (_verbish(clean) and (nxt in _EN_STOP or nxt[:1].isdigit() or nxt[:1] in "$€£"
                                           or after_noun))):
            break
        subject.append(clean)
    if not subject or len(subject) == len(words) or len(subject) > 6:
        return ""
    if subject[0] in ("It", "They", "This", "These", "He", "She", "We", "I", "There", "That", "Its", "Their",
                      "His", "Her", "Our", "Those", "You"):
        return ""
    if subject[0] in ("The", "A", "An"):
        subject[0] = subject[0].lower()
    return " ".join(subject)
