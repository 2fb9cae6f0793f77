"""The TSV and Markdown exports, and the atomic write under every export."""
from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from anki.collection import (
    Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportCsvRequest,
)

from desktop.core.card import Card
from desktop.core.document import Document, Section
from desktop.core.export import atomic
from desktop.core.export.anki import export_apkg
from desktop.core.export.atomic import write_atomically
from desktop.core.export.markdown import export_markdown
from desktop.core.export.source import DeckSource
from desktop.core.export.tsv import HEADERS, export_tsv

T0 = 1_700_000_000.0
HASH_GUID_ID = "card-613"  # its GUID starts with "#", which Anki reads as a comment line


def zh_source() -> DeckSource:
    """A Chinese talk: lead-in, nested sections, a cloze, hostile text, a suspended card."""
    s11 = Section("s11", "1.1", "模型规模", 2)
    sections = [Section("s0", "", "引言", 1), Section("s1", "1", "现状", 1, children=[s11]),
                Section("s2", "2", "未来", 1)]
    doc = Document("doczh", "大模型 讲座", "zh", "", sections)

    def card(cid: str, kind: str, front: str, back: str, section: Section, source: str,
             suspended: bool = False) -> Card:
        return Card(cid, kind, front, back, section.label, source, "quantity",
                    section_id=section.id, modified_at=T0, suspended=suspended)

    return DeckSource(doc, [
        card("zh-intro", "basic", "讲座的主题？", "大语言模型", sections[0], "本讲座谈大语言模型。"),
        card("zh-cloze", "cloze", "预训练使用{{c1::10T到50T::数量}}的 token", "规模", s11,
             "预训练使用10T到50T的token。"),
        card("zh-hostile", "basic", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
             s11, "a<b&c"),
        card("zh-suspended", "basic", "暂停？", "是", sections[2], "暂停的句子。", suspended=True),
    ])


def en_source() -> DeckSource:
    """An English article whose title has quotes and whose card holds a tab and *stars*."""
    s1 = Section("e1", "1", "Introduction", 1)
    doc = Document("docen", 'The "Bitter" Lesson', "en", "", [s1])
    return DeckSource(doc, [
        Card(HASH_GUID_ID, "basic", "What does\tscale beat?", "*hand-made* features", s1.label,
             "Scale beats hand-made features.", "term", section_id=s1.id, modified_at=T0),
    ])


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> None:
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=str(path), options=ImportAnkiPackageOptions()))


def import_tsv(col: Collection, path: Path) -> None:
    """Import with the options Anki reads from the file's own headers."""
    metadata = col.get_csv_metadata(str(path), None)
    log = col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
    assert not log.missing_notetype and not log.missing_deck and not log.empty_first_field


def snapshot(col: Collection) -> dict[str, tuple]:
    """What a user sees of each note, keyed by GUID."""
    notes = (col.get_note(nid) for nid in col.find_notes(""))
    return {note.guid: (note.note_type()["name"], tuple(note.fields), tuple(sorted(note.tags)),
                        frozenset(col.decks.name(card.did) for card in note.cards()))
            for note in notes}


def test_tsv_starts_with_anki_headers(tmp_path: Path) -> None:
    path = tmp_path / "cards.txt"
    assert export_tsv([zh_source(), en_source()], path) == 4

    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:6] == ["#separator:tab", "#html:true", "#notetype column:1",
                         "#deck column:2", "#guid column:3", "#tags column:8"]
    assert tuple(lines[:6]) == HEADERS
    rows = list(csv.reader(lines[6:], delimiter="\t"))
    assert [len(row) for row in rows] == [8] * 4
    hostile = rows[2]
    assert hostile[:3] == ["TalkCards Basic", "大模型 讲座::1 现状",
                           genanki.guid_for("talkcards", "zh-hostile")]
    assert hostile[3:6] == ["&lt;script&gt;alert(1)&lt;/script&gt;",
                            "&lt;img src=x onerror=alert(1)&gt;", "a&lt;b&amp;c"]
    assert hostile[7] == "1.1_模型规模 talkcards::quantity"
    assert rows[1][0] == "TalkCards Cloze" and rows[1][3] == "预训练使用{{c1::10T到50T::数量}}的 token"


