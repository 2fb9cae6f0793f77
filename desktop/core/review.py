"""A review session over the collection (Anki's queue, FSRS answers), card rendering and outline mastery.

Pure Python: the review window and the quiz drive these objects, tests drive them with a
fixed clock. Nothing here reads the wall clock except through the injected `clock`.
"""
from __future__ import annotations

import bisect
import html
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, tzinfo

import fsrs

from desktop.core.card import CLOZE, fsrs_card_id
from desktop.core.collection import Collection, utc_now
from desktop.core.schedule import (NEW, FitResult, QueueCounts, ReviewOutcome, Settings,
                                   Study, fit_parameters, format_interval, queue_of, utc)

Clock = Callable[[], datetime]
STUDY_SETTING = "study"  # collection.setting key: {"desired_retention", "new_per_day", "maximum_interval", "parameters"}
LEARN_AHEAD = timedelta(minutes=20)  # Anki's default learn-ahead limit
_LEARNING_STATES = (fsrs.State.Learning.value, fsrs.State.Relearning.value)
_CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


# ----- settings ---------------------------------------------------------------------------------

def load_settings(collection: Collection) -> Settings:
    """The user's study options, with defaults for anything missing.

    Args:
        collection: where the options are stored (setting "study").
    Returns:
        Settings; the defaults when the stored values are invalid, so a bad hand edit cannot stop study.
    """
    stored = collection.setting(STUDY_SETTING) or {}
    known = {f.name for f in fields(Settings)}
    try:
        return Settings(**{key: value for key, value in stored.items() if key in known})
    except (TypeError, ValueError):
        return Settings()


def load_study(collection: Collection) -> Study:
    """A Study with the stored options and fitted weights (fsrs defaults if none or invalid).

    Args:
        collection: where the options are stored.
    Returns:
        The scheduler every review of this collection should use.
    """
    settings = load_settings(collection)
    parameters = (collection.setting(STUDY_SETTING) or {}).get("parameters")
    try:
        return Study(settings, parameters)
    except (TypeError, ValueError):
        return Study(settings)


def save_settings(collection: Collection, settings: Settings) -> None:
    """Store the user's study options, keeping any fitted parameters."""
    stored = dict(collection.setting(STUDY_SETTING) or {})
    stored.update(desired_retention=settings.desired_retention, new_per_day=settings.new_per_day,
                  maximum_interval=settings.maximum_interval, bury_siblings=settings.bury_siblings)
    collection.set_setting(STUDY_SETTING, stored)


def optimize(collection: Collection) -> FitResult:
    """Fit FSRS weights to the user's own reviews and keep them when the fit worked.

    Args:
        collection: the reviews to learn from, and where the weights are stored.
    Returns:
        The fit's result; its note says what happened in one sentence.
    """
    logs = [{"card_id": fsrs_card_id(r["card_id"]), "rating": r["rating"], "review_datetime": r["reviewed_at"],
             "review_duration": r["duration_ms"]} for r in collection.reviews()]
    result = fit_parameters(logs)
    if result.optimized:
        stored = dict(collection.setting(STUDY_SETTING) or {})
        stored["parameters"] = list(result.parameters)
        collection.set_setting(STUDY_SETTING, stored)
    return result


# ----- recording --------------------------------------------------------------------------------

def record_review(collection: Collection, study: Study, card_id: str, rating: int, now: datetime,
                  duration_ms: int | None, bury: Sequence[str] = (), bury_until: datetime | None = None,
                  ) -> tuple[int, ReviewOutcome]:
    """Answer one card and store the review (used by the review screen and by quizzes that record).

    Args:
        collection: the collection holding the card.
        study: the scheduler.
        card_id: the card answered.
        rating: 1 Again … 4 Easy.
        now: when (aware UTC).
        duration_ms: time spent answering.
        bury: cards to bury until `bury_until` in the same transaction (the answered card's siblings).
        bury_until: when they come back.
    Returns:
        (review row id, outcome).
    """
    state = collection.row_for_id(card_id)["fsrs"] or study.new_state(card_id, now)
    outcome = study.review(state, rating, now, duration_ms)
    review_id = collection.save_review(card_id, rating, now, duration_ms, outcome.state_json, outcome.due,
                                       bury, bury_until)
    return review_id, outcome


