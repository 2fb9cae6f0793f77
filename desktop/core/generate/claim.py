"""Attributed claims: "X指出/认为/强调/预测/建议…，C" and "X said/argues/predicts… (that) C".

The card asks for the key part of C, with the speaker kept in the question because a forecast or an
opinion is only true as someone's: "李沐认为AI的本质是什么？" → "辅助人类完成任务". The key part is
found by the identity and cause patterns (definition.py, cause.py) plus a few patterns typical of
claims ("A对于B来说至关重要", "需要在X上取得进展", "X对Y提出了质疑"). When none fits, the card is a
cloze over the claim's most informative term (terms.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from desktop.core.card import CLOZE
from desktop.core.generate import cause, definition, quantity
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import (
    EN_REPORTING, ZH_REPORTING, clean_span, starts_with_pronoun, too_long, zh_clauses)
from desktop.core.generate.english import VERB_BASES
from desktop.core.generate.index import cached, sentence_key
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.people import person_before
from desktop.core.generate.questions import (
    WHO, Probe, answer_ok, cloze, finish_question, grounded, render, topical)
from desktop.core.generate.subject import resolve
from desktop.core.generate.terms import best_term
from desktop.core.text import tagged_words

RULE = "claim"
FALLBACK_SCORE = 0.5

# verbs whose object is usually a thing ("分享了一些心得"); they frame a claim only before ，or ：
_ZH_OBJECT_VERBS = ("提出", "分享", "表示", "提到", "发现", "透露", "补充", "解释", "质疑", "承认", "介绍", "回忆",
                    "宣布")
# what may stand between a speaker and the verb: "李沐在演讲中指出", "他还强调"
_ZH_SPEAKER_TAIL = re.compile(r"(?:在[^,，。]{1,12}?(?:中|上|里|时|前|后)|曾经|曾|也|还|又|进一步|同时|再次|明确|"
                              r"特别|更|则|一直|随后|最后|首先|此前|坚定地|公开|多次|反复|据此|对此)$")
_ZH_SPEAKER_HEAD = re.compile(r"^(?:并|而|且|还|也|又|同时|随后|最后|此外|另外)")
_ZH_VAGUE = re.compile(r"^(?:了)?(?:他|她|自己)?(?:的)?(?:一些|这些|很多|许多|不少|自己的)?(?:[^,，]{0,8}的)?"
                       r"(?:心得|经验|看法|观点|见解|想法|体会|感受|故事|思考|建议)$")
_ZH_IMPORTANT = re.compile(r"^(?P<a>[^,，]{2,20}?)(?:对于|对)(?P<b>[^,，]{1,16}?)(?:来说|而言)?(?:都|也|尤其|更是|而言)?"
                           r"(?P<adj>至关重要|非常重要|十分重要|很重要|最重要|尤为重要|不可或缺|必不可少|意义重大)")
_ZH_NEED_IN = re.compile(r"^(?P<a>[^,，]{2,16}?)(?P<need>需要|必须|应该|应当|要)在(?P<x>[^,，]{2,16}?)(?:上|方面|领域)"
                         r"(?P<v>取得|实现|有|做出|获得|寻求)(?P<rest>[^,，]*)")
_ZH_SPEAKER_FLAGS = ("nr", "nrfg", "nrt", "n", "nt", "nz", "eng", "ns", "j")  # a speaker ends with a noun
_ZH_TARGET = re.compile(r"^(?P<who>.+?)对(?P<target>[^,，]{2,16})$")

# the base forms follow a plural speaker ("Experts say …"); longer forms first, so "says" wins over "say"
_EN_VERB = "|".join(sorted({*EN_REPORTING, "say", "argue", "believe", "warn", "predict", "suggest", "note", "claim",
                            "think", "expect", "estimate", "recommend", "caution", "insist", "contend"},
                           key=lambda verb: (-len(verb), verb)))
# a name's words: "Maria Okafor", "Dennis vanEngelsdorp", "Karl von Frisch"
_EN_NAME_WORD = r"(?:[A-Z][\w'\-]+|[a-z]{1,4}[A-Z][\w'\-]+)"
_EN_NAME = (rf"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?{_EN_NAME_WORD}"
            rf"(?:\s+(?:(?:von|van|de|da|der|den|del|du|le|la|al|bin)\s+){{0,2}}{_EN_NAME_WORD}){{0,2}}")
# what may stand around a speaker's name: "Marine biologist Hannah Liu of Avery State University warned",
# "Researchers such as X argue", "The Coastal Water Alliance, a local advocacy group, argues"
_EN_ROLE = r"(?:(?:[A-Z][a-z]+\s+)?(?:[a-z][\w\-]*\s+){0,3}?|[A-Z][a-z]+\s+(?:such as|like|including)\s+|The\s+)"
_EN_AFFILIATION = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4}|,\s+(?:an?|the)\s+[^,]{3,50},)"
_EN_FRONT = re.compile(rf"^(?P<lead>(?:[^,]+,\s+)?)(?P<role>{_EN_ROLE})?(?P<who>{_EN_NAME}|[Hh]e|[Ss]he)"
                       rf"(?:{_EN_AFFILIATION})?\s+"
                       rf"(?:also\s+|further\s+|has\s+|have\s+|had\s+|once\s+)?(?P<verb>{_EN_VERB})(?:\s+that)?[,:]?\s+"
                       r"(?P<claim>.+)$")
_EN_ACCORDING = re.compile(r"^According to (?P<who>[^,]{2,40}),\s*(?P<claim>.+)$")
_EN_AFTER = re.compile(rf"^(?P<claim>.+?),[\"”’]?\s*(?:(?P<who>{_EN_NAME}|he|she)\s+(?P<verb>{_EN_VERB})|"
                       rf"(?P<verb2>said|says|argued|argues|added|adds)\s+(?P<who2>{_EN_NAME}))\.?$")
_EN_NOT_SPEAKER = re.compile(r"^(?:The|This|That|These|Those|It|There|Some|Many|Most|Such|In|On|At|For|As)\b")


@dataclass
class Claim:
    """An attributed claim inside a sentence."""

    speaker: str  # resolved: "李沐", "Alvarez"
    verb: str  # "认为", "argues"
    content: str  # the claim itself
    text: str  # the sentence as shown on a cloze (references resolved)
    content_start: int  # where `content` starts in `text`
    target: str = ""  # "对Y提出了质疑": Y


def find_claim(ctx: Context) -> Claim | None:
    """The attributed claim of the context sentence, if it has one.

    The claim is found in the sentence as written (a resolver must not mistake "argues that slow…"
    for "that slow…"); then the speaker is named and the content's references are resolved.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        The claim with its speaker resolved to a name, or None (computed once per sentence: the
        key-term family asks too).
    """
    return cached(ctx, ("claim", sentence_key(ctx)), lambda: _find_claim(ctx))


def _find_claim(ctx: Context) -> Claim | None:
    found = _zh_claim(ctx.text, ctx) if ctx.language == "zh" else _en_claim(ctx.text, ctx)
    if found is None:
        return None
    speaker, (who_start, who_end), verb, (start, end), target = found
    content = clean_span(resolve(ctx.text[start:end], ctx))
    if len(content) < 2:
        return None
    named = ctx.text[:who_start] + speaker + ctx.text[who_end:]  # the pronoun speaker replaced by the name
    shift = len(speaker) - (who_end - who_start)
    if who_start < start:
        start, end = start + shift, end + shift
    quote = named[start] if named[start] in "\"“" else ""  # '"Dense brine …," she said.' keeps its quotes
    text = named[:start] + quote + content + named[end:]
    return Claim(speaker, verb, content, text, start + len(quote), target)


# speaker, its span, verb, the claim's span, target ("对Y提出了质疑")
_Found = tuple[str, tuple[int, int], str, tuple[int, int], str]


def _content_end(text: str) -> int:
    """Where a sentence's content ends: before its final punctuation and closing quotes."""
    return len(re.sub(r"[。.!！?？]+[”’\"')）]*\s*$", "", text))


