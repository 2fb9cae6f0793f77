"""Enumeration cards: a list in a sentence becomes one card per item plus one for its count or owner.

"他将AI的应用分为三类：文科白领、工科白领和蓝领阶级。" gives three clozes ("…分为三类：{{c1::文科白领}}、
工科白领和蓝领阶级。", one per item) and "李沐将AI的应用分为几类？" → "三类". A list without a count
gets a cloze over what the list belongs to ("{{c1::多模态模型}}将文本、图片、视频和语音结合起来"),
never one card whose answer is the whole set.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.card import CLOZE
from desktop.core.generate import subject
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.questions import (clean_item, cloze, finish_question, is_meta, reporting_frame,
                                              split_clauses, strip_connectives, token_spans)
from desktop.core.numerals import parse_chinese

RULE = "enumeration"
MAX_ITEM = 14  # characters (Chinese) / 6 words (English): a longer "item" is a clause, not a list entry
MAX_ITEMS = 8
MAX_SENTENCE = 110  # a cloze sentence longer than this is cut to the clause that holds the list

# Words that open a list ("包括A、B和C", "如A、B等"); the first item starts right after them.
_ZH_CUES = {"包括", "包含", "涵盖", "囊括", "例如", "比如", "诸如", "譬如", "如", "像", "涉及", "即", "有", "将",
            "是", "为", "分为", "分成", "对", "在", "从", "由", "和", "与", "以及"}
# Generic verbs that take a list as their object ("来自A、B和C"): never part of the first item.
_ZH_LIST_VERBS = {"来自", "包括", "涉及", "采用", "使用", "利用", "结合", "面临", "具备", "具有", "拥有", "提供",
                  "需要", "依靠", "依赖", "取决于", "受限于", "覆盖", "分为", "分成", "产生", "带来", "出口", "生产",
                  "销往", "种植", "研究", "关注", "强调", "重视", "推出", "发布", "开发", "支持", "影响", "导致"}
_ZH_CONJ = ("以及", "或者", "还有", "和", "与", "及", "或", "跟", "同")
_ZH_STOP_TAGS = {"p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "f", "y", "e", "o"}
_ZH_SET_WORDS = ("等等", "等")
_HEAD_TAGS = {"n", "nz", "vn", "eng", "a", "b", "j", "an", "ng"}
_ZH_COUNT = re.compile(r"(?P<count>(?:\d+|[一二两三四五六七八九十]+)(?P<measure>[类种个项点大方面步部分层级])(?:方面|部分|阶段|类型|领域)?)"
                       r"\s*[:：]\s*$")
_ZH_CLAUSE_PUNCT = "，,。；;：:！？!?（）()"
# A run of items joined by 、 with no clause punctuation inside: "文本、图片、视频".
_ZH_GROUP = re.compile(r"、(?:[^、，,。；;：:！？!?]{1,16}、)*")
# A count right after the list: "“快充”、“慢充”和“换电”三种模式".
_ZH_COUNT_AFTER = re.compile(r"[”’」』》\"]?(?P<count>(?:\d+|[两三四五六七八九十]+)(?:[类种个项大]|部分|方面))"
                             r"(?P<head>[\u4e00-\u9fff]{1,4})")
_ZH_SINGLE = re.compile(r"(?:诸如|例如|比如|譬如|如)(?P<item>[^，,。；;：:、等]{1,10})等")

# Words after which two items are already a list ("such as A and B"); without one, three are needed.
_EN_CUES = re.compile(r"(?:such as|including|include|includes|included|like|namely|e\.g\.,?|:|—|–)\s*$", re.I)
_EN_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "which",
            "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "could", "will",
            "would", "may", "might", "must", "should", "into", "than", "as", "its", "their", "it", "they",
            "this", "these", "those", "such", "including", "include", "includes", "like", "while", "because",
            "so", "but", "also", "all", "both", "each", "every", "not", "more", "most", "over", "about",
            "through", "across", "between", "among", "within", "without", "combines", "combined", "uses",
            "used", "using", "makes", "made", "make", "need", "needs", "requires", "required", "offers", "instead",
            "rather", "together", "alike", "too", "respectively", "then", "now", "there", "here", "when"}
_EN_COUNT = re.compile(r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?"
                       r"(?P<noun>[a-z]+)\s*:\s*(?:the\s|a\s|an\s)?\s*$", re.I)
_EN_OPENER = re.compile(r"\s*(?:such as|including|like|namely|especially|notably)\s+", re.I)


@dataclass(frozen=True)
class Listing:
    """A list found in a sentence."""

    items: tuple[tuple[int, int], ...]  # spans of the cleaned items in the sentence
    start: int  # span of the whole list
    end: int
    count: tuple[int, int] | None = None  # span of "三类" in "分为三类：…"
    head: str = ""  # what follows 等: "新的挑战"


def candidates(ctx: Context) -> list[Candidate]:
    """Cards for the lists of one sentence.

    Args:
        ctx: the sentence and its neighbours.
    Returns:
        One cloze per item and one card for the count or the list's owner.
    """
    if is_meta(ctx.text):
        return []
    sentence, span_of = subject.resolve_mapped(ctx.text, ctx)
    out: list[Candidate] = []
    for listing in find_lists(ctx.text, ctx.language):
        if _repeated(ctx, listing):
            continue
        moved = _move(listing, span_of)
        if moved is None:
            continue
        out.extend(_cards(ctx, sentence, moved))
    return out


def find_lists(text: str, language: str) -> list[Listing]:
    """Lists in a sentence: "A、B和C", "包括A、B、C等", "A, B, and C", "such as A and B".

    Args:
        text: one sentence.
        language: "zh" or "en".
    Returns:
        Lists with the spans of their (cleaned) items.
    """
    if language == "zh" and re.search(r"[\u4e00-\u9fff]", text):
        return _find_zh(text)
    return _find_en(text)


def item_texts(text: str, listing: Listing) -> list[str]:
    """The items of a list as text."""
    return [text[s:e] for s, e in listing.items]


# --- Chinese lists -----------------------------------------------------------------------------------
def _find_zh(text: str) -> list[Listing]:
    found: list[Listing] = []
    for group in _ZH_GROUP.finditer(text):
        listing = _zh_list(text, group.start(), group.end())
        if listing:
            found.append(listing)
    for match in _ZH_SINGLE.finditer(text):
        if not any(l.start <= match.start("item") < l.end for l in found):
            single = _zh_single(text, match)
            if single:
                found.append(single)
    return sorted(found, key=lambda l: l.start)


def _zh_list(text: str, start: int, end: int) -> Listing | None:
    """The list around the 、-separated run text[start:end] (first item before it, last after it)."""
    clause_start = max(text.rfind(p, 0, start) for p in _ZH_CLAUSE_PUNCT) + 1
    clause_end = min([i for i in (text.find(p, end) for p in _ZH_CLAUSE_PUNCT) if i >= 0] or [len(text)])
    seps = [m.start() for m in re.finditer("、", text[start:end])]
    seps = [start + i for i in seps]
    middle = [(a + 1, b) for a, b in zip(seps, seps[1:])]
    longest = max((len(clean_item(text[s:e])) for s, e in middle), default=0)
    tail = _zh_tail(text, seps[-1] + 1, clause_end, max(longest, 2))
    if tail is None:
        return None
    extra, last, set_end = tail
    items_raw = middle + ([extra] if extra else [])
    longest = max([longest, *(len(clean_item(text[s:e])) for s, e in items_raw), 2])
    first = _zh_first_item(text, clause_start, seps[0], longest)
    if not first or not last:
        return None
    items = [_clean_span(text, s, e) for s, e in [first, *items_raw, last]]
    if len(items) > MAX_ITEMS or any(not _zh_item_ok(text[s:e]) for s, e in items):
        return None
    list_end = set_end or items[-1][1]
    head = _zh_head(text[set_end:]) if set_end else ""
    count = _zh_count(text, items[0][0])
    after_count = None if count or set_end else _ZH_COUNT_AFTER.match(text, items[-1][1])
    if after_count:
        count = (after_count.start("count"), after_count.end("count"))
        head = after_count.group("head")
        list_end = after_count.end()
    has_cue = bool(count) or bool(set_end) or _zh_cue_before(text, items[0][0])
    if len(items) == 2 and not has_cue:
        return None
    return Listing(tuple(items), items[0][0], list_end, count, head)


def _zh_tail(text: str, start: int, clause_end: int, longest: int):
    """What follows the last 、: (an item before 和/与/及 or None, the last item, where 等 ends or 0)."""
    segment = text[start:clause_end]
    extra = None
    conj = re.search("|".join(_ZH_CONJ), segment[1:])
    if conj:
        cut = conj.start() + 1
        extra = (start, start + cut)
        longest = max(longest, len(clean_item(text[start:start + cut])))
        start, segment = start + conj.end() + 1, segment[conj.end() + 1:]
    set_word = re.search("等等|等", segment)
    if set_word and set_word.start() >= 2 and set_word.start() <= MAX_ITEM:
        return extra, (start, start + set_word.start()), start + set_word.end()
    last = _zh_bounded_item(text, start, clause_end, longest)
    return (extra, last, 0) if last else None


def _zh_bounded_item(text: str, start: int, clause_end: int, longest: int) -> tuple[int, int] | None:
    """The last item when no 等 closes it: tokens up to a function word, no longer than the others
    ("和语音结合起来" → 语音, "和铁路的兴起" → 铁路)."""
    spans = token_spans(text[start:clause_end])
    k = 0
    while k < len(spans):
        word, tag, _s, end = spans[k]
        verb = k and ((tag == "v" and len(word) >= 2) or word in ("是", "有", "在", "为"))
        if word == "的" or (tag in _ZH_STOP_TAGS | {"m"} and not _quote(word)) or (k and end > longest + 1) or verb:
            break
        k += 1
    return (start, start + spans[k - 1][3]) if k else None


def _zh_first_item(text: str, clause_start: int, sep: int, longest: int) -> tuple[int, int] | None:
    """Span of the first item: back from the first 、 to a cue word, a function word or a length bound."""
    prefix = text[clause_start:sep]
    spans = token_spans(prefix)
    k = len(spans)
    while k > 0:
        word, tag = spans[k - 1][0], spans[k - 1][1]
        size = len(prefix) - spans[k - 1][2]
        if word in _ZH_CUES or word in _ZH_LIST_VERBS or size > longest + 2:
            break
        nxt = spans[k][1] if k < len(spans) else ""
        prev = spans[k - 2][1] if k > 1 else ""
        modifier = (word == "的" and prev in ("a", "n", "b", "vn", "nz")) or (tag == "d" and nxt == "a")
        if tag in _ZH_STOP_TAGS and not _quote(word) and not modifier:
            break
        opens = k == 1 or (prev in ("d", "b", "ad", "vd", "f", "p", "uj", "x", "r")
                           and spans[k - 2][0] not in _ZH_CUES)
        if tag == "v" and k < len(spans) and opens:
            break  # "主要来自盐税", "从电池中提取锂", "他喜欢苹果": a verb opening the phrase is the predicate
        k -= 1
    if k == len(spans):
        return None
    return clause_start + spans[k][2], sep


def _quote(word: str) -> bool:
    return word in ("“", "”", "‘", "’", "「", "」", "《", "》", '"')


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a raw item span to its cleaned text (quotes, 和/等 and spaces dropped)."""
    raw = text[start:end]
    cleaned = clean_item(raw)
    if not cleaned:
        return start, start
    offset = raw.find(cleaned)
    return (start + offset, start + offset + len(cleaned)) if offset >= 0 else (start, end)


