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


# --- names, states, makers, negations, glossary lines --------------------------------------------------
NAMES_DOC = """城市与建筑

1. 名片

颐和园被誉为“皇家园林博物馆”。每根承重的木柱称为立柱。人们把三种颜料调和在一起,称为“三彩”。唐代僧人写成了《大唐西域记》,它被称为研究中亚历史的重要文献。

2. 现状

这座古城的修复工作仍处于起步阶段。这条运河大多由当地农民开挖。大坝的地基用花岗岩砌成。高铁并非最便宜的出行方式。高铁并非只带来速度。城墙最大的威胁是地下水。世界上最高的瀑布是委内瑞拉的安赫尔瀑布。
"""


@pytest.mark.parametrize("sentence, expected", [
    ("颐和园被誉为“皇家园林博物馆”。", [("颐和园被誉为什么？", "皇家园林博物馆")]),
    ("每根承重的木柱称为立柱。", [("每根承重的木柱称为什么？", "立柱")]),
    # a name given to what the clause before describes: a cloze keeps the description
    ("人们把三种颜料调和在一起,称为“三彩”。", [("人们把三种颜料调和在一起,称为“{{c1::三彩}}”。", "三彩")]),
    # "它" is the book, not the monk who wrote it
    ("唐代僧人写成了《大唐西域记》,它被称为研究中亚历史的重要文献。",
     [("《大唐西域记》被称为什么？", "研究中亚历史的重要文献")]),
    ("这条运河大多由当地农民开挖。", []),  # 开挖 is no verb of making that asks "由谁"
    ("大坝的地基用花岗岩砌成。", [("大坝的地基用什么砌成？", "花岗岩")]),
    # a negated claim keeps its negation in view; "并非只…" is "not only", no negation
    ("高铁并非最便宜的出行方式。", [("高铁并非{{c1::最便宜的出行方式}}。", "最便宜的出行方式")]),
    ("高铁并非只带来速度。", []),
    # a subject that singles one thing out asks its own question
    ("城墙最大的威胁是地下水。", [("城墙最大的威胁是什么？", "地下水")]),
    ("世界上最高的瀑布是委内瑞拉的安赫尔瀑布。", [("世界上最高的瀑布是什么？", "委内瑞拉的安赫尔瀑布")]),
])
def test_names_makers_negations_and_superlative_subjects(sentence, expected):
    assert _cards(NAMES_DOC)[sentence] == expected


def test_a_state_is_asked_when_its_subject_is_named_and_shown_in_context_when_it_was_a_reference():
    assert _cards(NAMES_DOC)["这座古城的修复工作仍处于起步阶段。"] == []  # "这座古城" names nothing
    document = import_text("桥梁\n\n1. 新技术\n\n碳纤维拉索的研究正在加快,但这些新型拉索的应用仍处于试验阶段。"
                           "钢拱桥的设计已经处于成熟阶段。\n")
    section = document.sections[0]
    cards = {s.text: [(c.front, c.answer) for c in definition.candidates(Context(document, section, s, i))]
             for i, s in enumerate(section.sentences)}
    assert cards["钢拱桥的设计已经处于成熟阶段。"] == [("钢拱桥的设计已经处于什么阶段？", "成熟阶段")]
    assert cards["碳纤维拉索的研究正在加快,但这些新型拉索的应用仍处于试验阶段。"] == [
        ("碳纤维拉索的研究正在加快,但这些新型拉索的应用仍处于{{c1::试验阶段}}。", "试验阶段")]


EN_NAMES_DOC = """Rivers

1. Terms

Rivers carve valleys over time, a process called fluvial erosion. Engineers slow floods with structures known as check dams. Governor Ana Ruiz called the new levee "a promise kept to the delta." A delta is a landform: sediment spreads where a river meets the sea. Summer floods, by contrast, can last for weeks. No single dam stops a major flood. The levee is not a permanent solution.
"""


@pytest.mark.parametrize("sentence, expected", [
    ("Rivers carve valleys over time, a process called fluvial erosion.",
     [("Rivers carve valleys over time, a process called {{c1::fluvial erosion}}.", "fluvial erosion")]),
    ("Engineers slow floods with structures known as check dams.",
     [("Engineers slow floods with structures known as {{c1::check dams}}.", "check dams")]),
    ('Governor Ana Ruiz called the new levee "a promise kept to the delta."',
     [("What did Governor Ana Ruiz call the new levee?", "a promise kept to the delta")]),
    # what follows a colon explains the predicate; it is not part of the answer
    ("A delta is a landform: sediment spreads where a river meets the sea.", [("What is a delta?", "a landform")]),
    ("Summer floods, by contrast, can last for weeks.", []),  # an aside, not a description
    ("No single dam stops a major flood.", [("{{c1::No single dam}} stops a major flood.", "No single dam")]),
    ("The levee is not a permanent solution.",
     [("The levee is not {{c1::a permanent solution}}.", "a permanent solution")]),
])
def test_english_names_quotes_negations(sentence, expected):
    assert _cards(EN_NAMES_DOC)[sentence] == expected


def test_a_glossary_line_deletes_the_term_it_explains():
    document = import_text("# Clouds\n\n## 1. Kinds\n\nClouds come in three main kinds:\n\n"
                           "- **Cirrus** — thin wisps of ice high in the sky.\n\n"
                           "- **Cumulus** — puffy heaps of water droplets.\n\n"
                           "- **Stratus** — flat grey sheets close to the ground.\n", ".md")
    section = document.sections[0]
    cards = [c for i, s in enumerate(section.sentences)
             for c in definition.candidates(Context(document, section, s, i))]
    assert [(c.front, c.answer) for c in cards] == [
        ("[Kinds] {{c1::Cirrus}} — thin wisps of ice high in the sky.", "Cirrus"),
        ("[Kinds] {{c1::Cumulus}} — puffy heaps of water droplets.", "Cumulus"),
        ("[Kinds] {{c1::Stratus}} — flat grey sheets close to the ground.", "Stratus")]
