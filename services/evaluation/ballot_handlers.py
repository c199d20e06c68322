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
from services.evaluation.appraisal_handlers import CAMPAIGNS
from services.evaluation.appraisals import AppraisalBallot, ballot_plan, campaign_view
from services.evaluation.ballot_store import SESSIONS
from services.evaluation.ballots import BallotSession, SessionResults, SessionSummary
from services.evaluation.messages import commit
from wulian.kit.clock import Clock, utc_now
from wulian.kit.errors import Conflict, InvalidArgument
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
    """A session of its own (a project's year-end satisfaction ballot, …). A campaign's is made by
    ``create_for_campaign``, which puts the campaign's departments on it and links the two: an appraisal
    session naming a campaign here would never publish into it."""
    if command.plan.purpose == ballots.Purpose.APPRAISAL.value and command.plan.campaign_id:
        details = [{"field": "plan.campaign_id", "message": "请在该评议中发起满意度测评"}]
        raise InvalidArgument("部门工作评议的满意度测评请在该评议中发起", details=details)
    session = BallotSession.create(str(uuid.uuid4()), principal, command, clock())
    SESSIONS.insert(db, session)
    commit(db, principal, session)
    return _shown(db, principal, session, 1)


def create_for_campaign(
    db: Session, principal: Principal, campaign_id: str, command: AppraisalBallot, clock: Clock = utc_now
) -> Shown:
    """The campaign's satisfaction ballot over its departments, linked to it in the same transaction."""
    loaded = CAMPAIGNS.existing(db, campaign_id)
    campaign, now = loaded.aggregate, clock()
    campaign_view(campaign, principal)  # NotFound for whom the campaign does not exist
    plan = ballots.CreateSession(ballot_plan(campaign, command))
    session = BallotSession.create(str(uuid.uuid4()), principal, plan, now)
    campaign.link_ballot(principal, session.id, now)
    SESSIONS.insert(db, session)
    CAMPAIGNS.save(db, campaign, loaded.version)
    commit(db, principal, session, campaign)
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


def campaign_results(db: Session, principal: Principal, campaign_id: str) -> SessionResults:
    """The results of a campaign's ballot, for whom the campaign exists, once they are published."""
    campaign = CAMPAIGNS.existing(db, campaign_id).aggregate
    campaign_view(campaign, principal)  # NotFound for whom the campaign does not exist
    if not campaign.ballot_session_id:
        raise Conflict("本次评议尚未组织满意度测评")
    return results(db, principal, campaign.ballot_session_id)
