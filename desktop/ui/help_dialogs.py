"""Help ▸ Keyboard shortcuts and Help ▸ About."""
from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.ui.i18n import tr


def review_keys() -> list[tuple[str, str]]:
    """The review screen's keys (they are key presses, not menu actions)."""
    return [(tr("Show the answer"), tr("Space or Enter")), (tr("Again / Hard / Good / Easy"), "1 / 2 / 3 / 4"),
            (tr("Edit the card"), "E"), (tr("Bury the card until tomorrow"), "-"), (tr("Suspend the card"), "@"),
            (tr("Flag the card"), "Ctrl+1 … Ctrl+4"), (tr("Delete the card"), "Ctrl+Delete"),
            (tr("Undo"), "Ctrl+Z"), (tr("Close"), "Esc")]


def triage_keys() -> list[tuple[str, str]]:
    return [(tr("Keep"), tr("K, Space or Enter")), (tr("Drop"), tr("D or Delete")), (tr("Edit, then keep"), "E"),
            (tr("Back to the previous card"), tr("Backspace"))]


def menu_keys(actions: list[QAction]) -> list[tuple[str, str]]:
    """Each action that has a shortcut, named as in its menu (without the & of its accelerator)."""
    return [(action.text().replace("&", ""), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for action in actions if not action.shortcut().isEmpty()]


def _table(title: str, rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>" for name, keys in rows)
    return f"<h3>{html.escape(title)}</h3><table cellspacing='4'>{cells}</table>"


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.text = QTextBrowser()
        self.text.setHtml(_table(tr("Main window"), menu_keys(actions)) + _table(tr("Review"), review_keys())
                          + _table(tr("Checking suggested cards"), triage_keys()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, 620)


def version() -> str:
    try:
        return metadata.version("talkcards")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return tr("development version")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, tr("About TalkCards"), "<h3>TalkCards %s</h3><p>%s</p><p>%s</p>" % (
        html.escape(version()),
        html.escape(tr("Keep what you learned from a talk: its outline, its text and flashcards made from it, "
                       "studied offline with FSRS and exported to Anki.")),
        html.escape(tr("Everything stays in one file on this computer."))))
