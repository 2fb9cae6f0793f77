"""Definition and identity cards: "X是Y", "X指的是Y", "所谓X，就是Y", "X is a Y", "X refers to Y", "X, a Y, …".

Each pattern yields a `Probe` (questions.py) with a slot for who said it, rendered empty today.
"""
from __future__ import annotations

import re

from desktop.core.card import CLOZE
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import (
    clean_span, is_adverbial, is_setting, last_flag, starts_with_pronoun, strip_connectives, token_spans, too_long,
    whole_word, zh_clauses)
from desktop.core.generate.definition_en import (
    role_cards, en_appositive, en_identity_probes, en_naming_probes, en_negation_probes, en_rank_probes,
    en_relation_probes)
from desktop.core.generate.english import ARTICLES, STOP, VERB_FORMS, is_plural, lower_first, name_like
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.numbers import find_quantities
from desktop.core.generate.people import NOUN_TAGS
from desktop.core.generate.questions import (
    MAX_ANSWER, WHO, Probe, answer_ok, cloze, cloze_probe, deletion, finish_question, grounded, render, topical)
from desktop.core.generate.subject import clause_subject, resolved, topic_prefix

RULE = "definition"

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
# "最大的敌人", "唯一的办法": a subject that singles out one thing
_ZH_SUPERLATIVE_SUBJECT = re.compile(r"(?:最|唯一|首要|头号)[\u4e00-\u9fff]{0,3}的[\u4e00-\u9fff]{1,8}$")
# "中国传统民居中规模最大、防御性最强的一种": what singles the subject out within its kind
_ZH_SCOPE_SUPERLATIVE = re.compile(r"^(?P<scope>[^，,。的]{2,12}中)(?P<sup>[^，,。的]{0,6}最[^，,。的]{1,12})"
                                   r"的(?P<cls>一[种个类座位])$")
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
        predicate = clean_span(re.split(r"[:：]", clause[verb_end:])[0])  # "珊瑚园艺":潜水员…: the rest explains
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
    if _ZH_HEAD.search(x) or _ZH_SUPERLATIVE_SUBJECT.search(x) and verb == "是":
        # "X的本质是…", "城墙最大的威胁是地下水": the subject asks its own question
        return [Probe(f"{WHO}{setting}{x}{adv}{verb}什么", y)] if len(y) <= MAX_ANSWER else []
    scope = _ZH_SCOPE_SUPERLATIVE.match(y)
    if scope and verb == "是" and len(x) <= 12:  # "土楼是民居中规模最大、防御性最强的一种"
        return [Probe(f"{WHO}{setting}{x}{adv}是{scope.group('scope')}什么样的{scope.group('cls')}",
                      scope.group("sup"))]
    if _ZH_RANKING.search(y) or verb.endswith(("成为", "成为了")):
        return _zh_reverse(x, adv + verb, y, setting)
    if re.match(r"^一[种类个条座家款项门件台部篇本套支所]", y) and len(x) <= 12 and len(y) <= MAX_ANSWER \
            and last_flag(x) not in ("nr", "nrfg", "nrt"):
        return [Probe(f"{WHO}什么是{x}", y)]  # genus and difference: "X是一种…的Y"
    if verb == "是" and not adv and _textbook_definition(x, y):
        return [Probe(f"{WHO}什么是{x}", y)]  # "承压水是充满于两个隔水层之间的地下水"
    return []


def _textbook_definition(x: str, y: str) -> bool:
    """A term defined by genus and difference: a short noun term, then "…的<genus noun>"."""
    head, _, genus = y.rpartition("的")
    return 2 <= len(x) <= 8 and not re.search(r"[\d０-９年月日]", x) and _noun_phrase(x) \
        and len(head) >= 4 and 1 <= len(genus) <= 4 and _noun_phrase(genus) and len(y) <= MAX_ANSWER \
        and not re.search(r"[，,、]", y) and last_flag(x) not in ("nr", "nrfg", "nrt", "ns") \
        and not re.match(r"^(?:两者|二者|双方|前者|后者|对方|大家|人们|彼此|自己)", x)


def _zh_reverse(x: str, verb: str, y: str, setting: str, inherited_subject: bool = False) -> list[Probe]:
    """"什么是Y？" → X, for a predicate that singles its subject out."""
    if len(x) > 16 or starts_with_pronoun(x, "zh"):
        return []
    if inherited_subject and not _ZH_RANKING.search(y):
        return []
    vague = len(_ZH_RANKING.sub("", y)) <= 4  # "主要障碍之一" alone could be anything's
    return [Probe(f"{WHO}{setting}什么{verb}{y}", x, 0.9 if vague else 1.0, needs_topic=vague and not setting)]