def _zh_claim(text: str, ctx: Context) -> _Found | None:
    pos = 0
    for word, _flag in tagged_words(text):
        start = text.find(word, pos)
        if start < 0:
            continue
        pos = start + len(word)
        if word in ZH_REPORTING:
            found = _zh_claim_at(text, start, pos, ctx)
            if found:
                return found
    return None


def _zh_claim_at(text: str, start: int, end: int, ctx: Context) -> _Found | None:
    verb = text[start:end]
    clause_start = max(text.rfind(c, 0, start) for c in ",，;；") + 1
    raw = text[clause_start:start]
    speaker = _trim_speaker(raw)
    target = _ZH_TARGET.match(speaker)
    if target:
        speaker = target.group("who")
    if speaker:
        offset = clause_start + raw.find(speaker)
        span = (offset, offset + len(speaker))
    elif clause_start > 0 and re.fullmatch(r"\s*(?:并|而|且|还|也|又|同时|随后|进而)?\s*", raw):
        speaker, span = _sentence_speaker(text)  # "他将A和B进行了对比，并指出…": the subject speaks
    else:
        return None
    name = _person(speaker, ctx, text[:span[0]])
    if not name:
        return None
    rest = text[end:]
    framed = re.match(r"^(?:了|道|说|称)?\s*[,，:：]\s*", rest)
    if verb in _ZH_OBJECT_VERBS and not framed and not target:
        return None  # "分享了一些心得": the verb's object is a thing, not a claim
    content_start = end + (framed.end() if framed else len(re.match(r"^(?:了|道)?", rest).group(0)))
    return name, span, verb, (content_start, _content_end(text)), target.group("target") if target else ""


