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
from desktop.core.generate.lists import find_lists
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.salience import NUMBER_WEIGHT, spans
from desktop.core.generate.subject import resolve, sentence_subject
from desktop.core.generate.terms import example_spans

RULE = "salient"
MIN_WEIGHT = 12.0
SECOND = 0.8  # a second deletion must weigh this share of the first
CONFIDENCE = 0.75
SUBJECT_SHARE = 0.8  # a term of the subject weighs this share: it is the cue, not the fact


def candidates(ctx: Context) -> list[Candidate]:
    if CLOSING_TITLES.match(ctx.section.title):
        return []  # a conclusion restates the facts given where they belong, or offers a platitude
    text = resolve(ctx.text, ctx)  # "这类应用" → "蓝领阶级应用" where the antecedent is certain
    examples = example_spans(text, ctx.language)
    # the count that announces a list ("三种方法：A，B，C") is not the fact; its items are (enumeration)
    counts = [l.count for l in find_lists(text, ctx.language) if l.count and len(l.items) > 1]
    quantities = [q for q in find_quantities(text, ctx.language)
                  if not any(q.start < e and s < q.end for s, e in counts)]
    if quantities:
        # numbers with their units are the sentence's facts: each its own deletion (up to three siblings)
        return [_note(text, [(NUMBER_WEIGHT, q.start, q.end) for q in quantities[:3]])]
    chosen: list[tuple[float, int, int]] = []
    for weight, start, end in _focused(spans(ctx, text), text, ctx.language):
        phrase = text[start:end]
        if weight < MIN_WEIGHT or (chosen and weight < chosen[0][0] * SECOND) or len(chosen) == 2:
            break
        if text.lower().count(phrase.lower()) > 1 or starts_with_pronoun(phrase, ctx.language):
            continue
        if any(s <= start and end <= e for s, e in examples) or any(start < e and s < end for s, e in counts):
            continue
        if start == 0 and ctx.language != "zh" and " " not in phrase and not phrase.isupper():
            continue  # an English sentence's first word is capitalised because it comes first, not as a name
        if any(start < e and s < end for _w, s, e in chosen):
            continue
        chosen.append((weight, start, end))
    return [_note(text, chosen)] if chosen else []


def _focused(found: list[tuple[float, int, int]], text: str, language: str) -> list[tuple[float, int, int]]:
    """The spans reweighed for where they stand: the subject is what the sentence is about (given, and
    the learner's cue), the predicate what it tells (new, the fact to recall), so a term inside the
    subject weighs less."""
    subject = sentence_subject(text, language)
    at = text.lower().find(subject.lower()) if subject else -1
    if at < 0:
        return found
    reweighed = [(w * (SUBJECT_SHARE if at <= s and e <= at + len(subject) else 1.0), s, e) for w, s, e in found]
    return sorted(reweighed, key=lambda t: (-t[0], t[1]))


def _note(text: str, chosen: list[tuple[float, int, int]]) -> Candidate:
    marks, cursor, front = sorted(chosen, key=lambda t: t[1]), 0, []
    for number, (_w, start, end) in enumerate(marks, 1):
        front += [text[cursor:start], f"{{{{c{number}::{text[start:end]}}}}}"]
        cursor = end
    front.append(text[cursor:])
    answer = " ".join(text[s:e] for _w, s, e in marks)
    return Candidate(CLOZE, "".join(front), "", answer, RULE, CONFIDENCE)
