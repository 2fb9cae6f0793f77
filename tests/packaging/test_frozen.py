"""The standalone build (`make package` builds it, then runs this): it starts without Python.

Marked slow and left out of `make test`: building takes a minute and 150 MB.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import desktop
from desktop.core.gui_requirements import missing_libraries, plugin_problem, xcb_plugin
from tests.loopback import serving

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "dist" / "talkcards"
PROGRAM = BUILD / "talkcards"
TALK = BUILD / "_internal" / "desktop" / "resources" / "talks" / "000_dce75566e3c95038.txt"


@pytest.fixture(scope="module")
def program() -> Path:
    if not PROGRAM.exists():
        pytest.fail("no standalone build: run `make package`, which builds dist/talkcards and then runs this test")
    return PROGRAM


def _run(program: Path, home: Path, *args: str, display: bool = False) -> subprocess.CompletedProcess:
    # as on a machine without Python: an empty environment, no virtualenv or PYTHONPATH to lean on
    environment = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    environment.update({"DISPLAY": ":99"} if display else {"QT_QPA_PLATFORM": "offscreen"})
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=environment, cwd=home, timeout=120)


def test_it_reports_its_version(program, tmp_path):
    assert _run(program, tmp_path, "--version").stdout == f"talkcards {desktop.__version__}\n"


def test_it_prints_the_outline_and_cards_of_the_bundled_talk(program, tmp_path):
    outline = _run(program, tmp_path, "outline", str(TALK))
    assert outline.returncode == 0, outline.stderr
    assert "1.2.1 模型规模的极限" in outline.stdout
    generated = _run(program, tmp_path, "generate", str(TALK), "--json")
    assert generated.returncode == 0, generated.stderr
    cards = json.loads(generated.stdout)["cards"]
    assert len(cards) >= 5 and all(card["source"] for card in cards)


def test_it_renders_the_window_in_chinese_with_the_bundled_talk(program, tmp_path):
    shot = _run(program, tmp_path, "--screenshot", str(tmp_path / "shot.png"), "--data-dir", str(tmp_path / "data"))
    assert shot.returncode == 0, shot.stderr
    png = (tmp_path / "shot.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000  # a window with text in it, not a blank frame


def test_every_qt_library_the_build_loads_is_inside_it(program):
    """What ldd cannot find must be a system library (listed in the README), never a Qt one left out."""
    if shutil.which("ldd") is None:
        pytest.skip("ldd is not installed")
    missing = {name for library in BUILD.rglob("*.so*") for name in missing_libraries(library)}
    assert not [name for name in missing if name.startswith(("libQt6", "libpyside", "libshiboken", "libpython"))]


def test_a_missing_system_library_is_named_instead_of_qts_abort(program, tmp_path):
    expected = plugin_problem(xcb_plugin({}))  # the same plugin, as this checkout's PySide6 has it
    if expected is None:
        pytest.skip("this machine has every library Qt's X11 plugin needs")
    window = _run(program, tmp_path, "--data-dir", str(tmp_path / "data"), display=True)
    assert (window.returncode, window.stderr) == (2, f"talkcards: {expected}\n")


def test_it_reads_captions_and_traditional_chinese(program, tmp_path):
    """The libraries of the new formats travel with their data (OpenCC's dictionaries, webvtt-py)."""
    captions = tmp_path / "talk.vtt"
    captions.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nThe station opened in 2011 and\n\n"
                        "00:00:04.000 --> 00:00:07.000\nproduces 254 MW at peak.\n", encoding="utf-8")
    generated = _run(program, tmp_path, "generate", str(captions), "--json")
    assert generated.returncode == 0, generated.stderr
    assert any(card.get("time") == 1.0 for card in json.loads(generated.stdout)["cards"])
    traditional = tmp_path / "電池.txt"
    traditional.write_text("電池簡介\n\n鋰電池是一種以鋰金屬或鋰合金為負極材料的電池。它的能量密度很高。\n", encoding="utf-8")
    generated = _run(program, tmp_path, "generate", str(traditional), "--json")
    assert generated.returncode == 0, generated.stderr
    assert [card["front"] for card in json.loads(generated.stdout)["cards"]] == ["什麼是鋰電池？"]


def test_epub_import_names_the_optional_package_it_needs(program, tmp_path):
    book = tmp_path / "book.epub"
    book.write_bytes(b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/epub+zip")
    result = _run(program, tmp_path, "outline", str(book))
    assert result.returncode != 0 and "EbookLib" in result.stderr


def test_it_imports_a_web_page_without_other_network_access(program, tmp_path):
    """trafilatura's helpers read their data from the build (tld would otherwise download its suffix list)."""
    page = ("<html><head><title>Tides</title></head><body><nav>Home | News</nav><article><h1>Tides</h1>"
            "<h2>Stations</h2><p>The Sihwa Lake station in South Korea produces 254 MW at peak and opened in 2011 "
            "after seven years of building work on the sea wall.</p><h2>Costs</h2><p>Tidal barrages cost about three "
            "times as much per megawatt as onshore wind farms do, mostly because of the dam.</p></article></body></html>")

    with serving({"/tides": (200, "text/html; charset=utf-8", page.encode())}) as site:
        result = _run(program, tmp_path, "outline", f"{site}/tides")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert result.stdout.splitlines() == ["Tides", "  Stations", "  Costs"]
