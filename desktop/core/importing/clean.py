"""Web-page noise removal by general rules (no site is special-cased).

Noise: "related articles" tails and everything after them, image placeholders,
bare URLs, the boilerplate lead-ins and sign-offs that aggregator sites wrap
around an article ("本文主要是介绍…希望对大家有所帮助"), a table of contents that
repeats the headings, and page furniture lines (bylines, meta and counter lines,
previous/next links, breadcrumbs, copyright notices, share prompts).
"""
from __future__ import annotations

import re
from dataclasses import replace

from desktop.core.importing.blocks import HEADING, PARAGRAPH, Block
from desktop.core.importing.endmatter import before_footer, drop_end_matter
from desktop.core.text import has_cjk, split_sentences

_RELATED = re.compile(
    r"^((相关|推荐|热门|精彩|往期|延伸|更多|同类)(文章|阅读|推荐|内容|博文|回顾)(推荐|列表)?|猜你喜欢"
    r"|related (articles?|posts?|reading|stories|content)|read next|you (may|might) also like|recommended( reading| for you)?"
    r"|related (coverage|links)|more from [\w ]+|further reading"
    # a comment section is a tail too; a bare "Comments" is not, it may head a section on code comments
    r"|(热门|网友|最新|全部|精彩|相关)评论|发表评论|leave a (comment|reply)|post a comment)\s*[:：]?$",
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

# --- Page furniture: lines a site puts around every article. Each pattern must match a whole short
# line, so a sentence of the article that merely mentions an author, a date or a count stays.
_SHORT = 100
_BULLET = re.compile(r"^[-•·*]\s+")
_REST = r"(?:[^。！？!?\n.]|\.(?=\S)){0,80}"  # the rest of a line, which holds no sentence end
_SEPARATOR = re.compile(r"[\s|｜丨·•/,，、]*")
_NUMBER = r"\d[\d,.]*(?:\s*[万千kKwW])?\+?"
_MONTH = (r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_DATE = (rf"(?:\d{{4}}\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}\s*日?|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
         rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
         rf"|\d+\s*(?:分钟|小时|天)前|\d+\s+(?i:minutes?|hours?|days?|weeks?)\s+ago)(?:\s*{_TIME})?")
_ZH_LABEL = (r"(?:作者|原作者|文|撰文|记者|通讯员|编辑|责任编辑|责编|校对|审核|来源|出处|本文来源|文章来源|稿件来源"
             r"|摄影|图片|翻译|译者|整理)")
_ZH_COUNTED = r"(?:阅读量|浏览量|点击量|评论数|阅读|浏览|点赞|收藏|评论|转发|分享|点击|喜欢|在看|回复|赞)"
_EN_COUNTED = r"(?i:comments?|views?|likes?|shares?|reads?|responses?|claps?|repl(?:y|ies)|reactions?|upvotes?)"
# a name runs up to the next label or counter: pages that join their spans leave no space ("来源：网络作者：山海行")
_ZH_NAME = rf"(?:(?!{_ZH_LABEL}\s*[:：]|{_ZH_COUNTED}\s*[(（:：]?\s*\d)[^\s|｜丨·•/,，、。！？!?；;:：()（）]){{1,20}}"
# a person's name has two or more capitalised words: "By Design" is a heading, "By Jane Doe" a byline
_EN_NAME = r"[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&|de|van|von|der|da)){1,4}"
_EN_ROLE = rf"(?!{_MONTH}\s)[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|and)){{0,4}}"  # "By X, May 1" holds a date
# the fields a meta line is made of; `_is_meta_line` reads them one after another
_META_FIELDS = [re.compile(pattern) for pattern in (
    rf"{_ZH_LABEL}\s*[:：]\s*{_ZH_NAME}|文\s*/\s*{_ZH_NAME}",  # "作者：张三", "来源：新华网", "文/张三"
    rf"(?i:author|source|editor|photos?|image credit|credit|via)\s*[:：]\s*(?:{_EN_NAME}|{_ZH_NAME})",
    rf"(?i:by|written by|words by|reporting by|posted by|story by)\s+{_EN_NAME}(?:\s*,\s*{_EN_ROLE})?",
    # "发布时间：2024-05-01 10:00", "Published 14 May 2024", "原创 于 2024-05-01 发布"
    # (no bare "时间：" or "Date:": in lecture notes they give the event's date, a fact to keep)
    rf"(?:(?:发布时间|发表时间|发布日期|发表日期|更新时间|更新日期|发布于|发表于|更新于|于"
    rf"|(?i:published|updated|posted|last updated|last modified)(?:\s+(?i:on))?)\s*[:：]?\s*)?{_DATE}"
    rf"(?:\s*(?:发布|发表|更新)(?!于))?",  # ("发表" ends a date; "发表于…" opens the next field)
    rf"(?i:published|updated|posted|last updated)\s*[:：]?\s*{_MONTH}\s+\d{{4}}",  # "Updated March 2025"
    rf"(?:发表于|发布于|IP属地\s*[:：]?)\s*{_ZH_NAME}",  # the place a post was sent from: "发表于浙江"
    r"(?i:share this(?: article| post| story| page)?)",
    _TIME,
    r"原创|转载|置顶|(?i:sponsored|featured)",
    # "阅读 1.2万", "评论(12)", "30 点赞", "12 comments", "Views: 300"
    rf"{_ZH_COUNTED}[\s:：]*[(（\[]?\s*{_NUMBER}(?:\s*(?:次|人|条))?(?:\s*[)）\]])?",
    rf"{_NUMBER}\s*(?:次|人|条)?\s*{_ZH_COUNTED}",
    rf"{_NUMBER}\s*{_EN_COUNTED}|{_EN_COUNTED}\s*[:(]\s*{_NUMBER}\s*\)?",
    # "5 min read", "阅读时间约 5 分钟"
    rf"{_NUMBER}\s*(?i:min(?:ute)?s?)\.?\s+(?i:read)|(?:预计)?阅读(?:时间|时长|需要?)?\s*[:：]?\s*约?\s*\d+\s*分钟"
    rf"|约?\d+\s*分钟(?:读完|阅读)",
)]
# a part of a breadcrumb or link bar starts with a letter and never ends in a space (so that a
# line that fails to match fails fast)
_CRUMB = r"[^\W\d_](?:[^>›»→/|。！？!?；;,，\n]{0,18}[^\s>›»→/|。！？!?；;,，])?"
_LINK = r"[^\W\d_](?:[^|｜\d。！？!?；;.\n]{0,38}[^\s|｜\d。！？!?；;.])?"
_HOME = r"(?:首页|主页|网站首页|(?i:home))"
_WHERE = r"(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|(?i:you are here))\s*[:：]?\s*)"
_FURNITURE_LINES = [re.compile(pattern) for pattern in (
    # previous/next links: "上一篇：…", "Next article", "« Older posts" ("上篇/下篇" name a book's parts)
    rf"(?:上一篇|下一篇|上一条|下一条|上一章|下一章|上一页|下一页|前一篇|后一篇)(?:文章)?\s*[:：]?\s*{_REST}",
    rf"(?:[«‹←]\s*)?(?i:previous|prev|next|older|newer)\s+(?i:posts?|articles?|stor(?:y|ies)|entry|entries|page)"
    rf"\s*(?:[:：»›→]\s*)?{_REST}",
    r"(?:[«‹←]\s*)?(?i:previous|prev|next|older|newer)(?:\s*[»›→])?",
    # a related-articles list on one line ("You might also like: …") is dropped alone: sites put such
    # lines inside an article too, so unlike a "相关文章" heading it does not end the article
    r"(?:(?:相关|推荐|延伸|热门|往期)(?:文章|阅读|推荐|内容)|猜你喜欢|(?i:related(?: articles?| posts?| stories| coverage"
    r"| reading)?|read next|you (?:may|might) also like|recommended (?:reading|for you)|further reading))\s*[:：]\s*\S.*",
    # tags and share prompts own the rest of their line: "Tags: AI, LLM", "分享到：微信 微博" (not "分类："
    # or "Topics:", which notes use for their own lists)
    rf"(?:标签|文章标签|关键词|关键字|所属分类|所属栏目|所属专栏|字号|分享|分享到|分享至)\s*[:：]\s*{_REST}",
    rf"(?:分享到|分享至|(?i:posted in|filed under|share this(?: post| article| story| page)?|share on|share via))"
    rf"\s*[:：]?\s*{_REST}",
    rf"(?i:tags?|tagged(?: with)?|share)\s*[:：]\s*{_REST}",
    rf"(?:扫码关注|扫描二维码|长按识别二维码|关注公众号|欢迎关注|点击上方|点击下方|(?i:sign up|subscribe)\b){_REST}",
    # breadcrumbs: led by the home page, or by the typographic arrows body text never uses ("A > B" may be a flow)
    # ("Home/office" is a phrase: a slash needs two of them)
    rf"{_WHERE}?{_HOME}(?:(?:\s*[>›»]\s*{_CRUMB})+|(?:\s*/\s*{_CRUMB}){{2,}})|{_WHERE}{_CRUMB}(?:\s*[>›»]\s*{_CRUMB})+",
    rf"{_CRUMB}(?:\s*[›»]\s*{_CRUMB}){{2,}}|{_CRUMB}(?:\s*>\s*{_CRUMB})+\s*>\s*(?:正文|详情|文章|内容)",
    # copyright lines: "© 2024 …", "Copyright © …", "Copyright 2024 …"
    r"(?:©|(?i:copyright)\s*(?:©|\(c\)|(?:19|20)\d{2}\b|(?i:by)\b)).*",
    # a footer's link bar: "关于我们 | 联系我们 | 网站地图" (no digits: a table row holds data)
    rf"{_LINK}(?:\s*[|｜]\s*{_LINK}){{2,}}",
    # share prompts of social pages: "如果喜欢我们的文章", "可以点击右下角的在看"
    r"(?:如果|若)(?:你|您)?(?:喜欢|觉得.{0,4}不错).{0,10}(?:文章|内容|本文|推送)?[，,。!！]?",
    r"(?:可以|请|欢迎)?(?:点击|点)(?:右下角|下方|底部|上方)?的?[「“\"]?(?:在看|点赞|赞|分享|转发|关注|收藏)[」”\"]?.{0,10}",
    r"(?i:advertisement|sponsored content|read more|continue reading)|阅读全文|展开全文|查看全文|阅读原文|广告|\[(?i:toc)\]",
)]
# notices whose wording only a site uses, wherever they stand in a short line
_NOTICE = re.compile(r"如有侵权|侵删|请?联系(?:我们|本站|作者)?删除|ICP[备证]|公网安备|版权所有(?![人者方])|保留所有权利"
                     r"|(?i:all rights reserved)|^[(（【\[]?(?:转载请|禁止转载|谢绝转载|严禁转载|免责声明\s*[:：]|版权声明\s*[:：])"
                     r"|^[(（【\[]?未经.{0,10}(?:授权|许可|同意)[，,]?\s*(?:不得|禁止|严禁|请勿)")
# a table of contents: this line, then entries that come back later as the document's headings
_CONTENTS = re.compile(r"(?:(?:文章|本文|内容)?目录|(?i:table of contents|contents|in this (?:article|post)|on this page))"
                       r"\s*[:：]?")
_MAX_ENTRY = 60
_LEADER = re.compile(r"(?:\s*[.·…_]{2,}\s*|\s+)\d+$")  # "引言 ........ 3": leader dots and a page number
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*[.、)]?|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
                        r"|第[\d一二三四五六七八九十]+[章节篇部])\s*")


