"""The main window: document library and outline | reader | cards, linked both ways."""
from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog, QHeaderView, QLabel,
                               QLineEdit, QMainWindow, QMessageBox, QProgressBar, QSplitter, QTableView,
                               QTreeView, QVBoxLayout, QWidget)

from desktop.core.collection import Collection, CollectionError
from desktop.core.document import Document
from desktop.core.importing import SUFFIXES, ImportFailed
from desktop.core.library import import_path
from desktop.ui.background import collection_op
from desktop.ui.card_editor import CardEditor, new_card_from_selection
from desktop.ui.card_model import CARD_ID_ROLE, CardTableModel
from desktop.ui.error_dialog import show_error
from desktop.ui.i18n import LANGUAGES, install_language, tr
from desktop.ui.mastery import MasteryDelegate, apply_mastery
from desktop.ui.outline_model import SECTION_ID_ROLE, OutlineModel
from desktop.ui.reader import ReaderView
from desktop.ui.theme import apply_theme


class MainWindow(QMainWindow):
    """Built with a collection; every change goes through it."""

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection
        self.document: Document | None = None
        self.deleted: list[list[str]] = []  # undo stack of deleted card ids
        self.busy = 0
        self.close_pending = False  # closed while busy: close once the work is done
        self._busy_message = ""
        self._build_widgets()
        self._build_actions()
        self.setAcceptDrops(True)
        self.retranslate()
        self.reload_documents()

    # ----- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.library = QComboBox()
        self.library.setObjectName("documentLibrary")
        self.library.currentIndexChanged.connect(self._document_chosen)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outlineView")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setItemDelegate(MasteryDelegate(self.outline))
        self.outline.selectionModel().currentChanged.connect(self._section_chosen)
        self.reader = ReaderView()
        self.reader.sentence_clicked.connect(self.select_cards_of_sentence)
        self.reader.new_card_requested.connect(self._new_card)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.card_model.search(query=text))
        self.card_model = CardTableModel(self.collection, self)
        self.cards = QTableView()
        self.cards.setObjectName("cardView")
        self.cards.setModel(self.card_model)
        self.cards.setSortingEnabled(True)
        self.cards.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.cards.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cards.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        self.cards.verticalHeader().hide()
        header = self.cards.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the question gets the room
        for column, width in ((1, 130), (2, 56), (3, 120), (4, 84)):
            header.resizeSection(column, width)
        self.cards.doubleClicked.connect(lambda _: self.edit_card())
        self.cards.selectionModel().currentRowChanged.connect(self._card_chosen)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(_column(self.library, self.outline))
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(_column(self.search, self.cards))
        self.splitter.setSizes([290, 430, 560])
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: import and generation have no fine steps
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status_label = QLabel()  # permanent, on the right: messages on the left never overlap it
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_actions(self) -> None:
        self.actions_: dict[str, QAction] = {}
        spec = [
            ("file", "import", QKeySequence.StandardKey.Open, self.choose_import),
            ("file", "export", "Ctrl+E", self.open_export),
            ("file", "quit", QKeySequence.StandardKey.Quit, self.close),
            ("edit", "find", QKeySequence.StandardKey.Find, self.focus_search),
            ("edit", "edit_card", "Ctrl+Shift+E", self.edit_card),
            ("edit", "suspend", "Ctrl+J", self.toggle_suspend),
            ("edit", "delete", QKeySequence.StandardKey.Delete, self.delete_cards),
            ("edit", "undo_delete", QKeySequence.StandardKey.Undo, self.undo_delete),
            ("study", "review", "Ctrl+R", lambda: self.open_review(None, None)),
            ("study", "review_document", "Ctrl+Shift+D", lambda: self.open_review(self._document_id(), None)),
            ("study", "review_section", "Ctrl+Shift+R",
             lambda: self.open_review(self._document_id(), self.current_section_id())),
            ("study", "quiz", "Ctrl+Q", self.open_quiz),
            ("study", "stats", "Ctrl+Shift+S", self.open_stats),
            ("study", "study_options", "", self.open_study_options),
            ("tools", "check", "", self.check_collection),
            ("tools", "backups", "", self.open_backups),
        ]
        self.menus = {name: self.menuBar().addMenu("") for name in ("file", "edit", "study", "tools", "view")}
        for menu, name, shortcut, slot in spec:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.menus[menu].addAction(action)
            self.actions_[name] = action
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for name in ("import", "export", "review", "review_section", "quiz", "stats"):
            self.toolbar.addAction(self.actions_[name])
        self.actions_["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cards.addAction(self.actions_["delete"])
        self.language_menu = self.menus["view"].addMenu("")
        for code, name in LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        self.theme_menu = self.menus["view"].addMenu("")
        self.theme_actions = {scheme: self.theme_menu.addAction("") for scheme in ("system", "light", "dark")}
        for scheme, action in self.theme_actions.items():
            action.triggered.connect(lambda _=False, s=scheme: self.set_theme(s))

    def retranslate(self) -> None:
        """(Re)apply every UI string; called on start and when the language changes."""
        self.setWindowTitle("TalkCards" + (f" — {self.document.title}" if self.document else ""))
        for name, text in (("file", tr("&File")), ("edit", tr("&Edit")), ("study", tr("&Study")),
                           ("tools", tr("&Tools")), ("view", tr("&View"))):
            self.menus[name].setTitle(text)
        labels = {"import": tr("&Import…"), "export": tr("&Export…"), "quit": tr("&Quit"),
                  "find": tr("&Find cards"), "edit_card": tr("Edit &card…"), "suspend": tr("&Suspend / unsuspend"),
                  "delete": tr("&Delete cards"), "undo_delete": tr("&Undo delete"), "review": tr("&Review all due cards"),
                  "review_document": tr("Study this &document"),
                  "review_section": tr("Study this &section"), "quiz": tr("&Quiz…"), "stats": tr("S&tatistics"),
                  "study_options": tr("Study &options…"), "check": tr("&Check collection"),
                  "backups": tr("&Restore backup…")}
        for name, text in labels.items():
            self.actions_[name].setText(text)
        self.language_menu.setTitle(tr("&Language"))
        self.theme_menu.setTitle(tr("&Theme"))
        for scheme, text in (("system", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme_actions[scheme].setText(text)
        self.toolbar.setWindowTitle(tr("Toolbar"))
        self.search.setPlaceholderText(tr("Search cards (Ctrl+F)"))
        self.card_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.card_model.columnCount() - 1)
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----- documents and sections ------------------------------------------------------------

    def reload_documents(self, select_id: str | None = None) -> None:
        documents = self.collection.documents()
        wanted = select_id or self.collection.setting("last_document")
        self.library.blockSignals(True)
        self.library.clear()
        for row in documents:
            self.library.addItem(row["title"], row["id"])
        self.library.setVisible(len(documents) > 1)
        self.library.blockSignals(False)
        index = max(0, self.library.findData(wanted)) if documents else -1
        self.library.setCurrentIndex(index)
        self._document_chosen(index)

    def _document_chosen(self, index: int) -> None:
        document_id = self.library.itemData(index) if index >= 0 else None
        self.document = self.collection.document(document_id) if document_id else None
        self.outline_model.set_document(self.document)
        self.outline.expandAll()
        if document_id:
            apply_mastery(self.outline_model, self.collection, document_id)
        self.card_model.search(document_id=document_id, section_id=None)
        self.reader.show_section(None, None, set())
        if document_id:
            self.collection.set_setting("last_document", document_id)
            last = self.collection.setting("last_section")
            self.select_section(last if last and self.outline_model.index_for_section(last).isValid() else None)
        self.retranslate()

    def select_section(self, section_id: str | None) -> None:
        """Select a section in the outline (None: the whole document)."""
        index = self.outline_model.index_for_section(section_id)
        self.outline.setCurrentIndex(index)
        self.outline.scrollTo(index)

    def current_section_id(self) -> str | None:
        index = self.outline.currentIndex()
        return index.data(SECTION_ID_ROLE) if index.isValid() else None

    def _section_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section_id = current.data(SECTION_ID_ROLE) if current.isValid() else None
        self.card_model.search(section_id=section_id)
        self._show_reader(section_id)
        if current.isValid():
            self.collection.set_setting("last_section", section_id)
        self._update_status()

    def _show_reader(self, section_id: str | None) -> None:
        if self.document is None:
            self.reader.show_section(None, None, set())
            return
        section = next((s for s in self.document.walk() if s.id == section_id), None)
        self.reader.show_section(self.document, section, set(self.collection.source_starts(self.document.id)))

    # ----- cards -----------------------------------------------------------------------------

    def selected_card_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.cards.selectionModel().selectedRows()})
        return [self.card_model.ids[row] for row in rows]

    def _card_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.collection.row_for_id(current.data(CARD_ID_ROLE))
        if self.document is None or row["document_id"] != self.document.id:
            return
        if not self.reader.shows(row["source_start"]):
            self._show_reader(row["section_id"])
        self.reader.mark(row["source_start"])

    def select_cards_of_sentence(self, start: int) -> None:
        """Clicking a highlighted sentence selects the cards made from it."""
        ids = set(self.collection.card_ids_for_sentence(self.document.id, start))
        selection = self.cards.selectionModel()
        selection.clearSelection()
        first = None
        for row, card_id in enumerate(self.card_model.ids):
            if card_id in ids:
                flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
                selection.select(self.card_model.index(row, 0), flags)
                first = row if first is None else first
        if first is not None:
            self.cards.scrollTo(self.card_model.index(first, 0))

    def edit_card(self) -> None:
        ids = self.selected_card_ids()
        if ids and CardEditor(self.collection, ids[0], self).exec():
            self.card_model.reload_card(ids[0])

    def toggle_suspend(self) -> None:
        ids = self.selected_card_ids()
        if ids:
            suspend = not self.collection.row_for_id(ids[0])["suspended"]
            self.collection.set_suspended(ids, suspend)
            for card_id in ids:
                self.card_model.reload_card(card_id)

    def delete_cards(self) -> None:
        ids = self.selected_card_ids()
        if ids:
            self.collection.delete_cards(ids)
            self.deleted.append(ids)
            self.card_model.refresh()
            self.statusBar().showMessage(tr("Deleted %n card(s). Ctrl+Z undoes it.", "", len(ids)), 5000)

    def undo_delete(self) -> None:
        if self.deleted:
            self.collection.restore_cards(self.deleted.pop())
            self.card_model.refresh()

    def _new_card(self, kind: str, selected: str, sentence_start: int) -> None:
        if self.document and new_card_from_selection(self.collection, self.document, kind, selected,
                                                     sentence_start, self):
            self.card_model.refresh()
            self._show_reader(self.current_section_id())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ----- importing -------------------------------------------------------------------------

    def choose_import(self) -> None:
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        texts, everything = tr("Texts"), tr("All files")
        path, _ = QFileDialog.getOpenFileName(self, tr("Import a talk or article"), "",
                                              f"{texts} ({patterns});;{everything} (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import and generate off the GUI thread; the window stays usable meanwhile."""
        self.run_in_background(lambda col: import_path(col, path), self._imported,
                               tr("Importing %1…").replace("%1", path.name))

    def run_in_background(self, operation, on_success, message: str = "") -> None:
        """Run `operation(collection)` off the GUI thread with the busy bar showing; errors get one message."""
        self._set_busy(+1, message or tr("Working…"))

        def finished(report: Callable[[], None]) -> None:
            # busy until the callback is done: a close arriving meanwhile (SIGTERM) waits for it
            try:
                report()
            finally:
                self._set_busy(-1)
                self._close_if_pending()

        def succeeded(result) -> None:
            finished(lambda: on_success(result))

        def failed(error: Exception) -> None:
            finished(lambda: self._import_failed(error))

        collection_op(self.collection.path, operation, succeeded, failed)

    def _imported(self, result) -> None:
        document, counts = result
        self.reload_documents(document.id)
        self.statusBar().showMessage(tr("Imported “%1”: %2 new cards, %3 kept.").replace("%1", document.title)
                                     .replace("%2", str(counts.added)).replace("%3", str(counts.kept)), 8000)

    def _import_failed(self, error: Exception) -> None:
        if isinstance(error, (ImportFailed, CollectionError)):
            QMessageBox.warning(self, tr("Import failed"), str(error))
        else:
            show_error(self, error)  # a bug, not the file: the user gets the details to report it

    def _set_busy(self, delta: int, message: str = "") -> None:
        self.busy += delta
        self.progress.setVisible(self.busy > 0)
        if message:
            self.statusBar().showMessage(message)
            self._busy_message = message
        elif not self.busy and self.statusBar().currentMessage() == self._busy_message:
            self.statusBar().clearMessage()  # "Importing…" goes; what the finished work said stays

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if any(url.toLocalFile().lower().endswith(SUFFIXES) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(SUFFIXES):
                self.import_file(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # ----- other screens ---------------------------------------------------------------------

    def open_export(self) -> None:
        from desktop.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.collection, self.document.id if self.document else None, self)
        dialog.exec()
        dialog.deleteLater()

    def _document_id(self) -> str | None:
        return self.document.id if self.document else None

    def open_review(self, document_id: str | None, section_id: str | None) -> None:
        """Review the whole collection, one document, or one section (with its subsections)."""
        from desktop.ui.review import ReviewWindow

        window = ReviewWindow(self.collection, document_id, section_id, self)
        window.show_in_outline.connect(self.show_card)
        window.reviews_changed.connect(self._reviews_changed)
        window.show()

    def _reviews_changed(self) -> None:
        """New due dates and mastery after a review (or its undo)."""
        self.card_model.reload_rows()
        if self.document:
            apply_mastery(self.outline_model, self.collection, self.document.id)

    def open_quiz(self) -> None:
        from desktop.ui.quiz_dialog import QuizDialog

        dialog = QuizDialog(self.collection, self.document.id if self.document else None, self.current_section_id(), self)
        dialog.exec()
        dialog.deleteLater()

    def open_stats(self) -> None:
        from desktop.ui.stats import StatsDialog

        dialog = StatsDialog(self.collection, self)
        dialog.exec()
        dialog.deleteLater()

    def check_collection(self) -> None:
        """Tools ▸ Check collection, off the GUI thread; the report says what was repaired."""
        from desktop.core.check import check_collection

        self.run_in_background(check_collection, self._checked, tr("Checking the collection…"))

    def _checked(self, report) -> None:
        from desktop.ui.backup_dialog import check_report_text

        self.reload_documents(self._document_id())
        QMessageBox.information(self, tr("Check collection"), check_report_text(report))

    def open_backups(self) -> None:
        """Tools ▸ Restore backup…; a restore swaps the collection under every view."""
        from desktop.ui.backup_dialog import BackupDialog

        if self.busy:
            QMessageBox.information(self, tr("Backups"), tr("Wait until the current work has finished."))
            return
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible():
                child.close()  # a review window must not write into the file being replaced
        dialog = BackupDialog(self.collection, self)
        dialog.exec()
        if dialog.restored:
            self.replace_collection(dialog.collection)
            self.statusBar().showMessage(tr("The backup was restored."), 8000)
        dialog.deleteLater()

    def replace_collection(self, collection: Collection) -> None:
        self.collection = collection
        self.card_model.collection = collection
        self.deleted.clear()  # the undo stack named cards of the file that was replaced
        self.reload_documents()

    def open_study_options(self) -> None:
        from desktop.ui.study_settings import StudySettingsDialog

        dialog = StudySettingsDialog(self.collection, self)
        dialog.exec()
        dialog.deleteLater()

    def show_card(self, card_id: str) -> None:
        """Jump to a card's section and source sentence (from the review screen)."""
        row = self.collection.row_for_id(card_id)
        if self.document is None or row["document_id"] != self.document.id:
            self.reload_documents(row["document_id"])
        self.select_section(row["section_id"])
        table_row = self.card_model.row_of(card_id)
        if table_row >= 0:
            self.cards.selectRow(table_row)
        self.raise_()
        self.activateWindow()

    def set_language(self, code: str) -> None:
        install_language(code)
        self.collection.set_setting("language", code)
        self.retranslate()  # LanguageChange events arrive later; the menu should change at once

    def set_theme(self, scheme: str) -> None:
        """Light, dark, or follow the system; remembered in the collection."""
        apply_theme(QApplication.instance(), scheme)
        self.collection.set_setting("theme", scheme)
        self.reader.refresh()

    def _update_status(self) -> None:
        self.status_label.setText(tr("%1 cards").replace("%1", str(len(self.card_model.ids))))

    # ----- state across runs -----------------------------------------------------------------

    def restore_geometry(self) -> None:
        saved = self.collection.setting("window_geometry")
        if saved and self.restoreGeometry(QByteArray(base64.b64decode(saved))):
            return
        # first run: a comfortable size for three panes, never larger than the screen
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))
        self.move(screen.center() - self.rect().center())

    def _close_if_pending(self) -> None:
        if self.close_pending and not self.busy:
            self.close()
            QApplication.quit()  # a hidden window's close does not end the event loop by itself

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """The window owns the collection: remember the geometry, then close the file cleanly.

        While an import is running the window hides and closes when it has finished, so the
        work is kept and nothing reaches a closed collection.
        """
        if self.busy:
            self.close_pending = True
            self.hide()
            event.ignore()
            return
        if not self.collection.closed:
            geometry = bytes(self.saveGeometry().data())
            self.collection.set_setting("window_geometry", base64.b64encode(geometry).decode("ascii"))
            self.collection.close(backup_first=True)
        super().closeEvent(event)


def _column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box

