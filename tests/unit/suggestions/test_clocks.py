"""Deadlines on the Beijing calendar, stored in UTC; each deadline notice raised exactly once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.suggestions import clocks
from services.suggestions import events as ev
from services.suggestions.clocks import DeadlineKind, DeadlineState
from tests.unit.suggestions import builders as b

BEIJING = timezone(timedelta(hours=8))  # fixed offset, independent of the zoneinfo database under test


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A Beijing wall-clock time, as the aware UTC moment the domain deals in."""
    return datetime(year, month, day, hour, minute, second, tzinfo=BEIJING).astimezone(UTC)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (bj(2026, 3, 4, 9, 0), 3, bj(2026, 6, 4, 9, 0)),
        (bj(2026, 11, 30, 10, 0), 3, bj(2027, 2, 28, 10, 0)),  # month end clamps
        (bj(2027, 11, 30, 10, 0), 3, bj(2028, 2, 29, 10, 0)),  # leap year
        (bj(2026, 8, 31, 15, 30), 6, bj(2027, 2, 28, 15, 30)),
        (bj(2026, 1, 31, 8, 0), 1, bj(2026, 2, 28, 8, 0)),
        (bj(2026, 12, 15, 12, 0), 1, bj(2027, 1, 15, 12, 0)),  # across the year end
        (bj(2026, 5, 31, 0, 0), 6, bj(2026, 11, 30, 0, 0)),
    ],
)
def test_months_are_added_on_the_beijing_calendar(start: datetime, months: int, expected: datetime) -> None:
    assert clocks.add_months(start, months) == expected
    assert clocks.add_months(start, months).tzinfo is UTC


