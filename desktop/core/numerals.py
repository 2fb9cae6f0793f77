"""Chinese numerals ⇄ integers, small enough to read in one sitting.

Typed answers mix numeral styles freely (`五年`, `5年`, `500亿`, `五百亿`), so answer
checking folds every number to Arabic digits first. Only integers and simple decimals
(`一点五`) are handled: flashcard answers are counts, sizes and years, not prose.
"""
from __future__ import annotations

import re
from decimal import Decimal

DIGITS = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "兩": 2, "贰": 2, "貳": 2,
    "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
NUMERAL_CHARS = "".join([*DIGITS, *SMALL_UNITS, *BIG_UNITS])

# A maximal run of numeral characters; `parse_chinese` decides whether it means anything.
NUMERAL_RUN = re.compile(f"[{NUMERAL_CHARS}]+")
# "一点五" → 1.5; the fraction must be plain digits so that "三点五十分" (3:50) is left alone.
_DIGIT_CHARS = "".join(DIGITS)
_SMALL_UNIT_CHARS = "".join(SMALL_UNITS)
# A big unit may follow ("三点五万" = 3.5万); a digit or small unit may not.
_DECIMAL = re.compile(
    f"([{NUMERAL_CHARS}]+)点([{_DIGIT_CHARS}]+)(?![{_DIGIT_CHARS}{_SMALL_UNIT_CHARS}])")
# "百分之五十" → "50%": must run before plain runs, or 百 would be read as a hundred.
_PERCENT = re.compile(f"百分之([{NUMERAL_CHARS}]+(?:点[{_DIGIT_CHARS}]+)?)")
# Arabic digits scaled by Chinese multipliers: "500亿", "1.5万亿", "5千".
_SCALED = re.compile(r"(\d+(?:\.\d+)?)([千万亿萬億]+)")
_CN_DIGIT_LIST = "零一二三四五六七八九"


def parse_chinese(run: str) -> int | None:
    """The integer a run of Chinese numeral characters denotes.

    Args:
        run: numeral characters only, e.g. "十二", "一百零五", "两万", "二〇二六".

    Returns:
        The value, or None when `run` holds other characters or is empty.
    """
    if not run or any(ch not in NUMERAL_CHARS for ch in run):
        return None
    if not any(ch in SMALL_UNITS or ch in BIG_UNITS for ch in run):
        # Digit-by-digit form, as in years: "二〇二六" → 2026.
        return int("".join(str(DIGITS[ch]) for ch in run))
    return _parse_with_units(run)


def _parse_with_units(run: str) -> int:
    # Split at the last big unit so that "一万亿" (10^12) and "一亿五千万" both come out right.
    for unit in ("亿", "億", "万", "萬"):
        index = run.rfind(unit)
        if index >= 0:
            high = _parse_with_units(run[:index]) if run[:index] else 1
            low = _parse_with_units(run[index + 1:]) if run[index + 1:] else 0
            return high * BIG_UNITS[unit] + low
    total, digit = 0, None
    for ch in run:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:  # a small unit; a bare "十" means ten
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
    return total + (digit or 0)


def int_to_chinese(number: int) -> str:
    """Chinese numerals for a non-negative integer, as written in running text.

    Args:
        number: 0 or more, e.g. 12 or 20000.

    Returns:
        Text such as "十二", "一百零五", "二万" (never 两: callers choose it where grammar wants it).
    """
    if number < 0:
        raise ValueError("negative numbers have no Chinese numeral form here")
    if number == 0:
        return "零"
    return _render(number, leading=True)


def _render(number: int, leading: bool) -> str:
    for size, char in ((10**8, "亿"), (10**4, "万")):
        if number >= size:
            high, low = divmod(number, size)
            text = _render(high, leading) + char
            if low:
                # A gap in the lower digits is spoken as 零: 一万零五 = 10005.
                text += ("零" if low < size // 10 else "") + _render(low, leading=False)
            return text
    return _render_below_10000(number, leading)


def _render_below_10000(number: int, leading: bool) -> str:
    text, pending_zero = "", False
    for size, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // size % 10
        if digit == 0:
            pending_zero = bool(text)
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += _CN_DIGIT_LIST[digit] + unit
    # "十二", not "一十二", at the start of a number; inside one ("一百一十") the 一 stays.
    if leading and text.startswith("一十"):
        text = text[1:]
    return text


def to_arabic(text: str) -> str:
    """`text` with every number written in Arabic digits and Chinese multipliers applied.

    Args:
        text: NFKC-normalised text, e.g. "至少五年", "五百亿", "1.5万亿", "百分之五十".

    Returns:
        "至少5年", "50000000000", "1500000000000", "50%". Text without numerals is unchanged.
    """
    text = _PERCENT.sub(lambda m: to_arabic(m.group(1)) + "%", text)
    text = _DECIMAL.sub(_decimal_match, text)
    text = _SCALED.sub(_scaled_match, text)
    return NUMERAL_RUN.sub(lambda m: str(parse_chinese(m.group(0))), text)


def _decimal_match(match: re.Match[str]) -> str:
    whole = parse_chinese(match.group(1))
    fraction = "".join(str(DIGITS[ch]) for ch in match.group(2))
    return f"{whole}.{fraction}"


def _scaled_match(match: re.Match[str]) -> str:
    value = Decimal(match.group(1))
    for ch in match.group(2):
        value *= SMALL_UNITS.get(ch) or BIG_UNITS[ch]
    # normalize() drops trailing zeros; "f" avoids exponent notation such as 1.5E+12.
    return format(value.normalize(), "f")
