"""A saved web page → Page: the article's headings and paragraphs, without scripts, menus or footers.

Uses the standard library's tolerant HTMLParser: hostile or broken markup never executes
and never raises; unknown tags are read for their text.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser

from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page

# figcaption: a caption describes a picture the reader cannot see, and often credits a photographer
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
         "select", "textarea", "nav", "header", "footer", "aside", "head", "object", "embed", "video", "audio",
         "figcaption"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "source", "track", "wbr", "param"}
_BLOCK = {"p", "div", "li", "ul", "ol", "section", "article", "main", "blockquote", "pre", "table", "tr",
          "td", "th", "dd", "dt", "dl", "figure", "figcaption", "body", "br", "hr"}
_TAG_START = re.compile(r"<[A-Za-z!/?]")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
# class/id words of page furniture on most sites (a "toc" box repeats the headings, a "byline" names the author)
_FURNITURE = re.compile(r"(^|[-_\s])(nav|navbar|menu|breadcrumbs?|sidebar|footer|header|comments?|related|recommend\w*"
                        r"|share|social|advert\w*|ads?|banner|cookie|subscribe|toolbar|pagination|toc"
                        r"|table-of-contents|byline)([-_\s]|$)", re.I)
# a class that states a layout ("has-sidebar", "no-comments") describes its element, not furniture
_STATE_CLASS = re.compile(r"^(has|no|with|without|is|show|hide)[-_]", re.I)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}
# the page and its article are never furniture, whatever their classes say
_CONTAINERS = {"html", "body", "main", "article"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.in_title = False
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []  # (tag, opened a skipped region)
        self.open_count: Counter[str] = Counter()  # tags in `stack`: a stray end tag is found in O(1)
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.heading_level = 0
        self.article_start: int | None = None  # block index where <article>/<main> began

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCK:
                self._flush()
            return
        skipped = tag in _SKIP or _is_furniture(tag, attrs)
        if not skipped and not self.skip_depth and (tag in _BLOCK or tag in _HEADINGS):
            self._flush()  # the text so far belongs to the parent (an <li>'s text is an item, not the text before it)
        self.stack.append((tag, skipped))
        self.open_count[tag] += 1
        if skipped:
            self.skip_depth += 1
            return
        if tag in ("article", "main") and self.article_start is None and not self.skip_depth:
            self._flush()
            self.article_start = len(self.blocks)
        if tag in _BLOCK or tag in _HEADINGS:
            self._flush()
        if tag in _HEADINGS:
            self.heading_level = _HEADINGS[tag]

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _VOID or not self.open_count[tag]:
            return
        if tag in _BLOCK or tag in _HEADINGS:
            self._flush()  # before the stack is popped: the text still knows it stands in an <li>
        while self.stack:  # close unclosed children too, as browsers do
            open_tag, skipped = self.stack.pop()
            self.open_count[open_tag] -= 1
            if skipped:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in _BLOCK or tag in _HEADINGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.buffer.append(data)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # CPython before 3.13 raises AssertionError on "<![foo"; browsers read it as a bogus comment
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i, report)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self.buffer)).strip()
        self.buffer.clear()
        if text:
            kind = HEADING if self.heading_level else PARAGRAPH
            item = kind == PARAGRAPH and self.open_count["li"] > 0
            self.blocks.append(Block(kind, text, self.heading_level, item))
        self.heading_level = 0


def _is_furniture(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    if tag in _CONTAINERS:
        return False
    for name, value in attrs:
        if name == "role" and (value or "").strip().lower() in _FURNITURE_ROLES:
            return True
        if name in ("class", "id"):
            words = [w for w in (value or "").split() if not _STATE_CLASS.match(w)]
            if any(_FURNITURE.search(word) for word in words):
                return True
    return False


def read_html(text: str) -> Page:
    """Read a saved web page; the article (<article>/<main>) when the page marks one."""
    reader = _Reader()
    reader.feed(_cut_unterminated(text))
    reader.close()
    reader._flush()
    blocks = reader.blocks[reader.article_start or 0:]
    title = _title_from(reader.title, blocks)
    if blocks and blocks[0].kind == HEADING and _same(blocks[0].text, title):
        blocks = blocks[1:]
    return Page(title=title, blocks=blocks, explicit_headings=sum(b.kind == HEADING for b in blocks) >= 2)


def html_blocks(markup: str, item: bool = False) -> list[Block]:
    """The prose of a piece of HTML inside another format (a Markdown HTML block).

    Comments, scripts, images and captions carry no prose and give no block.
    """
    reader = _Reader()
    reader.feed(_cut_unterminated(markup))
    reader.close()
    reader._flush()
    return [replace(b, item=b.item or item) for b in reader.blocks]


def _cut_unterminated(text: str) -> str:
    """Drop what an unterminated comment or tag runs into at the end of the file, as a browser does.

    HTMLParser re-scans to the end of the text for each unterminated "<!--", "<a", "</" or "<?",
    which takes minutes on a hostile file; without them every scan stops at the next terminator.
    """
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return text[:start]  # a comment that never closes runs to the end of the file
        position = end + 3
    tail = _TAG_START.search(text, text.rfind(">") + 1)
    return text[: tail.start()] if tail else text


def _title_from(head_title: str, blocks: list[Block]) -> str:
    h1 = next((b.text for b in blocks if b.kind == HEADING and b.level == 1), "")
    if h1:
        return h1
    # "<title>Article - Site name</title>": the article's part is the first one
    parts = re.split(r"\s+[-|–—_·]\s+|_", html.unescape(head_title).strip())
    return parts[0].strip() if parts else ""


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b)
