"""Only prose reaches the document: each class of non-prose in Markdown, reST and HTML is removed."""
from __future__ import annotations

import pytest

from desktop.core.document import Document
from desktop.core.importing import import_text
from desktop.core.importing.endmatter import is_citation, is_end_matter_title


def sentences(document: Document) -> list[str]:
    return [s.text for section in document.walk() for s in section.sentences]


def body(document: Document) -> str:
    return " ".join([document.title] + [s.label for s in document.walk()] + sentences(document))


LEAD = "# Tea\n\nGreen tea is steamed soon after picking.\n\n"


@pytest.mark.parametrize(
    ("noise", "marker"),
    [
        ("```python\nbrew(leaves=3)\n```", "brew"),
        ("    brew(leaves=3)\n    steep()", "brew"),
        ("$$\nE = mc^2\n$$", "mc^2"),
        ("<!-- An old English draft: Kettle notes -->", "Kettle"),
        ("<center><img src='pot.png'/></center>", "pot.png"),
        ("<script>track('visit')</script>", "track"),
        ("<figure><img src='cup.jpg'><figcaption>A cup, photo by Ann Roe</figcaption></figure>", "Ann Roe"),
        ("![a kettle on the stove](kettle.jpg)", "kettle"),
        ('{{< figure src="leaf.jpeg" caption="Leaf of the day" >}}', "Leaf of the day"),
        ('{% include video.html videoid="abc123" credit="Video: Bo Lin" %}', "Bo Lin"),
        ('{{video "https://video.example/embed/xyz"}}', "xyz"),
        ("{{raw `\n\tfunc Brew() {}\n`}}", "Brew"),
        ("Say hello.[^1]\n\n[^1]: Footnote about Kettle Corp.", "Kettle Corp"),
        ("See [the guide][1].\n\n[1]: http://links.example/guide", "links.example"),
        ("* [Home](/)\n* [Hot list](/hot)\n* [Night mode](/dark)", "Hot list"),
        ("[news.example.com](http://news.example.com/a?b=1)TeaDaily", "TeaDaily"),
        ("** Brown, A. Leaf chemistry. Journal of Tea 3 (1999).", "Brown"),
        ("\\*\\* = motivated drinking", "motivated drinking"),
    ],
)
def test_markdown_non_prose_is_removed(noise: str, marker: str) -> None:
    document = import_text(f"{LEAD}{noise}\n\nBlack tea is fully oxidised.\n", ".md")
    assert marker.lower() not in body(document).lower()
    assert "Black tea is fully oxidised." in sentences(document)
    assert "Green tea is steamed soon after picking." in sentences(document)


def test_quarto_fences_go_and_their_prose_stays() -> None:
    document = import_text(LEAD + '::: {.callout-note collapse="true"}\nOolong is partly oxidised.\n:::\n', ".md")
    assert "Oolong is partly oxidised." in sentences(document)
    assert ":::" not in body(document) and "callout" not in body(document)


def test_links_and_inline_html_keep_their_words() -> None:
    document = import_text(LEAD + "Read the [harvest notes](http://a.example/h) and <b>taste</b> it.\n", ".md")
    assert "Read the harvest notes and taste it." in sentences(document)


def test_toml_and_pelican_headers_give_the_title_and_go() -> None:
    toml = import_text('+++\ntitle = "Leaf Grades"\nslug = "leaf-grades"\n+++\n\nWhole leaves cost more.\n', ".md")
    pelican = import_text("Title: Leaf Grades\nDate: 2020-01-02\nSlug: leaf-grades\n\nWhole leaves cost more.\n", ".md")
    for document in (toml, pelican):
        assert document.title == "Leaf Grades"
        assert "leaf-grades" not in body(document)


def test_headings_glued_to_their_hashes_are_headings_but_hashtags_stay_prose() -> None:
    raw = "# 茶\n\n##绿茶 Basics\n\n绿茶不发酵。\n\n###再说 Oolong\n\n乌龙茶半发酵。\n\n#tea is a tag here.\n"
    document = import_text(raw, ".md")
    assert [s.label for s in document.walk()] == ["绿茶 Basics", "再说 Oolong"]
    assert "#tea is a tag here." in sentences(document)


