"""Tables of the suggestions service and the queries on them."""

from __future__ import annotations

import base64
from datetime import datetime

from sqlalchemy import DateTime, func, text
from sqlmodel import Field, Session, SQLModel, col, select

from services.suggestions.domain import Scope


class SuggestionRow(SQLModel, table=True):
    __tablename__ = "suggestion"

    id: str = Field(primary_key=True, max_length=36)
    number: str = Field(unique=True, max_length=16)
    year: int = Field(index=True)
    title: str = Field(max_length=100)
    content: str = Field(max_length=5000)
    category: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    deputy_subject: str = Field(index=True, max_length=64)
    deputy_name: str = Field(max_length=100)
    submitted_at: datetime = Field(index=True, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]


class SuggestionCounter(SQLModel, table=True):
    """The last number given out in a year; bumped atomically so two submissions never share one."""

    __tablename__ = "suggestion_counter"

    year: int = Field(primary_key=True)
    last: int


_RESERVE_NUMBERS = text(
    "INSERT INTO suggestion_counter (year, last) VALUES (:year, :count) "
    "ON CONFLICT (year) DO UPDATE SET last = suggestion_counter.last + :count RETURNING last"
)


def reserve_numbers(session: Session, year: int, count: int) -> range:
    """The next ``count`` sequence numbers of ``year``, taken atomically: no two submissions share one."""
    last = int(session.execute(_RESERVE_NUMBERS, {"year": year, "count": count}).scalar_one())
    return range(last - count + 1, last + 1)


_INSERT = SuggestionRow.__table__.insert()  # type: ignore[attr-defined]


def insert_many(session: Session, rows: list[SuggestionRow]) -> None:
    """Plain INSERTs in one statement: the unit of work's flush machinery costs more than the writes."""
    session.execute(_INSERT, [row.model_dump() for row in rows])


def get(session: Session, suggestion_id: str) -> SuggestionRow | None:
    return session.get(SuggestionRow, suggestion_id)


def encode_page_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_page_token(token: str) -> int:
    """The offset a page token stands for; ValueError for a token we did not issue."""
    if not token:
        return 0
    raw = base64.urlsafe_b64decode(token.encode()).decode()
    if not raw.startswith("o:"):
        raise ValueError(token)
    offset = int(raw[2:])
    if offset < 0:
        raise ValueError(token)
    return offset


def list_visible(
    session: Session,
    *,
    scope: Scope,
    subject: str,
    offset: int,
    limit: int,
    status: str = "",
    category: str = "",
    year: int = 0,
) -> tuple[list[SuggestionRow], int]:
    """A page of the suggestions in the caller's scope, newest first, and how many there are in all."""
    query = select(SuggestionRow)
    if scope is Scope.OWN:
        query = query.where(SuggestionRow.deputy_subject == subject)
    elif scope is not Scope.ALL:  # org units and escalations: nothing is assigned or escalated yet
        query = query.where(text("1 = 0"))
    if status:
        query = query.where(SuggestionRow.status == status)
    if category:
        query = query.where(SuggestionRow.category == category)
    if year:
        query = query.where(SuggestionRow.year == year)
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    page = query.order_by(col(SuggestionRow.submitted_at).desc(), col(SuggestionRow.number).desc())
    rows = list(session.exec(page.offset(offset).limit(limit)))
    return rows, int(total)
