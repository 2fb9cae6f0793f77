"""Import a talk or article: decode → read its format → clean the noise → parse the outline.

`import_file` and `import_text` live in `reading`, loaded when first asked for: the readers and
their cleaning rules (a few hundred regular expressions) are not needed to open a window.
"""
from __future__ import annotations

from desktop.core.importing.decode import ImportFailed

# the names of what TalkCards reads, by kind (the file dialog offers each; a file's first bytes may overrule its name)
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm")
SUBTITLE_SUFFIXES = (".srt", ".vtt")
PDF_SUFFIXES = (".pdf",)
EPUB_SUFFIXES = (".epub",)
BOOK_SUFFIXES = PDF_SUFFIXES + EPUB_SUFFIXES  # binary formats, read from bytes
SUFFIXES = TEXT_SUFFIXES + SUBTITLE_SUFFIXES + BOOK_SUFFIXES
__all__ = ["BOOK_SUFFIXES", "EPUB_SUFFIXES", "ImportFailed", "PDF_SUFFIXES", "SUBTITLE_SUFFIXES", "SUFFIXES",
           "TEXT_SUFFIXES", "import_file", "import_page", "import_text"]


def __getattr__(name: str):
    if name in ("import_file", "import_page", "import_text"):
        from desktop.core.importing import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
