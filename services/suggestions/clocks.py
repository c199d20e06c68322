"""The deadlines of a suggestion: computed in Beijing time, stored and returned in UTC.

48 hours to contact the deputy and 3 months to reply (6 if complex) run from the confirmation of the
assignment (Huangshi, 联合交办; only a confirmed assignment starts the clocks); a dissatisfied verdict
gives 1 month to handle again; "due soon" is 7 days before a reply is due. Months are calendar months
on the Shanghai wall clock, clamped to the month's end (30 Nov + 3 months = 28 Feb).

Every datetime in and out is timezone-aware; a naive one is a programming error (``ValueError``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from services.suggestions.domain import SHANGHAI
from wulian.kit.clock import as_utc

CONTACT_WINDOW = timedelta(hours=48)
DUE_SOON_NOTICE = timedelta(days=7)
REPLY_MONTHS = 3
COMPLEX_REPLY_MONTHS = 6
REHANDLING_MONTHS = 1


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus calendar months on the Shanghai wall clock, clamped to the month's last day."""
    local = as_utc(moment).astimezone(SHANGHAI)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day).astimezone(UTC)


def contact_due(confirmed_at: datetime) -> datetime:
    return as_utc(confirmed_at) + CONTACT_WINDOW


def reply_due(confirmed_at: datetime, complex_: bool = False) -> datetime:
    return add_months(confirmed_at, COMPLEX_REPLY_MONTHS if complex_ else REPLY_MONTHS)


def due_soon_at(due_at: datetime) -> datetime:
    return as_utc(due_at) - DUE_SOON_NOTICE


def rehandling_due(evaluated_at: datetime) -> datetime:
    return add_months(evaluated_at, REHANDLING_MONTHS)


def contacted_in_time(confirmed_at: datetime, contacted_at: datetime | None) -> bool:
    """Contact at exactly 48 hours still counts as within 48 hours."""
    return contacted_at is not None and as_utc(contacted_at) <= contact_due(confirmed_at)


class DeadlineKind(StrEnum):
    CONTACT_OVERDUE = "contact_overdue"
    REPLY_DUE_SOON = "reply_due_soon"
    REPLY_OVERDUE = "reply_overdue"


def deadline_key(kind: DeadlineKind, *, unit: str = "", round_: int = 0) -> str:
    """The name under which a raised deadline is remembered: one per unit for contact, one per
    handling round for the reply (a re-handling has its own due date, so its own notices)."""
    if kind is DeadlineKind.CONTACT_OVERDUE:
        return f"{kind.value}:{unit}"
    return f"{kind.value}:{round_}"


@dataclass(frozen=True, slots=True)
class DeadlineState:
    """What a scheduler needs of one suggestion. ``reply_due_at`` is None when no reply is awaited."""

    contact_due_at: datetime | None
    uncontacted_units: tuple[str, ...]
    reply_due_at: datetime | None
    round: int
    raised: frozenset[str]


@dataclass(frozen=True, slots=True)
class DueDeadline:
    kind: DeadlineKind
    due_at: datetime
    unit: str = ""
    round: int = 0

    @property
    def key(self) -> str:
        return deadline_key(self.kind, unit=self.unit, round_=self.round)


def _contact_overdue(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    if state.contact_due_at is None or now <= state.contact_due_at:
        return []
    return [DueDeadline(DeadlineKind.CONTACT_OVERDUE, state.contact_due_at, unit=u) for u in state.uncontacted_units]


def _reply_notice(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    """At most one reply notice: once overdue, "due soon" is no longer news and is skipped."""
    due = state.reply_due_at
    if due is None:
        return []
    if now > due:
        return [DueDeadline(DeadlineKind.REPLY_OVERDUE, due, round=state.round)]
    if now >= due_soon_at(due):
        return [DueDeadline(DeadlineKind.REPLY_DUE_SOON, due, round=state.round)]
    return []


def due_deadlines(state: DeadlineState, now: datetime) -> list[DueDeadline]:
    """The deadline notices due at ``now`` and not raised before, so that each is raised once."""
    now = as_utc(now)
    due = _contact_overdue(state, now) + _reply_notice(state, now)
    return [deadline for deadline in due if deadline.key not in state.raised]


def next_check_at(state: DeadlineState) -> datetime | None:
    """The earliest moment at which ``due_deadlines`` may return something new (for a scheduler's index)."""
    moments: list[datetime] = []
    if state.uncontacted_units and state.contact_due_at is not None:
        keys = {deadline_key(DeadlineKind.CONTACT_OVERDUE, unit=u) for u in state.uncontacted_units}
        if not keys <= state.raised:
            moments.append(state.contact_due_at + timedelta(microseconds=1))
    if state.reply_due_at is not None:
        soon = deadline_key(DeadlineKind.REPLY_DUE_SOON, round_=state.round)
        late = deadline_key(DeadlineKind.REPLY_OVERDUE, round_=state.round)
        if soon not in state.raised and late not in state.raised:
            moments.append(due_soon_at(state.reply_due_at))
        elif late not in state.raised:
            moments.append(state.reply_due_at + timedelta(microseconds=1))
    return min(moments, default=None)