def start_of_day(now: datetime, tz: tzinfo | None = None) -> datetime:
    """Local midnight of `now`'s day, in UTC.

    Args:
        now: an aware time.
        tz: the user's zone; None for the system's.
    Returns:
        The start of the local day as an aware UTC datetime.
    """
    local = now.astimezone(tz)
    return utc(local.replace(hour=0, minute=0, second=0, microsecond=0))


def is_first_review(review: Mapping) -> bool:
    """Whether a review row was a card's first (it started a new card)."""
    before = review["state_before"]
    return before is None or json.loads(before).get("last_review") is None


def new_started_today(collection: Collection, now: datetime, tz: tzinfo | None = None) -> int:
    """How many new cards were first answered today, across the collection (the daily limit is global)."""
    return sum(1 for review in collection.reviews(since=start_of_day(now, tz)) if is_first_review(review))


def new_left_today(collection: Collection, study: Study, now: datetime, tz: tzinfo | None = None) -> int:
    """How many more new cards today's limit allows."""
    return max(0, study.settings.new_per_day - new_started_today(collection, now, tz))


# ----- the session ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Answered:
    review_id: int
    card_id: str
    reviewed_at: datetime
    buried: tuple[str, ...] = ()  # siblings this answer buried


class ReviewSession:
    """The cards to review now: due learning cards, then due reviews, then new cards up to the daily limit."""

    def __init__(self, collection: Collection, study: Study, document_id: str | None = None,
                 section_id: str | None = None, clock: Clock = utc_now, tz: tzinfo | None = None,
                 learn_ahead: timedelta = LEARN_AHEAD) -> None:
        """Build the queue for a scope.

        Args:
            collection: the collection.
            study: the scheduler (its settings give the new-card limit).
            document_id: only this document's cards; None for all.
            section_id: only this section's subtree.
            clock: returns the current aware UTC time.
            tz: the user's zone for "today"; None for the system's.
            learn_ahead: learning cards due within this span are shown when nothing else is left.
        """
        self.collection, self.study, self.clock, self.tz = collection, study, clock, tz
        self.document_id, self.section_id, self.learn_ahead = document_id, section_id, learn_ahead
        self._learning: list[tuple[datetime, str]] = []  # sorted by due
        self._review: list[str] = []
        self._new: list[str] = []
        self._shown: str | None = None  # the card on screen stays put until answered
        self._history: list[_Answered] = []
        self._build(clock())

    def _build(self, now: datetime) -> None:
        learning, self._review, self._new = self.collection.study_queue(
            self.document_id, self.section_id, now, now + self.learn_ahead,
            new_left_today(self.collection, self.study, now, self.tz))
        self._learning = [(_utc_time(due), card_id) for due, card_id in learning]

    def current(self) -> str | None:
        """The card to show now, or None when the session is done."""
        if self._shown is None:
            self._shown = self._pick(self.clock())
        return self._shown

    def _pick(self, now: datetime) -> str | None:
        if self._learning and self._learning[0][0] <= now:
            return self._learning[0][1]
        if self._review:
            return self._review[0]
        if self._new:
            return self._new[0]
        if self._learning and self._learning[0][0] <= now + self.learn_ahead:
            return self._learning[0][1]
        return None

    def counts(self) -> QueueCounts:
        """Cards left: new, learning (due within learn-ahead), due reviews — the current card included."""
        return QueueCounts(new=len(self._new), learning=len(self._learning), due=len(self._review))

    def intervals(self) -> dict[int, str]:
        """Each answer button's next interval for the current card, as Anki writes it ({} when done)."""
        return {rating: format_interval(span) for rating, span in self.interval_spans().items()}

    def interval_spans(self) -> dict[int, timedelta]:
        """Each answer button's next interval for the current card ({} when done)."""
        card_id = self.current()
        if card_id is None:
            return {}
        now = self.clock()
        state = self.collection.row_for_id(card_id)["fsrs"] or self.study.new_state(card_id, now)
        return self.study.preview_intervals(state, now)

    def answer(self, rating: int, duration_ms: int | None = None) -> ReviewOutcome:
        """Answer the current card, store the review and move on.

        Args:
            rating: 1 Again, 2 Hard, 3 Good, 4 Easy.
            duration_ms: time from showing the card to answering.
        Returns:
            The scheduling outcome.
        Raises:
            RuntimeError: when there is no card to answer.
        """
        card_id = self.current()
        if card_id is None:
            raise RuntimeError("no card to answer")
        now = self.clock()
        siblings = self._siblings_to_bury(card_id)
        review_id, outcome = record_review(self.collection, self.study, card_id, rating, now, duration_ms,
                                           siblings, self.tomorrow(now))
        for answered_or_buried in (card_id, *siblings):
            self._remove(answered_or_buried)
        if _in_learning(outcome.state_json) and outcome.due <= now + self.learn_ahead:
            bisect.insort(self._learning, (outcome.due, card_id))  # comes back within this session
        self._history.append(_Answered(review_id, card_id, now, siblings))
        self._shown = None
        return outcome

    def _siblings_to_bury(self, card_id: str) -> tuple[str, ...]:
        """As Anki does: the other new and review cards of the answered card's sentence wait until tomorrow,
        so one cloze does not give away the next. Learning siblings stay (their steps are short)."""
        if not self.study.settings.bury_siblings:
            return ()
        return tuple(cid for cid in self.collection.sibling_ids(card_id) if cid in self._new or cid in self._review)

    def tomorrow(self, now: datetime | None = None) -> datetime:
        """When today's burying ends: the next local midnight."""
        return start_of_day(now or self.clock(), self.tz) + timedelta(days=1)

    def put_back(self, card_id: str) -> None:
        """Bring a card that was set aside back into the queue, as the next card shown."""
        self._remove(card_id)
        self._put_back(card_id, self.collection.row_for_id(card_id)["fsrs"])
        self._shown = card_id

    def set_aside(self, card_id: str) -> None:
        """Take a card out of this session without answering it (buried, suspended or deleted meanwhile)."""
        self._remove(card_id)
        if self._shown == card_id:
            self._shown = None

    def undo(self) -> str | None:
        """Take back this session's last answer; the card is shown again next.

        Returns:
            The card id, or None when this session has nothing to undo (or a newer review from
            elsewhere sits on top, which undoing would remove instead).
        """
        if not self._history or not self._is_newest(self._history[-1]):
            return None
        card_id = self.collection.undo_last_review()
        answered = self._history.pop()  # the collection unburied its siblings: they come back too
        for sibling in (card_id, *answered.buried):
            self._remove(sibling)
            self._put_back(sibling, self.collection.row_for_id(sibling)["fsrs"])
        self._shown = card_id
        return card_id

    def _is_newest(self, answered: _Answered) -> bool:
        newer = self.collection.reviews(since=answered.reviewed_at)
        return bool(newer) and newer[-1]["id"] == answered.review_id

    def _remove(self, card_id: str) -> None:
        self._learning = [entry for entry in self._learning if entry[1] != card_id]  # a handful
        for queue in (self._review, self._new):  # thousands: list.remove scans in C
            if card_id in queue:
                queue.remove(card_id)

    def _put_back(self, card_id: str, state: str | None) -> None:
        if queue_of(state, self.clock()) == NEW:
            self._new.insert(0, card_id)
        elif _in_learning(state):
            bisect.insort(self._learning, (_due(state), card_id))
        else:
            self._review.insert(0, card_id)

    @property
    def answered(self) -> int:
        """How many answers this session holds (after undo)."""
        return len(self._history)

    @property
    def cards_answered(self) -> int:
        """How many different cards were answered (a card failed and relearned counts once)."""
        return len({answered.card_id for answered in self._history})


