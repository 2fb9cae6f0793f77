"""Export cards as an Anki package (.apkg) with genanki.

Identity is what makes re-exports safe: a note's GUID comes from the card id, its
`mod` from the card's last edit, and model and deck ids never change. Re-importing
an edited export therefore updates notes in place and keeps their review history.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import genanki

from desktop.core.card import CLOZE, Card
from desktop.core.document import Document
from desktop.core.export.atomic import write_atomically
from desktop.core.export.source import (
    DeckSource, card_deck, card_tags, document_deck, exported_cards, note_fields,
)

# Picked once at random; never change them, or Anki sees new note types and duplicates notes.
BASIC_MODEL_ID = 1371895095
CLOZE_MODEL_ID = 1094202314
GUID_NAMESPACE = "talkcards"

CSS = """\
.card {
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
  font-size: 22px; line-height: 1.5; text-align: center; color: #1d1d1f; background: #fdfdfd;
}
.back, .extra { margin-top: 0.5em; }
.cloze { font-weight: bold; color: #0a58ca; }
.source { margin-top: 1.2em; font-size: 14px; color: #6b6b6b; text-align: left; }
.section { font-size: 12px; color: #8a8a8a; }
.nightMode.card, .nightMode .card, .night_mode.card, .night_mode .card {
  color: #e6e6e6; background: #1e1e1e;
}
.nightMode .cloze, .night_mode .cloze { color: #7fb3ff; }
.nightMode .source, .night_mode .source { color: #a0a0a0; }
.nightMode .section, .night_mode .section { color: #8c8c8c; }
"""

# Shown small under every answer so the learner can find where the fact came from.
_SOURCE_HTML = ('{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
                '{{#Section}}<div class="section">{{Section}}</div>{{/Section}}')

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID, "TalkCards Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}, {"name": "Section"}],
    templates=[{
        "name": "Card 1",
        "qfmt": "{{Front}}",
        "afmt": '{{FrontSide}}<hr id="answer"><div class="back">{{Back}}</div>' + _SOURCE_HTML,
    }],
    css=CSS,
)

CLOZE_MODEL = genanki.Model(
    CLOZE_MODEL_ID, "TalkCards Cloze",
    fields=[{"name": "Text"}, {"name": "Back Extra"}, {"name": "Source"}, {"name": "Section"}],
    templates=[{
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": ('{{cloze:Text}}{{#Back Extra}}<div class="extra">{{Back Extra}}</div>'
                 '{{/Back Extra}}' + _SOURCE_HTML),
    }],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


class TalkCardsNote(genanki.Note):
    """A note whose `mod` (and its cards' `mod`) is the card's own last edit time.

    genanki stamps every note with the package's export time, which would make Anki's
    "update if newer" overwrite edits the user made in Anki after our last edit.
    """

    def __init__(self, *args: object, mod: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.mod = mod

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int,
                    id_gen: Iterator[int]) -> None:
        # genanki uses `timestamp` only for the `mod` columns; ids come from id_gen.
        super().write_to_db(cursor, self.mod, deck_id, id_gen)


def deck_id(document: Document, deck_name: str) -> int:
    """A deck id that depends only on the document and the deck's name within it."""
    digest = hashlib.sha1(f"talkcards-deck\x1f{document.id}\x1f{deck_name}".encode()).digest()
    return (1 << 31) + int.from_bytes(digest[:8], "big") % ((1 << 62) - (1 << 31))


def make_note(card: Card, position: int, include_suspended: bool) -> TalkCardsNote:
    """The genanki note for one card; `position` orders new cards in reading order."""
    model = CLOZE_MODEL if card.kind == CLOZE else BASIC_MODEL
    note = TalkCardsNote(model=model, fields=note_fields(card), tags=card_tags(card),
                         guid=genanki.guid_for(GUID_NAMESPACE, card.id),
                         due=position, mod=int(card.modified_at))
    if include_suspended and card.suspended:
        for anki_card in note.cards:
            anki_card.suspend = True
    return note


def build_decks(sources: Iterable[DeckSource], include_suspended: bool) -> list[genanki.Deck]:
    """One parent deck per document plus a sub-deck per top-level section with cards."""
    decks: dict[str, genanki.Deck] = {}
    positions = itertools.count()
    for source in sources:
        document = source.document
        parent = document_deck(document)
        decks.setdefault(parent, genanki.Deck(deck_id(document, parent), parent))
        for card in exported_cards(source, include_suspended):
            name = card_deck(document, card)
            deck = decks.setdefault(name, genanki.Deck(deck_id(document, name), name))
            deck.add_note(make_note(card, next(positions), include_suspended))
    return list(decks.values())


def _write_package(decks: list[genanki.Deck], handle: BinaryIO) -> None:
    # Package.write_to_file leaves its temporary SQLite file behind in the system temp
    # folder on every call; build the collection in a folder we clean up instead.
    package = genanki.Package(decks)
    timestamp = time.time()  # only for note/card ids (Anki's "added" date) and model mod
    with tempfile.TemporaryDirectory(prefix="talkcards-apkg-") as folder:
        db_path = os.path.join(folder, "collection.anki2")
        conn = sqlite3.connect(db_path)
        try:
            package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_path, "collection.anki2")
            archive.writestr("media", json.dumps({}))


def export_apkg(sources: Iterable[DeckSource], out_path: str | os.PathLike[str],
                include_suspended: bool = False) -> int:
    """Write the cards of `sources` to an Anki package.

    Args:
        sources: documents with their cards; each document becomes a deck.
        out_path: the .apkg file to create or replace (atomically).
        include_suspended: also export suspended cards, marked suspended (Anki keeps
            the mark only when the user imports scheduling).

    Returns:
        The number of notes written.
    """
    decks = build_decks(sources, include_suspended)
    write_atomically(Path(out_path), lambda handle: _write_package(decks, handle))
    return sum(len(deck.notes) for deck in decks)
