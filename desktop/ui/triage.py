"""Going through a document's generated cards as suggestions: keep, edit or drop each, by keyboard.

The generator can never be perfect; a minute of triage after an import keeps the deck clean.
Nothing is forced: cards nobody looked at are studied and exported as kept.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.collection import DROPPED, KEPT, Collection
from desktop.core.review import answer_html, cloze_deletions, question_html
from desktop.ui.card_editor import CardEditor
from desktop.ui.i18n import tr

KEEP_KEYS = (Qt.Key.Key_K, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
DROP_KEYS = (Qt.Key.Key_D, Qt.Key.Key_Delete)
BACK_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Left)


def _label(point_size: int = 0) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if point_size:
        font = label.font()
        font.setPointSize(point_size)
        label.setFont(font)
    return label


def source_html(source: str, answers: list[str]) -> str:
    """The source sentence, escaped, with the card's answer(s) marked where they occur."""
    text = html.escape(source)
    for answer in sorted({a for a in answers if a.strip()}, key=len, reverse=True):
        text = text.replace(html.escape(answer), f"<b><u>{html.escape(answer)}</u></b>")
    return text


class TriageDialog(QDialog):
    """One suggested card at a time: K keep, E edit, D drop, Backspace back; decisions are saved at once."""

    changed = Signal()  # after every decision, so the table behind the dialog shows it

    def __init__(self, collection: Collection, document_id: str, section_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triageView")
        self.collection = collection
        self.ids = collection.pending_triage(document_id, section_id)
        self.position = 0
        self.decided: list[tuple[str, str | None]] = []  # (card id, triage before) for Back
        self._build()
        self.retranslate()
        self.resize(680, 480)
        self.show_current()

    def _build(self) -> None:
        self.progress_label = _label()
        self.section_label = _label()
        self.question_label = _label(18)
        self.answer_label = _label(15)
        self.source_label = _label()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, slot in (("back", self.back), ("drop", self.drop), ("edit", self.edit), ("keep", self.keep),
                           ("keep_rest", self.keep_rest)):
            button = QPushButton()
            button.setObjectName(f"triage_{name}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the dialog
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.section_label)
        layout.addWidget(self.question_label)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(divider)
        layout.addWidget(self.answer_label)
        layout.addSpacing(12)
        layout.addWidget(self.source_label)
        layout.addStretch(1)
        layout.addLayout(row)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Check suggested cards"))
        for name, text in (("back", tr("Back (Backspace)")), ("drop", tr("Drop (D)")), ("edit", tr("Edit (E)")),
                           ("keep", tr("Keep (K)")), ("keep_rest", tr("Keep all the rest"))):
            self.buttons[name].setText(text)

    # ----- showing -----------------------------------------------------------------------------

    def current(self) -> str | None:
        return self.ids[self.position] if self.position < len(self.ids) else None

    def show_current(self) -> None:
        card_id = self.current()
        self.buttons["back"].setEnabled(bool(self.decided))
        for name in ("drop", "edit", "keep", "keep_rest"):
            self.buttons[name].setEnabled(card_id is not None)
        if card_id is None:
            self._show_done()
            return
        row = self.collection.row_for_id(card_id)
        self.progress_label.setText(html.escape(tr("Card %1 of %2").replace("%1", str(self.position + 1))
                                                .replace("%2", str(len(self.ids)))))
        self.section_label.setText(f"<span style='color: gray'>{html.escape(row['section'] or '')}</span>")
        self.question_label.setText(question_html(row["kind"], row["front"]))
        answers = cloze_deletions(row["front"]) if row["kind"] == "cloze" else [row["back"]]
        answer = answer_html(row["kind"], row["front"]) if row["kind"] == "cloze" else html.escape(row["back"])
        self.answer_label.setText(answer)
        self.source_label.setText(html.escape(tr("From:")) + " " + source_html(row["source"] or "", answers))

    def _show_done(self) -> None:
        kept = sum(1 for card_id, _ in self.decided if self.collection.row_for_id(card_id)["triage"] == KEPT)
        self.progress_label.setText(html.escape(tr("All suggestions checked.")))
        self.section_label.clear()
        self.question_label.setText(html.escape(tr("Kept %1, dropped %2.").replace("%1", str(kept))
                                                .replace("%2", str(len(self.decided) - kept))))
        for label in (self.answer_label, self.source_label):
            label.clear()

    # ----- deciding ----------------------------------------------------------------------------

    def _decide(self, triage: str) -> None:
        card_id = self.current()
        if card_id is None:
            return
        self.decided.append((card_id, self.collection.row_for_id(card_id)["triage"]))
        self.collection.set_triage([card_id], triage)
        self.position += 1
        self.changed.emit()
        self.show_current()

    def keep(self) -> None:
        self._decide(KEPT)

    def drop(self) -> None:
        self._decide(DROPPED)

    def edit(self) -> None:
        """Edit, then keep: an edited card is one the user wants."""
        card_id = self.current()
        if card_id and CardEditor(self.collection, card_id, self).exec():
            self.keep()

    def keep_rest(self) -> None:
        rest = self.ids[self.position:]
        self.decided += [(card_id, self.collection.row_for_id(card_id)["triage"]) for card_id in rest]
        self.collection.set_triage(rest, KEPT)
        self.position = len(self.ids)
        self.changed.emit()
        self.show_current()

    def back(self) -> None:
        """Undo the last decision and show that card again."""
        if not self.decided:
            return
        card_id, before = self.decided.pop()
        self.collection.set_triage([card_id], before)
        self.position = self.ids.index(card_id)
        self.changed.emit()
        self.show_current()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        actions = [(KEEP_KEYS, self.keep), (DROP_KEYS, self.drop), (BACK_KEYS, self.back),
                   ((Qt.Key.Key_E,), self.edit)]
        for keys, action in actions:
            if plain and key in keys:
                action()
                return
        super().keyPressEvent(event)
