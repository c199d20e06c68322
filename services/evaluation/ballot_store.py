"""Where a secret ballot goes: a receipt under a unique key, and +1s on counters — never a ballot.

Tables:

- ``ballot_session`` — the session (``ballots.BallotSession``) as a document with its status; ``turnout``
  (the number of receipts) is kept beside it by the casts themselves, not by the aggregate.
(Project votes, ``project_handlers``, keep their receipts and counters in the same two tables, keyed by the
vote's id.)

- ``ballot_receipt`` — (session id, voter): the primary key *is* the one-ballot-per-voter rule; a second
  ballot of the same voter fails on it and its transaction, counters included, rolls back. No time, no
  sequence, no ballot id, no other column.
- ``ballot_counter`` — (session id, subject, counter) → value, made at the opening for every subject and
  every counter the mode has (four grades; or the score sum, count and 101 buckets), and only ever
  incremented in place afterwards. No row is added by a ballot, so not even the physical order of rows
  follows the order of ballots.

What the database keeps on its own — PostgreSQL's old row versions until vacuum, its write-ahead log — is
outside the data model; an operator who holds those holds the server's memory too. The schema itself
cannot tie a ballot to a voter: the only per-voter rows say that someone voted, and the only rows that
say how are sums.

The cast and the close are serialised on the session row: a cast first bumps ``turnout`` where the
session is still open (it fails when it was closed meanwhile), and the close first locks the row the same
way, then reads the counters — so a ballot is either in the published counts or refused, never lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Column, DateTime, Integer, Table, Text, and_, bindparam, delete, func, insert, select
from sqlalchemy import update as sa_update
from sqlmodel import Field, Session, SQLModel

from services.evaluation import ballots
from services.evaluation.ballots import BallotSession, Increment, Mode, Receipt, SessionStatus, Tally, TallyDelta
from services.evaluation.domain import Grade
from wulian.kit.documents import Documents
from wulian.kit.errors import Conflict

_TZ = DateTime(timezone=True)


class BallotSessionRow(SQLModel, table=True):
    __tablename__ = "ballot_session"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    title: str = Field(max_length=100)
    purpose: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    campaign_id: str = Field(default="", index=True, max_length=64)
    created_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    turnout: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    document: str = Field(sa_column=Column(Text, nullable=False))


class BallotReceiptRow(SQLModel, table=True):
    """That a voter voted in a session: nothing else, not even when."""

    __tablename__ = "ballot_receipt"

    session_id: str = Field(primary_key=True, max_length=36)
    voter: str = Field(primary_key=True, max_length=64)


class BallotCounterRow(SQLModel, table=True):
    __tablename__ = "ballot_counter"

    session_id: str = Field(primary_key=True, max_length=36)
    ref: str = Field(primary_key=True, max_length=64)
    counter: str = Field(primary_key=True, max_length=32)
    value: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))


def _session_columns(session: BallotSession) -> dict[str, object]:
    return {
        "title": session.title,
        "purpose": session.purpose.value,
        "status": session.status.value,
        "campaign_id": session.campaign_id,
        "created_at": session.created_at,
    }


SESSIONS = Documents(BallotSessionRow, BallotSession, _session_columns, missing="未找到该测评")
_SESSION: Table = BallotSessionRow.__table__  # type: ignore[attr-defined]
_RECEIPT: Table = BallotReceiptRow.__table__  # type: ignore[attr-defined]
_COUNTER: Table = BallotCounterRow.__table__  # type: ignore[attr-defined]


def counters_of(mode: Mode) -> tuple[str, ...]:
    if mode is Mode.GRADES:
        return tuple(g.value for g in Grade)
    return (ballots.SCORE_SUM, ballots.SCORE_COUNT, *(ballots.bucket(s) for s in range(ballots.SCORE_MAX + 1)))


def make_counters(db: Session, session: BallotSession) -> None:
    """At the opening: every counter of every subject, at zero."""
    open_counters(db, session.id, [(ref, counter) for ref in session.refs for counter in counters_of(session.mode)])


def open_counters(db: Session, session_id: str, keys: Sequence[tuple[str, str]]) -> None:
    """The counters of a secret vote (a ballot session or a project vote), made at zero when it opens."""
    rows = [{"session_id": session_id, "ref": ref, "counter": counter, "value": 0} for ref, counter in keys]
    db.execute(insert(_COUNTER), rows)


def _claim_open(db: Session, parent: Table, session_id: str, add: int) -> None:
    """Take the vote's row lock where it is still open (``add`` to its turnout)."""
    where = and_(parent.c.id == session_id, parent.c.status == SessionStatus.OPEN.value)
    changed = db.execute(sa_update(parent).where(where).values(turnout=parent.c.turnout + add))
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        db.rollback()
        raise Conflict("本次投票已不在进行中")


def record_secret(db: Session, parent: Table, session_id: str, voter: str, increments: Sequence[Increment]) -> None:
    """A receipt and counter increments, in the caller's transaction; a second receipt of the same voter
    fails on the primary key (``IntegrityError``: the caller's transaction rolls back). ``parent`` is the
    vote's table (``ballot_session`` or ``project_vote``: an ``id``, a ``status`` and a ``turnout``)."""
    _claim_open(db, parent, session_id, 1)
    db.execute(insert(_RECEIPT).values(session_id=session_id, voter=voter))
    where = and_(
        _COUNTER.c.session_id == session_id,
        _COUNTER.c.ref == bindparam("b_ref"),
        _COUNTER.c.counter == bindparam("b_counter"),
    )
    statement = sa_update(_COUNTER).where(where).values(value=_COUNTER.c.value + bindparam("b_amount"))
    rows = [{"b_ref": i.ref, "b_counter": i.counter, "b_amount": i.amount} for i in increments]
    db.connection().execute(statement, rows)  # one executemany for the whole ballot


def record_ballot(db: Session, receipt: Receipt, delta: TallyDelta) -> None:
    record_secret(db, _SESSION, receipt.session_id, receipt.voter, delta.increments)


def has_voted(db: Session, session_id: str, voter: str) -> bool:
    query = select(_RECEIPT.c.voter).where(and_(_RECEIPT.c.session_id == session_id, _RECEIPT.c.voter == voter))
    return db.execute(query).first() is not None


def receipts(db: Session, session_id: str) -> int:
    return int(
        db.execute(select(func.count()).select_from(_RECEIPT).where(_RECEIPT.c.session_id == session_id)).scalar_one()
    )


def lock_for_close(db: Session, parent: Table, session_id: str) -> None:
    """Take the vote's row lock before reading its counters, so that no cast commits in between."""
    _claim_open(db, parent, session_id, 0)


def tally_for_close(db: Session, session_id: str) -> Tally:
    lock_for_close(db, _SESSION, session_id)
    return tally(db, session_id)


def counter_values(db: Session, session_id: str) -> dict[tuple[str, str], int]:
    query = select(_COUNTER.c.ref, _COUNTER.c.counter, _COUNTER.c.value).where(_COUNTER.c.session_id == session_id)
    return {(str(ref), str(counter)): int(value) for ref, counter, value in db.execute(query)}


def tally(db: Session, session_id: str) -> Tally:
    counters = {key: value for key, value in counter_values(db, session_id).items() if value}
    return Tally(session_id, receipts(db, session_id), counters)


def discard(db: Session, session_id: str) -> None:
    """A cancelled session's receipts and counters: nothing of its ballots is kept."""
    db.execute(delete(_RECEIPT).where(_RECEIPT.c.session_id == session_id))
    db.execute(delete(_COUNTER).where(_COUNTER.c.session_id == session_id))
