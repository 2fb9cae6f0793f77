"""The card table: a QAbstractTableModel that holds ids and fetches row text lazily (after Anki's browser).

Sorting and filtering re-query SQLite through the collection, so 100,000 cards cost one list of ids.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.collection import Collection
from desktop.ui.i18n import tr

CARD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("front", "back", "kind", "section", "due")
EDITABLE = {"front", "back"}
_CACHE = 512  # rows kept; a screen shows a few dozen
Index = QModelIndex | QPersistentModelIndex


class CardTableModel(QAbstractTableModel):
    def __init__(self, collection: Collection, parent=None) -> None:
        super().__init__(parent)
        self.collection = collection
        self.ids: list[str] = []
        self.query, self.document_id, self.section_id = "", None, None
        self.order, self.descending = "position", False
        self._rows: OrderedDict[str, dict] = OrderedDict()

    # ----- what is listed --------------------------------------------------------------------

    def search(self, query: str | None = None, document_id: str | None = ..., section_id: str | None = ...) -> None:
        """Re-query the ids; arguments left out keep their current value."""
        if query is not None:
            self.query = query
        if document_id is not ...:
            self.document_id = document_id
        if section_id is not ...:
            self.section_id = section_id
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.ids = self.collection.find_card_ids(self.query, self.document_id, self.section_id,
                                                 self.order, self.descending)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.order = COLUMNS[column] if 0 <= column < len(COLUMNS) else "position"
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def row_of(self, card_id: str) -> int:
        try:
            return self.ids.index(card_id)
        except ValueError:
            return -1

    def reload_rows(self) -> None:
        """Fetch every row again (after reviews changed due dates) without losing the selection."""
        self._rows.clear()
        if self.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.ids) - 1, len(COLUMNS) - 1))

    def reload_card(self, card_id: str) -> None:
        self._rows.pop(card_id, None)
        row = self.row_of(card_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _shown(column, self._row(card_id))
        if role == Qt.ItemDataRole.ForegroundRole and self._row(card_id)["suspended"]:
            from PySide6.QtGui import QColor

            return QColor(150, 150, 150)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = COLUMNS[index.column()]
        text = str(value).strip()
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE or not text:
            return False
        card_id = self.ids[index.row()]
        self.collection.update_card(card_id, **{column: text})
        self.reload_card(card_id)
        return True


_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.S)


def _shown(column: str, row: dict) -> str:
    value = row.get(column) or ""
    if column == "front" and row.get("kind") == "cloze":
        return _CLOZE.sub(r"[\1]", value)  # readable in a list; the editor shows the markup
    if column == "kind":
        return tr("Cloze") if value == "cloze" else tr("Basic")
    if column == "due":
        return datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d") if value else tr("New")
    return value
