"""Plain text and Markdown → Page (a title and blocks)."""
from __future__ import annotations

import re

from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page, glue, join_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?=\S)")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
# YAML front matter of static-site generators: "---\ntitle: …\n---" before the first line
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"^title:[ \t]*([\"']?)(.+?)\1[ \t]*$", re.M)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


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
    text, front_title = _front_matter(text)
    blocks: list[Block] = []
    pending: list[str] = []

    def flush(code: bool = False) -> None:
        lines = [line.rstrip() if code else line.strip() for line in pending if line.strip()]
        if lines:
            # code keeps its lines and its asterisks; in prose only a blank line ends a paragraph
            blocks.append(Block(PARAGRAPH, "\n".join(lines) if code else strip_inline(glue(lines))))
        pending.clear()

    in_fence = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            flush(code=in_fence)
            in_fence = not in_fence
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
    blocks = [b for b in blocks if b.text]
    if front_title and not (blocks and blocks[0].kind == HEADING and blocks[0].level == 1):
        blocks.insert(0, Block(HEADING, front_title, 1))  # the front matter names the title a "# " line would
    return _page_with_title(blocks)


def _front_matter(text: str) -> tuple[str, str]:
    """The text without its front matter, and the title the front matter names ("" if none)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, ""
    title = _FRONT_TITLE.search(match.group(1))
    return text[match.end():], title.group(2).strip() if title else ""


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
    # *em* may sit inside a word ("在*北京*做"); _em_ may not ("snake_case_name")
    text = re.sub(r"\*(?![\s*])(.+?)(?<![\s*])\*", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    text = _HTML_TAG.sub("", text)  # Markdown allows raw HTML (<img …>, <br>, <span>)
    return text.strip()
