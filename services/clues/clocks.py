"""The deadlines of a clue: counted on the Beijing calendar, stored and returned in UTC.

- **Acknowledge (签收)** within ``acknowledge_days`` working days of the transfer (default 5).
- **Feedback (反馈)** within ``feedback_days`` calendar days of the acceptance (default 90, about the
  three months that the Huangshi links give a reply or a rectification report; the seeds set no period
  for clues). "Due soon" is 7 days before, as for suggestions.

Both are settings. Days are counted as Chinese administrative periods are: the day on which the period
starts does not count, and a deadline runs to the end (Beijing midnight) of its last day. A due moment is
therefore the Beijing midnight that *ends* the period: a step taken before it is in time, and the
deadline is overdue from that moment on (``now >= due_at``).

Working days are Monday to Friday, except the public holidays of a ``WorkCalendar`` and including its
make-up working days (调休上班). The calendar is data passed in; ``CALENDAR_2026`` holds the State Council's
schedule for 2026 (国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025). Other years count
weekends only until their schedule is added.

Every datetime in and out is timezone-aware; a naive one is a programming error (``ValueError``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from wulian.kit.clock import as_utc, beijing_date, end_of_day

DEFAULT_ACKNOWLEDGE_DAYS = 5
DEFAULT_FEEDBACK_DAYS = 90
DUE_SOON_NOTICE = timedelta(days=7)
MAX_WORKING_DAYS = 366  # a guard against a calendar that has no working day


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def days_between(start: date, end: date) -> frozenset[date]:
    """Every date from ``start`` to ``end``, both included."""
    return frozenset(_days(start, end))


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Which days are working days: weekdays, less ``holidays``, plus ``workdays`` (调休 make-up days)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        both = self.holidays & self.workdays
        if both:
            raise ValueError(f"a day cannot be both a holiday and a make-up working day: {sorted(both)}")

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day not in self.holidays and day.weekday() < 5

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself does not count)."""
        if days < 1:
            raise ValueError("a period of working days is at least one day long")
        day, counted = start, 0
        for _ in range(days + MAX_WORKING_DAYS):
            day += timedelta(days=1)
            counted += self.is_working_day(day)
            if counted == days:
                return day
        raise ValueError("the calendar has no working day for a year")

    def merged(self, other: WorkCalendar) -> WorkCalendar:
        return WorkCalendar(self.holidays | other.holidays, self.workdays | other.workdays)


def _d(month: int, day: int) -> date:
    return date(2026, month, day)


# 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): the holidays (放假调休) and the make-up working days.
CALENDAR_2026 = WorkCalendar(
    holidays=(
        days_between(_d(1, 1), _d(1, 3))  # 元旦
        | days_between(_d(2, 15), _d(2, 23))  # 春节
        | days_between(_d(4, 4), _d(4, 6))  # 清明节
        | days_between(_d(5, 1), _d(5, 5))  # 劳动节
        | days_between(_d(6, 19), _d(6, 21))  # 端午节
        | days_between(_d(9, 25), _d(9, 27))  # 中秋节
        | days_between(_d(10, 1), _d(10, 7))  # 国庆节
    ),
    workdays=frozenset({_d(1, 4), _d(2, 14), _d(2, 28), _d(5, 9), _d(9, 20), _d(10, 10)}),
)
DEFAULT_CALENDAR = CALENDAR_2026
WEEKENDS_ONLY = WorkCalendar()


def acknowledge_due(
    transferred_at: datetime, days: int = DEFAULT_ACKNOWLEDGE_DAYS, calendar: WorkCalendar = DEFAULT_CALENDAR
) -> datetime:
    """The end of the ``days``-th working day after the day of transfer."""
    return end_of_day(calendar.add_working_days(beijing_date(transferred_at), days))


def feedback_due(accepted_at: datetime, days: int = DEFAULT_FEEDBACK_DAYS) -> datetime:
    """The end of the ``days``-th calendar day after the day of acceptance."""
    if days < 1:
        raise ValueError("a feedback period is at least one day long")
    return end_of_day(beijing_date(accepted_at) + timedelta(days=days))


def due_soon_at(due_at: datetime) -> datetime:
    return as_utc(due_at) - DUE_SOON_NOTICE


def in_time(done_at: datetime, due_at: datetime) -> bool:
    """Done before the due moment (the midnight that ends the last day)."""
    return as_utc(done_at) < as_utc(due_at)


def is_overdue(due_at: datetime, now: datetime) -> bool:
    return as_utc(now) >= as_utc(due_at)


class DeadlineKind(StrEnum):
    ACKNOWLEDGE_OVERDUE = "acknowledge_overdue"
    FEEDBACK_DUE_SOON = "feedback_due_soon"
    FEEDBACK_OVERDUE = "feedback_overdue"


@dataclass(frozen=True, slots=True)
class DeadlineState:
    """What a scheduler needs of one clue; a due moment is None when that step is not awaited.

    ``raised`` holds the keys of notices already raised (a clue has at most one of each kind, so the key
    is the kind's value) — stored with the clue, so that each notice is raised exactly once."""

    acknowledge_due_at: datetime | None
    feedback_due_at: datetime | None
    raised: frozenset[str]


@dataclass(frozen=True, slots=True)
class DueDeadline:
    kind: DeadlineKind
    due_at: datetime

    @property
    def key(self) -> str:
        return self.kind.value


def _acknowledge_notice(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    due = state.acknowledge_due_at
    if due is None or not is_overdue(due, now):
        return []
    return [DueDeadline(DeadlineKind.ACKNOWLEDGE_OVERDUE, due)]


def _feedback_notice(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    """At most one feedback notice: once overdue, "due soon" is no longer news and is skipped."""
    due = state.feedback_due_at
    if due is None:
        return []
    if is_overdue(due, now):
        return [DueDeadline(DeadlineKind.FEEDBACK_OVERDUE, due)]
    if now >= due_soon_at(due):
        return [DueDeadline(DeadlineKind.FEEDBACK_DUE_SOON, due)]
    return []


def due_deadlines(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    """The deadline notices due at ``now`` and not raised before, so that each is raised once."""
    now = as_utc(now)
    due = _acknowledge_notice(state, now) + _feedback_notice(state, now)
    return [deadline for deadline in due if deadline.key not in state.raised]


def next_check_at(state: DeadlineState) -> datetime | None:
    """The earliest moment at which ``due_deadlines`` may return something new (for a scheduler's index)."""
    moments: list[datetime] = []
    if state.acknowledge_due_at is not None and DeadlineKind.ACKNOWLEDGE_OVERDUE.value not in state.raised:
        moments.append(state.acknowledge_due_at)
    if state.feedback_due_at is not None and DeadlineKind.FEEDBACK_OVERDUE.value not in state.raised:
        if DeadlineKind.FEEDBACK_DUE_SOON.value in state.raised:
            moments.append(state.feedback_due_at)
        else:
            moments.append(due_soon_at(state.feedback_due_at))
    return min(moments, default=None)
