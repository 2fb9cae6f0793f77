"""The core's sentences for the user, in the user's language.

The core raises `ImportFailed` with an English template and values (it never imports Qt);
here each template has its tr() twin, so lupdate finds it and the GUI shows it translated.
A test checks that every template the core raises is listed.
"""
from __future__ import annotations

from desktop.core.document import Place
from desktop.core.importing import ImportFailed
from desktop.core.importing.decode import fill
from desktop.ui.i18n import current_language, tr


def import_templates() -> dict[str, str]:
    """English template → its translation now (rebuilt on each call: the language may have changed)."""
    return {
        "No such file: %1": tr("No such file: %1"),
        "%1 is a folder; choose a text, Markdown or HTML file.":
            tr("%1 is a folder; choose a text, Markdown or HTML file."),
        "%1 is not a regular file; choose a text, Markdown or HTML file.":
            tr("%1 is not a regular file; choose a text, Markdown or HTML file."),
        "%1 is larger than %2 MB; TalkCards imports talks and articles.":
            tr("%1 is larger than %2 MB; TalkCards imports talks and articles."),
        "%1 could not be read: %2.": tr("%1 could not be read: %2."),
        "The file has no article text to study.": tr("The file has no article text to study."),
        "The file is empty.": tr("The file is empty."),
        "The file is larger than %1 MB; TalkCards imports talks and articles, not archives.":
            tr("The file is larger than %1 MB; TalkCards imports talks and articles, not archives."),
        "The file looks binary, not text.": tr("The file looks binary, not text."),
        "The file starts with a %1 byte-order mark but is not valid %1.":
            tr("The file starts with a %1 byte-order mark but is not valid %1."),
        "The file's text encoding could not be recognised; save it as UTF-8 and try again.":
            tr("The file's text encoding could not be recognised; save it as UTF-8 and try again."),
    }


def error_text(error: Exception) -> str:
    """The sentence to show for an error the user can act on, translated when the core's template is known."""
    if isinstance(error, ImportFailed):
        return fill(import_templates().get(error.template, error.template), error.values)
    return str(error)


def with_place(section: str, place: Place | None) -> str:
    """A card's section with where its sentence is in the video or PDF: "1.2 训练 · 12:34", "Intro · p. 3"."""
    where = place.label(current_language()) if place else ""
    return f"{section} · {where}" if where and section else section or where
