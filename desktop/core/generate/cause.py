"""Cause, means and contrast cards.

Chinese: "因为/由于C，(所以)E", "E，因为C", "C导致/造成E", "C使得E", "A离不开/取决于/得益于B",
"A随着B而V", "通过M来G", "与其A，不如B", "X在Y上更为关键" (with the alternative named nearby),
"A比B更C"; the English patterns are in cause_en.py.
Each pattern yields a `Probe` (see questions.py) so that the claim family can put the speaker in.
"""
from __future__ import annotations

import re

from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import (
    ZH_PERSONAL, ZH_REPORTING, clean_span, ends_with_reporting_verb, split_clauses, starts_with_pronoun,
    strip_connectives, token_spans, too_long, whole_word, zh_clauses)
from desktop.core.generate.cause_en import en_probes
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.questions import (
    MAX_ANSWER, WHO, Probe, answer_ok, cloze_probe, grounded, render, topical)
from desktop.core.generate.subject import clause_subject, resolved
from desktop.core.text import tagged_words

RULE = "cause"

_NO_STOP = r"[^,，。；;！？!?]"  # inside one clause
_ZH_BECAUSE_FIRST = re.compile(rf"(?:因为|由于)(?P<c>{_NO_STOP}+)[,，]\s*(?:所以|因此|因而|于是|从而|才)?(?P<e>[^。；;]+)")
_ZH_BECAUSE_AFTER = re.compile(r"^(?P<e>[^。；;]+?)[,，]\s*(?:这是|这主要是|主要是|正是)?因为(?P<c>[^。；;]+)")
_LEAD_VERBS = ("导致了", "导致", "造成了", "造成", "引起了", "引起", "引发了", "引发")
_ZH_LEAD = re.compile(rf"(?P<c>{_NO_STOP}+?)(?P<v>{'|'.join(_LEAD_VERBS)})(?P<e>{_NO_STOP}+)")
_MAKE_VERBS = ("使得", "使", "让")
_ZH_MAKE = re.compile(rf"(?P<c>{_NO_STOP}+?)[,，]?\s*(?P<v>{'|'.join(_MAKE_VERBS)})(?P<e>{_NO_STOP}+)")
_DEPEND_VERBS = ("离不开", "取决于", "依赖于", "得益于", "归功于", "受限于", "受制于", "源于", "来源于", "源自", "归因于",
                 "有赖于")
_ZH_DEPEND = re.compile(rf"(?P<a>{_NO_STOP}+?)(?P<v>{'|'.join(_DEPEND_VERBS)})(?P<b>{_NO_STOP}+)")
_ZH_ALONG = re.compile(rf"(?P<a>{_NO_STOP}+?)随着(?P<b>{_NO_STOP}+?)而(?P<v>{_NO_STOP}+)")
_ZH_MEANS = re.compile(rf"(?P<pre>{_NO_STOP}*?)通过(?P<m>{_NO_STOP}{{1,20}}?)(?P<link>来|去|以|为|向|给)(?P<goal>{_NO_STOP}+)")
# modals and adverbs that sit between a cause and its verb: they belong to the question, not the answer
_ZH_MODAL_TAIL = re.compile(r"(?:也|还|都|就|往往|通常|常常|经常|总是|可能|可能会|会|能|能够|可以|将|将会|已经|已|正在|"
                            r"则|便|直接|间接|进一步|显著|大大|大幅|明显|仍然|依然|依旧|仍|始终|一直|主要|很大程度上)+$")
_EFFECT_VERBS = ("改善", "提高", "提升", "降低", "减少", "增加", "促进", "加快", "减缓", "削弱", "增强", "阻碍", "推动",
                 "抑制", "缓解", "加剧")
