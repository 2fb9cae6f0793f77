"""Desktop integration: the menu entry and AppStream metainfo validate, agree with each other, and install."""
from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import desktop
from desktop.app import _parser
from desktop.ui.launch import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]
ENTRY = ROOT / "packaging" / f"{DESKTOP_ID}.desktop"
METAINFO = ROOT / "packaging" / f"{DESKTOP_ID}.metainfo.xml"


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream); .ci/run installs it")
    return found


def _entry(path: Path = ENTRY) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_validates():
    done = subprocess.run([_validator("desktop-file-validate"), str(ENTRY)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr  # hints count too


def test_metainfo_validates_offline():
    done = subprocess.run([_validator("appstreamcli"), "validate", "--no-net", "--no-color", str(METAINFO)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    problems = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == []


def test_metainfo_names_this_version_the_screenshot_and_a_content_rating():
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_ID
    assert component.findtext("launchable") == ENTRY.name
    assert component.find("releases/release").get("version") == desktop.__version__  # newest first
    assert component.find("content_rating").get("type") == "oars-1.1"
    image = component.find("screenshots/screenshot/image").text
    assert image.endswith("/packaging/screenshots/main-window.png")
    assert (ROOT / "packaging" / "screenshots" / "main-window.png").is_file()


def test_entry_and_metainfo_list_the_same_file_types():
    listed = [kind for kind in _entry()["MimeType"].split(";") if kind]
    provided = [node.text for node in ET.parse(METAINFO).getroot().findall("provides/mediatype")]
    assert listed == provided and "text/markdown" in listed


@pytest.mark.parametrize("files", [[], ["/home/user/talk.md"]])
def test_the_entry_command_is_one_the_app_accepts(files):
    """A launcher replaces %f by the chosen file, or by nothing when started from the menu."""
    words = shlex.split(_entry()["Exec"])
    assert words[0] == "talkcards"
    argv = [arg for word in words[1:] for arg in (files if word == "%f" else [word])]
    args = _parser().parse_args(argv)
    assert args.command == "open" and args.path == (files[0] if files else None)


def test_make_install_desktop_puts_entry_icon_and_metainfo_under_data_home(tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    subprocess.run(["make", "-s", "-C", str(ROOT), "install-desktop", f"DATA_HOME={tmp_path}"], check=True,
                   capture_output=True)
    installed = tmp_path / "applications" / ENTRY.name
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").read_bytes() == \
        (ROOT / "resources" / "icons" / "talkcards.svg").read_bytes()
    assert (tmp_path / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    program = shlex.split(_entry(installed)["Exec"])[0]
    assert Path(program).is_absolute() and Path(program).name == "talkcards"  # this checkout's, not whatever is on PATH
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(installed)], capture_output=True).returncode == 0
    subprocess.run(["make", "-s", "-C", str(ROOT), "uninstall-desktop", f"DATA_HOME={tmp_path}"], check=True)
    assert not installed.exists()


def test_the_readme_lists_the_system_packages_make_run_installs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    wanted = re.search(r"^SYSTEM_PACKAGES := (.+)$", makefile, re.MULTILINE).group(1).split()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"sudo apt-get install (.+)", readme).group(1).split()
    assert listed == wanted and "libxcb-cursor0" in listed
