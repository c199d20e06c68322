"""Lianjiang's year-end appraisal on a real database: 27 departments appraised in one session by 150 deputies;
the ranking published at once, into the campaign, for the departments and the discipline commission."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from services.evaluation import appraisal_handlers, appraisals, ballots
from services.evaluation import ballot_handlers as ballot_use
from services.evaluation import rectification_handlers as ledger
from services.evaluation.appraisals import AppraisalBallot, CampaignStatus
from services.evaluation.domain import Grade
from services.evaluation.rectification_commands import ItemContent, RaiseItem
from tests.integration.evaluation.conftest import Clock
from wulian.kit.db import Database
from wulian.kit.errors import InvalidArgument, NotFound
from wulian.kit.events.outbox import OutboxMessage
from wulian.kit.principal import Principal

T = TypeVar("T")
DEPARTMENTS = [(f"dept-{n:02d}", f"廉江市第{n}政府工作部门") for n in range(1, 28)]
VOTERS = 150


def who(role: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=f"{subject}-name", body="", roles=frozenset({role}), org_unit=org_unit)


CLERK = who("congress_clerk", "clerk")
COMMISSION = who("discipline_commission", "commission")
LEADERS = [who("congress_leader", f"vice-chair-{n}") for n in range(6)]  # 6 评议调研组, each led by a vice chair


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


def test_27_departments_150_deputies_one_session(db: Database, clock: Clock) -> None:
    teams = tuple(
        appraisals.TeamInput(f"第{n + 1}评议调研组", LEADERS[n].subject, f"副主任{n + 1}", (),
                             tuple(ref for i, (ref, _) in enumerate(DEPARTMENTS) if i % 6 == n))
        for n in range(6)
    )  # fmt: skip
    plan = appraisals.CampaignPlan(
        2019, "2019年度市政府工作部门工作评议", tuple(appraisals.DepartmentInput(r, n) for r, n in DEPARTMENTS), teams
    )
    campaign_id = run(db, appraisal_handlers.create, CLERK, plan, clock).view.id
    run(db, appraisal_handlers.act, CLERK, campaign_id, lambda c, now: c.start(CLERK, now), clock)
    reference = appraisals.FileReference("dept-01", "inspection_tour", "巡察发现项目审批拖延")
    run(
        db,
        appraisal_handlers.act,
        COMMISSION,
        campaign_id,
        lambda c, now: c.file_reference(COMMISSION, reference, now),
        clock,
    )
    hearing = appraisals.RecordActivity("dept-01", "hearing", date(2026, 3, 1), "听取工作汇报", ("办事效率不高",))
    run(
        db,
        appraisal_handlers.act,
        LEADERS[0],
        campaign_id,
        lambda c, now: c.record_activity(LEADERS[0], hearing, now),
        clock,
    )

    deputies = [who("deputy", f"deputy-{n:03d}") for n in range(VOTERS)]
    ballot = AppraisalBallot("2019年度工作评议满意度测评", tuple(d.subject for d in deputies))
    session = run(db, ballot_use.create_for_campaign, CLERK, campaign_id, ballot, clock).summary
    assert [(s.ref, s.name) for s in session.subjects] == DEPARTMENTS  # the campaign's departments, in order
    session_id = session.id
    assert run(db, appraisal_handlers.get, CLERK, campaign_id).view.ballot_session_id == session_id
    run(db, ballot_use.open_session, CLERK, session_id, clock)
    rng = random.Random(2020)
    bias = {ref: rng.random() for ref, _ in DEPARTMENTS}  # some departments do better than others
    counts: dict[str, dict[Grade, int]] = {ref: dict.fromkeys(Grade, 0) for ref, _ in DEPARTMENTS}
    for deputy in deputies:
        marks = []
        for ref, _ in DEPARTMENTS:
            grade = list(Grade)[min(3, int(rng.random() * 4 * (1 - bias[ref] * 0.7)))]
            counts[ref][grade] += 1
            marks.append(ballots.Mark(ref, grade=grade.value))
        run(db, ballot_use.cast, deputy, session_id, ballots.CastBallot(tuple(marks)), clock)

    published = run(db, ballot_use.close, CLERK, session_id, clock)
    assert published.ballots_cast == VOTERS and len(published.rows) == 27
    for row in published.rows:
        assert row.counts == counts[row.ref]  # the tally equals an independent count
    ranks = [row.rank for row in published.rows]
    assert ranks[0] == 1 and ranks == sorted(ranks)
    campaign = run(db, appraisal_handlers.get, CLERK, campaign_id).view
    assert campaign.status is CampaignStatus.RESULTS_PUBLISHED  # published at once, with the session's close
    assert [r.unit for r in campaign.results] == [row.ref for row in published.rows]
    department = who("gov_department", "dept-05-head", "dept-05")
    own = run(db, appraisal_handlers.get, department, campaign_id).view
    assert [r.unit for r in own.results] == ["dept-05"] and own.references == ()
    with db.session() as session:
        subjects = list(session.execute(select(OutboxMessage.subject)).scalars())
    assert "wulian.evaluation.appraisal.results_published" in subjects
    assert "wulian.evaluation.ballot_session.closed" in subjects
    with pytest.raises(NotFound):
        run(db, appraisal_handlers.get, who("gov_department", "x", "police"), campaign_id)

    # After: each department below the line gets a rectification item, listed under it in the campaign.
    below = [row.ref for row in published.rows][-2:]
    for unit in below:
        content = ItemContent(unit, dict(DEPARTMENTS)[unit], "群众满意度偏低，服务效能不高", "三个月内报告整改情况")
        run(db, ledger.raise_item, CLERK, RaiseItem("appraisal", campaign_id, content), clock)
    linked = run(db, appraisal_handlers.get, CLERK, campaign_id).view.rectification_items
    assert sorted(linked) == sorted(below) and all(len(ids) == 1 for ids in linked.values())
    outside = ItemContent("police", "公安局", "不在本次评议范围", "")
    with pytest.raises(InvalidArgument) as raised:
        run(db, ledger.raise_item, CLERK, RaiseItem("appraisal", campaign_id, outside), clock)
    assert raised.value.details[0]["field"] == "content.unit"
    with pytest.raises(InvalidArgument) as raised:
        run(db, ledger.raise_item, CLERK, RaiseItem("appraisal", "no-such-campaign", content), clock)
    assert raised.value.details == [{"field": "source_ref", "message": "未找到该评议"}]
    assert (
        run(db, appraisal_handlers.get, CLERK, campaign_id).view.rectification_items == linked
    )  # nothing half-written
