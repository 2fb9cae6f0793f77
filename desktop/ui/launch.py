"""Start the GUI: application object, look, language, collection, first-run import, main window."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.collection import Collection
from desktop.core.library import ensure_bundled_talk
from desktop.core.resources import resource_path
from desktop.ui.i18n import install_language, system_language
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import apply_theme

SCREENSHOT_SIZE = (1280, 800)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("TalkCards")
        app.setOrganizationName("TalkCards")
        app.setWindowIcon(QIcon(str(resource_path("icons/talkcards.svg"))))
    return app


def build_main_window(data_dir: str | Path, background: bool = False) -> MainWindow:
    """The main window over the collection in `data_dir`, without running the event loop.

    On first run the bundled talk is imported: before the window is built (so it opens on the talk),
    or with `background`, off the GUI thread while the window already shows its progress bar —
    loading jieba's dictionary and generating take a second or two.
    """
    application()
    collection = Collection.in_folder(data_dir)
    install_language(collection.setting("language") or system_language())
    apply_theme(QApplication.instance(), collection.setting("theme") or "system")
    if not background:
        ensure_bundled_talk(collection)
    window = MainWindow(collection)
    window.restore_geometry()
    if background:
        window.run_in_background(ensure_bundled_talk, lambda document_id: document_id and window.reload_documents(document_id))
    return window


def run_gui(data_dir: Path, open_path: Path | None = None, screenshot: Path | None = None) -> int:
    app = application()
    window = build_main_window(data_dir, background=screenshot is None)
    if screenshot:
        return save_screenshot(window, screenshot)
    window.show()
    if open_path:
        QTimer.singleShot(0, lambda: window.import_file(Path(open_path)))
    return app.exec()


def save_screenshot(window: MainWindow, out: Path) -> int:
    """Render the window at 1280×800 with section 1.2 (or the first section) selected, save it as PNG."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    target = next((s for s in window.document.walk() if s.number == "1.2"), None) if window.document else None
    if target is None and window.document and window.document.sections:
        target = window.document.sections[0]
    if target:
        window.select_section(target.id)
    QApplication.processEvents()
    ok = window.grab().save(str(out), "PNG")
    window.close()
    if not ok:
        QMessageBox.critical(None, "TalkCards", f"Could not write {out}")
        return 1
    return 0
