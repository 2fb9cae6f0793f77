"""What a machine needs before Qt can open a window, told in one sentence instead of Qt's abort.

Without a system library that Qt links to, importing PySide6 fails with a bare `ImportError`
("libEGL.so.1: cannot open shared object file"); without one of the X11 plugin's, or without any
display, Qt prints several lines and aborts the process. Both are checked here without importing Qt.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

_SONAME = re.compile(r"(lib[\w.+-]+?\.so(?:\.\d+)*): cannot open shared object file")
_NOT_FOUND = re.compile(r"^\s*(lib\S+\.so\S*) => not found", re.MULTILINE)
# where Debian's naming rule (soname libfoo.so.N → package libfooN) does not give the package
_PACKAGE_EXCEPTIONS = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
                       "libgobject-2.0.so.0": "libglib2.0-0", "libGLdispatch.so.0": "libglvnd0", "libz.so.1": "zlib1g",
                       "libbrotlicommon.so.1": "libbrotli1", "libbrotlidec.so.1": "libbrotli1",
                       "libgssapi_krb5.so.2": "libgssapi-krb5-2", "libcom_err.so.2": "libcom-err2"}


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that holds a shared library, by Debian's library naming rule.

    Args:
        soname: e.g. "libxcb-cursor.so.0".

    Returns:
        e.g. "libxcb-cursor0"; "libxkbcommon-x11-0" (a name ending in a digit takes a hyphen).
    """
    if soname in _PACKAGE_EXCEPTIONS:
        return _PACKAGE_EXCEPTIONS[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    name = name.lower()
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def missing_libraries_sentence(sonames: list[str]) -> str:
    packages = " ".join(dict.fromkeys(debian_package(soname) for soname in sonames))
    libraries = ", ".join(sonames)
    return (f"TalkCards cannot open its window because the system {'libraries' if len(sonames) > 1 else 'library'} "
            f"{libraries} {'are' if len(sonames) > 1 else 'is'} missing: install {packages} "
            f"(the package names on Debian and Ubuntu; the README lists what a bare Linux needs).")


def explain_import_error(error: ImportError) -> str | None:
    """The sentence for an ImportError caused by a missing shared library, or None for any other."""
    found = _SONAME.search(str(error))
    return missing_libraries_sentence([found.group(1)]) if found else None


def platform_problem(environ: os._Environ | dict = os.environ, platform: str = sys.platform) -> str | None:
    """Why Qt would abort opening a window on this machine, as one sentence; None when it should not."""
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, eglfs…: Qt's own message is the best we can do
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None  # Qt may pick Wayland and falls back to X11 by itself
    if not environ.get("DISPLAY"):
        return ("TalkCards needs a display: no DISPLAY is set. Start it from a desktop session, or use "
                "--screenshot or the command-line commands, which need none.")
    plugin = xcb_plugin(environ)
    return plugin_problem(plugin) if plugin else None


def xcb_plugin(environ: os._Environ | dict = os.environ) -> Path | None:
    """The X11 platform plugin Qt would load, found without importing PySide6: from QT_PLUGIN_PATH
    first, as Qt does (the standalone build sets it), then PySide6's own plugin folder."""
    folders = [Path(folder) for folder in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if folder]
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        folders.extend(Path(location, "Qt", "plugins") for location in spec.submodule_search_locations)
    return next((plugin for folder in folders if (plugin := folder / "platforms" / "libqxcb.so").exists()), None)


def plugin_problem(plugin: Path) -> str | None:
    """Load `plugin` as Qt would; if a library it needs is missing, the sentence naming them all."""
    import ctypes  # here and below: this module is on the start-up path, which has no use for them otherwise

    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        # ldd first: dlopen names only the first missing library, and PyInstaller's build rewords its error
        missing = missing_libraries(plugin) or _SONAME.findall(str(error))
        return missing_libraries_sentence(missing) if missing else None  # else not a missing library: Qt says
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """Every library `ldd` cannot find for a shared object (dlopen names only the first); [] without ldd."""
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(listing)))
