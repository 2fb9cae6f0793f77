"""`make eval`: the generator on every text with gold facts, scored by the shared scorers.

Prints one row per text (recall, junk, cards, cards per 1,000 characters or words of body text, the
share of cards card_lint.py flags) and the means per set. A report for people, not a test.
usage: python -m tests.eval.report [--show NAME] [--json OUT]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from desktop.core.chinese_script import is_traditional, simplified
from desktop.core.generate.pipeline import generate
from desktop.core.importing import import_file
from tests import scoring

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "resources" / "talks" / "000_dce75566e3c95038.txt"
CJK = re.compile(r"[\u3400-\u9fff]")


def texts() -> list[tuple[str, str, Path, Path]]:
    """(set, name, text, gold) for every text with gold facts that is here."""
    found = [("talk", "bundled-talk", SEED, scoring.SHARED_EVAL / "seed_facts_visible.json")]
    local = ROOT / "tests" / "core" / "eval"
    for gold in sorted(local.glob("*.facts.json")):
        name = gold.name.removesuffix(".facts.json")
        found.append(("tests", name, next(p for p in local.glob(f"{name}.*") if p != gold), gold))
    corpus = scoring.SHARED_EVAL / "corpus"
    for gold in sorted(corpus.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        found.append(("corpus", name, next(p for p in corpus.glob(f"{name}.*") if not p.name.endswith(".json")), gold))
    return [row for row in found if row[2].is_file() and row[3].is_file()]


def size(document) -> tuple[float, str]:
    """Body size in thousands of Chinese characters, or of words for other text."""
    body = "".join(s.text for section in document.walk() for s in section.sentences)
    zh = len(CJK.findall(body))
    return (zh / 1000, "kchar") if zh > len(body) / 4 else (len(body.split()) / 1000, "kword")


def readable_by_linter(cards: list[dict], document) -> list[dict]:
    """The cards as card_lint.py can read them: it segments with jieba's Simplified dictionary, which cuts
    Traditional words apart ("過敏|性休克") and so flags blanks that cut no word; a Traditional text's
    cards are linted in Simplified characters, as the generator read them."""
    if not is_traditional(document.text):
        return cards
    return [{key: simplified(value) if isinstance(value, str) else value for key, value in card.items()}
            for card in cards]


def main() -> None:
    scorer, linter = scoring.load("score_cards"), scoring.load("card_lint")
    if scorer is None or linter is None:
        sys.exit("make eval needs ../shared/eval beside the repository.")
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    rows = []
    print(f"{'set':7} {'text':32} {'recall':>6} {'junk':>4} {'cards':>5} {'density':>12} {'lint':>5}  missing")
    for group, name, path, gold_path in texts():
        document = import_file(path)
        cards = [card.to_json() for card in generate(document)]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = scoring.score(scorer, cards, gold)
        flagged, reasons = scoring.lint(linter, readable_by_linter(cards, document))
        amount, unit = size(document)
        density = len(cards) / amount if amount else 0.0
        share = flagged / max(len(cards), 1)
        rows.append((group, result["recall"], result["junk"], density, share, unit))
        print(f"{group:7} {name:32} {result['recall']:6.2f} {result['junk']:4d} {len(cards):5d} "
              f"{density:6.1f}/{unit:5} {share:5.0%}  {' '.join(result['missing'])}")
        if show in (name, "all"):
            for card in cards:
                print(f"    [{card['rule']}] {card['front']}  →  {card['back']}")
            print("    lint:", dict(reasons.most_common()))
        if "--json" in sys.argv:
            out = Path(sys.argv[sys.argv.index("--json") + 1]) / f"{name}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps({"title": document.title, "cards": cards}, ensure_ascii=False, indent=1),
                           encoding="utf-8")
    print()
    for group in dict.fromkeys(row[0] for row in rows):
        part = [row for row in rows if row[0] == group]
        n = len(part)
        print(f"{group:7} mean recall {sum(r[1] for r in part) / n:.2f}  junk {sum(r[2] for r in part)}  "
              f"density {sum(r[3] for r in part) / n:.1f}  lint {sum(r[4] for r in part) / n:.0%}  texts {n}")


def traditional_twins() -> None:
    """`--traditional`: each Simplified Chinese text and its gold facts converted to Traditional characters
    (OpenCC s2t), scored beside the original: the cards of a 繁體 text should be as good."""
    from desktop.core.chinese_script import traditional as to_traditional
    from desktop.core.importing import import_text

    scorer = scoring.load("score_cards")
    if scorer is None:
        sys.exit("make eval needs ../shared/eval beside the repository.")
    print(f"{'text':32} {'recall':>6} {'繁體':>6} {'cards':>5} {'繁體':>5}")
    totals = [0.0, 0.0]
    rows = [(name, path, gold_path, text) for _group, name, path, gold_path in texts()
            for text in [path.read_text(encoding="utf-8")] if CJK.search(text[:2000]) and not is_traditional(text)]
    for name, path, gold_path, text in rows:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        twin_gold = json.loads(to_traditional(json.dumps(gold, ensure_ascii=False)))
        plain = [c.to_json() for c in generate(import_text(text, path.suffix.lower(), str(path)))]
        twin = [c.to_json() for c in generate(import_text(to_traditional(text), path.suffix.lower(), str(path)))]
        recall, twin_recall = scoring.score(scorer, plain, gold)["recall"], scoring.score(scorer, twin, twin_gold)["recall"]
        totals[0] += recall
        totals[1] += twin_recall
        print(f"{name:32} {recall:6.2f} {twin_recall:6.2f} {len(plain):5d} {len(twin):5d}")
    print(f"{'mean of ' + str(len(rows)) + ' texts':32} {totals[0] / len(rows):6.2f} {totals[1] / len(rows):6.2f}")


if __name__ == "__main__":
    traditional_twins() if "--traditional" in sys.argv else main()
