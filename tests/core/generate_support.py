"""Helpers shared by the rule-family tests."""
from __future__ import annotations

from desktop.core.document import Document
from desktop.core.generate.base import Context
from desktop.core.generate.pipeline import contexts


def context_of(document: Document, needle: str) -> Context:
    """The context of the first sentence containing `needle`, as the pipeline builds it."""
    for ctx in contexts(document):
        if needle in ctx.text:
            return ctx
    raise AssertionError(f"no sentence contains {needle!r}")
