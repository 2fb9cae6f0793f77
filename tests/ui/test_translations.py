"""The Simplified Chinese translation covers every UI string."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "talkcards_zh_CN.ts"


def translations(ts: Path) -> dict[str, str]:
    return {source: text for (_context, source, _comment), text in messages(ts).items()}


def messages(ts: Path) -> dict[tuple[str, str, str | None], str]:
    """(context, source, disambiguation) → the finished translation (a plural's first form)."""
    result = {}
    for context in ET.parse(ts).iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [form.text for form in translation.findall("numerusform")]
            key = (context.findtext("name") or "", message.find("source").text, message.findtext("comment"))
            result[key] = forms[0] if forms else translation.text
    return result


@pytest.mark.parametrize("name", ["talkcards_zh_CN", "qtextra_zh_CN"])
def test_the_committed_compiled_translation_matches_its_source(name, qapp):
    """The .qm files are committed (the wheel and sdist need no Qt tools): after editing a .ts, `make translations`."""
    compiled = QTranslator()
    assert compiled.load(str(TS.with_name(f"{name}.qm")))
    stale = [source for (context, source, comment), text in messages(TS.with_name(f"{name}.ts")).items()
             if compiled.translate(context, source, comment, 1) != text]
    assert stale == [], "run `make translations`: " + ", ".join(stale)


def test_every_ui_string_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {m.find("source").text for m in ET.parse(fresh).iter("message")}
    done = translations(TS)
    missing = sorted(wanted - {source for source, text in done.items() if text})
    assert len(wanted) > 50
    assert missing == [], "run pyside6-lupdate and translate: " + ", ".join(missing)


def test_translations_keep_their_placeholders_and_shortcuts():
    for source, text in translations(TS).items():
        for marker in ("%1", "%2", "%3", "%n", "{path}", "{reason}", "{folder}"):
            assert (marker in source) == (marker in text), (source, text)
        assert ("&" in source) == ("&" in text), (source, text)


def test_no_ui_string_hides_inside_an_f_string():
    # pyside6-lupdate cannot see tr() calls inside f-string braces, so they would stay English
    offenders = [f"{path.name}:{number}" for path in (ROOT / "desktop" / "ui").glob("*.py")
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\bf[\"'].*\{[^{}\"']*\btr\(", line)]
    assert offenders == []


def core_import_templates() -> set[str]:
    """Every sentence template the core raises ImportFailed with: literals, module constants, either branch of an if."""
    import ast

    found, unknown = set(), []
    for path in (ROOT / "desktop" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}

        def templates(arg: ast.expr) -> list[str]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                return [arg.value]
            if isinstance(arg, ast.Name) and arg.id in constants:
                return [constants[arg.id]]
            if isinstance(arg, ast.IfExp):
                return templates(arg.body) + templates(arg.orelse)
            unknown.append(f"{path.name}:{arg.lineno}")
            return []

        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "ImportFailed":
                found.update(templates(node.args[0]))
    assert unknown == [], "ImportFailed with a template this check cannot read"
    return found


def test_every_sentence_the_core_raises_is_shown_translated(qapp):
    from desktop.ui.messages import import_templates

    raised = core_import_templates()
    assert len(raised) > 20
    assert sorted(raised - set(import_templates())) == []
