"""Cause, means and contrast cards.

Chinese: "因为/由于C，(所以)E", "E，因为C", "C导致/造成E", "C使得E", "A离不开/取决于/得益于B",
"A随着B而V", "通过M来G", "与其A，不如B", "X在Y上更为关键" (with the alternative named nearby),
"A比B更C". English: "because", "due to", "leads to", "causes", "rather than", "more … than".
Each pattern yields a `Probe` (see definition.py) so that the claim family can put the speaker in.
"""
from __future__ import annotations

import re

from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.definition import (
    MAX_ANSWER, WHO, Probe, answer_ok, clean_span, grounded, lead_noun_phrase, render, starts_with_pronoun,
    resolved, strip_connectives, too_long, whole_word, zh_clauses)
from desktop.core.text import tagged_words

RULE = "cause"

_NO_STOP = r"[^,，。；;！？!?]"  # inside one clause
_ZH_BECAUSE_FIRST = re.compile(rf"(?:因为|由于)(?P<c>{_NO_STOP}+)[,，]\s*(?:所以|因此|因而|于是|从而|才)?(?P<e>[^。；;]+)")
_ZH_BECAUSE_AFTER = re.compile(r"^(?P<e>[^。；;]+?)[,，]\s*(?:这是|这主要是|主要是|正是)?因为(?P<c>[^。；;]+)")
_ZH_LEAD = re.compile(rf"(?P<c>{_NO_STOP}+?)(?P<v>导致了|导致|造成了|造成|引起了|引起|引发了|引发)(?P<e>{_NO_STOP}+)")
_ZH_MAKE = re.compile(rf"(?P<c>{_NO_STOP}+?)[,，]?\s*(?P<v>使得|使|让)(?P<e>{_NO_STOP}+)")
_ZH_DEPEND = re.compile(rf"(?P<a>{_NO_STOP}+?)(?P<v>离不开|取决于|依赖于|得益于|归功于|受限于|受制于|源于|来源于|源自|"
                        rf"归因于|有赖于)(?P<b>{_NO_STOP}+)")
_ZH_ALONG = re.compile(rf"(?P<a>{_NO_STOP}+?)随着(?P<b>{_NO_STOP}+?)而(?P<v>{_NO_STOP}+)")
_ZH_MEANS = re.compile(rf"(?P<pre>{_NO_STOP}*?)通过(?P<m>{_NO_STOP}{{1,20}}?)(?P<link>来|去|以)(?P<goal>{_NO_STOP}+)")
# modals and adverbs that sit between a cause and its verb: they belong to the question, not the answer
_ZH_MODAL_TAIL = re.compile(r"(?:也|还|都|就|往往|通常|常常|经常|总是|可能|可能会|会|能|能够|可以|将|将会|已经|已|正在|"
                            r"则|便|直接|间接|进一步|显著|大大|大幅|明显|仍然|依然|依旧|仍|始终|一直|主要|很大程度上)+$")
_ZH_EFFECT_VERB = re.compile(rf"(?P<c>{_NO_STOP}+?)(?P<v>改善|提高|提升|降低|减少|增加|促进|加快|减缓|削弱|增强|阻碍|"
                             rf"推动|抑制|缓解|加剧)(?P<e>{_NO_STOP}+)")
_ZH_PERSONAL = re.compile(r"^(?:我们|我|你们|你|咱们|大家|他们|她们|他|她)")
_ZH_NOT_LINK = re.compile(r"以(?:及|便|后|来|前|上|下|内|外|为|致)|来(?:说|看|自|源|讲)|去(?:年|世)")
_ZH_RATHER = re.compile(r"与其(?P<a>[^,，。；;]+)[,，]\s*(?:还)?不如(?P<b>[^。；;]+)")
_ZH_PLACE = re.compile(r"^(?P<verb>.*?(?:放在|集中在|投入到|投到|投入|用在|花在|聚焦于|聚焦在|专注于|集中于|致力于|"
                       r"转向|押在|精力在|精力于|资源在|资金在))(?P<x>[^在于到]{2,20}?)(?:上|中|里|方面)?$")