_ZH_EFFECT_VERB = re.compile(rf"(?P<c>{_NO_STOP}+?)(?P<v>{'|'.join(_EFFECT_VERBS)})(?P<e>{_NO_STOP}+)")
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
# a clause that is really the speaker's frame, not a cause ("李沐指出")
_ZH_FRAME = re.compile(rf"^(?:并|还|也|又|进而|同时)?(?:{'|'.join(ZH_REPORTING)}|说明)")
_ZH_NOT_BUT = re.compile(r"(?P<head>[^,，。；;]*?)(?P<neg>不是|并非|并不是|不在于)(?P<a>[^,，。；;]{2,24})[,，]\s*"
                         r"(?P<but>而是|而在于)(?P<b>[^,，。；;]{2,30})")
_ZH_SUPERLATIVE = re.compile(r"^(?:对于|对|在)(?P<x>[^,，。；;]{2,16}?)(?:来说|而言|中|上|里)?[,，]\s*"
                             r"(?P<clause>[^,，。；;]{2,20}(?:最大|最高|最多|最强|最快|最重要|最关键|最低|最少|最明显|最突出))"
                             r"[。！!]?$")
# The words each pattern cannot match without. A sentence lacking them skips the pattern, whose lazy
# opening group would otherwise be tried from every character of the sentence.
_CUES = {_ZH_LEAD: _LEAD_VERBS, _ZH_MAKE: _MAKE_VERBS, _ZH_DEPEND: _DEPEND_VERBS, _ZH_EFFECT_VERB: _EFFECT_VERBS,
         _ZH_ALONG: ("随着",), _ZH_MEANS: ("通过",), _ZH_BETTER: ("更", "最为"), _ZH_NOT_BUT: ("而是", "而在于"),
         _ZH_THAN: ("比",)}


def _search(pattern: re.Pattern, text: str) -> re.Match | None:
    return pattern.search(text) if _cued(pattern, text) else None


def _finditer(pattern: re.Pattern, text: str):
    return pattern.finditer(text) if _cued(pattern, text) else ()


def _cued(pattern: re.Pattern, text: str) -> bool:
    return any(cue in text for cue in _CUES[pattern])


def zh_probes(text: str, context: str = "") -> list[Probe]:
    """Cause, means and contrast questions about a Chinese sentence's content.

    Args:
        text: the sentence, or its part after "X认为".
        context: the whole sentence when `text` is only part of it (where a comparison's other
            member may be named: "他将A和B进行了对比，并指出B更为关键").
    Returns:
        Probes, best first.
    """
    text = strip_connectives(text.strip(), "zh", subordinators=False)  # "由于…" is what is asked about
    found: list[Probe] = []
    for finder in (_zh_because, _zh_lead, _zh_make, _zh_depend, _zh_along, _zh_means, _zh_rather, _zh_than,
                   _zh_not_but, _zh_superlative):
        found += finder(text)
    found += _zh_better(text, context or text) + _zh_compared(text) + _zh_owing(text)
    if not found:
        found += _zh_effect(text)  # the loosest pattern: only when nothing more specific fits
    if not found:
        found += _zh_parallel(text)
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
    if not effect or not causes or ZH_PERSONAL.match(effect) or starts_with_pronoun(effect, "zh"):
        return []  # "为什么我们只能讲到这里？" is about the speaker, not the topic
    cause = causes[0] if len(_join(causes)) > MAX_ANSWER else _join(causes)
    return [Probe(f"为什么{WHO}{effect}", cause)]


def _zh_lead(text: str) -> list[Probe]:
    match = _search(_ZH_LEAD, text)
    if not match or not whole_word(text, match.start("v"), match.end("v")):
        return []
    cause, verb, effect = _np(match.group("c")), match.group("v"), clean_span(match.group("e"))
    if not _is_phrase(cause) or len(effect) < 2:
        return []
    verb = _modal(match.group("c")) + verb
    return [Probe(f"{WHO}什么{verb}{effect}", cause), Probe(f"{WHO}{cause}{verb}什么", effect, 0.9)]


