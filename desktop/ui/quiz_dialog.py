"""The quiz: typed answers, multiple choice or cram over a section's cards, off the schedule by default."""
from __future__ import annotations

import html
import random
import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from desktop.core.card import Card
from desktop.core.card_list import CardList
from desktop.core.collection import Collection, utc_now
from desktop.core.quiz import AnswerPool, answers_match, diff, multiple_choice
from desktop.core.review import answer_html, expected_answer, load_study, question_html, record_review
from desktop.ui.background import query_op
from desktop.ui.i18n import tr
from desktop.ui.messages import with_place

TYPED, CHOICE, CRAM = "typed", "choice", "cram"
MODES = (TYPED, CHOICE, CRAM)
RIGHT_COLOUR, WRONG_COLOUR, EXTRA_COLOUR = "#30a46c", "#e5484d", "#8a8a8a"
CHOICE_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
AGAIN, GOOD = 1, 3
PAGE_TYPED, PAGE_CHOICE, PAGE_CRAM, PAGE_DONE = range(4)


def diff_html(typed: str, expected: str) -> str:
    """The expected answer coloured against what was typed (Anki's typed-answer comparison).

    Shared text is green, text missing or typed wrong is red and underlined, extra typed
    text is grey and struck through.
    """
    styles = {"equal": f"color: {RIGHT_COLOUR}",
              "insert": f"color: {WRONG_COLOUR}; text-decoration: underline",
              "replace": f"color: {WRONG_COLOUR}; text-decoration: underline",
              "delete": f"color: {EXTRA_COLOUR}; text-decoration: line-through"}
    return "".join(f"<span style='{styles[op]}'>{html.escape(text)}</span>" for op, text in diff(typed, expected))


def _plain_button() -> QPushButton:
    button = QPushButton()
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the quiz, not to a focused button
    button.setAutoDefault(False)
    return button


POOL_SIZE = 5000  # answers to draw distractors from: plenty, and prepared in a blink at any collection size


def answer_pool(collection: Collection, document_id: str | None) -> AnswerPool:
    """The distractor pool for a quiz on `document_id` (run off the GUI thread)."""
    return AnswerPool(expected_answer(kind, front, back)
                      for kind, front, back in collection.answer_texts(document_id, POOL_SIZE))


