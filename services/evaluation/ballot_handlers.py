"""Use cases of the ballot sessions: load, let the session decide, store with its events in one transaction.

A cast stores a receipt and counter increments (``ballot_store``) and nothing else — no event, no log line
naming the voter or the ballot. A second ballot of the same voter, however it races the first, fails on the
receipt's key and answers ``Conflict`` ("您已投票，不能重复投票") with nothing written.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from services.evaluation import appraisal_handlers, ballot_store, ballots
from services.evaluation.ballot_store import SESSIONS
from services.evaluation.ballots import BallotSession, SessionResults, SessionSummary
from services.evaluation.messages import commit
from wulian.kit.clock import Clock, utc_now
from wulian.kit.errors import Conflict
from wulian.kit.principal import Principal


@dataclass(frozen=True)
class Shown:
    summary: SessionSummary
    version: int


def _shown(db: Session, principal: Principal, session: BallotSession, version: int) -> Shown:
    live = ballot_store.receipts(db, session.id) if session.status is ballots.SessionStatus.OPEN else None
    return Shown(ballots.summary_for(principal, session, receipts=live), version)


def _save(db: Session, principal: Principal, session: BallotSession, version: int) -> int:
    version = SESSIONS.save(db, session, version)
    commit(db, principal, session)
    return version


def create(db: Session, principal: Principal, command: ballots.CreateSession, clock: Clock = utc_now) -> Shown:
    session = BallotSession.create(str(uuid.uuid4()), principal, command, clock())
    SESSIONS.insert(db, session)
    commit(db, principal, session)
    return _shown(db, principal, session, 1)


def edit(
    db: Session, principal: Principal, session_id: str, command: ballots.EditSession, clock: Clock = utc_now
) -> Shown:
    loaded = SESSIONS.existing(db, session_id)
    loaded.aggregate.edit(principal, command, clock())
    return _shown(db, principal, loaded.aggregate, _save(db, principal, loaded.aggregate, loaded.version))


def open_session(db: Session, principal: Principal, session_id: str, clock: Clock = utc_now) -> Shown:
    loaded = SESSIONS.existing(db, session_id)
    loaded.aggregate.open(principal, clock())
    version = SESSIONS.save(db, loaded.aggregate, loaded.version)
    ballot_store.make_counters(db, loaded.aggregate)
    commit(db, principal, loaded.aggregate)
    return _shown(db, principal, loaded.aggregate, version)


def cast(
    db: Session, principal: Principal, session_id: str, command: ballots.CastBallot, clock: Clock = utc_now
) -> None:
    """One ballot: its receipt and its counter increments, or nothing at all."""
    session = SESSIONS.existing(db, session_id).aggregate
    already = ballot_store.has_voted(db, session.id, principal.subject)
    receipt, delta = session.cast(principal, command, clock(), already_voted=already)
    try:
        ballot_store.record_ballot(db, receipt, delta)
        db.commit()
    except IntegrityError as error:  # the same voter's other ballot committed first
        db.rollback()
        raise Conflict(ballots.ALREADY_VOTED) from error


def close(db: Session, principal: Principal, session_id: str, clock: Clock = utc_now) -> SessionResults:
    loaded = SESSIONS.existing(db, session_id)
    session = loaded.aggregate
    ballots.SESSION_STATES.ensure(ballots.SessionAction.CLOSE, session.status)
    tally = ballot_store.tally_for_close(db, session.id)
    now = clock()
    computed = session.close(principal, tally, now)
    closed = session.events[-1]
    assert isinstance(closed, ballots.SessionClosed)
    appraisal_handlers.publish_from_session(db, closed, now)  # an appraisal's results, at once
    _save(db, principal, session, loaded.version)
    return computed


def cancel(
    db: Session, principal: Principal, session_id: str, command: ballots.CancelSession, clock: Clock = utc_now
) -> Shown:
    loaded = SESSIONS.existing(db, session_id)
    loaded.aggregate.cancel(principal, command, clock())
    ballot_store.discard(db, loaded.aggregate.id)
    return _shown(db, principal, loaded.aggregate, _save(db, principal, loaded.aggregate, loaded.version))


def get(db: Session, principal: Principal, session_id: str) -> Shown:
    loaded = SESSIONS.existing(db, session_id)
    return _shown(db, principal, loaded.aggregate, loaded.version)


def results(db: Session, principal: Principal, session_id: str) -> SessionResults:
    session = SESSIONS.existing(db, session_id).aggregate
    return ballots.published_results(principal, session, ballot_store.tally(db, session.id))
