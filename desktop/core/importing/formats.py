"""Plain text and Markdown → Page (a title and blocks)."""
from __future__ import annotations

import re

from desktop.core.importing.blocks import PARAGRAPH, Block, Page, join_lines, reads_as_title
from desktop.core.importing.markdown import read_markdown

__all__ = ["read_markdown", "read_plain", "strip_inline"]

_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def read_plain(text: str) -> Page:
    """A plain-text page: the first non-empty line is the title, when it reads as one."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines.pop(0).strip() if lines and reads_as_title(lines[0].strip()) else ""
    return Page(title=title, blocks=[Block(PARAGRAPH, p) for p in join_lines(lines)])


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
