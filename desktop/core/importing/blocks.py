"""The shape every input format is read into: a title and a list of blocks (headings and paragraphs)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.document import Place

HEADING = "heading"
PARAGRAPH = "paragraph"

_SENTENCE_END = re.compile(r"[。！？!?.…:：;；”’\"')）]$")
_MAX_TITLE = 80
_PROSE_END = re.compile(r"[。！？.!?；;，,]\s*$")
_FULL_WIDTH_END = re.compile(r"[。！？…：；”’」』）]$")


@dataclass
class Block:
    kind: str  # HEADING (explicit: Markdown # or HTML h1–h6) or PARAGRAPH
    text: str
    level: int = 0  # for explicit headings: 1 for # / h1
    item: bool = False  # a list item (Markdown "- ", "1. ", HTML <li>): the generator reads lists from it
    # where the text came from, for formats that say (subtitles: cue times, PDF: pages): (offset in
    # `text`, place) in increasing offset; a sentence gets the last place at or before its start
    places: list[tuple[int, Place]] = field(default_factory=list)
    # the text as written while `text` holds its Simplified view (a Traditional page being cleaned)
    written: str = ""


@dataclass
class Page:
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    explicit_headings: bool = False  # the format marks its headings (Markdown #, HTML h1–h6)
    # a book: each chapter (a top-level heading and what follows) ends like a page of its own, so the
    # rules that cut a page's tail ("Further reading", a copyright line) must not cut the later chapters
    chapters: bool = False


def join_lines(lines: list[str]) -> list[str]:
    """Re-flow hard-wrapped lines into paragraphs.

    A blank line always ends a paragraph; a line also ends one when it ends a sentence
    or is short enough to be a heading, because many Chinese texts put one paragraph
    per line with no blank line between. A file that does separate its paragraphs with
    blank lines is hard-wrapped: there a line ending in "." is not a paragraph's end.
    """
    wrapped = uses_blank_lines(lines)
    paragraphs: list[str] = []
    current: list[str] = []  # the lines of the paragraph being read; joined once, so long ones stay linear
    for raw in lines + [""]:
        line = raw.strip()
        ends = not line or (current and (_ends_paragraph(current[-1], wrapped) or _looks_like_heading(current[-1])
                                         or _looks_like_heading(line)))
        if ends and current:
            paragraphs.append(glue(current))
            current = []
        if line:
            current.append(line)
    return paragraphs


def uses_blank_lines(lines: list[str]) -> bool:
    """Does the text put blank lines between its paragraphs (one gap per eight lines at least)?"""
    text_lines = sum(1 for line in lines if line.strip())
    gaps = sum(1 for before, line in zip(lines, lines[1:]) if before.strip() and not line.strip())
    return gaps * 8 >= text_lines > 0


def _ends_paragraph(line: str, wrapped: bool) -> bool:
    return bool(_FULL_WIDTH_END.search(line) or (not wrapped and _SENTENCE_END.search(line)))


def _looks_like_heading(line: str) -> bool:
    return len(line) <= 40 and not _SENTENCE_END.search(line)


def reads_as_title(line: str) -> bool:
    """Short, and not ending like prose: a pasted transcript's first line is a sentence, not a title."""
    return len(line) <= _MAX_TITLE and not _PROSE_END.search(line)


def glue(lines: list[str]) -> str:
    """Join wrapped lines: a space between two Latin words, nothing between Chinese characters."""
    out = [lines[0]]
    for left, right in zip(lines, lines[1:]):
        out.append(f" {right}" if left[-1].isascii() and right[0].isascii() else right)
    return "".join(out)
