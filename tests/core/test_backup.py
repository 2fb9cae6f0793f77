"""Backups and recovery: what a user gets back after a damaged file, a bad session or an upgrade."""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core import backup, migrations
from desktop.core import collection as collection_module
from desktop.core.check import check_collection
from desktop.core.collection import FILE_NAME, Collection, CollectionError
from desktop.core.library import import_path
from desktop.core.recovery import damage, open_collection, restore_backup
from desktop.core.review import ReviewSession
from desktop.core.schedule import Study

TALK = ("茶的学问\n\n1. 种类\n\n绿茶是不发酵茶，杀青在采摘后立即进行。红茶是全发酵茶，产于福建武夷山。\n\n"
        "2. 冲泡\n\n冲泡绿茶的水温约为80摄氏度。乌龙茶适合用100摄氏度的沸水冲泡。\n")
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def studied(folder: Path, reviews: int = 2) -> Collection:
    """A collection with the talk imported and `reviews` answers given."""
    (folder / "talk.txt").write_text(TALK, encoding="utf-8")
    collection = Collection.in_folder(folder)
    import_path(collection, folder / "talk.txt", NOW)
    session = ReviewSession(collection, Study(), clock=lambda: NOW)
    for _ in range(reviews):
        session.answer(3, duration_ms=4000)
    return collection


def counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as connection:
        return (connection.execute("SELECT count(*) FROM cards").fetchone()[0],
                connection.execute("SELECT count(*) FROM reviews").fetchone()[0])


def test_a_backup_is_a_complete_sound_copy_named_for_its_reason(tmp_path: Path) -> None:
    collection = studied(tmp_path)
    made = collection.backup("manual")
    assert made.path.parent == tmp_path / "backups" and made.path.name.endswith("-manual.db")
    assert backup.healthy(made.path)
    assert not list(made.path.parent.glob("*-wal"))  # self-contained: no WAL beside it
    held = backup.contents(made.path)
    assert (held.documents, held.cards, held.reviews) == (1, collection.card_count(), 2)
    assert backup.listing(tmp_path / "backups")[0] == made
    collection.close()


def test_studying_backs_up_at_most_every_half_hour(tmp_path: Path) -> None:
    collection = studied(tmp_path, reviews=3)
    assert [b.reason for b in backup.listing(collection.backup_folder)] == ["study"]  # the first answer
    collection.close()


def test_deleting_and_reimporting_back_up_first_and_unchanged_data_is_not_copied_twice(tmp_path: Path) -> None:
    collection = studied(tmp_path)
    ids = collection.find_card_ids()
    collection.delete_cards(ids[:1])
    collection.delete_cards([])  # nothing to delete: no backup
    import_path(collection, tmp_path / "talk.txt", NOW)  # the same text again: only the backup before it differs
    collection.close(backup_first=True)  # nothing changed since the re-import's backup: no copy
    reasons = [b.reason for b in backup.listing(tmp_path / "backups")]
    assert reasons == ["reimport", "delete", "study"]
    deleted_backup = backup.listing(tmp_path / "backups")[1].path
    assert counts(deleted_backup)[0] == len(ids)  # taken before the delete
    assert counts(backup.listing(tmp_path / "backups")[0].path)[0] == len(ids)


def test_an_interrupted_backup_is_never_listed_and_is_cleared_later(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    half = folder / ".collection-20260601T120000-close.db.tmp"
    half.write_bytes(b"SQLite format 3\x00half")
    assert backup.listing(folder) == []
    backup.prune(folder, datetime.now(timezone.utc))
    assert half.exists()  # it may still be being written
    backup.prune(folder, datetime.now(timezone.utc) + timedelta(hours=2))
    assert not half.exists()


def test_rotation_keeps_the_newest_then_one_a_day_for_a_week_then_one_a_week(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stamps = [NOW - timedelta(hours=6 * n) for n in range(4 * 60)]  # four a day for 60 days
    for stamp in stamps:
        (folder / f"collection-{stamp:%Y%m%dT%H%M%S}-study.db").write_bytes(b"")
    backup.prune(folder, NOW)
    kept = [b.taken_at for b in backup.listing(folder)]
    assert kept[:backup.KEEP_RECENT] == stamps[:backup.KEEP_RECENT]
    days = {int((NOW - t) / timedelta(days=1)) for t in kept if NOW - t < timedelta(days=7)}
    assert days == set(range(7))
    weeks = {int((NOW - t) / timedelta(weeks=1)) for t in kept}
    assert weeks == set(range(backup.KEEP_WEEKS))
    assert len(kept) <= backup.KEEP_RECENT + backup.KEEP_DAYS + backup.KEEP_WEEKS


@pytest.mark.parametrize("damage_kind", ["half", "random"])
def test_a_damaged_collection_is_kept_aside_and_the_newest_backup_restored(tmp_path: Path, damage_kind: str) -> None:
    collection = studied(tmp_path)
    documents = collection.documents()
    collection.close(backup_first=True)
    path = tmp_path / FILE_NAME
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2] if damage_kind == "half" else os.urandom(len(data)))
    broken = path.read_bytes()
    assert damage(path)
    reopened, recovery = open_collection(tmp_path)
    assert recovery is not None and recovery.restored is not None
    assert recovery.damaged_path.read_bytes() == broken  # never deleted or overwritten
    assert recovery.damaged_path.parent == tmp_path
    assert [d["id"] for d in reopened.documents()] == [d["id"] for d in documents]
    assert len(reopened.reviews()) == 2
    assert "was restored" in recovery.message() and "2 reviews" in recovery.message()
    reopened.close()


