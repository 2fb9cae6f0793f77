"""desktop.ui.quiz_dialog: typed answers, multiple choice and cram, with and without recording."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.core.collection import iso
from desktop.core.review import expected_answer
from desktop.ui.quiz_dialog import CHOICE, CRAM, PAGE_DONE, RIGHT_COLOUR, WRONG_COLOUR, QuizDialog, diff_html
from tests.core.test_review import T0, Clock, make_collection, make_document


@pytest.fixture
def collection(tmp_path):
    collection, _ = make_collection(tmp_path)
    yield collection
    collection.close()


def open_quiz(qtbot, collection, section_index: int | None = None) -> QuizDialog:
    document = make_document()
    section_id = list(document.walk())[section_index].id if section_index is not None else None
    dialog = QuizDialog(collection, document.id, section_id, None, clock=Clock())
    qtbot.addWidget(dialog)
    return dialog


def type_answer(qtbot, dialog: QuizDialog, text: str) -> None:
    qtbot.keyClicks(dialog.answer_edit, text)
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)


def test_typed_answers_match_leniently_and_show_a_coloured_diff(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    assert dialog.progress_label.text() == "1 / 4"
    type_answer(qtbot, dialog, "10t-50t")  # expected 10T到50T
    assert "Correct!" in dialog.feedback_label.text() and dialog.score == 1
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)
    assert dialog.progress_label.text() == "2 / 4"
    assert "[...]" in dialog.question_label.text()
    type_answer(qtbot, dialog, "500B")  # a cloze card expects every deletion: 500B、Transformer
    feedback = dialog.feedback_label.text()
    assert "Not quite." in feedback and dialog.score == 1
    assert f"<span style='color: {WRONG_COLOUR}; text-decoration: underline'>、Transformer</span>" in feedback
    assert collection.reviews() == []  # a quiz leaves the schedule alone unless asked


def test_diff_html_marks_extra_missing_and_shared_text():
    assert diff_html("10T到60T", "10T到50T") == (
        f"<span style='color: {RIGHT_COLOUR}'>10T到</span>"
        f"<span style='color: {WRONG_COLOUR}; text-decoration: underline'>5</span>"
        f"<span style='color: {RIGHT_COLOUR}'>0T</span>")
    assert "line-through'>&lt;x&gt;</span>" in diff_html("a<x>", "a")


def test_the_choices_come_from_other_cards_answers_this_documents_first(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    dialog.set_mode(CHOICE)
    qtbot.waitUntil(lambda: dialog.pool is not None)
    answers = {expected_answer(c.kind, c.front, c.back) for c in dialog.scope_cards}
    assert set(dialog.pool.options) <= answers | {""} and len(dialog.pool) > 1
    assert dialog.options[dialog.correct_index] in answers
    # the other options: other cards' answers, or variants of this answer's numbers
    assert all(option in answers or any(ch.isdigit() for ch in option) for option in dialog.options)


def test_multiple_choice_keys_pick_and_the_right_option_is_among_four(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    dialog.set_mode(CHOICE)
    assert dialog.choice_feedback.text() == "Preparing choices…" and dialog.option_buttons[0].isHidden()
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # nothing to pick yet
    assert not dialog.answered
    qtbot.waitUntil(lambda: dialog.pool is not None)  # the pool arrives from the background
    assert dialog.choice_feedback.text() == "" and dialog.option_buttons[0].isVisibleTo(dialog)
    assert len(dialog.options) == 4 and dialog.options[dialog.correct_index] == "10T到50T"
    assert dialog.option_buttons[0].text().startswith("1. ")
    qtbot.keyClick(dialog, Qt.Key.Key_1 + dialog.correct_index)
    assert dialog.score == 1 and dialog.answered
    assert "Correct!" in dialog.choice_feedback.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    wrong = (dialog.correct_index + 1) % len(dialog.options)
    qtbot.keyClick(dialog, Qt.Key.Key_1 + wrong)
    qtbot.keyClick(dialog, Qt.Key.Key_1 + dialog.correct_index)  # a second pick does not count
    assert dialog.score == 1
    assert "line-through" in dialog.option_buttons[wrong].styleSheet()
    assert collection.reviews() == []


def test_also_record_as_reviews_saves_fsrs_reviews(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    dialog.record_box.setChecked(True)
    type_answer(qtbot, dialog, "10T - 50T")
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)
    type_answer(qtbot, dialog, "no idea")  # QTest types Latin-1 only
    rows = collection.reviews()
    assert [(r["card_id"], r["rating"]) for r in rows] == [("0000000000000001", 3), ("0000000000000002", 1)]
    assert rows[0]["due_after"] == iso(T0 + timedelta(minutes=10))
    assert rows[1]["due_after"] == iso(T0 + timedelta(minutes=1))


def test_cram_flips_through_the_section_in_document_order(qtbot, collection):
    dialog = open_quiz(qtbot, collection, section_index=0)
    dialog.set_mode(CRAM)
    assert not dialog.record_box.isEnabled()
    assert [c.id for c in dialog.cards] == ["0000000000000001", "0000000000000002", "0000000000000003"]
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert "10T到50T" in dialog.cram_label.text() and "预训练使用10T到50T个token。" in dialog.cram_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.index == 1 and "[...]" in dialog.question_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert "<b>500B</b>" in dialog.question_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.index == 0
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Right):
        qtbot.keyClick(dialog, key)
    assert dialog.pages.currentIndex() == PAGE_DONE
    assert dialog.done_label.text() == "That was the last card."
    assert collection.reviews() == []


def test_the_score_is_shown_at_the_end(qtbot, collection):
    dialog = open_quiz(qtbot, collection, section_index=2)  # one card
    type_answer(qtbot, dialog, "Transformer")
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == PAGE_DONE
    assert dialog.done_label.text() == "Score: 1 / 1"
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QuizDialog.DialogCode.Accepted


def test_an_empty_scope_says_so(qtbot, collection):
    collection.set_suspended(["0000000000000004"], True)
    dialog = open_quiz(qtbot, collection, section_index=2)
    assert dialog.done_label.text() == "There are no cards to quiz here."


def enter(qtbot, dialog: QuizDialog, text: str) -> None:
    """Type an answer that may hold Chinese (QTest's key clicks take ASCII only), then Enter."""
    dialog.answer_edit.insert(text)
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)


