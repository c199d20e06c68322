"""Aggregates stored whole as JSON documents, with projection columns derived from them.

A service's aggregate (a dataclass with an ``id`` and an ``events`` list that is never stored) is kept in
one row: ``document`` holds its JSON (pydantic ``TypeAdapter``), ``version`` the optimistic version, and
the other columns — written from the aggregate on every save, in the same transaction — serve lists,
scopes and schedulers. Every save names the version it read; a save against a changed row fails with
``Conflict`` (409), so of two concurrent actions on one object exactly one wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import Table, and_, func, insert, select
from sqlalchemy import update as sa_update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, SQLModel

from wulian.kit.errors import Conflict, NotFound


class Aggregate(Protocol):
    @property
    def id(self) -> str: ...


A = TypeVar("A", bound=Aggregate)


@dataclass(frozen=True)
class Loaded(Generic[A]):
    aggregate: A
    version: int


class Documents(Generic[A]):
    """One aggregate's table: its document, its version and the projection columns ``columns`` derives."""

    def __init__(
        self, row: type[SQLModel], kind: type[A], columns: Callable[[A], dict[str, Any]], *, missing: str
    ) -> None:
        self.table: Table = row.__table__  # type: ignore[attr-defined]
        self.missing = missing  # what a caller is told of an id that names nothing (404)
        self.adapter: TypeAdapter[A] = TypeAdapter(kind)
        self.columns: Callable[[A], dict[str, Any]] = columns

    def dump(self, aggregate: A) -> str:
        return self.adapter.dump_json(aggregate, exclude={"events"}).decode()

    def parse(self, document: str) -> A:
        return self.adapter.validate_json(document)

    def insert(self, session: Session, aggregate: A) -> None:
        values = self.columns(aggregate) | {"id": aggregate.id, "version": 1, "document": self.dump(aggregate)}
        session.execute(insert(self.table).values(**values))

    def save(self, session: Session, aggregate: A, version: int) -> int:
        """Write the aggregate over the version read; ``Conflict`` when someone saved it meanwhile."""
        values = self.columns(aggregate) | {"version": version + 1, "document": self.dump(aggregate)}
        table = self.table
        where = and_(table.c.id == aggregate.id, table.c.version == version)
        if session.execute(sa_update(table).where(where).values(**values)).rowcount != 1:  # type: ignore[attr-defined]
            session.rollback()
            raise Conflict("该记录已被他人修改，请刷新后重试")
        return version + 1

    def load(self, session: Session, object_id: str, *, lock: bool = False) -> Loaded[A] | None:
        query = select(self.table.c.document, self.table.c.version).where(self.table.c.id == object_id)
        row = session.execute(query.with_for_update() if lock else query).first()
        return None if row is None else Loaded(self.parse(row.document), int(row.version))

    def existing(self, session: Session, object_id: str) -> Loaded[A]:
        """The object ``object_id`` names (trimmed), or ``NotFound`` with this table's message."""
        loaded = self.load(session, object_id.strip())
        if loaded is None:
            raise NotFound(self.missing)
        return loaded

    def load_many(self, session: Session, ids: Iterable[str]) -> dict[str, Loaded[A]]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        query = select(self.table.c.document, self.table.c.version).where(self.table.c.id.in_(wanted))
        loaded = [Loaded(self.parse(row.document), int(row.version)) for row in session.execute(query)]
        return {item.aggregate.id: item for item in loaded}

    def page(
        self, session: Session, where: ColumnElement[bool], order: Sequence[Any], offset: int, limit: int
    ) -> tuple[list[Loaded[A]], int]:
        total = session.execute(select(func.count()).select_from(self.table).where(where)).scalar_one()
        query = select(self.table.c.document, self.table.c.version).where(where).order_by(*order)
        rows = session.execute(query.offset(offset).limit(limit))
        return [Loaded(self.parse(row.document), int(row.version)) for row in rows], int(total)

    def counts(self, session: Session, where: ColumnElement[bool] | None = None) -> dict[str, int]:
        query = select(self.table.c.status, func.count()).group_by(self.table.c.status)
        rows = session.execute(query.where(where) if where is not None else query)
        return {str(status): int(count) for status, count in rows}
