"""The robust default: a cloze on the one or two most informative terms of a sentence.

Any sentence may carry a fact no shape rule recognises; its rarest, most document-specific terms
(or its numbers with their units) are what a teacher would blank. Two terms of one sentence become one
note with two deletions, each shown while the other is asked (siblings in Anki). A term that occurs
twice in the sentence would give itself away, and a term inside an example list tests nothing.
"""
from __future__ import annotations

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import CLOSING_TITLES, starts_with_pronoun
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.salience import NUMBER_WEIGHT, spans
from desktop.core.generate.subject import resolve
from desktop.core.generate.terms import example_spans

RULE = "salient"
MIN_WEIGHT = 12.0
SECOND = 0.8  # a second deletion must weigh this share of the first
CONFIDENCE = 0.75


def candidates(ctx: Context) -> list[Candidate]:
    if CLOSING_TITLES.match(ctx.section.title):
        return []  # a conclusion restates the facts given where they belong, or offers a platitude
    text = resolve(ctx.text, ctx)  # "这类应用" → "蓝领阶级应用" where the antecedent is certain
    examples = example_spans(text, ctx.language)
    quantities = find_quantities(text, ctx.language)
    if quantities:
        # numbers with their units are the sentence's facts: each its own deletion (up to three siblings)
        return [_note(text, [(NUMBER_WEIGHT, q.start, q.end) for q in quantities[:3]])]
    chosen: list[tuple[float, int, int]] = []
    for weight, start, end in spans(ctx, text):
        phrase = text[start:end]
        if weight < MIN_WEIGHT or (chosen and weight < chosen[0][0] * SECOND) or len(chosen) == 2:
            break
        if text.lower().count(phrase.lower()) > 1 or starts_with_pronoun(phrase, ctx.language):
            continue
        if any(s <= start and end <= e for s, e in examples):
            continue
        if start == 0 and ctx.language != "zh" and " " not in phrase and not phrase.isupper():
            continue  # an English sentence's first word is capitalised because it comes first, not as a name
        if any(start < e and s < end for _w, s, e in chosen):
            continue
        chosen.append((weight, start, end))
    return [_note(text, chosen)] if chosen else []


def _note(text: str, chosen: list[tuple[float, int, int]]) -> Candidate:
    marks, cursor, front = sorted(chosen, key=lambda t: t[1]), 0, []
    for number, (_w, start, end) in enumerate(marks, 1):
        front += [text[cursor:start], f"{{{{c{number}::{text[start:end]}}}}}"]
        cursor = end
    front.append(text[cursor:])
    answer = " ".join(text[s:e] for _w, s, e in marks)
    return Candidate(CLOZE, "".join(front), "", answer, RULE, CONFIDENCE)
