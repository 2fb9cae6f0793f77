"""File ▸ Export…: choose documents, a format and a file, then write it off the GUI thread."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from desktop.core.collection import Collection
from desktop.core.export.service import export_sources, sources_from_collection
from desktop.ui.background import collection_op
from desktop.ui.i18n import tr

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole
TITLE_ROLE = Qt.ItemDataRole.UserRole + 1
CARDS_ROLE = Qt.ItemDataRole.UserRole + 2
# Characters that some file system refuses in a name; a title like "A/B: C?" must still give a file.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_MAX_NAME = 80


@dataclass(frozen=True)
class ExportFormat:
    key: str  # as `export_sources` and the command line call it
    suffix: str


# Anki's text importer lists .txt files; tab-separated text is what it reads unattended.
FORMATS = (ExportFormat("apkg", ".apkg"), ExportFormat("csv", ".txt"), ExportFormat("md", ".md"))


def format_label(fmt: ExportFormat) -> str:
    return {"apkg": tr("Anki deck (.apkg)"), "csv": tr("Anki text, tab-separated (.txt)"),
            "md": tr("Markdown outline with cards (.md)")}[fmt.key]


def file_name_for(title: str, suffix: str) -> str:
    """A file name made from a document title: unsafe characters become spaces, length is capped."""
    stem = " ".join(_UNSAFE_NAME.sub(" ", title).split())[:_MAX_NAME].strip(" .")
    return (stem or "TalkCards") + suffix


def with_format_suffix(path: Path, fmt: ExportFormat) -> Path:
    """`path` with the format's suffix; only our own suffixes are replaced, so "GPT-4.5 讲座" keeps its ".5"."""
    if path.suffix.lower() in {f.suffix for f in FORMATS}:
        return path.with_suffix(fmt.suffix)
    return path.with_name(path.name + fmt.suffix)


def default_folder() -> Path:
    """The user's Documents folder, or home when there is none (exporting into a missing folder fails)."""
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return documents if documents.is_dir() else Path.home()


def _export_job(document_ids: list[str], path: Path, fmt: str, include_suspended: bool):
    """The work done on the pool thread, with the job's own collection connection."""
    def run(collection: Collection) -> int:
        sources = sources_from_collection(collection, document_ids)
        return export_sources(sources, path, fmt, include_suspended=include_suspended)
    return run


