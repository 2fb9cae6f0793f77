"""Making a written file and its rename survive a power cut (fsync of the file, then of its folder)."""
from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Makes a rename inside `folder` durable; folders cannot be opened for this on Windows."""
    if os.name == "posix":
        fsync_file(folder)
