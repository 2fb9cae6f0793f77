"""Definition and identity cards: "X是Y", "X指的是Y", "所谓X，就是Y", "X is a Y", "X refers to Y", "X, a Y, …".

The first half of this module is a small clause toolkit that the claim, cause and keyterm
families share (they import it from here so that every family splits, cleans and phrases
clauses the same way). A `Probe` is a question about one clause that does not know yet who
said it: its template holds "{who}" where the claim family puts "李沐认为" / "According to X, ".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.card import CLOZE
from desktop.core.document import Document
from desktop.core.generate import subject
from desktop.core.generate.base import Candidate, Context
from desktop.core.text import has_cjk, tagged_words

RULE = "definition"
WHO = "{who}"
MAX_ANSWER = 40

# ---------------------------------------------------------------- shared clause toolkit

_ZH_CLAUSE = re.compile(r"[,，;；]")
_TRAILING = "。．.!！?？,，;；:：、…\"'“”‘’「」『』() （）\t\n"
# discourse connectives carry no content; a card reads better without them
_ZH_CONNECTIVE = re.compile(
    r"^(?:然而|但是|不过|但|而且|并且|此外|另外|同时|事实上|实际上|其实|总之|总的来说|可见|显然|"
    r"换言之|也就是说|另一方面|一方面|首先|其次|再次|最后|例如|比如|因此|所以|于是)[,，:：]?\s*")
_EN_CONNECTIVE = re.compile(
    r"^(?:However|Moreover|Furthermore|In addition|Also|Indeed|In fact|Still|Yet|Thus|Therefore|"
    r"Finally|First|Second|Third|Then|Meanwhile|Instead|Overall|In short|Of course|So|And|But)\s*,?\s+", re.I)
ZH_PRONOUN = re.compile(r"^(?:他们|她们|它们|他|她|它|这些|那些|这类|那类|这种|那种|这个|那个|这样|这一|"
                        r"这|那|此|该|其|本文|本书|我们|我|你)")
EN_PRONOUN = re.compile(r"^(?:he|she|it|they|this|that|these|those|there|we|i|you|which|who)\b", re.I)
# adverbial clauses that set the scene; kept in front of a question so it stays true
_ZH_SETTING = re.compile(r"^(?:随着|在|对于|对|当|自从|为了|如今|当前|目前|近年来|未来|过去|现在|今天|"
                         r"[^,，]{0,6}(?:年|时|时候|期间|以来|阶段)$)")


@dataclass(frozen=True)
class Probe:
    """A question about one clause before its speaker is known.

    `template` holds WHO where an attribution goes; for a cloze it is the cloze text.
    """

    template: str
    answer: str
    score: float = 1.0
    cloze: bool = False
    needs_topic: bool = False  # the question is vague alone ("什么依然是主要障碍之一？")


def too_long(text: str, language: str) -> bool:
    """A run-on "sentence" (a list, a page without punctuation): no card would be one fact, and the
    patterns would spend quadratic time on it."""
    return len(text) > 300 if language == "zh" else len(text) > 600


def finish_question(text: str, language: str) -> str:
    """Trim trailing punctuation and end with the language's question mark.

    Args:
        text: a question body.
        language: "zh" or "en".
    Returns:
        The question, ending with ？ (Chinese) or ? (English).
    """
    body = text.strip().rstrip(_TRAILING).strip()
    if language == "zh":
        return body + "？"
    return body[:1].upper() + body[1:] + "?"


def clean_span(text: str) -> str:
    """An answer or term without surrounding punctuation, quotes or white space."""
    return text.strip().strip(_TRAILING).strip()


def strip_connectives(text: str, language: str) -> str:
    """The clause without leading discourse words ("然而，", "However,")."""
    pattern = _ZH_CONNECTIVE if language == "zh" else _EN_CONNECTIVE
    previous = None
    while previous != text:
        previous, text = text, pattern.sub("", text.strip(), count=1)
    return text


def zh_clauses(text: str) -> list[str]:
    """Comma-separated clauses of a Chinese sentence, connectives removed, empty ones dropped."""
    parts = [strip_connectives(clean_span(p), "zh") for p in _ZH_CLAUSE.split(text.strip().rstrip("。！？!?"))]
    return [p for p in parts if p]


def is_setting(clause: str) -> bool:
    """True for a scene-setting clause ("随着模型规模的增长", "当前") that a question should keep."""
    return bool(_ZH_SETTING.match(clause)) and not re.search(r"(?:是|成为|认为|指出)", clause)


def starts_with_pronoun(text: str, language: str) -> bool:
    """True when the text opens with a pronoun or demonstrative that needs its antecedent."""
    return bool((ZH_PRONOUN if language == "zh" else EN_PRONOUN).match(text.strip()))


@lru_cache(maxsize=32768)
def _word_starts(text: str) -> dict[int, str]:
    """jieba's words of `text` keyed by where they start."""
    spans, pos = {}, 0
    for word, _flag in tagged_words(text):
        found = text.find(word, pos)
        if found < 0:
            continue
        spans[found] = word
        pos = found + len(word)
    return spans


