"""Livelihood projects on a real database: Jiangbei's vote of 13 projects out of 20 candidates by 213 deputies,
and a project tracked to 100% with an inspection's problem raised in the ledger and closed out."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pytest

from services.evaluation import ballot_store
from services.evaluation import project_handlers as use
from services.evaluation import rectification_handlers as ledger
from services.evaluation.project_commands import (
    AddCandidate,
    CancelVote,
    CandidateDetails,
    CastPicks,
    CreateRunoff,
    CreateVote,
    MilestoneInput,
    ParticipantInput,
    ProblemInput,
    RecordInspection,
    ReportProgress,
    TargetInput,
)
from services.evaluation.project_states import CandidateStatus
from services.evaluation.rectification_commands import CloseOutItem, DeclarePlan, ReportRectification
from tests.integration.evaluation.conftest import Clock
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal

T = TypeVar("T")
YEAR = 2026


def who(role: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=f"{subject}-name", body="", roles=frozenset({role}), org_unit=org_unit)


CLERK = who("congress_clerk", "clerk")
STATION = who("discipline_station", "station")
TRANSPORT = who("gov_department", "transport-1", "transport")


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


def details(n: int) -> CandidateDetails:
    target = TargetInput("农村公路提档升级", "公里", "600", (MilestoneInput(date(YEAR, 6, 30), "300"),))
    return CandidateDetails(
        f"民生实事候选项目{n}", "提升群众出行条件", "transport", "市交通运输局", "government", (target,)
    )


def test_jiangbei_13_of_20_by_213_deputies(db: Database, clock: Clock) -> None:
    candidates = [run(db, use.add_candidate, CLERK, AddCandidate(YEAR, details(n)), clock) for n in range(1, 21)]
    deputies = [who("deputy", f"deputy-{n:03d}") for n in range(213)]
    vote = run(db, use.create_vote, CLERK, CreateVote(YEAR, 13, tuple(d.subject for d in deputies)), clock)
    run(db, use.open_vote, CLERK, vote.id, clock)
    with pytest.raises(Conflict):  # the year's vote is open: no new candidate
        run(db, use.add_candidate, CLERK, AddCandidate(YEAR, details(21)), clock)
    rng = random.Random(2020)
    weights = [rng.random() for _ in candidates]
    expected = dict.fromkeys((c.id for c in candidates), 0)
    for deputy in deputies:
        picks = rng.sample(range(20), k=13, counts=None) if rng.random() < 0.9 else rng.sample(range(20), k=5)
        picks = sorted(picks, key=lambda i: -weights[i])[: len(picks)]
        chosen = tuple(candidates[i].id for i in picks)
        for c in chosen:
            expected[c] += 1
        run(db, use.cast, deputy, vote.id, CastPicks(chosen))
    with pytest.raises(Conflict):
        run(db, use.cast, deputies[0], vote.id, CastPicks((candidates[0].id,)))
    results = run(db, use.close_vote, CLERK, vote.id, clock)
    assert results.ballots_cast == 213 and {r.candidate_id: r.votes for r in results.ranking} == expected
    order = sorted(expected, key=lambda c: -expected[c])
    if results.runoff is None:
        assert len(results.elected) == 13 and set(results.elected) == set(order[:13])
        with db.session() as session:
            statuses = [use.CANDIDATES.load(session, c.id) for c in candidates]
            projects = [use.PROJECTS.load(session, c) for c in results.elected]
        assert sum(1 for s in statuses if s and s.aggregate.status is CandidateStatus.ELECTED) == 13
        assert all(p is not None and p.aggregate.vote_id == vote.id for p in projects)
    else:  # a tie across the 13th place goes to a run-off, never to chance
        assert len(results.elected) + results.runoff.places == 13


def test_a_project_to_100_percent_with_an_item_raised_and_closed_out(db: Database, clock: Clock) -> None:
    candidates = [run(db, use.add_candidate, CLERK, AddCandidate(YEAR, details(n)), clock) for n in range(1, 4)]
    deputies = [who("deputy", f"deputy-{n}") for n in range(5)]
    vote = run(db, use.create_vote, CLERK, CreateVote(YEAR, 1, tuple(d.subject for d in deputies)), clock)
    run(db, use.open_vote, CLERK, vote.id, clock)
    for deputy in deputies:
        run(db, use.cast, deputy, vote.id, CastPicks((candidates[0].id,)))
    results = run(db, use.close_vote, CLERK, vote.id, clock)
    project_id = results.elected[0]

    clock.now = datetime(YEAR, 5, 1, 2, 0, tzinfo=UTC)
    half = ReportProgress(0, "320", date(YEAR, 4, 30), "完成320公里")
    run(db, use.act_on_project, TRANSPORT, project_id, lambda p, now: p.report_progress(TRANSPORT, half, now), clock)
    joint = (ParticipantInput("congress", "王主任"), ParticipantInput("discipline", "李组长"))
    inspection = RecordInspection(
        date(YEAR, 5, 1), joint, "实地查看路面", (ProblemInput("部分路段路面开裂", "限期返修"),)
    )
    _, item_ids = run(
        db,
        use.record_inspection,
        STATION,
        project_id,
        lambda p, now: p.record_inspection(STATION, inspection, now),
        clock,
    )
    assert len(item_ids) == 1
    item = run(db, ledger.get, TRANSPORT, item_ids[0]).view
    assert item.status == "open" and item.unit == "transport"
    plan = DeclarePlan("返修开裂路段", "交通局长", "养护科长")
    run(db, ledger.act, TRANSPORT, item_ids[0], lambda i, now: i.declare_plan(TRANSPORT, plan, now), clock)
    final = ReportRectification("final", "已全部返修", "返修 12 公里")
    run(db, ledger.act, TRANSPORT, item_ids[0], lambda i, now: i.report(TRANSPORT, final, now), clock)
    with pytest.raises(PermissionDenied):  # the congress did not raise it: the discipline side closes it out
        run(
            db, ledger.act, CLERK, item_ids[0], lambda i, now: i.close_out(CLERK, CloseOutItem("satisfied"), now), clock
        )
    closed = run(
        db, ledger.act, STATION, item_ids[0], lambda i, now: i.close_out(STATION, CloseOutItem("satisfied"), now), clock
    )
    assert closed.view.status == "closed"

    clock.now = datetime(YEAR, 9, 1, 2, 0, tzinfo=UTC)
    done = ReportProgress(0, "600", date(YEAR, 8, 31), "全部完成")
    project = run(
        db, use.act_on_project, TRANSPORT, project_id, lambda p, now: p.report_progress(TRANSPORT, done, now), clock
    ).aggregate
    progress = project.progress(clock())
    assert progress.percent == 100 and project.status.value == "completed"


def test_a_tie_at_the_last_place_goes_to_a_runoff_whose_winner_becomes_a_project(db: Database, clock: Clock) -> None:
    candidates = [run(db, use.add_candidate, CLERK, AddCandidate(YEAR, details(n)), clock) for n in range(1, 5)]
    deputies = [who("deputy", f"deputy-{n}") for n in range(6)]
    electorate = tuple(d.subject for d in deputies)
    vote = run(db, use.create_vote, CLERK, CreateVote(YEAR, 2, electorate), clock)
    run(db, use.open_vote, CLERK, vote.id, clock)
    a, b, c, _ = (x.id for x in candidates)
    picks = [(a, b), (a, c), (a, b), (a, c), (a,), (a,)]  # a: 6, b: 2, c: 2 — b and c tie for the 2nd place
    for deputy, chosen in zip(deputies, picks, strict=True):
        run(db, use.cast, deputy, vote.id, CastPicks(chosen))
    first = run(db, use.close_vote, CLERK, vote.id, clock)
    assert first.elected == (a,) and first.runoff is not None and set(first.runoff.tied) == {b, c}

    runoff = run(db, use.create_runoff, CLERK, vote.id, CreateRunoff(electorate), clock)
    assert set(runoff.candidate_ids) == {b, c} and runoff.places == 1
    run(db, use.open_vote, CLERK, runoff.id, clock)
    for deputy, chosen in zip(deputies, [b, b, b, b, c, c], strict=True):
        run(db, use.cast, deputy, runoff.id, CastPicks((chosen,)))
    second = run(db, use.close_vote, CLERK, runoff.id, clock)
    assert second.elected == (b,) and second.runoff is None
    with db.session() as session:
        status = {x.id: use.CANDIDATES.existing(session, x.id).aggregate.status for x in candidates}
        assert use.PROJECTS.load(session, b) is not None and use.PROJECTS.load(session, c) is None
    assert status[a] is status[b] is CandidateStatus.ELECTED
    assert status[c] is CandidateStatus.NOT_ELECTED


def test_a_cancelled_vote_puts_its_candidates_back_and_keeps_no_ballot(db: Database, clock: Clock) -> None:
    candidates = [run(db, use.add_candidate, CLERK, AddCandidate(YEAR, details(n)), clock) for n in range(1, 4)]
    deputies = [who("deputy", f"deputy-{n}") for n in range(4)]
    vote = run(db, use.create_vote, CLERK, CreateVote(YEAR, 1, tuple(d.subject for d in deputies)), clock)
    run(db, use.open_vote, CLERK, vote.id, clock)
    run(db, use.cast, deputies[0], vote.id, CastPicks((candidates[0].id,)))
    with pytest.raises(InvalidArgument):
        run(db, use.cancel_vote, CLERK, vote.id, CancelVote("  "), clock)  # a reason is required
    cancelled = run(db, use.cancel_vote, CLERK, vote.id, CancelVote("会议延期"), clock)
    assert cancelled.aggregate.status.value == "cancelled"
    with db.session() as session:
        assert all(
            use.CANDIDATES.existing(session, x.id).aggregate.status is CandidateStatus.PROPOSED for x in candidates
        )
        assert ballot_store.receipts(session, vote.id) == 0 and ballot_store.counter_values(session, vote.id) == {}
