"""Where the bundled files (talk, translations, styles) live: the source tree or a frozen package."""
from __future__ import annotations

import sys
from pathlib import Path

BUNDLED_TALK = "talks/000_dce75566e3c95038.txt"


def resource_path(relative: str) -> Path:
    """Path of a file under `resources/` (PyInstaller unpacks it under sys._MEIPASS)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[2]
    return root / "resources" / relative
