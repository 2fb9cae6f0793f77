"""The shared card scorers (../shared/eval/score_cards.py and card_lint.py) as functions, for the eval
tests and `make eval`. Their `main`s read files they never close, which warnings-as-errors would report,
so this calls their own helpers instead of running them."""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def load(name: str) -> ModuleType | None:
    """The shared module `name` (score_cards, card_lint), or None when ../shared is not beside the repo."""
    path = SHARED_EVAL / f"{name}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, cards: list[dict], gold: dict) -> dict:
    """Recall of the gold facts, junk cards and malformed share, exactly as score_cards.py counts them."""
    norm = scorer.norm
    pairs = [(norm(front), norm(answer)) for card in cards for front, answer in [scorer.sides(card)]]
    missing = []
    for fact in gold["facts"]:
        cues = [norm(cue) for cue in fact["cue"]]
        if not all(any(any(cue in front for cue in cues) and any(norm(alt) in answer for alt in group)
                       for front, answer in pairs) for group in fact["answer"]):
            missing.append(fact["id"])
    junk_terms = [norm(term) for term in gold.get("junk", [])]
    junk = [c for c in cards if any(t in norm(c["front"] + c["back"] + c["source"]) for t in junk_terms)]
    bad = [c for c in cards if scorer.malformed(c)]
    facts = len(gold["facts"]) or 1
    return {"recall": 1 - len(missing) / facts, "missing": missing, "junk": len(junk), "cards": len(cards),
            "malformed_share": len(bad) / max(len(cards), 1)}


def lint(linter: ModuleType, cards: list[dict]) -> tuple[int, Counter]:
    """How many cards card_lint.py flags, and its reasons counted."""
    per_source = Counter(linter.unicodedata.normalize("NFKC", c.get("source", "")) for c in cards)
    flagged, reasons = 0, Counter()
    for card in cards:
        why = linter.problems(card)
        if per_source[linter.unicodedata.normalize("NFKC", card.get("source", ""))] > 3:
            why.append("many-cards-one-sentence")
        flagged += bool(why)
        reasons.update(set(why))
    return flagged, reasons