def _trim_speaker(raw: str) -> str:
    """"李沐在演讲中" → "李沐"; "并" → ""."""
    speaker, previous = clean_span(raw), None
    while previous != speaker:
        previous, speaker = speaker, clean_span(_ZH_SPEAKER_TAIL.sub("", speaker))
    return _ZH_SPEAKER_HEAD.sub("", speaker)


def _sentence_speaker(text: str) -> tuple[str, tuple[int, int]]:
    """The person or pronoun a sentence opens with, and its span ("", (0, 0) when none)."""
    pairs = tagged_words(text)
    if pairs and (pairs[0][1] in ("nr", "nrfg", "nrt") or pairs[0][0] in ("他", "她")) and text.startswith(pairs[0][0]):
        return pairs[0][0], (0, len(pairs[0][0]))
    return "", (0, 0)


def _person(speaker: str, ctx: Context, before: str) -> str:
    """A speaker usable in a question: a name, a title with a name, or a source such as "报告"."""
    if not speaker or len(speaker) > (16 if ctx.language == "zh" else 40):
        return ""
    if starts_with_pronoun(speaker, ctx.language):
        if speaker.lower() not in ("他", "她", "he", "she"):
            return ""  # "他们" / "they" are a group: naming one person would be wrong
        return person_before(ctx, before)
    pairs = tagged_words(speaker)
    if ctx.language == "zh" and (not pairs or pairs[-1][1] not in _ZH_SPEAKER_FLAGS):
        return ""
    names = [w for w, f in pairs if f in ("nr", "nrfg", "nrt")]
    # "清华大学教授王海涛" → "王海涛": the question names the person, not the whole title
    return names[-1] if names and len(speaker) > 6 else speaker


