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
from desktop.core.generate.questions import (ZH_BELIEF, cloze, finish_question, is_meta, reporting_frame,
                                              split_clauses, strip_connectives, token_spans)
from desktop.core.numerals import parse_chinese

RULE = "quantity"
MAX_FRONT = 64  # characters; a longer question is a paragraph to read, not a cue
DASH = "–"

# --- Chinese patterns ------------------------------------------------------------------------------
_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_CN_DIGITS}十百千万亿]+(?:点[{_CN_DIGITS}]+)?"
_AR_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM = f"(?:{_AR_NUM}|{_CN_NUM})"
_MAG = r"(?:[KMBT](?![A-Za-z])|[千万亿]+)"
_TIME_UNITS = ("个多月", "个月", "年", "月", "周", "星期", "天", "日", "小时", "分钟", "秒", "秒钟")
_ERAS = ("世纪", "年代")
_CURRENCY = ("亿美元", "万美元", "美元", "欧元", "英镑", "日元", "港元", "韩元", "人民币", "亿元", "万元", "元")
_MEASURES = ("个百分点", "人次", "个", "类", "种", "名", "位", "家", "项", "次", "代", "层", "款", "台", "块",
             "张", "篇", "部", "条", "所", "座", "件", "只", "辆", "架", "艘", "岁", "届", "轮", "期", "份",
             "套", "批", "本", "首", "场", "步", "级", "组", "人", "颗", "枚", "棵", "匹", "头", "间", "两")
_PHYSICAL = ("公里", "千米", "厘米", "毫米", "纳米", "微米", "米", "公斤", "千克", "毫克", "克", "吨", "千瓦时",
             "千瓦", "瓦", "伏", "毫安时", "赫兹", "帧", "摄氏度", "度", "平方米", "平方公里", "立方米", "升",
             "毫升", "亩", "公顷", "字节", "倍")
_LATIN_UNITS = (r"(?:%|％|GB|TB|MB|KB|PB|TWh|GWh|MWh|kWh|Wh/kg|Wh|kW|MW|GW|W|mAh|mV|V|GHz|MHz|Hz|nm|mm|cm|km|kg|"
                r"ms|fps|TFLOPS|FLOPS|°C|℃)(?![A-Za-z])")
# SI-style units written in Chinese with a prefix: 太瓦时, 兆瓦, 千焦, 纳秒, 毫升, 平方公里.
_ZH_SI_UNIT = "(?:[千兆吉太拍毫微纳皮]?(?:瓦时|瓦|焦耳|焦|赫兹|字节|比特|伏|安时|安)|(?:平方|立方)?[千毫微纳厘分]?(?:米|克|升|秒))"
_ZH_UNIT = "(?:" + _ZH_SI_UNIT + "|" + "|".join(
    sorted({*_TIME_UNITS, *_ERAS, *_CURRENCY, *_MEASURES, *_PHYSICAL}, key=len, reverse=True)) + ")"
_ZH_SIDE = f"{_NUM}{_MAG}?(?:多|余)?(?:\\s?{_LATIN_UNITS}|{_ZH_UNIT})?"
_ZH_PRE = ("不少于", "不超过", "不低于", "不高于", "不到", "不足", "超过", "超出", "至少", "最少", "最多", "高达",
           "多达", "大约", "约", "将近", "接近", "逾", "仅", "少于", "多于", "低于", "高于", "达到", "达")
_ZH_POST = ("以上", "以下", "以内", "左右", "出头")
_ZH_QUANTITY = re.compile(
    f"(?<![A-Za-z0-9_.\\-/第])(?P<pre>{'|'.join(_ZH_PRE)})?"
    f"(?P<a>{_ZH_SIDE})(?:\\s?(?P<sep>到|至|~|～|-|–|—)\\s?(?P<b>{_ZH_SIDE}))?(?P<post>{'|'.join(_ZH_POST)})?")
# A bound adverb a verb away from its number: "至少需要五年" → "至少五年".
_ZH_FAR_BOUND = re.compile(r"(至少|最少|最多|大约|大概|约|仅|只)((?:还|也|都|仍|再|将)?(?:需要|需|要|有|花费|花|用|耗时|持续|达到|达|是|为|占))$")
# "每天约有5000万用户…", "全球共有…": a clause that states what exists needs no subject.
_EXISTENTIAL = re.compile(r"^(?:每[\u4e00-\u9fff]|目前|现在|当前|如今|全球|全国|今天)?(?:约|共|大约|总共|已|仍)?有")
_ZH_VERB_BEFORE = ("不会", "不", "没有", "没", "未", "将", "已经", "已", "能", "可", "会", "可以", "也")

