"""A Traditional Chinese text is studied as written; the generator reads it through a Simplified view."""
from __future__ import annotations

import re

from desktop.core.chinese_script import is_traditional, simplified, written_as
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


PAGE = """蒸汽機簡史

本文主要介紹了蒸汽機的發展歷程。希望本文對大家的學習有所幫助。

第一節 瓦特的改良
瓦特在1769年取得了分離式冷凝器的專利，使蒸汽機的耗煤量減少了四分之三。

第二節 鐵路時代
1825年，世界上第一條公共鐵路在英國通車，列車時速約為十五公里。

結語
蒸汽機讓工廠離開了河流，城市隨之迅速擴張。以上就是小編為大家整理的全部內容。

熱門推薦
蒸汽機的十個冷知識
"""


def test_a_traditional_pages_noise_and_headings_are_found_as_in_simplified() -> None:
    document = import_text(PAGE)
    twin = import_text(simplified(PAGE))
    assert [s.label for s in document.walk()] == ["第一節 瓦特的改良", "第二節 鐵路時代", "結語"]
    assert [simplified(s.label) for s in document.walk()] == [s.label for s in twin.walk()]
    sentences = [s.text for section in document.walk() for s in section.sentences]
    assert [simplified(s) for s in sentences] == [s.text for section in twin.walk() for s in section.sentences]
    assert all(sentence in PAGE for sentence in sentences)  # studied as written, character for character
    assert not any(noise in document.text for noise in ("本文", "有所幫助", "小編", "熱門推薦", "冷知識"))


def test_what_cleaning_keeps_of_a_traditional_line_stays_as_written() -> None:
    original = "頭髮與發展：詳見 https://example.com/x 的說明，後來才有後續。"
    view = simplified(original)
    edited = view.replace(" https://example.com/x", "")  # what the cleaning rules do to the view
    assert written_as(edited, view, original) == "頭髮與發展：詳見 的說明，後來才有後續。"
    assert written_as(view, view, original) == original
