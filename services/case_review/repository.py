"""Tables of the case-review service and the queries on them.

Each aggregate — an expert, a case, a review batch, a finding — is stored whole as the JSON document of
its dataclass (``document``); the other columns of its row, and the rows of ``batch_unit`` and
``review_seat``, are projections of the document kept for lists, scopes, recusal and the scheduler. They
are rewritten from the aggregate on every save, in the same transaction, so they cannot drift from it.
Every save names the version it read; a save against a changed row fails with ``Conflict`` (409).

How far the rectification ledger follows a finding (``finding_ledger``) is a row of its own too: the count of
the finding's logged steps is written with the finding, and the ledger relay alone writes how many of them
the evaluation service holds and its item's id — so that the relay's bookkeeping never changes the
finding's version under an official who is acting on it.

A draw (``expert_draw``) is a row of its own: its seed, the commitments published from it, the inputs
it is committed to (pool snapshot, cases, exclusions with their reasons, rules), and — once witnessed —
the station's entropy and the record. The seed leaves this table through the API only once the record
is fixed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    LargeBinary,
    Table,
    Text,
    and_,
    delete,
    insert,
    select,
    true,
)
from sqlalchemy import update as sa_update
from sqlmodel import Field, Session, SQLModel

from services.case_review.cases import Case, normalize_case_number
from services.case_review.domain import BatchStatus, FindingStatus, SeatAnswer
from services.case_review.experts import Expert
from services.case_review.findings import Finding
from services.case_review.reviews import ReviewBatch
from wulian.kit import scheduler
from wulian.kit.db import stored_utc
from wulian.kit.documents import Documents
from wulian.kit.errors import Conflict

_TZ = DateTime(timezone=True)


class ExpertRow(SQLModel, table=True):
    __tablename__ = "expert"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    name: str = Field(max_length=100)
    category: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    id_number_key: str = Field(unique=True, max_length=64)  # one person joins the pool once
    account_subject: str = Field(default="", index=True, max_length=64)
    joined_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class CaseRow(SQLModel, table=True):
    __tablename__ = "judicial_case"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    number: str = Field(max_length=64)
    number_key: str = Field(unique=True, max_length=64)  # a case is registered once
    unit: str = Field(index=True, max_length=64)
    case_type: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    batch_id: str = Field(default="", index=True, max_length=36)
    enterprise: bool = Field(sa_column=Column(Boolean, nullable=False))
    registered_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class BatchRow(SQLModel, table=True):
    __tablename__ = "review_batch"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    name: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    created_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class BatchUnitRow(SQLModel, table=True):
    """The courts and procuratorates whose cases a batch reviews (their scope of batches)."""

    __tablename__ = "batch_unit"

    batch_id: str = Field(primary_key=True, foreign_key="review_batch.id", max_length=36)
    unit: str = Field(primary_key=True, index=True, max_length=64)


class SeatRow(SQLModel, table=True):
    """A seat an expert holds or held on a case of a batch: the experts' scope, and the past reviews that
    the cooling-off recusal reads (who reviewed which presiding judge's case, and when)."""

    __tablename__ = "review_seat"

    batch_id: str = Field(primary_key=True, foreign_key="review_batch.id", max_length=36)
    case_id: str = Field(primary_key=True, max_length=36)
    expert_id: str = Field(primary_key=True, index=True, max_length=36)
    subject: str = Field(default="", index=True, max_length=64)
    presiding_id: str = Field(default="", index=True, max_length=64)
    holding: bool = Field(sa_column=Column(Boolean, nullable=False))
    called_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]


class FindingRow(SQLModel, table=True):
    __tablename__ = "finding"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    batch_id: str = Field(index=True, max_length=36)
    case_id: str = Field(index=True, max_length=36)
    unit: str = Field(index=True, max_length=64)
    status: str = Field(index=True, max_length=32)
    issued: bool = Field(sa_column=Column(Boolean, nullable=False))
    transfer_pending: bool = Field(sa_column=Column(Boolean, nullable=False, index=True))
    drafted_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    due_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class FindingLedgerRow(SQLModel, table=True):
    """A finding followed by the rectification ledger: its logged steps (``Finding.ledger_steps``), how many
    the evaluation service holds (``applied``), and the ledger item's id once it answered."""

    __tablename__ = "finding_ledger"

    finding_id: str = Field(primary_key=True, foreign_key="finding.id", max_length=36)
    steps: int
    applied: int = 0
    item_id: str = Field(default="", max_length=64)


