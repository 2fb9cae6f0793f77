"""GUI tests run offscreen against a fresh data folder each."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def main_window(qtbot, tmp_path):
    """The main window built on an empty data folder (so the bundled talk is imported)."""
    from desktop.app import build_main_window

    window = build_main_window(tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window
    window.close()


@pytest.fixture
def settle():
    """Call to let the window's background work (today's counts, mastery, a delete) land on its widgets."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.background import wait_for_background

    def run() -> None:
        assert wait_for_background()
        QApplication.processEvents()

    return run
