"""Numbers in a sentence: with their units, ranges and bounds ("10T到50T", "超过500B", "at least five years").

The salient cloze deletes each number whole, salience weighs a span that holds one, and the resolver
borrows the last one ("这一规模" → "500B"). All of them read numbers the same way, here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.generate.clauses import token_spans
from desktop.core.numerals import parse_chinese

DASH = "–"

# --- Chinese patterns ------------------------------------------------------------------------------
_CN_DIGITS = "零〇一二两三四五六七八九"
# "十几", "二十几": an approximate count is still one to learn ("高出十几倍")
_CN_NUM = f"[{_CN_DIGITS}十百千万亿]+(?:(?<=[十百千万])几)?(?:点[{_CN_DIGITS}]+)?"
_AR_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUM = f"(?:{_AR_NUM}|{_CN_NUM})"
_MAG = r"(?:[KMBT](?![A-Za-z])|[千万亿]+)"
_TIME_UNITS = ("个多月", "个月", "年", "月", "周", "星期", "天", "日", "小时", "分钟", "秒", "秒钟")
_ERAS = ("世纪", "年代")
_CURRENCY = ("亿美元", "万美元", "美元", "欧元", "英镑", "日元", "港元", "韩元", "人民币", "亿元", "万元", "元")
_MEASURES = ("个百分点", "人次", "个", "类", "种", "名", "位", "家", "项", "次", "代", "层", "款", "台", "块", "圈", "户",
             "根", "株", "栋", "幢", "处", "道",
             "张", "篇", "部", "条", "所", "座", "件", "只", "辆", "架", "艘", "岁", "届", "轮", "期", "份",
             "套", "批", "本", "首", "场", "步", "级", "组", "人", "颗", "枚", "棵", "匹", "头", "间", "两",
             "册", "遍", "卷", "页", "片", "粒", "滴", "杯", "幅", "群", "例")
_PHYSICAL = ("公里", "千米", "厘米", "毫米", "纳米", "微米", "米", "公斤", "千克", "毫克", "克", "吨", "千瓦时",
             "千瓦", "瓦", "伏", "毫安时", "赫兹", "帧", "摄氏度", "度", "平方米", "平方公里", "立方米", "升",
             "毫升", "亩", "公顷", "字节", "倍")
_LATIN_UNITS = (r"(?:%|％|GB|TB|MB|KB|PB|TWh|GWh|MWh|kWh|Wh/kg|Wh|kW|MW|GW|W|mAh|mV|V|GHz|MHz|Hz|nm|mm|cm|km|kg|"
                r"ms|fps|TFLOPS|FLOPS|°C|℃|mg|g|ml|mL)(?![A-Za-z])")
# SI-style units written in Chinese with a prefix: 太瓦时, 兆瓦, 千焦, 纳秒, 毫升, 平方公里.
_ZH_SI_UNIT = "(?:[千兆吉太拍毫微纳皮]?(?:瓦时|瓦|焦耳|焦|赫兹|字节|比特|伏|安时|安)|(?:平方|立方)?[千毫微纳厘分]?(?:米|克|升|秒))"
_ZH_UNIT = "(?:" + _ZH_SI_UNIT + "|" + "|".join(
    sorted({*_TIME_UNITS, *_ERAS, *_CURRENCY, *_MEASURES, *_PHYSICAL}, key=len, reverse=True)) + ")"
# "2 个月", "8 g": text that mixes scripts puts a space between a digit and its unit
_ZH_SIDE = f"{_NUM}(?:多|余)?{_MAG}?(?:多|余)?(?:\\s?{_LATIN_UNITS}|(?<=\\d)\\s(?={_ZH_UNIT}){_ZH_UNIT}|{_ZH_UNIT})?"
_ZH_PRE = ("不少于", "不超过", "不低于", "不高于", "不到", "不足", "超过", "超出", "至少", "最少", "最多", "高达",
           "多达", "大约", "约", "将近", "接近", "逾", "仅", "少于", "多于", "低于", "高于", "达到", "达")
_ZH_POST = ("以上", "以下", "以内", "左右", "出头")
_ZH_QUANTITY = re.compile(
    f"(?<![A-Za-z0-9_.\\-/第])(?P<pre>{'|'.join(_ZH_PRE)})?"
    f"(?P<a>{_ZH_SIDE})(?:\\s?(?P<sep>到|至|~|～|-|–|—)\\s?(?P<b>{_ZH_SIDE}))?(?P<post>{'|'.join(_ZH_POST)})?")
# what completes a year or a century: "2024年|3月", "20世纪|50年代"
_ZH_JOINED = re.compile(r"(?:\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?[日号])?|(?P<decade>\d0年代|[二三四五六七八九]十年代)(?:初|中期|末|后期|初期)?)")
# "约一半", "三分之一", "四分之三": a share of a whole
_ZH_FRACTION = re.compile(r"(?P<pre>约|大约|近|将近|超过|逾|不到|接近)?"
                          r"(?P<a>一半|(?:\d+|[一二两三四五六七八九十百]+)分之(?:\d+|[一二三四五六七八九十]+))")
# A bound adverb a verb away from its number: "至少需要五年" → "至少五年".
ZH_FAR_BOUND = re.compile(r"(至少|最少|最多|大约|大概|约|仅|只)((?:还|也|都|仍|再|将)?(?:需要|需|要|有|花费|花|用|耗时|持续|达到|达|是|为|占))$")
_ZH_VERB_BEFORE = ("不会", "不", "没有", "没", "未", "将", "已经", "已", "能", "可", "会", "可以", "也")

# "长达数十年", "每天只移动几厘米到几米", "可达上万年": a rough magnitude with a unit is a fact to learn when a
# bound or a range frames it (a bare "这几年" or "数百人" is not)
_ROUGH_UNIT = "(?:个月|小时|分钟|年|天|周|世纪|平方公里|公里|千米|厘米|毫米|米|公斤|吨|倍)"
_ROUGH_SIDE = f"(?:数|几|上(?=[十百千万亿]))[十百千万亿]*{_ROUGH_UNIT}"
_ZH_ROUGH = re.compile(f"(?P<pre>长达|可达|高达|多达|达到|达|只有|仅|只)?(?P<a>{_ROUGH_SIDE})"
                       f"(?:(?P<sep>到|至)(?P<b>{_ROUGH_SIDE}))?")

# --- English patterns ------------------------------------------------------------------------------
_EN_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
             "fifty|sixty|seventy|eighty|ninety|a hundred|hundreds of|a thousand|thousands of|a dozen|dozens of")
_EN_FRACTION = r"(?:(?:a|one|two|three)[ -](?:half|quarters?|thirds?|fifths?|tenths?)|twice|half)"
_EN_NUM = (f"(?:minus\\s)?(?:[$€£¥]\\s?)?(?:{_AR_NUM}|{_EN_FRACTION}|"
           f"(?:{_EN_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)")
_EN_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)\b|[KMBT](?![A-Za-z]))"
_EN_MEASURE = (r"(?:square |cubic )?(?:kilo|centi|milli|mega|giga)?(?:meters?|metres?|liters?|litres?|grams?|"
               r"watt-hours?|watts?)|miles?|feet|foot|inches|tons?|tonnes?|pounds?|ounces?|gallons?|acres?|hectares?|"
               r"degrees?(?: Celsius| Fahrenheit)?|knots|volts?|calories")
_EN_UNIT = (r"(?:\s?(?:%|percent\b|per cent\b|-fold\b|x\b|times\b)|(?:\s(?:consecutive|straight|successive|full))?\s(?:years?|months?|weeks?|days?|hours?|"
            r"minutes?|seconds?|decades?|centuries)\b|-(?:years?|months?|weeks?|days?|hours?|minutes?|miles?|"
            r"meters?|metres?|kilometers?|kilometres?|feet|foot|percent)\b|\s(?:" + _EN_MEASURE + r")\b|\s?"
            + _LATIN_UNITS + ")")
_EN_SIDE = f"{_EN_NUM}{_EN_SCALE}?{_EN_UNIT}?"
_EN_PRE = ("more than", "less than", "fewer than", "at least", "at most", "up to", "as many as", "as much as",
           "over", "nearly", "almost", "about", "around", "approximately", "roughly", "under", "above",
           "below", "just over", "just under")
_EN_QUANTITY = re.compile(
    rf"(?<![\w.\-/$€£¥])(?:(?P<pre>{'|'.join(_EN_PRE)})\s)?(?:(?P<between>between|from)\s)?"
    rf"(?P<a>{_EN_SIDE})(?:\s?(?P<sep>and|to|–|-|—)\s?(?P<b>{_EN_SIDE}))?(?![\w])", re.I)
EN_NOT_COUNTED = {"of", "the", "and", "or", "but", "for", "to", "in", "on", "at", "by", "with", "from", "more",
                   "less", "other", "others", "times", "another", "such", "than", "that", "which", "who"}
_EN_YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)s?$")


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


@lru_cache(maxsize=16384)
def find_quantities(text: str, language: str) -> tuple[Quantity, ...]:
    """Numbers with units, ranges and bounds in a sentence.

    Args:
        text: one sentence or clause.
        language: "zh" or "en".
    Returns:
        Quantities in reading order; numbers that are parts of names ("GPT-4") or ordinals are skipped
        (cached: several families and the resolver ask about the same sentence).
    """
    if language == "zh" and re.search(r"[\u4e00-\u9fff]", text):
        return tuple(_find_zh(text))
    return tuple(_find_en(text))


# --- finding numbers -------------------------------------------------------------------------------
def _find_zh(text: str) -> list[Quantity]:
    found = []
    for match in _ZH_QUANTITY.finditer(text):
        a, b = match.group("a"), match.group("b")
        pre, post = match.group("pre") or "", match.group("post") or ""
        b_ok = bool(b) and _zh_side_ok(b, "x")
        # "三到五年", "1到3毫米": the first side of a range borrows the unit of the second
        if not _zh_side_ok(a, pre or post) and not (b_ok and re.fullmatch(_NUM + _MAG + "?", a)):
            continue
        if b and not b_ok:
            b, post = None, ""
        if not re.match(r"\d", a) and not _zh_numeral_ok(text, match.start("a"), match.end("b") if b else match.end("a")):
            continue
        if not b and text[match.end():match.end() + 1] in ("号", "型", "式"):
            continue  # "阿波罗11号", "3型": a number in a name
        start = match.start()
        far = ZH_FAR_BOUND.search(text[:match.start("a")]) if not pre else None
        core_end = match.end("b") if b else match.end("a")
        end = match.end("post") if post else core_end
        joined = None if post or b or pre else _joined_date(text, a, end)
        if joined:
            core_end = end = joined  # "2024年3月", "20世纪50年代": one date, not two numbers
        core = _dash(a, b) if b else text[match.start("a"):core_end]
        bound = far.group(1) if far else pre
        if pre in ("达到", "达") or (pre == "超过" and _verb_use(text, start)):
            start, bound = match.start("a"), ""  # the verb stays in the question: "不会超过多少"
        written = text[start:end]
        # "只有1到3毫米": "only" stresses the number but is no bound to learn
        answer = (bound if bound and not post and bound not in ("仅", "只") else "") + core + post
        unit = _zh_unit(b or a)
        kind = _zh_kind(a, unit, text, match.end("a")) if joined else _zh_kind(a, unit, text, end)
        found.append(Quantity(start, end, written, answer, core, kind, bound, unit, _value(a)))
    for match in _ZH_ROUGH.finditer(text):
        a, b, pre = match.group("a"), match.group("b"), match.group("pre") or ""
        if not (pre or b) or re.search(r"(?:这|那|前|后|近|最近|好)$", text[:match.start()]):
            continue
        if not _zh_numeral_ok(text, match.start("a"), match.end("a")) and not b:
            continue
        core = _dash(a, b) if b else a
        start = match.start("a") if pre in ("达到", "达", "只有", "仅", "只") else match.start()
        bound = pre if pre in ("长达", "可达", "高达", "多达") else ""
        unit = re.sub(r"^[数几上十百千万亿]+", "", b or a)
        kind = "duration" if unit in _TIME_UNITS else "multiple" if unit == "倍" else "amount"
        found.append(Quantity(start, match.end(), text[start:match.end()], core, core, kind, bound, unit, 0.0))
    for match in _ZH_FRACTION.finditer(text):
        pre = match.group("pre") or ""
        if not _zh_numeral_ok(text, match.start("a"), match.end("a")):
            continue
        found.append(Quantity(match.start(), match.end(), match.group(0), pre + match.group("a"), match.group("a"),
                              "fraction", pre, "", 0.0))
    return _drop_overlaps(sorted(found, key=lambda q: q.start))


def _joined_date(text: str, a: str, end: int) -> int:
    """Where a year's month ("2024年|3月") or a century's decade ("20世纪|50年代") ends; 0 when none follows."""
    unit = _zh_unit(a)
    number = re.match(_NUM, a).group(0)
    joined = _ZH_JOINED.match(text, end)
    if not joined:
        return 0
    if unit == "年" and re.fullmatch(r"1\d{3}|20\d{2}", number) and not joined.group("decade"):
        return joined.end()
    return joined.end() if unit in _ERAS and joined.group("decade") else 0


def _zh_numeral_ok(text: str, start: int, end: int) -> bool:
    """A Chinese numeral that is a number of its own: it starts and ends with jieba's words (not 统一,
    十分, 千家万户, 千万人口) and is no rough "上百"/"成千"/"数百" (hundreds of …), which is no fact to learn."""
    spans = token_spans(text)
    starts, ends = {s for _w, _t, s, _e in spans}, {e for _w, _t, _s, e in spans}
    if start not in starts or end not in ends or re.search(r"(?:数|好几|几)$", text[:start]):
        return False
    # "上百", "成千": rough magnitudes; "练上十年" is a number of its own
    return not (re.search(r"(?:上|成)$", text[:start]) and re.match(r"[百千万亿]", text[start:end]))


def _zh_side_ok(side: str, bounded: str | None) -> bool:
    """Whether one side of a Chinese quantity is a real number worth asking about."""
    number = re.match(_NUM, side).group(0)
    unit = side[len(number):].strip()
    if re.match(r"\d", number):
        # a decimal is a measured value ("pH值低于5.5"), a lone digit a list marker or a name part
        return bool(unit) or len(number.replace(",", "").split(".")[0]) >= 2 or "." in number
    if not unit or unit in ("多", "余") or re.fullmatch(r"[千万亿]+", unit):
        return False  # a Chinese numeral needs a unit: 三类, 五年, not 一些/千万
    value = parse_chinese(number.split("点")[0].rstrip("几")) if number else None
    if value is None:
        return False
    if not _counting_unit(unit) and not (re.search(r"[百千万亿]", number) and bounded):
        return False  # prose writes money and measurements in digits ("三元电池" is a name), save "超过五千公里"
    # "一个重要趋势", "一种方法": the number one counts only as a duration or with a bound
    return value != 1 or bool(bounded) or unit.lstrip("多余") in _TIME_UNITS


def _counting_unit(unit: str) -> bool:
    """Units that follow Chinese numerals in running text: durations, measure words, 倍, 万/亿 counts."""
    bare = re.sub(r"^[多余]?[千万亿]*[多余]?", "", unit) or unit  # "一千多万册" counts 册
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
        return "date" if re.match(r"\s?\d{1,2}\s?月", text[end:]) else "year"
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
    return float(parse_chinese(text.split("点")[0].rstrip("几")) or 0) if text else 0.0


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
        if not b and not match.group("pre") and re.match(r"(?:one|a|1)\s+[a-z]", a.strip(), re.I):
            continue  # "Producing one kilogram of honey takes…": the unit measured, not a fact
        answer = f"{bound} {core}".strip() if bound else core
        start = match.start("pre") if bound else match.start("between" if match.group("between") else "a")
        found.append(Quantity(start, end, text[start:end], answer, core, kind, bound.lower(),
                              _en_unit(b or a), _value(a)))
    return _drop_overlaps(found)


def _en_side_ok(a: str, text: str, match: re.Match) -> bool:
    stripped = a.strip()
    if re.fullmatch(r"\d", stripped):
        return False  # a lone digit is a list marker or a name part more often than a fact
    if stripped.lower() == "half":
        return bool(match.group("pre"))  # "roughly half of the island", not "half the time"
    if re.fullmatch(_EN_FRACTION, stripped, re.I):
        return True  # "a quarter of the city's water", "twice as salty"
    b = match.group("b")
    if b and re.search(_EN_UNIT + "$", b.strip()) and re.fullmatch(f"{_EN_NUM}{_EN_SCALE}?", stripped, re.I):
        return True  # "five to six weeks": the first side borrows the unit of the second
    if re.fullmatch(r"[A-Za-z -]+", stripped):
        # a number word counts with its unit ("five years") or before a counted noun ("nine engineers")
        if re.search(_EN_UNIT + "$", stripped):
            return True
        after = re.match(r"\s([a-z][a-z-]{2,})", text[match.end():])  # after the range: "four to six cycles"
        return stripped.lower() not in ("one", "a dozen") and bool(after) and after.group(1) not in EN_NOT_COUNTED
    before = text[:match.start()]  # before any bound: "Roughly 45 percent" is no name followed by a number
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
    if re.search(r"fold|times|x$|^twice$", side, re.I):
        return "multiple"
    if re.fullmatch(_EN_FRACTION, side, re.I):
        return "percent"
    if re.search(r"fold|times|x$", side):
        return "multiple"
    if re.search(r"(?<!watt-)(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)$", side):
        return "duration"
    return "amount"


def _en_unit(side: str) -> str:
    if re.fullmatch(rf"(?:{_EN_WORDS})(?:-\w+)?", side.strip(), re.I):
        return ""
    match = re.search(r"[A-Za-z%°℃/]+$", side.strip())
    return match.group(0) if match else ""