class DrawRow(SQLModel, table=True):
    __tablename__ = "expert_draw"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    batch_id: str = Field(index=True, max_length=36)
    status: str = Field(index=True, max_length=32)  # open | fixed | failed | cancelled
    seed: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    seed_commitment: str = Field(max_length=64)
    pool_snapshot_hash: str = Field(max_length=64)
    rules_hash: str = Field(max_length=64)
    inputs: str = Field(sa_column=Column(Text, nullable=False))  # JSON: pool, cases, exclusions, rules
    begun_by: str = Field(max_length=64)
    begun_by_name: str = Field(default="", max_length=100)
    begun_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    witness_entropy: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    witnessed_by: str = Field(default="", max_length=64)
    witnessed_by_name: str = Field(default="", max_length=100)
    witnessed_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]
    record: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # draw.record_to_json
    reason: str = Field(
        default="", sa_column=Column(Text, nullable=False, default="")
    )  # of a cancellation or a failure
    ended_at: datetime | None = Field(default=None, sa_type=_TZ)  # type: ignore[call-overload]


# --- documents (``wulian.kit.documents``) -------------------------------------------------------------------


def _expert_columns(expert: Expert) -> dict[str, Any]:
    return {
        "name": expert.name,
        "category": expert.category.value,
        "status": expert.status.value,
        "id_number_key": expert.id_number_key,
        "account_subject": expert.account_subject,
        "joined_at": expert.joined_at,
    }


def _case_columns(case: Case) -> dict[str, Any]:
    return {
        "number": case.number,
        "number_key": normalize_case_number(case.number),
        "unit": case.unit,
        "case_type": case.details.type.value,
        "status": case.status.value,
        "batch_id": case.batch_id,
        "enterprise": case.involves_enterprise,
        "registered_at": case.registered_at,
    }


def _batch_columns(batch: ReviewBatch) -> dict[str, Any]:
    return {"name": batch.rules.name, "status": batch.status.value, "created_at": batch.created_at}


def _finding_columns(finding: Finding) -> dict[str, Any]:
    return {
        "batch_id": finding.batch_id,
        "case_id": finding.case_id,
        "unit": finding.unit,
        "status": finding.status.value,
        "issued": finding.issued,
        "transfer_pending": finding.transfer_pending,
        "drafted_at": finding.drafted_at,
        "due_at": finding.due_at,
        "next_check_at": finding.next_check_at(),
    }


EXPERTS = Documents(ExpertRow, Expert, _expert_columns, missing="未找到该专家")
CASES = Documents(CaseRow, Case, _case_columns, missing="未找到该案件")
BATCHES = Documents(BatchRow, ReviewBatch, _batch_columns, missing="未找到该评查批次")
FINDINGS = Documents(FindingRow, Finding, _finding_columns, missing="未找到该评查意见")
_UNIT: Table = BatchUnitRow.__table__  # type: ignore[attr-defined]
_SEAT: Table = SeatRow.__table__  # type: ignore[attr-defined]
DRAWS: Table = DrawRow.__table__  # type: ignore[attr-defined]
_LEDGER: Table = FindingLedgerRow.__table__  # type: ignore[attr-defined]


def insert_batch(session: Session, batch: ReviewBatch, cases: dict[str, Case]) -> None:
    BATCHES.insert(session, batch)
    _project_batch(session, batch, cases)


def save_batch(session: Session, batch: ReviewBatch, version: int, cases: dict[str, Case]) -> int:
    version = BATCHES.save(session, batch, version)
    _project_batch(session, batch, cases)
    return version


