"""Where the bundled files (talk, icon, translations) live: the package `desktop.resources`.

One lookup for every way the app runs: a checkout (installed editable), an installed wheel and the
PyInstaller build (which unpacks the package, data and all, into its folder).
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

BUNDLED_TALK = "talks/000_dce75566e3c95038.txt"


def resource_path(relative: str) -> Path:
    """Path of a bundled file, e.g. `resource_path("icons/talkcards.svg")`.

    A real file path, because Qt opens these files itself; the package is always unpacked on disk
    (wheels install unzipped and PyInstaller's folder build unpacks its data).
    """
    return Path(str(files("desktop.resources").joinpath(relative)))
