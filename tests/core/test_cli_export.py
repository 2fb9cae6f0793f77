"""`talkcards export` as a user runs it: every format, --all, and failures that keep the old file."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from desktop.app import main
from desktop.core.card import BASIC, CLOZE, Card
from desktop.core.collection import Collection
from desktop.core.document import Document, Section, Sentence
from desktop.core.export import anki as anki_export
from desktop.core.export.service import sources_from_file
from desktop.core.export.source import exported_cards
from desktop.core.library import import_path

NOW = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)
OLD_CONTENT = b"the deck exported last week"

# Numbers, a count and a list, so the generator has quantities and items to ask about.
SAMPLE_TEXT = """\
动力电池讲座笔记

引言

本文整理了一场关于动力电池的讲座，讲者是清华大学的王海涛教授。

1. 电池的种类

目前主流的动力电池分为三类：磷酸铁锂电池、三元锂电池和固态电池。
磷酸铁锂电池的能量密度约为160Wh/kg，循环寿命超过3000次。
所谓固态电池，就是用固态电解质取代液态电解液的电池。

2. 充电技术

快充技术可以在15分钟内把电量从10%充到80%。
充电设施主要有以下三种：
1) 交流慢充桩
2) 直流快充桩
3) 换电站

3. 市场规模

2023年中国新能源汽车销量达到950万辆，同比增长38%。
王海涛预计，固态电池至少还需要八年才能大规模量产。
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "电池讲座.txt"
    path.write_text(SAMPLE_TEXT, encoding="utf-8")
    return path


def hand_made_document() -> tuple[Document, list[Card]]:
    """A second document whose cards do not depend on what the generator finds."""
    sentence = "快充可以在15分钟内把电量从10%充到80%。"
    section = Section("hand-s1", "1", "充电", 1, paragraphs=[sentence],
                      sentences=[Sentence(sentence, 0, len(sentence))], start=0, end=len(sentence))
    document = Document("hand-doc", "充电手册", "zh", sentence, [section])

    def card(cid: str, kind: str, front: str, back: str) -> Card:
        return Card(cid, kind, front, back, section.label, sentence, "manual", section_id=section.id,
                    source_start=0, source_end=len(sentence), document_id=document.id)

    return document, [card("hand-basic", BASIC, "快充把电量从10%充到80%需要多久？", "15分钟"),
                      card("hand-cloze", CLOZE, "快充可以在{{c1::15分钟}}内把电量从10%充到80%。", "")]


@pytest.fixture
def data_dir(tmp_path: Path, sample: Path) -> Path:
    """A collection with the sample talk (generated cards) and a hand-made document, one card suspended."""
    folder = tmp_path / "data"
    collection = Collection.in_folder(folder)
    try:
        import_path(collection, sample, now=NOW)
        collection.import_document(*hand_made_document(), now=NOW)
        collection.set_suspended(["hand-basic"], True, now=NOW)
    finally:
        collection.close()
    return folder


def live_card_ids(data_dir: Path, include_suspended: bool) -> set[str]:
    collection = Collection.in_folder(data_dir)
    try:
        return set(collection.find_card_ids(include_suspended=include_suspended))
    finally:
        collection.close()


@pytest.fixture
def anki_col(tmp_path: Path) -> Iterator[AnkiCollection]:
    folder = tmp_path / "anki"
    folder.mkdir()
    collection = AnkiCollection(str(folder / "collection.anki2"))
    yield collection
    collection.close()


def anki_guids(col: AnkiCollection, package: Path) -> set[str]:
    """Import `package` as a user would and return the GUIDs of all notes in the collection."""
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)))
    return {col.get_note(nid).guid for nid in col.find_notes("")}


def guids(card_ids: set[str]) -> set[str]:
    return {genanki.guid_for(anki_export.GUID_NAMESPACE, cid) for cid in card_ids}


def expected_file_card_ids(path: Path) -> set[str]:
    return {card.id for source in sources_from_file(path) for card in exported_cards(source, False)}


def written_count(out: str) -> int:
    """The N of "Wrote N notes to OUT"."""
    return int(out.split("Wrote ", 1)[1].split()[0])


def stderr_sentences(err: str) -> list[str]:
    # jieba may log its dictionary loading to stderr; our messages are the "talkcards:" lines.
    return [line for line in err.splitlines() if line.startswith("talkcards:")]


