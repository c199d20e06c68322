"""The year in the seed, handled step by step through the handlers and counted by ``handlers.get_stats``.

From the seeds:

- 004 (Huangshi, 意见建议联办): "2023年，187件代表建议全部办结并答复代表" — 187 suggestions of 2023, every one
  replied and closed; units contact the deputy within 48 hours of the joint assignment (联合交办, proposed by
  congress staff, confirmed by the government's supervision office); the congress escalates suggestions
  with outstanding problems to the discipline commission (联合督办).
- 003 (Jiangbei, 建议办理质效测评): the deputy grades attitude, method and effect (好/较好/差) and gives an overall
  verdict (满意/基本满意/不满意); units whose deputies' satisfaction fell below 60% were marked down. Here one
  unit ends below 60% and every other one above.

Not in the seeds, chosen here: 40 handling units (the issue), 60 deputies, ~1.5 units per suggestion, one
unit in ten contacting the deputy late, 15% of first replies late, and the verdict paths in ``PATHS``
(a dissatisfied verdict sends a suggestion back; after two re-handlings a dissatisfied verdict closes it).

Every step goes through ``handlers.submit_suggestion`` / ``act`` / ``evaluate`` at its own moment on a
clock moved forward, so each is a transaction of the real persistence path. The expected figures are
counted from the plan below alone, not from the aggregates or ``stats``.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from services.suggestions import commands, domain, handlers
from services.suggestions.model import Suggestion
from tests.integration.suggestions.conftest import CLERK, LEADER, OFFICE, Clock, who
from wulian.kit.db import Database
from wulian.kit.principal import Principal

SUGGESTIONS = 187  # seed 004
YEAR = 2023  # seed 004
UNITS = tuple(f"unit-{i:02d}" for i in range(1, 41))
POOR_UNIT = UNITS[-1]  # leads five suggestions, three of them closed dissatisfied: 40% (seed 003: < 60%)
STAFF = {unit: who("gov_department", subject=f"{unit}-staff", org_unit=unit) for unit in UNITS}
DEPUTIES = tuple(who("deputy", subject=f"deputy-{i:02d}") for i in range(1, 61))
SESSION_OPENS = datetime(2023, 1, 10, 1, 0, tzinfo=UTC)  # 09:00 in Beijing
TEXT = domain.SubmitSuggestion("关于推进老旧小区加装电梯的建议", "建议简化审批，加大补贴。", "urban_construction")
# The deputy's verdicts, in order; the last one closes the suggestion. Weights out of 100.
PATHS: dict[tuple[str, ...], int] = {
    ("satisfied",): 55,
    ("basically_satisfied",): 25,
    ("dissatisfied", "satisfied"): 10,
    ("dissatisfied", "basically_satisfied"): 5,
    ("dissatisfied", "dissatisfied", "satisfied"): 5,
}
CLOSED_DISSATISFIED = ("dissatisfied", "dissatisfied", "dissatisfied")


def days(n: float) -> timedelta:
    return timedelta(days=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


@dataclass(frozen=True)
class Plan:
    """One suggestion's year: who, which units, how late, which verdicts."""

    deputy: Principal
    cosigners: tuple[str, ...]
    submitted_at: datetime
    lead: str
    co_units: tuple[str, ...]
    complex: bool
    contact_delays: dict[str, timedelta]  # per unit; over 48 hours for a late one
    reply_after: timedelta  # from confirmation; 200 days is late even for a complex one (6 months)
    verdicts: tuple[str, ...]
    escalated: bool

    @property
    def units(self) -> tuple[str, ...]:
        return (self.lead, *self.co_units)

    @property
    def confirmed_at(self) -> datetime:
        return self.submitted_at + days(4)

    @property
    def late_contacts(self) -> set[str]:
        return {unit for unit, delay in self.contact_delays.items() if delay > hours(48)}

    @property
    def reply_late(self) -> bool:
        return self.reply_after > days(190)


def plans(seed: int = 2023) -> list[Plan]:
    rng = random.Random(seed)
    leads = [POOR_UNIT] * 5 + [UNITS[i % 39] for i in range(SUGGESTIONS - 5)]
    paths: list[tuple[str, ...]] = [CLOSED_DISSATISFIED] * 3 + [("satisfied",)] * 2
    paths += rng.choices(list(PATHS), weights=list(PATHS.values()), k=SUGGESTIONS - 5)
    return [plan(rng, i, lead, path) for i, (lead, path) in enumerate(zip(leads, paths, strict=True))]


