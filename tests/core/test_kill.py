"""SIGKILL the app at awkward moments: nothing committed is lost and the app starts again.

Each case starts a real subprocess (tests/core/kill_driver.py, or the `talkcards` command line),
kills it with SIGKILL at one moment of a fixed list — after k committed units, a fixed time after
start, or when a file it writes appears or grows — and then checks what a user would get: the file
passes `PRAGMA integrity_check`, every review the process reported as committed is stored, every
listed backup is sound, a document is there with all its cards or not at all, an exported deck is
the old one or the complete new one, and the collection opens without recovery. Where exactly a
kill lands varies from run to run; what is asserted does not.
"""
from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core import backup
from desktop.core.collection import FILE_NAME, Collection
from desktop.core.recovery import open_collection
from tests.core.kill_driver import bulk_document

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 30.0  # seconds any wait may take before the case fails instead of hanging
BULK_CARDS = 4000  # cards per synthetic document: an import transaction of a tenth of a second or more
EXPORT_CARDS = 2000


# ----- running and killing -----------------------------------------------------------------------

@dataclass(frozen=True)
class Moment:
    """When to kill: after `units` committed lines, then once `trigger` fires, then `delay` seconds more.

    `trigger` makes, for the folder a case watches, a fresh check polled every millisecond.
    """

    label: str
    units: int = 0
    delay: float = 0.0
    trigger: Callable[[Path], Callable[[], bool]] | None = None

    def __repr__(self) -> str:  # the test id
        return self.label


@dataclass
class Killed:
    lines: list[str]  # unit lines printed before the kill (the "ready" line excluded)
    killed: bool  # False when the process had ended by itself first
    returncode: int
    stderr: str = ""
    reached: bool = True  # whether the moment's condition was met before the kill
    elapsed: float = 0.0


def _reader(stream, lines: queue.Queue) -> None:
    for raw in stream:
        lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
    lines.put(None)


def child_env(scratch: Path) -> dict[str, str]:
    """The subprocess's environment: offscreen Qt, and its own temporary folder, so that what a killed
    process leaves in the system temp folder stays inside the test's tmp_path (and can be counted)."""
    temp = scratch / "system-temp"
    temp.mkdir(parents=True, exist_ok=True)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}


def run_and_kill(command: list[str], moment: Moment, watch: Path, stderr_path: Path) -> Killed:
    """Start `command`, SIGKILL it at `moment` (its trigger watching `watch`), return what it printed before."""
    fired = moment.trigger(watch) if moment.trigger else None
    environment = child_env(stderr_path.parent)
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr, env=environment)
    printed: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_reader, args=(process.stdout, printed), daemon=True)
    reader.start()
    start = time.monotonic()
    units: list[str] = []
    reached = True
    try:
        ended = False
        while len(units) < moment.units and not ended:
            try:
                line = printed.get(timeout=max(0.0, DEADLINE - (time.monotonic() - start)))
            except queue.Empty:
                raise AssertionError(f"{command[2:4]}: {moment.units} units not done within {DEADLINE} s") from None
            if line is None:
                ended = True
            elif line != "ready":
                units.append(line)
        if fired is not None:
            while not fired() and process.poll() is None:
                if time.monotonic() - start > DEADLINE:
                    raise AssertionError(f"{moment.label}: never happened within {DEADLINE} s")
                time.sleep(0.001)
        reached = process.poll() is None
        if moment.delay:
            time.sleep(moment.delay)
        killed = process.poll() is None
        if killed:
            process.send_signal(signal.SIGKILL)
        elapsed = time.monotonic() - start
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=DEADLINE)
        reader.join(timeout=DEADLINE)
        process.stdout.close()
    while True:  # the lines still in the pipe were printed, and so committed, before the kill
        line = printed.get_nowait() if not printed.empty() else None
        if line is None:
            break
        if line != "ready":
            units.append(line)
    units = [line for line in units if line]
    return Killed(units, killed, process.returncode, stderr_path.read_text(encoding="utf-8", errors="replace"),
                  reached, elapsed)


def driver(*args: str) -> list[str]:
    return [sys.executable, "-m", "tests.core.kill_driver", *map(str, args)]


def talkcards(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *map(str, args)]