def test_without_a_backup_a_damaged_file_is_kept_and_an_empty_collection_starts(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    reopened, recovery = open_collection(tmp_path)
    assert recovery.restored is None and "No backup" in recovery.message()
    assert reopened.documents() == []
    assert recovery.damaged_path.read_bytes() == b"this is not a database" * 100
    reopened.close()


def test_the_user_may_decline_the_backup(tmp_path: Path) -> None:
    studied(tmp_path).close(backup_first=True)
    (tmp_path / FILE_NAME).write_bytes(os.urandom(4096))
    asked = []
    reopened, recovery = open_collection(tmp_path, choose=lambda problem, offered: asked.append(offered) or False)
    assert asked and asked[0].reason == "close"
    assert recovery.restored is None and reopened.documents() == []
    reopened.close()


def test_a_sound_collection_opens_without_recovery(tmp_path: Path) -> None:
    studied(tmp_path).close()
    reopened, recovery = open_collection(tmp_path)
    assert recovery is None and len(reopened.reviews()) == 2
    reopened.close()


def test_a_schema_migration_backs_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    studied(tmp_path).close()

    def m999_add_notes(db) -> None:
        db["cards"].add_column("note", str)

    monkeypatch.setattr(migrations.migrations, "_migrations",
                        [*migrations.migrations._migrations, migrations.migrations._Migration("m999_add_notes", m999_add_notes)])
    monkeypatch.setattr(collection_module, "SCHEMA_VERSION", collection_module.SCHEMA_VERSION + 1)  # as a release bumps it
    reopened = Collection.in_folder(tmp_path)
    before = [b for b in backup.listing(tmp_path / "backups") if b.reason == "migration"]
    assert len(before) == 1
    with sqlite3.connect(before[0].path) as old:
        assert "note" not in [row[1] for row in old.execute("PRAGMA table_info(cards)")]
    assert "note" in reopened.db["cards"].columns_dict
    reopened.close()


def test_a_folder_that_cannot_hold_the_file_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x")
    with pytest.raises(CollectionError, match="cannot be opened"):
        Collection.in_folder(blocker)


def test_a_backup_that_cannot_be_written_does_not_stop_the_delete(tmp_path: Path, caplog) -> None:
    collection = studied(tmp_path, reviews=0)
    (tmp_path / "backups").write_text("a file where the folder should be")
    ids = collection.find_card_ids()
    collection.delete_cards(ids[:1])
    assert collection.find_card_ids() == ids[1:]
    assert "could not back up" in caplog.text
    collection.close()


def test_check_collection_repairs_broken_links_and_the_search_index(tmp_path: Path) -> None:
    collection = studied(tmp_path)
    first, second, third = collection.find_card_ids()[:3]
    word = collection.row_for_id(first)["source"][:4]
    db = collection.db
    db.execute("PRAGMA foreign_keys=OFF")  # what another tool editing the file could leave behind
    with collection.writing():
        db.execute("INSERT INTO reviews (card_id, reviewed_at, rating) VALUES ('gone', '2026-01-01', 3)")
        db.execute("UPDATE cards SET section_id = 'nowhere' WHERE id = ?", [second])
        db.execute("UPDATE cards SET fsrs = '{broken', state = 2 WHERE id = ?", [third])
        db.execute("INSERT INTO cards_fts(cards_fts) VALUES ('delete-all')")
    assert collection.find_card_ids(word) == []
    report = check_collection(collection)
    assert report.sound
    assert report.lines() == [
        "The file is sound.",
        "1 reviews of cards that no longer exist were removed.",
        "1 cards whose section was missing were moved to their document's first section.",
        "1 cards with an unreadable schedule were reset to new.",
        "The search index was rebuilt.",
    ]
    assert first in collection.find_card_ids(word)
    assert collection.row_for_id(second)["section_id"] == collection.document(collection.documents()[0]["id"]).sections[0].id
    assert collection.row_for_id(third)["state"] == 0
    assert check_collection(collection).lines() == ["The file is sound.", "Nothing needed repair.",
                                                    "The search index was rebuilt."]
    collection.close()


def test_restoring_a_backup_brings_its_data_back_and_keeps_todays_as_a_backup(tmp_path: Path) -> None:
    collection = studied(tmp_path)
    old = collection.backup("manual")
    session = ReviewSession(collection, Study(), clock=lambda: NOW)
    session.answer(3, duration_ms=3000)
    assert len(collection.reviews()) == 3
    restored = restore_backup(collection, old)
    assert collection.closed and len(restored.reviews()) == 2
    newest = backup.listing(restored.backup_folder)[0]
    assert newest.reason == "restore" and backup.contents(newest.path).reviews == 3
    restored.close()


def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    collection = studied(tmp_path)
    bad = collection.backup("manual")
    bad.path.write_bytes(b"garbage" * 500)
    with pytest.raises(CollectionError, match="damaged"):
        restore_backup(collection, bad)
    assert len(collection.reviews()) == 2
    collection.close()
