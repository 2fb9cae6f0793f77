"""Backups of the collection file, taken with SQLite's online backup API, and their rotation.

A backup is a complete, self-contained SQLite file (rollback journal, no WAL beside it) in the data
folder's `backups/`, named for when and why it was taken. It is written under a temporary name and
renamed into place, so a backup interrupted by a kill or a full disk is never listed or restored.
Which backups are kept follows Anki's idea: the newest few, one a day for a week, one a week for a
month; older ones are removed when a new one is taken.
"""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.core.durable import fsync_file, fsync_folder

FOLDER = "backups"
KEEP_RECENT = 8  # the newest backups, whatever their age: a bad session can be undone step by step
KEEP_DAYS = 7  # then the newest backup of each of the last seven days
KEEP_WEEKS = 5  # then the newest of each of the last five weeks
STUDY_INTERVAL = timedelta(minutes=30)  # while studying, at most one backup per half hour
_NAME = re.compile(r"^collection-(\d{8}T\d{6})(?:-(\d+))?-([a-z-]+)\.db$")
_STAMP = "%Y%m%dT%H%M%S"
# What changes when the user's data changes: compared with the newest backup's, so that closing
# an unchanged collection does not push an older, different backup out of the rotation.
_FINGERPRINT = ("SELECT (SELECT coalesce(max(id), 0) || '/' || count(*) FROM reviews) || '|' || "
                "(SELECT count(*) || '/' || coalesce(max(modified_at), '') || '/' || coalesce(max(deleted_at), '') "
                "|| '/' || sum(suspended) FROM cards) || '|' || "
                "(SELECT count(*) || '/' || coalesce(max(updated_at), '') FROM documents)")


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds."""

    path: Path
    taken_at: datetime
    reason: str  # "close", "study", "migration", "delete", "reimport", "restore", "manual"


@dataclass(frozen=True)
class Contents:
    cards: int
    reviews: int
    documents: int


def folder_for(collection_path: Path) -> Path:
    return collection_path.parent / FOLDER


def take(connection: sqlite3.Connection, folder: Path, reason: str, now: datetime) -> Backup:
    """Copy the open collection into a new backup file, then rotate the folder.

    Args:
        connection: the collection's connection (SQLite's backup API reads a consistent snapshot
            even while other connections write).
        folder: the backups folder (created if missing).
        reason: why, a lowercase word; it is part of the file's name.
        now: the time it is taken (UTC).
    Returns:
        The new backup.
    Raises:
        OSError or sqlite3.Error: the backup could not be written; no partial file is left.
    """
    folder.mkdir(parents=True, exist_ok=True)
    now = now.replace(microsecond=0)  # as precise as the file name
    path = _free_name(folder, now, reason)
    # the fingerprint is read from the copy itself: a write landing during the backup cannot mislabel it
    _copy(connection, path, lambda copy: copy.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('backup.fingerprint', ?)", [fingerprint(copy)]))
    prune(folder, now)
    return Backup(path, now, reason)


def take_if_changed(connection: sqlite3.Connection, folder: Path, reason: str, now: datetime) -> Backup | None:
    """`take`, unless the newest backup already holds the same data."""
    newest = next(iter(listing(folder)), None)
    if newest is not None and _stored_fingerprint(newest.path) == fingerprint(connection):
        return None
    return take(connection, folder, reason, now)


def fingerprint(connection: sqlite3.Connection) -> str:
    return connection.execute(_FINGERPRINT).fetchone()[0]


def listing(folder: Path) -> list[Backup]:
    """The finished backups in `folder`, newest first."""
    found = []
    for entry in folder.glob("collection-*.db") if folder.is_dir() else ():
        match = _NAME.match(entry.name)
        if match:
            taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
            found.append((taken, int(match.group(2) or 0), Backup(entry, taken, match.group(3))))
    return [backup for *_order, backup in sorted(found, key=lambda item: item[:2], reverse=True)]


def contents(path: Path) -> Contents | None:
    """What a backup holds (live cards, reviews, documents), or None when it cannot be read."""
    try:
        with contextlib.closing(_read_only(path)) as connection:
            row = connection.execute(
                "SELECT (SELECT count(*) FROM cards WHERE retired_at IS NULL AND deleted_at IS NULL), "
                "(SELECT count(*) FROM reviews), (SELECT count(*) FROM documents)").fetchone()
    except sqlite3.Error:
        return None
    return Contents(*row)


def healthy(path: Path) -> bool:
    """Whether SQLite's quick_check finds the file sound (a missing file is not)."""
    if not path.is_file():
        return False
    try:
        with contextlib.closing(_read_only(path)) as connection:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        return False


