"""Whole-process benchmarks: start-up to a painted window, and the command line, each against a bare process.

Each program runs in its own process, timed from launch to exit, its peak memory (RSS) read from
the kernel's accounting of that child. Best of several runs: the least disturbed by the machine.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.core.collection import Collection
from desktop.core.library import ensure_bundled_talk
from tests.benchmarks.test_bench import long_article

pytestmark = pytest.mark.bench
RUNS = 5
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1], "PNG")
"""
JIEBA_TAGGING = """
import sys
import jieba, jieba.posseg
jieba.setLogLevel(30)
for line in open(sys.argv[1], encoding="utf-8"):
    jieba.posseg.lcut(line)
"""


MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
seconds = time.perf_counter() - start
print(code, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


# A user's interpreter caches compiled modules (a package ships them compiled): a machine that sets
# PYTHONDONTWRITEBYTECODE would compile every module of ours on every start (~50 ms of a warm start).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "QT_QPA_PLATFORM": "offscreen"}


def measured(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of the fastest of RUNS runs of `command`.

    A small Python process starts each run and reads its child's peak RSS: a child forked from
    pytest itself would inherit pytest's peak in its accounting.
    """
    best = (float("inf"), 0.0)
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", MEASURE, *command], env=ENV, capture_output=True, text=True,
                             check=True).stdout.split()
        code, seconds, kilobytes = int(out[0]), float(out[1]), int(out[2])
        assert code == 0, f"{command} failed"
        if seconds < best[0]:
            best = (seconds, kilobytes / 1024)
    return best


def compare(name: str, ours: tuple[float, float], base: tuple[float, float], base_name: str) -> None:
    print(f"\n{name}: {ours[0]:.2f} s = {ours[0] / base[0]:.2f}× {base_name} ({base[0]:.2f} s); "
          f"peak RSS {ours[1]:.0f} MB = {ours[1] / base[1]:.2f}× ({base[1]:.0f} MB)")


def test_warm_start_to_a_painted_window(tmp_path):
    data = tmp_path / "data"
    collection = Collection.in_folder(data)
    ensure_bundled_talk(collection)  # an existing collection: a warm start
    collection.close()
    bare_script = tmp_path / "bare.py"
    bare_script.write_text(BARE_WINDOW, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "desktop", "--screenshot", str(tmp_path / "warm.png"),
                    "--data-dir", str(data)], env=ENV, check=True, capture_output=True)  # compiles and caches once
    bare = measured([sys.executable, str(bare_script), str(tmp_path / "bare.png")])
    ours = measured([sys.executable, "-m", "desktop", "--screenshot", str(tmp_path / "ours.png"), "--data-dir", str(data)])
    compare("warm start to a painted main window (--screenshot)", ours, bare, "a bare QMainWindow painted the same way")


def test_generate_command_on_a_6000_character_article(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(long_article(6000), encoding="utf-8")
    tagging = tmp_path / "tagging.py"
    tagging.write_text(JIEBA_TAGGING, encoding="utf-8")
    base = measured([sys.executable, str(tagging), str(article)])
    ours = measured([sys.executable, "-m", "desktop", "generate", str(article), "--json"])
    compare("`talkcards generate --json`, 6,000-character Chinese article", ours, base,
            "a process jieba-tagging its lines")
    python = measured([sys.executable, "-c", "pass"])
    print(f"(a bare `python -c pass`: {python[0]:.2f} s, {python[1]:.0f} MB)")


def test_loading_jieba():
    """jieba's dictionary and tagger as TalkCards loads them (`warm_up`), against jieba loading them itself."""
    jieba_itself = measured([sys.executable, "-c", "import jieba, jieba.posseg; jieba.setLogLevel(30); jieba.initialize()"])
    ours = measured([sys.executable, "-c", "from desktop.core.text import warm_up; warm_up()"])
    compare("load jieba's dictionary and tagger (desktop.core.text.warm_up)", ours, jieba_itself,
            "jieba.initialize() and import jieba.posseg")
