"""How much recalling a word or phrase of a document is worth: the one measure every stage ranks by.

A word is worth recalling when it is rare in general text (jieba's dictionary frequencies for Chinese,
wordfreq for English, `terms._word_rarity`) and matters to this document: its recurring terms count a
little more. The document's subject (a word in a third of its sentences) and the words of the titles
above a sentence count much less: the front shows them anyway, and a blank on them tests nothing.
Numbers with their units are facts whatever their words.
"""
from __future__ import annotations

from desktop.core.generate.base import Context
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.terms import _EN_STOP, _ZH_GENERIC, _headings, _word_rarity, _words, stats, terms

NUMBER_WEIGHT = 22.0
_SUBJECT_SHARE = 0.5


def word_weight(ctx: Context, word: str) -> float:
    """The worth of one word of the context's document."""
    low = word.lower()
    if low in _ZH_GENERIC or low in _EN_STOP or len(low) < 2:
        return 0.0
    doc = stats(ctx)
    count = doc.df.get(low, 0)
    weight = _word_rarity(word, ctx.language) * (1.0 + min(0.3, 0.1 * count))
    if count / max(doc.sentences, 1) > _SUBJECT_SHARE:
        weight *= 0.3
    if low in _headings(ctx) or low in ctx.document.title.lower():
        weight *= 0.5  # the titles above the sentence show it
    return weight


def phrase_weight(ctx: Context, text: str) -> float:
    """The worth of a phrase: its best word, or a number's worth when it holds one with a unit."""
    weight = max((word_weight(ctx, word) for word in _words(text, ctx.language)), default=0.0)
    if find_quantities(text, ctx.language):
        weight = max(weight, NUMBER_WEIGHT)
    return weight


def spans(ctx: Context, text: str) -> list[tuple[float, int, int]]:
    """(weight, start, end) of every term and quantity of `text`, best first."""
    found = [(phrase_weight(ctx, term[0]), term[1], term[2]) for term in terms(text, ctx.language)]
    found += [(NUMBER_WEIGHT, q.start, q.end) for q in find_quantities(text, ctx.language)]
    return sorted(found, key=lambda t: (-t[0], t[1]))
