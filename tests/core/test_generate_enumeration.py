"""desktop.core.generate.enumeration: one card per list item plus one for the count or the owner."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.card import BASIC, CLOZE
from desktop.core.document import Document
from desktop.core.generate import enumeration, lists
from desktop.core.generate.base import Candidate
from desktop.core.importing import import_file, import_text
from tests.core.generate_support import context_of, document_fixture, family_candidates

DATA = Path(__file__).parent / "data"

ZH_DOC = """电池故障手册

1. 分类

研究团队将电池故障分为三类：热失控、短路和析锂。
固态电池面临如枝晶生长、界面阻抗和成本过高等新的难题。
混合电站将太阳能、风能、储能和氢能结合起来。
充电服务包括“快充”、“慢充”和“换电”三种模式。
高温会带来诸如鼓包等新的问题。

2. 回顾

热失控、短路和析锂是最常见的故障。
工厂引入了激光焊接和自动检测两项技术。
"""

EN_DOC = """Field Notes

1. Tests

Engineers tested the cell in conditions such as desert heat, coastal humidity and arctic cold.
The lab sorts grid customers into three groups: utilities, factories and farms.
The Harbor cell uses sodium, iron, and manganese instead of lithium.
Its energy density is between 140 and 160 Wh/kg.
"""




def cards_for(document: Document, needle: str) -> list[Candidate]:
    return enumeration.candidates(context_of(document, needle))


def clozes(cards: list[Candidate]) -> list[tuple[str, str]]:
    return [(c.front, c.answer) for c in cards if c.kind == CLOZE]


zh = document_fixture(ZH_DOC, "zh")
en = document_fixture(EN_DOC, "en")


def test_counted_list_gives_one_cloze_per_item_and_a_count_question(zh: Document) -> None:
    cards = cards_for(zh, "分为三类")
    assert clozes(cards) == [
        ("研究团队将电池故障分为三类：{{c1::热失控}}、短路和析锂。", "热失控"),
        ("研究团队将电池故障分为三类：热失控、{{c1::短路}}和析锂。", "短路"),
        ("研究团队将电池故障分为三类：热失控、短路和{{c1::析锂}}。", "析锂"),
    ]
    assert [(c.front, c.back) for c in cards if c.kind == BASIC] == [("研究团队将电池故障分为几类？", "三类")]


def test_list_closed_by_deng_and_no_cloze_on_its_own_subject(zh: Document) -> None:
    # beside the item clozes, deleting the sentence's subject would test nothing the items do not show
    cards = cards_for(zh, "枝晶生长")
    assert [c.answer for c in cards] == ["枝晶生长", "界面阻抗", "成本过高"]
    assert cards[-1].front == "固态电池面临如枝晶生长、界面阻抗和{{c1::成本过高}}等新的难题。"


def test_a_list_of_examples_asks_what_the_clause_before_it_names() -> None:
    document = import_text("海洋工程\n\n1. 范围\n\n海洋工程主要涉及结构力学，包括平台设计、管道铺设、防腐等领域。\n")
    cards = cards_for(document, "平台设计")
    assert [c.answer for c in cards if c.kind == CLOZE] == ["平台设计", "管道铺设", "防腐"]
    assert [(c.front, c.back) for c in cards if c.kind == BASIC] == [("海洋工程主要涉及什么领域？", "结构力学")]


def test_last_item_is_cut_where_the_predicate_starts(zh: Document) -> None:
    assert [c.answer for c in cards_for(zh, "混合电站")] == ["太阳能", "风能", "储能", "氢能"]


def test_quoted_items_are_cleaned_and_a_trailing_count_is_asked(zh: Document) -> None:
    cards = cards_for(zh, "快充")
    assert [c.answer for c in cards if c.kind == CLOZE] == ["快充", "慢充", "换电"]
    assert [(c.front, c.back) for c in cards if c.kind == BASIC] == [("充电服务包括几种模式？", "三种")]


def test_single_example_before_deng(zh: Document) -> None:
    (card,) = cards_for(zh, "鼓包")
    assert card.front == "高温会带来诸如{{c1::鼓包}}等新的问题。"


def test_a_list_repeated_later_gives_no_second_set(zh: Document) -> None:
    assert cards_for(zh, "最常见的故障") == []


def test_two_items_need_a_cue(zh: Document) -> None:
    assert cards_for(zh, "激光焊接") == []


def test_no_card_answers_with_the_whole_set(zh: Document) -> None:
    for needle in ("分为三类", "枝晶生长", "混合电站", "快充"):
        for card in cards_for(zh, needle):
            assert "、" not in card.answer and "和" not in card.answer
            assert card.front.count("{{c") <= 1


@pytest.mark.parametrize("sentence, items", [
    ("19世纪中期，泥沙淤积、战乱和铁路的兴起使运河逐渐衰落。", ["泥沙淤积", "战乱", "铁路"]),
    ("他喜欢苹果、香蕉和橙子。", ["苹果", "香蕉", "橙子"]),
    ("工人从矿石中提取铜、铅、锌等金属。", ["铜", "铅", "锌"]),
    ("工程经费主要来自盐税、漕粮折银和商人捐输。", ["盐税", "漕粮折银", "商人捐输"]),
    ("固态电池的优势包括更高的能量密度、更好的安全性和更长的寿命等。", ["更高的能量密度", "更好的安全性", "更长的寿命"]),
    ("The museum holds paintings, sculptures and manuscripts from the 15th century.",
     ["paintings", "sculptures", "manuscripts"]),
    ("They faced harsh conditions, including avalanches, heat, and explosions.",
     ["avalanches", "heat", "explosions"]),
    ("The lecture summarised two decades of research and offered practical advice.", None),
    # a deletion never holds an article or a determiner
    ("This report looks at the technology, its costs, and the debate around it.", ["technology", "costs", "debate"]),
])
def test_item_boundaries(sentence: str, items: list[str] | None) -> None:
    language = "en" if sentence.isascii() else "zh"
    found = [lists.item_texts(sentence, listing) for listing in lists.find_lists(sentence, language)]
    assert found == ([items] if items else [])


def test_english_such_as_list(en: Document) -> None:
    assert [c.answer for c in cards_for(en, "such as")] == ["desert heat", "coastal humidity", "arctic cold"]


def test_english_counted_list_and_count_cloze(en: Document) -> None:
    cards = cards_for(en, "three groups")
    assert [c.answer for c in cards] == ["utilities", "factories", "farms", "three"]
    assert cards[-1].front == "The lab sorts grid customers into {{c1::three}} groups."


def test_english_oxford_comma_list_stops_before_the_rest(en: Document) -> None:
    cards = cards_for(en, "sodium")
    assert [c.answer for c in cards] == ["sodium", "iron", "manganese"]
    assert cards[2].front == "The Harbor cell uses sodium, iron, and {{c1::manganese}} instead of lithium."


def test_a_numeric_range_is_not_a_list(en: Document) -> None:
    assert cards_for(en, "energy density") == []


@pytest.mark.parametrize("name", ["enumeration_canal_zh.txt", "quantity_sodium_cells_en.txt"])
def test_whole_documents_give_clean_items(name: str) -> None:
    cards = family_candidates(import_file(DATA / name), enumeration)
    assert len(cards) >= 8
    for card in cards:
        if card.kind == CLOZE:
            assert card.front.count("{{c1::") == 1
            item = card.front.split("{{c1::")[1].split("}}")[0]
            assert item == item.strip("，,、和与及等“”\" ")
        else:
            assert card.front.endswith("？") or card.front.endswith("?")


# --- lists in sentences about the document, lists set out line by line, clauses that only look like lists ----
def test_a_list_in_a_sentence_about_the_document_is_what_the_document_covers():
    doc = import_text("海洋牧场的现状与前景_科技频道_某某网\n\n引言\n\n本文将对这一领域进行梳理,"
                      "探讨海洋牧场在选址、投放、监测以及收获环节的经验与问题。\n")
    cards = enumeration.candidates(context_of(doc, "本文将"))
    assert [c.front for c in cards][:2] == [
        "《海洋牧场的现状与前景》探讨海洋牧场在{{c1::选址}}、投放、监测以及收获环节的经验与问题。",
        "《海洋牧场的现状与前景》探讨海洋牧场在选址、{{c1::投放}}、监测以及收获环节的经验与问题。"]
    assert [c.answer for c in cards] == ["选址", "投放", "监测", "收获"]


def test_a_list_set_out_line_by_line_is_one_cloze_note_and_its_count():
    doc = import_text("# Soil\n\n## 2. Threats\n\nFarmers name four threats:\n\n1. erosion, which strips the topsoil;\n\n"
                      "2. salinity, especially near the coast;\n\n3. compaction caused by heavy machines;\n\n"
                      "4. pollution from industry.\n", ".md")
    cards = enumeration.candidates(context_of(doc, "Farmers name"))
    assert [(c.kind, c.front) for c in cards] == [
        (CLOZE, "[Threats] Farmers name four threats: {{c1::erosion}}, {{c2::salinity}}, {{c3::compaction}}, "
                "{{c4::pollution}}"),
        (CLOZE, "[Threats] Farmers name {{c1::four}} threats.")]
    zh = import_text("土壤\n\n1. 威胁\n\n土壤面临以下三类威胁：\n\n1. 侵蚀：表土被冲走；\n\n2. 盐碱化：多见于沿海；\n\n"
                     "3. 板结：常因重型机械而起。\n")
    (note, count) = enumeration.candidates(context_of(zh, "土壤面临"))
    assert note.front == "土壤面临以下三类威胁：{{c1::侵蚀}}、{{c2::盐碱化}}、{{c3::板结}}"
    assert count.front == "土壤面临以下{{c1::三类}}威胁。"


@pytest.mark.parametrize("sentence", [
    "When the tide turns, the current slows and fishermen head back to port.",
    "Old nets are torn mouth to mouth, adding weight, which drags boats and slows them.",
    "The storm, which is nearly twice as strong as usual, can flood and damage houses.",
    "Young gulls steal food and chase boats.",
])
def test_english_clauses_joined_by_commas_are_no_lists(sentence):
    assert lists.find_lists(sentence, "en") == ()


@pytest.mark.parametrize("text, items", [
    ("除了干旱,虫害、火灾和过度砍伐也会破坏森林。", ["虫害", "火灾", "过度砍伐"]),
    ("建立保护区、限制捕猎和减少农药使用,都能保护鸟类。", ["建立保护区", "限制捕猎", "减少农药使用"]),
    ("卫星将图像、温度和湿度结合起来。", ["图像", "温度", "湿度"]),
])
def test_a_last_item_keeps_the_verb_that_completes_it_but_not_the_predicate(text, items):
    (listing,) = lists.find_lists(text, "zh")
    assert lists.item_texts(text, listing) == items


def test_a_list_answering_the_question_before_it_takes_the_question_as_its_heading() -> None:
    document = import_text("访谈\n\n1. 工具\n\n问：烧窑最常用的燃料有哪些？\n答：其实很简单：松柴、煤炭和天然气。\n")
    cards = cards_for(document, "松柴")
    assert [c.front for c in cards][0] == "烧窑最常用的燃料：{{c1::松柴}}、煤炭和天然气。"


def test_an_announced_count_takes_the_parallel_paragraphs_after_it_as_items() -> None:
    document = import_text("Boats\n\n1. Kinds\n\nThere are two common kinds:\n\n"
                           "Sailing dinghies carry one or two people and a single mast.\n\n"
                           "Motor dinghies use an outboard engine at the stern.\n")
    fronts = [c.front for c in enumeration.candidates(context_of(document, "two common kinds"))]
    assert any("{{c1::Sailing dinghies}}, {{c2::Motor dinghies}}" in f for f in fronts)
    assert any("{{c1::two}}" in f for f in fronts)
