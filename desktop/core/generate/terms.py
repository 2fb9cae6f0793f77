"""The candidate terms of a sentence, how rare a word is in general text, and the document's word counts.

Terms are runs of noun-like jieba words (Chinese) or content words and capitalised names (English); a term
never starts with an article or a determiner, so no deletion holds a filler word. A word's rarity comes
from jieba's dictionary frequencies (already in memory once jieba is loaded) or, for English, from
wordfreq's. `salience.py` turns these into the weight every stage ranks by.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from desktop.core.document import Document
from desktop.core.generate.base import Context
from desktop.core.generate.english import DETERMINERS, VERB_BASES, VERB_FORMS
from desktop.core.generate.index import ancestors, cached
from desktop.core.text import tagged_words, warm_up

_NOUN = ("n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "eng", "j", "vn", "ng")
# nouns too general to be worth recalling on their own
_ZH_GENERIC = {"问题", "方面", "时候", "情况", "过程", "方式", "部分", "领域", "能力", "时间", "东西", "人", "事情",
               "方法", "内容", "作用", "结果", "原因", "目标", "工作", "发展", "进步", "技术", "方向", "见解",
               "经验", "心得", "时代", "未来", "机会", "任务", "阶段", "程度", "维度", "表现", "环境", "动力",
               "每个", "大家", "我们", "人们", "一些", "其他", "进展", "需求", "影响", "趋势", "效果", "水平"}
_EN_STOP = set("""a an the and or but nor so yet for of in on at to from by with without into onto over under
between among about above below after before during since until while as than then that this these those
there here it its they them their we our you your he him his she her i me my mine who whom whose which what
when where why how all any both each every few many more most much some such no not only own same other
another is are was were be been being am do does did doing have has had having can could will would shall
should may might must also very just even still again ever never often always too quite rather really
almost about up down out off once across through throughout within around against toward towards upon
beyond behind along despite amid inside outside near
both either neither one two three first second last next new old good
great big small large long short high low like unlike per via etc e.g i.e because if unless although though
whether however moreover therefore thus hence instead according said says say argues argued believes
believed predicts predicted warns warned notes noted suggests suggested recommends recommended thinks
thought claims claimed explains explained adds added less fewer several various cannot can't won't don't
doesn't isn't aren't worth everything something nothing anything everyone someone nobody anyone way ways lot lots
kind kinds thing things part parts case cases fact facts time times people person
argue say believe warn note claim think suggest recommend predict expect estimate insist contend caution stress
emphasize emphasise point relative similar due prior compared equal close respectively""".split())
# base forms that are never nouns: after a singular noun they are its verb ("their development become queens")
_EN_NEVER_NOUN = {"become", "seem", "tend", "remain", "include", "require", "allow", "mean", "provide", "happen",
                  "prevent", "involve", "enable", "occur", "appear", "depend", "consist", "explain", "reduce",
                  "affect", "contain", "produce", "create", "become", "give", "make", "take", "keep", "let"}
# a capitalised name may span "of"/"the": "University of Edinburgh"
_EN_NAME_RUN = re.compile(r"\b[A-Z][\w\-]*(?:\s+(?:of|the|for|and|de|van|von|du|la)\s+[A-Z][\w\-]*|\s+[A-Z][\w\-]*)+")


class _DocStats:
    """In how many sentences of a document each word occurs (computed once per run, linear time)."""

    def __init__(self, document: Document) -> None:
        self.sentences = 0
        self.df: Counter[str] = Counter()
        for section in document.walk():
            for sentence in section.sentences:
                self.sentences += 1
                self.df.update({word.lower() for word in _words(sentence.text, document.language)})


def _words(text: str, language: str) -> list[str]:
    if language == "zh":
        return [word for word, _flag in tagged_words(text)]
    return re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)


def stats(ctx: Context) -> _DocStats:
    """The document's word statistics, computed once per run."""
    return cached(ctx, "terms.stats", lambda: _DocStats(ctx.document))


