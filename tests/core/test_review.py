"""desktop.core.review: the session queue, undo, settings, mastery and card rendering."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
import pytest

from desktop.core.card import BASIC, CLOZE, Card, fsrs_card_id
from desktop.core.collection import Collection
from desktop.core.document import Document
from desktop.core.importing import import_text
from desktop.core.review import (ReviewSession, answer_html, cloze_deletions, expected_answer, load_settings,
                                 load_study, question_html, question_text, record_review, section_mastery,
                                 start_of_day)
from desktop.core.schedule import QueueCounts, Settings, Study

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
TEXT = ("大模型讲座\n\n1. 模型规模\n\n预训练使用10T到50T个token。参数超过500B。\n\n1.1 训练\n\n训练需要至少五年。"
        "\n\n2. 应用\n\n注意力机制由Transformer提出。")


def make_document() -> Document:
    return import_text(TEXT, ".txt")


def make_cards(document: Document) -> list[Card]:
    """Four cards: two basic, one cloze with two deletions, one basic in a subsection."""
    first, sub, second = list(document.walk())
    specs = [
        (first, 0, BASIC, "大模型预训练通常使用多少token?", "10T到50T"),
        (first, 1, CLOZE, "参数超过{{c1::500B}}，由{{c2::Transformer::架构}}构成。", ""),
        (sub, 0, BASIC, "训练大模型需要多久?", "至少五年"),
        (second, 0, BASIC, "注意力机制由什么模型提出?", "Transformer"),
    ]
    cards = []
    for number, (section, index, kind, front, back) in enumerate(specs):
        sentence = section.sentences[index]
        cards.append(Card(id=f"{number + 1:016x}", kind=kind, front=front, back=back, section=section.label,
                          source=sentence.text, rule="test", section_id=section.id, source_start=sentence.start,
                          source_end=sentence.end, document_id=document.id))
    return cards


def make_collection(path: Path) -> tuple[Collection, Document]:
    """A fresh collection with the test document and its four cards."""
    collection = Collection(path / "collection.db")
    document = make_document()
    collection.import_document(document, make_cards(document), now=T0 - timedelta(days=1))
    return collection, document


class Clock:
    """A settable clock; each test moves time by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def collection(tmp_path):
    collection, _ = make_collection(tmp_path)
    yield collection
    collection.close()


def session(collection: Collection, clock: Clock, **kwargs) -> ReviewSession:
    return ReviewSession(collection, kwargs.pop("study", Study()), clock=clock, tz=timezone.utc, **kwargs)


def test_new_cards_come_in_document_order_and_good_matches_plain_fsrs(collection):
    clock = Clock()
    run = session(collection, clock)
    assert run.counts() == QueueCounts(new=4, learning=0, due=0)
    plain = fsrs.Scheduler(enable_fuzzing=False)
    for expected in ("0000000000000001", "0000000000000002", "0000000000000003"):
        assert run.current() == expected
        outcome = run.answer(3, duration_ms=2500)
        card, _ = plain.review_card(fsrs.Card(card_id=fsrs_card_id(expected), due=clock.now), fsrs.Rating.Good,
                                    clock.now)
        assert outcome.due == card.due == clock.now + timedelta(minutes=10)
        clock.advance(seconds=30)
    rows = collection.reviews()
    assert [(r["rating"], r["duration_ms"]) for r in rows] == [(3, 2500)] * 3
    assert run.counts() == QueueCounts(new=1, learning=3, due=0)


def test_learning_cards_come_back_when_due_and_learn_ahead_when_nothing_is_left(collection):
    clock = Clock()
    run = session(collection, clock)
    run.answer(1)  # Again: back in one minute
    assert run.current() == "0000000000000002"
    clock.advance(minutes=2)
    assert run.current() == "0000000000000002"  # the card on screen stays until answered
    run.answer(3)
    assert run.current() == "0000000000000001"  # due learning card first
    clock.advance(minutes=1)
    run.answer(3)
    run.answer(4)  # card 3 Easy: graduates, leaves the session
    run.answer(4)
    assert run.counts() == QueueCounts(new=0, learning=2, due=0)
    assert run.current() == "0000000000000002"  # due in 10 minutes, before card 1: learnt ahead
    run.answer(4)
    run.answer(4)
    assert run.current() is None


def test_learning_cards_beyond_learn_ahead_end_the_session(collection):
    clock = Clock()
    run = session(collection, clock, learn_ahead=timedelta(minutes=5), study=Study(Settings(new_per_day=1)))
    run.answer(3)  # due in 10 minutes, beyond the 5 allowed
    assert run.current() is None
    assert run.counts() == QueueCounts(new=0, learning=0, due=0)


def test_due_reviews_come_before_new_cards_and_the_daily_new_limit_counts_todays_starts(collection):
    clock = Clock()
    study = Study(Settings(new_per_day=2))
    record_review(collection, study, "0000000000000004", 4, clock.now - timedelta(days=30), 1000)
    run = session(collection, clock, study=study)
    assert run.counts() == QueueCounts(new=2, learning=0, due=1)
    assert run.current() == "0000000000000004"
    run.answer(3)
    run.answer(4)
    later = session(collection, clock, study=study)  # one new card started today: one left
    assert later.counts().new == 1
    tomorrow = Clock(start_of_day(T0, timezone.utc) + timedelta(days=1, hours=1))
    assert session(collection, tomorrow, study=study).counts().new == 2


