"""Checks every card must pass, whatever family made it: applied once, in the pipeline.

A card a careful reader would delete costs more than a missing one, so these reject rather than repair,
except for one repair that keeps a fact: a cloze on a long sentence is cut down to the clauses around
its deletions. Each check is a class of bad card (a blank on a filler word, a blank that cuts a word,
a front that leans on the sentence before, markup, meta-text, a paragraph-long front), never one text.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate
from desktop.core.generate.clauses import is_adverbial, reporting_frame, strip_connectives, token_spans
from desktop.core.generate.numbers import find_quantities
from desktop.core.text import has_cjk, words

CLOZE_MARK = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)
# a front may hold this much: 60 Chinese characters, or 30 English words
MAX_FRONT = {"zh": 60, "en": 30}
MAX_ANSWER = {"zh": 24, "en": 12}  # Chinese characters, English words
_ZH_FILLER = set("的 了 在 是 和 与 及 以及 或 并 而 也 都 就 还 又 将 把 被 让 使 对 为 以 于 从 到 向 中 上 下 里 内 外 等 "
                 "之 其 这 那 该 此 些 个 种 类 次 们 很 更 最 非常 已经 可以 能够 需要 进行 通过 由于 因为 所以 但是 然而 "
                 "虽然 如果 因此 可能 一定 一些 这些 那些 这个 那个 没有 不 无法 是否 如何 什么 哪些 大量 各种 主要 重要 相关 "
                 "问题 方面 部分 方式 情况 东西 事情 时候 过程 内容 作用 地方 人 我们 大家 你 我 他 她 它".split())
_EN_FILLER = set("a an the of in on at to for from by with and or but as is are was were be been being it its this "
                 "that these those there their they them he she his her we our you your i not no so such than then "
                 "also very more most major key main important various several many much some any each other into "
                 "over under about can could may might will would should must do does did has have had way ways "
                 "thing things part parts case cases kind clear alternative example examples lot lots".split())
# fronts that lean on what came before, or talk about the page rather than the topic
_ZH_DANGLING = re.compile(r"^(?:这|那|该|其|此|它|他们|她们|它们|上述|以上|前者|后者|而且|而是|并且|但|所以|因此|是因为|"
                          r"因为|如下|下面|接下来|然后|同时|另外|此外|除此之外|除此以外|根据以上|其实|不过|当然|也就是|首先|其次|"
                          r"最后|总之|或者|或是|至于|另一个是|一个是|[一二三四五六七八九十]是|第[一二三四五六七八九十]+(?![\u4e00-\u9fff]))"
                          r"|这个问题|这一点|这种情况|如图|下图|上图|图中|以下几|如下图|见下")
_EN_DANGLING = re.compile(r"^(?:this|that|these|those|it|its|they|their|such|the above|the former|the latter|and|but|"
                          r"so|also|here|there|or|as with|one case|another case|for example|for instance)\b", re.I)
# what did not happen: "We could have defined…", "本可以…" teaches a road the text did not take
_COUNTERFACTUAL = re.compile(r"\b(?:could|would|might|should) have\b|本可以|本来可以|原本可以", re.I)
# a reference left anywhere in the front: the card would teach a fact about nothing in particular
_ZH_REFERENCE = re.compile(r"(?:这|那)[两三四五六七八九几]?(?:一|类|种|个|些|样的|项|里|款|次|点)|(?<![应活])该(?=[\u4e00-\u9fff]{1,4}(?:的|是|在|能|会|可|也))|"
                           r"^(?:它|他们|她们|它们|其)")
_EN_REFERENCE = re.compile(r"\b(?:this|these|those)\b|^(?:\W*\w+\W+){0,2}?(?:it|its|they|them|their)\b", re.I)
_META = re.compile(r"(本文|本篇|本章|本节|本次|本场|本期|本书|笔者|小编|下文|文中|讨论地址|原文链接|点击|扫码|转载|截图|视频回放|如下图|如图|见下?图|"
                   r"in this (?:lesson|lecture|post|article|chapter|talk|section)|this (?:post|article)|"
                   r"click|subscribe|the (?:image|figure|video|slide) (?:above|below)|see (?:figure|fig\.)|"
                   r"\bfig(?:ure)?\.?\s*\d|\bI'll\b|\bI will\b|as (?:shown|seen) (?:above|below))", re.I)
_MARKUP = re.compile(r"(\$|\\[a-zA-Z]+|`|\{|\}|;\s*$|\btypedef\b|#include|::|->|=>|==|!=|</?[a-zA-Z][^>]*>|\]\(|!\[|"
                     r"\w\(\)|\w+\.\w+\(|\b(?:func|def|return|var|const|import)\b\s+\w|#\d)")
# a Chinese front that opens with an adverb, a verb or a particle has lost its subject ("较好扩展性…",
# "提供完整的…"); a question word with nothing before it, or standing between spaces, is a template gone wrong
_ZH_NO_SUBJECT = {"d", "v", "u", "uj", "ul", "uz", "y", "e", "o"}
_GARBLED = re.compile(r"^\W*(?:多少|几)\s|\s(?:多少|什么|哪些?|几)\s|[(（\s](?:多少|几)[)）]|(?:多少|几)[)）]|"
                      r"^什么是(?:一个|一种|因为|由于)|(?:虽然|尽管|但是|因为|所以|而且|如果|假如|即使)[^？?]*(?:是什么|[？?])")
_BLANK_SHARE, _NUMBER_SHARE = 10, 12  # the front may be this many times its one blank
_MIN_CONTEXT = 8  # characters a cut-down cloze shows besides its deletions
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def problem(cand: Candidate, language: str) -> str | None:
    """Why no reader would keep this card, or None.

    Args:
        cand: a candidate, after any cloze trimming.
        language: the document's language.
    Returns:
        A short reason ("blank-on-filler", "front-too-long", …) or None.
    """
    front, back = cand.front, cand.back
    plain = CLOZE_MARK.sub(lambda m: m.group(2), front)
    if _MARKUP.search(plain + " " + back) or _MARKUP.search(cand.answer):
        return "markup"
    if _META.search(plain + " " + back):
        return "meta-text"
    if not has_cjk(plain[:6]) and re.match(r"[a-z]", _opening(plain)):
        return "not-standalone"  # an English front in lower case is the tail of a sentence
    if (_ZH_DANGLING if has_cjk(plain[:6]) else _EN_DANGLING).search(_opening(plain)):
        return "not-standalone"
    if any(_unbalanced(text) for text in (plain, back, *(t for _s, _e, t in deletions(front)))):
        return "cut-bracket"  # "（如war", "{{c1::AK (AlloyKit}})": a cut inside brackets
    if _COUNTERFACTUAL.search(plain):
        return "counterfactual"
    if _subordinate_only(plain):
        return "cut-off"  # "随着X的增长，{{c1::Y}}" cut before its main clause: the claim is gone
    if re.search(r"[，,、：:]\s*$", plain):
        return "cut-off"  # "端口转发有两个主要作用：": a lead-in or a clause, not a statement
    if (_ZH_REFERENCE if _is_zh(plain) else _EN_REFERENCE).search(_CLAUSE_BREAK.split(plain, maxsplit=1)[0]):
        # "这类应用至少需要五年": which applications? A reference in a later clause points back into the
        # sentence itself ("Raft 是一致性协议，它…"), so only the first clause is read.
        return "unresolved-reference"
    if _is_zh(plain) and _later_reference(plain):
        return "unresolved-reference"  # "…的人来说，这种主题很有吸引力": no 主题 was named before
    # a list note may run longer: each of its deletions is a card of its own, the lead shared
    if _is_zh(plain) and _ZH_NO_SUBJECT.intersection({_first_tag(_opening(plain))}):
        return "no-subject"
    if cand.kind != CLOZE and _GARBLED.search(front):
        return "garbled-question"
    if size(plain) > MAX_FRONT["zh" if _is_zh(plain) else "en"] * (1.5 if cand.extra.get("list") else 1):
        return "front-too-long"
    if cand.kind == CLOZE:
        shown_chars = len(re.sub(r"\W", "", CLOZE_MARK.sub("", _SECTION_PREFIX.sub("", front))))
        if shown_chars < _MIN_CONTEXT:
            return "no-context"  # "{{c1::调度器}}。": a list line's remnant asks nothing
        return _blank_problem(front, plain)
    if _zh_question_subject(front) < 4:
        return "no-subject"
    if _DEFINITION_ASKED.match(_SECTION_PREFIX.sub("", front)) and _VERDICT.match(back):
        return "not-a-definition"  # "What is the greenhouse effect?" → "the foundation of climate change"
    if size(back) > MAX_ANSWER["zh" if _is_zh(back) else "en"]:
        return "answer-too-long"
    return None


_ZH_DEMONSTRATIVE_NP = re.compile(r"(?:这|那)[两三四五六七八九几]?(?:类|种|个|些|样的|项|款)(?P<noun>[\u4e00-\u9fff]{2})")


def _later_reference(plain: str) -> bool:
    """A demonstrative after the first clause whose noun the sentence has not named before it."""
    first = _CLAUSE_BREAK.search(plain)
    return any(m.group("noun") not in plain[:m.start()]
               for m in _ZH_DEMONSTRATIVE_NP.finditer(plain, first.end() if first else len(plain)))


_SECTION_PREFIX = re.compile(r"^【[^】]*】")  # the section a front names: context, but no statement
_ZH_SUBORDINATE = re.compile(r"^\s*(?:虽然|尽管|随着|只要|如果|假如|即使|即便|除了|当(?=[^，,]{1,24}(?:时|的时候)))")
_EN_SUBORDINATE = re.compile(r"^\s*(?:although|though|if|when|while|unless|as|since|whereas)\b", re.I)
_DEFINITION_ASKED = re.compile(r"^\s*(?:什么是|What (?:is|are|was|were)\b)", re.I)
_VERDICT = re.compile(r"^\s*(?:(?:the|a|an|one of the)\s+(?:foundation|basis|key|core|heart|root|center|centre|"
                      r"main|major|important|biggest|best|first)\b|(?:最|很|非常)?(?:重要|关键|核心|基础|根本)的?)", re.I)


def _subordinate_only(plain: str) -> bool:
    """Whether the front's last clause opens a subordinate clause whose main clause was cut away."""
    clauses = [c for c in re.split(r"[，,；;。.!?！？]", plain) if c.strip()]
    if not clauses:
        return False
    if has_cjk(plain):
        return bool(_ZH_SUBORDINATE.match(clauses[-1]))
    return len(clauses) == 1 and bool(_EN_SUBORDINATE.match(clauses[0]))


