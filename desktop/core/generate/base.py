"""What every rule family sees and returns.

A rule family is a module with `RULE = "name"` and `def candidates(ctx: Context) -> list[Candidate]`.
It looks at one sentence at a time, with its neighbours and section as context, and proposes
cards; the pipeline then applies the shared guards, dedupes, ranks within a budget and gives them
stable ids. Families are listed in `pipeline.REGISTRY`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.card import BASIC
from desktop.core.document import Document, Section, Sentence


@dataclass
class Context:
    """One sentence of a document, with what a rule needs to make its card stand alone."""

    document: Document
    section: Section
    sentence: Sentence
    index: int  # position of the sentence in its section
    previous: Sentence | None = None  # the sentence before, in the same section
    next: Sentence | None = None
    # shared by every context of one generate() run: per-document indexes a rule builds once
    # (word statistics, people named so far…) so that no rule rescans the document per sentence
    cache: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def language(self) -> str:
        return self.document.language



@dataclass
class Candidate:
    """A proposed card. `answer` is what the learner must recall (for a cloze: the deleted spans joined)."""

    kind: str  # BASIC or CLOZE
    front: str
    back: str
    answer: str
    rule: str
    score: float = 1.0  # higher is better; the pipeline keeps the best of near-duplicates
    source: Sentence | None = None  # defaults to the context sentence
    extra: dict = field(default_factory=dict)

    @classmethod
    def basic(cls, question: str, answer: str, rule: str, score: float = 1.0) -> "Candidate":
        return cls(BASIC, question, answer, answer, rule, score)
