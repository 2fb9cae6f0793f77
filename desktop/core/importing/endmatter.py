"""End matter and apparatus: what follows or frames an article without being its prose.

Sections titled like references, further reading or exercises go with their content; so do
citation lines (author lists with years, publishers), everything after an end marker ("THE END",
"全文完") near the end, and an author byline among the first paragraphs.
"""
from __future__ import annotations

import re

from desktop.core.importing.blocks import HEADING, Block

_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.、)]?|[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]"
                        r"|第[\d一二三四五六七八九十]+[章节篇部])\s*")
_END_MATTER = re.compile(
    r"(?:参考|參考)(?:文献|文獻|资料|資料|链接|鏈接|連結|书目|書目)?|引用文献|延伸(?:阅读|閱讀)|(?:推荐|推薦|扩展|拓展|进一步|相关|相關)"
    r"(?:阅读|閱讀|文章|链接|鏈接|资源|資源)|学习资源|學習資源|(?:课后)?(?:练习|練習|习题|習題|作业|作業|思考题|思考題)(?:题|題|与思考)?"
    r"|(?i:references?|bibliography|works cited|citations|further reading|additional reading|suggested reading"
    r"|recommended reading|reading list|(?:additional |external |learning )?resources|external links|see also"
    r"|exercises?|problems(?: and exercises)?|quiz(?:zes)?|homework|review questions|self[- ]check)",
)
_TITLE_PARTS = re.compile(r"\s*[/|｜（()）]\s*|(?<=[^\x00-\x7f])\s*(?=[A-Za-z])")
_YEAR = r"(?:1[6-9]|20)\d{2}[a-z]?"
_NAME = r"[A-Z][\w'’\-]+"
_PUBLISHER = r"(?:Press|Publishing|Publishers|Elsevier|Springer|Wiley|Saunders|McGraw[- ]Hill|Garland Science|出版社)"
# an author list opens a reference: "Kunda, Z.", "Abbas AK, Lichtman AH.", "Edwards, Smith.", "Westen et al.";
# with a year later on it is a citation ("Today, Python, Go and Rust…" has no such opening)
_CITATION = [re.compile(p) for p in (
    rf"^(?:\[\d+\]\s*)?{_NAME},\s+[A-Z]{{1,3}}\.(?:\s*[A-Z]\.)*.*\b{_YEAR}\b",
    rf"^(?:\[\d+\]\s*)?{_NAME}\s+[A-Z]{{1,3}}[,.]\s.*\b{_YEAR}\b",
    rf"^(?:\[\d+\]\s*)?(?:{_NAME},\s+){{1,6}}{_NAME}\.\s.*\b{_YEAR}\b",
    rf"^(?:\[\d+\]\s*)?{_NAME}\s+et al\.?[.,]?\s.*\b{_YEAR}\b",
    rf"\b{_PUBLISHER}\b.*\b{_YEAR}\b|\b{_YEAR}\b.*\b{_PUBLISHER}\b",
    r"\b(?:doi:\s*10\.|arXiv:\s*\d|ISBN[\s:-]*\d)",
    rf"^\[\d+\]\s*\S.{{0,200}}\b{_YEAR}\b",  # a numbered reference entry
)]
_MAX_CITATION = 400
_END_MARKER = re.compile(r"(?:the\s*end|end|全文完|[（(]?完[)）]|[-—–=~]+\s*(?:the\s*)?end\s*[-—–=~]+|[-—–=~]+\s*完\s*[-—–=~]+)",
                         re.I)
_BYLINE = re.compile(r"^(?:作者|文|撰文|译者|譯者|编者|編者|(?i:author|written by))\s*[:：/]")
_MAX_BYLINE = 120
_LEAD = 3  # a byline stands among the first paragraphs
_SENTENCE_END = re.compile(r"[。！？!?.;；]")
_PROSE = 20  # the article starts at its first paragraph this long that ends a sentence
_LABEL = 12  # a page's menu label or toggle is shorter than this
_PROMO = 60
_FOOTER = re.compile(r"^\s*(?:©|(?i:copyright\b))|如有侵权|版权所有|(?i:all rights reserved)")


