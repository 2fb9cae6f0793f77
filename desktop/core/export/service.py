"""Choose what to export (a file, or documents of the collection) and in which format."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from desktop.core.collection import Collection
from desktop.core.export.anki import export_apkg
from desktop.core.export.markdown import export_markdown
from desktop.core.export.source import DeckSource
from desktop.core.export.tsv import export_tsv
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file

FORMATS: dict[str, Callable[..., int]] = {"apkg": export_apkg, "csv": export_tsv, "md": export_markdown}


def sources_from_file(path: str | Path) -> list[DeckSource]:
    """A file not (necessarily) in the collection: its freshly generated cards.

    The cards' edit time is the file's modification time, so re-exporting an unchanged file
    never makes Anki think its notes are newer than the user's own edits in Anki.
    """
    document = import_file(path)
    stamp = float(int(Path(path).stat().st_mtime))
    cards = generate(document)
    for card in cards:
        card.modified_at = stamp
    return [DeckSource(document, cards)]


def sources_from_collection(collection: Collection, document_ids: Iterable[str] | None = None) -> list[DeckSource]:
    """Documents of the collection with their live cards (edits included)."""
    ids = list(document_ids) if document_ids is not None else [d["id"] for d in collection.documents()]
    return [DeckSource(collection.document(i), collection.cards_for_document(i)) for i in ids]


def export_sources(sources: list[DeckSource], out_path: str | Path, fmt: str = "apkg",
                   include_suspended: bool = False) -> int:
    """Write `sources` as apkg, csv (Anki-importable TSV) or md.

    Returns:
        The number of notes (or, for Markdown, cards) written.
    """
    return FORMATS[fmt](sources, out_path, include_suspended=include_suspended)
