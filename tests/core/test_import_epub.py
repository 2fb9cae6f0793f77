"""EPUB import: chapters in reading order, the book's table of contents as the outline, clear errors.

The books are written in the test with EbookLib (the optional "epub" extra, a test dependency).
"""
from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pytest
from ebooklib import epub

from desktop.core.document import Document
from desktop.core.generate.pipeline import generate
from desktop.core.importing import ImportFailed, import_file

EARLY = ("Chapter 1 The Early Years",
         "<h1>Chapter 1 The Early Years</h1>"
         "<p>The first chapter was written in 1998 by three authors.</p>"
         "<p>The town library was founded in 1852 with 300 books donated by local families.</p>")
LATER = ("Chapter 2 Later Work",
         "<h1>Chapter 2 Later Work</h1>"
         "<p>The second chapter covers the years after the first book.</p>"
         "<h2>New Members</h2>"
         "<p>The reading club grew to 120 members by 2004.</p>")
ORIGIN = ("第一章 起源",
          "<h1>第一章 起源</h1><p>这座图书馆建于1852年，最初只有300本藏书。</p>"
          "<p>城市图书馆最早的藏书来自三户本地家庭的捐赠。</p>")
GROWTH = ("第二章 发展",
          "<h1>第二章 发展</h1><p>到2004年，读书会的成员增加到120人。</p>"
          "<p>图书馆在1998年扩建了阅览室，新增座位200个。</p>")
COPYRIGHT = ("Copyright",
             "<p>Copyright © 2020 Ann Roe. All rights reserved.</p>"
             "<p>No part of this book may be reproduced without the written permission of the publisher.</p>")

MESSAGES = {
    "no spine": "The EPUB lists no chapters in its reading order (spine), so it has no text to import.",
    "not an EPUB": "The file is not an EPUB book (an EPUB is a ZIP archive with META-INF/container.xml).",
    "damaged": "The EPUB file is damaged or incomplete; download or copy it again.",
    "DRM": "The EPUB is protected by DRM, so its text cannot be read; import a DRM-free copy.",
}


def write_book(path: Path, title: str, language: str, chapters: list[tuple[str, str]], *, toc: bool = True,
               nav: bool = True, extra: list[tuple[str, str]] = (), non_linear: list[tuple[str, str]] = ()) -> Path:
    """An EPUB with a chapter per (title, body); `extra` documents lead the spine with no TOC entry of their own."""
    book = epub.EpubBook()
    book.set_identifier(f"test-{path.stem}")
    book.set_title(title)
    book.set_language(language)
    documents = []
    for number, (heading, body) in enumerate([*extra, *chapters, *non_linear], start=1):
        document = epub.EpubHtml(title=heading, file_name=f"text/part_{number:02}.xhtml", lang=language)
        document.content = body
        book.add_item(document)
        documents.append(document)
    front, main = documents[:len(extra)], documents[len(extra):len(extra) + len(chapters)]
    if toc:
        book.toc = [epub.Link(d.file_name, d.title, d.id) for d in [*front, *main]]
    book.add_item(epub.EpubNcx())
    if nav:
        book.add_item(epub.EpubNav())
    book.spine = (["nav"] if nav else []) + front + main + [(d, "no") for d in documents[len(front) + len(main):]]
    epub.write_epub(str(path), book)
    return path


