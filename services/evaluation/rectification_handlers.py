"""Use cases of the rectification ledger: raise (by a body's official, or by another service in a body's name,
idempotently), act on an item (as its official, or as another service mirroring its own object's steps,
idempotently), read it, list the caller's items, the six lists, and the scheduler's notices. Each step saves
the item with its events in one transaction; a concurrent change of the same item is a 409.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from services.evaluation import ledger_lists, messages, rectification_store
from services.evaluation.appraisal_handlers import CAMPAIGNS
from services.evaluation.appraisals import Campaign
from services.evaluation.messages import commit
from services.evaluation.rectification_commands import (
    CloseOutForService,
    DeclarePlanForService,
    RaiseItem,
    Raiser,
    ReportForService,
    ServiceStep,
    WithdrawForService,
    raiser_of,
    service_official,
)
from services.evaluation.rectification_store import ITEMS
from services.evaluation.rectification_views import ItemView, ListScope, item_view, list_scope
from services.evaluation.rectification_vocabulary import BODY_ROLES, UNIT_KIND_ROLES, Source
from services.evaluation.rectifications import ItemStatus, RectificationItem
from wulian.kit.clock import Clock, utc_now
from wulian.kit.errors import InvalidArgument, NotFound, PermissionDenied
from wulian.kit.paging import DEFAULT_PAGE_SIZE, encode_page_token, page_problems
from wulian.kit.principal import Principal

Step = Callable[[RectificationItem, datetime], object]


@dataclass(frozen=True)
class Shown:
    view: ItemView
    version: int


@dataclass(frozen=True)
class Page:
    items: list[ItemView]
    next_page_token: str
    total: int
    counts: dict[str, int]


def _raise(db: Session, raiser: Raiser, command: RaiseItem, now: datetime, actor: Principal | None) -> tuple[str, int]:
    item = RectificationItem.raise_item(str(uuid.uuid4()), raiser, command, now)
    key = rectification_store.source_key(item)
    if key is not None and (earlier := rectification_store.by_source_key(db, key)) is not None:
        return earlier, ITEMS.existing(db, earlier).version
    try:
        ITEMS.insert(db, item)
        commit(db, actor, item, *_linked_campaign(db, item, now))
    except IntegrityError:  # the same source's raise committed meanwhile
        db.rollback()
        earlier = rectification_store.by_source_key(db, key) if key else None
        if earlier is None:
            raise
        return earlier, ITEMS.existing(db, earlier).version
    return item.id, 1


def _linked_campaign(db: Session, item: RectificationItem, now: datetime) -> list[Campaign]:
    """An appraisal's item belongs to its campaign (``source_ref``), which lists it under the department;
    saved in the item's transaction. A campaign that is not there, or a unit it did not appraise, is bad input."""
    if item.source is not Source.APPRAISAL:
        return []
    loaded = CAMPAIGNS.load(db, item.source_ref)
    if loaded is None:
        raise InvalidArgument("整改事项未通过校验", details=[{"field": "source_ref", "message": "未找到该评议"}])
    try:
        loaded.aggregate.link_rectification(item.content.unit, item.id, now)
    except NotFound as error:
        details = [{"field": "content.unit", "message": error.message}]
        raise InvalidArgument("整改事项未通过校验", details=details) from None
    CAMPAIGNS.save(db, loaded.aggregate, loaded.version)
    return [loaded.aggregate]


def raise_item(db: Session, principal: Principal, command: RaiseItem, clock: Clock = utc_now) -> Shown:
    """An official raises an item in their body's name."""
    item_id, version = _raise(db, raiser_of(principal), command, clock(), principal)
    return Shown(item_view(ITEMS.existing(db, item_id).aggregate, principal), version)


def raise_for_service(db: Session, raiser: Raiser, command: RaiseItem, clock: Clock = utc_now) -> tuple[str, int]:
    """Another service raises an item in a body's name (the gRPC layer checked it is a service); a retry
    with the same source reference and unit gets the same item."""
    return _raise(db, raiser, command, clock(), None)


def act(db: Session, principal: Principal, item_id: str, step: Step, clock: Clock = utc_now) -> Shown:
    loaded = ITEMS.existing(db, item_id)
    item = loaded.aggregate
    item_view(item, principal)  # NotFound for whom the item does not exist
    step(item, clock())
    version = ITEMS.save(db, item, loaded.version)
    commit(db, principal, item)
    return Shown(item_view(item, principal), version)


def _for_service(
    db: Session,
    step: ServiceStep,
    take: Callable[[RectificationItem, Principal, datetime], object],
    taken: Callable[[RectificationItem], Iterable[tuple[str, datetime]]],
    *,
    of_unit: bool,
) -> tuple[str, int]:
    """Another service mirrors a step of its own object (the gRPC layer checked it is a service): ``take`` it as
    the official it names (``service_official``), at the moment they acted there. A step the item already
    holds (``taken``: who took each step of this kind, and when) is not taken again: a retry answers the item
    as it is."""
    loaded = ITEMS.existing(db, step.item_id)
    item = loaded.aggregate
    roles = (UNIT_KIND_ROLES[item.content.unit_kind],) if of_unit else BODY_ROLES[item.raising_body]
    official, at = service_official(step, roles, of_unit=of_unit)
    if (official.subject, at) in set(taken(item)):
        return item.id, loaded.version
    take(item, official, at)
    version = ITEMS.save(db, item, loaded.version)
    commit(db, official, item)
    return item.id, version


