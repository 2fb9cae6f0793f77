"""English definition and identity shapes: "X is a Y", "X refers to Y", appositions, roles, relations.

Part of the definition family (definition.py dispatches here); split out to keep each module readable.
"""
from __future__ import annotations

import re

from desktop.core.generate.base import Candidate
from desktop.core.generate.clauses import clean_span, strip_connectives
from desktop.core.generate.english import STOP, VERB_FORMS, is_plural, lower_first, name_like
from desktop.core.generate.questions import MAX_ANSWER, WHO, Probe, cloze_probe

RULE = "definition"  # the cards belong to the definition family

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
    # "A colony is a superorganism: no single bee…": what follows the colon explains the predicate
    y = re.split(r"\s*[:;—–]\s+|\s+-\s+", match.group("y"))[0]
    x, verb, y = clean_span(match.group("x")), match.group("verb").lower(), clean_span(y)
    if len(x.split()) > 6 or _EN_BAD_X.search(x) or y.lower().startswith(("not ", "no ")):
        return []
    if len(y.split()) < 2 and not (verb in ("is", "are") and _EN_HEAD.match(x)):
        return []  # "The essence of leadership is listening" may answer in one word; others may not
    x_low = lower_first(x)
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
        asker = "who" if _EN_ROLE.match(y) and name_like(x) else "what"
        return [Probe(f"{WHO}{asker} {verb} {x_low}", y)]
    found = [Probe(f"{WHO}what {verb} {y} called", x, 0.9)]
    # "A heat pump is an electric device that moves heat …": the head of a long description still answers
    head = _EN_DESCRIPTION_HEAD.match(y)
    if head and len(head.group("head").split()) >= 3 and len(head.group("head")) <= MAX_ANSWER:
        found.append(Probe(f"{WHO}what {verb} {x_low}", head.group("head"), 0.8))
    return found


# where a long description's head noun phrase ends: "an electric device | that moves heat …"
_EN_DESCRIPTION_HEAD = re.compile(r"^(?P<head>(?:a|an|the)\s+[\w\-]+(?:\s+[\w\-]+){0,3}?)\s+"
                                  r"(?:that|which|who|whose|where|used|made|designed|built|for|with|of|in)\b")
# "Norway has the highest share of heat pumps in Europe" → "What has the highest share …?"
_EN_HAS_RANK = re.compile(r"^(?P<x>[A-Z][\w\-']*(?:\s+[\w\-']+){0,3}?)\s+(?P<verb>has|have|had|holds|held)\s+"
                          r"(?P<y>the\s+(?:\w+est|most|first|only|biggest)\s+[^,;:]{3,60}?)\s*(?:[,;:.]|$)")


def en_rank_probes(text: str) -> list[Probe]:
    """"X has the largest Y" → "What has the largest Y?" → X."""
    match = _EN_HAS_RANK.match(clean_span(text))
    if not match or _EN_BAD_X.search(match.group("x")) or len(match.group("x")) > MAX_ANSWER:
        return []
    return [Probe(f"{WHO}what {match.group('verb')} {match.group('y')}", match.group("x"))]


# "John Park is a reporter" asks "Who is John Park?"
_EN_ROLE = re.compile(r"^(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}(?:reporter|journalist|engineer|scientist|professor|"
                      r"researcher|economist|doctor|physician|teacher|writer|author|founder|co-founder|director|"
                      r"manager|student|artist|politician|lawyer|analyst|expert|designer|developer|ceo|president|"
                      r"minister|historian|philosopher|psychologist|neuroscientist|biologist|chemist|physicist|"
                      r"entrepreneur|investor|executive|officer|leader|member|editor|critic|coach|player)\b", re.I)


def _third_person(verb: str) -> str:
    return {"remain": "remains", "become": "becomes", "have become": "has become"}.get(verb, verb)


_EN_ASIDE = re.compile(r"^(?:by|in|on|for|at|of|with|as|after|before|unlike|like|however|though|too|also|"
                       r"instead|meanwhile|though|of course|for example)\b", re.I)


