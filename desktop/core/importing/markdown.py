"""Markdown → Page, parsed by markdown-it-py (CommonMark): only prose becomes blocks.

Code (fenced or indented), math, footnote definitions, HTML comments, HTML blocks without prose
(img, figure, script…) and images go; links keep their visible words; every list item is flagged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block, Page, glue
from desktop.core.importing.clean import is_furniture
from desktop.core.importing.html_page import html_blocks
from desktop.core.importing.markup import front_matter, prepare

_PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]) \
    .use(dollarmath_plugin, double_inline=True).use(footnote_plugin)
_SKIPPED = {"fence", "code_block", "math_block", "math_block_label", "hr", "footnote_anchor"}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PROSE_END = re.compile(r"[。！？；]")
# a link whose words are an address ("[mp.weixin.qq.com](…)") names where the page came from
_ADDRESS = re.compile(r"^(?:https?://|www\.)\S*$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", re.I)
_SIMPLE_MATH = re.compile(r"^[A-Za-z0-9_^{}()+\-*/=,.'\s]{1,40}$")  # "$d_k$" reads as text; "$\frac…$" does not
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.I)
_SENTENCE_END = re.compile(r"[。！？!?.;；:：]")


@dataclass
class _Inline:
    """One inline run as plain text, with how much of it is link words (navigation is all links)."""
    text: str = ""
    link_chars: int = 0
    address_link: bool = False
    lines: list[str] = field(default_factory=list)


def read_markdown(text: str) -> Page:
    """A Markdown page: headings from # (and setext underlines); only prose kept.

    Args:
        text: the decoded file.
    Returns:
        The page; its title is the front matter's, else the first heading before any paragraph,
        else the first line.
    """
    text, front_title = front_matter(text)
    blocks = _blocks(_PARSER.parse(prepare(text)))
    if front_title and not (blocks and blocks[0].kind == HEADING and blocks[0].level == 1):
        blocks.insert(0, Block(HEADING, front_title, 1))  # the front matter names the title a "# " line would
    return _page_with_title(blocks)


def _blocks(tokens: list[Token]) -> list[Block]:
    blocks: list[Block] = []
    items: list[str] = []  # for each open list item: its number ("" for a bullet) until its first paragraph
    depth = {"footnote": 0, "item": 0}
    row: list[str] = []
    heading, last_level = 0, 1
    previous = ""
    for token in tokens:
        kind, before, previous = token.type, previous, token.type
        if kind == "footnote_block_open":
            depth["footnote"] += 1
        elif kind == "footnote_block_close":
            depth["footnote"] -= 1
        elif depth["footnote"] or kind in _SKIPPED and kind != "code_block":
            continue
        elif kind == "code_block":
            blocks.extend(_prose_in_code(token.content))
        elif kind == "list_item_open":
            depth["item"] += 1
            items.append(f"{token.info}{token.markup} " if token.info else "")
        elif kind == "list_item_close":
            depth["item"] -= 1
            items.pop()
        elif kind == "heading_open":
            heading = int(token.tag[1:])
        elif kind == "heading_close":
            heading = 0
        elif kind == "html_block":
            blocks.extend(html_blocks(token.content, item=depth["item"] > 0))
        elif kind == "tr_close":
            if any(row):
                blocks.append(Block(PARAGRAPH, " | ".join(row)))
            row = []
        elif kind == "inline":
            inline = _inline(token.children or [])
            if before in ("th_open", "td_open"):
                row.append(glue_lines(inline.lines))
            elif heading:
                blocks.append(Block(HEADING, glue_lines(inline.lines), heading))
                last_level = heading
            elif not depth["item"] and _bold_title(token.children or [], inline.text):
                # "**Building a strong culture**" on a line of its own: a heading written in bold
                blocks.append(Block(HEADING, inline.text, min(last_level + 1, 6)))
            elif (block := _paragraph(inline, items, depth["item"] > 0)) is not None:
                blocks.append(block)
    return [b for b in blocks if b.text]


def _paragraph(inline: _Inline, items: list[str], item: bool) -> Block | None:
    """A paragraph's block, or None for navigation: words that are all links, or a source link's line."""
    lines = [line for line in inline.lines if not (len(inline.lines) > 1 and is_furniture(line))]
    text = glue_lines(lines)
    visible = len(re.sub(r"[\W_]", "", text))
    if inline.link_chars and inline.link_chars >= visible and not (len(text) > 80 and _PROSE_END.search(text)):
        return None
    if inline.address_link and len(text) <= 20 and not _SENTENCE_END.search(text):
        return None
    if items and items[-1]:
        text = items[-1] + text  # "1. " stays on an ordered item, as it stood in the source
        items[-1] = ""
    return Block(PARAGRAPH, text, item=item)


def _inline(children: list[Token]) -> _Inline:
    """Inline tokens → plain lines; images, footnote references and markup go."""
    out = _Inline()
    current: list[str] = []
    link_depth = 0
    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak") or kind == "html_inline" and _BREAK_TAG.match(child.content):
            out.lines.append("".join(current))
            current = []
        elif kind in ("text", "code_inline"):
            words = child.content
            if link_depth and _ADDRESS.match(words.strip()):
                out.address_link, words = True, ""
            elif link_depth:
                out.link_chars += len(re.sub(r"[\W_]", "", words))
            current.append(words)
        elif kind == "math_inline" and _SIMPLE_MATH.match(child.content):
            current.append(child.content.replace("{", "").replace("}", ""))
        elif kind == "link_open":
            link_depth += 1
        elif kind == "link_close":
            link_depth -= 1
    out.lines.append("".join(current))
    out.lines = [line.strip() for line in out.lines if re.search(r"\w", line)]
    out.text = glue_lines(out.lines)
    return out


def _bold_title(children: list[Token], text: str) -> bool:
    """Whether a paragraph is all bold, short and unpunctuated: a title, not a sentence."""
    kinds = [c.type for c in children if c.type != "softbreak" and not (c.type == "text" and not c.content.strip())]
    short = len(text) <= 30 if _CJK.search(text) else len(text.split()) <= 10
    return len(kinds) >= 3 and kinds[0] == "strong_open" and kinds[-1] == "strong_close" \
        and kinds.count("strong_open") == 1 and short and not _SENTENCE_END.search(text)


def glue_lines(lines: list[str]) -> str:
    lines = [line.strip() for line in lines if line.strip()]
    return re.sub(r"[ \t]+", " ", glue(lines)).strip() if lines else ""


def _prose_in_code(content: str) -> list[Block]:
    """An indented "code block" of Chinese sentences is prose indented by its author, not code."""
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    text = glue(lines) if lines else ""
    if text and len(_CJK.findall(text)) * 2 > len(text) and _PROSE_END.search(text):
        return [Block(PARAGRAPH, text)]
    return []


def _page_with_title(blocks: list[Block]) -> Page:
    if not blocks:
        return Page()
    has_headings = sum(1 for b in blocks if b.kind == HEADING) >= 2
    first = blocks[0]
    title = first.text
    rest = blocks[1:]
    if first.kind == HEADING and first.level > 1 and any(b.kind == HEADING and b.level < first.level for b in rest):
        title, rest = "", blocks  # the first heading is a section, not the title
    return Page(title=title, blocks=rest, explicit_headings=has_headings)