def declare_plan_for_service(db: Session, command: DeclarePlanForService) -> tuple[str, int]:
    plan = command.plan
    return _for_service(db, command.step, lambda i, by, at: i.declare_plan(by, plan, at), _plans, of_unit=True)


def report_for_service(db: Session, command: ReportForService) -> tuple[str, int]:
    report = command.report
    return _for_service(db, command.step, lambda i, by, at: i.report(by, report, at), _reports, of_unit=True)


def close_out_for_service(db: Session, command: CloseOutForService) -> tuple[str, int]:
    close_out = command.close_out
    return _for_service(db, command.step, lambda i, by, at: i.close_out(by, close_out, at), _assessments, of_unit=False)


def withdraw_for_service(db: Session, command: WithdrawForService) -> tuple[str, int]:
    withdrawal = command.withdrawal
    return _for_service(db, command.step, lambda i, by, at: i.withdraw(by, withdrawal, at), _withdrawal, of_unit=False)


# Who took each step of a kind, and when: what makes a service's retry known.


def _plans(item: RectificationItem) -> list[tuple[str, datetime]]:
    return [(p.declared_by, p.declared_at) for p in item.plans]


def _reports(item: RectificationItem) -> list[tuple[str, datetime]]:
    return [(r.reported_by, r.reported_at) for r in item.reports]


def _assessments(item: RectificationItem) -> list[tuple[str, datetime]]:
    return [(a.by, a.at) for a in item.assessments]


def _withdrawal(item: RectificationItem) -> list[tuple[str, datetime]]:
    return [(item.withdrawal.by, item.withdrawal.at)] if item.withdrawal else []


def get(db: Session, principal: Principal, item_id: str) -> Shown:
    loaded = ITEMS.existing(db, item_id)
    return Shown(item_view(loaded.aggregate, principal), loaded.version)


@dataclass(frozen=True)
class Filters:
    status: str = ""
    unit: str = ""
    source: str = ""
    overdue: bool = False


def _conditions(principal: Principal, filters: Filters, now: datetime) -> tuple[ListScope, list[Any]]:
    scope = list_scope(principal)
    if scope is ListScope.NONE:
        raise PermissionDenied("您的角色无权查看整改台账")
    if filters.status and filters.status not in ItemStatus.__members__.values():
        raise InvalidArgument("查询条件未通过校验", details=[{"field": "status", "message": "状态不在可选范围内"}])
    table = rectification_store.table()
    conditions: list[Any] = [rectification_store.scope_condition(scope, principal)]
    if filters.status:
        conditions.append(table.c.status == filters.status)
    if filters.unit:
        conditions.append(table.c.unit == filters.unit)
    if filters.source:
        conditions.append(table.c.source == filters.source)
    if filters.overdue:
        conditions.append(rectification_store.overdue_condition(now))
    return scope, conditions


def list_items(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Filters, clock: Clock = utc_now
) -> Page:
    offset, problems = page_problems(page_size, page_token)
    if problems:
        raise InvalidArgument("查询条件未通过校验", details=problems)
    scope, conditions = _conditions(principal, filters, clock())
    if scope is ListScope.COUNTS:
        counts = ITEMS.counts(db)
        return Page([], "", sum(counts.values()), counts)
    limit = page_size or DEFAULT_PAGE_SIZE
    table = rectification_store.table()
    items, total = ITEMS.page(db, and_(*conditions), [table.c.raised_at.desc(), table.c.id], offset, limit)
    token = encode_page_token(offset + limit) if offset + limit < total else ""
    return Page([item_view(i.aggregate, principal) for i in items], token, total, {})


def six_lists(db: Session, principal: Principal, filters: Filters, clock: Clock = utc_now) -> list[ledger_lists.Sheet]:
    """The six lists of the caller's ledger (Luoyang's 六个清单), one sheet each."""
    now = clock()
    scope, conditions = _conditions(principal, filters, now)
    if scope is ListScope.COUNTS:
        raise PermissionDenied("平台管理员只能查看整改台账的数量")
    table = rectification_store.table()
    query = select(table.c.document).where(and_(*conditions)).order_by(table.c.raised_at, table.c.id)
    items = [ITEMS.parse(row.document) for row in db.execute(query)]
    return [ledger_lists.ledger_sheet(kind, items, now) for kind in ledger_lists.LedgerList]


def raise_due_notices(db: Session, item_id: str, clock: Clock = utc_now) -> int:
    """The scheduler's step: each due-soon and overdue notice of an item, raised once."""
    return messages.raise_due_notices(ITEMS, db, item_id, clock())