# words that merely begin with a linking verb ("是否", "即使") and are not one
_NOT_LINKING = {"是否", "是非", "是的", "是不是", "即使", "即便", "即将", "即可", "即时", "即刻", "成为止"}


def whole_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] reads as a word of its own: it starts a jieba word, and ends one
    or ends with a character that jieba glued to a following preposition ("是从", "是在").

    Args:
        text: the clause.
        start, end: the span of a verb in it.
    Returns:
        Whether the span may be read as that verb.
    """
    spans = _word_starts(text)
    first = spans.get(start)
    if first is None or first in _NOT_LINKING or len(first) > end - start and not _glued(first, end - start):
        return False
    if any(s + len(w) == end for s, w in spans.items()):
        return True
    last = spans.get(end - 1)
    return last is not None and last not in _NOT_LINKING


def _glued(word: str, length: int) -> bool:
    """"是从" = "是" + "从": a verb followed by a one-character preposition."""
    return len(word) == length + 1 and word[-1] in "从在由把对于为向以给跟与和"


def last_flag(text: str) -> str:
    """jieba's part of speech of the last word of `text` ("" for empty text)."""
    pairs = tagged_words(text)
    return pairs[-1][1] if pairs else ""


def lead_noun_phrase(text: str) -> str:
    """The noun phrase a Chinese clause opens with ("多模态模型将…" → "多模态模型"), or ""."""
    phrase, pairs = "", tagged_words(text)
    for index, (word, flag) in enumerate(pairs):
        modifier = flag in ("a", "m", "b") and len(word) == 1 and index + 1 < len(pairs) \
            and pairs[index + 1][1].startswith("n")
        if flag.startswith("n") or flag in ("eng", "vn", "j") or modifier:
            phrase += word
            continue
        break
    return phrase if len(phrase) >= 2 and text.startswith(phrase) else ""


def document_cache(document: Document, name: str) -> dict:
    """A dictionary that lives exactly as long as `document`, for work done once per document.

    It hangs on the document object itself (not in a module-level table keyed by id(), which a new
    document could reuse), so an edited and re-imported document never sees stale results.

    Args:
        document: the document being generated.
        name: which cache ("resolved", "keyterm", …).
    Returns:
        The cache, empty the first time.
    """
    caches = vars(document).setdefault("_generate_caches", {})
    return caches.setdefault(name, {})


def resolved(ctx: Context) -> str:
    """The context sentence with references resolved, computed once per sentence for all families."""
    cache = document_cache(ctx.document, "resolved")
    key = (ctx.sentence.start, ctx.text)
    if key not in cache:
        cache[key] = subject.resolve(ctx.text, ctx)
    return cache[key]


def standalone(text: str, ctx: Context) -> str:
    """The text with references resolved; still-dangling ones get the section topic in front.

    Args:
        text: a sentence or clause of `ctx`.
        ctx: its context.
    Returns:
        Text that names its subject, e.g. "【文科白领】这类应用主要涉及…".
    """
    text = resolved(ctx) if text == ctx.text else subject.resolve(text, ctx)
    if starts_with_pronoun(strip_connectives(text, ctx.language), ctx.language):
        return topic_prefix(ctx) + text
    return text


def topic_prefix(ctx: Context) -> str:
    """A bracketed topic label for fronts that would otherwise be ambiguous."""
    hint = subject.subject_hint(ctx).strip()
    if not hint:
        return ""
    return f"【{hint}】" if ctx.language == "zh" else f"[{hint}] "