def _zh_item_ok(item: str) -> bool:
    """An item is a name or a short noun phrase: no clause punctuation, not just a number."""
    if not item or len(item) > MAX_ITEM or re.search(r"[，,。；;：:！？!?]", item) or re.fullmatch(r"[\d.%]+", item):
        return False
    spans = token_spans(item)
    # a verb with an object ("提高效率") can be an item; a sentence with 是/有 in it cannot
    return not any(word in ("是", "有", "了", "在", "将") for word, _t, _s, _e in spans)


def _zh_cue_before(text: str, start: int) -> bool:
    before = text[:start].rstrip("“‘「《\"")
    return bool(re.search(r"(?:包括|包含|涵盖|囊括|例如|比如|诸如|譬如|如|像|涉及|即|分为|分成|[:：])$", before))


def _zh_head(after: str) -> str:
    """What a list belongs to, right after 等: "新的挑战", "领域"."""
    spans = token_spans(after)
    k = 0
    while k < len(spans) and (spans[k][1] in _HEAD_TAGS or spans[k][0] == "的"):
        k += 1
    return after[:spans[k - 1][3]] if k else ""


def _zh_count(text: str, first: int) -> tuple[int, int] | None:
    match = _ZH_COUNT.search(text[:first])
    if not match:
        return None
    return match.start("count"), match.end("count")