def appears(pattern: str, under: str = ".") -> Callable[[Path], Callable[[], bool]]:
    """A trigger: a new file matching `pattern` appears in the watched folder's `under`.

    Files left by an earlier killed run do not count.
    """
    def check(watch: Path) -> Callable[[], bool]:
        folder = watch / under
        old = set(folder.glob(pattern)) if folder.is_dir() else set()
        return lambda: folder.is_dir() and bool(set(folder.glob(pattern)) - old)

    return check


def written_into(pattern: str) -> Callable[[Path], Callable[[], bool]]:
    """A trigger: a new file matching `pattern` has bytes in it (the writer is half-way)."""
    def check(watch: Path) -> Callable[[], bool]:
        old = set(watch.glob(pattern))

        def fired() -> bool:
            for path in set(watch.glob(pattern)) - old:
                with contextlib.suppress(FileNotFoundError):
                    if path.stat().st_size > 0:
                        return True
            return False

        return fired

    return check


def assert_driver_was_killed(result: Killed) -> None:
    """The driver loops forever: ending by itself means it failed."""
    assert result.killed, f"the driver ended by itself (status {result.returncode}):\n{result.stderr[-2000:]}"


# ----- what must hold after a kill ---------------------------------------------------------------

def leftovers(folder: Path) -> list[str]:
    """Temporary files a killed writer leaves (no code can remove them after SIGKILL)."""
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and ".tmp" in p.name)


