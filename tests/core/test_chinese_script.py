"""A Traditional Chinese text is studied as written; the generator reads it through a Simplified view."""
from __future__ import annotations

import re

from desktop.core.chinese_script import is_traditional, simplified
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_text

TRADITIONAL = """機器與城市

一、蒸汽機的歷史
蒸汽機在十八世紀由瓦特改良，使工廠的生產效率提高了三倍。
早期的蒸汽機主要用於礦井抽水，每臺機器需要大約五名工人操作。

二、電力時代
1882年，愛迪生在紐約建成了第一座商業發電廠。
電燈的普及讓城市的夜間活動時間延長了約四個小時。
發電廠的燃料主要是煤炭，後來逐漸改為天然氣。
"""
CLOZE = re.compile(r"\{\{c\d+::(.*?)\}\}")


def test_a_traditional_text_gets_the_cards_of_its_simplified_twin_in_its_own_characters() -> None:
    document = import_text(TRADITIONAL)
    cards = generate(document)
    twin = generate(import_text(simplified(TRADITIONAL)))
    assert len(cards) >= 3
    assert [simplified(c.front) for c in cards] == [c.front for c in twin]
    for card in cards:
        assert CLOZE.sub(r"\1", card.front) == card.source  # a cloze of the sentence exactly as written
        assert card.source == document.text[card.source_start:card.source_end]
        assert card.section in {s.label for s in document.walk()}
    assert any("發電廠" in c.front for c in cards) and not any("发电厂" in c.front for c in cards)


def test_the_rules_own_words_come_out_traditional_too() -> None:
    text = "電池簡介\n\n鋰電池是一種以鋰金屬或鋰合金為負極材料的電池。它的能量密度很高。\n"
    [card] = generate(import_text(text))
    assert (card.front, card.back) == ("什麼是鋰電池？", "一種以鋰金屬或鋰合金為負極材料的電池")  # not 什么


def test_only_a_text_written_in_traditional_characters_counts_as_traditional() -> None:
    assert is_traditional(TRADITIONAL)
    assert not is_traditional(simplified(TRADITIONAL))
    # a Simplified text quoting one Traditional name stays Simplified
    assert not is_traditional("这篇文章讨论大型语言模型的训练成本。" * 20 + "《機器與城市》")
    assert not is_traditional("An English talk about steam engines.")
