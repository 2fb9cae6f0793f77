"""Web-page noise: each kind is dropped by a general rule, and the article around it survives."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.core.importing import import_file, import_text
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block
from desktop.core.importing.clean import clean, is_boilerplate, is_furniture
from desktop.core.text import has_cjk

DATA = Path(__file__).parent / "data"

BODY = [
    "大语言模型的预训练通常使用10T到50T的token，模型大小则在100B到500B之间。",
    "李沐预测，未来几年，这一规模将成为主流，因为超过500B的模型难以部署。",
    "多模态模型将文本、图片、视频和语音结合起来，是当前AI发展的一个重要趋势。",
    "对于蓝领阶级的工作，AI的机会最大，但这类应用至少需要五年的时间才能成熟。",
]


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def paragraphs(*lines: str) -> list[Block]:
    return [Block(PARAGRAPH, line) for line in lines]


@pytest.mark.parametrize(
    "lead_in",
    [
        "本文主要是介绍大模型讲座的回顾,希望对大家解决编程问题提供一定的参考价值,需要的开发者们随着小编来一起学习吧!",
        "本文主要介绍了Python装饰器的用法，具有一定的参考价值，感兴趣的可以了解一下。",
        "这篇文章主要介绍了模型部署的方法，文中通过示例代码介绍的非常详细，需要的朋友们下面随着小编来一起学习学习吧。",
    ],
)
def test_site_lead_in_is_dropped(lead_in: str) -> None:
    assert texts(clean(paragraphs(lead_in, *BODY))) == BODY


@pytest.mark.parametrize(
    "sign_off",
    [
        "这篇关于大语言模型的文章就介绍到这儿,希望我们推荐的文章对编程师们有所帮助!",
        "以上就是本文的全部内容，希望对大家的学习有所帮助，也希望大家多多支持。",
        "Thanks for reading! If you found this post useful, share it with a friend.",
        "I hope this article helps you understand scaling laws.",
        "转载请注明出处。",
    ],
)
def test_site_sign_off_is_dropped(sign_off: str) -> None:
    assert texts(clean(paragraphs(*BODY, sign_off))) == BODY


def test_a_real_sentence_before_a_sign_off_stays() -> None:
    cleaned = clean(paragraphs(*BODY, "总之，后训练比预训练更关键。希望本文对你有所帮助！"))
    assert texts(cleaned) == [*BODY, "总之，后训练比预训练更关键。"]


def test_an_article_summary_without_boilerplate_stays() -> None:
    summary = "本文介绍Transformer的结构。它由编码器和解码器组成。"
    assert texts(clean(paragraphs(summary, *BODY))) == [summary, *BODY]


def test_hope_in_the_middle_of_the_article_is_not_noise() -> None:
    middle = "研究者希望这种方法对低资源语言也有所帮助。"
    blocks = paragraphs(*BODY, middle, *BODY)
    assert middle in texts(clean(blocks))


@pytest.mark.parametrize(
    "marker",
    ["相关文章", "相关文章推荐", "推荐阅读：", "热门推荐", "猜你喜欢", "Related posts:", "Related Articles",
     "You might also like", "Further reading", "## 相关阅读"],
)
def test_related_articles_tail_and_everything_after_it_are_dropped(marker: str) -> None:
    tail = paragraphs(marker, "Go语言中泄漏缓冲区的问题解决", "SpringBoot整合Sa-Token实现RBAC权限模型",
                      "如何合理管控Java语言的异常")
    assert texts(clean(paragraphs(*BODY) + tail)) == BODY


def test_a_related_tail_after_a_short_article_is_dropped_too() -> None:
    blocks = paragraphs("一、背景", "今天很冷。", "相关文章", "Go语言中Recover机制的使用", "如何合理管控Java语言的异常")
    assert texts(clean(blocks)) == ["一、背景", "今天很冷。"]


def test_a_related_marker_before_the_article_does_not_swallow_it() -> None:
    assert texts(clean(paragraphs("推荐阅读", *BODY))) == BODY


@pytest.mark.parametrize(
    "placeholder",
    ["在这里插入图片描述", "这里写图片描述", "[image]", "[图片]", "![在这里插入图片描述](https://img-blog.csdnimg.cn/a.png)",
     "Image", "[image: architecture diagram]"],
)
def test_image_placeholders_are_dropped(placeholder: str) -> None:
    assert texts(clean(paragraphs(BODY[0], placeholder, BODY[1]))) == BODY[:2]


def test_image_token_inside_a_sentence_is_removed() -> None:
    assert texts(clean(paragraphs("模型结构如下[图片]所示。"))) == ["模型结构如下所示。"]


@pytest.mark.parametrize(
    "url_line",
    ["http://www.chinasem.cn/article/1133442", "https://example.com/a?b=1&c=2#d", "www.example.com",
     "原文链接：https://blog.example.com/p/1", "Source: https://example.org/talk", "<https://a.example>"],
)
def test_bare_urls_and_their_labels_are_dropped(url_line: str) -> None:
    assert texts(clean(paragraphs(BODY[0], url_line, BODY[1]))) == BODY[:2]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("访问https://example.com/a获取更多信息。", "访问获取更多信息。"),
        ("See https://example.com/a.", "See."),
        ("详见 (https://x.org/y) 。", "详见。"),
        ("Go to https://a.example/c?d=1, then stop.", "Go to, then stop."),
    ],
)
def test_urls_inside_a_sentence_go_but_the_words_around_them_stay(sentence: str, expected: str) -> None:
    assert texts(clean(paragraphs(sentence))) == [expected]


def test_headings_keep_their_kind_and_level() -> None:
    cleaned = clean([Block(HEADING, "1.2 模型规模与训练", 2), *paragraphs(*BODY)])
    assert (cleaned[0].kind, cleaned[0].level, cleaned[0].text) == (HEADING, 2, "1.2 模型规模与训练")


def test_is_boilerplate_tells_sign_offs_from_article_sentences() -> None:
    assert is_boilerplate("需要的朋友可以参考下")
    assert not is_boilerplate(BODY[0])


def test_noise_never_reaches_the_document() -> None:
    raw = "\n\n".join([
        "模型部署笔记",
        "本文主要介绍了模型部署,具有一定的参考价值,需要的朋友们随着小编一起学习吧!",
        "1. 部署", BODY[0], "在这里插入图片描述", "[image]", "2. 展望", BODY[1],
        "希望对大家有所帮助!", "https://www.example.com/article/1", "相关文章", "Go语言中Recover机制的使用",
    ])
    document = import_text(raw)
    assert [s.label for s in document.walk()] == ["1 部署", "2 展望"]
    for noise in ("小编", "参考价值", "插入图片", "image", "有所帮助", "example.com", "相关文章", "Go语言", "Recover"):
        assert noise not in document.text


# --- page furniture: whole short lines that sites put around (and inside) every article

def around(line: str) -> list[Block]:
    """The line in the middle of an article, beyond the reach of the edge boilerplate rule."""
    return paragraphs(*BODY, line, *BODY)


@pytest.mark.parametrize(
    "line",
    [
        # bylines and meta lines
        "作者：张三 2024-05-01 阅读 1234", "发布时间：2024-05-01 10:30  来源：海洋科普网", "来源：新华网", "责任编辑：王小明",
        "文/李四 · 约5分钟读完", "原创 于 2024-05-01 10:00:00 发布 · 1.2k 阅读 · 30 点赞 · 12 收藏",
        "记者：周远 摄影：陈默", "2024-03-18 08:00 发表于浙江",
        "By Jane Doe | May 1, 2024", "By Laura Mendes, Environment Correspondent", "Published 14 May 2024",
        "Posted on May 1, 2024 by Jane Doe", "Updated March 2025 · 8 min read · Share this article", "5 min read",
        "Posted in Science, Oceans", "Tags: oceans, vents", "标签：深海 热泉", "关键词：大模型；预训练",
        # previous and next links
        "上一篇：珊瑚礁为何白化", "下一篇:鲸落是怎样形成的", "Previous post", "Next article", "Next article: Tube worms",
        "« Older posts",
        # breadcrumbs
        "首页 > 科技 > 人工智能", "首页>新闻>正文", "当前位置：首页 > 新闻", "科技 > 人工智能 > 正文", "Home › Tech › AI",
        "Home / Blog / Scaling laws", "You are here: Home > Blog",
        # counters
        "阅读 1.2万", "点赞 30 收藏 12", "评论(12)", "12 comments", "1,024 views",
        # copyright and site notices
        "© 2024 海洋科普网", "Copyright © 2023 山海文化网 All Rights Reserved 闽ICP备12345678号", "Copyright 2024 Ocean Notes",
        "(本文图片来源于网络,如有侵权请联系删除)", "未经授权，禁止转载。",
        # share and follow prompts, link bars, one-line related lists
        "分享到：微信 微博", "分享到:微信 微博 QQ空间", "Share this:", "Share on Twitter Facebook", "点击上方蓝字关注我们",
        "Subscribe to our newsletter", "关于我们 | 联系我们 | 广告服务 | 网站地图",
        "You might also like: Are solar panels still worth it? · Induction hobs vs gas", "- Related: how waves form",
    ],
)
def test_page_furniture_lines_are_dropped_wherever_they_stand(line: str) -> None:
    assert texts(clean(around(line))) == BODY + BODY
    assert is_furniture(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "作者认为，长城的防御作用被高估了。", "这篇论文的作者张三在2024-05-01的会议上发布了结果。",
        "来源于网络的数据并不总是可靠的。", "发布时间的选择会影响文章的阅读量。", "他的文章阅读量超过了1.2万。",
        "上一篇论文提出的方法在下一篇中得到了改进。", "阅读 1234 篇文献后，研究者总结出三种共生方式。",
        "2024年5月1日，李沐在上海交通大学发表了演讲。", "法院认定该公司侵权。", "这本书的版权所有人是出版社。",
        "未经许可使用他人作品构成侵权。", "关注公众号的人越来越多。", "分类：圆楼、方楼和五凤楼",
        "时间：2024年5月1日", "上篇 基础知识", "预训练 > 微调 > 对齐",
        "By 2030, the plant will supply half of the city's water.", "By contrast, reverse osmosis uses membranes.",
        "By Design", "Copyright law protects the author's expression, not the idea.", "Copyright Law in the Digital Age",
        "Share prices rose 5% after the announcement.", "The next article in this series covers membranes.", "Next steps",
        "The talk drew 12 comments from the audience, most about cost.", "Input > Process > Output", "Home/office setups",
        "Tags are small labels that help readers find posts.", "Subscribe to the idea that data is king.",
        "Posted in the journal Nature, the study found that sleep matters.", "Date: May 1, 2024", "GPT-3 | 175B | 2020",
    ],
)
def test_article_lines_that_only_look_like_furniture_stay(sentence: str) -> None:
    assert texts(clean(around(sentence))) == [*BODY, sentence, *BODY]
    assert not is_furniture(sentence)


def test_a_long_line_is_never_furniture() -> None:
    line = "作者：张三 " + "阅读 1234 " * 20
    assert len(line) > 100 and not is_furniture(line)


def test_lines_that_almost_match_fail_fast() -> None:
    hostile = ["阅读1" * 33 + "x", "阅读 1    " * 10 + "x", "a › " * 25 + "。", "首页 > " * 16 + "!",
               "a b c d | " * 10 + "1", "作者：张三 " * 14 + "。", "2024-05-01 " * 9 + "x"]
    started = time.perf_counter()
    assert not any(is_furniture(line) for line in hostile)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("marker", "entries"),
    [
        ("目录", ["引言", "1. 部署", "2. 展望"]),
        ("文章目录", ["引言 ........ 1", "1 部署 ........ 2", "2 展望 ........ 5"]),
        ("Table of Contents", ["Introduction", "1. Deployment", "2. Outlook"]),
        ("Contents:", ["introduction", "Deployment", "Outlook"]),
    ],
)
def test_a_table_of_contents_that_repeats_the_headings_is_dropped(marker: str, entries: list[str]) -> None:
    headings = ["引言", "1. 部署", "2. 展望"] if has_cjk(entries[0]) else ["Introduction", "1. Deployment", "2. Outlook"]
    article = [line for heading, body in zip(headings, BODY) for line in (heading, body)]
    assert texts(clean(paragraphs(marker, *entries, *article))) == article


def test_a_contents_line_without_repeated_entries_stays() -> None:
    blocks = paragraphs("Contents", "Stomach contents were analysed in the lab.", "Contents of the report", *BODY)
    assert texts(clean(blocks)) == texts(blocks)


def test_html_table_of_contents_and_byline_boxes_are_skipped() -> None:
    page = ("<html><body><h1>T</h1><p class=\"byline\">Jane Doe</p><div id=\"ez-toc-container\"><ul>"
            "<li>1. Part one</li><li>2. Part two</li></ul></div><h2>1. Part one</h2><p>One.</p>"
            "<h2>2. Part two</h2><p>Two.</p></body></html>")
    document = import_text(page, ".html")
    assert [s.label for s in document.walk()] == ["1 Part one", "2 Part two"]
    assert "Jane" not in document.text


# (furniture fixture, section labels, lines of the article that look like furniture but stay)
FURNITURE_PAGES = [
    ("import_noise_zh.txt", ["引言", "1 热泉的发现", "2 化能合成", "结语"],
     ["作者认为,这次发现改变了人们对生命极限的认识。", "这篇报道的作者张三在2024-05-01的采访中提到,热泉附近的管虫可以长到2米。",
      "来源于热泉的矿物质会在喷口周围堆积成高达数十米的烟囱。", "上一篇论文只描述了管虫的形态,下一篇才解释了它们的营养来源。",
      "阅读 1234 篇文献后,研究者总结出三种共生方式。"]),
    ("import_noise_en.txt", ["Introduction", "1 Discovery", "2 Chemosynthesis", "Conclusion"],
     ["By 2030, researchers hope to map every vent field on the mid-ocean ridges.",
      "The author of the first report, Jane Doe, wrote it on May 1, 1979.",
      "Copyright law did not stop the first photos of the vents from spreading.",
      "The next article in this series covers giant tube worms.",
      "Share prices of deep-sea mining firms rose 12 percent after the survey.",
      "The survey drew 12 comments from other labs, most of them about sampling."]),
    ("import_noise_zh.html", ["一 热泉的发现", "二 化能合成"], ["作者认为,这次发现改变了人们对生命极限的认识。"]),
]
FURNITURE_WORDS = ("首页", "当前位置", "作者：", "张三 ", "李四", "发布时间", "海洋科普网", "阅读(", "阅读 1.2万", "点赞", "分享到",
                   "目录", "标签", "侵权", "上一篇：", "下一篇：", "珊瑚礁为何白化", "Copyright ©", "©", "Home", "Jane Doe |",
                   "min read", "Posted in", "12 comments\n", "Table of Contents", "Tags:", "Share this", "Previous post",
                   "Next article", "Ocean Notes")


@pytest.mark.parametrize(("name", "labels", "kept"), FURNITURE_PAGES)
def test_a_page_keeps_its_outline_and_article_without_its_furniture(name: str, labels: list[str], kept: list[str]) -> None:
    document = import_file(DATA / name)
    assert [s.label for s in document.walk()] == labels
    for furniture in FURNITURE_WORDS:
        assert furniture not in document.text, furniture
    sentences = [s.text for section in document.walk() for s in section.sentences]
    for sentence in kept:
        assert sentence in sentences