_PAIRS = ("()", "（）", "[]", "【】", "「」", "『』", "《》", "“”")


def _unbalanced(text: str) -> bool:
    """Whether a bracket or a quote of the text opens without closing, or closes without opening."""
    return any(text.count(a) != text.count(b) for a, b in _PAIRS)


def _opening(text: str) -> str:
    """The front without a leading 【section】 prefix or opening brackets."""
    return re.sub(r"^\s*(?:【[^】]*】)?[\s\[《「“\"(（]*", "", text)


def _zh_question_subject(front: str) -> int:
    """How many Chinese characters a question has before its question word (large for other questions)."""
    found = re.search(r"多少|几[个种类项大次年月天倍层步点条部分]|什么|哪", front)
    if not found or not _is_zh(front):
        return 99
    before = len(re.findall(r"[\u3400-\u9fff]", front[:found.start()]))
    # "什么是X？" and "什么使得X？" open with their question word; "几种结构…？" has lost its subject
    return 99 if found.start() == 0 and found.group(0) in ("什么", "哪") else before


def _first_tag(text: str) -> str:
    spans = token_spans(text[:12])
    return spans[0][1] if spans else ""


def _is_zh(text: str) -> bool:
    return len(re.findall(r"[\u3400-\u9fff]", text)) >= max(2, len(text) // 5)


def size(text: str) -> int:
    """Characters for Chinese, words for other text."""
    return len(re.sub(r"\s+", "", text)) if _is_zh(text) else len(text.split())


def deletions(front: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each cloze deletion, as offsets into the front without its markup."""
    spans, offset = [], 0
    for match in CLOZE_MARK.finditer(front):
        start = match.start() - offset
        spans.append((start, start + len(match.group(2)), match.group(2)))
        offset += len(match.group(0)) - len(match.group(2))
    return spans


def _blank_problem(front: str, plain: str) -> str | None:
    spans = deletions(front)
    if not spans:
        return "no-deletion"
    zh = _is_zh(plain)
    bounds = _word_bounds(plain) if zh else None
    for start, end, text in spans:
        core = text.strip()
        latin_words = re.findall(r"[a-z']+", core.lower())
        if zh and (core in _ZH_FILLER or len(core) == 1 and not core.isdigit()):
            return "blank-on-filler"
        if not zh and all(w in _EN_FILLER for w in latin_words) and not re.search(r"\d", core):
            return "blank-on-filler"
        if _cuts_word(plain, start, end, bounds):
            return "blank-splits-a-word"
    # one short blank in a long sentence tests a detail the rest gives away; a number is a fact however short
    if any(not plain[a[1]:b[0]].strip() for a, b in zip(spans, spans[1:])):
        return "adjacent-blanks"  # "{{c1::AR}}{{c2::VR眼镜}}": two blanks with nothing between read as one
    shown = CLOZE_MARK.sub(" ", front).lower()
    texts = [text.strip().lower() for _s, _e, text in spans]
    # a sibling's deletion is shown while this one is asked: the same words in two blanks give each other away
    if any(len(text) >= 2 and text in shown for text in texts) or len(set(texts)) < len(texts):
        return "answer-shown"  # the blank's words stand elsewhere in the front
    hidden = sum(len(re.sub(r"\s+", "", text)) if zh else len(text.split()) for _s, _e, text in spans)
    share = _NUMBER_SHARE if find_quantities(spans[0][2], "zh" if zh else "en") else _BLANK_SHARE
    if len(spans) == 1 and hidden * share < size(plain):
        return "tiny-blank"
    return None


def _word_bounds(text: str) -> set[int]:
    """Where jieba's plain segmenter puts word boundaries in the whole front: how a reader cuts it, which
    may differ from the tagger's cut of the sentence the blank was chosen in."""
    bounds, cursor = {0, len(text)}, 0
    for word in words(text):
        start = text.find(word, cursor)
        if start >= 0:
            cursor = start + len(word)
            bounds.update((start, cursor))
    return bounds


def _cuts_word(text: str, start: int, end: int, bounds: set[int] | None) -> bool:
    """A deletion that starts or ends inside a word (jieba's words for Chinese, letters and digits else)."""
    before, after, core = text[start - 1:start], text[end:end + 1], text[start:end]
    if re.match(r"[-_./'’][A-Za-z0-9]", text[end:end + 2]) and re.search(r"[A-Za-z0-9]$", core) or \
            re.search(r"[A-Za-z0-9][-_./]$", text[max(0, start - 2):start]) and re.match(r"[A-Za-z0-9]", core):
        return True  # "{{Anti}}-CCP", "consul_kv.{{lua}}", "{{don}}’t": one word
    latin = bool(re.match(r"[A-Za-z0-9_\u00c0-\u024f]", before) and re.match(r"[A-Za-z0-9\u00c0-\u024f]", core)
                 or re.match(r"[A-Za-z0-9_\u00c0-\u024f]", after) and re.search(r"[A-Za-z0-9\u00c0-\u024f]$", core)
                 or re.search(r"[A-Za-z0-9][\u3400-\u9fff]$", core) and not re.search(r"\d", core))
    if latin or bounds is None:
        return latin
    return start not in bounds or end not in bounds


def trim_cloze(front: str, language: str) -> str:
    """A cloze whose text is too long, cut to the clauses that hold its deletions (and the sentence's
    first clause, which usually names the subject) when that is short enough; else unchanged.

    Args:
        front: cloze text with {{cN::…}} markup.
        language: the document's language.
    Returns:
        The front, possibly shorter, with its markup intact.
    """
    plain = CLOZE_MARK.sub(lambda m: m.group(2), front)
    limit = MAX_FRONT["zh" if _is_zh(plain) else "en"]
    spans = deletions(front)
    if not spans:
        return front
    hidden = sum(e - s for s, e, _t in spans)
    if size(plain) <= limit and hidden * 12 >= len(plain):
        return front  # short enough, and the blank is not lost in it
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(plain)] + [len(plain)]
    lo = max(c for c in cuts if c <= spans[0][0])
    hi = min(c for c in cuts if c >= spans[-1][1])
    # the sentence's first clause names the subject: a cut keeps it, or the card would not stand alone
    first = plain[:cuts[1]].rstrip("，,；;：: ")
    framing = reporting_frame(first, language) or language == "zh" and is_adverbial(first)
    head = strip_connectives(plain[:cuts[1]], language) if 0 < lo and not framing else ""
    dropped = plain[cuts[1] if head else 0:lo]
    if _CONDITION.search(dropped):
        return front  # "不要做X，除非Y，如Z": without its condition the card would say the opposite
    if size(head + plain[lo:hi]) <= limit and len(head + plain[lo:hi]) - hidden >= _MIN_CONTEXT:
        return _remark(head, plain[lo:hi], [(s - lo, e - lo, t) for s, e, t in spans])
    return front


_CONDITION = re.compile(r"(?:^|[，,；;])\s*(?:除非|如果|假如|只有|只要|否则|但是|但|然而|不过|(?:unless|if|only if|except|but|however)\b)", re.I)


def _remark(head: str, body: str, spans: list[tuple[int, int, str]]) -> str:
    """`head` + `body` with the cloze markup put back on `body` at `spans`."""
    out, cursor = [head], 0
    for number, (start, end, text) in enumerate(spans, 1):
        out += [body[cursor:start], f"{{{{c{number}::{text}}}}}"]
        cursor = end
    out.append(body[cursor:])
    return "".join(out).strip().rstrip("，,；;：: ")


def without_lead_in(front: str) -> str:
    """A cloze whose sentence ends by announcing what follows ("…，简单来说，可以这样看：") without that
    tail, when its deletions all stand before it; else unchanged."""
    plain = CLOZE_MARK.sub(lambda m: m.group(2), front)
    spans = deletions(front)
    if not spans or not re.search(r"[：:，,]\s*$", plain):
        return front
    breaks = [m.start() for m in re.finditer(r"[，,；;。]", plain) if m.start() >= spans[-1][1]]
    if not breaks:
        return front
    return _remark("", plain[:breaks[0]], spans) + ("。" if has_cjk(plain) else ".")


def without_connective(front: str, language: str) -> str:
    """The front without the connective that ties it to the sentence before ("但是，", "However, ")."""
    if front.startswith("{{"):
        return front
    stripped = strip_connectives(front, language, subordinators=False)
    return stripped if "{{c" in stripped or "{{c" not in front else front
