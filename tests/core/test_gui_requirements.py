"""A machine that cannot show Qt's window is told why in one sentence that names the package to install."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.gui_requirements import debian_package, explain_import_error, platform_problem, plugin_problem


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libfontconfig.so.1", "libfontconfig1"),
    ("libglib-2.0.so.0", "libglib2.0-0"), ("libX11-xcb.so.1", "libx11-xcb1"),
])
def test_a_library_is_named_by_its_debian_package(soname, package):
    assert debian_package(soname) == package


def test_a_missing_library_at_import_is_one_sentence_naming_the_package():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    sentence = explain_import_error(error)
    assert "libEGL.so.1" in sentence and "install libegl1" in sentence and sentence.count(".") >= 1
    assert "\n" not in sentence
    assert explain_import_error(ImportError("cannot import name 'QFoo' from 'PySide6.QtGui'")) is None


def test_no_display_is_explained_and_a_chosen_platform_is_left_to_qt():
    assert "needs a display" in platform_problem({}, "linux")
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert platform_problem({}, "darwin") is None


@pytest.fixture
def plugin_needing_a_missing_library(tmp_path) -> Path:
    """A shared object linked against a library that is then deleted: what a Qt plugin is on a bare system."""
    if shutil.which("gcc") is None:
        pytest.skip("gcc is not installed")
    (tmp_path / "gone.c").write_text("int gone(void) { return 1; }\n")
    (tmp_path / "plugin.c").write_text("int gone(void);\nint plugin(void) { return gone(); }\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-Wl,-soname,libtalkcardsgone.so.1", "-o",
                    str(tmp_path / "libtalkcardsgone.so.1"), str(tmp_path / "gone.c")], check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", str(tmp_path / "libqxcb.so"), str(tmp_path / "plugin.c"),
                    str(tmp_path / "libtalkcardsgone.so.1")], check=True)
    (tmp_path / "libtalkcardsgone.so.1").unlink()
    return tmp_path / "libqxcb.so"


def test_a_plugin_whose_library_is_missing_names_the_package(plugin_needing_a_missing_library):
    sentence = plugin_problem(plugin_needing_a_missing_library)
    assert "libtalkcardsgone.so.1 is missing" in sentence and "install libtalkcardsgone1" in sentence


def test_the_app_stops_with_that_sentence_instead_of_qts_abort(plugin_needing_a_missing_library, tmp_path):
    (tmp_path / "plugins" / "platforms").mkdir(parents=True)
    shutil.copy(plugin_needing_a_missing_library, tmp_path / "plugins" / "platforms" / "libqxcb.so")
    environment = {**_without_display(), "DISPLAY": ":99", "QT_PLUGIN_PATH": str(tmp_path / "plugins")}
    # a process of its own: were the check to miss, Qt would abort it
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, env=environment, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("talkcards: TalkCards cannot open its window because the system library "
                                  "libtalkcardsgone.so.1 is missing: install libtalkcardsgone1")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "data").exists()


def _without_display() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}


def test_a_screenshot_needs_no_display(tmp_path):
    done = subprocess.run([sys.executable, "-m", "desktop", "--screenshot", str(tmp_path / "shot.png"),
                           "--data-dir", str(tmp_path / "data")], capture_output=True, text=True, env=_without_display(),
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "shot.png").read_bytes()[:4] == b"\x89PNG"