@pytest.mark.parametrize("heading", ["参考文献", "參考文獻 References", "参考链接", "Exercises", "练习", "习题", "Quiz",
                                     "5. References", "See also"])
def test_end_matter_sections_go_with_their_content(heading: str) -> None:
    raw = (f"{LEAD}## Kinds\n\nWhite tea is withered.\n\n## {heading}\n\n- Some Title, Some Author\n"
           "- Another entry\n\n## Storage\n\nKeep tea dry.\n")
    document = import_text(raw, ".md")
    assert [s.label for s in document.walk()] == ["Introduction", "Kinds", "Storage"]
    assert "entry" not in body(document)
    assert "Keep tea dry." in sentences(document)


@pytest.mark.parametrize("heading", ["延伸阅读", "推荐阅读", "相关文章", "Further reading"])
def test_related_reading_ends_the_article(heading: str) -> None:
    raw = f"{LEAD}## Kinds\n\nWhite tea is withered.\n\n## {heading}\n\n- Some Title, Some Author\n- Another entry\n"
    document = import_text(raw, ".md")
    assert [s.label for s in document.walk()] == ["Introduction", "Kinds"]
    assert "entry" not in body(document)


def test_end_matter_titles_are_recognised_only_whole() -> None:
    assert is_end_matter_title("参考资料") and is_end_matter_title("## See also")
    assert not is_end_matter_title("References in Python") and not is_end_matter_title("练习的重要性")


@pytest.mark.parametrize("line", [
    "Kunda, Z. Motivated reasoning. Journal of Psychology 53 (1987).",
    "Abbas AK, Lichtman AH. Cellular Immunology. 9th ed. Elsevier; 2017.",
    "Sellier, Scopelliti, Morewedge. Debiasing training. Psychological Science 30 (2019).",
    "Westen et al. Neural bases of reasoning. Journal 18 (2006).",
    "[3] 张三. 茶叶化学. 北京: 农业出版社, 2010.",
])
def test_citation_lines_go(line: str) -> None:
    assert is_citation(line)
    document = import_text(f"{LEAD}Black tea is fully oxidised.\n\n{line}\n", ".md")
    assert line not in " ".join(sentences(document))


@pytest.mark.parametrize("sentence", [
    "Today, Python, Go and Rust are popular languages since 2009.",
    "In 1987, Kunda showed that people reason towards the conclusions they want.",
])
def test_sentences_about_people_and_years_are_not_citations(sentence: str) -> None:
    assert not is_citation(sentence)


def test_list_items_are_flagged_in_markdown_and_html() -> None:
    md = import_text(f"{LEAD}Three kinds:\n\n- green\n- black\n\n1. steam\n2. dry\n\nAfter the list.\n", ".md")
    flagged = {s.text: s.item for section in md.walk() for s in section.sentences}
    assert flagged["green"] and flagged["black"] and flagged["1. steam"] and flagged["2. dry"]
    assert not flagged["Three kinds:"] and not flagged["After the list."]
    page = ("<html><body><article><h1>Tea</h1><p>Kinds of tea we sell.</p><ul><li>Green tea.</li>"
            "<li>Black tea.</li></ul><p>Closing words here.</p></article></body></html>")
    html = import_text(page, ".html")
    flagged = {s.text: s.item for section in html.walk() for s in section.sentences}
    assert flagged["Green tea."] and flagged["Black tea."] and not flagged["Closing words here."]


def test_end_marker_share_prompts_and_footer_go() -> None:
    raw = (LEAD + "".join(f"Paragraph {n} says tea is good.\n\n" for n in range(6))
           + "**THE END**\n\n**如果喜欢我们的文章**\n\n可以点击右下角的在看\n\n[Open in App](http://app.example)\n")
    document = import_text(raw, ".md")
    assert sentences(document)[-1] == "Paragraph 5 says tea is good."


