"""desktop.core.generate.numbers: numbers with units, ranges and bounds, as the salient cloze deletes them."""
from __future__ import annotations

import pytest

from desktop.core.generate import numbers

def test_find_quantities_normalises_answers() -> None:
    found = numbers.find_quantities("模型大小在100B到500B之间，超过500B的模型很少，约占3%。", "zh")
    assert [(q.text, q.answer, q.kind) for q in found] == [
        ("100B到500B", "100B–500B", "amount"), ("超过500B", "超过500B", "amount"), ("3%", "约3%", "percent")]
    english = numbers.find_quantities("It took at least five years and cost $2 billion, over 40% more.", "en")
    assert [q.answer for q in english] == ["at least five years", "$2 billion", "over 40%"]


@pytest.mark.parametrize("sentence", ["语音识别已经走进了千家万户。", "一座千万人口的城市很拥挤。", "中国有上百种方言。"])
def test_a_numeral_inside_a_word_or_a_rough_count_is_no_quantity(sentence: str) -> None:
    assert numbers.find_quantities(sentence, "zh") == ()


# --- ranges, dates, shares and labels -------------------------------------------------------------------
@pytest.mark.parametrize("text, language, expected", [
    ("一座石桥往往需要三到五年才能建成。", "zh", [("三–五年", "duration")]),
    ("蚂蚁的体长通常只有2到7毫米。", "zh", [("2–7毫米", "amount")]),  # "only" stresses, bounds nothing
    ("1969年7月,阿波罗11号登月。", "zh", [("1969年7月", "date")]),
    ("1969 年 7 月 20 日，阿波罗登月。", "zh", [("1969 年 7 月 20 日", "date")]),
    ("这套系统只用了 3 个月就完成升级，每 100 g 果肉含 8 g 糖。", "zh",
     [("3 个月", "duration"), ("100 g", "amount"), ("8 g", "amount")]),
    ("The region was declared free after three consecutive years without a case.", "en",
     [("three consecutive years", "duration")]),
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

