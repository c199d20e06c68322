"""Use cases of the livelihood projects: candidates, the secret project vote, the projects it elects, their
progress and the joint inspections whose problems go into the rectification ledger.

Candidates, votes and projects are stored whole (``wulian.kit.documents``). A vote keeps its ballots as the
ballot sessions do (``ballot_store``): a receipt per voter and one counter per candidate, nothing else. The
close decides every candidate and creates the elected projects in the same transaction; an inspection's
problems are raised as rectification items (source ``project_inspection``, in the name of the body that
inspected) in the inspection's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import DateTime, Integer, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Column, Field, Session, SQLModel, Text

from services.evaluation import ballot_store, messages
from services.evaluation.ballots import Increment
from services.evaluation.candidates import Candidate
from services.evaluation.messages import commit
from services.evaluation.project_commands import AddCandidate, CancelVote, CastPicks, CreateRunoff, CreateVote, EditVote
from services.evaluation.project_states import VoteStatus
from services.evaluation.project_votes import ProjectVote, Tally, VoteResults
from services.evaluation.projects import InspectionProblem, Project, projects_from
from services.evaluation.rectification_commands import ItemContent, RaiseItem, Raiser
from services.evaluation.rectification_store import ITEMS, by_source_key, source_key
from services.evaluation.rectifications import RectificationItem
from wulian.kit import scheduler
from wulian.kit.clock import Clock, utc_now
from wulian.kit.documents import Documents, Loaded
from wulian.kit.errors import Conflict
from wulian.kit.principal import Principal

_TZ = DateTime(timezone=True)
VOTES_COUNTER = "votes"
A = TypeVar("A", Candidate, ProjectVote, Project)


class CandidateRow(SQLModel, table=True):
    __tablename__ = "project_candidate"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    year: int = Field(index=True)
    status: str = Field(index=True, max_length=32)
    document: str = Field(sa_column=Column(Text, nullable=False))


class VoteRow(SQLModel, table=True):
    __tablename__ = "project_vote"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    year: int = Field(index=True)
    status: str = Field(index=True, max_length=32)
    turnout: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    document: str = Field(sa_column=Column(Text, nullable=False))


class ProjectRow(SQLModel, table=True):
    __tablename__ = "livelihood_project"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    year: int = Field(index=True)
    unit: str = Field(index=True, max_length=64)
    status: str = Field(index=True, max_length=32)
    created_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


CANDIDATES = Documents(
    CandidateRow, Candidate, lambda c: {"year": c.year, "status": c.status.value}, missing="未找到该候选项目"
)
VOTES = Documents(VoteRow, ProjectVote, lambda v: {"year": v.year, "status": v.status.value}, missing="未找到该票决")
PROJECTS = Documents(
    ProjectRow,
    Project,
    lambda p: {
        "year": p.year, "unit": p.unit, "status": p.status.value, "created_at": p.created_at,
        "next_check_at": p.next_check_at(),
    }, missing="未找到该民生实事项目")  # fmt: skip


def _candidates_of(db: Session, year: int) -> list[Loaded[Candidate]]:
    table = CANDIDATES.table
    rows = db.execute(select(table.c.document, table.c.version).where(table.c.year == year).order_by(table.c.id))
    return [Loaded(CANDIDATES.parse(row.document), int(row.version)) for row in rows]


def _year_vote(db: Session, year: int) -> VoteStatus | None:
    table = VOTES.table
    query = select(table.c.document).where(table.c.year == year).order_by(table.c.id)
    statuses = [VOTES.parse(row.document) for row in db.execute(query)]
    first = [v.status for v in statuses if not v.runoff_of and v.status is not VoteStatus.CANCELLED]
    return first[0] if first else None


# --- candidates and the vote -------------------------------------------------------------------------


def add_candidate(db: Session, principal: Principal, command: AddCandidate, clock: Clock = utc_now) -> Candidate:
    year = command.year if isinstance(command.year, int) else 0
    candidate = Candidate.add(str(uuid.uuid4()), principal, command, clock(), year_vote=_year_vote(db, year))
    CANDIDATES.insert(db, candidate)
    commit(db, principal, candidate)
    return candidate


def create_vote(db: Session, principal: Principal, command: CreateVote, clock: Clock = utc_now) -> ProjectVote:
    vote = ProjectVote.create(str(uuid.uuid4()), principal, command, clock())
    VOTES.insert(db, vote)
    commit(db, principal, vote)
    return vote


def open_vote(db: Session, principal: Principal, vote_id: str, clock: Clock = utc_now) -> Loaded[ProjectVote]:
    loaded = VOTES.existing(db, vote_id)
    vote = loaded.aggregate
    candidates = _candidates_of(db, vote.year)
    put = set(vote.open(principal, [c.aggregate for c in candidates], clock()))
    version = VOTES.save(db, vote, loaded.version)
    for item in candidates:
        if item.aggregate.id in put:
            item.aggregate.put_on_ballot(vote.id)
            CANDIDATES.save(db, item.aggregate, item.version)
    ballot_store.open_counters(db, vote.id, [(c, VOTES_COUNTER) for c in vote.candidate_ids])
    commit(db, principal, vote)
    return Loaded(vote, version)


def edit_vote(
    db: Session, principal: Principal, vote_id: str, command: EditVote, clock: Clock = utc_now
) -> Loaded[ProjectVote]:
    return _act(VOTES, db, principal, vote_id, lambda v, now: v.edit(principal, command, now), clock)


def create_runoff(
    db: Session, principal: Principal, parent_id: str, command: CreateRunoff, clock: Clock = utc_now
) -> ProjectVote:
    """A run-off over the candidates tied at the last place of the closed vote ``parent_id``."""
    parent = VOTES.existing(db, parent_id).aggregate
    vote = ProjectVote.create_runoff(str(uuid.uuid4()), principal, parent, command, clock())
    VOTES.insert(db, vote)
    commit(db, principal, vote)
    return vote


def cancel_vote(
    db: Session, principal: Principal, vote_id: str, command: CancelVote, clock: Clock = utc_now
) -> Loaded[ProjectVote]:
    """Cancel: an open first round's candidates go back to the list, its receipts and counters are dropped."""
    loaded = VOTES.existing(db, vote_id)
    vote = loaded.aggregate
    released = set(vote.cancel(principal, command, clock()))
    version = VOTES.save(db, vote, loaded.version)
    for item in _candidates_of(db, vote.year):
        if item.aggregate.id in released:
            item.aggregate.release(vote.id)
            CANDIDATES.save(db, item.aggregate, item.version)
    ballot_store.discard(db, vote.id)
    commit(db, principal, vote)
    return Loaded(vote, version)


