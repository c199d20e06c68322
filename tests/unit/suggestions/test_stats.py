"""Counts per unit and per deputy, on a hand-made register whose expectations were counted by hand, and
on a seed-sized random register counted a second, naive way."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from services.suggestions.domain import Satisfaction, Status
from services.suggestions.stats import (
    DeputyStats,
    SuggestionSummary,
    UnitStats,
    deputy_stats,
    summary_of,
    unit_stats,
)
from tests.unit.suggestions import builders as b

C = datetime(2026, 3, 4, 1, 0, tzinfo=UTC)  # confirmation
D = datetime(2026, 6, 4, 1, 0, tzinfo=UTC)  # reply due
H = timedelta(hours=1)
SAT, BASIC, DISSAT = Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED, Satisfaction.DISSATISFIED


def s(
    sid: str, deputy: str, status: Status, lead: str = "", co: tuple[str, ...] = (), **kw: object
) -> SuggestionSummary:
    year = int(kw.pop("year", 2026))  # type: ignore[call-overload]
    confirmed = C if lead else None
    return SuggestionSummary(
        sid, year, deputy, status, lead_unit=lead, co_units=co, confirmed_at=confirmed,
        reply_due_at=D if lead else None, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


REGISTER = [
    s("s1", "d1", Status.CLOSED, "transport", ("housing",), contacted_at={"transport": C + H, "housing": C + 50 * H},
      first_replied_at=D - 24 * H, latest_overall=SAT),
    s("s2", "d1", Status.CLOSED, "housing", ("transport",),
      contacted_at={"transport": C + 48 * H, "housing": C + 2 * H}, first_replied_at=D + timedelta(seconds=1),
      latest_overall=DISSAT, rehandlings=2, escalated=True),
    s("s3", "d2", Status.ASSIGNED, "transport", escalated=True),
    s("s4", "d2", Status.CLOSED, "water", ("transport", "housing"), cosigners=("d1",),
      contacted_at={"water": C + H, "transport": C + 3 * H}, first_replied_at=D, latest_overall=BASIC, rehandlings=1),
    s("s5", "d3", Status.SUBMITTED),
    s("s6", "d1", Status.CLOSED, "transport", contacted_at={"transport": C + H}, first_replied_at=C + 24 * H,
      latest_overall=SAT, year=2027),
    s("s7", "d3", Status.DRAFT, year=0),
]  # fmt: skip


def unit_row(u: UnitStats) -> tuple[object, ...]:
    v = u.verdicts
    return (
        u.year, u.unit, u.assigned, u.as_lead, u.contacted, u.contacted_within_48h, u.replied, u.replied_on_time,
        v.evaluated, v.satisfied, v.basically_satisfied, v.dissatisfied, u.satisfaction_rate, u.rehandled, u.escalated,
    )  # fmt: skip


def deputy_row(d: DeputyStats) -> tuple[object, ...]:
    v = d.verdicts
    return (
        d.year, d.deputy_subject, d.submitted, d.cosigned, d.assigned, d.replied, d.closed, v.evaluated, v.satisfied,
        v.basically_satisfied, v.dissatisfied, d.rehandled, d.escalated,
    )  # fmt: skip


def test_unit_stats_count_every_assignment_and_give_outcomes_to_the_lead_unit() -> None:
    # year, unit, assigned, as_lead, contacted, in 48 h, replied, on time, evaluated, sat, basic, dissat,
    # rate, re-handled, escalated — counted by hand from REGISTER
    assert [unit_row(u) for u in unit_stats(REGISTER)] == [
        (2026, "housing", 3, 1, 2, 1, 1, 0, 1, 0, 0, 1, 0.0, 1, 1),
        (2026, "transport", 4, 2, 3, 3, 1, 1, 1, 1, 0, 0, 1.0, 0, 1),
        (2026, "water", 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1.0, 1, 0),
        (2027, "transport", 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1.0, 0, 0),
    ]


def test_deputy_stats_count_submissions_cosignatures_and_outcomes() -> None:
    # year, deputy, submitted, co-signed, assigned, replied, closed, evaluated, sat, basic, dissat, re-handled,
    # escalated
    assert [deputy_row(d) for d in deputy_stats(REGISTER)] == [
        (2026, "d1", 2, 1, 2, 2, 2, 2, 1, 0, 1, 1, 1),
        (2026, "d2", 2, 0, 2, 1, 1, 1, 0, 1, 0, 1, 1),
        (2026, "d3", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        (2027, "d1", 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0),
    ]


def test_a_year_filter_keeps_that_year_only() -> None:
    assert [(u.year, u.unit) for u in unit_stats(REGISTER, year=2027)] == [(2027, "transport")]
    assert [(d.year, d.deputy_subject) for d in deputy_stats(REGISTER, year=2027)] == [(2027, "d1")]
    assert unit_stats(REGISTER, year=2025) == []


def test_the_satisfaction_rate_is_unknown_until_someone_evaluates() -> None:
    (row,) = unit_stats([s("s3", "d2", Status.ASSIGNED, "transport")])
    assert row.satisfaction_rate is None
    two_of_three = unit_stats(
        [s(f"x{i}", "d", Status.CLOSED, "u", latest_overall=o) for i, o in enumerate((SAT, BASIC, DISSAT))]
    )
    assert two_of_three[0].satisfaction_rate == pytest.approx(2 / 3)


def test_summaries_of_aggregates() -> None:
    closed = summary_of(b.closed())
    assert (closed.year, closed.lead_unit, closed.co_units, closed.confirmed_at) == (
        2026, "transport", ("housing",), b.CONFIRMED_AT,
    )  # fmt: skip
    assert (closed.first_replied_at, closed.reply_due_at, closed.replied_on_time) == (b.REPLIED_AT, b.REPLY_DUE, True)
    assert (closed.latest_overall, closed.rehandlings, closed.status) == (SAT, 0, Status.CLOSED)
    assert set(closed.contacted_at) == {"transport"}
    again = summary_of(b.rehandling())
    assert (again.latest_overall, again.rehandlings, again.reply_due_at) == (DISSAT, 1, b.REPLY_DUE)
    proposed = summary_of(b.proposed())
    assert (proposed.lead_unit, proposed.confirmed_at) == ("", None)  # a proposal is no assignment yet
    with pytest.raises(ValueError):
        summary_of(b.draft())


def test_a_seed_sized_register_counted_a_second_naive_way() -> None:
    """187 suggestions over 40 units in one year (Huangshi 2023): every one replied, some late, some
    dissatisfied; each unit's row equals a count made by filtering the register unit by unit."""
    rng = random.Random(2023)
    units = [f"unit-{n:02d}" for n in range(40)]
    register = []
    for n in range(187):
        lead, *co = rng.sample(units, rng.choice((1, 1, 2, 3)))
        confirmed = C + timedelta(days=rng.randrange(200))
        contacted = {u: confirmed + timedelta(hours=rng.choice((1, 24, 48, 49, 72))) for u in (lead, *co)}
        due = confirmed + timedelta(days=91)
        register.append(
            SuggestionSummary(
                f"s{n}", 2023, f"d{n % 30}", Status.CLOSED, lead_unit=lead, co_units=tuple(co),
                confirmed_at=confirmed, contacted_at=contacted, reply_due_at=due,
                first_replied_at=due + timedelta(days=rng.choice((-30, -1, 0, 2))),
                latest_overall=rng.choice((SAT, SAT, SAT, BASIC, DISSAT)), rehandlings=rng.choice((0, 0, 0, 1, 2)),
                escalated=rng.random() < 0.05,
            )
        )  # fmt: skip
    rows = {u.unit: u for u in unit_stats(register)}
    assert sum(u.as_lead for u in rows.values()) == 187
    for unit, row in rows.items():
        mine = [r for r in register if unit == r.lead_unit or unit in r.co_units]
        led = [r for r in register if r.lead_unit == unit]
        in_time = [r for r in mine if r.contacted_at[unit] - r.confirmed_at <= timedelta(hours=48)]  # type: ignore[operator]
        on_time = [r for r in led if r.first_replied_at <= r.reply_due_at]  # type: ignore[operator]
        happy = [r for r in led if r.latest_overall in (SAT, BASIC)]
        assert (row.assigned, row.as_lead, row.contacted_within_48h, row.replied_on_time) == (
            len(mine), len(led), len(in_time), len(on_time),
        )  # fmt: skip
        assert row.verdicts.dissatisfied == sum(r.latest_overall is DISSAT for r in led)
        assert row.satisfaction_rate == (len(happy) / len(led) if led else None)
        assert (row.rehandled, row.escalated) == (sum(r.rehandlings > 0 for r in led), sum(r.escalated for r in led))
    deputies = deputy_stats(register)
    assert sum(d.submitted for d in deputies) == 187 and len(deputies) == 30
