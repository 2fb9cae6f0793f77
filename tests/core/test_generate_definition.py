"""desktop.core.generate.definition: "X是Y", "X指的是Y", "所谓X，就是Y", "X is a Y", "X refers to Y"."""
from __future__ import annotations

import pytest

from desktop.core.generate import definition
from desktop.core.generate.base import Context
from desktop.core.importing import import_text

ZH_DOC = """经济学入门

1. 概念

所谓复利,就是利息也能产生利息的计算方式。通货膨胀指的是物价水平的持续上涨。石油是现代工业最重要的能源之一。城市规划的核心是平衡居住与交通。GDP(Gross Domestic Product)是衡量经济规模的指标。随着人口的增长,住房短缺已经成为主要矛盾。这是一个问题。他是我的朋友。人工智能的关键在于数据质量。
"""

EN_DOC = """Biology and Economics

1. Terms

Photosynthesis is the process that turns light into chemical energy in plants. Inflation refers to a general rise in prices. Mount Everest is the highest mountain on Earth. The mitochondrion, a tiny organelle, produces energy for the cell. The coefficient of performance (COP) measures efficiency. Upfront costs remain the main barrier to adoption. The weather is a problem. The result is not clear. John Park is a reporter. Sleep spindles, brief bursts of brain activity, predict recall. In 2020, the company, then a startup, moved to Berlin. The essence of leadership is listening.
"""


def _cards(text: str) -> dict[str, list[tuple[str, str]]]:
    document = import_text(text)
    out = {}
    for section in document.walk():
        for index, sentence in enumerate(section.sentences):
            ctx = Context(document, section, sentence, index)
            out[sentence.text] = [(c.front, c.answer) for c in definition.candidates(ctx)]
    return out


@pytest.mark.parametrize("sentence, expected", [
    ("所谓复利,就是利息也能产生利息的计算方式。", [("什么是复利？", "利息也能产生利息的计算方式")]),
    ("通货膨胀指的是物价水平的持续上涨。", [("通货膨胀指的是什么？", "物价水平的持续上涨")]),
    # a ranking predicate singles the subject out: ask for the subject
    ("石油是现代工业最重要的能源之一。", [("什么是现代工业最重要的能源之一？", "石油")]),
    # "X的核心是Y": ask for Y
    ("城市规划的核心是平衡居住与交通。", [("城市规划的核心是什么？", "平衡居住与交通")]),
    ("GDP(Gross Domestic Product)是衡量经济规模的指标。", [("GDP的全称是什么？", "Gross Domestic Product")]),
    # the scene-setting clause stays, so the question is still true
    ("随着人口的增长,住房短缺已经成为主要矛盾。", [("随着人口的增长，什么已经成为主要矛盾？", "住房短缺")]),
    ("人工智能的关键在于数据质量。", [("人工智能的关键在于什么？", "数据质量")]),
    ("这是一个问题。", []),
    ("他是我的朋友。", []),
])
def test_chinese_identity(sentence, expected):
    assert _cards(ZH_DOC)[sentence] == expected


@pytest.mark.parametrize("sentence, expected", [
    # the definition is too long for an answer: ask for the term instead
    ("Photosynthesis is the process that turns light into chemical energy in plants.",
     [("What is the process that turns light into chemical energy in plants called?", "Photosynthesis")]),
    ("Inflation refers to a general rise in prices.", [("What does inflation refer to?", "a general rise in prices")]),
    ("Mount Everest is the highest mountain on Earth.", [("What is the highest mountain on Earth?", "Mount Everest")]),
    ("The mitochondrion, a tiny organelle, produces energy for the cell.",
     [("What is the mitochondrion?", "a tiny organelle")]),
    ("The coefficient of performance (COP) measures efficiency.",
     [("What does COP stand for?", "coefficient of performance")]),
    ("Upfront costs remain the main barrier to adoption.",
     [("What remains the main barrier to adoption?", "Upfront costs")]),
    ("John Park is a reporter.", [("Who is John Park?", "a reporter")]),
    ("Sleep spindles, brief bursts of brain activity, predict recall.",
     [("What are sleep spindles?", "brief bursts of brain activity")]),
    ("The essence of leadership is listening.", [("What is the essence of leadership?", "listening")]),
    ("In 2020, the company, then a startup, moved to Berlin.", []),
    ("The weather is a problem.", []),
    ("The result is not clear.", []),
])
def test_english_identity(sentence, expected):
    assert _cards(EN_DOC)[sentence] == expected


def test_vague_reversed_question_gets_the_topic_in_front():
    document = import_text("网络\n\n1. 带宽瓶颈\n\n然而,延迟依然是主要障碍之一。\n")
    section = document.sections[0]
    ctx = Context(document, section, section.sentences[0], 0)
    assert [(c.front, c.answer) for c in definition.candidates(ctx)] == [("【带宽瓶颈】什么依然是主要障碍之一？", "延迟")]


def test_linking_verb_is_matched_only_as_a_word():
    # "是否" and "尤其是" contain 是 but link nothing
    assert definition.zh_identity_probes("模型是否有效") == []
    assert definition.zh_identity_probes("尤其是大公司") == []