def render(probe: Probe, who: str, ctx: Context, rule: str, prefix: str = "") -> Candidate:
    """Turn a probe into a candidate card.

    Args:
        probe: the clause question.
        who: the attribution ("李沐认为", "According to Alvarez, ") or "".
        ctx: the sentence's context (for its language).
        rule: the rule family that owns the card.
        prefix: text put before the question (a topic label), or "".
    Returns:
        A basic candidate, or a cloze candidate when the probe is a cloze.
    """
    if probe.cloze:
        return Candidate(CLOZE, prefix + probe.template, "", probe.answer, rule, probe.score)
    if who and ctx.language == "zh" and re.match(r"^[^，？]{1,24}，[^，]*什么", probe.template.split(WHO, 1)[-1]):
        who += "，"  # "李沐指出，与预训练相比，什么…": the setting clause needs its own comma
    question = probe.template.replace(WHO, who)
    if ctx.language != "zh" and not who:
        question = question[:1].upper() + question[1:]
    return Candidate.basic(prefix + finish_question(question, ctx.language), probe.answer, rule, probe.score)


def grounded(answer: str, sentence: str) -> bool:
    """Whether an answer comes from the sentence itself, not mostly from a resolver's guess.

    A resolved reference may sharpen an answer ("这些模型…" → "垂直模型…"), but an answer that is
    mostly words the sentence never had ("These problems" → "The open problems") is a guess.

    Args:
        answer: the card's answer.
        sentence: the source sentence as written.
    Returns:
        True when at least 60% of the answer (characters for Chinese, words for English) is in it.
    """
    if answer in sentence:
        return True
    if has_cjk(answer):
        units = [ch for ch in answer if not ch.isspace()]
        return sum(ch in sentence for ch in units) >= 0.6 * len(units)
    words = re.findall(r"[A-Za-z0-9'\-]+", answer.lower())
    present = set(re.findall(r"[A-Za-z0-9'\-]+", sentence.lower()))
    return bool(words) and sum(w in present for w in words) >= 0.6 * len(words)


_LIST_SPLIT = re.compile(r"、|和|与|及|以及|或|,\s*(?:and|or)?\s*|\s+(?:and|or)\s+")


def is_set(answer: str) -> bool:
    """"泥沙淤积、战乱和铁路的兴起": three or more short items are a set, one card per item instead."""
    items = [item for item in _LIST_SPLIT.split(answer) if item.strip()]
    limit = 6 if has_cjk(answer) else 24
    return len(items) >= 3 and all(len(item.strip()) <= limit for item in items)


def answer_ok(answer: str, question: str = "") -> bool:
    """A usable basic answer: short, non-empty, not a bare pronoun and not given away by the question."""
    answer = clean_span(answer)
    if not answer or len(answer) > MAX_ANSWER or len(answer) < 2 and not has_cjk(answer):
        return False
    if re.fullmatch(r"(?:他|她|它|他们|她们|它们|这|那|这些|那些|it|they|this|that|these|those)", answer, re.I):
        return False
    if is_set(answer):
        return False
    return not question or re.sub(r"\s+", "", answer.lower()) not in re.sub(r"\s+", "", question.lower())


# ---------------------------------------------------------------- identity clauses (Chinese)

_ZH_IDENTITY = re.compile(r"(?P<adv>(?:已经|已|依然|仍然|仍|也|都|正|就|才|便|则|恰恰|本身|往往|通常|其实)?)"
                          r"(?P<verb>指的是|是指|就是|即是|乃是|成为了|已成为|成为|在于|即|是)")
_ZH_DEFINING = ("指的是", "是指", "即", "即是")
# what a question "X的本质是什么？" may ask about: an abstract head noun after 的
_ZH_HEAD = re.compile(r"的(?:[\u4e00-\u9fff]{0,2})(?:本质|核心|关键|目的|目标|意义|原因|作用|优势|缺点|优点|特点|"
                      r"难点|瓶颈|基础|前提|任务|挑战|问题|方向|趋势|定义|含义|区别|重点|要点|根源|动力|价值|"
                      r"机制|原理|用途|风险|好处|代价|门槛|障碍|使命|理念|方法|途径|标准)$")
