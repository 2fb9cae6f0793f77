"""Spaced repetition: the `fsrs` package behind a small, pure interface.

Scheduling state travels as fsrs `Card.to_json()` strings, the form the collection
stores, and every call takes the current time from the caller: nothing here reads the
clock, so tests and undo replay the same history to the same due dates.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from desktop.core.card import fsrs_card_id

NEW = "new"
LEARNING = "learning"
DUE = "due"
LATER = "later"  # reviewed before and not due yet

MIN_REVIEWS_TO_FIT = 100

# Anki's spans for answer buttons (rslib sched/timespan.rs): a month is a twelfth of a year.
_MINUTE, _HOUR, _DAY = 60.0, 3600.0, 86400.0
_MONTH, _YEAR = 365 / 12 * _DAY, 365 * _DAY


@dataclass
class Settings:
    """The user's study options.

    `enable_fuzzing` is off by default: fsrs fuzz draws from the global `random`, so with it
    on the due date after a review differs from the one the button preview showed, from
    the one a replay of the history gives, and from run to run in tests.
    """

    desired_retention: float = 0.9
    new_per_day: int = 20
    maximum_interval: int = 36500  # days
    enable_fuzzing: bool = False
    bury_siblings: bool = True  # Anki's "bury siblings": a sentence's other cards wait until tomorrow

    def __post_init__(self) -> None:
        # fsrs accepts nonsense such as retention 1.0 (infinite intervals) without a word.
        if not 0 < self.desired_retention < 1:
            raise ValueError("desired_retention must lie strictly between 0 and 1")
        if self.new_per_day < 0:
            raise ValueError("new_per_day must not be negative")
        if self.maximum_interval < 1:
            raise ValueError("maximum_interval must be at least one day")


@dataclass(frozen=True)
class ReviewOutcome:
    state_json: str  # fsrs Card JSON after the review
    due: datetime  # UTC
    log_json: str  # fsrs ReviewLog JSON, the optimizer's input


@dataclass(frozen=True)
class FitResult:
    parameters: tuple[float, ...]
    note: str  # one sentence for the user saying what happened
    optimized: bool = False  # False when `parameters` are the fsrs defaults


@dataclass(frozen=True)
class QueueCounts:
    new: int
    learning: int
    due: int


def utc(moment: datetime) -> datetime:
    """`moment` in UTC, in the exact form fsrs accepts.

    Args:
        moment: a timezone-aware datetime in any zone.

    Returns:
        The same instant with `tzinfo=timezone.utc` (fsrs rejects ZoneInfo("UTC")).

    Raises:
        ValueError: for a naive datetime, whose zone could only be guessed.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware (use timezone.utc)")
    return moment.astimezone(timezone.utc)


def interval_parts(span: timedelta) -> tuple[str, str]:
    """An interval as Anki rounds it, as (amount, unit) for a UI to put into words.

    Returns:
        ("1", "<m") below a minute, then minutes "m", hours "h" and days "d" whole, months "mo"
        and years "y" with one decimal, trailing ".0" dropped: ("10", "m"), ("3.5", "mo").
    """
    seconds = span.total_seconds()
    if seconds < _MINUTE:
        return "1", "<m"
    for limit, size, unit in ((_HOUR, _MINUTE, "m"), (_DAY, _HOUR, "h"), (_MONTH, _DAY, "d")):
        if seconds < limit:
            return str(round(seconds / size)), unit
    size, unit = (_MONTH, "mo") if seconds < _YEAR else (_YEAR, "y")
    return f"{round(seconds / size, 1):g}", unit


def format_interval(span: timedelta) -> str:
    """An interval as Anki writes it on answer buttons: "<1m", "10m", "3h", "1d", "3.5mo", "1.2y"."""
    amount, unit = interval_parts(span)
    return "<1m" if unit == "<m" else amount + unit