def en_appositive(text: str) -> list[Probe]:
    """"The hippocampus, a small seahorse-shaped structure, replays…" → "What is the hippocampus?";
    "Sleep spindles, brief bursts of brain activity, predict…" → "What are sleep spindles?"."""
    match = _EN_APPOSITIVE.match(text.strip()) or _EN_PLURAL_APPOSITIVE.match(text.strip())
    if not match or _EN_BAD_X.search(match.group("x")) or re.search(r"\b(?:and|or)\b", match.group("y")):
        return []
    if _EN_ASIDE.match(match.group("y")):
        return []  # "Winter workers, by contrast, can live…": an aside, not a description
    x = match.group("x")
    x_low = lower_first(x)
    verb = "is" if match.re is _EN_APPOSITIVE else "are"
    return [Probe(f"{WHO}what {verb} {x_low}", clean_span(match.group("y")), 0.9)]


# ---------------------------------------------------------------- glossary lines

_ROLE_NOUNS = (r"manager|director|engineer|officer|spokesperson|spokesman|spokeswoman|researcher|scientist|professor|"
               r"analyst|editor|founder|chairman|chairwoman|president|mayor|governor|minister|senator|correspondent|"
               r"reporter|curator|lawyer|architect|designer|teacher|author|economist|historian|chief|captain|coach|"
               r"[a-z]+(?:ologist|ician|ographer|onomist|ist)")
# "plant manager Victor Osei", "Marine biologist Hannah Liu": a role right before a full name
_EN_ROLE_NAME = re.compile(rf"(?:^|(?<=[\s,(]))(?P<role>(?:(?P<mod>[A-Za-z][a-z\-]+)\s+)?(?i:{_ROLE_NOUNS}))\s+"
                           r"(?P<name>[A-Z][a-z]+(?:\s+(?:van|von|de|der)?\s*[A-Z][\w\-']+){1,2})\b")


def role_cards(text: str) -> list[Candidate]:
    """"according to plant manager Victor Osei" → "Who is Victor Osei?" → "plant manager"."""
    result = []
    for match in _EN_ROLE_NAME.finditer(text):
        role, mod = match.group("role"), match.group("mod")
        if mod and (mod.lower() in STOP or mod.lower() in _ROLE_MOD_STOP or mod.lower() in VERB_FORMS):
            role = role[len(mod):].strip()
        if role[:1].isupper() and role.split()[0].lower() not in _ROLE_TITLES and match.start("role") > 0:
            continue  # "Port Avery Director …": part of a name, not a role
        if len(role) > MAX_ANSWER or len(role.split()) < 2:
            continue  # a bare title ("Mayor") says little
        result.append(Candidate.basic(f"Who is {match.group('name')}?", role, RULE, 0.8))
    return result


_ROLE_MOD_STOP = {"according", "said", "says", "told", "by", "with", "local", "former", "then"}
_ROLE_TITLES = {"mayor", "governor", "senator", "president", "professor", "minister", "director", "chief", "captain",
                "coach"}

_RELATION_VERBS = (r"encodes|encode|indicates|indicate|signals|signal|represents|represent|determines|determine|"
                   r"controls|control|regulates|regulate|measures|measure|spreads|spread|transmits|transmit|"
                   r"produces|produce|splits|split|converts|convert|releases|release|blocks|block|removes|remove|"
                   r"prevents|prevent|keeps|keep|feeds on|feed on|works as|work as|acts as|act as|serves as|serve as|becomes|"
                   r"become")
# "the duration of the run encodes the distance", "in summer the unit works as an air conditioner"
_EN_RELATION = re.compile(rf"^(?P<x>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+[\w\-']+(?:\s+[\w\-']+){{0,8}}?)"
                          r"(?<!\sthe)(?<!\sof)(?<!\sa)(?<!\san)(?<!\sits)(?<!\stheir)(?<!\sto)(?<!\sin)\s+"
                          r"(?:(?P<pre>[a-z]+s\s+[^,;]{1,30}?)\s+and\s+)?"
                          rf"(?:(?:also|then|often|usually|mostly|still|even)\s+)?(?P<v>{_RELATION_VERBS})\s+"
                          r"(?P<y>[^,;:]{2,60}?)(?:\s+(?:relative to|compared with|instead of|because|so|which)\b.*)?$")
