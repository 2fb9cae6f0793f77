"""The .apkg export, checked by importing it with Anki's own library."""
from __future__ import annotations

import dataclasses
import html
import tempfile
from collections.abc import Iterator
from pathlib import Path

import anki.lang
import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.consts import QUEUE_TYPE_SUSPENDED
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
from anki.notes import Note
from anki.scheduler.v3 import CardAnswer
from anki.utils import strip_html

from desktop.core.card import Card
from desktop.core.document import Document, Section
from desktop.core.export import anki as anki_export
from desktop.core.export.anki import export_apkg
from desktop.core.export.source import DeckSource

T0 = 1_700_000_000.0  # fixed edit times: 2023-11-14
HOSTILE_FRONT = "<script>alert(1)</script>"
HOSTILE_BACK = "<img src=x onerror=alert(1)>"
HOSTILE_SOURCE = "a<b&c"
ZH_TITLE = "大语言模型讲座"
EN_TITLE = "Scaling Laws"


def zh_source() -> DeckSource:
    """A Chinese talk: an unnumbered lead-in, nested numbered sections, five cards."""
    s111 = Section("s111", "1.1.1", "模型规模的极限", 3)
    s11 = Section("s11", "1.1", "模型规模与训练", 2, children=[s111])
    sections = [Section("s0", "", "引言", 1),
                Section("s1", "1", "大语言模型的现状", 1, children=[s11]),
                Section("s2", "2", "未来", 1)]
    doc = Document("doczh", ZH_TITLE, "zh", "", sections)

    def card(cid: str, kind: str, front: str, back: str, section: Section, rule: str,
             **extra: object) -> Card:
        return Card(cid, kind, front, back, section.label, f"出处：{front}", rule,
                    section_id=section.id, document_id=doc.id, modified_at=T0, **extra)

    cards = [
        card("zh-basic", "basic", "大语言模型预训练通常使用多少token？", "10T到50T", s111, "quantity"),
        card("zh-cloze", "cloze", "预训练使用{{c1::10T到50T::数量}}的token，参数{{c2::超过500B}}。",
             "规模", s11, "cloze"),
        card("zh-intro", "basic", "这场讲座的主题是什么？", "大语言模型", sections[0], "heading"),
        card("zh-hostile", "basic", HOSTILE_FRONT, HOSTILE_BACK, s111, "term"),
        card("zh-suspended", "basic", "被暂停的卡片？", "是", sections[2], "term", suspended=True),
    ]
    cards[3].source = HOSTILE_SOURCE
    return DeckSource(doc, cards)


def en_source() -> DeckSource:
    """An English article with one basic and one cloze card."""
    s11 = Section("e11", "1.1", "Data", 2)
    doc = Document("docen", EN_TITLE, "en", "",
                   [Section("e1", "1", "Introduction", 1, children=[s11])])
    cards = [
        Card("en-basic", "basic", "How many tokens does pre-training use?", "10T-50T", s11.label,
             "Models see 10T-50T tokens.", "quantity", section_id=s11.id, modified_at=T0),
        Card("en-cloze", "cloze", "{{c1::Chinchilla::model}} is compute-optimal.", "",
             s11.label, "Chinchilla is compute-optimal.", "cloze", section_id=s11.id,
             modified_at=T0),
    ]
    return DeckSource(doc, cards)


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path, with_scheduling: bool = False) -> None:
    """Import as a user would: update notes and note types when the package is newer."""
    newer = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
    options = ImportAnkiPackageOptions(update_notes=newer, update_notetypes=newer,
                                       with_scheduling=with_scheduling, merge_notetypes=False)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options))


def notes_by_guid(col: Collection) -> dict[str, Note]:
    return {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}


def guid(card_id: str) -> str:
    return genanki.guid_for("talkcards", card_id)


def export_and_import(col: Collection, tmp_path: Path, sources: list[DeckSource],
                      name: str = "deck.apkg", **kwargs: bool) -> int:
    path = tmp_path / name
    written = export_apkg(sources, path, **kwargs)
    import_apkg(col, path)
    return written


