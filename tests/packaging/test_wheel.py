"""The wheel as a user installs it: built from the tree, installed into a fresh venv, run from there."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import desktop

ROOT = Path(__file__).resolve().parents[2]
TALK = "desktop/resources/talks/000_dce75566e3c95038.txt"


def _source_tree(target: Path) -> Path:
    """The files git would commit (tracked and new, not ignored), copied: a build leaves build/ and
    *.egg-info behind, and must not see the developer's .venv, caches or dist/."""
    listing = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                             capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listing):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _build(source: Path, out: Path, *what: str) -> None:
    # --no-isolation: the test environment has setuptools and build (the [test] extra); an isolated
    # build would fetch setuptools from the network on every run
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", *what, "-o", str(out), str(source)],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """`python -m build` (the sdist, then the wheel built from that sdist) and a wheel built straight from the tree."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to know which files are the source")
    base = tmp_path_factory.mktemp("build")
    source = _source_tree(base / "src")
    _build(source, base / "from-sdist")
    _build(source, base / "direct", "--wheel")
    return {"wheel": next((base / "from-sdist").glob("*.whl")), "sdist": next((base / "from-sdist").glob("*.tar.gz")),
            "direct": next((base / "direct").glob("*.whl"))}


def _record(wheel: Path) -> dict[str, str]:
    """Each file of the wheel and its hash, from the wheel's RECORD."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
        rows = csv.reader(io.StringIO(archive.read(name).decode()))
        return {row[0]: row[1] for row in rows if row[0] != name}


def test_the_wheel_carries_the_bundled_data_and_no_sources_of_it(built):
    files = _record(built["wheel"])
    for data in (TALK, "desktop/resources/icons/talkcards.svg",
                 "desktop/resources/translations/talkcards_zh_CN.qm", "desktop/resources/translations/qtextra_zh_CN.qm"):
        assert data in files
    assert not [name for name in files if name.endswith(".ts") or name.startswith(("tests/", "resources/"))]


def test_the_sdist_builds_the_same_wheel_as_the_tree(built):
    assert built["wheel"].name == built["direct"].name == f"talkcards-{desktop.__version__}-py3-none-any.whl"
    assert _record(built["wheel"]) == _record(built["direct"])


def test_metadata_is_ready_for_pypi(built):
    with zipfile.ZipFile(built["wheel"]) as archive:
        metadata = archive.read(f"talkcards-{desktop.__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"talkcards-{desktop.__version__}.dist-info/entry_points.txt").decode()
    assert f"Version: {desktop.__version__}\n" in metadata
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Intended Audience :: Education" in metadata
    assert "Project-URL: Homepage, https://" in metadata
    assert "Requires-Python: >=3.11" in metadata
    assert "talkcards = desktop.app:main" in entry_points


@pytest.fixture(scope="module")
def fresh_venv(built, tmp_path_factory) -> Path:
    """A new venv holding only the built wheel.

    Its dependencies (PySide6 alone is 400 MB) come from the test environment through a .pth line rather
    than a second download: a directory named in a .pth file is searched, but its own .pth files are not
    run, so this checkout's editable install stays out and `desktop` can only come from the wheel.
    """
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                    "--no-deps", "--no-index", str(built["wheel"])], check=True, capture_output=True)
    site = Path(subprocess.run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    return venv


def _run(venv: Path, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment.update(env or {})
    return subprocess.run([str(venv / "bin" / "talkcards"), *args], cwd=cwd, capture_output=True, text=True,
                          env=environment, timeout=120)


def test_desktop_is_imported_from_the_installed_wheel(fresh_venv):
    where = subprocess.run([fresh_venv / "bin" / "python", "-c", "import desktop; print(desktop.__file__)"],
                           capture_output=True, text=True, check=True, cwd="/").stdout
    assert where.startswith(str(fresh_venv))


def test_the_installed_command_runs_outline_generate_export_and_screenshot(fresh_venv, tmp_path):
    site = next(fresh_venv.glob("lib/python*/site-packages"))
    talk = site / TALK
    assert _run(fresh_venv, "--version", cwd=tmp_path).stdout == f"talkcards {desktop.__version__}\n"

    outline = _run(fresh_venv, "outline", str(talk), "--json", cwd=tmp_path)
    assert outline.returncode == 0, outline.stderr
    assert "模型规模的极限" in [section["title"] for section in _walk(json.loads(outline.stdout)["sections"])]

    generated = _run(fresh_venv, "generate", str(talk), "--json", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert len(json.loads(generated.stdout)["cards"]) >= 5

    exported = _run(fresh_venv, "export", str(talk), "-o", str(tmp_path / "talk.apkg"), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(tmp_path / "talk.apkg") as deck:
        assert "collection.anki2" in deck.namelist()

    # the first run imports the talk bundled in the wheel and loads the wheel's Chinese translation
    shot = _run(fresh_venv, "--screenshot", str(tmp_path / "shot.png"), "--data-dir", str(tmp_path / "data"),
                cwd=tmp_path, env={"QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"})
    assert shot.returncode == 0, shot.stderr
    assert "Cannot open" not in shot.stderr and "No such file" not in shot.stderr
    png = (tmp_path / "shot.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1280, 800)


def test_the_installed_package_finds_its_icon_and_translation(fresh_venv):
    script = ("from desktop.ui.launch import application; from desktop.ui.i18n import install_language, tr;"
              "app = application(); assert not app.windowIcon().isNull(), 'no icon';"
              "assert install_language('zh_CN'); print(tr('&File'))")
    done = subprocess.run([fresh_venv / "bin" / "python", "-c", script], capture_output=True, text=True, cwd="/",
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "文件(&F)"


def _walk(sections: list[dict]):
    for section in sections:
        yield section
        yield from _walk(section.get("children", []))
