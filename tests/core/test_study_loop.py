"""The study loop's core: siblings buried, triage surviving a re-import, documents renamed, deleted, tagged."""
from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.card import CLOZE, Card
from desktop.core.collection import DROPPED, KEPT, Collection
from desktop.core.export.source import card_tags
from desktop.core.review import ReviewSession
from desktop.core.schedule import Settings, Study
from tests.core.test_review import T0, Clock, make_cards, make_document

GOOD = 3


def with_siblings(path: Path) -> tuple[Collection, list[str]]:
    """The test document plus two more cloze cards of the first card's sentence: three siblings."""
    collection = Collection(path / "collection.db")
    document = make_document()
    cards = make_cards(document)
    first = cards[0]
    siblings = [Card(id=f"{0xa0 + n:016x}", kind=CLOZE, front=f"预训练使用{{{{c1::{n}}}}}", back="",
                     section=first.section, source=first.source, rule="test", section_id=first.section_id,
                     source_start=first.source_start, source_end=first.source_end, document_id=document.id)
                for n in range(2)]
    collection.import_document(document, [first, *siblings, *cards[1:]], now=T0 - timedelta(days=1))
    return collection, [first.id, *(card.id for card in siblings)]


@pytest.fixture
def siblings(tmp_path):
    collection, ids = with_siblings(tmp_path)
    yield collection, ids
    collection.close()


def session(collection: Collection, clock: Clock, study: Study | None = None) -> ReviewSession:
    return ReviewSession(collection, study or Study(), clock=clock, tz=timezone.utc)


def shown_in_order(review: ReviewSession, rating: int = 4) -> list[str]:
    shown = []
    while (card := review.current()) is not None:
        shown.append(card)
        review.answer(rating)
    return shown


def test_answering_a_card_buries_its_siblings_until_the_next_day(siblings):
    collection, (first, *others) = siblings
    clock = Clock()
    review = session(collection, clock)
    assert review.current() == first and review.counts().new == 6
    review.answer(GOOD)
    assert review.counts().new == 3  # the two siblings left with the answer
    assert not set(others) & set(shown_in_order(review))
    assert all(collection.row_for_id(cid)["buried_until"] == "2026-03-03T00:00:00+00:00" for cid in others)
    assert not set(others) & set(shown_in_order(session(collection, clock)))  # a new session today: still away
    clock.advance(days=1)
    tomorrow = session(collection, clock)
    assert tomorrow.current() == others[0] and tomorrow.counts().new == 2  # back, one sibling at a time again


def test_undoing_the_answer_brings_its_siblings_back(siblings):
    collection, (first, *others) = siblings
    review = session(collection, Clock())
    review.answer(GOOD)
    assert review.undo() == first
    assert review.counts().new == 6
    assert all(collection.row_for_id(cid)["buried_until"] is None for cid in others)


def test_burying_siblings_can_be_turned_off(siblings):
    collection, (first, *others) = siblings
    review = session(collection, Clock(), Study(Settings(bury_siblings=False)))
    review.answer(GOOD)
    assert review.counts().new == 5 and review.current() == others[0]


def test_dropped_cards_are_listed_but_never_studied_exported_or_highlighted(siblings):
    collection, (first, *others) = siblings
    document_id = collection.documents()[0]["id"]
    collection.set_triage([first, *others], DROPPED)
    assert first in collection.find_card_ids(document_id=document_id)  # the table still shows it, marked
    assert first not in collection.find_card_ids(document_id=document_id, include_dropped=False)
    assert first not in {row["id"] for row in collection.study_rows(document_id)}
    assert first not in {card.id for card in collection.cards_for_document(document_id)}
    start = collection.row_for_id(first)["source_start"]
    assert start not in collection.source_starts(document_id)


def test_triage_survives_importing_the_same_document_again(siblings):
    collection, (first, second, third) = siblings
    document = collection.document(collection.documents()[0]["id"])
    collection.set_triage([first], DROPPED)
    collection.set_triage([second], KEPT)
    assert first not in collection.pending_triage(document.id) and third in collection.pending_triage(document.id)
    cards = [collection.card(cid) for cid in collection.find_card_ids(document_id=document.id)]
    result = collection.import_document(document, cards, now=T0)
    assert result.added == 0
    assert [collection.row_for_id(cid)["triage"] for cid in (first, second, third)] == [DROPPED, KEPT, None]
    with pytest.raises(ValueError):
        collection.set_triage([first], "maybe")


def test_a_renamed_document_keeps_its_title_when_imported_again(tmp_path):
    collection, _ = with_siblings(tmp_path)
    document_id = collection.documents()[0]["id"]
    collection.rename_document(document_id, "  我的   讲座笔记 ")
    document = collection.document(document_id)
    assert document.title == "我的 讲座笔记"
    document.title = "大模型讲座"
    collection.import_document(document, [], now=T0)
    assert collection.documents()[0]["title"] == "我的 讲座笔记"
    with pytest.raises(ValueError):
        collection.rename_document(document_id, "  ")


def test_deleting_a_document_hides_it_and_its_cards_until_undone(siblings):
    collection, ids = siblings
    document_id = collection.documents()[0]["id"]
    cards = collection.card_count()
    collection.delete_document(document_id, now=T0)
    assert collection.documents() == [] and collection.card_count() == 0
    assert collection.study_rows() == [] and collection.find_card_ids() == []
    collection.restore_document(document_id)
    assert [d["id"] for d in collection.documents()] == [document_id] and collection.card_count() == cards


def test_document_and_card_tags_reach_the_exported_notes(siblings):
    collection, (first, second, _) = siblings
    document_id = collection.documents()[0]["id"]
    collection.set_document_tags(document_id, ["讲座", "LLM  讲座"])
    collection.set_card_tags([first], ["考试"])
    assert collection.documents()[0]["tags"] == "讲座 LLM"
    exported = {card.id: card for card in collection.cards_for_document(document_id)}
    assert exported[first].tags == ("讲座", "LLM", "考试") and exported[second].tags == ("讲座", "LLM")
    assert {"讲座", "LLM", "考试"} <= set(card_tags(exported[first]))


def test_flags_are_zero_to_four(siblings):
    collection, (first, *_) = siblings
    collection.set_flag([first], 2)
    assert collection.row_for_id(first)["flag"] == 2
    with pytest.raises(ValueError):
        collection.set_flag([first], 5)


def test_anki_gets_the_kept_cards_only_with_the_users_tags(siblings, tmp_path):
    from anki.collection import Collection as AnkiCollection

    from desktop.core.export.service import export_sources, sources_from_collection
    from tests.core.test_export_anki import guid, import_apkg, notes_by_guid

    collection, (first, second, third) = siblings
    document_id = collection.documents()[0]["id"]
    collection.set_triage([first], DROPPED)
    collection.set_document_tags(document_id, ["讲座"])
    collection.set_card_tags([second], ["考试"])
    out = tmp_path / "deck.apkg"
    export_sources(sources_from_collection(collection, [document_id]), out, "apkg")
    anki = AnkiCollection(str(tmp_path / "anki.anki2"))
    try:
        import_apkg(anki, out)
        notes = notes_by_guid(anki)
        assert guid(first) not in notes and guid(second) in notes and guid(third) in notes
        assert {"讲座", "考试"} <= set(notes[guid(second)].tags) and "考试" not in notes[guid(third)].tags
        assert len(notes) == collection.documents()[0]["cards"]
    finally:
        anki.close()
