"""desktop.ui.review: the review window driven with real key presses."""
from __future__ import annotations

from datetime import timedelta, timezone

import fsrs
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QPushButton

from desktop.core.card import fsrs_card_id
from desktop.core.collection import Collection, iso
from desktop.core.library import import_path
from desktop.core.resources import resource_path
from desktop.ui.card_editor import CardEditor
from desktop.ui.review import NEW_COLOUR, ReviewWindow, interval_text
from tests.core.test_review import T0, Clock, make_collection, make_document

BUNDLED = "talks/000_dce75566e3c95038.txt"


class FakeTimer:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.seconds = 100.0

    def __call__(self) -> float:
        return self.seconds


@pytest.fixture
def collection(tmp_path):
    collection, _ = make_collection(tmp_path)
    yield collection
    collection.close()


def open_window(qtbot, collection: Collection, document_id: str | None = None, section_id: str | None = None,
                clock: Clock | None = None, timer: FakeTimer | None = None) -> ReviewWindow:
    window = ReviewWindow(collection, document_id, section_id, None, clock=clock or Clock(),
                          timer=timer or FakeTimer(), tz=timezone.utc)
    qtbot.addWidget(window)
    return window


def bundled_collection(tmp_path) -> tuple[Collection, str]:
    collection = Collection(tmp_path / "collection.db")
    document, _ = import_path(collection, resource_path(BUNDLED), now=T0)
    if collection.card_count() < 3:
        collection.close()
        pytest.skip("the generator made fewer than three cards from the bundled talk")
    return collection, document.id


@pytest.mark.parametrize("source", ["handmade", "bundled"])
def test_space_then_3_on_three_cards_records_plain_fsrs_reviews_and_ctrl_z_undoes(qtbot, tmp_path, source):
    if source == "bundled":
        collection, document_id = bundled_collection(tmp_path)
    else:
        collection, document = make_collection(tmp_path)
        document_id = document.id
    clock, timer = Clock(), FakeTimer()
    window = open_window(qtbot, collection, document_id, clock=clock, timer=timer)
    plain = fsrs.Scheduler(enable_fuzzing=False)
    planned = []
    for _ in range(3):
        card_id = window.card_id
        before = collection.row_for_id(card_id)["fsrs"]
        card = fsrs.Card.from_json(before) if before else fsrs.Card(card_id=fsrs_card_id(card_id), due=clock.now)
        planned.append((card_id, before, plain.review_card(card, fsrs.Rating.Good, clock.now)[0]))
        timer.seconds += 4.25
        qtbot.keyClick(window, Qt.Key.Key_Space)
        assert window.revealed
        qtbot.keyClick(window, Qt.Key.Key_3)
        clock.advance(seconds=45)

    rows = collection.reviews()
    assert [(r["card_id"], r["rating"], r["duration_ms"]) for r in rows] == [(c, 3, 4250) for c, _, _ in planned]
    for row, (_, _, card) in zip(rows, planned):
        assert row["due_after"] == iso(card.due)
        assert row["state_after"] == card.to_json()
    last_id, last_before, _ = planned[-1]

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r["id"] for r in collection.reviews()] == [r["id"] for r in rows[:2]]
    assert collection.row_for_id(last_id)["fsrs"] == last_before
    assert window.card_id == last_id and not window.revealed
    collection.close()


def test_rating_keys_do_nothing_before_the_answer_is_shown(qtbot, collection):
    window = open_window(qtbot, collection)
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(window, key)
    assert collection.reviews() == [] and not window.revealed
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.revealed and window.buttons.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert [r["rating"] for r in collection.reviews()] == [1]


def test_buttons_show_next_intervals_and_counts_are_coloured(qtbot, collection):
    window = open_window(qtbot, collection)
    assert window.objectName() == "reviewView"
    assert f"<b style='color: {NEW_COLOUR}'>4</b>" in window.counts_label.text()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert {r: label.text() for r, label in window.interval_labels.items()} == {1: "1m", 2: "6m", 3: "10m", 4: "8d"}
    assert window.answer_buttons[3].text() == "3 Good"
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in window.findChildren(QPushButton))


def test_cloze_question_hides_every_deletion_and_the_answer_shows_them_bold(qtbot, collection):
    window = open_window(qtbot, collection)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # Space again answers Good, as in Anki
    assert collection.reviews()[0]["rating"] == 3
    question = window.question_label.text()
    assert "[...]" in question and "[架构]" in question and "500B" not in question
    assert window.source_label.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    answer = window.question_label.text()
    assert "<b>500B</b>" in answer and "<b>Transformer</b>" in answer
    assert "参数超过500B。" in window.source_label.text() and "1 模型规模" in window.source_label.text()


