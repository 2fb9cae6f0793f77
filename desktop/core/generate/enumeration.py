"""Enumeration cards: a list in a sentence becomes one card per item plus one for its count or owner.

"他将AI的应用分为三类：文科白领、工科白领和蓝领阶级。" gives three clozes ("…分为三类：{{c1::文科白领}}、
工科白领和蓝领阶级。", one per item) and "李沐将AI的应用分为几类？" → "三类". A list without a count
gets a cloze over what the list belongs to ("{{c1::多模态模型}}将文本、图片、视频和语音结合起来"),
never one card whose answer is the whole set. Finding the lists is the work of lists.py.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate import guards, subject
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import is_meta, reporting_frame, split_clauses, strip_connectives
from desktop.core.generate.index import cached, outline, position
from desktop.core.generate.lists import Listing, clean_item, find_lists, item_texts, list_language
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.questions import cloze, deletion, finish_question
from desktop.core.numerals import parse_chinese
from desktop.core.text import tagged_words

RULE = "enumeration"
# a sentence longer than this share of the front limit is cut to the clauses of its list (the pipeline
# trims shorter ones, keeping the subject clause)
LONG_SHARE = 1.5
# a count question loses to the note of the items it counts: the items are the fact, their number follows
COUNT_CONFIDENCE = 0.5


def candidates(ctx: Context) -> list[Candidate]:
    """Cards for the lists of one sentence.

    Args:
        ctx: the sentence and its neighbours.
    Returns:
        One cloze per item and one card for the count or the list's owner.
    """
    ctx = unlabelled(ctx)
    if not_content(ctx):
        return []
    if is_meta(ctx.text):
        return [card for listing in find_lists(ctx.text, ctx.language) for card in _meta_cards(ctx, listing)]
    sentence, span_of = subject.resolve_mapped(ctx.text, ctx)
    out: list[Candidate] = _block_cards(ctx, sentence) if re.search(r"[:：]\s*$", ctx.text) else []
    for listing in find_lists(ctx.text, ctx.language):
        if _repeated(ctx, listing):
            continue
        moved = _move(listing, span_of)
        if moved is None:
            continue
        out.extend(_cards(ctx, sentence, moved))
    return out


# --- lists set out line by line -------------------------------------------------------------------------
_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|[-•·*▪●])\s*")
_LABEL_END = re.compile(r"\s*(?:[,，;；:：(（。.!?]|\s[—–-]\s|——|—|\b(?:which|that|who|whose|caused|made|used|"
                        r"including|especially|such as|with|for|from|in|on|by|at|near|during)\b)")
MAX_BLOCK = 8


def _block_cards(ctx: Context, sentence: str) -> list[Candidate]:
    """"The main suspects are:" followed by one item per line: one cloze note with a deletion per item
    (as the outline cards do), and a cloze on the count when the lead gives one ("three castes:")."""
    labels, items = [], ctx.section.sentences[ctx.index + 1:ctx.index + 1 + 2 * MAX_BLOCK]
    marked = False  # the sentence before was only a marker ("1.") opening the line
    for item in items:
        if _MARKER_ONLY.match(item.text) and _line_start(ctx, item):
            marked = True
            continue
        label = _item_label(ctx, item, marked)
        if not label or len(labels) == MAX_BLOCK:
            break
        labels.append(label)
        marked = False
    if len(labels) < 2 and ctx.language == "en":
        labels = _parallel_labels(ctx, items, re.sub(r"\s*:\s*$", "", sentence))
    if len(labels) < 2 or len(set(labels)) < len(labels):
        return []
    lead = re.sub(r"\s*[:：]\s*$", "", sentence)
    if subject.dangling(lead, ctx.language) or (len(lead) < 8 if ctx.language == "zh" else len(lead.split()) < 5) \
            or re.match(r"There\s+(?:is|are|were|was)\b", lead):
        lead = subject.topic_prefix(ctx) + lead
    deletions = [deletion(label, number) for number, label in enumerate(labels, start=1)]
    joined = ("、" if ctx.language == "zh" else ", ").join(deletions)
    cards = [Candidate(CLOZE, f"{lead}{'：' if ctx.language == 'zh' else ': '}{joined}", "", "；".join(labels), RULE,
                       score=0.85)]
    count = _block_count(lead, len(labels), ctx.language)
    if count:
        cards.append(Candidate(CLOZE, cloze(lead, *count) + ("。" if ctx.language == "zh" else "."), "",
                               lead[count[0]:count[1]], RULE, score=0.85))
    return cards


def _parallel_labels(ctx: Context, items: list, lead: str) -> list[str]:
    """"There are three common types:" then three paragraphs that open with parallel names ("Air-source
    heat pumps take…", "Ground-source heat pumps draw…"): the names, up to the head word they share."""
    count = _block_count(lead, 0, "en", any_size=True)
    if not count:
        return []
    size = count_value(lead[count[0]:count[1]]) or 0
    lines = [item for item in items if _line_start(ctx, item)][:size]
    if len(lines) != size or size < 2:
        return []
    words = [item.text.split()[:4] for item in lines]
    shared = [p for p in range(1, 4) if all(len(w) > p for w in words) and len({w[p].lower() for w in words}) == 1]
    if not shared or len({w[0].lower() for w in words}) < size:
        return []
    return [clean_item(" ".join(w[:shared[-1] + 1])) for w in words]


_MARKER_ONLY = re.compile(r"^\s*(?:\d{1,2}[.)、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)\s*$")


def _line_start(ctx: Context, item) -> bool:
    return item.start > 0 and ctx.document.text[item.start - 1:item.start] == "\n"


def _item_label(ctx: Context, item, marked: bool = False) -> str:
    """What a line of a list names: the words before its gloss ("Queen — the only fertile female" → "Queen",
    "1. the parasitic mite, which feeds…" → "parasitic mite"); "" when the line is no list item."""
    text, whole = item.text, ctx.document.text
    own_line = (marked or _line_start(ctx, item)) and whole[item.end:item.end + 1] in ("", "\n")
    marker = _MARKER.match(text)
    glossed = re.match(r"^[^\s,，;；:：]{1,30}?(?:\s+[^\s,，;；:：]+){0,3}?\s*(?:\s[—–-]\s|——|—|[:：])", text)
    if not own_line or not (marker or marked or glossed):
        return ""
    body = text[marker.end():] if marker else text
    label = _LABEL_END.split(body, maxsplit=1)[0]
    label = clean_item(label)
    too_long = len(label) > 16 if ctx.language == "zh" else len(label.split()) > 5
    return "" if not label or too_long or re.fullmatch(r"[\d\W]+", label) else label


def _block_count(lead: str, size: int, language: str, any_size: bool = False) -> tuple[int, int] | None:
    """The count in "divided into three castes" / "分为三类" when it matches the number of items."""
    if language == "zh":
        match = re.search(r"(?:\d+|[一二两三四五六七八九十]+)(?=[类种个项点大方面步部分层级条])[类种个项点大方面步部分层级条]", lead)
        if match:
            number = re.match(r"\d+|[一二两三四五六七八九十]+", match.group(0)).group(0)
            return (match.start(), match.end()) if count_value(number) == size else None
        return None
    for match in re.finditer(r"\b(two|three|four|five|six|seven|eight|\d)\b", lead, re.I):
        if count_value(match.group(1)) == size or any_size:
            return match.start(), match.end()
    return None


# --- cards ----------------------------------------------------------------------------------------------
_ZH_META_OPENER = re.compile(r"^(?:本文|本篇|本章|本节|文章|这篇文章|下文|笔者)(?:将|会|主要|首先|还|也|则)*")
_EN_META_OPENER = re.compile(r"^(?:in this (?:article|post|essay|chapter|talk),?\s*(?:we|i)\s+|"
                             r"(?:this|the) (?:article|post|essay|chapter|talk)\s+(?:will\s+|also\s+)*)", re.I)


def _meta_cards(ctx: Context, listing: Listing) -> list[Candidate]:
    """A list in a sentence about the document ("本文将探讨A、B和C…") is what the document covers: one cloze
    per item on the list's clause, with the document named instead of "本文"/"this article"."""
    clauses = split_clauses(ctx.text)
    keep = [c for c in clauses if c[2] > listing.start and c[1] < listing.end]
    if not keep or len(listing.items) < 2:
        return []
    begin, end = keep[0][1], keep[-1][2]
    clause = ctx.text[begin:end]
    opener = _ZH_META_OPENER if ctx.language == "zh" else _EN_META_OPENER
    cut = opener.match(clause)
    cut_len = cut.end() if cut else 0
    if cut_len == 0 and re.match(r"^(?:本文|本篇|this|the|in this)\b", clause, re.I):
        return []  # an opener the patterns do not know: the clause would not read well
    name = subject.document_name(ctx)
    if not name:
        return []
    if ctx.language == "zh":
        lead, tail = f"《{name}》", "。"
        body = clause[cut_len:].lstrip("对，, ")
    else:
        lead, tail = f"“{name}” ", "."
        body = clause[cut_len:]
    shift = begin + (len(clause) - len(body))
    text = lead + body + tail
    out = []
    for start, end_ in listing.items:
        at = start - shift + len(lead)
        if at < len(lead):
            return []
        out.append(Candidate(CLOZE, cloze(text, at, at + end_ - start), "", ctx.text[start:end_], RULE, score=0.85))
    return out


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
    here, lists, looked = position(ctx), _lists(ctx), set()
    for item in mine:
        for at, n in lists.get(item, ()):  # in reading order: stop at this sentence
            if at >= here:
                break
            if (at, n) not in looked:
                looked.add((at, n))
                if len(mine & _items_of(ctx, at, n)) * 3 >= 2 * len(mine):
                    return True  # the first earlier copy is enough: a text that repeats a list stays linear
    return False


def _lists(ctx: Context) -> dict[str, list[tuple[int, int]]]:
    """Which lists of the document hold each item: (reading position, list number), built once per run."""
    def build() -> dict[str, list[tuple[int, int]]]:
        index, found = outline(ctx), {}
        for at, text in enumerate(index.texts):
            for n, other in enumerate(() if index.headings[at] else find_lists(text, ctx.language)):
                for item in {_norm(t) for t in item_texts(text, other)}:
                    found.setdefault(item, []).append((at, n))
        return found

    return cached(ctx, "enumeration.lists", build)


def _items_of(ctx: Context, at: int, n: int) -> set[str]:
    text = outline(ctx).texts[at]
    return {_norm(t) for t in item_texts(text, find_lists(text, ctx.language)[n])}


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _cards(ctx: Context, sentence: str, listing: Listing) -> list[Candidate]:
    text, shift = _card_text(sentence, listing, ctx.language)
    heading = _question_heading(ctx, text[:listing.start - shift])
    if heading:  # "问：最常用的工具有哪些？" "答：很简单：A、B和C。" → "最常用的工具：A、B和C。"
        text, shift = heading + "：" + text[listing.start - shift:], listing.start - len(heading) - 1
    prefix = subject.topic_prefix(ctx) if subject.dangling(text, ctx.language) else ""
    # a list whose count matches its items is a shape recognised for certain ("four countries: A, B, C and D")
    score = 1.0 if _count_matches(sentence, listing) else 0.9
    out = []
    for start, end in listing.items:
        front = prefix + cloze(text, start - shift, end - shift)
        out.append(Candidate(CLOZE, front, "", sentence[start:end], RULE, score=score))
    if listing.count:
        group = _count_card(ctx, sentence, listing)
    else:
        group = _owner_card(ctx, text, shift, listing, prefix)
    if group:
        out.append(group)
    return out


_ZH_ASKING = re.compile(r"(?:都|主要|通常|一般|最)?(?:有|是|包括|用)?(?:哪些|什么|哪几[种类个样项点])(?:呢)?[？?]\s*$")


def _question_heading(ctx: Context, lead: str) -> str:
    """What a list answers when its own sentence does not say: the question just before it, in a
    transcript ("最常用的工具有哪些？" before "很简单：A、B和C"), made a heading ("最常用的工具")."""
    if ctx.language != "zh" or ctx.previous is None or any(t[:1] in ("n", "v") for _w, t in tagged_words(lead)):
        return ""
    asked = _SPEAKER_LABEL.sub("", ctx.previous.text.strip())
    heading = _ZH_ASKING.sub("", asked)
    return heading if heading != asked and 2 <= len(heading) <= 20 else ""


_SPEAKER_LABEL = re.compile(r"^(?:问|Q)\s*[:：]\s*")


def _card_text(sentence: str, listing: Listing, language: str) -> tuple[str, int]:
    """The text a cloze shows: the sentence without opening connectives, cut to the list's clauses
    when it is long. Returns the text and how far its offsets are shifted from the sentence's."""
    text = strip_connectives(sentence, language)
    shift = len(sentence) - len(text)
    if shift > listing.start:
        text, shift = sentence, 0
    if guards.size(text) > guards.MAX_FRONT[language] * LONG_SHARE:
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
    if list_language(sentence, ctx.language) == "zh":  # the count was found by the rules of this language
        trailing = start >= listing.items[-1][1]  # "包括A、B和C三种模式"
        clause_start = max(sentence.rfind(p, 0, listing.start) for p in "，,；;") + 1
        lead = sentence[clause_start:listing.start].rstrip("“‘「《\"") if trailing else sentence[clause_start:start]
        clauses = split_clauses(sentence[:clause_start]) if clause_start else []
        if clauses and reporting_frame(clauses[-1][0], "zh") and len(clauses) == 1:
            lead = clauses[0][0] + lead  # "李沐认为，X分为…" keeps who divides
        lead = strip_connectives(lead, "zh")
        number = re.match(r"\d+|[一二两三四五六七八九十]+", count).group(0)
        value = count_value(number) or 0
        # "有三种部署方式：A，B，C" asks "有几种部署方式？": the counted noun stays when the list follows it
        noun = "" if trailing else _counted_noun(sentence[end:listing.start])
        ask = ("几" if value <= 10 else "多少") + count[len(number):] + (listing.head if trailing else noun)
        question = finish_question(lead + ask, "zh")
        if len(lead) < 4 or subject.dangling(question, "zh"):
            return None
        return Candidate.basic(question, count, RULE, score=COUNT_CONFIDENCE)
    lead = re.sub(r"\s*[:—–]?\s*(?:the|a|an)?\s*$", "", sentence[:listing.start], flags=re.I)
    text = strip_connectives(lead, "en")
    shift = len(lead) - len(text)
    front = cloze(text, start - shift, end - shift) + "."
    return Candidate(CLOZE, front, "", count, RULE, score=0.9)


_EN_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def count_value(word: str) -> int | None:
    """The number a count is written with: "3", "三", "two" (None for anything else)."""
    if word.isdigit():
        return int(word)
    return _EN_COUNTS.get(word.lower()) if word.isascii() else parse_chinese(word)


def _count_matches(sentence: str, listing: Listing) -> bool:
    """Whether the list's count ("三类", "four") is the number of its items."""
    if not listing.count:
        return False
    number = re.match(r"\d+|[一二两三四五六七八九十]+|[A-Za-z]+", sentence[listing.count[0]:listing.count[1]])
    return bool(number) and count_value(number.group(0)) == len(listing.items)


def _counted_noun(between: str) -> str:
    """What a count counts, from the words between it and its list ("部署方式" in "三种部署方式：")."""
    noun = re.split(r"[:：，,；;]|分别|包括|即", between, maxsplit=1)[0].strip()
    return noun if len(noun) <= 6 and re.fullmatch(r"[\u4e00-\u9fffA-Za-z ]*", noun) else ""


# a list clause that gives examples of the clause before it: "…主要涉及X，包括A、B、C等领域"
_ZH_EXAMPLE_CUE = re.compile(r"^(?:包括|包含|涵盖|例如|比如|诸如|譬如|像|如)")


def _owner_card(ctx: Context, text: str, shift: int, listing: Listing, prefix: str) -> Candidate | None:
    """What the list is about, when the clause before it names it: "X主要涉及Y，包括A、B和C等领域" →
    "X主要涉及什么领域？" → "Y". A cloze over the sentence's own subject beside the item clozes would test
    nothing the learner could not read off them, so a list without such a clause gets no grouping card."""
    if ctx.language != "zh" or len(listing.items) < 2:
        return None
    clauses = split_clauses(text)
    start_of_list = listing.start - shift
    index = next((n for n, (_c, s, e) in enumerate(clauses) if s <= start_of_list < e), None)
    if index != 1 or not _ZH_EXAMPLE_CUE.match(strip_connectives(clauses[1][0], "zh")):
        return None
    first = clauses[0][0]
    owner, where = _clause_owner(clauses[0], "zh")
    if not owner or not _owner_ok(owner, "zh"):
        return None
    rest = first[where - clauses[0][1] + len(owner):]
    cut, verb = 0, None
    for word, tag in tagged_words(rest):
        cut += len(word)
        if tag.startswith("v"):
            verb = cut
            break
    if verb is None:
        return None
    answer = rest[verb:].strip()
    if not 2 <= len(answer) <= 16 or re.search(r"[\d一二两三四五六七八九十]", answer):
        return None
    head = listing.head if listing.head and len(listing.head) <= 4 else ""
    question = finish_question(prefix + first[:where - clauses[0][1]] + owner + rest[:verb] + "什么" + head, "zh")
    return Candidate.basic(question, answer, RULE, score=0.85)


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