def _zh_single(text: str, match: re.Match) -> Listing | None:
    """"诸如漏水等新的问题": one example standing for a set is still worth a card."""
    start, end = _clean_span(text, match.start("item"), match.end("item"))
    if end - start < 2 or not _zh_item_ok(text[start:end]):
        return None
    return Listing(((start, end),), start, match.end(), None, _zh_head(text[match.end():]))


# --- English lists ----------------------------------------------------------------------------------
def _find_en(text: str) -> list[Listing]:
    found = []
    for match in re.finditer(r"(?:,\s+(?:and|or)\s+|\s+(?:and|or)\s+)", text):
        listing = _en_list_ending_at(text, match)
        if listing and not any(l.start <= listing.start < l.end for l in found):
            found.append(listing)
    return found


def _en_list_ending_at(text: str, conj: re.Match) -> Listing | None:
    """The list whose final "and"/"or" is `conj`: items back through the commas before it."""
    items: list[tuple[int, int]] = []
    cursor = conj.start()
    first = None
    while True:
        comma = text.rfind(",", 0, cursor)
        segment_start = comma + 1 if comma >= 0 else 0
        segment = text[segment_start:cursor]
        cue = _EN_OPENER.match(segment)
        if cue:  # ", including avalanches, heat, and …": the list starts after the cue
            first = (segment_start + cue.end(), cursor)
            break
        if comma < 0 or len(segment.split()) > 5 or re.search(r"[;:.]", segment):
            break
        items.insert(0, (segment_start, cursor))
        cursor = comma
    longest = max((len(text[s:e].split()) for s, e in items), default=2)
    if first is None:
        first = _en_first_item(text, cursor, longest)
    last = _en_last_item(text, conj.end(), longest)
    if not first or not last:
        return None
    items = [first, *items, last]
    items = [_clean_span(text, s, e) for s, e in items]
    if any(e - s < 2 or len(text[s:e].split()) > 6 or re.fullmatch(r"[\d.,%$€£¥ ]+\w{0,5}", text[s:e])
           for s, e in items) or len(items) > MAX_ITEMS:
        return None  # "between 140 and 160 Wh/kg" is a range, not a list
    before = text[:items[0][0]]
    cue = bool(_EN_CUES.search(before.rstrip()))
    if len(items) < 3 and not cue:
        return None
    if len(items) == 2 and "," in text[items[0][1]:items[1][0]]:
        return None
    count_match = _EN_COUNT.search(before)
    count = (count_match.start("count"), count_match.end("count")) if count_match else None
    end = items[-1][1]
    etc = re.match(r",?\s*(?:etc\.?|and so on)", text[end:])
    return Listing(tuple(items), items[0][0], end + (etc.end() if etc else 0), count, "")


