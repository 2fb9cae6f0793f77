"""desktop.core.generate.outline: one cloze note per section with parts, one deletion per part."""
from __future__ import annotations

from desktop.core.card import CLOZE
from desktop.core.generate import outline
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_text

ZH_DOC = """城市交通报告

引言

本报告讨论城市交通。

1. 公共交通

1.1 地铁

地铁运量大。

1.2 公交

公交线路多。

1.3 有轨电车

有轨电车噪音小。

2. 私人交通

私家车数量持续增长。

3. 慢行交通

自行车道越来越多。
"""

EN_DOC = """City Transport

1. Public Transport

1.1 Metro

The metro carries many people.

1.2 Buses

Buses reach every district.

2. Walking

Walking is healthy.
"""


def _outline(text: str) -> list[tuple[str, str, str]]:
    document = import_text(text)
    found = []
    for section in document.walk():
        for ctx, cand in outline.section_candidates(document, section):
            assert cand.kind == CLOZE and cand.rule == "outline"
            assert document.text[ctx.sentence.start:ctx.sentence.end] == ctx.sentence.text
            found.append((ctx.section.label, ctx.sentence.text, cand.front))
    return found


def test_document_and_section_parts_are_cloze_notes_with_one_deletion_per_part():
    assert _outline(ZH_DOC) == [
        ("1 公共交通", "1 公共交通", "「1 公共交通」分为三部分：{{c1::地铁}}、{{c2::公交}}、{{c3::有轨电车}}"),
        ("1 公共交通", "城市交通报告",
         "《城市交通报告》分为三部分：{{c1::公共交通}}、{{c2::私人交通}}、{{c3::慢行交通}}"),
    ]


def test_english_outline():
    assert _outline(EN_DOC) == [
        ("1 Public Transport", "1 Public Transport", "“1 Public Transport” has two parts: {{c1::Metro}} and {{c2::Buses}}"),
        ("1 Public Transport", "City Transport",
         "“City Transport” has two parts: {{c1::Public Transport}} and {{c2::Walking}}"),
    ]


def test_sections_without_parts_and_unnumbered_sections_make_no_outline_card():
    document = import_text("笔记\n\n1. 只有一节\n\n内容很短。\n")
    assert all(not outline.section_candidates(document, s) for s in document.walk())


def test_pipeline_keeps_outline_cards_with_the_heading_as_source():
    cards = [c for c in generate(import_text(ZH_DOC)) if c.rule == "outline"]
    assert [c.source for c in cards] == ["城市交通报告", "1 公共交通"]
    assert all(c.kind == CLOZE and "{{c2::" in c.front for c in cards)