def test_the_beijing_date_decides_the_month_not_the_utc_date() -> None:
    # 2026-10-31 17:00 UTC is already 1 Nov 01:00 in Beijing: 3 months → 1 Feb (not 31 Jan, not 28 Feb)
    assert clocks.reply_due(datetime(2026, 10, 31, 17, 0, tzinfo=UTC)) == bj(2027, 2, 1, 1, 0)
    # 2026-12-31 15:59 UTC is 31 Dec 23:59 in Beijing: + 3 months → 31 Mar 23:59 Beijing
    assert clocks.reply_due(datetime(2026, 12, 31, 15, 59, tzinfo=UTC)) == bj(2027, 3, 31, 23, 59)
    # one minute later it is 1 Jan in Beijing
    assert clocks.reply_due(datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == bj(2027, 4, 1, 0, 0)
    # 30 Nov 20:00 UTC is 1 Dec 04:00 Beijing: 3 months → 1 Mar, whereas the UTC calendar would say 28 Feb
    assert clocks.reply_due(datetime(2026, 11, 30, 20, 0, tzinfo=UTC)) == bj(2027, 3, 1, 4, 0)


def test_reply_contact_due_soon_and_rehandling_deadlines() -> None:
    confirmed = bj(2026, 3, 4, 9, 0)
    assert clocks.contact_due(confirmed) == bj(2026, 3, 6, 9, 0)
    assert clocks.reply_due(confirmed) == bj(2026, 6, 4, 9, 0)
    assert clocks.reply_due(confirmed, complex_=True) == bj(2026, 9, 4, 9, 0)
    assert clocks.due_soon_at(bj(2026, 6, 4, 9, 0)) == bj(2026, 5, 28, 9, 0)
    assert clocks.rehandling_due(bj(2026, 7, 31, 18, 0)) == bj(2026, 8, 31, 18, 0)
    assert clocks.rehandling_due(bj(2027, 1, 30, 18, 0)) == bj(2027, 2, 28, 18, 0)


def test_contact_at_exactly_48_hours_is_in_time() -> None:
    confirmed = bj(2026, 3, 4, 9, 0)
    assert clocks.contacted_in_time(confirmed, confirmed + timedelta(hours=48))
    assert not clocks.contacted_in_time(confirmed, confirmed + timedelta(hours=48, seconds=1))
    assert not clocks.contacted_in_time(confirmed, None)


@pytest.mark.parametrize(
    "call",
    [
        lambda: clocks.add_months(datetime(2026, 1, 1), 1),
        lambda: clocks.contact_due(datetime(2026, 1, 1)),
        lambda: clocks.reply_due(datetime(2026, 1, 1)),
        lambda: clocks.due_deadlines(DeadlineState(None, (), None, 0, frozenset()), datetime(2026, 1, 1)),
    ],
)
def test_naive_times_are_refused(call: object) -> None:
    with pytest.raises(ValueError, match="naive"):
        call()  # type: ignore[operator]


def state(raised: frozenset[str] = frozenset(), units: tuple[str, ...] = ("a", "b"), round_: int = 0) -> DeadlineState:
    return DeadlineState(
        contact_due_at=bj(2026, 3, 6, 9, 0),
        uncontacted_units=units,
        reply_due_at=bj(2026, 6, 4, 9, 0),
        round=round_,
        raised=raised,
    )


def kinds(found: list[clocks.DueDeadline]) -> list[tuple[str, str, int]]:
    return [(d.kind.value, d.unit, d.round) for d in found]


def test_nothing_is_due_before_48_hours_and_contact_is_overdue_just_after() -> None:
    assert clocks.due_deadlines(state(), bj(2026, 3, 6, 9, 0)) == []
    found = clocks.due_deadlines(state(), bj(2026, 3, 6, 9, 0, 1))
    assert kinds(found) == [("contact_overdue", "a", 0), ("contact_overdue", "b", 0)]
    assert [d.key for d in found] == ["contact_overdue:a", "contact_overdue:b"]


def test_due_soon_starts_seven_days_before_and_overdue_after_the_due_moment() -> None:
    raised = frozenset({"contact_overdue:a", "contact_overdue:b"})
    assert clocks.due_deadlines(state(raised), bj(2026, 5, 28, 8, 59)) == []
    assert kinds(clocks.due_deadlines(state(raised), bj(2026, 5, 28, 9, 0))) == [("reply_due_soon", "", 0)]
    assert kinds(clocks.due_deadlines(state(raised), bj(2026, 6, 4, 9, 0))) == [("reply_due_soon", "", 0)]
    assert kinds(clocks.due_deadlines(state(raised), bj(2026, 6, 4, 9, 1))) == [("reply_overdue", "", 0)]


def test_what_was_raised_is_not_raised_again_and_a_new_round_has_its_own_notices() -> None:
    raised = frozenset({"contact_overdue:a", "contact_overdue:b", "reply_due_soon:0", "reply_overdue:0"})
    assert clocks.due_deadlines(state(raised), bj(2026, 7, 1)) == []
    assert kinds(clocks.due_deadlines(state(raised, round_=1), bj(2026, 7, 1))) == [("reply_overdue", "", 1)]


def test_no_reply_awaited_means_no_reply_notice() -> None:
    quiet = DeadlineState(bj(2026, 3, 6, 9, 0), (), None, 0, frozenset())
    assert clocks.due_deadlines(quiet, bj(2027, 1, 1)) == []
    assert clocks.next_check_at(quiet) is None


def test_next_check_is_the_earliest_moment_something_new_can_be_due() -> None:
    assert clocks.next_check_at(state()) == bj(2026, 3, 6, 9, 0) + timedelta(microseconds=1)
    contacted = state(units=())
    assert clocks.next_check_at(contacted) == bj(2026, 5, 28, 9, 0)
    soon_raised = state(frozenset({"reply_due_soon:0"}), units=())
    assert clocks.next_check_at(soon_raised) == bj(2026, 6, 4, 9, 0) + timedelta(microseconds=1)
    assert clocks.next_check_at(state(frozenset({"reply_overdue:0"}), units=())) is None


def test_a_scheduler_ticking_through_the_life_of_a_suggestion_raises_each_notice_exactly_once() -> None:
    suggestion = b.assigned()  # confirmed 2026-03-04 09:00 Beijing; housing never calls the deputy
    b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=50))  # late, but recorded
    b.opinion(suggestion, b.CONFIRMED_AT + timedelta(days=3))
    suggestion.events.clear()
    raised: list[ev.Event] = []
    moment = b.CONFIRMED_AT
    while moment < b.REPLY_DUE + timedelta(days=3):
        raised += suggestion.raise_due_deadlines(moment)
        moment += timedelta(hours=6)
    raised += suggestion.raise_due_deadlines(moment)  # a restart repeats a tick: nothing new
    assert [(type(e).__name__, getattr(e, "unit", "")) for e in raised] == [
        ("ContactOverdue", "housing"),
        ("ReplyDueSoon", ""),
        ("ReplyOverdue", ""),
    ]
    assert raised == suggestion.events
    overdue = raised[0]
    assert isinstance(overdue, ev.ContactOverdue) and overdue.due_at == clocks.contact_due(b.CONFIRMED_AT)
    assert suggestion.raised_deadlines == {"contact_overdue:housing", "reply_due_soon:0", "reply_overdue:0"}


