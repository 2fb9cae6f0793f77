"""Chinese references resolved from context: "他" → the person named before, "这类应用" → "蓝领阶级应用",
"这一规模" → "100B到500B的规模", "这种技术" → "水冷技术".

A demonstrative's referent is looked for where a reader would look: earlier in the same sentence,
in the three sentences before, then in the section titles above it. A kind or a field ("这类应用",
"这个领域") may be named by its section title; a single thing ("该公司") never is. Everything is
decided from jieba's tags and sentence shape, never from a list of words of one particular text.
"""
from __future__ import annotations

import re

from desktop.core.generate.base import Context
from desktop.core.generate.clauses import GENERIC_TITLES, token_spans
from desktop.core.generate.index import ancestors, previous
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.people import NOUN_TAGS, person_before, zh_people

# Demonstratives that need a referent. A bare 这/那 followed by a verb is a clause pronoun ("这降低了…")
# that no noun phrase can replace; those are left for `subject.dangling` to report.
DEMONSTRATIVES = {"这个", "那个", "这种", "那种", "这类", "那类", "这些", "那些", "这次", "这项",
                  "这位", "这家", "这款", "此类", "此种", "此项", "该类", "该项", "这一", "那一"}
BARE_DEMONSTRATIVES = {"这", "那", "该", "此"}

_ZH_NOT_CLASSIFIER = set("样里么儿边时外后前刻般些")  # 这些 is listed on its own
_ZH_CLASSIFIERS = {"一", "个", "种", "类", "些", "次", "项", "位", "家", "款", "套", "批", "条"}
# Nouns that name a size or a bound: "这一规模" after a number means that number.
_ZH_MAGNITUDE = {"规模", "数量", "数字", "数值", "量级", "水平", "限制", "上限", "下限", "门槛", "阈值", "极限",
                 "比例", "标准", "价格", "成本", "速度"}
# Nouns for a field or an area, which a section title can name ("这个领域" in section "工科白领").
_ZH_FIELDS = {"领域", "行业", "方面", "场景", "方向", "地区", "区域", "市场", "群体", "人群", "阶层", "阶段"}
_ZH_SIZE = {"规模", "数量", "数字", "数值", "量级", "水平"}
_ZH_COMPARE = ("超过", "超出", "达到", "低于", "高于", "突破", "接近", "不到", "不足", "小于", "大于", "逾越")
_TITLE_SPLIT = re.compile(r"[的与和及、:：,，\s]|以及")


def resolve_zh(text: str, ctx: Context) -> str:
    """`text` with its pronouns and demonstratives replaced by their referents where they can be found."""
    spans = token_spans(text)
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(spans):
        word, tag, start, end = spans[i]
        if word in ("他", "她") and tag == "r":
            # "李沐分享了他的心得": a name earlier in the same text already carries the pronoun
            name = "" if zh_people(text[:start]) else person_before(ctx, text[:start])
            if name:
                edits.append((start, end, name))
            i += 1
            continue
        det_end, head_range = _demonstrative_at(spans, i)
        if head_range is None:
            i += 1
            continue
        replacement = _zh_referent(text, spans, i, det_end, head_range, ctx)
        if replacement is None and head_range[1] - head_range[0] > 1:
            rest = "".join(w for w, _t, _s, _e in spans[head_range[0] + 1:head_range[1]])
            head_range = (head_range[0], head_range[0] + 1)
            replacement = _zh_referent(text, spans, i, det_end, head_range, ctx)
            if replacement and rest and rest in replacement:
                replacement = None  # "这种分配方式" is no "方式分配" + "方式"
        if replacement is not None:
            edits.append((start, spans[max(head_range[1] - 1, det_end - 1)][3], replacement))
        i = max(head_range[1], i + 1)
    for start, end, replacement in reversed(edits):
        text = text[:start] + replacement + text[end:]
    return text


def _demonstrative_at(spans: tuple, i: int) -> tuple[int, tuple[int, int] | None]:
    """(index after the demonstrative, token range of its head noun) when token i opens "这类应用"."""
    word, tag = spans[i][0], spans[i][1]
    if word in DEMONSTRATIVES or _demonstrative_word(word, tag):
        j = i + 1
    elif word in BARE_DEMONSTRATIVES and i + 1 < len(spans) and spans[i + 1][0] in _ZH_CLASSIFIERS:
        j = i + 2
    elif word in ("该", "此") and tag == "r":
        j = i + 1
    else:
        return i, None
    if j >= len(spans):
        return j, None
    k = j
    while k < len(spans) and spans[k][1] in NOUN_TAGS - {"nr"} and k - j < 3:
        k += 1
    if k == j:
        first = spans[j]
        nxt = spans[j + 1][0] if j + 1 < len(spans) else ""
        # jieba tags nouns like 应用/限制/演讲 as verbs; a following 了/着/过 shows a real verb
        if first[1] == "v" and len(first[0]) >= 2 and nxt not in ("了", "着", "过"):
            k = j + 1
        elif first[1] in ("a", "b") and j + 1 < len(spans) and spans[j + 1][1] in NOUN_TAGS:
            return j, (j, j)  # "这些新模态模型": descriptive already; only the demonstrative goes
        else:
            return j, None
    if k < len(spans) and (spans[k][0] in ("了", "着", "过") or (spans[k][0] == "的" and k - j > 1)):
        return j, None  # a verb, or "这个[技术飞速发展的]时代" where the real head comes later
    return j, (j, k)


