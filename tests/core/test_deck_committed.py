"""The committed deck of the bundled talk is what `make deck` would build from today's code.

genanki packages are not byte-stable (ids and the model's mod come from the clock) and
`sources_from_file` stamps notes with the talk file's mtime, which a checkout changes;
so both decks are imported into Anki and compared note by note, without mod times.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from desktop.app import main
from desktop.core.resources import BUNDLED_TALK, resource_path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED_DECK = ROOT / "decks" / "talkcards-bundled-talk.apkg"

Note = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # guid, note type, fields, tags


def notes_of(package: Path, folder: Path) -> set[Note]:
    """The notes Anki sees when a user imports `package` into a fresh collection."""
    folder.mkdir()
    col = AnkiCollection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)))
        notes = (col.get_note(nid) for nid in col.find_notes(""))
        return {(note.guid, note.note_type()["name"], tuple(note.fields), tuple(sorted(note.tags)))
                for note in notes}
    finally:
        col.close()


def test_committed_deck_matches_a_fresh_export(tmp_path: Path, capsys) -> None:
    if not COMMITTED_DECK.exists():
        pytest.skip(f"{COMMITTED_DECK.relative_to(ROOT)} does not exist yet: run make deck and commit it")
    fresh = tmp_path / "fresh.apkg"
    # The same command `make deck` runs.
    assert main(["export", str(resource_path(BUNDLED_TALK)), "-o", str(fresh), "--format", "apkg"]) == 0
    capsys.readouterr()

    committed_notes = notes_of(COMMITTED_DECK, tmp_path / "committed")
    fresh_notes = notes_of(fresh, tmp_path / "fresh")

    stale = sorted(committed_notes - fresh_notes)[:3]
    missing = sorted(fresh_notes - committed_notes)[:3]
    assert committed_notes == fresh_notes, (
        f"decks/ is out of date: run make deck. Only committed: {stale}; only fresh: {missing}")