def test_html_in_card_text_is_shown_as_text(qtbot, collection):
    collection.update_card("0000000000000001", front="<i>x</i> & y", back="<b>z</b>")
    window = open_window(qtbot, collection)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.question_label.text() == "&lt;i&gt;x&lt;/i&gt; &amp; y"
    assert window.answer_label.text() == "&lt;b&gt;z&lt;/b&gt;"


def test_done_screen_after_the_last_card(qtbot, collection):
    collection.set_setting("study", {"new_per_day": 1})
    window = open_window(qtbot, collection)
    with qtbot.waitSignal(window.reviews_changed):
        qtbot.keyClick(window, Qt.Key.Key_Space)
        qtbot.keyClick(window, Qt.Key.Key_4)
    assert window.pages.currentIndex() == 1 and window.card_id is None
    assert "finished" in window.done_label.text()
    assert window.done_detail.text() == "Reviewed 1 card(s) in this session. The next card is due in 8d."
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == 0 and window.card_id == "0000000000000001"


def test_undo_with_nothing_to_undo_says_so(qtbot, collection):
    window = open_window(qtbot, collection)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.status_label.text() == "Nothing to undo."


def test_show_in_outline_emits_the_card_id(qtbot, collection):
    window = open_window(qtbot, collection)
    with qtbot.waitSignal(window.show_in_outline) as blocker:
        qtbot.mouseClick(window.outline_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["0000000000000001"]


def test_e_edits_the_card_and_the_screen_shows_the_edit(qtbot, collection):
    window = open_window(qtbot, collection)

    def edit() -> None:
        editor = window.findChild(CardEditor)
        editor.front.setPlainText("新的问题?")
        editor.accept()

    QTimer.singleShot(0, edit)
    qtbot.keyClick(window, Qt.Key.Key_E)
    assert collection.row_for_id("0000000000000001")["front"] == "新的问题?"
    assert window.question_label.text() == "新的问题?"


def test_scope_title_names_collection_document_or_section(qtbot, collection):
    document = make_document()
    section = list(document.walk())[1]
    assert open_window(qtbot, collection).scope_label.text() == "Whole collection"
    assert open_window(qtbot, collection, document.id).scope_label.text() == "大模型讲座"
    scoped = open_window(qtbot, collection, document.id, section.id)
    assert scoped.scope_label.text() == "大模型讲座 — 1.1 训练"
    assert scoped.session.counts().new == 1


def test_escape_closes_the_window(qtbot, collection):
    window = ReviewWindow(collection, None, None, None, clock=Clock(), timer=FakeTimer(), tz=timezone.utc)
    window.show()
    with qtbot.waitSignal(window.destroyed):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def reveal_and_rate(qtbot, window: ReviewWindow, key) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, key)


@pytest.mark.parametrize("press, column, value, message", [
    (lambda qtbot, w: qtbot.keyClick(w, Qt.Key.Key_Minus), "buried_until", "2026-03-03T00:00:00+00:00", "buried"),
    (lambda qtbot, w: qtbot.keyClicks(w, "@"), "suspended", 1, "suspended"),
    (lambda qtbot, w: qtbot.keyClick(w, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier), "deleted_at",
     iso(T0), "deleted"),
])
def test_bury_suspend_and_delete_move_on_and_ctrl_z_brings_the_card_back(qtbot, collection, press, column, value,
                                                                         message):
    window = open_window(qtbot, collection)
    first = window.card_id
    new_before = window.session.counts().new
    with qtbot.waitSignal(window.reviews_changed):  # the main window refreshes its counts
        press(qtbot, window)
    assert collection.row_for_id(first)[column] == value
    assert window.card_id != first and window.session.counts().new == new_before - 1
    assert message in window.status_label.text()
    with qtbot.waitSignal(window.reviews_changed):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.card_id == first and window.session.counts().new == new_before
    assert collection.row_for_id(first)[column] in (None, 0)
    assert window.question_label.text() == collection.row_for_id(first)["front"]


def test_ctrl_digit_toggles_a_flag_shown_on_the_card(qtbot, collection):
    window = open_window(qtbot, collection)
    card = window.card_id
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert collection.row_for_id(card)["flag"] == 1 and "Red" in window.flag_label.text()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert collection.row_for_id(card)["flag"] == 4 and "Blue" in window.flag_label.text()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert collection.row_for_id(card)["flag"] == 0 and window.flag_label.text() == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert collection.row_for_id(card)["flag"] == 4 and window.card_id == card


