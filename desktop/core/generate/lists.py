"""Lists inside a sentence: "A、B和C", "包括A、B、C等", "分为三类：…", "A, B, and C", "such as A and B".

The enumeration family turns each list into one card per item; the other families ask whether an
answer they found is a list (then it is a set, not one fact). Both read lists the same way, here.
Items are cut where jieba's tags (Chinese) or function words (English) show the phrase has ended, and
no item is much longer than its neighbours: a list's items have the same shape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.generate.clauses import token_spans
from desktop.core.generate.english import DETERMINERS, VERB_BASES, VERB_FORMS
from desktop.core.numerals import parse_chinese

MAX_ITEM = 14  # characters (Chinese) / 6 words (English): a longer "item" is a clause, not a list entry
MAX_ITEMS = 8

# Words that open a list ("包括A、B和C", "如A、B等"); the first item starts right after them.
_ZH_CUES = {"包括", "包含", "涵盖", "囊括", "例如", "比如", "诸如", "譬如", "如", "像", "涉及", "即", "有", "将",
            "是", "为", "分为", "分成", "对", "在", "从", "由", "和", "与", "以及"}
# Generic verbs that take a list as their object ("来自A、B和C"): never part of the first item.
_ZH_LIST_VERBS = {"来自", "包括", "涉及", "采用", "使用", "利用", "结合", "面临", "具备", "具有", "拥有", "提供",
                  "需要", "依靠", "依赖", "取决于", "受限于", "覆盖", "分为", "分成", "产生", "带来", "出口", "生产",
                  "销往", "种植", "研究", "关注", "强调", "重视", "推出", "发布", "开发", "支持", "影响", "导致"}
_ZH_CONJ = ("以及", "或者", "还有", "和", "与", "及", "或", "跟", "同")
_ZH_STOP_TAGS = {"p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "x", "f", "y", "e", "o"}
_HEAD_TAGS = {"n", "nz", "vn", "eng", "a", "b", "j", "an", "ng"}
_ZH_COUNT = re.compile(r"(?P<count>(?:\d+|[一二两三四五六七八九十]+)(?P<measure>[类种个项点大方面步部分层级条件样])(?:方面|部分|阶段|类型|领域)?)"
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

@lru_cache(maxsize=16384)
def find_lists(text: str, language: str) -> tuple[Listing, ...]:
    """Lists in a sentence: "A、B和C", "包括A、B、C等", "A, B, and C", "such as A and B".

    Args:
        text: one sentence.
        language: "zh" or "en".
    Returns:
        Lists with the spans of their (cleaned) items (cached: every family may ask about a sentence).
    """
    if list_language(text, language) == "zh":
        return tuple(_find_zh(text))
    return tuple(_find_en(text))


def list_language(text: str, language: str) -> str:
    """The rules a sentence's lists are read by: an English sentence in a Chinese talk has English lists."""
    return "zh" if language == "zh" and re.search(r"[\u4e00-\u9fff]", text) else "en"


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
    counted = _zh_counted(text)
    if counted and not any(l.start < counted.end and counted.start < l.end for l in found):
        found.append(counted)
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
    items[0] = _with_verb(text, clause_start, items[0], items[1:])
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
        # "多语种", "双语": a one-character numeral word prefixing a noun is part of the item
        prefix = not k and tag == "m" and len(word) == 1 and not word.isdigit() and k + 1 < len(spans) \
            and spans[k + 1][1] in _HEAD_TAGS
        # "过度捕捞也会…", "减少化肥使用,": a verb that ends the item (no longer than the others, nothing of
        # the predicate after it) completes it; "和湿度结合起来" keeps its predicate out
        reach = max(longest, 4) + (3 if spans[0][1] == "v" else 0)  # "减少农药使用": a verb-object item is longer
        completes = bool(verb) and tag == "v" and end <= reach and (
            spans[k + 1][1] if k + 1 < len(spans) else "x") in ("d", "c", "x", "uj", "ul", "p", "r", "y")
        if not completes and (word == "的" or (tag in _ZH_STOP_TAGS | {"m"} and not _quote(word) and not prefix)
                              or (k and end > longest + 1) or verb):
            break
        k += 1
    return (start, start + spans[k - 1][3]) if k else None