def clean(blocks: list[Block]) -> list[Block]:
    """Drop the noise from a page's blocks.

    Args:
        blocks: headings and paragraphs in reading order.
    Returns:
        The blocks that carry the article, with URLs and image tokens removed from their text.
    """
    kept = []
    for block in _without_contents(_before_related(before_footer(blocks))):
        text = _strip_inline_noise(block.text)
        if text and not _IMAGE.match(text) and not _SOURCE_LABEL.match(text) and not is_furniture(text):
            kept.append(replace(block, text=text))
    return _drop_edge_boilerplate(drop_end_matter(kept))


def is_furniture(line: str) -> bool:
    """True for a whole line of page furniture.

    Args:
        line: one block's text.
    Returns:
        Whether the line is a byline or meta line, a counter, a previous/next link, a breadcrumb,
        a copyright or site notice, a share prompt or a footer's link bar (never a sentence that
        only mentions such words: every rule matches the whole of a short line).
    """
    line = _BULLET.sub("", line.strip())  # plain text keeps its list bullets: "- Related: …"
    if len(line) > _SHORT:
        return False
    return _is_meta_line(line) or any(pattern.fullmatch(line) for pattern in _FURNITURE_LINES) \
        or bool(_NOTICE.search(line))


def _is_meta_line(line: str) -> bool:
    """Is the line made of meta fields only ("作者：张三 2024-05-01 阅读 1234")?

    Reads the longest field at each place, left to right: one regex with a repeated alternation
    would try every way to cut a line that fails, which grows exponentially with its length.
    """
    position = _SEPARATOR.match(line).end()
    while position < len(line):
        end = max((m.end() for field in _META_FIELDS if (m := field.match(line, position))), default=position)
        if end == position:
            return False
        position = _SEPARATOR.match(line, end).end()
    return bool(line)


