"""The statistics the database computes (``repository.unit_stats_rows`` / ``deputy_stats_rows``) against the
pure reference definitions (``stats.unit_stats`` / ``deputy_stats``), on a seeded random register stored in
SQLite and PostgreSQL; and who sees which rows through ``handlers.get_stats``.

The register is built by driving aggregates with their own methods at chosen moments (two years, 12 units,
15 deputies, co-signers, every state including drafts, contacts on time, at exactly 48 hours, late and never,
replies on time, at the due moment and late, every verdict, re-handlings up to the limit, escalations) and
stored with ``repository.insert_new``. Each suggestion's plan (when it was confirmed, which units contacted the
deputy when) is kept beside it, so that ``contact_overdue`` is counted a third way, from the plan alone.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from services.suggestions import commands, handlers, repository
from services.suggestions.domain import Status, SubmitSuggestion, submission_year
from services.suggestions.model import Suggestion
from services.suggestions.stats import DeputyStats, UnitStats, deputy_stats, summary_of, unit_stats
from tests.integration.suggestions.conftest import CLERK, LEADER, OFFICE, who
from wulian.kit.db import Database
from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal

UNITS = tuple(f"unit-{i:02d}" for i in range(1, 13))
STAFF = {unit: who("gov_department", subject=f"{unit}-staff", org_unit=unit) for unit in UNITS}
DEPUTIES = tuple(who("deputy", subject=f"deputy-{i:02d}") for i in range(1, 16))
SUBMITTERS = DEPUTIES[:-1]  # deputy-15 only co-signs: a deputy row made of co-signatures alone
COMMISSION = who("discipline_commission", subject="commission-1")
COURT = who("court", subject="court-1", org_unit="court")
NOW = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)  # the moment the statistics are asked for
START = datetime(2024, 12, 31, 16, 0, tzinfo=UTC)  # 2025-01-01 00:00 in Beijing
NEW_YEAR_2026 = datetime(2025, 12, 31, 16, 0, tzinfo=UTC)  # Beijing midnight: the year of a number changes
TEXT = SubmitSuggestion("关于改善城区交通的建议", "建议增设公交专用道。", "transport")
VERDICTS = ("satisfied", "basically_satisfied", "dissatisfied")
FORTY_EIGHT_HOURS = timedelta(hours=48)


def days(n: float) -> timedelta:
    return timedelta(days=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


@dataclass
class Planned:
    """A suggestion and what the generator decided for it, kept apart from the aggregate."""

    suggestion: Suggestion
    year: int | None = None
    confirmed_at: datetime | None = None
    units: tuple[str, ...] = ()
    contacted_at: dict[str, datetime] = field(default_factory=dict)


# --- the register ---------------------------------------------------------------------------------------


@functools.cache
def population(seed: int = 20260302, size: int = 300) -> tuple[Planned, ...]:
    rng = random.Random(seed)
    numbers: Counter[int] = Counter()
    return tuple(life(rng, f"s-{index:04d}", numbers) for index in range(size))


def life(rng: random.Random, sid: str, numbers: Counter[int]) -> Planned:
    deputy = rng.choice(SUBMITTERS)
    recent = rng.random() < 0.06  # confirmed in the last days before NOW: some still inside their 48 hours
    at = NOW - hours(60) if recent else submission_moment(rng)
    if rng.random() < 0.06:
        return Planned(drafted(rng, sid, deputy, at))
    year = submission_year(at)
    numbers[year] += 1
    suggestion = Suggestion.submit_new(sid, deputy, TEXT, f"{year}-{numbers[year]:04d}", at)
    cosign(rng, suggestion, deputy, at)
    planned = Planned(suggestion, year)
    handle(rng, planned, deputy, at, recent)
    suggestion.events.clear()
    return planned


def submission_moment(rng: random.Random) -> datetime:
    if rng.random() < 0.05:  # around Beijing's midnight of New Year's Eve
        return NEW_YEAR_2026 + hours(rng.uniform(-1, 1))
    return START + days(rng.uniform(0, 685))


def drafted(rng: random.Random, sid: str, deputy: Principal, at: datetime) -> Suggestion:
    by_clerk = rng.random() < 0.5
    command = commands.DraftSuggestion(TEXT.title, TEXT.content, TEXT.category, deputy.subject, deputy.name)
    draft = Suggestion.draft(sid, CLERK if by_clerk else deputy, command, at)
    cosign(rng, draft, CLERK if by_clerk else deputy, at)  # a draft's co-signers count nowhere
    draft.events.clear()
    return draft


def cosign(rng: random.Random, suggestion: Suggestion, by: Principal, at: datetime) -> None:
    others = [d for d in DEPUTIES if d.subject != suggestion.deputy_subject]
    for cosigner in rng.sample(others, rng.choices((0, 1, 2, 3), weights=(45, 25, 20, 10))[0]):
        suggestion.add_cosigner(by, commands.AddCosigner(cosigner.subject, cosigner.name), at)


def handle(rng: random.Random, p: Planned, deputy: Principal, t: datetime, recent: bool) -> None:
    """Assignment, contacts, reply and verdicts; stops at random in every state, and at NOW."""
    s = p.suggestion
    if rng.random() < 0.07:
        return  # submitted, waiting for a proposal
    t += hours(1) if recent else days(rng.uniform(0.5, 10))
    if rng.random() < 0.1:
        s.propose_assignment(CLERK, proposal(rng), t)
        t += hours(3)
        s.send_back_assignment(OFFICE, commands.SendBackAssignment("主办单位不当"), t)
        t += hours(3)
    s.propose_assignment(CLERK, proposal(rng), t)
    t += hours(rng.uniform(1, 50)) if recent else days(rng.uniform(0.1, 5))
    if rng.random() < 0.07 or t > NOW:
        return  # proposed, waiting for the supervision office
    s.confirm_assignment(OFFICE, t)
    p.confirmed_at, p.units = t, s.assignment.units if s.assignment else ()
    contact(rng, p)
    last = reply_and_evaluate(rng, p, deputy)
    escalate(rng, s, (last or t) + days(rng.uniform(1, 30)))


def proposal(rng: random.Random) -> commands.ProposeAssignment:
    units = rng.sample(UNITS, rng.choices((1, 2, 3, 4), weights=(55, 25, 15, 5))[0])
    return commands.ProposeAssignment(units[0], tuple(units[1:]), rng.random() < 0.15, "已提前会商")


def contact(rng: random.Random, p: Planned) -> None:
    """Each unit contacts the deputy in time, at exactly 48 hours, late, or never."""
    assert p.confirmed_at is not None
    for unit in p.units:
        kind = rng.choices(("in_time", "at_48h", "late", "never"), weights=(68, 4, 18, 10))[0]
        if kind == "never":
            continue
        delay = {"in_time": hours(rng.uniform(0.1, 47.9)), "at_48h": FORTY_EIGHT_HOURS}.get(kind)
        at = p.confirmed_at + (delay or FORTY_EIGHT_HOURS + hours(rng.uniform(0.001, 200)))
        if at <= NOW:
            command = commands.RecordContact(at, "phone", "王科长", "约定现场查看")
            p.suggestion.record_contact(STAFF[unit], command, at)
            p.contacted_at[unit] = at


def reply_and_evaluate(rng: random.Random, p: Planned, deputy: Principal) -> datetime | None:
    """The first reply (on time, at the due moment, or late), then verdicts and re-handlings."""
    s, lead = p.suggestion, p.units[0]
    assert p.confirmed_at is not None and s.reply_due_at is not None
    t = p.confirmed_at + days(rng.uniform(0.5, 20))
    if rng.random() < 0.1 or t > NOW:
        return None  # assigned: units still handling it
    for unit in p.units[1:]:
        s.give_co_unit_opinion(STAFF[unit], commands.GiveCoUnitOpinion("同意主办单位意见"), t)
    kind = rng.choices(("in_time", "at_due", "late"), weights=(70, 5, 25))[0]
    due = s.reply_due_at
    reply_at = {"in_time": t + (due - t) * rng.random(), "at_due": due}.get(kind, due + days(rng.uniform(0, 40)))
    if lead not in s.contacts:
        return None
    reply_at = max(reply_at, p.contacted_at[lead] + hours(1))
    if reply_at > NOW:
        return None
    s.reply(STAFF[lead], commands.GiveReply("planned", "已列入计划。"), reply_at)
    return verdicts(rng, s, deputy, reply_at)


def verdicts(rng: random.Random, s: Suggestion, deputy: Principal, t: datetime) -> datetime:
    lead = STAFF[s.assignment.lead_unit if s.assignment else ""]
    for _ in range(3):  # at most 1 + DEFAULT_MAX_REHANDLINGS verdicts
        if rng.random() < 0.12 or t + days(20) > NOW:
            return t  # replied, waiting for the verdict
        t += days(rng.uniform(1, 20))
        overall = rng.choices(VERDICTS, weights=(40, 25, 35))[0]
        s.evaluate(deputy, commands.EvaluateHandling("good", "fair", "poor", overall, "答复空泛"), t)
        if s.status is Status.CLOSED or rng.random() < 0.15 or t + days(40) > NOW:
            return t  # closed, or being handled again
        t += days(rng.uniform(1, 40))
        s.reply(lead, commands.GiveReply("solved", "已重新办理。"), t)
    return t


def escalate(rng: random.Random, s: Suggestion, t: datetime) -> None:
    if rng.random() > 0.12 or t > NOW:
        return
    reasons = tuple(rng.sample(("overdue", "repeatedly_dissatisfied", "concentrated", "suspected_violation"), 2))
    s.escalate(rng.choice((LEADER, CLERK)), commands.Escalate(reasons, "代表反映比较集中"), t)
    if rng.random() < 0.5 and t + days(10) <= NOW:
        s.respond_to_escalation(COMMISSION, commands.RespondToEscalation(1, "已约谈承办单位"), t + days(10))
    s.events.clear()


# --- expectations --------------------------------------------------------------------------------------


def submitted(register: tuple[Planned, ...]) -> list[Suggestion]:
    return [p.suggestion for p in register if p.suggestion.status is not Status.DRAFT]


def unit_values(u: UnitStats) -> dict[str, Any]:
    v = u.verdicts
    return {
        "unit": u.unit, "year": u.year, "assigned": u.assigned, "as_lead": u.as_lead, "contacted": u.contacted,
        "contacted_within_48h": u.contacted_within_48h, "replied": u.replied, "replied_on_time": u.replied_on_time,
        "evaluated": v.evaluated, "satisfied": v.satisfied, "basically_satisfied": v.basically_satisfied,
        "dissatisfied": v.dissatisfied, "rehandled": u.rehandled, "escalated": u.escalated,
    }  # fmt: skip


def deputy_values(d: DeputyStats) -> dict[str, Any]:
    v = d.verdicts
    return {
        "deputy_subject": d.deputy_subject, "year": d.year, "submitted": d.submitted, "cosigned": d.cosigned,
        "assigned": d.assigned, "replied": d.replied, "closed": d.closed, "evaluated": v.evaluated,
        "satisfied": v.satisfied, "basically_satisfied": v.basically_satisfied, "dissatisfied": v.dissatisfied,
        "rehandled": d.rehandled, "escalated": d.escalated,
    }  # fmt: skip


def contact_overdue_by_plan(register: tuple[Planned, ...]) -> Counter[tuple[str, int]]:
    """Per (unit, year): contacted after the 48 hours, or not contacted and the 48 hours past at NOW."""
    counts: Counter[tuple[str, int]] = Counter()
    for p in register:
        if p.confirmed_at is None or p.year is None:
            continue
        due = p.confirmed_at + FORTY_EIGHT_HOURS
        for unit in p.units:
            at = p.contacted_at.get(unit)
            counts[(unit, p.year)] += (at > due) if at is not None else (due < NOW)
    return counts


def test_the_register_covers_every_case() -> None:
    register = population()
    suggestions = [p.suggestion for p in register]
    replies = [s.replies[0] for s in suggestions if s.replies]
    confirmed = [p for p in register if p.confirmed_at is not None]
    assert {s.status for s in suggestions} == set(Status)
    assert {s.evaluations[-1].overall.value for s in suggestions if s.evaluations} == set(VERDICTS)
    assert {s.rehandlings for s in suggestions} == {0, 1, 2}
    assert any(s.escalated for s in suggestions) and any(s.send_backs for s in suggestions)
    assert {p.year for p in register} == {None, 2025, 2026}
    assert any(r.on_time for r in replies) and any(not r.on_time for r in replies)
    assert any(r.replied_at == r.due_at for r in replies)
    delays = [at - p.confirmed_at for p in confirmed for at in p.contacted_at.values() if p.confirmed_at]
    assert FORTY_EIGHT_HOURS in delays
    assert any(d < FORTY_EIGHT_HOURS for d in delays) and any(d > FORTY_EIGHT_HOURS for d in delays)
    uncontacted = [p.confirmed_at for p in confirmed for u in p.units if u not in p.contacted_at]
    assert any(NOW - at > FORTY_EIGHT_HOURS for at in uncontacted if at)
    assert any(NOW - at < FORTY_EIGHT_HOURS for at in uncontacted if at)
    assert "deputy-15" not in {s.deputy_subject for s in suggestions}


# --- the database against the pure definitions ---------------------------------------------------------


@pytest.fixture
def stored(db: Database) -> Iterator[tuple[Planned, ...]]:
    register = population()
    with db.session() as session:
        repository.insert_new(session, [p.suggestion for p in register])
        session.commit()
    yield register


@pytest.mark.parametrize("year", [0, 2025, 2026])
def test_unit_rows_are_the_pure_unit_stats(db: Database, stored: tuple[Planned, ...], year: int) -> None:
    with db.session() as session:
        rows = repository.unit_stats_rows(session, year=year, unit="", now=NOW)
    summaries = [summary_of(s) for s in submitted(stored)]
    expected = [unit_values(u) for u in unit_stats(summaries, year or None)]
    overdue = {(row["unit"], row["year"]): row.pop("contact_overdue") for row in rows}
    assert [(r["year"], r["unit"]) for r in rows] == [(e["year"], e["unit"]) for e in expected]
    for row, want in zip(rows, expected, strict=True):
        assert row == want, f"{want['unit']} {want['year']}"
    by_plan = contact_overdue_by_plan(stored)
    assert overdue == {key: by_plan[key] for key in overdue}
    assert all(count == 0 or key in overdue for key, count in by_plan.items() if not year or key[1] == year)
    assert sum(overdue.values()) > 0


@pytest.mark.parametrize("year", [0, 2025, 2026])
def test_deputy_rows_are_the_pure_deputy_stats(db: Database, stored: tuple[Planned, ...], year: int) -> None:
    with db.session() as session:
        rows = repository.deputy_stats_rows(session, year=year, subject="")
    expected = [deputy_values(d) for d in deputy_stats([summary_of(s) for s in submitted(stored)], year or None)]
    assert [(r["year"], r["deputy_subject"]) for r in rows] == [(e["year"], e["deputy_subject"]) for e in expected]
    for row, want in zip(rows, expected, strict=True):
        assert row == want, f"{want['deputy_subject']} {want['year']}"
    cosign_only = [r for r in rows if r["deputy_subject"] == "deputy-15"]
    assert cosign_only and all(r["submitted"] == 0 and r["cosigned"] > 0 for r in cosign_only)


def test_a_year_without_suggestions_has_no_rows(db: Database, stored: tuple[Planned, ...]) -> None:
    with db.session() as session:
        assert repository.unit_stats_rows(session, year=2024, unit="", now=NOW) == []
        assert repository.deputy_stats_rows(session, year=2024, subject="") == []


# --- who sees what -------------------------------------------------------------------------------------


def stats_for(db: Database, principal: Principal, year: int = 0) -> handlers.StatsRows:
    with db.session() as session:
        return handlers.get_stats(session, principal, year, lambda: NOW)


def test_each_caller_sees_the_rows_of_their_scope(db: Database, stored: tuple[Planned, ...]) -> None:
    everything = stats_for(db, CLERK)
    assert everything.units and everything.deputies
    assert stats_for(db, OFFICE) == everything

    unit = stats_for(db, STAFF["unit-03"])
    assert unit.units == [r for r in everything.units if r["unit"] == "unit-03"] != []
    assert unit.deputies == []

    for deputy in (DEPUTIES[0], DEPUTIES[-1]):
        own = stats_for(db, deputy)
        assert own.units == everything.units
        assert own.deputies == [r for r in everything.deputies if r["deputy_subject"] == deputy.subject] != []

    one_year = stats_for(db, CLERK, 2025)
    assert one_year.units == [r for r in everything.units if r["year"] == 2025]
    assert one_year.deputies == [r for r in everything.deputies if r["year"] == 2025]


def test_a_role_without_a_view_of_suggestions_is_refused(db: Database, stored: tuple[Planned, ...]) -> None:
    with pytest.raises(PermissionDenied):
        stats_for(db, COURT)


@pytest.mark.parametrize("year", [1999, 2101, -1])
def test_a_year_out_of_range_is_refused(db: Database, year: int) -> None:
    with pytest.raises(InvalidArgument) as bad:
        stats_for(db, CLERK, year)
    assert [d["field"] for d in bad.value.details] == ["year"]