def drop_end_matter(blocks: list[Block]) -> list[Block]:
    """The blocks without end-matter sections, citations, what follows an end marker, and a leading byline.

    Args:
        blocks: headings and paragraphs in reading order.
    Returns:
        The blocks of the article itself.
    """
    blocks = _before_end_marker(blocks)
    kept: list[Block] = []
    skip_level = 0  # while > 0: inside an end-matter section opened by a heading of this level
    in_plain_section = False  # inside one opened by a plain-text title line: runs while its entries do
    for block in blocks:
        if block.kind == HEADING and skip_level and block.level <= skip_level:
            skip_level = 0
        if skip_level:
            continue
        if is_end_matter_title(block.text):
            if block.kind == HEADING:
                skip_level = block.level or 1
            else:
                in_plain_section = True
            continue
        if in_plain_section and (block.item or is_citation(block.text) or len(block.text) <= 120):
            continue
        in_plain_section = False
        if not is_citation(block.text):
            kept.append(block)
    return _without_byline(kept)


def is_end_matter_title(text: str) -> bool:
    """Is the heading one of end matter ("参考文献", "3. Further reading", "Exercises:")?"""
    title = _NUMBERING.sub("", text.strip().strip("#*_ ")).strip().rstrip(":：")
    # bilingual headings name it twice: "參考文獻 References", "延伸阅读 / Further reading"
    parts = [p for p in _TITLE_PARTS.split(title) if p]
    return len(title) <= 40 and bool(parts) and all(_END_MATTER.fullmatch(p) for p in parts)


def is_citation(text: str) -> bool:
    """A whole block that is a bibliographic reference (authors, title, venue, year), not a sentence about one."""
    text = text.strip()
    return len(text) <= _MAX_CITATION and any(pattern.search(text) for pattern in _CITATION)


def _before_end_marker(blocks: list[Block]) -> list[Block]:
    """Cut at "THE END"/"全文完" in the second half: what follows is a page's sign-off and promotion."""
    for index in range(len(blocks) // 2, len(blocks)):
        if _END_MARKER.fullmatch(blocks[index].text.strip().strip("*_ ")):
            return blocks[:index]
    return blocks


def without_page_chrome(blocks: list[Block], title: str) -> list[Block]:
    """Drop copies of the title, and the short labels a page puts before its article ("黑夜模式", "Menu").

    Only used where the format marks its headings: in plain text a short line may be a heading.
    """
    key = _key(title)
    kept = [b for b in blocks if b.kind == HEADING or _key(b.text) != key]
    start = next((i for i, b in enumerate(kept) if b.kind != HEADING and len(b.text) >= _PROSE
                  and _SENTENCE_END.search(b.text)), 0)
    return [b for i, b in enumerate(kept)
            if i >= start or b.kind == HEADING or len(b.text) > _LABEL or _SENTENCE_END.search(b.text)]


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def before_footer(blocks: list[Block]) -> list[Block]:
    """Cut at a copyright or site notice in the last quarter: what follows is the site's footer.

    The short unpunctuated lines right before it (app and shop promotions) belong to the footer too.
    """
    for index in range(len(blocks) - len(blocks) // 4, len(blocks)):
        if _FOOTER.search(blocks[index].text[:_LABEL * 5]):
            while index > 0 and blocks[index - 1].kind != HEADING and len(blocks[index - 1].text) <= _PROMO \
                    and not _SENTENCE_END.search(blocks[index - 1].text[-1:]):
                index -= 1
            return blocks[:index]
    return blocks


def _without_byline(blocks: list[Block]) -> list[Block]:
    paragraphs = [i for i, b in enumerate(blocks) if b.kind != HEADING][:_LEAD]
    drop = {i for i in paragraphs if len(blocks[i].text) <= _MAX_BYLINE and _BYLINE.match(blocks[i].text)}
    return [b for i, b in enumerate(blocks) if i not in drop]