def _headings(ctx: Context) -> str:
    """The titles above the sentence, lower-cased: their words give a deletion away."""
    return cached(ctx, ("terms.headings", id(ctx.section)),
                  lambda: " ".join(s.title for s in reversed(ancestors(ctx))).lower())


Term = tuple[str, int, int, str, tuple[str, ...]]  # text, start, end, kind ("name"/"term"), its words


def terms(text: str, language: str) -> list[Term]:
    """Candidate terms of a sentence.

    Args:
        text: one sentence.
        language: "zh" or "en".
    Returns:
        (term, start, end, kind, words): kind is "place" for organisations and places, "name" for
        people, English words and capitalised English names, else "term".
    """
    return _zh_terms(text) if language == "zh" else _en_terms(text)


@lru_cache(maxsize=32768)
def _zh_terms(text: str) -> list[Term]:
    """Runs of noun-like jieba words ("分布式训练", "上海交通大学"); a one-character adjective may lead.

    A name (person, organisation, place) stands alone: "母校上海交通大学" gives "上海交通大学",
    "专家李沐" gives "李沐", "清华大学教授" gives "清华大学".
    """
    found: list[Term] = []
    run: list[tuple[str, str, int]] = []
    pos = 0
    pairs = tagged_words(text)
    for index, (word, flag) in enumerate(pairs):
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        nxt = pairs[index + 1][1] if index + 1 < len(pairs) else ""
        modifier = flag in ("a", "b") and len(word) == 1 and nxt.startswith("n")
        if not (flag in _NOUN or modifier) or _number_word(word) or _verb_phrase(word) or _after_modal(pairs, index):
            _close_run(text, run, found)
            run = []
            continue
        # a name starts its own term; a person or an organisation also ends it ("清华大学|教授"),
        # while a place may head a compound ("青溪运河")
        if flag in _NAME_FLAGS or run and run[-1][1] in _CLOSED_NAME_FLAGS:
            _close_run(text, run, found)
            run = []
        run.append((word, flag, start))
    _close_run(text, run, found)
    return found


_NAME_FLAGS = ("nr", "nrfg", "nrt", "nt", "ns")
_CLOSED_NAME_FLAGS = ("nr", "nrfg", "nrt", "nt")


_ZH_MODALS = {"能", "不能", "能够", "可以", "可", "会", "不会", "要", "需要", "应", "应该", "将", "不", "没有", "未", "去"}


def _after_modal(pairs: list, index: int) -> bool:
    """"不能替代减排": a one-word "noun" right after a modal and before another verb is the verb itself."""
    if index == 0 or pairs[index - 1][0] not in _ZH_MODALS:
        return False
    nxt = pairs[index + 1][1] if index + 1 < len(pairs) else ""
    return nxt in ("v", "vn", "n")


def _number_word(word: str) -> bool:
    return bool(re.search(r"\d", word)) or len(word) == 1 and word in "TtBbMmKkGg"


@lru_cache(maxsize=65536)
def _verb_phrase(word: str) -> bool:
    """A four-character word that jieba calls a noun but reads as a verb or adjective phrase ("快速增长",
    "大大降低", "基本相同")."""
    if len(word) != 4:
        return False
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    head, tail = table.get(word[:2], ""), table.get(word[2:], "")
    return tail in ("v", "vn", "a", "ad", "d") or head in ("d", "ad", "b")


def _close_run(text: str, run: list, found: list) -> None:
    while run and run[0][0] in _ZH_GENERIC and len(run) > 1:
        run = run[1:]  # "发展现状" → "现状" is no better, but a leading filler noun never helps
    while run and run[-1][0] in _ZH_GENERIC and len(run) > 1:
        run = run[:-1]  # "AI领域" → "AI": the generic head adds nothing to recall
    if not run or all(flag in ("vn", "a", "b") for _w, flag, _s in run):
        return
    start, end = run[0][2], run[-1][2] + len(run[-1][0])
    term = text[start:end]
    if len(run) > 4 or len(term) > 12 or len(term) < 2 or term in _ZH_GENERIC:
        return
    flags = {flag for _w, flag, _s in run}
    kind = "place" if flags & {"nt", "ns"} else "name" if flags & {"nr", "nrfg", "nrt", "eng"} else "term"
    found.append((term, start, end, kind, tuple(w for w, _f, _s in run)))


