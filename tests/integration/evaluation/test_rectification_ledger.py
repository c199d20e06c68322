"""The rectification ledger on a real database: an item raised, planned, reported and closed out by the
raising body; a service's raise that is idempotent; each caller's list; the six lists; the notices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

import pytest
from sqlalchemy import select

from services.evaluation import rectification_handlers as handlers
from services.evaluation.rectification_commands import (
    CloseOutItem,
    DeclarePlan,
    ItemContent,
    RaiseItem,
    ReportRectification,
    service_raiser,
)
from services.evaluation.rectification_handlers import Filters
from services.evaluation.rectifications import RectificationItem
from tests.integration.evaluation.conftest import Clock
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.events.outbox import OutboxMessage
from wulian.kit.principal import Principal

T = TypeVar("T")


def who(role: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=f"{subject}-name", body="", roles=frozenset({role}), org_unit=org_unit)


CLERK = who("congress_clerk", "clerk")
COMMISSION = who("discipline_commission", "commission")
OFFICE = who("gov_supervision_office", "office")
TRANSPORT = who("gov_department", "transport-1", "transport")
HOUSING = who("gov_department", "housing-1", "housing")
COURT = who("court", "court-1", "hs-court")
ADMIN = who("platform_admin", "admin")
DEPUTY = who("deputy", "deputy-1")


def run(db: Database, fn: Callable[..., T], *args: Any) -> T:
    with db.session() as session:
        return fn(session, *args)


def inspection_item(unit: str = "transport", name: str = "交通运输局") -> RaiseItem:
    """An item as a joint inspection raises it (an appraisal's must name a campaign whose results are out:
    test_lianjiang_appraisal covers those)."""
    content = ItemContent(unit, name, "农村公路养护不到位，群众反映强烈", "建立养护巡查制度")
    return RaiseItem("project_inspection", f"inspection/p-1/{unit}", content)


def test_an_item_goes_from_raised_to_closed_out(db: Database, clock: Clock) -> None:
    raised = run(db, handlers.raise_item, CLERK, inspection_item(), clock)
    item_id = raised.view.id
    with pytest.raises(NotFound):  # another department does not even see it
        run(db, handlers.act, HOUSING, item_id, lambda i, now: i.declare_plan(HOUSING, DeclarePlan("x", "y", "z"), now))
    plan = DeclarePlan("每月巡查一次", "张局长", "李科长", "年底前全部整改到位")
    run(db, handlers.act, TRANSPORT, item_id, lambda i, now: i.declare_plan(TRANSPORT, plan, now), clock)
    clock.advance(days=40)
    report = ReportRectification("final", "已建立养护巡查制度并完成整改", "制定养护巡查办法")
    run(db, handlers.act, TRANSPORT, item_id, lambda i, now: i.report(TRANSPORT, report, now), clock)
    with pytest.raises(PermissionDenied):  # only the raising body closes out
        run(
            db,
            handlers.act,
            COMMISSION,
            item_id,
            lambda i, now: i.close_out(COMMISSION, CloseOutItem("satisfied"), now),
        )
    closed = run(
        db,
        handlers.act,
        CLERK,
        item_id,
        lambda i, now: i.close_out(CLERK, CloseOutItem("satisfied", "整改到位"), now),
        clock,
    )
    assert closed.view.status == "closed" and closed.version == 4
    with db.session() as session:
        subjects = list(session.execute(select(OutboxMessage.subject).order_by(OutboxMessage.seq)).scalars())
    assert subjects == [
        "wulian.evaluation.rectification.raised", "wulian.evaluation.rectification.plan_declared",
        "wulian.evaluation.rectification.reported", "wulian.evaluation.rectification.closed_out",
    ]  # fmt: skip


def test_an_unsatisfactory_close_out_reopens_the_item(db: Database, clock: Clock) -> None:
    item_id = run(db, handlers.raise_item, CLERK, inspection_item(), clock).view.id
    plan = DeclarePlan("每月巡查一次", "张局长", "李科长")
    run(db, handlers.act, TRANSPORT, item_id, lambda i, now: i.declare_plan(TRANSPORT, plan, now), clock)
    report = ReportRectification("final", "已整改", "巡查")
    run(db, handlers.act, TRANSPORT, item_id, lambda i, now: i.report(TRANSPORT, report, now), clock)
    with pytest.raises(InvalidArgument):  # 不满意 needs its reason
        run(
            db,
            handlers.act,
            CLERK,
            item_id,
            lambda i, now: i.close_out(CLERK, CloseOutItem("dissatisfied"), now),
            clock,
        )
    reopened = run(
        db, handlers.act, CLERK, item_id,
        lambda i, now: i.close_out(CLERK, CloseOutItem("dissatisfied", "群众仍有反映", months=1), now), clock,
    )  # fmt: skip
    assert reopened.view.status == "rectifying"


def test_a_service_raise_is_idempotent_on_its_source(db: Database, clock: Clock) -> None:
    raiser = service_raiser("congress", "clerk", "联络员")
    content = ItemContent("hs-court", "黄石市中级人民法院", "超标的冻结企业账户", unit_kind="court")
    command = RaiseItem("case_review_opinion", "finding/f-1", content)
    first = run(db, handlers.raise_for_service, raiser, command, clock)
    again = run(db, handlers.raise_for_service, raiser, command, clock)
    assert first == again
    assert run(db, handlers.list_items, COURT, 50, "", Filters(), clock).total == 1
    assert run(db, handlers.list_items, TRANSPORT, 50, "", Filters(), clock).total == 0


def test_each_caller_lists_its_own_items(db: Database, clock: Clock) -> None:
    run(db, handlers.raise_item, CLERK, inspection_item("transport", "交通运输局"), clock)
    run(db, handlers.raise_item, COMMISSION, inspection_item("housing", "住建局"), clock)
    court = ItemContent("hs-court", "黄石市中级人民法院", "文书说理不足", unit_kind="court")
    run(db, handlers.raise_item, CLERK, RaiseItem("case_review_opinion", "finding/f-2", court), clock)
    callers = (CLERK, COMMISSION, OFFICE, TRANSPORT, COURT)
    totals = {p.subject: run(db, handlers.list_items, p, 50, "", Filters(), clock).total for p in callers}
    assert totals == {"clerk": 3, "commission": 3, "office": 2, "transport-1": 1, "court-1": 1}
    counts = run(db, handlers.list_items, ADMIN, 50, "", Filters(), clock)
    assert counts.items == [] and counts.counts == {"open": 3}
    with pytest.raises(PermissionDenied):
        run(db, handlers.list_items, DEPUTY, 50, "", Filters(), clock)
    with pytest.raises(InvalidArgument):
        run(db, handlers.list_items, CLERK, 50, "", Filters(status="lost"), clock)
    item_id = run(db, handlers.list_items, TRANSPORT, 50, "", Filters(), clock).items[0].id
    with pytest.raises(NotFound):
        run(db, handlers.get, HOUSING, item_id)
    clock.advance(days=100)
    assert run(db, handlers.list_items, CLERK, 50, "", Filters(overdue=True), clock).total == 3


def test_the_six_lists_and_the_deadline_notices(db: Database, clock: Clock) -> None:
    item_id = run(db, handlers.raise_item, CLERK, inspection_item(), clock).view.id
    sheets = run(db, handlers.six_lists, CLERK, Filters(), clock)
    assert [s.title for s in sheets] == ["责任清单", "内容清单", "问题清单", "整改清单", "销号清单", "跟踪清单"]
    assert len(sheets[2].rows) == 1 and len(sheets[4].rows) == 0
    assert len(run(db, handlers.six_lists, HOUSING, Filters(), clock)[0].rows) == 0
    with pytest.raises(PermissionDenied):
        run(db, handlers.six_lists, ADMIN, Filters(), clock)
    assert run(db, handlers.raise_due_notices, item_id, clock) == 0
    loaded = run(db, lambda s: handlers.ITEMS.load(s, item_id))
    assert loaded is not None
    item: RectificationItem = loaded.aggregate
    clock.now = item.content.due_at - timedelta(days=6)
    assert run(db, handlers.raise_due_notices, item_id, clock) == 1  # due soon
    assert run(db, handlers.raise_due_notices, item_id, clock) == 0  # once
    clock.now = item.content.due_at
    assert run(db, handlers.raise_due_notices, item_id, clock) == 1  # overdue


def test_two_concurrent_steps_on_one_item_conflict(db: Database, clock: Clock) -> None:
    item_id = run(db, handlers.raise_item, CLERK, inspection_item(), clock).view.id
    with db.session() as first, db.session() as second:
        stale = handlers.ITEMS.load(second, item_id)
        plan = DeclarePlan("每月巡查一次", "张局长", "李科长")
        handlers.act(first, TRANSPORT, item_id, lambda i, now: i.declare_plan(TRANSPORT, plan, now), clock)
        assert stale is not None
        with pytest.raises(Conflict):
            handlers.ITEMS.save(second, stale.aggregate, stale.version)
