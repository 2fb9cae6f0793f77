"""Helpers shared by the rule-family tests."""
from __future__ import annotations

import pytest

from desktop.core.document import Document
from desktop.core.generate.base import Context
from desktop.core.generate.pipeline import contexts
from desktop.core.importing import import_text


def context_of(document: Document, needle: str) -> Context:
    """The context of the first sentence containing `needle`, as the pipeline builds it."""
    for ctx in contexts(document):
        if needle in ctx.text:
            return ctx
    raise AssertionError(f"no sentence contains {needle!r}")


def cards_by_sentence(text: str, family) -> dict[str, list]:
    """What one rule family proposes for each sentence of `text`, keyed by the sentence."""
    return {ctx.text: family.candidates(ctx) for ctx in contexts(import_text(text))}


def document_fixture(text: str, name: str):
    """A module-scoped fixture `name` holding `text` imported once."""
    return pytest.fixture(scope="module", name=name)(lambda: import_text(text))


def family_candidates(document: Document, family) -> list:
    """Everything one rule family proposes over a whole document, before the pipeline chooses."""
    return [cand for ctx in contexts(document) for cand in family.candidates(ctx)]


def proposals(document: Document) -> list:
    """What all rule families propose over a document, before the pipeline's guards and budget choose."""
    from desktop.core.generate.pipeline import REGISTRY

    return [cand for family in REGISTRY if hasattr(family, "candidates") for cand in family_candidates(document, family)]
