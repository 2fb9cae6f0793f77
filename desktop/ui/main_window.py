"""The main window: document library, outline and today's counts | reader | cards and preview, linked both ways."""
from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QMimeData, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFileDialog, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox, QProgressBar,
                               QPushButton, QSplitter, QTableView, QToolButton, QTreeView, QVBoxLayout, QWidget)

from desktop.core.collection import DROPPED, KEPT, Collection, CollectionError, split_tags, utc_now
from desktop.core.document import Document
from desktop.core.importing import (EPUB_SUFFIXES, PDF_SUFFIXES, SUBTITLE_SUFFIXES, SUFFIXES, TEXT_SUFFIXES,
                                     ImportFailed)
from desktop.core.library import import_address, import_path, import_pasted, is_address
from desktop.core.review import load_study, section_mastery, today_counts
from desktop.ui.background import QueryHandle, collection_op, query_op
from desktop.ui.card_editor import CardEditor, new_card_from_selection
from desktop.ui.card_model import CARD_ID_ROLE, CardTableModel
from desktop.ui.card_preview import CardPreview
from desktop.ui.error_dialog import show_error
from desktop.ui.i18n import LANGUAGES, install_language, tr
from desktop.ui.mastery import MasteryDelegate
from desktop.ui.messages import error_text
from desktop.ui.outline_model import SECTION_ID_ROLE, OutlineModel
from desktop.ui.overview import TodayPanel
from desktop.ui.reader import ReaderView
from desktop.ui.theme import apply_theme, script_font

