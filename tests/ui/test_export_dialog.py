"""File ▸ Export…: the dialog driven as a user would, its decks checked with Anki's own library."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop.core.card import BASIC, CLOZE, Card
from desktop.core.collection import Collection
from desktop.core.document import Document, Section, Sentence
from desktop.ui.export_dialog import ExportDialog, default_folder

NOW = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
LATER = datetime(2024, 3, 2, 9, 30, tzinfo=timezone.utc)  # the list shows documents in import order
TALK = "大语言模型讲座"
OTHER = "Scaling Laws"


def document_with_cards(doc_id: str, title: str, facts: list[tuple[str, str]]) -> tuple[Document, list[Card]]:
    """A one-section document with a basic and a cloze card per (sentence, answer) fact."""
    text = "".join(sentence for sentence, _ in facts)
    sentences, start = [], 0
    for sentence, _ in facts:
        sentences.append(Sentence(sentence, start, start + len(sentence)))
        start += len(sentence)
    section = Section(f"{doc_id}-s1", "1", "概况", 1, paragraphs=[text], sentences=sentences, end=len(text))
    cards = []
    for index, (sentence, answer) in enumerate(facts):
        common = dict(section=section.label, source=sentence, rule="quantity", section_id=section.id,
                      document_id=doc_id, source_start=sentences[index].start, source_end=sentences[index].end)
        cards.append(Card(f"{doc_id}-b{index}", BASIC, f"{sentence.replace(answer, '____')}？", answer, **common))
        cards.append(Card(f"{doc_id}-c{index}", CLOZE, sentence.replace(answer, f"{{{{c1::{answer}}}}}"), "", **common))
    return Document(doc_id, title, "zh", text, [section]), cards


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A fresh collection: the talk (one card suspended) and a second document."""
    col = Collection.in_folder(tmp_path / "data")
    col.import_document(*document_with_cards("talk", TALK, [
        ("预训练通常使用10T到50T的token。", "10T到50T"), ("参数规模超过500B。", "超过500B"),
        ("这类应用至少需要五年才能成熟。", "至少需要五年")]), now=NOW)
    col.import_document(*document_with_cards("other", OTHER, [("模型有100B参数。", "100B")]), now=LATER)
    col.set_suspended(["talk-b1"], True, now=NOW)
    yield col
    col.close()


@pytest.fixture
def dialog(qtbot, collection: Collection) -> ExportDialog:
    widget = ExportDialog(collection, "talk")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def anki_note_count(package: Path, folder: Path) -> int:
    """How many notes Anki holds after a user imports `package` into a fresh collection."""
    folder.mkdir()
    col = AnkiCollection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)))
        return col.note_count()
    finally:
        col.close()


def ok_button(dialog: ExportDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def run_export(qtbot, dialog: ExportDialog, path: Path) -> QMessageBox:
    """Start an export, check the dialog is busy meanwhile, and return the message it ends with."""
    dialog.export_to(path)
    # The result comes back through the event loop, so the dialog is busy until we wait.
    assert dialog.running and not dialog.progress.isHidden() and not ok_button(dialog).isEnabled()
    qtbot.waitUntil(lambda: not dialog.running and dialog.message_box is not None, timeout=20_000)
    assert dialog.progress.isHidden()
    return dialog.message_box


def test_only_the_current_document_is_checked_at_first(dialog: ExportDialog) -> None:
    assert dialog.checked_document_ids() == ["talk"]
    assert not dialog.all_documents.isChecked()
    assert Path(dialog.path_edit.text()) == default_folder() / f"{TALK}.apkg"
    assert ok_button(dialog).isEnabled()


def test_exports_the_checked_document_as_an_anki_deck(qtbot, dialog: ExportDialog, collection: Collection,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "talk.apkg"

    box = run_export(qtbot, dialog, out)

    live = collection.find_card_ids(document_id="talk", include_suspended=False)
    assert anki_note_count(out, tmp_path / "anki") == len(live) == 5
    assert box.icon() == QMessageBox.Icon.Information and "5" in box.text()
    assert dialog.isVisible() and ok_button(dialog).isEnabled()
    box.accept()  # closing the success message closes the dialog
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_all_documents_with_suspended_cards_is_the_whole_collection(qtbot, dialog: ExportDialog,
                                                                    collection: Collection,
                                                                    tmp_path: Path) -> None:
    dialog.all_documents.click()
    dialog.include_suspended.setChecked(True)
    assert dialog.checked_document_ids() == ["talk", "other"]
    assert Path(dialog.path_edit.text()).name == "TalkCards.apkg"  # several documents: no one title fits
    out = tmp_path / "all.apkg"

    run_export(qtbot, dialog, out)

    assert anki_note_count(out, tmp_path / "anki") == collection.card_count() == 8


def test_format_switch_changes_the_suffix(dialog: ExportDialog) -> None:
    for key, suffix in (("csv", ".txt"), ("md", ".md"), ("apkg", ".apkg")):
        dialog.set_format(key)
        assert Path(dialog.path_edit.text()).name == f"{TALK}{suffix}"


def test_markdown_export_counts_cards(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:
    dialog.set_format("md")
    out = tmp_path / "talk.md"

    box = run_export(qtbot, dialog, out)

    assert out.read_text(encoding="utf-8").startswith(f"# {TALK}\n")
    assert "5" in box.text()


def test_unchecking_every_document_disables_export(dialog: ExportDialog) -> None:
    dialog.all_documents.click()  # all on
    dialog.all_documents.click()  # all off
    assert dialog.checked_document_ids() == []
    assert not ok_button(dialog).isEnabled()


def test_a_failed_export_says_why_and_keeps_the_dialog_open(qtbot, dialog: ExportDialog,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "talk.apkg"

    box = run_export(qtbot, dialog, out)

    assert box.icon() == QMessageBox.Icon.Warning
    assert "no-such-folder" in box.text() and ".tmp" not in box.text()
    box.accept()
    assert dialog.isVisible() and ok_button(dialog).isEnabled()
    assert not out.parent.exists()
