"""desktop.core.generate.cause: why, what leads to what, by which means, which one rather than which."""
from __future__ import annotations

import pytest

from desktop.core.card import CLOZE
from desktop.core.generate import cause, cause_en
from desktop.core.generate.base import Context
from desktop.core.importing import import_text
from tests.core.generate_support import cards_by_sentence

ZH_DOC = """环境与社会

1. 观察

由于气温持续升高,因此北极海冰的面积逐年缩小。过度放牧导致了草原的严重退化。城市的发展离不开稳定的水源。房价随着人口的流入而上涨。与其临时抱佛脚,不如把时间花在日常积累上。研究团队将阅读和听讲进行了比较,结果显示阅读在长期记忆上更为有效。成功不是偶然的结果,而是长期努力的积累。公司通过降低价格来吸引新客户。咖啡因会导致入睡时间推迟。规律的运动也能显著改善睡眠质量。通过对历史的回顾,我们得到了启示。对于偏远山区的学校,网络课程的作用最大。农业产量仍然会受限于灌溉条件。但是由于时间关系,我们只能讲到这里。
"""

EN_DOC = """Everyday Science

1. Effects

Poor sleep leads to weaker memory. Cramming fails because memory needs time. Rather than buying new phones, families should repair old ones. Cycling is more efficient than driving for short trips. Delays are due to heavy snow. Children need more sleep than adults. The bridge closed because the river flooded after three days of heavy rain. The main cause of burnout is overwork. Because of the weather, we stopped early.
"""


def _cards(text: str) -> dict[str, list]:
    return cards_by_sentence(text, cause)


def _pairs(cards: list) -> list[tuple[str, str]]:
    return [(c.front, c.answer) for c in cards]


@pytest.mark.parametrize("sentence, expected", [
    ("由于气温持续升高,因此北极海冰的面积逐年缩小。", [("为什么北极海冰的面积逐年缩小？", "气温持续升高")]),
    ("过度放牧导致了草原的严重退化。", [("什么导致了草原的严重退化？", "过度放牧"), ("过度放牧导致了什么？", "草原的严重退化")]),
    ("城市的发展离不开稳定的水源。", [("城市的发展离不开什么？", "稳定的水源")]),
    ("房价随着人口的流入而上涨。", [("房价随着什么而上涨？", "人口的流入")]),
    ("与其临时抱佛脚,不如把时间花在日常积累上。", [("与其临时抱佛脚，不如把时间花在哪里？", "日常积累")]),
    # "which one" without giving the answer away: the other member is named instead
    ("研究团队将阅读和听讲进行了比较,结果显示阅读在长期记忆上更为有效。",
     [("与听讲相比，什么在长期记忆上更为有效？", "阅读")]),
    ("成功不是偶然的结果,而是长期努力的积累。", [("成功不是偶然的结果，而是什么？", "长期努力的积累")]),
    ("公司通过降低价格来吸引新客户。", [("公司通过什么来吸引新客户？", "降低价格"), ("公司通过降低价格来吸引什么？", "新客户")]),
    # the modal belongs to the question, not to the answer
    ("咖啡因会导致入睡时间推迟。", [("什么会导致入睡时间推迟？", "咖啡因"), ("咖啡因会导致什么？", "入睡时间推迟")]),
    ("规律的运动也能显著改善睡眠质量。", [("什么能显著改善睡眠质量？", "规律的运动")]),
    # "通过对X的回顾" names a topic, not a means
    ("通过对历史的回顾,我们得到了启示。", []),
    ("对于偏远山区的学校,网络课程的作用最大。", [("对于哪类学校，网络课程的作用最大？", "偏远山区")]),
    ("农业产量仍然会受限于灌溉条件。", [("农业产量仍然会受限于什么？", "灌溉条件")]),
    # about the speaker, not the topic
    ("但是由于时间关系,我们只能讲到这里。", []),
])
def test_chinese_cause_and_contrast(sentence, expected):
    assert _pairs(_cards(ZH_DOC)[sentence]) == expected


def test_comparison_without_a_named_alternative_is_a_cloze():
    document = import_text("交通\n\n1. 出行\n\n高铁比飞机更准时。\n")
    section = document.sections[0]
    cards = cause.candidates(Context(document, section, section.sentences[0], 0))
    assert [(c.kind, c.front, c.answer) for c in cards] == [(CLOZE, "{{c1::高铁}}比飞机更准时。", "高铁")]


