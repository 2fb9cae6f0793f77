"""Outline parsing: each heading style, how they nest, and the spans every sentence points to."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.document import Document
from desktop.core.importing import import_file, import_text

DATA = Path(__file__).parent / "data"


def outline(document: Document) -> list[tuple[str, str, int]]:
    """(number, title, level) of every section, depth first."""
    return [(s.number, s.title, s.level) for s in document.walk()]


def tree(document: Document) -> list:
    """Sections as nested (label, [children]) pairs: what the outline view shows."""
    def node(section):
        return (section.label, [node(c) for c in section.children])
    return [node(s) for s in document.sections]


def assert_spans_hold(document: Document) -> None:
    for section in document.walk():
        assert section.sentences or not section.paragraphs
        for sentence in section.sentences:
            assert document.text[sentence.start:sentence.end] == sentence.text
            assert section.start <= sentence.start < sentence.end <= section.end
        joined = "".join(s.text for s in section.sentences)
        assert joined.replace(" ", "") == "".join(section.paragraphs).replace(" ", "")


def test_dotted_numbers_nest_by_depth_with_lead_in_and_closing() -> None:
    document = import_file(DATA / "import_zh_speech.txt")
    assert document.title == "语音识别技术的过去与未来:一场讲座的笔记"
    assert document.language == "zh"
    assert tree(document) == [
        ("引言", []),
        ("1 语音识别的发展历程", [
            ("1.1 统计模型时代", [("1.1.1 声学模型", []), ("1.1.2 语言模型", [])]),
            ("1.2 深度学习时代", []),
        ]),
        ("2 未来的挑战", [("2.1 噪声环境", []), ("2.2 方言与低资源语言", [])]),
        ("结语", []),
    ]
    assert [s.level for s in document.walk()] == [1, 1, 2, 3, 3, 2, 1, 2, 2, 1]
    assert_spans_hold(document)


def test_section_texts_are_the_paragraphs_under_each_heading() -> None:
    sections = {s.label: s for s in import_file(DATA / "import_zh_speech.txt").walk()}
    assert sections["1.1.2 语言模型"].text == "语言模型估计词序列的概率。N元语法是最常见的语言模型。"
    assert sections["结语"].text == "语音识别已经走进了千家万户。正如王教授所说,技术的进步离不开长期的积累。"
    assert [s.text for s in sections["1.1 统计模型时代"].sentences] == [
        "二十世纪八十年代,隐马尔可夫模型成为主流方法。", "这种模型把语音看作状态序列。"]


def test_chinese_numerals_and_parenthesised_numerals_nest() -> None:
    document = import_file(DATA / "import_zh_numerals.txt")
    assert document.title == "城市垃圾分类讲座纪要"
    assert outline(document) == [
        ("", "前言", 1),
        ("一", "为什么要分类", 1), ("（一）", "环境压力", 2), ("（二）", "资源价值", 2),
        ("二", "怎样分类", 1), ("（一）", "可回收物", 2), ("（二）", "厨余垃圾", 2),
        ("", "总结", 1),
    ]
    assert document.sections[1].children[0].text == "一座千万人口的城市每天产生约两万吨垃圾。"
    assert_spans_hold(document)


def test_chapters_and_their_sections_nest() -> None:
    document = import_file(DATA / "import_zh_chapters.txt")
    assert tree(document) == [
        ("第一章 起源", [("第一节 历法的出现", []), ("第二节 星图", [])]),
        ("第二章 发展", [("第一节 浑天说", [])]),
        ("第三章 交流", []),
    ]
    assert document.sections[0].text == "中国古代很早就开始观测天象。"


def test_english_talk_with_introduction_and_conclusion() -> None:
    document = import_file(DATA / "import_en_talk.txt")
    assert document.title == "How Bridges Stay Up: Notes from a Public Lecture"
    assert document.language == "en"
    assert outline(document) == [
        ("", "Introduction", 1), ("1", "Forces on a bridge", 1), ("1.1", "Tension and compression", 2),
        ("1.2", "Wind", 2), ("2", "Maintenance", 1), ("2.1", "Corrosion", 2), ("", "Conclusion", 1),
    ]
    wind = document.sections[1].children[1]
    assert [s.text for s in wind.sentences] == [
        "Strong wind can make a long deck twist.", "The Tacoma Narrows Bridge collapsed in 1940 for this reason."]
    assert_spans_hold(document)


def test_hard_wrapped_english_lines_join_into_one_paragraph() -> None:
    document = import_file(DATA / "import_en_talk.txt")
    tension = document.sections[1].children[0]
    assert tension.paragraphs == ["Cables work in tension, while stone arches work in compression. "
                                  "Steel handles both forces well."]


def test_one_paragraph_per_line_chinese_keeps_its_paragraphs() -> None:
    document = import_text("标题\n一、背景\n第一段讲历史。\n第二段讲现状。\n二、方法\n方法很简单。")
    assert document.sections[0].paragraphs == ["第一段讲历史。", "第二段讲现状。"]


def test_text_before_the_first_heading_becomes_the_lead_in() -> None:
    document = import_text("Title\n\nSome opening words come first.\n\n1. Part\n\nPart text.")
    assert outline(document) == [("", "Introduction", 1), ("1", "Part", 1)]
    assert document.sections[0].text == "Some opening words come first."
    zh = import_text("标题\n\n开场白的文字。\n\n1. 部分\n\n正文。")
    assert zh.sections[0].title == "引言"


def test_lead_in_and_closing_headings_may_end_in_a_colon() -> None:
    document = import_text("标题\n\n引言：\n\n开场。\n\n1. 正文\n\n内容。\n\n结语：\n\n结束。")
    assert outline(document) == [("", "引言", 1), ("1", "正文", 1), ("", "结语", 1)]


def test_numbered_list_inside_a_section_is_not_a_heading() -> None:
    raw = "标题\n\n1. 数据\n\n1.1 来源\n\n数据有三个来源:\n\n1. 网页\n\n2. 书籍\n\n3. 论文\n\n2. 模型\n\n模型很大。"
    document = import_text(raw)
    assert [s.label for s in document.walk()] == ["1 数据", "1.1 来源", "2 模型"]
    assert document.sections[0].children[0].paragraphs == ["数据有三个来源:", "1. 网页", "2. 书籍", "3. 论文"]


def test_a_long_or_punctuated_numbered_line_is_a_paragraph() -> None:
    raw = "标题\n\n1. 背景\n\n2. 这是一个很长的句子，它以句号结尾，所以不是标题。\n\n正文。"
    assert [s.label for s in import_text(raw).walk()] == ["1 背景"]


def test_dotted_numbers_restart_under_chinese_numerals() -> None:
    raw = "标题\n\n一、背景\n\n1. 历史\n\n很久。\n\n2. 现状\n\n很好。\n\n二、方法\n\n1. 数据\n\n很多。\n\n2. 模型\n\n很大。"
    assert tree(import_text(raw)) == [
        ("一 背景", [("1 历史", []), ("2 现状", [])]),
        ("二 方法", [("1 数据", []), ("2 模型", [])]),
    ]


def test_chapter_numbers_continue_into_dotted_sections() -> None:
    raw = "教材\n\n第一章 起源\n\n引子。\n\n1.1 会议\n\n文字。\n\n1.2 早期\n\n文字。\n\n第二章 寒冬\n\n文字。\n\n2.1 第一次\n\n文字。"
    document = import_text(raw)
    assert tree(document) == [
        ("第一章 起源", [("1.1 会议", []), ("1.2 早期", [])]),
        ("第二章 寒冬", [("2.1 第一次", [])]),
    ]
    # a level is the depth in the tree, even where a style skips one
    assert [s.level for s in document.walk()] == [1, 2, 2, 1, 2]


def test_levels_always_match_the_tree() -> None:
    for path in sorted(DATA.glob("import_*")):
        document = import_file(path)
        for section in document.walk():
            parent = document.parent_of(section.id)
            assert section.level == (parent.level + 1 if parent else 1), (path.name, section.label)


def test_section_ids_are_unique_and_stable() -> None:
    raw = "# 笔记\n\n## 1. 数据\n\n数据。\n\n### 小结\n\n甲。\n\n## 2. 模型\n\n模型。\n\n### 小结\n\n乙。"
    first, second = import_text(raw, ".md"), import_text(raw, ".md")
    ids = [s.id for s in first.walk()]
    assert len(ids) == len(set(ids)) == 4
    assert ids == [s.id for s in second.walk()]


def test_document_text_holds_title_headings_and_paragraphs() -> None:
    document = import_text("标题\n\n1. 部分\n\n正文一句。")
    assert document.text == "标题\n\n1 部分\n\n正文一句。"
    part = document.sections[0]
    assert document.text[part.start:part.end] == "1 部分\n\n正文一句。"


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("Dr. Smith measured 3.5 TB/s in the U.S. lab. Is it enough? Yes!",
         ["Dr. Smith measured 3.5 TB/s in the U.S. lab.", "Is it enough?", "Yes!"]),
        ("他说：“这很好。”然后离开了。真的吗？是的！", ["他说：“这很好。”", "然后离开了。", "真的吗？", "是的！"]),
        ("他引用了一句话：Attention is all you need. 这句话影响深远。",
         ["他引用了一句话：Attention is all you need.", "这句话影响深远。"]),
        ("GPT-3.5 的参数约为175B。没有句号的结尾", ["GPT-3.5 的参数约为175B。", "没有句号的结尾"]),
    ],
)
def test_sentences_split_where_a_reader_would(paragraph: str, sentences: list[str]) -> None:
    document = import_text(f"标题\n\n{paragraph}")
    assert [s.text for s in document.sections[0].sentences] == sentences
    assert_spans_hold(document)


def test_same_text_gives_the_same_document() -> None:
    first = import_file(DATA / "import_zh_speech.txt")
    second = import_file(DATA / "import_zh_speech.txt")
    assert first == second


@pytest.mark.parametrize(
    ("raw", "suffix"),
    [
        ("笔记\n\n目录\n引言\n1. 部署\n2. 展望\n\n引言\n\n开场。\n\n1. 部署\n\n部署很难。\n\n2. 展望\n\n前景很好。", ".txt"),
        ("# 笔记\n\n## 目录\n\n- [引言](#引言)\n- [1. 部署](#1-部署)\n- [2. 展望](#2-展望)\n\n"
         "## 引言\n\n开场。\n\n## 1. 部署\n\n部署很难。\n\n## 2. 展望\n\n前景很好。", ".md"),
    ],
    ids=["text", "markdown"],
)
def test_a_table_of_contents_does_not_double_the_outline(raw: str, suffix: str) -> None:
    document = import_text(raw, suffix)
    assert [s.label for s in document.walk()] == ["引言", "1 部署", "2 展望"]
    assert document.sections[0].text == "开场。"
    assert "目录" not in document.text


def test_furniture_before_the_first_heading_leaves_no_lead_in() -> None:
    raw = ("Notes\n\nHome › Notes › Bridges\n\nBy Jane Doe | May 1, 2024 | 5 min read\n\n1. Forces\n\nCables work in tension."
           "\n\n2. Wind\n\nWind twists decks.\n\nTags: bridges, wind\n\n© 2024 Notes")
    document = import_text(raw)
    assert [s.label for s in document.walk()] == ["1 Forces", "2 Wind"]
    assert document.sections[-1].text == "Wind twists decks."


def test_a_heading_that_is_only_its_number_is_named_once() -> None:
    document = import_text("# Notes\n\n## Chapter 3\n\nThe club met weekly.\n\n## 第三章\n\n读书会每周见面。\n", ".md")
    assert [s.label for s in document.walk()] == ["Chapter 3", "第三章"]