def assert_collection_sound(data_dir: Path) -> None:
    """integrity_check is ok, no review points at a missing card, and the app's own open needs no recovery."""
    path = data_dir / FILE_NAME
    if path.exists():
        with contextlib.closing(sqlite3.connect(path)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    collection, recovery = open_collection(data_dir)
    try:
        assert recovery is None, recovery.message()
    finally:
        collection.close()


def assert_backups_sound(data_dir: Path) -> list[backup.Backup]:
    """Every listed backup is a complete, sound file; a half-written one is never listed."""
    listed = backup.listing(backup.folder_for(data_dir / FILE_NAME))
    for made in listed:
        assert not made.path.name.startswith(".")
        assert backup.healthy(made.path), made.path.name
        assert backup.contents(made.path) is not None, made.path.name
    return listed


def stored_review_ids(data_dir: Path) -> set[int]:
    with contextlib.closing(sqlite3.connect(data_dir / FILE_NAME)) as connection:
        return {row[0] for row in connection.execute("SELECT id FROM reviews")}


def document_counts(data_dir: Path) -> dict[str, tuple[int, int]]:
    """(cards, sections) of every stored document."""
    with contextlib.closing(sqlite3.connect(data_dir / FILE_NAME)) as connection:
        return {doc: (cards, sections) for doc, cards, sections in connection.execute(
            "SELECT d.id, (SELECT count(*) FROM cards c WHERE c.document_id = d.id), "
            "(SELECT count(*) FROM sections s WHERE s.document_id = d.id) FROM documents d")}


# ----- seeds ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """A closed collection holding one synthetic document of BULK_CARDS cards and no reviews."""
    folder = tmp_path_factory.mktemp("seed")
    collection = Collection.in_folder(folder)
    document, cards = bulk_document(900, BULK_CARDS)
    collection.import_document(document, cards)
    collection.close()
    shutil.rmtree(folder / "backups", ignore_errors=True)  # a fresh start: the first review backs up
    return folder


@pytest.fixture
def data_dir(seed: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(seed, target)
    return target


# ----- during a review write ---------------------------------------------------------------------

REVIEW_MOMENTS = [
    Moment("0.05s-after-start", delay=0.05),
    Moment("0.2s-after-start", delay=0.2),
    Moment("0.5s-after-start", delay=0.5),
    Moment("after-1-review", units=1),
    Moment("after-5-reviews+1ms", units=5, delay=0.001),
    Moment("after-40-reviews", units=40),
]


@pytest.mark.parametrize("moment", REVIEW_MOMENTS, ids=repr)
def test_a_kill_while_reviewing_loses_no_committed_review(data_dir: Path, tmp_path: Path, moment: Moment) -> None:
    result = run_and_kill(driver("review", data_dir), moment, data_dir, tmp_path / "stderr.txt")
    assert_driver_was_killed(result)
    assert_collection_sound(data_dir)
    committed = {int(line.split()[1]) for line in result.lines}
    assert len(committed) >= moment.units
    assert committed <= stored_review_ids(data_dir)
    assert_backups_sound(data_dir)  # the first answer takes a "study" backup: maybe killed half-way


def test_a_kill_during_the_first_reviews_backup_then_the_app_starts(data_dir: Path, tmp_path: Path) -> None:
    """Killed while the first answer's "study" backup is being written: the half backup is never
    listed, and the app opens the folder (its single-instance lock left by the dead process too)."""
    moment = Moment("study-backup-temp-appears", trigger=appears(".collection-*.tmp", "backups"))
    result = run_and_kill(driver("review", data_dir), moment, data_dir, tmp_path / "stderr.txt")
    assert result.reached, "the backup's temporary file never appeared"
    assert_driver_was_killed(result)
    assert_collection_sound(data_dir)
    assert {int(line.split()[1]) for line in result.lines} <= stored_review_ids(data_dir)
    assert_backups_sound(data_dir)
    assert_app_starts(data_dir, tmp_path)


def assert_app_starts(data_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    run = subprocess.run(talkcards("--screenshot", shot, "--data-dir", data_dir), cwd=ROOT, capture_output=True,
                         env=child_env(tmp_path), timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-2000:]
    assert shot.is_file() and shot.stat().st_size > 0
    assert b"talkcards:" not in run.stderr  # nothing to tell the user: no recovery, no lock complaint


# ----- during a backup -----------------------------------------------------------------------------

BACKUP_TEMP = appears(".collection-*.db.tmp", "backups")
BACKUP_MOMENTS = [
    Moment("0.3s-after-start", delay=0.3),
    Moment("after-4-units", units=4),
    Moment("after-9-units+1ms", units=9, delay=0.001),
    Moment("after-2-units-backup-temp-appears", units=2, trigger=BACKUP_TEMP),
    Moment("after-6-units-backup-temp-appears+2ms", units=6, trigger=BACKUP_TEMP, delay=0.002),
]


@pytest.mark.parametrize("moment", BACKUP_MOMENTS, ids=repr)
def test_a_kill_while_backing_up_never_lists_a_half_backup(data_dir: Path, tmp_path: Path, moment: Moment) -> None:
    result = run_and_kill(driver("backup", data_dir), moment, data_dir, tmp_path / "stderr.txt")
    assert_driver_was_killed(result)
    assert_collection_sound(data_dir)
    reviews = [int(line.split()[1]) for line in result.lines if line.startswith("review ")]
    assert set(reviews) <= stored_review_ids(data_dir)
    listed = assert_backups_sound(data_dir)
    names = {made.path.name: made for made in listed}
    finished = [(i, line.split()[1]) for i, line in enumerate(result.lines) if line.startswith("backup ")]
    if finished:
        position, name = finished[-1]
        assert name in names, f"the last finished backup {name} is gone"
        before = sum(1 for line in result.lines[:position] if line.startswith("review "))
        assert backup.contents(names[name].path).reviews == before  # exactly what was committed before it


# ----- during an import --------------------------------------------------------------------------

BULK_MOMENTS = [
    Moment("0.3s-after-start", delay=0.3),
    Moment("0.45s-after-start", delay=0.45),
    Moment("after-1-import+50ms", units=1, delay=0.05),
    Moment("after-1-import+100ms", units=1, delay=0.1),
    Moment("after-2-imports+150ms", units=2, delay=0.15),
]


@pytest.mark.parametrize("moment", BULK_MOMENTS, ids=repr)
def test_a_kill_while_importing_keeps_a_document_whole_or_not_at_all(data_dir: Path, tmp_path: Path,
                                                                     moment: Moment) -> None:
    result = run_and_kill(driver("bulk", data_dir, BULK_CARDS), moment, data_dir, tmp_path / "stderr.txt")
    assert_driver_was_killed(result)
    assert_collection_sound(data_dir)
    stored = document_counts(data_dir)
    for line in result.lines:
        assert line.split()[2] in stored
    whole = (BULK_CARDS, BULK_CARDS // 50)
    assert all(counts == whole for counts in stored.values()), stored
    assert len(stored) >= 1 + len(result.lines)  # the seed's document and every reported one


@pytest.fixture(scope="module")
def expected_talk_cards() -> Callable[[Path], tuple[str, int, int]]:
    """(document id, cards, sections) the importer makes of a talk file, computed here, not by the driver."""
    from desktop.core.generate.pipeline import generate
    from desktop.core.importing import import_file

    def expected(path: Path) -> tuple[str, int, int]:
        document = import_file(path)
        return document.id, len(generate(document)), len(list(document.walk()))

    return expected


@pytest.mark.parametrize("moment", [Moment("after-1-talk+10ms", units=1, delay=0.01),
                                    Moment("after-2-talks+20ms", units=2, delay=0.02)], ids=repr)
def test_a_kill_while_importing_talk_files_keeps_each_whole_or_absent(data_dir: Path, tmp_path: Path, moment: Moment,
                                                                      expected_talk_cards) -> None:
    sources = tmp_path / "talks"
    result = run_and_kill(driver("import", data_dir, sources), moment, data_dir, tmp_path / "stderr.txt")
    assert_driver_was_killed(result)
    assert_collection_sound(data_dir)
    stored = document_counts(data_dir)
    reported = {line.split()[2] for line in result.lines}
    assert reported <= set(stored)
    for path in sorted(sources.glob("talk-*.txt")):  # the last one may have been written but not imported
        if not path.read_text(encoding="utf-8").strip():
            continue  # killed while writing the source file itself
        document_id, cards, sections = expected_talk_cards(path)
        if document_id in stored:
            assert stored[document_id] == (cards, sections), path.name
        else:
            assert document_id not in reported


# ----- during the first start's import of the bundled talk ------------------------------------------

class WalSettles:
    """Fires on the first growth of the WAL after it has been still for a while: the first run's
    schema is written, the generator runs, and now the import transaction starts writing."""

    def __init__(self, data_dir: Path, still: float = 0.25) -> None:  # a Moment trigger: WalSettles(watch)
        self.wal = data_dir / (FILE_NAME + "-wal")
        self.still = still
        self.size: int | None = None
        self.since = 0.0
        self.settled = False

    def __call__(self) -> bool:
        size = self.wal.stat().st_size if self.wal.exists() else None
        now = time.monotonic()
        if size != self.size:
            fired = self.settled and size is not None
            self.size, self.since = size, now
            return fired
        if size is not None and now - self.since >= self.still:
            self.settled = True
        return False


def test_a_kill_during_the_first_starts_import_then_the_app_starts(tmp_path: Path, expected_talk_cards) -> None:
    """`talkcards --screenshot` on an empty folder imports the bundled talk; kill it at several
    moments (a fresh folder each): the talk is whole or absent; then the app starts on one of those
    folders and the talk is there whole."""
    from desktop.core.resources import BUNDLED_TALK, resource_path

    talk_id, talk_cards, talk_sections = expected_talk_cards(resource_path(BUNDLED_TALK))
    moments = [Moment("0.7s", delay=0.7), Moment("1.4s", delay=1.4),
               Moment("import-transaction-starts", trigger=WalSettles),
               Moment("import-transaction-starts+5ms", trigger=WalSettles, delay=0.005)]
    outcomes = {}
    folders = []
    for number, moment in enumerate(moments):
        data_dir = tmp_path / f"data-{number}"
        result = run_and_kill(talkcards("--screenshot", tmp_path / "killed.png", "--data-dir", data_dir), moment,
                              data_dir, tmp_path / "stderr.txt")
        if not result.killed:
            assert result.returncode == 0, result.stderr
        stored = {}
        if (data_dir / FILE_NAME).exists():
            with contextlib.closing(sqlite3.connect(data_dir / FILE_NAME)) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "documents" in tables:  # killed after the schema was made
                stored = document_counts(data_dir)
        assert set(stored) <= {talk_id}
        if talk_id in stored:
            assert stored[talk_id] == (talk_cards, talk_sections), moment.label
        assert_backups_sound(data_dir)
        outcomes[moment.label] = (f"{'killed' if result.killed else 'finished'} at {result.elapsed:.2f}s",
                                  "talk whole" if stored else "no talk")
        folders.append(data_dir)
    print("first-start kill outcomes:", outcomes)
    # the app itself, not this test, opens a folder first: the one killed at 1.4 s, while the talk was
    # being read and its cards generated, so this start has to do the import again
    assert_app_starts(folders[1], tmp_path)
    assert document_counts(folders[1]) == {talk_id: (talk_cards, talk_sections)}
    for data_dir in folders:
        assert_collection_sound(data_dir)


# ----- during an export ----------------------------------------------------------------------------

@pytest.fixture
def export_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    collection = Collection.in_folder(folder)
    document, cards = bulk_document(700, EXPORT_CARDS)
    collection.import_document(document, cards)
    collection.close()
    return folder


def apkg_fronts(package: Path, scratch: Path) -> list[str]:
    """The first field of every note after Anki itself imports the package (a failed import raises)."""
    from anki.collection import Collection as AnkiCollection
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    assert zipfile.is_zipfile(package)
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None
    scratch.mkdir(parents=True)
    anki = AnkiCollection(str(scratch / "collection.anki2"))
    try:
        anki.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)))
        return [anki.get_note(nid).fields[0] for nid in anki.find_notes("")]
    finally:
        anki.close()


EDITED = "这张卡片在第一次导出之后被用户改过"


def test_a_kill_during_export_leaves_the_old_deck_or_the_complete_new_one(export_dir: Path, tmp_path: Path) -> None:
    out_folder = tmp_path / "out"
    out_folder.mkdir()
    out = out_folder / "deck.apkg"
    first = subprocess.run(talkcards("--data-dir", export_dir, "export", "--all", "-o", out), cwd=ROOT,
                           capture_output=True, env=child_env(tmp_path), timeout=120)
    assert first.returncode == 0, first.stderr
    old_fronts = apkg_fronts(out, tmp_path / "anki-old")
    assert len(old_fronts) == EXPORT_CARDS and EDITED not in " ".join(old_fronts)

    collection = Collection.in_folder(export_dir)  # the user edits a card: the next export differs
    collection.update_card(collection.find_card_ids()[0], front=EDITED)
    collection.close()

    temp = appears(".deck.apkg.*.tmp")
    # the moments inside the write first: once one run finishes, later ones replace a new deck with a new deck
    # (the temporary file lives about a tenth of a second here: most of an export is reading the collection)
    moments = [Moment("temp-appears", trigger=temp), Moment("temp-appears+30ms", trigger=temp, delay=0.03),
               Moment("temp-appears+60ms", trigger=temp, delay=0.06),
               Moment("temp-half-written", trigger=written_into(".deck.apkg.*.tmp")),
               Moment("0.3s", delay=0.3), Moment("0.6s", delay=0.6), Moment("0.9s", delay=0.9)]
    outcomes = {}
    sound_new: set[bytes] = set()
    for number, moment in enumerate(moments):
        before = out.read_bytes()
        result = run_and_kill(talkcards("--data-dir", export_dir, "export", "--all", "-o", out), moment,
                              out_folder, tmp_path / "stderr.txt")
        if not result.killed:
            assert result.returncode == 0, result.stderr
        after = out.read_bytes()
        if after == before:
            outcome = "kept the previous deck"
        else:  # replaced: it must be the whole new deck, as Anki sees it
            if after not in sound_new:
                fronts = apkg_fronts(out, tmp_path / f"anki-{number}")
                assert len(fronts) == EXPORT_CARDS and EDITED in fronts, moment.label
                sound_new.add(after)
            outcome = "complete new deck"
        outcomes[moment.label] = (outcome, "killed" if result.killed else "finished", len(leftovers(out_folder)),
                                  len(list((tmp_path / "system-temp").glob("talkcards-apkg-*"))))
        assert_collection_sound(export_dir)  # an export only reads: the collection is untouched
    print("export kill outcomes (outcome, run, temp files beside the deck, apkg build folders in TMPDIR):", outcomes)
    # Temporary files may remain after SIGKILL (nothing runs after it); they never carry the target's name.
    assert all(name.startswith(".deck.apkg.") and name.endswith(".tmp") for name in leftovers(out_folder))