def today_counts(collection: Collection, study: Study, document_id: str | None = None,
                 section_id: str | None = None, clock: Clock = utc_now, tz: tzinfo | None = None) -> QueueCounts:
    """What studying a scope now would show (Anki's deck overview): the counts of the queue a session builds."""
    now = clock()
    new, learning, due = collection.study_counts(document_id, section_id, now, now + LEARN_AHEAD,
                                                 new_left_today(collection, study, now, tz))
    return QueueCounts(new=new, learning=learning, due=due)


def _due(state_json: str) -> datetime:
    return _utc_time(json.loads(state_json)["due"])


def _utc_time(text: str) -> datetime:
    return utc(datetime.fromisoformat(text))


def _in_learning(state_json: str | None) -> bool:
    if state_json is None:
        return False
    state = json.loads(state_json)
    return state["state"] in _LEARNING_STATES and state.get("last_review") is not None


# ----- mastery ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mastery:
    """How well a section is known, counted honestly.

    A card counts only once it has graduated to review (FSRS state Review), and then by its
    predicted recall now: new cards, cards in learning and cards failed and relearning count 0.
    So a card just rated Again lowers its section at once.
    """
    cards: int  # studied cards in the subtree
    learned: int  # of them, in review
    recall: float  # sum of the learned cards' predicted recall now

    @property
    def value(self) -> float:
        """0–1: the share of the section one would recall now, unseen cards counted as forgotten."""
        return self.recall / self.cards if self.cards else 0.0

    def __add__(self, other: "Mastery") -> "Mastery":
        return Mastery(self.cards + other.cards, self.learned + other.learned, self.recall + other.recall)


