"""A sentence's place in a recording or a PDF reaches its cards, the collection, the CLI's JSON and Anki."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from anki.collection import Collection as AnkiCollection

from desktop.core.collection import Collection
from desktop.core.document import Place, clock
from desktop.core.export.anki import export_apkg
from desktop.core.export.source import DeckSource
from desktop.core.importing import import_page
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page
from desktop.core.library import store

FIRST = "The Rance barrage has produced 240 MW since 1966. It has twenty-four turbines."
SECOND = "Tidal barrages cost three times as much per megawatt as wind farms."


def placed(kind: str) -> Page:
    """A page whose two paragraphs know their places: seconds of a recording, or pages of a PDF."""
    make = (lambda n: Place(time=float(n), speaker="Maria")) if kind == "time" else (lambda n: Place(page=n))
    return Page("Tidal power", [
        Block(HEADING, "Stations", 1),
        Block(PARAGRAPH, FIRST, places=[(0, make(3)), (FIRST.index("It has"), make(4))]),
        Block(PARAGRAPH, SECOND, places=[(0, make(7))]),
    ], explicit_headings=True)


def test_each_sentence_gets_the_place_where_it_starts() -> None:
    document = import_page(placed("page"))
    sentences = [s for section in document.walk() for s in section.sentences]
    assert [(s.text[:9], s.place) for s in sentences] == [
        ("The Rance", Place(page=3)), ("It has tw", Place(page=4)), ("Tidal bar", Place(page=7))]


def test_places_survive_the_collection_and_reach_the_json(tmp_path: Path) -> None:
    collection = Collection.in_folder(tmp_path)
    document, _ = store(collection, import_page(placed("time")))
    stored = collection.document(document.id)
    assert [s.place for section in stored.walk() for s in section.sentences] == [
        Place(time=3.0, speaker="Maria"), Place(time=4.0, speaker="Maria"), Place(time=7.0, speaker="Maria")]
    cards = collection.cards(collection.find_card_ids(document_id=document.id))
    said = {"1966": 3.0, "twenty-four": 4.0, "megawatt": 7.0}
    assert cards and all(c.place == Place(time=next(t for w, t in said.items() if w in c.source), speaker="Maria")
                         for c in cards)
    assert json.loads(json.dumps(cards[0].to_json()))["time"] == cards[0].place.time
    assert cards[0].to_json()["speaker"] == "Maria"
    assert "page" not in cards[0].to_json()
    collection.close()


def test_a_text_without_places_keeps_its_old_shapes(tmp_path: Path) -> None:
    page = placed("page")
    page.blocks = [dataclasses.replace(block, places=[]) for block in page.blocks]
    collection = Collection.in_folder(tmp_path)
    document, _ = store(collection, import_page(page))
    [row] = collection.db.execute("SELECT sentences FROM sections WHERE document_id = ?", [document.id]).fetchall()
    assert all(len(sentence) == 3 for sentence in json.loads(row[0]))  # [text, start, end], as before
    cards = collection.cards(collection.find_card_ids(document_id=document.id))
    assert cards and all(c.place is None and set(c.to_json()) == {"id", "kind", "front", "back", "section",
                                                                  "source", "rule"} for c in cards)
    collection.close()


def test_anki_shows_the_place_after_the_source_sentence(tmp_path: Path) -> None:
    collection = Collection.in_folder(tmp_path)
    document, _ = store(collection, import_page(placed("page")))
    cards = collection.cards(collection.find_card_ids(document_id=document.id))
    collection.close()
    export_apkg([DeckSource(document, cards)], tmp_path / "deck.apkg")
    anki = AnkiCollection(str(tmp_path / "anki.anki2"))
    try:
        from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

        anki.import_anki_package(ImportAnkiPackageRequest(package_path=str(tmp_path / "deck.apkg"),
                                                          options=ImportAnkiPackageOptions()))
        sources = {anki.get_note(nid)["Source"] for nid in anki.find_notes("")}
    finally:
        anki.close()
    assert any(source.endswith("(p. 7)") for source in sources), sources


def test_a_place_reads_as_players_and_books_say_it() -> None:
    assert [clock(s) for s in (0, 65.9, 754.5, 3723)] == ["0:00", "1:05", "12:34", "1:02:03"]
    assert Place(page=3).label("zh") == "第 3 页" and Place(page=3).label("en") == "p. 3"
    assert Place(time=754.5).label("zh") == "12:34"
    assert Place(time=754.5, speaker="李沐").label("zh") == "李沐，12:34"
    assert Place(time=5, speaker="Maria").label("en") == "Maria, 0:05"
