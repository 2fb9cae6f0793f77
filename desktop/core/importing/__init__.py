"""Import a talk or article: decode → read its format → clean the noise → parse the outline.

`import_file` and `import_text` live in `reading`, loaded when first asked for: the readers and
their cleaning rules (a few hundred regular expressions) are not needed to open a window.
"""
from __future__ import annotations

from desktop.core.importing.decode import ImportFailed

SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".srt", ".vtt", ".pdf", ".epub")
__all__ = ["ImportFailed", "SUFFIXES", "import_file", "import_page", "import_text"]


def __getattr__(name: str):
    if name in ("import_file", "import_page", "import_text"):
        from desktop.core.importing import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
