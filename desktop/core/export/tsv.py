"""Export cards as a tab-separated text file that Anki's text importer reads unattended.

The file headers tell Anki everything it would otherwise ask: the separator, that
fields are HTML, and which columns hold each row's GUID, note type, deck and tags.
Per-row note type and deck columns let basic and cloze notes share one file. The note
types are named like the .apkg's, and the GUIDs are the same, so importing this file
updates notes that came from an .apkg instead of duplicating them.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Iterable

import genanki

from desktop.core.card import CLOZE, Card
from desktop.core.document import Document
from desktop.core.export.anki import BASIC_MODEL, CLOZE_MODEL, GUID_NAMESPACE
from desktop.core.export.atomic import write_atomically
from desktop.core.export.source import (
    DeckSource, card_deck, card_tags, exported_cards, note_fields,
)

# 1-based column numbers, as Anki's headers count them. The note type leads each row:
# Anki skips any line starting with "#" as a comment, and a GUID (base91) or a deck
# name may start with "#", while our note type names never do.
HEADERS = (
    "#separator:tab",
    "#html:true",
    "#notetype column:1",
    "#deck column:2",
    "#guid column:3",
    "#tags column:8",
)


def tsv_row(document: Document, card: Card) -> list[str]:
    """One note: note type, deck, GUID, the four fields, then space-separated tags."""
    model = CLOZE_MODEL if card.kind == CLOZE else BASIC_MODEL
    return [model.name, card_deck(document, card), genanki.guid_for(GUID_NAMESPACE, card.id),
            *note_fields(card), " ".join(card_tags(card))]


def tsv_text(sources: Iterable[DeckSource], include_suspended: bool = False) -> tuple[str, int]:
    """The whole file as text and the number of notes in it."""
    buffer = io.StringIO()
    buffer.write("\n".join(HEADERS) + "\n")
    # Quotes only a field holding a tab (or a quote in a deck name); fields have no newlines.
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    count = 0
    for source in sources:
        for card in exported_cards(source, include_suspended):
            writer.writerow(tsv_row(source.document, card))
            count += 1
    return buffer.getvalue(), count


def export_tsv(sources: Iterable[DeckSource], out_path: str | os.PathLike[str],
               include_suspended: bool = False) -> int:
    """Write the cards of `sources` to an Anki-importable tab-separated file (UTF-8).

    Args:
        sources: documents with their cards.
        out_path: the file to create or replace (atomically).
        include_suspended: also export suspended cards.

    Returns:
        The number of notes written.
    """
    text, count = tsv_text(sources, include_suspended)
    write_atomically(Path(out_path), lambda handle: handle.write(text.encode("utf-8")))
    return count
