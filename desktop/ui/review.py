"""The review screen: one card at a time, answered with the keyboard as in Anki."""
from __future__ import annotations

import html
import time
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QStackedWidget, QToolButton,
                               QVBoxLayout, QWidget)

from desktop.core.collection import Collection, place_from_row, utc_now
from desktop.core.review import ReviewSession, answer_html, load_study, question_html
from desktop.core.schedule import interval_parts, utc
from desktop.ui.card_editor import CardEditor
from desktop.ui.i18n import tr
from desktop.ui.messages import with_place
from desktop.ui.theme import FLAG_COLOURS

# Anki's count colours: new blue, learning red, review green (mid tones read on light and dark).
NEW_COLOUR, LEARNING_COLOUR, DUE_COLOUR = "#3b82f6", "#e5484d", "#30a46c"
RATING_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}
REVEAL_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
GOOD = 3
FLAG_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4}


def interval_text(span: timedelta) -> str:
    """An answer button's interval in the UI language ("10m" / "10分钟")."""
    amount, unit = interval_parts(span)
    words = {"<m": tr("<1m"), "m": tr("%1m"), "h": tr("%1h"), "d": tr("%1d"), "mo": tr("%1mo"), "y": tr("%1y")}
    return words[unit].replace("%1", amount)


def flag_names() -> dict[int, str]:
    return {1: tr("Red"), 2: tr("Orange"), 3: tr("Green"), 4: tr("Blue")}