def _en_first_item(text: str, end: int, longest: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"[\w'’\-/&.]+", text[:end]))
    k = len(words)
    while k > 0:
        word = words[k - 1].group(0).lower().rstrip(".")
        gap = text[words[k - 1].end():words[k].start() if k < len(words) else end]
        verb = word.endswith("ed") and len(word) > 4
        if word in _EN_STOP or verb or len(words) - (k - 1) > _last_words(longest) or re.search(r"[:;,(—]", gap):
            break
        k -= 1
    if k == len(words):
        return None
    return words[k].start(), words[-1].end()


def _last_words(longest: int) -> int:
    """How many words the last item may have: as many as the longest other item (one more for long ones)."""
    return longest + 1 if longest > 2 else max(longest, 1)


def _en_last_item(text: str, start: int, longest: int) -> tuple[int, int] | None:
    """The item after the final "and"/"or": up to punctuation or a function word; when neither comes
    soon, as long as the other items ("and arctic cold." but "and manganese instead of …")."""
    words = list(re.finditer(r"[\w'’\-/&]+", text[start:]))
    k = 0
    while k < len(words):
        word = words[k].group(0).lower()
        gap = text[start + (words[k - 1].end() if k else 0):start + words[k].start()]
        if k and (re.search(r"[,;:.()!?—]", gap) or word in _EN_STOP or k >= longest + 2):
            break
        if not k and word in _EN_STOP - {"the", "a", "an"}:
            return None
        k += 1
    if not k:
        return None
    gap = text[start + words[k - 1].end():start + words[k].start()] if k < len(words) else ""
    closed = k == len(words) or re.search(r"[,;:.()!?—]", gap)
    if not closed and k > _last_words(longest):
        k = _last_words(longest)
    return start + words[0].start(), start + words[k - 1].end()


