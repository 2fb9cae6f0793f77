"""desktop.core.generate.quantity: numbers with units, ranges and bounds become stand-alone cards."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.card import BASIC, CLOZE
from desktop.core.document import Document
from desktop.core.generate import numbers, quantity
from desktop.core.generate.base import Candidate
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file, import_text
from tests.core.generate_support import context_of, document_fixture, family_candidates

DATA = Path(__file__).parent / "data"

ZH_DOC = """固态电池产业观察

1. 产线与投资

固态电池的试产线通常消耗10吨到50吨的锂矿，设备投资则在2亿元到5亿元之间。
宁川公司于2019年发布了首款固态电池。宁川公司去年融资20亿美元。
新电池的充电速度是旧电池的3倍。电池回收率提高了40%。
超过200人的团队难以管理。
固态电池的安全性更好。李明预计，这种电池至少需要五年的时间才能量产。
这些电池的外壳采用一种统一标准，一些方法也值得借鉴。

2. 工厂

青岭工厂始建于2015年，占地约120亩，设有6条产线。

3. 历史

19世纪中期，铅酸电池开始普及。
"""

EN_DOC = """Notes on the Harbor Cell

1. Numbers

Dr. Ada Lin founded the lab.
The Harbor cell's energy density is between 140 and 160 Wh/kg.
Pre-training such a model uses between 10 and 50 trillion tokens.
Models of over 500B parameters are hard to serve.
A new factory will need at least five years to break even.
The lab raised $2 billion in 2023.
Recycling cut material costs by 40%.
Her first team had only nine engineers.
GPT-4 and Model 3 are names, not numbers.
"""




def cards_for(document: Document, needle: str) -> list[Candidate]:
    return quantity.candidates(context_of(document, needle))


def basics(cards: list[Candidate]) -> dict[str, str]:
    return {c.front: c.back for c in cards if c.kind == BASIC}


zh = document_fixture(ZH_DOC, "zh")
en = document_fixture(EN_DOC, "en")


def test_ranges_get_an_en_dash_and_the_subject_carries_to_the_next_clause(zh: Document) -> None:
    assert basics(cards_for(zh, "试产线")) == {
        "固态电池的试产线通常消耗多少锂矿？": "10吨–50吨",
        "固态电池的设备投资在什么范围？": "2亿元–5亿元",
    }


def test_year_money_multiple_and_percent(zh: Document) -> None:
    assert basics(cards_for(zh, "2019年")) == {"宁川公司于哪一年发布了首款固态电池？": "2019年"}
    assert basics(cards_for(zh, "融资")) == {"宁川公司去年融资多少美元？": "20亿美元"}
    assert basics(cards_for(zh, "3倍")) == {"新电池的充电速度是旧电池的几倍？": "3倍"}
    assert basics(cards_for(zh, "40%")) == {"电池回收率提高了多少？": "40%"}


def test_a_bound_moves_into_the_answer(zh: Document) -> None:
    assert basics(cards_for(zh, "200人")) == {"多大的团队难以管理？": "超过200人"}
    # "至少需要五年" → "至少五年", with "这种电池" resolved from the sentence before and the
    # speaker kept because the sentence is a forecast
    assert basics(cards_for(zh, "五年")) == {"李明预计固态电池需要多长时间才能量产？": "至少五年"}


def test_numerals_inside_words_are_not_quantities(zh: Document) -> None:
    assert cards_for(zh, "统一标准") == []


def test_named_subject_is_shared_by_short_attribute_clauses(zh: Document) -> None:
    assert basics(cards_for(zh, "青岭工厂")) == {
        "青岭工厂始建于哪一年？": "2015年",
        "青岭工厂占地多少？": "约120亩",
        "青岭工厂设有几条产线？": "6条",
    }


def test_a_number_that_only_dates_a_clause_becomes_a_cloze(zh: Document) -> None:
    (card,) = cards_for(zh, "19世纪")
    assert card.kind == CLOZE
    assert card.front == "{{c1::19世纪}}中期，铅酸电池开始普及。"
    assert card.answer == "19世纪"


def test_find_quantities_normalises_answers() -> None:
    found = numbers.find_quantities("模型大小在100B到500B之间，超过500B的模型很少，约占3%。", "zh")
    assert [(q.text, q.answer, q.kind) for q in found] == [
        ("100B到500B", "100B–500B", "amount"), ("超过500B", "超过500B", "amount"), ("3%", "约3%", "percent")]
    english = numbers.find_quantities("It took at least five years and cost $2 billion, over 40% more.", "en")
    assert [q.answer for q in english] == ["at least five years", "$2 billion", "over 40%"]


def test_english_copula_and_count_questions(en: Document) -> None:
    assert basics(cards_for(en, "energy density")) == {
        "What is the Harbor cell's energy density?": "140–160 Wh/kg"}
    assert basics(cards_for(en, "trillion")) == {
        "How many tokens does pre-training such a model use?": "10–50 trillion"}
    assert basics(cards_for(en, "nine engineers")) == {"How many engineers did Ada Lin's first team have?": "nine"}


def test_english_clozes_keep_units_and_bounds(en: Document) -> None:
    answers = {c.answer for needle in ("500B", "five years", "$2 billion", "40%") for c in cards_for(en, needle)}
    assert answers == {"over 500B", "at least five years", "$2 billion", "2023",
                       "40%"}
    (year,) = [c for c in cards_for(en, "$2 billion") if c.answer == "2023"]
    assert year.front == "The lab raised $2 billion in {{c1::2023}}."


def test_names_with_numbers_are_skipped(en: Document) -> None:
    assert cards_for(en, "GPT-4") == []


@pytest.mark.parametrize("name", ["quantity_sodium_cells_en.txt", "enumeration_canal_zh.txt"])
def test_whole_documents_give_well_formed_cards(name: str) -> None:
    document = import_file(DATA / name)
    cards = family_candidates(document, quantity)
    assert len(cards) >= 8
    mark = "？" if document.language == "zh" else "?"
    for card in cards:
        if card.kind == BASIC:
            assert card.front.endswith(mark), card.front
            assert card.back and card.back not in card.front
            assert len(card.back) <= 40
        else:
            assert card.front.count("{{c1::") == 1


def test_the_same_document_gives_the_same_cards_in_the_same_order() -> None:
    first = generate(import_file(DATA / "quantity_sodium_cells_en.txt"))
    again = generate(import_file(DATA / "quantity_sodium_cells_en.txt"))
    assert [(c.id, c.front) for c in first] == [(c.id, c.front) for c in again]


def test_a_number_stated_again_in_a_later_section_is_asked_once() -> None:
    text = "报告\n\n1. 甲\n\n宁川公司去年融资20亿美元。\n\n2. 乙\n\n宁川公司去年融资20亿美元。\n"
    cards = [c for c in generate(import_text(text)) if c.rule == quantity.RULE]
    assert len(cards) == 1


@pytest.mark.parametrize("sentence", ["语音识别已经走进了千家万户。", "一座千万人口的城市很拥挤。", "中国有上百种方言。"])
def test_a_numeral_inside_a_word_or_a_rough_count_is_no_quantity(sentence: str) -> None:
    assert numbers.find_quantities(sentence, "zh") == ()


# --- ranges, dates, shares and labels -------------------------------------------------------------------
@pytest.mark.parametrize("text, language, expected", [
    ("一座石桥往往需要三到五年才能建成。", "zh", [("三–五年", "duration")]),
    ("蚂蚁的体长通常只有2到7毫米。", "zh", [("2–7毫米", "amount")]),  # "only" stresses, bounds nothing
    ("1969年7月,阿波罗11号登月。", "zh", [("1969年7月", "date")]),
    ("这座桥直到20世纪30年代才通车。", "zh", [("20世纪30年代", "era")]),
    ("北方约一半的湖泊已经干涸。", "zh", [("约一半", "fraction")]),
    ("长城全长超过五千公里。", "zh", [("超过五千公里", "amount")]),
    ("A mayfly lives about two to three days.", "en", [("about two–three days", "duration")]),
    ("The bridge is 120 meters long and carries a 40-year warranty.", "en",
     [("120 meters", "amount"), ("40-year", "duration")]),
    ("Roughly 45 percent of the rain evaporates.", "en", [("Roughly 45 percent", "percent")]),
    ("The dam supplies about a quarter of the city's power.", "en", [("about a quarter", "percent")]),
    ("Lava flows cover roughly half of the island and half the time it rains.", "en", [("roughly half", "percent")]),
    ("Melting one kilogram of ice takes about 334 kilojoules.", "en", [("about 334", "amount")]),
])
def test_ranges_borrow_units_dates_stay_whole_and_shares_count(text, language, expected):
    assert [(q.answer, q.kind) for q in numbers.find_quantities(text, language)] == expected


def test_labels_of_list_items_are_no_counts_and_a_list_count_belongs_to_the_list():
    doc = import_text("老宅\n\n1. 布局\n\n老宅按照“一层厨房、二层卧室、三层储藏”的方式使用。\n\n"
                      "这种茶产自福建、浙江和云南三个省。\n")
    assert quantity.candidates(context_of(doc, "一层厨房")) == []
    assert not any(c.answer == "三个" for c in quantity.candidates(context_of(doc, "三个省")))


def test_a_condition_keeps_its_consequence_and_a_colon_starts_a_new_subject():
    doc = import_text("冰川\n\n1. 融化\n\n只要气温比往年高出2摄氏度,冰川就会加速后退。\n\n"
                      "老桥并不脆弱:1976年,附近发生了一次7级以上的地震。\n")
    (card,) = quantity.candidates(context_of(doc, "只要气温"))
    assert card.kind == CLOZE and card.front.startswith("只要气温比往年高出{{c1::2摄氏度}},冰川就会加速后退")
    cards = quantity.candidates(context_of(doc, "老桥并不脆弱"))
    assert {c.answer for c in cards} == {"1976年", "7级以上"}
    assert not any(c.kind == BASIC and c.front.startswith("老桥") for c in cards)  # the bridge did not quake


def test_when_someone_said_it_is_asked_with_what_was_said():
    doc = import_text("宇宙\n\n1. 膨胀\n\n哈勃在1929年提出,宇宙正在膨胀。\n")
    (card,) = quantity.candidates(context_of(doc, "哈勃"))
    assert (card.front, card.answer) == ("哈勃在哪一年提出，宇宙正在膨胀？", "1929年")


def test_a_named_predicate_owns_the_clauses_after_it():
    doc = import_text("河流\n\n1. 长河\n\n世界上最长的河流是非洲的尼罗河,全长约6650公里。\n")
    (card,) = quantity.candidates(context_of(doc, "尼罗河"))
    assert (card.front, card.answer) == ("尼罗河全长多少？", "约6650公里")


@pytest.mark.parametrize("text, language, expected", [
    ("馆里收藏的地图超过三百册", "zh", "超过三百册"),       # 册 is a measure word
    ("需要整理的档案有两千多万页", "zh", "两千多万页"),     # 多 between the numeral and its magnitude
    ("新方法的速度快了十几倍", "zh", "十几倍"),             # an approximate count
    ("一位学徒要学上八年才能出师", "zh", "八年"),           # 上 before a duration is no rough "上百"
    ("溶液的pH值低于6.5时需要中和", "zh", "低于6.5"),       # a decimal is a measured value
    ("the pipes freeze at minus 5 °C", "en", "minus 5 °C"),  # the sign stays with the number
])
def test_numbers_read_measure_words_approximations_decimals_and_signs(text, language, expected):
    assert [q.answer for q in numbers.find_quantities(text, language)] == [expected]


def test_rough_magnitudes_stay_no_numbers():
    assert numbers.find_quantities("上百人和成千上万的游客", "zh") == ()