def _label(point_size: int = 0, rich: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    if point_size:
        font = label.font()
        font.setPointSize(point_size)
        label.setFont(font)
    return label


def _button(slot: Callable[[], None]) -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must reach the review view, not press a button
    button.clicked.connect(slot)
    return button


def scope_title(collection: Collection, document_id: str | None, section_id: str | None) -> str:
    """What is being studied: the whole collection, a document's title, or "title — section"."""
    if not document_id:
        return tr("Whole collection")
    document = collection.document(document_id)
    section = next((s for s in document.walk() if s.id == section_id), None) if section_id else None
    return f"{document.title} — {section.label}" if section else document.title


class ReviewWindow(QWidget):
    """A window that reviews the due cards of a scope; the widget named `reviewView` takes the keys."""

    show_in_outline = Signal(str)
    reviews_changed = Signal()  # after every answer and undo, so the main window can refresh mastery

    def __init__(self, collection: Collection, document_id: str | None = None, section_id: str | None = None,
                 parent: QWidget | None = None, clock: Callable[[], datetime] = utc_now,
                 timer: Callable[[], float] = time.monotonic, tz: tzinfo | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("reviewView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.collection, self.clock, self.timer = collection, clock, timer
        self.document_id, self.section_id = document_id, section_id
        self.session = ReviewSession(collection, load_study(collection), document_id, section_id, clock=clock, tz=tz)
        self.card_id: str | None = None
        self.undo_steps: list[tuple[str, str, object]] = []  # (what, card id, value before), newest last
        self.revealed = False
        self.shown_at = 0.0
        self._build()
        self.retranslate()
        self.resize(720, 560)
        self.show_next()

    # ----- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.scope_label = _label(rich=False)
        self.scope_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.counts_label = _label()
        self.counts_label.setWordWrap(False)  # the three counts stay on one line
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.flag_label = _label()
        self.flag_label.setObjectName("reviewFlag")
        header = QHBoxLayout()
        header.addWidget(self.scope_label, 1)
        header.addWidget(self.flag_label)
        header.addWidget(self.counts_label)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._card_page())
        self.pages.addWidget(self._done_page())
        self.buttons = QStackedWidget()
        self.show_button = _button(self.reveal)
        self.show_button.setMinimumWidth(260)
        show_row = QWidget()
        QHBoxLayout(show_row).addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.buttons.addWidget(show_row)
        self.buttons.addWidget(self._answer_row())
        self.buttons.setFixedHeight(64)
        self.status_label = _label(rich=False)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        layout.addLayout(self._tool_row())

    def _card_page(self) -> QWidget:
        page = QWidget()
        self.question_label = _label(20)
        self.answer_label = _label(18)
        self.divider = QFrame()
        self.divider.setFrameShape(QFrame.Shape.HLine)
        self.source_label = _label()
        for label in (self.question_label, self.answer_label, self.source_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        column = QVBoxLayout(page)
        column.addWidget(self.question_label)
        column.addWidget(self.divider)
        column.addWidget(self.answer_label)
        column.addSpacing(12)
        column.addWidget(self.source_label)
        column.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = _label(18, rich=False)
        self.done_detail = _label(rich=False)
        self.close_button = _button(self.close)
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.done_label)
        column.addWidget(self.done_detail)
        column.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    def _answer_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.interval_labels: dict[int, QLabel] = {}
        self.answer_buttons: dict[int, QPushButton] = {}
        for rating in range(1, 5):
            cell = QVBoxLayout()
            self.interval_labels[rating] = _label(rich=False)
            self.interval_labels[rating].setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            self.answer_buttons[rating] = _button(lambda r=rating: self.answer(r))
            cell.addWidget(self.interval_labels[rating])
            cell.addWidget(self.answer_buttons[rating])
            layout.addLayout(cell)
        return row

    def _tool_row(self) -> QHBoxLayout:
        self.edit_button = _button(self.edit_card)
        self.outline_button = _button(self.emit_show_in_outline)
        self.undo_button = _button(self.undo)
        self.more_button = QToolButton()  # what Anki's "More" offers: bury, suspend, flag, delete
        self.more_button.setObjectName("reviewMore")
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self)
        self.more_actions = {name: self.more_menu.addAction("", slot) for name, slot in (
            ("bury", self.bury), ("suspend", self.suspend), ("delete", self.delete_card))}
        self.flag_actions = {flag: self.more_menu.addAction("", lambda f=flag: self.toggle_flag(f)) for flag in FLAG_KEYS.values()}
        self.more_button.setMenu(self.more_menu)
        row = QHBoxLayout()
        for button in (self.edit_button, self.outline_button, self.more_button, self.undo_button):
            row.addWidget(button)
        row.addWidget(self.status_label, 1)
        return row

    def retranslate(self) -> None:
        """(Re)apply the static strings; card text and counts are redrawn with each card."""
        self.setWindowTitle(tr("Review"))
        self.scope_label.setText(scope_title(self.collection, self.document_id, self.section_id))
        self.show_button.setText(tr("Show answer (Space)"))
        names = {1: tr("Again"), 2: tr("Hard"), 3: tr("Good"), 4: tr("Easy")}
        for rating, button in self.answer_buttons.items():
            button.setText(f"{rating} {names[rating]}")
        self.edit_button.setText(tr("Edit (E)"))
        self.outline_button.setText(tr("Show in outline"))
        self.undo_button.setText(tr("Undo (Ctrl+Z)"))
        self.more_button.setText(tr("More"))
        for name, text in (("bury", tr("Bury until tomorrow\t-")), ("suspend", tr("Suspend\t@")),
                           ("delete", tr("Delete\tCtrl+Delete"))):
            self.more_actions[name].setText(text)
        for flag, name in flag_names().items():
            self.flag_actions[flag].setText(tr("Flag %1").replace("%1", name) + f"\tCtrl+{flag}")
        self.close_button.setText(tr("Close"))
        self.done_label.setText(tr("Congratulations! You have finished for now."))
        self._show_counts()
        self._redraw()

    def _redraw(self) -> None:
        """Redraw what holds translated words (flag, source, intervals, done text) in the new language."""
        if self.card_id is not None:
            self._render()
            if self.revealed:
                self._show_intervals()
        elif self.pages.currentIndex() == 1:  # not before the first card was shown
            self._show_done()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- the card ----------------------------------------------------------------------------

    def show_next(self) -> None:
        """Show the session's current card on its question side, or the done screen."""
        self.card_id = self.session.current()
        self.revealed = False
        self._show_counts()
        for widget in (self.edit_button, self.outline_button, self.more_button):
            widget.setEnabled(self.card_id is not None)  # nothing to act on once the session is done
        if self.card_id is None:
            self.flag_label.clear()
            self._show_done()
            return
        self.pages.setCurrentIndex(0)
        self.buttons.show()
        self.buttons.setCurrentIndex(0)
        self._render()
        self.shown_at = self.timer()  # duration counts from here, on a clock that never jumps

    def _render(self) -> None:
        row = self.collection.row_for_id(self.card_id)
        if self.revealed:
            self.question_label.setText(answer_html(row["kind"], row["front"]))
            self.answer_label.setText(html.escape(row["back"]).replace("\n", "<br>"))
            source = tr("Source: %1 — %2").replace("%1", html.escape(row["source"] or "")) \
                .replace("%2", html.escape(with_place(row["section"] or "", place_from_row(row))))
            self.source_label.setText(f"<span style='color: gray'>{source}</span>")
        else:
            self.question_label.setText(question_html(row["kind"], row["front"]))
        for widget in (self.divider, self.answer_label, self.source_label):
            widget.setVisible(self.revealed)
        self._show_flag(row["flag"])

    def _show_flag(self, flag: int) -> None:
        if flag:
            name = html.escape(flag_names()[flag])
            self.flag_label.setText(f"<span style='color: {FLAG_COLOURS[flag]}'>⚑ {name}</span>&nbsp;&nbsp;")
        else:
            self.flag_label.clear()

    def _show_counts(self) -> None:
        counts = self.session.counts()
        parts = [(tr("New"), counts.new, NEW_COLOUR), (tr("Learning"), counts.learning, LEARNING_COLOUR),
                 (tr("Due"), counts.due, DUE_COLOUR)]
        self.counts_label.setText("&nbsp;&nbsp;".join(
            f"{html.escape(name)} <b style='color: {colour}'>{count}</b>" for name, count, colour in parts))

    def _show_done(self) -> None:
        self.pages.setCurrentIndex(1)
        self.buttons.hide()
        detail = tr("Reviewed %n card(s) in this session.", "", self.session.cards_answered)
        if self.session.answered != self.session.cards_answered:
            detail += " " + tr("(%n answers)", "", self.session.answered)
        wait = self._next_due_in()
        if wait:
            detail += " " + tr("The next card is due in %1.").replace("%1", wait)
        self.done_detail.setText(detail)

    def _next_due_in(self) -> str | None:
        now = utc(self.clock())
        dues = [utc(datetime.fromisoformat(row["due"])) for row in
                self.collection.study_rows(self.document_id, self.section_id) if row["state"] and row["due"]]
        later = [due for due in dues if due > now]
        return interval_text(min(later) - now) if later else None

    # ----- actions -----------------------------------------------------------------------------

    def reveal(self) -> None:
        """Show the answer side and each button's next interval."""
        if self.card_id is None or self.revealed:
            return
        self.revealed = True
        self._render()
        self._show_intervals()
        self.buttons.setCurrentIndex(1)

    def _show_intervals(self) -> None:
        for rating, span in self.session.interval_spans().items():
            self.interval_labels[rating].setText(interval_text(span))

    def answer(self, rating: int) -> None:
        """Rate the shown card (only once its answer is visible)."""
        if self.card_id is None or not self.revealed:
            return
        duration_ms = max(0, int((self.timer() - self.shown_at) * 1000))
        self.session.answer(rating, duration_ms)
        self.undo_steps.append(("review", self.card_id, None))
        self.status_label.clear()
        self.reviews_changed.emit()
        self.show_next()

    def undo(self) -> None:
        """Take back this window's last action (an answer, a bury, a suspend, a delete, a flag)."""
        if not self.undo_steps:
            self.status_label.setText(tr("Nothing to undo."))
            return
        what, card_id, before = self.undo_steps[-1]
        if what == "review":
            if self.session.undo() is None:  # a newer review from elsewhere sits on top
                self.status_label.setText(tr("Nothing to undo."))
                return
        elif what == "flag":
            self.collection.set_flag([card_id], before)
        else:
            {"bury": lambda: self.collection.bury([card_id], None),
             "suspend": lambda: self.collection.set_suspended([card_id], False),
             "delete": lambda: self.collection.restore_cards([card_id])}[what]()
            self.session.put_back(card_id)
        self.undo_steps.pop()
        self.status_label.setText({"review": tr("Review undone."), "bury": tr("The card is back."),
                                   "suspend": tr("The card is back."), "delete": tr("The card is back."),
                                   "flag": tr("Flag undone.")}[what])
        self.reviews_changed.emit()
        if what == "flag":
            self._render()
        else:
            self.show_next()

    def _set_aside(self, what: str, change: Callable[[list[str]], None], message: str) -> None:
        """Bury, suspend or delete the shown card: it leaves the session; Ctrl+Z brings it back."""
        if self.card_id is None:
            return
        change([self.card_id])
        self.session.set_aside(self.card_id)
        self.undo_steps.append((what, self.card_id, None))
        self.status_label.setText(message)
        self.reviews_changed.emit()
        self.show_next()

    def bury(self) -> None:
        self._set_aside("bury", lambda ids: self.collection.bury(ids, self.session.tomorrow()),
                        tr("Card buried until tomorrow."))

    def suspend(self) -> None:
        # stamped by the window's clock, as its reviews are, so the stored times stay consistent
        self._set_aside("suspend", lambda ids: self.collection.set_suspended(ids, True, self.clock()),
                        tr("Card suspended."))

    def delete_card(self) -> None:
        self._set_aside("delete", lambda ids: self.collection.delete_cards(ids, self.clock()), tr("Card deleted."))

    def toggle_flag(self, flag: int) -> None:
        """Ctrl+1…4: set that flag, or clear it when the card has it already."""
        if self.card_id is None:
            return
        before = self.collection.row_for_id(self.card_id)["flag"]
        self.collection.set_flag([self.card_id], 0 if before == flag else flag)
        self.undo_steps.append(("flag", self.card_id, before))
        self.reviews_changed.emit()
        self._render()

    def edit_card(self) -> None:
        if self.card_id and CardEditor(self.collection, self.card_id, self).exec():
            self._render()

    def emit_show_in_outline(self) -> None:
        if self.card_id:
            self.show_in_outline.emit(self.card_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        control = modifiers == Qt.KeyboardModifier.ControlModifier
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif control and key in FLAG_KEYS:
            self.toggle_flag(FLAG_KEYS[key])
        elif control and key == Qt.Key.Key_Delete:
            self.delete_card()
        elif event.text() == "@" or key == Qt.Key.Key_At:  # Shift+2 on most layouts
            self.suspend()
        elif key == Qt.Key.Key_Minus and plain:
            self.bury()
        elif key in REVEAL_KEYS and plain:
            # As in Anki: the first press shows the answer, the second answers Good.
            if self.revealed:
                self.answer(GOOD)
            else:
                self.reveal()
        elif key in RATING_KEYS and plain:
            self.answer(RATING_KEYS[key])
        elif key == Qt.Key.Key_E and plain:
            self.edit_card()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
