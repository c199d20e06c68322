"""Deadlines on the Beijing working-day calendar, stored in UTC; each deadline notice raised exactly once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from services.clues import clocks, commands
from services.clues import events as ev
from services.clues.clocks import CALENDAR_2026, WEEKENDS_ONLY, DeadlineKind, DeadlineState, WorkCalendar
from services.clues.model import Clue
from tests.unit.clues import builders as b

BEIJING = timezone(timedelta(hours=8))  # fixed offset, independent of the zoneinfo database under test


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A Beijing wall-clock time, as the aware UTC moment the domain deals in."""
    return datetime(year, month, day, hour, minute, second, tzinfo=BEIJING).astimezone(UTC)


def end_of(year: int, month: int, day: int) -> datetime:
    """The Beijing midnight that ends the day."""
    return bj(year, month, day) + timedelta(days=1)


# --- the working-day calendar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 6), True),  # Friday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 1, 1), False),  # 元旦, Thursday
        (date(2026, 1, 4), True),  # Sunday, make-up working day
        (date(2026, 2, 14), True),  # Saturday, make-up for 春节
        (date(2026, 2, 16), False),  # 除夕, Monday
        (date(2026, 2, 23), False),  # 正月初七, Monday, still holiday
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # Saturday, make-up
        (date(2026, 4, 6), False),  # 清明, Monday
        (date(2026, 5, 5), False),  # 劳动节, Tuesday
        (date(2026, 5, 9), True),  # Saturday, make-up
        (date(2026, 6, 19), False),  # 端午, Friday
        (date(2026, 9, 20), True),  # Sunday, make-up
        (date(2026, 9, 25), False),  # 中秋, Friday
        (date(2026, 10, 7), False),  # 国庆, Wednesday
        (date(2026, 10, 10), True),  # Saturday, make-up
        (date(2027, 1, 1), True),  # 2027's schedule is not in the default calendar: a Friday counts
    ],
)
def test_the_2026_calendar(day: date, working: bool) -> None:
    assert CALENDAR_2026.is_working_day(day) is working


def test_the_2026_schedule_has_its_days() -> None:
    assert len(CALENDAR_2026.holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert len(CALENDAR_2026.workdays) == 6
    assert all(d.weekday() >= 5 for d in CALENDAR_2026.workdays)  # make-up days fall on weekends


def test_a_day_is_not_both_holiday_and_working_day() -> None:
    with pytest.raises(ValueError, match="both"):
        WorkCalendar(holidays=frozenset({date(2026, 1, 4)}), workdays=frozenset({date(2026, 1, 4)}))


def test_calendars_merge() -> None:
    extra = WorkCalendar(holidays=frozenset({date(2027, 1, 1)}))
    merged = CALENDAR_2026.merged(extra)
    assert not merged.is_working_day(date(2027, 1, 1)) and not merged.is_working_day(date(2026, 1, 1))


@pytest.mark.parametrize(
    ("start", "days", "calendar", "expected"),
    [
        (date(2026, 3, 2), 5, WEEKENDS_ONLY, date(2026, 3, 9)),  # Monday: Tue–Fri, Mon
        (date(2026, 3, 6), 5, WEEKENDS_ONLY, date(2026, 3, 13)),  # Friday: across one weekend
        (date(2026, 3, 7), 5, WEEKENDS_ONLY, date(2026, 3, 13)),  # Saturday: Mon–Fri
        (date(2026, 3, 8), 1, WEEKENDS_ONLY, date(2026, 3, 9)),  # Sunday: Monday
        (date(2026, 3, 6), 1, WEEKENDS_ONLY, date(2026, 3, 9)),
        (date(2026, 9, 30), 5, CALENDAR_2026, date(2026, 10, 13)),  # National Day week; make-up Sat 10 Oct
        (date(2026, 9, 30), 5, WEEKENDS_ONLY, date(2026, 10, 7)),
        (date(2026, 2, 12), 5, CALENDAR_2026, date(2026, 2, 26)),  # 13, make-up Sat 14, 24, 25, 26
        (date(2026, 2, 13), 1, CALENDAR_2026, date(2026, 2, 14)),  # the make-up Saturday is the next working day
        (date(2026, 4, 3), 1, CALENDAR_2026, date(2026, 4, 7)),  # Friday before 清明: Sat–Mon off
        (date(2026, 12, 31), 5, CALENDAR_2026, date(2027, 1, 7)),  # into a year without a schedule
    ],
)
def test_working_days_are_counted_from_the_next_day(
    start: date, days: int, calendar: WorkCalendar, expected: date
) -> None:
    assert calendar.add_working_days(start, days) == expected


def test_a_period_has_at_least_one_working_day() -> None:
    with pytest.raises(ValueError):
        WEEKENDS_ONLY.add_working_days(date(2026, 3, 2), 0)
    with pytest.raises(ValueError):
        clocks.feedback_due(b.T0, 0)


def test_a_calendar_without_working_days_is_refused_rather_than_looping() -> None:
    start = date(2026, 1, 1)
    every_day = frozenset(start + timedelta(days=i) for i in range(800))
    with pytest.raises(ValueError, match="no working day"):
        WorkCalendar(holidays=every_day).add_working_days(start, 1)


# --- the acknowledgement and feedback deadlines -------------------------------------------------------


def test_acknowledge_within_five_working_days_to_the_end_of_the_last() -> None:
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0)) == end_of(2026, 3, 9) == b.ACK_DUE
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0)).tzinfo is UTC
    assert clocks.acknowledge_due(bj(2026, 3, 6, 17, 30)) == end_of(2026, 3, 13)  # over a weekend


