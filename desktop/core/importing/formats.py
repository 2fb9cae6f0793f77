"""Plain text and Markdown → Page (a title and blocks)."""
from __future__ import annotations

import re

from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page, join_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?=\S)")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")


def read_plain(text: str) -> Page:
    """A plain-text page: the first non-empty line is the title."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines else ""
    return Page(title=title, blocks=[Block(PARAGRAPH, p) for p in join_lines(lines)])


def read_markdown(text: str) -> Page:
    """A Markdown page: headings from # (and setext underlines); inline markup removed.

    The title is the first heading when it comes before any paragraph, else the first line.
    """
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        blocks.extend(Block(PARAGRAPH, strip_inline(p)) for p in join_lines(pending))
        pending.clear()

    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
            flush()
        elif in_fence:
            pending.append(line)
        elif heading := _MD_HEADING.match(line):
            flush()
            blocks.append(Block(HEADING, strip_inline(heading.group(2)), len(heading.group(1))))
        elif _MD_SETEXT.match(line) and len(pending) == 1:
            # "Title\n=====" (h1) or "Title\n-----" (h2): an underline right below one line of text
            blocks.append(Block(HEADING, strip_inline(pending.pop()), 1 if line.strip()[0] == "=" else 2))
        elif _MD_RULE.match(line) or not line.strip():
            flush()
        else:
            if _MD_ITEM.match(line):
                flush()  # each list item is its own paragraph; numbers stay, they may be headings
            pending.append(_MD_QUOTE.sub("", _MD_BULLET.sub("", line)))
    flush()
    return _page_with_title(blocks)


def _page_with_title(blocks: list[Block]) -> Page:
    blocks = [b for b in blocks if b.text]
    if not blocks:
        return Page()
    has_headings = sum(1 for b in blocks if b.kind == HEADING) >= 2
    first = blocks[0]
    title = first.text
    rest = blocks[1:]
    if first.kind == HEADING and first.level > 1 and any(b.kind == HEADING and b.level < first.level for b in rest):
        title, rest = "", blocks  # the first heading is a section, not the title
    return Page(title=title, blocks=rest, explicit_headings=has_headings)


def strip_inline(text: str) -> str:
    """Markdown inline markup → plain text (links keep their words, images go)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text.strip()