_ZH_BETTER = re.compile(r"(?P<x>[^,，。；;在]{2,16}?)在(?P<y>[^,，。；;]{2,20}?)(?:上|方面|中)(?P<v>更为|更加|更|最为)"
                        r"(?P<adj>[^,，。；;]{1,6})")
_ZH_PAIR = re.compile(r"(?:将|把|对)?(?P<a>[^,，。；;将把对]{2,16}?)(?:和|与|跟|同)(?P<b>[^,，。；;]{2,12}?)"
                      r"(?:进行了?|作了?|做了?)?(?:对比|比较)|(?P<c>[^,，。；;]{2,12}?)(?:和|与)(?P<d>[^,，。；;]{2,12}?)相比")
_ZH_THAN = re.compile(rf"(?P<a>{_NO_STOP}{{2,20}}?)比(?P<b>{_NO_STOP}{{2,16}}?)(?P<more>更|还要|要)"
                      rf"(?P<c>{_NO_STOP}{{1,10}})")
_ZH_FRAME_END = re.compile(r"(?:指出|认为|强调|预测|建议|表示|预计|相信|坦言|称|说|表明|提醒|警告|主张|觉得|写道|"
                           r"透露|呼吁|解释|补充|估计|判断|坚信|提到)$")
# a clause that is really the speaker's frame, not a cause ("李沐指出")
_ZH_FRAME = re.compile(r"^(?:并|还|也|又|进而|同时)?(?:指出|认为|强调|表示|发现|提到|说明|称|说)")


def zh_probes(text: str, context: str = "") -> list[Probe]:
    """Cause, means and contrast questions about a Chinese sentence's content.

    Args:
        text: the sentence, or its part after "X认为".
        context: the whole sentence when `text` is only part of it (where a comparison's other
            member may be named: "他将A和B进行了对比，并指出B更为关键").
    Returns:
        Probes, best first.
    """
    text = strip_connectives(text.strip(), "zh")
    found: list[Probe] = []
    for finder in (_zh_because, _zh_lead, _zh_make, _zh_depend, _zh_along, _zh_means, _zh_rather, _zh_than,
                   _zh_not_but, _zh_superlative):
        found += finder(text)
    found += _zh_better(text, context or text)
    if not found:
        found += _zh_effect(text)  # the loosest pattern: only when nothing more specific fits
    return [p for p in found if p.cloze or answer_ok(p.answer, p.template)]


def _join(clauses: list[str]) -> str:
    return "，".join(clauses)


def _np(text: str) -> str:
    """A clause reduced to a usable noun phrase for an answer ("此外，内存需求的快速增长" → "内存需求的快速增长")."""
    clauses = zh_clauses(text)
    return _ZH_MODAL_TAIL.sub("", clauses[-1]) if clauses else ""


def _modal(text: str) -> str:
    """The modal or adverb between a subject and its verb ("咖啡因会导致" → "会"), kept in the question."""
    clauses = zh_clauses(text)
    match = _ZH_MODAL_TAIL.search(clauses[-1]) if clauses else None
    # "也/还/都" point at something said before; the stand-alone question drops them
    return re.sub(r"^(?:也|还|都)+", "", match.group(0)) if match else ""


def _zh_because(text: str) -> list[Probe]:
    match = _ZH_BECAUSE_FIRST.search(text) or _ZH_BECAUSE_AFTER.search(text)
    if not match:
        return []
    effect = _join(zh_clauses(match.group("e")))
    causes = zh_clauses(match.group("c"))
    if not effect or not causes or _ZH_PERSONAL.match(effect):
        return []  # "为什么我们只能讲到这里？" is about the speaker, not the topic
    cause = causes[0] if len(_join(causes)) > MAX_ANSWER else _join(causes)
    return [Probe(f"为什么{WHO}{effect}", cause)]


def _zh_lead(text: str) -> list[Probe]:
    match = _ZH_LEAD.search(text)
    if not match or not whole_word(text, match.start("v"), match.end("v")):
        return []
    cause, verb, effect = _np(match.group("c")), match.group("v"), clean_span(match.group("e"))
    if not _is_phrase(cause) or len(effect) < 2:
        return []
    verb = _modal(match.group("c")) + verb
    return [Probe(f"{WHO}什么{verb}{effect}", cause), Probe(f"{WHO}{cause}{verb}什么", effect, 0.9)]


