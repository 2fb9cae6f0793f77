"""Web-page noise: each kind is dropped by a general rule, and the article around it survives."""
from __future__ import annotations

import pytest

from desktop.core.importing import import_text
from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block
from desktop.core.importing.clean import clean, is_boilerplate

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
