"""Export the outline with its cards as Markdown, to read or print.

Document text is escaped so a card about `<script>` or `*args` shows exactly that
in any Markdown renderer; only our own emphasis is markup.
"""
from __future__ import annotations

import itertools
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from desktop.core.card import CLOZE, Card
from desktop.core.document import Section
from desktop.core.export.atomic import write_atomically
from desktop.core.export.source import CLOZE_RE, DeckSource, exported_cards, find_section

# CommonMark lets a backslash escape any ASCII punctuation. Every line we write starts
# with our own markup, so only the characters that act inside a line need it; fewer
# escapes keep the raw file readable ("1.2", "10T-50T" stay as they are).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md_escape(text: str) -> str:
    """Plain text as literal Markdown on one line (runs of white space become one space)."""
    return _escape(" ".join(text.split()))


def cloze_markdown(text: str) -> str:
    """Cloze markup shown with each deletion's answer in **bold** (hints dropped)."""
    text = " ".join(text.split())
    parts, last = [], 0
    for match in CLOZE_RE.finditer(text):
        parts.append(_escape(text[last:match.start()]))
        # "** x **" would not be bold: emphasis may not start or end with a space.
        parts.append(f"**{_escape(match.group(2).strip())}**")
        last = match.end()
    parts.append(_escape(text[last:]))
    return "".join(parts)


def card_markdown(number: int, card: Card) -> list[str]:
    """A card as a Q/A paragraph with its source sentence in italics."""
    question = cloze_markdown(card.front) if card.kind == CLOZE else md_escape(card.front)
    lines = [f"**Q{number}.** {question}  "]
    if card.back.strip():
        lines.append(f"**A.** {md_escape(card.back)}  ")
    if card.source.strip():
        lines.append(f"*{md_escape(card.source)}*")
    lines[-1] = lines[-1].rstrip()
    return lines + [""]


def cards_by_section(source: DeckSource, include_suspended: bool) -> dict[str, list[Card]]:
    """Exported cards keyed by section id; "" holds cards whose section is unknown."""
    grouped: dict[str, list[Card]] = {}
    for card in exported_cards(source, include_suspended):
        section = find_section(source.document, card)
        grouped.setdefault(section.id if section else "", []).append(card)
    return grouped


def _heading(section: Section) -> str:
    # Level 1 sections are "##": the document title is the only "#" heading.
    return f"{'#' * min(section.level + 1, 6)} {md_escape(section.label)}"


def _cards_lines(cards: list[Card], numbers: Iterator[int]) -> list[str]:
    lines: list[str] = []
    for card in cards:
        lines += card_markdown(next(numbers), card)
    return lines


def document_markdown(source: DeckSource, include_suspended: bool = False) -> tuple[str, int]:
    """One document's outline with its cards, and how many cards it shows."""
    grouped = cards_by_section(source, include_suspended)
    numbers = itertools.count(1)  # questions are numbered through the whole document
    lines = [f"# {md_escape(source.document.title)}", ""]
    lines += _cards_lines(grouped.get("", []), numbers)
    for section in source.document.walk():
        lines += [_heading(section), ""]
        lines += _cards_lines(grouped.get(section.id, []), numbers)
    count = sum(len(cards) for cards in grouped.values())
    return "\n".join(lines).rstrip() + "\n", count


def export_markdown(sources: Iterable[DeckSource], out_path: str | os.PathLike[str],
                    include_suspended: bool = False) -> int:
    """Write the outlines of `sources` with their cards as one Markdown file (UTF-8).

    Args:
        sources: documents with their cards, written in this order.
        out_path: the file to create or replace (atomically).
        include_suspended: also list suspended cards.

    Returns:
        The number of cards written.
    """
    texts, count = [], 0
    for source in sources:
        text, shown = document_markdown(source, include_suspended)
        texts.append(text)
        count += shown
    body = "\n".join(texts)
    write_atomically(Path(out_path), lambda handle: handle.write(body.encode("utf-8")))
    return count