def _zh_first_item(text: str, clause_start: int, sep: int, longest: int) -> tuple[int, int] | None:
    """Span of the first item: back from the first 、 to a cue word, a function word or a length bound."""
    prefix = text[clause_start:sep]
    if clause_start and text[clause_start - 1] in "：:" and 0 < len(prefix.strip()) <= longest \
            and not re.search(r"[是有了在将]", prefix):
        return clause_start + len(prefix) - len(prefix.lstrip()), sep  # "…有四条：整旧如旧、…": a colon opens the list
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
        # the word right before the first 、 is an item whatever its tag: jieba calls some names adverbs (永定/d)
        item = k == len(spans) and tag == "d" and len(word) >= 2
        if tag in _ZH_STOP_TAGS and not _quote(word) and not modifier and not item:
            break
        opens = k == 1 or (prev in ("d", "b", "ad", "vd", "f", "p", "uj", "x", "r")
                           and spans[k - 2][0] not in _ZH_CUES)
        if tag == "v" and k < len(spans) and opens:
            break  # "主要来自盐税", "从电池中提取锂", "他喜欢苹果": a verb opening the phrase is the predicate
        k -= 1
    if k == len(spans):
        return None
    return clause_start + spans[k][2], sep


def _with_verb(text: str, clause_start: int, first: tuple[int, int], others: list) -> tuple[int, int]:
    """"建立保护区、限制捕猎和减少农药使用": when the other items open with their verbs, so does the first."""
    if not others or not all(token_spans(text[s:e])[:1] and token_spans(text[s:e])[0][1] == "v" for s, e in others):
        return first
    spans = token_spans(text[clause_start:first[0]])
    if spans and spans[-1][1] == "v" and spans[-1][3] == first[0] - clause_start and spans[-1][0] not in _ZH_CUES \
            and spans[-1][0] not in _ZH_LIST_VERBS:
        return clause_start + spans[-1][2], first[1]
    return first


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


# "有三种使用方法：A，B，C" / "作用有两个，一个是A，一个是B" / "分别是A，B，C": a count, then exactly that
# many comma-separated items; the count vouches for the split, so the items may be short clauses.
_ZH_COUNTED = re.compile(r"(?P<count>(?:\d|[两二三四五六七八九])(?P<measure>[类种个项点组大条步])[\u4e00-\u9fffA-Za-z ]{0,8}?)"
                         r"(?:[:：]|[，,]\s*(?:分别是|分别为|即|包括|一个是|一是|第一是|第一个是)|\s*(?=[，,]\s*一))")
# what opens one item of a list written out in clauses: "一个是A，另一个是B", "一是A，二是B"
ITEM_MARKER = r"另外一个是|另一个是|一个是|第?[一二三四五六七八九]个?是|其[一二三四五六七八九]是?"
_ZH_ITEM_MARK = re.compile(rf"^\s*(?:分别是|分别为|即|包括|{ITEM_MARKER})\s*")
MAX_COUNTED_ITEM = 16


def _zh_counted(text: str) -> Listing | None:
    """A list announced by its count: the items are the comma-separated parts that follow, when there are
    exactly as many as the count says and each is short enough to be recalled."""
    match = _ZH_COUNTED.search(text)
    if not match:
        return None
    number = match.group("count")[0]
    size = int(number) if number.isdigit() else parse_chinese(number) or 0
    if size < 2:
        return None
    rest_start = match.end("count")
    end = len(text.rstrip("。.！!；;")) if text.rstrip()[-1:] in "。.！!；;" else len(text)
    body = text[rest_start:end]
    cut = re.match(r"^\s*(?:[:：]|[，,])\s*", body)
    offset = rest_start + (cut.end() if cut else 0)
    parts, marked, cursor = [], [], offset
    for piece in re.split(r"([，,、；;])", text[offset:end]):
        if piece and piece in "，,、；;":
            cursor += len(piece)
            continue
        mark = _ZH_ITEM_MARK.match(piece)
        parts.append(_item_head(text, cursor + (mark.end() if mark else 0), cursor + len(piece.rstrip())))
        marked.append(bool(mark))
        cursor += len(piece)
    if all(marked[:size]) and len(parts) > size:
        parts = parts[:size]  # "一个是A，一个是B，如何…": the markers end the list
    if len(parts) != size or any(p is None for p in parts):
        return None
    if any(re.search(r"[:：（）()]", text[s:e]) for s, e in parts):
        return None
    return Listing(tuple(parts), parts[0][0], parts[-1][1], (match.start("count"), match.start("count") + 2))