def answer_all(qtbot, dialog: QuizDialog, answers: list[str]) -> None:
    for text in answers:
        enter(qtbot, dialog, text)
        qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return)


def test_the_end_lists_the_missed_and_retries_only_them(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    answer_all(qtbot, dialog, ["10T到50T", "wrong", "至少五年", "wrong"])
    assert dialog.pages.currentIndex() == PAGE_DONE and "2 / 4" in dialog.done_label.text()
    missed = dialog.missed_label.text()
    assert "Transformer" in missed and "500B" in missed and dialog.retry_button.isVisibleTo(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_R)
    assert dialog.progress_label.text() == "1 / 2" and [c.id for c in dialog.cards] == \
        ["0000000000000002", "0000000000000004"]
    answer_all(qtbot, dialog, ["500B、Transformer", "Transformer"])
    assert "2 / 2" in dialog.done_label.text() and not dialog.retry_button.isVisibleTo(dialog)


def test_i_was_right_counts_the_answer_and_stores_good_instead_of_again(qtbot, collection):
    dialog = open_quiz(qtbot, collection)
    dialog.record_box.setChecked(True)
    enter(qtbot, dialog, "十到五十T")  # right in meaning, not in letters
    assert "Not quite." in dialog.feedback_label.text() and dialog.override_button.isVisibleTo(dialog)
    assert [r["rating"] for r in collection.reviews()] == [1]
    qtbot.keyClick(dialog.answer_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.score == 1 and dialog.missed == [] and not dialog.override_button.isVisibleTo(dialog)
    assert [r["rating"] for r in collection.reviews()] == [3]  # the Again replaced, not added to


def test_the_mode_and_shuffle_are_remembered_and_shuffle_changes_the_order(qtbot, collection):
    import random

    dialog = open_quiz(qtbot, collection)
    in_order = [c.id for c in dialog.cards]
    dialog.set_mode(CHOICE)
    dialog.shuffle_box.setChecked(True)
    again = QuizDialog(collection, make_document().id, None, None, clock=Clock(), rng=random.Random(3))
    qtbot.addWidget(again)
    assert again.mode == CHOICE and again.shuffle_box.isChecked()
    shuffled = [c.id for c in again.cards]
    assert sorted(shuffled) == sorted(in_order) and shuffled != in_order