def test_beijing_midnight_decides_the_day_of_transfer() -> None:
    friday_late = datetime(2026, 3, 6, 15, 59, 59, tzinfo=UTC)  # Friday 23:59:59 in Beijing
    saturday = datetime(2026, 3, 6, 16, 0, tzinfo=UTC)  # Saturday 00:00 in Beijing, still Friday in UTC
    assert clocks.beijing_date(friday_late) == date(2026, 3, 6)
    assert clocks.beijing_date(saturday) == date(2026, 3, 7)
    assert clocks.acknowledge_due(friday_late, 1, WEEKENDS_ONLY) == end_of(2026, 3, 9)
    assert clocks.acknowledge_due(saturday, 1, WEEKENDS_ONLY) == end_of(2026, 3, 9)
    sunday_night = datetime(2026, 3, 8, 16, 0, tzinfo=UTC)  # Monday 00:00 in Beijing
    assert clocks.acknowledge_due(sunday_night, 1, WEEKENDS_ONLY) == end_of(2026, 3, 10)
    assert end_of(2026, 3, 9) == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)


def test_holidays_and_make_up_days_move_the_acknowledgement_deadline() -> None:
    # Transferred on Tuesday 29 Sep: Wed 30 Sep, then 1–7 Oct off, Thu 8, Fri 9, Sat 10 (make-up), Mon 12
    assert clocks.acknowledge_due(bj(2026, 9, 29, 10, 0)) == end_of(2026, 10, 12)
    assert clocks.acknowledge_due(bj(2026, 9, 29, 10, 0), calendar=WEEKENDS_ONLY) == end_of(2026, 10, 6)
    # A holiday passed in (a local one, or next year's schedule) is not a working day
    local = WorkCalendar(holidays=frozenset({date(2026, 3, 4)}))
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0), 5, local) == end_of(2026, 3, 10)
    # A make-up Saturday passed in is one
    makeup = WorkCalendar(workdays=frozenset({date(2026, 3, 7)}))
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0), 5, makeup) == end_of(2026, 3, 7)


def test_the_number_of_working_days_is_a_setting() -> None:
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0), 3) == end_of(2026, 3, 5)
    assert clocks.acknowledge_due(bj(2026, 3, 2, 9, 0), 10) == end_of(2026, 3, 16)


def test_feedback_within_ninety_calendar_days_to_the_end_of_the_last() -> None:
    assert clocks.feedback_due(bj(2026, 3, 4, 9, 0)) == end_of(2026, 6, 2) == b.FEEDBACK_DUE
    assert clocks.feedback_due(bj(2026, 3, 4, 23, 59)) == end_of(2026, 6, 2)
    assert clocks.feedback_due(bj(2026, 3, 5, 0, 0)) == end_of(2026, 6, 3)  # Beijing midnight, UTC still 4 March
    assert clocks.feedback_due(bj(2026, 10, 1, 12, 0)) == end_of(2026, 12, 30)  # holidays do not matter
    assert clocks.feedback_due(bj(2026, 3, 4, 9, 0), 30) == end_of(2026, 4, 3)


def test_in_time_is_before_the_midnight_that_ends_the_last_day() -> None:
    due = end_of(2026, 3, 9)
    assert clocks.in_time(due - timedelta(microseconds=1), due)
    assert not clocks.in_time(due, due)
    assert not clocks.is_overdue(due, due - timedelta(microseconds=1))
    assert clocks.is_overdue(due, due)