def _zh_effect(text: str) -> list[Probe]:
    """"规律的运动能显著改善睡眠质量" → "什么能显著改善睡眠质量？" → "规律的运动"."""
    for match in _ZH_EFFECT_VERB.finditer(text):
        if not whole_word(text, match.start("v"), match.end("v")):
            continue
        cause, effect = _np(match.group("c")), clean_span(match.group("e"))
        effect = re.sub(r"^了", "", effect)
        if _is_phrase(cause) and _plain_noun_phrase(cause) and len(effect) >= 2 \
                and not starts_with_pronoun(effect, "zh"):
            verb = _modal(match.group("c")) + match.group("v")
            return [Probe(f"{WHO}什么{verb}{effect}", cause, 0.9)]
    return []


def _zh_make(text: str) -> list[Probe]:
    for match in _ZH_MAKE.finditer(text):
        if not whole_word(text, match.start("v"), match.end("v")):
            continue
        cause, verb, effect = _np(match.group("c")), match.group("v"), clean_span(match.group("e"))
        if _is_phrase(cause) and len(effect) >= 4 and not _ZH_FRAME.match(cause):
            return [Probe(f"{WHO}什么{_modal(match.group('c'))}{verb}{effect}", cause)]
    return []


def _is_phrase(text: str) -> bool:
    """A noun-like phrase that can stand as an answer: no pronoun, not a whole clause with its own subject."""
    if not text or len(text) < 2 or starts_with_pronoun(text, "zh") or _ZH_FRAME.match(text):
        return False
    pairs = tagged_words(text)
    return bool(pairs) and pairs[-1][1] not in ("d", "c", "p", "u", "uj", "ul", "x", "r")


def _plain_noun_phrase(text: str) -> bool:
    """"规律的运动", "GPU服务器的散热需求": nouns and modifiers only, no pronoun, preposition or adverb."""
    pairs = tagged_words(text)
    allowed = ("n", "nz", "nt", "ns", "nr", "eng", "vn", "an", "j", "a", "b", "m", "q", "uj", "ng", "l")
    return bool(pairs) and all(flag in allowed for _w, flag in pairs) and pairs[-1][1] not in ("uj", "a", "m")


def _zh_depend(text: str) -> list[Probe]:
    match = _ZH_DEPEND.search(text)
    if not match:
        return []
    subject_text, verb, object_text = _np(match.group("a")), match.group("v"), clean_span(match.group("b"))
    if not _is_phrase(subject_text) or len(object_text) < 2:
        return []
    return [Probe(f"{WHO}{subject_text}{_modal(match.group('a'))}{verb}什么", object_text)]


def _zh_along(text: str) -> list[Probe]:
    match = _ZH_ALONG.search(text)
    if not match:
        return []
    subject_text, driver, change = _np(match.group("a")), clean_span(match.group("b")), clean_span(match.group("v"))
    if not _is_phrase(subject_text) or not change:
        return []
    return [Probe(f"{WHO}{subject_text}随着什么而{change}", driver)]


def _zh_means(text: str) -> list[Probe]:
    """"(S)通过M来G" → "S通过什么来G？" → M, and "S通过M来V什么？" → the goal's object."""
    match = _ZH_MEANS.search(text)
    if not match or match.group("m").startswith("对") or _ZH_NOT_LINK.match(text, match.start("link")):
        return []  # "通过对X的探讨" names a topic, not a means; "以及" is no "以"
    before = [c for c in zh_clauses(text[:match.start()] + match.group("pre")) if not _ZH_FRAME_END.search(c)]
    pre = before[-1] if before else ""
    if not pre or pre in ("还", "也", "并", "还能", "也能", "能", "可以", "还可以"):
        head = lead_noun_phrase(before[0]) if before else ""
        pre = head + re.sub(r"^(?:还|也|并|并且|而且)", "", pre) if head else pre
    if starts_with_pronoun(pre, "zh"):
        return []
    means, link, goal = clean_span(match.group("m")), match.group("link"), clean_span(match.group("goal"))
    found = [Probe(f"{WHO}{pre}通过什么{link}{goal}", means)]
    verb, obj = _split_verb(goal)
    if verb and len(obj) >= 2:
        found.append(Probe(f"{WHO}{pre}通过{means}{link}{verb}什么", obj, 0.9))
    return found


