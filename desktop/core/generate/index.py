"""Per-document indexes, built once per generate() run and kept in `ctx.cache`.

Rules look back ("who was named before this pronoun?", "did an earlier sentence give this number?")
and up ("what are the titles above this section?"). Walking the document for every sentence made
generation quadratic in its length; these indexes are built in one pass the first time a rule asks,
so each later question costs a dictionary lookup or a short walk back.

Entries are keyed by the identity of the section objects: they live as long as the run does, and
two sections with the same number and title are still told apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from desktop.core.document import Section, Sentence
from desktop.core.generate.base import Context


@dataclass
class Outline:
    """The document in reading order: each section's heading, then its sentences."""

    texts: list[str] = field(default_factory=list)
    headings: list[bool] = field(default_factory=list)  # whether texts[i] is a section title
    first: dict[int, int] = field(default_factory=dict)  # id(section) → position of its first sentence
    parents: dict[int, Section] = field(default_factory=dict)  # id(section) → its parent section


def cached(ctx: Context, key: Any, build: Callable[[], Any]) -> Any:
    """`ctx.cache[key]`, built by `build()` the first time it is asked for.

    Args:
        ctx: any context of the run (they share one cache).
        key: a name, or a tuple of a name and what the value depends on.
        build: computes the value.
    Returns:
        The cached value.
    """
    if key not in ctx.cache:
        ctx.cache[key] = build()
    return ctx.cache[key]


def sentence_key(ctx: Context) -> tuple[int, int]:
    """Which sentence of the run `ctx` is about, for per-sentence caches."""
    return id(ctx.section), ctx.index


def outline(ctx: Context) -> Outline:
    """The document's reading order (built once per run)."""
    return cached(ctx, "outline", lambda: _build(ctx))


def _build(ctx: Context) -> Outline:
    index = Outline()
    for section in ctx.document.walk():
        for child in section.children:
            index.parents.setdefault(id(child), section)
        index.texts.append(section.title)
        index.headings.append(True)
        index.first[id(section)] = len(index.texts)
        index.texts.extend(sentence.text for sentence in section.sentences)
        index.headings.extend(False for _ in section.sentences)
    return index


def position(ctx: Context) -> int:
    """Where the context sentence stands in reading order (headings counted)."""
    return outline(ctx).first.get(id(ctx.section), 0) + max(ctx.index, 0)


def texts_before(ctx: Context, limit: int, headings: bool = True) -> list[str]:
    """Up to `limit` sentences (and section titles) before the context sentence, nearest first.

    Args:
        ctx: the sentence's context.
        limit: how many texts at most.
        headings: whether section titles count among them.
    Returns:
        Texts from the sentence before back towards the start of the document.
    """
    index, out = outline(ctx), []
    for at in range(position(ctx) - 1, -1, -1):
        if len(out) >= limit:
            break
        if headings or not index.headings[at]:
            out.append(index.texts[at])
    return out


def ancestors(ctx: Context) -> list[Section]:
    """The context's section and the sections above it, nearest first."""
    parents, chain = outline(ctx).parents, [ctx.section]
    while id(chain[-1]) in parents and len(chain) < 32:  # a malformed tree must not loop
        chain.append(parents[id(chain[-1])])
    return chain


def previous(ctx: Context, count: int) -> list[Sentence]:
    """Up to `count` sentences before the context sentence in its section, nearest first."""
    return list(reversed(ctx.section.sentences[max(0, ctx.index - count):max(ctx.index, 0)]))
