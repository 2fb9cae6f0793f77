"""The bundled talk's deck as real Anki sees it."""
from __future__ import annotations

import html

from anki.collection import Collection

from desktop.app import main
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file
from desktop.core.resources import BUNDLED_TALK, resource_path
from tests.core.test_export_anki import guid, import_apkg, notes_by_guid


def test_the_talks_deck_imports_with_one_note_per_card_and_its_deck_tree(tmp_path):
    talk = resource_path(BUNDLED_TALK)
    out = tmp_path / "talk.apkg"
    assert main(["export", str(talk), "-o", str(out)]) == 0
    cards = generate(import_file(talk))
    col = Collection(str(tmp_path / "anki.anki2"))
    try:
        import_apkg(col, out)
        notes = notes_by_guid(col)
        assert set(notes) == {guid(card.id) for card in cards}
        for card in cards:
            note = notes[guid(card.id)]
            field = note["Text"] if card.kind == "cloze" else note["Front"]
            assert field and html.unescape(field) == card.front
        decks = {d.name for d in col.decks.all_names_and_ids()}
        title = "李沐在上海交通大学的演讲回顾:大语言模型的现状与未来"
        assert {title, f"{title}::1 大语言模型的现状", f"{title}::2 AI的应用前景",
                f"{title}::3 创业心得与自我提升", f"{title}::引言"} <= decks
        assert col.card_count() >= len(cards)
        assert col.fix_integrity() == (col.tr.database_check_rebuilt(), True)  # nothing but the routine rebuild
    finally:
        col.close()