def _split_verb(phrase: str) -> tuple[str, str]:
    """"检视自己的动机和目标" → ("检视", "自己的动机和目标"); "控制和定制X" keeps both verbs."""
    verb, pairs = "", tagged_words(phrase)
    for index, (word, flag) in enumerate(pairs):
        follows_verb = flag == "c" and verb and index + 1 < len(pairs) and pairs[index + 1][1] == "v"
        if flag == "v" or follows_verb:
            verb += word
            continue
        break
    return (verb, phrase[len(verb):]) if phrase.startswith(verb) else ("", "")


def _zh_rather(text: str) -> list[Probe]:
    """"与其A，不如B" → where to put the effort instead (or a cloze over B)."""
    match = _ZH_RATHER.search(text)
    if not match:
        return []
    lead = zh_clauses(text[:match.start()])
    setting = (_join(lead) + "，") if lead else ""
    avoid, better = clean_span(match.group("a")), clean_span(match.group("b"))
    place = _ZH_PLACE.match(better)
    if place and place.group("verb") and answer_ok(place.group("x")):
        target = clean_span(place.group("x"))
        where = "哪个" + target[-2:] if re.search(r"(?:阶段|方面|领域|环节|方向|部分|问题)$", target) else "哪里"
        return [Probe(f"{WHO}{setting}与其{avoid}，不如{place.group('verb')}{where}", target)]
    if len(better) > MAX_ANSWER:
        return []
    return [Probe(f"{setting}与其{avoid}，不如{{{{c1::{better}}}}}", better, 0.9, cloze=True)]


def _zh_better(text: str, context: str) -> list[Probe]:
    """"X在Y上更为关键" → "与W相比，什么在Y上更为关键？" when the alternative W is named nearby."""
    match = _ZH_BETTER.search(text)
    if not match:
        return []
    winner = re.sub(r"^(?:并|而|且|则)?(?:指出|认为|强调|表示|发现)?", "", clean_span(match.group("x")))
    rest = f"在{match.group('y')}上{match.group('v')}{match.group('adj')}"
    other, winner = _alternative(context, winner)
    if other and winner and not starts_with_pronoun(winner, "zh"):
        return [Probe(f"{WHO}与{other}相比，什么{rest}", winner)]
    if winner and _is_phrase(winner):
        return [Probe(f"{{{{c1::{winner}}}}}{rest}", winner, 0.8, cloze=True)]
    return []


def _alternative(text: str, winner: str) -> tuple[str, str]:
    """The pair member `winner` ends with and the other member of "A和B进行了对比" / "A与B相比"."""
    for match in _ZH_PAIR.finditer(text):
        a = clean_span(match.group("a") or match.group("c") or "")
        b = clean_span(match.group("b") or match.group("d") or "")
        a = re.sub(r"^(?:他|她|它|他们|我们)(?:将|把|对)?", "", a)
        for member, other in ((b, a), (a, b)):
            if member and (member.endswith(winner) or winner.endswith(member)):
                return _shared_owner_dropped(other, member), member if winner.endswith(member) else winner
    return "", winner


def _shared_owner_dropped(other: str, winner: str) -> str:
    """"模型的预训练" vs "后训练" → "预训练": the owner applies to both members."""
    if "的" in other and "的" not in winner:
        return other.rsplit("的", 1)[1] or other
    return other


_ZH_NOT_BUT = re.compile(r"(?P<head>[^,，。；;]*?)(?P<neg>不是|并非|并不是|不在于)(?P<a>[^,，。；;]{2,24})[,，]\s*"
                         r"(?P<but>而是|而在于)(?P<b>[^,，。；;]{2,30})")


