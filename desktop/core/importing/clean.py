"""Web-page noise removal by general rules (no site is special-cased).

Noise: "related articles" tails and everything after them, image placeholders,
bare URLs, and the boilerplate lead-ins and sign-offs that aggregator sites wrap
around an article ("本文主要是介绍…希望对大家有所帮助").
"""
from __future__ import annotations

import re

from desktop.core.importing.blocks import PARAGRAPH, Block

_RELATED = re.compile(
    r"^(相关文章|相关阅读|相关推荐|推荐阅读|延伸阅读|热门文章|热门推荐|猜你喜欢|精彩推荐|往期推荐|往期回顾|更多阅读"
    r"|related (articles?|posts?|reading|stories)|read more|read next|you (may|might) also like|recommended( reading| for you)?"
    r"|more from [\w ]+|further reading)\s*[:：]?$",
    re.IGNORECASE,
)
_IMAGE = re.compile(
    r"^(在这里插入图片描述|图片描述|这里写图片描述|插入图片|图片|image|img|picture|photo|figure)$", re.IGNORECASE
)
_IMAGE_TOKEN = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[(?:image|img|图片|图像|photo|picture)[^\]]{0,20}\]", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。、）)]+", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(原文链接|原文地址|文章链接|本文链接|来源|出处|source|link|url)\s*[:：]?\s*$", re.IGNORECASE)
_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(希望|但愿).{0,60}(有所帮助|有帮助|参考价值|提供.{0,6}参考|支持)",
        r"小编",
        r"(就介绍到这|就介绍到这儿|就介绍到这里|以上就是.{0,60}(全部|所有)?内容)",
        r"(感兴趣的|需要的)(朋友|小伙伴|开发者|同学)",
        r"(转载请注明|版权声明|版权归.{0,20}所有|未经允许)",
        r"^(thanks|thank you) for reading",
        r"^if you (found|liked|enjoyed) (this|the) (post|article)",
        r"(all rights reserved|subscribe to (our|my) newsletter|share this (post|article))",
    )
]
# Boilerplate only ever wraps an article; looking further in would risk a real sentence
# that happens to say "希望…帮助".
_EDGE = 3


def clean(blocks: list[Block]) -> list[Block]:
    """Drop the noise from a page's blocks.

    Args:
        blocks: headings and paragraphs in reading order.
    Returns:
        The blocks that carry the article, with URLs and image tokens removed from their text.
    """
    kept = []
    for block in _before_related(blocks):
        text = _strip_inline_noise(block.text)
        if text and not _IMAGE.match(text) and not _SOURCE_LABEL.match(text):
            kept.append(Block(block.kind, text, block.level))
    return _drop_edge_boilerplate(kept)


def _before_related(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        if _RELATED.match(block.text.strip().strip("#*_ ").strip()):
            return blocks[:index]
    return blocks


def _strip_inline_noise(text: str) -> str:
    text = _IMAGE_TOKEN.sub("", text)
    text = _URL.sub("", text)
    text = re.sub(r"[ \t\u00a0\u3000]+", " ", text).strip()
    # a line that was only a URL leaves punctuation such as "链接：" or "()" behind
    if not re.search(r"\w", text):
        return ""
    return text


def _drop_edge_boilerplate(blocks: list[Block]) -> list[Block]:
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == PARAGRAPH]
    edge = set(paragraphs[:_EDGE] + paragraphs[-_EDGE:])
    return [b for i, b in enumerate(blocks) if not (i in edge and is_boilerplate(b.text))]


def is_boilerplate(text: str) -> bool:
    """True for a site's sign-off or lead-in sentence."""
    return any(pattern.search(text) for pattern in _BOILERPLATE)
