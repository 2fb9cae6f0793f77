"""Run every rule family over a document, then dedupe, rank and give the cards stable ids."""
from __future__ import annotations

import logging
import re
from types import ModuleType

from desktop.core.card import BASIC, CLOZE, Card, card_id
from desktop.core.chinese_script import simplified_view
from desktop.core.document import Document, normalise
from desktop.core.generate import definition, enumeration, guards, listnote, noise, salient, select
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import too_long

# The registry: every rule family, imported by name so that a typo fails at once. Order matters only
# for ties: earlier families win a near-duplicate at equal score.
REGISTRY: tuple[ModuleType, ...] = (listnote, enumeration, definition, salient)
FAMILIES = tuple(family.RULE for family in REGISTRY)
MAX_ANSWER = 40  # characters; a longer answer is a set or a paragraph, not one fact

_log = logging.getLogger(__name__)


def generate(document: Document) -> list[Card]:
    """Generate the cards of a document.

    Args:
        document: an imported document.
    Returns:
        Cards in reading order; the same document always gives the same cards with the same ids.

    Every family proposes candidates for every content sentence; the guards reject what no reader would
    keep, `select` merges siblings, weighs salience and keeps the best within the document's budget.
    A sentence on which a family raises is logged (a warning) and gives no card; the rest still do.
    A Traditional Chinese document is read through its Simplified view and its cards written back.
    """
    if view := simplified_view(document):
        return view.restore(_generate(view.document))
    return _generate(document)


def _generate(document: Document) -> list[Card]:
    found: list[tuple[Context, Candidate]] = []
    by_section: dict[str, list[Context]] = {}
    for ctx in contexts(document):
        by_section.setdefault(ctx.section.id, []).append(ctx)
    for section in document.walk():
        for ctx in by_section.get(section.id, []):
            found.extend(_sentence_candidates(ctx))
    found = select.merge_siblings([(ctx, c) for ctx, c in found if _acceptable(c)])
    kept = [(ctx, cand, select.salience(ctx, cand)) for ctx, cand in map(_trimmed, found)
            if guards.problem(cand, ctx.language) is None]
    all_contexts = [ctx for group in by_section.values() for ctx in group]
    chosen = select.choose(_dedupe_scored(kept), select.budget(all_contexts))
    return _rank(chosen, document)


def _sentence_candidates(ctx: Context) -> list[tuple[Context, Candidate]]:
    """Every family's candidates for one sentence; a rule that fails skips the sentence, not the document."""
    try:
        if noise.not_content(ctx) or too_long(ctx.text, ctx.language):
            return []  # furniture, a stray heading, a question, a textbook's tasks, a run-on list
        spoken = noise.unlabelled(ctx)  # "答：…" in a transcript: the card quotes what was said
        return [(spoken, c) for family in REGISTRY for c in family.candidates(spoken)]
    except Exception as error:  # noqa: BLE001 - one odd sentence must not cost the whole document its cards
        _log.warning("card rules failed on sentence %d of section %r (characters %d-%d): %s: %s",
                     ctx.index + 1, ctx.section.label, ctx.sentence.start, ctx.sentence.end,
                     type(error).__name__, error)
        _log.debug("the failing rule's traceback", exc_info=True)
        return []


def _trimmed(pair: tuple[Context, Candidate]) -> tuple[Context, Candidate]:
    """The repairs that keep a fact: no leading connective, a long cloze cut to its clauses."""
    ctx, cand = pair
    cand.front = guards.without_connective(cand.front, ctx.language)
    if cand.kind == CLOZE:
        cand.front = guards.trim_cloze(guards.without_lead_in(cand.front), ctx.language)
    return ctx, cand


def _dedupe_scored(found: list[tuple[Context, Candidate, float]]) -> list[tuple[Context, Candidate, float]]:
    """`_dedupe` over salience: among cards asking the same thing, the most salient stays."""
    score = {id(cand): value for _ctx, cand, value in found}
    for _ctx, cand, value in found:
        cand.score, cand.extra["confidence"] = value, cand.score
    kept = _dedupe([(ctx, cand) for ctx, cand, _v in found])
    return [(ctx, cand, score[id(cand)]) for ctx, cand in kept]


def contexts(document: Document) -> list[Context]:
    """Every sentence of a document with its neighbours, in reading order, sharing one cache."""
    cache: dict = {}
    return [Context(document, section, s, i, sentences[i - 1] if i else None,
                    sentences[i + 1] if i + 1 < len(sentences) else None, cache)
            for section in document.walk() for sentences in [section.sentences] for i, s in enumerate(sentences)]


def _acceptable(candidate: Candidate) -> bool:
    if not candidate.front.strip() or not candidate.answer.strip():
        return False
    if candidate.kind == BASIC:
        if len(candidate.answer) > MAX_ANSWER:
            return False
        if normalise(candidate.answer) in normalise(candidate.front):
            return False  # the question would give the answer away
    return True


def _dedupe(found: list[tuple[Context, Candidate]]) -> list[tuple[Context, Candidate]]:
    """Keep the best-scored card among those asking the same thing or testing the same fact.

    Each group keeps the place of its first member; every key of every member points to the group,
    so a later card that repeats the winner's question or fact joins it too.
    """
    groups: list[tuple[Context, Candidate]] = []
    group_of: dict[str, int] = {}
    for ctx, cand in found:
        source = cand.source or ctx.sentence
        keys = (f"front:{_front_key(cand)}", f"fact:{normalise(source.text)}|{normalise(cand.answer)}")
        index = next((group_of[k] for k in keys if k in group_of), None)
        if index is None:
            groups.append((ctx, cand))
            index = len(groups) - 1
        elif cand.score > groups[index][1].score:
            groups[index] = (ctx, cand)
        for key in keys:
            group_of.setdefault(key, index)
    return groups


def _front_key(cand: Candidate) -> str:
    # a cloze front differs by where its deletion is, so it is keyed with its answer
    front = normalise(cand.front)
    return f"{front}|{normalise(cand.answer)}" if "{{c" in cand.front else re.sub(r"[?？]$", "", front)


def _rank(found: list[tuple[Context, Candidate]], document: Document) -> list[Card]:
    cards, ids = [], set()
    for ctx, cand in sorted(found, key=lambda pair: ((pair[1].source or pair[0].sentence).start,
                                                    FAMILIES.index(pair[1].rule) if pair[1].rule in FAMILIES else 99,
                                                    -pair[1].score)):
        source = cand.source or ctx.sentence
        cid = card_id(document.id, cand.rule, source.text, cand.answer, cand.kind)
        if cid in ids:
            continue
        ids.add(cid)
        cards.append(Card(id=cid, kind=cand.kind, front=cand.front, back=cand.back, section=ctx.section.label,
                          source=source.text, rule=cand.rule, section_id=ctx.section.id,
                          source_start=source.start, source_end=source.end, document_id=document.id,
                          place=source.place))
    return cards
