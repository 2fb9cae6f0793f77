"""The card table: a QAbstractTableModel that holds ids and fetches row text lazily (after Anki's browser).

Sorting and filtering re-query SQLite through the collection, so 100,000 cards cost one list of ids.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.core.card import CLOZE
from desktop.core.collection import DROPPED, RELEVANCE, Collection
from desktop.core.review import expected_answer, question_text
from desktop.ui.i18n import tr
from desktop.ui.theme import FLAG_COLOURS

CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("front", "back", "kind", "section", "due")
EDITABLE = {"front", "back"}
_CACHE = 512  # rows kept; a screen shows a few dozen
_CONTEXT = 12  # characters kept before a cloze deletion, so a sentence's siblings differ where it shows
MUTED = QColor(150, 150, 150)
_PLAIN = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_CELL_FLAGS = tuple(_PLAIN | Qt.ItemFlag.ItemIsEditable if column in EDITABLE else _PLAIN for column in COLUMNS)
Index = QModelIndex | QPersistentModelIndex


class CardTableModel(QAbstractTableModel):
    def __init__(self, collection: Collection, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self.query, self.document_id, self.section_id = "", None, None
        self.order, self.descending = RELEVANCE, False  # no column sorted: best matches of a search first
        self._rows: OrderedDict[str, dict] = OrderedDict()
        self._searched = False  # nothing is listed before the window says where to look
        self._total: int | None = None
        self._generation = 0  # counts re-queries, so a search that finished late can tell it is stale

    # ----- what is listed --------------------------------------------------------------------

    def search(self, query: str | None = None, document_id: str | None = ..., section_id: str | None = ...) -> None:
        """Re-query the ids; arguments left out keep their current value."""
        scope = (self.document_id, self.section_id)
        if query is not None:
            self.query = query
        if document_id is not ...:
            self.document_id = document_id
        if section_id is not ...:
            self.section_id = section_id
        self._searched = True
        self.refresh(typed=query is not None and scope == (self.document_id, self.section_id))

    def refresh(self, typed: bool = False) -> None:
        """Re-query the ids.

        Args:
            typed: only the search changed, so the scope's total (`scope_total`) still holds.
        """
        if not typed:
            self._total = None
        self._generation += 1
        self._list(self.collection.find_card_ids(self.query, self.document_id, self.section_id,
                                                 self.order, self.descending))

    def search_later(self, query: str) -> tuple[Callable[[Collection], tuple], Callable[[tuple], bool]]:
        """A search for `query` in the current scope and order, in two halves: `find(collection)` to run
        off the GUI thread, and `show(found)` to list what it found. `show` lists nothing (and returns
        False) if the model was re-queried in between: its scope or order may no longer be the search's."""
        scope, generation = (self.document_id, self.section_id, self.order, self.descending), self._generation
        count_scope = self._total is None and bool(query.strip())  # the status line will want the total

        def find(collection: Collection) -> tuple[list[str], int | None]:
            ids = collection.find_card_ids(query, *scope)
            return ids, collection.count_cards("", *scope[:2]) if count_scope else None

        def show(found: tuple[list[str], int | None]) -> bool:
            if generation != self._generation:
                return False
            ids, total = found
            self.query, self._searched = query, True
            if total is not None:
                self._total = total
            self._list(ids)
            return True

        return find, show

    def _list(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.ids = ids
        self._row_of = {card_id: row for row, card_id in enumerate(ids)}
        self.endResetModel()

    def scope_total(self) -> int:
        """Listed cards of the scope, search aside: counted once per scope or change, not on every key."""
        if self._total is None:
            self._total = self.collection.count_cards("", self.document_id, self.section_id)
        return self._total

    def leave_out(self, card_ids: list[str]) -> None:
        """Stop listing some cards now (deleted: the file catches up in the background)."""
        gone = set(card_ids)
        kept = [card_id for card_id in self.ids if card_id not in gone]
        if self._total is not None:
            self._total -= len(self.ids) - len(kept)  # they were in the scope; the file may not know yet
        self._list(kept)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (COLUMNS[column] if 0 <= column < len(COLUMNS) else RELEVANCE, order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.order, self.descending):
            return  # the view sets its sort indicator while it is built and restored: no query for that
        self.order, self.descending = wanted
        if self._searched:
            self.refresh()

    def row_of(self, card_id: str) -> int:
        return self._row_of.get(card_id, -1)

    def reload_rows(self) -> None:
        """Fetch every row again (after reviews changed due dates) without losing the selection."""
        self._rows.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def reload_card(self, card_id: str) -> None:
        self.reload_cards([card_id])

    def reload_cards(self, card_ids: list[str]) -> None:
        """Fetch some rows again (after an edit, suspend, flag or triage); one signal for the span."""
        rows = [self.row_of(card_id) for card_id in card_ids]
        for card_id in card_ids:
            self._rows.pop(card_id, None)
        rows = [row for row in rows if row >= 0]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(COLUMNS) - 1))

    # ----- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {"front": tr("Front"), "back": tr("Back"), "kind": tr("Kind"), "section": tr("Section"),
                    "due": tr("Due")}[COLUMNS[section]]
        return None

    def _row(self, card_id: str) -> dict:
        row = self._rows.get(card_id)
        if row is None:
            row = self.collection.row_for_id(card_id)
            self._rows[card_id] = row
            if len(self._rows) > _CACHE:
                self._rows.popitem(last=False)
        return row

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        card_id = self.ids[index.row()]
        if role == CARD_ID_ROLE:
            return card_id
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.EditRole:
            return self._row(card_id).get(column) or ""  # raw text, cloze markup included
        row = self._row(card_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(column, row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _full(column, row)
        if role == Qt.ItemDataRole.ForegroundRole and (row["suspended"] or row["triage"] == DROPPED):
            return MUTED
        if role == Qt.ItemDataRole.FontRole and row["triage"] == DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and column == "front" and row["flag"]:
            return QColor(FLAG_COLOURS[row["flag"]]) if row["flag"] in FLAG_COLOURS else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # precomputed: a selection of 20,000 rows asks this for every cell, so each call must be cheap
        return _CELL_FLAGS[index.column()] if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = COLUMNS[index.column()]
        text = str(value).strip()
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE or not text:
            return False
        card_id = self.ids[index.row()]
        self.collection.update_card(card_id, **{column: text})
        self.reload_card(card_id)
        return True


def _full(column: str, row: dict) -> str:
    """The whole text (a tooltip): a cloze question with [...] for its deletions, its answer in Back."""
    if column == "front" and row["kind"] == CLOZE:
        return question_text(row["kind"], row["front"])
    if column == "back" and row["kind"] == CLOZE:
        answer = expected_answer(row["kind"], row["front"], row["back"])
        return f"{answer} — {row['back']}" if row["back"] else answer
    if column in ("front", "back"):
        return row.get(column) or ""
    return _shown(column, row)


def _shown(column: str, row: dict) -> str:
    """One line of a table cell; the view elides what does not fit."""
    if column == "front":
        text = _full(column, row)
        deletion = text.find("[")
        if row["kind"] == CLOZE and deletion > _CONTEXT:
            text = "…" + text[deletion - _CONTEXT:]  # show the deletion, not a shared sentence start
        return " ".join(text.split())
    if column == "back":
        return " ".join(_full(column, row).split())
    value = row.get(column) or ""
    if column == "kind":
        return tr("Cloze") if value == CLOZE else tr("Basic")
    if column == "due":
        if row["triage"] == DROPPED:
            return tr("Dropped")
        if row["suspended"]:
            return tr("Suspended")
        return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d") if value else tr("New")
    return value