def _zh_not_but(text: str) -> list[Probe]:
    """"睡眠不是大脑的休息，而是记忆巩固的关键阶段" → "睡眠不是大脑的休息，而是什么？"."""
    match = _ZH_NOT_BUT.search(text)
    if not match:
        return []
    head = clean_span(match.group("head"))
    if not head or starts_with_pronoun(head, "zh") and len(head) < 3:
        return []
    question = f"{WHO}{head}{match.group('neg')}{match.group('a')}，{match.group('but')}什么"
    return [Probe(question, clean_span(match.group("b")))]


_ZH_SUPERLATIVE = re.compile(r"^(?:对于|对|在)(?P<x>[^,，。；;]{2,16}?)(?:来说|而言|中|上|里)?[,，]\s*"
                             r"(?P<clause>[^,，。；;]{2,20}(?:最大|最高|最多|最强|最快|最重要|最关键|最低|最少|最明显|最突出))"
                             r"[。！!]?$")


def _zh_superlative(text: str) -> list[Probe]:
    """"对于蓝领阶级的工作，AI的机会最大" → "对于哪类工作，AI的机会最大？" → "蓝领阶级"."""
    match = _ZH_SUPERLATIVE.match(text.strip())
    if not match:
        return []
    scope, clause = clean_span(match.group("x")), clean_span(match.group("clause"))
    if starts_with_pronoun(scope, "zh") or starts_with_pronoun(clause, "zh"):
        return []
    if "的" in scope:
        owner, head = scope.rsplit("的", 1)
        if len(owner) >= 2 and 1 <= len(head) <= 4:
            return [Probe(f"{WHO}对于哪类{head}，{clause}", owner)]
    return [Probe(f"{WHO}对于什么，{clause}", scope)]


def _zh_than(text: str) -> list[Probe]:
    """"A的P比B更C" → cloze on A (which one is more C)."""
    match = _ZH_THAN.search(text)
    if not match or not whole_word(text, match.start("a") + len(match.group("a")), match.start("b")):
        return []
    left = _np(match.group("a"))
    owner = left.split("的")[0] if "的" in left else left
    if not _is_phrase(owner) or len(owner) > 16:
        return []
    clause_start = text.find(left)
    clause_end = text.find(match.group("c"), match.start("c")) + len(match.group("c"))
    clause = text[clause_start:clause_end]
    return [Probe(clause.replace(owner, f"{{{{c1::{owner}}}}}", 1), owner, 0.8, cloze=True)]


# ---------------------------------------------------------------- English

_EN_AUX = {"is", "are", "was", "were", "can", "could", "will", "would", "should", "must", "may", "might", "has",
           "have", "had", "do", "does", "did"}
_EN_DET = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "your", "my", "these", "those"}
_EN_AFTER_VERB = {"the", "a", "an", "to", "in", "on", "at", "for", "with", "from", "by", "less", "more", "much",
                  "not", "that", "its", "their", "all", "many", "most", "quickly", "slowly", "so", "too", "very"}
_EN_BECAUSE_FIRST = re.compile(r"^(?:Because|Since|As) (?!of\b)(?P<c>[^,]+), (?P<e>.+)$", re.I)
_EN_BECAUSE_AFTER = re.compile(r"^(?P<e>.+?),? (?:because|since|due to the fact that) (?P<c>.+)$")
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
    for finder in (_en_because, _en_due, _en_lead, _en_rather, _en_more):
        found += finder(text)
    return [p for p in found if p.cloze or answer_ok(p.answer, p.template)]


def _en_because(text: str) -> list[Probe]:
    match = _EN_BECAUSE_FIRST.match(text) or _EN_BECAUSE_AFTER.match(text)
    if not match:
        return []
    effect, cause = clean_span(match.group("e")), clean_span(match.group("c"))
    if re.match(r"^(?:I|we|you|they)\b", effect, re.I):
        return []  # about the writer or an unnamed group, not the topic
    question = why_question(effect)
    if question and len(cause) <= MAX_ANSWER and not starts_with_pronoun(effect, "en"):
        return [Probe(f"{WHO}{question}", cause)]
    start = text.find(cause)
    return [Probe(f"{text[:start]}{{{{c1::{cause}}}}}{text[start + len(cause):]}", cause, 0.8, cloze=True)]


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
        if low in _EN_AUX:
            subject_text = _lower_first(" ".join(words[:index]))
            return " ".join(["why", low, subject_text, *words[index + 1:]])
        if _third_person_verb(words, index):
            subject_text = _lower_first(" ".join(words[:index]))
            return " ".join(["why does", subject_text, _base_form(low), *words[index + 1:]])
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
    determined = subject_words[0] in _EN_DET
    return determined or not following or following in _EN_AFTER_VERB


