"""An EPUB book → Page: its chapters in reading order, the book's own table of contents as the outline.

EbookLib (AGPL-3.0, the optional extra "epub") unpacks the book; each chapter's XHTML goes through
the HTML reader, so markup, scripts, images and notes are treated as on a web page. Each entry of
the table of contents opens a section where its chapter (or anchor) starts; the chapter's own
heading that repeats the entry is dropped, and its deeper headings nest below the entry.
"""
from __future__ import annotations

import codecs
import html
import io
import posixpath
import re
import warnings
import zipfile
from collections import defaultdict
from dataclasses import dataclass, replace
from urllib.parse import unquote

from desktop.core.importing.blocks import HEADING, Block, Page
from desktop.core.importing.decode import ImportFailed
from desktop.core.importing.html_page import html_blocks
from desktop.core.text import language_of

_MAX_UNPACKED = 1024 * 1024 * 1024  # a zip bomb claims far more; EbookLib holds every item in memory
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_DOCUMENT_TYPES = {"application/xhtml+xml", "text/html"}
# EPUB 2 guide types and EPUB 3 structural types of documents that hold no prose to study
_SKIPPED_GUIDE = {"cover", "title-page", "toc", "copyright-page", "colophon", "dedication", "epigraph", "loi", "lot",
                  "index", "bibliography", "notes"}
_SKIPPED_TYPES = {"cover", "titlepage", "halftitlepage", "copyright-page", "imprint", "colophon", "dedication",
                  "epigraph", "toc", "landmarks", "loi", "lot", "index", "bibliography", "endnotes", "rearnotes",
                  "footnotes"}
# fonts are often obfuscated (encryption.xml lists them) in DRM-free books; encrypted text is DRM
_TEXT_RESOURCE = re.compile(r"\.(?:x?html?|xml|ncx|opf)$", re.I)
_CIPHER_URI = re.compile(rb"CipherReference[^>]*?\bURI\s*=\s*[\"']([^\"']+)[\"']")
_ROOTFILE = re.compile(rb"<(?:\w+:)?rootfile\b[^>]*?\bfull-path\s*=\s*[\"']([^\"']+)[\"']")
_ITEMREF = re.compile(rb"<(?:\w+:)?itemref\b")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([\w.:-]+)[\"']|<meta[^>]*?\bcharset\s*=\s*[\"']?([\w.:-]+)",
                       re.I)
_TITLE = re.compile(r"<title[^>]*>(.{0,500}?)</title>", re.I | re.S)
_OPENING_TAG = re.compile(r"\s*(<[A-Za-z][^<>]*>)")
_EPUB_TYPE = re.compile(r"\bepub:type\s*=\s*[\"']([^\"']*)[\"']")
# a note reference ("…authors.<a epub:type="noteref">3</a>") would leave its number in the sentence
_NOTEREF = re.compile(r"<a\b[^>]*\bepub:type\s*=\s*[\"'][^\"']*\bnoteref\b[^>]*>.{0,200}?</a>", re.I | re.S)
_HEADING_OPEN = re.compile(r"<h[1-6][\s>]", re.I)
_HEADING_CLOSE = re.compile(r"</h[1-6]\s*>", re.I)
_HEADING_ELEMENT = re.compile(r"<h([1-6])\b[^>]*>(.{0,500}?)</h\1\s*>", re.I | re.S)
# a copyright page: a short document with a notice (EPUBs put it on a page of its own)
_NOTICE = re.compile(r"©|\bcopyright\s*(?:\(c\)|\d{4})|all rights reserved|\bISBN\b|版权所有|图书在版编目", re.I)
_NOTICE_PAGE = 3000
_PROSE = 20  # a document carries prose when it has a paragraph this long that ends a sentence
_SENTENCE_END = re.compile(r"[。！？!?.;；…]")
# what a chapter heading adds to its table-of-contents entry, or the entry to it ("Chapter 3", "第三章", "IV"),
# matched against `_key` (no spaces or punctuation, lower case)
_LABEL = re.compile(r"第[\d零〇一二三四五六七八九十百两]+[章节篇部回讲卷]|(?:chapter|part|section|book|appendix|lesson|unit)?"
                    r"(?:\d+|[零〇一二三四五六七八九十百两]+|m{0,3}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3}))")


@dataclass
class _Entry:
    """One entry of the table of contents: its title, depth (1 = top) and the spot it points to."""

    title: str
    depth: int
    document: str = ""  # the document's path in the package, relative to the package file
    fragment: str = ""


@dataclass
class _Chapter:
    """One document of the spine: its path (as `_Entry.document`) and its markup."""

    name: str
    markup: str


def read_epub(data: bytes) -> Page:
    """Read an EPUB book.

    Args:
        data: the .epub file's bytes.
    Returns:
        The book's title and the headings and paragraphs of its chapters in reading order, with a
        heading (level = depth) for each entry of its table of contents.
    Raises:
        ImportFailed: EbookLib is not installed; the file is not an EPUB, is damaged or truncated,
            is protected by DRM, or has no spine.
    """
    epub = _ebooklib()
    _check_package(data)
    book = _load(epub, data)
    chapters = list(_chapters(epub, book))
    entries = _toc(epub, book)
    title = _title(epub, book)
    if _usable(entries, chapters):
        blocks = _nested(_with_toc(chapters, entries))
    else:
        blocks = _without_toc(chapters, title)
    return Page(title=title, blocks=_without_empty_sections(blocks), explicit_headings=True, chapters=True)


def _ebooklib():
    """EbookLib's epub module; it is optional, as its licence (AGPL) would bind a program that ships it."""
    try:
        from ebooklib import epub
    except ImportError as error:
        raise ImportFailed("EPUB import needs the optional package EbookLib: install it with "
                           "pip install 'talkcards[epub]'.") from error
    return epub


def _check_package(data: bytes) -> None:
    """Refuse what EbookLib would fail on or misread: not a ZIP, no container, no spine, a zip bomb, DRM."""
    if not data.startswith(b"PK"):
        raise _not_epub()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
    except ImportFailed:
        raise
    except Exception as error:  # zipfile raises BadZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError …
        raise _damaged() from error