def _project_batch(session: Session, batch: ReviewBatch, cases: dict[str, Case]) -> None:
    """Rewrite the batch's units and seats from the aggregate. ``cases``: the batch's cases, for the
    presiding judge of each (the cooling-off rule reads it)."""
    session.execute(delete(_UNIT).where(_UNIT.c.batch_id == batch.id))
    session.execute(delete(_SEAT).where(_SEAT.c.batch_id == batch.id))
    units = [{"batch_id": batch.id, "unit": unit} for unit in sorted(batch.units)]
    if units:
        session.execute(insert(_UNIT), units)
    live = batch.status is not BatchStatus.CANCELLED
    called_at = next((d.ended_at for d in reversed(batch.draws) if d.outcome == "fixed"), None)
    seats: dict[tuple[str, str], dict[str, Any]] = {}
    for case in batch.cases:
        presiding = cases[case.case_id].details.presiding_id if case.case_id in cases else ""
        for seat in case.seats:
            seats[(case.case_id, seat.expert_id)] = {
                "batch_id": batch.id,
                "case_id": case.case_id,
                "expert_id": seat.expert_id,
                "subject": seat.reviewer.subject,
                "presiding_id": presiding,
                "holding": live and seat.answer is not SeatAnswer.DECLINED,
                "called_at": seat.answered_at or called_at or batch.created_at,
            }
    if seats:
        session.execute(insert(_SEAT), list(seats.values()))


# --- queries for scopes and recusal ----------------------------------------------------------------------


def batch_ids_of_unit(unit: str) -> Any:
    return select(_UNIT.c.batch_id).where(_UNIT.c.unit == unit)


def batch_ids_of_expert(subject: str) -> Any:
    return select(_SEAT.c.batch_id).where(and_(_SEAT.c.subject == subject, _SEAT.c.holding == true()))


def case_ids_of_expert(subject: str) -> Any:
    return select(_SEAT.c.case_id).where(and_(_SEAT.c.subject == subject, _SEAT.c.holding == true()))


def expert_holds_case(session: Session, subject: str, case_id: str) -> bool:
    query = select(_SEAT.c.case_id).where(
        and_(_SEAT.c.subject == subject, _SEAT.c.case_id == case_id, _SEAT.c.holding == true())
    )
    return bool(subject) and session.execute(query.limit(1)).first() is not None


def past_reviews(session: Session, expert_ids: Iterable[str]) -> dict[str, list[tuple[str, datetime]]]:
    """Per expert, the presiding judges (or prosecutors) whose cases they reviewed and when."""
    wanted = sorted(set(expert_ids))
    out: dict[str, list[tuple[str, datetime]]] = {}
    if not wanted:
        return out
    query = select(_SEAT.c.expert_id, _SEAT.c.presiding_id, _SEAT.c.called_at).where(
        and_(_SEAT.c.expert_id.in_(wanted), _SEAT.c.holding == true(), _SEAT.c.presiding_id != "")
    )
    for expert_id, presiding_id, called_at in session.execute(query):
        out.setdefault(expert_id, []).append((presiding_id, stored_utc(called_at) or called_at))
    return out


def drawable_experts(session: Session) -> list[Expert]:
    query = select(EXPERTS.table.c.document).where(EXPERTS.table.c.status == "active")
    return [EXPERTS.parse(row.document) for row in session.execute(query.order_by(EXPERTS.table.c.id))]


def expert_by_id_number(session: Session, key: str) -> str | None:
    row = session.execute(select(EXPERTS.table.c.id).where(EXPERTS.table.c.id_number_key == key)).first()
    return None if row is None else str(row.id)


def id_number_keys(session: Session) -> set[str]:
    return {str(key) for key in session.execute(select(EXPERTS.table.c.id_number_key)).scalars()}


def case_by_number(session: Session, number: str) -> str | None:
    key = normalize_case_number(number)
    row = session.execute(select(CASES.table.c.id).where(CASES.table.c.number_key == key)).first()
    return None if row is None else str(row.id)


# --- draws -------------------------------------------------------------------------------------------------


def load_draw(session: Session, draw_id: str, *, lock: bool = False) -> dict[str, Any] | None:
    query = select(DRAWS).where(DRAWS.c.id == draw_id)
    row = session.execute(query.with_for_update() if lock else query).mappings().first()
    if row is None:
        return None
    out = dict(row)
    for name in ("begun_at", "witnessed_at", "ended_at"):
        out[name] = stored_utc(out[name]) if out[name] is not None else None
    return out


