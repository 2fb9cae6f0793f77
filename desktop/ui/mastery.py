"""Outline mastery drawn as a small bar beside each section's title, with a tooltip that says what it means."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QStyledItemDelegate, QToolTip

from desktop.core.review import Mastery
from desktop.ui.i18n import tr
from desktop.ui.outline_model import MASTERY_ROLE

BAR_WIDTH, BAR_HEIGHT, BAR_MARGIN = 36, 6, 6
TRACK_COLOUR = QColor(128, 128, 128, 70)  # translucent: reads on light and dark palettes


def mastery_colour(value: float) -> QColor:
    """Red (0) through amber to green (1)."""
    return QColor.fromHsv(int(max(0.0, min(1.0, value)) * 120), 190, 200)


class MasteryDelegate(QStyledItemDelegate):
    """Draws the section as usual plus a bar filled to its mastery (nothing for sections without cards)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        mastery = index.data(MASTERY_ROLE)
        if mastery is None:
            super().paint(painter, option, index)
            return
        value = mastery.value
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(0, 0, -(BAR_WIDTH + 2 * BAR_MARGIN), 0)
        super().paint(painter, text_option, index)
        track = self.bar_rect(option.rect)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK_COLOUR)
        painter.drawRoundedRect(track, 2, 2)
        painter.setBrush(mastery_colour(value))
        painter.drawRoundedRect(QRect(track.left(), track.top(), round(track.width() * value), track.height()), 2, 2)
        painter.restore()

    @staticmethod
    def bar_rect(cell: QRect) -> QRect:
        """Where the bar goes: right-aligned and vertically centred in the cell."""
        return QRect(cell.right() - BAR_MARGIN - BAR_WIDTH, cell.center().y() - BAR_HEIGHT // 2, BAR_WIDTH, BAR_HEIGHT)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + BAR_WIDTH + 2 * BAR_MARGIN, size.height())

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        mastery = index.data(MASTERY_ROLE)
        if mastery is None or not self.bar_rect(option.rect).adjusted(-3, -6, 3, 6).contains(event.pos()):
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), mastery_text(mastery), view)
        return True


def mastery_text(mastery: Mastery) -> str:
    """What the bar means, in the words of its tooltip."""
    return (tr("Mastery %1 %: %2 of %3 cards learned.").replace("%1", str(round(mastery.value * 100)))
            .replace("%2", str(mastery.learned)).replace("%3", str(mastery.cards)) + "\n"
            + tr("The share of this section you would recall now: new cards and cards you are still "
                 "learning or relearning count as forgotten."))
