"""The single storage façade over the collection file (SQLite through sqlite-utils).

The GUI and the command line ask this class for ids and rows; nothing else writes SQL.
Every change that touches several rows runs in one transaction, and the file is in WAL
mode, so a crash or a kill mid-review never leaves a half-written collection.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from desktop.core import backup
from desktop.core.card import Card
from desktop.core.document import Document, Section, Sentence
from desktop.core.migrations import migrate

FILE_NAME = "collection.db"
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another; imports hold the lock for well under a second
SORTABLE = {"position": "d.imported_at, c.document_id, c.position", "front": "c.front", "back": "c.back",
            "kind": "c.kind", "section": "c.section", "due": "c.due IS NULL, c.due", "rule": "c.rule"}
_PROBE_BYTES = 64 * 1024  # a write this size fails on a disk too full for SQLite to work
_FTS_MIN = 3  # the trigram tokenizer needs three characters; shorter queries use LIKE


log = logging.getLogger(__name__)


class CollectionError(Exception):
    """The collection file cannot be used for a reason the user can act on; one sentence."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times in the collection are timezone-aware UTC")
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


@dataclass
class ImportResult:
    document_id: str
    added: int
    kept: int
    retired: int


class Collection:
    """One user's documents, cards and reviews in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.closed = False
        self.backup_folder = backup.folder_for(self.path)
        self._last_backup: datetime | None = None  # read from the folder when first needed
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # several connections may write (the GUI and one background job): wait for each other, up to a point
            self.db = sqlite_utils.Database(sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT,
                                                            check_same_thread=False))
            self.db.execute("PRAGMA journal_mode=WAL")
            # FULL: each commit (each answer) is synced to disk, so not even a power cut loses a review
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            migrate(self.db, before=lambda: self.backup("migration"))
        except (OSError, sqlite3.OperationalError) as error:  # a read-only folder, a full disk, a lock
            raise storage_error(self.path, error) from error

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, taking the write lock up front.

        A deferred transaction that reads first and writes later fails at once ("database is locked")
        when another connection wrote in between; BEGIN IMMEDIATE waits for the lock instead.
        Nested use joins the outer transaction.
        """
        if self.db.conn.in_transaction:
            yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.execute("ROLLBACK")
            raise
        self.db.conn.execute("COMMIT")

    @classmethod
    def in_folder(cls, data_dir: str | Path) -> "Collection":
        return cls(Path(data_dir) / FILE_NAME)

    def close(self, backup_first: bool = False) -> None:
        """Close the file (checkpointing the WAL); closing twice is harmless.

        Args:
            backup_first: back the collection up first, if it changed since the newest backup
                (the app does this when its window closes).
        """
        if self.closed:
            return
        if backup_first:
            self.backup("close", only_if_changed=True)
        self.db.conn.close()
        self.closed = True

    # ----- backups ---------------------------------------------------------------------------

    def backup(self, reason: str, only_if_changed: bool = False) -> backup.Backup | None:
        """Copy the collection into its backups folder now (and rotate the old ones).

        A backup that cannot be written (a full disk, a read-only folder) is logged and skipped:
        it must never stop the user's own work.

        Returns:
            The new backup, or None when none was taken.
        """
        take = backup.take_if_changed if only_if_changed else backup.take
        try:
            made = take(self.db.conn, self.backup_folder, reason, utc_now())
        except (OSError, sqlite3.Error) as error:
            log.warning("could not back up the collection before %s: %s", reason, error)
            return None
        self._last_backup = utc_now()
        return made

    def backup_if_due(self) -> backup.Backup | None:
        """While studying: a backup when the last one is older than `backup.STUDY_INTERVAL`."""
        if self._last_backup is None:
            newest = next(iter(backup.listing(self.backup_folder)), None)
            self._last_backup = newest.taken_at if newest else datetime.min.replace(tzinfo=timezone.utc)
        if utc_now() - self._last_backup < backup.STUDY_INTERVAL:
            return None
        return self.backup("study", only_if_changed=True)

    # ----- documents -------------------------------------------------------------------------

    def import_document(self, document: Document, cards: list[Card], now: datetime | None = None) -> ImportResult:
        """Store a document and its generated cards in one transaction.

        Re-importing keeps every card whose id is unchanged (its edits and review history),
        adds new ones, and retires cards whose fact vanished from the text.

        Args:
            document: the parsed document.
            cards: its generated cards.
            now: the import time (UTC), injectable for tests.
        Returns:
            Counts of added, kept and retired cards.
        """
        stamp = iso(now or utc_now())
        if self._has_document(document.id):
            self.backup("reimport", only_if_changed=True)
        with self.writing():
            self._store_document(document, stamp)
            existing = {row["id"]: row for row in self.db.query(
                "SELECT id, edited, retired_at, front, back FROM cards WHERE document_id = ? AND rule != 'manual'",
                [document.id])}
            self._store_cards(cards, existing, stamp)
            fresh = {c.id for c in cards}
            vanished = [cid for cid, row in existing.items() if row["retired_at"] is None and cid not in fresh]
            self.db.conn.executemany("UPDATE cards SET retired_at = ? WHERE id = ?", [(stamp, cid) for cid in vanished])
        kept = sum(1 for c in cards if c.id in existing)
        return ImportResult(document.id, len(cards) - kept, kept, len(vanished))

    def _store_document(self, document: Document, stamp: str) -> None:
        previous = self.db["documents"].get(document.id) if self._has_document(document.id) else None
        self.db["documents"].upsert({
            "id": document.id, "title": document.title, "language": document.language,
            "source_path": document.source_path, "text": document.text,
            "imported_at": previous["imported_at"] if previous else stamp, "updated_at": stamp,
        }, pk="id")
        self.db.execute("DELETE FROM sections WHERE document_id = ?", [document.id])
        rows = []
        for position, section in enumerate(document.walk()):
            parent = document.parent_of(section.id)
            rows.append({
                "id": section.id, "document_id": document.id, "parent_id": parent.id if parent else None,
                "position": position, "number": section.number, "title": section.title, "level": section.level,
                "start": section.start, "end": section.end, "paragraphs": json.dumps(section.paragraphs, ensure_ascii=False),
                "sentences": json.dumps([[s.text, s.start, s.end] for s in section.sentences], ensure_ascii=False),
            })
        self.db["sections"].insert_all(rows, pk="id", replace=True)

    def _has_document(self, document_id: str) -> bool:
        return bool(list(self.db.query("SELECT 1 FROM documents WHERE id = ?", [document_id])))

    def _store_cards(self, cards: list[Card], existing: dict[str, dict], stamp: str) -> None:
        """Insert new cards in bulk; move kept ones to their new place (and wording, unless the user edited it)."""
        new_rows, updates = [], []
        for position, card in enumerate(cards):
            placement = {"document_id": card.document_id, "section_id": card.section_id, "section": card.section,
                         "position": position, "source": card.source, "source_start": card.source_start,
                         "source_end": card.source_end}
            old = existing.get(card.id)
            if old is None:
                new_rows.append({"id": card.id, "kind": card.kind, "front": card.front, "back": card.back,
                                 "rule": card.rule, "created_at": stamp, "modified_at": stamp, "edited": 0,
                                 "suspended": 0, "deleted_at": None, "retired_at": None, **placement})
                continue
            reworded = not old["edited"] and (old["front"], old["back"]) != (card.front, card.back)
            updates.append((*placement.values(), card.front if reworded else old["front"],
                            card.back if reworded else old["back"], stamp if reworded else None, card.id))
        self.db["cards"].insert_all(new_rows, pk="id", batch_size=1000)
        # a reworded card gets a new edit time, so Anki's "update if newer" takes the new wording
        self.db.conn.executemany(
            "UPDATE cards SET document_id = ?, section_id = ?, section = ?, position = ?, source = ?, "
            "source_start = ?, source_end = ?, front = ?, back = ?, modified_at = coalesce(?, modified_at), "
            "retired_at = NULL WHERE id = ?", updates)

    def documents(self) -> list[dict]:
        """id, title, language, card count of every document, in import order."""
        return list(self.db.query(
            "SELECT d.id, d.title, d.language, d.source_path, d.imported_at, "
            "(SELECT count(*) FROM cards c WHERE c.document_id = d.id AND c.retired_at IS NULL "
            " AND c.deleted_at IS NULL) AS cards FROM documents d ORDER BY d.imported_at, d.title"))

    def document(self, document_id: str) -> Document:
        """Rebuild a stored document's outline tree."""
        row = self.db["documents"].get(document_id)
        document = Document(id=row["id"], title=row["title"], language=row["language"], text=row["text"],
                            source_path=row["source_path"])
        by_id: dict[str, Section] = {}
        for r in self.db.query("SELECT * FROM sections WHERE document_id = ? ORDER BY position", [document_id]):
            section = Section(id=r["id"], number=r["number"], title=r["title"], level=r["level"],
                              paragraphs=json.loads(r["paragraphs"]), start=r["start"], end=r["end"],
                              sentences=[Sentence(*s) for s in json.loads(r["sentences"])])
            by_id[section.id] = section
            parent = by_id.get(r["parent_id"])
            (parent.children if parent else document.sections).append(section)
        return document

    def subtree_ids(self, section_id: str) -> list[str]:
        """A section's id and the ids of all sections below it."""
        return [r["id"] for r in self.db.query(
            "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT s.id FROM sections s JOIN t ON s.parent_id = t.id) "
            "SELECT id FROM t", [section_id])]

    # ----- cards -----------------------------------------------------------------------------

    def find_card_ids(self, query: str = "", document_id: str | None = None, section_id: str | None = None,
                      order: str = "position", descending: bool = False, include_suspended: bool = True) -> list[str]:
        """Ids of the live cards that match, in the order asked.

        Args:
            query: words to find in front, back or source (full-text search); "" for all.
            document_id: only this document's cards.
            section_id: only this section's cards and its subsections'.
            order: a key of SORTABLE.
            descending: reverse the order.
            include_suspended: whether suspended cards are listed.
        Returns:
            Card ids.
        """
        where, params = self._scope(query, document_id, section_id, include_suspended)
        direction = "DESC" if descending else "ASC"
        order_by = ", ".join(f"{term} {direction}" for term in SORTABLE.get(order, SORTABLE["position"]).split(", "))
        sql = (f"SELECT c.id FROM cards c JOIN documents d ON d.id = c.document_id WHERE {' AND '.join(where)} "
               f"ORDER BY {order_by}, c.position")
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    def _scope(self, query: str, document_id: str | None, section_id: str | None,
               include_suspended: bool) -> tuple[list[str], list]:
        """WHERE terms (over `cards c`) and their parameters for the live cards in a scope."""
        where, params = ["c.retired_at IS NULL", "c.deleted_at IS NULL"], []
        if not include_suspended:
            where.append("c.suspended = 0")
        if document_id:
            where.append("c.document_id = ?")
            params.append(document_id)
        if section_id:
            ids = self.subtree_ids(section_id)
            where.append(f"c.section_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if query.strip():
            self._match(query.strip(), where, params)
        return where, params

    def _match(self, query: str, where: list[str], params: list) -> None:
        for term in query.split():
            if len(term) >= _FTS_MIN:
                where.append("c.rowid IN (SELECT rowid FROM cards_fts WHERE cards_fts MATCH ?)")
                params.append('"' + term.replace('"', '""') + '"')
            else:
                where.append("(c.front LIKE ? ESCAPE '\\' OR c.back LIKE ? ESCAPE '\\' OR c.source LIKE ? ESCAPE '\\')")
                escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                params.extend([f"%{escaped}%"] * 3)

    def row_for_id(self, card_id: str) -> dict:
        """What a card table shows for one card."""
        return self.db["cards"].get(card_id)

    def card(self, card_id: str) -> Card:
        return _card_from_row(self.db["cards"].get(card_id))

    def cards_for_document(self, document_id: str, include_suspended: bool = True) -> list[Card]:
        ids = self.find_card_ids(document_id=document_id, include_suspended=include_suspended)
        return [self.card(cid) for cid in ids]

    def update_card(self, card_id: str, front: str | None = None, back: str | None = None,
                    now: datetime | None = None) -> None:
        """Save a user's edit; an edited card keeps its text on re-import."""
        changes = {k: v for k, v in (("front", front), ("back", back)) if v is not None}
        if changes:
            with self.writing():
                self.db["cards"].update(card_id, {**changes, "edited": 1, "modified_at": iso(now or utc_now())})

    def set_suspended(self, card_ids: list[str], suspended: bool, now: datetime | None = None) -> None:
        with self.writing():
            for cid in card_ids:
                self.db["cards"].update(cid, {"suspended": int(suspended), "modified_at": iso(now or utc_now())})

    def delete_cards(self, card_ids: list[str], now: datetime | None = None) -> None:
        """Delete cards softly, so `restore_cards` can undo it; reviews stay."""
        if card_ids:
            self.backup("delete", only_if_changed=True)
        with self.writing():
            for cid in card_ids:
                self.db["cards"].update(cid, {"deleted_at": iso(now or utc_now())})

    def restore_cards(self, card_ids: list[str]) -> None:
        with self.writing():
            for cid in card_ids:
                self.db["cards"].update(cid, {"deleted_at": None})

    def add_card(self, card: Card, now: datetime | None = None) -> str:
        """Add a card the user made (rule "manual"); it is never retired by a re-import."""
        stamp = iso(now or utc_now())
        with self.writing():
            position = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM cards WHERE document_id = ?",
                                       [card.document_id]).fetchone()[0]
            self.db["cards"].insert({
                "id": card.id, "document_id": card.document_id, "section_id": card.section_id,
                "section": card.section, "position": position, "kind": card.kind, "front": card.front,
                "back": card.back, "source": card.source, "source_start": card.source_start,
                "source_end": card.source_end, "rule": "manual", "created_at": stamp, "modified_at": stamp,
                "edited": 1, "suspended": 0, "deleted_at": None, "retired_at": None}, pk="id")
        return card.id

    def source_starts(self, document_id: str) -> list[int]:
        """Where the sentences that have live cards start (the reader highlights them)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT source_start FROM cards WHERE document_id = ? AND retired_at IS NULL "
            "AND deleted_at IS NULL", [document_id]).fetchall()]

    def card_ids_for_sentence(self, document_id: str, start: int) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM cards WHERE document_id = ? AND source_start = ? AND retired_at IS NULL "
            "AND deleted_at IS NULL ORDER BY position", [document_id, start]).fetchall()]

    def card_sections(self, document_id: str) -> dict[str, str]:
        """Section id of each live, unsuspended card of a document."""
        return dict(self.db.execute(
            "SELECT id, section_id FROM cards WHERE document_id = ? AND retired_at IS NULL "
            "AND deleted_at IS NULL AND suspended = 0", [document_id]).fetchall())

    def card_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM cards WHERE retired_at IS NULL AND deleted_at IS NULL").fetchone()[0]

    # ----- scheduling and reviews ------------------------------------------------------------

    def study_rows(self, document_id: str | None = None, section_id: str | None = None) -> list[dict]:
        """id, fsrs state JSON (None for a new card), state and due of the live, unsuspended cards in scope."""
        where, params = self._scope("", document_id, section_id, include_suspended=False)
        sql = (f"SELECT c.id, c.fsrs, c.state, c.due FROM cards c JOIN documents d ON d.id = c.document_id "
               f"WHERE {' AND '.join(where)} ORDER BY {SORTABLE['position']}")
        return [{"id": r[0], "fsrs": r[1], "state": r[2], "due": r[3]} for r in self.db.execute(sql, params)]

    def save_review(self, card_id: str, rating: int, reviewed_at: datetime, duration_ms: int | None,
                    state_after: str, due_after: datetime) -> int:
        """Append a review and move the card to its new state, in one transaction.

        Args:
            card_id: the card reviewed.
            rating: 1 Again … 4 Easy.
            reviewed_at: when (UTC).
            duration_ms: time spent answering.
            state_after: fsrs Card JSON after the review.
            due_after: the new due time (UTC).
        Returns:
            The review's row id.
        """
        after = json.loads(state_after)
        with self.writing():
            before = self.db.execute("SELECT fsrs FROM cards WHERE id = ?", [card_id]).fetchone()[0]
            review_id = self.db["reviews"].insert({
                "card_id": card_id, "reviewed_at": iso(reviewed_at), "rating": rating, "duration_ms": duration_ms,
                "state_before": before, "state_after": state_after, "due_after": iso(due_after)}).last_pk
            self._set_state(card_id, state_after, after)
        self.backup_if_due()
        return review_id

    def undo_last_review(self) -> str | None:
        """Remove the newest review and put its card back as it was; returns the card id (None if no reviews)."""
        with self.writing():
            row = self.db.execute("SELECT id, card_id, state_before FROM reviews ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                return None
            review_id, card_id, before = row
            self.db.execute("DELETE FROM reviews WHERE id = ?", [review_id])
            self._set_state(card_id, before, json.loads(before) if before else None)
        return card_id

    def _set_state(self, card_id: str, state_json: str | None, state: dict | None) -> None:
        self.db["cards"].update(card_id, {
            "fsrs": state_json, "state": state["state"] if state and state.get("last_review") else 0,
            "due": state["due"] if state else None, "stability": state.get("stability") if state else None,
            "difficulty": state.get("difficulty") if state else None,
            "last_review": state.get("last_review") if state else None})

    def reviews(self, since: datetime | None = None, document_id: str | None = None) -> list[dict]:
        """Review rows, oldest first (for statistics and the optimizer)."""
        sql = ("SELECT r.* FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?"
               + (" AND c.document_id = ?" if document_id else "") + " ORDER BY r.id")
        params = [iso(since) if since else ""] + ([document_id] if document_id else [])
        return list(self.db.query(sql, params))

    # ----- settings --------------------------------------------------------------------------

    def setting(self, key: str, default=None):
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [f"setting.{key}"]))
        return json.loads(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value) -> None:
        with self.writing():
            self.db["meta"].upsert({"key": f"setting.{key}", "value": json.dumps(value, ensure_ascii=False)}, pk="key")


def storage_error(path: Path, error: Exception, doing: str = "opened") -> CollectionError:
    """The sentence for a collection file that the disk, not its content, keeps from being used.

    SQLite says "unable to open database file" or "disk I/O error" for a read-only folder or a full
    disk; a small test write in the folder names the cause the user can act on.
    """
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return CollectionError(f"The collection {path} is busy: another program is writing to it.")
    return CollectionError(f"The collection {path} cannot be {doing}: {_cause(path.parent, error)}.")


def _cause(folder: Path, error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    try:
        with tempfile.TemporaryFile(dir=folder) as probe:
            probe.write(bytes(_PROBE_BYTES))
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as probe_error:  # "Read-only file system", "No space left on device", "Permission denied"
        return probe_error.strerror or str(probe_error)
    return str(error)


def _card_from_row(row: dict) -> Card:
    modified = datetime.fromisoformat(row["modified_at"]).timestamp() if row.get("modified_at") else 0.0
    return Card(id=row["id"], kind=row["kind"], front=row["front"], back=row["back"], section=row["section"],
                source=row["source"], rule=row["rule"], section_id=row["section_id"],
                source_start=row["source_start"], source_end=row["source_end"], document_id=row["document_id"],
                modified_at=modified, suspended=bool(row["suspended"]))