class Study:
    """An fsrs scheduler used as a pure function of (state, rating, time)."""

    def __init__(self, settings: Settings | None = None,
                 parameters: Sequence[float] | None = None) -> None:
        """A scheduler for one set of options and weights.

        Args:
            settings: study options; the defaults when None.
            parameters: fitted FSRS weights (`FitResult.parameters`); fsrs defaults when None.
        """
        self.settings = settings or Settings()
        self._scheduler = fsrs.Scheduler(
            parameters=DEFAULT_PARAMETERS if parameters is None else parameters,
            desired_retention=self.settings.desired_retention,
            maximum_interval=self.settings.maximum_interval,
            enable_fuzzing=self.settings.enable_fuzzing,
        )

    def new_state(self, card_id_hex: str, now: datetime) -> str:
        """Scheduling state for a card never studied.

        Args:
            card_id_hex: our card id; fsrs gets `fsrs_card_id` of it (and so never sleeps
                to invent one).
            now: creation time; the card is due from then.

        Returns:
            fsrs Card JSON.
        """
        return fsrs.Card(card_id=fsrs_card_id(card_id_hex), due=utc(now)).to_json()

    def review(self, state_json: str, rating: int, now: datetime,
               duration_ms: int | None = None) -> ReviewOutcome:
        """Apply one answer.

        Args:
            state_json: the card's fsrs Card JSON before the review.
            rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
            now: when the answer was given.
            duration_ms: time spent on the card; stored for fitting retention later.

        Returns:
            The new state, its due time and the review log.
        """
        card, log = self._scheduler.review_card(
            fsrs.Card.from_json(state_json), _rating(rating), utc(now), _duration(duration_ms))
        return ReviewOutcome(card.to_json(), utc(card.due), log.to_json())

    def preview_intervals(self, state_json: str, now: datetime) -> dict[int, timedelta]:
        """What each answer button would schedule, as Anki shows above its buttons.

        Args:
            state_json: the card's current fsrs Card JSON.
            now: the time the answer would be given.

        Returns:
            {1: interval, 2: …, 3: …, 4: …}, each the due time minus `now`.
        """
        now = utc(now)
        card = fsrs.Card.from_json(state_json)
        return {rating: self._scheduler.review_card(card, fsrs.Rating(rating), now)[0].due - now
                for rating in range(1, 5)}

    def retrievability(self, state_json: str, now: datetime) -> float:
        """Predicted chance of recalling the card at `now`.

        Args:
            state_json: the card's fsrs Card JSON.
            now: the time asked about.

        Returns:
            0.0–1.0; 0.0 for a card never reviewed.
        """
        card = fsrs.Card.from_json(state_json)
        return float(self._scheduler.get_card_retrievability(card, utc(now)))

    def recall(self, stability: float | None, last_review: str | None, now: datetime) -> float:
        """`retrievability` from the two stored columns it depends on, without parsing the state JSON.

        Args:
            stability: the card's FSRS stability (the collection's `stability` column).
            last_review: its last review time, ISO text (the `last_review` column); None if never.
            now: the time asked about.
        """
        if stability is None or last_review is None:
            return 0.0
        card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability,
                         last_review=utc(datetime.fromisoformat(last_review)))  # an id: fsrs would sleep to make one
        return float(self._scheduler.get_card_retrievability(card, utc(now)))

    format_interval = staticmethod(format_interval)


def _rating(rating: int) -> fsrs.Rating:
    if isinstance(rating, bool) or rating not in (1, 2, 3, 4):
        raise ValueError(f"rating must be 1, 2, 3 or 4, not {rating!r}")
    return fsrs.Rating(rating)


def _duration(duration_ms: int | None) -> int | None:
    if duration_ms is not None and duration_ms < 0:
        raise ValueError("duration_ms must not be negative")
    return duration_ms


def due_of(state_json: str) -> datetime:
    """The due time stored in a state.

    Args:
        state_json: fsrs Card JSON.

    Returns:
        The due time in UTC.
    """
    return utc(datetime.fromisoformat(json.loads(state_json)["due"]))