def cast(db: Session, principal: Principal, vote_id: str, command: CastPicks) -> None:
    """A deputy's picks: a receipt and +1 on each picked candidate's counter, or nothing at all."""
    vote = VOTES.existing(db, vote_id).aggregate
    already = ballot_store.has_voted(db, vote.id, principal.subject)
    receipt, delta = vote.cast(principal, command, already_voted=already)
    increments = [Increment(c, VOTES_COUNTER, 1) for c in delta.candidate_ids]
    try:
        ballot_store.record_secret(db, VOTES.table, receipt.vote_id, receipt.voter, increments)
        db.commit()
    except IntegrityError as error:
        db.rollback()
        raise Conflict("您已投票，不能重复投票") from error


def close_vote(db: Session, principal: Principal, vote_id: str, clock: Clock = utc_now) -> VoteResults:
    """Close: the counters read under the vote's lock; every candidate decided; the elected become projects."""
    loaded = VOTES.existing(db, vote_id)
    vote = loaded.aggregate
    ballot_store.lock_for_close(db, VOTES.table, vote.id)
    values = ballot_store.counter_values(db, vote.id)
    tally = Tally({ref: n for (ref, _), n in values.items()}, ballot_store.receipts(db, vote.id))
    now = clock()
    results = vote.close(principal, tally, now)
    VOTES.save(db, vote, loaded.version)
    # the candidates on this vote's ballot: a first round's, or the tied ones a run-off took over
    candidates = [c for c in _candidates_of(db, vote.year) if c.aggregate.id in vote.candidate_ids]
    for item in candidates:
        item.aggregate.decide(results)
        CANDIDATES.save(db, item.aggregate, item.version)
    projects = projects_from(results, [c.aggregate for c in candidates], now)
    for project in projects:
        PROJECTS.insert(db, project)
    commit(db, principal, vote, *(c.aggregate for c in candidates), *projects)
    return results