@lru_cache(maxsize=32768)
def _en_terms(text: str) -> list[Term]:
    """Runs of content words (no stop words, no common verbs, no numbers), at most three words."""
    found: list[Term] = []
    run: list[re.Match] = []
    previous = ""
    for match in re.finditer(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|[^\sA-Za-z]+", text):
        word = match.group(0)
        low = word.lower().replace("’", "'").removesuffix("'s")
        # "a process that pushes seawater": after a relative "that" an "-s" word is the verb
        relative = previous == "that" and bool(run) is False and re.search(r"[^su]s$", low) is not None
        content = _en_content(low, run, text, match) and previous not in _EN_BEFORE_VERB and not relative
        previous = low
        if content and (not run or not text[run[-1].end():match.start()].strip()):
            run.append(match)
            continue
        _close_en_run(text, run, found)
        run = [match] if content else []
    _close_en_run(text, run, found)
    return _with_names(text, found)


def _en_content(low: str, run: list[re.Match], text: str, match: re.Match) -> bool:
    """Whether an English word may belong to a term (a noun or a modifier, as far as spelling tells)."""
    if not low[0].isalpha() or low in _EN_STOP or low.endswith("ly") or low in _EN_NUMBERS:
        return False
    adjacent = bool(run) and not text[run[-1].end():match.start()].strip()
    # a verb's base form may end a noun phrase ("slow-wave sleep", "study sessions") but not start one;
    # after a plural noun it is the predicate ("students review")
    noun_use = adjacent and low in VERB_BASES and low not in _EN_NEVER_NOUN and not re.search(r"[^s]s$", run[-1].group(0))
    if low in VERB_FORMS and not noun_use:
        return False
    # "Dense brine behaves like…": an "-s" word after a singular noun and before a manner word is its verb
    following = re.match(r"\s+([a-z]+)", text[match.end():])
    if adjacent and re.search(r"[^su]s$", low) and not re.search(r"s$", run[-1].group(0)) and following \
            and following.group(1) in _EN_MANNER:
        return False
    # "the sorted function accepts any iterable": an "-s" word after a noun and before a determiner is its verb
    if adjacent and re.search(r"[^su]s$", low) and following and following.group(1) in _EN_DETERMINERS:
        return False
    # "landscapes planted with…": an "-ed" word after a noun is a participle, not part of the noun phrase
    if adjacent and re.search(r"[^e]ed$", low) and len(low) > 4:
        return False
    # "winter roads speeds up": an "-s" word right after a plural noun is its verb
    if adjacent and re.search(r"[^s]s$", low) and re.search(r"[^s]s$", run[-1].group(0).lower()):
        return False
    # "…as the market matures.": a final "-s" word after a singular noun is its verb
    final = re.match(r"\s*[.!?]", text[match.end():]) is not None
    return not (final and adjacent and re.search(r"[^s]s$", low) and not re.search(r"s$", run[-1].group(0)))


_EN_DETERMINERS = DETERMINERS | {"another", "any", "all", "some", "each", "every", "no", "many", "much", "more", "most"}
_EN_MANNER = {"like", "as", "into", "onto", "toward", "towards", "up", "down", "out", "off", "away", "back"}
# after these a word is a verb, whatever its spelling ("cannot absorb", "to reach")
_EN_BEFORE_VERB = {"can", "cannot", "could", "will", "would", "should", "must", "may", "might", "to", "not", "been", "be",
                   "which", "who", "very", "too", "quite",
                   "don't", "doesn't", "didn't", "won't", "can't", "never", "also", "often", "always", "usually"}
_EN_NUMBERS = set("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million millions billion billions dozen dozens half percent
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow""".split())


def _with_names(text: str, found: list[Term]) -> list[Term]:
    """Replace the pieces of a multi-word capitalised name by the whole name."""
    for match in _EN_NAME_RUN.finditer(text):
        if match.start() == 0 and not re.search(r"\s(?:of|the|for|and)\s", match.group(0)):
            continue  # "Sleep Stages" at the start of a sentence may just be a capital
        words = tuple(w for w in match.group(0).split() if w[:1].isupper())
        found = [t for t in found if t[2] <= match.start() or t[1] >= match.end()]
        found.append((match.group(0), match.start(), match.end(), "place", words))
    return sorted(found, key=lambda t: t[1])


def _close_en_run(text: str, run: list, found: list) -> None:
    run = run[-3:]
    if not run:
        return
    start, end = run[0].start(), run[-1].end()
    term = text[start:end]
    if len(term) < 3 or len(run) == 1 and re.search(r"[^e]ed$|ing$", term) and not term[:1].isupper():
        return  # "are switched to…", "Rather than subsidising…": a lone participle or gerund is no term
    # a sentence-initial capital is no sign of a name
    named = any(m.group(0)[:1].isupper() and m.start() > 0 or m.group(0).isupper() and len(m.group(0)) > 1
                for m in run)
    found.append((term, start, end, "name" if named else "term", tuple(m.group(0) for m in run)))


@lru_cache(maxsize=65536)
def _rarity(word: str) -> float:
    """-log of a word's relative frequency in jieba's dictionary (words it lacks count as rare)."""
    warm_up()  # loads jieba's dictionary once; cheap afterwards
    import jieba

    freq = jieba.dt.FREQ.get(word, 0)
    if freq:
        return math.log(jieba.dt.total / (freq + 1))
    # a word jieba's dictionary lacks is a rare name ("承启楼") or, at two characters, mostly a piece its
    # segmenter glued from a phrase ("聚族|而居", "住人"): no better than a common word
    return math.log(jieba.dt.total) - (4 if len(word) > 2 or not re.search(r"[\u4e00-\u9fff]", word) else 9)


def _word_rarity(word: str, language: str) -> float:
    if language == "zh":
        return _rarity(word)
    return _en_rarity(word)


@lru_cache(maxsize=65536)
def _en_rarity(word: str) -> float:
    """How rare an English word is in general text, from wordfreq's Zipf scale (0 unseen … 7+ "the"),
    on the scale of `_rarity`; a capital marks a name."""
    from wordfreq import zipf_frequency

    # the small list loads in a tenth of the time; below its floor (Zipf 3) a word is rare anyway
    zipf = zipf_frequency(word, "en", wordlist="small")
    return 6.0 + (8.0 - zipf) * 1.25 + (1.0 if word[:1].isupper() else 0.0)


# "像A和B这样的…", "如A、B等", "such as A and B": names given as examples of something else
_ZH_EXAMPLES = re.compile(r"(?:像|如|例如|比如|诸如|譬如)(?P<items>[^，,。；;：:！？]{1,30}?"
                          r"(?:、|和|与|及|或)[^，,。；;：:！？]{1,30}?)(?:这样|那样|一样|之类|等)")
_EN_EXAMPLES = re.compile(r"\b(?:such as|like|including|e\.g\.,?)\s+(?P<items>[^,;:.]{1,40}?(?:,\s*|\s+(?:and|or)\s+)"
                          r"[^,;:.]{1,40}?)(?=[,;:.]|$)", re.I)


def example_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Spans of two or more things named only as examples ("像A和B这样的顶级公司")."""
    pattern = _ZH_EXAMPLES if language == "zh" else _EN_EXAMPLES
    return [match.span("items") for match in pattern.finditer(text)]