# "地面沉降是指在人为因素作用下，地表高程降低的现象": the definiens runs past a comma to its head noun
_ZH_DEFINES_ACROSS = re.compile(r"^(?P<x>[^，,。；;]{2,16}?)(?:是指|指的是)(?P<y>[^。；;]*?[，,][^。；;，,]*?的[\u4e00-\u9fff]{1,4})"
                                r"[。！]?$")


def zh_defining_sentence(text: str) -> list[Probe]:
    """"X是指A，B的现象" → "X指的是什么？" → the whole "A，B的现象" (a clause alone would cut it short)."""
    match = _ZH_DEFINES_ACROSS.match(text.strip())
    if not match:
        return []
    x, y = clean_span(match.group("x")), clean_span(match.group("y"))
    return [Probe(f"{WHO}{x}指的是什么", y)] if _zh_subject_ok(x) and 4 <= len(y) <= MAX_ANSWER else []


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

_GLOSS = re.compile(r"^(?P<marker>\s*(?:\(?\d{1,2}[.)、．]|[-•·*▪●])\s*)?(?P<x>[^—–:：,，;；]{1,30}?)\s*"
                    r"(?:\s[—–-]\s|——|—|[:：])\s*(?P<y>\S.{3,})$")


def _gloss_card(ctx: Context) -> list[Candidate]:
    """A line of a glossary or a list, "Queen — the only fertile female…" / "圆楼：…": a cloze over the term it
    explains, with the section named."""
    sentence, whole = ctx.sentence, ctx.document.text
    own_line = sentence.start > 0 and whole[sentence.start - 1:sentence.start] == "\n" and \
        whole[sentence.end:sentence.end + 1] in ("", "\n")
    match = _GLOSS.match(ctx.text)
    if not own_line or not match:
        return []
    x = clean_span(match.group("x"))
    if ctx.language == "zh":
        ok = 2 <= len(x) <= 12 and _noun_phrase(x)
    else:
        words = x.split()
        ok = 1 <= len(words) <= 4 and words[0].lower() not in STOP and not any(
            w.lower() in VERB_FORMS for w in words) and x[:1].isalpha() and not x.isupper()  # "PORT AVERY —": a dateline
    if not ok:
        return []
    start = match.start("x") + (len(match.group("x")) - len(match.group("x").lstrip()))
    text = ctx.text[match.end("marker") if match.group("marker") else 0:]
    start -= match.end("marker") if match.group("marker") else 0
    front = topic_prefix(ctx) + cloze(text, start, start + len(x))
    return [Candidate(CLOZE, front, "", x, RULE, 0.9)] + _gloss_question(ctx, x, match.group("y"))


# the head of a list line's description: "sterile females | that do almost all the work"
_EN_GLOSS_HEAD = re.compile(r"^(?P<head>(?:(?:a|an|the)\s+)?[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}?)"
                            r"(?:\s+(?:that|which|who|whose|where)\b|\s*[;,(]|\s*$)")


def _gloss_question(ctx: Context, x: str, y: str) -> list[Candidate]:
    """"Workers — sterile females that do…" also asks "What are workers?" → "sterile females"."""
    if ctx.language == "zh":
        return []
    head = _EN_GLOSS_HEAD.match(y.strip().rstrip("."))
    if not head or head.group("head").split()[0].lower() in STOP - ARTICLES:
        return []
    answer = head.group("head")
    if len(answer.split()) < 2 or len(answer) > MAX_ANSWER or any(w.lower() in VERB_FORMS for w in answer.split()[1:]):
        return []
    verb = "are" if is_plural(x) else "is"
    term = x if name_like(x) else lower_first(x)
    if verb == "is" and not name_like(x) and term.split()[0] not in ARTICLES:
        term = f"the {term}"  # "Queen — the only fertile female" asks "What is the queen?"
    question = finish_question(f"{topic_prefix(ctx)}What {verb} {term}", "en")
    return [Candidate.basic(question, answer, RULE, 0.8)]


# ---------------------------------------------------------------- roles and relations (English)

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
        found += zh_so_called(text) or zh_defining_sentence(text) or _zh_clause_probes(text)
    else:
        found += en_identity_probes(strip_connectives(text, "en")) or en_appositive(strip_connectives(text, "en")) \
            or en_rank_probes(strip_connectives(text, "en")) or en_naming_probes(text) or en_negation_probes(text)
    return [p for p in found if p.cloze or answer_ok(p.answer, p.template)]