# --- cards ----------------------------------------------------------------------------------------------
def _move(listing: Listing, span_of) -> Listing | None:
    """The listing's spans in the resolved sentence (None when resolution rewrote part of it)."""
    items = [span_of(s, e) for s, e in listing.items]
    whole = span_of(listing.start, listing.end)
    if any(i is None for i in items) or whole is None:
        return None
    count = span_of(*listing.count) if listing.count else None
    return Listing(tuple(items), whole[0], whole[1], count, listing.head)


def _repeated(ctx: Context, listing: Listing) -> bool:
    """Whether an earlier sentence of the document gave (mostly) the same list."""
    mine = {_norm(t) for t in item_texts(ctx.text, listing)}
    if len(mine) < 2:
        return False
    for section in ctx.document.walk():
        for index, earlier in enumerate(section.sentences):
            if section.id == ctx.section.id and index >= ctx.index:
                return False
            if not any(item in _norm(earlier.text) for item in mine):
                continue
            for other in find_lists(earlier.text, ctx.language):
                theirs = {_norm(t) for t in item_texts(earlier.text, other)}
                if len(mine & theirs) * 3 >= 2 * len(mine):
                    return True
    return False


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _cards(ctx: Context, sentence: str, listing: Listing) -> list[Candidate]:
    text, shift = _card_text(sentence, listing, ctx.language)
    prefix = ""
    if subject.dangling(text, ctx.language):
        prefix = subject.subject_hint(ctx) + ("：" if ctx.language == "zh" else ": ")
    out = []
    for start, end in listing.items:
        front = prefix + cloze(text, start - shift, end - shift)
        out.append(Candidate(CLOZE, front, "", sentence[start:end], RULE, score=0.9))
    if listing.count:
        group = _count_card(ctx, sentence, listing)
    else:
        group = _owner_card(ctx, text, shift, listing, prefix)
    if group:
        out.append(group)
    return out


def _card_text(sentence: str, listing: Listing, language: str) -> tuple[str, int]:
    """The text a cloze shows: the sentence without opening connectives, cut to the list's clauses
    when it is long. Returns the text and how far its offsets are shifted from the sentence's."""
    text = strip_connectives(sentence, language)
    shift = len(sentence) - len(text)
    if shift > listing.start:
        text, shift = sentence, 0
    if len(text) > MAX_SENTENCE:
        clauses = split_clauses(text)
        keep = [c for c in clauses if c[2] > listing.start - shift and c[1] < listing.end - shift]
        if keep:
            begin = keep[0][1]
            end = keep[-1][2]
            text, shift = text[begin:end] + ("。" if language == "zh" else "."), shift + begin
    return text, shift


