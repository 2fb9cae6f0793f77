"""desktop.core.card_list: a quiz round's cards, read a page at a time, in reading order."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.card import BASIC, Card, card_id
from desktop.core.card_list import PAGE, CardList
from desktop.core.collection import Collection
from desktop.core.importing import import_text

SENTENCES = [f"Fact number {n} says that the value is {n * 7}." for n in range(PAGE * 2 + 30)]


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    opened = Collection.in_folder(tmp_path)
    yield opened
    opened.close()


def cards_of(document) -> list[Card]:
    sentences = [s for s in document.walk() for s in s.sentences]
    return [Card(id=card_id(document.id, "quantity", s.text, s.text[-4:-1], BASIC), kind=BASIC,
                 front=f"What does fact {i} give?", back=s.text[-4:-1], section="", source=s.text,
                 rule="quantity", section_id=document.sections[0].id, source_start=s.start, source_end=s.end,
                 document_id=document.id) for i, s in enumerate(sentences)]


@pytest.fixture
def stored(collection: Collection) -> list[Card]:
    document = import_text("Facts\n\n1. Numbers\n\n" + " ".join(SENTENCES))
    cards = cards_of(document)
    collection.import_document(document, cards)
    return cards


def test_reading_order_puts_a_card_added_later_at_its_sentence(collection: Collection, stored: list[Card]) -> None:
    early = stored[3]
    manual = Card(id="manual-early", kind=BASIC, front="Which fact comes fourth?", back="3", section="",
                  source=early.source, rule="manual", section_id=early.section_id, source_start=early.source_start,
                  source_end=early.source_end, document_id=early.document_id)
    collection.add_card(manual)
    assert collection.find_card_ids()[-1] == "manual-early"  # made last
    in_reading_order = collection.find_card_ids(order="source")
    assert in_reading_order.index("manual-early") in (3, 4)  # beside the card of the same sentence
    assert [c for c in in_reading_order if c != "manual-early"] == [card.id for card in stored]


def test_a_card_list_gives_the_stored_cards_in_its_order(collection: Collection, stored: list[Card]) -> None:
    ids = [card.id for card in reversed(stored)]
    cards = CardList(collection, ids)
    assert len(cards) == len(stored)
    assert cards[0].front == stored[-1].front and cards[-1].back == stored[0].back
    assert [card.id for card in cards[5:8]] == ids[5:8]
    assert [card.id for card in cards] == ids
    with pytest.raises(IndexError):
        cards[len(ids)]


def test_a_card_list_reads_a_page_of_cards_per_query(collection: Collection, stored: list[Card],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    read = collection.cards
    monkeypatch.setattr(collection, "cards", lambda ids: asked.append(len(ids)) or read(ids))
    cards = CardList(collection, [card.id for card in stored])
    assert asked == []  # made without reading a card
    for index in range(len(cards)):
        assert cards[index].id == stored[index].id
    assert asked == [PAGE, PAGE, len(stored) - 2 * PAGE]
    again = cards.with_ids(reversed(cards.ids))  # a shuffled round: nothing read twice
    assert [card.id for card in again][0] == stored[-1].id and len(asked) == 3
