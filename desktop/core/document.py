"""The outline tree of an imported text: Document → Section → Sentence.

Every sentence knows its character span in the document's cleaned text, so a card
generated from it can point back to exactly where it came from.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex id that depends only on `parts` (deterministic across runs and machines)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def normalise(text: str) -> str:
    """Text folded for identity: NFKC, lower case, no white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


@dataclass(frozen=True)
class Place:
    """Where a sentence is in the original beyond its section: a moment of a recording, a page of a PDF."""
    time: float | None = None  # seconds from the start of the video or talk
    page: int | None = None  # 1 = the first page (a slide deck's first slide)
    speaker: str | None = None  # who says it, when captions name them: context, never card text

    def to_json(self) -> dict:
        return {key: value for key, value in (("time", self.time), ("page", self.page), ("speaker", self.speaker))
                if value is not None}

    def label(self, language: str = "en") -> str:
        """How a reader names the place: "12:34" or "李沐，12:34" in a recording, "p. 3" or "第 3 页" in a PDF."""
        zh = language.startswith("zh")
        where = ""
        if self.time is not None:
            where = clock(self.time)
        elif self.page is not None:
            where = f"第 {self.page} 页" if zh else f"p. {self.page}"
        return ("，" if zh else ", ").join(part for part in (self.speaker, where) if part)


@dataclass
class Sentence:
    text: str
    start: int  # span in Document.text
    end: int
    item: bool = False  # part of a list item, so it may be an element of the list its lead sentence opens
    place: Place | None = None


@dataclass
class Section:
    id: str
    number: str  # "1.2.1", "一", "" for an unnumbered part such as 引言
    title: str
    level: int  # 1 = top level
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    start: int = 0  # span of the heading and body in Document.text
    end: int = 0

    @property
    def label(self) -> str:
        """What a user calls the section: "1.2 模型规模与训练"; "第三章" for a heading that is only its number."""
        return self.number if self.title == self.number else f"{self.number} {self.title}".strip()

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Document:
    id: str
    title: str
    language: str  # "zh" or "en"
    text: str  # the cleaned text that every span refers to
    sections: list[Section] = field(default_factory=list)
    source_path: str = ""

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in reading order."""
        for section in self.sections:
            yield from section.walk()

    def parent_of(self, section_id: str) -> Section | None:
        for section in self.walk():
            if any(child.id == section_id for child in section.children):
                return section
        return None

    def outline_json(self) -> dict:
        """The `outline --json` contract."""
        def node(section: Section) -> dict:
            return {"number": section.number, "title": section.title, "level": section.level,
                    "text": section.text, "children": [node(c) for c in section.children]}
        return {"title": self.title, "language": self.language,
                "sections": [node(s) for s in self.sections]}


def clock(seconds: float) -> str:
    """A moment of a recording as players show it: "4:05", "1:02:03"."""
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"


def document_id(title: str) -> str:
    """A document's identity is its title, so .txt/.md/.html versions and edited copies match."""
    return stable_id("document", normalise(title))


def section_id(doc_id: str, number: str, title: str) -> str:
    return stable_id("section", doc_id, number, normalise(title))
