"""Import files into the collection: read → generate cards → store, as one step for CLI and GUI."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.core.collection import Collection, ImportResult
from desktop.core.document import Document
from desktop.core.resources import BUNDLED_TALK, resource_path

_BUNDLED_DONE = "bundled_talk_imported"


def import_path(collection: Collection, path: str | Path, now: datetime | None = None) -> tuple[Document, ImportResult]:
    """Import one file with its generated cards.

    Raises:
        ImportFailed: the file cannot be read as a talk; nothing is written then.
    """
    from desktop.core.generate.pipeline import generate  # the rules and jieba: only when importing
    from desktop.core.importing import import_file

    document = import_file(path)
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