UndoStep = tuple[str, Callable[[], None]]  # what the Undo menu item names, and how to undo it
LAYOUT_SETTINGS = ("main_splitter", "card_splitter", "card_header")
SEARCH_PAUSE_MS = 150  # a pause in typing this long runs the search

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Built with a collection; every change goes through it."""

    def __init__(self, collection: Collection) -> None:
        super().__init__()
        self.collection = collection
        self.document: Document | None = None
        self.undo_stack: list[UndoStep] = []  # this window's own changes (reviews have their own undo)
        self.review_window: QWidget | None = None  # one review session at a time
        self.waiting_for_first_import = False
        self.busy = 0
        self.close_pending = False  # closed while busy: close once the work is done
        self._busy_message = ""
        self._queries: dict[str, QueryHandle] = {}  # the newest background query of each kind
        self._build_widgets()
        self._build_actions()
        self.setAcceptDrops(True)
        self.retranslate()
        self.reload_documents()
        self.restore_layout()

    # ----- construction ----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.library = QComboBox()
        self.library.setObjectName("documentLibrary")
        # a long title must not set the pane's minimum width (the splitter could not narrow it)
        self.library.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.library.setMinimumContentsLength(6)
        self.library.currentIndexChanged.connect(self._document_chosen)
        self.document_button = QPushButton()  # a push button draws its menu arrow beside the text, not over it
        self.document_button.setObjectName("documentMenuButton")
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outlineView")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setItemDelegate(MasteryDelegate(self.outline))
        self.outline.selectionModel().currentChanged.connect(self._section_chosen)
        self.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.outline.customContextMenuRequested.connect(self._outline_menu)
        self.today = TodayPanel()
        self.today.study_requested.connect(self.study_now)
        self.today.triage_requested.connect(self.open_triage)
        self.reader = ReaderView()
        self.reader.sentence_clicked.connect(self.select_cards_of_sentence)
        self.reader.new_card_requested.connect(self._new_card)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        # as you type: the search runs when typing pauses (each key restarts the wait), Enter runs it now
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.search_now)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self.search_now)
        self.everywhere = QToolButton()
        self.everywhere.setObjectName("searchEverywhere")
        self.everywhere.setCheckable(True)
        self.everywhere.toggled.connect(lambda _: self._refresh_cards())
        self.card_model = CardTableModel(self.collection, self)
        self.cards = self._card_view()
        self.preview = CardPreview()
        library_row = _row(self.library, self.document_button)
        search_row = _row(self.search, self.everywhere)
        self.card_splitter = QSplitter(Qt.Orientation.Vertical)
        self.card_splitter.setObjectName("cardSplitter")
        self.card_splitter.addWidget(_column(search_row, self.cards))
        self.card_splitter.addWidget(self.preview)
        self.card_splitter.setSizes([520, 200])
        self.card_splitter.setStretchFactor(0, 3)
        self.card_splitter.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(_column(library_row, self.outline, self.today))
        self.splitter.addWidget(self.reader)
        self.splitter.addWidget(self.card_splitter)
        # proportions kept as the window is resized: at 1024 px the card table still shows all its columns
        self.splitter.setSizes([250, 260, 490])
        for pane, stretch in enumerate((0, 1, 2)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy indicator: import and generation have no fine steps
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status_label = QLabel()  # permanent, on the right: messages on the left never overlap it
        self.status_label.setObjectName("cardCount")
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _card_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("cardView")
        view.setModel(self.card_model)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # unsorted: document order, a search's best first
        view.horizontalHeader().setSortIndicatorClearable(True)  # a third click on a column goes back to that
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        view.setWordWrap(False)  # one line per card, long text elided with "…"
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the question gets the room
        header.setMinimumSectionSize(40)
        for column, width in ((1, 110), (2, 48), (3, 96), (4, 84)):
            header.resizeSection(column, width)
        # The header paints a column as "selected" by asking whether every row of it is: 20,000
        # selected rows cost 100,000 calls into the model on each paint. Rows are what is selected
        # here, so the header gets a selection of its own, always empty.
        header.setSelectionModel(QItemSelectionModel(self.card_model, header))
        view.doubleClicked.connect(lambda _: self.edit_card())
        view.selectionModel().currentRowChanged.connect(self._card_chosen)
        return view

    def _action_spec(self) -> list[tuple[str, str, QKeySequence | str, Callable[[], None]]]:
        """(menu, name, shortcut, slot) of every menu action; a test checks no two share a shortcut."""
        section = lambda: self.open_review(self._document_id(), self.current_section_id())  # noqa: E731
        return [
            ("file", "import", QKeySequence.StandardKey.Open, self.choose_import),
            ("file", "import_web", "Ctrl+Shift+O", self.choose_web_import),
            ("file", "export", "Ctrl+E", self.open_export),
            ("file", "rename_document", "F2", self.rename_document),
            ("file", "document_tags", "", self.edit_document_tags),
            ("file", "reimport", "Ctrl+Shift+I", self.reimport_document),
            ("file", "delete_document", "", self.delete_document),
            ("file", "quit", "Ctrl+Q", self.close),  # not StandardKey.Quit: empty on some platforms
            ("edit", "undo", QKeySequence.StandardKey.Undo, self.undo),
            ("edit", "undo_review", "Ctrl+Alt+Z", self.undo_last_review),
            ("edit", "find", QKeySequence.StandardKey.Find, self.focus_search),
            ("edit", "paste_document", "Ctrl+Shift+V", self.paste_document),
            ("edit", "edit_card", "Ctrl+Shift+E", self.edit_card),
            ("edit", "card_tags", "Ctrl+Shift+G", self.edit_card_tags),
            ("edit", "keep", "Ctrl+K", lambda: self.triage_selected(KEPT)),
            ("edit", "drop", "Ctrl+D", lambda: self.triage_selected(DROPPED)),
            ("edit", "suspend", "Ctrl+J", self.toggle_suspend),
            ("edit", "delete", QKeySequence.StandardKey.Delete, self.delete_cards),
            *[("edit", f"flag_{flag}", f"Ctrl+{flag}", lambda _=False, f=flag: self.flag_selected(f)) for flag in range(1, 5)],
            ("study", "study_now", "", self.study_now),  # Space, through a shortcut on the panes only
            ("study", "review", "Ctrl+R", lambda: self.open_review(None, None)),
            ("study", "review_document", "Ctrl+Shift+D", lambda: self.open_review(self._document_id(), None)),
            ("study", "review_section", "Ctrl+Shift+R", section),
            ("study", "triage", "Ctrl+T", self.open_triage),
            ("study", "quiz", "Ctrl+Shift+Q", self.open_quiz),
            ("study", "stats", "Ctrl+Shift+S", self.open_stats),
            ("study", "study_options", "", self.open_study_options),
            ("tools", "check", "", self.check_collection),
            ("tools", "backups", "", self.open_backups),
            ("help", "shortcuts", "F1", self.show_shortcuts),
            ("help", "about", "", self.show_about),
        ]

    def _build_actions(self) -> None:
        self.actions_: dict[str, QAction] = {}
        self.menus = {name: self.menuBar().addMenu("") for name in ("file", "edit", "study", "tools", "view", "help")}
        for menu, name, shortcut, slot in self._action_spec():
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.menus[menu].addAction(action)
            self.actions_[name] = action
            if name in ("quit", "undo_review", "delete", "study_now", "quiz", "backups"):
                self.menus[menu].addSeparator()
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        for name in ("import", "export", "review", "review_section", "triage", "quiz", "stats"):
            self.toolbar.addAction(self.actions_[name])
        # keys that mean something else elsewhere: Delete in the search box, Ctrl+1 or Space in the review
        # window; the card actions work where the cards are
        self.actions_["delete"].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cards.addAction(self.actions_["delete"])
        for name in ("keep", "drop", "suspend", "card_tags", *(f"flag_{flag}" for flag in range(1, 5))):
            self.actions_[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.card_splitter.addAction(self.actions_[name])
        self.space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.splitter, self.study_now,
                               context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        document_menu = QMenu(self)
        for name in ("rename_document", "document_tags", "reimport", "delete_document"):
            document_menu.addAction(self.actions_[name])
        self.document_button.setMenu(document_menu)
        self._build_view_menu()

    def _build_view_menu(self) -> None:
        """Language and theme, each a group of checkable items with the current one ticked."""
        self.language_menu = self.menus["view"].addMenu("")
        self.language_actions = _choice_group(self, self.language_menu, LANGUAGES, self.set_language)
        self.theme_menu = self.menus["view"].addMenu("")
        self.theme_actions = _choice_group(self, self.theme_menu, dict.fromkeys(("system", "light", "dark"), ""),
                                           self.set_theme)
        self._tick_choices()

    def _tick_choices(self) -> None:
        language = self.collection.setting("language")
        theme = self.collection.setting("theme") or "system"
        from desktop.ui.i18n import current_language

        for code, action in self.language_actions.items():
            action.setChecked(code == (language or current_language()))
        for scheme, action in self.theme_actions.items():
            action.setChecked(scheme == theme)

    def retranslate(self) -> None:
        """(Re)apply every UI string; called on start and when the language changes."""
        self.setWindowTitle("TalkCards" + (f" — {self.document.title}" if self.document else ""))
        for name, text in (("file", tr("&File")), ("edit", tr("&Edit")), ("study", tr("&Study")),
                           ("tools", tr("&Tools")), ("view", tr("&View")), ("help", tr("&Help"))):
            self.menus[name].setTitle(text)
        for name, text in self._labels().items():
            self.actions_[name].setText(text)
            self.actions_[name].setIconText(_without_accelerator(text))  # a toolbar button shows no "(&I)"
        self._update_undo_text()
        self.language_menu.setTitle(tr("&Language"))
        self.theme_menu.setTitle(tr("&Theme"))
        for scheme, text in (("system", tr("Follow the system")), ("light", tr("Light")), ("dark", tr("Dark"))):
            self.theme_actions[scheme].setText(text)
        self.toolbar.setWindowTitle(tr("Toolbar"))
        self.document_button.setText(tr("Document"))
        self.document_button.setToolTip(tr("Rename, tag, re-import or delete this document"))
        self.search.setPlaceholderText(tr("Search cards (Ctrl+F)"))
        self.everywhere.setText(tr("All documents"))
        self.everywhere.setToolTip(tr("Search the whole collection, not only the selected section"))
        self.card_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.card_model.columnCount() - 1)
        self._update_status()

    def _labels(self) -> dict[str, str]:
        flags = {1: tr("Flag &red"), 2: tr("Flag &orange"), 3: tr("Flag &green"), 4: tr("Flag &blue")}
        return {"import": tr("&Import…"), "import_web": tr("Import from &web page…"),
                "paste_document": tr("&Paste as new document"), "export": tr("&Export…"), "quit": tr("&Quit"),
                "rename_document": tr("Re&name document…"), "document_tags": tr("Document &tags…"),
                "reimport": tr("Re-import from the &original file"), "delete_document": tr("De&lete document"),
                "undo_review": tr("Undo the last &review"), "find": tr("&Find cards"),
                "edit_card": tr("Edit &card…"), "card_tags": tr("Card ta&gs…"), "keep": tr("&Keep cards"),
                "drop": tr("D&rop cards"), "suspend": tr("&Suspend / unsuspend"), "delete": tr("&Delete cards"),
                **{f"flag_{flag}": text for flag, text in flags.items()},
                "study_now": tr("Study &now"), "review": tr("&Review all due cards"),
                "review_document": tr("Study this &document"), "review_section": tr("Study this &section"),
                "triage": tr("Check suggested &cards…"), "quiz": tr("&Quiz…"), "stats": tr("S&tatistics"),
                "study_options": tr("Study &options…"), "check": tr("&Check collection"),
                "backups": tr("&Restore backup…"), "shortcuts": tr("&Keyboard shortcuts"),
                "about": tr("&About TalkCards")}

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and not self.collection.closed:  # closed: nothing to show
            self.retranslate()
            self._update_today()
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
        self.document_button.setEnabled(bool(documents))
        index = max(0, self.library.findData(wanted)) if documents else -1
        self.library.setCurrentIndex(index)
        self._document_chosen(index)

    def _document_chosen(self, index: int) -> None:
        document_id = self.library.itemData(index) if index >= 0 else None
        self.document = self.collection.document(document_id) if document_id else None
        self.outline_model.set_document(self.document)
        self.outline.expandAll()
        self.reader.setFont(script_font(QApplication.font(), self.document.language if self.document else "zh"))
        self._refresh_mastery()
        self.card_model.search(document_id=document_id, section_id=None)
        self.reader.show_section(None, None, set())
        if document_id:
            self.collection.set_setting("last_document", document_id)
            last = self.collection.setting("last_section")
            self.select_section(last if last and self.outline_model.index_for_section(last).isValid() else None)
        self.retranslate()  # the window title names the document
        self._update_today()

    def select_section(self, section_id: str | None) -> None:
        """Select a section in the outline (None: the whole document)."""
        index = self.outline_model.index_for_section(section_id)
        self.outline.setCurrentIndex(index)
        self.outline.scrollTo(index)

    def current_section_id(self) -> str | None:
        index = self.outline.currentIndex()
        return index.data(SECTION_ID_ROLE) if index.isValid() else None

    def current_section(self):
        section_id = self.current_section_id()
        return next((s for s in self.document.walk() if s.id == section_id), None) if self.document else None

    def _section_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        section_id = current.data(SECTION_ID_ROLE) if current.isValid() else None
        self.everywhere.blockSignals(True)
        self.everywhere.setChecked(False)  # choosing a section is choosing where to look
        self.everywhere.blockSignals(False)
        self._refresh_cards()
        self._show_reader(section_id)
        if current.isValid():
            self.collection.set_setting("last_section", section_id)
        self._update_today()

    def _show_reader(self, section_id: str | None) -> None:
        if self.document is None:
            self.reader.show_section(None, None, set())
            return
        section = next((s for s in self.document.walk() if s.id == section_id), None)
        self.reader.show_section(self.document, section, set(self.collection.source_starts(self.document.id)))

    def _outline_menu(self, point: QPoint) -> None:
        """Right-click a section: study it, or keep or drop all its cards at once."""
        if self.document is None or not self.outline.indexAt(point).isValid():
            return
        self.outline.setCurrentIndex(self.outline.indexAt(point))
        menu = QMenu(self)
        menu.addAction(self.actions_["review_section"])
        menu.addAction(self.actions_["triage"])
        menu.addSeparator()
        menu.addAction(tr("Keep all cards of this section"), lambda: self.triage_section(KEPT))
        menu.addAction(tr("Drop all cards of this section"), lambda: self.triage_section(DROPPED))
        menu.exec(self.outline.viewport().mapToGlobal(point))

    def _scope_name(self) -> str:
        if self.everywhere.isChecked() or self.document is None:
            return tr("the whole collection")
        section = self.current_section()
        return (section.number or section.title) if section else self.document.title

    # ----- documents: rename, tags, re-import, delete ------------------------------------------

    def rename_document(self) -> None:
        if self.document is None:
            return
        title, ok = QInputDialog.getText(self, tr("Rename document"), tr("Title:"), text=self.document.title)
        if ok and title.strip():
            self.collection.rename_document(self.document.id, title)
            self.reload_documents(self.document.id)

    def edit_document_tags(self) -> None:
        if self.document is None:
            return
        row = next(d for d in self.collection.documents() if d["id"] == self.document.id)
        tags = self._ask_tags(tr("Tags for every card of “%1”").replace("%1", self.document.title), row["tags"])
        if tags is not None:
            self.collection.set_document_tags(self.document.id, tags)

    def _ask_tags(self, label: str, current: str) -> list[str] | None:
        text, ok = QInputDialog.getText(self, tr("Tags"), label + "\n" + tr("Separate tags with spaces."),
                                        text=current)
        return split_tags(text) if ok else None

    def reimport_document(self) -> None:
        """Read the document's file (or web page) again: new facts become cards, edits and reviews stay."""
        source = self.document.source_path if self.document else ""
        if is_address(source):
            self.import_address(source)
            return
        path = Path(source) if source else None
        if path is None or not path.is_file():
            QMessageBox.information(self, tr("Re-import"), tr("The original file is no longer there: %1")
                                    .replace("%1", str(path or "")))
            return
        self.import_file(path)

    def delete_document(self) -> None:
        if self.document is None:
            return
        document_id, title = self.document.id, self.document.title
        self.collection.delete_document(document_id)
        self.collection.set_setting("last_document", None)

        def restore() -> None:
            self.collection.restore_document(document_id)
            self.reload_documents(document_id)

        self._push_undo(tr("delete document"), restore)
        self.reload_documents()
        self.statusBar().showMessage(tr("Deleted “%1”. Ctrl+Z brings it back.").replace("%1", title), 8000)

    # ----- cards -----------------------------------------------------------------------------

    def _refresh_cards(self) -> None:
        """List the cards of the selected scope (or the whole collection) that match the search box."""
        pending = self._queries.pop("search", None)
        if pending is not None:
            pending.cancel()  # it searched the scope before this one
        query = self.search.text()
        if self.everywhere.isChecked():
            self.card_model.search(query=query, document_id=None, section_id=None)
        else:
            self.card_model.search(query=query, document_id=self._document_id(), section_id=self.current_section_id())
        self._update_status()

    def _search_typed(self, text: str) -> None:
        if text.strip():
            self.search_timer.start()
        else:
            self.search_now()  # a cleared search shows everything again at once

    def search_now(self) -> None:
        """Run the search in the box now, off the GUI thread (a pending one is cancelled): typing
        never waits for the file, and a slow answer for an earlier text is dropped."""
        self.search_timer.stop()
        query = self.search.text()
        find, show = self.card_model.search_later(query)
        count_elsewhere = bool(query.strip()) and not self.everywhere.isChecked()

        def run(collection: Collection) -> tuple:
            return find(collection), collection.count_cards(query) if count_elsewhere else None

        def listed(found: tuple) -> None:
            if show(found[0]):
                self._update_status(found[1])

        self._query("search", run, listed)

    def selected_card_ids(self) -> list[str]:
        """The selected cards in table order, read from the selection's ranges: `selectedRows()` asks
        the model for every cell's flags, 100,000 calls into Python for 20,000 selected rows."""
        rows: set[int] = set()
        for span in self.cards.selectionModel().selection():
            rows.update(range(span.top(), span.bottom() + 1))
        return [self.card_model.ids[row] for row in sorted(rows)]

    def _card_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.preview.show_card(None, None)
            return
        card_id = current.data(CARD_ID_ROLE)
        self.preview.show_card(self.collection, card_id)
        row = self.collection.row_for_id(card_id)
        if self.document is None or row["document_id"] != self.document.id:
            return
        if not self.reader.shows(row["source_start"]):
            self._show_reader(row["section_id"])
        self.reader.mark(row["source_start"])

    def select_cards_of_sentence(self, start: int) -> None:
        """Clicking a highlighted sentence selects the cards made from it."""
        ids = self.collection.card_ids_for_sentence(self.document.id, start)
        selection = self.cards.selectionModel()
        selection.clearSelection()
        rows = sorted(row for row in map(self.card_model.row_of, ids) if row >= 0)
        for row in rows:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(self.card_model.index(row, 0), flags)
        if rows:
            self.cards.scrollTo(self.card_model.index(rows[0], 0))

    def _changed_cards(self, ids: list[str]) -> None:
        """After a change to some cards: their rows, the preview, the reader's marks and today's counts."""
        self.card_model.reload_cards(ids)
        current = self.cards.currentIndex()
        self.preview.show_card(self.collection, current.data(CARD_ID_ROLE) if current.isValid() else None)
        self._show_reader_keeping_mark()
        self._refresh_mastery()
        self._update_today()

    def _show_reader_keeping_mark(self) -> None:
        marked = self.reader.marked
        self._show_reader(self.current_section_id())
        if marked is not None:
            self.reader.mark(marked)

    def edit_card(self) -> None:
        ids = self.selected_card_ids()
        if ids and CardEditor(self.collection, ids[0], self).exec():
            self._changed_cards(ids[:1])

    def edit_card_tags(self) -> None:
        ids = self.selected_card_ids()
        if not ids:
            return
        tags = self._ask_tags(tr("Tags for %n selected card(s)", "", len(ids)), self.collection.row_for_id(ids[0])["tags"])
        if tags is not None:
            self.collection.set_card_tags(ids, tags)
            self._changed_cards(ids)

    def toggle_suspend(self) -> None:
        ids = self.selected_card_ids()
        if ids:
            suspend = not self.collection.row_for_id(ids[0])["suspended"]
            self.collection.set_suspended(ids, suspend)
            self._changed_cards(ids)

    def flag_selected(self, flag: int) -> None:
        """Ctrl+1…4 as in Anki's browser: set a flag, or clear it when every selected card has it."""
        ids = self.selected_card_ids()
        if ids:
            same = all(self.collection.row_for_id(card_id)["flag"] == flag for card_id in ids)
            self.collection.set_flag(ids, 0 if same else flag)
            self._changed_cards(ids)

    def triage_selected(self, triage: str) -> None:
        ids = self.selected_card_ids()
        if ids:
            self._set_triage(ids, triage)

    def triage_section(self, triage: str) -> None:
        """Keep or drop every card of the selected section (and its subsections) at once."""
        if self.document:
            ids = self.collection.find_card_ids(document_id=self.document.id, section_id=self.current_section_id())
            self._set_triage(ids, triage)

    def _set_triage(self, ids: list[str], triage: str) -> None:
        before: dict[str | None, list[str]] = {}
        for card_id in ids:
            before.setdefault(self.collection.row_for_id(card_id)["triage"], []).append(card_id)
        self.collection.set_triage(ids, triage)

        def restore() -> None:
            for old, card_ids in before.items():
                self.collection.set_triage(card_ids, old)
            self._changed_cards(ids)

        self._push_undo(tr("keep") if triage == KEPT else tr("drop"), restore)
        self._changed_cards(ids)
        message = tr("Kept %n card(s).", "", len(ids)) if triage == KEPT else tr("Dropped %n card(s).", "", len(ids))
        self.statusBar().showMessage(message, 5000)

    def delete_cards(self) -> None:
        """Delete the selected cards: their rows go at once; the backup and the delete run off the GUI thread."""
        ids = self.selected_card_ids()
        if not ids:
            return
        self.card_model.leave_out(ids)
        self._update_status()
        self._change_cards(lambda collection: collection.delete_cards(ids), tr("Deleting %n card(s)…", "", len(ids)))
        self._push_undo(tr("delete"), lambda: self._change_cards(lambda collection: collection.restore_cards(ids),
                                                                 tr("Restoring %n card(s)…", "", len(ids))))
        self.statusBar().showMessage(tr("Deleted %n card(s). Ctrl+Z undoes it.", "", len(ids)), 5000)

    def _change_cards(self, change: Callable[[Collection], object], message: str) -> None:
        """A change to many cards on the background worker; the table and counts follow when it is done."""
        def done(_result=None) -> None:
            self._refresh_cards()
            self._update_today()

        def failed(error: Exception) -> None:
            done()  # the table shows what the file holds
            show_error(self, error)

        self.run_in_background(change, done, message, failed)

    # ----- undo --------------------------------------------------------------------------------

    def _push_undo(self, name: str, step: Callable[[], None]) -> None:
        self.undo_stack.append((name, step))
        self._update_undo_text()

    def undo(self) -> None:
        """Edit ▸ Undo: take back this window's newest change (delete, keep/drop, document delete)."""
        if self.undo_stack:
            _, step = self.undo_stack.pop()
            step()
            self._update_undo_text()

    undo_delete = undo  # the name older callers use

    def _update_undo_text(self) -> None:
        action = self.actions_["undo"]
        action.setEnabled(bool(self.undo_stack))
        action.setText(tr("&Undo %1").replace("%1", self.undo_stack[-1][0]) if self.undo_stack else tr("&Undo"))
        action.setIconText(_without_accelerator(action.text()))

    def undo_last_review(self) -> None:
        """Edit ▸ Undo the last review, also when the review window is closed."""
        if self._open_review() is not None:
            self.review_window.undo()  # its own undo keeps its queue right
            return
        card_id = self.collection.undo_last_review()
        if card_id is None:
            self.statusBar().showMessage(tr("There is no review to undo."), 5000)
            return
        self._reviews_changed()
        self.statusBar().showMessage(tr("The last review was undone."), 5000)

    def _new_card(self, kind: str, selected: str, sentence_start: int) -> None:
        if self.document and new_card_from_selection(self.collection, self.document, kind, selected,
                                                     sentence_start, self):
            self._refresh_cards()
            self._show_reader(self.current_section_id())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ----- importing -------------------------------------------------------------------------

    def choose_import(self) -> None:
        kinds = [(tr("Talks and articles"), SUFFIXES), (tr("Texts and web pages"), TEXT_SUFFIXES),
                 (tr("Subtitles"), SUBTITLE_SUFFIXES), (tr("PDF slides and papers"), PDF_SUFFIXES),
                 (tr("E-books"), EPUB_SUFFIXES), (tr("All files"), ("",))]
        filters = ";;".join(f"{name} ({' '.join(f'*{suffix}' for suffix in suffixes)})" for name, suffixes in kinds)
        path, _ = QFileDialog.getOpenFileName(self, tr("Import a talk or article"), "", filters)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Import and generate off the GUI thread; the window stays usable meanwhile."""
        self.run_in_background(lambda col: import_path(col, path), self._imported,
                               tr("Importing %1…").replace("%1", path.name))

    def choose_web_import(self) -> None:
        """Ask for a web address (the clipboard's, when it holds one) and import its article."""
        copied = QApplication.clipboard().text().strip()
        url, ok = QInputDialog.getText(self, tr("Import from web page"), tr("Address of the page:"),
                                       text=copied if is_address(copied) else "")
        if ok and url.strip():
            self.import_address(url.strip())

    def import_address(self, url: str) -> None:
        self.run_in_background(lambda col: import_address(col, url), self._imported,
                               tr("Fetching %1…").replace("%1", url))

    def open_source(self, source: str) -> None:
        """A file or a web address given on the command line or by a second start."""
        if is_address(source):
            self.import_address(source)
        else:
            self.import_file(Path(source))

    def paste_document(self) -> None:
        """The clipboard as a new document: its files, its address, its HTML (headings kept) or its text."""
        if not self.import_mime(QApplication.clipboard().mimeData()):
            self.statusBar().showMessage(tr("The clipboard holds no text to study."), 8000)

    def import_mime(self, data: QMimeData | None) -> bool:
        """Import what was pasted or dropped; False when it holds nothing to study."""
        if data is None:
            return False
        files = [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]
        links = [url.toString() for url in data.urls() if url.scheme() in ("http", "https")]
        text = data.text() if data.hasText() else ""
        if files:
            for path in files:
                self.import_file(path)
        elif links or is_address(text):
            self.import_address(links[0] if links else text.strip())
        elif text.strip() or data.hasHtml():
            markup = data.html() if data.hasHtml() else ""
            self.run_in_background(lambda col: import_pasted(col, text, markup), self._imported,
                                   tr("Importing the pasted text…"))
        else:
            return False
        return True

    def run_in_background(self, operation, on_success, message: str = "", on_failure=None) -> None:
        """Run `operation(collection)` off the GUI thread with the busy bar showing; errors get one message
        (or go to `on_failure`)."""
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
            finished(lambda: (on_failure or self._import_failed)(error))

        collection_op(self.collection.path, operation, succeeded, failed)

    def _imported(self, result) -> None:
        document, counts = result
        self.reload_documents(document.id)
        self.statusBar().showMessage(tr("Imported “%1”: %2 new cards, %3 kept.").replace("%1", document.title)
                                     .replace("%2", str(counts.added)).replace("%3", str(counts.kept)), 8000)

    def _import_failed(self, error: Exception) -> None:
        if isinstance(error, (ImportFailed, CollectionError)):
            QMessageBox.warning(self, tr("Import failed"), error_text(error))
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
        data = event.mimeData()
        # files, links, or text dragged from a browser; not text dragged out of the reader onto the window
        if event.source() is None and (data.hasUrls() or data.hasText() or data.hasHtml()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.import_mime(event.mimeData()):
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
        """Review the whole collection, one document, or one section (with its subsections).

        One session at a time: two windows answering the same cards would store two reviews of one
        card. Asking again brings the open one to the front.
        """
        from desktop.ui.review import ReviewWindow

        if self._open_review() is not None:
            self.review_window.raise_()
            self.review_window.activateWindow()
            self.statusBar().showMessage(tr("A review is already open; finish or close it first."), 5000)
            return
        window = ReviewWindow(self.collection, document_id, section_id, self)
        window.show_in_outline.connect(self.show_card)
        window.reviews_changed.connect(self._reviews_changed)
        window.destroyed.connect(self._review_closed)
        self.review_window = window
        self.space.setEnabled(False)  # while a review is open, Space is its key (show answer, Good)
        window.show()

    def _open_review(self) -> QWidget | None:
        """The open review window (a closed one is gone even before Qt deletes it)."""
        return self.review_window if self.review_window is not None and self.review_window.isVisible() else None

    def _review_closed(self) -> None:
        self.review_window = None
        self.space.setEnabled(True)
        if not self.collection.closed:  # the main window may be closing too
            self._reviews_changed()

    def study_now(self) -> None:
        """Space / Study now: the selected section, else the document, else the collection."""
        self.open_review(self._document_id(), self.current_section_id())

    def open_triage(self) -> None:
        """Go through the suggested cards of the selected section (or document) nobody checked yet."""
        from desktop.ui.triage import TriageDialog

        if self.document is None:
            return
        dialog = TriageDialog(self.collection, self.document.id, self.current_section_id(), self)
        dialog.changed.connect(self.card_model.reload_rows)  # cheap: the rows behind the dialog
        dialog.exec()
        dialog.deleteLater()
        self._changed_cards(self.card_model.ids)  # once, not after every key: counts take a query each

    def _reviews_changed(self) -> None:
        """New due dates, mastery and counts after a review (or its undo, a bury, a suspend)."""
        self.card_model.reload_rows()
        self._refresh_mastery()
        self._update_today()

    def _refresh_mastery(self) -> None:
        """The outline's mastery bars, computed off the GUI thread (a pass over the document's cards)."""
        document_id = self._document_id()
        if document_id is None:
            self.outline_model.set_mastery({})
            return

        def show(mastery: dict) -> None:
            if document_id == self._document_id():  # not a document chosen meanwhile
                self.outline_model.set_mastery(mastery)

        self._query("mastery", lambda collection: section_mastery(collection, document_id, utc_now(),
                                                                  load_study(collection)), show)

    def _update_today(self) -> None:
        """Today at a glance: the collection's queue and the selected scope's, counted off the GUI thread."""
        if self.waiting_for_first_import:
            return
        document_id, section_id = self._document_id(), self.current_section_id()
        section = self.current_section()
        name = section.label if section else tr("This document")

        def count(collection: Collection):
            study = load_study(collection)
            scope = today_counts(collection, study, document_id, section_id) if document_id else None
            pending = len(collection.pending_triage(document_id, section_id)) if document_id else 0
            return today_counts(collection, study), scope, pending

        self._query("today", count, lambda counts: self.today.show_counts(counts[0], counts[1], name, counts[2]))

    def _query(self, kind: str, query: Callable[[Collection], object], show: Callable[[object], object]) -> None:
        """Run a read off the GUI thread; a newer query of the same kind replaces one still running."""
        previous = self._queries.get(kind)
        if previous is not None:
            previous.cancel()
        self._queries[kind] = query_op(self.collection.path, query, show,
                                       lambda error: log.warning("%s query failed: %s", kind, error))

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
        self.undo_stack.clear()  # it named cards of the file that was replaced
        self._update_undo_text()
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
        self._apply_look()
        self.retranslate()  # LanguageChange events arrive later; the menu should change at once
        self._update_today()

    def set_theme(self, scheme: str) -> None:
        """Light, dark, or follow the system; remembered in the collection."""
        self.collection.set_setting("theme", scheme)
        self._apply_look()

    def _apply_look(self) -> None:
        """The theme and the UI language's font; the pane sizes the user chose stay as they were."""
        sizes = self.splitter.sizes()
        from desktop.ui.i18n import current_language

        apply_theme(QApplication.instance(), self.collection.setting("theme") or "system", current_language())
        self.reader.setFont(script_font(QApplication.font(), self.document.language if self.document else "zh"))
        if self.isVisible():  # before the first show the sizes are not the user's yet
            self.splitter.setSizes(sizes)
        self.reader.refresh()
        self._tick_choices()

    def show_shortcuts(self) -> None:
        from desktop.ui.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(list(self.actions_.values()), self)
        dialog.exec()
        dialog.deleteLater()

    def show_about(self) -> None:
        from desktop.ui.help_dialogs import show_about

        show_about(self)

    def set_waiting_for_first_import(self, waiting: bool) -> None:
        """First run: the bundled talk is being imported; say so instead of inviting an import."""
        self.waiting_for_first_import = waiting
        self.reader.set_waiting(tr("Importing the bundled talk and making its cards…") if waiting else None)
        self.today.setVisible(not waiting)
        self._update_status()
        if not waiting:
            self._update_today()

    def _update_status(self, matching_anywhere: int | None = None) -> None:
        """The count always equals the rows shown, with where they come from and the search.

        Args:
            matching_anywhere: cards matching the search in the whole collection, if already counted.
        """
        if self.waiting_for_first_import:
            self.status_label.setText(tr("Importing…"))
            return
        shown, query = self.card_model.rowCount(), self.card_model.query.strip()
        scope = self._scope_name()
        if not query:
            self.status_label.setText(tr("%n card(s) in %1", "", shown).replace("%1", scope))
            return
        total = self.card_model.scope_total()
        text = tr("%1 of %2 in %3 · search %4").replace("%1", str(shown)).replace("%2", str(total)) \
            .replace("%3", scope).replace("%4", query)
        if not self.everywhere.isChecked():
            if matching_anywhere is None:
                matching_anywhere = self.collection.count_cards(query)
            elsewhere = matching_anywhere - shown
            if elsewhere > 0:
                text += " · " + tr("%n more in other places (All documents)", "", elsewhere)
        self.status_label.setText(text)

    # ----- state across runs -----------------------------------------------------------------

    def restore_geometry(self) -> None:
        saved = self.collection.setting("window_geometry")
        if saved and self.restoreGeometry(QByteArray(base64.b64decode(saved))):
            return
        # first run: a comfortable size for three panes, never larger than the screen
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(800, int(screen.height() * 0.9)))
        self.move(screen.center() - self.rect().center())

    def _layout_parts(self) -> dict:
        return {"main_splitter": self.splitter, "card_splitter": self.card_splitter,
                "card_header": self.cards.horizontalHeader()}

    def restore_layout(self) -> None:
        """Pane sizes and column widths as the user left them."""
        for key, widget in self._layout_parts().items():
            saved = self.collection.setting(key)
            if saved:
                widget.restoreState(QByteArray(base64.b64decode(saved)))

    def save_layout(self) -> None:
        for key, widget in self._layout_parts().items():
            self.collection.set_setting(key, base64.b64encode(bytes(widget.saveState().data())).decode("ascii"))
        geometry = bytes(self.saveGeometry().data())
        self.collection.set_setting("window_geometry", base64.b64encode(geometry).decode("ascii"))

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
        if self._open_review() is not None:
            self.review_window.close()
        for query in self._queries.values():  # their answers would reach closed widgets
            query.cancel()
        if not self.collection.closed:
            self.save_layout()
            self.collection.close(backup_first=True)
        super().closeEvent(event)


def _row(main: QWidget, side: QWidget) -> QWidget:
    """`main` takes the room, `side` sits on the right (also when `main` is hidden)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(main, 1)
    layout.addStretch(0)
    layout.addWidget(side)
    return box


def _choice_group(parent: QWidget, menu: QMenu, choices: dict[str, str], choose: Callable[[str], None]
                  ) -> dict[str, QAction]:
    """Checkable menu items of which exactly one is ticked."""
    group = QActionGroup(parent)
    group.setExclusive(True)
    actions = {}
    for key, text in choices.items():
        action = menu.addAction(text)
        action.setCheckable(True)
        action.triggered.connect(lambda _=False, k=key: choose(k))
        group.addAction(action)
        actions[key] = action
    return actions


def _without_accelerator(text: str) -> str:
    """A menu text as a button shows it: "导入(&I)…" → "导入…", "&Import…" → "Import…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box