@pytest.mark.parametrize(
    "call",
    [
        lambda: clocks.acknowledge_due(datetime(2026, 1, 5)),
        lambda: clocks.feedback_due(datetime(2026, 1, 5)),
        lambda: clocks.beijing_date(datetime(2026, 1, 5)),
        lambda: clocks.due_deadlines(DeadlineState(None, None, frozenset()), datetime(2026, 1, 5)),
        lambda: Clue.transfer("c", b.SERVICE, b.transfer_command(), datetime(2026, 3, 2, 9)),
        lambda: b.transferred().acknowledge(b.COMMISSION, datetime(2026, 3, 3, 9)),
        lambda: b.transferred().raise_due_deadlines(datetime(2026, 3, 3, 9)),
    ],
)
def test_naive_times_are_refused(call: object) -> None:
    with pytest.raises(ValueError, match="naive"):
        call()  # type: ignore[operator]


def test_an_aware_time_in_another_zone_is_stored_in_utc() -> None:
    clue = Clue.transfer("c", b.SERVICE, b.transfer_command(), b.T0.astimezone(BEIJING))
    assert clue.transferred_at == b.T0 and clue.transferred_at.utcoffset() == timedelta(0)
    assert clue.acknowledge_due_at.tzinfo is UTC


# --- exactly once -------------------------------------------------------------------------------------


def state(raised: frozenset[str] = frozenset(), ack: bool = True, feedback: bool = True) -> DeadlineState:
    return DeadlineState(
        acknowledge_due_at=b.ACK_DUE if ack else None,
        feedback_due_at=b.FEEDBACK_DUE if feedback else None,
        raised=raised,
    )


def kinds(found: list[clocks.DueDeadline]) -> list[str]:
    return [d.kind.value for d in found]


def test_acknowledgement_is_overdue_from_the_end_of_its_last_day() -> None:
    only_ack = state(feedback=False)
    assert clocks.due_deadlines(only_ack, b.ACK_DUE - timedelta(microseconds=1)) == []
    assert kinds(clocks.due_deadlines(only_ack, b.ACK_DUE)) == ["acknowledge_overdue"]
    assert clocks.due_deadlines(state(frozenset({"acknowledge_overdue"}), feedback=False), b.ACK_DUE) == []


def test_feedback_due_soon_a_week_before_and_overdue_at_the_end() -> None:
    only = state(ack=False)
    soon = b.FEEDBACK_DUE - timedelta(days=7)
    assert clocks.due_deadlines(only, soon - timedelta(microseconds=1)) == []
    assert kinds(clocks.due_deadlines(only, soon)) == ["feedback_due_soon"]
    assert kinds(clocks.due_deadlines(only, b.FEEDBACK_DUE - timedelta(microseconds=1))) == ["feedback_due_soon"]
    assert kinds(clocks.due_deadlines(only, b.FEEDBACK_DUE)) == ["feedback_overdue"]
    raised = state(frozenset({"feedback_due_soon"}), ack=False)
    assert clocks.due_deadlines(raised, soon) == []
    assert kinds(clocks.due_deadlines(raised, b.FEEDBACK_DUE)) == ["feedback_overdue"]
    assert clocks.due_deadlines(state(frozenset({"feedback_overdue"}), ack=False), b.FEEDBACK_DUE) == []


def test_next_check_is_the_earliest_moment_something_new_can_be_due() -> None:
    assert clocks.next_check_at(state(ack=False, feedback=False)) is None
    assert clocks.next_check_at(state(feedback=False)) == b.ACK_DUE
    assert clocks.next_check_at(state(frozenset({"acknowledge_overdue"}), feedback=False)) is None
    assert clocks.next_check_at(state(ack=False)) == b.FEEDBACK_DUE - timedelta(days=7)
    assert clocks.next_check_at(state(frozenset({"feedback_due_soon"}), ack=False)) == b.FEEDBACK_DUE
    assert clocks.next_check_at(state(frozenset({"feedback_overdue"}), ack=False)) is None
    assert clocks.next_check_at(state()) == b.ACK_DUE


def test_nothing_is_due_at_the_next_check_minus_a_tick_and_something_is_at_it() -> None:
    for current in (state(feedback=False), state(ack=False), state(frozenset({"feedback_due_soon"}), ack=False)):
        moment = clocks.next_check_at(current)
        assert moment is not None
        assert clocks.due_deadlines(current, moment - timedelta(microseconds=1)) == []
        assert clocks.due_deadlines(current, moment) != []


