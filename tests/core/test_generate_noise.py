"""desktop.core.generate.noise: page furniture, stray headings and questions make no card; titles lose the site."""
from __future__ import annotations

import pytest

from desktop.core.generate import noise
from desktop.core.generate.base import Context
from desktop.core.generate.pipeline import generate
from desktop.core.generate.subject import clean_title, topic_prefix
from desktop.core.importing import import_text

ZH_PAGE = """长城的修建_历史频道_某某网
首页 > 历史 > 古代建筑 > 正文
发布时间:2021-05-02 08:15:44 来源:网络 阅读(5120) 评论(3)
分享到:微信 微博

长城的修建

秦始皇统一六国后,把各国的长城连接起来,全长超过五千公里。

明长城

明代重修的长城东起山海关,西至嘉峪关。它是今天保存最完整的一段。

(本文图片来源于网络,如有侵权请联系删除)
上一篇:故宫的屋顶
"""

EN_PAGE = """How Tides Work

By Sam Okoro, Science Desk
Published 3 June 2023

The Moon's gravity pulls the oceans into two bulges, so most coasts see two high tides a day.

Why do spring tides happen?

Spring tides come when the Sun and the Moon line up, about twice a month.

- Related: how waves form - Opinion: save our beaches
"""


def _sentences(text: str):
    document = import_text(text)
    cache: dict = {}
    return document, {s.text: Context(document, section, s, i, cache=cache)
                      for section in document.walk() for i, s in enumerate(section.sentences)}


@pytest.mark.parametrize("line", [
    "首页 > 历史 > 古代建筑 > 正文",
    "发布时间:2021-05-02 08:15:44 来源:网络 阅读(5120) 评论(3)",
    "分享到:微信 微博",
    "(本文图片来源于网络,如有侵权请联系删除)",
    "上一篇:故宫的屋顶",
    "By Sam Okoro, Science Desk",
    "Published 3 June 2023",
    "- Related: how waves form - Opinion: save our beaches",
    "Copyright © 2023 Example News. All rights reserved.",
])
def test_page_furniture_is_boilerplate(line):
    assert noise.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "秦始皇统一六国后,把各国的长城连接起来,全长超过五千公里。",
    "作者认为,长城的防御作用被高估了。",
    "Spring tides come when the Sun and the Moon line up, about twice a month.",
])
def test_sentences_of_the_article_are_not(line):
    assert not noise.is_boilerplate(line)


def test_headings_left_in_the_text_and_questions_make_no_card():
    document, contexts = _sentences(ZH_PAGE)
    assert noise.not_content(contexts["明长城"])  # a short line of its own, no punctuation
    assert not noise.not_content(contexts["它是今天保存最完整的一段。"])
    _document, contexts = _sentences(EN_PAGE)
    assert noise.not_content(contexts["Why do spring tides happen?"])
    for page in (ZH_PAGE, EN_PAGE):
        cards = generate(import_text(page))
        assert cards
        furniture = ("发布时间", "分享到", "侵权", "上一篇", "首页", "Okoro", "Published", "Related", "spring tides happen")
        assert not any(word in card.front + card.source for card in cards for word in furniture)


def test_titles_lose_the_site_name_and_a_local_heading_names_the_topic():
    assert clean_title("长城的修建_历史频道_某某网") == "长城的修建"
    assert clean_title("How Tides Work | Example News") == "How Tides Work"
    assert clean_title("Tides — a primer") == "Tides — a primer"
    document, contexts = _sentences(ZH_PAGE)
    # the section is only "引言": the heading line above the sentence names its topic
    assert topic_prefix(contexts["明代重修的长城东起山海关,西至嘉峪关。"]) == "【明长城】"
    assert "某某网" not in "".join(card.front for card in generate(document))


def test_speaker_labels_are_cut_and_social_furniture_is_noise():
    document = import_text("访谈\n\n1. 开始\n\n问：您每天工作多久？\n答：我们的工坊每天要烧制三百件瓷器。\n\n"
                           "往期回顾：窑火里的故事\n")
    cards = generate(document)
    assert cards and not any(c.front.startswith(("答", "问")) for c in cards)
    assert not any("往期回顾" in c.source for c in cards)
    assert noise.is_boilerplate("You might also like: Ten ways to save water")
