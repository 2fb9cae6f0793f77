"""Start the GUI: application object, look, language, collection, first-run import, main window."""
from __future__ import annotations

import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.collection import Collection, CollectionError
from desktop.core.library import ensure_bundled_talk, needs_bundled_talk
from desktop.core.recovery import Recovery, open_collection
from desktop.core.resources import resource_path
from desktop.ui.error_dialog import install_excepthook
from desktop.ui.i18n import current_language, install_language, system_language, tr
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import InstanceGuard
from desktop.ui.theme import apply_theme

SCREENSHOT_SIZE = (1280, 800)
DESKTOP_ID = "io.github.talkcards.TalkCards"  # packaging/'s desktop entry and AppStream id


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("TalkCards")
        app.setOrganizationName("TalkCards")
        app.setDesktopFileName(DESKTOP_ID)  # how a Wayland compositor or a dock matches the window to its entry
        app.setWindowIcon(QIcon(str(resource_path("icons/talkcards.svg"))))
    return app


def build_main_window(data_dir: str | Path, background: bool = False, interactive: bool = False) -> MainWindow:
    """The main window over the collection in `data_dir`, without running the event loop.

    On first run the bundled talk is imported: before the window is built (so it opens on the talk),
    or with `background`, off the GUI thread while the window already shows its progress bar —
    loading jieba's dictionary and generating take a second or two. A damaged collection is
    recovered first: `interactive` asks the user, otherwise the newest backup is restored and
    stderr says so.

    Raises:
        CollectionError: the collection cannot be opened (a read-only folder, a lock).
        StartCancelled: the user chose to quit instead of recovering (`desktop.ui.backup_dialog`'s).
    """
    application()
    install_language(system_language())  # until the collection, which holds the user's choice, is open
    collection = open_checked(Path(data_dir), interactive)
    install_language(collection.setting("language") or system_language())
    apply_theme(QApplication.instance(), collection.setting("theme") or "system", current_language())
    if not background:
        ensure_bundled_talk(collection)
    window = MainWindow(collection)
    window.restore_geometry()
    if background and needs_bundled_talk(collection):
        window.set_waiting_for_first_import(True)

        def imported(document_id: str | None) -> None:
            window.set_waiting_for_first_import(False)
            window.reload_documents(document_id)

        def failed(error: Exception) -> None:
            window.set_waiting_for_first_import(False)
            window._import_failed(error)

        window.run_in_background(ensure_bundled_talk, imported, tr("Importing the bundled talk…"), failed)
    return window


def open_checked(data_dir: Path, interactive: bool) -> Collection:
    """Open the collection, recovering a damaged file; the user hears what was done."""
    collection, recovery = open_collection(data_dir, _ask_to_restore if interactive else None)
    if recovery is not None:
        if interactive:
            QMessageBox.information(None, "TalkCards", recovered_text(recovery))
        else:
            print(f"talkcards: {recovery.message()}", file=sys.stderr)
    return collection


def _ask_to_restore(*args):
    """The recovery dialog, loaded only for a damaged collection (not on every start)."""
    from desktop.ui.backup_dialog import ask_to_restore

    return ask_to_restore(*args)


def recovered_text(recovery: Recovery) -> str:
    from desktop.ui.backup_dialog import local_time

    if recovery.restored is None:
        text = tr("TalkCards started with an empty collection. The damaged file was kept as %1.")
    else:
        text = tr("The backup of %2 was restored. The damaged file was kept as %1.")
        text = text.replace("%2", local_time(recovery.restored))
    return text.replace("%1", str(recovery.damaged_path))


def run_gui(data_dir: Path, open_path: str | Path | None = None, screenshot: Path | None = None) -> int:
    app = application()
    install_language(system_language())
    guard = InstanceGuard(data_dir)
    if not guard.acquire():
        return _already_running(guard, data_dir, open_path, screenshot)
    terminate = _Terminate()
    try:
        interactive = screenshot is None
        if interactive:
            install_excepthook()
        try:
            window = build_main_window(data_dir, background=interactive, interactive=interactive)
        except CollectionError as error:
            return _tell(str(error), screenshot is not None)
        except Exception as error:
            from desktop.ui.backup_dialog import StartCancelled  # the recovery dialog's: loaded when it is needed

            if isinstance(error, StartCancelled):
                return 0
            raise
        if screenshot:
            return save_screenshot(window, screenshot)
        guard.show_requested.connect(lambda: _to_front(window))
        guard.open_requested.connect(lambda source: (_to_front(window), window.open_source(source)))
        window.show()
        if not terminate.attach(window):
            return 0  # terminated while starting, and nothing left to finish
        if open_path:
            QTimer.singleShot(0, lambda: window.open_source(str(open_path)))
        return app.exec()
    finally:
        guard.release()


def _already_running(guard: InstanceGuard, data_dir: Path, open_path: str | Path | None,
                     screenshot: Path | None) -> int:
    """Another TalkCards owns the folder: hand it our request, or say clearly why we stop."""
    if screenshot is None and guard.hand_over(open_path):
        print("talkcards: TalkCards is already open on this data folder; it was brought to the front.", file=sys.stderr)
        return 0
    message = tr("TalkCards is already open on the data folder %1 (process %2). Close it first, or choose "
                 "another folder with --data-dir.").replace("%1", str(data_dir)).replace("%2", str(guard.owner_pid()))
    return _tell(message, screenshot is not None)


def _tell(message: str, quietly: bool) -> int:
    """A start-up failure: on stderr for runs that cannot ask, in a dialog otherwise; exit status 2."""
    if quietly:
        print(f"talkcards: {message}", file=sys.stderr)
    else:
        QMessageBox.warning(None, "TalkCards", message)
    return 2


class _Terminate:
    """SIGTERM (a logout, `kill`) closes the window as the user would: the file is closed and backed up.

    Python runs signal handlers only between bytecodes; a light timer lets it look while Qt waits.
    """

    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.requested = False
        signal.signal(signal.SIGTERM, self._received)

    def _received(self, *_args) -> None:
        self.requested = True
        if self.window is not None:
            for other in QApplication.topLevelWidgets():  # a dialog's own event loop would keep the app alive
                if other is not self.window and other.isVisible():
                    other.close()
            self.window.close()

    def attach(self, window: MainWindow) -> bool:
        """Watch for SIGTERM while `window` runs; False when it came during start-up and all is done."""
        self.window = window
        timer = QTimer(window)  # owned by the window: it lives as long as the window does
        timer.timeout.connect(lambda: None)
        timer.start(250)
        if self.requested:
            window.close()
            return window.close_pending  # an import still running: the event loop lets it finish
        return True


def _to_front(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


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
