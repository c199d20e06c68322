"""Secret ballots on a real database: one ballot per voter under concurrent submission, the stored data that
cannot tie a ballot to a voter, results equal to an independent count, and nothing kept of a cancelled
session."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from sqlalchemy import inspect, select, text

from services.evaluation import ballot_handlers as handlers
from services.evaluation import ballots
from services.evaluation.ballots import CastBallot, Mark, Mode
from services.evaluation.domain import Grade
from tests.integration.evaluation.conftest import Clock
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

T = TypeVar("T")
CLERK = Principal(subject="clerk", name="联络员", body="congress", roles=frozenset({"congress_clerk"}), org_unit="")
ADMIN = Principal(subject="admin", name="管理员", body="platform", roles=frozenset({"platform_admin"}), org_unit="")
DEPARTMENTS = [(f"dept-{n:02d}", f"第{n}局") for n in range(1, 7)]
GRADES = list(Grade)


def deputy(n: int) -> Principal:
    return Principal(
        subject=f"deputy-{n:03d}", name=f"代表{n}", body="congress", roles=frozenset({"deputy"}), org_unit=""
    )


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


def open_session(db: Database, clock: Clock, voters: int, mode: Mode = Mode.GRADES) -> str:
    plan = ballots.SessionPlan(
        title="2026年度政府工作部门满意度测评",
        purpose="appraisal",
        subject_kind="department",
        subjects=tuple(ballots.SubjectInput(ref, name) for ref, name in DEPARTMENTS),
        mode=mode.value,
        electorate=tuple(deputy(n).subject for n in range(voters)),
    )
    shown = run(db, handlers.create, CLERK, ballots.CreateSession(plan), clock)
    run(db, handlers.open_session, CLERK, shown.summary.id, clock)
    return shown.summary.id


def ballot(rng: random.Random) -> CastBallot:
    return CastBallot(tuple(Mark(ref, grade=rng.choice(GRADES).value) for ref, _ in DEPARTMENTS))


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as the database holds them."""
    with db.engine.connect() as conn:
        names = inspect(conn).get_table_names(schema="evaluation" if conn.dialect.name == "postgresql" else None)
        prefix = "evaluation." if conn.dialect.name == "postgresql" else ""
        return {name: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {prefix}{name}"))] for name in names}


def test_results_equal_an_independent_count(db: Database, clock: Clock) -> None:
    session_id = open_session(db, clock, 40)
    rng = random.Random(2019)
    expected: dict[tuple[str, str], int] = {}
    for n in range(37):  # three of the electorate do not vote
        cast = ballot(rng)
        for mark in cast.marks:
            expected[mark.ref, mark.grade] = expected.get((mark.ref, mark.grade), 0) + 1
        run(db, handlers.cast, deputy(n), session_id, cast, clock)
    with pytest.raises(Conflict, match=ballots.RESULTS_HIDDEN):
        run(db, handlers.results, CLERK, session_id)
    assert run(db, handlers.get, CLERK, session_id).summary.ballots_cast == 37  # the turnout, while open
    published = run(db, handlers.close, CLERK, session_id, clock)
    assert published.ballots_cast == 37 and published.electorate == 40
    for row in published.rows:
        assert sum(row.counts.values()) == 37
        assert all(row.counts.get(g, 0) == expected.get((row.ref, g.value), 0) for g in Grade)
    assert run(db, handlers.results, deputy(1), session_id).rows == published.rows
    with pytest.raises(NotFound):
        run(db, handlers.results, ADMIN, session_id)
    with pytest.raises(Conflict):
        run(db, handlers.cast, deputy(38), session_id, ballot(rng), clock)  # after the close


def test_one_ballot_per_voter_when_many_arrive_at_once(db: Database, clock: Clock) -> None:
    voters, tries = 25, 4
    session_id = open_session(db, clock, voters)
    rng = random.Random(7)
    attempts = [(deputy(n), ballot(rng)) for n in range(voters) for _ in range(tries)]
    rng.shuffle(attempts)

    async def one(voter: Principal, cast: CastBallot) -> bool:
        try:
            await db.in_session(handlers.cast, voter, session_id, cast, clock)
            return True
        except Conflict:
            return False

    async def all_at_once() -> list[bool]:
        return await asyncio.gather(*(one(v, c) for v, c in attempts))

    accepted = asyncio.run(all_at_once())
    assert sum(accepted) == voters
    accepted_by = {v.subject for (v, _), ok in zip(attempts, accepted, strict=True) if ok}
    assert len(accepted_by) == voters  # exactly one per voter
    tally = run(db, lambda s: handlers.ballot_store.tally(s, session_id))
    assert tally.ballots_cast == voters
    assert all(sum(tally.get(ref, g.value) for g in Grade) == voters for ref, _ in DEPARTMENTS)


def test_the_stored_data_cannot_tie_a_ballot_to_a_voter(db: Database, clock: Clock) -> None:
    session_id = open_session(db, clock, 10)
    before = dump(db)
    rng = random.Random(11)
    for n in range(10):
        run(db, handlers.cast, deputy(n), session_id, ballot(rng), clock)
    after = dump(db)
    voters = {deputy(n).subject for n in range(10)}
    # The only rows a ballot adds are its receipts: (session, voter), nothing else.
    added = {name: len(after[name]) - len(before.get(name, [])) for name in after}
    assert {name: n for name, n in added.items() if n} == {"ballot_receipt": 10}
    assert sorted(after["ballot_receipt"]) == sorted((session_id, v) for v in voters)
    with db.engine.connect() as conn:
        schema = "evaluation" if conn.dialect.name == "postgresql" else None
        columns = [c["name"] for c in inspect(conn).get_columns("ballot_receipt", schema=schema)]
    assert columns == ["session_id", "voter"]  # no time, no sequence, no ballot id
    # No other table names a voter; the counters hold sums only, in rows made at the opening.
    for name, rows in after.items():
        if name != "ballot_receipt":
            assert not any(str(v) in map(str, row) for row in rows for v in voters), name
    assert len(after["ballot_counter"]) == len(before["ballot_counter"]) == len(DEPARTMENTS) * len(Grade)
    # Equal contents whoever voted: swapping two voters' ballots leaves the same stored counters.
    assert sum(value for *_, value in after["ballot_counter"]) == 10 * len(DEPARTMENTS)


def test_a_refused_ballot_writes_nothing(db: Database, clock: Clock) -> None:
    session_id = open_session(db, clock, 5)
    before = dump(db)
    incomplete = CastBallot((Mark(DEPARTMENTS[0][0], grade="satisfied"),))
    with pytest.raises(InvalidArgument):
        run(db, handlers.cast, deputy(1), session_id, incomplete, clock)
    with pytest.raises(PermissionDenied):
        run(db, handlers.cast, deputy(9), session_id, ballot(random.Random(1)), clock)  # not in the electorate
    run(db, handlers.cast, deputy(1), session_id, ballot(random.Random(1)), clock)
    with pytest.raises(Conflict, match=ballots.ALREADY_VOTED):
        run(db, handlers.cast, deputy(1), session_id, ballot(random.Random(2)), clock)
    after = dump(db)
    assert len(after["ballot_receipt"]) == len(before["ballot_receipt"]) + 1
    assert sum(v for *_, v in after["ballot_counter"]) == len(DEPARTMENTS)


def test_a_cancelled_session_keeps_nothing_of_its_ballots(db: Database, clock: Clock) -> None:
    session_id = open_session(db, clock, 5)
    for n in range(4):
        run(db, handlers.cast, deputy(n), session_id, ballot(random.Random(n)), clock)
    run(db, handlers.cancel, CLERK, session_id, ballots.CancelSession("到会代表不足"), clock)
    after = dump(db)
    assert after["ballot_receipt"] == [] and after["ballot_counter"] == []


def test_score_mode_sums_and_histograms(db: Database, clock: Clock) -> None:
    session_id = open_session(db, clock, 4, Mode.SCORE)
    scores = [[90, 80, 70, 60, 50, 100], [85, 75, 65, 55, 45, 95], [80, 70, 60, 50, 40, 90]]
    for n, row in enumerate(scores):
        cast = CastBallot(tuple(Mark(ref, score=s) for (ref, _), s in zip(DEPARTMENTS, row, strict=True)))
        run(db, handlers.cast, deputy(n), session_id, cast, clock)
    published = run(db, handlers.close, CLERK, session_id, clock)
    first = published.row("dept-06")
    assert first.rank == 1 and (first.minimum, first.maximum) == (90, 100)
    with db.session() as session:
        stored = session.execute(select(text("count(*)")).select_from(text("ballot_counter"))).scalar_one()
    assert stored == len(DEPARTMENTS) * (ballots.SCORE_MAX + 3)