def newest_healthy(folder: Path) -> Backup | None:
    return next((backup for backup in listing(folder) if healthy(backup.path)), None)


def prune(folder: Path, now: datetime) -> list[Path]:
    """Remove the backups the rotation no longer keeps; returns what was removed."""
    backups = listing(folder)
    keep = {b.path for b in backups[:KEEP_RECENT]}
    for span, length in ((timedelta(days=1), KEEP_DAYS), (timedelta(weeks=1), KEEP_WEEKS)):
        newest_of: dict[int, Path] = {}
        for backup in backups:  # newest first: the first seen in a bucket is its newest
            age = int((now - backup.taken_at) / span)
            if 0 <= age < length:
                newest_of.setdefault(age, backup.path)
        keep.update(newest_of.values())
    removed = [b.path for b in backups if b.path not in keep] + _abandoned(folder, now)
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def _abandoned(folder: Path, now: datetime) -> list[Path]:
    """Temporary files of backups that were killed mid-way (an hour old: no backup takes that long)."""
    cutoff = (now - timedelta(hours=1)).timestamp()
    return [temp for temp in folder.glob(".collection-*.db.tmp") if temp.stat().st_mtime < cutoff]


def copy_into(source: Path, target: Path) -> None:
    """Replace `target` with a copy of the database at `source`, made through the backup API.

    `target` is either as it was or the complete copy, never half of one.
    """
    with contextlib.closing(_read_only(source)) as reader:
        _copy(reader, target)


def _copy(source: sqlite3.Connection, target: Path, finish: Callable[[sqlite3.Connection], object] | None = None) -> None:
    """Back `source` up into a temporary file beside `target`, sync it, then rename it into place."""
    temp = target.with_name(f".{target.name}.tmp")
    try:
        with contextlib.closing(sqlite3.connect(temp)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one file, readable without a WAL beside it
            if finish is not None:
                finish(copy)
            copy.commit()
        fsync_file(temp)
        os.replace(temp, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def move_aside(path: Path, label: str, now: datetime) -> Path:
    """Rename a collection file and its WAL companions out of the way, never deleting them.

    Returns:
        The new name of the main file (`collection.db.damaged-20261203T101500`).
    """
    stamp = now.strftime(_STAMP)
    aside = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    for suffix in ("-wal", "-shm"):  # a stale WAL beside a new main file would be replayed into it
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    if path.exists():
        os.replace(path, aside)
    return aside


def _stored_fingerprint(path: Path) -> str | None:
    try:
        with contextlib.closing(_read_only(path)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'backup.fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: a backup is never written, so no -shm or journal is needed beside it
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _free_name(folder: Path, now: datetime, reason: str) -> Path:
    """A new file name; backups taken within one second are numbered in the order taken."""
    stamp = now.astimezone(timezone.utc).strftime(_STAMP)
    same_second = [match for entry in folder.glob(f"collection-{stamp}-*.db")
                   if (match := _NAME.match(entry.name)) and match.group(1) == stamp]
    if not same_second:
        return folder / f"collection-{stamp}-{reason}.db"
    counter = max(int(match.group(2) or 1) for match in same_second) + 1
    return folder / f"collection-{stamp}-{counter}-{reason}.db"
