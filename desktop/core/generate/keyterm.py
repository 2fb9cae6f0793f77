"""Key-term cloze: for a sentence with substance that no other rule turned into a card, delete its most
informative term ("李沐回到了母校{{c1::上海交通大学}}…").

A term's weight is TF-IDF in spirit: how rare its words are in general Chinese (jieba's dictionary
frequencies, already in memory once jieba is loaded, so no second table is read) times how specific it is
to this sentence within the document (inverse sentence frequency computed over the document's own
sentences, once per document, linear in its length). Words the whole document keeps repeating (its topic,
its speaker) and the section title's words weigh little: deleting them tests nothing.
"""
from __future__ import annotations

import importlib
import math
import re
from collections import Counter
from functools import lru_cache

from desktop.core.card import CLOZE
from desktop.core.document import Document
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.definition import (
    document_cache, standalone, starts_with_pronoun, too_long, topic_prefix)
from desktop.core.text import tagged_words, warm_up

RULE = "keyterm"
SCORE = 0.3  # below every other family: the pipeline keeps their card for the same fact
# the families whose card for a sentence makes a key-term cloze redundant
# (cheapest first: the check stops at the first family that covers the sentence)
_COVERING = ("claim", "definition", "cause", "enumeration", "quantity")
# below this a term is a common word ("瓶颈", "性能") or the document's topic; English weights come
# from word length, not a frequency table, and run lower
_MIN_WEIGHT = {"zh": 18.0, "en": 15.0}
_KIND_BONUS = {"place": 1.5, "name": 1.15}
_NOUN = ("n", "nz", "nt", "ns", "nr", "nrt", "nrfg", "eng", "j", "vn", "ng")
# nouns too general to be worth recalling on their own
_ZH_GENERIC = {"问题", "方面", "时候", "情况", "过程", "方式", "部分", "领域", "能力", "时间", "东西", "人", "事情",
               "方法", "内容", "作用", "结果", "原因", "目标", "工作", "发展", "进步", "技术", "方向", "见解",
               "经验", "心得", "时代", "未来", "机会", "任务", "阶段", "程度", "维度", "表现", "环境", "动力",
               "每个", "大家", "我们", "人们", "一些", "其他", "进展", "需求", "影响", "趋势", "效果", "水平"}
_CLOSING = re.compile(r"^(?:结语|结论|总结|小结|结束语|尾声|后记|写在最后|conclusions?|summary|final thoughts|"
                      r"closing thoughts|wrap-?up|in closing)$", re.I)
_ZH_PERSONAL = re.compile(r"^(?:我们|我|你们|你|咱们)")
_EN_BARE_PRONOUN = re.compile(r"^(?:(?:So|But|And|Yet|Still),?\s+)?(?:This|That|It|They|These|Those|He|She|We|I|You|"
                              r"There)\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|do|does|did|"
                              r"think|believe|say|said|means|meant|shows?|showed|makes?|made)\b")