def plan(rng: random.Random, index: int, lead: str, verdicts: tuple[str, ...]) -> Plan:
    deputy = DEPUTIES[index % len(DEPUTIES)]
    others = [d.subject for d in DEPUTIES if d is not deputy]
    co_units = tuple(rng.sample([u for u in UNITS if u != lead], rng.choices((0, 1, 2), weights=(60, 30, 10))[0]))
    units = (lead, *co_units)
    return Plan(
        deputy=deputy,
        cosigners=tuple(rng.sample(others, rng.choice((0, 0, 1, 2)))),
        submitted_at=SESSION_OPENS + days(index * 0.9) + hours(rng.uniform(0, 8)),
        lead=lead,
        co_units=co_units,
        complex=rng.random() < 0.1,
        contact_delays={u: hours(rng.uniform(50, 120) if rng.random() < 0.1 else rng.uniform(2, 40)) for u in units},
        reply_after=days(200) if rng.random() < 0.15 else days(rng.uniform(30, 80)),
        verdicts=verdicts,
        escalated=verdicts == CLOSED_DISSATISFIED or index % 60 == 7,  # and a few reported as concentrated
    )


# --- the plan, step by step through the handlers ---------------------------------------------------------


Step = tuple[datetime, int, Callable[[], None]]


class Scenario:
    """Steps of many suggestions, each run at its moment through a handler, in one timeline."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock
        self.ids: dict[int, str] = {}  # plan index → the id the handler gave the suggestion
        self.steps: list[Step] = []

    def at(self, moment: datetime, step: Callable[[], None]) -> None:
        self.steps.append((moment, len(self.steps), step))

    def act_at(
        self, moment: datetime, principal: Principal, index: int, method: Callable[..., None], *args: Any
    ) -> None:
        """``handlers.act`` at ``moment``, applying ``method(suggestion, principal, *args, now)``."""

        def action(suggestion: Suggestion, now: datetime) -> None:
            method(suggestion, principal, *args, now)

        def step() -> None:
            with self.db.session() as session:
                handlers.act(session, principal, self.ids[index], action, self.clock)

        self.at(moment, step)

    def run(self) -> None:
        """Every step at its moment, in the order of time, the clock moved forward to each."""
        for moment, _, step in sorted(self.steps, key=lambda s: (s[0], s[1])):
            self.clock.advance(seconds=(moment - self.clock.now).total_seconds())
            step()

    def submit(self, index: int, deputy: Principal) -> None:
        with self.db.session() as session:
            self.ids[index] = handlers.submit_suggestion(session, deputy, TEXT, self.clock).id

    def evaluate(self, index: int, deputy: Principal, overall: str) -> None:
        comment = "办理不到位" if overall == "dissatisfied" else ""
        verdict = commands.EvaluateHandling("good", "fair", "fair", overall, comment)
        with self.db.session() as session:
            handlers.evaluate(session, deputy, self.ids[index], verdict, self.clock)


def schedule(s: Scenario, i: int, p: Plan) -> None:
    s.at(p.submitted_at, lambda: s.submit(i, p.deputy))
    for subject in p.cosigners:
        s.act_at(p.submitted_at + hours(1), p.deputy, i, Suggestion.add_cosigner, commands.AddCosigner(subject))
    proposal = commands.ProposeAssignment(p.lead, p.co_units, p.complex, "承办大户提前会商")
    s.act_at(p.submitted_at + days(3), CLERK, i, Suggestion.propose_assignment, proposal)
    s.act_at(p.confirmed_at, OFFICE, i, Suggestion.confirm_assignment)
    for unit, delay in p.contact_delays.items():
        contacted_at = p.confirmed_at + delay
        contact = commands.RecordContact(contacted_at, "visit", "办理科长", "初步沟通办理意见")
        s.act_at(contacted_at, STAFF[unit], i, Suggestion.record_contact, contact)
    for unit in p.co_units:
        opinion = commands.GiveCoUnitOpinion("同意主办单位的办理意见")
        s.act_at(p.confirmed_at + days(6), STAFF[unit], i, Suggestion.give_co_unit_opinion, opinion)
    moment = p.confirmed_at + p.reply_after
    for verdict in p.verdicts:
        s.act_at(moment, STAFF[p.lead], i, Suggestion.reply, commands.GiveReply("solved", "已办理"))
        s.at(moment + days(7), functools.partial(s.evaluate, i, p.deputy, verdict))
        moment += days(21)  # the re-handling's reply, within its month
    if p.escalated:
        escalation = commands.Escalate(("repeatedly_dissatisfied", "concentrated"), "代表多次不满意")
        s.act_at(moment, LEADER, i, Suggestion.escalate, escalation)


# --- what the year should count, from the plan alone -----------------------------------------------------


def expected_units(year_plans: list[Plan]) -> dict[str, dict[str, Any]]:
    rows: dict[str, Counter[str]] = {}
    for p in year_plans:
        for unit in p.units:
            row = rows.setdefault(unit, Counter())
            late = unit in p.late_contacts
            row.update(assigned=1, contacted=1, contacted_within_48h=not late, contact_overdue=late)
        rows[p.lead].update(as_lead=1, replied=1, replied_on_time=not p.reply_late, evaluated=1, **{
            p.verdicts[-1]: 1, "rehandled": len(p.verdicts) > 1, "escalated": p.escalated,
        })  # fmt: skip
    return {unit: {"unit": unit, "year": YEAR, **zero_unit_counts(), **row} for unit, row in rows.items()}


def zero_unit_counts() -> dict[str, int]:
    names = (
        "assigned", "as_lead", "contacted", "contacted_within_48h", "contact_overdue", "replied", "replied_on_time",
        "evaluated", "satisfied", "basically_satisfied", "dissatisfied", "rehandled", "escalated",
    )  # fmt: skip
    return dict.fromkeys(names, 0)


def expected_deputies(year_plans: list[Plan]) -> dict[str, dict[str, Any]]:
    rows: dict[str, Counter[str]] = {}
    for p in year_plans:
        rows.setdefault(p.deputy.subject, Counter()).update(
            submitted=1, assigned=1, replied=1, closed=1, evaluated=1,
            **{p.verdicts[-1]: 1, "rehandled": len(p.verdicts) > 1, "escalated": p.escalated},
        )  # fmt: skip
        for subject in p.cosigners:
            rows.setdefault(subject, Counter()).update(cosigned=1)
    names = (
        "submitted", "cosigned", "assigned", "replied", "closed", "evaluated", "satisfied", "basically_satisfied",
        "dissatisfied", "rehandled", "escalated",
    )  # fmt: skip
    return {s: {"deputy_subject": s, "year": YEAR, **dict.fromkeys(names, 0), **row} for s, row in rows.items()}


# --- the test ------------------------------------------------------------------------------------------


def test_the_seed_year_counts_as_planned(db: Database) -> None:
    year_plans = plans()
    clock = Clock(SESSION_OPENS - hours(1))
    scenario = Scenario(db, clock)
    for index, p in enumerate(year_plans):
        schedule(scenario, index, p)
    scenario.run()

    with db.session() as session:
        stats = handlers.get_stats(session, CLERK, YEAR, clock)
        all_years = handlers.get_stats(session, CLERK, 0, clock)
    assert all_years == stats

    units, deputies = expected_units(year_plans), expected_deputies(year_plans)
    assert [row["unit"] for row in stats.units] == sorted(units) == list(UNITS)
    for row in stats.units:
        assert row == units[row["unit"]], row["unit"]
    assert [row["deputy_subject"] for row in stats.deputies] == sorted(deputies)
    for row in stats.deputies:
        assert row == deputies[row["deputy_subject"]], row["deputy_subject"]

    totals = Counter[str]()
    for row in stats.units:
        totals.update({k: v for k, v in row.items() if isinstance(v, int) and k != "year"})
    assert totals["as_lead"] == totals["replied"] == totals["evaluated"] == SUGGESTIONS  # 全部答复 (seed 004)
    assert sum(row["closed"] for row in stats.deputies) == SUGGESTIONS  # 全部办结 (seed 004)
    assert 0 < totals["replied_on_time"] < SUGGESTIONS and totals["contact_overdue"] > 0
    below_60 = {r["unit"] for r in stats.units if (r["satisfied"] + r["basically_satisfied"]) < 0.6 * r["evaluated"]}
    assert below_60 == {POOR_UNIT}  # seed 003: the mark below which a unit was marked down
