"""A full disk or a read-only folder: a clear message, no half-written file, the previous file intact.

The disks are small tmpfs mounts inside tmp_path (root only: `mount -t tmpfs`); read-only means
remounting one read-only, since root ignores file permissions. Each test says what a user sees or
gets: the command line's exit status and sentence, the old file byte for byte, the collection's
reviews after space is freed.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from desktop.app import main
from desktop.core import backup, migrations
from desktop.core import collection as collection_module
from desktop.core.collection import FILE_NAME, Collection, CollectionError
from desktop.core.recovery import open_collection
from desktop.core.resources import BUNDLED_TALK, resource_path
from desktop.core.review import ReviewSession
from desktop.core.schedule import Settings, Study
from tests.core.kill_driver import bulk_document

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)
SMALL_TALK = ("茶的学问\n\n1. 种类\n\n绿茶是不发酵茶，杀青在采摘后立即进行。红茶是全发酵茶，产于福建武夷山。\n\n"
              "2. 冲泡\n\n冲泡绿茶的水温约为80摄氏度。乌龙茶适合用100摄氏度的沸水冲泡。\n")
PAGE = 4096


# ----- small disks -------------------------------------------------------------------------------

class Tmpfs:
    """A small tmpfs mounted at `path`; `fill` takes its free space, `read_only` remounts it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / "filler"

    def fill(self, leave: int = 0) -> None:
        """Write a filler file until the disk is full, then give back `leave` bytes (whole pages count)."""
        with open(self.filler, "ab", buffering=0) as handle:
            for chunk in (64 * 1024, PAGE, 1):
                with contextlib.suppress(OSError):
                    while True:
                        handle.write(b"\0" * chunk)
            if leave:
                handle.truncate(max(0, handle.tell() - leave))

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(self.path)], check=True, capture_output=True)

    def names(self) -> set[str]:
        return {entry.name for entry in self.path.iterdir()} - {self.filler.name}


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Tmpfs]]:
    """Mount small tmpfs disks (`tmpfs(path, "256k")`); unmounted at teardown."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (mount -t tmpfs); the full-disk tests run as root in CI")
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    mounted: list[Path] = []

    def mount(path: Path, size: str = "256k") -> Tmpfs:
        path.mkdir(parents=True, exist_ok=True)
        run = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip() or run.returncode}")
        mounted.append(path)
        return Tmpfs(path)

    yield mount
    for path in reversed(mounted):
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture
def talks(tmp_path: Path) -> dict[str, Path]:
    """A small talk (the "old" export) and the bundled talk (a bigger "new" one)."""
    folder = tmp_path / "talks"
    folder.mkdir()
    small = folder / "茶.txt"
    small.write_text(SMALL_TALK, encoding="utf-8")
    big = folder / "talk.txt"
    shutil.copyfile(resource_path(BUNDLED_TALK), big)
    return {"small": small, "big": big}


def talkcards_sentence(err: str) -> str:
    """The one sentence the command line printed (jieba may log its own lines to stderr)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("talkcards:")]
    assert len(lines) == 1, err
    return lines[0]


def studied(folder: Path, cards: int = 100) -> Collection:
    """A collection with one document of `cards` synthetic cards (no generator needed)."""
    collection = Collection.in_folder(folder)
    document, made = bulk_document(1, cards)
    collection.import_document(document, made, NOW)
    return collection