def test_tsv_imports_into_anki_like_the_apkg(col: Collection, tmp_path: Path) -> None:
    sources = [zh_source(), en_source()]
    export_apkg(sources, tmp_path / "deck.apkg")
    export_tsv(sources, tmp_path / "cards.txt")
    import_apkg(col, tmp_path / "deck.apkg")  # brings the TalkCards note types
    from_apkg = snapshot(col)
    col.remove_notes(list(col.find_notes("")))

    import_tsv(col, tmp_path / "cards.txt")

    assert col.note_count() == 4
    assert snapshot(col) == from_apkg
    assert genanki.guid_for("talkcards", HASH_GUID_ID) in from_apkg
    assert col.fix_integrity()[1]


def test_tsv_updates_apkg_notes_by_guid(col: Collection, tmp_path: Path) -> None:
    source = zh_source()
    export_apkg([source], tmp_path / "deck.apkg")
    import_apkg(col, tmp_path / "deck.apkg")
    note_id = col.find_notes("tag:talkcards::quantity 讲座的主题")[0]
    source.cards[0].back = "LLM"

    export_tsv([source], tmp_path / "cards.txt")
    import_tsv(col, tmp_path / "cards.txt")

    assert col.note_count() == 3
    assert col.get_note(note_id)["Back"] == "LLM"


def test_tsv_suspended_cards_only_on_request(tmp_path: Path) -> None:
    path = tmp_path / "cards.txt"
    assert export_tsv([zh_source()], path, include_suspended=True) == 4
    assert "暂停？" in path.read_text(encoding="utf-8")
    assert export_tsv([zh_source()], path) == 3
    assert "暂停？" not in path.read_text(encoding="utf-8")


EXPECTED_ZH_MARKDOWN = """\
# 大模型 讲座

## 引言

**Q1.** 讲座的主题？  
**A.** 大语言模型  
*本讲座谈大语言模型。*

## 1 现状

### 1.1 模型规模

**Q2.** 预训练使用**10T到50T**的 token  
**A.** 规模  
*预训练使用10T到50T的token。*

**Q3.** \\<script\\>alert(1)\\</script\\>  
**A.** \\<img src=x onerror=alert(1)\\>  
*a\\<b\\&c*

## 2 未来
"""


def test_markdown_is_the_outline_with_its_cards(tmp_path: Path) -> None:
    path = tmp_path / "talk.md"
    assert export_markdown([zh_source()], path) == 3
    assert path.read_text(encoding="utf-8") == EXPECTED_ZH_MARKDOWN


def test_markdown_joins_documents_and_escapes_markup(tmp_path: Path) -> None:
    path = tmp_path / "all.md"
    assert export_markdown([zh_source(), en_source()], path, include_suspended=True) == 5

    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 大模型 讲座\n") and "\n# The \"Bitter\" Lesson\n" in text
    assert "**Q4.** 暂停？" in text
    assert "## 1 Introduction\n\n**Q1.** What does scale beat?  \n" in text
    assert "**A.** \\*hand-made\\* features" in text
    assert "<" not in text.replace("\\<", "")


def test_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "cards.txt"
    target.write_text("old", encoding="utf-8")

    def writer(handle: object) -> None:
        handle.write(b"half a file")  # type: ignore[attr-defined]
        raise RuntimeError("exporter failed")

    with pytest.raises(RuntimeError, match="exporter failed"):
        write_atomically(target, writer)

    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["cards.txt"]


@pytest.mark.parametrize("export", [export_tsv, export_markdown, export_apkg])
def test_failed_rename_keeps_the_old_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            export: object) -> None:
    target = tmp_path / "out"
    target.write_bytes(b"old export")

    def no_replace(src: str, dst: object) -> None:
        raise PermissionError("target is locked")

    monkeypatch.setattr(atomic.os, "replace", no_replace)
    with pytest.raises(PermissionError):
        export([zh_source()], target)  # type: ignore[operator]

    assert target.read_bytes() == b"old export"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_write_replaces_content_and_keeps_permissions(tmp_path: Path) -> None:
    existing = tmp_path / "existing.md"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o640)
    write_atomically(existing, lambda handle: handle.write("新内容".encode()))
    assert existing.read_text(encoding="utf-8") == "新内容"
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640

    fresh = tmp_path / "fresh.md"
    write_atomically(fresh, lambda handle: handle.write(b"x"))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