# "X的关键在于Y": jieba glues "关键在于" into one word, so this is matched as text
_ZH_LIES_IN = re.compile(r"^(?P<x>[^,，]{2,16}?(?:关键|问题|原因|区别|意义|重点|难点|本质|核心|秘诀|诀窍|根源|价值))"
                         r"(?:就|正|恰恰)?在于(?P<y>[^,，]{2,30})$")
# a predicate that ranks its subject: ask "什么是主要瓶颈？" rather than "算力是什么？"
_ZH_RANKING = re.compile(r"之一|主要|重要|关键|核心|主流|最大|最重要|首要|根本|唯一|最|第一|首个|首次|新一代")
_ZH_VAGUE = re.compile(r"^(?:一个|一种|一大|这个|那个)?(?:问题|事情|事|办法|方面|过程|现象|事实|好事|坏事|"
                       r"关键|重点|挑战|趋势|必然|常态|可能|选择|例子)$|^(?:对|错|真的|假的|如此|这样|那样)$")
_ZH_BAD_SUBJECT_FLAG = ("d", "c", "p", "r", "u", "uj", "ul", "uz", "uv", "ud", "ug", "f", "x", "y", "e", "o", "zg")
_ZH_SO_CALLED = re.compile(r"^所谓(?:的)?[“\"「]?(?P<x>[^,，。”\"」]{2,20})[”\"」]?[,，]?\s*(?:就是|即|是指|指的是|是)"
                           r"(?P<y>[^。；;]+)")
_ACRONYM = re.compile(r"(?P<short>\b[A-Z][A-Za-z]{0,2}[A-Z]{1,5}s?\b)\s*[(（](?P<long>[A-Za-z][A-Za-z\- ]{4,60}?)[)）]"
                      r"|(?P<long2>\b[A-Z][a-z]+(?:[ \-](?:[A-Za-z][a-z]*)){1,6})\s*[(（](?P<short2>[A-Z]{2,6}s?)[)）]")


def zh_identity_probes(clause: str, inherited: str = "", setting: str = "") -> list[Probe]:
    """Questions about a Chinese "X是Y" / "X成为Y" / "X指的是Y" clause.

    Args:
        clause: one clause, connectives removed.
        inherited: the sentence's subject, for a clause that starts with 是 and has none.
        setting: scene-setting clauses to keep in front of a reversed question ("当前，").
    Returns:
        Probes (possibly none), best first.
    """
    lies = _ZH_LIES_IN.match(clause)
    if lies and "的" in lies.group("x") and _zh_predicate_ok(clean_span(lies.group("y"))):
        return [Probe(f"{WHO}{setting}{lies.group('x')}在于什么", clean_span(lies.group("y")))]
    for match in _ZH_IDENTITY.finditer(clause):
        verb_start, verb_end = match.start("verb"), match.end("verb")
        if not whole_word(clause, verb_start, verb_end):
            continue
        subject_text = clean_span(clause[:match.start()])
        predicate = clean_span(clause[verb_end:])
        if not subject_text and inherited and match.start() == 0 and match.group("verb") == "是":
            return _zh_reverse(inherited, match.group(0), predicate, setting, inherited_subject=True)
        if not _zh_subject_ok(subject_text) or not _zh_predicate_ok(predicate):
            return []
        return _zh_identity(subject_text, match.group("adv"), match.group("verb"), predicate, setting)
    return []


def _zh_subject_ok(text: str) -> bool:
    if len(text) < 2 or len(text) > 20 or starts_with_pronoun(text, "zh"):
        return False
    return last_flag(text) not in _ZH_BAD_SUBJECT_FLAG and not re.search(r"[是将把被]", text[-1])


def _zh_predicate_ok(text: str) -> bool:
    return len(text) >= 2 and not _ZH_VAGUE.match(text) and not starts_with_pronoun(text, "zh") \
        and not re.match(r"^(?:否|不是|非|因为|由于|为了|在于)", text)