class ExportDialog(QDialog):
    """Export chosen documents of the collection as an Anki deck, Anki text or Markdown.

    `export_to(path)` starts the export without the file dialog (tests drive it); the result
    is shown in a message box and announced by `exported` or `failed`.
    """

    exported = Signal(int)  # notes (Markdown: cards) written
    failed = Signal(str)  # the message shown

    def __init__(self, collection: Collection, current_document_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.collection = collection
        self.running = False
        self.message_box: QMessageBox | None = None
        self._path_chosen = False  # once the user picks a path, checking documents no longer renames it
        self._build_widgets()
        self._fill_documents(current_document_id)
        self.retranslate()
        self._suggest_path()
        self._update_buttons()

    # ----- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.documents = QListWidget()
        self.documents.setObjectName("exportDocuments")
        self.documents.itemChanged.connect(self._documents_changed)
        self.all_documents = QCheckBox()
        self.all_documents.setObjectName("exportAll")
        self.all_documents.clicked.connect(self._check_all)
        self.format_box = QComboBox()
        self.format_box.setObjectName("exportFormat")
        for fmt in FORMATS:
            self.format_box.addItem("", fmt.key)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.include_suspended = QCheckBox()
        self.include_suspended.setObjectName("exportIncludeSuspended")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setMinimumWidth(320)
        self.path_edit.textEdited.connect(self._path_edited)
        self.path_edit.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self.choose_path)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)  # busy: the exporters report no steps, only "done"
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._start_from_dialog)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.labels = {name: QLabel() for name in ("documents", "format", "path")}
        form = QFormLayout()
        form.addRow(self.labels["documents"], self.documents)
        form.addRow("", self.all_documents)
        form.addRow(self.labels["format"], self.format_box)
        form.addRow("", self.include_suspended)
        form.addRow(self.labels["path"], path_row)
        for name, buddy in (("documents", self.documents), ("format", self.format_box), ("path", self.path_edit)):
            self.labels[name].setBuddy(buddy)  # Alt+letter of the label focuses its field
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(600, 420)

    def _fill_documents(self, current_document_id: str | None) -> None:
        self.documents.blockSignals(True)
        for row in self.collection.documents():
            item = QListWidgetItem(row["title"])
            item.setData(DOCUMENT_ID_ROLE, row["id"])
            item.setData(TITLE_ROLE, row["title"])
            item.setData(CARDS_ROLE, row["cards"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # With no document open there is nothing "current": offer the whole collection.
            checked = current_document_id is None or row["id"] == current_document_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        self.documents.blockSignals(False)
        self._sync_all_box()

    def retranslate(self) -> None:
        """(Re)apply every UI string; called on start and when the language changes."""
        self.setWindowTitle(tr("Export"))
        self.labels["documents"].setText(tr("&Documents:"))
        self.labels["format"].setText(tr("&Format:"))
        self.labels["path"].setText(tr("&Save to:"))
        self.all_documents.setText(tr("All documents"))
        self.include_suspended.setText(tr("Include suspended cards"))
        self.browse_button.setText(tr("Choose…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        for index, fmt in enumerate(FORMATS):
            self.format_box.setItemText(index, format_label(fmt))
        self.documents.blockSignals(True)  # a text change is no check change
        for item in self._items():
            # The card count tells the user whether a document is worth exporting at all.
            count = tr("%n card(s)", None, item.data(CARDS_ROLE))  # outside the f-string, so lupdate finds it
            item.setText(f"{item.data(TITLE_ROLE)}  ·  {count}")
        self.documents.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- choices ---------------------------------------------------------------------------

    def checked_document_ids(self) -> list[str]:
        """Ids of the checked documents, in the list's (import) order."""
        return [item.data(DOCUMENT_ID_ROLE) for item in self._items()
                if item.checkState() == Qt.CheckState.Checked]

    def set_format(self, key: str) -> None:
        """Choose a format by its key: "apkg", "csv" or "md"."""
        self.format_box.setCurrentIndex(self.format_box.findData(key))

    def current_format(self) -> ExportFormat:
        return FORMATS[max(0, self.format_box.currentIndex())]

    def _items(self) -> list[QListWidgetItem]:
        return [self.documents.item(index) for index in range(self.documents.count())]

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.documents.blockSignals(True)  # one update afterwards instead of one per item
        for item in self._items():
            item.setCheckState(state)
        self.documents.blockSignals(False)
        self._documents_changed()

    def _documents_changed(self, _item: QListWidgetItem | None = None) -> None:
        self._sync_all_box()
        if not self._path_chosen:
            self._suggest_path()
        self._update_buttons()

    def _sync_all_box(self) -> None:
        items = self._items()
        self.all_documents.setChecked(bool(items) and all(
            item.checkState() == Qt.CheckState.Checked for item in items))

    def _format_changed(self) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(with_format_suffix(Path(text), self.current_format())))

    def _path_edited(self) -> None:
        self._path_chosen = True

    def _suggest_path(self) -> None:
        """Name the file after the one checked document, or after the app for several."""
        ids = self.checked_document_ids()
        titles = [item.data(TITLE_ROLE) for item in self._items() if item.data(DOCUMENT_ID_ROLE) in ids]
        title = titles[0] if len(titles) == 1 else "TalkCards"
        folder = Path(self.path_edit.text()).parent if self.path_edit.text().strip() else default_folder()
        self.path_edit.setText(str(folder / file_name_for(title, self.current_format().suffix)))

    def choose_path(self) -> None:
        """Ask for the output file with the platform's save dialog."""
        fmt = self.current_format()
        pattern = f"{format_label(fmt)} (*{fmt.suffix})"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export to"), self.path_edit.text(), pattern)
        if path:
            # Some platforms' dialogs do not add the suffix; the format should still show in the name.
            self._path_chosen = True
            self.path_edit.setText(str(with_format_suffix(Path(path), fmt)))

    def _update_buttons(self) -> None:
        ready = not self.running and bool(self.checked_document_ids()) and bool(self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    # ----- running ---------------------------------------------------------------------------

    def _start_from_dialog(self) -> None:
        self.export_to(Path(self.path_edit.text().strip()).expanduser())

    def export_to(self, path: str | Path) -> None:
        """Start writing the checked documents to `path` in the chosen format, off the GUI thread.

        Returns at once; `exported` or `failed` is emitted (and a message shown) when it is done.
        """
        if self.running:
            return
        ids = self.checked_document_ids()
        if not ids:
            self._show_error(tr("Choose at least one document to export."))
            return
        target = Path(path)
        self.path_edit.setText(str(target))
        self._set_running(True)
        job = _export_job(ids, target, self.current_format().key, self.include_suspended.isChecked())
        collection_op(self.collection.path, job,
                      lambda count: self._succeeded(count, target), lambda error: self._failed(error, target))

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.progress.setVisible(running)
        for widget in (self.documents, self.all_documents, self.format_box, self.include_suspended,
                       self.path_edit, self.browse_button):
            widget.setEnabled(not running)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not running)
        self._update_buttons()

    def _succeeded(self, count: int, path: Path) -> None:
        self._set_running(False)
        if self.current_format().key == "md":
            text = tr("Exported %n card(s) to {path}.", None, count)
        else:
            text = tr("Exported %n note(s) to {path}.", None, count)
        if count == 0:
            text += " " + tr("The chosen documents have no cards yet.")
        box = self._show_message(QMessageBox.Icon.Information, text.format(path=path))
        box.finished.connect(self.accept)  # done: closing the message closes the dialog
        self.exported.emit(count)

    def _failed(self, error: Exception, path: Path) -> None:
        self._set_running(False)
        self._show_error(describe_error(error, path))

    def _show_error(self, text: str) -> None:
        self._show_message(QMessageBox.Icon.Warning, text)
        self.failed.emit(text)

    def _show_message(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        # open(), not exec(): the dialog's own event loop keeps running, and tests can read and close it.
        box = QMessageBox(icon, tr("Export"), text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.finished.connect(lambda _result: self._forget_message(box))
        box.open()
        return box

    def _forget_message(self, box: QMessageBox) -> None:
        if self.message_box is box:
            self.message_box = None

    # The worker reports back to this dialog, so it must stay open until the export ends.
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)


def describe_error(error: Exception, path: Path) -> str:
    """One sentence for the user; file system errors name the file, not a temporary one."""
    if isinstance(error, PermissionError):
        return tr("You may not write to {path}. Choose another folder.").format(path=path)
    if isinstance(error, FileNotFoundError):
        return tr("The folder {folder} does not exist. Choose another one.").format(folder=path.parent)
    if isinstance(error, OSError):
        return tr("Could not write {path}: {reason}.").format(path=path, reason=error.strerror or error)
    return tr("Could not export: {reason}").format(reason=error)
