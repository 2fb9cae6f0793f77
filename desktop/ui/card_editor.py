"""A small editor for one card, and making a new card from text selected in the reader."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop.core.card import BASIC, CLOZE, Card
from desktop.core.collection import Collection
from desktop.core.document import Document, stable_id
from desktop.ui.i18n import tr


class CardEditor(QDialog):
    """Edit front and back; saved to the collection on OK."""

    def __init__(self, collection: Collection, card_id: str | None, parent: QWidget | None = None,
                 front: str = "", back: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("cardEditor")
        self.collection, self.card_id = collection, card_id
        row = collection.row_for_id(card_id) if card_id else {"front": front, "back": back, "source": ""}
        self.setWindowTitle(tr("Edit card") if card_id else tr("New card"))
        self.front = QPlainTextEdit(row["front"])
        self.back = QPlainTextEdit(row["back"])
        for editor in (self.front, self.back):
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(70)
        form = QFormLayout(self)
        form.addRow(tr("Front"), self.front)
        form.addRow(tr("Back"), self.back)
        if row.get("source"):
            source = QLabel(row["source"])
            source.setWordWrap(True)
            form.addRow(tr("Source"), source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 300)

    def accept(self) -> None:
        front = self.front.toPlainText().strip()
        if not front:
            self.front.setFocus()
            return
        if self.card_id:
            self.collection.update_card(self.card_id, front=front, back=self.back.toPlainText().strip())
        super().accept()


def new_card_from_selection(collection: Collection, document: Document, kind: str, selected: str,
                            sentence_start: int, parent: QWidget | None = None) -> str | None:
    """Offer a card made from `selected` (a cloze of it, or a question answered by it); returns its id if saved."""
    section, sentence = _locate(document, sentence_start)
    if kind == CLOZE:
        front, back = sentence.text.replace(selected, "{{c1::" + selected + "}}", 1), ""
    else:
        front, back = sentence.text.replace(selected, "____", 1) + " ?", selected
    editor = CardEditor(collection, None, parent, front=front, back=back)
    if not editor.exec():
        return None
    front, back = editor.front.toPlainText().strip(), editor.back.toPlainText().strip()
    card = Card(id=stable_id("manual", document.id, front, back), kind=CLOZE if "{{c" in front else BASIC,
                front=front, back=back, section=section.label, source=sentence.text, rule="manual",
                section_id=section.id, source_start=sentence.start, source_end=sentence.end, document_id=document.id,
                place=sentence.place)
    return collection.add_card(card)


def _locate(document: Document, start: int):
    for section in document.walk():
        for sentence in section.sentences:
            if sentence.start == start:
                return section, sentence
    section = next(document.walk())
    return section, section.sentences[0]
