"""Light/dark look: follow the system's colour scheme, with Fusion so palettes apply on every platform."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# Qt takes each character from the first family in the list that has it. Chinese text wants a CJK
# family first (its punctuation and quotes are full-width, as Chinese typesetting expects); English
# text wants a Latin family first, or its quotes and apostrophes come out full-width too. The CJK
# families stay in both lists, so Chinese in an English text still finds its glyphs.
CJK_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"]
LATIN_FAMILIES = ["Noto Sans", "Segoe UI", "Helvetica Neue", "DejaVu Sans", "Arial"]
# Fusion draws an unchecked box's border from the window colour, which vanishes on a dark window.
DARK_STYLE_SHEET = ("QCheckBox::indicator:unchecked, QAbstractItemView::indicator:unchecked, "
                    "QGroupBox::indicator:unchecked { border: 1px solid #9a9a9a; border-radius: 2px; "
                    "background: #1f1f1f; width: 12px; height: 12px; }")


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
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(font_families(language))
    font.setPointSize(max(app.font().pointSize(), 10))
    app.setFont(font)
    dark = system_prefers_dark() if scheme == "system" else scheme == "dark"
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    app.setStyleSheet(DARK_STYLE_SHEET if dark else "")


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