def _check_archive(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if _CONTAINER not in names:
        raise _not_epub()
    if sum(info.file_size for info in archive.infolist()) > _MAX_UNPACKED:
        raise ImportFailed("The EPUB unpacks to more than %1 MB; TalkCards imports books up to that size.",
                           _MAX_UNPACKED // (1024 * 1024))
    if _ENCRYPTION in names and any(_TEXT_RESOURCE.search(unquote(uri.decode("utf-8", "replace")).split("#")[0])
                                    for uri in _CIPHER_URI.findall(archive.read(_ENCRYPTION))):
        raise ImportFailed("The EPUB is protected by DRM, so its text cannot be read; import a DRM-free copy.")
    rootfile = _ROOTFILE.search(archive.read(_CONTAINER))
    if rootfile is None:
        raise _damaged()
    package = posixpath.normpath(rootfile.group(1).decode("utf-8", "replace"))
    if package not in names:
        raise _damaged()
    if not _ITEMREF.search(archive.read(package)):
        raise _no_spine()


# each sentence is raised from several places; written once, as a literal the translation check finds
def _not_epub() -> ImportFailed:
    return ImportFailed("The file is not an EPUB book (an EPUB is a ZIP archive with META-INF/container.xml).")


def _damaged() -> ImportFailed:
    return ImportFailed("The EPUB file is damaged or incomplete; download or copy it again.")


def _no_spine() -> ImportFailed:
    return ImportFailed("The EPUB lists no chapters in its reading order (spine), so it has no text to import.")


def _load(epub, data: bytes):
    """The book as EbookLib reads it, its EPUB 3 navigation document preferred to the EPUB 2 NCX."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # EbookLib's notes about its own future defaults: nothing a user can act on
        try:
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        except Exception as error:  # on broken packages EbookLib lets KeyError, AttributeError, lxml errors … escape
            raise _damaged() from error
    if not book.spine:
        raise _no_spine()
    return book


def _title(epub, book) -> str:
    """The book's Dublin Core title (get_metadata raises KeyError for a package without DC metadata)."""
    titles = book.metadata.get(epub.NAMESPACES["DC"], {}).get("title", [])
    return next((" ".join(text.split()) for text, _ in titles if text and text.strip()), "")


def _chapters(epub, book):
    """The linear documents of the spine in reading order, but the cover, navigation and notice pages."""
    skipped = {_resolve("", guide["href"].partition("#")[0]) for guide in book.guide
               if (guide.get("type") or "").lower() in _SKIPPED_GUIDE and guide.get("href")}
    seen: set[str] = set()
    for idref, linear in book.spine:
        item = book.get_item_with_id(idref)
        if (item is None or (linear or "").lower() == "no" or isinstance(item, (epub.EpubNav, epub.EpubCoverHtml))
                or (item.media_type or "").lower() not in _DOCUMENT_TYPES):
            continue
        name = _resolve("", item.file_name)
        if name in skipped or name in seen:
            continue
        seen.add(name)
        # the raw bytes: EpubHtml.get_content() rebuilds the document and drops its <title>
        markup = _NOTEREF.sub("", _markup(item.content))
        if not _framing_types(markup) & _SKIPPED_TYPES:
            yield _Chapter(name, markup)


def _markup(content: bytes) -> str:
    """A document's text in the encoding its byte-order mark or declaration names (XHTML's default: UTF-8)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return content.decode(encoding, "replace")
    declared = _DECLARED.search(content[:1024])
    encoding = (declared.group(1) or declared.group(2)).decode("ascii") if declared else "utf-8"
    try:
        return content.decode(encoding, "replace")
    except LookupError:
        return content.decode("utf-8", "replace")


def _framing_types(markup: str) -> set[str]:
    """The epub:type words of <body> and the elements opened before its first text ("copyright-page")."""
    body = re.search(r"<body\b", markup, re.I)
    types: set[str] = set()
    position = body.start() if body else len(markup)
    for _ in range(12):  # a few wrappers deep: a chapter's footnotes section further on does not count
        tag = _OPENING_TAG.match(markup, position)
        if tag is None:
            break
        if kind := _EPUB_TYPE.search(tag.group(1)):
            types.update(kind.group(1).lower().split())
        position = tag.end()
    return types


def _toc(epub, book) -> list[_Entry]:
    """The table of contents, flattened in order; the NCX's links are relative to the NCX itself."""
    items = list(book.get_items())
    ncx = next((item for item in items if isinstance(item, epub.EpubNcx)), None)
    nav = any(isinstance(item, epub.EpubNav) for item in items)
    base = posixpath.dirname(ncx.file_name) if ncx is not None and not nav else ""
    entries: list[_Entry] = []
    _walk(book.toc if isinstance(book.toc, (list, tuple)) else [book.toc], 1, base, entries)
    return entries


def _walk(nodes, depth: int, base: str, out: list[_Entry]) -> None:
    """Append EbookLib's Link and (Section, children) nodes; a section without a link starts at its first child."""
    for node in nodes:
        head, children = node if isinstance(node, tuple) and len(node) == 2 else (node, [])
        title = " ".join(str(getattr(head, "title", "") or "").split())
        document, _, fragment = str(getattr(head, "href", "") or "").partition("#")
        entry = _Entry(title, depth, _resolve(base, document) if document else "", unquote(fragment)) if title else None
        if entry:
            out.append(entry)
        first = len(out)
        _walk(children if isinstance(children, (list, tuple)) else [], depth + 1 if entry else depth, base, out)
        if entry and not entry.document and len(out) > first:
            entry.document, entry.fragment = out[first].document, out[first].fragment


def _resolve(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(href)))


def _usable(entries: list[_Entry], chapters: list[_Chapter]) -> bool:
    """Does the table of contents point into the chapters, at two places at least (one for a one-chapter book)?"""
    names = {chapter.name for chapter in chapters}
    spots = {(entry.document, entry.fragment) for entry in entries if entry.document in names}
    return bool(spots) and len(spots) >= min(2, len(chapters))


def _with_toc(chapters: list[_Chapter], entries: list[_Entry]) -> list[tuple[Block, bool]]:
    """Each chapter's blocks, with each entry's heading where it points; True marks an entry's heading."""
    pointing: dict[str, list[_Entry]] = defaultdict(list)
    for entry in entries:
        pointing[entry.document].append(entry)
    stream: list[tuple[Block, bool]] = []
    for chapter in chapters:
        pieces = [(at, html_blocks(piece)) for at, piece in _pieces(chapter.markup, pointing[chapter.name])]
        prose = _carries_prose([block for _, blocks in pieces for block in blocks])
        for at, blocks in pieces:
            stream.extend((Block(HEADING, entry.title, level=entry.depth), True) for entry in at)
            if prose:  # a part's title page or a copyright page keeps only its entries' headings
                stream.extend((block, False) for block in blocks)
    return stream


def _pieces(markup: str, entries: list[_Entry]) -> list[tuple[list[_Entry], str]]:
    """The markup cut where each entry starts: at its anchor, else (after the first) at a heading with its title.

    An entry found neither way stays with the one before it, so the outline keeps the contents' order.
    """
    cuts: dict[int, list[_Entry]] = defaultdict(list)
    floor = 0  # where the entry before starts: a title is looked for after it
    for index, entry in enumerate(entries):
        at = _anchor(markup, entry.fragment) if entry.fragment else None
        if at is None and index:
            at = _heading_named(markup, entry.title, floor + 1)
        at = floor if at is None else at
        cuts[at].append(entry)
        floor = max(floor, at)
    bounds = sorted({0, *cuts})
    return [(cuts.get(start, []), markup[start:end]) for start, end in zip(bounds, bounds[1:] + [len(markup)])]


def _anchor(markup: str, fragment: str) -> int | None:
    """Where the element with this id starts; the enclosing heading's start for an anchor inside a heading."""
    found = re.search(rf"<[A-Za-z][^<>]*?(?<![\w-])(?:id|name)\s*=\s*[\"']{re.escape(fragment)}[\"']", markup)
    if found is None:
        return None
    start = found.start()
    opening = None
    for opening in _HEADING_OPEN.finditer(markup, max(0, start - 2000), start):
        pass
    if opening and not _HEADING_CLOSE.search(markup, opening.start(), start):
        return opening.start()
    return start


def _heading_named(markup: str, title: str, start: int) -> int | None:
    """Where the first heading from `start` on that repeats the title starts (contents without anchors)."""
    for found in _HEADING_ELEMENT.finditer(markup, start):
        if _repeats(" ".join(html.unescape(re.sub(r"<[^>]*>", "", found.group(2))).split()), title):
            return found.start()
    return None


def _carries_prose(blocks: list[Block]) -> bool:
    """A chapter, not a title, part or copyright page: a sentence-long paragraph, and no notice on a short page."""
    if sum(len(block.text) for block in blocks) <= _NOTICE_PAGE and any(_NOTICE.search(b.text) for b in blocks):
        return False
    return any(b.kind != HEADING and len(b.text) >= _PROSE and _SENTENCE_END.search(b.text) for b in blocks)


def _nested(stream: list[tuple[Block, bool]]) -> list[Block]:
    """Drop a chapter's headings that repeat its entry; nest its other headings below the entry."""
    kept: list[tuple[Block, bool]] = []
    titles: list[str] = []  # the entries opened since the last prose paragraph
    prose_since_entry = True
    for block, from_toc in stream:
        if from_toc:
            titles = [block.text] if prose_since_entry else titles + [block.text]
            prose_since_entry = False
        elif titles and not prose_since_entry and any(_repeats(block.text, title) for title in titles):
            continue
        elif block.kind != HEADING and len(block.text) >= _PROSE and _SENTENCE_END.search(block.text):
            prose_since_entry = True
        kept.append((block, from_toc))
    top = min((block.level for block, from_toc in kept if not from_toc and block.kind == HEADING), default=1)
    depth, out = 0, []
    for block, from_toc in kept:
        if from_toc:
            depth = block.level
        elif block.kind == HEADING:
            block = replace(block, level=depth + 1 + block.level - top)
        out.append(block)
    return out


def _repeats(text: str, title: str) -> bool:
    """Is the heading its entry's title, or the title's label or name ("Chapter 3" / "Tea" for "Chapter 3 Tea")?"""
    heading, entry = _key(text), _key(title)
    if not heading or not entry:
        return False
    if heading == entry:
        return True
    if entry.startswith(heading) or entry.endswith(heading):  # the heading is the entry's label or its name
        rest = entry[len(heading):] if entry.startswith(heading) else entry[: -len(heading)]
        return bool(_LABEL.fullmatch(heading) or _LABEL.fullmatch(rest))
    if heading.startswith(entry) or heading.endswith(entry):  # the heading adds a label to the entry
        rest = heading[len(entry):] if heading.startswith(entry) else heading[: -len(entry)]
        return bool(_LABEL.fullmatch(rest))
    return False


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _without_toc(chapters: list[_Chapter], book_title: str) -> list[Block]:
    """The chapters' own headings; a chapter without any gets one from its <title>, or its number."""
    read = [(chapter, blocks) for chapter in chapters if _carries_prose(blocks := html_blocks(chapter.markup))]
    top = min((b.level for _, blocks in read for b in blocks if b.kind == HEADING), default=1)
    out: list[Block] = []
    for number, (chapter, blocks) in enumerate(read, start=1):
        if not any(block.kind == HEADING for block in blocks):
            out.append(Block(HEADING, _document_title(chapter, blocks, number, book_title), level=top))
        out.extend(blocks)
    return out


def _document_title(chapter: _Chapter, blocks: list[Block], number: int, book_title: str) -> str:
    """The document's <title> unless it only repeats the book's; else "Chapter 3" / "第3章"."""
    found = _TITLE.search(chapter.markup)
    title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", found.group(1))).split()) if found else ""
    if title and _key(title) != _key(book_title):
        return title
    return f"第{number}章" if language_of(" ".join(b.text for b in blocks)) == "zh" else f"Chapter {number}"


def _without_empty_sections(blocks: list[Block]) -> list[Block]:
    """Drop headings with no paragraph below them (a cover's or a copyright page's entry)."""
    kept: list[Block] = []
    paragraph_after = False
    shallowest = float("inf")  # the smallest level of the headings between here and the next paragraph
    for block in reversed(blocks):
        if block.kind != HEADING:
            paragraph_after, shallowest = True, float("inf")
        elif paragraph_after and shallowest > block.level:
            shallowest = block.level
        else:
            shallowest = min(shallowest, block.level)
            continue
        kept.append(block)
    return kept[::-1]