@pytest.mark.parametrize("sentence, expected", [
    ("Poor sleep leads to weaker memory.",
     [("What leads to weaker memory?", "Poor sleep"), ("What does poor sleep lead to?", "weaker memory")]),
    ("Cramming fails because memory needs time.", [("Why does cramming fail?", "memory needs time")]),
    ("Rather than buying new phones, families should repair old ones.",
     [("Rather than buying new phones, what should families do?", "repair old ones")]),
    ("Cycling is more efficient than driving for short trips.",
     [("What is more efficient than driving for short trips?", "Cycling")]),
    ("Delays are due to heavy snow.", [("What are delays due to?", "heavy snow")]),
    ("Children need more sleep than adults.", [("Who needs more sleep than adults?", "Children")]),
    ("The main cause of burnout is overwork.", []),  # "cause" is a noun here
    ("Because of the weather, we stopped early.", []),
])
def test_english_cause_and_contrast(sentence, expected):
    assert _pairs(_cards(EN_DOC)[sentence]) == expected


def test_long_english_reason_becomes_a_cloze():
    cards = _cards(EN_DOC)["The bridge closed because the river flooded after three days of heavy rain."]
    assert [(c.kind, c.answer) for c in cards] == [(CLOZE, "the river flooded after three days of heavy rain")]
    assert cards[0].front.startswith("The bridge closed because {{c1::")


@pytest.mark.parametrize("statement, question", [
    ("Cramming fails", "why does cramming fail"),
    ("the replay strengthens connections", "why does the replay strengthen connections"),
    ("prices are rising", "why are prices rising"),
    ("Sleep spindles predict recall", ""),  # no safe verb: no question
])
def test_why_question(statement, question):
    assert cause_en.why_question(statement) == question


@pytest.mark.parametrize("sentence", [
    "19世纪中期，泥沙淤积、战乱和铁路的兴起使运河逐渐衰落。",
    "19世纪中期，泥沙的大量淤积、持续不断的战乱和铁路的兴起使运河逐渐衰落。",
])
def test_a_list_of_causes_is_never_one_answer(sentence):
    # the enumeration family asks for each item; one card whose answer is the whole set is no fact
    document = import_text(f"运河\n\n1. 衰落\n\n{sentence}\n")
    section = document.sections[0]
    assert cause.candidates(Context(document, section, section.sentences[0], 0)) == []


CONTRAST_DOC = """城市交通

1. 对比

许多老桥因年久失修而被迫封闭。与公交车相比,地铁更不容易受到天气影响。与柴油车相比,电动车的噪音更加轻微。目前自动驾驶已经能够应对简单路况,但复杂路况的处理仍需要大量测试。在雨雪天气里,机器视觉识别近处车辆的效果尚可,而远处车辆的识别则面临更大的挑战。探测器通过太阳能为仪器提供电力。
"""


@pytest.mark.parametrize("sentence, expected", [
    ("许多老桥因年久失修而被迫封闭。", [("许多老桥因什么而被迫封闭？", "年久失修")]),
    ("与公交车相比,地铁更不容易受到天气影响。", [("与公交车相比，什么更不容易受到天气影响？", "地铁")]),
    ("与柴油车相比,电动车的噪音更加轻微。", [("与柴油车相比，什么的噪音更加轻微？", "电动车")]),
    # two kinds of one thing in contrasting clauses: the kind the comparative clause singles out, else the first
    ("目前自动驾驶已经能够应对简单路况,但复杂路况的处理仍需要大量测试。",
     [("目前自动驾驶已经能够应对{{c1::简单路况}},但复杂路况的处理仍需要大量测试。", "简单路况")]),
    ("探测器通过太阳能为仪器提供电力。", [("探测器通过什么为仪器提供电力？", "太阳能")]),
])
def test_owing_compared_contrasted_and_means(sentence, expected):
    assert _pairs(_cards(CONTRAST_DOC)[sentence]) == expected


def test_the_harder_kind_is_the_one_in_the_comparative_clause():
    (card,) = _cards(CONTRAST_DOC)["在雨雪天气里,机器视觉识别近处车辆的效果尚可,而远处车辆的识别则面临更大的挑战。"]
    assert card.kind == CLOZE and card.answer == "远处车辆"


EN_MORE_DOC = """Trees

1. Growth

The city has planted 40,000 trees since 2015, and in 2020 canopy cover rose to 31 percent. A young oak grows only about a foot a year, mostly because its roots come first. Whether a seed sprouts depends on soil moisture, not on its size. Poor soil caused by heavy traffic slows growth.
"""


@pytest.mark.parametrize("sentence, expected", [
    # "since 2015" is a date, not a reason
    ("The city has planted 40,000 trees since 2015, and in 2020 canopy cover rose to 31 percent.", []),
    # the hedge belongs to the reason
    ("A young oak grows only about a foot a year, mostly because its roots come first.",
     [("Why does a young oak grow only about a foot a year?", "its roots come first")]),
    ("Whether a seed sprouts depends on soil moisture, not on its size.",
     [("Whether a seed sprouts depends on {{c1::soil moisture}}, not on its size.", "soil moisture")]),
    ("Poor soil caused by heavy traffic slows growth.", []),  # a participle, not "X caused Y"
])
def test_english_dates_hedges_dependence_and_participles(sentence, expected):
    assert _pairs(_cards(EN_MORE_DOC)[sentence]) == expected
