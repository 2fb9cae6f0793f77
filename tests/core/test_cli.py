"""`talkcards outline` on good and bad input: bad input gives one clear sentence, exit status 2, no traceback."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.app import main
from desktop.core.importing.decode import MAX_BYTES

DATA = Path(__file__).parent / "data"
TALKCARDS = Path(sys.executable).with_name("talkcards")

HOSTILE_EMPTY = ("<html><head><script>alert(document.cookie)</script><style>p{}</style></head>"
                 "<body onload=\"alert(1)\"><nav>Home</nav><img src=x onerror=\"alert(2)\">"
                 "<div><span><b>   </body>")


def write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES + 1)  # sparse: 20 MB on paper, nothing on disk
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def folder(parent: Path) -> Path:
    path = parent / "notes"
    path.mkdir()
    return path


BAD_INPUTS = {
    "missing": (lambda folder: folder / "missing.txt", r"^talkcards: No such file: .*missing\.txt$"),
    "directory": (folder, r"^talkcards: .*notes is a folder; choose a text, Markdown or HTML file\.$"),
    "empty": (write("empty.txt", b""), r"^talkcards: The file is empty\.$"),
    "blank": (write("blank.md", b"\n \n\t\n"), r"^talkcards: The file is empty\.$"),
    "binary": (write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
               r"^talkcards: The file looks binary, not text\.$"),
    "compressed": (write("notes.txt", zlib.compress("大语言模型".encode() * 500)),
                   r"^talkcards: The file (looks binary, not text|'s text encoding could not be recognised.*)\.$"),
    "undecodable": (write("broken.txt", "正常文本".encode() + b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xff\xfe\xfd" * 5),
                    r"^talkcards: The file's text encoding could not be recognised; save it as UTF-8 and try again\.$"),
    "lying-bom": (write("bom.txt", b"\xef\xbb\xbf\xff\xfe\xfa abc"),
                  r"^talkcards: The file starts with a UTF-8 byte-order mark but is not valid UTF-8\.$"),
    "huge": (huge, r"^talkcards: huge\.txt is larger than 20 MB; TalkCards imports talks and articles\.$"),
    "title-only": (write("title.txt", "只有标题\n".encode()), r"^talkcards: The file has no article text to study\.$"),
    "only-noise": (write("noise.txt", "标题\n\nhttp://example.com/a\n\n在这里插入图片描述\n\n[image]\n".encode()),
                   r"^talkcards: The file has no article text to study\.$"),
    "hostile-html": (write("page.html", HOSTILE_EMPTY.encode()), r"^talkcards: The file has no article text to study\.$"),
    "deeply-nested": (write("deep.html", ("<html><body>" + "<div><span>" * 60_000).encode()),
                      r"^talkcards: The file has no article text to study\.$"),
}


def assert_one_sentence(err: str, pattern: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0] == err.strip()
    assert re.match(pattern, lines[0]), lines[0]


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_gives_one_sentence_and_status_2(case: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    make, pattern = BAD_INPUTS[case]
    path = make(tmp_path)
    for json_flag in ([], ["--json"]):
        assert main(["outline", str(path), *json_flag]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert_one_sentence(captured.err, pattern)


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "binary", "undecodable", "huge", "hostile-html",
                                  "deeply-nested"])
def test_installed_command_gives_one_sentence_and_status_2(case: str, tmp_path: Path) -> None:
    make, pattern = BAD_INPUTS[case]
    result = subprocess.run([str(TALKCARDS), "outline", str(make(tmp_path)), "--json"], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_sentence(result.stderr, pattern)


def test_a_pipe_is_refused_instead_of_read_forever(tmp_path: Path) -> None:
    # in a subprocess with a time limit: reading a pipe nobody writes to would hang this test run
    result = subprocess.run([str(TALKCARDS), "outline", str(fifo(tmp_path))], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert_one_sentence(result.stderr, r"^talkcards: .*pipe\.txt is not a regular file; choose a text, Markdown or HTML file\.$")


def test_unreadable_file_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    talk = tmp_path / "locked.txt"
    talk.write_text("标题\n\n正文。", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert main(["outline", str(talk)]) == 2
    assert_one_sentence(capsys.readouterr().err, r"^talkcards: .*locked\.txt could not be read: Permission denied\.$")


def test_hostile_html_with_an_article_prints_only_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(DATA / "import_hostile.html"), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    result = json.loads(captured.out)
    assert result["title"] == "Safe Reading"
    assert "alert" not in captured.out and "onerror" not in captured.out and "<" not in captured.out


def test_installed_command_prints_the_outline(tmp_path: Path) -> None:
    result = subprocess.run([str(TALKCARDS), "outline", str(DATA / "import_zh_numerals.txt")], capture_output=True,
                            text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "城市垃圾分类讲座纪要", "  前言", "  一 为什么要分类", "    （一） 环境压力", "    （二） 资源价值",
        "  二 怎样分类", "    （一） 可回收物", "    （二） 厨余垃圾", "  总结"]


def test_outline_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(DATA / "import_en_talk.txt"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["title"] == "How Bridges Stay Up: Notes from a Public Lecture"
    first = result["sections"][1]
    assert set(first) >= {"number", "title", "level", "text", "children"}
    assert (first["number"], first["title"], first["level"]) == ("1", "Forces on a bridge", 1)
    assert first["text"] == "Every bridge must carry two kinds of load. The dead load is the weight of the bridge itself."
    assert [(c["number"], c["level"]) for c in first["children"]] == [("1.1", 2), ("1.2", 2)]


def test_missing_argument_is_a_usage_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["outline"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "the following arguments are required: path" in err


def test_version_comes_from_the_package(capsys: pytest.CaptureFixture[str]) -> None:
    import desktop

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"talkcards {desktop.__version__}\n"


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(json_flag: list[str]) -> None:
    """`talkcards generate … | head -1`: the pipe closes before the cards are written."""
    talk = Path(__file__).parents[2] / "resources" / "talks" / "000_dce75566e3c95038.txt"
    with subprocess.Popen([str(TALKCARDS), "generate", str(talk), *json_flag], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as command:
        command.stdout.close()  # before the command has loaded jieba, so all its writes meet a closed pipe
        errors = command.stderr.read()
    assert (command.returncode, errors) == (0, b"")
