"""The GUI over 100,000 cards, driven through real widgets (pytest-qt, offscreen).

Each row times what the window does on the GUI thread — the time it cannot answer the user —
until its events are processed. Queries sent off the thread are timed apart ("until all views
are up to date"). The baseline is `SELECT id FROM cards` over the same collection.
"""
from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import build_main_window
from tests.benchmarks.big_collection import cached_collection

pytestmark = pytest.mark.bench


def settle() -> None:
    """Let background queries finish and their results reach the widgets."""
    from desktop.ui import background

    wait = getattr(background, "wait_for_background", None)  # absent before issue 12: everything was synchronous
    if wait is not None:
        wait()
    QApplication.processEvents()
    QApplication.processEvents()


def timed(work) -> tuple[float, float]:
    """(seconds the GUI thread was busy, seconds until background queries also landed)."""
    start = time.perf_counter()
    work()
    QApplication.processEvents()
    frozen = time.perf_counter() - start
    settle()
    return frozen, time.perf_counter() - start


@pytest.fixture
def window(qtbot, tmp_path):
    window = build_main_window(cached_collection(tmp_path / "data"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    settle()
    yield window
    window.close()


def scan_of(window) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        window.collection.db.execute("SELECT id FROM cards").fetchall()
        best = min(best, time.perf_counter() - start)
    return best


def report(name: str, times: tuple[float, float], scan: float) -> None:
    frozen, done = times
    print(f"\n{name}: GUI thread {frozen * 1000:.0f} ms = {frozen / scan:.1f}× SELECT id FROM 100k cards "
          f"({scan * 1000:.1f} ms); all views up to date after {done * 1000:.0f} ms")


def test_suspend_and_delete_20k_selected_cards(window):
    scan = scan_of(window)
    report("select all cards (Ctrl+A)", timed(window.cards.selectAll), scan)
    selected = len(window.selected_card_ids())
    report(f"suspend the {selected} selected cards", timed(window.toggle_suspend), scan)
    report(f"unsuspend the {selected} cards", timed(window.toggle_suspend), scan)
    window.cards.selectAll()
    QApplication.processEvents()
    report(f"delete {selected} cards (a backup first)", timed(window.delete_cards), scan)
    report(f"undo deleting {selected} cards", timed(window.undo), scan)
    assert window.card_model.rowCount() == selected


def test_open_the_quiz(window):
    from desktop.ui.quiz_dialog import QuizDialog

    scan = scan_of(window)
    dialogs = []

    def open_quiz():
        dialog = QuizDialog(window.collection, window.document.id, None, window)
        dialog.show()
        dialogs.append(dialog)

    report("open the quiz on a 20k-card document of a 100k-card collection", timed(open_quiz), scan)
    dialog = dialogs[0]
    dialog.set_mode("choice")
    settle()
    report("next multiple-choice question", timed(dialog.next_card), scan)
    dialog.close()


def test_search_as_you_type(window):
    scan = scan_of(window)
    window.everywhere.setChecked(True)
    settle()
    for query in ("模型", "模型规模", "token", "第12345项"):
        before = window.card_model.rowCount()
        window.search.blockSignals(True)  # the text as typed, then the search the pause would start
        window.search.setText(query)
        window.search.blockSignals(False)
        report(f"search all 100k cards for {query!r} ({before} listed before)", timed(window.search_now), scan)
        assert window.card_model.query == query
    report("select another section", timed(lambda: window.select_section(window.document.sections[3].id)), scan)