def assert_one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = stderr_sentences(err)
    assert len(lines) == 1, err
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted atomic write would leave behind."""
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# ----- one file --------------------------------------------------------------------------------


def test_export_file_to_apkg_holds_its_generated_cards(sample: Path, tmp_path: Path,
                                                       anki_col: AnkiCollection, capsys) -> None:
    out = tmp_path / "deck.apkg"

    assert main(["export", str(sample), "-o", str(out), "--format", "apkg"]) == 0

    expected = expected_file_card_ids(sample)
    assert written_count(capsys.readouterr().out) == len(expected)
    assert anki_guids(anki_col, out) == guids(expected)


def test_export_file_to_anki_text(sample: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "deck.txt"

    assert main(["export", str(sample), "-o", str(out), "--format", "csv"]) == 0

    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines
    rows = list(csv.reader((line for line in lines if not line.startswith("#")), delimiter="\t"))
    expected = expected_file_card_ids(sample)
    assert written_count(capsys.readouterr().out) == len(rows) == len(expected)
    assert {row[2] for row in rows} == guids(expected)  # column 3 is the GUID


def test_export_file_to_markdown(sample: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "notes.md"

    assert main(["export", str(sample), "-o", str(out), "--format", "md"]) == 0

    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 动力电池讲座笔记\n")
    for heading in ("## 引言", "## 1 电池的种类", "## 2 充电技术", "## 3 市场规模"):
        assert heading in text.splitlines()
    questions = [line for line in text.splitlines() if line.startswith("**Q")]
    assert written_count(capsys.readouterr().out) == len(questions) == len(expected_file_card_ids(sample))


# ----- the collection --------------------------------------------------------------------------


def test_export_all_writes_every_live_unsuspended_card(data_dir: Path, tmp_path: Path,
                                                       anki_col: AnkiCollection, capsys) -> None:
    out = tmp_path / "all.apkg"

    assert main(["--data-dir", str(data_dir), "export", "--all", "-o", str(out), "--format", "apkg"]) == 0

    expected = live_card_ids(data_dir, include_suspended=False)
    assert "hand-cloze" in expected and "hand-basic" not in expected
    assert written_count(capsys.readouterr().out) == len(expected)
    assert anki_guids(anki_col, out) == guids(expected)


def test_export_all_can_include_suspended_cards(data_dir: Path, tmp_path: Path,
                                                anki_col: AnkiCollection) -> None:
    out = tmp_path / "all.apkg"

    assert main(["--data-dir", str(data_dir), "export", "--all", "-o", str(out), "--include-suspended"]) == 0

    assert anki_guids(anki_col, out) == guids(live_card_ids(data_dir, include_suspended=True))


def test_export_all_of_an_empty_collection_says_so(tmp_path: Path, capsys) -> None:
    out = tmp_path / "all.apkg"

    assert main(["--data-dir", str(tmp_path / "empty"), "export", "--all", "-o", str(out)]) == 2

    message = assert_one_sentence(capsys.readouterr().err)
    assert "no documents" in message
    assert not out.exists()


# ----- failures keep the old file --------------------------------------------------------------


def test_missing_input_keeps_the_old_output(tmp_path: Path, capsys) -> None:
    out = tmp_path / "deck.apkg"
    out.write_bytes(OLD_CONTENT)

    assert main(["export", str(tmp_path / "missing.txt"), "-o", str(out), "--format", "apkg"]) == 2

    message = assert_one_sentence(capsys.readouterr().err)
    assert "missing.txt" in message
    assert out.read_bytes() == OLD_CONTENT
    assert leftovers(tmp_path) == []


def test_failure_while_writing_keeps_the_old_output(sample: Path, tmp_path: Path, capsys,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(decks, handle) -> None:
        handle.write(b"half a deck")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anki_export, "_write_package", disk_full)
    out = tmp_path / "deck.apkg"
    out.write_bytes(OLD_CONTENT)

    assert main(["export", str(sample), "-o", str(out), "--format", "apkg"]) != 0

    assert "No space left on device" in assert_one_sentence(capsys.readouterr().err)
    assert out.read_bytes() == OLD_CONTENT
    assert leftovers(tmp_path) == []


def test_missing_output_folder_is_one_clear_sentence(sample: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "no-such-folder" / "deck.apkg"

    assert main(["export", str(sample), "-o", str(out)]) == 2

    message = assert_one_sentence(capsys.readouterr().err)
    assert "no-such-folder" in message and ".tmp" not in message