def stored_reviews(data_dir: Path) -> list[int]:
    with contextlib.closing(sqlite3.connect(data_dir / FILE_NAME)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [row[0] for row in connection.execute("SELECT id FROM reviews ORDER BY id")]


# ----- (a) export to a full disk or a read-only folder ---------------------------------------------

@pytest.mark.parametrize("fmt", ["apkg", "csv", "md"])
@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_export_that_cannot_be_written_keeps_the_old_file(tmpfs, tmp_path: Path, talks, capsys,
                                                          fmt: str, trouble: str) -> None:
    """`talkcards export PATH -o DISK/deck.FMT` over an older export: exit 2, one sentence naming the
    file and the cause, the old file byte for byte, and no temporary file left beside it."""
    disk = tmpfs(tmp_path / "disk", "256k")
    out = disk.path / f"deck.{fmt}"
    assert main(["export", str(talks["small"]), "-o", str(out)]) == 0
    old = out.read_bytes()
    capsys.readouterr()
    if trouble == "read-only":
        disk.read_only()
    else:
        disk.fill()

    status = main(["export", str(talks["big"]), "-o", str(out)])

    sentence = talkcards_sentence(capsys.readouterr().err)
    assert status == 2
    assert str(out) in sentence
    assert ("read-only" if trouble == "read-only" else "no space") in sentence.lower()
    assert out.read_bytes() == old
    assert disk.names() == {out.name}  # write_atomically removed its temporary file


@pytest.mark.parametrize("fmt", ["apkg", "csv", "md"])
def test_export_that_runs_out_of_space_half_way_keeps_the_old_file(tmpfs, tmp_path: Path, talks, capsys,
                                                                   fmt: str) -> None:
    """Room for about half of the new file: the write starts, fails part-way, and leaves no trace."""
    data = tmp_path / "data"
    studied(data, cards=600).close()
    assert main(["--data-dir", str(data), "export", "--all", "-o", str(tmp_path / f"new.{fmt}")]) == 0
    room = (tmp_path / f"new.{fmt}").stat().st_size // 2 // PAGE * PAGE
    assert room >= 2 * PAGE  # a real partial write, not a full disk
    disk = tmpfs(tmp_path / "disk", "512k")
    out = disk.path / f"all.{fmt}"
    assert main(["export", str(talks["small"]), "-o", str(out)]) == 0
    old = out.read_bytes()
    capsys.readouterr()
    disk.fill(leave=room)

    status = main(["--data-dir", str(data), "export", "--all", "-o", str(out)])

    sentence = talkcards_sentence(capsys.readouterr().err)
    assert status == 2 and str(out) in sentence and "no space" in sentence.lower()
    assert out.read_bytes() == old
    assert disk.names() == {out.name}


# ----- (b) a backup to a full disk or a read-only folder -------------------------------------------

@pytest.mark.parametrize("trouble", ["full", "too-small-for-one", "read-only"])
def test_a_backup_that_cannot_be_written_is_skipped_and_leaves_nothing(tmpfs, tmp_path: Path, caplog,
                                                                       trouble: str) -> None:
    """The backups folder on a full (or read-only) disk: no backup, a warning in the log, no partial
    file, the previous backup intact, and the collection goes on saving reviews."""
    data = tmp_path / "data"
    disk = tmpfs(data / "backups", "256k" if trouble == "too-small-for-one" else "1m")
    collection = studied(data, cards=300)  # a 300 KB file: one backup fits in 1 MB, none in 256 KB
    try:
        session = ReviewSession(collection, Study(), clock=lambda: NOW)
        previous = None
        if trouble != "too-small-for-one":
            previous = collection.backup("manual")
            assert previous is not None
            previous_bytes = previous.path.read_bytes()
        session.answer(3, duration_ms=3000)  # the data changes, so a backup now would differ
        if trouble == "read-only":
            disk.read_only()
        elif trouble == "full":
            disk.fill()
        before = disk.names()
        caplog.clear()

        with caplog.at_level(logging.WARNING, logger="desktop.core.collection"):
            made = collection.backup("manual")

        assert made is None
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "desktop.core.collection"]
        assert len(warnings) == 1 and "could not back up" in warnings[0].getMessage()
        assert disk.names() == before  # nothing half-written, not even a temporary file
        listed = backup.listing(disk.path)
        assert [b.path for b in listed] == ([previous.path] if previous else [])
        if previous:
            assert previous.path.read_bytes() == previous_bytes and backup.healthy(previous.path)

        session.answer(4, duration_ms=2000)  # studying goes on
        collection.close(backup_first=True)  # so does closing (its backup is skipped too)
    finally:
        collection.close()
    assert len(stored_reviews(data)) == 2


