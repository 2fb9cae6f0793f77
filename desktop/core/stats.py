"""Study statistics: reviews per day, due forecast, true retention, cards by state.

The functions take plain rows (as `Collection.reviews` and `Collection.study_rows` return them)
so tests can feed them directly; `overview` reads the collection once for the statistics screen.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

import fsrs

from desktop.core.collection import Collection

STATE_NAMES = ("new", "learning", "review", "relearning", "suspended")
# The collection's `cards.state` column: 0 for a card never reviewed, else fsrs.State.
_STATE_COLUMN = {0: "new", fsrs.State.Learning.value: "learning", fsrs.State.Review.value: "review",
                 fsrs.State.Relearning.value: "relearning"}


@dataclass(frozen=True)
class DayCount:
    day: date  # a local calendar day
    count: int


@dataclass(frozen=True)
class Retention:
    passed: int  # reviews of Review-state cards answered Hard, Good or Easy
    total: int  # all reviews of Review-state cards

    @property
    def rate(self) -> float | None:
        """passed / total, or None without reviews (no number is better than a made-up 0 %)."""
        return self.passed / self.total if self.total else None


@dataclass(frozen=True)
class Overview:
    per_day: list[DayCount]
    forecast: list[DayCount]
    retention: Retention  # over the last `retention_days`
    retention_all: Retention  # all time
    by_state: dict[str, int]


def local_day(moment: datetime | str, tz: tzinfo | None = None) -> date:
    """The local calendar day of a time.

    Args:
        moment: an aware datetime or its ISO text (as stored).
        tz: the user's zone; None for the system's.
    Returns:
        The date in that zone.
    """
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.astimezone(tz).date()


def reviews_per_day(reviews: Iterable[Mapping], now: datetime, days: int = 30,
                    tz: tzinfo | None = None) -> list[DayCount]:
    """How many reviews were made on each of the last `days` days.

    Args:
        reviews: review rows with "reviewed_at".
        now: today's time.
        days: how many days, today included.
        tz: the user's zone; None for the system's.
    Returns:
        One DayCount per day, oldest first, today last (zero days included, so bars line up).
    """
    today = local_day(now, tz)
    counts = Counter(local_day(review["reviewed_at"], tz) for review in reviews)
    return [DayCount(day, counts[day]) for day in _days(today - timedelta(days=days - 1), days)]


def due_forecast(rows: Iterable[Mapping], now: datetime, days: int = 30,
                 tz: tzinfo | None = None) -> list[DayCount]:
    """How many studied cards fall due on each of the next `days` days.

    Args:
        rows: card rows with "state" (0 = new, skipped) and "due" (ISO text).
        now: today's time.
        days: how many days, today included.
        tz: the user's zone; None for the system's.
    Returns:
        One DayCount per day from today; today's count includes overdue cards.
    """
    today = local_day(now, tz)
    counts: Counter[date] = Counter()
    for row in rows:
        if row["state"] and row["due"]:
            counts[max(local_day(row["due"], tz), today)] += 1
    return [DayCount(day, counts[day]) for day in _days(today, days)]


def _days(first: date, days: int) -> list[date]:
    return [first + timedelta(days=offset) for offset in range(days)]


def true_retention(reviews: Iterable[Mapping], since: datetime | None = None) -> Retention:
    """Anki's "true retention": the share of reviews of mature-path (Review-state) cards not failed.

    Learning steps are left out: failing a card one minute after first seeing it says little
    about long-term memory.

    Args:
        reviews: review rows with "state_before", "rating", "reviewed_at".
        since: only reviews at or after this aware time; None for all.
    Returns:
        Retention(passed, total).
    """
    passed = total = 0
    for review in reviews:
        if since is not None and datetime.fromisoformat(review["reviewed_at"]) < since:
            continue
        if _was_in_review(review["state_before"]):
            total += 1
            passed += review["rating"] > 1
    return Retention(passed, total)


def _was_in_review(state_json: str | None) -> bool:
    if not state_json:
        return False
    state = json.loads(state_json)
    return state["state"] == fsrs.State.Review.value and state.get("last_review") is not None


def cards_by_state(rows: Iterable[Mapping], suspended: int = 0) -> dict[str, int]:
    """Cards counted by scheduling state.

    Args:
        rows: the live, unsuspended card rows with "state" (the collection's state column).
        suspended: how many suspended cards there are (counted apart, as Anki does).
    Returns:
        {name: count} for every name of STATE_NAMES, in that order.
    """
    counts = Counter(_STATE_COLUMN.get(row["state"] or 0, "new") for row in rows)
    return {name: (suspended if name == "suspended" else counts[name]) for name in STATE_NAMES}


def overview(collection: Collection, now: datetime, document_id: str | None = None, days: int = 30,
             tz: tzinfo | None = None) -> Overview:
    """Everything the statistics screen shows, for one document or the whole collection.

    Args:
        collection: the collection.
        now: the current aware time.
        document_id: one document, or None for all.
        days: span of the per-day chart, the forecast and the recent retention.
        tz: the user's zone; None for the system's.
    Returns:
        An Overview.
    """
    reviews = collection.reviews(document_id=document_id)
    rows = collection.study_rows(document_id)
    suspended = len(collection.find_card_ids(document_id=document_id)) - len(rows)
    recent_since = now - timedelta(days=days)
    return Overview(per_day=reviews_per_day(reviews, now, days, tz), forecast=due_forecast(rows, now, days, tz),
                    retention=true_retention(reviews, recent_since), retention_all=true_retention(reviews),
                    by_state=cards_by_state(rows, suspended))
