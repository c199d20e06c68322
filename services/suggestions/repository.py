"""Tables of the suggestions service and the queries on them.

A suggestion is stored whole, as a JSON document of its aggregate (``model.Suggestion``), in the row
``suggestion.document``; the other columns of that row, and the rows of ``suggestion_unit`` (one per
assigned unit) and ``suggestion_cosigner``, are projections of the document kept for lists, scopes,
the scheduler and the statistics. They are rewritten from the aggregate on every save, in the same
transaction, so they cannot drift from it.

Every save names the version it read (``version``); a save against a changed row fails with
``Conflict`` (409), so of two concurrent actions on one suggestion exactly one wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Text,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    or_,
    select,
    text,
    true,
)
from sqlalchemy import update as sa_update
from sqlmodel import Field, Session, SQLModel

from services.suggestions import clocks
from services.suggestions.domain import Scope, Status
from services.suggestions.model import Suggestion
from wulian.kit.db import stored_utc
from wulian.kit.errors import Conflict

DEPUTY_OUTCOME = (
    "deputy_subject", "year", "status", "confirmed_at", "first_replied_at", "latest_overall", "rehandlings",
    "escalated",
)  # fmt: skip
_AWAITING_REPLY = (Status.ASSIGNED.value, Status.REHANDLING.value)


class SuggestionRow(SQLModel, table=True):
    __tablename__ = "suggestion"
    # The statistics per deputy read this index alone, never the wide rows.
    __table_args__ = (Index("ix_suggestion_deputy_outcome", *DEPUTY_OUTCOME),)

    id: str = Field(primary_key=True, max_length=36)
    number: str | None = Field(default=None, unique=True, max_length=32)
    year: int | None = Field(default=None, index=True)
    session: str = Field(default="", max_length=16)
    title: str = Field(max_length=100)
    content: str = Field(max_length=5000)
    category: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    deputy_subject: str = Field(index=True, max_length=64)
    deputy_name: str = Field(max_length=100)
    submitted_at: datetime | None = Field(default=None, index=True, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    created_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    version: int = 1
    lead_unit: str | None = Field(default=None, index=True, max_length=64)
    confirmed_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    reply_due_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    first_replied_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    replied_on_time: bool | None = None
    latest_overall: str | None = Field(default=None, max_length=32)
    rehandlings: int = 0
    escalated: bool = False
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class SuggestionUnitRow(SQLModel, table=True):
    """One unit of a confirmed assignment: lead or co-unit, and its first contact with the deputy.

    The suggestion's year and outcome are copied here so that the statistics per unit read this one
    narrow table (100,000 suggestions in well under a second on SQLite) instead of joining it with
    the wide suggestion rows.
    """

    __tablename__ = "suggestion_unit"

    suggestion_id: str = Field(primary_key=True, foreign_key="suggestion.id", max_length=36)
    unit: str = Field(primary_key=True, index=True, max_length=64)
    lead: bool = Field(sa_column=Column(Boolean, nullable=False))
    contact_due_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    contacted_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    contacted_in_time: bool | None = None
    year: int
    replied: bool = False
    replied_on_time: bool = False
    latest_overall: str | None = Field(default=None, max_length=32)
    rehandled: bool = False
    escalated: bool = False


class SuggestionCosignerRow(SQLModel, table=True):
    __tablename__ = "suggestion_cosigner"

    suggestion_id: str = Field(primary_key=True, foreign_key="suggestion.id", max_length=36)
    subject: str = Field(primary_key=True, index=True, max_length=64)
    year: int | None = None  # the suggestion's, once submitted (for the statistics)


class SuggestionAuditRow(SQLModel, table=True):
    """The audit trail: one row per step of a suggestion's life, appended with the step, never changed."""

    __tablename__ = "suggestion_audit"

    seq: int | None = Field(default=None, primary_key=True)
    suggestion_id: str = Field(index=True, max_length=36)
    event_id: str = Field(unique=True, max_length=64)
    event: str = Field(max_length=64)
    occurred_at: datetime = Field(sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    actor_subject: str = Field(max_length=64)
    actor_name: str = Field(max_length=100)
    actor_body: str = Field(max_length=32)
    request_id: str = Field(default="", max_length=64)


class SuggestionSequence(SQLModel, table=True):
    """The last number given out per year and session (会次); bumped atomically, never shared."""

    __tablename__ = "suggestion_sequence"

    year: int = Field(primary_key=True)
    session: str = Field(primary_key=True, max_length=16)
    last: int


_DOCUMENT = TypeAdapter(Suggestion)
_SUGGESTION = SuggestionRow.__table__  # type: ignore[attr-defined]
_UNIT = SuggestionUnitRow.__table__  # type: ignore[attr-defined]
_COSIGNER = SuggestionCosignerRow.__table__  # type: ignore[attr-defined]
_AUDIT = SuggestionAuditRow.__table__  # type: ignore[attr-defined]

_RESERVE_NUMBERS = text(
    "INSERT INTO suggestion_sequence (year, session, last) VALUES (:year, :session, :count) "
    "ON CONFLICT (year, session) DO UPDATE SET last = suggestion_sequence.last + :count RETURNING last"
)


def reserve_numbers(session: Session, year: int, count: int, congress_session: str = "") -> range:
    """The next ``count`` sequence numbers of a year and session, taken atomically."""
    values = {"year": year, "session": congress_session, "count": count}
    last = int(session.execute(_RESERVE_NUMBERS, values).scalar_one())
    return range(last - count + 1, last + 1)


# --- the aggregate and its projections ---------------------------------------------------------------


def dump_document(suggestion: Suggestion) -> str:
    return _DOCUMENT.dump_json(suggestion, exclude={"events"}).decode()


def load_document(document: str) -> Suggestion:
    return _DOCUMENT.validate_json(document)


def _columns(suggestion: Suggestion) -> dict[str, Any]:
    """The row's projection columns, all derived from the aggregate."""
    assignment = suggestion.assignment
    confirmed_at = assignment.confirmed_at if assignment else None
    first_reply = suggestion.replies[0] if suggestion.replies else None
    awaiting = suggestion.status.value in _AWAITING_REPLY
    return {
        "number": suggestion.number or None,
        "year": suggestion.year,
        "session": suggestion.session,
        "title": suggestion.title,
        "content": suggestion.content,
        "category": suggestion.category.value,
        "status": suggestion.status.value,
        "deputy_subject": suggestion.deputy_subject,
        "deputy_name": suggestion.deputy_name,
        "submitted_at": suggestion.submitted_at,
        "created_at": suggestion.created_at,
        "lead_unit": assignment.lead_unit if assignment and confirmed_at else None,
        "confirmed_at": confirmed_at,
        "reply_due_at": suggestion.reply_due_at if awaiting else None,
        "first_replied_at": first_reply.replied_at if first_reply else None,
        "replied_on_time": first_reply.on_time if first_reply else None,
        "latest_overall": suggestion.evaluations[-1].overall.value if suggestion.evaluations else None,
        "rehandlings": suggestion.rehandlings,
        "escalated": suggestion.escalated,
        "next_check_at": clocks.next_check_at(suggestion.deadline_state()),
        "document": dump_document(suggestion),
    }


def _unit_rows(suggestion: Suggestion) -> list[dict[str, Any]]:
    assignment = suggestion.assignment
    if assignment is None or assignment.confirmed_at is None:
        return []
    due = clocks.contact_due(assignment.confirmed_at)
    first_reply = suggestion.replies[0] if suggestion.replies else None
    outcome = {
        "year": suggestion.year,
        "replied": first_reply is not None,
        "replied_on_time": first_reply is not None and first_reply.on_time,
        "latest_overall": suggestion.evaluations[-1].overall.value if suggestion.evaluations else None,
        "rehandled": suggestion.rehandlings > 0,
        "escalated": suggestion.escalated,
    }
    rows = []
    for unit in assignment.units:
        contact = suggestion.contacts.get(unit)
        contacted_at = contact.contacted_at if contact else None
        rows.append(
            {
                "suggestion_id": suggestion.id,
                "unit": unit,
                "lead": unit == assignment.lead_unit,
                "contact_due_at": due,
                "contacted_at": contacted_at,
                "contacted_in_time": None if contacted_at is None else contacted_at <= due,
                **outcome,
            }
        )
    return rows


def _cosigner_rows(suggestion: Suggestion) -> list[dict[str, Any]]:
    return [
        {"suggestion_id": suggestion.id, "subject": s, "year": suggestion.year} for s in suggestion.cosigner_subjects
    ]


def insert_new(session: Session, suggestions: Sequence[Suggestion]) -> None:
    """New suggestions (version 1) in one statement per table."""
    if not suggestions:
        return
    session.execute(_SUGGESTION.insert(), [{"id": s.id, "version": 1, **_columns(s)} for s in suggestions])
    units = [row for s in suggestions for row in _unit_rows(s)]
    if units:
        session.execute(_UNIT.insert(), units)
    cosigners = [row for s in suggestions for row in _cosigner_rows(s)]
    if cosigners:
        session.execute(_COSIGNER.insert(), cosigners)


def save(session: Session, suggestion: Suggestion, version: int) -> int:
    """Write a changed suggestion read at ``version``; Conflict when someone else saved it since."""
    statement = (
        sa_update(_SUGGESTION)
        .where(_SUGGESTION.c.id == suggestion.id, _SUGGESTION.c.version == version)
        .values(version=version + 1, **_columns(suggestion))
    )
    if session.execute(statement).rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict("该建议刚被他人修改，请刷新后重试")
    session.execute(delete(_UNIT).where(_UNIT.c.suggestion_id == suggestion.id))
    if units := _unit_rows(suggestion):
        session.execute(_UNIT.insert(), units)
    session.execute(delete(_COSIGNER).where(_COSIGNER.c.suggestion_id == suggestion.id))
    if cosigners := _cosigner_rows(suggestion):
        session.execute(_COSIGNER.insert(), cosigners)
    return version + 1


def append_audit(session: Session, events: Sequence[tuple[str, Any, str]]) -> None:
    """Audit entries for the (subject, event message, request id) rows that go to the outbox."""
    if not events:
        return
    rows = []
    for subject, message, request_id in events:
        meta = message.meta
        rows.append(
            {
                "suggestion_id": meta.aggregate_id,
                "event_id": meta.event_id,
                "event": subject.rsplit(".", 1)[-1],
                "occurred_at": meta.occurred_at.ToDatetime(tzinfo=UTC),
                "actor_subject": meta.actor.subject,
                "actor_name": meta.actor.name[:100],
                "actor_body": meta.actor.body,
                "request_id": meta.request_id or request_id,
            }
        )
    session.execute(_AUDIT.insert(), rows)


def history(session: Session, suggestion_id: str) -> list[dict[str, Any]]:
    query = select(_AUDIT).where(_AUDIT.c.suggestion_id == suggestion_id).order_by(_AUDIT.c.seq)
    return [dict(row._mapping) | {"occurred_at": stored_utc(row.occurred_at)} for row in session.execute(query)]


@dataclass(frozen=True, slots=True)
class Loaded:
    suggestion: Suggestion
    version: int


_LOAD = select(_SUGGESTION.c.document, _SUGGESTION.c.version).where(_SUGGESTION.c.id == bindparam("id"))


def load(session: Session, suggestion_id: str) -> Loaded | None:
    row = session.execute(_LOAD, {"id": suggestion_id}).first()
    if row is None:
        return None
    return Loaded(load_document(row.document), row.version)


def due_for_check(session: Session, now: datetime, limit: int) -> list[str]:
    """Ids of suggestions whose next deadline check is due, oldest first."""
    query = (
        select(_SUGGESTION.c.id)
        .where(_SUGGESTION.c.next_check_at.is_not(None), _SUGGESTION.c.next_check_at <= now)
        .order_by(_SUGGESTION.c.next_check_at)
        .limit(limit)
    )
    return list(session.execute(query).scalars())


def earliest_check(session: Session) -> datetime | None:
    moment = session.execute(select(func.min(_SUGGESTION.c.next_check_at))).scalar_one_or_none()
    return stored_utc(moment)


def with_pending_clue_transfer(session: Session, limit: int) -> list[str]:
    """Suggestions with an escalation whose clue transfer the clue service has not acknowledged yet.

    The escalated rows are few; the document says which transfers are pending.
    """
    rows = session.execute(select(_SUGGESTION.c.id, _SUGGESTION.c.document).where(_SUGGESTION.c.escalated))
    return [row.id for row in rows if load_document(row.document).pending_clue_transfers()][:limit]


# --- lists -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListFilter:
    status: str = ""
    category: str = ""
    year: int = 0
    unit: str = ""
    overdue: str = ""  # "" | contact | reply | any
    deputy_subject: str = ""


def _assigned_to(unit: str) -> Any:
    return exists().where(_UNIT.c.suggestion_id == _SUGGESTION.c.id, _UNIT.c.unit == unit)


def _contact_overdue(now: datetime) -> Any:
    return exists().where(
        _UNIT.c.suggestion_id == _SUGGESTION.c.id, _UNIT.c.contacted_at.is_(None), _UNIT.c.contact_due_at < now
    )


def _reply_overdue(now: datetime) -> Any:
    return and_(_SUGGESTION.c.reply_due_at.is_not(None), _SUGGESTION.c.reply_due_at < now)


def _scope_condition(scope: Scope, subject: str, org_unit: str, sees_drafts: bool) -> list[Any]:
    if scope is Scope.OWN:
        cosigned = exists().where(_COSIGNER.c.suggestion_id == _SUGGESTION.c.id, _COSIGNER.c.subject == subject)
        return [or_(_SUGGESTION.c.deputy_subject == subject, cosigned)]
    conditions = [] if sees_drafts else [_SUGGESTION.c.status != Status.DRAFT.value]
    if scope is Scope.ORG_UNIT:
        conditions.append(_assigned_to(org_unit))
    elif scope is Scope.ESCALATED:
        conditions.append(_SUGGESTION.c.escalated)
    return conditions


def list_visible(
    session: Session,
    *,
    scope: Scope,
    subject: str,
    org_unit: str,
    sees_drafts: bool,
    filters: ListFilter,
    now: datetime,
    offset: int,
    limit: int,
) -> tuple[list[Loaded], int]:
    """A page of the suggestions in the caller's scope, newest first, and how many match in all."""
    conditions = _scope_condition(scope, subject, org_unit, sees_drafts)
    if filters.status:
        conditions.append(_SUGGESTION.c.status == filters.status)
    if filters.category:
        conditions.append(_SUGGESTION.c.category == filters.category)
    if filters.year:
        conditions.append(_SUGGESTION.c.year == filters.year)
    if filters.unit:
        conditions.append(_assigned_to(filters.unit))
    if filters.deputy_subject:
        conditions.append(_SUGGESTION.c.deputy_subject == filters.deputy_subject)
    if filters.overdue == "contact":
        conditions.append(_contact_overdue(now))
    elif filters.overdue == "reply":
        conditions.append(_reply_overdue(now))
    elif filters.overdue == "any":
        conditions.append(or_(_contact_overdue(now), _reply_overdue(now)))
    where = and_(true(), *conditions)
    total = session.execute(select(func.count()).select_from(_SUGGESTION).where(where)).scalar_one()
    page = (
        select(_SUGGESTION.c.document, _SUGGESTION.c.version)
        .where(where)
        .order_by(
            func.coalesce(_SUGGESTION.c.submitted_at, _SUGGESTION.c.created_at).desc(),
            _SUGGESTION.c.number.desc(),
            _SUGGESTION.c.id,
        )
        .offset(offset)
        .limit(limit)
    )
    items = [Loaded(load_document(row.document), row.version) for row in session.execute(page)]
    return items, int(total)


# --- statistics --------------------------------------------------------------------------------------


def _count(condition: Any) -> Any:
    return func.sum(case((condition, 1), else_=0))


def unit_stats_rows(session: Session, *, year: int, unit: str, now: datetime) -> list[dict[str, Any]]:
    """Per (unit, year), the counts of ``stats.UnitStats`` computed by the database.

    Same definitions as the pure ``stats.unit_stats`` (which the tests compare this with), plus
    ``contact_overdue``: contacted late, or not contacted and past the 48 hours at ``now``.
    """
    u = _UNIT.c
    lead = u.lead
    query = (
        select(
            u.unit,
            u.year,
            func.count().label("assigned"),
            _count(lead).label("as_lead"),
            func.count(u.contacted_at).label("contacted"),
            _count(u.contacted_in_time.is_(True)).label("contacted_within_48h"),
            _count(or_(u.contacted_in_time.is_(False), and_(u.contacted_at.is_(None), u.contact_due_at < now))).label(
                "contact_overdue"
            ),
            _count(and_(lead, u.replied)).label("replied"),
            _count(and_(lead, u.replied_on_time)).label("replied_on_time"),
            _count(and_(lead, u.latest_overall.is_not(None))).label("evaluated"),
            _count(and_(lead, u.latest_overall == "satisfied")).label("satisfied"),
            _count(and_(lead, u.latest_overall == "basically_satisfied")).label("basically_satisfied"),
            _count(and_(lead, u.latest_overall == "dissatisfied")).label("dissatisfied"),
            _count(and_(lead, u.rehandled)).label("rehandled"),
            _count(and_(lead, u.escalated)).label("escalated"),
        )
        .group_by(u.unit, u.year)
        .order_by(u.year, u.unit)
    )
    if year:
        query = query.where(u.year == year)
    if unit:
        query = query.where(u.unit == unit)
    return [dict(row._mapping) for row in session.execute(query)]


def deputy_stats_rows(session: Session, *, year: int, subject: str) -> list[dict[str, Any]]:
    """Per (deputy, year), the counts of ``stats.DeputyStats``, computed by the database."""
    s = _SUGGESTION.c
    submitted = s.status != Status.DRAFT.value
    own = (
        select(
            s.deputy_subject,
            s.year,
            func.count().label("submitted"),
            _count(s.confirmed_at.is_not(None)).label("assigned"),
            _count(s.first_replied_at.is_not(None)).label("replied"),
            _count(s.status == Status.CLOSED.value).label("closed"),
            _count(s.latest_overall.is_not(None)).label("evaluated"),
            _count(s.latest_overall == "satisfied").label("satisfied"),
            _count(s.latest_overall == "basically_satisfied").label("basically_satisfied"),
            _count(s.latest_overall == "dissatisfied").label("dissatisfied"),
            _count(s.rehandlings > 0).label("rehandled"),
            _count(s.escalated).label("escalated"),
        )
        .where(submitted)
        .group_by(s.deputy_subject, s.year)
    )
    c = _COSIGNER.c
    cosigned = (
        select(c.subject, c.year, func.count().label("cosigned")).where(c.year.is_not(None)).group_by(c.subject, c.year)
    )
    if year:
        own, cosigned = own.where(s.year == year), cosigned.where(c.year == year)
    if subject:
        own = own.where(s.deputy_subject == subject)
        cosigned = cosigned.where(c.subject == subject)
    table: dict[tuple[str, int], dict[str, Any]] = {}
    for row in session.execute(own):
        values = dict(row._mapping)
        values["cosigned"] = 0
        table[(values["deputy_subject"], values["year"])] = values
    for row in session.execute(cosigned):
        key = (row.subject, row.year)
        if key not in table:
            table[key] = {name: 0 for name in _DEPUTY_COUNTS} | {"deputy_subject": row.subject, "year": row.year}
        table[key]["cosigned"] = row.cosigned
    return [table[key] for key in sorted(table, key=lambda k: (k[1], k[0]))]


_DEPUTY_COUNTS = (
    "submitted", "assigned", "replied", "closed", "evaluated", "satisfied", "basically_satisfied",
    "dissatisfied", "rehandled", "escalated", "cosigned",
)  # fmt: skip