# --- English patterns ------------------------------------------------------------------------------
_EN_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
             "fifty|sixty|seventy|eighty|ninety|a hundred|hundreds of|a thousand|thousands of|a dozen|dozens of")
_EN_NUM = f"(?:[$€£¥]\\s?)?(?:{_AR_NUM}|(?:{_EN_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
_EN_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|[KMBT](?![A-Za-z]))"
_EN_UNIT = (r"(?:\s?(?:%|percent\b|per cent\b|-fold\b|x\b|times\b)|\s(?:years?|months?|weeks?|days?|hours?|"
            r"minutes?|seconds?|decades?|centuries)\b|\s?" + _LATIN_UNITS + ")")
_EN_SIDE = f"{_EN_NUM}{_EN_SCALE}?{_EN_UNIT}?"
_EN_PRE = ("more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
           "over", "nearly", "almost", "about", "around", "approximately", "roughly", "under", "above",
           "below", "just over", "just under")
_EN_QUANTITY = re.compile(
    rf"(?<![\w.\-/$€£¥])(?:(?P<pre>{'|'.join(_EN_PRE)})\s)?(?:(?P<between>between|from)\s)?"
    rf"(?P<a>{_EN_SIDE})(?:\s?(?P<sep>and|to|–|-|—)\s?(?P<b>{_EN_SIDE}))?(?![\w])", re.I)
_EN_NOT_COUNTED = {"of", "the", "and", "or", "but", "for", "to", "in", "on", "at", "by", "with", "from", "more",
                   "less", "other", "others", "times", "another", "such", "than", "that", "which", "who"}
_EN_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)s?$")
_EN_COPULA = re.compile(r"^(?P<subj>.{3,60}?)\s(?P<cop>is|are|was|were)\s(?P<rest>.*)$")


