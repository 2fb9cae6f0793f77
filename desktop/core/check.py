"""Tools ▸ Check collection: SQLite's integrity check, a rebuilt search index and the app's own invariants.

Like Anki's Check Database, it repairs what it safely can and says what it did. A repair never
loses a review that belongs to a card; rows that point at nothing are the only ones removed.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.core.collection import Collection


# what each repair counts, and how to say it (the GUI has its own translated sentences for these keys)
REPAIRS = {
    "orphan_reviews": "{} reviews of cards that no longer exist were removed.",
    "orphan_cards": "{} cards of documents that no longer exist were removed.",
    "moved_cards": "{} cards whose section was missing were moved to their document's first section.",
    "reset_schedules": "{} cards with an unreadable schedule were reset to new.",
}


@dataclass
class CheckReport:
    integrity: list[str]  # SQLite's findings; ["ok"] when the file is sound
    fixed: dict[str, int] = field(default_factory=dict)  # a key of REPAIRS → how many rows it repaired

    @property
    def sound(self) -> bool:
        return self.integrity == ["ok"]

    def lines(self) -> list[str]:
        """What to tell the user, in order."""
        head = "The file is sound." if self.sound else "SQLite reports damage: " + "; ".join(self.integrity[:5])
        repairs = [REPAIRS[key].format(count) for key, count in self.fixed.items()] or ["Nothing needed repair."]
        return [head, *repairs, "The search index was rebuilt."]


def check_collection(collection: Collection) -> CheckReport:
    """Check the collection and repair what the app's invariants require.

    Args:
        collection: the open collection; repairs run in one transaction, after a backup.
    Returns:
        What was found and fixed.
    """
    db = collection.db
    report = CheckReport([row[0] for row in db.execute("PRAGMA integrity_check").fetchall()])
    collection.backup("check", only_if_changed=True)
    with collection.writing():
        # first: the triggers that keep the index in step fail on a damaged index, and the repairs fire them
        db.execute("INSERT INTO cards_fts(cards_fts) VALUES ('rebuild')")
        _repair(collection, report)
    return report


def _repair(collection: Collection, report: CheckReport) -> None:
    db = collection.db
    _fix(report, "orphan_reviews", db.execute(
        "DELETE FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)").rowcount)
    orphaned = "document_id NOT IN (SELECT id FROM documents)"
    db.execute(f"DELETE FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE {orphaned})")
    _fix(report, "orphan_cards", db.execute(f"DELETE FROM cards WHERE {orphaned}").rowcount)
    _fix(report, "moved_cards", db.execute(
        "UPDATE cards SET section_id = (SELECT s.id FROM sections s WHERE s.document_id = cards.document_id "
        "ORDER BY s.position LIMIT 1) WHERE section_id IS NULL OR section_id NOT IN (SELECT id FROM sections)").rowcount)
    _fix(report, "reset_schedules", _reset_unreadable_states(collection))


def _reset_unreadable_states(collection: Collection) -> int:
    broken = []
    for card_id, state in collection.db.execute("SELECT id, fsrs FROM cards WHERE fsrs IS NOT NULL"):
        try:
            parsed = json.loads(state)
            valid = isinstance(parsed, dict) and "due" in parsed
        except ValueError:
            valid = False
        if not valid:
            broken.append((card_id,))
    collection.db.conn.executemany(
        "UPDATE cards SET fsrs = NULL, state = 0, due = NULL, stability = NULL, difficulty = NULL, "
        "last_review = NULL WHERE id = ?", broken)
    return len(broken)


def _fix(report: CheckReport, key: str, count: int) -> None:
    if count:
        report.fixed[key] = count
