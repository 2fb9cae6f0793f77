"""Importing files into the collection: cards stored, ids kept across edits, history kept, nothing lost."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.collection import Collection
from desktop.core.importing import ImportFailed
from desktop.core.library import ensure_bundled_talk, import_path
from desktop.core.schedule import Study

NOW = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)
TALK = """电池技术的未来

引言

本次报告回顾了储能技术的进展。

1. 固态电池

固态电池的能量密度达到500Wh/kg,是液态锂电池的两倍。研究人员指出,固态电池的主要障碍是界面阻抗。

2. 钠离子电池

钠离子电池的成本比锂电池低30%。钠离子电池主要用于储能电站、低速电动车和备用电源。

3. 展望

专家预计,固态电池至少需要五年才能大规模量产。
"""


@pytest.fixture
def collection(tmp_path):
    col = Collection(tmp_path / "collection.db")
    yield col
    col.close()


def write(tmp_path: Path, text: str, name: str = "talk.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def live_cards(collection: Collection, document_id: str) -> dict[str, dict]:
    return {cid: collection.row_for_id(cid) for cid in collection.find_card_ids(document_id=document_id)}


def test_import_stores_every_generated_card(collection, tmp_path):
    document, result = import_path(collection, write(tmp_path, TALK), NOW)
    cards = live_cards(collection, document.id)
    assert result.added == len(cards) >= 5 and result.kept == 0
    assert any("{{c1::五年}}" in row["front"] for row in cards.values())
    for row in cards.values():
        assert document.text[row["source_start"]:row["source_end"]] == row["source"]


def test_importing_the_same_file_twice_does_not_duplicate(collection, tmp_path):
    path = write(tmp_path, TALK)
    document, first = import_path(collection, path, NOW)
    _, second = import_path(collection, path, NOW + timedelta(days=1))
    assert len(collection.documents()) == 1
    assert second.added == 0 and second.kept == first.added and second.retired == 0
    assert len(live_cards(collection, document.id)) == first.added


def test_reimport_after_an_edit_keeps_unchanged_cards_their_edits_and_history(collection, tmp_path):
    path = write(tmp_path, TALK)
    document, _ = import_path(collection, path, NOW)
    before = live_cards(collection, document.id)
    five_years = next(cid for cid, row in before.items() if "{{c1::五年}}" in row["front"])
    edited = next(cid for cid, row in before.items()
                  if "钠离子" in row["source"] and "30%" not in row["front"] and cid != five_years)
    collection.update_card(edited, front="我改过的问题？", now=NOW)
    study = Study()
    outcome = study.review(study.new_state(five_years, NOW), 3, NOW, 4000)
    collection.save_review(five_years, 3, NOW, 4000, outcome.state_json, outcome.due)

    changed = TALK.replace("30%", "40%")  # one fact changes, the rest stay
    _, result = import_path(collection, write(tmp_path, changed), NOW + timedelta(days=2))
    after = live_cards(collection, document.id)

    vanished = {cid for cid, row in before.items() if "30%" in row["back"] + row["front"]}
    assert vanished and not vanished & set(after)
    assert result.retired == len(vanished) and result.added >= 1
    assert any("40%" in row["back"] + row["front"] for row in after.values())
    assert after[edited]["front"] == "我改过的问题？"
    assert after[five_years]["fsrs"] == outcome.state_json
    assert [r["card_id"] for r in collection.reviews()] == [five_years]
    assert set(before) - vanished <= set(after)


def test_a_failed_import_writes_nothing(collection, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ImportFailed):
        import_path(collection, bad, NOW)
    assert collection.documents() == [] and collection.card_count() == 0


def test_bundled_talk_is_imported_once(collection):
    document_id = ensure_bundled_talk(collection)
    assert collection.documents()[0]["title"] == "李沐在上海交通大学的演讲回顾:大语言模型的现状与未来"
    assert collection.documents()[0]["id"] == document_id
    assert ensure_bundled_talk(collection) is None
    assert len(collection.documents()) == 1


_KILLED_MID_REVIEW = """
import os, sys
from datetime import datetime, timedelta, timezone
from desktop.core.collection import Collection
from desktop.core.schedule import Study
col = Collection(sys.argv[1])
study, now = Study(), datetime(2026, 1, 1, tzinfo=timezone.utc)
for n, card_id in enumerate(col.find_card_ids()[:3]):
    outcome = study.review(study.new_state(card_id, now), 3, now + timedelta(seconds=n), 1000)
    col.save_review(card_id, 3, now + timedelta(seconds=n), 1000, outcome.state_json, outcome.due)
    print(card_id, flush=True)
os.kill(os.getpid(), 9)  # the app dies without closing the file
"""


def test_reviews_survive_the_app_being_killed(collection, tmp_path):
    import_path(collection, write(tmp_path, TALK), NOW)
    run = subprocess.run([sys.executable, "-c", _KILLED_MID_REVIEW, str(collection.path)],
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert run.returncode == -signal.SIGKILL
    reviewed = run.stdout.split()
    again = Collection(collection.path)
    try:
        assert [r["card_id"] for r in again.reviews()] == reviewed and len(reviewed) == 3
        assert all(json.loads(again.row_for_id(cid)["fsrs"])["last_review"] for cid in reviewed)
    finally:
        again.close()


def test_two_connections_importing_at_once_both_succeed(tmp_path):
    """The GUI imports through a background connection while another may write (first-run import, edits)."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [write(tmp_path, TALK, "a.txt"), write(tmp_path, TALK.replace("电池技术的未来", "电池技术的过去"), "b.txt")]

    def run(path: Path) -> str:
        connection = Collection(tmp_path / "collection.db")
        try:
            for _ in range(3):  # re-imports read, then write: the pattern that used to hit "database is locked"
                document, _ = import_path(connection, path, NOW)
            return document.id
        finally:
            connection.close()

    Collection(tmp_path / "collection.db").close()  # create the schema once
    with ThreadPoolExecutor(2) as pool:
        ids = list(pool.map(run, paths))
    check = Collection(tmp_path / "collection.db")
    try:
        assert sorted(d["id"] for d in check.documents()) == sorted(ids)
    finally:
        check.close()
