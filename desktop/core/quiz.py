"""Typed-answer checking and multiple-choice questions.

Answers are compared through `answer_key`, a folded form in which width, case, spacing,
punctuation, numeral style (五 / 5 / 五百亿 / 500亿) and range separators (到 至 - – ~)
no longer matter, while every number is kept whole so that 500 never passes for 50.
"""
from __future__ import annotations

import difflib
import random
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from desktop.core.numerals import NUMERAL_RUN, int_to_chinese, parse_chinese, to_arabic

NUMBER = "number"
YEAR = "year"
TERM = "term"

# The canonical range mark in answer keys; any other "~" is dropped as punctuation.
RANGE = "~"
_DASHES = "-‐‑‒–—―~〜"
# A separator is a range only between numbers ("10T到50T", "5年至10年", "10% - 20%",
# "5 to 10 years"), so that "至少五年" keeps its 至 and "GPT-4" loses its hyphen like any
# other punctuation.
_RANGE_RE = re.compile(
    rf"(\d\s*(?:[^\W\d_]{{1,4}}|%)?)\s*(?:[{_DASHES}到至]|\s+to\s+)\s*(?=\d)")
# "1,000" is one thousand, not "1" and "000".
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")

# What may surround a number in an answer that is "just a number".
_PREFIXES = ("至少|超过|超|大约|约|近|将近|接近|不到|不足|少于|多于|高达|达到|达|仅|只有|第|"
             "over|about|around|nearly|almost|atleast|morethan|lessthan|upto|approximately|"
             "approx|roughly")
_SUFFIXES = r"多|余|以上|以下|左右|上下|\+|plus"
_CJK_UNITS = ("年月周日天小时分钟秒岁个种类项条层位名人次倍元块米克吨度张页篇本部台家只件份届代轮"
              "步节章段组字词行卡")
_UNIT = rf"(?:[a-z]{{1,8}}|[{_CJK_UNITS}]{{1,3}}|%)"
_NUM = r"\d+(?:\.\d+)?"
_NUMBER_RE = re.compile(
    rf"^(?:{_PREFIXES})?{_NUM}{_UNIT}?(?:{RANGE}{_NUM}{_UNIT}?)?(?:{_SUFFIXES})?$")
_YEAR_RE = re.compile(r"^(?:公元)?(?:1[5-9]\d\d|20\d\d)(?:年代?|s)?$")
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Numbers as they appear in an answer's surface text: Arabic with an optional Chinese
# multiplier kept as written ("500亿" → "1000亿"), or a run of Chinese numerals.
_SURFACE_NUMBER_RE = re.compile(rf"(\d+(?:\.\d+)?)([千万亿萬億]*)|{NUMERAL_RUN.pattern}")


