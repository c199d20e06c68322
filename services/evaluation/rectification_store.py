"""The rectification ledger's table: each item stored whole (``wulian.kit.documents``) with the columns that
lists, scopes and the deadline scheduler read.

An item raised by another service for one of its objects (a case-review opinion, a project inspection's
problem) is keyed by ``source_key`` (source, reference and unit), unique: the service's retry after a lost
answer finds the item it made instead of raising a second one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Table, and_, select
from sqlmodel import Column, Field, Session, SQLModel, Text

from services.evaluation.rectification_views import ListScope
from services.evaluation.rectification_vocabulary import UNIT_KIND_ROLES, UnitKind
from services.evaluation.rectifications import ItemStatus, RectificationItem
from wulian.kit import scheduler
from wulian.kit.documents import Documents
from wulian.kit.principal import Principal

_TZ = DateTime(timezone=True)
_AWAITING = (ItemStatus.OPEN.value, ItemStatus.RECTIFYING.value)


class RectificationRow(SQLModel, table=True):
    __tablename__ = "rectification_item"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    source: str = Field(index=True, max_length=32)
    source_ref: str = Field(default="", max_length=200)
    source_key: str | None = Field(default=None, unique=True, max_length=320)
    raising_body: str = Field(index=True, max_length=32)
    unit: str = Field(index=True, max_length=64)
    unit_kind: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    raised_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    due_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


def source_key(item: RectificationItem) -> str | None:
    """What makes a service's raise the same raise: its source, its reference and the unit."""
    if not item.source_ref:
        return None
    return f"{item.source.value}:{item.source_ref}:{item.content.unit}"


def _columns(item: RectificationItem) -> dict[str, Any]:
    return {
        "source": item.source.value,
        "source_ref": item.source_ref,
        "source_key": source_key(item),
        "raising_body": item.raising_body.value,
        "unit": item.content.unit,
        "unit_kind": item.content.unit_kind.value,
        "status": item.status.value,
        "raised_at": item.raised_at,
        "due_at": item.content.due_at,
        "next_check_at": item.next_check_at(),
    }


ITEMS = Documents(RectificationRow, RectificationItem, _columns, missing="未找到该整改事项")
_ITEM: Table = RectificationRow.__table__  # type: ignore[attr-defined]


def by_source_key(db: Session, key: str) -> str | None:
    row = db.execute(select(_ITEM.c.id).where(_ITEM.c.source_key == key)).first()
    return None if row is None else str(row.id)


def scope_condition(scope: ListScope, principal: Principal) -> Any:
    """The list filter of ``rectification_views.in_list_scope``, as SQL."""
    if scope is ListScope.ALL:
        return _ITEM.c.id.is_not(None)
    if scope is ListScope.DEPARTMENTS:
        return _ITEM.c.unit_kind == UnitKind.DEPARTMENT.value
    if scope is ListScope.OWN_UNIT:
        kinds = [kind.value for kind, role in UNIT_KIND_ROLES.items() if role in principal.roles]
        return and_(_ITEM.c.unit == principal.org_unit, _ITEM.c.unit_kind.in_(kinds))
    return _ITEM.c.id.is_(None)


def overdue_condition(now: datetime) -> Any:
    return and_(_ITEM.c.status.in_(_AWAITING), _ITEM.c.due_at <= now)


def due_for_check(db: Session, now: datetime, limit: int) -> list[str]:
    return scheduler.due_ids(db, _ITEM, now, limit)


def earliest_check(db: Session) -> datetime | None:
    return scheduler.earliest_check(db, _ITEM)


def table() -> Table:
    return _ITEM