def _zh_identity(x: str, adv: str, verb: str, y: str, setting: str) -> list[Probe]:
    if verb in _ZH_DEFINING:
        return [Probe(f"{WHO}{x}指的是什么", y)] if len(y) <= MAX_ANSWER else []
    if verb == "在于":  # "X的关键在于Y" asks for Y; "难点在于" alone names nothing
        return [Probe(f"{WHO}{setting}{x}{adv}在于什么", y)] if _ZH_HEAD.search(x) and len(y) <= MAX_ANSWER else []
    if _ZH_HEAD.search(x):
        return [Probe(f"{WHO}{setting}{x}{adv}{verb}什么", y)] if len(y) <= MAX_ANSWER else []
    if _ZH_RANKING.search(y) or verb.endswith(("成为", "成为了")):
        return _zh_reverse(x, adv + verb, y, setting)
    if re.match(r"^一[种类个条座家款项门件台部篇本套支所]", y) and len(x) <= 12 and len(y) <= MAX_ANSWER \
            and last_flag(x) not in ("nr", "nrfg", "nrt"):
        return [Probe(f"{WHO}什么是{x}", y)]  # genus and difference: "X是一种…的Y"
    return []


def _zh_reverse(x: str, verb: str, y: str, setting: str, inherited_subject: bool = False) -> list[Probe]:
    """"什么是Y？" → X, for a predicate that singles its subject out."""
    if len(x) > 16 or starts_with_pronoun(x, "zh"):
        return []
    if inherited_subject and not _ZH_RANKING.search(y):
        return []
    vague = len(_ZH_RANKING.sub("", y)) <= 4  # "主要障碍之一" alone could be anything's
    return [Probe(f"{WHO}{setting}什么{verb}{y}", x, 0.9 if vague else 1.0, needs_topic=vague and not setting)]


def zh_so_called(text: str) -> list[Probe]:
    """"所谓X，就是Y" → "什么是X？" → Y."""
    match = _ZH_SO_CALLED.match(text.strip())
    if not match:
        return []
    y = clean_span(match.group("y"))
    return [Probe(f"{WHO}什么是{match.group('x')}", y)] if answer_ok(y) else []


def acronym_probes(text: str, language: str) -> list[Probe]:
    """"MOE(Mixture of Experts)", "Mixture of Experts (MOE)" or "coefficient of performance (COP)" →
    what the abbreviation stands for."""
    probes = []
    for match in _ACRONYM.finditer(text):
        short = match.group("short") or match.group("short2")
        long = clean_span(match.group("long") or match.group("long2"))
        if _initials_match(short, long):
            probes.append(_acronym_probe(short, long, language))
    for match in _ACRONYM_AFTER.finditer(text):
        long = _long_form_before(text[:match.start()], match.group("short"))
        if long and not any(p.answer == long for p in probes):
            probes.append(_acronym_probe(match.group("short"), long, language))
    return probes


_ACRONYM_AFTER = re.compile(r"\s*[(（](?P<short>[A-Z]{2,6})s?[)）]")


def _long_form_before(before: str, short: str) -> str:
    """The words right before "(ABBR)" whose initials spell it, small words allowed between."""
    words = re.findall(r"[A-Za-z][\w\-]*", before)
    for count in range(len(short), len(short) + 3):
        if count > len(words):
            break
        candidate = " ".join(words[-count:])
        if before.rstrip().endswith(words[-1]) and _initials_match(short, candidate) \
                and candidate[0].upper() == short[0]:
            return candidate
    return ""


def _acronym_probe(short: str, long: str, language: str) -> Probe:
    question = f"{WHO}{short}的全称是什么" if language == "zh" else f"{WHO}what does {short} stand for"
    return Probe(question, long)


def _initials_match(short: str, long: str) -> bool:
    letters = short.rstrip("s").upper()
    initials = "".join(word[0].upper() for word in re.split(r"[ \-]+", long) if word)
    it = iter(initials)
    # every letter of the abbreviation appears, in order, among the initials, and starts it
    return bool(initials) and initials[0] == letters[0] and all(ch in it for ch in letters)


# ---------------------------------------------------------------- identity clauses (English)

_EN_IDENTITY = re.compile(r"^(?P<x>.+?)\s+(?P<verb>is defined as|are defined as|is known as|are known as|refers to|"
                          r"refer to|means|is called|are called|is|are|remains|remain|has become|have become|"
                          r"became|becomes|become)\s+(?P<y>.+)$")