# ----- (c) the collection itself on a full disk --------------------------------------------------------

def test_reviews_on_a_full_disk_fail_clearly_and_none_saved_before_is_lost(tmpfs, tmp_path: Path) -> None:
    """The disk fills up while studying: the answer that does not fit raises sqlite3.OperationalError
    "database or disk is full" (the review screen's error dialog turns it into "The disk is full, so
    the last change was not saved…"), nothing half is stored, and after space is freed studying goes
    on with every earlier review in place."""
    from desktop.ui.error_dialog import summary_of

    disk = tmpfs(tmp_path / "disk", "2m")
    data = disk.path / "data"
    collection = studied(data, cards=100)
    try:
        session = ReviewSession(collection, Study(Settings(bury_siblings=False)), clock=lambda: NOW)
        for rating in (3, 4, 1, 3, 2):
            session.answer(rating, duration_ms=1000)
        disk.fill(leave=64 * PAGE)  # some answers still fit, then one does not
        failure = None
        for _ in range(3000):
            shown = session.current()
            state_before = collection.row_for_id(shown)["fsrs"]
            count_before = len(collection.reviews())
            try:
                session.answer(3, duration_ms=1000)
            except sqlite3.OperationalError as error:
                failure = error
                break
        assert failure is not None, "the disk never filled up"
        assert "database or disk is full" in str(failure)
        assert summary_of(failure).startswith("The disk is full")
        assert not collection.db.conn.in_transaction  # nothing left half-done on the connection
        assert session.current() == shown  # the card stays on screen, to be answered again
        assert collection.row_for_id(shown)["fsrs"] == state_before
        assert len(collection.reviews()) == count_before
        saved = [r["id"] for r in collection.reviews()]

        disk.free()
        session.answer(3, duration_ms=1000)
        saved.append(collection.reviews()[-1]["id"])
    finally:
        collection.close()
    assert stored_reviews(data) == saved


def test_a_collection_on_a_full_disk_still_opens_or_says_why(tmpfs, tmp_path: Path) -> None:
    """Starting with the disk full: a new collection cannot be made (CollectionError); an existing
    one either opens or raises CollectionError, and is never moved aside as damaged."""
    disk = tmpfs(tmp_path / "disk", "1m")
    existing = disk.path / "existing"
    studied(existing).close()
    disk.fill()
    with pytest.raises(CollectionError, match="cannot be opened"):
        Collection.in_folder(disk.path / "new")
    try:
        collection, recovery = open_collection(existing)
    except CollectionError as error:
        assert str(existing / FILE_NAME) in str(error)
    else:
        assert recovery is None
        collection.close()
    assert sorted(p.name for p in existing.iterdir() if "damaged" in p.name) == []
    disk.free()
    collection, recovery = open_collection(existing)
    assert recovery is None and collection.card_count() == 100
    collection.close()


