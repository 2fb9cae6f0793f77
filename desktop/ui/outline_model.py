"""The outline tree: a QAbstractItemModel over plain node objects (after Anki's sidebar model)."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.core.document import Document, Section
from desktop.core.review import Mastery

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MASTERY_ROLE = Qt.ItemDataRole.UserRole + 2
DOCUMENT_KEY = ""  # mastery of the whole document
Index = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class OutlineNode:
    section: Section | None  # None for the invisible root and for the document row
    parent: "OutlineNode | None" = None
    children: list["OutlineNode"] = field(default_factory=list)
    title: str = ""  # the document row's text

    @property
    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def build_nodes(document: Document | None) -> OutlineNode:
    root = OutlineNode(None)

    def add(parent: OutlineNode, sections: list[Section]) -> None:
        for section in sections:
            node = OutlineNode(section, parent)
            parent.children.append(node)
            add(node, section.children)

    if document:
        # one row for the whole document above its sections, like Anki's "whole collection" item
        top = OutlineNode(None, root, title=document.title)
        root.children.append(top)
        add(top, document.sections)
    return root


class OutlineModel(QAbstractItemModel):
    """Sections of one document; `mastery` (per section id) draws a bar on each row when set."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.root = build_nodes(None)
        self.mastery: dict[str, Mastery] = {}

    def set_document(self, document: Document | None) -> None:
        self.beginResetModel()
        self.root = build_nodes(document)
        self.endResetModel()

    def set_mastery(self, mastery: dict[str, Mastery]) -> None:
        """Tint rows by mastery; every row repaints, subsections included."""
        self.mastery = mastery
        self._changed_below(QModelIndex())

    def _changed_below(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent), [MASTERY_ROLE])
            for row in range(rows):
                self._changed_below(self.index(row, 0, parent))

    def _node(self, index: Index) -> OutlineNode:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.column() > 0 else len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        section = node.section
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return section.label if section else node.title
        if role == SECTION_ID_ROLE:
            return section.id if section else None
        if role == MASTERY_ROLE:
            return self.mastery.get(section.id if section else DOCUMENT_KEY)
        if role == Qt.ItemDataRole.FontRole and section is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def index_for_section(self, section_id: str | None) -> QModelIndex:
        """The row of a section; None gives the document row."""
        if section_id is None:
            return self.index(0, 0) if self.root.children else QModelIndex()

        def find(node: OutlineNode) -> OutlineNode | None:
            for child in node.children:
                if child.section is not None and child.section.id == section_id:
                    return child
                if found := find(child):
                    return found
            return None

        node = find(self.root)
        return self.createIndex(node.row, 0, node) if node else QModelIndex()

