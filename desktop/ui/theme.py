"""Light/dark look: follow the system's colour scheme, with Fusion so palettes apply on every platform."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

# Qt takes each character from the first family in the list that has it. Chinese text wants a CJK
# family first (its punctuation and quotes are full-width, as Chinese typesetting expects); English
# text wants a Latin family first, or its quotes and apostrophes come out full-width too. The CJK
# families stay in both lists, so Chinese in an English text still finds its glyphs.
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"]
LATIN_FAMILIES = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial"]
BOX_OUTLINE = QColor("#9a9a9a")
FLAG_COLOURS = {1: "#e5484d", 2: "#f76b15", 3: "#30a46c", 4: "#3b82f6"}  # Anki's red, orange, green, blue
_BOXES = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)


class FusionWithVisibleBoxes(QProxyStyle):
    """Fusion, but a check box keeps a visible border on a dark palette.

    Fusion draws the border from the window colour made darker, which vanishes on a dark window,
    so an unchecked box was nearly invisible. A style sheet would replace Fusion's drawing of the
    checked state too; this only adds a border.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt's name
        super().drawPrimitive(element, option, painter, widget)
        if element in _BOXES and is_dark(option.palette):
            painter.save()
            painter.setPen(BOX_OUTLINE)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(0, 0, -1, -1), 1.5, 1.5)
            painter.restore()


def font_families(language: str) -> list[str]:
    """The family list for text in `language` ("zh…" Chinese first; anything else Latin first)."""
    return CJK_FAMILIES + LATIN_FAMILIES if language.startswith("zh") else LATIN_FAMILIES + CJK_FAMILIES


def script_font(base: QFont, language: str) -> QFont:
    """`base` with the families for a text's language (the reader shows an English text in a Latin font)."""
    font = QFont(base)
    font.setFamilies(font_families(language))
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, scheme: str = "system", language: str = "zh_CN") -> None:
    """Apply "light", "dark" or "system" (the platform's current scheme), with the UI language's font."""
    app.setStyle(FusionWithVisibleBoxes("Fusion"))
    font = QFont()
    font.setFamilies(font_families(language))
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    dark = system_prefers_dark() if scheme == "system" else scheme == "dark"
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#282828",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Link: "#7fb2ff",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette
