"""Quantity cards: numbers with their units, ranges and bounds.

"大语言模型的预训练通常使用10T到50T的token，模型大小则在100B到500B之间。" gives
"大语言模型的预训练通常使用多少token？" → "10T–50T" and "大语言模型的模型大小在什么范围？" → "100B–500B".
Each clause holding a number is handled on its own; a clause without a subject (or one opening with
则/也/而) borrows the topic of the clause or sentence before. When no clean question can be phrased,
the card is a cloze over the number in the (reference-resolved) sentence instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core.card import CLOZE
from desktop.core.generate import subject
from desktop.core.generate.base import Candidate, Context
from desktop.core.generate.clauses import (
    TIME_WORDS, ZH_BELIEF, ZH_CONDITION, is_adverbial, is_meta, reporting_frame, split_clauses, strip_connectives,
    token_spans)
from desktop.core.generate.english import base_form, is_plural, lower_first, past_base
from desktop.core.generate.index import cached, outline, position, sentence_key
from desktop.core.generate.lists import find_lists
from desktop.core.generate.noise import not_content, unlabelled
from desktop.core.generate.numbers import EN_NOT_COUNTED, ZH_FAR_BOUND, Quantity, find_quantities, shifted
from desktop.core.generate.questions import cloze, finish_question

RULE = "quantity"
MAX_FRONT = 64  # characters; a longer question is a paragraph to read, not a cue
# "每天约有5000万用户…", "全球共有…": a clause that states what exists needs no subject.
_EXISTENTIAL = re.compile(r"^(?:每[\u4e00-\u9fff]|目前|现在|当前|如今|全球|全国|今天)?(?:约|共|大约|总共|已|仍)?有")
_EN_COPULA = re.compile(r"^(?P<subj>.{3,60}?)\s(?P<cop>is|are|was|were)\s(?P<rest>.*)$")


def candidates(ctx: Context) -> list[Candidate]:
    """Cards for the numbers of one sentence.

    Args:
        ctx: the sentence and its neighbours.
    Returns:
        One question (or cloze) per number worth learning (computed once per sentence: the claim
        family asks whether the numbers of a claim have their cards here).
    """
    ctx = unlabelled(ctx)
    return cached(ctx, ("quantity", sentence_key(ctx)), lambda: _candidates(ctx))


def _candidates(ctx: Context) -> list[Candidate]:
    if is_meta(ctx.text) or not_content(ctx):
        return []
    language = ctx.language
    sentence, span_of = subject.resolve_mapped(ctx.text, ctx)
    found = []
    for q in find_quantities(ctx.text, language):
        moved = span_of(q.start, q.end)
        # numbers that resolution brought in ("这一规模" → "500B的规模") belong to another sentence
        if moved and not _heads_a_list(ctx.text, q) and not _repeated(ctx, ctx.text, q) \
                and not _labels_items(ctx.text, q, language):
            found.append(shifted(q, moved[0] - q.start))
    if language == "zh":
        return _zh_cards(ctx, sentence, found) if found else []
    past = _en_past_cards(sentence)
    asked = {card.answer for card in past if card.front.startswith("How much")}
    # a sum asked by "How much did …?" needs no cloze as well
    return [card for card in (_en_cards(ctx, sentence, found) if found else [])
            if not (card.kind == CLOZE and card.answer in asked)] + past


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_EN_WHEN = rf"(?:in|on|by|during)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS}(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?|\d{{4}}|the\s+\d{{4}}s)"
# what follows a simple-past verb: "the plant in 2019." / "$1.2 billion."
_EN_PAST_REST = re.compile(rf"^(?P<obj>[^,;:]{{0,50}}?)\s*(?:(?P<when>{_EN_WHEN})|(?P<amount>(?:about\s+|roughly\s+|"
                           r"nearly\s+|more than\s+|over\s+)?[$£€]\d[\d,.]*(?:\s+(?:million|billion|trillion))?))\.?$")
_EN_PAST_SUBJECT = re.compile(r"^(?:The|A|An|Its|Their|[A-Z][a-z]+)$")
_EN_PAST_SUBJECT_NOT = re.compile(r"^(?:It|They|He|She|This|That|These|Those|There|We|I|You|In|On|At|By|For|After|"
                                  r"Before|During|Since|Then|When|If)$")
AUX_STOP = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
            "should", "must", "do", "does", "did", "not", "that", "which", "who", "and", "or", "but"}
_EN_AMOUNT_VERBS = {"cost", "pay", "raise", "spend", "earn", "sell", "fetch", "receive", "lose", "invest"}


def _en_past_cards(sentence: str) -> list[Candidate]:
    """A simple-past sentence with a date or a sum asks "When did …?" / "How much did …?"."""
    words = sentence.strip().split(" ")
    if not words or not _EN_PAST_SUBJECT.match(words[0]) or _EN_PAST_SUBJECT_NOT.match(words[0]):
        return []
    for index in range(1, min(len(words), 6)):
        word = words[index]
        if not re.fullmatch(r"[A-Za-z][\w\-']*", word) or word.lower() in AUX_STOP:
            return []  # a clause, a number or another tense: not a plain "X did Y"
        base = past_base(word) if word.islower() else ""
        if base:
            break
    else:
        return []
    match = _EN_PAST_REST.match(" ".join(words[index + 1:]))
    if not match:
        return []
    subj = lower_first(" ".join(words[:index]))
    obj = match.group("obj").strip()
    if re.search(r"\b(?:and|or|but|that|which|who|because|if|when|to)\b|\d", obj) or \
            any(past_base(w) for w in obj.split()):
        return []
    tail = f" {obj}" if obj else ""
    if match.group("when"):
        return [Candidate.basic(f"When did {subj} {base}{tail}?", match.group("when"), RULE, 0.9)]
    if base in _EN_AMOUNT_VERBS:
        return [Candidate.basic(f"How much did {subj} {base}{tail}?", match.group("amount"), RULE, 1.05)]
    return []


# --- which numbers to ask about ------------------------------------------------------------------
def _heads_a_list(sentence: str, q: Quantity) -> bool:
    """"分为三类：A、B和C", "A、B和C三个县": the count of a list belongs to the enumeration cards."""
    after = sentence[q.end:q.end + 24]
    if q.kind == "count":
        counted = any(listing.count and listing.count[0] <= q.start < listing.count[1]
                      for listing in find_lists(sentence, "zh"))
        return counted or bool(re.match(r"[^，,。；;：:]{0,4}[:：]", after))
    return bool(re.match(r"(?:\s+[a-z]+){1,2}\s*:", after)) and not q.bound


def _labels_items(sentence: str, q: Quantity, language: str) -> bool:
    """"一层厨房、二层粮仓、三层以上住人": numbers that label the items of a list are no counts to learn."""
    if q.kind != "count" or language != "zh":
        return False
    if q.unit and re.search(rf"{re.escape(q.unit)}(?:和|与|及|、)$", sentence[:q.start]):
        return True  # "底层和二层": the number names one of a pair of labels
    for other in find_quantities(sentence, language):
        if other.start == q.start or other.unit != q.unit or other.kind != "count":
            continue
        between = sentence[min(q.end, other.end):max(q.start, other.start)]
        if "、" in between and not re.search(r"[，,。；;：:]", between):
            return True
    return False


def _repeated(ctx: Context, sentence: str, q: Quantity) -> bool:
    """Whether an earlier sentence of the document already stated this number about the same thing."""
    here, texts = position(ctx), outline(ctx).texts
    return any(at < here and q.text in texts[at] for at in _facts(ctx).get(_fact_key(sentence, q), ()))


def _facts(ctx: Context) -> dict[str, list[int]]:
    """Where each number-and-noun fact of the document is stated (reading positions, built once per run)."""
    def build() -> dict[str, list[int]]:
        index, facts = outline(ctx), {}
        for at, text in enumerate(index.texts):
            if not index.headings[at]:
                for q in find_quantities(text, ctx.language):
                    facts.setdefault(_fact_key(text, q), []).append(at)
        return facts

    return cached(ctx, "quantity.facts", build)


def _fact_key(sentence: str, q: Quantity) -> str:
    """The number and the noun it measures: "超过500B|模型" for both "超过500B的模型" and "超过500B的稠密模型"."""
    after = re.sub(r"^\s*的?", "", sentence[q.end:q.end + 12])
    head = ""
    if re.search(r"[\u4e00-\u9fff]", after):
        for word, tag, _s, _e in token_spans(after):
            if tag not in ("n", "nz", "eng", "vn", "j", "a", "b"):
                break
            head = word if tag not in ("a", "b") else head
    else:
        words = re.findall(r"[A-Za-z]+", after)
        head = words[0].lower().rstrip("s") if words else ""
    return f"{q.answer}|{head}"


# --- Chinese cards ---------------------------------------------------------------------------------
@dataclass
class _Flow:
    """What the clauses of a Chinese sentence hand on to the next one."""

    carried: str  # subject of the clause (or sentence) before
    lead: str  # belief frame kept in front of the first main clause: "李沐预计"
    previous_own: str = ""
    first_main: bool = True
    adverbials: list[str] = field(default_factory=list)  # "未来十年内" before the first main clause


def _zh_cards(ctx: Context, sentence: str, found: list[Quantity]) -> list[Candidate]:
    clauses = split_clauses(sentence, colons=True)
    frame = reporting_frame(clauses[0][0], "zh") if len(clauses) > 1 else None
    carried = subject.sentence_subject(subject.resolve(ctx.previous.text, ctx), "zh") if ctx.previous else ""
    flow = _Flow(carried, "".join(frame) if frame and frame[1] in ZH_BELIEF else "")
    out: list[Candidate] = []
    for number, (clause, c_start, c_end) in enumerate(clauses):
        if frame and number == 0:
            out.extend(_frame_cards(ctx, sentence, clauses, found))
            continue
        if sentence[max(c_start - 1, 0):c_start] in (":", "："):
            flow.carried = ""  # what follows a colon is a statement of its own: no subject crosses it
        body = strip_connectives(clause, "zh")
        b_start = c_start + len(clause) - len(body)
        own = subject.clause_subject(body, "zh")
        named = _named_topic(ctx, flow.previous_own)
        for q in (q for q in found if b_start <= q.start and q.end <= c_end):
            question = _clause_question(ctx, body, shifted(q, -b_start), own, named, flow, later=number > 0)
            out.append(_card(ctx, sentence, q, question))
        _advance(ctx, flow, clause, body, own, named)
    return out


def _frame_cards(ctx: Context, sentence: str, clauses: list, found: list[Quantity]) -> list[Candidate]:
    """"达尔文在1842年提出,环礁是…形成的": when someone said it is a fact too; the question keeps what was said."""
    clause, c_start, c_end = clauses[0]
    out = []
    for q in (q for q in found if c_start <= q.start and q.end <= c_end and q.kind in ("year", "date")):
        asked = _zh_replace(clause, shifted(q, -c_start))
        said = clauses[1][0] if len(clauses) > 1 else ""
        question = finish_question(f"{asked}，{said}", "zh") if asked and said else ""
        if len(question) > MAX_FRONT or subject.dangling(question, "zh"):
            question = ""
        out.append(_card(ctx, sentence, q, question))
    return out


def _clause_question(ctx: Context, body: str, q: Quantity, own: str, named: str, flow: _Flow,
                     later: bool) -> str:
    mine = _own_before(body, own, q)
    # "全长" belongs to the named subject before; "永定" is a name of its own
    topic = named if mine and len(mine) <= 2 and not _is_named(mine, "") else ""
    if mine and len(mine) <= 2 and not topic and later:
        return ""  # "…，工期长达十二年": whose 工期? The whole sentence (a cloze) says.
    lead = flow.lead + "".join(flow.adverbials) if flow.first_main else ""
    return _zh_question(body, q, mine, flow.carried, topic, ctx.document.title, lead, later)


def _advance(ctx: Context, flow: _Flow, clause: str, body: str, own: str, named: str) -> None:
    """Hand the clause's subject (or the named topic it continues) on to the next clause."""
    adverbial = is_adverbial(clause)
    if flow.first_main and not own and adverbial:
        flow.adverbials.append(clause)
    if own or not adverbial:
        flow.first_main = False
    if named and (not own or len(own) <= 3):
        return  # "…，全长约320公里，沿线设有…": the named subject stays the topic
    if own:
        flow.carried = own if not _continues(body, own) else _joined(flow.carried, own, ctx.document.title)
    name = _named_predicate(body, own)
    if name:
        flow.carried = name  # "世界上最大的珊瑚礁系统是大堡礁，绵延约2300公里": the length is the name's
    flow.previous_own = name or own


def _named_predicate(body: str, own: str) -> str:
    """"X是澳大利亚的大堡礁" → "大堡礁": a clause that names what its subject is hands the name on."""
    if not own or not body.startswith(own) or not body[len(own):].startswith("是"):
        return ""
    spans = token_spans(body[len(own) + 1:])
    if not spans or spans[-1][1] not in ("ns", "nr", "nz", "nt") or len(spans[-1][0]) < 2:
        return ""
    return spans[-1][0]


def _own_before(body: str, own: str, q: Quantity) -> str:
    """The clause's subject, cut where the number starts ("全长约320公里": jieba's 全长约 → 全长)."""
    if own and body.startswith(own) and len(own) > q.start:
        return body[:q.start] if q.start >= 2 else ""
    return own


def _named_topic(ctx: Context, previous_own: str) -> str:
    """"青溪运河始建于…，全长…": a short attribute noun in a later clause belongs to the named subject of
    the clause before, when that subject is a name (jieba: ns/nr/nt/nz/eng) or in the document title."""
    return previous_own if previous_own and _is_named(previous_own, ctx.document.title) else ""


def _is_named(phrase: str, title: str) -> bool:
    """A phrase holding a name (jieba: ns/nr/nt/nz/eng), or one the document title names."""
    if not phrase:
        return False
    return phrase in title or any(tag in ("ns", "nr", "nt", "nz", "eng")
                                  for _w, tag, _s, _e in token_spans(phrase))


def _continues(body: str, own: str) -> bool:
    """"模型大小则在…": a subject followed by 则/也/而 continues the topic of the clause before."""
    return body.startswith(own) and body[len(own):len(own) + 1] in ("则", "也", "而", "却", "亦")


def _joined(carried: str, own: str, title: str = "") -> str:
    """"大语言模型的预训练…，模型大小则…" → "大语言模型的模型大小".

    Only a possessor ("X的…") or a name is shared: "航运成本下降了一半，货运量则…" keeps "货运量".
    """
    if "的" not in carried and not _is_named(carried, title):
        return own
    topic = subject.topic_of(carried)
    if not topic or own.startswith(topic) or topic.endswith(own):
        return own
    return f"{topic}{'' if '的' in own else '的'}{own}"


def _zh_question(body: str, q: Quantity, own: str, carried: str, topic: str = "", title: str = "",
                 lead: str = "", later: bool = False) -> str:
    """A question about `q` in a clause `body` (connectives stripped), or "" when none reads well.

    Args:
        body: the clause, connectives stripped.
        q: the number, with offsets into `body`.
        own: the clause's own subject ("" when it has none).
        carried: the subject of the clause or sentence before.
        topic: a named subject to put before a short attribute noun ("青溪运河" + "全长").
        title: the document title (a subject it names may be shared by later clauses).
        lead: the belief frame and time clauses that open the sentence ("王磊认为未来十年内").
        later: whether the clause follows another in its sentence.
    Returns:
        The question, ending in "？".
    """
    if body.startswith(("其中", "其余", "其他", "其它")) or _time_clause(body, q):
        return ""  # "其中盐税约占60%" and "19世纪中期" need the rest of the sentence: a cloze
    if ZH_CONDITION.match(body):
        return ""  # "只要水温高出1摄氏度…，就…": the condition means nothing without its consequence
    replaced = _zh_replace(body, q)
    if not replaced:
        return ""
    if own and replaced.startswith(own) and _continues(body, own):
        replaced = _joined(carried, own, title) + replaced[len(own):].lstrip("则也而却亦")
    elif own and topic and replaced.startswith(own) and not own.startswith(topic):
        replaced = topic + replaced
    elif not own and (subject.dangling(replaced, "zh") or token_spans(replaced)[:1] and
                      token_spans(replaced)[0][1] == "r" and not replaced.startswith(("每", "各"))):
        return ""  # "该公司去年营收…" left unresolved: no borrowed subject can fix it
    elif not own and not _opens_with_phrase(replaced) and not _EXISTENTIAL.match(replaced):
        topic = subject.topic_of(carried)
        if not topic:
            return ""
        replaced = topic + replaced.lstrip("则也而却亦还")
    elif not own and _EXISTENTIAL.match(replaced) and later and _is_named(carried, title):
        replaced = carried + replaced  # "承启楼由…组成，…，共有房间400余间": the rooms are the named building's
    if lead:
        replaced = lead + replaced
    question = finish_question(replaced, "zh")
    if len(question) > MAX_FRONT or subject.dangling(question, "zh"):
        return ""
    return question


def _time_clause(body: str, q: Quantity) -> bool:
    """"19世纪中期", "到1905年": the number only dates the clause that follows."""
    if q.kind == "era":
        return True
    # what is left around the number is only time and place words: "到…", "未来…内", "截至…底"
    return all(tag in ("t", "f", "p", "m", "q", "x", "c") or word in TIME_WORDS
               for word, tag, start, end in token_spans(body) if start < q.start or end > q.end)


def _opens_with_phrase(body: str) -> bool:
    """"多大的模型…" / "哪一年…": the interrogative phrase is itself the subject."""
    return body.startswith(("多大的", "哪一年", "多少", "几"))


def _zh_replace(clause: str, q: Quantity) -> str:
    """The clause with the number (and what belongs to it) replaced by an interrogative."""
    before, after = clause[:q.start], clause[q.end:]
    if q.bound and q.text.startswith(q.bound) and after.startswith("的"):
        if q.kind in ("amount", "count") and not before.strip(" ，,"):
            return "多大的" + after[1:]
        return ""
    far = ZH_FAR_BOUND.search(before)
    if far and q.bound == far.group(1):
        before = before[:far.start()] + far.group(2)
    if before.endswith("在") and after.startswith("之间"):
        return before + "什么范围" + after[2:]
    if q.kind == "era":
        return ""
    if q.kind == "fraction":
        return before + "多大比例" + after
    if q.kind == "year":
        return before + "哪一年" + after
    if q.kind == "date":
        return before + "什么时候" + re.sub(r"^\d{1,2}月(?:\d{1,2}[日号])?", "", after)
    if q.kind == "duration":
        return before + "多长时间" + re.sub(r"^(?:的?时间|间)", lambda m: "内" if m.group(0) == "间" else "", after)
    if q.kind == "multiple":
        return before + ("几倍" if q.value <= 10 else "多少倍") + after
    if q.kind == "count":
        return before + ("几" if 0 < q.value <= 10 else "多少") + q.unit + after
    if q.kind == "money":
        currency = next(c for c in sorted(["美元", "欧元", "英镑", "日元", "港元", "韩元", "人民币", "元"], key=len,
                                          reverse=True) if q.unit.endswith(c))
        return before + "多少" + currency + after
    if after.startswith("的"):
        return before + "多少" + after[1:]
    return before + "多少" + after


def _card(ctx: Context, sentence: str, q: Quantity, question: str) -> Candidate:
    if question and q.answer and q.answer not in question:
        return Candidate.basic(question, q.answer, RULE, score=1.0)
    return _cloze_card(ctx, sentence, q)


def _cloze_card(ctx: Context, sentence: str, q: Quantity) -> Candidate:
    """A cloze over the number in the sentence, which must make sense on its own."""
    text = strip_connectives(sentence, ctx.language)
    shift = len(sentence) - len(text)
    start, end = q.start - shift, q.end - shift
    if start < 0:
        text, start, end = sentence, q.start, q.end
    front = cloze(text, start, end)
    if subject.dangling(text, ctx.language):
        front = subject.topic_prefix(ctx) + front
    return Candidate(CLOZE, front, "", q.text, RULE, score=0.8)


# --- English cards ---------------------------------------------------------------------------------
def _en_cards(ctx: Context, sentence: str, found: list[Quantity]) -> list[Candidate]:
    out = []
    for q in found:
        question, answer = _en_question(sentence, q)
        if question and answer not in question:
            out.append(Candidate.basic(question, answer, RULE, score=1.0))
        else:
            out.append(_cloze_card(ctx, sentence, q))
    return out


def _en_question(sentence: str, q: Quantity) -> tuple[str, str]:
    """A question for an English number and its answer: a dimension ("X is 5 km long"), after a copula
    ("X is 5 kg") or a count that X has ("X had nine engineers"); ("", "") when none fits."""
    dimension = _en_dimension_question(sentence, q)
    if dimension[0]:
        return dimension
    question = _en_copula_question(sentence, q) or _en_have_question(sentence, q)
    return question, q.answer


