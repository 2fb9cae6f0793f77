"""A small program that does one kind of collection work in a loop, for tests that SIGKILL it.

    python -m tests.core.kill_driver review DATA_DIR            answer cards, one review per commit
    python -m tests.core.kill_driver backup DATA_DIR            a review, then a manual backup, repeated
    python -m tests.core.kill_driver import DATA_DIR SOURCES    import talk files (a new title each time)
    python -m tests.core.kill_driver bulk DATA_DIR CARDS        store documents of CARDS cards each

Run from the repository root. One line goes to stdout (flushed) right after each unit is committed,
so every line the test has read names work that must survive a kill:

    review <review id>
    backup <file name>
    import <n> <document id> <cards stored>
    bulk <n> <document id>

It never stops by itself (`--limit N` stops after N units); the test kills it.
"""
from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.core.card import BASIC, CLOZE, Card
from desktop.core.collection import Collection
from desktop.core.document import Document, Section, Sentence, stable_id

START = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)
SECTION_CARDS = 50  # synthetic documents: cards per section


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def bulk_document(number: int, cards: int) -> tuple[Document, list[Card]]:
    """A synthetic document of `cards` cards (no generator, so no jieba): a long, predictable import.

    Its id is `bulk-<number>`; card ids are hex (fsrs derives its int id from them); it has
    `cards // SECTION_CARDS` sections (at least one).
    """
    doc_id = f"bulk-{number}"
    sections: list[Section] = []
    made: list[Card] = []
    text = ""
    for s in range(max(1, cards // SECTION_CARDS)):
        sentence = f"第{number}号文档第{s}批材料的密度约为{(s * 7) % 97 + 1}克每立方厘米，熔点超过{(s * 13) % 900 + 100}摄氏度。"
        start = len(text)
        text += sentence + "\n"
        section = Section(f"{doc_id}-s{s}", str(s + 1), f"材料{s}", 1, paragraphs=[sentence],
                          sentences=[Sentence(sentence, start, start + len(sentence))],
                          start=start, end=start + len(sentence))
        sections.append(section)
        for k in range(min(SECTION_CARDS, cards - len(made))):
            cloze = k % 2 == 1
            front = (f"第{number}号文档第{s}批材料{k}号的{{{{c1::密度}}}}约为多少？" if cloze
                     else f"第{number}号文档第{s}批材料{k}号的密度约为多少？")
            made.append(Card(stable_id("bulk card", doc_id, str(s), str(k)), CLOZE if cloze else BASIC, front,
                             f"{(s * 7) % 97 + 1}克每立方厘米",
                             section.label, sentence, "manual", section_id=section.id, source_start=start,
                             source_end=start + len(sentence), document_id=doc_id))
    return Document(doc_id, f"合成文档{number}", "zh", text, sections), made


def talk_variant(body: str, number: int) -> str:
    """The talk under a new title (a new document id), with one line that differs."""
    return f"讲座记录第{number}号\n\n本记录编号为{number}，整理于第{number % 28 + 1}天。\n\n{body}"


def run_review(collection: Collection, limit: int | None) -> None:
    from desktop.core.review import record_review  # what ReviewSession.answer calls to store an answer
    from desktop.core.schedule import Study

    study = Study()
    card_ids = collection.find_card_ids()
    if not card_ids:
        raise SystemExit("the collection has no cards to review")
    n = 0
    while limit is None or n < limit:
        card_id = card_ids[n % len(card_ids)]
        review_id, _ = record_review(collection, study, card_id, 1 + n % 4, START + timedelta(minutes=n), 3000)
        say(f"review {review_id}")
        n += 1


def run_backup(collection: Collection, limit: int | None) -> None:
    from desktop.core.review import record_review
    from desktop.core.schedule import Study

    study = Study()
    card_ids = collection.find_card_ids()
    n = 0
    while limit is None or n < limit:
        review_id, _ = record_review(collection, study, card_ids[n % len(card_ids)], 3,
                                     START + timedelta(minutes=n), 2000)
        say(f"review {review_id}")
        made = collection.backup("manual")
        if made is None:
            raise SystemExit("a backup was not taken")
        say(f"backup {made.path.name}")
        n += 1


def run_import(collection: Collection, sources: Path, limit: int | None) -> None:
    from desktop.core.library import import_path
    from desktop.core.resources import BUNDLED_TALK, resource_path

    body = resource_path(BUNDLED_TALK).read_text(encoding="utf-8").split("\n", 1)[1]
    sources.mkdir(parents=True, exist_ok=True)
    n = len(list(sources.glob("talk-*.txt")))  # a restarted driver goes on with new titles
    stop = None if limit is None else n + limit
    while stop is None or n < stop:
        path = sources / f"talk-{n:03d}.txt"
        path.write_text(talk_variant(body, n), encoding="utf-8")
        document, result = import_path(collection, path)
        say(f"import {n} {document.id} {result.added + result.kept}")
        n += 1


def run_bulk(collection: Collection, cards: int, limit: int | None) -> None:
    n = len(list(collection.db.query("SELECT id FROM documents WHERE id LIKE 'bulk-%'")))
    stop = None if limit is None else n + limit
    while stop is None or n < stop:
        document, made = bulk_document(n, cards)
        collection.import_document(document, made, START)
        say(f"bulk {n} {document.id}")
        n += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kill_driver")
    parser.add_argument("mode", choices=("review", "backup", "import", "bulk"))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("extra", nargs="?", help="import: the folder for the talk files; bulk: cards per document")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many units")
    args = parser.parse_args(argv)
    collection = Collection.in_folder(args.data_dir)
    say("ready")
    if args.mode == "review":
        run_review(collection, args.limit)
    elif args.mode == "backup":
        run_backup(collection, args.limit)
    elif args.mode == "import":
        run_import(collection, Path(args.extra), args.limit)
    else:
        run_bulk(collection, int(args.extra or 2000), args.limit)
    collection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
