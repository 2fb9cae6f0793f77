"""Outline cards: which parts a section (or the whole document) has.

One cloze note per section with two or more sub-sections, one deletion per part:
"「2 AI的应用前景」分为三部分：{{c1::文科白领}}、{{c2::工科白领}}、{{c3::蓝领阶级}}". Anki turns it into one
card per part, each hiding one part while showing the others — the standard way to learn a short
list without making one card whose answer is the whole set. The document's own top-level structure
gets the same note once, attached to its first numbered section.
"""
from __future__ import annotations

from desktop.core.card import CLOZE
from desktop.core.document import Document, Section, Sentence
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.questions import deletion
from desktop.core.generate.subject import clean_title
from desktop.core.numerals import int_to_chinese

RULE = "outline"
SCORE = 0.8
MAX_PARTS = 8  # a longer list is a table of contents, not something to memorise
_EN_COUNTS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}


def section_candidates(document: Document, section: Section) -> list[tuple[Context, Candidate]]:
    """Outline cards for one section.

    Args:
        document: the document.
        section: one of its sections (the pipeline calls this for every section).
    Returns:
        (context, candidate) pairs; the context's sentence is the section heading (or the document title).
    """
    found = []
    parts = [child.title.strip() for child in section.children if child.title.strip()]
    if _listable(parts):
        heading = _heading(document, section)
        ctx = Context(document, section, heading, -1)
        found.append((ctx, _parts_card(section.label, parts, document.language)))
    if _first_numbered(document, section):
        parts = [s.title.strip() for s in document.sections if s.number and s.title.strip()]
        if _listable(parts):
            ctx = Context(document, section, _title_sentence(document, section), -1)
            found.append((ctx, _parts_card(clean_title(document.title), parts, document.language, document=True)))
    return found


def _listable(parts: list[str]) -> bool:
    return 2 <= len(parts) <= MAX_PARTS and len(set(parts)) == len(parts)


def _parts_card(label: str, parts: list[str], language: str, document: bool = False) -> Candidate:
    """One cloze note, one deletion per part (the scorer and Anki both read c1…cN)."""
    deletions = [deletion(part, i) for i, part in enumerate(parts, start=1)]
    if language == "zh":
        name = f"《{label}》" if document else f"「{label}」"
        front = f"{name}分为{_zh_count(len(parts))}部分：" + "、".join(deletions)
    else:
        joiner = ", and " if len(deletions) > 2 else " and "
        listed = ", ".join(deletions[:-1]) + joiner + deletions[-1]
        front = f"“{label}” has {_EN_COUNTS.get(len(parts), str(len(parts)))} parts: {listed}"
    return Candidate(CLOZE, front, "", "；".join(parts), RULE, SCORE)


def _zh_count(number: int) -> str:
    return "两" if number == 2 else int_to_chinese(number)


def _heading(document: Document, section: Section) -> Sentence:
    """The section's heading line as a sentence, so the card points at the heading."""
    line_end = document.text.find("\n", section.start)
    end = line_end if line_end != -1 and line_end <= section.end else section.start + len(section.label)
    return Sentence(section.label, section.start, end)


def _first_numbered(document: Document, section: Section) -> bool:
    first = next((s for s in document.sections if s.number), None)
    return first is not None and first.id == section.id


def _title_sentence(document: Document, section: Section) -> Sentence:
    start = document.text.find(document.title)
    if start == -1:
        return _heading(document, section)
    return Sentence(document.title, start, start + len(document.title))
