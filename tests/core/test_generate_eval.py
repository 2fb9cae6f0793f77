"""The generator on real-shaped articles it was not written for (tests/core/eval/), scored like the product is.

Each article (a scraped blog post with its site furniture, a news report, a lecture summary with numbered
headings, a Markdown study note, an interview transcript, a consumer explainer, a textbook chapter) has a gold
fact file written before its cards were looked at. The shared scorer (../shared/eval/score_cards.py, beside
the repository in CI) decides what counts: a fact is covered when, for each of its answer groups, a card whose
front mentions a cue has an answer containing one of the alternatives. The floors are the recall measured when
the rules last changed, less a small margin: a rule change that loses facts on unseen text fails here even
when every unit test still passes.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file

EVAL = Path(__file__).resolve().parent / "eval"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score_cards.py"
MARGIN = 0.05
# recall measured on each article when the rules last changed
MEASURED = {
    "tulou_blog_zh": 0.87,
    "coral_lecture_zh": 0.83,
    "desalination_news_en": 1.00,
    "honeybees_notes_en": 0.94,
    "restorer_interview_zh": 0.86,
    "groundwater_textbook_zh": 0.97,
    "heatpump_guide_en": 0.94,
}


def _scorer():
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not beside the repository ({SCORER})")
    spec = importlib.util.spec_from_file_location("score_cards", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _article(name: str) -> Path:
    return next(p for p in EVAL.glob(f"{name}.*") if not p.name.endswith(".facts.json"))


def _score(name: str) -> dict[str, float]:
    """Recall, junk and malformed cards of the article's cards, by the shared scorer's own functions (its
    `main` reads files it never closes, which this suite's warnings-as-errors would report)."""
    scorer = _scorer()
    cards = [{"kind": c.kind, "front": c.front, "back": c.back, "source": c.source}
             for c in generate(import_file(_article(name)))]
    gold = json.loads((EVAL / f"{name}.facts.json").read_text(encoding="utf-8"))
    pairs = [(scorer.norm(front), scorer.norm(answer)) for card in cards for front, answer in [scorer.sides(card)]]
    covered = 0
    for fact in gold["facts"]:
        cues = [scorer.norm(cue) for cue in fact["cue"]]
        covered += all(any(any(cue in front for cue in cues) and any(scorer.norm(alt) in answer for alt in group)
                           for front, answer in pairs) for group in fact["answer"])
    junk_terms = [scorer.norm(term) for term in gold["junk"]]
    junk = [c for c in cards if any(t in scorer.norm(c["front"] + c["back"] + c["source"]) for t in junk_terms)]
    bad = [c for c in cards if scorer.malformed(c)]
    return {"recall": covered / len(gold["facts"]), "junk": len(junk), "cards": len(cards),
            "malformed_share": len(bad) / max(len(cards), 1)}


def test_every_article_has_gold_facts_written_in_the_scorers_format():
    for name in MEASURED:
        gold = json.loads((EVAL / f"{name}.facts.json").read_text(encoding="utf-8"))
        assert 15 <= len(gold["facts"]) <= 40 and gold["junk"]
        for fact in gold["facts"]:
            assert fact["id"] and fact["cue"] and all(group for group in fact["answer"])
        assert 1500 <= len(_article(name).read_text(encoding="utf-8")) <= 3100


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_unseen_articles_keep_their_recall_without_junk_or_malformed_cards(name):
    score = _score(name)
    assert score["recall"] >= MEASURED[name] - MARGIN, score
    assert score["junk"] == 0, score
    assert score["malformed_share"] <= 0.05, score
    assert score["cards"] > 0