_NOTHING = Mastery(0, 0, 0.0)


def section_mastery(collection: Collection, document_id: str, now: datetime, study: Study) -> dict[str, Mastery]:
    """Each section's mastery (its subtree's cards), and the whole document's under the key "".

    Args:
        collection: the collection.
        document_id: the document whose outline is shown.
        now: the time asked about.
        study: the scheduler (its weights predict recall).
    Returns:
        {section id: Mastery}; sections without studied cards are left out.
    """
    per_card = {row["id"]: _card_mastery(row, now, study) for row in collection.study_rows(document_id)}
    by_section: dict[str, Mastery] = {}
    for card_id, section_id in collection.card_sections(document_id).items():
        by_section[section_id] = by_section.get(section_id, _NOTHING) + per_card.get(card_id, Mastery(1, 0, 0.0))
    mastery: dict[str, Mastery] = {}
    whole = _NOTHING
    for top in collection.document(document_id).sections:
        whole += _subtree_mastery(top, by_section, mastery)
    if whole.cards:
        mastery[""] = whole
    return mastery


def _card_mastery(row: Mapping, now: datetime, study: Study) -> Mastery:
    if row["fsrs"] is None or row["state"] != fsrs.State.Review.value:
        return Mastery(1, 0, 0.0)
    return Mastery(1, 1, study.recall(row["stability"], row["last_review"], now))


def _subtree_mastery(section, by_section: dict[str, Mastery], out: dict[str, Mastery]) -> Mastery:
    """Fill `out` for a section and its subsections; returns the subtree's total."""
    total = by_section.get(section.id, _NOTHING)
    for child in section.children:
        total += _subtree_mastery(child, by_section, out)
    if total.cards:
        out[section.id] = total
    return total


# ----- rendering --------------------------------------------------------------------------------

def _html_lines(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def question_html(kind: str, front: str) -> str:
    """The question side as HTML: text escaped; every cloze deletion shown as [...] (or [hint]).

    Args:
        kind: "basic" or "cloze".
        front: the card's front (cloze markup for a cloze card).
    Returns:
        HTML for a rich-text label.
    """
    if kind != CLOZE:
        return _html_lines(front)
    return _cloze_html(front, lambda text, hint: f"<b>[{html.escape(hint) if hint else '...'}]</b>")


def answer_html(kind: str, front: str) -> str:
    """The answer side's main text: a cloze front with its deletions bold (a basic card's front unchanged)."""
    if kind != CLOZE:
        return _html_lines(front)
    return _cloze_html(front, lambda text, hint: f"<b>{_html_lines(text)}</b>")


def _cloze_html(front: str, deletion: Callable[[str, str | None], str]) -> str:
    parts, last = [], 0
    for match in _CLOZE_RE.finditer(front):
        parts += [_html_lines(front[last:match.start()]), deletion(match.group(2), match.group(3))]
        last = match.end()
    parts.append(_html_lines(front[last:]))
    return "".join(parts)


def cloze_deletions(front: str) -> list[str]:
    """The deleted texts of a cloze front, in reading order."""
    return [match.group(2) for match in _CLOZE_RE.finditer(front)]


def expected_answer(kind: str, front: str, back: str) -> str:
    """What a quiz expects: a basic card's back; a cloze card's deleted text(s), joined by 、."""
    if kind == CLOZE:
        deleted = cloze_deletions(front)
        if deleted:
            return "、".join(deleted)
    return back


def question_text(kind: str, front: str) -> str:
    """The question as plain text (a cloze front with [...] for each deletion)."""
    if kind != CLOZE:
        return front
    return _CLOZE_RE.sub(lambda m: f"[{m.group(3) or '...'}]", front)
