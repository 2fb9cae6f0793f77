"""A 100,000-card collection for the benchmarks, built once and cached under `.bench/` (not in git).

Five documents of 20,000 cards each; every other card has been reviewed and is due, so a review
queue over the whole collection holds 50,000 due cards and the rest are new. Two cards share each
sentence (siblings). Answers vary in kind (numbers, percentages, terms) as a real deck's do.
"""
from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop.core.card import Card
from desktop.core.collection import FILE_NAME, Collection
from desktop.core.importing import import_text
from desktop.core.library import _BUNDLED_DONE as BUNDLED_DONE
from desktop.core.migrations import migrations
from desktop.core.schedule import Study

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS, PER_DOCUMENT = 5, 20_000
CARDS = DOCUMENTS * PER_DOCUMENT
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
TOPICS = ("模型规模", "训练数据", "推理成本", "对齐方法", "评测基准", "上下文长度", "参数量", "算力需求",
          "scaling law", "token budget", "fine tuning", "retrieval", "agents", "evaluation", "latency", "memory")
_BUILD = 3  # bump when the shape below changes: the cache is rebuilt


def cached_collection(into: Path) -> Path:
    """A private copy of the cached 100k collection in the data folder `into` (built on first use)."""
    cache = ROOT / ".bench" / f"collection-100k-v{_BUILD}-m{len(migrations._migrations)}"
    if not (cache / FILE_NAME).exists():
        _build(cache)
    into.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cache / FILE_NAME, into / FILE_NAME)
    return into


def _build(cache: Path) -> None:
    staging = cache.with_name(cache.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    collection = Collection(staging / FILE_NAME)
    for number in range(DOCUMENTS):
        document = import_text(_text(number))
        collection.import_document(document, _cards(document, number), NOW + timedelta(minutes=number))
    _review_every_other(collection)
    collection.set_setting(BUNDLED_DONE, True)  # a collection in use: the window opens without importing
    collection.db.execute("VACUUM")
    collection.close()
    shutil.rmtree(cache, ignore_errors=True)
    staging.rename(cache)


def _text(number: int) -> str:
    sections = [f"{n}. 第{n}节 {TOPICS[n % len(TOPICS)]}\n\n" + "".join(
        f"关于{TOPICS[(n + k) % len(TOPICS)]}的第{k}个事实是一个数字。" for k in range(20)) for n in range(1, 41)]
    return f"基准文档 {number}\n\n" + "\n\n".join(sections)


def _cards(document, number: int) -> list[Card]:
    sentences = [(section, sentence) for section in document.walk() for sentence in section.sentences]
    cards = []
    for n in range(PER_DOCUMENT):
        section, sentence = sentences[(n // 2) % len(sentences)]  # two cards per sentence: siblings
        topic = TOPICS[n % len(TOPICS)]
        back = (f"{n}B", f"{n % 97}%", f"{topic}{n % 13}", f"{1990 + n % 35}年")[n % 4]
        cards.append(Card(id=f"{number:02x}{n:014x}", kind="basic", front=f"{topic}的第{n}项指标是多少？", back=back,
                          section=section.label, source=sentence.text, rule="quantity", section_id=section.id,
                          source_start=sentence.start, source_end=sentence.end, document_id=document.id))
    return cards


def _review_every_other(collection: Collection) -> None:
    """Every other card answered Good twice, a month before the benchmarks' clock: all of them due."""
    study = Study()
    rows = collection.db.execute("SELECT id FROM cards WHERE rowid % 2 = 0").fetchall()
    first = study.review(study.new_state("0" * 16, NOW), 3, NOW, 1000)
    state = study.review(first.state_json, 3, NOW + timedelta(minutes=10), 1000)
    with collection.writing():
        for (card_id,) in rows:
            collection._set_state(card_id, state.state_json, _parsed(state.state_json))


def _parsed(state_json: str) -> dict:
    import json

    return json.loads(state_json)
