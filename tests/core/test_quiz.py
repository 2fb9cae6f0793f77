"""desktop.core.quiz and desktop.core.numerals: lenient checking and distractors."""
from __future__ import annotations

import random

import pytest

from desktop.core.numerals import int_to_chinese, parse_chinese, to_arabic
from desktop.core.quiz import (
    NUMBER, TERM, YEAR, AnswerPool, answer_key, answer_type, answers_match, diff, distractors,
    multiple_choice,
)

POOL = ["超过500B", "至少五年", "2017年", "Transformer", "三类", "1T-5T", "注意力机制",
        "GPT-4", "两种", "预训练", "微调", "100亿", "Geoffrey Hinton", "RLHF", "OpenAI"]


@pytest.mark.parametrize("typed, expected", [
    ("10T-50T", "10T–50T"),
    ("10t到50t", "10T–50T"),
    ("１０Ｔ–５０Ｔ", "10T–50T"),
    ("10T 至 50T", "10T–50T"),
    ("10T~50T", "10T–50T"),
    ("10T～50T", "10T–50T"),
    ("10T—50T", "10T–50T"),
    ("10 T - 50 T", "10T–50T"),
    ("5年", "五年"),
    ("五年", "5年"),
    ("至少5年", "至少五年"),
    ("12", "十二"),
    ("2种", "两种"),
    ("100", "一百"),
    ("3000", "三千"),
    ("2026年", "二〇二六年"),
    ("五百亿", "500亿"),
    ("50000000000", "500亿"),
    ("1,000", "1000"),
    ("50%", "百分之五十"),
    ("10%-20%", "10% 到 20%"),
    ("5 to 10 years", "5–10 Years"),
    ("transformer", "Transformer"),
    ("  Attention is all you need. ", "Attention Is All You Need"),
    ("large-language model", "Large Language Model"),
    ("GPT4", "GPT-4"),
    ("杰弗里辛顿", "杰弗里·辛顿"),
    ("注意力机制。", "注意力机制"),
    ("ＲＬＨＦ", "RLHF"),
])
def test_answers_that_match(typed, expected):
    assert answers_match(typed, expected)
    assert answers_match(expected, typed)


@pytest.mark.parametrize("typed, expected", [
    ("10T–500T", "10T–50T"),
    ("10T–5T", "10T–50T"),
    ("100T–50T", "10T–50T"),
    ("10T", "10T–50T"),
    ("1050T", "10T–50T"),
    ("六年", "五年"),
    ("50年", "五年"),
    ("五年", "至少五年"),
    ("1.5B", "15B"),
    ("50", "50%"),
    ("十三", "十二"),
    ("一千", "一百"),
    ("", "五年"),
    ("   ", "Transformer"),
    ("。", "。"),
    ("Transformers", "Transformer"),
])
def test_answers_that_do_not_match(typed, expected):
    assert not answers_match(typed, expected)


def test_answer_key_keeps_range_and_decimal_marks():
    assert answer_key("１０Ｔ到５０Ｔ") == "10t~50t"
    assert answer_key("至少五年") == "至少5年"  # 至 is not a range here
    assert answer_key("GPT-4") == "gpt4"
    assert answer_key("1.5 B") == "1.5b"
    assert answer_key("1.5万亿") == "1500000000000"


