"""Backups, recovery and errors as the user meets them in the window."""
from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import threading
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView

from desktop.app import build_main_window
from desktop.core import backup
from desktop.core.collection import FILE_NAME
from desktop.core.review import ReviewSession
from desktop.core.schedule import Study
from desktop.ui import backup_dialog, main_window as main_window_module
from desktop.ui.backup_dialog import BackupDialog, StartCancelled
from desktop.ui.error_dialog import error_box, show_error, summary_of
from desktop.ui.launch import open_checked
from desktop.ui.single_instance import InstanceGuard


def review_two(collection) -> None:
    session = ReviewSession(collection, Study())
    session.answer(3, duration_ms=3000)
    session.answer(3, duration_ms=3000)


def closed_with_reviews(qtbot, folder: Path) -> tuple[list[str], int]:
    """Open the app on `folder` (first run: the bundled talk), review two cards, close it."""
    window = build_main_window(folder)
    qtbot.addWidget(window)
    review_two(window.collection)
    documents = [d["id"] for d in window.collection.documents()]
    window.close()
    return documents, 2


def click_when_shown(button_text: str, seen: list[str]) -> None:
    """Press a button of the next modal message box (it runs its own event loop)."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, press)


def test_closing_the_window_backs_the_collection_up(qtbot, tmp_path: Path) -> None:
    closed_with_reviews(qtbot, tmp_path)
    reasons = [b.reason for b in backup.listing(tmp_path / "backups")]
    assert reasons[0] == "close"
    assert backup.contents(backup.listing(tmp_path / "backups")[0].path).reviews == 2


def test_a_damaged_collection_opens_restored_and_stderr_says_so(qtbot, tmp_path: Path, capsys) -> None:
    documents, reviews = closed_with_reviews(qtbot, tmp_path)
    path = tmp_path / FILE_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    assert [d["id"] for d in window.collection.documents()] == documents
    assert len(window.collection.reviews()) == reviews
    assert "was restored" in capsys.readouterr().err
    assert list(tmp_path.glob(f"{FILE_NAME}.damaged-*"))
    window.close()


def test_at_start_the_user_is_asked_and_told(qtbot, tmp_path: Path) -> None:
    closed_with_reviews(qtbot, tmp_path)
    (tmp_path / FILE_NAME).write_bytes(os.urandom(8192))
    seen: list[str] = []
    click_when_shown("Restore the backup", seen)
    QTimer.singleShot(200, lambda: click_when_shown("OK", seen))
    collection = open_checked(tmp_path, interactive=True)
    assert seen[0] == "Your collection file is damaged and cannot be opened."
    assert "was restored" in seen[1]
    assert len(collection.reviews()) == 2
    collection.close()


def test_quitting_at_the_damaged_file_question_changes_nothing(qtbot, tmp_path: Path) -> None:
    closed_with_reviews(qtbot, tmp_path)
    broken = os.urandom(8192)
    (tmp_path / FILE_NAME).write_bytes(broken)
    click_when_shown("Quit", [])
    with pytest.raises(StartCancelled):
        open_checked(tmp_path, interactive=True)
    assert (tmp_path / FILE_NAME).read_bytes() == broken


def test_restore_backup_lists_backups_and_brings_one_back(qtbot, tmp_path: Path) -> None:
    closed_with_reviews(qtbot, tmp_path)
    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    review_two(window.collection)
    assert len(window.collection.reviews()) == 4
    dialog = BackupDialog(window.collection, window)
    qtbot.addWidget(dialog)
    view = dialog.findChild(QTableView, "backupView")
    assert view.model().rowCount() == len(backup.listing(tmp_path / "backups"))
    assert [view.model().index(0, c).data() for c in (1, 4)] == ["On closing", "2"]
    dialog.restore_selected(confirm=False)
    assert dialog.restored
    window.replace_collection(dialog.collection)
    assert len(window.collection.reviews()) == 2
    assert window.card_model.rowCount() > 0
    assert backup.listing(tmp_path / "backups")[0].reason == "restore"  # today's state, kept
    window.close()


def test_check_collection_reports_in_a_dialog(qtbot, main_window, monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    main_window.actions_["check"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert told[0].splitlines() == ["The file is sound.", "Nothing needed repair.", "The search index was rebuilt."]


def test_an_unexpected_error_in_a_background_job_shows_the_error_dialog(qtbot, main_window, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(main_window_module, "show_error", lambda parent, error: shown.append(error))

    def broken(_collection):
        raise StopIteration

    main_window.run_in_background(broken, lambda _result: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert isinstance(shown[0], StopIteration) and not main_window.progress.isVisible()


def test_the_error_dialog_offers_its_details_to_copy(qtbot) -> None:
    try:
        raise ValueError("bad state")
    except ValueError as error:
        box = error_box(None, "TalkCards hit an unexpected error", "".join(["Traceback…\nValueError: bad state"]))
        caught = error
    qtbot.addWidget(box)
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    copy.click()
    assert QApplication.clipboard().text() == "Traceback…\nValueError: bad state"
    assert box.detailedText().endswith("bad state")
    boxes = []
    QTimer.singleShot(0, lambda: (boxes.append(QApplication.activeModalWidget()), boxes[0].accept()))
    show_error(None, caught)
    assert "ValueError: bad state" in boxes[0].text() and "ValueError: bad state" in boxes[0].detailedText()


def test_a_second_start_hands_its_file_to_the_first(qtbot, tmp_path: Path) -> None:
    first, second = InstanceGuard(tmp_path), InstanceGuard(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    with qtbot.waitSignal(first.open_requested, timeout=5000) as opened:
        assert second.hand_over(tmp_path / "talk.txt")
    assert opened.args == [str((tmp_path / "talk.txt").resolve())]
    first.release()
    assert second.acquire()  # free again once the first has gone
    second.release()


def test_a_lock_left_by_a_killed_process_does_not_block_the_next_start(tmp_path: Path) -> None:
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()  # its pid is now free: the lock below names a process that is gone
    (tmp_path / "talkcards.lock").write_text(f"{killed.pid}\npython3\n{QSysInfo.machineHostName()}\n")
    guard = InstanceGuard(tmp_path)
    assert guard.acquire()
    guard.release()


def test_reason_labels_are_words_not_codes() -> None:
    assert backup_dialog.reason_label("study") == "While studying"


@pytest.mark.parametrize(("error", "words"), [
    (sqlite3.OperationalError("database or disk is full"), "The disk is full"),
    (OSError(errno.ENOSPC, "No space left on device"), "The disk is full"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    (KeyError("x"), "unexpected error: KeyError"),
])
def test_errors_a_user_can_act_on_are_said_in_plain_words(error: Exception, words: str) -> None:
    assert words in summary_of(error)


def test_closing_during_an_import_finishes_it_first(qtbot, tmp_path: Path) -> None:
    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()

    def slow(collection):
        release.wait(10)
        return None

    window.run_in_background(slow, lambda _result: None)
    window.close()
    assert not window.isVisible() and not window.collection.closed  # the job still has the file
    release.set()
    qtbot.waitUntil(lambda: window.collection.closed, timeout=10000)
    assert backup.listing(tmp_path / "backups")[0].reason == "close"


def test_after_an_import_the_status_bar_says_what_it_brought(qtbot, main_window, tmp_path: Path) -> None:
    talk = tmp_path / "tea.txt"
    talk.write_text("茶的学问\n\n1. 种类\n\n红茶产于福建武夷山，是全发酵茶。\n", encoding="utf-8")
    main_window.import_file(talk)
    qtbot.waitUntil(lambda: not main_window.busy, timeout=20000)
    assert main_window.statusBar().currentMessage().startswith("Imported “茶的学问”")
    assert not main_window.progress.isVisible()