def review_one(col: Collection, card_id: int) -> None:
    """Answer one card Good through Anki's v3 scheduler, as the reviewer would."""
    col.decks.set_current(col.get_card(card_id).did)  # the queue only covers this deck
    queued = col.sched.get_queued_cards(fetch_limit=100).cards
    states = next(entry.states for entry in queued if entry.card.id == card_id)
    card = col.get_card(card_id)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=states,
                                                 rating=CardAnswer.GOOD))


def test_anki_sees_every_note_in_its_deck(col: Collection, tmp_path: Path) -> None:
    written = export_and_import(col, tmp_path, [zh_source(), en_source()])

    assert written == 6  # the suspended card stays out
    assert col.note_count() == 6
    assert col.card_count() == 7  # the Chinese cloze has two deletions
    assert set(col.decks.all_names()) == {
        "Default", ZH_TITLE, f"{ZH_TITLE}::引言", f"{ZH_TITLE}::1 大语言模型的现状",
        EN_TITLE, f"{EN_TITLE}::1 Introduction"}
    notes = notes_by_guid(col)
    deck_of = {g: {col.decks.name(c.did) for c in n.cards()} for g, n in notes.items()}
    assert deck_of[guid("zh-basic")] == {f"{ZH_TITLE}::1 大语言模型的现状"}  # from 1.1.1
    assert deck_of[guid("zh-intro")] == {f"{ZH_TITLE}::引言"}
    assert deck_of[guid("en-cloze")] == {f"{EN_TITLE}::1 Introduction"}
    assert col.fix_integrity() == (col.tr.database_check_rebuilt(), True)


def test_fields_ids_and_tags_come_from_the_card(col: Collection, tmp_path: Path) -> None:
    source = zh_source()
    export_and_import(col, tmp_path, [source, en_source()])
    notes = notes_by_guid(col)

    for card in source.cards[:4]:
        note = notes[guid(card.id)]
        first = "Text" if card.kind == "cloze" else "Front"
        assert note[first] and note[first] == html.escape(card.front)
        assert note["Source"] == html.escape(card.source)
        assert note["Section"] == html.escape(card.section)
        assert note.mod == int(T0)  # the card's edit time, not the export time
    basic = notes[guid("zh-basic")]
    assert basic.note_type()["name"] == "TalkCards Basic"
    assert basic.note_type()["id"] == anki_export.BASIC_MODEL_ID
    assert basic.tags == ["1.1.1_模型规模的极限", "talkcards::quantity"]
    assert notes[guid("en-basic")].tags == ["1.1_Data", "talkcards::quantity"]


def test_cloze_markup_and_hints_survive(col: Collection, tmp_path: Path) -> None:
    export_and_import(col, tmp_path, [zh_source(), en_source()])
    notes = notes_by_guid(col)

    zh = notes[guid("zh-cloze")]
    assert zh.note_type()["name"] == "TalkCards Cloze"
    assert "{{c1::10T到50T::数量}}" in zh["Text"] and zh["Back Extra"] == "规模"
    assert sorted(card.ord for card in zh.cards()) == [0, 1]
    first = min(zh.cards(), key=lambda card: card.ord)
    assert ">[数量]</span>的token" in first.question()  # the hint stands in for the answer
    assert ">10T到50T</span>的token" in first.answer()
    en = notes[guid("en-cloze")]
    assert en["Text"] == "{{c1::Chinchilla::model}} is compute-optimal."


