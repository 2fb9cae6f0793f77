"""Web-page noise removal by general rules (no site is special-cased).

Noise: "related articles" tails and everything after them, image placeholders,
bare URLs, and the boilerplate lead-ins and sign-offs that aggregator sites wrap
around an article ("本文主要是介绍…希望对大家有所帮助").
"""
from __future__ import annotations

import re

from desktop.core.importing.blocks import PARAGRAPH, Block
from desktop.core.text import has_cjk, split_sentences

_RELATED = re.compile(
    r"^((相关|推荐|热门|精彩|往期|延伸|更多|同类)(文章|阅读|推荐|内容|博文|回顾)(推荐|列表)?|猜你喜欢"
    r"|related (articles?|posts?|reading|stories|content)|read next|you (may|might) also like|recommended( reading| for you)?"
    r"|more from [\w ]+|further reading)\s*[:：]?$",
    re.IGNORECASE,
)
_IMAGE = re.compile(
    r"^(在这里插入图片描述|图片描述|这里写图片描述|插入图片|图片|image|img|picture|photo|figure)$", re.IGNORECASE
)
_IMAGE_TOKEN = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[(?:image|img|图片|图像|photo|picture)[^\]\n]{0,80}\]", re.IGNORECASE)
# URLs are ASCII: stop at the first Chinese character ("访问https://a.cn获取…"), and leave a
# sentence's own closing punctuation ("see https://a.cn/x.") in place.
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]+(?<![.,;:!?\]])", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"[(（\[【<《]\s*[)）\]】>》]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"[ \t\u00a0\u3000]+(?=[.,;:!?。，、；：！？])")
_SENTENCE = re.compile(r"[。！？.!?](?=\s|$|[^\w.])")  # menu items and link titles end in none
_SOURCE_LABEL = re.compile(r"^(原文链接|原文地址|文章链接|本文链接|来源|出处|source|link|url)\s*[:：]?\s*$", re.IGNORECASE)
_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(希望|但愿).{0,60}(有所帮助|有帮助|参考价值|提供.{0,6}参考|支持)",
        r"(具有|有)一定的?(参考|借鉴|学习)+(价值|意义)",
        r"感兴趣的.{0,12}(了解|学习|看看)一下",
        r"(文中|本文)通过.{0,20}(介绍|讲解)得?的?非常详细",
        r"小编",
        r"(就介绍到这|就介绍到这儿|就介绍到这里|以上就是.{0,60}(全部|所有)?内容)",
        r"(感兴趣的|需要的)(朋友|小伙伴|开发者|同学)",
        r"(转载请注明|版权声明|版权归.{0,20}所有|未经允许)",
        r"^(thanks|thank you) for reading",
        r"^if you (found|liked|enjoyed) (this|the) (post|article)",
        r"^(i )?hope (this|it|the above|that)( article| post| tutorial| guide)? (helps|was helpful|is helpful|helped)",
        r"(all rights reserved|subscribe to (our|my) newsletter|share this (post|article))",
    )
]
# An aggregator's lead-in describes the article ("本文主要介绍了…"); such a sentence is noise
# only beside a boilerplate sentence, since a real abstract may start the same way.
_SELF_SUMMARY = re.compile(r"^(本文|这篇文章|这篇文|本篇)(主要)?(是|将)?(介绍|讲解|讲述|分享|总结)")
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
    """Cut a "相关文章" list and all after it; a marker before any article text is only a menu item."""
    kept: list[Block] = []
    article_started = False
    for block in blocks:
        if _RELATED.match(block.text.strip().strip("#*_ ").strip()):
            if article_started:
                break
            continue
        kept.append(block)
        article_started = article_started or (block.kind == PARAGRAPH and bool(_SENTENCE.search(block.text)))
    return kept


def _strip_inline_noise(text: str) -> str:
    stripped = _URL.sub("", _IMAGE_TOKEN.sub("", text))
    if stripped != text:
        # what held the URL or image is left behind: "()" and a space before the full stop
        stripped = _SPACE_BEFORE_PUNCTUATION.sub("", _EMPTY_BRACKETS.sub("", stripped))
    stripped = re.sub(r"[ \t\u00a0\u3000]+", " ", stripped).strip()
    # a line that was only a URL leaves punctuation such as "链接：" behind
    return stripped if re.search(r"\w", stripped) else ""


def _drop_edge_boilerplate(blocks: list[Block]) -> list[Block]:
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == PARAGRAPH]
    edge = set(paragraphs[:_EDGE] + paragraphs[-_EDGE:])
    kept = []
    for index, block in enumerate(blocks):
        text = _without_boilerplate(block.text) if index in edge else block.text
        if text:
            kept.append(Block(block.kind, text, block.level))
    return kept


def _without_boilerplate(paragraph: str) -> str:
    """The paragraph without its boilerplate sentences (a real sentence before a sign-off stays)."""
    sentences = [text for text, _, _ in split_sentences(paragraph)]
    noise = [is_boilerplate(text) for text in sentences]
    if not any(noise):
        return paragraph
    kept = [text for text, bad in zip(sentences, noise) if not bad and not _SELF_SUMMARY.match(text)]
    return ("" if has_cjk(paragraph) else " ").join(kept)


def is_boilerplate(text: str) -> bool:
    """True for a site's sign-off or lead-in sentence."""
    return any(pattern.search(text) for pattern in _BOILERPLATE)