@dataclass(frozen=True)
class Quantity:
    """One number found in a text, with what a card needs to ask about it."""

    start: int  # span in the text, bounds included
    end: int
    text: str  # as written: "10T到50T", "超过500B"
    answer: str  # normalised: "10T–50T", "超过500B", "至少五年"
    core: str  # without the bound: "500B"
    kind: str  # year, date, duration, percent, multiple, money, count, amount
    bound: str  # "超过", "at least", "" …
    unit: str  # the measure word or unit of the last side: "类", "年", "B", "%"
    value: float  # of the first side, for choosing 几 or 多少


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Numbers with units, ranges and bounds in a sentence.

    Args:
        text: one sentence or clause.
        language: "zh" or "en".
    Returns:
        Quantities in reading order; numbers that are parts of names ("GPT-4") or ordinals are skipped.
    """
    if language == "zh" and re.search(r"[\u4e00-\u9fff]", text):
        return _find_zh(text)
    return _find_en(text)


def candidates(ctx: Context) -> list[Candidate]:
    """Cards for the numbers of one sentence.

    Args:
        ctx: the sentence and its neighbours.
    Returns:
        One question (or cloze) per number worth learning.
    """
    if is_meta(ctx.text):
        return []
    language = ctx.language
    sentence, span_of = subject.resolve_mapped(ctx.text, ctx)
    found = []
    for q in find_quantities(ctx.text, language):
        moved = span_of(q.start, q.end)
        # numbers that resolution brought in ("这一规模" → "500B的规模") belong to another sentence
        if moved and not _heads_a_list(ctx.text, q) and not _repeated(ctx, ctx.text, q):
            found.append(_shift(q, moved[0] - q.start))
    if not found:
        return []
    if language == "zh":
        return _zh_cards(ctx, sentence, found)
    return _en_cards(ctx, sentence, found)


# --- finding numbers -------------------------------------------------------------------------------
def _find_zh(text: str) -> list[Quantity]:
    found, boundaries = [], None
    for match in _ZH_QUANTITY.finditer(text):
        a, b = match.group("a"), match.group("b")
        if not _zh_side_ok(a, match.group("pre") or match.group("post")):
            continue
        if boundaries is None:
            boundaries = {s for _w, _t, s, _e in token_spans(text)}
        if not re.match(r"\d", a) and match.start("a") not in boundaries:
            continue  # a numeral inside a word: 统一, 万一, 十分
        pre, post = match.group("pre") or "", match.group("post") or ""
        if b and not _zh_side_ok(b, "x"):
            b, post = None, ""
        start = match.start()
        far = _ZH_FAR_BOUND.search(text[:match.start("a")]) if not pre else None
        core_end = match.end("b") if b else match.end("a")
        end = match.end("post") if post else core_end
        core = _dash(a, b) if b else text[match.start("a"):core_end]
        bound = far.group(1) if far else pre
        if pre in ("达到", "达") or (pre == "超过" and _verb_use(text, start)):
            start, bound = match.start("a"), ""  # the verb stays in the question: "不会超过多少"
        written = text[start:end]
        answer = (bound if bound and not post else "") + core + post
        unit = _zh_unit(b or a)
        found.append(Quantity(start, end, written, answer, core, _zh_kind(a, unit, text, end), bound, unit,
                              _value(a)))
    return _drop_overlaps(found)


def _zh_side_ok(side: str, bounded: str | None) -> bool:
    """Whether one side of a Chinese quantity is a real number worth asking about."""
    number = re.match(_NUM, side).group(0)
    unit = side[len(number):].strip()
    if re.match(r"\d", number):
        return bool(unit) or len(number.replace(",", "").split(".")[0]) >= 2
    if not unit or unit in ("多", "余") or re.fullmatch(r"[千万亿]+", unit):
        return False  # a Chinese numeral needs a unit: 三类, 五年, not 一些/千万
    value = parse_chinese(number.split("点")[0]) if number else None
    if value is None:
        return False
    if not _counting_unit(unit):
        return False  # prose writes money and measurements in digits; "三元电池" is a name
    # "一个重要趋势", "一种方法": the number one counts only as a duration or with a bound
    return value != 1 or bool(bounded) or unit.lstrip("多余") in _TIME_UNITS


def _counting_unit(unit: str) -> bool:
    """Units that follow Chinese numerals in running text: durations, measure words, 倍, 万/亿 counts."""
    bare = re.sub(r"^[多余]|^[千万亿]+", "", unit) or unit
    return bare in _TIME_UNITS or bare in _MEASURES or bare in _ERAS or bare == "倍"


def _verb_use(text: str, start: int) -> bool:
    """Whether 超过 right before `start` is the verb of the clause ("不会超过500B"), not a bound."""
    return text[:start].rstrip().endswith(_ZH_VERB_BEFORE)


def _zh_unit(side: str) -> str:
    """The unit or measure word of one side, without its magnitude: "240万两" → "两"."""
    number = re.match(_NUM, side).group(0)
    unit = side[len(number):].lstrip("多余 ").strip()
    stripped = re.sub(r"^(?:[千万亿]+|[KMBT](?=.))", "", unit)
    return stripped or unit


def _zh_kind(a: str, unit: str, text: str, end: int) -> str:
    number = re.match(_NUM, a).group(0)
    if unit in _ERAS:
        return "era"
    if unit == "两" and not re.match(r"\d", number):
        return "amount"
    if unit == "年" and re.fullmatch(r"1\d{3}|20\d{2}", number):
        return "date" if re.match(r"\d{1,2}月", text[end:]) else "year"
    if unit in ("%", "％", "个百分点") or "%" in unit:
        return "percent"
    if unit == "倍":
        return "multiple"
    if unit.lstrip("个多") in _TIME_UNITS or unit in _TIME_UNITS:
        return "duration"
    if any(unit.endswith(c) for c in _CURRENCY):
        return "money"
    if unit in _MEASURES:
        return "count"
    return "amount"


def _value(side: str) -> float:
    number = re.match(_NUM, side, re.I)
    text = number.group(0) if number else ""
    digits = re.sub(r"[^\d.]", "", text.replace(",", ""))
    if digits:
        try:
            return float(digits)
        except ValueError:
            return 0.0
    return float(parse_chinese(text.split("点")[0]) or 0) if text else 0.0


def _dash(a: str, b: str) -> str:
    """"10T到50T" → "10T–50T"; the unit of a side is kept as written."""
    return f"{a.strip()}{DASH}{b.strip()}"


def _drop_overlaps(found: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for q in found:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


def _find_en(text: str) -> list[Quantity]:
    found = []
    for match in _EN_QUANTITY.finditer(text):
        a, b = match.group("a"), match.group("b")
        if not _en_side_ok(a, text, match):
            continue
        if b and match.group("sep").lower() == "and" and not match.group("between"):
            b = None  # "5 and 6 …" is a list, not a range
        end = match.end("b") if b else match.end("a")
        bound = match.group("pre") or ""
        core = f"{a.strip()}{DASH}{b.strip()}" if b else a.strip()
        kind = _en_kind(a, b, text[end:end + 12])
        answer = f"{bound} {core}".strip() if bound else core
        start = match.start("pre") if bound else match.start("between" if match.group("between") else "a")
        found.append(Quantity(start, end, text[start:end], answer, core, kind, bound.lower(),
                              _en_unit(b or a), _value(a)))
    return _drop_overlaps(found)


def _en_side_ok(a: str, text: str, match: re.Match) -> bool:
    stripped = a.strip()
    if re.fullmatch(r"\d", stripped):
        return False  # a lone digit is a list marker or a name part more often than a fact
    if re.fullmatch(r"[A-Za-z -]+", stripped):
        # a number word counts with its unit ("five years") or before a counted noun ("nine engineers")
        if re.search(_EN_UNIT + "$", stripped):
            return True
        after = re.match(r"\s([a-z][a-z-]{2,})", text[match.end():])  # after the range: "four to six cycles"
        return stripped.lower() not in ("one", "a dozen") and bool(after) and after.group(1) not in _EN_NOT_COUNTED
    before = text[:match.start("a")]
    named = re.search(r"[A-Z][A-Za-z]*[- ]?$", before)
    if named and not re.search(r"\b(?:In|By|Since|Until|From|Of|At)\s$", before):
        return bool(re.search(r"[%$€£¥]|[KMBT]$|illion|thousand", stripped))  # "Model 3", "GPT-4"
    return True


def _en_kind(a: str, b: str | None, after: str) -> str:
    side = (b or a).strip()
    if _EN_YEAR.match(a.strip()):
        return "year"
    if re.search(r"%|percent|per cent", side):
        return "percent"
    if re.search(r"[$€£¥]", a + (b or "")):
        return "money"
    if re.search(r"fold|times|x$", side):
        return "multiple"
    if re.search(r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries", side):
        return "duration"
    return "amount"


def _en_unit(side: str) -> str:
    if re.fullmatch(rf"(?:{_EN_WORDS})(?:-\w+)?", side.strip(), re.I):
        return ""
    match = re.search(r"[A-Za-z%°℃/]+$", side.strip())
    return match.group(0) if match else ""


# --- which numbers to ask about ------------------------------------------------------------------
def _heads_a_list(sentence: str, q: Quantity) -> bool:
    """"分为三类：A、B和C": the count of a list belongs to the enumeration cards."""
    after = sentence[q.end:q.end + 24]
    if q.kind == "count":
        return bool(re.match(r"[^，,。；;：:]{0,4}[:：]", after))
    return bool(re.match(r"(?:\s+[a-z]+){1,2}\s*:", after)) and not q.bound


def _repeated(ctx: Context, sentence: str, q: Quantity) -> bool:
    """Whether an earlier sentence of the document already stated this number about the same thing."""
    key = _fact_key(sentence, q)
    for section in ctx.document.walk():
        for index, earlier in enumerate(section.sentences):
            if section.id == ctx.section.id and index >= ctx.index:
                return False
            if q.text not in earlier.text:
                continue
            if any(_fact_key(earlier.text, other) == key for other in find_quantities(earlier.text, ctx.language)):
                return True
    return False


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
    clauses = split_clauses(sentence)
    frame = reporting_frame(clauses[0][0], "zh") if len(clauses) > 1 else None
    carried = subject.sentence_subject(subject.resolve(ctx.previous.text, ctx), "zh") if ctx.previous else ""
    flow = _Flow(carried, "".join(frame) if frame and frame[1] in ZH_BELIEF else "")
    out: list[Candidate] = []
    for number, (clause, c_start, c_end) in enumerate(clauses):
        if frame and number == 0:
            continue
        body = strip_connectives(clause, "zh")
        b_start = c_start + len(clause) - len(body)
        own = subject.clause_subject(body, "zh")
        named = _named_topic(ctx, flow.previous_own)
        for q in (q for q in found if b_start <= q.start and q.end <= c_end):
            question = _clause_question(ctx, body, _shift(q, -b_start), own, named, flow, later=number > 0)
            out.append(_card(ctx, sentence, q, question))
        _advance(ctx, flow, clause, body, own, named)
    return out


def _clause_question(ctx: Context, body: str, q: Quantity, own: str, named: str, flow: _Flow,
                     later: bool) -> str:
    mine = _own_before(body, own, q)
    topic = named if mine and len(mine) <= 2 else ""
    if mine and len(mine) <= 2 and not topic and later:
        return ""  # "…，工期长达十二年": whose 工期? The whole sentence (a cloze) says.
    lead = flow.lead + "".join(flow.adverbials) if flow.first_main else ""
    return _zh_question(body, q, mine, flow.carried, topic, ctx.document.title, lead)


def _advance(ctx: Context, flow: _Flow, clause: str, body: str, own: str, named: str) -> None:
    """Hand the clause's subject (or the named topic it continues) on to the next clause."""
    adverbial = subject.is_adverbial(clause)
    if flow.first_main and not own and adverbial:
        flow.adverbials.append(clause)
    if own or not adverbial:
        flow.first_main = False
    if named and (not own or len(own) <= 3):
        return  # "…，全长约320公里，沿线设有…": the named subject stays the topic
    if own:
        flow.carried = own if not _continues(body, own) else _joined(flow.carried, own, ctx.document.title)
    flow.previous_own = own


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