def _en_claim(text: str, ctx: Context) -> _Found | None:
    match = _EN_ACCORDING.match(text) or _EN_FRONT.match(text) or _EN_AFTER.match(text)
    if not match:
        return None
    who_group = "who2" if match.groupdict().get("who2") else "who"
    verb = "according to" if match.re is _EN_ACCORDING else match.group("verb") or match.group("verb2")
    who = match.group(who_group)
    if _EN_NOT_SPEAKER.match(who) or len(match.group("claim").split()) < 3:
        return None
    name = _person(who, ctx, text[:match.start(who_group)])
    if not name:
        return None
    # "C, Park said." keeps the claim where it stands; "Park said that C." has it at the end
    end = match.end("claim") if match.re is _EN_AFTER else _content_end(text)
    return name, match.span(who_group), verb, (match.start("claim"), end), ""


def _who(claim: Claim, language: str) -> str:
    if language == "zh":
        return f"{claim.speaker}{claim.verb}"
    return f"According to {claim.speaker}, "


def claim_probes(content: str, language: str, sentence: str = "") -> list[Probe]:
    """Questions about the key part of a claim's content.

    Args:
        content: what the speaker claims.
        language: "zh" or "en".
        sentence: the whole sentence (a comparison's other member may be named outside the claim).
    Returns:
        Probes from the identity and cause patterns and the claim patterns, best first.
    """
    found = definition.probes(content, language) + cause.probes(content, language, sentence)
    if language == "zh":
        found += _zh_important(content) + _zh_need_in(content)
    return found


def _zh_important(content: str) -> list[Probe]:
    match = _ZH_IMPORTANT.match(content)
    if not match:
        return []
    a = clean_span(match.group("a"))
    if starts_with_pronoun(a, "zh"):
        return []
    return [Probe(f"{WHO}什么对于{match.group('b')}来说{match.group('adj')}", a)]


def _zh_need_in(content: str) -> list[Probe]:
    for clause in zh_clauses(content):
        match = _ZH_NEED_IN.match(clause)
        if match and not starts_with_pronoun(match.group("a"), "zh"):
            question = f"{WHO}{match.group('a')}{match.group('need')}在哪些方面{match.group('v')}{match.group('rest')}"
            return [Probe(question, clean_span(match.group("x")))]
    return []


def _target_card(claim: Claim, language: str) -> list[Candidate]:
    """"李沐对垂直模型提出了质疑" → "李沐对什么提出了质疑？" → "垂直模型"."""
    if not claim.target or len(claim.content) > 6:
        return []
    question = finish_question(f"{claim.speaker}对什么{claim.verb}了{claim.content}", language)
    return [Candidate.basic(question, claim.target, RULE)]


# "Engineers argue that new sites are hard to find": a group speaks; the claim says what its subject is like
_EN_GROUP = re.compile(r"^(?P<who>(?:(?:Many|Some|Most|Other)\s+)?(?:[A-Z][a-z]+|[a-z]+)\s*(?:[a-z]+)?s)\s+"
                       r"(?P<verb>argue|say|warn|believe|claim|think|contend|insist|fear|expect|agree|note)\s+"
                       r"(?:that\s+)?(?P<x>(?:[Tt]he\s+|[Aa]n?\s+|[Nn]ew\s+|[Mm]ost\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}?)"
                       r"\s+(?P<aux>is|are|was|were|will be|would be|can be|could be|may be|remain|remains)\s+"
                       r"(?P<pred>[^,;]{3,40}?)\.?$")
_EN_GROUP_NOT = {"they", "we", "you", "there", "this", "these", "those", "it", "he", "she", "i"}


def _group_claim(ctx: Context) -> list[Candidate]:
    """"Engineers argue that new sites are hard to find" → "What do engineers argue about new sites?" →
    "they are hard to find"."""
    match = _EN_GROUP.match(clean_span(ctx.text))
    if not match or match.group("who").split()[-1].lower() in _EN_GROUP_NOT:
        return []
    x = match.group("x")
    words = x.split()
    if words[0].lower() in _EN_GROUP_NOT or any(w.lower() in ("that", "there", "it", "this") for w in words):
        return []
    who = match.group("who")
    who = who[0].lower() + who[1:]
    pronoun = "they" if match.group("aux") in ("are", "were") or x.lower().endswith("s") and \
        match.group("aux") not in ("is", "was", "remains") else "it"
    answer = f"{pronoun} {match.group('aux')} {match.group('pred')}"
    if len(answer) > 40:
        return []
    question = f"What do {who} {match.group('verb')} about {x[0].lower() + x[1:]}?"
    return [Candidate.basic(question, answer, RULE, 0.8)]


