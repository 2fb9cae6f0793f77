"""Tools ▸ Restore backup…: the backups with their date and what they hold; restore one, or back up now."""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QModelIndex, Qt, QTimeZone, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox,
                               QTableView, QVBoxLayout, QWidget)

from desktop.core import backup
from desktop.core.backup import Backup
from desktop.core.check import CheckReport
from desktop.core.collection import Collection, CollectionError
from desktop.core.recovery import restore_backup
from desktop.ui.i18n import tr

BACKUP_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_label(reason: str) -> str:
    """Why a backup was taken, in the user's words."""
    labels = {"close": tr("On closing"), "study": tr("While studying"), "migration": tr("Before an upgrade"),
              "delete": tr("Before deleting cards"), "reimport": tr("Before re-importing"),
              "restore": tr("Before restoring a backup"), "manual": tr("Backed up by hand"),
              "check": tr("Before checking the collection")}
    return labels.get(reason, reason)


def local_time(backup_: Backup) -> str:
    stamp = QDateTime.fromSecsSinceEpoch(int(backup_.taken_at.timestamp()), QTimeZone.utc()).toLocalTime()
    return stamp.toString("yyyy-MM-dd HH:mm")


class BackupDialog(QDialog):
    """Lists the backups; after a restore, `collection` is the restored one (the old one is closed)."""

    def __init__(self, collection: Collection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(tr("Backups"))
        self.collection = collection
        self.restored = False
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([tr("Taken"), tr("Why"), tr("Documents"), tr("Cards"), tr("Reviews")])
        self.view = QTableView()
        self.view.setObjectName("backupView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.note = QLabel(tr("TalkCards backs up when it closes, every half hour while you study, and before "
                              "upgrades, deletions and re-imports. It keeps the newest few, one a day for a week "
                              "and one a week for a month."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(tr("&Restore"), QDialogButtonBox.ButtonRole.ActionRole)
        self.backup_button = buttons.addButton(tr("&Back up now"), QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = buttons.addButton(tr("Open &folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backup_button.clicked.connect(self.back_up_now)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.collection.backup_folder))))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for entry in backup.listing(self.collection.backup_folder):
            held = backup.contents(entry.path)
            cells = [local_time(entry), reason_label(entry.reason)]
            cells += [str(n) for n in (held.documents, held.cards, held.reviews)] if held else [tr("unreadable")] * 3
            items = [QStandardItem(text) for text in cells]
            for item in items[2:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[0].setData(entry, BACKUP_ROLE)
            self.model.appendRow(items)
        if self.model.rowCount():
            self.view.selectRow(0)
        self._update_buttons()

    def selected(self) -> Backup | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(BACKUP_ROLE) if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        if self.collection.backup("manual") is None:
            QMessageBox.warning(self, tr("Backups"), tr("The backup could not be written. Is the disk full?"))
        self.reload()

    def restore_selected(self, confirm: bool = True) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = tr("Replace your collection with the backup of %1? Your collection as it is now is backed up "
                      "first, so you can come back to it.").replace("%1", local_time(chosen))
        if confirm and QMessageBox.question(self, tr("Restore backup"), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.collection = restore_backup(self.collection, chosen)
        except CollectionError as error:
            if self.collection.closed:
                self.collection = Collection(self.collection.path)
            QMessageBox.warning(self, tr("Restore backup"), str(error))
            return
        self.restored = True
        self.accept()

    def index_of(self, entry: Backup) -> QModelIndex:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(BACKUP_ROLE) == entry:
                return self.model.index(row, 0)
        return QModelIndex()


class StartCancelled(Exception):
    """The user chose to quit rather than open a damaged collection's replacement."""


def ask_to_restore(problem: str, offered: Backup | None) -> bool:
    """At start, a damaged collection: restore the newest sound backup, start empty, or quit."""
    box = QMessageBox(QMessageBox.Icon.Warning, "TalkCards", tr("Your collection file is damaged and cannot be opened."))
    box.setObjectName("damagedDialog")
    kept = tr("The damaged file is kept beside the new one, so nothing is deleted.")
    if offered is None:
        box.setInformativeText(tr("There is no backup to restore. TalkCards can start with an empty collection.")
                               + " " + kept)
    else:
        held = backup.contents(offered.path)
        summary = tr("The newest backup is from %1: %2 documents, %3 cards, %4 reviews.").replace("%1", local_time(offered))
        summary = summary.replace("%2", str(held.documents)).replace("%3", str(held.cards)).replace("%4", str(held.reviews))
        box.setInformativeText(summary + " " + kept)
    box.setDetailedText(problem)
    restore = box.addButton(tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole) if offered else None
    box.addButton(tr("Start empty"), QMessageBox.ButtonRole.DestructiveRole)
    quit_button = box.addButton(tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or quit_button)
    box.exec()
    if box.clickedButton() is quit_button:
        raise StartCancelled
    return box.clickedButton() is restore


def check_report_text(report: CheckReport) -> str:
    """Tools ▸ Check collection's findings in the user's language."""
    sentences = {"orphan_reviews": tr("%1 reviews of cards that no longer exist were removed."),
                 "orphan_cards": tr("%1 cards of documents that no longer exist were removed."),
                 "moved_cards": tr("%1 cards whose section was missing were moved to their document's first section."),
                 "reset_schedules": tr("%1 cards with an unreadable schedule were reset to new.")}
    head = tr("The file is sound.") if report.sound else \
        tr("SQLite reports damage: %1. Restore a backup (Tools ▸ Restore backup…).").replace("%1", "; ".join(report.integrity[:3]))
    lines = [head, *(sentences[key].replace("%1", str(count)) for key, count in report.fixed.items())]
    if not report.fixed:
        lines.append(tr("Nothing needed repair."))
    lines.append(tr("The search index was rebuilt."))
    return "\n".join(lines)