@lru_cache(maxsize=8192)  # distractors key every pool answer for every question
def answer_key(text: str) -> str:
    """The folded form two answers share when they say the same thing.

    Args:
        text: an answer as typed or as stored, e.g. "１０Ｔ到５０Ｔ".

    Returns:
        The key, e.g. "10t~50t"; "" for blank or punctuation-only text.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _THOUSANDS_RE.sub("", text)
    text = to_arabic(text)
    text = _RANGE_RE.sub(lambda m: m.group(1) + "\0", text)
    return "".join(_kept_chars(text)).replace("\0", RANGE)


def _kept_chars(text: str) -> Iterable[str]:
    for index, ch in enumerate(text):
        if ch in ("\0", "%"):  # a marked range; a percent sign is a unit, not punctuation
            yield ch
        elif ch == "." and _digit_at(text, index - 1) and _digit_at(text, index + 1):
            yield ch  # a decimal point: "1.5" must not become "15"
        elif not _is_noise(ch):
            yield ch


def _digit_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isdigit()


def _is_noise(ch: str) -> bool:
    # Punctuation, spaces, control characters; "~" too, since a real range is marked "\0".
    category = unicodedata.category(ch)
    return category[0] in "PZ" or category in ("Cc", "Cf") or ch in _DASHES


def answers_match(typed: str, expected: str) -> bool:
    """Whether a typed answer counts as the expected one.

    Args:
        typed: what the user typed, e.g. "10t到50t" or "5年".
        expected: the card's answer, e.g. "10T–50T" or "五年".

    Returns:
        True when both fold to the same `answer_key`; a blank answer never matches.
    """
    typed_key = answer_key(typed)
    return bool(typed_key) and typed_key == answer_key(expected)


def diff(typed: str, expected: str) -> list[tuple[str, str]]:
    """Character-level differences between what was typed and what was expected.

    Args:
        typed: the user's answer as typed.
        expected: the card's answer.

    Returns:
        (op, text) pairs in order: "equal" text both share, "delete" text only typed
        (extra), "insert" text only expected (missing), "replace" the expected text
        where something else was typed. Joining equal+insert+replace gives `expected`.
    """
    matcher = difflib.SequenceMatcher(None, typed, expected, autojunk=False)
    parts = []
    for op, t_start, t_end, e_start, e_end in matcher.get_opcodes():
        text = typed[t_start:t_end] if op == "delete" else expected[e_start:e_end]
        parts.append((op, text))
    return parts


def answer_type(answer: str) -> str:
    """The kind of answer, so distractors can be of the same kind.

    Args:
        answer: a card's answer, e.g. "2017年", "10T–50T", "至少五年", "Transformer".

    Returns:
        YEAR, NUMBER (a number with at most a unit, a range or a qualifier) or TERM.
    """
    key = answer_key(answer)
    if _YEAR_RE.match(key):
        return YEAR
    if _NUMBER_RE.match(key):
        return NUMBER
    return TERM


class AnswerPool:
    """Other cards' answers, prepared once for a whole quiz: unique by `answer_key`, in a fixed order
    (so a seed gives the same options whatever order the answers came in), grouped the way
    `distractors` prefers them. Each question then costs a few samples, not a pass over the pool."""

    def __init__(self, answers: Iterable[str]) -> None:
        self.options = _unique(list(answers))
        self._same_kind: dict[str, list[str]] = {}
        self._same_shape: dict[tuple[str, str], list[str]] = {}
        self._same_script: dict[tuple[str, str], list[str]] = {}
        for option in self.options:
            kind = answer_type(option)
            self._same_kind.setdefault(kind, []).append(option)
            self._same_script.setdefault((kind, _script(option)), []).append(option)
            if kind != TERM:
                self._same_shape.setdefault((kind, _shape(option)), []).append(option)

    def __len__(self) -> int:
        return len(self.options)

    def tiers(self, answer: str) -> list[list[str]]:
        """The groups to draw from for `answer`, most plausible first.

        Same-shaped numbers ("1T–5T" for "10T–50T") and variants of the answer make the learner
        recall the value; "3类" as an option for a token count would not. Then the same type and
        script, the same type, and anything.
        """
        kind, script = answer_type(answer), _script(answer)
        groups: list[list[str]] = []
        if kind != TERM:
            groups += [self._same_shape.get((kind, _shape(answer)), []), _variants(answer, kind)]
        return groups + [self._same_script.get((kind, script), []), self._same_kind.get(kind, []), self.options]


def distractors(answer: str, pool: Sequence[str] | AnswerPool, k: int = 3, seed: str = "") -> list[str]:
    """Wrong but plausible options for a multiple-choice question.

    Preference: pool answers of the same type (numbers: of the same shape, such as
    another "#T–#T" range) and script, then for numbers and years variants made from
    the answer itself (×2, ÷2, ×10 …, units kept), then the rest of the pool.

    Args:
        answer: the right answer.
        pool: other cards' answers (an `AnswerPool` when asking many questions); duplicates,
            blanks and the answer itself are skipped.
        k: how many to return.
        seed: makes the choice repeatable, e.g. the card id.

    Returns:
        Up to `k` options, none matching the answer or each other (by `answers_match`);
        fewer only when the pool and the variants run out.
    """
    pool = pool if isinstance(pool, AnswerPool) else AnswerPool(pool)
    rng = random.Random(f"{seed}\x1f{answer}")
    chosen: list[str] = []
    seen = {answer_key(answer)}
    for group in pool.tiers(answer):
        # at most len(seen) <= k of a group's draws can be rejected, so 2k draws find what it has to give
        for option in rng.sample(group, min(len(group), 2 * k)):
            key = answer_key(option)
            if key and key not in seen:
                seen.add(key)
                chosen.append(option)
                if len(chosen) == k:
                    return chosen
    return chosen


def _unique(pool: Sequence[str]) -> list[str]:
    # Sorted so that the storage order of the pool cannot change the outcome for a seed.
    by_key: dict[str, str] = {}
    for option in sorted(text.strip() for text in pool):
        by_key.setdefault(answer_key(option), option)
    by_key.pop("", None)
    return list(by_key.values())


def _script(text: str) -> str:
    return "cjk" if _CJK_RE.search(text) else "latin"


# Multipliers survive into the shape as private-use marks, so "500亿" and "100亿" share
# a shape but "100" does not (answer_key alone would fold them all into plain digits).
_MULTIPLIER_MARKS = str.maketrans("千万亿萬億", "\ue001\ue002\ue003\ue002\ue003")


def _shape(text: str) -> str:
    """An answer's form with numbers blanked: "10T–50T" and "1T-5T" share "#t~#t"."""
    def blank(match: re.Match[str]) -> str:
        return "1" + (match.group(2) or "").translate(_MULTIPLIER_MARKS)

    marked = _SURFACE_NUMBER_RE.sub(blank, unicodedata.normalize("NFKC", text))
    return re.sub(_NUM, "#", answer_key(marked))