def _zh_clause_probes(text: str) -> list[Probe]:
    clauses = zh_clauses(text)
    inherited = clause_subject(clauses[0], "zh") if clauses else ""
    found: list[Probe] = []
    for index, clause in enumerate(clauses):
        setting = "，".join(c for c in clauses[:index] if is_setting(c))
        found += zh_identity_probes(clause, inherited if index else "", setting + "，" if setting else "")
        if "处" in clause:
            found += zh_state_probes(clause)
        if "由" in clause or "用" in clause or "以" in clause:
            found += zh_made_probes(clause)
        if "非" in clause or "不" in clause:
            found += zh_negation_probes(text, clause)
        if index and re.match(r"^(?:主要|专门|通常|一般|多|全|完全)?(?:靠|依靠|依赖|用来|用于)", clause):
            found += zh_continuation_probes(clauses[index - 1], clause, inherited)
    return found + (zh_naming_probes(text) if re.search(r"称|誉|叫", text) else [])


# "…的地下水，主要靠大气降水补给": a clause without a subject says how its sentence's subject lives or works
_ZH_RELIES = re.compile(r"^(?P<adv>主要|通常|一般|多|全|完全)?(?P<v>靠|依靠|依赖)(?P<y>[^，,]{2,10}?)"
                        r"(?P<act>补给|维持|生存|生活|运行|运转|供电|供能|发电|驱动|取暖|传播|繁殖)$")
# "最重要的是竹起子，用来挑开粘连的书页": the clause tells what the thing just named is for
_ZH_USED_FOR = re.compile(r"^(?P<adv>主要|专门|通常|一般|多)?(?P<v>用来|用于)(?P<y>[^，,]{2,16})$")


def zh_continuation_probes(before: str, clause: str, inherited: str) -> list[Probe]:
    """"X是…，主要靠Y补给" → "X主要靠什么补给？" → Y; "…是X，用来Y" → "X用来做什么？" → Y.

    Args:
        before: the clause before, which names the thing.
        clause: the subjectless clause.
        inherited: the sentence's subject.
    """
    relies = _ZH_RELIES.match(clause)
    if relies and inherited and _noun_phrase(inherited) and len(inherited) <= 10:
        y = clean_span(relies.group("y"))
        return [Probe(f"{WHO}{inherited}{relies.group('adv') or ''}{relies.group('v')}什么{relies.group('act')}", y)]
    used = _ZH_USED_FOR.match(clause)
    thing = re.split(r"是", before)[-1].strip() if "是" in before else ""
    if used and 2 <= len(thing) <= 8 and _noun_phrase(thing) and not starts_with_pronoun(thing, "zh"):
        y = clean_span(used.group("y"))
        verb = used.group("v")
        return [Probe(f"{WHO}{thing}{used.group('adv') or ''}{verb}{'做什么' if verb == '用来' else '什么'}", y)]
    return []


# ---------------------------------------------------------------- names, states, makers, negations (Chinese)

_NAMING_VERBS = r"(?:称为|称作|叫做|叫作|誉为|戏称为|戏称|号称|俗称|简称为|简称|统称为|统称|合称为|并称为|尊称为|昵称为)"
# "承启楼被称为“土楼王”", "每个珊瑚个体称为珊瑚虫"
_ZH_NAMED = re.compile(rf"^(?P<x>[^，,。；;]{{2,20}}?)(?P<by>被[^，,。；;被]{{0,6}}?)?(?P<v>{_NAMING_VERBS})"
                       r"[“\"「『]?(?P<y>[^，,。；;“”\"「」『』]{1,16})[”\"」』]?$")
# "被誉为“东方古城堡”的福建土楼": the named thing follows
_ZH_NAMED_BEFORE = re.compile(rf"被[^，,。；;被]{{0,6}}?(?P<v>{_NAMING_VERBS})[“\"「『](?P<y>[^“”\"「」『』]{{1,16}})[”\"」』]"
                              r"的(?P<z>[^，,。；;的]{2,12}?)(?:[，,。；;]|$)")
# "…拌和,称为“三合土”": a name given to what the clause before describes
_ZH_NAMED_BARE = re.compile(rf"(?:^|[，,])\s*(?:因此|因而|所以|也|则|又|并)?(?:被[^，,。；;被]{{0,6}}?)?{_NAMING_VERBS}"
                            r"[“\"「『](?P<y>[^“”\"「」『』]{1,16})[”\"」』]")


