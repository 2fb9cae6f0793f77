"""The shape every input format is read into: a title and a list of blocks (headings and paragraphs)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = "heading"
PARAGRAPH = "paragraph"

_SENTENCE_END = re.compile(r"[。！？!?.…:：;；”’\"')）]$")


@dataclass
class Block:
    kind: str  # HEADING (explicit: Markdown # or HTML h1–h6) or PARAGRAPH
    text: str
    level: int = 0  # for explicit headings: 1 for # / h1


@dataclass
class Page:
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    explicit_headings: bool = False  # the format marks its headings (Markdown #, HTML h1–h6)


def join_lines(lines: list[str]) -> list[str]:
    """Re-flow hard-wrapped lines into paragraphs.

    A blank line always ends a paragraph; a line also ends one when it ends a sentence
    or is short enough to be a heading, because many Chinese texts put one paragraph
    per line with no blank line between.
    """
    paragraphs: list[str] = []
    current = ""
    for raw in lines + [""]:
        line = raw.strip()
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and (_SENTENCE_END.search(current) or _looks_like_heading(current) or _looks_like_heading(line)):
            paragraphs.append(current)
            current = line
        else:
            current = _glue(current, line)
    return paragraphs


def _looks_like_heading(line: str) -> bool:
    return len(line) <= 40 and not _SENTENCE_END.search(line)


def _glue(left: str, right: str) -> str:
    if not left:
        return right
    if left[-1].isascii() and right[0].isascii():
        return f"{left} {right}"
    return left + right
