"""Tables of the clue service and the queries on them.

A clue is stored whole, as the JSON document of its aggregate (``model.Clue``), **sealed**
(``sealing``: AES-256-GCM with a key of its own, wrapped for the discipline commission) in
``clue.sealed``: a copy of the database alone reveals no summary, details, subject, note, reason or
feedback. The other columns hold what lists, scopes and the scheduler need and reveal nothing of the
contents: ids, kinds, the transferring official's account and role, status and dates.

Every save names the version it read (``version``); a save against a changed row fails with
``Conflict`` (409). A transfer from a source (``source_kind`` + ``source_ref``) is stored once
(``source_key`` is unique), so a retried transfer finds the clue it made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from pydantic import TypeAdapter
from sqlalchemy import BigInteger, Column, DateTime, LargeBinary, and_, bindparam, func, or_, select, true
from sqlalchemy import update as sa_update
from sqlmodel import Field, Session, SQLModel

from services.clues import sealing
from services.clues.domain import CONGRESS_SOURCES, ListScope, SourceKind, Status
from services.clues.model import Clue
from wulian.kit.db import stored_utc
from wulian.kit.errors import Conflict
from wulian.kit.principal import ROLE_BODIES

_TZ = DateTime(timezone=True)


class ClueRow(SQLModel, table=True):
    __tablename__ = "clue"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    source_kind: str = Field(index=True, max_length=32)
    source_ref: str = Field(default="", max_length=200)
    source_key: str | None = Field(default=None, unique=True, max_length=240)
    official_subject: str = Field(index=True, max_length=64)
    official_role: str = Field(max_length=32)
    official_body: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    transferred_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    acknowledge_due_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    acknowledged_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    accepted_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    feedback_due_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    declined_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    feedback_given_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    transfer_audit_index: int = Field(sa_column=Column(BigInteger, nullable=False))
    sealed: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


_DOCUMENT = TypeAdapter(Clue)
_CLUE = ClueRow.__table__  # type: ignore[attr-defined]


def source_key(clue: Clue) -> str | None:
    """What makes a transfer the same transfer: a service's source and reference; for a manual transfer,
    the official's own reference (a file number or the gateway's Idempotency-Key) — one official's key
    never finds another official's clue."""
    ref = clue.origin.source_ref
    if not ref:
        return None
    if clue.source_kind is SourceKind.MANUAL:
        return f"manual:{clue.official.subject}:{ref}"
    return f"{clue.source_kind.value}:{ref}"


def seal_document(clue: Clue, public_key: RSAPublicKey) -> bytes:
    plaintext = _DOCUMENT.dump_json(clue, exclude={"events"})
    return sealing.seal(clue.id, plaintext, public_key).to_bytes()


def open_document(clue_id: str, sealed: bytes, private_key: RSAPrivateKey) -> Clue:
    return _DOCUMENT.validate_json(sealing.open_sealed(clue_id, sealing.Sealed.from_bytes(sealed), private_key))


def _columns(clue: Clue, sealed: bytes) -> dict[str, Any]:
    view = clue.status_view()
    return {
        "source_kind": clue.source_kind.value,
        "source_ref": clue.origin.source_ref,
        "source_key": source_key(clue),
        "official_subject": clue.official.subject,
        "official_role": clue.official.role,
        "official_body": ROLE_BODIES.get(clue.official.role, ""),
        "status": clue.status.value,
        "transferred_at": clue.transferred_at,
        "acknowledge_due_at": clue.acknowledge_due_at,
        "acknowledged_at": view.acknowledged_at,
        "accepted_at": view.accepted_at,
        "feedback_due_at": view.feedback_due_at,
        "declined_at": view.declined_at,
        "feedback_given_at": view.feedback_given_at,
        "next_check_at": clue.next_check_at(),
        "sealed": sealed,
    }


def insert_new(session: Session, clue: Clue, sealed: bytes, transfer_audit_index: int) -> None:
    """A new clue (version 1) with its sealed document (``seal_document``), whose hash its audit entry holds."""
    values = {"id": clue.id, "version": 1, "transfer_audit_index": transfer_audit_index, **_columns(clue, sealed)}
    session.execute(_CLUE.insert(), values)


