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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core import backup
from desktop.core.card import Card
from desktop.core.document import Document, Place, Section, Sentence

if TYPE_CHECKING:
    import sqlite_utils

FILE_NAME = "collection.db"
SCHEMA_VERSION = 4  # migrations.py's count (a test holds them equal): a current file opens without loading them
BUSY_TIMEOUT = 30.0  # seconds a writer waits for another; imports hold the lock for well under a second
SORTABLE = {"position": "d.imported_at, c.document_id, c.position", "front": "c.front", "back": "c.back",
            "kind": "c.kind", "section": "c.section", "due": "c.due IS NULL, c.due", "rule": "c.rule",
            "source": "d.imported_at, c.document_id, c.source_start, c.source_end"}  # reading order
_PROBE_BYTES = 64 * 1024  # a write this size fails on a disk too full for SQLite to work
_FTS_MIN = 3  # the trigram tokenizer needs three characters; shorter queries use LIKE
RELEVANCE = "relevance"  # an order: best matches of the search first
_CARD_WEIGHT = 4.0  # a word in a card's front or back ranks it above the same word in its source sentence
# The card conditions, over `cards c JOIN documents d`, defined once:
# listed (the card table): not retired by a re-import, not deleted, in a document not deleted;
LISTED = "c.retired_at IS NULL AND c.deleted_at IS NULL AND d.deleted_at IS NULL"
# studied (reviews, quizzes, exports): listed, and not dropped when the user sorted the suggestions.
NOT_DROPPED = "c.triage IS NOT 'dropped'"
KEPT, DROPPED = "kept", "dropped"
FLAGS = range(0, 5)  # Anki's: none, red, orange, green, blue


log = logging.getLogger(__name__)


