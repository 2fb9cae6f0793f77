"""desktop.core never imports Qt: every module in it loads in a process where PySide6 cannot be imported."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKED_IMPORT_ALL = textwrap.dedent("""
    import importlib, json, pkgutil, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt is blocked in desktop.core: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    import desktop.core
    names, failures = [], {}
    for info in pkgutil.walk_packages(desktop.core.__path__, "desktop.core."):
        names.append(info.name)
        try:
            importlib.import_module(info.name)
        except BaseException as error:
            failures[info.name] = repr(error)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    print(json.dumps({"modules": names, "failures": failures, "qt": qt}))
""")


def run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_core_module_imports_with_qt_blocked() -> None:
    result = run(BLOCKED_IMPORT_ALL)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["failures"] == {}
    assert report["qt"] == []
    for expected in ("desktop.core.importing.decode", "desktop.core.importing.parse", "desktop.core.collection",
                     "desktop.core.document", "desktop.core.text"):
        assert expected in report["modules"]


def test_the_documented_one_liner_works() -> None:
    result = run("import sys; sys.modules['PySide6'] = None; import desktop.core")
    assert result.returncode == 0, result.stderr


def test_the_blocker_really_blocks() -> None:
    # guards the test above: an import of Qt under the same blocker must fail
    result = run(BLOCKED_IMPORT_ALL.replace("import desktop.core\n", "import desktop.core\nimport PySide6\n"))
    assert result.returncode != 0
    assert "Qt is blocked" in result.stderr


def test_command_line_outline_needs_no_qt(tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text("标题\n\n1. 部分\n\n正文。\n", encoding="utf-8")
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['shiboken6'] = None\n"
            f"from desktop.app import main; raise SystemExit(main(['outline', {str(talk)!r}]))")
    result = run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["标题", "  1 部分"]
