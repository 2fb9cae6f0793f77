"""Starting TalkCards twice on one data folder, as real processes: the second never writes beside the first."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.core import backup
from desktop.ui.single_instance import LOCK_NAME

COMMAND = [sys.executable, "-m", "desktop"]


def test_a_second_start_brings_the_first_forward_and_a_screenshot_run_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    log = tmp_path / "first.log"
    with log.open("w") as stderr:
        first = subprocess.Popen([*COMMAND, "--data-dir", str(tmp_path)], env={**env, "PYTHONFAULTHANDLER": "1"},
                                 stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / LOCK_NAME).exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / LOCK_NAME).exists(), "the first window never took the folder"
        second = subprocess.run([*COMMAND, "--data-dir", str(tmp_path)], env=env, capture_output=True, text=True,
                                timeout=60)
        assert second.returncode == 0
        assert second.stderr.strip() == ("talkcards: TalkCards is already open on this data folder; "
                                         "it was brought to the front.")
        shot = subprocess.run([*COMMAND, "--screenshot", str(tmp_path / "s.png"), "--data-dir", str(tmp_path)],
                              env=env, capture_output=True, text=True, timeout=60)
        assert shot.returncode == 2 and not (tmp_path / "s.png").exists()
        assert f"already open on the data folder {tmp_path} (process {first.pid})" in shot.stderr
        assert first.poll() is None  # the first is still running, untouched
        first.terminate()  # as a desktop logout does: the window closes cleanly and backs up
        try:
            first.wait(timeout=30)
        except subprocess.TimeoutExpired:
            first.send_signal(signal.SIGABRT)  # faulthandler prints where it hangs
            first.wait(timeout=30)
        assert first.returncode == 0, log.read_text()
        assert [b.reason for b in backup.listing(tmp_path / "backups")] == ["close"]
        assert not (tmp_path / LOCK_NAME).exists()
    finally:
        if first.poll() is None:
            first.kill()
            first.wait(timeout=30)
