"""The clock the services read: passed in as a function so that tests can move time by hand; and the
Beijing calendar every deadline is counted in (computed in Asia/Shanghai, stored in UTC)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]
SHANGHAI = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """Every time in a domain is timezone-aware UTC; a naive one is a programming error."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()}: every time in the domain is timezone-aware")
    return moment.astimezone(UTC)


def beijing_date(moment: datetime) -> date:
    """The date on the Beijing wall clock (2026-03-06 16:00 UTC is already 7 March)."""
    return as_utc(moment).astimezone(SHANGHAI).date()


def end_of_day(day: date) -> datetime:
    """The Beijing midnight that ends ``day``, in UTC (a deadline "by 30 June" ends there)."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=SHANGHAI).astimezone(UTC)
