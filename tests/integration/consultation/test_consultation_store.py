"""The consultation link on a real database (SQLite, and PostgreSQL when one is set): a plan drafted,
versioned and sent for consultation in one transaction with the request; opinions counted as their body's
answer; adoption; deadline notices raised once by the scheduler's steps; a bulletin's acknowledgements; the
outbox holding each step's event and never an opinion's text; a concurrent change refused whole."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from services.consultation import handlers as use
from services.consultation.bulletins import IssueBulletin
from services.consultation.consultation_commands import GiveOpinion, OpenConsultation, RecordAdoption
from services.consultation.plan_commands import AddItem, CreatePlan, ItemInput
from services.consultation.store import CONSULTATIONS, PLANS
from tests.integration.consultation.conftest import Clock
from tests.unit.consultation.staff import ADMIN, CLERK, COMMISSION, COURT, DEPUTY, OFFICE, STATION, TRANSPORT
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, NotFound
from wulian.kit.events.outbox import OutboxMessage

T = TypeVar("T")
OPINION_TEXT = "建议将整治群众身边不正之风纳入执法检查重点"


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


def body(shown: Any) -> dict[str, Any]:
    return dict(json.loads(shown.json))


def item(topic: str, form: str = "law_enforcement_inspection") -> ItemInput:
    return ItemInput(topic, form, "财政经济委员会", ("committee",), quarter=2)


def outbox(db: Database) -> list[tuple[str, bytes]]:
    with db.session() as session:
        rows = session.execute(select(OutboxMessage.subject, OutboxMessage.payload)).all()  # type: ignore[call-overload]
    return [(str(s), bytes(p)) for s, p in rows]


def test_a_plan_consulted_answered_and_adopted(db: Database, clock: Clock) -> None:
    plan = body(run(db, use.create_plan, CLERK, CreatePlan("supervision_plan", 2026, "2026年度监督工作计划",
                                                           (item("中小企业促进法执法检查"),)), clock))  # fmt: skip
    pid = plan["id"]
    run(db, use.act, use.PLAN, CLERK, pid, lambda p, now: p.add_item(CLERK, AddItem(item("民事诉讼监督")), now), clock)
    ask = OpenConsultation(("discipline", "government"), date(2026, 3, 20), plan_version=2, note="请提出意见")
    consultation = body(run(db, use.open_consultation, CLERK, pid, ask, clock))
    cid = consultation["id"]
    with db.session() as session:
        stored = PLANS.existing(session, pid).aggregate
    assert stored.version == 2 and set(stored.consulted_bodies) == {"discipline", "government"}
    assert stored.consultation_ids == [cid]

    with pytest.raises(NotFound):  # not consulted: the plan and its request do not exist for the court
        run(db, use.get, use.CONSULTATION, COURT, cid)
    opinion = body(run(db, use.give_opinion, COMMISSION, cid, GiveOpinion(OPINION_TEXT, item_no=1), clock))
    with db.session() as session:
        assert CONSULTATIONS.existing(session, cid).aggregate.answered_bodies == ["discipline"]
    assert run(db, use.get, use.OPINION, STATION, opinion["id"])  # the same body's staff read it
    with pytest.raises(NotFound):  # another consulted body does not read the commission's opinion
        run(db, use.get, use.OPINION, OFFICE, opinion["id"])

    adopted = RecordAdoption("partly_adopted", "纳入第二季度执法检查，专项治理另行安排")
    decided = body(run(db, use.record_adoption, CLERK, opinion["id"], adopted, clock))
    assert decided["status"] == "decided"
    with pytest.raises(Conflict):  # recorded once
        run(db, use.record_adoption, CLERK, opinion["id"], RecordAdoption("adopted"), clock)

    subjects = [s for s, _ in outbox(db)]
    for name in ("plan.created", "plan.item_added", "plan.sent_for_consultation", "consultation.opened",
                 "opinion.given", "opinion.adoption_recorded"):  # fmt: skip
        assert f"wulian.consultation.{name}" in subjects
    assert all(OPINION_TEXT.encode() not in payload for _, payload in outbox(db))


def test_reply_deadline_notices_are_raised_once_for_the_body_that_has_not_answered(db: Database, clock: Clock) -> None:
    plan = body(
        run(db, use.create_plan, CLERK, CreatePlan("supervision_plan", 2026, "计划", (item("执法检查"),)), clock)
    )
    ask = OpenConsultation(("discipline", "government"), date(2026, 3, 10))
    cid = body(run(db, use.open_consultation, CLERK, plan["id"], ask, clock))["id"]
    run(db, use.give_opinion, OFFICE, cid, GiveOpinion("无意见"), clock)

    def sweep(at: datetime) -> int:
        clock.now = at
        return sum(run(db, use.raise_consultation_notices, i, clock) for i in run(db, use.consultations_due, at, 100))

    assert sweep(datetime(2026, 3, 5, tzinfo=UTC)) == 0
    assert sweep(datetime(2026, 3, 8, 17, tzinfo=UTC)) == 1  # due soon, the commission only
    assert sweep(datetime(2026, 3, 8, 18, tzinfo=UTC)) == 0
    assert sweep(datetime(2026, 3, 10, 16, 1, tzinfo=UTC)) == 1  # overdue after Beijing midnight of the 10th
    assert sweep(datetime(2026, 4, 1, tzinfo=UTC)) == 0  # once
    subjects = [s for s, _ in outbox(db)]
    assert subjects.count("wulian.consultation.consultation.reply_due_soon") == 1
    assert subjects.count("wulian.consultation.consultation.reply_overdue") == 1
    assert run(db, use.earliest_consultation_check) is None


def test_a_bulletin_for_its_recipients_acknowledged_once(db: Database, clock: Clock) -> None:
    tour = IssueBulletin("inspection_tour", "关于开展第三轮巡察的通报", "巡察安排如下", ("congress",))
    issued = body(run(db, use.issue_bulletin, COMMISSION, tour, clock))
    bid = issued["id"]
    first = run(db, use.acknowledge_bulletin, CLERK, bid, clock)
    again = run(db, use.acknowledge_bulletin, CLERK, bid, clock)
    assert again.version == first.version  # nothing written the second time
    for outsider in (OFFICE, TRANSPORT, DEPUTY, COURT):
        with pytest.raises(NotFound):
            run(db, use.get, use.BULLETIN, outsider, bid)
    page = run(db, use.list_bulletins, OFFICE, 20, "", {})
    assert page.total == 0
    assert run(db, use.list_bulletins, CLERK, 20, "", {}).total == 1
    assert run(db, use.list_bulletins, CLERK, 20, "", {"unread": "true"}).total == 0
    counts = run(db, use.list_bulletins, ADMIN, 20, "", {})
    assert counts.items == [] and counts.counts["issued"] == 1
    acknowledged = [s for s, _ in outbox(db) if s.endswith("bulletin.acknowledged")]
    assert len(acknowledged) == 1


def test_a_concurrent_change_of_the_same_plan_is_refused_whole(db: Database, clock: Clock) -> None:
    pid = body(run(db, use.create_plan, CLERK, CreatePlan("supervision_plan", 2026, "计划"), clock))["id"]
    with db.session() as first, db.session() as second:
        a = PLANS.existing(first, pid)
        b = PLANS.existing(second, pid)
        a.aggregate.add_item(CLERK, AddItem(item("甲")), clock())
        b.aggregate.add_item(CLERK, AddItem(item("乙")), clock())
        PLANS.save(first, a.aggregate, a.version)
        first.commit()
        with pytest.raises(Conflict):
            PLANS.save(second, b.aggregate, b.version)
        second.rollback()
    with db.session() as session:
        assert [i.content.topic for i in PLANS.existing(session, pid).aggregate.items] == ["甲"]
