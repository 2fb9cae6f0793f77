"""PDF → Page: slide decks become one section per slide, papers and reports keep their headings.

pypdf reports every run of text with its position and font size. Lines are rebuilt from those runs,
page furniture (page numbers, running headers and footers) is dropped, and the rest is re-flowed into
paragraphs by the layout: a paragraph ends where the font size changes, at a wider gap, at an indent,
after a short line, or at a page's end when the sentence is complete. Each paragraph records the
page each of its parts came from, so a card can say "p. 3".
"""
from __future__ import annotations

import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from statistics import median
from typing import TYPE_CHECKING

from desktop.core.document import Place
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page, glue
from desktop.core.importing.decode import ImportFailed

if TYPE_CHECKING:
    from pypdf import PageObject, PdfReader

_DAMAGED = "The PDF is damaged or incomplete (perhaps its download stopped early); download or export it again."
_NOT_PDF = "The file's name ends in .pdf but it does not hold a PDF."
_PASSWORD = ("The PDF is password-protected; save a copy without the password (for example with Print to PDF) "
             "and import that.")
_CIPHER = ("The PDF is encrypted in a way TalkCards cannot read; save an unencrypted copy "
           "(for example with Print to PDF) and import that.")
_SCANNED = ("The PDF has no text layer (it is probably scanned); TalkCards needs the text, "
            "so run it through OCR first or import a text version.")

_HEADING_RATIO = 1.15  # a line this much larger than the body text is a heading (or a title)
_SAME_SIZE = 0.1  # font sizes within 10% are the same style
_PARAGRAPH_GAP = 1.4  # a gap this many times the usual line spacing separates paragraphs
_SHORT_LINE = 0.6  # a line shorter than this share of a full line ends its paragraph
_EDGE_LINES = 2  # running headers and footers are among the two top and two bottom lines of a page
_MAX_HEADING = 150  # characters: longer text in a large font is a paragraph (a pull quote, an abstract)
_SLIDE_TEXT = 1200  # characters: a slide holds less text than this (a page of a paper holds ~3000)

# "3", "- 3 -", "[3]", "Page 3 of 10", "p. 3", "3 / 10", "第 3 页", "第3页 共10页", "iv"
_PAGE_NUMBER = re.compile(
    r"[\W_]*(?:\d{1,4}|(?i:page|p\.?|pg\.?)\s*\d{1,4}(?:\s*(?i:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:/|(?i:of))\s*\d{1,4}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|(?=[clxviCLXVI])(?i:c{0,3}(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})))[\W_]*")
_DIGITS = re.compile(r"\d+")
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d")  # a contents entry: "Introduction . . . . 3"
# a bullet: a symbol, a dash before a space, or a glyph of a symbol font that maps to no character
# (a control or private-use code point: Wingdings' bullets, ReportLab's "•" in a standard font)
_BULLET = re.compile(r"^(?:[•●○◦▪▫■□◆◇►▸▹▶➢➤✓✔❖·\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]"
                     r"|[-–—*](?=\s))\s*")
_ENDS_SENTENCE = re.compile(r"[.!?。！？…:：;；\"”’)）」』]$")
_HYPHEN_END = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# titles that word processors and converters write for a document nobody named
_PLACEHOLDER_TITLE = re.compile(
    r"[(\[（]?(?i:untitled|no title|title|anonymous|unknown|unspecified|document|presentation|powerpoint presentation"
    r"|slide|无标题|未命名|新建文档)(?:\s*[-_]?\s*\d+)?[)\]）]?"
    r"|.*\.(?i:pptx?|docx?|key|odp|odt|pages|tex|dvi|pdf|indd|rtf|txt|md|html?|xlsx?|e?ps|pub)")
_APP_PREFIX = re.compile(r"(?i:microsoft\s+(?:word|powerpoint|excel)|word|powerpoint)\s*-\s*")