def _without_contents(blocks: list[Block]) -> list[Block]:
    """Drop a table of contents: a "目录"/"Contents" line and the entries after it that recur later.

    The recurrence is what tells a contents list from a section that happens to be called "Contents".
    """
    last: dict[str, int] | None = None  # where each entry text is seen last; computed once, when needed
    for index, block in enumerate(blocks):
        if _CONTENTS.fullmatch(block.text.strip()):
            last = last if last is not None else {_entry_key(b.text): i for i, b in enumerate(blocks)}
            entries = _contents_entries(blocks, last, index + 1)
            if entries >= 2:
                return blocks[:index] + blocks[index + 1 + entries:]
            if block.kind == HEADING and (index + 1 == len(blocks) or blocks[index + 1].kind == HEADING):
                # its linked entries were navigation, already gone: an empty "目录" heading is left
                return blocks[:index] + blocks[index + 1:]
    return blocks


def _contents_entries(blocks: list[Block], last: dict[str, int], start: int) -> int:
    """How many blocks from `start` on are short entries whose text comes back after them."""
    count = 0
    for index in range(start, len(blocks)):
        key = _entry_key(blocks[index].text)
        if not key or len(blocks[index].text) > _MAX_ENTRY or last[key] <= index:
            break
        count += 1
    return count


