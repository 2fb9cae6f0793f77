"""Every error reaches the user: a dialog for what went wrong, with its details one click away.

Python exceptions raised inside Qt's event loop end in `sys.excepthook`, which by default only
prints to stderr, and a desktop user who started the app from a menu never sees stderr.
"""
from __future__ import annotations

import errno
import logging
import sqlite3
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.ui.i18n import tr

log = logging.getLogger(__name__)
_showing = False  # an error inside the dialog's own event loop must not open dialogs without end


def details_of(error: BaseException) -> str:
    """The traceback text a bug report needs."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def error_box(parent: QWidget | None, summary: str, details: str) -> QMessageBox:
    """A warning box with the details hidden behind "Show Details…" and a "Copy details" button."""
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Something went wrong"), summary, QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("errorDialog")
    box.setInformativeText(tr("Your collection is safe: every change before this was saved. "
                              "If this keeps happening, copy the details into a bug report."))
    box.setDetailedText(details)
    copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # an action button closes the box by default; copying should not
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    return box


def summary_of(error: BaseException) -> str:
    """Plain words for the failures a user can act on (a full disk, a read-only file), else the error itself."""
    text = str(error).lower()
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "disk is full" in text:
        return tr("The disk is full, so the last change was not saved. Free some space, then try again.")
    if isinstance(error, sqlite3.OperationalError) and "readonly" in text.replace("-", "").replace(" ", ""):
        return tr("The collection file cannot be written (it or its folder is read-only), so the last change "
                  "was not saved.")
    return tr("TalkCards hit an unexpected error: %1").replace("%1", f"{type(error).__name__}: {error}")


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user about an unexpected error (logged too, with its traceback)."""
    global _showing
    details = details_of(error)
    log.error("unexpected error: %s", details)
    if _showing:
        return
    _showing = True
    try:
        error_box(parent, summary_of(error), details).exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    """Route uncaught exceptions of the GUI to `show_error` (Ctrl+C still quits)."""
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        error.__traceback__ = trace
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