_EN_HEAD = re.compile(r"^(?:the\s+)?(?:main\s+|real\s+|key\s+)?(?:essence|core|key|goal|purpose|point|aim|heart|"
                      r"secret|cause|reason|source|problem|challenge|advantage|drawback|role|function|idea|meaning|"
                      r"definition|basis|bottleneck)\s+of\b", re.I)
_EN_RANKING = re.compile(r"^(?:the\s+(?:\w+est|most|main|primary|key|chief|leading|first|only|biggest|single)\b|"
                         r"one of\b|among\b)", re.I)
_EN_VAGUE = re.compile(r"^(?:a|an|the|one)\s+(?:\w+\s+)?(?:problem|issue|question|thing|matter|fact|case|way|idea|"
                       r"challenge|mistake|success|failure|example|point|reason|good one|bad one)$", re.I)
_EN_ARTICLE = re.compile(r"^(?:a|an|the|one|two|three|several|many)\s+", re.I)
_EN_BAD_X = re.compile(r"^(?:it|this|that|these|those|there|here|what|which|who|he|she|they|we|i|you|all|"
                       r"one|some|such|so|in|on|at|by|for|from|with|during|after|before|since|under|over|"
                       r"between|among|through|across|last|next|today|yesterday|now|then)\b|"
                       r"\b(?:said|says|argues|believes|that)\b|\d", re.I)
# a plural subject with an article-less description, followed by a lower-case verb
_EN_PLURAL_APPOSITIVE = re.compile(r"^(?P<x>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,2}s),\s+"
                                   r"(?P<y>[a-z][\w\-]*(?:\s+[\w\-]+){1,5}),\s+[a-z]")
_EN_APPOSITIVE = re.compile(r"^(?P<x>(?:The\s+)?[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,3}),\s+"
                            r"(?P<y>(?:a|an|the)\s+[^,]{3,50}),\s+\w")


def en_identity_probes(clause: str) -> list[Probe]:
    """Questions about an English "X is a Y" / "X refers to Y" clause.

    Args:
        clause: one clause or sentence, connectives removed, ending punctuation kept or not.
    Returns:
        Probes (possibly none).
    """
    text = clean_span(clause)
    match = _EN_IDENTITY.match(text)
    if not match:
        return []
    x, verb, y = clean_span(match.group("x")), match.group("verb").lower(), clean_span(match.group("y"))
    if len(x.split()) > 6 or _EN_BAD_X.search(x) or y.lower().startswith(("not ", "no ")):
        return []
    if len(y.split()) < 2 and not (verb in ("is", "are") and _EN_HEAD.match(x)):
        return []  # "The essence of leadership is listening" may answer in one word; others may not
    x_low = x[:1].lower() + x[1:] if not _proper(x) else x
    if verb in ("remains", "remain", "has become", "have become", "became", "becomes", "become"):
        return _en_become(x, verb, y)
    if verb in ("refers to", "refer to", "means"):
        return _en_refers(x, x_low, verb, y)
    if verb.endswith((" as", " called")):  # "X is known as Y", "X is called Y"
        return [Probe(f"{WHO}what {verb.split()[0]} {y} {verb.split()[1]}", x)] if len(x) <= MAX_ANSWER else []
    return _en_is(x, x_low, verb, y)


def _en_become(x: str, verb: str, y: str) -> list[Probe]:
    """"Upfront costs remain the main barrier" → "What remains the main barrier…?" (ranking predicates only)."""
    if _EN_RANKING.match(y) and len(x) <= MAX_ANSWER:
        return [Probe(f"{WHO}what {_third_person(verb)} {y}", x)]
    return []


def _en_refers(x: str, x_low: str, verb: str, y: str) -> list[Probe]:
    """"X refers to Y" → "What does X refer to?", or "Which term refers to Y?" when Y is long."""
    if len(y) > MAX_ANSWER:
        return [Probe(f"{WHO}which term refers to {y}", x)]
    aux = "does" if verb.endswith("s") or verb.startswith("refers") else "do"
    return [Probe(f"{WHO}what {aux} {x_low} {'mean' if verb == 'means' else 'refer to'}", y)]