def insert_draw(session: Session, values: dict[str, Any]) -> None:
    session.execute(insert(DRAWS).values(version=1, **values))


def update_draw(session: Session, draw_id: str, version: int, values: dict[str, Any]) -> None:
    where = and_(DRAWS.c.id == draw_id, DRAWS.c.version == version)
    if session.execute(sa_update(DRAWS).where(where).values(version=version + 1, **values)).rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict("该抽取已被他人处理，请刷新后查看")


def draws_of_batch(session: Session, batch_id: str) -> list[dict[str, Any]]:
    query = select(DRAWS.c.id, DRAWS.c.status, DRAWS.c.begun_at).where(DRAWS.c.batch_id == batch_id)
    return [dict(row) for row in session.execute(query.order_by(DRAWS.c.begun_at)).mappings()]


# --- findings for the scheduler and the clue relay ---------------------------------------------------------


def findings_due(session: Session, now: datetime, limit: int) -> list[str]:
    return scheduler.due_ids(session, FINDINGS.table, now, limit)


def earliest_finding_check(session: Session) -> datetime | None:
    return scheduler.earliest_check(session, FINDINGS.table)


def finding_overdue(now: datetime) -> Any:
    """Awaiting the unit (issued, or rectifying) past the due date."""
    table = FINDINGS.table
    awaiting = table.c.status.in_([FindingStatus.ISSUED.value, FindingStatus.RECTIFYING.value])
    return and_(awaiting, table.c.due_at.is_not(None), table.c.due_at <= now)


def findings_pending_transfer(session: Session, limit: int = 50) -> list[str]:
    table = FINDINGS.table
    query = select(table.c.id).where(table.c.transfer_pending == true()).order_by(table.c.drafted_at).limit(limit)
    return [str(row.id) for row in session.execute(query)]


# --- findings followed by the rectification ledger ------------------------------------------------------


def save_finding(session: Session, finding: Finding, version: int) -> int:
    """Save the finding, and the count of its steps for the ledger (a row from its first step on)."""
    version = FINDINGS.save(session, finding, version)
    steps = len(finding.ledger_steps)
    if steps:
        where = _LEDGER.c.finding_id == finding.id
        if session.execute(sa_update(_LEDGER).where(where).values(steps=steps)).rowcount == 0:  # type: ignore[attr-defined]
            session.execute(insert(_LEDGER).values(finding_id=finding.id, steps=steps, applied=0, item_id=""))
    return version


def findings_pending_ledger(session: Session, limit: int = 50) -> list[tuple[str, int, str]]:
    """Findings with steps the ledger does not hold yet, oldest first: (id, the next step, the item's id)."""
    table = FINDINGS.table
    query = (
        select(_LEDGER.c.finding_id, _LEDGER.c.applied, _LEDGER.c.item_id)
        .join(table, table.c.id == _LEDGER.c.finding_id)
        .where(_LEDGER.c.steps > _LEDGER.c.applied)
        .order_by(table.c.drafted_at, table.c.id)
        .limit(limit)
    )
    return [(str(row.finding_id), int(row.applied), str(row.item_id)) for row in session.execute(query)]


def record_ledger_step(session: Session, finding_id: str, step: int, item_id: str) -> None:
    """The ledger holds step ``step`` of the finding, in the item ``item_id``; ``Conflict`` when the row
    is no longer at that step (recorded meanwhile) or names another item."""
    where = and_(_LEDGER.c.finding_id == finding_id, _LEDGER.c.applied == step)
    if step:
        where = and_(where, _LEDGER.c.item_id == item_id)
    values = {"applied": step + 1, "item_id": item_id}
    if session.execute(sa_update(_LEDGER).where(where).values(**values)).rowcount != 1:  # type: ignore[attr-defined]
        session.rollback()
        raise Conflict("该评查意见的整改台账记录已更新")
    session.commit()


def ledger_item_ids(session: Session, finding_ids: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(finding_ids))
    if not wanted:
        return {}
    query = select(_LEDGER.c.finding_id, _LEDGER.c.item_id).where(_LEDGER.c.finding_id.in_(wanted))
    return {str(row.finding_id): str(row.item_id) for row in session.execute(query) if row.item_id}