def _item_head(text: str, start: int, end: int) -> tuple[int, int] | None:
    """An item to recall: the whole part when short, else what its last 的 qualifies ("运行时调用应用的
    appcallback.proto" → "appcallback.proto"); None when neither is short enough."""
    start, end = _clean_span(text, start, end)
    if _size(text[start:end]) > MAX_COUNTED_ITEM:
        head = text.rfind("的", start, end) + 1
        start = head if head else end
    while start < end and text[start] == " ":
        start += 1
    return (start, end) if end - start >= 2 and _size(text[start:end]) <= MAX_COUNTED_ITEM else None


def _size(item: str) -> int:
    """How long an item is to recall: its Chinese characters, two for each Latin word."""
    return len(re.findall(r"[\u4e00-\u9fff]", item)) + 2 * len(re.findall(r"[A-Za-z0-9][\w.+-]*", item))


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
    if any(_en_clause_item(text[s:e]) for s, e in items):
        return None  # "when she dies, the pheromone fades and workers start…": clauses, not a list
    lead = _EN_SUBORDINATE.match(text)
    if lead and items[0][1] <= text.find(",") :
        return None  # "When the tide turns, the current slows and…": the first "item" is the subordinate clause
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


_EN_SUBORDINATE = re.compile(r"^\s*(?:When|Whenever|If|Unless|While|Because|After|Before|Although|Though|As|Since|"
                             r"Once|Until)\b[^,]*,")
_EN_CLAUSE_OPENERS = {"which", "who", "whom", "whose", "that", "when", "where", "while", "because", "if", "can",
                      "could", "will", "would", "should", "may", "might", "must", "is", "are", "was", "were", "has",
                      "have", "had", "does", "do", "did", "then", "so"}


def _en_clause_item(item: str) -> bool:
    """Whether a would-be list item is a clause: it opens with a relative word, a modal or a verb form, or it
    holds a subject and its verb ("the pheromone fades", "workers build comb")."""
    words = item.lower().split()
    if not words:
        return False
    if words[0] in _EN_CLAUSE_OPENERS or words[0] in VERB_FORMS or words[0].endswith("ing") and len(words) > 1:
        return True
    if re.match(r"^(?:the|a|an|its|their|this|these|those)\s+[a-z\-]+\s+[a-z]+[^suie\W]s$", item.lower()):
        return True  # "the pheromone fades"
    return any(re.search(r"[^s]s$", first) and second in VERB_BASES for first, second in zip(words, words[1:]))


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


_ITEM_OPENER = re.compile(r"^(?:以及|及|和|与|或者|或|跟|同|比如|例如|譬如|诸如|包括|(?:and|or|as well as)\s+)?(?:(?:%s)\s+)?"
                          % "|".join(sorted(DETERMINERS, key=len, reverse=True)), re.I)


def clean_item(item: str) -> str:
    """A list item without the quotes, conjunctions, determiners and "等" around it.

    Args:
        item: raw text of one item, e.g. "以及“散热问题”等", "and its costs".
    Returns:
        "散热问题", "costs": a deletion never holds a filler word.
    """
    # a gloss in brackets is not part of the item: "问答系统（QA）" → "问答系统"
    text = re.sub(r"\s*[（(][^（）()]*[)）]?\s*$", "", item.strip()) or item.strip()
    text = text.strip().strip("“”\"'‘’「」『』《》()（）[] ")
    text = _ITEM_OPENER.sub("", text)
    text = re.sub(r"(?:等等|等)$", "", text)
    text = re.sub(r"(?:,?\s*etc\.?)$", "", text)
    return text.strip().strip("“”\"'‘’「」『』《》 ,，.")
