"""English cause, means and contrast questions: "because", "due to", "leads to", "rather than", "more … than".

Each pattern yields a `Probe` (questions.py) for the cause family (and, with a speaker, the claim
family). There is no English tagger here: verbs are told by auxiliaries and spelling (english.py).
"""
from __future__ import annotations

import re

from desktop.core.generate.clauses import clean_span, starts_with_pronoun, strip_connectives
from desktop.core.generate.english import AUXILIARIES, DETERMINERS, base_form, lower_first
from desktop.core.generate.questions import MAX_ANSWER, WHO, Probe, answer_ok, cloze_probe

_EN_AFTER_VERB = {"the", "a", "an", "to", "in", "on", "at", "for", "with", "from", "by", "less", "more", "much",
                  "not", "that", "its", "their", "all", "many", "most", "quickly", "slowly", "so", "too", "very"}
_EN_BECAUSE_FIRST = re.compile(r"^(?:Because|Since|As) (?!of\b)(?P<c>[^,]+), (?P<e>.+)$", re.I)
# "since 2012", "since the 1990s", "since then": time, not a reason
_EN_BECAUSE_AFTER = re.compile(r"^(?P<e>.+?),? (?:because|since(?! (?:\d|the \d|then\b|last\b|early\b|(?:January|"
                               r"February|March|April|May|June|July|August|September|October|November|December)\b))|"
                               r"due to the fact that) (?P<c>.+)$")
# "…five to six weeks, mostly because…": the hedge belongs to the reason, not to the effect
_EN_HEDGE = re.compile(r",?\s+(?:mostly|mainly|largely|partly|chiefly|probably|perhaps|simply|only|in part)$", re.I)
_EN_DUE = re.compile(r"^(?P<e>.+?) (?P<be>is|are|was|were) (?:largely |mainly |partly |mostly )?(?:due to|caused by|"
                     r"the result of) (?P<c>.+)$")
_EN_LEAD = re.compile(r"^(?P<c>.+?) (?P<v>leads to|lead to|led to|causes|cause|caused|results in|result in|resulted in|"
                      r"contributes to|contribute to|contributed to) (?P<e>.+)$")
_EN_RATHER_FIRST = re.compile(r"^Rather than (?P<a>[^,]+), (?P<s>.+?) (?P<m>should|must|need to|needs to|ought to|"
                              r"can|could) (?P<b>.+)$", re.I)
_EN_RATHER_AFTER = re.compile(r"^(?P<head>.*?)(?P<b>\b[^,]+?) rather than (?P<a>.+)$")
_EN_MORE = re.compile(r"^(?P<head>.*?\bthat )?(?P<x>[^,]+?) (?P<v>[a-z]+) (?P<cmp>more|less|fewer)"
                      r"(?: (?P<y>[^,]+?))? than "
                      r"(?P<z>[^,]+?)(?: does| do| did| is| are)?(?:,.*)?$")
_EN_NOT_VERB = {"for", "of", "in", "on", "at", "to", "with", "by", "from", "than", "and", "or", "the", "a", "an",
                "much", "far", "even", "still", "no", "any", "some", "many", "little", "slightly", "ever", "once"}
_EN_NOUN_SLOT = re.compile(r"\b(?:the|a|an|main|major|key|primary|root|leading|biggest|common|other|one)$", re.I)
_EN_LEAD_BASE = {"leads to": "lead to", "lead to": "lead to", "led to": "lead to", "causes": "cause",
                 "cause": "cause", "caused": "cause", "results in": "result in", "result in": "result in",
                 "resulted in": "result in", "contributes to": "contribute to", "contribute to": "contribute to",
                 "contributed to": "contribute to"}


def en_probes(text: str) -> list[Probe]:
    """Cause and contrast questions about an English sentence's content.

    Args:
        text: the sentence, or its part after "X argues that".
    Returns:
        Probes, best first.
    """
    text = clean_span(strip_connectives(text, "en"))
    found: list[Probe] = []
    for finder in (_en_because, _en_due, _en_lead, _en_rather, _en_more, _en_depend):
        found += finder(text)
    return [p for p in found if p.cloze or answer_ok(p.answer, p.template)]


def _en_because(text: str) -> list[Probe]:
    match = _EN_BECAUSE_FIRST.match(text) or _EN_BECAUSE_AFTER.match(text)
    if not match:
        return []
    effect, cause = clean_span(_EN_HEDGE.sub("", clean_span(match.group("e")))), clean_span(match.group("c"))
    if re.match(r"^(?:I|we|you|they)\b", effect, re.I):
        return []  # about the writer or an unnamed group, not the topic
    question = why_question(effect)
    if question and len(cause) <= MAX_ANSWER and not starts_with_pronoun(effect, "en"):
        return [Probe(f"{WHO}{question}", cause)]
    start = text.find(cause)
    return [cloze_probe(text, start, start + len(cause), 0.8)]


def why_question(statement: str) -> str:
    """"Cramming fails" → "why does cramming fail"; "" when the verb cannot be found safely.

    Args:
        statement: a short English clause (subject + verb + …).
    Returns:
        The question body without its question mark, or "".
    """
    words = statement.split()
    for index, word in enumerate(words[1:7], start=1):
        low = word.lower()
        if low in AUXILIARIES:
            subject_text = lower_first(" ".join(words[:index]))
            return " ".join(["why", low, subject_text, *words[index + 1:]])
        if _third_person_verb(words, index):
            subject_text = lower_first(" ".join(words[:index]))
            return " ".join(["why does", subject_text, base_form(low), *words[index + 1:]])
    return ""