@dataclass
class _Line:
    """One line of a page as pypdf breaks them, with where and how large it is set."""
    text: str
    page: int  # 1-based
    x: float
    y: float  # of the baseline, in PDF units: larger is higher on the page
    size: float  # the font size most of its characters are set in


def read_pdf(data: bytes) -> Page:
    """Read a PDF's text.

    Args:
        data: the file's bytes.
    Returns:
        The page: a slide deck gives one HEADING per slide (its title) and the slide's lines; a paper
        gives its larger-font headings as HEADING blocks and its re-flowed paragraphs. Every paragraph
        has places naming its pages.
    Raises:
        ImportFailed: an empty, non-PDF, damaged, password-protected or textless (scanned) file.
    """
    if not data.strip():
        raise ImportFailed("The file is empty.")
    if b"%PDF-" not in data[:1024]:
        raise ImportFailed(_NOT_PDF)
    metadata_title, pages, landscape, damaged = _extract(data)
    pages = _without_furniture(pages)
    lines = [line for page in pages for line in page]
    if not lines:
        # pypdf reads past what it cannot decode: a file it complained about has lost its text, not been scanned
        raise ImportFailed(_DAMAGED if damaged or not pages else _SCANNED)
    body = _body_size(lines)
    if _is_deck(pages, landscape):
        return _deck(pages, body, metadata_title)
    return _paper(pages, body, metadata_title)


def _extract(data: bytes) -> tuple[str, list[list[_Line]], list[bool], bool]:
    """The metadata title, each page's lines, whether each page is landscape, and whether pypdf found damage.

    pypdf's errors become ImportFailed.
    """
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError, EmptyFileError

    with _pypdf_complaints() as complaints:
        try:
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise ImportFailed(_PASSWORD)
            title = _metadata_title(reader)
            pages, landscape = [], []
            for number, page in enumerate(reader.pages, 1):
                pages.append(_page_lines(page, number))
                landscape.append(_landscape(page))
        except ImportFailed:
            raise
        except DependencyError as error:  # AES needs a crypto library pypdf did not find
            raise ImportFailed(_CIPHER) from error
        except EmptyFileError as error:
            raise ImportFailed("The file is empty.") from error
        except Exception as error:  # a hostile file can make pypdf raise almost anything
            raise ImportFailed(_DAMAGED) from error
    damaged = bool(complaints) or None in pages
    return title, [page or [] for page in pages], landscape, damaged


class _Complaints(logging.Handler):
    """Keeps what pypdf logs about a malformed file: the user gets the text or one sentence, not log lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __len__(self) -> int:
        return len(self.records)


@contextmanager
def _pypdf_complaints() -> Iterator[_Complaints]:
    """Collect pypdf's log warnings (repairs of a malformed file) instead of printing them, and silence its warnings."""
    logger = logging.getLogger("pypdf")
    complaints = _Complaints()
    saved = logger.propagate, logger.level
    logger.addHandler(complaints)
    logger.propagate, logger.level = False, logging.WARNING
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield complaints
    finally:
        logger.removeHandler(complaints)
        logger.propagate, logger.level = saved


def _metadata_title(reader: PdfReader) -> str:
    """The /Title the author gave, unless it is a placeholder or a file name ("Microsoft Word - x.docx")."""
    try:
        title = _SPACES.sub(" ", str((reader.metadata or {}).get("/Title") or "")).strip()
    except Exception:  # a broken info dictionary only costs the title
        return ""
    if _APP_PREFIX.match(title) or _PLACEHOLDER_TITLE.fullmatch(title) or not re.search(r"[^\W\d_]", title):
        return ""
    return title


def _landscape(page: PageObject) -> bool:
    try:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        return (height > width) if (page.rotation or 0) % 180 else (width > height)
    except Exception:  # a page without a usable box
        return False


