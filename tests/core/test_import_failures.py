"""Each new kind of bad input gives one clear sentence and leaves the collection exactly as it was."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from ebooklib import epub
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from desktop.core.collection import Collection
from desktop.core.importing import ImportFailed
from desktop.core.importing.decode import MAX_BYTES
from desktop.core.library import import_path
from tests.loopback import send, serving

SENTENCE = "The Sihwa Lake station in South Korea produces 254 MW at peak."


def pdf(encrypt: StandardEncryption | None = None) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=encrypt)
    page.drawString(72, 720, SENTENCE)
    page.save()
    return out.getvalue()


def book_without_spine(folder: Path) -> bytes:
    book = epub.EpubBook()
    book.set_identifier("no-spine")
    book.set_title("Tides")
    chapter = epub.EpubHtml(title="One", file_name="one.xhtml")
    chapter.content = f"<h1>One</h1><p>{SENTENCE}</p>"
    book.add_item(chapter)
    book.add_item(epub.EpubNcx())
    book.toc, book.spine = [chapter], [chapter]
    epub.write_epub(str(folder / "whole.epub"), book)
    out = io.BytesIO()
    with zipfile.ZipFile(folder / "whole.epub") as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename.endswith(".opf"):
                data = data.replace(data[data.index(b"<spine"):data.index(b"</spine>") + 8], b"")
            new.writestr(info, data)
    return out.getvalue()


def broken_srt() -> bytes:
    return f"1\n00:00:01,000 --> 00:00:04,000\n{SENTENCE}\n\n2\n00:00:xx,000 --> 00:00:06,000\nMore.\n".encode()


def slow(handler) -> None:
    time.sleep(1.5)
    send(handler, 200, "text/html", b"<p>Too late.</p>")


@pytest.fixture
def site():
    def huge(handler) -> None:  # announces 60 MB and sends none of it: refused before a byte is read
        send(handler, 200, "text/html", b"", 60 * 1024 * 1024)

    with serving({"/slow": slow, "/huge": huge}) as address:
        yield address


def state(collection: Collection) -> tuple:
    """What a user could see of the collection: documents, sections, cards and reviews."""
    return tuple(collection.db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                 for table in ("documents", "sections", "cards", "reviews"))


FILES = {
    "truncated.pdf": (lambda folder: pdf()[:400], "The PDF is damaged or incomplete"),
    "locked.pdf": (lambda folder: pdf(StandardEncryption("secret", ownerPassword="owner")), "password-protected"),
    "no-spine.epub": (book_without_spine, "no chapters in its reading order (spine)"),
    "broken.srt": (lambda folder: broken_srt(), "Line 6 has a broken cue time"),
}


@pytest.mark.parametrize("name", FILES)
def test_a_bad_file_is_told_in_one_sentence_and_changes_nothing(tmp_path: Path, name: str) -> None:
    collection = Collection.in_folder(tmp_path / "data")
    import_path(collection, Path(__file__).parent / "data" / "import_en_talk.txt")
    before = state(collection)
    make, expected = FILES[name]
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(ImportFailed) as failure:
        import_path(collection, path)
    message = str(failure.value)
    assert expected in message and "\n" not in message and message.endswith(".")
    assert state(collection) == before
    collection.close()


@pytest.mark.parametrize(("path", "expected"), [
    ("/gone", "answered 404 Not Found"), ("/slow", "did not answer within"),
    ("/huge", f"is larger than {MAX_BYTES // (1024 * 1024)} MB")])
def test_a_bad_address_is_told_in_one_sentence_and_changes_nothing(tmp_path: Path, site: str, path: str,
                                                                   expected: str, monkeypatch) -> None:
    from desktop.core.importing import web

    monkeypatch.setattr(web, "TIMEOUT", 0.5)  # a short wait for the slow answer
    collection = Collection.in_folder(tmp_path / "data")
    import_path(collection, Path(__file__).parent / "data" / "import_en_talk.txt")
    before = state(collection)
    with pytest.raises(ImportFailed) as failure:
        import_path(collection, site + path)
    assert expected in str(failure.value) and "\n" not in str(failure.value)
    assert state(collection) == before
    collection.close()
