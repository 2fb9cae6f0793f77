"""desktop.core.stats: per-day reviews, forecast, true retention, cards by state."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from desktop.core.review import record_review
from desktop.core.schedule import Study
from desktop.core.stats import (STATE_NAMES, DayCount, Retention, cards_by_state, due_forecast, local_day,
                                overview, reviews_per_day, true_retention)
from tests.core.test_review import T0, make_collection

UTC = timezone.utc
REVIEW_STATE = '{"state": 2, "last_review": "2026-02-01T00:00:00+00:00"}'
LEARNING_STATE = '{"state": 1, "last_review": "2026-02-01T00:00:00+00:00"}'


def review(at: datetime, rating: int = 3, before: str | None = REVIEW_STATE) -> dict:
    return {"reviewed_at": at.isoformat(), "rating": rating, "state_before": before}


def test_reviews_per_day_counts_local_days_oldest_first_with_zero_days():
    reviews = [review(T0), review(T0 - timedelta(hours=1)), review(T0 - timedelta(days=2)),
               review(T0 - timedelta(days=40))]
    days = reviews_per_day(reviews, T0, days=3, tz=UTC)
    assert days == [DayCount(date(2026, 2, 28), 1), DayCount(date(2026, 3, 1), 0), DayCount(date(2026, 3, 2), 2)]


def test_local_day_follows_the_zone():
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    assert local_day(late, timezone(timedelta(hours=8))) == date(2026, 3, 3)
    assert local_day(late.isoformat(), UTC) == date(2026, 3, 2)


def test_due_forecast_puts_overdue_cards_today_and_skips_new_cards():
    rows = [{"state": 2, "due": (T0 - timedelta(days=3)).isoformat()},
            {"state": 2, "due": (T0 + timedelta(days=1)).isoformat()},
            {"state": 1, "due": (T0 + timedelta(minutes=10)).isoformat()},
            {"state": 2, "due": (T0 + timedelta(days=90)).isoformat()},
            {"state": 0, "due": None}]
    assert [d.count for d in due_forecast(rows, T0, days=4, tz=UTC)] == [2, 1, 0, 0]


def test_true_retention_counts_only_review_state_cards():
    reviews = [review(T0, 3), review(T0, 1), review(T0, 2), review(T0, 4),
               review(T0, 1, LEARNING_STATE), review(T0, 1, None), review(T0 - timedelta(days=60), 1)]
    assert true_retention(reviews) == Retention(passed=3, total=5)
    recent = true_retention(reviews, since=T0 - timedelta(days=30))
    assert recent == Retention(3, 4) and recent.rate == 0.75
    assert true_retention([]).rate is None


def test_cards_by_state_names_every_state():
    rows = [{"state": 0}, {"state": None}, {"state": 1}, {"state": 2}, {"state": 2}, {"state": 3}]
    assert cards_by_state(rows, suspended=4) == {"new": 2, "learning": 1, "review": 2, "relearning": 1,
                                                 "suspended": 4}
    assert tuple(cards_by_state([])) == STATE_NAMES


def test_overview_reads_the_collection(tmp_path):
    collection, document = make_collection(tmp_path)
    study = Study()
    start = T0 - timedelta(days=20)
    _, outcome = record_review(collection, study, "0000000000000001", 4, start, 1000)  # Easy: a review card
    record_review(collection, study, "0000000000000001", 1, outcome.due, 1000)  # forgotten: relearning
    record_review(collection, study, "0000000000000002", 3, T0, 1000)  # learning
    collection.set_suspended(["0000000000000004"], True)
    stats = overview(collection, T0, days=30, tz=UTC)
    assert stats.by_state == {"new": 1, "learning": 1, "review": 0, "relearning": 1, "suspended": 1}
    assert sum(d.count for d in stats.per_day) == 3
    assert stats.per_day[-1] == DayCount(date(2026, 3, 2), 1)
    assert stats.retention == Retention(0, 1) and stats.retention_all == Retention(0, 1)
    assert stats.forecast[0].count == 2  # relearning card overdue, learning card due in 10 minutes
    assert overview(collection, T0, document_id=document.id, tz=UTC).by_state["suspended"] == 1
    collection.close()


@pytest.mark.parametrize("days", [1, 7, 30])
def test_per_day_and_forecast_have_one_entry_per_day(days):
    assert len(reviews_per_day([], T0, days, UTC)) == len(due_forecast([], T0, days, UTC)) == days