class CollectionError(Exception):
    """The collection file cannot be used for a reason the user can act on; one sentence."""


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _utc_text(moment: datetime) -> str:
    """A time as fsrs writes due times (full precision, +00:00), so text comparison orders them."""
    if moment.tzinfo is None:
        raise ValueError("times in the collection are timezone-aware UTC")
    return moment.astimezone(timezone.utc).isoformat()


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

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        """Open (and create or migrate) the collection file.

        Args:
            path: the file.
            read_only: a connection for queries only (off the GUI thread): any write fails, and the
                file is neither created nor migrated; the GUI's own connection did that.
        """
        self.path = Path(path)
        self.closed = False
        self.backup_folder = backup.folder_for(self.path)
        self._last_backup: datetime | None = None  # read from the folder when first needed
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # several connections may write (the GUI and one background job): wait for each other, up to a point
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            # FULL: each commit (each answer) is synced to disk, so not even a power cut loses a review
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA recursive_triggers=ON")  # as sqlite-utils sets it: REPLACE fires delete triggers
            if read_only:
                self.conn.execute("PRAGMA query_only=ON")
            elif not _schema_is_current(self.conn):
                from desktop.core.migrations import migrate

                migrate(self.db, before=lambda: self.backup("migration"))
        except (OSError, sqlite3.OperationalError) as error:  # a read-only folder, a full disk, a lock
            raise storage_error(self.path, error) from error

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for writes and schema work.

        Made on first use: importing sqlite-utils (with click, dateutil and its plugin
        machinery) would cost a tenth of a second before the first window could paint.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def _query(self, sql: str, params: Sequence = ()) -> Iterator[dict]:
        """Rows as dicts, like `sqlite_utils.Database.query`, without loading it (reads on the start-up path)."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row))

    def _get(self, table: str, key: str) -> dict:
        """One row by id (`Table.get` without sqlite-utils); KeyError when there is none."""
        row = next(self._query(f"SELECT * FROM {table} WHERE {'key' if table == 'meta' else 'id'} = ?", [key]), None)
        if row is None:
            raise KeyError(f"no {table} row {key!r}")
        return row

    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, taking the write lock up front.

        A deferred transaction that reads first and writes later fails at once ("database is locked")
        when another connection wrote in between; BEGIN IMMEDIATE waits for the lock instead.
        Nested use joins the outer transaction.
        """
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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
        self.conn.close()
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
            made = take(self.conn, self.backup_folder, reason, utc_now())
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
            existing = {row["id"]: row for row in self._query(
                "SELECT id, edited, retired_at, front, back FROM cards WHERE document_id = ? AND rule != 'manual'",
                [document.id])}
            self._store_cards(cards, existing, stamp)
            fresh = {c.id for c in cards}
            vanished = [cid for cid, row in existing.items() if row["retired_at"] is None and cid not in fresh]
            self.conn.executemany("UPDATE cards SET retired_at = ? WHERE id = ?", [(stamp, cid) for cid in vanished])
        kept = sum(1 for c in cards if c.id in existing)
        return ImportResult(document.id, len(cards) - kept, kept, len(vanished))

    def _store_document(self, document: Document, stamp: str) -> None:
        previous = self._get("documents", document.id) if self._has_document(document.id) else None
        renamed = bool(previous and previous["renamed"])
        self.db["documents"].upsert({
            "id": document.id, "title": previous["title"] if renamed else document.title, "language": document.language,
            "source_path": document.source_path, "text": document.text,
            "imported_at": previous["imported_at"] if previous else stamp, "updated_at": stamp,
            "deleted_at": None,  # importing a deleted document again brings it back
        }, pk="id")
        self.conn.execute("DELETE FROM sections WHERE document_id = ?", [document.id])
        rows = []
        for position, section in enumerate(document.walk()):
            parent = document.parent_of(section.id)
            rows.append({
                "id": section.id, "document_id": document.id, "parent_id": parent.id if parent else None,
                "position": position, "number": section.number, "title": section.title, "level": section.level,
                "start": section.start, "end": section.end, "paragraphs": json.dumps(section.paragraphs, ensure_ascii=False),
                "sentences": json.dumps([_sentence_row(s) for s in section.sentences], ensure_ascii=False),
            })
        self.db["sections"].insert_all(rows, pk="id", replace=True)

    def _has_document(self, document_id: str) -> bool:
        return bool(list(self._query("SELECT 1 FROM documents WHERE id = ?", [document_id])))

    def _store_cards(self, cards: list[Card], existing: dict[str, dict], stamp: str) -> None:
        """Insert new cards in bulk; move kept ones to their new place (and wording, unless the user edited it)."""
        new_rows, updates = [], []
        for position, card in enumerate(cards):
            placement = {"document_id": card.document_id, "section_id": card.section_id, "section": card.section,
                         "position": position, "source": card.source, "source_start": card.source_start,
                         "source_end": card.source_end, **card.place_columns}
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
        self.conn.executemany(
            "UPDATE cards SET document_id = ?, section_id = ?, section = ?, position = ?, source = ?, "
            "source_start = ?, source_end = ?, source_time = ?, source_page = ?, source_speaker = ?, front = ?, back = ?, "
            "modified_at = coalesce(?, modified_at), "
            "retired_at = NULL WHERE id = ?", updates)

    def documents(self) -> list[dict]:
        """id, title, language, source path, tags and card count of every document, in import order."""
        return list(self._query(
            "SELECT d.id, d.title, d.language, d.source_path, d.imported_at, d.tags, "
            f"(SELECT count(*) FROM cards c WHERE c.document_id = d.id AND {LISTED} AND {NOT_DROPPED}) AS cards "
            "FROM documents d WHERE d.deleted_at IS NULL ORDER BY d.imported_at, d.title"))

    def rename_document(self, document_id: str, title: str) -> None:
        """The user's title; a re-import keeps it."""
        title = " ".join(title.split())
        if not title:
            raise ValueError("a document needs a title")
        with self.writing():
            self.db["documents"].update(document_id, {"title": title, "renamed": 1})

    def delete_document(self, document_id: str, now: datetime | None = None) -> None:
        """Delete a document softly (its cards and reviews stay in the file, so `restore_document` undoes it)."""
        self.backup("delete", only_if_changed=True)
        with self.writing():
            self.db["documents"].update(document_id, {"deleted_at": iso(now or utc_now())})

    def restore_document(self, document_id: str) -> None:
        with self.writing():
            self.db["documents"].update(document_id, {"deleted_at": None})

    def set_document_tags(self, document_id: str, tags: list[str]) -> None:
        """Tags for every card of a document (they reach Anki with each note)."""
        with self.writing():
            self.db["documents"].update(document_id, {"tags": join_tags(tags)})

    def document(self, document_id: str) -> Document:
        """Rebuild a stored document's outline tree."""
        row = self._get("documents", document_id)
        document = Document(id=row["id"], title=row["title"], language=row["language"], text=row["text"],
                            source_path=row["source_path"])
        by_id: dict[str, Section] = {}
        for r in self._query("SELECT * FROM sections WHERE document_id = ? ORDER BY position", [document_id]):
            section = Section(id=r["id"], number=r["number"], title=r["title"], level=r["level"],
                              paragraphs=json.loads(r["paragraphs"]), start=r["start"], end=r["end"],
                              sentences=[_sentence_from_row(s) for s in json.loads(r["sentences"])])
            by_id[section.id] = section
            parent = by_id.get(r["parent_id"])
            (parent.children if parent else document.sections).append(section)
        return document

    def subtree_ids(self, section_id: str) -> list[str]:
        """A section's id and the ids of all sections below it."""
        return [r["id"] for r in self._query(
            "WITH RECURSIVE t(id) AS (SELECT ? UNION SELECT s.id FROM sections s JOIN t ON s.parent_id = t.id) "
            "SELECT id FROM t", [section_id])]

    # ----- cards -----------------------------------------------------------------------------

    def find_card_ids(self, query: str = "", document_id: str | None = None, section_id: str | None = None,
                      order: str = "position", descending: bool = False, include_suspended: bool = True,
                      include_dropped: bool = True) -> list[str]:
        """Ids of the live cards that match, in the order asked.

        Args:
            query: words to find in front, back or source (full-text search); "" for all.
            document_id: only this document's cards.
            section_id: only this section's cards and its subsections'.
            order: a key of SORTABLE, or RELEVANCE: best matches of the query first, then "position".
            descending: reverse the order.
            include_suspended: whether suspended cards are listed.
            include_dropped: whether cards the user dropped from the suggestions are listed.
        Returns:
            Card ids.
        """
        if order == RELEVANCE:
            return self._ranked_ids(query, document_id, section_id, include_suspended, include_dropped)
        where, params = self._scope(query, document_id, section_id, include_suspended, include_dropped)
        direction = "DESC" if descending else "ASC"
        order_by = ", ".join(f"{term} {direction}" for term in SORTABLE.get(order, SORTABLE["position"]).split(", "))
        sql = (f"SELECT c.id FROM cards c JOIN documents d ON d.id = c.document_id WHERE {' AND '.join(where)} "
               f"ORDER BY {order_by}, c.position")
        return [row[0] for row in self.conn.execute(sql, params).fetchall()]

    def _ranked_ids(self, query: str, *scope) -> list[str]:
        """`find_card_ids` best matches first: bm25 over the words the full-text index matches, a card's
        front and back weighing more than its source sentence; when every word is too short for the
        index (LIKE), a match on the card itself before one in its source only. Ties in "position" order."""
        indexed = [term for term in query.split() if len(term) >= _FTS_MIN]
        short = " ".join(term for term in query.split() if len(term) < _FTS_MIN)
        where, params = self._scope(short, *scope)
        join, rank = "", ""
        if indexed:  # a join, not a subquery per row: bm25 row by row took seconds over 12,000 matches
            join = (f"JOIN (SELECT rowid AS hit, bm25(cards_fts, {_CARD_WEIGHT}, {_CARD_WEIGHT}, 1.0) AS score "
                    "FROM cards_fts WHERE cards_fts MATCH ?) h ON h.hit = c.rowid")
            params, rank = [" ".join(map(_phrase, indexed)), *params], "h.score, "
        elif short:
            on_card = [_contains(term, ("c.front", "c.back")) for term in short.split()]
            rank = "(" + " AND ".join(sql for sql, _ in on_card) + ") DESC, "
            params += [pattern for _, patterns in on_card for pattern in patterns]
        sql = (f"SELECT c.id FROM cards c JOIN documents d ON d.id = c.document_id {join} "
               f"WHERE {' AND '.join(where)} ORDER BY {rank}{SORTABLE['position']}")
        return [row[0] for row in self.conn.execute(sql, params).fetchall()]

    def count_cards(self, query: str = "", document_id: str | None = None, section_id: str | None = None) -> int:
        """How many cards `find_card_ids` lists for the same scope (dropped and suspended included)."""
        where, params = self._scope(query, document_id, section_id)
        return self._select("count(*)", where, params)[0][0]

    def _scope(self, query: str, document_id: str | None, section_id: str | None, include_suspended: bool = True,
               include_dropped: bool = True, unburied_at: datetime | None = None) -> tuple[list[str], list]:
        """WHERE terms (over `cards c JOIN documents d`) and their parameters for the listed cards in a scope."""
        where, params = [LISTED], []
        if not include_suspended:
            where.append("c.suspended = 0")
        if not include_dropped:
            where.append(NOT_DROPPED)
        if unburied_at is not None:
            where.append("(c.buried_until IS NULL OR c.buried_until <= ?)")
            params.append(iso(unburied_at))
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
                params.append(_phrase(term))
            else:
                sql, patterns = _contains(term, ("c.front", "c.back", "c.source"))
                where.append(sql)
                params.extend(patterns)

    def row_for_id(self, card_id: str) -> dict:
        """What a card table shows for one card."""
        return self._get("cards", card_id)

    def card(self, card_id: str) -> Card:
        return _card_from_row(self._get("cards", card_id))

    def cards(self, card_ids: Sequence[str]) -> list[Card]:
        """Many cards in one query, in the order asked (unknown ids are left out)."""
        rows = {row["id"]: row for row in self._query(
            "SELECT * FROM cards WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(list(card_ids))])}
        return [_card_from_row(rows[cid]) for cid in card_ids if cid in rows]

    def answer_texts(self, document_id: str | None = None, limit: int = -1) -> list[tuple[str, str, str]]:
        """(kind, front, back) of studied cards: the quiz's pool of distractors.

        Args:
            document_id: its cards come first (the most plausible wrong answers share a topic).
            limit: at most this many (-1: all); the rest of the collection in storage order.
        """
        return self._select("c.kind, c.front, c.back", [LISTED, NOT_DROPPED], [document_id, limit],
                            "ORDER BY c.document_id IS ? DESC, c.rowid LIMIT ?")

    def cards_for_document(self, document_id: str, include_suspended: bool = True) -> list[Card]:
        """The cards an export writes: not dropped, in reading order, with the document's tags added."""
        document_tags = split_tags(self._get("documents", document_id)["tags"])
        ids = self.find_card_ids(document_id=document_id, include_suspended=include_suspended, include_dropped=False)
        return [_card_from_row(self._get("cards", cid), document_tags) for cid in ids]

    def update_card(self, card_id: str, front: str | None = None, back: str | None = None,
                    now: datetime | None = None) -> None:
        """Save a user's edit; an edited card keeps its text on re-import."""
        changes = {k: v for k, v in (("front", front), ("back", back)) if v is not None}
        if changes:
            with self.writing():
                self.db["cards"].update(card_id, {**changes, "edited": 1, "modified_at": iso(now or utc_now())})

    def _set_column(self, card_ids: list[str], assignments: str, params: list) -> None:
        """One set-based UPDATE of many cards (the ids travel as one JSON array)."""
        with self.writing():
            self.conn.execute(f"UPDATE cards SET {assignments} WHERE id IN (SELECT value FROM json_each(?))",
                            [*params, json.dumps(list(card_ids))])

    def set_suspended(self, card_ids: list[str], suspended: bool, now: datetime | None = None) -> None:
        self._set_column(card_ids, "suspended = ?, modified_at = ?", [int(suspended), iso(now or utc_now())])

    def delete_cards(self, card_ids: list[str], now: datetime | None = None) -> None:
        """Delete cards softly, so `restore_cards` can undo it; reviews stay."""
        if card_ids:
            self.backup("delete", only_if_changed=True)
        self._set_column(card_ids, "deleted_at = ?", [iso(now or utc_now())])

    def restore_cards(self, card_ids: list[str]) -> None:
        self._set_column(card_ids, "deleted_at = NULL", [])

    def set_triage(self, card_ids: list[str], triage: str | None) -> None:
        """Keep or drop suggested cards (None: not looked at yet); a re-import leaves the choice alone."""
        if triage not in (KEPT, DROPPED, None):
            raise ValueError(f"unknown triage {triage!r}")
        self._set_column(card_ids, "triage = ?", [triage])

    def bury(self, card_ids: list[str], until: datetime | None) -> None:
        """Hide cards from reviews until a time (None: unbury)."""
        self._set_column(card_ids, "buried_until = ?", [iso(until) if until else None])

    def set_flag(self, card_ids: list[str], flag: int) -> None:
        if flag not in FLAGS:
            raise ValueError(f"flags are 0–4, not {flag}")
        self._set_column(card_ids, "flag = ?", [flag])

    def set_card_tags(self, card_ids: list[str], tags: list[str]) -> None:
        self._set_column(card_ids, "tags = ?, modified_at = ?", [join_tags(tags), iso(utc_now())])

    def pending_triage(self, document_id: str, section_id: str | None = None) -> list[str]:
        """Generated cards of a scope that nobody kept or dropped yet, in reading order."""
        where, params = self._scope("", document_id, section_id)
        sql = (f"SELECT c.id FROM cards c JOIN documents d ON d.id = c.document_id WHERE {' AND '.join(where)} "
               "AND c.triage IS NULL AND c.rule != 'manual' ORDER BY c.position")
        return [row[0] for row in self.conn.execute(sql, params)]

    def sibling_ids(self, card_id: str) -> list[str]:
        """The other listed cards made from the same sentence (Anki's siblings: one note's cards)."""
        sql = ("SELECT c.id FROM cards c JOIN documents d ON d.id = c.document_id "
               "JOIN cards me ON me.id = ? AND me.document_id = c.document_id AND me.source_start = c.source_start "
               f"WHERE c.id != me.id AND {LISTED} ORDER BY c.position")
        return [row[0] for row in self.conn.execute(sql, [card_id])]

    def add_card(self, card: Card, now: datetime | None = None) -> str:
        """Add a card the user made (rule "manual"); it is never retired by a re-import."""
        stamp = iso(now or utc_now())
        with self.writing():
            position = self.conn.execute("SELECT coalesce(max(position), -1) + 1 FROM cards WHERE document_id = ?",
                                       [card.document_id]).fetchone()[0]
            self.db["cards"].insert({
                "id": card.id, "document_id": card.document_id, "section_id": card.section_id,
                "section": card.section, "position": position, "kind": card.kind, "front": card.front,
                "back": card.back, "source": card.source, "source_start": card.source_start,
                "source_end": card.source_end, **card.place_columns, "rule": "manual", "created_at": stamp, "modified_at": stamp,
                "edited": 1, "suspended": 0, "deleted_at": None, "retired_at": None}, pk="id")
        return card.id

    def _select(self, columns: str, where: list[str], params: list, tail: str = "") -> list[tuple]:
        sql = f"SELECT {columns} FROM cards c JOIN documents d ON d.id = c.document_id WHERE {' AND '.join(where)} {tail}"
        return self.conn.execute(sql, params).fetchall()

    def source_starts(self, document_id: str) -> list[int]:
        """Where the sentences that have studied cards start (the reader highlights them)."""
        where, params = self._scope("", document_id, None, include_dropped=False)
        return [r[0] for r in self._select("DISTINCT c.source_start", where, params)]

    def card_ids_for_sentence(self, document_id: str, start: int) -> list[str]:
        where, params = self._scope("", document_id, None)
        return [r[0] for r in self._select("c.id", [*where, "c.source_start = ?"], [*params, start], "ORDER BY c.position")]

    def card_sections(self, document_id: str) -> dict[str, str]:
        """Section id of each studied card of a document (not suspended, not dropped)."""
        where, params = self._scope("", document_id, None, include_suspended=False, include_dropped=False)
        return dict(self._select("c.id, c.section_id", where, params))

    def card_count(self) -> int:
        """Listed cards of the whole collection."""
        return self._select("count(*)", [LISTED], [])[0][0]

    # ----- scheduling and reviews ------------------------------------------------------------

    def study_rows(self, document_id: str | None = None, section_id: str | None = None,
                   unburied_at: datetime | None = None) -> list[dict]:
        """id, fsrs state JSON (None for a new card), state, due, stability and last review of the studied cards.

        Args:
            document_id: only this document's cards.
            section_id: only this section's subtree.
            unburied_at: leave out cards buried beyond this time (a review queue passes now).
        """
        where, params = self._scope("", document_id, section_id, include_suspended=False, include_dropped=False,
                                    unburied_at=unburied_at)
        rows = self._select("c.id, c.fsrs, c.state, c.due, c.stability, c.last_review", where, params,
                            f"ORDER BY {SORTABLE['position']}")
        return [{"id": r[0], "fsrs": r[1], "state": r[2], "due": r[3], "stability": r[4], "last_review": r[5]}
                for r in rows]

    def study_queue(self, document_id: str | None, section_id: str | None, now: datetime, learn_ahead: datetime,
                    new_limit: int) -> tuple[list[tuple[str, str]], list[str], list[str]]:
        """A review queue as three indexed queries (no scheduler state is parsed).

        Args:
            document_id, section_id: the scope (None: the whole collection).
            now: the time; buried cards are left out until their time.
            learn_ahead: learning cards due up to this time are included.
            new_limit: at most this many new cards.
        Returns:
            (learning cards as (due, id) by due, due review ids most overdue first, new ids in reading order).
        """
        learning, due, new = self._queue_parts(document_id, section_id, now, learn_ahead)
        return (self._select("c.due, c.id", *learning, "ORDER BY c.due, c.id"),
                [r[0] for r in self._select("c.id", *due, "ORDER BY c.due, c.id")],
                [r[0] for r in self._select("c.id", new[0], [*new[1], new_limit],
                                            f"ORDER BY {SORTABLE['position']} LIMIT ?")])

    def study_counts(self, document_id: str | None, section_id: str | None, now: datetime, learn_ahead: datetime,
                     new_limit: int) -> tuple[int, int, int]:
        """What `study_queue` would hold, counted: (new, learning, due)."""
        learning, due, new = self._queue_parts(document_id, section_id, now, learn_ahead)
        new_count = self.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM cards c JOIN documents d ON d.id = c.document_id "
            f"WHERE {' AND '.join(new[0])} LIMIT ?)", [*new[1], new_limit]).fetchone()[0]
        return new_count, self._select("count(*)", *learning)[0][0], self._select("count(*)", *due)[0][0]

    def _queue_parts(self, document_id, section_id, now: datetime, learn_ahead: datetime):
        """(where, params) of the learning, due-review and new cards of a scope; `state` is fsrs's, 0 for new."""
        where, params = self._scope("", document_id, section_id, include_suspended=False, include_dropped=False,
                                    unburied_at=now)
        # `due` holds fsrs's ISO text in UTC: ordered as text the way the times are ordered
        return ((where + ["c.state IN (1, 3)", "c.due <= ?"], params + [_utc_text(learn_ahead)]),
                (where + ["c.state = 2", "c.due <= ?"], params + [_utc_text(now)]),
                (where + ["c.state = 0"], params))

    def save_review(self, card_id: str, rating: int, reviewed_at: datetime, duration_ms: int | None,
                    state_after: str, due_after: datetime, bury: Sequence[str] = (),
                    bury_until: datetime | None = None) -> int:
        """Append a review and move the card to its new state, in one transaction.

        Args:
            card_id: the card reviewed.
            rating: 1 Again … 4 Easy.
            reviewed_at: when (UTC).
            duration_ms: time spent answering.
            state_after: fsrs Card JSON after the review.
            due_after: the new due time (UTC).
            bury: cards buried by this answer (its siblings), in the same transaction.
            bury_until: until when.
        Returns:
            The review's row id.
        """
        after = json.loads(state_after)
        with self.writing():
            before = self.conn.execute("SELECT fsrs FROM cards WHERE id = ?", [card_id]).fetchone()[0]
            review_id = self.db["reviews"].insert({
                "card_id": card_id, "reviewed_at": iso(reviewed_at), "rating": rating, "duration_ms": duration_ms,
                "state_before": before, "state_after": state_after, "due_after": iso(due_after),
                "buried": json.dumps(list(bury)) if bury else None}).last_pk
            self._set_state(card_id, state_after, after)
            if bury:
                self.bury(list(bury), bury_until)
        self.backup_if_due()
        return review_id

    def undo_last_review(self) -> str | None:
        """Remove the newest review and put its card back as it was, its buried siblings unburied.

        Returns:
            The card id (None if there are no reviews).
        """
        with self.writing():
            row = self.conn.execute("SELECT id, card_id, state_before, buried FROM reviews ORDER BY id DESC LIMIT 1"
                                  ).fetchone()
            if row is None:
                return None
            review_id, card_id, before, buried = row
            self.conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])
            self._set_state(card_id, before, json.loads(before) if before else None)
            if buried:
                self.bury(json.loads(buried), None)
        return card_id

    def _set_state(self, card_id: str, state_json: str | None, state: dict | None) -> None:
        self.db["cards"].update(card_id, {
            "fsrs": state_json, "state": state["state"] if state and state.get("last_review") else 0,
            "due": state["due"] if state else None, "stability": state.get("stability") if state else None,
            "difficulty": state.get("difficulty") if state else None,
            "last_review": state.get("last_review") if state else None})

    def reviews_of(self, card_id: str) -> list[dict]:
        """One card's reviews, oldest first: time, rating, duration and the due date they gave."""
        return list(self._query("SELECT reviewed_at, rating, duration_ms, due_after FROM reviews "
                                  "WHERE card_id = ? ORDER BY id", [card_id]))

    def reviews(self, since: datetime | None = None, document_id: str | None = None) -> list[dict]:
        """Review rows, oldest first (for statistics and the optimizer)."""
        sql = ("SELECT r.* FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?"
               + (" AND c.document_id = ?" if document_id else "") + " ORDER BY r.id")
        params = [iso(since) if since else ""] + ([document_id] if document_id else [])
        return list(self._query(sql, params))

    # ----- settings --------------------------------------------------------------------------

    def setting(self, key: str, default=None):
        rows = list(self._query("SELECT value FROM meta WHERE key = ?", [f"setting.{key}"]))
        return json.loads(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value) -> None:
        """Store a setting; storing the value it already has writes nothing (no commit, no sync to disk)."""
        text = json.dumps(value, ensure_ascii=False)
        stored = self.conn.execute("SELECT value FROM meta WHERE key = ?", [f"setting.{key}"]).fetchone()
        if stored is not None and stored[0] == text:
            return
        with self.writing():
            self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [f"setting.{key}", text])


