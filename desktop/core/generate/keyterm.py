"""Key-term cloze: for a sentence with substance that no other rule turned into a card, delete its most
informative term ("李沐回到了母校{{c1::上海交通大学}}…"). Which term that is, terms.py decides.

A fallback family: the pipeline runs it after the others and tells it in `ctx.covered` whether one of
them already made a card of the sentence, so it never asks them again.
"""
from __future__ import annotations

import math
import re

from desktop.core.card import CLOZE
from desktop.core.document import normalise
from desktop.core.generate import claim
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import (
    CLOSING_TITLES, EN_CONDITION, ZH_CONDITION, ZH_PERSONAL, is_meta, reporting_frame, split_clauses,
    strip_connectives, too_long)
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.questions import cloze
from desktop.core.generate.subject import standalone, topic_prefix
from desktop.core.generate.terms import best_term

RULE = "keyterm"
FALLBACK = True
SCORE = 0.3  # below every other family: the pipeline keeps their card for the same fact
# "以下…", "上述…": the sentence points at other text and holds no fact of its own
_ZH_POINTER = re.compile(r"^(?:以下|上述)")
_EN_BARE_PRONOUN = re.compile(r"^(?:(?:So|But|And|Yet|Still),?\s+)?(?:This|That|It|They|These|Those|He|She|We|I|You|"
                              r"There)\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|do|does|did|"
                              r"think|believe|say|said|means|meant|shows?|showed|makes?|made)\b")


def candidates(ctx: Context) -> list[Candidate]:
    """At most one key-term cloze for a sentence that no other family covers, or for a clause of a covered
    sentence that none of its cards tests ("…在厦门大学做了一场讲座" beside a card on its date).

    Args:
        ctx: the sentence and its surroundings; `ctx.covered` is set by the pipeline.
    Returns:
        [] or one cloze candidate with a low score.
    """
    ctx = unlabelled(ctx)
    if not _substantial(ctx):
        return []
    if ctx.covered:
        return _untested_clause(ctx)
    # cheap test first: most sentences have no term worth a card
    if best_term(ctx.text, ctx) is None:
        return []
    if claim.find_claim(ctx):
        return []  # the claim family decides what an attributed sentence is worth
    text = standalone(ctx.text, ctx)
    prefix = topic_prefix(ctx)
    skip = len(prefix) if prefix and text.startswith(prefix) else 0
    span = best_term(text, ctx, (skip, len(text)))  # never delete from the topic label
    if span is None:
        return []
    found = [Candidate(CLOZE, cloze(text, *span), "", text[span[0]:span[1]], RULE, SCORE)]
    if _long(text, ctx.language):
        # a long sentence says two things: the best term of another clause gets its own card
        for _clause, start, end in _clauses(text, ctx.language):
            if start >= skip and not (start <= span[0] < end) and not _too_short(_clause, ctx.language):
                other = best_term(text, ctx, (start, end), kinds=("place", "name") if ctx.language == "zh" else None)
                if other is not None:
                    found.append(Candidate(CLOZE, cloze(text, *other), "", text[other[0]:other[1]], RULE, SCORE))
                    break
    return found


def _long(text: str, language: str) -> bool:
    return len(text) >= 60 if language == "zh" else len(text.split()) >= 20


_EN_JOINT = re.compile(r"\s+(?:and|but|while|whereas|although|though)\s+|;\s*|,\s*which\s+")


def _clauses(text: str, language: str) -> list[tuple[str, int, int]]:
    """Clauses for telling which parts of a sentence a card tests: commas and semicolons, and in English
    the conjunctions that join two predicates ("X decoded the dance and shared the prize")."""
    clauses = split_clauses(text)
    if language == "zh":
        return clauses
    out = []
    for clause, start, _end in clauses:
        cursor = 0
        for joint in _EN_JOINT.finditer(clause):
            out.append((clause[cursor:joint.start()], start + cursor, start + joint.start()))
            cursor = joint.end()
        out.append((clause[cursor:], start + cursor, start + len(clause)))
    return [c for c in out if c[0].strip()]


def _untested_clause(ctx: Context) -> list[Candidate]:
    """A cloze on the best term of the first clause that the other families' cards leave untested."""
    cards = [card for card in ctx.made if card.front.strip() and card.answer.strip()]
    said = claim.find_claim(ctx)
    if said:
        text, skip = said.text, said.content_start  # never the speaker: a deletion tests what was said
    else:
        text = standalone(ctx.text, ctx)
        prefix = topic_prefix(ctx)
        skip = len(prefix) if prefix and text.startswith(prefix) else 0
    clauses = _clauses(text, ctx.language)
    if not cards or len(clauses) < 2:
        return []
    if sum(card.rule == "enumeration" for card in cards) >= 2:
        return []  # a list's items are clozed: deleting the words around them tests what they already show
    # a sentence with several cards already keeps its extra card for a name or a place
    names_only = ctx.language == "zh" and (len(cards) > 1 or len(text) < 40)
    answers = [normalise(card.answer) for card in cards]
    counted = any(card.rule == "quantity" for card in cards)
    for clause, start, end in clauses:
        if start < skip or _too_short(clause, ctx.language) or reporting_frame(clause, ctx.language):
            continue
        if ZH_CONDITION.match(strip_connectives(clause, ctx.language)) or EN_CONDITION.match(clause):
            continue  # "如果白化持续时间过长": a condition is no fact of its own
        flat = normalise(clause)
        if any(_overlaps(answer, flat) for answer in answers if answer):
            continue  # a card asks for something this clause says
        if counted and find_quantities(clause, ctx.language):
            continue  # its number has a card (written "10T–50T" there, "10T到50T" here)
        span = best_term(text, ctx, (start, end), kinds=("place", "name") if names_only else None)
        if span is not None:
            return [Candidate(CLOZE, cloze(text, *span), "", text[span[0]:span[1]], RULE, SCORE)]
    return []


def _overlaps(answer: str, clause: str) -> bool:
    """Whether an answer tests a clause: one holds the other, or they share most of the clause's words."""
    if answer in clause or clause in answer:
        return True
    size = min(8, math.ceil(0.6 * len(clause)))
    return len(answer) >= size and any(clause[i:i + size] in answer for i in range(len(clause) - size + 1))


def _too_short(clause: str, language: str) -> bool:
    return len(clause) < 6 if language == "zh" else len(clause.split()) < 4


def _substantial(ctx: Context) -> bool:
    """A sentence worth a card: long enough, about the topic (not the article or the writer), not a
    closing summary."""
    if CLOSING_TITLES.match(ctx.section.title.strip()):
        return False  # a conclusion restates earlier facts or offers platitudes
    text = ctx.text
    if too_long(text, ctx.language) or is_meta(text) or not_content(ctx):
        return False
    if ctx.language == "zh":
        return len(text) >= 12 and not _ZH_POINTER.match(text) and not ZH_PERSONAL.match(text)
    # a sentence about "this"/"it" comments on the one before; the learner has nothing to hold on to
    return len(text.split()) >= 6 and not _EN_BARE_PRONOUN.match(text)
