"""Which candidates become cards: sibling deletions merged into one note, a salience score, a budget.

A deck is read by a person who deletes what wastes their time, so the document gets a card budget
proportional to its length, the most salient facts first. Salience is the weight of what the learner
must recall (how rare its words are in general text and how specific to this sentence, `terms.weigh`)
times the family's confidence in the shape it recognised. A sentence gives one card, or one note whose
deletions are the items of one list (siblings, reviewed on different days, as in Anki).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.guards import CLOZE_MARK, deletions
from desktop.core.generate.lists import ITEM_MARKER
from desktop.core.generate.salience import phrase_weight

# cards per 1,000 Chinese characters, or per 1,000 English words, of body text
RATE = {"zh": 10.0, "en": 8.0}
MIN_CARDS = 5  # a short note still deserves its handful of facts
# below this salience a card is not worth a reader's time, whatever the budget leaves
THRESHOLD = 10.0


def budget(contexts: list[Context]) -> int:
    """How many cards the document deserves, from its body length."""
    if not contexts:
        return 0
    language = contexts[0].language
    if language == "zh":
        amount = sum(len(re.findall(r"[\u3400-\u9fff]", ctx.text)) for ctx in contexts) / 1000
    else:
        amount = sum(len(ctx.text.split()) for ctx in contexts) / 1000
    return max(MIN_CARDS, math.ceil(RATE.get(language, 7.0) * amount))


def merge_siblings(found: list[tuple[Context, Candidate]]) -> list[tuple[Context, Candidate]]:
    """Single-deletion list clozes on the same sentence become one note with c1…cN: the items of one
    list are siblings, not N copies of a long sentence. Items of a later list in the sentence stay apart."""
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, (ctx, cand) in enumerate(found):
        if cand.kind == CLOZE and cand.rule == "enumeration" and len(deletions(cand.front)) == 1:
            groups[(id(ctx.sentence), CLOZE_MARK.sub(lambda m: m.group(2), cand.front))].append(index)
    merged: dict[int, tuple[Context, Candidate]] = {}
    dropped: set[int] = set()
    for (_sid, plain), members in groups.items():
        if len(members) < 2:
            continue
        spans = sorted({deletions(found[i][1].front)[0] for i in members})
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            continue
        spans = _first_clause_run(plain, spans)
        if len(spans) < 2:
            continue
        members = [i for i in members if deletions(found[i][1].front)[0] in spans]
        ctx, first = found[members[0]]
        front, cursor = [], 0
        for number, (start, end, text) in enumerate(spans, 1):
            front += [plain[cursor:start], f"{{{{c{number}::{text}}}}}"]
            cursor = end
        front.append(plain[cursor:])
        answer = "、".join(text for _s, _e, text in spans)
        merged[members[0]] = (ctx, Candidate(CLOZE, "".join(front), first.back, answer, first.rule,
                                             max(found[i][1].score for i in members), first.source))
        dropped.update(members[1:])
    return [merged.get(i, pair) for i, pair in enumerate(found) if i not in dropped]


def _first_clause_run(plain: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The deletions of the first list in the sentence: between two items of one list stand only
    separators and item markers ("、", ", and the", "，一个是"); anything more starts another list
    ("提供A、B、C的能力，用以D、E")."""
    run = spans[:1]
    for span in spans[1:]:
        if _ITEM_GAP.sub("", plain[run[-1][1]:span[0]]).strip():
            break
        run.append(span)
    return run


_ITEM_GAP = re.compile(rf"[、，,/]|\b(?:and|or|the|a|an)\b|以及|或者|和|与|及|或|{ITEM_MARKER}", re.I)


def salience(ctx: Context, cand: Candidate) -> float:
    """How worth a reader's time the card is: what it asks for, weighed, times the family's confidence."""
    asked = [text for _s, _e, text in deletions(cand.front)] if cand.kind == CLOZE else [cand.answer]
    weights = [_weight(ctx, text) for text in asked]
    if not weights:
        return 0.0
    # a note is as worth its reviews as its deletions on average (each is a card of its own in Anki):
    # one rare item does not carry four common ones
    mean = sum(weights) / len(weights)
    return mean * (1 + 0.1 * (len(weights) - 1)) * cand.score


def _weight(ctx: Context, text: str) -> float:
    return phrase_weight(ctx, text)


def choose(found: list[tuple[Context, Candidate, float]], limit: int, per_sentence: int = 1
           ) -> list[tuple[Context, Candidate]]:
    """The best `limit` candidates above the threshold, at most `per_sentence` per source sentence.

    Every section first gets its best card (the outline is the learner's map, and a part without a card
    is a part never reviewed); the rest of the budget goes to the most salient cards wherever they are.

    Args:
        found: (context, candidate, salience) triples.
        limit: the budget.
        per_sentence: cards one sentence may give.
    Returns:
        The chosen (context, candidate) pairs.
    """
    ranked = [t for t in sorted(found, key=lambda t: -t[2]) if t[2] >= THRESHOLD]
    firsts: dict[str, int] = {}
    for index, (ctx, _cand, _score) in enumerate(ranked):
        firsts.setdefault(ctx.section.id, index)
    leaders = set(firsts.values())
    order = sorted(leaders) + [i for i in range(len(ranked)) if i not in leaders]
    chosen, per = [], defaultdict(int)
    for index in order:
        ctx, cand, _score = ranked[index]
        if len(chosen) >= limit:
            break
        key = id(cand.source or ctx.sentence)
        if per[key] >= per_sentence:
            continue
        per[key] += 1
        chosen.append((ctx, cand))
    return chosen