def rewrite(source: Path, target: Path, change=lambda name, data: data, add: dict[str, bytes] | None = None,
            rename: dict[str, str] | None = None) -> Path:
    """A copy of the zip with each member passed through `change`, renamed, and members added (mimetype first)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = change(info.filename, old.read(info))
            info.filename = (rename or {}).get(info.filename, info.filename)
            new.writestr(info, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)
    return target


def outline(document: Document) -> list[tuple[str, int]]:
    return [(section.label, section.level) for section in document.walk()]


def sentences(document: Document) -> list[str]:
    return [s.text for section in document.walk() for s in section.sentences]


def section_of(document: Document, sentence: str) -> str:
    return next(section.label for section in document.walk() if sentence in [s.text for s in section.sentences])


def message(path: Path) -> str:
    with pytest.raises(ImportFailed) as caught:
        import_file(path)
    return str(caught.value)


@pytest.mark.parametrize("nav", [True, False], ids=["EPUB 3 navigation", "EPUB 2 NCX"])
def test_chapters_become_the_sections_the_table_of_contents_names(tmp_path: Path, nav: bool) -> None:
    document = import_file(write_book(tmp_path / "history.epub", "A Short History", "en", [EARLY, LATER], nav=nav))
    assert document.title == "A Short History"
    # each chapter's own <h1> repeats its entry and gives no second section; its <h2> nests below it
    assert outline(document) == [("Chapter 1 The Early Years", 1), ("Chapter 2 Later Work", 1), ("New Members", 2)]
    assert sentences(document) == [
        "The first chapter was written in 1998 by three authors.",
        "The town library was founded in 1852 with 300 books donated by local families.",
        "The second chapter covers the years after the first book.",
        "The reading club grew to 120 members by 2004.",
    ]
    assert section_of(document, "The second chapter covers the years after the first book.") == "Chapter 2 Later Work"


def test_the_ncx_links_are_read_relative_to_the_ncx(tmp_path: Path) -> None:
    flat = write_book(tmp_path / "flat.epub", "A Short History", "en", [EARLY, LATER], nav=False)

    def moved(name: str, data: bytes) -> bytes:
        if name.endswith(".opf"):
            return data.replace(b'href="toc.ncx"', b'href="navigation/toc.ncx"')
        if name.endswith(".ncx"):  # entries unlike the chapters' headings: the outline comes from the NCX
            return data.replace(b'src="text/', b'src="../text/').replace(b"Chapter 1 The", b"The").replace(
                b"Chapter 2 Later Work", b"Later Work")
        return data

    document = import_file(rewrite(flat, tmp_path / "moved.epub", moved, rename={"EPUB/toc.ncx": "EPUB/navigation/toc.ncx"}))
    # a chapter's "Chapter 1 The Early Years" repeats the entry "The Early Years" with its label: no second section
    assert outline(document) == [("The Early Years", 1), ("Later Work", 1), ("New Members", 2)]


def test_a_card_names_the_chapter_of_its_sentence(tmp_path: Path) -> None:
    cards = generate(import_file(write_book(tmp_path / "history.epub", "A Short History", "en", [EARLY, LATER])))
    sections = {card.source: card.section for card in cards}
    assert sections.get("The town library was founded in 1852 with 300 books donated by local families.") == \
        "Chapter 1 The Early Years"
    assert sections.get("The reading club grew to 120 members by 2004.") == "New Members"


def test_a_chinese_book_keeps_its_chinese_contents(tmp_path: Path) -> None:
    document = import_file(write_book(tmp_path / "图书馆.epub", "图书馆简史", "zh", [ORIGIN, GROWTH]))
    assert document.title == "图书馆简史"
    assert document.language == "zh"
    assert outline(document) == [("第一章 起源", 1), ("第二章 发展", 1)]
    assert sentences(document) == ["这座图书馆建于1852年，最初只有300本藏书。", "城市图书馆最早的藏书来自三户本地家庭的捐赠。",
                                   "到2004年，读书会的成员增加到120人。", "图书馆在1998年扩建了阅览室，新增座位200个。"]
    cards = generate(document)
    assert any(card.source == "图书馆在1998年扩建了阅览室，新增座位200个。" and card.section == "第二章 发展" for card in cards)


def test_a_nested_table_of_contents_with_anchors_nests_the_sections(tmp_path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("nested")
    book.set_title("Rivers")
    book.set_language("en")
    part = epub.EpubHtml(title="Part One", file_name="part.xhtml", content="<h1>Part One</h1>")
    chapter = epub.EpubHtml(title="Sources", file_name="sources.xhtml", content=(
        "<h1>Sources</h1><p>Most rivers begin as small streams high in the mountains.</p>"
        "<h2 id='springs'>Springs</h2><p>A spring brings ground water to the surface of the land.</p>"
        "<h3>Hot springs</h3><p>Hot springs are warmed by rocks deep below the ground.</p>"))
    for item in (part, chapter, epub.EpubNcx(), epub.EpubNav()):
        book.add_item(item)
    book.toc = [(epub.Section("Part One", href="part.xhtml"),
                 [(epub.Section("Sources", href="sources.xhtml"), [epub.Link("sources.xhtml#springs", "Springs", "sp")])])]
    book.spine = ["nav", part, chapter]
    epub.write_epub(str(tmp_path / "rivers.epub"), book)
    document = import_file(tmp_path / "rivers.epub")
    # the part's page has no prose, but its entry holds the chapters; the anchor's entry starts at its <h2>
    assert outline(document) == [("Part One", 1), ("Sources", 2), ("Springs", 3), ("Hot springs", 4)]
    assert section_of(document, "Most rivers begin as small streams high in the mountains.") == "Sources"
    assert section_of(document, "A spring brings ground water to the surface of the land.") == "Springs"


def test_entries_without_anchors_start_at_the_heading_with_their_title(tmp_path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("lakes")
    book.set_title("Water")
    book.set_language("en")
    chapter = epub.EpubHtml(title="Fresh Water", file_name="water.xhtml", content=(
        "<h1>Fresh Water</h1><p>Fresh water is found in rivers, lakes and under the ground.</p>"
        "<h2>Springs</h2><p>A spring brings ground water to the surface of the land.</p>"
        "<h2>Lakes</h2><p>The largest lake by area holds about 78,000 cubic kilometres of water.</p>"))
    for item in (chapter, epub.EpubNcx(), epub.EpubNav()):
        book.add_item(item)
    book.toc = [(epub.Section("Fresh Water", href="water.xhtml"),
                 [epub.Link("water.xhtml", "Springs", "springs"), epub.Link("water.xhtml", "Lakes", "lakes")])]
    book.spine = [chapter]
    epub.write_epub(str(tmp_path / "water.epub"), book)
    document = import_file(tmp_path / "water.epub")
    assert outline(document) == [("Fresh Water", 1), ("Springs", 2), ("Lakes", 2)]
    assert section_of(document, "Fresh water is found in rivers, lakes and under the ground.") == "Fresh Water"
    assert section_of(document, "A spring brings ground water to the surface of the land.") == "Springs"


def test_copyright_dedication_and_non_linear_pages_give_no_section_and_no_sentence(tmp_path: Path) -> None:
    notes = ("Notes", "<p>The library kept its first catalogue in a wooden box of index cards.</p>")
    # a short chapter about copyright law is no copyright page
    rights = ("Rights", "<p>Copyright law changed in 2010 for the digital books of every public library.</p>"
                        "<p>The library paid a fee for each copy it lent out.</p>")
    dedication = ("Dedication", '<section epub:type="dedication"><p>For my mother, who read to me every night '
                                'before I went to sleep.</p></section>')
    path = write_book(tmp_path / "history.epub", "A Short History", "en", [EARLY, rights, LATER],
                      extra=[COPYRIGHT, dedication], non_linear=[notes])
    document = import_file(path)
    assert outline(document) == [("Chapter 1 The Early Years", 1), ("Rights", 1), ("Chapter 2 Later Work", 1),
                                 ("New Members", 2)]
    assert "Copyright law changed in 2010 for the digital books of every public library." in sentences(document)
    assert not [s for s in sentences(document) if "reproduced" in s or "catalogue" in s or "©" in s or "mother" in s]


def test_without_a_table_of_contents_the_chapters_headings_or_titles_name_them(tmp_path: Path) -> None:
    untitled = ("", "<p>The last chapter ends the story of the library in a single page.</p>")
    titled = ("Epilogue", "<p>The epilogue looks back at the library from the year 2020.</p>")
    path = write_book(tmp_path / "history.epub", "A Short History", "en", [EARLY, titled, untitled], toc=False)
    document = import_file(path)
    # titles, not labels: parse's label repeats a bare "Chapter 3" heading's number ("Chapter 3 Chapter 3")
    assert [(section.title, section.level) for section in document.walk()] == [
        ("The Early Years", 1), ("Epilogue", 1), ("Chapter 3", 1)]
    assert section_of(document, "The epilogue looks back at the library from the year 2020.") == "Epilogue"


def test_a_book_saved_without_its_suffix_is_recognised_by_its_first_bytes(tmp_path: Path) -> None:
    path = write_book(tmp_path / "history.epub", "A Short History", "en", [EARLY, LATER])
    document = import_file(path.rename(tmp_path / "history.download"))
    assert [label for label, _ in outline(document)][:2] == ["Chapter 1 The Early Years", "Chapter 2 Later Work"]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "good.epub", "A Short History", "en", [EARLY, LATER])


def test_a_book_without_a_spine_is_refused(book: Path, tmp_path: Path) -> None:
    def without_spine(name: str, data: bytes) -> bytes:
        return re.sub(rb"<itemref[^>]*/>", b"", data) if name.endswith(".opf") else data

    assert message(rewrite(book, tmp_path / "empty.epub", without_spine)) == MESSAGES["no spine"]

    def no_spine_element(name: str, data: bytes) -> bytes:
        return re.sub(rb"<spine.*</spine>", b"", data, flags=re.S) if name.endswith(".opf") else data

    assert message(rewrite(book, tmp_path / "nospine.epub", no_spine_element)) == MESSAGES["no spine"]


def test_a_zip_or_file_that_is_no_epub_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "photos.epub"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("readme.txt", "Holiday photos from 2019.")
    assert message(archive) == MESSAGES["not an EPUB"]
    text = tmp_path / "notes.epub"
    text.write_text("The library was founded in 1852.", encoding="utf-8")
    assert message(text) == MESSAGES["not an EPUB"]


def test_a_truncated_book_is_refused(book: Path, tmp_path: Path) -> None:
    data = book.read_bytes()
    for length in (len(data) // 2, len(data) - 30):
        cut = tmp_path / f"cut{length}.epub"
        cut.write_bytes(data[:length])
        assert message(cut) == MESSAGES["damaged"]


def test_a_book_whose_chapters_are_encrypted_is_refused_as_drm(book: Path, tmp_path: Path) -> None:
    encryption = (b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                  b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                  b'<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
                  b'<enc:CipherData><enc:CipherReference URI="EPUB/text/part_01.xhtml"/></enc:CipherData>'
                  b"</enc:EncryptedData></encryption>")
    protected = rewrite(book, tmp_path / "drm.epub", add={"META-INF/encryption.xml": encryption})
    assert message(protected) == MESSAGES["DRM"]
    # an obfuscated font is no DRM: the text is readable
    font_only = encryption.replace(b"text/part_01.xhtml", b"fonts/serif.otf")
    document = import_file(rewrite(book, tmp_path / "font.epub", add={"META-INF/encryption.xml": font_only}))
    assert document.title == "A Short History"


def test_a_damaged_package_document_is_refused_without_a_traceback(book: Path, tmp_path: Path) -> None:
    def broken(name: str, data: bytes) -> bytes:
        return data.replace(b"<manifest>", b"<manifest><item id='x' href='missing.xhtml' "
                                           b"media-type='application/xhtml+xml'/>") if name.endswith(".opf") else data

    assert message(rewrite(book, tmp_path / "broken.epub", broken)) == MESSAGES["damaged"]


def test_without_ebooklib_the_message_says_how_to_install_it(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ebooklib", None)  # `import ebooklib` now raises ImportError
    monkeypatch.setitem(sys.modules, "ebooklib.epub", None)
    assert message(book) == ("EPUB import needs the optional package EbookLib: "
                             "install it with pip install 'talkcards[epub]'.")


def test_a_chapters_reading_list_or_notice_does_not_cut_the_chapters_after_it(tmp_path: Path) -> None:
    """A web page's tail rules ("Further reading", a copyright line) end a chapter, not the book."""
    # a real chapter's length: a short page with a notice is a copyright page, skipped on purpose
    body = "".join(f"<p>In the spring of {1900 + n} the club read a new book aloud every week for two hours.</p>"
                   for n in range(40))
    first = (EARLY[0], EARLY[1] + body + "<p>Copyright 2020 the authors.</p>"
             "<h2>Further reading</h2><p>Roe, A. Libraries of the North. 2001.</p>")
    document = import_file(write_book(tmp_path / "book.epub", "A Short History", "en", [first, LATER]))
    assert [label for label, _ in outline(document)] == ["Chapter 1 The Early Years", "Chapter 2 Later Work",
                                                          "New Members"]
    assert "The reading club grew to 120 members by 2004." in sentences(document)
    assert not any("Libraries of the North" in s for s in sentences(document))


def test_a_book_without_a_title_is_named_by_its_file(tmp_path: Path) -> None:
    path = write_book(tmp_path / "Reading Clubs.epub", "", "en", [EARLY, LATER])
    document = import_file(path)
    assert document.title == "Reading Clubs"
    assert outline(document)[0] == ("Chapter 1 The Early Years", 1)  # not taken for the title
