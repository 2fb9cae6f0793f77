"""Write a file so that readers see either the old or the complete new version, never half."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from desktop.core.durable import fsync_folder


def _read_umask() -> int:
    # os.umask can only be read by setting it; do it once at import, before any threads.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _final_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new one gets what open() would give it.

    mkstemp creates 0600 files, which would hide an export from other users.
    """
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_UMASK


def write_atomically(path: str | os.PathLike[str], writer_fn: Callable[[BinaryIO], object]) -> None:
    """Write `path` through a temporary file in the same folder, then rename it into place.

    Args:
        path: the file to create or replace.
        writer_fn: called with a binary file open for writing; it writes the whole content.

    Raises:
        Whatever `writer_fn` or the file system raises; the temporary file is then
        removed and an existing `path` is left untouched.
    """
    target = Path(path)
    folder = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            writer_fn(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _final_mode(target))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    fsync_folder(folder)
