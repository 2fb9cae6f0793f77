"""Import files into the collection: read → generate cards → store, as one step for CLI and GUI."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from desktop.core.collection import Collection, ImportResult
from desktop.core.document import Document
from desktop.core.resources import BUNDLED_TALK, resource_path

_BUNDLED_DONE = "bundled_talk_imported"
_ADDRESS = re.compile(r"^https?://\S+$", re.I)


def import_path(collection: Collection, path: str | Path, now: datetime | None = None) -> tuple[Document, ImportResult]:
    """Import one file, or the article at a web address, with its generated cards.

    Raises:
        ImportFailed: the file or page cannot be read as a talk (for a page also: offline, no answer in
            time, an error page, too large); nothing is written then.
    """
    return store(collection, read_source(path), now)


def import_address(collection: Collection, url: str, now: datetime | None = None) -> tuple[Document, ImportResult]:
    """Import the article at what the user typed as a web address ("example.com/x" too: it is one here).

    Raises:
        ImportFailed: not an address, offline, no answer in time, an error page, too large or no article.
    """
    from desktop.core.importing.web import import_url

    return store(collection, import_url(url), now)


def read_source(source: str | Path) -> Document:
    """A file, or the article at an http(s) address (fetched with a timeout and a size limit), read but not stored."""
    if isinstance(source, str) and is_address(source):
        from desktop.core.importing.web import import_url

        return import_url(source)
    from desktop.core.importing import import_file

    return import_file(source)


def import_pasted(collection: Collection, text: str, markup: str = "",
                  now: datetime | None = None) -> tuple[Document, ImportResult]:
    """Import pasted or dropped text; its HTML form, when the clipboard has one, keeps its headings."""
    from desktop.core.importing import import_text

    document = import_text(markup, ".html") if markup.strip() else import_text(text)
    return store(collection, document, now)


def is_address(text: str) -> bool:
    """Is the text one web address (what a browser's address bar copies), rather than prose?"""
    return bool(_ADDRESS.match(text.strip()))


def store(collection: Collection, document: Document, now: datetime | None = None) -> tuple[Document, ImportResult]:
    """Generate a read document's cards and store both in one transaction."""
    from desktop.core.generate.pipeline import generate  # the rules and jieba: only when importing

    return document, collection.import_document(document, generate(document), now)


def needs_bundled_talk(collection: Collection) -> bool:
    """Whether `ensure_bundled_talk` would import (the first run)."""
    return not collection.setting(_BUNDLED_DONE)


def ensure_bundled_talk(collection: Collection) -> str | None:
    """On first run, import the talk that ships with the app; returns its document id, or None if done before.

    Done once: a user who deletes the talk does not get it back on the next start.
    """
    if not needs_bundled_talk(collection):
        return None
    document, _ = import_path(collection, resource_path(BUNDLED_TALK))
    collection.set_setting(_BUNDLED_DONE, True)
    return document.id