def _third_person_verb(words: list[str], index: int) -> bool:
    """A verb in "-s" after a singular subject: "Cramming fails", "the replay strengthens X"."""
    word = words[index].lower()
    if not re.fullmatch(r"[a-z]+[^s]s", word) or re.search(r"(?:ss|us|is|ics|ness|ous)$", word):
        return False
    subject_words = [w.lower() for w in words[:index]]
    if subject_words[-1].endswith("s") or len(subject_words) > 3:
        return False
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    determined = subject_words[0] in DETERMINERS
    return determined or not following or following in _EN_AFTER_VERB


def _en_due(text: str) -> list[Probe]:
    match = _EN_DUE.match(text)
    if not match or starts_with_pronoun(match.group("e"), "en"):
        return []
    effect = lower_first(match.group("e"))
    return [Probe(f"{WHO}what {match.group('be')} {effect} due to", clean_span(match.group("c")))]


def _en_lead(text: str) -> list[Probe]:
    match = _EN_LEAD.match(text)
    if not match or starts_with_pronoun(match.group("c"), "en") or len(match.group("c").split()) > 8:
        return []
    if match.group("e").startswith(("of ", "by ")) or _EN_NOUN_SLOT.search(match.group("c")):
        return []  # "the main cause of burnout": a noun; "caused by": a participle, not the verb
    cause, verb, effect = match.group("c"), match.group("v"), clean_span(match.group("e"))
    base = _EN_LEAD_BASE[verb]
    past = verb.endswith("ed") or verb.startswith("led ")
    singular = past and verb or re.sub(r"^(\w+)", lambda m: m.group(1) + "s", base, count=1)
    aux = "did" if past else ("does" if verb.split()[0].endswith("s") else "do")
    return [Probe(f"{WHO}what {singular} {effect}", clean_span(cause)),
            Probe(f"{WHO}what {aux} {lower_first(cause)} {base}", effect, 0.9)]


def _en_rather(text: str) -> list[Probe]:
    match = _EN_RATHER_FIRST.match(text)
    if match:
        subject_text = lower_first(match.group("s"))
        return [Probe(f"{WHO}rather than {match.group('a')}, what {match.group('m')} {subject_text} do",
                      clean_span(match.group("b")))]
    match = _EN_RATHER_AFTER.match(text)
    if match and len(match.group("b").split()) <= 6:
        better = clean_span(match.group("b"))
        sentence = f"{match.group('head')}{better} rather than {match.group('a')}"
        return [cloze_probe(sentence, len(match.group("head")), len(match.group("head")) + len(better), 0.8)]
    return []


def _en_more(text: str) -> list[Probe]:
    """"Ground-source pumps are more efficient than air-source pumps" → "What is more efficient than …?"."""
    match = _EN_MORE.match(text)
    if not match or len(match.group("x").split()) > 5 or starts_with_pronoun(match.group("x"), "en") \
            or match.group("v") in _EN_NOT_VERB or re.match(r"(?:why|how|what|when|where|whether)\b", match.group("x")):
        return []
    if re.match(r"\d", match.group("z")) or not match.group("y") and re.match(r"\d", text[match.end("cmp"):].strip()):
        return []  # "more than 4,000 cycles" is a number for the quantity family
    verb = _singular(match.group("v"))
    if not verb:
        return []
    middle = f" {match.group('y')}" if match.group("y") else ""
    rest = f"{verb} {match.group('cmp')}{middle} than {clean_span(match.group('z'))}"
    asker = "who" if _EN_PEOPLE.search(match.group("x")) else "what"
    return [Probe(f"{WHO}{asker} {rest}", clean_span(match.group("x")))]


_EN_PEOPLE = re.compile(r"\b(?:people|persons?|adults|children|kids|students|women|men|patients|workers|users|"
                        r"teachers|parents|employees|voters|consumers|customers|researchers|doctors|teenagers)$", re.I)


def _singular(verb: str) -> str:
    """The verb agreeing with "what": "are" → "is", "matter" → "matters"; "" for a non-verb."""
    if verb in ("is", "are"):
        return "is"
    if verb in ("was", "were"):
        return "was"
    if verb.endswith(("ly", "ing")):
        return ""
    if verb in AUXILIARIES or verb.endswith("ed") and not verb.endswith("eed"):
        return verb  # a modal or a past tense agrees with "what" already
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb
    return verb + ("es" if verb.endswith(("ch", "sh", "x", "o", "ss")) else "s")


_EN_DEPEND = re.compile(r"^(?P<x>.{3,80}?)\s+(?:largely\s+|mainly\s+|mostly\s+|partly\s+)?(?P<v>depends on|depend on|"
                        r"depended on|relies on|rely on|relied on|hinges on|is determined by|are determined by|"
                        r"is driven by|are driven by)\s+(?P<y>[^,;.]{2,40}?)(?=\s*(?:[,;.]|$))")


def _en_depend(text: str) -> list[Probe]:
    """"Whether a larva becomes a queen depends on diet, not genes." → a cloze over what it depends on."""
    match = _EN_DEPEND.match(text)
    if not match or starts_with_pronoun(match.group("x"), "en"):
        return []
    return [cloze_probe(text, match.start("y"), match.end("y"), 0.9)]