def zh_naming_probes(text: str) -> list[Probe]:
    """"X被称为Y" → "X被称为什么？" → Y; a name given without its bearer in the clause becomes a cloze.

    Args:
        text: a sentence (or a claim's content).
    Returns:
        Probes for each name the text gives.
    """
    found: list[Probe] = []
    for clause in zh_clauses(text):
        match = _ZH_NAMED.match(clause)
        if not match:
            continue
        x = clean_span(match.group("x"))
        y = clean_span(match.group("y"))
        core = x.strip("《》")  # "《茶经》被称为…": a title names a thing
        if _zh_subject_ok(core) and (_noun_phrase(core) or _described_noun(core)) and y and y not in x:
            found.append(Probe(f"{WHO}{x}{match.group('by') or ''}{match.group('v')}什么", y))
    for match in _ZH_NAMED_BEFORE.finditer(text):
        z, y = clean_span(match.group("z")), clean_span(match.group("y"))
        if _noun_phrase(z) and not any(p.answer == y for p in found):
            found.append(Probe(f"{WHO}{z}被{match.group('v')}什么", y))
    for match in _ZH_NAMED_BARE.finditer(text):
        y = match.group("y")
        if not any(p.answer == y for p in found) and match.start() > 0:
            found.append(cloze_probe(text, match.start("y"), match.end("y"), 0.9))
    return found


def _described_noun(text: str) -> bool:
    """"能够储存地下水的岩层": a noun with a relative clause before its last 的 (the textbook way to define)."""
    head, _, noun = text.rpartition("的")
    return len(head) >= 4 and 1 <= len(noun) <= 6 and _noun_phrase(noun) and not re.search(r"[，,。；;]", head) \
        and not re.match(r"^(?:这|那|该|此|其|它|他|她|我|你)", head)


def _noun_phrase(text: str) -> bool:
    """A phrase that names a thing: it ends with a noun and holds no verb of its own."""
    spans = token_spans(text)
    if spans and spans[0][0] in ("每", "各", "每个", "各个") and len(spans) > 2:
        spans = spans[2:] if len(spans[1][0]) == 1 and spans[0][0] in ("每", "各") else spans[1:]  # "每根|木柱"
    # a verb inside is a modifier ("承重|的木柱", "降雨总量"); one that opens the phrase makes it a clause
    return bool(spans) and spans[-1][1] in NOUN_TAGS and not starts_with_pronoun(text, "zh") and not any(
        tag in ("p", "c", "r") or tag == "v" and index == 0 and spans[1][0] != "的"  # "承重的木柱" is a thing
        or tag == "v" and spans[index + 1][1] == "m"  # "网关支持三种方式": a verb and its counted object
        for index, (_w, tag, _s, _e) in enumerate(spans[:-1]))


# "这项技术的推广仍处于起步阶段"
_ZH_STATE = re.compile(r"^(?P<x>[^，,]{2,20}?)(?P<adv>仍然|依然|依旧|目前|仍|还|尚|正|已经|已|都)?(?P<v>处于|处在)"
                       r"(?P<y>[^，,]{1,12}?(?P<kind>阶段|时期|期|状态|水平|时代|境地|位置))$")


def zh_state_probes(clause: str) -> list[Probe]:
    """"X仍处于试验阶段" → "X仍处于什么阶段？" → "试验阶段" (the subject must be named in the clause)."""
    match = _ZH_STATE.match(clause)
    if not match:
        return []
    x = clean_span(match.group("x"))
    if not _zh_subject_ok(x) or is_adverbial(x) or not any(t in NOUN_TAGS for _w, t, _s, _e in token_spans(x)):
        return []
    kind = {"期": "时期", "时代": "时代"}.get(match.group("kind"), match.group("kind"))
    return [Probe(f"{WHO}{x}{match.group('adv') or ''}{match.group('v')}什么{kind}", clean_span(match.group("y")))]


_MAKE_VERBS = (r"(?:组成|构成|建造|建成|修建|兴建|制成|砌成|筑成|制作|设计|发明|提出|开发|研发|创立|创建|创办|开创|首创|"
               r"主持|发起|编写|撰写|主导|发现|命名|倡导|创作|绘制|翻译|主办|举办|资助)")
# "承启楼由四圈同心圆楼组成", "土楼大多由客家人建造", "墙基用大块河卵石砌成"
_ZH_MADE = re.compile(rf"^(?P<x>[^，,]{{2,16}}?)(?P<adv>(?:大多|大都|主要|通常|一般|多|全部|均|都|则|也|最早|最初)*)"
                      rf"(?P<p>由|用|以)(?P<y>[^，,]{{2,16}}?)(?P<v>{_MAKE_VERBS})(?P<rest>而成|的)?$")