def tick_through(clue: Clue, start: datetime, end: datetime, step: timedelta = timedelta(hours=6)) -> list[ev.Event]:
    raised: list[ev.Event] = []
    moment = start
    while moment < end:
        raised += clue.raise_due_deadlines(moment)
        moment += step
    raised += clue.raise_due_deadlines(moment)
    raised += clue.raise_due_deadlines(moment)  # a restart repeats a tick: nothing new
    return raised


def test_a_scheduler_ticking_through_a_clues_life_raises_each_notice_exactly_once() -> None:
    clue = b.transferred()
    clue.events.clear()
    raised = tick_through(clue, b.T0, b.ACK_DUE + timedelta(days=3))
    acknowledged_at = b.ACK_DUE + timedelta(days=3, hours=1)
    clue.acknowledge(b.COMMISSION, acknowledged_at)
    clue.accept(b.COMMISSION, commands.AcceptClue(), acknowledged_at + timedelta(hours=1))
    feedback_due = clue.deadline_state().feedback_due_at
    assert feedback_due is not None and clue.next_check_at() == feedback_due - timedelta(days=7)
    raised += tick_through(clue, acknowledged_at + timedelta(hours=1), feedback_due + timedelta(days=10))
    assert [type(e) for e in raised] == [ev.AcknowledgeOverdue, ev.FeedbackDueSoon, ev.FeedbackOverdue]
    notices = (ev.AcknowledgeOverdue, ev.FeedbackDueSoon, ev.FeedbackOverdue)
    assert [e for e in clue.events if isinstance(e, notices)] == raised
    assert clue.raised_deadlines == {"acknowledge_overdue", "feedback_due_soon", "feedback_overdue"}
    assert raised[0].due_at == b.ACK_DUE  # type: ignore[attr-defined]
    assert raised[2].due_at == feedback_due  # type: ignore[attr-defined]
    assert clue.next_check_at() is None
    assert clue.acknowledgement is not None and not clue.acknowledgement.on_time


def test_a_scheduler_that_was_down_raises_overdue_but_not_a_stale_due_soon() -> None:
    clue = b.accepted()
    raised = clue.raise_due_deadlines(b.FEEDBACK_DUE + timedelta(days=1))
    assert [type(e) for e in raised] == [ev.FeedbackOverdue]
    assert clue.raise_due_deadlines(b.FEEDBACK_DUE + timedelta(days=2)) == []


def test_an_acknowledged_clue_awaits_no_acknowledgement_and_a_closed_one_nothing() -> None:
    clue = b.acknowledged()
    assert clue.deadline_state() == DeadlineState(None, None, frozenset())
    assert clue.raise_due_deadlines(b.ACK_DUE + timedelta(days=30)) == []
    for done in (b.declined(), b.closed()):
        assert done.deadline_state().feedback_due_at is None
        assert done.raise_due_deadlines(b.FEEDBACK_DUE + timedelta(days=300)) == []
        assert done.next_check_at() is None


def test_in_time_steps_raise_nothing() -> None:
    clue = b.closed()  # acknowledged the next day, feedback after 60 days
    assert clue.acknowledgement is not None and clue.acknowledgement.on_time
    assert clue.feedback is not None and clue.feedback.on_time
    assert clue.raised_deadlines == set()


def test_late_feedback_is_recorded_as_late() -> None:
    clue = b.disposed()
    clue.give_feedback(b.COMMISSION, commands.GiveFeedback("已了结"), b.FEEDBACK_DUE)
    assert clue.feedback is not None and not clue.feedback.on_time
    assert isinstance(clue.events[-1], ev.FeedbackGiven) and not clue.events[-1].on_time


def test_the_deadlines_are_settings_of_the_transitions() -> None:
    clue = Clue.transfer("c", b.SERVICE, b.transfer_command(), b.T0, acknowledge_days=1, calendar=WEEKENDS_ONLY)
    assert clue.acknowledge_due_at == end_of(2026, 3, 3)
    clue.acknowledge(b.COMMISSION, b.ACKNOWLEDGED_AT)
    clue.accept(b.COMMISSION, commands.AcceptClue(), b.ACCEPTED_AT, feedback_days=30)
    assert clue.acceptance is not None and clue.acceptance.feedback_due_at == end_of(2026, 4, 3)


def test_deadline_kinds_name_the_events() -> None:
    names = {ev.AcknowledgeOverdue.name, ev.FeedbackDueSoon.name, ev.FeedbackOverdue.name}
    assert {k.value for k in DeadlineKind} == names
