"""The command line on a damaged or unusable collection: one sentence on stderr, the data recovered."""
from __future__ import annotations

from pathlib import Path

from desktop.app import main
from desktop.core import backup
from desktop.core.collection import FILE_NAME, Collection
from desktop.core.library import import_path

TALK = "茶的学问\n\n1. 种类\n\n绿茶是不发酵茶。红茶产于福建武夷山，是全发酵茶。\n"


def test_export_all_restores_a_damaged_collection_and_says_so(tmp_path: Path, capsys) -> None:
    (tmp_path / "talk.txt").write_text(TALK, encoding="utf-8")
    collection = Collection.in_folder(tmp_path)
    import_path(collection, tmp_path / "talk.txt")
    collection.close(backup_first=True)
    (tmp_path / FILE_NAME).write_bytes(b"\x00garbage" * 1000)
    status = main(["--data-dir", str(tmp_path), "export", "--all", "-o", str(tmp_path / "out.md")])
    err = capsys.readouterr().err
    assert status == 0
    assert err.startswith("talkcards: The collection file was damaged") and "was restored" in err
    assert "武夷山" in (tmp_path / "out.md").read_text(encoding="utf-8")
    assert backup.listing(tmp_path / "backups")


def test_a_data_folder_that_is_a_file_is_one_sentence_and_status_2(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    status = main(["--data-dir", str(blocker), "export", "--all", "-o", str(tmp_path / "out.apkg")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "cannot be opened" in err and "Traceback" not in err


def test_the_data_folder_may_be_given_after_the_subcommand(tmp_path: Path, capsys) -> None:
    status = main(["export", "--all", "-o", str(tmp_path / "out.apkg"), "--data-dir", str(tmp_path)])
    assert status == 2
    assert capsys.readouterr().err == f"talkcards: The collection in {tmp_path} has no documents to export.\n"