def test_copyright_footer_and_the_promotions_before_it_go() -> None:
    raw = (LEAD + "".join(f"Paragraph {n} says tea is good.\n\n" for n in range(6))
           + "> Get the [TeaApp client](http://t.example) now 📰\n\n© 2024 TeaSite. All rights reserved.\n\n"
           + "Author card: leaf lover\n")
    document = import_text(raw, ".md")
    assert sentences(document)[-1] == "Paragraph 5 says tea is good."


def test_a_byline_among_the_first_paragraphs_goes() -> None:
    raw = "# 茶\n\n> 作者：李四，茶农。点击观看视频回放。\n\n绿茶不发酵，保留了茶叶的天然物质。\n\n## 种类\n\n白茶轻微发酵。\n"
    document = import_text(raw, ".md")
    assert "李四" not in body(document) and "绿茶不发酵，保留了茶叶的天然物质。" in sentences(document)


def test_page_chrome_before_the_article_and_title_copies_go() -> None:
    raw = ("# 红茶的故事\n\n[ ]\n夜间模式\n\n红茶的故事\n\n红茶起源于中国福建，已有四百多年的历史，是全发酵茶。\n\n"
           "## 工艺\n\n红茶要经过萎凋、揉捻、发酵和干燥。\n")
    document = import_text(raw, ".md")
    assert sentences(document)[0] == "红茶起源于中国福建，已有四百多年的历史，是全发酵茶。"


REST = """.. _teahowto:

Tea HOW TO
**********

:Author: Jane Leaf

Tea is brewed with :func:`hot_water` and a `good pot <https://pots.example/x>`_.

Brewing
=======

Steep the leaves for :meth:`~kettle.Kettle.three` minutes:

.. doctest::

    >>> brew(3)
    'tea'

The result is :class:`~tea.Cup` of tea.

.. note::

   Water should not boil for green tea.

An example follows::

    pour(cup)

Cooling is slow.
"""


def test_restructuredtext_keeps_its_prose_and_outline_only() -> None:
    document = import_text(REST, ".txt")
    assert document.title == "Tea HOW TO"
    assert [s.label for s in document.walk()] == ["Introduction", "Brewing"]
    text = body(document)
    for noise in ("teahowto", "Jane Leaf", "doctest", ">>>", "brew(3)", "pots.example", ":func:", "pour(cup)"):
        assert noise not in text
    assert "Tea is brewed with hot_water and a good pot." in sentences(document)
    assert "Steep the leaves for three minutes:" in sentences(document)
    assert "The result is Cup of tea." in sentences(document)
    assert "Water should not boil for green tea." in sentences(document)
    assert "Cooling is slow." in sentences(document)


@pytest.mark.parametrize("opener", ["{{< ", "{% ", "{{raw `", "$$", "```", ".. doctest::\n"])
def test_unclosed_markup_is_read_quickly_and_keeps_the_prose(opener: str) -> None:
    document = import_text(f"{LEAD}{opener * 20000}\n\nBlack tea is fully oxidised.\n", ".md")
    assert "Green tea is steamed soon after picking." in sentences(document)


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_footnote_marks_in_running_text_go_but_emphasis_and_numbers_stay(suffix: str) -> None:
    text = ("# 茶\n\n绿茶的发酵程度最低\\*\\*\\*，杀青在采摘后立即进行。红茶是全发酵茶****。"
            "3乌龙茶介于两者之间（每 100 g 中 2 g 茶多酚）12。共有6种基本茶类。\n")
    found = sentences(import_text(text, suffix))
    assert found == ["绿茶的发酵程度最低，杀青在采摘后立即进行。", "红茶是全发酵茶。",
                     "乌龙茶介于两者之间（每 100 g 中 2 g 茶多酚）。", "共有6种基本茶类。"]


def test_a_bold_line_of_its_own_is_a_heading_but_a_bold_sentence_stays_prose() -> None:
    document = import_text("# Tea\n\n## Growing\n\nTea grows on hills.\n\n**Picking the leaves**\n\n"
                           "Leaves are picked by hand.\n\n**Only the top two leaves are picked.**\n", ".md")
    assert [s.title for s in document.walk()][-1] == "Picking the leaves"
    assert list(document.walk())[-1].sentences[-1].text == "Only the top two leaves are picked."