def queue_of(state_json: str | None, now: datetime) -> str:
    """Which review-screen count a card belongs to.

    Args:
        state_json: fsrs Card JSON, or None for a card without scheduling state yet.
        now: the current time.

    Returns:
        NEW (never reviewed), LEARNING (Learning/Relearning, due), DUE (Review, due) or
        LATER (not due yet).
    """
    now = utc(now)
    if state_json is None:
        return NEW
    card = fsrs.Card.from_json(state_json)
    if card.last_review is None:
        # fsrs 6 has no New state: a fresh card is Learning step 0 that was never reviewed.
        return NEW
    if card.due > now:
        return LATER
    return DUE if card.state == fsrs.State.Review else LEARNING


def count_queues(states: Iterable[str | None], now: datetime,
                 new_limit: int | None = None) -> QueueCounts:
    """The new / learning / due counts a review screen shows.

    Args:
        states: each card's fsrs Card JSON, or None.
        now: the current time.
        new_limit: cap on new cards shown (e.g. `Settings.new_per_day` minus those already
            started today); None for no cap.

    Returns:
        QueueCounts(new, learning, due).
    """
    now = utc(now)  # checked up front, so an empty list rejects a naive time too
    counts = {NEW: 0, LEARNING: 0, DUE: 0, LATER: 0}
    for state_json in states:
        counts[queue_of(state_json, now)] += 1
    new = counts[NEW] if new_limit is None else min(counts[NEW], max(new_limit, 0))
    return QueueCounts(new=new, learning=counts[LEARNING], due=counts[DUE])


def fit_parameters(review_logs: Iterable[str | Mapping | fsrs.ReviewLog],
                   min_reviews: int = MIN_REVIEWS_TO_FIT) -> FitResult:
    """FSRS weights fitted to the user's own history, when that is possible.

    Fitting needs fsrs's optional optimizer extra (torch, pandas); without it, or with
    too little history to fit anything meaningful, the defaults come back with a note.

    Args:
        review_logs: ReviewLog JSON strings (`ReviewOutcome.log_json`), their dicts, or
            fsrs ReviewLog objects.
        min_reviews: fewer logs than this return the defaults.

    Returns:
        FitResult(parameters, note, optimized).
    """
    logs = [_review_log(log) for log in review_logs]
    if len(logs) < min_reviews:
        return _defaults(f"Kept the default parameters: {len(logs)} reviews so far, "
                         f"fitting needs at least {min_reviews}.")
    try:
        # Imported here: with torch present this import takes seconds.
        from fsrs.optimizer import Optimizer

        optimizer = Optimizer(logs)
    except ImportError:
        return _defaults("Kept the default parameters: fitting needs the optional "
                         "optimizer (pip install 'talkcards[optimizer]', which brings torch).")
    try:
        parameters = tuple(float(p) for p in optimizer.compute_optimal_parameters())
        fsrs.Scheduler(parameters=parameters)  # rejects out-of-bounds or NaN weights
    except Exception as error:  # noqa: BLE001 - a failed fit must not cost the user a crash
        return _defaults(f"Kept the default parameters: fitting failed ({error}).")
    return FitResult(parameters, f"Fitted the parameters to {len(logs)} reviews.", True)


def _defaults(note: str) -> FitResult:
    return FitResult(tuple(DEFAULT_PARAMETERS), note, False)


def _review_log(log: str | Mapping | fsrs.ReviewLog) -> fsrs.ReviewLog:
    if isinstance(log, str):
        log = fsrs.ReviewLog.from_json(log)
    elif not isinstance(log, fsrs.ReviewLog):
        log = fsrs.ReviewLog.from_dict(dict(log))  # type: ignore[arg-type]
    # The optimizer subtracts datetimes: a stray naive one would fail deep inside it.
    return fsrs.ReviewLog(log.card_id, fsrs.Rating(log.rating), utc(log.review_datetime),
                          log.review_duration)
