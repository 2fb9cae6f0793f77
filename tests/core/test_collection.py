"""The collection file: schema, one-transaction imports, re-imports that keep ids and edits, search."""
from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.core.card import BASIC, CLOZE, Card, card_id
from desktop.core.collection import FILE_NAME, RELEVANCE, Collection, iso
from desktop.core.document import Document
from desktop.core.importing import import_file, import_text

DATA = Path(__file__).parent / "data"
T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
T1 = T0 + timedelta(days=1)
T2 = T0 + timedelta(days=2)


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    opened = Collection.in_folder(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def talk() -> Document:
    return import_file(DATA / "import_zh_speech.txt")


def make_card(document: Document, number: str, front: str, back: str, source_part: str,
              kind: str = BASIC, rule: str = "quantity") -> Card:
    """A card as the generator would make it: its id from its own fact, its source a real sentence."""
    section = next(s for s in document.walk() if (s.number or s.title) == number)
    sentence = next(s for s in section.sentences if source_part in s.text)
    return Card(id=card_id(document.id, rule, sentence.text, back, kind), kind=kind, front=front, back=back,
                section=section.label, source=sentence.text, rule=rule, section_id=section.id,
                source_start=sentence.start, source_end=sentence.end, document_id=document.id)


def cards_for(document: Document, dialects: str = "上百种") -> list[Card]:
    """Five cards in reading order; the 2.2 card's answer is the number of dialects the text gives."""
    return [
        make_card(document, "1.1.1", "声学模型描述什么之间的关系?", "声音与音素", "声学模型描述"),
        make_card(document, "1.2", "2012年以后,深度神经网络把识别错误率降低了约{{c1::30%}}。", "", "错误率", kind=CLOZE),
        make_card(document, "2", "王教授认为语音识别面临几个挑战?", "三个", "三个挑战"),
        make_card(document, "2.2", "中国有多少种方言?", dialects, f"{dialects}方言"),
        make_card(document, "结语", "王教授说技术的进步离不开什么?", "长期的积累", "长期的积累"),
    ]


def backs(collection: Collection, ids: list[str]) -> list[str]:
    return [collection.row_for_id(cid)["back"] or collection.row_for_id(cid)["front"] for cid in ids]


def section_id(document: Document, number: str) -> str:
    return next(s.id for s in document.walk() if (s.number or s.title) == number)


# ----- schema -----------------------------------------------------------------------------------

def test_new_file_has_readable_tables_wal_and_a_schema_version(collection: Collection, tmp_path: Path) -> None:
    assert (tmp_path / FILE_NAME).exists()
    assert {"documents", "sections", "cards", "reviews", "meta", "cards_fts"} <= set(collection.db.table_names())
    assert collection.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert collection.db["meta"].get("schema_version")["value"] == "4"
    assert [r["name"] for r in collection.db["_sqlite_migrations"].rows] == [
        "m001_initial", "m002_study_loop", "m003_fast_queries", "m004_source_places"]


def test_the_schema_version_a_file_opens_with_is_the_count_of_migrations() -> None:
    from desktop.core.collection import SCHEMA_VERSION
    from desktop.core.migrations import migrations

    assert SCHEMA_VERSION == len(migrations._migrations)


def test_reopening_migrates_nothing_twice_and_keeps_the_data(tmp_path: Path, talk: Document) -> None:
    first = Collection.in_folder(tmp_path)
    first.import_document(talk, cards_for(talk), T0)
    first.close()
    again = Collection.in_folder(tmp_path)
    try:
        assert again.db["meta"].get("schema_version")["value"] == "4"
        assert again.db["_sqlite_migrations"].count == 4
        assert again.card_count() == 5
    finally:
        again.close()


# ----- importing --------------------------------------------------------------------------------

def test_import_stores_document_sections_and_cards(collection: Collection, talk: Document) -> None:
    result = collection.import_document(talk, cards_for(talk), T0)
    assert (result.document_id, result.added, result.kept, result.retired) == (talk.id, 5, 0, 0)
    [row] = collection.documents()
    assert (row["title"], row["language"], row["cards"], row["imported_at"]) == (
        "语音识别技术的过去与未来:一场讲座的笔记", "zh", 5, iso(T0))
    assert collection.db["sections"].count == 10
    first = collection.row_for_id(cards_for(talk)[0].id)
    assert (first["front"], first["back"], first["section"]) == ("声学模型描述什么之间的关系?", "声音与音素", "1.1.1 声学模型")


def test_document_round_trips_through_the_collection(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    stored = collection.document(talk.id)
    assert stored == talk
    assert stored.outline_json() == talk.outline_json()
    sentence = stored.sections[1].children[0].children[0].sentences[0]
    assert stored.text[sentence.start:sentence.end] == sentence.text == "声学模型描述声音与音素之间的关系。"


def test_importing_the_same_file_twice_does_not_duplicate_it(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    again = import_file(DATA / "import_zh_speech.txt")
    result = collection.import_document(again, cards_for(again), T1)
    assert (result.added, result.kept, result.retired) == (0, 5, 0)
    assert len(collection.documents()) == 1
    assert collection.documents()[0]["imported_at"] == iso(T0)
    assert collection.card_count() == 5
    assert collection.db["sections"].count == 10


def test_markdown_version_of_a_document_is_the_same_document(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    markdown = import_file(DATA / "import_zh_speech.md")
    result = collection.import_document(markdown, cards_for(markdown), T1)
    assert (result.added, result.kept) == (0, 5)
    assert [d["source_path"] for d in collection.documents()] == [str(DATA / "import_zh_speech.md")]


def test_a_failed_import_writes_nothing(collection: Collection, talk: Document) -> None:
    broken = [*cards_for(talk)[:2], dataclasses.replace(cards_for(talk)[2], front=None)]  # NOT NULL fails
    with pytest.raises(sqlite3.IntegrityError):
        collection.import_document(talk, broken, T0)
    assert collection.documents() == []
    assert collection.db["sections"].count == 0
    assert collection.db["cards"].count == 0


def test_a_failed_reimport_leaves_the_previous_import_whole(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    bad = [dataclasses.replace(edited_cards(edited_talk())[0], front=None)]
    with pytest.raises(sqlite3.IntegrityError):
        collection.import_document(edited_talk(), bad, T1)
    assert collection.document(talk.id) == talk
    assert collection.card_count() == 5
    assert collection.documents()[0]["cards"] == 5


def edited_talk() -> Document:
    """The talk after its author changed one fact (上百种 → 一百多种) and nothing else."""
    text = (DATA / "import_zh_speech.txt").read_text(encoding="utf-8").replace("上百种", "一百多种")
    return import_text(text, ".txt", str(DATA / "import_zh_speech.txt"))


def edited_cards(document: Document) -> list[Card]:
    return cards_for(document, dialects="一百多种")


def test_reimport_keeps_ids_of_unchanged_cards_and_retires_vanished_ones(collection: Collection,
                                                                         talk: Document) -> None:
    before = cards_for(talk)
    collection.import_document(talk, before, T0)
    after = edited_cards(edited_talk())
    result = collection.import_document(edited_talk(), after, T1)
    assert (result.added, result.kept, result.retired) == (1, 4, 1)
    unchanged = [c.id for c in before if c.back != "上百种"]
    assert set(unchanged) <= set(collection.find_card_ids())
    vanished = next(c.id for c in before if c.back == "上百种")
    assert vanished not in collection.find_card_ids()
    assert collection.row_for_id(vanished)["retired_at"] == iso(T1)  # kept for its review history
    assert "一百多种" in backs(collection, collection.find_card_ids())


def test_a_retired_card_comes_back_when_its_fact_does(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    collection.import_document(edited_talk(), edited_cards(edited_talk()), T1)
    result = collection.import_document(talk, cards_for(talk), T2)
    assert (result.added, result.retired) == (0, 1)
    assert "上百种" in backs(collection, collection.find_card_ids())
    assert "一百多种" not in backs(collection, collection.find_card_ids())


def test_reimport_keeps_user_edits_and_manual_cards(collection: Collection, talk: Document) -> None:
    cards = cards_for(talk)
    collection.import_document(talk, cards, T0)
    collection.update_card(cards[2].id, front="语音识别还面临几个主要挑战?", now=T0)
    manual = make_card(talk, "2.1", "什么可以缓解噪声问题?", "多麦克风阵列", "多麦克风阵列", rule="manual")
    collection.add_card(manual, now=T0)
    reworded = [dataclasses.replace(c, front=c.front + "(新)") for c in edited_cards(edited_talk())]
    collection.import_document(edited_talk(), reworded, T1)
    assert collection.row_for_id(cards[2].id)["front"] == "语音识别还面临几个主要挑战?"
    assert collection.row_for_id(cards[0].id)["front"] == "声学模型描述什么之间的关系?(新)"
    assert manual.id in collection.find_card_ids()


def test_reimport_that_rewords_a_card_updates_its_modification_time(collection: Collection,
                                                                      talk: Document) -> None:
    cards = cards_for(talk)
    collection.import_document(talk, cards, T0)
    reworded = [dataclasses.replace(cards[0], front="声学模型刻画了什么之间的关系?"), *cards[1:]]
    collection.import_document(talk, reworded, T1)
    row = collection.row_for_id(cards[0].id)
    assert row["front"] == "声学模型刻画了什么之间的关系?"
    assert row["modified_at"] == iso(T1)


# ----- finding cards ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("声学模型", ["声音与音素"]),  # Chinese, 3+ characters: full-text search (trigram)
        ("声音与音素", ["声音与音素"]),  # the back
        ("嘈杂的环境", []),  # text of the document that no card holds
        ("方言", ["三个", "上百种"]),  # 2 characters: LIKE; the first holds 方言 in its source sentence
        ("种", ["上百种"]),
        ("积累", ["长期的积累"]),
        ("错误率", ["2012年以后,深度神经网络把识别错误率降低了约{{c1::30%}}。"]),  # the source sentence too
        ("2012", ["2012年以后,深度神经网络把识别错误率降低了约{{c1::30%}}。"]),
        ("挑战 几个", ["三个"]),  # every word must match
        ("挑战 方言", ["三个"]),
        ("音素 方言", []),
        ('"引号', []),  # full-text syntax in a query is text, never an error
        ("NEAR(", []),
    ],
)
def test_search_finds_cards_by_any_word(collection: Collection, talk: Document, query: str,
                                        found: list[str]) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    assert backs(collection, collection.find_card_ids(query)) == found


@pytest.mark.parametrize("query", ["memory", "Me", "memory at"])  # indexed, too short for the index, both
def test_a_search_in_relevance_order_lists_cards_about_the_word_first(collection: Collection, query: str) -> None:
    document = import_text("Scaling Notes\n\n1. Compute\n\nTraining speed depends on GPUs and memory. "
                           "Memory limits the batch size today.")
    early = make_card(document, "1", "What does training speed depend on?", "GPUs", "Training speed")
    later = make_card(document, "1", "What limits the batch size?", "Memory", "batch size")
    collection.import_document(document, [early, later], T0)
    assert collection.find_card_ids(query) == [early.id, later.id]  # document order
    assert collection.find_card_ids(query, order=RELEVANCE) == [later.id, early.id]  # the card about it first
    assert collection.find_card_ids(order=RELEVANCE) == [early.id, later.id]  # no search: document order


def test_search_is_case_insensitive_for_latin_letters(collection: Collection) -> None:
    document = import_text("Scaling Notes\n\n1. Compute\n\nGPUs limit training speed today.")
    card = make_card(document, "1", "What limits training speed?", "GPUs", "GPUs limit")
    collection.import_document(document, [card], T0)
    assert collection.find_card_ids("gpus") == [card.id]
    assert collection.find_card_ids("Gp") == [card.id]


def test_search_sees_user_edits(collection: Collection, talk: Document) -> None:
    cards = cards_for(talk)
    collection.import_document(talk, cards, T0)
    collection.update_card(cards[0].id, back="声音和音素的对应", now=T1)
    assert collection.find_card_ids("的对应") == [cards[0].id]
    assert collection.find_card_ids("声音与音素") == [cards[0].id]  # still in its source sentence
    assert collection.find_card_ids("声音与音素 对应") == [cards[0].id]
    assert collection.find_card_ids("的对应", section_id=section_id(talk, "2")) == []


def test_short_search_terms_are_literal(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    assert backs(collection, collection.find_card_ids("%")) == [
        "2012年以后,深度神经网络把识别错误率降低了约{{c1::30%}}。"]
    assert collection.find_card_ids("_") == []


@pytest.mark.parametrize(
    ("number", "found"),
    [
        ("1", ["声音与音素", "2012年以后,深度神经网络把识别错误率降低了约{{c1::30%}}。"]),
        ("1.1", ["声音与音素"]),
        ("1.1.1", ["声音与音素"]),
        ("2", ["三个", "上百种"]),
        ("2.1", []),
        ("结语", ["长期的积累"]),
    ],
)
def test_cards_of_a_section_include_its_subsections(collection: Collection, talk: Document, number: str,
                                                    found: list[str]) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    assert backs(collection, collection.find_card_ids(section_id=section_id(talk, number))) == found


def test_section_filter_and_search_combine(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    assert backs(collection, collection.find_card_ids("方言", section_id=section_id(talk, "2.2"))) == ["上百种"]
    assert backs(collection, collection.find_card_ids("方言", section_id=section_id(talk, "2"))) == ["三个", "上百种"]
    assert collection.find_card_ids("方言", section_id=section_id(talk, "1")) == []


def test_cards_of_one_document_only(collection: Collection, talk: Document) -> None:
    collection.import_document(talk, cards_for(talk), T0)
    other = import_file(DATA / "import_en_talk.txt")
    card = make_card(other, "1.2", "Which bridge collapsed in 1940?", "Tacoma Narrows Bridge", "Tacoma")
    collection.import_document(other, [card], T1)
    assert collection.find_card_ids(document_id=other.id) == [card.id]
    assert len(collection.find_card_ids(document_id=talk.id)) == 5
    assert [d["title"] for d in collection.documents()] == [talk.title, other.title]


def test_suspended_and_deleted_cards(collection: Collection, talk: Document) -> None:
    cards = cards_for(talk)
    collection.import_document(talk, cards, T0)
    collection.set_suspended([cards[0].id], True, now=T1)
    assert cards[0].id not in collection.find_card_ids(include_suspended=False)
    assert cards[0].id in collection.find_card_ids()
    collection.delete_cards([cards[1].id], now=T1)
    assert cards[1].id not in collection.find_card_ids()
    collection.restore_cards([cards[1].id])
    assert cards[1].id in collection.find_card_ids()


def test_times_must_be_timezone_aware(collection: Collection, talk: Document) -> None:
    with pytest.raises(ValueError):
        collection.import_document(talk, cards_for(talk), datetime(2026, 1, 1))


def test_importing_a_file_twice_through_the_library_keeps_one_document(collection: Collection) -> None:
    from desktop.core.library import import_path

    first, _ = import_path(collection, DATA / "import_zh_speech.txt", now=T0)
    second, result = import_path(collection, DATA / "import_zh_speech.html", now=T1)
    assert first.id == second.id == result.document_id
    assert [d["id"] for d in collection.documents()] == [first.id]
    assert collection.db["sections"].count == 10