def _demonstrative_word(word: str, tag: str) -> bool:
    """"这笔", "该项", "那座": a demonstrative fused with its classifier (not 这样/这里/此外)."""
    return tag == "r" and len(word) == 2 and word[0] in "这那此该" and word[1] not in _ZH_NOT_CLASSIFIER


def _zh_referent(text: str, spans: tuple, i: int, det_end: int, head_range: tuple[int, int],
                 ctx: Context) -> str | None:
    """What "这类应用" (tokens i..head_range) refers to, or None to leave it as it is."""
    if head_range[0] == head_range[1]:
        return ""  # drop the demonstrative before a descriptive noun phrase
    head = text[spans[head_range[0]][2]:spans[head_range[1] - 1][3]]
    before = text[:spans[i][2]]
    if head_range[1] - head_range[0] > 1:
        # "这种技术成本很高": the head may be the first noun only; the longer reading is tried first
        return _named_before(before, head, ctx)
    if head in _ZH_MAGNITUDE:
        quantity = _last_quantity([before, *(s.text for s in previous(ctx, 1))])
        if quantity:
            compared = before.rstrip().endswith(_ZH_COMPARE)
            return quantity if compared and head in _ZH_SIZE else f"{quantity}的{head}"
    named = _named_before(before, head, ctx)
    if named:
        return named
    title = ctx.section.title.strip()
    # A kind ("这类应用", "这种电池") or a field ("这个领域") can be named by the section it is in;
    # a single thing ("该公司", "这款芯片") cannot: the section title is not its name.
    kind = any(c in "类种" for c in "".join(w for w, _t, _s, _e in spans[i:det_end])) or head in _ZH_FIELDS
    if not kind or not _noun_title(title):
        return None
    if head not in title:
        return title + head  # "这类应用" in section "蓝领阶级" → "蓝领阶级应用"
    return title if title.endswith(head) else None


def _named_before(before: str, head: str, ctx: Context) -> str | None:
    """A longer noun phrase ending in `head` ("水冷技术" for "技术") where a reader would look for it:
    earlier in the sentence, in the three sentences before, in the titles above."""
    for source in [before, *(s.text for s in previous(ctx, 3)), *_titles(ctx)]:
        phrase = _np_ending_with(source, head)
        if phrase and phrase != head:
            return phrase
    return None


def _titles(ctx: Context) -> list[str]:
    """The section title, its ancestors' titles and the document title, nearest first."""
    return [*(section.title for section in ancestors(ctx)), ctx.document.title]


def _last_quantity(texts: list[str]) -> str:
    """The last number with its unit in the first of `texts` that has one, bounds stripped ("500B")."""
    for text in texts:
        found = find_quantities(text, "zh")
        if found:
            last = found[-1]
            return last.text[len(last.bound):] if last.text.startswith(last.bound) else last.text
    return ""


def _np_ending_with(text: str, head: str) -> str:
    """The noun phrase of `text` that ends with `head` (its last occurrence), with its modifiers."""
    if head not in text:
        return ""
    spans = token_spans(text)
    for j in range(len(spans) - 1, -1, -1):
        word = spans[j][0]
        if not word.endswith(head):
            continue
        k = j
        while k > 0 and k > j - 3 and spans[k - 1][0] != "的":
            tag = spans[k - 1][1]
            # a verb-tagged modifier ("垂直模型") counts only where a noun phrase may start: after 的,
            # punctuation or a preposition, never as the verb of an object ("限制模型规模")
            opener = k - 1 == 0 or spans[k - 2][0] == "的" or spans[k - 2][1] in ("x", "p", "c")
            # "激光焊接技术": a two-character verb between nouns is part of a technical compound
            compound = (tag in ("v", "vn") and len(spans[k - 1][0]) >= 2 and k >= 2
                        and spans[k - 2][1] in NOUN_TAGS)
            if tag in NOUN_TAGS | {"b"} or (tag in ("v", "a") and opener) or compound:
                k -= 1
            else:
                break
        return text[spans[k][2]:spans[j][3]]
    return ""


def _noun_title(title: str) -> bool:
    """A section title that is itself a short noun phrase ("蓝领阶级"), fit to name a referent."""
    if not title or len(title) > 8 or _TITLE_SPLIT.search(title) or GENERIC_TITLES.match(title):
        return False
    spans = token_spans(title)
    return bool(spans) and spans[-1][1] in NOUN_TAGS | {"v"} and not any(
        t in ("p", "c", "d") for _w, t, _s, _e in spans)