def _zh_effect(text: str) -> list[Probe]:
    """"规律的运动能显著改善睡眠质量" → "什么能显著改善睡眠质量？" → "规律的运动"."""
    for match in _finditer(_ZH_EFFECT_VERB, text):
        if not whole_word(text, match.start("v"), match.end("v")):
            continue
        cause, effect = _np(match.group("c")), clean_span(match.group("e"))
        effect = re.sub(r"^了", "", effect)
        if _is_phrase(cause) and _plain_noun_phrase(cause) and len(effect) >= 2 \
                and not starts_with_pronoun(effect, "zh"):
            verb = _modal(match.group("c")) + match.group("v")
            # the other way round, for a document about the cause itself ("垃圾分类可以减少什么？")
            return [Probe(f"{WHO}什么{verb}{effect}", cause, 0.9),
                    Probe(f"{WHO}{cause}{verb}什么", effect, 0.85, spare=True)]
    return []


def _zh_make(text: str) -> list[Probe]:
    for match in _finditer(_ZH_MAKE, text):
        if not whole_word(text, match.start("v"), match.end("v")):
            continue
        cause, verb, effect = _np(match.group("c")), match.group("v"), clean_span(match.group("e"))
        if _is_phrase(cause) and len(effect) >= 4 and not _ZH_FRAME.match(cause) \
                and not starts_with_pronoun(effect, "zh"):
            return [Probe(f"{WHO}什么{_modal(match.group('c'))}{verb}{effect}", cause)]
    return []


def _is_phrase(text: str) -> bool:
    """A noun-like phrase that can stand as an answer: no pronoun, not a whole clause with its own subject."""
    if not text or len(text) < 2 or starts_with_pronoun(text, "zh") or _ZH_FRAME.match(text):
        return False
    if re.search(r"(?:在于|是|为|就是)$", text):
        return False  # "关键在于": the phrase is still waiting for its object
    pairs = tagged_words(text)
    return bool(pairs) and pairs[-1][1] not in ("d", "c", "p", "u", "uj", "ul", "x", "r")


def _plain_noun_phrase(text: str) -> bool:
    """"规律的运动", "GPU服务器的散热需求": nouns and modifiers only, no pronoun, preposition or adverb."""
    pairs = tagged_words(text)
    allowed = ("n", "nz", "nt", "ns", "nr", "eng", "vn", "an", "j", "a", "b", "m", "q", "uj", "ng", "l")
    return bool(pairs) and all(flag in allowed for _w, flag in pairs) and pairs[-1][1] not in ("uj", "a", "m")


def _zh_depend(text: str) -> list[Probe]:
    match = _search(_ZH_DEPEND, text)
    if not match:
        return []
    subject_text, verb, object_text = _np(match.group("a")), match.group("v"), clean_span(match.group("b"))
    if not _is_phrase(subject_text) or len(object_text) < 2:
        return []
    return [Probe(f"{WHO}{subject_text}{_modal(match.group('a'))}{verb}什么", object_text)]


def _zh_along(text: str) -> list[Probe]:
    match = _search(_ZH_ALONG, text)
    if not match:
        return []
    subject_text, driver, change = _np(match.group("a")), clean_span(match.group("b")), clean_span(match.group("v"))
    if not _is_phrase(subject_text) or not change:
        return []
    return [Probe(f"{WHO}{subject_text}随着什么而{change}", driver)]