# "the enzyme invertase, which splits sucrose into glucose and fructose"
_EN_WHICH_MODAL = re.compile(r"(?:^|\s)(?P<x>(?i:the|an?)\s+[\w\-']+(?:\s+[\w\-']+){0,4}?),\s+which\s+"
                             r"(?P<m>would|will|could|can)\s+(?P<vp>[a-z]+\s+[^,;:.]{2,40}?)(?:,|\.|$)")
_EN_WHICH = re.compile(rf"(?P<x>(?:the|an?)\s+[\w\-']+(?:\s+[\w\-']+){{0,4}}?),\s+which\s+"
                       rf"(?:(?P<v1>[a-z]+s)\s+[^,;]{{2,30}}?\s+and\s+)?(?P<v>{_RELATION_VERBS})\s+(?P<y>[^,;:.]{{2,50}})")
# "sand filters that remove algae and sediment": a plural noun and what it does
_EN_THAT = re.compile(rf"(?<![\w\-'])(?P<x>(?:[a-z][\w\-]+\s+)?[a-z][\w\-]+[^s\W]s)\s+that\s+"
                      rf"(?P<v>{_RELATION_VERBS})\s+(?P<y>[^,;:.]{{2,50}})")
_EN_FROM = re.compile(r"^(?P<obj>[\w\-']+(?:\s+[\w\-']+){0,2}?)\s+from\s+(?P<y>.+)$")
_EN_INTO = re.compile(r"^(?P<obj>[\w\-']+(?:\s+[\w\-']+){0,3}?)\s+into\s+(?P<y>.+)$")


def en_relation_probes(text: str) -> list[Probe]:
    """"X encodes Y" → "What does X encode?" → Y, for each clause; "N, which splits A into B" → "What does N
    split A into?" → B."""
    found = []
    for clause in re.split(r"[;:]\s+|,\s+(?:and|but|while)\s+|\s+and\s+(?=the\s)", clean_span(text).rstrip(".")):
        lead = re.match(r"^(?:[Ii]n|[Dd]uring|[Ff]or)\s+[\w\-]+(?:\s+[\w\-]+){0,2},?\s+(?=the\s|an?\s|its\s)",
                        clause.strip())
        clause = clause.strip()[lead.end():] if lead else clause.strip()
        match = _EN_RELATION.match(clause)
        if match and not _EN_BAD_X.search(match.group("x")) and not _EN_VERBISH_X.search(match.group("x")):
            setting = " " + lower_first(lead.group(0).strip().rstrip(",")) if lead else ""
            found += _relation_probe(match.group("x"), match.group("v"), match.group("y"), setting)
    for match in _EN_THAT.finditer(text):
        found += _relation_probe(match.group("x"), match.group("v"), match.group("y"))
    for match in _EN_WHICH.finditer(text):
        found += _relation_probe(match.group("x"), match.group("v"), match.group("y"))
    for match in _EN_WHICH_MODAL.finditer(text):
        if len(match.group("vp")) <= MAX_ANSWER:
            found.append(Probe(f"{WHO}what {match.group('m')} {lower_first(match.group('x'))} do", match.group("vp"), 0.8))
    return found


_EN_VERBISH_X = re.compile(r"\b(?:and|or|is|are|was|were|has|have|had|can|will|would|that|which)\b")


def _relation_probe(x: str, verb: str, y: str, setting: str = "") -> list[Probe]:
    y = clean_span(y)
    words = verb.split()
    base = words[0][:-1] if words[0].endswith("s") and not words[0].endswith("ss") else words[0]
    aux = "do" if is_plural(x) and not words[0].endswith("s") else "does"
    rest = " ".join(words[1:])
    into = _EN_INTO.match(y) if base in ("split", "convert") else None
    if into:
        rest, y = f"{into.group('obj')} into", into.group("y")
    held = _EN_FROM.match(y) if base in ("keep", "prevent", "stop") else None
    if held:  # "keeps workers from raising new queens" asks what it keeps them from
        rest, y = f"{held.group('obj')} from", held.group("y")
    elif " from " in f" {y} ":
        y = y.split(" from ")[0]
    if len(y) > MAX_ANSWER or len(y.split()) > 6 or len(y) < 3:
        return []
    question = f"{WHO}what {aux} {lower_first(x)} {base}{' ' + rest if rest else ''}{setting}"
    return [Probe(question, y, 0.8)]