def _schema_is_current(conn: sqlite3.Connection) -> bool:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # a new file: no tables yet
        return False
    return row is not None and row[0] == str(SCHEMA_VERSION)


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


def _phrase(term: str) -> str:
    """A full-text phrase that matches `term` as typed: its quotes are text, never query syntax."""
    return '"' + term.replace('"', '""') + '"'


def _contains(term: str, columns: tuple[str, ...]) -> tuple[str, list[str]]:
    """SQL true when any of `columns` holds `term` (LIKE, its own % and _ taken literally), and its parameters."""
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return "(" + " OR ".join(f"{column} LIKE ? ESCAPE '\\'" for column in columns) + ")", [pattern] * len(columns)


def split_tags(text: str | None) -> list[str]:
    """Anki's tag list: split on white space, each tag once, in the order given."""
    return list(dict.fromkeys((text or "").split()))


def join_tags(tags: list[str]) -> str:
    """Stored as Anki writes them: separated by one space; a tag never holds white space."""
    return " ".join(split_tags(" ".join(tags)))


def _sentence_row(sentence: Sentence) -> list:
    """[text, start, end], with its place's time, page and speaker when it has one (older rows have three items)."""
    row = [sentence.text, sentence.start, sentence.end]
    return row + [sentence.place.time, sentence.place.page, sentence.place.speaker] if sentence.place else row


def _sentence_from_row(row: list) -> Sentence:
    text, start, end, *place = row
    return Sentence(text, start, end, place=Place(*place) if place else None)


def place_from_row(row: dict) -> Place | None:
    """A card row's place (its sentence's time or page), None for a text without places."""
    place = Place(row.get("source_time"), row.get("source_page"), row.get("source_speaker"))
    return place if place != Place() else None


def _card_from_row(row: dict, document_tags: list[str] = ()) -> Card:
    modified = datetime.fromisoformat(row["modified_at"]).timestamp() if row.get("modified_at") else 0.0
    return Card(id=row["id"], kind=row["kind"], front=row["front"], back=row["back"], section=row["section"],
                source=row["source"], rule=row["rule"], section_id=row["section_id"],
                source_start=row["source_start"], source_end=row["source_end"], document_id=row["document_id"],
                modified_at=modified, suspended=bool(row["suspended"]), place=place_from_row(row),
                tags=tuple(split_tags(" ".join([*document_tags, row.get("tags") or ""]))))
