"""desktop.core.schedule: fsrs behind a pure interface, fixed clocks throughout."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import fsrs
import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS

from desktop.core.card import fsrs_card_id
from desktop.core.schedule import (
    DUE, LATER, LEARNING, NEW, QueueCounts, Settings, Study, count_queues, due_of,
    fit_parameters, format_interval, interval_parts, queue_of, utc,
)

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
CARD = "abcdef0123456789"
NAIVE = datetime(2026, 1, 1)


def plain_scheduler() -> fsrs.Scheduler:
    return fsrs.Scheduler(desired_retention=0.9, maximum_interval=36500, enable_fuzzing=False)


def good_times(study: Study, times: int, start: datetime = T0) -> tuple[str, datetime]:
    """Answer Good `times` times, each exactly when the card falls due."""
    state, now = study.new_state(CARD, start), start
    for _ in range(times):
        outcome = study.review(state, 3, now, duration_ms=4000)
        state, now = outcome.state_json, outcome.due
    return state, now


def test_new_state_uses_our_id_and_the_given_time():
    state = json.loads(Study().new_state(CARD, T0))
    assert state["card_id"] == fsrs_card_id(CARD) == 773738358679819896
    assert state["due"] == "2026-01-01T00:00:00+00:00"
    assert (state["state"], state["step"], state["last_review"]) == (1, 0, None)


def test_good_once_and_three_times_equal_a_plain_fsrs_scheduler():
    study, plain = Study(), plain_scheduler()
    card = fsrs.Card(card_id=fsrs_card_id(CARD), due=T0)
    plain_dues = []
    for _ in range(3):
        card, _log = plain.review_card(card, fsrs.Rating.Good, card.due)
        plain_dues.append(card.due)

    _, due_once = good_times(study, 1)
    state, due_thrice = good_times(study, 3)

    assert due_once == plain_dues[0] == T0 + timedelta(minutes=10)
    assert due_thrice == plain_dues[2] == datetime(2026, 1, 14, 0, 10, tzinfo=timezone.utc)
    assert json.loads(state) == card.to_dict()


def test_review_returns_log_with_duration_and_utc_time():
    outcome = Study().review(Study().new_state(CARD, T0), 4, T0, duration_ms=2500)
    log = json.loads(outcome.log_json)
    assert log == {"card_id": fsrs_card_id(CARD), "rating": 4,
                   "review_datetime": "2026-01-01T00:00:00+00:00", "review_duration": 2500}
    assert outcome.due == T0 + timedelta(days=8)
    assert due_of(outcome.state_json) == outcome.due


def test_review_does_not_change_its_input():
    study = Study()
    state = study.new_state(CARD, T0)
    before = str(state)
    study.review(state, 1, T0)
    assert state == before


@pytest.mark.parametrize("call", [
    lambda s: s.new_state(CARD, NAIVE),
    lambda s: s.review(s.new_state(CARD, T0), 3, NAIVE),
    lambda s: s.preview_intervals(s.new_state(CARD, T0), NAIVE),
    lambda s: s.retrievability(s.new_state(CARD, T0), NAIVE),
    lambda s: queue_of(None, NAIVE),
    lambda s: count_queues([], NAIVE),
], ids=["new_state", "review", "preview", "retrievability", "queue_of", "count_queues"])
def test_naive_datetimes_are_rejected(call):
    with pytest.raises(ValueError, match="timezone-aware"):
        call(Study())


def test_other_zones_are_converted_to_utc():
    study = Study()
    state = study.new_state(CARD, T0)
    beijing = datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))
    in_utc = study.review(state, 3, T0)
    in_beijing = study.review(state, 3, beijing)
    in_zoneinfo = study.review(state, 3, T0.replace(tzinfo=ZoneInfo("UTC")))
    assert in_beijing == in_utc == in_zoneinfo
    assert in_beijing.due.tzinfo is timezone.utc
    assert utc(beijing) == T0 and utc(beijing).tzinfo is timezone.utc


@pytest.mark.parametrize("rating", [0, 5, -1, True])
def test_ratings_outside_one_to_four_are_rejected(rating):
    study = Study()
    with pytest.raises(ValueError, match="rating"):
        study.review(study.new_state(CARD, T0), rating, T0)


def test_negative_duration_is_rejected():
    study = Study()
    with pytest.raises(ValueError, match="duration"):
        study.review(study.new_state(CARD, T0), 3, T0, duration_ms=-1)


def test_preview_of_a_new_card_shows_the_learning_steps():
    study = Study()
    state = study.new_state(CARD, T0)
    preview = study.preview_intervals(state, T0)
    assert preview == {1: timedelta(minutes=1), 2: timedelta(minutes=5, seconds=30),
                       3: timedelta(minutes=10), 4: timedelta(days=8)}
    assert {r: format_interval(span) for r, span in preview.items()} == {
        1: "1m", 2: "6m", 3: "10m", 4: "8d"}


def test_preview_equals_what_the_review_then_schedules():
    study = Study()
    state, now = good_times(study, 3)
    later = now + timedelta(days=3)
    preview = study.preview_intervals(state, later)
    for rating in (1, 2, 3, 4):
        assert study.review(state, rating, later).due - later == preview[rating]
    assert preview[1] == timedelta(minutes=10)  # relearning step
    assert preview[2] < preview[3] < preview[4]


def test_retrievability():
    study, plain = Study(), plain_scheduler()
    assert study.retrievability(study.new_state(CARD, T0), T0) == 0.0
    state, due = good_times(study, 3)
    at_due = study.retrievability(state, due)
    month_later = study.retrievability(state, due + timedelta(days=30))
    # Scheduled at desired retention 0.9, so recall on the due day is about 0.9.
    assert at_due == pytest.approx(0.9, abs=0.002)
    assert at_due == plain.get_card_retrievability(fsrs.Card.from_json(state), due)
    assert month_later == pytest.approx(0.7886, abs=0.0001)


def test_recall_from_the_stored_columns_equals_retrievability_from_the_state():
    study = Study()
    state, due = good_times(study, 3)
    parsed = json.loads(state)
    for moment in (due, due + timedelta(days=30), due + timedelta(days=400)):
        assert study.recall(parsed["stability"], parsed["last_review"], moment) == study.retrievability(state, moment)
    assert study.recall(None, None, due) == 0.0


def test_settings_reach_the_scheduler():
    study = Study(Settings(maximum_interval=5))
    outcome = study.review(study.new_state(CARD, T0), 4, T0)
    assert outcome.due == T0 + timedelta(days=5)
    lower = Study(Settings(desired_retention=0.8))
    assert lower.review(lower.new_state(CARD, T0), 4, T0).due > T0 + timedelta(days=8)


@pytest.mark.parametrize("kwargs", [{"desired_retention": 1.0}, {"desired_retention": 0},
                                    {"new_per_day": -1}, {"maximum_interval": 0}])
def test_settings_reject_nonsense(kwargs):
    with pytest.raises(ValueError):
        Settings(**kwargs)


def test_settings_defaults():
    assert Settings() == Settings(desired_retention=0.9, new_per_day=20,
                                  maximum_interval=36500, enable_fuzzing=False)


@pytest.mark.parametrize("span, text", [
    (timedelta(seconds=0), "<1m"),
    (timedelta(seconds=59), "<1m"),
    (timedelta(minutes=1), "1m"),
    (timedelta(minutes=10), "10m"),
    (timedelta(hours=3), "3h"),
    (timedelta(days=1), "1d"),
    (timedelta(days=30), "30d"),
    (timedelta(days=45), "1.5mo"),
    (timedelta(days=106), "3.5mo"),
    (timedelta(days=365), "1y"),
    (timedelta(days=438), "1.2y"),
])
def test_format_interval_like_anki(span, text):
    assert format_interval(span) == text
    assert Study.format_interval(span) == text


@pytest.mark.parametrize("span, parts", [
    (timedelta(seconds=59), ("1", "<m")),
    (timedelta(minutes=10), ("10", "m")),
    (timedelta(minutes=89), ("1", "h")),
    (timedelta(hours=3), ("3", "h")),
    (timedelta(days=30), ("30", "d")),
    (timedelta(days=106), ("3.5", "mo")),
    (timedelta(days=365), ("1", "y")),
    (timedelta(days=438), ("1.2", "y")),
])
def test_interval_parts_give_a_ui_the_amount_and_unit_to_put_into_words(span, parts):
    assert interval_parts(span) == parts


def test_queues():
    study = Study()
    fresh = study.new_state("0000000000000001", T0)
    learning = study.review(fresh, 3, T0).state_json  # due T0 + 10 min
    review, review_due = good_times(study, 3)  # due 2026-01-14 00:10
    relearning = study.review(review, 1, review_due).state_json  # due +10 min
    now = review_due + timedelta(minutes=10)

    assert queue_of(None, now) == NEW
    assert queue_of(fresh, now) == NEW
    assert queue_of(learning, now) == LEARNING
    assert queue_of(learning, T0) == LATER
    assert queue_of(review, now) == DUE
    assert queue_of(review, T0 + timedelta(days=2)) == LATER
    assert queue_of(relearning, now) == LEARNING
    assert queue_of(relearning, review_due) == LATER

    states = [None, fresh, fresh, learning, review, relearning]
    assert count_queues(states, now) == QueueCounts(new=3, learning=2, due=1)
    assert count_queues(states, now, new_limit=1) == QueueCounts(new=1, learning=2, due=1)
    assert count_queues(states, T0) == QueueCounts(new=3, learning=0, due=0)


def make_logs(count: int) -> list[str]:
    study = Study()
    logs = []
    for index in range(count // 4 + 1):
        state, now = study.new_state(f"{index:016x}", T0), T0
        for _ in range(4):
            outcome = study.review(state, 3, now, duration_ms=3000)
            logs.append(outcome.log_json)
            state, now = outcome.state_json, outcome.due
    return logs[:count]


def test_fit_keeps_defaults_with_little_history():
    result = fit_parameters(make_logs(20))
    assert result.parameters == tuple(DEFAULT_PARAMETERS)
    assert not result.optimized
    assert "20 reviews" in result.note and "100" in result.note


def test_fit_degrades_when_the_optimizer_cannot_be_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "fsrs.optimizer", None)  # as if torch were missing
    result = fit_parameters(make_logs(150))
    assert result.parameters == tuple(DEFAULT_PARAMETERS)
    assert not result.optimized
    assert "optimizer" in result.note and "torch" in result.note


@pytest.mark.skipif(importlib.util.find_spec("torch") is not None, reason="torch is installed")
def test_fit_without_torch_installed_returns_defaults():
    result = fit_parameters(make_logs(150))
    assert (result.parameters, result.optimized) == (tuple(DEFAULT_PARAMETERS), False)
    assert "torch" in result.note


def fake_optimizer(monkeypatch, compute) -> list:
    seen = []

    class Optimizer:
        def __init__(self, logs):
            seen.extend(logs)

        def compute_optimal_parameters(self):
            return compute()

    module = types.ModuleType("fsrs.optimizer")
    module.Optimizer = Optimizer
    monkeypatch.setitem(sys.modules, "fsrs.optimizer", module)
    return seen


def test_fit_uses_the_optimizer_when_present(monkeypatch):
    fitted = [round(p * 1.01, 4) for p in DEFAULT_PARAMETERS]
    seen = fake_optimizer(monkeypatch, lambda: fitted)
    logs = make_logs(120)
    as_dicts = [json.loads(log) for log in logs[:40]]
    as_objects = [fsrs.ReviewLog.from_json(log) for log in logs[40:80]]
    result = fit_parameters(as_dicts + as_objects + logs[80:])
    assert result.parameters == tuple(fitted)
    assert result.optimized and "120 reviews" in result.note
    assert len(seen) == 120 and all(log.review_datetime.tzinfo is timezone.utc for log in seen)
    # The fitted weights drive a scheduler.
    study = Study(parameters=result.parameters)
    assert study.review(study.new_state(CARD, T0), 4, T0).due == T0 + timedelta(days=8)


@pytest.mark.parametrize("compute", [
    lambda: [float("nan")] * 21,
    lambda: [1.0] * 3,
    lambda: (_ for _ in ()).throw(RuntimeError("diverged")),
])
def test_fit_falls_back_when_fitting_fails(monkeypatch, compute):
    fake_optimizer(monkeypatch, compute)
    result = fit_parameters(make_logs(120))
    assert (result.parameters, result.optimized) == (tuple(DEFAULT_PARAMETERS), False)
    assert result.note.startswith("Kept the default parameters: fitting failed")


def test_core_modules_import_without_qt():
    code = ("import sys\n"
            "for name in ('PySide6', 'PyQt5', 'PyQt6'): sys.modules[name] = None\n"
            "import desktop.core.schedule, desktop.core.quiz, desktop.core.numerals\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