def _page_lines(page: PageObject, number: int) -> list[_Line] | None:
    """The page's lines in pypdf's reading order, or None when pypdf cannot read the page's content."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text:
            m = _multiply(tm, cm)
            runs.append((text, m[4], m[5], abs(size) * math.hypot(m[2], m[3])))

    try:
        page.extract_text(visitor_text=visit)
    except Exception:  # one broken page should not cost the others
        return None
    return _lines(runs, number)


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF matrices [a b c d e f]: the text matrix in page space."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
            a[2] * b[1] + a[3] * b[3], a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _lines(runs: list[tuple[str, float, float, float]], number: int) -> list[_Line]:
    """Join the runs into lines where pypdf put its line breaks."""
    lines: list[_Line] = []
    parts: list[str] = []
    sizes: Counter[float] = Counter()
    where: tuple[float, float] | None = None

    def finish() -> None:
        nonlocal parts, sizes, where
        text = _SPACES.sub(" ", "".join(parts).translate(_LIGATURES)).strip()
        if text and where and (_BULLET.sub("", text) or not _BULLET.match(text)):
            lines.append(_Line(text, number, where[0], where[1], sizes.most_common(1)[0][0]))
        parts, sizes, where = [], Counter(), None

    for text, x, y, size in runs:
        for index, piece in enumerate(text.split("\n")):
            if index:
                finish()
            if piece.strip():
                where = where or (x, y)
                sizes[round(size * 2) / 2] += len(piece.strip())
            parts.append(piece)
    finish()
    return lines


def _without_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers, contents entries ("Introduction . . . 3"), running headers and footers.

    Furniture is never set larger than the text: a slide's big "42" or its title repeated on the slides of
    one topic stays.
    """
    lines = [line for page in pages for line in page]
    largest = _body_size(lines) * _HEADING_RATIO if lines else 0
    edges = [{i for i in _edge_lines(page) if page[i].size < largest} for page in pages]
    running = _running(pages, edges)
    return [[line for index, line in enumerate(page) if not _LEADER.search(line.text) and not (index in edge and (
        _PAGE_NUMBER.fullmatch(line.text) or not running.isdisjoint(_signatures(line))))]
        for page, edge in zip(pages, edges)]


def _running(pages: list[list[_Line]], edges: list[set[int]]) -> set[tuple]:
    """The signatures of running headers and footers among the pages' edge lines.

    One is set alike (its words but their digits, its size) on half of the pages, or at the very top or
    bottom of two pages or more in the same place (a chapter's header).
    """
    anywhere: Counter[tuple] = Counter()
    fixed: Counter[tuple] = Counter()
    for page, edge in zip(pages, edges):
        anywhere.update({_signatures(page[i])[0] for i in edge})
        extremes = {min(edge, key=lambda i: page[i].y), max(edge, key=lambda i: page[i].y)} if edge else set()
        fixed.update({_signatures(page[i])[1] for i in extremes})
    half = max(2, math.ceil(len(pages) / 2))
    return {signature for counts, least in ((anywhere, half), (fixed, 2)) for signature, count in counts.items()
            if count >= least and signature[0]}


def _signatures(line: _Line) -> tuple[tuple, tuple]:
    """How a running header is recognised: its words and size, and those with its height on the page."""
    return (_key(line.text), line.size), (_key(line.text), line.size, round(line.y))


def _edge_lines(page: list[_Line]) -> set[int]:
    """The indices of the lines set highest and lowest on the page."""
    by_height = sorted(range(len(page)), key=lambda i: page[i].y)
    return set(by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:])


def _key(text: str) -> str:
    """A running header compared across pages: its page number and spacing do not count."""
    key = _DIGITS.sub("#", re.sub(r"\s+", "", text.lower()))
    return key if re.search(r"[^\W\d_]", key) else ""


