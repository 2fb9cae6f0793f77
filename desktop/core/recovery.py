"""Open the collection safely: a damaged file is moved aside and the newest sound backup restored.

Nothing here deletes or overwrites a user's file: a damaged collection keeps its bytes under a new
name beside the restored one, for a person (or a repair tool) to look at later.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core import backup
from desktop.core.backup import Backup, Contents
from desktop.core.collection import BUSY_TIMEOUT, FILE_NAME, Collection, CollectionError, storage_error, utc_now

# Asked before anything is moved: (the damage SQLite reported, the newest sound backup or None)
# → True to restore that backup, False to start with an empty collection. Raise to stop opening.
Chooser = Callable[[str, "Backup | None"], bool]


@dataclass(frozen=True)
class Recovery:
    """What was done with a damaged collection file."""

    problem: str  # what SQLite reported
    damaged_path: Path  # where the damaged file was moved
    restored: Backup | None  # the backup now in use, or None for a fresh collection
    contents: Contents | None  # what the restored backup holds

    def message(self) -> str:
        """One plain paragraph for stderr or a dialog."""
        lead = f"The collection file was damaged ({self.problem}); it was kept as {self.damaged_path.name}."
        if self.restored is None:
            return f"{lead} No backup could be restored, so TalkCards started with an empty collection."
        held = (f" ({self.contents.documents} documents, {self.contents.cards} cards, {self.contents.reviews} reviews)"
                if self.contents else "")
        return f"{lead} The backup of {self.restored.taken_at:%Y-%m-%d %H:%M} UTC{held} was restored."


def damage(path: Path) -> str | None:
    """What is wrong with the collection file at `path`, or None when it is sound (or absent).

    Runs SQLite's quick_check; a locked file or a folder that cannot be read raises CollectionError,
    because nothing is wrong with the file itself then.
    """
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    except sqlite3.OperationalError as error:
        raise storage_error(path, error) from error
    try:
        rows = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.OperationalError as error:
        if "malformed" not in str(error) and "not a database" not in str(error):
            raise storage_error(path, error, "read") from error
        return str(error)
    except sqlite3.DatabaseError as error:  # "file is not a database", "database disk image is malformed"
        return str(error)
    finally:
        connection.close()
    return None if rows == ["ok"] else "; ".join(rows[:3])


def open_collection(data_dir: Path, choose: Chooser | None = None) -> tuple[Collection, Recovery | None]:
    """Open (or create) the collection in `data_dir`, recovering a damaged file first.

    Args:
        data_dir: the data folder.
        choose: asks the user whether to restore the newest sound backup; None restores it unasked
            (the command line and other runs that cannot ask).
    Returns:
        The open collection, and what recovery did (None when the file was sound).
    Raises:
        CollectionError: the file cannot be opened for a reason a user can act on (permissions, lock).
    """
    path = Path(data_dir) / FILE_NAME
    problem = damage(path)
    if problem is None:
        try:
            return Collection(path), None
        except sqlite3.DatabaseError as error:  # sound SQLite, but not a collection (a full disk is a CollectionError)
            problem = str(error)
    return _recover(path, problem, choose)


def _recover(path: Path, problem: str, choose: Chooser | None) -> tuple[Collection, Recovery]:
    """Move the damaged file aside and put the chosen backup in its place.

    The backup is copied in full before anything is moved: if the copy fails (a full disk), the
    damaged file stays where it is, and the next start offers the same choice again.
    """
    candidate = backup.newest_healthy(backup.folder_for(path))
    restore = candidate is not None and (choose is None or choose(problem, candidate))
    staged = path.with_name(f".{path.name}.restoring")
    if restore:
        try:
            backup.copy_into(candidate.path, staged)
        except (OSError, sqlite3.Error) as error:
            staged.unlink(missing_ok=True)
            raise storage_error(path, error, "restored from its backup") from error
    aside = backup.move_aside(path, "damaged", utc_now())
    if restore:
        os.replace(staged, path)
    restored = candidate if restore else None
    recovery = Recovery(problem, aside, restored, backup.contents(candidate.path) if restored else None)
    return Collection(path), recovery


def restore_backup(collection: Collection, chosen: Backup) -> Collection:
    """Put a backup in the collection's place (Tools ▸ Restore backup…).

    The collection as it is now is backed up first ("restore"), so the restore itself can be undone
    by restoring that backup. `collection` is closed; use the returned one.

    Raises:
        CollectionError: the backup is not sound or cannot be copied; the file is then unchanged
            (and `collection` closed if the copy failed: open the file again).
    """
    if not backup.healthy(chosen.path):
        raise CollectionError(f"The backup {chosen.path.name} is damaged and cannot be restored.")
    path = collection.path
    collection.backup("restore")
    collection.close()
    try:
        backup.copy_into(chosen.path, path)
    except (OSError, sqlite3.Error) as error:
        raise CollectionError(f"The backup could not be restored: {error}.") from error
    for suffix in ("-wal", "-shm"):  # closing checkpointed the WAL; never replay it into the restored file
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return Collection(path)