# ---------------------------------------------------------------- the rule family

# "Mayor Denise Colbert called the opening "the end of a decade of water anxiety.""
_EN_CALLED_QUOTE = re.compile(r"^(?P<who>[A-Z][^,\"“]{1,50}?)\s+(?P<v>called|described|dubbed|labell?ed|termed)\s+"
                              r"(?P<obj>[^\"“]{2,40}?)\s+(?P<as>as\s+)?[\"“](?P<q>[^\"”]{3,60}?)[,.!?]?[\"”]\.?$")
# "a pattern called age polyethism", "devices known as pressure exchangers": the name after a noun
_EN_NOUN_CALLED = re.compile(r"\b(?P<noun>[a-z][a-z\-]+)\s+(?:called|known as|named|termed)\s+"
                             r"(?P<y>(?:[\w\-']+\s+){0,3}?[\w\-']+?)(?=[,.;:)]|\s+(?:which|that|who|to|in|for|and)\b|$)")
_EN_BASE = {"called": "call", "described": "describe", "dubbed": "dub", "labeled": "label", "labelled": "label",
            "termed": "term"}


# "No single factor explains…", "None of the models survive…": the negated subject is the claim
_EN_NO_SUBJECT = re.compile(r"^(?P<np>(?:No|Not a|Not one|None of the|Neither)\s+(?:[\w\-']+\s+){0,3}?[\w\-']+?)\s+"
                            r"(?P<verb>[a-z]+s|can|could|will|would|is|are|was|were|has|have|had)\b", re.I)
# "X is not the cheapest option", "X are not a cure": what it is not, the negation kept in view
_EN_IS_NOT = re.compile(r"^(?P<x>(?:[\w\-']+\s+){0,5}?[\w\-']+)\s+(?P<v>is|are|was|were)\s+(?:not|never|no longer)\s+"
                        r"(?P<y>(?:an?|the)\s+[^,;]{3,40}?)[.!]?$")


def en_negation_probes(text: str) -> list[Probe]:
    """Negated claims as clozes that keep the negation: "{{c1::no single factor}} explains the losses"."""
    text = strip_connectives(clean_span(text), "en")
    first = re.split(r"\s*;\s*", text)[0]
    match = _EN_NO_SUBJECT.match(first)
    if match:
        return [cloze_probe(first, 0, match.end("np"), 0.9)]
    match = _EN_IS_NOT.match(first)
    if match and not _EN_BAD_X.search(match.group("x")):
        return [cloze_probe(first, match.start("y"), match.end("y"), 0.9)]
    return []


def en_naming_probes(text: str) -> list[Probe]:
    """English names: "X called Y "Z"" → "What did X call Y?" → Z; "a pattern called Z" → a cloze over Z."""
    text = text.strip()
    match = _EN_CALLED_QUOTE.match(text)
    if match and len(match.group("q")) <= MAX_ANSWER and not _EN_BAD_X.match(match.group("who")):
        verb = _EN_BASE[match.group("v")]
        tail = " as" if match.group("as") else ""
        return [Probe(f"{WHO}what did {match.group('who')} {verb} {match.group('obj')}{tail}", match.group("q"))]
    found = []
    for match in _EN_NOUN_CALLED.finditer(text):
        y = match.group("y")
        if match.group("noun") in STOP or match.group("noun") in ("she", "he", "they", "we", "you", "also", "often"):
            continue  # "Colbert called…", "they called…": a verb of naming needs a noun before it
        if 3 <= len(y) <= MAX_ANSWER:
            found.append(cloze_probe(text, match.start("y"), match.end("y"), 0.9))
    return found[:1]