def _body_size(lines: list[_Line]) -> float:
    """The size most characters are set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0]


def _is_deck(pages: list[list[_Line]], landscape: list[bool]) -> bool:
    """Slides are landscape pages with little text on each."""
    texts = [sum(len(line.text) for line in page) for page in pages if page]
    return sum(landscape) * 3 >= len(landscape) * 2 and median(texts) <= _SLIDE_TEXT


def _deck(pages: list[list[_Line]], body: float, metadata_title: str) -> Page:
    """One section per slide, titled by the slide's title; a slide continuing the one before adds to its section."""
    blocks: list[Block] = []
    first_title = previous = ""
    measure = _Measure([line for page in pages for line in page])
    for page in pages:
        if not page:
            continue
        run = _slide_title(page, body)
        title = _glue([page[i] for i in run])
        first_title = first_title or title
        if title != previous:
            blocks.append(Block(HEADING, title, level=1))
            previous = title
        rest = [line for i, line in enumerate(page) if i not in run]
        blocks.extend(_paragraph_blocks(rest, measure))
    return Page(title=metadata_title or first_title, blocks=blocks, explicit_headings=True)


def _paper(pages: list[list[_Line]], body: float, metadata_title: str) -> Page:
    """The document's title, then its headings (set larger than the body) and re-flowed paragraphs."""
    run = _paper_title(pages, body, metadata_title)
    title = _glue([pages[0][i] for i in run])
    lines = [line for i, line in enumerate(pages[0]) if i not in run] + [line for page in pages[1:] for line in page]
    measure = _Measure(lines)
    levels = _heading_levels(lines, body)
    blocks: list[Block] = []
    for group in _paragraphs(lines, measure):
        text = _glue(group)
        level = levels.get(group[0].size)
        if level and len(group) <= 3 and len(text) <= _MAX_HEADING:
            blocks.append(Block(HEADING, text, level=level))
        else:
            blocks.extend(_paragraph_blocks(group, measure, grouped=True))
    # numbered headings set in the body font ("2.1 Data") are found by parse in the paragraphs
    return Page(title=metadata_title or title, blocks=_without_empty_headings(blocks), explicit_headings=False)


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    """Drop headings with nothing under them: large lines of a title page (authors, affiliations), a contents title.

    A heading is empty when the next block kept is a heading of its level or above; read backwards, a run of
    them goes at once.
    """
    kept: list[Block] = []
    for block in reversed(blocks):
        if block.kind == HEADING and (not kept or (kept[-1].kind == HEADING and kept[-1].level <= block.level)):
            continue
        kept.append(block)
    return kept[::-1]


def _paper_title(pages: list[list[_Line]], body: float, metadata_title: str) -> list[int]:
    """The first page's title lines: its largest, if no heading shares their font or they say the metadata's title.

    A paper that starts with its first heading has no title line; taking that heading would lose its section.
    """
    top = max((line.size for line in pages[0]), default=0)
    if top < body * _HEADING_RATIO:
        return []
    run = _title_run(pages[0], [i for i, line in enumerate(pages[0]) if line.size >= top * (1 - 2 * _SAME_SIZE)])
    first = pages[0][run[0]]
    shared = any(_same_size(line, first) for number, page in enumerate(pages) for index, line in enumerate(page)
                 if not (number == 0 and index in run))
    named = bool(metadata_title) and _squeeze(metadata_title) == _squeeze(_glue([pages[0][i] for i in run]))
    return run if named or not shared else []


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _slide_title(page: list[_Line], body: float) -> list[int]:
    """The indices of a slide's title: its topmost line set larger than the text, else its topmost line.

    Not simply its largest line: a slide may show one big number ("405B") under its title.
    """
    large = [i for i, line in enumerate(page) if line.size >= body * _HEADING_RATIO]
    return _title_run(page, large) if large else [max(range(len(page)), key=lambda i: (page[i].y, -i))]


def _title_run(page: list[_Line], candidates: list[int]) -> list[int]:
    """The topmost candidate line and the lines it wraps onto: set in its size, each right below the one before."""
    run = [max(candidates, key=lambda i: (page[i].y, -i))]
    while len(run) < 3 and run[-1] + 1 < len(page):
        before, after = page[run[-1]], page[run[-1] + 1]
        if not _same_size(before, after) or not 0 < before.y - after.y <= 1.35 * before.size:
            break
        run.append(run[-1] + 1)
    return run


