"""desktop.core.generate.subject: fronts that stand alone (pronouns and demonstratives resolved)."""
from __future__ import annotations

import pytest

from desktop.core.document import Document
from desktop.core.generate.english import english_subject
from desktop.core.generate.people import preceding_texts
from desktop.core.generate.subject import (clause_subject, dangling, resolve, resolve_mapped, sentence_subject,
                                           subject_hint, topic_prefix)
from desktop.core.importing import import_text
from tests.core.generate_support import context_of, document_fixture

ZH_DOC = """电池简史

引言

本文回顾一种虚构电池的发展。

1. 固态电池

张衡是宁川公司的首席科学家。他发明了一种新的电解质。工厂引入了激光焊接技术，但这种技术成本很高。

1.1 容量

该电池的容量达到500Wh。超过这一规模的电池很难散热。

2. 蒸汽机车

这类机车至少需要三名司炉。

3. 海上贸易

这类商品大多销往南洋。
"""

EN_DOC = """A Short History of the Harbor Lab

1. Origins

Dr. Ada Lin founded the lab in 2016. She hired ten chemists in the first year. Her first prototype failed.

2. Cells

The lab built solid-state cells for buses. These cells last twice as long as older ones.
The prototype weighs 3 kg. Engineers tested the prototype in the desert. It failed twice.
"""




zh = document_fixture(ZH_DOC, "zh")
en = document_fixture(EN_DOC, "en")


def test_chinese_pronoun_takes_the_person_named_before(zh: Document) -> None:
    ctx = context_of(zh, "他发明了")
    assert resolve(ctx.text, ctx) == "张衡发明了一种新的电解质。"


def test_pronoun_after_a_name_in_the_same_sentence_stays() -> None:
    doc = import_text("标题\n\n1. 人物\n\n王芳介绍了她的新方法。")
    ctx = context_of(doc, "王芳")
    assert resolve(ctx.text, ctx) == ctx.text
    assert not dangling(ctx.text, "zh")


def test_demonstrative_takes_the_noun_phrase_of_the_clause_before(zh: Document) -> None:
    ctx = context_of(zh, "这种技术")
    assert resolve(ctx.text, ctx) == "工厂引入了激光焊接技术，但激光焊接技术成本很高。"


def test_size_noun_after_a_comparison_takes_the_number_before(zh: Document) -> None:
    ctx = context_of(zh, "这一规模")
    assert resolve(ctx.text, ctx) == "超过500Wh的电池很难散热。"


def test_section_title_names_what_this_kind_refers_to(zh: Document) -> None:
    locomotive = context_of(zh, "这类机车")
    assert resolve(locomotive.text, locomotive) == "蒸汽机车至少需要三名司炉。"
    goods = context_of(zh, "这类商品")
    assert resolve(goods.text, goods) == "海上贸易商品大多销往南洋。"


def test_resolved_text_no_longer_dangles(zh: Document) -> None:
    ctx = context_of(zh, "这类机车")
    assert dangling(ctx.text, "zh")
    assert not dangling(resolve(ctx.text, ctx), "zh")
    assert dangling("这大大降低了成本。", "zh")


def test_resolve_mapped_refuses_spans_that_resolution_rewrote(zh: Document) -> None:
    ctx = context_of(zh, "这一规模")
    resolved, span_of = resolve_mapped(ctx.text, ctx)
    start = ctx.text.index("电池")
    moved = span_of(start, start + 2)
    assert moved is not None and resolved[moved[0]:moved[1]] == "电池"
    assert span_of(2, 6) is None  # "这一规模" became "500Wh"


def test_subject_hint_skips_generic_section_titles(zh: Document) -> None:
    assert subject_hint(context_of(zh, "本文回顾")) == "电池简史"
    assert subject_hint(context_of(zh, "这类机车")) == "蒸汽机车"


def test_clause_and_sentence_subjects() -> None:
    subject = clause_subject("固态电池的正极材料通常使用10吨到50吨的锂矿", "zh")
    assert subject == "固态电池的正极材料"
    assert clause_subject("则在100吨到500吨之间", "zh") == ""
    assert clause_subject("设备投资则在2亿元到5亿元之间", "zh") == "设备投资"
    assert sentence_subject("李明认为，固态电池的寿命更长。", "zh") == "固态电池的寿命"


def test_english_pronouns_take_the_person_named_before(en: Document) -> None:
    she = context_of(en, "She hired")
    assert resolve(she.text, she) == "Ada Lin hired ten chemists in the first year."
    her = context_of(en, "Her first prototype")
    assert resolve(her.text, her) == "Ada Lin's first prototype failed."


