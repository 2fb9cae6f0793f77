"""Page → Document: recognise headings, nest them into an outline, split sentences, record spans.

Heading styles: 1. / 1.1 / 1.1.1, 一、, （一）, 第一章 / 第一节, Markdown #, HTML h1–h6, and the
unnumbered parts that open or close a talk (引言, 结语, Introduction, Conclusion…).
Nesting uses a stack of the heading styles seen so far, so any mix of styles nests the way the
author used it; a dotted number's depth is its level among dotted numbers.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Iterator

from desktop.core.chinese_script import is_traditional, simplified
from desktop.core.document import Document, Place, Section, Sentence, document_id, section_id
from desktop.core.importing.blocks import HEADING, Block, Page
from desktop.core.text import language_of, split_sentences

_CN_DIGITS = "零〇一二三四五六七八九十百两"
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:\.|、|\s)\s*(\S.*)$")
_LIST_ITEM = re.compile(r"^(\d{1,2})[.、)）]\s*\S")
_CN_TOP = re.compile(rf"^([{_CN_DIGITS}]{{1,3}})\s*、\s*(\S.*)$")
_CN_PAREN = re.compile(rf"^[（(]([{_CN_DIGITS}]{{1,3}})[）)]\s*(\S.*)$")
_CN_CHAPTER = re.compile(rf"^第\s*([{_CN_DIGITS}\d]{{1,4}})\s*([章节篇部讲回])\s*[:：、.]?\s*(\S.*)?$")
_EN_CHAPTER = re.compile(r"^(chapter|part|section)\s+(\d+|[ivxlc]+)\s*[:.\-–—]?\s*(\S.*)?$", re.I)
_UNNUMBERED = re.compile(
    r"^(引言|前言|导言|序言|序|导语|概述|摘要|背景|开场白|结语|结论|结束语|总结|小结|后记|尾声|写在最后|最后"
    r"|introduction|intro|preface|prologue|overview|abstract|background|conclusions?|summary|epilogue"
    r"|closing (thoughts|remarks)|final thoughts|wrap[- ]up|takeaways|key takeaways)\s*[:：]?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[。！？!?；;，,：:]$|[.]$(?<!\.\.\.)")
_MAX_HEADING = 60


@dataclass
class _Heading:
    style: str  # which numbering scheme: "dot", "cn", "cn()", "第章", "md2", "plain" …
    number: str
    title: str
    depth: int = 0  # for dotted numbers: how many parts
    tag: int = 0  # the Markdown/HTML heading level (1 for # / h1); 0 in plain text


def parse(page: Page, source_path: str = "", language: str | None = None,
          traditional: bool | None = None) -> Document:
    """Build the outline tree of a cleaned page.

    Args:
        page: title and blocks after cleaning.
        source_path: where the text came from (kept for the user, not for identity).
        language: "zh"/"en", or None to detect it.
        traditional: whether the page is written in Traditional characters, or None to detect it.
    Returns:
        A Document whose text is the canonical cleaned text all spans refer to.
    """
    title = page.title.strip()
    doc_id = document_id(title)
    body_text = "\n".join(b.text for b in page.blocks)
    document = Document(id=doc_id, title=title, language=language or language_of(title + body_text),
                        text="", source_path=source_path)
    builder = _Builder(document)
    if traditional is None:
        traditional = is_traditional(title + body_text)
    for block, heading in _written_headings(page) if traditional else _classify(page):
        if heading:
            builder.open(heading)
        else:
            builder.paragraph(block.text, block.item, block.places)
    return builder.finish()


def _written_headings(page: Page) -> Iterator[tuple[Block, _Heading | None]]:
    """`_classify` of a Traditional page: the heading rules (結語, 第三節, 兩) read its Simplified view."""
    view = Page(page.title, [replace(block, text=simplified(block.text)) for block in page.blocks],
                page.explicit_headings)
    for block, (seen, heading) in zip(page.blocks, _classify(view)):
        if heading:  # its number and title as the page writes them: same place, same length in the view
            heading.number, heading.title = (_as_written(part, seen.text, block.text)
                                              for part in (heading.number, heading.title))
        yield block, heading


def _as_written(part: str, view: str, written: str) -> str:
    start = view.find(part)
    return written[start:start + len(part)] if part and start >= 0 else part


def _classify(page: Page) -> Iterator[tuple[Block, _Heading | None]]:
    """Each block with its heading, or None for a paragraph; whether a line is a heading depends on those before."""
    previous: _Heading | None = None  # the last dotted heading
    last: _Heading | None = None  # the last heading of any style
    list_next = ""  # the number that would go on with the list the previous block was an item of
    for block in page.blocks:
        restart = last is not None and last.style != "dot"
        heading = _heading_of(block, page.explicit_headings, previous, restart)
        if heading and list_next and heading.number == list_next and block.kind != HEADING:
            heading = None  # "2. 书籍" right after the list item "1. 网页" goes on with the list
        list_next = _next_list_number(block.text) if heading is None else ""
        if heading:
            previous = heading if heading.style == "dot" else previous
            last = heading
        yield block, heading


def _heading_of(block: Block, explicit: bool, previous: _Heading | None, restart: bool) -> _Heading | None:
    text = block.text.strip()
    if block.kind == HEADING:
        found = _numbered(text)
        if found is None or found.style == "unnumbered":
            # an unnumbered Markdown/HTML heading (引言 too) nests by its tag level
            found = _Heading(f"md{block.level}", "", text.rstrip(":："))
        found.tag = block.level
        return found
    if explicit or block.item:
        return None  # the format marks its headings or its list items; a numbered item is not a heading
    if _UNNUMBERED.match(text):
        return _Heading("unnumbered", "", text.rstrip(":："))
    if len(text) > _MAX_HEADING or _SENTENCE_END.search(text):
        return None
    found = _numbered(text)
    if found and found.style == "dot" and not _follows(previous, found, restart):
        return None  # "1. 数据…" inside section 2.1 is a list item, not a heading
    return found


def _next_list_number(text: str) -> str:
    item = _LIST_ITEM.match(text)
    return str(int(item.group(1)) + 1) if item else ""


def _numbered(text: str) -> _Heading | None:
    if m := _DOTTED.match(text):
        number = m.group(1)
        return _Heading("dot", number, m.group(2).strip(), depth=number.count(".") + 1)
    if m := _CN_TOP.match(text):
        return _Heading("cn", m.group(1), m.group(2).strip())
    if m := _CN_PAREN.match(text):
        return _Heading("cn()", f"（{m.group(1)}）", m.group(2).strip())
    if m := _CN_CHAPTER.match(text):
        return _Heading(f"第{m.group(2)}", f"第{m.group(1)}{m.group(2)}", (m.group(3) or "").strip())
    if m := _EN_CHAPTER.match(text):
        return _Heading(f"en-{m.group(1).lower()}", f"{m.group(1).title()} {m.group(2)}", (m.group(3) or "").strip())
    if _UNNUMBERED.match(text):
        return _Heading("unnumbered", "", text.rstrip(":："))
    return None


def _follows(previous: _Heading | None, current: _Heading, restart: bool = False) -> bool:
    """Is `current` a plausible next dotted number after `previous` (1.1.2 → 1.1.3, 1.2, 2, 1.1.2.1)?

    Below a heading of another style (第二章, 二、) numbering may restart at 1 or go on
    with that chapter's number (第二章 → 2.1).
    """
    parts = [int(p) for p in current.number.split(".")]
    firsts = all(p == 1 for p in parts[1:])
    if previous is None:
        return firsts and parts[0] <= 2
    before = [int(p) for p in previous.number.split(".")]
    if restart and firsts and parts[0] in (1, before[0] + 1):
        return True
    if parts == before + [1]:
        return True
    return any(parts == before[: cut - 1] + [before[cut - 1] + 1] for cut in range(1, len(before) + 1))


class _Builder:
    """Appends headings and paragraphs to the document text and the section tree."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.parts: list[str] = [document.title]
        self.length = len(document.title)
        self.styles: list[tuple[str, int]] = []  # (heading style, tag level) from the outermost level in
        self.open_sections: list[tuple[int, Section]] = []  # (level by style, section), outermost first
        self.current: Section | None = None
        self.ids: set[str] = set()

    def _append(self, text: str) -> int:
        self.parts.append("\n\n")
        self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def open(self, heading: _Heading) -> None:
        style_level = self._level_for(heading)
        while self.open_sections and self.open_sections[-1][0] >= style_level:
            self.open_sections.pop()
        parent = self.open_sections[-1][1] if self.open_sections else None
        separator = "、" if heading.style == "cn" else " "
        start = self._append(f"{heading.number}{separator}{heading.title}".strip(separator + " "))
        # the level is the depth in the tree, even where a style skips one (第一章 → 1.1)
        section = Section(id=self._id(heading, parent), number=heading.number, title=heading.title or heading.number,
                          level=len(self.open_sections) + 1, start=start, end=self.length)
        (parent.children if parent else self.document.sections).append(section)
        self.open_sections.append((style_level, section))
        self.current = section

    def _id(self, heading: _Heading, parent: Section | None) -> str:
        """Stable and unique: two "小结" sections under different parents get different ids."""
        number, occurrence = heading.number, 0
        candidate = section_id(self.document.id, number, heading.title)
        while candidate in self.ids:
            occurrence += 1
            candidate = section_id(self.document.id, f"{parent.id if parent else ''}/{number}#{occurrence}", heading.title)
        self.ids.add(candidate)
        return candidate

    def _level_for(self, heading: _Heading) -> int:
        """The heading's level by its style: styles nest in the order the author first used them."""
        if heading.style == "unnumbered":
            self.styles = [("unnumbered", 0)]  # 引言/结语 stand at the top, beside chapter 1
            return 1
        self.styles = [s for s in self.styles if s[0] != "unnumbered"]
        self._close_tags(heading)
        names = [name for name, _ in self.styles]
        if heading.style == "dot":
            tags = dict(s for s in self.styles if s[0].startswith("dot"))
            base = [s for s in self.styles if not s[0].startswith("dot")]
            dots = [(f"dot{d}", tags.get(f"dot{d}", heading.tag)) for d in range(1, heading.depth)]
            self.styles = base + dots + [(f"dot{heading.depth}", heading.tag)]
        elif heading.style in names:
            self.styles = self.styles[: names.index(heading.style)] + [(heading.style, heading.tag)]
        else:
            self.styles.append((heading.style, heading.tag))
        return len(self.styles)

    def _close_tags(self, heading: _Heading) -> None:
        """A Markdown/HTML heading closes the deeper tags, and unnumbered ones of its own tag."""
        if not heading.tag:
            return
        unnumbered = heading.style.startswith("md")
        while self.styles and (self.styles[-1][1] > heading.tag or (
                self.styles[-1][1] == heading.tag and (unnumbered or self.styles[-1][0].startswith("md")))):
            self.styles.pop()

    def paragraph(self, text: str, item: bool = False, places: list[tuple[int, Place]] = ()) -> None:
        if self.current is None:
            # text before the first heading is the talk's opening: give it a section of its own
            self.open(_Heading("unnumbered", "", "引言" if self.document.language == "zh" else "Introduction"))
        start = self._append(text)
        section = self.current
        section.paragraphs.append(text)
        section.sentences.extend(Sentence(t, s, e, item, _place_at(places, s - start))
                                 for t, s, e in split_sentences(text, start))
        for _, open_section in self.open_sections:
            open_section.end = self.length

    def finish(self) -> Document:
        self.document.text = "".join(self.parts)
        return self.document


def _place_at(places: list[tuple[int, Place]], offset: int) -> Place | None:
    """The place of the text at `offset` in its block.

    Offsets were taken before cleaning; a URL or image token removed from the block shifts them by a
    few characters, which still names the right cue or page for all but a sentence beside the cut.
    """
    index = bisect_right(places, offset, key=lambda pair: pair[0])
    return places[index - 1][1] if index else (places[0][1] if places else None)