def _fallback(claim: Claim, ctx: Context) -> list[Candidate]:
    """A cloze over the claim's most informative term (or an advice's action), with the speaker named."""
    if ctx.language == "zh" and (_ZH_VAGUE.match(claim.content) or len(claim.content) < 10):
        return []  # nothing or too little to recall
    content = claim.content
    if ctx.language != "zh":  # "…fixing leaking pipes, which lose 20 percent…": the aside is not the claim
        content = re.split(r",\s+(?:which|who)\s+", content)[0]
    if find_quantities(content, ctx.language) and quantity.candidates(ctx):
        return []  # the quantity family asks about the number already
    span = _advised_action(claim) if ctx.language != "zh" else None
    if span is None and ctx.language != "zh" and len(claim.content.split()) < 6:
        return []  # "there is no consensus yet": too little to recall
    # a Chinese claim has substance by nature: a less rare term is still worth asking
    content_span = (claim.content_start, claim.content_start + len(content))
    span = span or best_term(claim.text, ctx, content_span, leniency=0.8 if ctx.language == "zh" else 1.0)
    if span is None:
        return []
    return [Candidate(CLOZE, cloze(claim.text, *span), "", claim.text[span[0]:span[1]], RULE, FALLBACK_SCORE)]


_EN_ADVICE = re.compile(r"^(?:recommends?|recommended|suggests?|suggested|advises?|advised|urges?|urged|proposes?|"
                        r"proposed)$")
_EN_MODAL = re.compile(r"^(?:should|must|ought|need|needs|can|could|will|would|may|might)$")


def _advised_action(claim: Claim) -> tuple[int, int] | None:
    """"X recommends that students review new material before bed" → the span "review … bed"."""
    if not _EN_ADVICE.match(claim.verb):
        return None
    words = list(re.finditer(r"\S+", claim.content))
    for index, word in enumerate(words[1:5], start=1):
        low = word.group(0).lower()
        if _EN_MODAL.match(low) or low in VERB_BASES:
            start = claim.content_start + word.start()
            if _EN_MODAL.match(low) and index + 1 < len(words):
                start = claim.content_start + words[index + 1].start()
            end = claim.content_start + len(claim.content)
            return (start, end) if end - start >= 6 else None
    return None


def candidates(ctx: Context) -> list[Candidate]:
    """Cards about what the speaker of an attributed claim said.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        Basic questions about the key part of the claim, or one cloze when no question fits.
    """
    ctx = unlabelled(ctx)
    claim = None if too_long(ctx.text, ctx.language) or not_content(ctx) else find_claim(ctx)
    if claim is None:
        return _group_claim(ctx) if ctx.language != "zh" and not not_content(ctx) else []
    if claim.target:
        return _target_card(claim, ctx.language)
    who = _who(claim, ctx.language)
    result = []
    probes = claim_probes(claim.content, ctx.language, claim.text)
    if len([p for p in probes if not p.spare]) > 0:
        probes = [p for p in probes if not p.spare]  # the other way round only when nothing else asks
    for probe in probes:
        if probe.cloze and WHO not in probe.template:
            probe = replace(probe, template=WHO + probe.template)  # a cloze keeps who said it
        card = render(probe, who if WHO in probe.template else "", ctx, RULE)
        if (probe.cloze or answer_ok(card.answer, card.front)) and grounded(card.answer, ctx.text) \
                and not topical(card, ctx):
            result.append(card)
    return result or _fallback(claim, ctx) or (_group_claim(ctx) if ctx.language != "zh" else [])