_ZH_META = re.compile(r"^(?:本文|本篇|本章|本节|文章|这篇|下文|笔者|小编|以下|上述)")
_EN_META = re.compile(r"^(?:In this (?:article|post|essay|chapter|talk)|This (?:article|post|essay|chapter))", re.I)
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
kind kinds thing things part parts case cases fact facts time times people person""".split())
# irregular past forms of common verbs (regular forms are generated from _EN_VERB_BASES)
_EN_IRREGULAR = set("""gave given took taken made went gone came got gotten found told thought brought began
begun kept held left felt became showed shown grew grown ran led wrote written spoke spoken won lost met paid
sent sold built fell fallen rose risen saw seen knew known said stood understood meant put set cut let hit
spent taught caught bought sought fought drew drawn chose chosen broke broken ate eaten""".split())
# common English verbs (in any form) that never make a good deletion on their own
_EN_VERB_BASES = """make take give get put keep let help show turn become seem use need want know think
find tell ask work call try feel leave begin start stop run move live bring happen write provide sit stand
lose pay meet include continue set learn change lead understand watch follow create speak read allow add
spend grow open walk win offer remember love consider appear buy wait serve die send expect build stay fall
cut reach kill remain suggest raise pass sell require report decide pull explain develop carry break receive
agree support hit produce eat cover catch draw choose cause point listen realise realize place close involve
increase reduce protect predict replay strengthen shape offer occur consist last move fail summarise summarize
end matter explain improve depend prevent review exercise sleep study remember forget store reach rise refer
occur mean seem tend affect enable boost lower drop fall rise double halve""".split()


def _en_verb_forms() -> frozenset[str]:
    """Every regular form of the common verbs: "-s", "-ed" and "-ing", spelled by the usual rules."""
    forms = set()
    for base in _EN_VERB_BASES:
        consonant_y = re.search(r"[^aeiou]y$", base) is not None
        if consonant_y:
            forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
        elif base.endswith("e"):
            forms |= {base + "s", base + "d", base[:-1] + "ing"}
        else:
            third = base + ("es" if re.search(r"(?:s|sh|ch|x|z|o)$", base) else "s")
            doubled = base + base[-1] if re.search(r"[^aeiou][aeiou][^aeiouwxy]$", base) else base
            forms |= {third, base + "ed", doubled + "ed", base + "ing", doubled + "ing"}
        forms.add(base)
    return frozenset(forms)


_EN_VERBS = _en_verb_forms() | _EN_IRREGULAR
EN_VERB_BASES = frozenset(_EN_VERB_BASES)  # common English verbs in their base form
# a capitalised name may span "of"/"the": "University of Edinburgh"
_EN_NAME_RUN = re.compile(r"\b[A-Z][\w\-]*(?:\s+(?:of|the|for|and|de|van|von|du|la)\s+[A-Z][\w\-]*|\s+[A-Z][\w\-]*)+")


class _DocStats:
    """In how many sentences of a document each word occurs (computed once per document, linear time)."""

    def __init__(self, document: Document) -> None:
        self.sentences = 0
        self.df: Counter[str] = Counter()
        self.headings: dict[str, str] = {}  # section id → its title and its ancestors' titles
        self._walk(document.sections, "")
        for section in document.walk():
            for sentence in section.sentences:
                self.sentences += 1
                self.df.update({word.lower() for word in _words(sentence.text, document.language)})
        self._top = math.log((self.sentences + 1) / 1.5)

    def _walk(self, sections: list, above: str) -> None:
        for section in sections:
            self.headings[section.id] = f"{above} {section.title}".lower()
            self._walk(section.children, self.headings[section.id])

    def specificity(self, word: str) -> float:
        """Inverse sentence frequency scaled to 0…1: 0 for a word in every sentence, 1 for one in a single
        sentence, so that short and long documents weigh alike."""
        if self._top <= 0:
            return 1.0
        return max(0.0, math.log((self.sentences + 1) / (self.df.get(word.lower(), 0) + 0.5)) / self._top)


def _words(text: str, language: str) -> list[str]:
    if language == "zh":
        return [word for word, _flag in tagged_words(text)]
    return re.findall(r"[A-Za-z][A-Za-z'\-]*", text)


def _stats(document: Document) -> _DocStats:
    cache = document_cache(document, "keyterm")
    if "stats" not in cache:
        cache["stats"] = _DocStats(document)
    return cache["stats"]


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
        if not (flag in _NOUN or modifier) or _number_word(word) or _verb_phrase(word):
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


def _number_word(word: str) -> bool:
    return bool(re.search(r"\d", word)) or len(word) == 1 and word in "TtBbMmKkGg"


@lru_cache(maxsize=65536)
def _verb_phrase(word: str) -> bool:
    """A four-character word that jieba calls a noun but reads as a verb phrase ("快速增长", "大大降低")."""
    if len(word) != 4:
        return False
    import jieba.posseg

    table = jieba.posseg.dt.word_tag_tab
    head, tail = table.get(word[:2], ""), table.get(word[2:], "")
    return tail in ("v", "vn") or head in ("d", "ad", "b")


def _close_run(text: str, run: list, found: list) -> None:
    while run and (run[0][0] in _ZH_GENERIC or run[0][1] == "vn" and len(run) > 1):
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
    for match in re.finditer(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|[^\sA-Za-z]+", text):
        word = match.group(0)
        low = word.lower().removesuffix("'s")
        content = _en_content(low, run, text, match) and previous not in _EN_BEFORE_VERB
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
    noun_use = adjacent and low in EN_VERB_BASES and not re.search(r"[^s]s$", run[-1].group(0))
    if low in _EN_VERBS and not noun_use:
        return False
    # "winter roads speeds up": an "-s" word right after a plural noun is its verb
    if adjacent and re.search(r"[^s]s$", low) and re.search(r"[^s]s$", run[-1].group(0).lower()):
        return False
    # "…as the market matures.": a final "-s" word after a singular noun is its verb
    final = re.match(r"\s*[.!?]", text[match.end():]) is not None
    return not (final and adjacent and re.search(r"[^s]s$", low) and not re.search(r"s$", run[-1].group(0)))


# after these a word is a verb, whatever its spelling ("cannot absorb", "to reach")
_EN_BEFORE_VERB = {"can", "cannot", "could", "will", "would", "should", "must", "may", "might", "to", "not",
                   "don't", "doesn't", "didn't", "won't", "can't", "never", "also", "often", "always", "usually"}
_EN_NUMBERS = set("""one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million millions billion billions dozen dozens half percent""".split())


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
    if len(term) < 3:
        return
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
    return math.log(jieba.dt.total / (freq + 1)) if freq else math.log(jieba.dt.total) - 4


def _word_rarity(word: str, language: str) -> float:
    if language == "zh":
        return _rarity(word)
    # no English frequency table offline: longer words are rarer in general text; capitals mark names
    return 6.0 + min(len(word), 14) * 0.6 + (2.0 if word[:1].isupper() else 0.0)


def weigh(term: Term, ctx: Context) -> float:
    """How worth recalling a term of the context sentence is.

    Args:
        term: a candidate from `terms`.
        ctx: the sentence's context.
    Returns:
        A weight: the best of its words' rarity × specificity to this sentence, plus a little per
        extra word; words of the section's (or its parents') title count half; places and organisations (where a talk
        was held, who did something) count more.
    """
    _text, _start, _end, kind, words = term
    stats = _stats(ctx.document)
    title = stats.headings.get(ctx.section.id, ctx.section.title.lower())
    best = 0.0
    for word in words:
        if word in _ZH_GENERIC or word.lower() in _EN_STOP:
            continue
        weight = _word_rarity(word, ctx.language) * (0.4 + stats.specificity(word))
        if word.lower() in title:
            weight *= 0.5  # the headings above the sentence give it away
        best = max(best, weight)
    return best * _KIND_BONUS.get(kind, 1.0) + 1.0 * (len(words) - 1)


def best_term(text: str, ctx: Context, within: tuple[int, int] | None = None,
              leniency: float = 1.0) -> tuple[int, int] | None:
    """The span of the most informative term of `text`.

    Args:
        text: the sentence (possibly with references resolved).
        ctx: its context.
        within: only consider terms inside this span of `text` (e.g. the content of a claim).
        leniency: scales the minimum weight (below 1 for sentences known to carry a fact).
    Returns:
        (start, end) in `text`, or None when nothing is worth deleting.
    """
    best, best_weight = None, _MIN_WEIGHT.get(ctx.language, 18.0) * leniency
    lower, upper = within or (0, len(text))
    for term in terms(text, ctx.language):
        phrase, start, end = term[0], term[1], term[2]
        if start < lower or end > upper or starts_with_pronoun(phrase, ctx.language):
            continue
        if text.lower().count(phrase.lower()) > 1:
            continue  # the other occurrence would give the answer away
        weight = weigh(term, ctx)
        if weight > best_weight:
            best, best_weight = (start, end), weight
    return best


def covered(ctx: Context, families: tuple[str, ...] = _COVERING) -> bool:
    """Whether one of the named rule families already makes a card from this sentence.

    Args:
        ctx: the sentence and its surroundings.
        families: rule family module names; missing modules are skipped.
    Returns:
        True when any of them proposes a candidate.
    """
    for name in families:
        try:
            family = importlib.import_module(f"desktop.core.generate.{name}")
        except ModuleNotFoundError:
            continue
        if hasattr(family, "candidates") and family.candidates(ctx):
            return True
    return False


def _substantial(ctx: Context) -> bool:
    """A sentence worth a card: long enough, about the topic (not the article or the writer), not a
    closing summary."""
    if _CLOSING.match(ctx.section.title.strip()):
        return False  # a conclusion restates earlier facts or offers platitudes
    text = ctx.text
    if too_long(text, ctx.language):
        return False
    if ctx.language == "zh":
        return len(text) >= 12 and not _ZH_META.match(text) and not _ZH_PERSONAL.match(text)
    # a sentence about "this"/"it" comments on the one before; the learner has nothing to hold on to
    return len(text.split()) >= 6 and not _EN_META.match(text) and not _EN_BARE_PRONOUN.match(text)


def candidates(ctx: Context) -> list[Candidate]:
    """At most one key-term cloze for a sentence that no other family covers.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        [] or one cloze candidate with a low score.
    """
    # cheap tests first: most sentences have no term worth a card, and then no family need be asked
    if not _substantial(ctx) or best_term(ctx.text, ctx) is None or covered(ctx):
        return []
    from desktop.core.generate import claim  # claim builds on this module

    if claim.find_claim(ctx):
        return []  # the claim family decides what an attributed sentence is worth
    text = standalone(ctx.text, ctx)
    prefix = topic_prefix(ctx) if text.startswith(topic_prefix(ctx) or "\0") else ""
    span = best_term(text, ctx, (len(prefix), len(text)))  # never delete from the topic label
    if span is None:
        return []
    start, end = span
    front = f"{text[:start]}{{{{c1::{text[start:end]}}}}}{text[end:]}"
    return [Candidate(CLOZE, front, "", text[start:end], RULE, SCORE)]