def _en_is(x: str, x_low: str, verb: str, y: str) -> list[Probe]:
    if _EN_HEAD.match(x) and len(y) <= MAX_ANSWER:
        return [Probe(f"{WHO}what {verb} {x_low}", y)]
    if not _EN_ARTICLE.match(y) or len(x.split()) > 4 or _EN_VAGUE.match(y):
        return []
    if _EN_RANKING.match(y):
        return [Probe(f"{WHO}what {verb} {y}", x)]
    if len(y) <= MAX_ANSWER:
        asker = "who" if _EN_ROLE.match(y) and _proper(x) else "what"
        return [Probe(f"{WHO}{asker} {verb} {x_low}", y)]
    return [Probe(f"{WHO}what {verb} {y} called", x, 0.9)]


# "John Park is a reporter" asks "Who is John Park?"
_EN_ROLE = re.compile(r"^(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:reporter|journalist|engineer|scientist|professor|"
                      r"researcher|economist|doctor|physician|teacher|writer|author|founder|co-founder|director|"
                      r"manager|student|artist|politician|lawyer|analyst|expert|designer|developer|ceo|president|"
                      r"minister|historian|philosopher|psychologist|neuroscientist|biologist|chemist|physicist|"
                      r"entrepreneur|investor|executive|officer|leader|member|editor|critic|coach|player)\b", re.I)


def _third_person(verb: str) -> str:
    return {"remain": "remains", "become": "becomes", "have become": "has become"}.get(verb, verb)


def _proper(phrase: str) -> bool:
    """True for a name or acronym ("REM sleep", "Maria Alvarez") whose capital must stay."""
    first = phrase.split()[0]
    return bool(re.match(r"^[A-Z]{2,}|^[A-Z][a-z]+[A-Z]", first)) or \
        (len(phrase.split()) > 1 and all(w[:1].isupper() for w in phrase.split()))


def en_appositive(text: str) -> list[Probe]:
    """"The hippocampus, a small seahorse-shaped structure, replays…" → "What is the hippocampus?";
    "Sleep spindles, brief bursts of brain activity, predict…" → "What are sleep spindles?"."""
    match = _EN_APPOSITIVE.match(text.strip()) or _EN_PLURAL_APPOSITIVE.match(text.strip())
    if not match or _EN_BAD_X.search(match.group("x")) or re.search(r"\b(?:and|or)\b", match.group("y")):
        return []
    x = match.group("x")
    x_low = x if _proper(x) else x[:1].lower() + x[1:]
    verb = "is" if match.re is _EN_APPOSITIVE else "are"
    return [Probe(f"{WHO}what {verb} {x_low}", clean_span(match.group("y")), 0.9)]


# ---------------------------------------------------------------- the rule family

def probes(text: str, language: str) -> list[Probe]:
    """Every identity question about a sentence's content (no attribution).

    Args:
        text: the sentence, or the part after "X认为" / "X argues that".
        language: "zh" or "en".
    Returns:
        Probes, best first.
    """
    found = acronym_probes(text, language)
    if language == "zh":
        found += zh_so_called(text) or _zh_clause_probes(text)
    else:
        found += en_identity_probes(strip_connectives(text, "en")) or en_appositive(strip_connectives(text, "en"))
    return [p for p in found if p.cloze or answer_ok(p.answer, p.template)]


def _zh_clause_probes(text: str) -> list[Probe]:
    clauses = zh_clauses(text)
    inherited = lead_noun_phrase(clauses[0]) if clauses else ""
    found: list[Probe] = []
    for index, clause in enumerate(clauses):
        setting = "，".join(c for c in clauses[:index] if is_setting(c))
        found += zh_identity_probes(clause, inherited if index else "", setting + "，" if setting else "")
    return found


def candidates(ctx: Context) -> list[Candidate]:
    """Definition and identity cards for one sentence.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        Candidates; a reversed question whose predicate is vague gets the section topic in front.
    """
    if too_long(ctx.text, ctx.language):
        return []
    text = resolved(ctx)
    result = []
    for probe in probes(text, ctx.language):
        if grounded(probe.answer, ctx.text):
            prefix = topic_prefix(ctx) if probe.needs_topic else ""
            result.append(render(probe, "", ctx, RULE, prefix))
    return result