def test_a_scheduler_that_was_down_raises_overdue_but_not_a_stale_due_soon() -> None:
    suggestion = b.assigned()
    raised = suggestion.raise_due_deadlines(b.REPLY_DUE + timedelta(days=1))
    assert [type(e) for e in raised] == [ev.ContactOverdue, ev.ContactOverdue, ev.ReplyOverdue]


def test_re_handling_has_its_own_due_notices_and_a_closed_suggestion_none() -> None:
    suggestion = b.rehandling()  # evaluated 2026-04-08 01:00 UTC: reply due again 2026-05-08 01:00 UTC
    suggestion.raise_due_deadlines(b.EVALUATED_AT)
    suggestion.events.clear()
    raised = suggestion.raise_due_deadlines(b.EVALUATED_AT + timedelta(days=31))
    assert [(type(e), getattr(e, "round", None)) for e in raised] == [(ev.ReplyOverdue, 1)]
    suggestion.reply(b.TRANSPORT, b.reply_command(), b.EVALUATED_AT + timedelta(days=32))
    suggestion.evaluate(b.DEPUTY, b.verdict("satisfied"), b.EVALUATED_AT + timedelta(days=33))
    assert suggestion.raise_due_deadlines(b.EVALUATED_AT + timedelta(days=400)) == []
    assert suggestion.deadline_state().reply_due_at is None


def test_a_replied_suggestion_awaits_no_reply() -> None:
    suggestion = b.replied()
    assert suggestion.deadline_state().reply_due_at is None
    assert suggestion.deadline_state().uncontacted_units == ("housing",)
    assert [type(e) for e in suggestion.raise_due_deadlines(b.REPLY_DUE + timedelta(days=1))] == [ev.ContactOverdue]


def test_deadline_kinds_name_the_events() -> None:
    assert {k.value for k in DeadlineKind} == {ev.ContactOverdue.name, ev.ReplyDueSoon.name, ev.ReplyOverdue.name}


def test_the_aggregate_refuses_a_naive_now_and_keeps_utc() -> None:
    suggestion = b.proposed()
    with pytest.raises(ValueError, match="naive"):
        suggestion.confirm_assignment(b.OFFICE, datetime(2026, 3, 4, 9, 0))
    suggestion.confirm_assignment(b.OFFICE, bj(2026, 3, 4, 9, 0).astimezone(BEIJING))
    assert suggestion.assignment is not None and suggestion.assignment.confirmed_at is not None
    assert suggestion.assignment.confirmed_at.utcoffset() == timedelta(0)
    assert suggestion.assignment.confirmed_at == b.CONFIRMED_AT
    with pytest.raises(ValueError, match="naive"):
        suggestion.record_contact(b.TRANSPORT, b.contact_command(b.CONFIRMED_AT), datetime(2026, 3, 5))
