"""desktop.core.generate.clauses, questions, english: the sentence and phrasing helpers every family shares."""
from __future__ import annotations

import pytest

from desktop.core.generate.clauses import split_clauses, strip_connectives, zh_clauses
from desktop.core.generate.english import is_plural, lower_first
from desktop.core.generate.questions import finish_question, is_set


def test_a_comma_between_digits_is_a_thousands_separator_only_after_a_digit() -> None:
    assert [c for c, _s, _e in split_clauses("It survives 4,000 cycles, then fades.")] == [
        "It survives 4,000 cycles", "then fades"]
    assert [c for c, _s, _e in split_clauses("未来几年,100B到500B的规模将成为主流。")] == [
        "未来几年", "100B到500B的规模将成为主流"]


def test_connectives_go_and_subordinators_go_only_when_asked() -> None:
    assert strip_connectives("然而，但也带来了新的挑战", "zh") == "带来了新的挑战"
    assert strip_connectives("并非所有模型都如此", "zh") == "并非所有模型都如此"  # 并非 is one word
    assert strip_connectives("由于气温升高", "zh") == "气温升高"
    assert strip_connectives("由于气温升高", "zh", subordinators=False) == "由于气温升高"
    assert strip_connectives("However, in fact, costs fell", "en") == "costs fell"
    assert zh_clauses("此外，内存需求的快速增长，使得当前技术已经接近瓶颈。") == (
        "内存需求的快速增长", "使得当前技术已经接近瓶颈")


@pytest.mark.parametrize("body, language, question", [
    ("大语言模型的预训练通常使用多少token。", "zh", "大语言模型的预训练通常使用多少token？"),
    ("李沐对“垂直模型”提出了什么", "zh", "李沐对“垂直模型”提出了什么？"),
    ("what does COP stand for.\"", "en", "What does COP stand for?"),
    ("what is the role of the cortex (outer layer)", "en", "What is the role of the cortex (outer layer)?"),
])
def test_finish_question_drops_trailing_marks_but_keeps_what_closes_a_quote(body, language, question) -> None:
    assert finish_question(body, language) == question


@pytest.mark.parametrize("answer, expected", [
    ("泥沙淤积、战乱和铁路的兴起", True),
    ("泥沙的大量淤积、持续不断的战乱和铁路的兴起", True),  # long items are still a set
    ("silt, war, and the rise of the railways", True),
    ("从废旧电池中提取锂、钴、镍等金属的过程", False),  # one phrase that mentions a list
    ("数据和算法的瓶颈", False),
])
def test_a_set_is_not_one_answer(answer: str, expected: bool) -> None:
    assert is_set(answer) is expected


def test_english_word_shapes() -> None:
    assert [lower_first(p) for p in ("The Harbor cell", "Recycling", "Maria Okafor's team", "GPT models")] == [
        "the Harbor cell", "recycling", "Maria Okafor's team", "GPT models"]
    assert is_plural("solid-state cells") and not is_plural("Okafor's") and not is_plural("status")
