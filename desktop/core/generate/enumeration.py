"""Enumeration cards: a list in a sentence becomes one card per item plus one for its count or owner.

"他将AI的应用分为三类：文科白领、工科白领和蓝领阶级。" gives three clozes ("…分为三类：{{c1::文科白领}}、
工科白领和蓝领阶级。", one per item) and "李沐将AI的应用分为几类？" → "三类". A list without a count
gets a cloze over what the list belongs to ("{{c1::多模态模型}}将文本、图片、视频和语音结合起来"),
never one card whose answer is the whole set. Finding the lists is the work of lists.py.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate import subject
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import is_adverbial, is_meta, reporting_frame, split_clauses, strip_connectives
from desktop.core.generate.english import determiner_length
from desktop.core.generate.index import cached, outline, position
from desktop.core.generate.lists import Listing, find_lists, item_texts
from desktop.core.generate.questions import cloze, finish_question
from desktop.core.numerals import parse_chinese

RULE = "enumeration"
MAX_SENTENCE = 110  # a cloze sentence longer than this is cut to the clause that holds the list


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
    here, lists = position(ctx), _lists(ctx)
    earlier = {(at, n) for item in mine for at, n in lists.get(item, ()) if at < here}
    return any(len(mine & theirs) * 3 >= 2 * len(mine)
               for theirs in (_items_of(ctx, at, n) for at, n in sorted(earlier)))


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
    prefix = subject.topic_prefix(ctx) if subject.dangling(text, ctx.language) else ""
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
                                                                or is_adverbial(c[0]))), None)
        if first == index - 1:
            owner, where = _clause_owner(clauses[first], ctx.language)
    if not owner or where + len(owner) > start_of_list or not _owner_ok(owner, ctx.language):
        return None
    if ctx.language != "zh":
        cut = determiner_length(owner)  # "The {{c1::Harbor cell}}": no filler word in a deletion
        where, owner = where + cut, owner[cut:]
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
