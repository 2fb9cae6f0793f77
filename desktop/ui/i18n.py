"""The one translation function for UI strings, and loading the Qt translation for a language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.resources import resource_path

CONTEXT = ""  # pyside6-lupdate files module-level tr() calls under the empty context
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []
_current = ["en"]  # the language installed last (a list: module state without `global`)


def current_language() -> str:
    return _current[0]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a UI string (English is the source language); `n` picks a plural form for %n."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_language(language: str) -> bool:
    """Switch the UI language; widgets re-read their texts on a LanguageChange event.

    Returns:
        True when a translation was loaded (False for English, the source language).
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "en"
    if language == "en":
        return False
    ours = QTranslator(app)
    if not ours.load(str(resource_path(f"translations/talkcards_{language}.qm"))):
        return False
    # Qt's own strings (OK, Cancel, context menus) come from the translations PySide6 ships, and
    # the few those leave in English (the file dialog's "Look in:") from our qtextra file
    for name, folder in ((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         (f"qtextra_{language}", str(resource_path("translations")))):
        qt = QTranslator(app)
        if qt.load(name, folder):
            app.installTranslator(qt)
            _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    _current[0] = language
    return True
