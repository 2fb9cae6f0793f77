"""Sentences that hold no fact of the topic: page furniture, headings left in the text, questions.

The importer removes most of a web page's chrome, but a scraped article often keeps a byline, a
"发布时间:… 阅读(3826)" line, a "上一篇/下一篇" pair or a heading that was not recognised as one (a short
line without punctuation). Every rule family asks here first, so that no card quotes them. The
patterns are the generic vocabulary of web pages and sentence shape, never words of one text.
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from desktop.core.document import Sentence
from desktop.core.generate.base import Context
from desktop.core.generate.index import cached, sentence_key

# "发布时间:", "来源:", "责任编辑:", "上一篇:": a label that only pages put in front of their furniture
_ZH_LABEL = re.compile(r"^\s*[(（【\[]?(?:发布时间|发表时间|更新时间|发布日期|来源|本文来源|文章来源|作者|责任编辑|编辑|原标题|"
                       r"记者|摄影|撰文|分享到|分享|字号|标签|关键词|关键字|阅读|浏览|点击|评论|上一篇|下一篇|上一条|下一条|相关阅读|"
                       r"相关推荐|相关文章|推荐阅读|热门评论|热门推荐|延伸阅读|免责声明|版权声明|声明|扫码关注|"
                       r"Tags?|Share|Sources?|Authors?|Editor|Filed under|Related|References|Further reading|Credits?)\s*[:：]", re.I)
# "阅读(3826)", "评论 12", "2023-06-12 09:31:05": counters and time stamps
_COUNTER = re.compile(r"(?:阅读|浏览|评论|点赞|收藏|转发|点击)\s*[(（]?\s*\d+|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}")
_NOTICE = re.compile(r"侵权|版权所有|转载请|未经授权|禁止转载|all rights reserved|copyright\b|©|\bICP备|"
                     r"往期回顾|往期推荐|点击上方|点击蓝字|扫码关注|长按二维码|扫描二维码|扫码观看|扫一扫|\byou (?:might|may) also like\b|"
                     r"^\s*(?:sign up|subscribe|share this|advertisement|read more|related (?:coverage|articles|stories|posts)"
                     r"|more from|recommended for you)\b", re.I)
_BYLINE = re.compile(r"^(?:By|Written by|Reporting by)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}\s*(?:,|$|\|)|"
                     r"^(?:Published|Updated|Posted|Last updated)\b[^.]{0,40}\b\d{4}\b", re.I)
_BREADCRUMB = re.compile(r"\S\s*[>›»]\s*\S[^>›»]*[>›»]")
_BULLET_RUN = re.compile(r"^\s*[-•·*]\s.+\s[-•·*]\s")
_END = re.compile(r"[。！？!?.;；:：…]['\"”’」』）)]*\s*$")


# "问：", "答：", "Q:", "编者按：": who speaks in a transcript or a note, not what the sentence says
_SPEAKER = re.compile(r"^\s*(?:问|答|编者按|编者的话|Q|A)\s*[:：]\s*")


def unlabelled(ctx: Context) -> Context:
    """The context with a transcript's speaker label cut off its sentence, so that no front quotes it.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        `ctx` itself, or a copy whose sentence (and span) starts after the label; its card sources
        then quote the sentence without the label.
    """
    match = _SPEAKER.match(ctx.text)
    if not match or len(ctx.text) - match.end() < 4:
        return ctx
    sentence = Sentence(ctx.text[match.end():], ctx.sentence.start + match.end(), ctx.sentence.end)
    return dataclasses.replace(ctx, sentence=sentence)


def not_content(ctx: Context) -> bool:
    """Whether the context sentence is page furniture, a stray heading or a question (no card from it).

    Args:
        ctx: the sentence and its document.
    Returns:
        True when no rule family should make a card of the sentence (computed once per sentence).
    """
    return cached(ctx, ("noise", sentence_key(ctx)), lambda: _not_content(ctx))


def _not_content(ctx: Context) -> bool:
    text = ctx.text.strip()
    return is_boilerplate(text) or is_question(text) or heading_like(ctx) or in_apparatus(ctx)


# "【学习目标】", "【思考与练习】", "【本章小结】": a textbook's own apparatus around the chapter, which sets
# tasks or repeats what the chapter said; its lines run until the next bracketed label or section
_APPARATUS = re.compile(r"^[ \t]*[【\[〔]\s*(?P<label>[^】\]〕\n]{2,10}?)\s*[】\]〕][ \t]*$", re.M)
_APPARATUS_LABEL = re.compile(r"学习目标|教学目标|学习要点|本章要点|本节要点|思考与练习|练习|习题|思考题|讨论题|"
                              r"课后|作业|小结|复习|导读|阅读材料|拓展阅读|知识链接|活动|探究")


def in_apparatus(ctx: Context) -> bool:
    """Whether the sentence sits under a textbook's bracketed apparatus label ("【思考与练习】")."""
    start = ctx.sentence.start
    if start < 0:
        return False
    starts, apparatus = cached(ctx, "apparatus labels", lambda: _apparatus_labels(ctx.document.text))
    last = bisect.bisect_left(starts, start) - 1  # the nearest label before the sentence
    return last >= 0 and starts[last] >= max(ctx.section.start, 0) and apparatus[last]


def _apparatus_labels(text: str) -> tuple[list[int], list[bool]]:
    """Where each bracketed label starts and whether it names apparatus (one pass over the document)."""
    labels = list(_APPARATUS.finditer(text))
    return [m.start() for m in labels], [bool(_APPARATUS_LABEL.search(m.group("label"))) for m in labels]


def is_boilerplate(text: str) -> bool:
    """Page furniture: labelled meta lines, counters, copyright notices, bylines, breadcrumbs, link lists."""
    return bool(_ZH_LABEL.match(text) or _COUNTER.search(text) or _NOTICE.search(text) or _BYLINE.match(text)
                or _BREADCRUMB.search(text) or _BULLET_RUN.match(text))


def is_question(text: str) -> bool:
    """A question asks; it states no fact to learn ("Why can't a worker bee reproduce?")."""
    return bool(re.search(r"[?？]['\"”’」』）)]*\s*$", text))


def heading_like(ctx: Context) -> bool:
    """A short line of its own without closing punctuation: a heading the importer left in the text."""
    sentence, text = ctx.sentence, ctx.document.text
    if sentence.start < 0 or _END.search(ctx.text):
        return False
    short = len(ctx.text) <= 30 if ctx.language == "zh" else len(ctx.text.split()) <= 10
    own_line = (sentence.start == 0 or text[sentence.start - 1:sentence.start] == "\n") and \
        text[sentence.end:sentence.end + 1] in ("", "\n")
    return short and own_line and text[sentence.start:sentence.end] == ctx.text