def test_a_migration_on_a_nearly_full_disk_never_moves_the_collection_aside(tmpfs, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    disk = tmpfs(tmp_path / "disk", "4m")
    data = disk.path / "data"
    collection = studied(data, cards=300)
    assert collection.backup("manual") is not None
    collection.close()

    def m999_copy_cards(db) -> None:  # an upgrade's migration that needs more room than is left
        db.execute("CREATE TABLE cards_copy AS SELECT * FROM cards")

    monkeypatch.setattr(migrations.migrations, "_migrations",
                        [*migrations.migrations._migrations,
                         migrations.migrations._Migration("m999_copy_cards", m999_copy_cards)])
    monkeypatch.setattr(collection_module, "SCHEMA_VERSION", collection_module.SCHEMA_VERSION + 1)
    disk.fill(leave=16 * PAGE)  # room to open the file (its -shm), not to migrate it
    with pytest.raises(CollectionError):
        open_collection(data)
    assert (data / FILE_NAME).exists()
    assert not [p.name for p in data.iterdir() if "damaged" in p.name]
    disk.free()
    collection, recovery = open_collection(data)
    assert recovery is None and collection.card_count() == 300
    collection.close()


# ----- (d) the collection in a read-only folder --------------------------------------------------------

def test_a_read_only_folder_without_a_collection_is_a_collection_error(tmpfs, tmp_path: Path, capsys) -> None:
    disk = tmpfs(tmp_path / "disk", "256k")
    disk.read_only()
    with pytest.raises(CollectionError, match="cannot be opened") as raised:
        Collection.in_folder(disk.path)
    assert str(disk.path / FILE_NAME) in str(raised.value)
    with pytest.raises(CollectionError):
        open_collection(disk.path)
    status = main(["--data-dir", str(disk.path), "export", "--all", "-o", str(tmp_path / "all.apkg")])
    sentence = talkcards_sentence(capsys.readouterr().err)
    assert status == 2 and str(disk.path / FILE_NAME) in sentence
    assert disk.names() == set()


def test_an_existing_collection_on_a_read_only_disk_is_refused_and_untouched(tmpfs, tmp_path: Path) -> None:
    """A collection closed normally (WAL checkpointed, no -shm beside it) on a read-only disk: SQLite
    cannot create the -shm a WAL file needs, so opening it is refused with CollectionError; the file
    is not moved aside or changed."""
    disk = tmpfs(tmp_path / "disk", "1m")
    studied(disk.path).close()
    before = (disk.path / FILE_NAME).read_bytes()
    disk.read_only()
    with pytest.raises(CollectionError, match="cannot be"):
        open_collection(disk.path)
    with pytest.raises(CollectionError, match="cannot be opened"):
        Collection.in_folder(disk.path)
    assert disk.names() == {FILE_NAME}
    assert (disk.path / FILE_NAME).read_bytes() == before


def test_a_collection_left_open_on_a_disk_turned_read_only_opens_but_will_not_save(tmpfs, tmp_path: Path) -> None:
    """With its -wal and -shm still there (the disk went read-only under a running app), the file opens
    and reads; an answer raises "attempt to write a readonly database", which the error dialog words as
    "The collection file cannot be written…"; a backup is skipped with a warning."""
    from desktop.ui.error_dialog import summary_of

    disk = tmpfs(tmp_path / "disk", "2m")
    live = studied(disk.path)
    saved = tmp_path / "saved"
    saved.mkdir()
    for name in (FILE_NAME, FILE_NAME + "-wal", FILE_NAME + "-shm"):  # the files as a running app has them
        shutil.copyfile(disk.path / name, saved / name)
    live.close()
    for entry in list(disk.path.iterdir()):
        shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for entry in saved.iterdir():
        shutil.copyfile(entry, disk.path / entry.name)
    disk.read_only()
    collection, recovery = open_collection(disk.path)
    try:
        assert recovery is None and collection.card_count() == 100
        session = ReviewSession(collection, Study(), clock=lambda: NOW)
        with pytest.raises(sqlite3.OperationalError, match="readonly") as raised:
            session.answer(3, duration_ms=1000)
        assert summary_of(raised.value).startswith("The collection file cannot be written")
        assert collection.backup("manual") is None
    finally:
        collection.close()


@pytest.mark.parametrize("case", ["read-only-empty-folder", "read-only-existing", "full-existing"])
def test_the_open_error_names_the_cause(tmpfs, tmp_path: Path, case: str) -> None:
    disk = tmpfs(tmp_path / "disk", "1m")
    if case != "read-only-empty-folder":
        studied(disk.path).close()
    if case == "full-existing":
        disk.fill()
    else:
        disk.read_only()
    with pytest.raises(CollectionError) as raised:
        open_collection(disk.path)
    words = ("read-only", "read only", "permission") if case.startswith("read-only") else ("full", "space")
    assert any(word in str(raised.value).lower() for word in words), str(raised.value)

