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
        "%1 did not answer within %2 seconds; try again later.":
            tr("%1 did not answer within %2 seconds; try again later."),
        "%1 is not a web address; enter one that starts with http:// or https://.":
            tr("%1 is not a web address; enter one that starts with http:// or https://."),
        "%1 redirects to %2, which is not an http:// or https:// address.":
            tr("%1 redirects to %2, which is not an http:// or https:// address."),
        "%1 redirects too many times; open it in a browser and copy the final address.":
            tr("%1 redirects too many times; open it in a browser and copy the final address."),
        "Could not reach %1; check the connection and the address.":
            tr("Could not reach %1; check the connection and the address."),
        "EPUB import needs the optional package EbookLib: install it with pip install 'talkcards[epub]'.":
            tr("EPUB import needs the optional package EbookLib: install it with pip install 'talkcards[epub]'."),
        "Enter a web address, such as https://example.com/article.":
            tr("Enter a web address, such as https://example.com/article."),
        "Line %1 has a broken cue time “%2”; cue times look like %3.":
            tr("Line %1 has a broken cue time “%2”; cue times look like %3."),
        "The EPUB file is damaged or incomplete; download or copy it again.":
            tr("The EPUB file is damaged or incomplete; download or copy it again."),
        "The EPUB is protected by DRM, so its text cannot be read; import a DRM-free copy.":
            tr("The EPUB is protected by DRM, so its text cannot be read; import a DRM-free copy."),
        "The EPUB lists no chapters in its reading order (spine), so it has no text to import.":
            tr("The EPUB lists no chapters in its reading order (spine), so it has no text to import."),
        "The EPUB unpacks to more than %1 MB; TalkCards imports books up to that size.":
            tr("The EPUB unpacks to more than %1 MB; TalkCards imports books up to that size."),
        "The PDF has no text layer (it is probably scanned); TalkCards needs the text, so run it through OCR first or import a text version.":
            tr("The PDF has no text layer (it is probably scanned); TalkCards needs the text, so run it through OCR first or import a text version."),
        "The PDF is damaged or incomplete (perhaps its download stopped early); download or export it again.":
            tr("The PDF is damaged or incomplete (perhaps its download stopped early); download or export it again."),
        "The PDF is encrypted in a way TalkCards cannot read; save an unencrypted copy (for example with Print to PDF) and import that.":
            tr("The PDF is encrypted in a way TalkCards cannot read; save an unencrypted copy (for example with Print to PDF) and import that."),
        "The PDF is password-protected; save a copy without the password (for example with Print to PDF) and import that.":
            tr("The PDF is password-protected; save a copy without the password (for example with Print to PDF) and import that."),
        "The address %1 gives a file of type %2, which TalkCards cannot read; choose a web page, text, subtitles, PDF or EPUB.":
            tr("The address %1 gives a file of type %2, which TalkCards cannot read; choose a web page, text, subtitles, PDF or EPUB."),
        "The connection to %1 broke off; try again.":
            tr("The connection to %1 broke off; try again."),
        "The file is not an EPUB book (an EPUB is a ZIP archive with META-INF/container.xml).":
            tr("The file is not an EPUB book (an EPUB is a ZIP archive with META-INF/container.xml)."),
        "The file reads as neither SubRip nor WebVTT captions: it should start with “WEBVTT” or with cue number 1 and its times.":
            tr("The file reads as neither SubRip nor WebVTT captions: it should start with “WEBVTT” or with cue number 1 and its times."),
        "The file's name ends in .pdf but it does not hold a PDF.":
            tr("The file's name ends in .pdf but it does not hold a PDF."),
        "The page %1 answered %2 %3; check the address.":
            tr("The page %1 answered %2 %3; check the address."),
        "The page %1 has no article text to study.":
            tr("The page %1 has no article text to study."),
        "The page %1 is empty.":
            tr("The page %1 is empty."),
        "The secure connection to %1 failed (%2); check the address.":
            tr("The secure connection to %1 failed (%2); check the address."),
        "The site of %1 answered %2 %3; try again later.":
            tr("The site of %1 answered %2 %3; try again later."),
        "The site refused to give %1 to TalkCards (%2 %3); save the page from your browser and import the file.":
            tr("The site refused to give %1 to TalkCards (%2 %3); save the page from your browser and import the file."),
        "The subtitles have no cue with text to study.":
            tr("The subtitles have no cue with text to study."),
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