Change = Callable[[Decimal], Decimal | None]


def _scale(factor: str) -> Change:
    return lambda n: n * Decimal(factor)


def _step(delta: int, below: int) -> Change:
    # ±1 is plausible for "三类" but gives silly options for "500亿" (501亿).
    return lambda n: n + delta if n < below else None


# Ways to change every number of an answer at once; a range stays a range.
_NUMBER_CHANGES: tuple[Change, ...] = (
    _scale("2"), _scale("0.5"), _scale("10"), _scale("0.1"), _scale("5"),
    _step(1, 20), _step(-1, 20), _scale("3"),
)
_YEAR_CHANGES: tuple[Change, ...] = tuple(
    _step(delta, 10_000) for delta in (1, -1, 2, -2, 3, -3, 5, -5, 10, -10))


def _variants(answer: str, kind: str) -> list[str]:
    """The answer with its numbers changed, in the answer's own numeral style."""
    text = unicodedata.normalize("NFKC", answer)
    changes = _YEAR_CHANGES if kind == YEAR else _NUMBER_CHANGES
    variants = []
    for change in changes:
        variant = _change_numbers(text, change)
        if variant is not None:
            variants.append(variant)
    return variants


def _change_numbers(text: str, change: Change) -> str | None:
    failed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal failed
        number = match.group(1) or match.group(0)
        new = _changed_number(number, change)
        if new is None:
            failed = True
            return match.group(0)
        if match.group(1):
            return new + match.group(2)
        following = text[match.end():match.end() + 1]
        # "两年", not "二年", before a measure word.
        return "两" if new == "二" and _CJK_RE.match(following) else new

    result = _SURFACE_NUMBER_RE.sub(replace, text)
    return None if failed or result == text else result


def _changed_number(surface: str, change: Change) -> str | None:
    chinese = not surface[0].isdigit()
    try:
        value = Decimal(parse_chinese(surface)) if chinese else Decimal(surface)
    except (InvalidOperation, TypeError):
        return None
    new = change(value)
    # Keep the answer's precision: a whole number stays whole, a decimal has one place.
    precision = Decimal("0.1") if "." in surface else Decimal(1)
    if new is None or new <= 0 or new != new.quantize(precision):
        return None
    if chinese:
        return int_to_chinese(int(new))
    return format(new.quantize(precision).normalize(), "f")


def multiple_choice(answer: str, pool: Sequence[str] | AnswerPool, seed: str = "") -> tuple[list[str], int]:
    """Four options in a repeatable order, the answer among them exactly once.

    Args:
        answer: the right answer.
        pool: other cards' answers to draw distractors from (an `AnswerPool` for many questions).
        seed: makes the options and their order repeatable, e.g. the card id.

    Returns:
        (options, correct_index). Fewer than four options only when the pool is too
        small to supply three distinct distractors.
    """
    options = distractors(answer, pool, k=3, seed=seed) + [answer]
    random.Random(f"{seed}\x1f{answer}\x1forder").shuffle(options)
    return options, options.index(answer)