def test_the_done_screen_counts_cards_not_answers_and_disables_card_actions(qtbot, collection):
    clock = Clock()
    window = open_window(qtbot, collection, clock=clock)
    for _ in range(collection.card_count()):
        if window.card_id is not None:
            reveal_and_rate(qtbot, window, Qt.Key.Key_4)
    assert window.card_id is None  # every card answered Easy: done
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    reveal_and_rate(qtbot, window, Qt.Key.Key_1)  # the last card again: Again …
    clock.advance(minutes=2)
    reveal_and_rate(qtbot, window, Qt.Key.Key_4)  # … then Easy
    assert window.card_id is None
    cards = collection.card_count()
    assert window.done_detail.text().startswith(f"Reviewed {cards} card(s) in this session. ({cards + 1} answers)")
    assert not any(b.isEnabled() for b in (window.edit_button, window.outline_button, window.more_button))


def test_the_more_menu_names_each_key_and_works_with_the_mouse(qtbot, collection):
    window = open_window(qtbot, collection)
    assert window.more_button.text() == "More" and window.more_button.menu() is window.more_menu
    texts = [action.text() for action in window.more_menu.actions()]
    assert texts == ["Bury until tomorrow\t-", "Suspend\t@", "Delete\tCtrl+Delete", "Flag Red\tCtrl+1",
                     "Flag Orange\tCtrl+2", "Flag Green\tCtrl+3", "Flag Blue\tCtrl+4"]
    first = window.card_id
    with qtbot.waitSignal(window.reviews_changed):
        window.more_actions["suspend"].trigger()
    assert collection.row_for_id(first)["suspended"] == 1 and window.card_id != first
    window.flag_actions[3].trigger()
    assert collection.row_for_id(window.card_id)["flag"] == 3 and "Green" in window.flag_label.text()


def test_ctrl_z_takes_back_mixed_actions_newest_first(qtbot, collection):
    window = open_window(qtbot, collection)
    answered = window.card_id
    reveal_and_rate(qtbot, window, Qt.Key.Key_4)
    buried = window.card_id
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    flagged = window.card_id
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert len({answered, buried, flagged}) == 3 and "Orange" in window.flag_label.text()
    undo = lambda: qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # noqa: E731
    undo()
    assert collection.row_for_id(flagged)["flag"] == 0 and window.flag_label.text() == ""
    assert window.status_label.text() == "Flag undone."
    undo()
    assert window.card_id == buried and collection.row_for_id(buried)["buried_until"] is None
    assert window.status_label.text() == "The card is back."
    undo()
    assert window.card_id == answered and collection.reviews() == [] and not window.revealed
    assert window.status_label.text() == "Review undone."
    undo()
    assert window.status_label.text() == "Nothing to undo."


def test_card_keys_do_nothing_on_the_done_screen(qtbot, collection):
    collection.set_setting("study", {"new_per_day": 1})
    window = open_window(qtbot, collection)
    reveal_and_rate(qtbot, window, Qt.Key.Key_4)
    assert window.card_id is None and window.buttons.isHidden()
    assert not window.edit_button.isEnabled() and not window.more_button.isEnabled()
    assert window.undo_button.isEnabled()  # the last answer can still be taken back
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    qtbot.keyClicks(window, "@")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_steps == [("review", "0000000000000001", None)] and window.pages.currentIndex() == 1


@pytest.mark.parametrize("span, text", [
    (timedelta(seconds=30), "<1m"), (timedelta(minutes=10), "10m"), (timedelta(hours=3), "3h"),
    (timedelta(days=8), "8d"), (timedelta(days=76), "2.5mo"), (timedelta(days=438), "1.2y"),
])
def test_interval_text_in_english_reads_like_anki(qapp, span, text):
    assert interval_text(span) == text


class FakeChinese(QTranslator):
    """A translator made in the test, so it does not depend on the shipped translation files."""

    WORDS = {"%1m": "%1 分钟", "%1d": "%1 天", "Red": "红色",
             "Reviewed %n card(s) in this session.": "本次复习 %n 张。", "The next card is due in %1.": "下一张 %1 后到期。"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        return self.WORDS.get(source)  # None: not translated, Qt falls back to the English source

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name; an "empty" translator is not installed
        return False


def test_interval_labels_and_flag_follow_a_language_change(qtbot, collection):
    window = open_window(qtbot, collection)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.interval_labels[3].text() == "10m"
    translator = FakeChinese()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.interval_labels[3].text() == "10 分钟")
        assert window.interval_labels[4].text() == "8 天" and "红色" in window.flag_label.text()
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: window.interval_labels[3].text() == "10m")


def test_the_done_text_follows_a_language_change(qtbot, collection):
    collection.set_setting("study", {"new_per_day": 1})
    window = open_window(qtbot, collection)
    reveal_and_rate(qtbot, window, Qt.Key.Key_4)
    translator = FakeChinese()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.done_detail.text() == "本次复习 1 张。 下一张 8 天 后到期。")
    finally:
        QCoreApplication.removeTranslator(translator)
