"""Import a talk or article: decode → read its format → clean the noise → parse the outline.

Loaded on first use through `desktop.core.importing` (its cleaning rules take a while to compile).
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop.core.chinese_script import is_traditional, simplified, written_as
from desktop.core.document import Document
from desktop.core.importing import BOOK_SUFFIXES, SUBTITLE_SUFFIXES
from desktop.core.importing.blocks import HEADING, Block, Page, reads_as_title
from desktop.core.importing.clean import clean
from desktop.core.importing.endmatter import without_page_chrome
from desktop.core.importing.decode import MAX_BOOK_BYTES, MAX_BYTES, ImportFailed, decode
from desktop.core.importing.formats import read_markdown, read_plain
from desktop.core.importing.html_page import read_html
from desktop.core.importing.parse import parse
from desktop.core.importing.rest import looks_like_rest, to_markdown

_UNTITLED_LENGTH = 40  # characters of the first sentence that name a text without a title
# a WebVTT file says so on its first line; an SRT file starts with cue 1 and its times
_SUBTITLE_START = re.compile(r"^\ufeff?(WEBVTT\b|\s*1\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{3}\s*-->)")
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<article)", re.I)
# A lone UTF-16 surrogate (pasted text, a string from a broken clipboard) has no UTF-8 form: ids,
# SQLite and the .apkg would all fail on it, so it becomes U+FFFD like any undecodable character.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters but tab and line feed: no text means them, and Anki drops them from a note's
# fields, so a card holding one would never match its note. Vertical tab and form feed break lines.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c]")

def import_file(path: str | os.PathLike) -> Document:
    """Read and parse a file.

    Args:
        path: a text, Markdown, HTML, subtitle (.srt, .vtt), PDF or EPUB file (other names are read as
            plain text, or by what their first bytes say they are).
    Returns:
        The document with its outline.
    Raises:
        ImportFailed: with one clear sentence for a missing, unreadable, empty, binary or textless file.
    """
    file = Path(path)
    if not file.exists():
        raise ImportFailed("No such file: %1", file)
    if file.is_dir():
        raise ImportFailed("%1 is a folder; choose a text, Markdown or HTML file.", file)
    if not file.is_file():
        # a device or pipe (/dev/zero, a FIFO) may never end or never answer
        raise ImportFailed("%1 is not a regular file; choose a text, Markdown or HTML file.", file)
    suffix = file.suffix.lower()
    limit = MAX_BOOK_BYTES if suffix in BOOK_SUFFIXES else MAX_BYTES
    if file.stat().st_size > limit:
        raise ImportFailed("%1 is larger than %2 MB; TalkCards imports talks and articles.", file.name,
                           limit // (1024 * 1024))
    try:
        with file.open("rb") as stream:
            data = stream.read(limit + 1)  # bounded: the file may grow after stat()
    except OSError as error:
        raise ImportFailed("%1 could not be read: %2.", file, error.strerror or error) from error
    return import_bytes(data, suffix, str(file))


def import_bytes(data: bytes, suffix: str = "", source_path: str = "") -> Document:
    """Read a file's content: a PDF or EPUB by its first bytes (or its name), anything else as text."""
    if book := _book_reader(book_suffix(data, suffix)):
        page = book(data)
        if not page.title and source_path:
            page.title = _plain(Path(source_path).stem)  # a book's first line is its first chapter's heading
        return import_page(page, source_path)
    return import_text(decode(data), suffix, source_path)


def import_text(text: str, suffix: str = ".txt", source_path: str = "") -> Document:
    """Parse already decoded text; `suffix` chooses the reader (".md", ".html", ".srt", ".vtt", else plain text)."""
    text = _plain(text)
    page = _read(text, suffix)
    if not page.title and _is_subtitles(text, suffix) and source_path:
        page.title = _plain(Path(source_path).stem)  # captions have no title line: their first line is speech
    return import_page(page, source_path)


