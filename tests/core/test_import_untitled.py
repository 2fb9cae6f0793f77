"""Texts without a title line: a paste or a transcript on one line is studied, not refused."""
from __future__ import annotations

from pathlib import Path

from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file, import_text

PASTE = ("Tea plants grow best on hills with acid soil. Green tea is steamed or pan-fired soon after picking. "
         "Black tea is fully oxidised before it is dried. Oolong tea is oxidised between twenty and eighty percent. ")


def test_a_one_line_paste_keeps_its_text_and_takes_the_file_name_as_title(tmp_path: Path) -> None:
    path = tmp_path / "tea notes.txt"
    path.write_text(PASTE * 3, encoding="utf-8")
    document = import_file(path)
    assert document.title == "tea notes"
    texts = [s.text for section in document.walk() for s in section.sentences]
    assert texts[:2] == ["Tea plants grow best on hills with acid soil.",
                         "Green tea is steamed or pan-fired soon after picking."]
    assert generate(document)


def test_pasted_text_without_a_file_is_named_by_its_first_words() -> None:
    document = import_text(PASTE)
    assert document.title == "Tea plants grow best on hills with acid…"
    assert document.sections[0].sentences[0].text == "Tea plants grow best on hills with acid soil."


def test_a_short_first_line_is_still_the_title() -> None:
    assert import_text("Tea\n\n" + PASTE).title == "Tea"


def test_a_short_mixed_note_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Title\n\n为\\$0.S.\n".encode())
    assert import_file(path).title == "Title"
