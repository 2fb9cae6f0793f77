"""desktop.core.generate.claim: attributed claims ask for the key part, with the speaker named."""
from __future__ import annotations

from desktop.core.card import BASIC, CLOZE
from desktop.core.generate import claim
from desktop.core.generate.base import Context
from desktop.core.importing import import_text

ZH_DOC = """教育访谈

1. 教学

李明认为,教育的本质是唤醒学生的好奇心,而不是灌输知识。李明是一位中学老师。他建议,通过每周写反思日志来提高教学质量。王芳对远程办公提出了质疑。赵刚强调,充足的睡眠对于青少年来说至关重要。李明分享了他的一些心得。他将讲授和讨论进行了对比,并指出讨论在培养批判性思维上更为关键。
"""

AFTER_DOC = """Quotes

1. Work

The main cause of burnout is a lack of control over daily work, Jane Smith said. They said the plan would work well in the long run for everyone. Experts say there is no consensus yet.
"""

EN_DOC = """Notes on Memory

1. Habits

Smith argues that the essence of good writing is clarity of thought. Professor Jane Smith studies memory. She recommends that students review notes before sleeping. According to Smith, a short walk after lunch restores attention. Smith expects that a full course will need at least five weeks to show results.
"""


def _cards(text: str) -> dict[str, list]:
    """Claim candidates per sentence of a small document."""
    document = import_text(text)
    out: dict[str, list] = {}
    for section in document.walk():
        sentences = section.sentences
        for index, sentence in enumerate(sentences):
            ctx = Context(document, section, sentence, index, sentences[index - 1] if index else None)
            out[sentence.text] = claim.candidates(ctx)
    return out


def _pairs(cards: list) -> list[tuple[str, str]]:
    return [(c.front, c.answer) for c in cards]


def test_asks_for_the_key_part_of_a_belief_not_the_whole_clause():
    cards = _cards(ZH_DOC)["李明认为,教育的本质是唤醒学生的好奇心,而不是灌输知识。"]
    assert _pairs(cards) == [("李明认为教育的本质是什么？", "唤醒学生的好奇心")]
    assert cards[0].kind == BASIC and cards[0].rule == "claim"


def test_pronoun_speaker_is_named_and_the_means_is_asked():
    pairs = _pairs(_cards(ZH_DOC)["他建议,通过每周写反思日志来提高教学质量。"])
    assert ("李明建议通过什么来提高教学质量？", "每周写反思日志") in pairs
    assert ("李明建议通过每周写反思日志来提高什么？", "教学质量") in pairs


def test_objection_asks_what_it_was_about():
    assert _pairs(_cards(ZH_DOC)["王芳对远程办公提出了质疑。"]) == [("王芳对什么提出了质疑？", "远程办公")]


def test_what_matters_to_whom():
    pairs = _pairs(_cards(ZH_DOC)["赵刚强调,充足的睡眠对于青少年来说至关重要。"])
    assert pairs == [("赵刚强调什么对于青少年来说至关重要？", "充足的睡眠")]


def test_vague_sharing_makes_no_card():
    assert _cards(ZH_DOC)["李明分享了他的一些心得。"] == []


def test_which_one_names_the_alternative_without_giving_the_answer():
    pairs = _pairs(_cards(ZH_DOC)["他将讲授和讨论进行了对比,并指出讨论在培养批判性思维上更为关键。"])
    assert pairs == [("李明指出，与讲授相比，什么在培养批判性思维上更为关键？", "讨论")]


def test_english_claim_becomes_according_to_question():
    cards = _cards(EN_DOC)["Smith argues that the essence of good writing is clarity of thought."]
    assert _pairs(cards) == [("According to Smith, what is the essence of good writing?", "clarity of thought")]


def test_english_advice_deletes_the_advised_action_with_the_speaker_named():
    cards = _cards(EN_DOC)["She recommends that students review notes before sleeping."]
    assert len(cards) == 1 and cards[0].kind == CLOZE
    assert cards[0].front == "Jane Smith recommends that students {{c1::review notes before sleeping}}."
    assert cards[0].answer == "review notes before sleeping"


def test_fallback_cloze_deletes_a_term_of_the_claim_not_the_speaker():
    cards = _cards(EN_DOC)["According to Smith, a short walk after lunch restores attention."]
    assert len(cards) == 1 and cards[0].kind == CLOZE
    assert cards[0].front.startswith("According to Smith, ")
    assert "{{c1::" in cards[0].front.split(", ", 1)[1]


def test_sentence_without_attribution_is_left_to_other_rules():
    assert _cards(ZH_DOC)["李明是一位中学老师。"] == []
    assert _cards(EN_DOC)["Professor Jane Smith studies memory."] == []


def test_claim_after_the_quote_and_group_speakers():
    cards = _cards(AFTER_DOC)
    assert _pairs(cards["The main cause of burnout is a lack of control over daily work, Jane Smith said."]) == [
        ("According to Jane Smith, what is the main cause of burnout?", "a lack of control over daily work")]
    # "they" is a group: no single person may be named; a short vague claim makes no card
    assert cards["They said the plan would work well in the long run for everyone."] == []
    assert cards["Experts say there is no consensus yet."] == []


def test_a_claim_whose_number_the_quantity_family_asks_makes_no_cloze():
    # "at least five weeks" has its own card; deleting "full course" would test a filler
    assert _cards(EN_DOC)["Smith expects that a full course will need at least five weeks to show results."] == []


SPEAKERS_DOC = """Glaciers

1. Voices

Glaciologist Maria Costa of the Alpine Research Institute warned that the glacier could lose most of its ice by 2100. The Mountain Rescue Union, a volunteer group, argues that the trails should close earlier in summer. Researchers such as Tomas van der Berg argue that no single model predicts the melt. "A glacier is a slow river of ice," she said.
"""


def test_english_speakers_with_roles_affiliations_and_examples_are_found():
    document = import_text(SPEAKERS_DOC)
    section = document.sections[0]
    found = {}
    for index, sentence in enumerate(section.sentences):
        said = claim.find_claim(Context(document, section, sentence, index))
        found[sentence.text[:20]] = said.speaker if said else None
    assert found == {"Glaciologist Maria C": "Maria Costa", "The Mountain Rescue ": "Mountain Rescue Union",
                     "Researchers such as ": "Tomas van der Berg", '"A glacier is a slow': "Maria Costa"}


def test_a_negated_claim_keeps_the_speaker_and_the_negation():
    cards = _cards(SPEAKERS_DOC)
    (card,) = cards["Researchers such as Tomas van der Berg argue that no single model predicts the melt."]
    assert (card.kind, card.front) == (CLOZE, "According to Tomas van der Berg, {{c1::no single model}} predicts the melt.")
    zh = _cards("能源访谈\n\n1. 观点\n\n王磊强调,核电并非成本最低的选择,未来的关键在于储能。\n")
    fronts = [c.front for cards_ in zh.values() for c in cards_]
    assert "王磊强调，核电并非{{c1::成本最低的选择}}。" in fronts
