"""Markdown and saved web pages: the same outline as the plain text, and hostile markup stays inert."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.core.importing import ImportFailed, import_file, import_text
from desktop.core.importing.formats import read_markdown, strip_inline
from desktop.core.importing.html_page import read_html

DATA = Path(__file__).parent / "data"
NOISE = ("小编", "参考价值", "有所帮助", "插入图片", "example.com", "原文链接", "推荐阅读", "相关文章", "列表推导式",
         "HashMap", "SpringBoot", "Redis", "编程之家", "首页", "广告", "alert", "Copyright")


def labels(document) -> list[tuple[str, int]]:
    return [(s.label, s.level) for s in document.walk()]


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_markdown_and_html_versions_give_the_text_versions_outline(suffix: str) -> None:
    text_version = import_file(DATA / "import_zh_speech.txt")
    other = import_file(DATA / f"import_zh_speech{suffix}")
    assert other.outline_json() == text_version.outline_json()
    assert other.text == text_version.text
    assert other.id == text_version.id  # one document, whatever format it came in


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_no_noise_from_markdown_or_web_page(suffix: str) -> None:
    document = import_file(DATA / f"import_zh_speech{suffix}")
    for noise in NOISE:
        assert noise not in document.text, noise


def test_markdown_headings_nest_by_level_without_numbers() -> None:
    raw = "# Scaling Laws\n\nLead-in words.\n\n## Compute\n\nGPUs.\n\n### Memory\n\nBandwidth.\n\n## Data\n\nTokens."
    document = import_text(raw, ".md")
    assert document.title == "Scaling Laws"
    assert labels(document) == [("Introduction", 1), ("Compute", 1), ("Memory", 2), ("Data", 1)]


def test_markdown_mixes_numbered_and_unnumbered_headings_by_level() -> None:
    raw = ("# Doc\n\n## 1. Compute\n\nOne.\n\n### Summary\n\nSum.\n\n## Appendix\n\nApp.\n\n"
           "## 2. Data\n\nData.\n\n### 2.1 Quality\n\nClean.")
    assert labels(import_text(raw, ".md")) == [
        ("1 Compute", 1), ("Summary", 2), ("Appendix", 1), ("2 Data", 1), ("2.1 Quality", 2)]


def test_markdown_setext_headings_and_front_matter() -> None:
    raw = ("---\ntitle: \"Scaling Laws\"\ndate: 2024-01-01\n---\n\nScaling Laws\n============\n\nLead.\n\n"
           "1. Compute\n----------\n\nCompute text.\n\n2. Data\n-------\n\nData text.\n")
    document = import_text(raw, ".md")
    assert document.title == "Scaling Laws"
    assert labels(document) == [("Introduction", 1), ("1 Compute", 1), ("2 Data", 1)]
    assert "date:" not in document.text


def test_front_matter_title_is_used_when_no_heading_names_one() -> None:
    document = import_text("---\ntitle: Front Title\n---\n\nFirst words.\n\n## 1. Part\n\nText.\n\n## 2. More\n\nText.", ".md")
    assert document.title == "Front Title"
    assert document.sections[0].text == "First words."


def test_markdown_lists_and_numbered_items_are_paragraphs_not_headings() -> None:
    raw = "# T\n\n## 1. Data\n\nSources:\n\n1. Web pages\n2. Books\n- Papers\n\n## 2. Model\n\nBig."
    document = import_text(raw, ".md")
    assert labels(document) == [("1 Data", 1), ("2 Model", 1)]
    assert document.sections[0].paragraphs == ["Sources:", "1. Web pages", "2. Books", "Papers"]


def test_markdown_soft_wrapped_lines_form_one_paragraph() -> None:
    document = import_text("# T\n\n第一句话。\n第二句话。\n\nFirst line\nsecond line.", ".md")
    assert document.sections[0].paragraphs == ["第一句话。第二句话。", "First line second line."]


def test_markdown_code_is_dropped_and_its_comments_are_not_headings() -> None:
    document = import_text("# T\n\nText.\n\n```python\n# comment\nx = a * b * c\n```\n\nMore.", ".md")
    assert labels(document) == [("Introduction", 1)]
    assert document.sections[0].paragraphs == ["Text.", "More."]


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**粗体**和*斜体*", "粗体和斜体"),
        ("在*北京*做讲座", "在北京做讲座"),
        ("see [the paper](https://a.example/p) now", "see the paper now"),
        ("an image ![alt](a.png) here", "an image  here"),
        ("`code` stays", "code stays"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("raw <img src=\"x.png\" onerror=\"alert(1)\"> html<br>", "raw  html"),
    ],
)
def test_inline_markdown_becomes_plain_text(markdown: str, plain: str) -> None:
    assert strip_inline(markdown) == plain


def test_html_title_from_h1_else_from_title_tag() -> None:
    assert read_html("<html><title>Tab - Site</title><body><h1>Real Title</h1><p>x</p></body></html>").title == "Real Title"
    assert read_html("<html><head><title>文章标题_博客名-CSDN博客</title></head><body><p>正文。</p></body></html>").title == "文章标题"
    assert read_html("<html><head><title>Post Name | Blog</title></head><body><p>Body.</p></body></html>").title == "Post Name"


def test_html_takes_the_article_and_drops_page_furniture() -> None:
    page = """<html><head><title>My Post | Blog</title></head>
    <body class="single no-sidebar has-comments">
    <div role="navigation">Home About</div><div class="site-header">Blog name</div>
    <main class="content with-sidebar"><h1 class="entry-title">My Post</h1>
    <div class="entry-content"><p>First paragraph of the post is here.</p>
    <h2>1. Part one</h2><p>Part one text.</p><h2>2. Part two</h2><p>Part two text.</p></div>
    <div id="comments">Nice post! Bob</div><div class="share-buttons">Share on X</div></main>
    <aside>Popular posts</aside><footer>© Blog</footer></body></html>"""
    document = import_text(page, ".html")
    assert document.title == "My Post"
    assert labels(document) == [("Introduction", 1), ("1 Part one", 1), ("2 Part two", 1)]
    for furniture in ("Home", "Blog name", "Nice post", "Share on", "Popular", "©"):
        assert furniture not in document.text


def test_html_entities_are_decoded() -> None:
    page = read_html("<html><body><h1>T</h1><p>A &amp; B &lt;tag&gt; &#20013;&#25991; caf&eacute;</p></body></html>")
    assert page.blocks[0].text == "A & B <tag> 中文 café"


def test_hostile_page_yields_only_its_text() -> None:
    document = import_file(DATA / "import_hostile.html")
    assert document.title == "Safe Reading"
    assert document.sections[0].paragraphs == [
        "The first paragraph is real text.", "Second paragraph has unclosed tags",
        "Third block inside unclosed tags.", "Word list marker.", "Last paragraph before the end."]
    for hostile in ("alert", "Steal", "Injected", "svg text", "iframe", "JavaScript", "comment that never"):
        assert hostile not in document.text, hostile


@pytest.mark.parametrize(
    "markup",
    ["<![ foo", "<![--><!--&#=>x\"]]><", "<!", "</", "<a <<<>>> <p/<p", "<p>&#99999999999; &#0; &#xD800;",
     "<![CDATA[ never closed", "<?php echo 1", "<p title='unterminated>text"],
)
def test_malformed_markup_never_raises(markup: str) -> None:
    read_html(f"<html><body><h1>Title</h1><p>Real text.</p>{markup}")


@pytest.mark.parametrize(
    ("name", "markup"),
    [
        ("deep-closed", "<div>" * 50_000 + "Deep text." + "</div>" * 50_000),
        ("deep-stray-ends", "<span>" * 40_000 + "Deep text." + "</b>" * 40_000),
        ("unclosed-comments", "<p>Deep text.</p>" + "<!--x" * 40_000),
        ("unclosed-tags", "<p>Deep text.</p>" + "<a" * 40_000),
        ("unclosed-end-tags", "<p>Deep text.</p>" + "</" * 40_000),
        ("unclosed-instructions", "<p>Deep text.</p>" + "<?x" * 40_000),
    ],
)
def test_deep_or_unterminated_markup_is_read_quickly(name: str, markup: str) -> None:
    started = time.perf_counter()
    document = import_text(f"<html><body><h1>Title</h1>{markup}</body></html>", ".html")
    assert time.perf_counter() - started < 3, name
    assert document.sections[0].paragraphs[0] == "Deep text."


def test_page_of_only_scripts_and_menus_has_no_article() -> None:
    page = "<html><head><script>alert(1)</script></head><body><nav>Home</nav><footer>©</footer></body></html>"
    with pytest.raises(ImportFailed, match=r"^The file has no article text to study\.$"):
        import_text(page, ".html")


def test_html_is_recognised_without_its_suffix() -> None:
    page = "<!DOCTYPE html><html><body><h1>T</h1><script>x()</script><p>Body text.</p></body></html>"
    document = import_text(page, ".txt")
    assert document.title == "T"
    assert "x()" not in document.text


def test_markdown_page_with_only_a_heading_has_no_article() -> None:
    with pytest.raises(ImportFailed):
        import_text("# Only a title\n", ".md")


def test_read_markdown_returns_title_and_blocks() -> None:
    page = read_markdown("# Title\n\n## 1. A\n\nText.")
    assert page.title == "Title"
    assert [(b.kind, b.text, b.level) for b in page.blocks] == [("heading", "1. A", 2), ("paragraph", "Text.", 0)]


def test_html_headings_h2_to_h6_nest_by_their_level() -> None:
    page = ("<html><head><title>Levels | Site</title></head><body><article>"
            + "".join(f"<h{n}>Level {n}</h{n}><p>Text {n}.</p>" for n in range(2, 7))
            + "<h2>Back to top</h2><p>Last.</p></article></body></html>")
    document = import_text(page, ".html")
    assert document.title == "Levels"
    assert labels(document) == [("Level 2", 1), ("Level 3", 2), ("Level 4", 3), ("Level 5", 4), ("Level 6", 5),
                                ("Back to top", 1)]
    assert document.sections[0].children[0].children[0].children[0].children[0].text == "Text 6."
