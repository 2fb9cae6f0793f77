"""English sentence shapes that used to get no card (or only a cloze): group claims, simple-past facts,
superlatives, roles before names, relation verbs, list-line descriptions and long definitions."""
from __future__ import annotations

from desktop.core.importing import import_text
from tests.core.generate_support import proposals

DOC = """Field Notes

## Voices

Engineers argue that new sites are hard to find. According to the survey, salt buildup causes corrosion. The delay was confirmed by site engineer Paula Grant at the depot on Friday.

## History

The city built the tram depot in 2019. The depot cost $1.2 billion. The council approved the budget in March. It closed in 2020.

## Records

Iceland has the largest share of geothermal power in the world. Lake Baikal is the deepest lake in the world.

## How things work

The color of the signal indicates the risk level. The hormone keeps the seedlings from flowering early. Workers add an enzyme, which splits starch into simple sugars. The water then passes through charcoal filters that remove odors and chlorine. In spring the old barn works as a classroom. A third line, which would halve travel times, is still only a plan. A solar still is a simple glass container that turns seawater into drinking water.

## Roles

- **Scouts** — young bees that search for new nest sites.
- **Guards** — older bees that defend the entrance of the nest.
"""


def _pairs() -> set[tuple[str, str]]:
    return {(card.front, card.back) for card in proposals(import_text(DOC, ".md")) if card.kind == "basic"}


def test_superlatives_ask_for_the_record_holder():
    pairs = _pairs()
    assert ("What has the largest share of geothermal power in the world?", "Iceland") in pairs
    assert ("What is the deepest lake in the world?", "Lake Baikal") in pairs


def test_a_role_before_a_name_asks_who_the_person_is():
    assert ("Who is Paula Grant?", "site engineer") in _pairs()


def test_relation_verbs_ask_for_their_object():
    pairs = _pairs()
    assert ("What does the color of the signal indicate?", "the risk level") in pairs
    assert ("What does the hormone keep the seedlings from?", "flowering early") in pairs
    assert ("What does an enzyme split starch into?", "simple sugars") in pairs
    assert ("What do charcoal filters remove?", "odors and chlorine") in pairs
    assert ("What does the old barn work as in spring?", "a classroom") in pairs
    assert ("What would a third line do?", "halve travel times") in pairs


def test_a_long_definition_asks_for_its_head_and_a_list_line_for_its_description():
    pairs = _pairs()
    assert ("What is a solar still?", "a simple glass container") in pairs
    assert ("[Roles] What are scouts?", "young bees") in pairs
    assert ("[Roles] What are guards?", "older bees") in pairs


def test_new_shapes_keep_fronts_well_formed():
    for front, back in _pairs():
        assert front.endswith("?") and back and back.lower() not in front.lower() and len(back) <= 40


def test_a_singular_list_term_is_asked_with_its_article():
    doc = "# Hive\n\n## Castes\n\nThree castes:\n\n- **Queen** — the only fertile female; she lays the eggs.\n"
    pairs = {(c.front, c.back) for c in proposals(import_text(doc, ".md")) if c.kind == "basic"}
    assert ("[Castes] What is the queen?", "the only fertile female") in pairs