def test_scope_limits_the_queue(collection):
    document = make_document()
    section = list(document.walk())[0]
    run = ReviewSession(collection, Study(), document.id, section.id, clock=Clock(), tz=timezone.utc)
    assert run.counts().new == 3  # the section and its subsection


def test_undo_removes_the_review_and_restores_the_card(collection):
    clock = Clock()
    run = session(collection, clock)
    run.answer(3)
    before = collection.row_for_id("0000000000000002")["fsrs"]
    clock.advance(seconds=20)
    run.answer(3)
    assert run.undo() == "0000000000000002"
    assert run.current() == "0000000000000002"
    assert collection.row_for_id("0000000000000002")["fsrs"] == before is None
    assert len(collection.reviews()) == 1
    assert run.counts() == QueueCounts(new=3, learning=1, due=0)
    assert run.undo() == "0000000000000001"
    assert run.undo() is None
    assert collection.reviews() == []


def test_undo_leaves_a_newer_review_made_elsewhere(collection):
    clock = Clock()
    run = session(collection, clock)
    run.answer(3)
    record_review(collection, Study(), "0000000000000004", 3, clock.now, None)
    assert run.undo() is None
    assert len(collection.reviews()) == 2


def test_intervals_are_formatted_like_anki(collection):
    run = session(collection, Clock())
    assert run.intervals() == {1: "1m", 2: "6m", 3: "10m", 4: "8d"}


def test_answer_without_a_card_is_an_error(collection):
    run = session(collection, Clock(), study=Study(Settings(new_per_day=0)))
    assert run.current() is None and run.intervals() == {}
    with pytest.raises(RuntimeError):
        run.answer(3)


def test_settings_come_from_the_collection_with_defaults(collection):
    assert load_settings(collection) == Settings()
    collection.set_setting("study", {"desired_retention": 0.85, "new_per_day": 5, "unknown": 1})
    assert load_settings(collection) == Settings(desired_retention=0.85, new_per_day=5)
    assert load_study(collection).settings.new_per_day == 5
    collection.set_setting("study", {"desired_retention": 1.5})
    assert load_settings(collection) == Settings()


def test_section_mastery_averages_the_subtree_and_counts_new_cards_as_zero(collection):
    document = make_document()
    first, sub, second = (s.id for s in document.walk())
    study = Study()
    record_review(collection, study, "0000000000000003", 4, T0, None)
    mastery = section_mastery(collection, document.id, T0 + timedelta(days=1), study)
    recall = study.retrievability(collection.row_for_id("0000000000000003")["fsrs"], T0 + timedelta(days=1))
    assert 0.9 < recall < 1
    assert {key: (m.cards, m.learned) for key, m in mastery.items()} == {
        first: (3, 1), sub: (1, 1), second: (1, 0), "": (4, 1)}
    assert mastery[first].value == pytest.approx(recall / 3) and mastery[sub].value == pytest.approx(recall)
    assert mastery[second].value == 0.0 and mastery[""].value == pytest.approx(recall / 4)


def test_a_card_rated_again_counts_as_forgotten_at_once(collection):
    """Right after an Again the card's recall is high (just seen), but it is relearning: mastery drops."""
    document = make_document()
    sub = list(document.walk())[1].id
    study = Study()
    record_review(collection, study, "0000000000000003", 4, T0, None)
    assert section_mastery(collection, document.id, T0 + timedelta(days=3), study)[sub].value > 0.9
    record_review(collection, study, "0000000000000003", 1, T0 + timedelta(days=3), None)
    after = section_mastery(collection, document.id, T0 + timedelta(days=3, minutes=1), study)[sub]
    assert (after.cards, after.learned, after.value) == (1, 0, 0.0)


def test_start_of_day_uses_the_local_zone():
    tokyo = timezone(timedelta(hours=9))
    assert start_of_day(datetime(2026, 3, 2, 16, 0, tzinfo=timezone.utc), tokyo) == \
        datetime(2026, 3, 2, 15, 0, tzinfo=timezone.utc)


def test_cloze_rendering_hides_every_deletion_and_escapes_html():
    front = "a<b> {{c1::500B}} and {{c2::Transformer::架构}}"
    assert question_html(CLOZE, front) == "a&lt;b&gt; <b>[...]</b> and <b>[架构]</b>"
    assert answer_html(CLOZE, front) == "a&lt;b&gt; <b>500B</b> and <b>Transformer</b>"
    assert question_text(CLOZE, front) == "a<b> [...] and [架构]"
    assert cloze_deletions(front) == ["500B", "Transformer"]
    assert expected_answer(CLOZE, front, "extra") == "500B、Transformer"
    assert expected_answer(BASIC, "q <i>", "x & y") == "x & y"
    assert question_html(BASIC, "q <i>\nline") == "q &lt;i&gt;<br>line"


def test_saved_state_is_fsrs_json_with_our_card_id(collection):
    _, outcome = record_review(collection, Study(), "0000000000000001", 3, T0, 100)
    assert json.loads(collection.row_for_id("0000000000000001")["fsrs"])["card_id"] == fsrs_card_id("0000000000000001")
    assert outcome.due == T0 + timedelta(minutes=10)
