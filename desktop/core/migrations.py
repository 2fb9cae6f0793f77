"""The collection's schema and its migration path (sqlite-utils' Migrations).

Each migration runs once, in a transaction, and is recorded in `_sqlite_migrations`;
`meta.schema_version` mirrors the count for people who open the file in Datasette.
Never edit a migration that has shipped: add a new one.
"""
from __future__ import annotations

from collections.abc import Callable

import sqlite_utils
from sqlite_utils.migrations import Migrations

migrations = Migrations("talkcards")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["documents"].create({"id": str, "title": str, "language": str, "source_path": str, "text": str,
                            "imported_at": str, "updated_at": str}, pk="id")
    db["sections"].create({"id": str, "document_id": str, "parent_id": str, "position": int, "number": str,
                           "title": str, "level": int, "start": int, "end": int, "paragraphs": str,
                           "sentences": str}, pk="id", foreign_keys=[("document_id", "documents", "id")])
    db["sections"].create_index(["document_id", "position"])
    db["cards"].create({
        "id": str, "document_id": str, "section_id": str, "section": str, "position": int,
        "kind": str, "front": str, "back": str, "source": str, "source_start": int, "source_end": int,
        "rule": str, "created_at": str, "modified_at": str, "edited": int, "suspended": int,
        "deleted_at": str, "retired_at": str,
        # scheduling: fsrs Card JSON plus the columns the study screens filter and sort on
        "fsrs": str, "state": int, "due": str, "stability": float, "difficulty": float, "last_review": str,
    }, pk="id", foreign_keys=[("document_id", "documents", "id")], not_null={"kind", "front", "back"},
        defaults={"edited": 0, "suspended": 0, "state": 0})
    db["cards"].create_index(["document_id", "position"])
    db["cards"].create_index(["section_id"])
    db["cards"].create_index(["due"])
    db["cards"].enable_fts(["front", "back", "source"], fts_version="FTS5", tokenize="trigram",
                           create_triggers=True)
    db["reviews"].create({"id": int, "card_id": str, "reviewed_at": str, "rating": int, "duration_ms": int,
                          "state_before": str, "state_after": str, "due_after": str},
                         pk="id", foreign_keys=[("card_id", "cards", "id")])
    db["reviews"].create_index(["card_id"])
    db["reviews"].create_index(["reviewed_at"])


@migrations()
def m002_study_loop(db: sqlite_utils.Database) -> None:
    """Triage of generated cards, burying, flags, tags, and documents renamed or deleted by the user."""
    # triage: NULL (a suggestion nobody looked at: studied as kept), 'kept' or 'dropped'
    db["cards"].add_column("triage", str)
    db["cards"].add_column("buried_until", str)  # UTC; hidden from reviews until then
    db["cards"].add_column("flag", int, not_null_default=0)  # Anki's flags: 0 none, 1 red … 4 blue
    db["cards"].add_column("tags", str, not_null_default="")  # space-separated, as Anki's
    db["documents"].add_column("tags", str, not_null_default="")
    db["documents"].add_column("renamed", int, not_null_default=0)  # a re-import keeps the user's title
    db["documents"].add_column("deleted_at", str)  # soft: undo restores it
    db["reviews"].add_column("buried", str)  # JSON ids of the siblings this answer buried; undo unburies them


@migrations()
def m003_fast_queries(db: sqlite_utils.Database) -> None:
    """Indexes for the review queue and for siblings; the search index touched only when card text changes."""
    # a review queue is three index ranges: new (state 0), learning (1, 3) and review (2) cards by due time
    db["cards"].create_index(["state", "due", "id"], find_unique_name=True)
    db["cards"].create_index(["document_id", "source_start"], find_unique_name=True)
    # sqlite-utils' trigger rewrote the card's search entry on every update (each answer, suspend, flag)
    db.execute("DROP TRIGGER IF EXISTS cards_au")
    db.execute('''CREATE TRIGGER "cards_au" AFTER UPDATE OF "front", "back", "source" ON "cards" BEGIN
  INSERT INTO "cards_fts" ("cards_fts", rowid, "front", "back", "source") VALUES('delete', old.rowid, old."front", old."back", old."source");
  INSERT INTO "cards_fts" (rowid, "front", "back", "source") VALUES (new.rowid, new."front", new."back", new."source");
END''')


@migrations()
def m004_source_places(db: sqlite_utils.Database) -> None:
    """Where a card's sentence is in a subtitle file's recording (seconds, and who speaks) or a PDF (page number)."""
    db["cards"].add_column("source_time", float)
    db["cards"].add_column("source_page", int)
    db["cards"].add_column("source_speaker", str)


def migrate(db: sqlite_utils.Database, before: Callable[[], object] | None = None) -> int:
    """Bring a collection file up to the current schema.

    Args:
        db: the collection.
        before: called before migrating a collection that already holds data (to back it up).
    Returns:
        The schema version (number of applied migrations).
    """
    if migrations.pending(db):
        if before is not None and migrations.applied(db):
            before()
        migrations.apply(db)
    version = len(migrations.applied(db))
    stored = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if stored is None or stored[0] != str(version):
        # written only after a migration: opening a collection must not take the write lock, or a
        # second connection opening while the first writes would fail
        with db.atomic():
            db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
    return version