def save(session: Session, clue: Clue, version: int, public_key: RSAPublicKey) -> tuple[int, bytes]:
    """Write a changed clue read at ``version``; Conflict when someone else saved it since."""
    sealed = seal_document(clue, public_key)
    statement = (
        sa_update(_CLUE)
        .where(_CLUE.c.id == clue.id, _CLUE.c.version == version)
        .values(version=version + 1, **_columns(clue, sealed))
    )
    if session.execute(statement).rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("该线索刚被他人处理，请刷新后重试")
    return version + 1, sealed


@dataclass(frozen=True, slots=True)
class Stored:
    """A clue's row as read: the plain columns, and the sealed document (opened only when needed)."""

    row: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.row["id"])

    @property
    def version(self) -> int:
        return int(self.row["version"])

    def open(self, private_key: RSAPrivateKey) -> Clue:
        return open_document(self.id, self.row["sealed"], private_key)


def _stored(row: Any) -> Stored:
    values = dict(row._mapping)
    for name, value in values.items():
        if isinstance(value, datetime):
            values[name] = stored_utc(value)
    return Stored(values)


_LOAD = select(_CLUE).where(_CLUE.c.id == bindparam("id"))


def load(session: Session, clue_id: str) -> Stored | None:
    row = session.execute(_LOAD, {"id": clue_id}).first()
    return _stored(row) if row is not None else None


def by_source(session: Session, key: str) -> Stored | None:
    row = session.execute(select(_CLUE).where(_CLUE.c.source_key == key)).first()
    return _stored(row) if row is not None else None


def due_for_check(session: Session, now: datetime, limit: int) -> list[str]:
    query = (
        select(_CLUE.c.id)
        .where(_CLUE.c.next_check_at.is_not(None), _CLUE.c.next_check_at <= now)
        .order_by(_CLUE.c.next_check_at)
        .limit(limit)
    )
    return list(session.execute(query).scalars())


def earliest_check(session: Session) -> datetime | None:
    return stored_utc(session.execute(select(func.min(_CLUE.c.next_check_at))).scalar_one_or_none())


# --- lists ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListFilter:
    status: str = ""
    source_kind: str = ""
    overdue: str = ""  # "" | acknowledge | feedback | any


def _scope_condition(scope: ListScope, bodies: frozenset[str]) -> Any:
    if scope is ListScope.ALL:
        return true()
    if scope is ListScope.CONGRESS_SOURCED:
        return _CLUE.c.source_kind.in_([kind.value for kind in CONGRESS_SOURCES])
    if scope is ListScope.TRANSFERRED_BY_BODY:
        return _CLUE.c.official_body.in_(sorted(bodies))
    return _CLUE.c.id.is_(None)  # nothing


def _overdue(kind: str, now: datetime) -> Any:
    acknowledge = and_(_CLUE.c.status == Status.TRANSFERRED.value, _CLUE.c.acknowledge_due_at <= now)
    feedback = and_(_CLUE.c.status == Status.ACCEPTED.value, _CLUE.c.feedback_due_at <= now)
    return {"acknowledge": acknowledge, "feedback": feedback, "any": or_(acknowledge, feedback)}[kind]


def list_in_scope(
    session: Session,
    *,
    scope: ListScope,
    bodies: frozenset[str],
    filters: ListFilter,
    now: datetime,
    offset: int,
    limit: int,
) -> tuple[list[Stored], int]:
    conditions = [_scope_condition(scope, bodies)]
    if filters.status:
        conditions.append(_CLUE.c.status == filters.status)
    if filters.source_kind:
        conditions.append(_CLUE.c.source_kind == filters.source_kind)
    if filters.overdue:
        conditions.append(_overdue(filters.overdue, now))
    where = and_(*conditions)
    total = session.execute(select(func.count()).select_from(_CLUE).where(where)).scalar_one()
    query = select(_CLUE).where(where).order_by(_CLUE.c.transferred_at.desc(), _CLUE.c.id).offset(offset).limit(limit)
    return [_stored(row) for row in session.execute(query)], int(total)


def counts_by_status(session: Session) -> dict[str, int]:
    """How many clues there are in each status: all that platform_admin sees of them."""
    rows = session.execute(select(_CLUE.c.status, func.count()).group_by(_CLUE.c.status))
    return {str(status): int(count) for status, count in rows}