def _base_form(verb: str) -> str:
    irregular = {"does": "do", "has": "have", "goes": "go", "is": "be"}
    if verb in irregular:
        return irregular[verb]
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ch|sh|x|z|ss)es$", verb):
        return verb[:-2]
    return verb[:-1]


def _lower_first(phrase: str) -> str:
    first = phrase.split()[0] if phrase.split() else ""
    if re.match(r"^[A-Z]{2,}|^[A-Z][a-z]+[A-Z]", first):
        return phrase  # an acronym or a brand keeps its capitals
    return phrase[:1].lower() + phrase[1:]


def _en_due(text: str) -> list[Probe]:
    match = _EN_DUE.match(text)
    if not match or starts_with_pronoun(match.group("e"), "en"):
        return []
    effect = _lower_first(match.group("e"))
    return [Probe(f"{WHO}what {match.group('be')} {effect} due to", clean_span(match.group("c")))]


def _en_lead(text: str) -> list[Probe]:
    match = _EN_LEAD.match(text)
    if not match or starts_with_pronoun(match.group("c"), "en") or len(match.group("c").split()) > 8:
        return []
    if match.group("e").startswith("of ") or _EN_NOUN_SLOT.search(match.group("c")):
        return []  # "the main cause of burnout": a noun, not a verb
    cause, verb, effect = match.group("c"), match.group("v"), clean_span(match.group("e"))
    base = _EN_LEAD_BASE[verb]
    past = verb.endswith("ed") or verb.startswith("led ")
    singular = past and verb or re.sub(r"^(\w+)", lambda m: m.group(1) + "s", base, count=1)
    aux = "did" if past else ("does" if verb.split()[0].endswith("s") else "do")
    return [Probe(f"{WHO}what {singular} {effect}", clean_span(cause)),
            Probe(f"{WHO}what {aux} {_lower_first(cause)} {base}", effect, 0.9)]


def _en_rather(text: str) -> list[Probe]:
    match = _EN_RATHER_FIRST.match(text)
    if match:
        subject_text = _lower_first(match.group("s"))
        return [Probe(f"{WHO}rather than {match.group('a')}, what {match.group('m')} {subject_text} do",
                      clean_span(match.group("b")))]
    match = _EN_RATHER_AFTER.match(text)
    if match and len(match.group("b").split()) <= 6:
        better = clean_span(match.group("b"))
        front = f"{match.group('head')}{{{{c1::{better}}}}} rather than {match.group('a')}"
        return [Probe(front, better, 0.8, cloze=True)]
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
    if verb in _EN_AUX or verb.endswith("ed") and not verb.endswith("eed"):
        return verb  # a modal or a past tense agrees with "what" already
    if verb.endswith("s") and not verb.endswith("ss"):
        return verb
    return verb + ("es" if verb.endswith(("ch", "sh", "x", "o", "ss")) else "s")


# ---------------------------------------------------------------- the rule family

def probes(text: str, language: str, context: str = "") -> list[Probe]:
    """Every cause/contrast question about a sentence's content (no attribution).

    Args:
        text: the sentence, or the part after "X认为" / "X argues that".
        language: "zh" or "en".
        context: the whole sentence when `text` is part of it.
    Returns:
        Probes, best first.
    """
    return zh_probes(text, context) if language == "zh" else en_probes(text)


def candidates(ctx: Context) -> list[Candidate]:
    """Cause, means and contrast cards for one sentence.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        Candidates (basic questions, or a cloze when a question would be awkward).
    """
    if too_long(ctx.text, ctx.language):
        return []
    text = resolved(ctx)
    return [render(probe, "", ctx, RULE) for probe in probes(text, ctx.language) if grounded(probe.answer, ctx.text)]