def _entry_key(text: str) -> str:
    """An entry and its heading compare equal without numbers, spaces, leader dots or page numbers."""
    text = _NUMBERING.sub("", _LEADER.sub("", text.strip()))
    return re.sub(r"\s+", "", text).rstrip(":：").lower()


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


# Footnote marks left in running text: asterisks after a word ("推断*」", "研究****中"), and a note number
# glued to a sentence's edge ("…便秘。3一些疾病…", "（每 100 g 中 6.2 g）12。"), which no reader says aloud.
_ASTERISK_MARK = re.compile(r"(?<=[^\s*])(?:\\?\*)+(?=[\s\u3000-\u303f\uff00-\uffef」』”’)\u4e00-\u9fff]|$)|"
                            r"(?<=\s)(?:\\?\*){2,}(?=[\u4e00-\u9fff])")
_NOTE_AFTER_STOP = re.compile(r"(?<=[。！？])\d{1,2}(?=[\u4e00-\u9fff])(?![\u4e00-\u9fff]?[个种类项点年月日天次位名条岁倍届])")
_NOTE_BEFORE_STOP = re.compile(r"(?<=[）)」”])\d{1,2}(?=[。！？；，])")


def _footnote_mark(match: re.Match) -> str:
    """"" for a footnote's asterisks; the run itself when it closes emphasis opened before it ("**粗体**")."""
    run = match.group(0).replace("\\", "")
    opened = re.search(r"(?:^|[\s\u3000-\u303f\uff00-\uffef(])" + re.escape(run) + r"(?=[^\s*])", match.string[:match.start()])
    return match.group(0) if opened and len(run) <= 2 else ""


def _strip_inline_noise(text: str) -> str:
    text = _NOTE_BEFORE_STOP.sub("", _NOTE_AFTER_STOP.sub("", _ASTERISK_MARK.sub(_footnote_mark, text)))
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
            kept.append(replace(block, text=text))
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