def _zh_means(text: str) -> list[Probe]:
    """"(S)通过M来G" → "S通过什么来G？" → M, and "S通过M来V什么？" → the goal's object."""
    match = _search(_ZH_MEANS, text)
    if not match or match.group("m").startswith("对") or _ZH_NOT_LINK.match(text, match.start("link")):
        return []  # "通过对X的探讨" names a topic, not a means; "以及" is no "以"
    before = [c for c in zh_clauses(text[:match.start()] + match.group("pre")) if not ends_with_reporting_verb(c)]
    pre = before[-1] if before else ""
    if not pre or pre in ("还", "也", "并", "还能", "也能", "能", "可以", "还可以"):
        head = clause_subject(before[0], "zh") if before else ""
        pre = head + re.sub(r"^(?:还|也|并|并且|而且)", "", pre) if head else pre
    if starts_with_pronoun(pre, "zh"):
        return []
    means, link, goal = clean_span(match.group("m")), match.group("link"), clean_span(match.group("goal"))
    if link in ("为", "向", "给") and not _plain_noun_phrase(means):
        return []  # "通过光合作用为珊瑚提供…": the means must be a thing before a preposition
    found = [Probe(f"{WHO}{pre}通过什么{link}{goal}", means)]
    if link in ("为", "向", "给"):
        return found
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
    sentence = f"{setting}与其{avoid}，不如{better}"
    return [cloze_probe(sentence, len(sentence) - len(better), len(sentence), 0.9)]


def _zh_better(text: str, context: str) -> list[Probe]:
    """"X在Y上更为关键" → "与W相比，什么在Y上更为关键？" when the alternative W is named nearby."""
    match = _search(_ZH_BETTER, text)
    if not match:
        return []
    winner = re.sub(r"^(?:并|而|且|则)?(?:指出|认为|强调|表示|发现)?", "", clean_span(match.group("x")))
    rest = f"在{match.group('y')}上{match.group('v')}{match.group('adj')}"
    other, winner = _alternative(context, winner)
    if other and winner and not starts_with_pronoun(winner, "zh"):
        return [Probe(f"{WHO}与{other}相比，什么{rest}", winner)]
    if winner and _is_phrase(winner):
        return [cloze_probe(winner + rest, 0, len(winner), 0.8)]
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




_ZH_COMPARED = re.compile(r"^(?:和|与|同|跟)(?P<a>[^，,。；;]{2,20}?)(?:相比|比起来|相较)[，,]?\s*(?P<b>[^，,。；;]{2,16}?)"
                          r"(?:则|却|反而|明显|显然)?(?P<v>更为|更加|更|要)(?P<c>[^，,。；;]{1,16})[。！!]?$")


def _zh_compared(text: str) -> list[Probe]:
    """"与全球变暖相比，污染更容易在本地得到控制" → "与全球变暖相比，什么更容易在本地得到控制？" → "污染"."""
    match = _ZH_COMPARED.match(text.strip()) if "相" in text or "比起" in text else None
    if not match:
        return []
    b = clean_span(match.group("b"))
    rest = f"{match.group('v')}{clean_span(match.group('c'))}"
    owner, _, head = b.rpartition("的")
    if owner and 1 <= len(head) <= 3 and _plain_noun_phrase(owner) and len(owner) <= 10:
        return [Probe(f"{WHO}与{match.group('a')}相比，什么的{head}{rest}", owner)]  # "红茶的口感更加醇厚"
    if not _is_phrase(b) or len(b) > 12 or any(tag in ("p", "r", "uj", "d") for _w, tag in tagged_words(b)):
        return []  # "先在苗圃中培育的珊瑚存活率" is a clause, not the thing compared
    return [Probe(f"{WHO}与{match.group('a')}相比，什么{rest}", b)]


_ZH_OWING = re.compile(r"^(?P<s>[^，,。；;]{2,16}?)(?P<m>(?:就|便|都|也|还|则|才|往往|常常|容易)?(?:会|可能|将|容易)?)"
                       r"(?:因为|因)(?P<c>[^，,。；;]{1,16}?)而(?P<e>[^，,。；;]{1,12})$")


def _zh_owing(text: str) -> list[Probe]:
    """"珊瑚就会因饥饿而死亡" → "珊瑚会因什么而死亡？" → "饥饿"."""
    if "因" not in text or "而" not in text:
        return []
    for clause in zh_clauses(text):
        match = _ZH_OWING.match(clause)
        if not match:
            continue
        subject_text, cause = clean_span(match.group("s")), clean_span(match.group("c"))
        if not _is_phrase(subject_text) or not re.search(r"[\u4e00-\u9fff]", cause) or len(cause) < 2:
            continue
        modal = re.sub(r"^(?:就|便|都|也|还|则|才)+", "", match.group("m"))
        return [Probe(f"{WHO}{subject_text}{modal}因什么而{match.group('e')}", cause)]
    return []


