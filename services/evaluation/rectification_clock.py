"""The clock of the rectification ledger (整改台账): due dates and the notices that count down to them.

Due date. 3 months by default (Lianjiang, Huangshi: "3个月内书面报告整改落实情况"), or 1–24 months, or an
explicit Beijing date: the end of that Beijing day (Asia/Shanghai has no daylight saving), stored in UTC;
months are calendar months from the day of raising, a day the target month lacks being clamped to its last
(31 January + 1 month is the end of 28 or 29 February).

Deadlines. While the unit owes something (open, rectifying) a *due soon* notice is raised 7 days before the
due moment and an *overdue* notice at it; each once per due date (the key of a notice names its due date,
so a reopening with a new due date starts a new clock, one without does not raise again), and once overdue
the due-soon notice is skipped. ``next_notice_at`` tells the scheduler when to look next.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.evaluation.domain import as_utc
from wulian.kit.clock import beijing_date, end_of_day
from wulian.kit.problems import Problems

DEFAULT_MONTHS = 3
MONTHS_MIN, MONTHS_MAX = 1, 24
DUE_SOON_NOTICE = timedelta(days=7)


def due_day(due_at: datetime) -> date:
    """The Beijing day a due moment ends (the date a clerk writes as 完成时限)."""
    return beijing_date(due_at - timedelta(microseconds=1))


def rectification_due(start: datetime, months: int = DEFAULT_MONTHS) -> datetime:
    """The end of the Beijing day ``months`` calendar months after the Beijing day of ``start``, clamped to
    the target month's last day."""
    if months < 1:
        raise ValueError("a rectification period is at least one month long")
    day = beijing_date(start)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return end_of_day(date(year, month, min(day.day, calendar.monthrange(year, month)[1])))


def due_from(
    problems: Problems,
    *,
    months: int | None,
    due_on: date | None,
    start: datetime,
    now: datetime,
    default_months: int | None = DEFAULT_MONTHS,
) -> datetime | None:
    """The due moment that ``months`` (counted from ``start``) or ``due_on`` name, ``default_months`` when
    neither does; a problem on ``months`` or ``due_on`` when it is out of range or already past. None when
    there is a problem, or nothing is given and there is no default."""
    if months is not None and due_on is not None:
        problems.add("due_on", "整改期限按月数或按日期指定，只能选其一")
        return None
    if due_on is not None:
        if due_on <= beijing_date(now):
            problems.add("due_on", "整改完成日期须晚于今天")
        elif end_of_day(due_on) > rectification_due(now, MONTHS_MAX):
            problems.add("due_on", f"整改完成日期不能晚于 {MONTHS_MAX} 个月之后")
        else:
            return end_of_day(due_on)
        return None
    months = default_months if months is None else months
    if months is None:
        return None
    if not MONTHS_MIN <= months <= MONTHS_MAX:
        problems.add("months", f"整改期限须为 {MONTHS_MIN} 至 {MONTHS_MAX} 个月")
        return None
    due = rectification_due(start, months)
    if due <= as_utc(now):
        problems.add("months", "按该月数计算的整改期限已过")
        return None
    return due


class NoticeKind(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def notice_key(kind: NoticeKind, due_at: datetime) -> str:
    """A notice is raised once per due date: its key names both."""
    return f"{kind.value}@{as_utc(due_at).isoformat()}"


def due_notices(due_at: datetime | None, raised: frozenset[str], now: datetime) -> list[NoticeKind]:
    """The notice due at ``now`` and not raised before for ``due_at``: at most one, overdue before due soon."""
    now = as_utc(now)
    if due_at is None:
        return []
    if now >= due_at:
        kind = NoticeKind.OVERDUE
    elif now >= due_at - DUE_SOON_NOTICE and notice_key(NoticeKind.OVERDUE, due_at) not in raised:
        kind = NoticeKind.DUE_SOON
    else:
        return []
    return [] if notice_key(kind, due_at) in raised else [kind]


def next_notice_at(due_at: datetime | None, raised: frozenset[str]) -> datetime | None:
    """The earliest moment at which ``due_notices`` may return something new."""
    if due_at is None or notice_key(NoticeKind.OVERDUE, due_at) in raised:
        return None
    if notice_key(NoticeKind.DUE_SOON, due_at) in raised:
        return due_at
    return due_at - DUE_SOON_NOTICE
