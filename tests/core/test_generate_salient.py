"""desktop.core.generate.salient (and terms, salience): a cloze on the most informative terms of a sentence."""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate import enumeration, salient, terms
from desktop.core.generate.base import Context
from desktop.core.generate.pipeline import contexts, generate
from desktop.core.generate.subject import resolve
from desktop.core.importing import import_text
from tests.core.generate_support import cards_by_sentence

ZH_DOC = """城市更新讲座回顾

引言

本文将介绍一场关于城市更新的讲座。去年夏天,著名建筑师陈立在浙江大学做了一场关于城市更新的报告。

1. 老城区改造

1.1 街道

老城区的街道普遍狭窄,消防车难以通行。街道的改造是城市更新的重点。

1.2 建筑

许多老建筑采用木结构,防火性能较差。

结语

城市更新需要各方共同努力,也需要专业的规划团队。
"""

EN_DOC = """Notes on Urban Renewal

Introduction

This article summarises a lecture on urban renewal. Last year, the economist Maria Lopez spoke at the University of Chicago about housing.

1. Old Districts

Narrow streets in old districts make fire trucks slow to arrive. This is not to say that old districts are unsafe for tourists.

Conclusion

Urban renewal needs cooperation from planners, residents and the Chicago city council.
"""


def _cards(text: str) -> dict[str, list]:
    return cards_by_sentence(text, salient)


def test_deletes_the_place_of_a_talk():
    (card,) = _cards(ZH_DOC)["去年夏天,著名建筑师陈立在浙江大学做了一场关于城市更新的报告。"]
    # the speaker opens the sentence and stays as the cue; the place is what it tells
    assert card.kind == CLOZE and card.answer == "浙江大学" and card.rule == "salient"


def test_deletes_a_rare_term_rather_than_the_heading_word():
    # "街道" is the section title: deleting it would test nothing
    cards = _cards(ZH_DOC)["老城区的街道普遍狭窄,消防车难以通行。"]
    assert [c.answer for c in cards] == ["消防车"]


def test_no_card_where_only_generic_words_are():
    cards = _cards(ZH_DOC)
    assert cards["街道的改造是城市更新的重点。"] == []
    assert cards["城市更新需要各方共同努力,也需要专业的规划团队。"] == []
    # "This" points at the sentence before, not at a noun: no card, rather than a guessed referent
    assert not [c for c in generate(import_text(EN_DOC)) if "not to say" in c.front]


def test_sentences_about_the_text_give_no_card_in_the_deck():
    fronts = [card.front for card in generate(import_text(ZH_DOC)) + generate(import_text(EN_DOC))]
    assert fronts and not any("本文" in front or "This article" in front for front in fronts)


def test_english_name_spans_of_and_the():
    cards = _cards(EN_DOC)["Last year, the economist Maria Lopez spoke at the University of Chicago about housing."]
    # the name of the place is deleted whole, "of" included
    assert len(cards) == 1 and re.search(r"\{\{c\d::University of Chicago\}\}", cards[0].front)


def test_a_number_with_its_unit_is_deleted_whole():
    cards = _cards("天文讲座\n\n引言\n\n2023年5月,天文学家周岚在南京大学做了一场关于黑洞的讲座。\n")
    assert any("{{c1::2023年5月}}" in c.front for cs in cards.values() for c in cs)


def test_english_terms_skip_stop_words_verbs_and_numbers():
    found = [t[0] for t in terms.terms("Older adults get less slow-wave sleep than 40 young people.", "en")]
    assert "slow-wave sleep" in found
    assert not any(word in " ".join(found).split() for word in ("get", "less", "than", "40"))


def test_chinese_terms_split_names_from_titles():
    found = [t[0] for t in terms.terms("知名专家李沐回到了母校上海交通大学。", "zh")]
    assert "李沐" in found and "上海交通大学" in found


def test_document_statistics_are_computed_once_per_run():
    paragraph = "".join(f"第{i}号研究站位于偏远山区{i}号,负责监测冰川{i}的融化速度。" for i in range(400))
    document = import_text("冰川监测\n\n1. 站点\n\n" + paragraph + "\n")
    section, cache = document.sections[0], {}
    contexts = [Context(document, section, sentence, index, cache=cache)
                for index, sentence in enumerate(section.sentences)]
    for ctx in contexts:
        salient.candidates(ctx)
    assert terms.stats(contexts[0]) is terms.stats(contexts[-1])  # one table for the whole run


GATEWAY_DOC = """网关笔记

1. 架构

网关支持三种部署方式：单机部署，集群部署，混合部署。网关的配置保存在数据库中，修改后立即生效。

2. 运维

运维人员通过控制台查看网关的流量和错误率。升级网关时，旧版本会保留七天以便回滚。
"""


def test_a_count_announcing_its_items_is_no_blank_the_items_are():
    cards = cards_by_sentence(GATEWAY_DOC, enumeration)
    (card,) = [c for c in generate(import_text(GATEWAY_DOC)) if "部署方式" in c.front]
    assert card.front == "网关支持三种部署方式：{{c1::单机部署}}，{{c2::集群部署}}，{{c3::混合部署}}。"
    questions = [c for c in cards["网关支持三种部署方式：单机部署，集群部署，混合部署。"] if c.kind != CLOZE]
    assert [(q.front, q.answer) for q in questions] == [("网关支持几种部署方式？", "三种")]


def test_a_term_of_the_subject_weighs_less_than_one_of_the_predicate():
    (card,) = _cards(ZH_DOC)["许多老建筑采用木结构,防火性能较差。"]
    assert card.answer == "木结构"


def test_a_curly_apostrophe_never_cuts_a_word_into_a_term():
    assert [t[0] for t in terms.terms("Don’t rush the migration of legacy databases.", "en")] == ["migration", "legacy"]


def test_an_it_that_stands_for_nothing_is_not_resolved():
    text = ("Sorting Notes\n\n1. Keys\n\nLikewise, a comparison function such as cmp(a, b) returns a negative value "
            "for smaller items. It is common to meet comparison functions when porting algorithms from older languages.\n")
    resolved = [resolve(ctx.text, ctx) for ctx in contexts(import_text(text))]
    assert resolved[1].startswith("It is common")