def test_hostile_text_is_shown_not_run(col: Collection, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # strip_html needs Anki's global translations; restore them after the test.
    monkeypatch.setattr(anki.lang, "current_lang", anki.lang.current_lang)
    monkeypatch.setattr(anki.lang, "current_i18n", anki.lang.current_i18n)
    anki.lang.set_lang("en")
    export_and_import(col, tmp_path, [zh_source()])
    note = notes_by_guid(col)[guid("zh-hostile")]

    assert note["Front"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert note["Back"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert note["Source"] == "a&lt;b&amp;c"
    for name, literal in (("Front", HOSTILE_FRONT), ("Back", HOSTILE_BACK),
                          ("Source", HOSTILE_SOURCE)):
        assert "<" not in note[name]
        assert html.unescape(note[name]) == literal
        assert strip_html(note[name]) == literal


def test_suspended_cards_only_on_request(col: Collection, tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    written = export_apkg([zh_source()], path, include_suspended=True)
    # Anki resets every card to new unless the user imports scheduling too.
    import_apkg(col, path, with_scheduling=True)

    assert written == 5 and col.note_count() == 5
    note = notes_by_guid(col)[guid("zh-suspended")]
    assert col.decks.name(note.cards()[0].did) == f"{ZH_TITLE}::2 未来"
    assert note.cards()[0].queue == QUEUE_TYPE_SUSPENDED


def test_reexport_updates_in_place_and_keeps_reviews(col: Collection, tmp_path: Path) -> None:
    source = zh_source()
    export_and_import(col, tmp_path, [source], name="v1.apkg")
    before = notes_by_guid(col)
    reviewed = before[guid("zh-basic")].cards()[0].id
    review_one(col, reviewed)
    assert col.db.scalar("select count() from revlog where cid = ?", reviewed) == 1

    edited = dataclasses.replace(source.cards[0], back="10T–50T（约）", modified_at=T0 + 3600)
    added = dataclasses.replace(source.cards[2], id="zh-new", front="讲座讲了几部分？", back="两部分")
    cards = [edited, *source.cards[1:], added]
    export_and_import(col, tmp_path, [DeckSource(source.document, cards)], name="v2.apkg")

    after = notes_by_guid(col)
    assert col.note_count() == len(before) + 1
    assert set(after) == set(before) | {guid("zh-new")}
    note = after[guid("zh-basic")]
    assert note.id == before[guid("zh-basic")].id
    assert note["Back"] == "10T–50T（约）" and note.mod == int(T0) + 3600
    assert col.db.scalar("select count() from revlog where cid = ?", reviewed) == 1
    assert col.get_card(reviewed).reps == 1
    assert col.fix_integrity()[1]


def test_edit_made_in_anki_survives_unchanged_reexport(col: Collection, tmp_path: Path) -> None:
    source = zh_source()
    export_and_import(col, tmp_path, [source], name="v1.apkg")
    note = notes_by_guid(col)[guid("zh-intro")]
    note["Back"] = "我在 Anki 里改过"
    col.update_note(note)
    # Date the Anki edit after the card's own edit but before this export, so a note
    # stamped with the export time (genanki's default) would wrongly overwrite it.
    col.db.execute("update notes set mod = ? where id = ?", int(T0) + 60, note.id)

    export_and_import(col, tmp_path, [source], name="v2.apkg")

    assert col.note_count() == 4
    assert notes_by_guid(col)[guid("zh-intro")]["Back"] == "我在 Anki 里改过"


def test_ids_are_fixed(tmp_path: Path) -> None:
    doc = zh_source().document
    assert anki_export.deck_id(doc, ZH_TITLE) == anki_export.deck_id(doc, ZH_TITLE)
    assert anki_export.deck_id(doc, ZH_TITLE) != anki_export.deck_id(doc, f"{ZH_TITLE}::引言")
    assert (1 << 31) <= anki_export.deck_id(doc, ZH_TITLE) < (1 << 62)
    assert (anki_export.BASIC_MODEL_ID, anki_export.CLOZE_MODEL_ID) == (1371895095, 1094202314)


def test_export_leaves_no_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    out = tmp_path / "out"
    out.mkdir()

    export_apkg([zh_source()], out / "deck.apkg")

    assert list(system_tmp.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["deck.apkg"]


def test_failed_export_keeps_the_old_package(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.apkg"
    target.write_bytes(b"old package")

    def broken(decks: object, handle: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(anki_export, "_write_package", broken)
    with pytest.raises(OSError, match="disk full"):
        export_apkg([zh_source()], target)

    assert target.read_bytes() == b"old package"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]