@pytest.mark.parametrize("text, value", [
    ("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("一百", 100),
    ("一百零五", 105), ("一百一十", 110), ("三千", 3000), ("两万", 20000),
    ("一亿五千万", 150_000_000), ("一万亿", 10**12), ("二〇二六", 2026), ("零", 0),
])
def test_parse_chinese(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["", "五年", "abc"])
def test_parse_chinese_rejects_other_text(text):
    assert parse_chinese(text) is None


def test_int_to_chinese_round_trips():
    assert [int_to_chinese(n) for n in (0, 10, 12, 105, 1010, 10005, 20000)] == [
        "零", "十", "十二", "一百零五", "一千零一十", "一万零五", "二万"]
    for number in [*range(0, 20001, 7), 100_010_000, 123_456_789, 10**12 + 10]:
        assert parse_chinese(int_to_chinese(number)) == number


@pytest.mark.parametrize("text, arabic", [
    ("至少五年", "至少5年"), ("一点五", "1.5"), ("三点五万", "35000"),
    ("百分之五十", "50%"), ("三点五十分", "3点50分"), ("no numerals", "no numerals"),
])
def test_to_arabic(text, arabic):
    assert to_arabic(text) == arabic


def test_diff_marks_what_differs():
    assert diff("10t到50", "10T–50T") == [
        ("equal", "10"), ("replace", "T–"), ("equal", "50"), ("insert", "T")]
    assert diff("五年年", "五年") == [("equal", "五年"), ("delete", "年")]
    assert diff("Transformer", "Transformer") == [("equal", "Transformer")]
    assert diff("", "ab") == [("insert", "ab")]


def test_diff_rebuilds_the_expected_text():
    for typed, expected in [("attension", "attention"), ("至少5年", "至少五年"), ("x", "")]:
        parts = diff(typed, expected)
        assert "".join(text for op, text in parts if op != "delete") == expected
        assert {op for op, _ in parts} <= {"equal", "insert", "delete", "replace"}


@pytest.mark.parametrize("answer, kind", [
    ("10T–50T", NUMBER), ("至少五年", NUMBER), ("超过500B", NUMBER), ("三类", NUMBER),
    ("500亿", NUMBER), ("50%", NUMBER), ("about 5 years", NUMBER), ("1.5B", NUMBER),
    ("2017年", YEAR), ("1956", YEAR), ("二〇二六年", YEAR),
    ("Transformer", TERM), ("GPT-4", TERM), ("注意力机制", TERM), ("一般", TERM),
    ("统一", TERM), ("Geoffrey Hinton", TERM),
])
def test_answer_type(answer, kind):
    assert answer_type(answer) == kind


def test_distractors_are_deterministic_and_pool_order_free():
    shuffled = list(POOL)
    random.Random(1).shuffle(shuffled)
    for answer in ("10T–50T", "Transformer", "注意力机制", "2017年"):
        first = distractors(answer, POOL, seed="card-1")
        assert first == distractors(answer, POOL, seed="card-1")
        assert first == distractors(answer, shuffled, seed="card-1")
    picks = {tuple(distractors("Transformer", POOL, seed=str(n))) for n in range(20)}
    assert len(picks) > 1


def test_distractors_never_match_the_answer_or_each_other():
    pool = POOL + ["10t到50t", "１０Ｔ–５０Ｔ", "transformer", "五年", "5年", "至少5年"]
    for answer in ("10T–50T", "Transformer", "至少五年", "五年", "2017年", "微调"):
        for seed in range(50):
            options = distractors(answer, pool, seed=str(seed))
            keys = [answer_key(option) for option in options]
            assert len(options) == 3
            assert len(set(keys)) == 3
            assert not any(answers_match(option, answer) for option in options)


def test_term_distractors_come_from_terms_of_the_same_script_first():
    latin = {"Transformer", "GPT-4", "Geoffrey Hinton", "RLHF", "OpenAI"}
    for seed in range(30):
        assert set(distractors("BERT", POOL, seed=str(seed))) <= latin
    cjk = {"注意力机制", "预训练", "微调"}
    assert set(distractors("大语言模型", POOL, seed="x")) == cjk


def test_number_distractors_prefer_same_shape_then_variants_keeping_units():
    options = distractors("10T–50T", POOL, seed="x")
    assert "1T-5T" in options  # the pool's only "#T–#T" answer
    variants = {"20T–100T", "5T–25T", "100T–500T", "1T–5T", "50T–250T", "11T–51T",
                "9T–49T", "30T–150T"}
    for seed in range(30):
        assert set(distractors("10T–50T", [], seed=str(seed))) <= variants
    chinese = {"至少十年", "至少五十年", "至少二十五年", "至少六年", "至少四年", "至少十五年"}
    assert set(distractors("至少五年", [], seed="x")) <= chinese
    assert set(distractors("两年", [], seed="y")) <= {"四年", "二十年", "十年", "三年", "一年",
                                                     "六年"}
    assert set(distractors("500亿", [], seed="x")) <= {"1000亿", "250亿", "5000亿", "50亿",
                                                       "2500亿", "1500亿"}


def test_a_prepared_pool_serves_many_questions_with_the_same_preferences():
    big = [f"{n}个" for n in range(5000)] + [f"术语{n}" for n in range(5000)] + [f"{n}T–{n * 5}T" for n in range(1, 50)]
    pool = AnswerPool(big)
    assert len(pool) == len(big)
    for seed in range(20):
        options = distractors("10T–50T", pool, seed=str(seed))
        assert len(options) == 3 and all(option.endswith("T") and "–" in option for option in options)
        assert options == distractors("10T–50T", list(reversed(big)), seed=str(seed))  # order of the answers: no matter
        assert all(option.startswith("术语") for option in distractors("注意力", pool, seed=str(seed)))


def test_year_distractors_are_nearby_years():
    for seed in range(20):
        for option in distractors("2017年", [], seed=str(seed)):
            assert option.endswith("年") and 2007 <= int(option[:-1]) <= 2027


def test_distractors_fall_back_to_other_answers():
    assert sorted(distractors("Transformer", ["注意力机制", "三类", "2017年"], seed="x")) == \
        sorted(["注意力机制", "三类", "2017年"])
    assert distractors("Transformer", ["transformer", "Transformer", ""], seed="x") == []


def test_multiple_choice_has_the_answer_exactly_once_and_no_repeats():
    pool = POOL + ["10t到50t", "transformer", "五年", "5年"]
    positions = set()
    for answer in ("10T–50T", "Transformer", "至少五年", "2017年", "预训练"):
        for seed in range(200):
            options, correct = multiple_choice(answer, pool, seed=f"card-{seed}")
            keys = {answer_key(option) for option in options}
            assert len(options) == 4 and len(keys) == 4
            assert options.count(answer) == 1 and options[correct] == answer
            assert sum(answers_match(option, answer) for option in options) == 1
            positions.add(correct)
    assert positions == {0, 1, 2, 3}
    assert multiple_choice("五年", POOL, "s") == multiple_choice("五年", POOL, "s")


def test_multiple_choice_with_a_tiny_pool_has_fewer_options():
    options, correct = multiple_choice("Transformer", ["RLHF"], seed="x")
    assert sorted(options) == ["RLHF", "Transformer"] and options[correct] == "Transformer"
