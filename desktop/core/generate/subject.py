"""Make a card's front stand alone: resolve references ("这一规模", "他", "This model") from context.

(Stub: owned by the quantity/enumeration work; other rule families call these two functions.)
"""
from __future__ import annotations

from desktop.core.generate.base import Context


def resolve(text: str, ctx: Context) -> str:
    """The text with references replaced by what they refer to (previous sentence, section title).

    Args:
        text: a sentence or clause from `ctx`.
        ctx: the sentence's context.
    Returns:
        Text a learner understands without the document at hand.
    """
    return text


def subject_hint(ctx: Context) -> str:
    """A short label that names the topic, used as a prefix when a front would be ambiguous."""
    return ctx.section.title
