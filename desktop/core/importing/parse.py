"""Page → Document: recognise headings, nest them into an outline, split sentences, record spans.

Heading styles: 1. / 1.1 / 1.1.1, 一、, （一）, 第一章 / 第一节, Markdown #, HTML h1–h6, and the
unnumbered parts that open or close a talk (引言, 结语, Introduction, Conclusion…).
Nesting uses a stack of the heading styles seen so far, so any mix of styles nests the way the
author used it; a dotted number's depth is its level among dotted numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.document import Document, Section, Sentence, document_id, section_id
from desktop.core.importing.blocks import HEADING, Page
from desktop.core.text import language_of, split_sentences

_CN_DIGITS = "零〇一二三四五六七八九十百两"
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,4})(?:\.|、|\s)\s*(\S.*)$")
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


def parse(page: Page, source_path: str = "", language: str | None = None) -> Document:
    """Build the outline tree of a cleaned page.

    Args:
        page: title and blocks after cleaning.
        source_path: where the text came from (kept for the user, not for identity).
        language: "zh"/"en", or None to detect it.
    Returns:
        A Document whose text is the canonical cleaned text all spans refer to.
    """
    title = page.title.strip()
    doc_id = document_id(title)
    body_text = "\n".join(b.text for b in page.blocks)
    document = Document(id=doc_id, title=title, language=language or language_of(title + body_text),
                        text="", source_path=source_path)
    builder = _Builder(document)
    previous: _Heading | None = None
    for block in page.blocks:
        heading = _heading_of(block, page.explicit_headings, previous)
        if heading:
            builder.open(heading)
            previous = heading if heading.style == "dot" else previous
        else:
            builder.paragraph(block.text)
    return builder.finish()


def _heading_of(block, explicit: bool, previous: _Heading | None) -> _Heading | None:
    text = block.text.strip()
    if explicit:
        if block.kind != HEADING:
            return None
        found = _numbered(text) or _Heading("plain", "", text)
        # a Markdown/HTML heading with no number nests by its tag level
        return found if found.style != "plain" else _Heading(f"md{block.level}", "", text)
    if block.kind == HEADING:
        return _numbered(text) or _Heading(f"md{block.level}", "", text)
    if len(text) > _MAX_HEADING or _SENTENCE_END.search(text):
        return None
    found = _numbered(text)
    if found and found.style == "dot" and not _follows(previous, found):
        return None  # "1. 数据…" inside section 2.1 is a list item, not a heading
    if found is None and _UNNUMBERED.match(text):
        found = _Heading("unnumbered", "", text.rstrip(":："))
    return found


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


def _follows(previous: _Heading | None, current: _Heading) -> bool:
    """Is `current` a plausible next dotted number after `previous` (1.1.2 → 1.1.3, 1.2, 2, 1.1.2.1)?"""
    parts = [int(p) for p in current.number.split(".")]
    if previous is None:
        return all(p == 1 for p in parts[1:]) and parts[0] <= 2
    before = [int(p) for p in previous.number.split(".")]
    if parts == before + [1]:
        return True
    for cut in range(1, len(before) + 1):
        if parts == before[: cut - 1] + [before[cut - 1] + 1]:
            return True
    return False


class _Builder:
    """Appends headings and paragraphs to the document text and the section tree."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.parts: list[str] = [document.title]
        self.length = len(document.title)
        self.styles: list[str] = []  # heading styles from the outermost level in
        self.open_sections: list[Section] = []
        self.current: Section | None = None

    def _append(self, text: str) -> int:
        self.parts.append("\n\n")
        self.length += 2
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def open(self, heading: _Heading) -> None:
        level = self._level_for(heading)
        line = f"{heading.number} {heading.title}".strip() if heading.style == "dot" else (
            f"{heading.number}、{heading.title}" if heading.style == "cn" else f"{heading.number} {heading.title}".strip())
        start = self._append(line)
        section = Section(id=section_id(self.document.id, heading.number, heading.title),
                          number=heading.number, title=heading.title or heading.number, level=level,
                          start=start, end=self.length)
        self._close_to(level - 1)
        parent = self.open_sections[-1] if self.open_sections else None
        (parent.children if parent else self.document.sections).append(section)
        self.open_sections.append(section)
        self.current = section

    def _level_for(self, heading: _Heading) -> int:
        if heading.style == "unnumbered":
            self.styles = ["unnumbered"]  # 引言/结语 stand at the top, beside chapter 1
            return 1
        if heading.style == "dot":
            base = [s for s in self.styles if not s.startswith("dot")]
            base = [] if base == ["unnumbered"] else base
            self.styles = base + [f"dot{d}" for d in range(1, heading.depth + 1)]
            return len(self.styles)
        if self.styles == ["unnumbered"]:
            self.styles = []
        if heading.style in self.styles:
            self.styles = self.styles[: self.styles.index(heading.style) + 1]
        else:
            self.styles.append(heading.style)
        return len(self.styles)

    def _close_to(self, level: int) -> None:
        while self.open_sections and self.open_sections[-1].level > level:
            self.open_sections.pop()

    def paragraph(self, text: str) -> None:
        if self.current is None:
            # text before the first heading is the talk's opening: give it a section of its own
            self.open(_Heading("unnumbered", "", "引言" if self.document.language == "zh" else "Introduction"))
        start = self._append(text)
        section = self.current
        section.paragraphs.append(text)
        section.sentences.extend(Sentence(t, s, e) for t, s, e in split_sentences(text, start))
        for open_section in self.open_sections:
            open_section.end = self.length

    def finish(self) -> Document:
        self.document.text = "".join(self.parts)
        return self.document
