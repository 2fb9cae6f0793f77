"""Chinese textbook and report shapes: bracketed apparatus, defining sentences across a comma, genus-and-difference
definitions, relative-clause names, rough magnitudes, subjectless continuations and scoped superlatives."""
from __future__ import annotations

from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_text
from tests.core.generate_support import proposals

DOC = """第二章 城市热岛

【学习目标】
1. 理解城市热岛的概念。

第一节 热岛的形成

一、概念

城市热岛是指在人口密集的条件下，城区气温明显高于郊区的现象。能够反射大部分阳光的屋顶称为冷屋顶。露点是空气中水汽达到饱和的温度。温室是一种用玻璃围成的栽培建筑，主要靠太阳辐射取暖。

二、工具

观测站最常用的是百叶箱，用来遮挡阳光直射。地质学家周明认为，沙漠是地球表面中蒸发最强、降水最少的一种。城市热岛一旦形成，缓解周期往往长达数十年。城市中的热空气每小时只上升几米到几十米。

【思考与练习】
1. 结合你所在的城市，谈谈降低屋顶温度的做法。
2. 扫描二维码观看微课视频《城市的风》。
"""


def _cards() -> dict[str, str]:
    return {card.front: card.back for card in proposals(import_text(DOC))}


def test_a_definition_that_runs_past_a_comma_keeps_its_head_noun():
    assert _cards()["城市热岛指的是什么？"] == "在人口密集的条件下，城区气温明显高于郊区的现象"


def test_a_name_given_to_a_described_noun_is_asked_for():
    assert _cards()["能够反射大部分阳光的屋顶称为什么？"] == "冷屋顶"


def test_genus_and_difference_asks_what_the_term_is():
    assert _cards()["什么是露点？"] == "空气中水汽达到饱和的温度"


def test_a_subjectless_clause_asks_about_the_sentence_subject():
    assert _cards()["温室主要靠什么取暖？"] == "太阳辐射"


def test_what_a_thing_just_named_is_used_for():
    assert _cards()["百叶箱用来做什么？"] == "遮挡阳光直射"


def test_no_card_quotes_a_textbooks_goals_or_exercises():
    cards = generate(import_text(DOC))
    assert cards
    for card in cards:
        assert not any(word in card.source for word in ("二维码", "谈谈", "理解城市热岛的概念")), card