def _heading_levels(lines: list[_Line], body: float) -> dict[float, int]:
    """Heading level by font size: the largest size above the body's is level 1."""
    sizes = sorted({line.size for line in lines if line.size >= body * _HEADING_RATIO}, reverse=True)
    return {size: min(index + 1, 6) for index, size in enumerate(sizes)}


class _Measure:
    """The document's usual line spacing and full line width, per font size, for re-flowing."""

    def __init__(self, lines: list[_Line]) -> None:
        gaps: dict[float, list[float]] = {}
        widths: dict[float, list[int]] = {}
        for before, after in zip(lines, lines[1:]):
            gap = before.y - after.y
            if before.page == after.page and _same_size(before, after) and 0 < gap < 3 * before.size:
                gaps.setdefault(before.size, []).append(gap)
        for line in lines:
            widths.setdefault(line.size, []).append(_width(line.text))
        self.spacing = {size: median(values) for size, values in gaps.items()}
        self.full = {size: sorted(values)[len(values) * 9 // 10] for size, values in widths.items() if len(values) >= 5}

    def breaks(self, before: _Line, after: _Line) -> bool:
        """Does a new paragraph start between these two lines?"""
        if _BULLET.match(after.text) or not _same_size(before, after):
            return True
        full = self.full.get(before.size)
        if full and _width(before.text) < _SHORT_LINE * full:
            return True  # only a paragraph's last line stops short of the margin
        if before.page != after.page:
            return bool(_ENDS_SENTENCE.search(before.text))
        gap = before.y - after.y
        if gap <= 0:  # the text went up: the next column or another text box
            return bool(_ENDS_SENTENCE.search(before.text))
        if gap > _PARAGRAPH_GAP * self.spacing.get(before.size, 1.2 * before.size):
            return True
        indented = before.size * 0.8 < after.x - before.x < before.size * 8
        return indented and bool(_ENDS_SENTENCE.search(before.text))


def _paragraphs(lines: list[_Line], measure: _Measure) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and not measure.breaks(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _paragraph_blocks(lines: list[_Line], measure: _Measure, grouped: bool = False) -> list[Block]:
    """Paragraph blocks of the lines (already one group with `grouped`), each knowing its pages."""
    blocks = []
    for group in [lines] if grouped else _paragraphs(lines, measure):
        item = bool(_BULLET.match(group[0].text))
        text, places = _join(group)
        if text:
            blocks.append(Block(PARAGRAPH, text, item=item, places=places))
    return blocks


def _join(lines: list[_Line]) -> tuple[str, list[tuple[int, Place]]]:
    """Re-flow lines into one paragraph: hyphenated words rejoined, the offset where each page starts recorded."""
    parts: list[str] = []
    length = 0
    places: list[tuple[int, Place]] = []
    for line in lines:
        piece = line.text if parts else _BULLET.sub("", line.text)
        if not piece:
            continue
        if parts and _HYPHEN_END.search(parts[-1]):
            # a word broken at a line's end: "lan-" + "guage" is one; "state-of-the-" + "art" and "GPT-" + "4" keep it
            word = parts[-1].rsplit(" ", 1)[-1]
            if word.endswith("\u00ad") or piece[0].islower() and "-" not in word[:-1]:
                parts[-1] = parts[-1][:-1]
                length -= 1
        elif parts:
            joined = glue([parts[-1], piece])  # a space between Latin words, none between Chinese characters
            parts.append(joined[len(parts[-1]):len(joined) - len(piece)])
            length += len(parts[-1])
        if not places or places[-1][1].page != line.page:
            places.append((length, Place(page=line.page)))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), places


def _glue(lines: list[_Line]) -> str:
    return _join(lines)[0]


def _same_size(a: _Line, b: _Line) -> bool:
    return abs(a.size - b.size) <= _SAME_SIZE * max(a.size, b.size)


def _width(text: str) -> int:
    """A line's width in half-ems: a Chinese character is twice as wide as a Latin letter."""
    return len(text) + sum(1 for char in text if ord(char) >= 0x2E80)