_CONTRAST_NEXT = re.compile(r"^(?:但是|但|而|却|然而|不过|可是)")
_KIND_MODIFIERS = ("a", "b", "an", "s", "t")  # "简单|任务", "近处|车辆", "早期|阶段"
_CONTRAST_WORD = re.compile(r"[，,]\s*(?:但是|但|而|却|然而|不过|可是)")


def _zh_parallel(text: str) -> list[Probe]:
    """Two clauses that contrast two kinds of one thing ("能应对简单路况，但复杂路况…仍需测试"): a cloze over
    the kind that the comparative clause ("…则需要更多的数据") singles out, else over the first."""
    if not _CONTRAST_WORD.search(text):
        return []
    clauses = split_clauses(text)
    pairs = []  # (modifier+head span, clause index), the head shared
    for index, (clause, start, _end) in enumerate(clauses):
        spans = token_spans(clause)
        for k in range(1, len(spans)):
            word, tag = spans[k][0], spans[k][1]
            modifier, mtag = spans[k - 1][0], spans[k - 1][1]
            if tag in ("n", "vn") and len(word) >= 2 and mtag in _KIND_MODIFIERS and 1 <= len(modifier) <= 3:
                pairs.append((word, modifier, start + spans[k - 1][2], start + spans[k][3], index))
    for i, first in enumerate(pairs):
        for second in pairs[i + 1:]:
            if first[0] != second[0] or first[1] == second[1] or first[4] == second[4]:
                continue
            if not _CONTRAST_NEXT.match(strip_connectives(clauses[second[4]][0], "zh", subordinators=False) or "") \
                    and not _CONTRAST_NEXT.match(clauses[second[4]][0]):
                continue
            chosen = second if re.search(r"更|最|越来越", clauses[second[4]][0]) else first
            return [cloze_probe(text, chosen[2], chosen[3], 0.8)]
    return []


def _zh_not_but(text: str) -> list[Probe]:
    """"睡眠不是大脑的休息，而是记忆巩固的关键阶段" → "睡眠不是大脑的休息，而是什么？"."""
    match = _search(_ZH_NOT_BUT, text)
    if not match:
        return []
    head = clean_span(match.group("head"))
    if not head or starts_with_pronoun(head, "zh") and len(head) < 3:
        return []
    question = f"{WHO}{head}{match.group('neg')}{match.group('a')}，{match.group('but')}什么"
    return [Probe(question, clean_span(match.group("b")))]




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
    match = _search(_ZH_THAN, text)
    if not match or not whole_word(text, match.start("a") + len(match.group("a")), match.start("b")):
        return []
    left = _np(match.group("a"))
    owner = left.split("的")[0] if "的" in left else left
    if not _is_phrase(owner) or len(owner) > 16:
        return []
    clause_start = text.find(left)
    clause_end = text.find(match.group("c"), match.start("c")) + len(match.group("c"))
    clause = text[clause_start:clause_end]
    return [cloze_probe(clause, clause.find(owner), clause.find(owner) + len(owner), 0.8)]


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
    ctx = unlabelled(ctx)
    if too_long(ctx.text, ctx.language) or not_content(ctx):
        return []
    text = resolved(ctx)
    if ctx.language != "zh" and re.match(r"^According to [^,]{2,40},", text):
        return []  # the claim family asks it with the source named
    found = [(probe, render(probe, "", ctx, RULE)) for probe in probes(text, ctx.language)
             if grounded(probe.answer, ctx.text)]
    kept = [(probe, card) for probe, card in found if not topical(card, ctx)]
    if any(not probe.spare for probe, _card in kept):
        kept = [(probe, card) for probe, card in kept if not probe.spare]
    return [card for _probe, card in kept]