class QuizDialog(QDialog):
    """Quiz the cards of a scope; records reviews only when "Also record as reviews" is ticked."""

    def __init__(self, collection: Collection, document_id: str | None = None, section_id: str | None = None,
                 parent: QWidget | None = None, clock: Callable[[], datetime] = utc_now,
                 timer: Callable[[], float] = time.monotonic, rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quizDialog")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.collection, self.clock, self.timer = collection, clock, timer
        self.study = load_study(collection)
        ids = collection.find_card_ids(document_id=document_id, section_id=section_id, order="source",
                                       include_suspended=False, include_dropped=False)
        self.scope_cards = CardList(collection, ids)  # in reading order, each card read when reached
        self.cards = self.scope_cards  # this round's: all of them, or the missed ones again
        self.rng = rng or random.Random()
        # Distractors come from other cards' answers, this document's first; prepared off the GUI thread.
        self.pool: AnswerPool | None = None
        self._pool_query = query_op(collection.path, lambda col: answer_pool(col, document_id), self._pool_ready,
                                    self._pool_failed)
        saved_mode = collection.setting("quiz_mode", TYPED)
        self.mode = saved_mode if saved_mode in MODES else TYPED
        self.index, self.score, self.answered = 0, 0, False
        self.missed: list[Card] = []
        self.last_review: tuple[int, datetime] | None = None  # (id, time) of the review the quiz stored last
        self.options: list[str] = []
        self.correct_index = -1
        self.shown_at = 0.0
        self._build()
        self.retranslate()
        self.resize(640, 460)
        self.restart()

    # ----- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        self.mode_box = QComboBox()
        self.mode_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.mode_box.currentIndexChanged.connect(self._mode_chosen)
        self.record_box = QCheckBox()
        self.record_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.shuffle_box = QCheckBox()
        self.shuffle_box.setObjectName("quizShuffle")
        self.shuffle_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.shuffle_box.setChecked(bool(self.collection.setting("quiz_shuffle", False)))
        self.shuffle_box.toggled.connect(self._shuffle_chosen)
        self.progress_label = QLabel()
        top = QHBoxLayout()
        for widget in (self.mode_box, self.record_box, self.shuffle_box):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.progress_label)
        self.question_label = QLabel()
        self.question_label.setWordWrap(True)
        self.question_label.setTextFormat(Qt.TextFormat.RichText)
        font = self.question_label.font()
        font.setPointSize(18)
        self.question_label.setFont(font)
        self.pages = QStackedWidget()
        for page in (self._typed_page(), self._choice_page(), self._cram_page(), self._done_page()):
            self.pages.addWidget(page)
        self.hint_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.question_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint_label)

    def _typed_page(self) -> QWidget:
        page = QWidget()
        self.answer_edit = QLineEdit()
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setTextFormat(Qt.TextFormat.RichText)
        self.override_button = _plain_button()  # the lenient check can still be wrong: the user decides
        self.override_button.setObjectName("quizOverride")
        self.override_button.clicked.connect(self.override)
        column = QVBoxLayout(page)
        column.addWidget(self.answer_edit)
        column.addWidget(self.feedback_label)
        column.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return page

    def _choice_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.option_buttons = []
        for position in range(4):
            button = _plain_button()
            button.clicked.connect(lambda _=False, p=position: self.choose(p))
            self.option_buttons.append(button)
            column.addWidget(button)
        self.choice_feedback = QLabel()
        column.addWidget(self.choice_feedback)
        column.addStretch(1)
        return page

    def _cram_page(self) -> QWidget:
        page = QWidget()
        self.cram_label = QLabel()
        self.cram_label.setWordWrap(True)
        self.cram_label.setTextFormat(Qt.TextFormat.RichText)
        column = QVBoxLayout(page)
        column.addWidget(self.cram_label)
        column.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_label = QLabel()
        self.done_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.missed_label = QLabel()
        self.missed_label.setObjectName("quizMissed")
        self.missed_label.setWordWrap(True)
        self.missed_label.setTextFormat(Qt.TextFormat.RichText)
        self.retry_button = _plain_button()
        self.retry_button.setObjectName("quizRetry")
        self.retry_button.clicked.connect(self.retry_missed)
        column = QVBoxLayout(page)
        column.addWidget(self.done_label)
        column.addWidget(self.missed_label, 1)
        column.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return page

    def retranslate(self) -> None:
        """(Re)apply the static strings."""
        self.setWindowTitle(tr("Quiz"))
        names = {TYPED: tr("Typed answer"), CHOICE: tr("Multiple choice"), CRAM: tr("Cram")}
        self.mode_box.blockSignals(True)
        self.mode_box.clear()
        for mode in MODES:
            self.mode_box.addItem(names[mode], mode)
        self.mode_box.setCurrentIndex(MODES.index(self.mode))
        self.mode_box.blockSignals(False)
        self.record_box.setText(tr("Also record as reviews"))
        self.shuffle_box.setText(tr("Shuffle"))
        self.override_button.setText(tr("I was right (Ctrl+Enter)"))
        self.retry_button.setText(tr("Retry the missed ones (R)"))
        self.answer_edit.setPlaceholderText(tr("Type the answer, then press Enter"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- flow --------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        """Switch to TYPED, CHOICE or CRAM and start again from the first card."""
        self.mode_box.setCurrentIndex(MODES.index(mode))

    def _mode_chosen(self, index: int) -> None:
        self.mode = MODES[index]
        self.collection.set_setting("quiz_mode", self.mode)  # the next quiz opens in it
        self.restart()

    def _shuffle_chosen(self, shuffle: bool) -> None:
        self.collection.set_setting("quiz_shuffle", shuffle)
        self.restart()

    def restart(self, cards: list[Card] | None = None) -> None:
        """Start a round over `cards` (default: every card of the scope), shuffled if asked."""
        ids = list(self.scope_cards.ids) if cards is None else [card.id for card in cards]
        if self.shuffle_box.isChecked():
            self.rng.shuffle(ids)
        self.cards = self.scope_cards.with_ids(ids)
        self.index, self.score, self.missed = 0, 0, []
        self.record_box.setEnabled(self.mode != CRAM)  # cram has no grades to record
        self._show_card()

    def retry_missed(self) -> None:
        """A new round with only the cards answered wrong, in the same mode."""
        if self.missed:
            self.restart(self.missed)

    @property
    def card(self) -> Card | None:
        return self.cards[self.index] if self.index < len(self.cards) else None

    def _show_card(self) -> None:
        self.answered = False
        card = self.card
        if card is None:
            self._show_done()
            return
        self.progress_label.setText(f"{self.index + 1} / {len(self.cards)}")
        self.question_label.setText(question_html(card.kind, card.front))
        self.pages.setCurrentIndex({TYPED: PAGE_TYPED, CHOICE: PAGE_CHOICE, CRAM: PAGE_CRAM}[self.mode])
        getattr(self, f"_show_{self.mode}")(card)
        self.shown_at = self.timer()

    def _show_typed(self, _card: Card) -> None:
        self.answer_edit.clear()
        self.answer_edit.setReadOnly(False)
        self.feedback_label.clear()
        self.override_button.hide()
        self.hint_label.setText(tr("Enter: check, then next card"))
        self.answer_edit.setFocus()

    def done(self, result: int) -> None:  # accept, reject, Esc or the close button
        self._pool_query.cancel()
        super().done(result)

    def _pool_ready(self, pool: AnswerPool) -> None:
        self.pool = pool
        if self.mode == CHOICE and self.card is not None and not self.answered:
            self._show_choice(self.card)

    def _pool_failed(self, _error: Exception) -> None:
        self._pool_ready(AnswerPool([]))  # the answer's own variants still make options for numbers

    def _show_choice(self, card: Card) -> None:
        if self.pool is None:
            for button in self.option_buttons:
                button.hide()
            self.options, self.correct_index = [], -1
            self.choice_feedback.setText(tr("Preparing choices…"))
            return
        self.options, self.correct_index = multiple_choice(self._expected(card), self.pool, seed=card.id)
        for position, button in enumerate(self.option_buttons):
            has_option = position < len(self.options)
            button.setVisible(has_option)
            button.setStyleSheet("")
            button.setText(f"{position + 1}. {self.options[position]}" if has_option else "")
        self.choice_feedback.clear()
        self.hint_label.setText(tr("Keys 1–4 choose; Enter: next card"))
        self.setFocus()

    def _show_cram(self, _card: Card) -> None:
        self.cram_label.clear()
        self.hint_label.setText(tr("Space: flip, then next card; ←/→: previous/next"))
        self.setFocus()

    def _show_done(self) -> None:
        self.pages.setCurrentIndex(PAGE_DONE)
        self.question_label.clear()
        self.progress_label.clear()
        self.hint_label.setText(tr("Esc: close"))
        if not self.cards:
            self.done_label.setText(tr("There are no cards to quiz here."))
        elif self.mode == CRAM:
            self.done_label.setText(tr("That was the last card."))
        else:
            self.done_label.setText(tr("Score: %1 / %2").replace("%1", str(self.score))
                                    .replace("%2", str(len(self.cards))))
        self.missed_label.setText(self._missed_html())
        self.retry_button.setVisible(bool(self.missed) and self.mode != CRAM)
        self.setFocus()

    def _missed_html(self) -> str:
        """The questions answered wrong, each with its right answer."""
        if not self.missed or self.mode == CRAM:
            return ""
        items = "".join(f"<li>{question_html(c.kind, c.front)} — <b>{html.escape(self._expected(c))}</b></li>"
                        for c in self.missed)
        return "<p>%s</p><ul>%s</ul>" % (html.escape(tr("Missed:")), items)

    def _expected(self, card: Card) -> str:
        return expected_answer(card.kind, card.front, card.back)

    def check_typed(self) -> None:
        """Compare the typed answer leniently and show the coloured difference."""
        card, typed = self.card, self.answer_edit.text()
        expected = self._expected(card)
        right = answers_match(typed, expected)
        word, colour = (tr("Correct!"), RIGHT_COLOUR) if right else (tr("Not quite."), WRONG_COLOUR)
        verdict = f"<b style='color: {colour}'>{html.escape(word)}</b>"
        self.feedback_label.setText(f"{verdict}<br>{diff_html(typed, expected)}")
        self.answer_edit.setReadOnly(True)
        self._graded(right)
        self.override_button.setVisible(not right)

    def choose(self, position: int) -> None:
        """Pick option `position` (0-based) in multiple-choice mode."""
        if self.mode != CHOICE or self.answered or self.card is None or position >= len(self.options):
            return
        right = position == self.correct_index
        self.option_buttons[self.correct_index].setStyleSheet(f"color: {RIGHT_COLOUR}; font-weight: bold")
        if not right:
            self.option_buttons[position].setStyleSheet(f"color: {WRONG_COLOUR}; text-decoration: line-through")
        self.choice_feedback.setText(tr("Correct!") if right else tr("Not quite."))
        self._graded(right)

    def _graded(self, right: bool) -> None:
        self.answered = True
        self.score += right
        if not right:
            self.missed.append(self.card)
        self.last_review = None
        if self.record_box.isChecked():
            duration_ms = max(0, int((self.timer() - self.shown_at) * 1000))
            now = self.clock()
            review_id, _ = record_review(self.collection, self.study, self.card.id, GOOD if right else AGAIN,
                                         now, duration_ms)
            self.last_review = (review_id, now)

    def override(self) -> None:
        """"I was right": count the typed answer as correct, and store Good instead of the Again."""
        card = self.card
        if self.mode != TYPED or not self.answered or card is None or card not in self.missed:
            return
        self.missed.remove(card)
        self.score += 1
        if self.last_review is not None and self._is_newest_review(*self.last_review):
            self.collection.undo_last_review()
            review_id, _ = record_review(self.collection, self.study, card.id, GOOD, self.last_review[1], None)
            self.last_review = (review_id, self.last_review[1])
        self.override_button.hide()
        counted = html.escape(tr("Counted as right."))
        self.feedback_label.setText(f"<b style='color: {RIGHT_COLOUR}'>{counted}</b><br>{html.escape(self._expected(card))}")

    def _is_newest_review(self, review_id: int, when: datetime) -> bool:
        """Only the quiz's own latest review may be replaced, never one stored elsewhere since."""
        newer = self.collection.reviews(since=when)
        return bool(newer) and newer[-1]["id"] == review_id

    def flip(self) -> None:
        """Cram: show the answer side of the current card."""
        card = self.card
        self.question_label.setText(answer_html(card.kind, card.front))
        back = html.escape(card.back).replace("\n", "<br>")
        source = html.escape(f"{card.source} — {with_place(card.section, card.place)}")
        self.cram_label.setText(f"{back}<br><br><span style='color: gray'>{source}</span>")
        self.answered = True

    def next_card(self) -> None:
        if self.card is not None:
            self.index += 1
            self._show_card()

    def previous_card(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show_card()

    def advance(self) -> None:
        """Enter/Space: check or flip the card on screen, or go on to the next."""
        if self.card is None:
            self.accept()
        elif self.answered:
            self.next_card()
        elif self.mode == TYPED:
            self.check_typed()
        elif self.mode == CRAM:
            self.flip()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        typing = self.mode == TYPED and self.answer_edit.hasFocus() and not self.answered
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and control:
            self.override()
        elif key == Qt.Key.Key_R and self.card is None and not typing:
            self.retry_missed()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or (key == Qt.Key.Key_Space and not typing):
            self.advance()
        elif key in CHOICE_KEYS and self.mode == CHOICE:
            self.choose(CHOICE_KEYS[key])
        elif key == Qt.Key.Key_Right and self.mode == CRAM:
            self.next_card()
        elif key == Qt.Key.Key_Left and self.mode == CRAM:
            self.previous_card()
        else:
            super().keyPressEvent(event)