def import_page(page: Page, source_path: str = "") -> Document:
    """Clean a page that a format's reader made and parse its outline."""
    page = _printable(page)
    # a Traditional page's cleaning and heading rules read its Simplified view
    traditional = is_traditional(page.title + "".join(block.text for block in page.blocks))
    page.blocks = _cleaned(page, traditional)
    if any(block.kind == HEADING for block in page.blocks):  # the format marks its headings
        page.blocks = without_page_chrome(page.blocks, page.title)
    if not page.title and page.blocks:
        page.title = _untitled_title(page, source_path)
    if not page.title or not page.blocks:
        raise ImportFailed("The file has no article text to study.")
    # the path through _plain: a path in no encoding would not fit in SQLite either
    return parse(page, _plain(source_path), traditional=traditional)


def _cleaned(page: Page, traditional: bool) -> list[Block]:
    """The page's blocks without the noise; the rules read a Traditional page's Simplified view."""
    if traditional:
        page.blocks = [replace(block, text=simplified(block.text), written=block.text) for block in page.blocks]
    kept = [block for part in _parts(page) for block in clean(part)]
    if traditional:
        kept = [replace(block, text=written_as(block.text, simplified(block.written), block.written), written="")
                for block in kept]
    return kept


def _parts(page: Page) -> list[list[Block]]:
    """What is cleaned as one page: the whole page, or each chapter of a book."""
    if not page.chapters:
        return [page.blocks]
    top = min((b.level for b in page.blocks if b.kind == HEADING), default=0)
    parts: list[list[Block]] = [[]]
    for block in page.blocks:
        if block.kind == HEADING and block.level == top and parts[-1]:
            parts.append([])
        parts[-1].append(block)
    return parts


def book_suffix(data: bytes, suffix: str = "") -> str | None:
    """".pdf" or ".epub" when the data is one (by its first bytes, else by the name's suffix), else None."""
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data[30:58] == b"mimetypeapplication/epub+zip":  # an EPUB's first zip entry, stored uncompressed
        return ".epub"
    return suffix if suffix in BOOK_SUFFIXES else None


def _book_reader(suffix: str | None) -> Callable[[bytes], Page] | None:
    if suffix == ".pdf":
        from desktop.core.importing.pdf import read_pdf

        return read_pdf
    if suffix == ".epub":
        from desktop.core.importing.epub import read_epub

        return read_epub
    return None


def _plain(text: str, line_break: str = "\n") -> str:
    """Text as every later step may assume it: storable, no control characters, "\\n" line ends (as `decode` gives)."""
    return _CONTROL.sub("", _LINE_BREAK.sub(line_break, _LONE_SURROGATE.sub("\ufffd", text)))


def _printable(page: Page) -> Page:
    """The page without what its reader decoded from character references ("&#12;", "&#xD800;")."""
    page.title = _plain(page.title, " ").strip()
    for block in page.blocks:
        block.text = _plain(block.text, " ")
    page.blocks = [block for block in page.blocks if block.text.strip()]
    return page


def _untitled_title(page: Page, source_path: str) -> str:
    """A page without a marked title: its first line if that reads as one, else the file's name.

    A pasted transcript or a one-line text starts with prose; taking that as the title would leave no text.
    """
    first = page.blocks[0].text
    if reads_as_title(first):
        return page.blocks.pop(0).text
    if source_path:
        return _plain(Path(source_path).stem)  # a name in no encoding reaches Python with lone surrogates
    return first[:_UNTITLED_LENGTH].rstrip() + "…"


def _is_subtitles(text: str, suffix: str) -> bool:
    return suffix in SUBTITLE_SUFFIXES or bool(_SUBTITLE_START.match(text))


def _read(text: str, suffix: str) -> Page:
    if _is_subtitles(text, suffix):
        from desktop.core.importing.subtitles import read_subtitles

        return read_subtitles(text, suffix)
    if suffix in (".html", ".htm") or _HTML_START.match(text):
        return read_html(text)
    if suffix in (".md", ".markdown"):
        return read_markdown(text)
    if suffix == ".rst" or looks_like_rest(text):
        return read_markdown(to_markdown(text))  # reST becomes Markdown: one reader drops the markup
    return read_plain(text)