# --- projects ------------------------------------------------------------------------------------------


def get_project(db: Session, project_id: str) -> Loaded[Project]:
    return PROJECTS.existing(db, project_id)


def _act(
    documents: Documents[A],
    db: Session,
    principal: Principal,
    object_id: str,
    step: Callable[[A, datetime], object],
    clock: Clock,
) -> Loaded[A]:
    loaded = documents.existing(db, object_id)
    step(loaded.aggregate, clock())
    version = documents.save(db, loaded.aggregate, loaded.version)
    commit(db, principal, loaded.aggregate)
    return Loaded(loaded.aggregate, version)


def act_on_candidate(
    db: Session,
    principal: Principal,
    candidate_id: str,
    step: Callable[[Candidate, datetime], object],
    clock: Clock = utc_now,
) -> Loaded[Candidate]:
    return _act(CANDIDATES, db, principal, candidate_id, step, clock)


def act_on_project(
    db: Session,
    principal: Principal,
    project_id: str,
    step: Callable[[Project, datetime], object],
    clock: Clock = utc_now,
) -> Loaded[Project]:
    return _act(PROJECTS, db, principal, project_id, step, clock)


def record_inspection(
    db: Session,
    principal: Principal,
    project_id: str,
    step: Callable[[Project, datetime], tuple[InspectionProblem, ...]],
    clock: Clock = utc_now,
) -> tuple[Loaded[Project], list[str]]:
    """The inspection and, in its transaction, a rectification item for each problem found; returns the
    project and the items' ids."""
    loaded = get_project(db, project_id)
    project, now = loaded.aggregate, clock()
    found = step(project, now)
    version = PROJECTS.save(db, project, loaded.version)
    items = [_item_for(db, project, problem, principal, now) for problem in found]
    commit(db, principal, project, *items)
    return Loaded(project, version), [item.id for item in items]


def _item_for(
    db: Session, project: Project, problem: InspectionProblem, principal: Principal, now: datetime
) -> RectificationItem:
    content = ItemContent(problem.unit, project.unit_name if problem.unit == project.unit else problem.unit,
                          problem.problem, problem.measures)  # fmt: skip
    raiser = Raiser(problem.raised_by, principal.subject, principal.name)
    item = RectificationItem.raise_item(
        str(uuid.uuid4()), raiser, RaiseItem(problem.source, problem.source_ref, content), now
    )
    key = source_key(item)
    if key is not None and by_source_key(db, key) is not None:
        raise Conflict("该视察问题已列入整改台账")
    ITEMS.insert(db, item)
    return item


# --- the scheduler's milestone notices -----------------------------------------------------------------


def projects_due(db: Session, now: datetime, limit: int) -> list[str]:
    return scheduler.due_ids(db, PROJECTS.table, now, limit)


def earliest_project_check(db: Session) -> datetime | None:
    return scheduler.earliest_check(db, PROJECTS.table)


def raise_milestone_notices(db: Session, project_id: str, clock: Clock = utc_now) -> int:
    """The scheduler's step: a ``MilestoneMissed`` for each milestone that fell late, raised once."""
    return messages.raise_due_notices(PROJECTS, db, project_id, clock())