def _shift(q: Quantity, delta: int) -> Quantity:
    return Quantity(q.start + delta, q.end + delta, q.text, q.answer, q.core, q.kind, q.bound, q.unit, q.value)


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
                 lead: str = "") -> str:
    """A question about `q` in a clause `body` (connectives stripped), or "" when none reads well.

    Args:
        body: the clause, connectives stripped.
        q: the number, with offsets into `body`.
        own: the clause's own subject ("" when it has none).
        carried: the subject of the clause or sentence before.
        topic: a named subject to put before a short attribute noun ("青溪运河" + "全长").
        title: the document title (a subject it names may be shared by later clauses).
        lead: the belief frame and time clauses that open the sentence ("王磊认为未来十年内").
    Returns:
        The question, ending in "？".
    """
    if body.startswith(("其中", "其余", "其他", "其它")) or _time_clause(body, q):
        return ""  # "其中盐税约占60%" and "19世纪中期" need the rest of the sentence: a cloze
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
    return all(tag in ("t", "f", "p", "m", "q", "x") or word in subject.TIME_WORDS
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
    far = _ZH_FAR_BOUND.search(before)
    if far and q.bound == far.group(1):
        before = before[:far.start()] + far.group(2)
    if before.endswith("在") and after.startswith("之间"):
        return before + "什么范围" + after[2:]
    if q.kind == "era":
        return ""
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
        front = f"{subject.subject_hint(ctx)}{'：' if ctx.language == 'zh' else ': '}{front}"
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
    question = finish_question(f"How {tail.group(2)} {match.group('cop')} {_lower_article(subj)}", "en")
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
    if not lemma or subject.dangling(subj, "en") or "," in subj or subj.split()[-1].lower() in _EN_NOT_COUNTED:
        return ""
    aux = "did" if verb == "had" else ("do" if verb == "have" or _plural_subject(subj) else "does")
    question = f"How many {noun.group(1)} {aux} {_lower_article(subj)} {lemma}{noun.group('rest').rstrip('. ')}"
    return finish_question(question, "en") if len(question) <= MAX_FRONT else ""


def _en_lemma(verb: str) -> str:
    """The base form of "has/have/had" or a present-tense verb ("survives" → "survive"); "" otherwise."""
    if verb in ("has", "have", "had"):
        return "have"
    if verb in ("is", "was", "does", "goes") or not verb.endswith("s") or verb.endswith("ss"):
        return ""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ch|sh|x|zz)es$", verb):
        return verb[:-2]
    return verb[:-1]


def _plural_subject(subj: str) -> bool:
    last = subj.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "'s"))


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
    question = f"What {match.group('cop')} {_lower_article(subj)}" + (f" {tail}" if tail else "")
    return finish_question(question, "en") if len(question) <= MAX_FRONT else ""


def _lower_article(phrase: str) -> str:
    """"The line" → "the line" inside a question; names keep their capitals."""
    words = phrase.split()
    first = words[0]
    # "Pre-training such a model": a capital that only opens the sentence (the next word is lower-case)
    common = len(words) > 1 and words[1][:1].islower() and first[1:] == first[1:].lower()
    return phrase[0].lower() + phrase[1:] if first in ("The", "A", "An", "Its", "Their", "His", "Her") or common \
        else phrase