def _en_dimension_question(sentence: str, q: Quantity) -> tuple[str, str]:
    """"The line is 1,912 miles long." → ("How long is the line?", "1,912 miles")."""
    text = strip_connectives(sentence, "en")
    shift = len(sentence) - len(text)
    match = _EN_COPULA.match(text[: q.start - shift].rstrip() + " ")
    tail = re.match(r"\s*([a-z]+)\s+(long|wide|high|tall|deep|old|thick|heavy)\s*[.!]?$", text[q.end - shift:])
    if not match or not tail or match.group("rest").strip() or "," in match.group("subj"):
        return "", ""
    subj = match.group("subj").strip()
    if subject.dangling(subj, "en"):
        return "", ""
    question = finish_question(f"How {tail.group(2)} {match.group('cop')} {lower_first(subj)}", "en")
    return question, f"{q.answer} {tail.group(1)}"


def _en_have_question(sentence: str, q: Quantity) -> str:
    """"Her first team had nine engineers." → "How many engineers did … first team have?"; also a
    present-tense verb: "The cell survives 4,000 charge cycles." → "How many charge cycles does the cell
    survive?"."""
    text = strip_connectives(sentence, "en")
    shift = len(sentence) - len(text)
    head = text[: q.start - shift].rstrip()
    match = re.match(r"^(?P<subj>.{3,50}?)\s(?P<verb>[a-z]{3,})(?:\s(?:only|just))?$", head)
    noun = re.match(r"\s((?:[a-z][a-z-]+\s)?[a-z][a-z-]+s)\b(?P<rest>[^,;]*?)[.!]?$", text[q.end - shift:])
    if not match or not noun or q.kind != "amount" or re.search(r"[$€£¥%]", q.text):
        return ""
    subj, verb = match.group("subj"), match.group("verb")
    lemma = _en_lemma(verb)
    if not lemma or subject.dangling(subj, "en") or "," in subj or subj.split()[-1].lower() in EN_NOT_COUNTED:
        return ""
    aux = "did" if verb == "had" else ("do" if verb == "have" or is_plural(subj) else "does")
    question = f"How many {noun.group(1)} {aux} {lower_first(subj)} {lemma}{noun.group('rest').rstrip('. ')}"
    return finish_question(question, "en") if len(question) <= MAX_FRONT else ""


def _en_lemma(verb: str) -> str:
    """The base form of "has/have/had" or a present-tense verb ("survives" → "survive"); "" otherwise."""
    if verb in ("has", "have", "had"):
        return "have"
    if verb in ("is", "was", "does", "goes") or not verb.endswith("s") or verb.endswith("ss"):
        return ""
    return base_form(verb)


def _en_copula_question(sentence: str, q: Quantity) -> str:
    """"The cell's energy density is 500 Wh/kg." → "What is the cell's energy density?" (copulas only)."""
    text = strip_connectives(sentence, "en")
    shift = len(sentence) - len(text)
    match = _EN_COPULA.match(text[: q.start - shift].rstrip() + " ")
    if not match or match.group("rest").strip() or q.kind == "year" or "," in match.group("subj"):
        return ""
    subj = match.group("subj").strip()
    if subject.dangling(subj, "en") or subj.split()[0].lower() in ("there", "it", "this", "that"):
        return ""
    tail = text[q.end - shift:].strip().rstrip(".!")
    if tail and not re.match(r"(?:in|by|at|on|for|during|after|before|since|per|across)\b", tail):
        return ""  # "X is 5 times faster than Y": the words after the number belong to it
    question = f"What {match.group('cop')} {lower_first(subj)}" + (f" {tail}" if tail else "")
    return finish_question(question, "en") if len(question) <= MAX_FRONT else ""