def _count_card(ctx: Context, sentence: str, listing: Listing) -> Candidate | None:
    """"李沐将AI的应用分为几类？" → "三类" (the words before the list, its count replaced)."""
    start, end = listing.count
    count = sentence[start:end]
    if ctx.language == "zh":
        trailing = start >= listing.items[-1][1]  # "包括A、B和C三种模式"
        clause_start = max(sentence.rfind(p, 0, listing.start) for p in "，,；;") + 1
        lead = sentence[clause_start:listing.start].rstrip("“‘「《\"") if trailing else sentence[clause_start:start]
        clauses = split_clauses(sentence[:clause_start]) if clause_start else []
        if clauses and reporting_frame(clauses[-1][0], "zh") and len(clauses) == 1:
            lead = clauses[0][0] + lead  # "李沐认为，X分为…" keeps who divides
        lead = strip_connectives(lead, "zh")
        number = re.match(r"\d+|[一二两三四五六七八九十]+", count).group(0)
        value = int(number) if number.isdigit() else (parse_chinese(number) or 0)
        ask = ("几" if value <= 10 else "多少") + count[len(number):] + (listing.head if trailing else "")
        question = finish_question(lead + ask, "zh")
        if len(lead) < 4 or subject.dangling(question, "zh"):
            return None
        return Candidate.basic(question, count, RULE, score=1.0)
    lead = re.sub(r"\s*[:—–]?\s*(?:the|a|an)?\s*$", "", sentence[:listing.start], flags=re.I)
    text = strip_connectives(lead, "en")
    shift = len(lead) - len(text)
    front = cloze(text, start - shift, end - shift) + "."
    return Candidate(CLOZE, front, "", count, RULE, score=0.9)


def _owner_card(ctx: Context, text: str, shift: int, listing: Listing, prefix: str) -> Candidate | None:
    """A cloze over what the list belongs to: the subject of the clause holding the list
    ("{{c1::多模态模型}}将A、B和C结合起来"), or of the sentence's first clause when the list's clause
    has none ("GPU技术的进步虽然…，但也带来了如A、B和C等…")."""
    if len(listing.items) < 2:
        return None
    clauses = split_clauses(text)
    start_of_list = listing.start - shift
    index = next((n for n, (_c, s, e) in enumerate(clauses) if s <= start_of_list < e), None)
    if index is None:
        return None
    owner, where = _clause_owner(clauses[index], ctx.language)
    if not owner and index:
        first = next((n for n, c in enumerate(clauses) if not (reporting_frame(c[0], ctx.language)
                                                                or subject.is_adverbial(c[0]))), None)
        if first == index - 1:
            owner, where = _clause_owner(clauses[first], ctx.language)
    if not owner or where + len(owner) > start_of_list or not _owner_ok(owner, ctx.language):
        return None
    if ctx.language != "zh":
        if owner.split()[0].lower() in ("the", "a", "an"):
            where += len(owner.split()[0]) + 1
            owner = owner.split(" ", 1)[1]
        if len(owner.split()) < 2 and not (where > 0 and owner[:1].isupper()):
            return None  # "Engineers tested …": a lone common noun tells the learner nothing
    return Candidate(CLOZE, prefix + cloze(text, where, where + len(owner)), "", owner, RULE, score=0.85)


def _clause_owner(clause: tuple[str, int, int], language: str) -> tuple[str, int]:
    """The subject of a clause and where it starts in the card text."""
    text, start, _end = clause
    body = strip_connectives(text, language)
    owner = subject.clause_subject(body, language)
    if not owner:
        return "", -1
    found = re.search(re.escape(owner), text, re.I)  # english_subject lower-cases "The"
    return (text[found.start():found.end()], start + found.start()) if found else ("", -1)


def _owner_ok(owner: str, language: str) -> bool:
    """An owner worth asking for: a real noun phrase, not "一项工程" or a pronoun."""
    if language == "zh":
        return 2 <= len(owner) <= 16 and not re.match(r"[一二两三四五六七八九十几\d]", owner)
    return 0 < len(owner.split()) <= 6
