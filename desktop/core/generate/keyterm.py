"""Key-term cloze: for a sentence with substance that no other rule turned into a card, delete its most
informative term ("李沐回到了母校{{c1::上海交通大学}}…"). Which term that is, terms.py decides.

A fallback family: the pipeline runs it after the others and tells it in `ctx.covered` whether one of
them already made a card of the sentence, so it never asks them again.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate import claim
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import CLOSING_TITLES, ZH_PERSONAL, is_meta, too_long
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
    """At most one key-term cloze for a sentence that no other family covers.

    Args:
        ctx: the sentence and its surroundings; `ctx.covered` is set by the pipeline.
    Returns:
        [] or one cloze candidate with a low score.
    """
    # cheap tests first: most sentences have no term worth a card
    if ctx.covered or not _substantial(ctx) or best_term(ctx.text, ctx) is None:
        return []
    if claim.find_claim(ctx):
        return []  # the claim family decides what an attributed sentence is worth
    text = standalone(ctx.text, ctx)
    prefix = topic_prefix(ctx)
    skip = len(prefix) if prefix and text.startswith(prefix) else 0
    span = best_term(text, ctx, (skip, len(text)))  # never delete from the topic label
    if span is None:
        return []
    return [Candidate(CLOZE, cloze(text, *span), "", text[span[0]:span[1]], RULE, SCORE)]


def _substantial(ctx: Context) -> bool:
    """A sentence worth a card: long enough, about the topic (not the article or the writer), not a
    closing summary."""
    if CLOSING_TITLES.match(ctx.section.title.strip()):
        return False  # a conclusion restates earlier facts or offers platitudes
    text = ctx.text
    if too_long(text, ctx.language) or is_meta(text):
        return False
    if ctx.language == "zh":
        return len(text) >= 12 and not _ZH_POINTER.match(text) and not ZH_PERSONAL.match(text)
    # a sentence about "this"/"it" comments on the one before; the learner has nothing to hold on to
    return len(text.split()) >= 6 and not _EN_BARE_PRONOUN.match(text)