def zh_made_probes(clause: str) -> list[Probe]:
    """"X由Y组成/建造" → "X由什么组成？"/"X由谁建造？" → Y; "X用Y砌成" → "X用什么砌成？"."""
    match = _ZH_MADE.match(clause)
    if not match:
        return []
    x, y = clean_span(match.group("x")), clean_span(match.group("y"))
    if not _zh_subject_ok(x) or not _noun_phrase(x) or len(y) > MAX_ANSWER or starts_with_pronoun(y, "zh"):
        return []
    if len(find_quantities(y, "zh")) == 1 and find_quantities(y, "zh")[0].start == 0:
        return []  # "由四圈同心圆楼组成": the number is the fact, and the salient cloze deletes it
    agency = not re.match(r"组成|构成|制成|砌成|筑成", match.group("v"))
    people = re.search(r"(?:人|者|家|师|员|们|民|族|团队|公司|政府|部门)$", y) or (
        token_spans(y) and token_spans(y)[-1][1] in ("nr", "nrfg", "nt"))
    ask = "谁" if people and agency and match.group("p") == "由" else "什么"
    adv = match.group("adv").replace("则", "").replace("也", "")
    return [Probe(f"{WHO}{x}{adv}{match.group('p')}{ask}{match.group('v')}{match.group('rest') or ''}", y)]


_ZH_NEGATED = re.compile(r"^(?P<x>[^，,]{2,20}?)(?P<neg>并非|并不是|不是|绝非|远非|并不等于|不等于)(?P<y>[^，,]{2,30})$")


def zh_negation_probes(text: str, clause: str) -> list[Probe]:
    """"高铁并非最便宜的出行方式" → a cloze over what it is not, the negation kept in view
    (a contrast with "而是" is no definition)."""
    match = _ZH_NEGATED.match(clause)
    if not match or "而是" in text or "而在于" in text or re.match(r"(?:只|仅|仅仅|单纯|单单)", match.group("y")):
        return []  # "并非只带来财富" is "not only", no negated claim
    x, y = clean_span(match.group("x")), clean_span(match.group("y"))
    if not _zh_subject_ok(x) or len(y) > MAX_ANSWER or not any(t in NOUN_TAGS for _w, t, _s, _e in token_spans(y)):
        return []
    shown = f"{x}{match.group('neg')}"
    return [Probe(f"{WHO}{shown}{deletion(y)}", y, 0.9, cloze=True)]


def candidates(ctx: Context) -> list[Candidate]:
    """Definition and identity cards for one sentence.

    Args:
        ctx: the sentence and its surroundings.
    Returns:
        Candidates; a reversed question whose predicate is vague gets the section topic in front.
    """
    ctx = unlabelled(ctx)
    if too_long(ctx.text, ctx.language) or not_content(ctx):
        return []
    text = resolved(ctx)
    result = _gloss_card(ctx)
    if ctx.language != "zh":
        result += role_cards(ctx.text)
        for probe in en_relation_probes(text):
            if grounded(probe.answer, ctx.text) and answer_ok(probe.answer, probe.template):
                result.append(render(probe, "", ctx, RULE))
    for probe in probes(text, ctx.language):
        if grounded(probe.answer, ctx.text):
            prefix = topic_prefix(ctx) if probe.needs_topic else ""
            card = _in_context(probe, ctx) or render(probe, "", ctx, RULE, prefix)
            if not topical(card, ctx):
                result.append(card)
    return result


def _in_context(probe: Probe, ctx: Context) -> Candidate | None:
    """"碳纤维拉索…，但这些新型拉索的应用仍处于试验阶段": a question whose subject lost its "这些" names
    only a description; the sentence itself, as a cloze, still says which models."""
    if probe.cloze or ctx.language != "zh" or probe.answer not in ctx.text:
        return None
    asked = probe.template.replace(WHO, "")
    head = asked[:4]
    if len(head) < 4 or not re.search(rf"(?:这些|这种|这类|那些|该|此类){re.escape(head)}", ctx.text):
        return None
    sentence = strip_connectives(ctx.text, "zh")
    start = sentence.rfind(probe.answer)
    if start < 0:
        return None
    return Candidate(CLOZE, cloze(sentence, start, start + len(probe.answer)), "", probe.answer, RULE, probe.score)