def test_english_it_takes_a_singular_subject_from_before(en: Document) -> None:
    ctx = context_of(en, "It failed twice")
    assert resolve(ctx.text, ctx) == "The prototype failed twice."


def test_english_demonstrative_noun_takes_its_modifiers_from_before(en: Document) -> None:
    ctx = context_of(en, "These cells")
    assert resolve(ctx.text, ctx) == "The solid-state cells last twice as long as older ones."


def test_english_subject() -> None:
    assert english_subject("The new cell stores twice as much energy.") == "the new cell"
    assert english_subject("In 2019, Harbor Lab opened a plant.") == "Harbor Lab"
    assert english_subject("It failed.") == ""
    assert dangling("These cells last longer.", "en")
    assert not dangling("The solid-state cells last longer.", "en")


UNSURE_DOC = """Notes on Heat and Light

1. Introduction

City governments across Europe are replacing gas boilers. This report looks at the costs.

2. Machine Learning

Machine Learning helps doctors read scans faster. She said the results were promising.

3. Open problems

Critics point to cost and bias as weak spots. These problems matter less for labs than for hospitals.
"""


@pytest.mark.parametrize("needle", ["This report", "She said", "These problems"])
def test_english_reference_stays_when_only_a_guess_would_fill_it(needle: str) -> None:
    # a plural subject behind a preposition owns nothing; a heading is a topic, not a person;
    # a section title names a topic, not what "these problems" are
    ctx = context_of(import_text(UNSURE_DOC), needle)
    assert resolve(ctx.text, ctx) == ctx.text
    assert dangling(ctx.text, "en")


def test_an_unresolved_front_gets_the_section_title_in_front() -> None:
    ctx = context_of(import_text(UNSURE_DOC), "These problems")
    assert topic_prefix(ctx) == "[Open problems] "


def test_english_subject_never_ends_in_a_function_word() -> None:
    assert english_subject("Critics point to cost") == ""


def test_preceding_texts_run_back_through_headings_to_the_document_title(zh: Document) -> None:
    ctx = context_of(zh, "超过这一规模")
    assert preceding_texts(ctx, 4) == ["该电池的容量达到500Wh。", "容量", "工厂引入了激光焊接技术，但这种技术成本很高。",
                                       "他发明了一种新的电解质。"]
    assert preceding_texts(ctx)[-1] == "电池简史"


def test_resolution_is_computed_once_per_run(zh: Document) -> None:
    ctx = context_of(zh, "这一规模")
    first = resolve(ctx.text, ctx)
    assert resolve(ctx.text, ctx) is first
    assert any(isinstance(key, tuple) and key[0] == "resolve" for key in ctx.cache)


IT_DOC = """城市绿地

1. 公园

中央公园位于曼哈顿中部。它建成于1873年。以银杏为例,它在城市中每年可以长高30厘米。与中央公园齐名的还有旧金山的金门公园,它占地约四百公顷。梧桐虽然常被当作本地树种,但它其实原产于欧洲。园艺学家李华写成了《城市树木志》,它被称为行道树研究的入门书。这种分配方法方式很好。
"""


@pytest.mark.parametrize("needle, expected", [
    # a sentence that opens with 它 takes the subject of the sentence before
    ("它建成于1873年。", "中央公园建成于1873年。"),
    ("以银杏为例", "以银杏为例,银杏在城市中每年可以长高30厘米。"),
    ("齐名的还有", "与中央公园齐名的还有旧金山的金门公园,旧金山的金门公园占地约四百公顷。"),
    ("梧桐虽然", "梧桐虽然常被当作本地树种,但梧桐其实原产于欧洲。"),
    # 它 is a thing: the book, never the person who wrote it
    ("园艺学家李华", "园艺学家李华写成了《城市树木志》,《城市树木志》被称为行道树研究的入门书。"),
])
def test_it_takes_the_thing_it_stands_for(needle, expected):
    document = import_text(IT_DOC)
    ctx = context_of(document, needle)
    assert resolve(ctx.text, ctx) == expected


@pytest.mark.parametrize("clause, subject", [
    ("近代的铁路连接了各大城市", "近代的铁路"),
    ("南方的稻田一年两熟", "南方的稻田"),
    ("世界上最大的城市公园是某某公园", "世界上最大的城市公园"),
    ("热岛效应是指城市比郊区更热的现象", "热岛效应"),
])
def test_subjects_with_a_place_word_or_a_term_jieba_cuts_apart(clause, subject):
    assert clause_subject(clause, "zh") == subject
