"""Reads of the evaluation service as JSON read models: one object as its caller may see it (``Shown``) and
lists (``Page``) of campaigns, ballot sessions, candidates, votes and projects.

These lists are short — a city has a few dozen departments, a campaign or two and at most a few dozen
candidates and projects a year — so a list loads the rows its filters select in the database, keeps those
the caller may see (the aggregates' own visibility rules, the same that decide a single read) and pages
the result in memory: totals and pages are exact, never a short page after a count of rows the caller
cannot see. The rectification ledger, which grows with every link, pages in the database instead
(``rectification_handlers.list_items``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import TypeAdapter
from sqlalchemy import and_, select
from sqlmodel import Session

from services.evaluation import ballots, project_views
from services.evaluation.appraisal_handlers import CAMPAIGNS
from services.evaluation.appraisals import CampaignStatus, campaign_view
from services.evaluation.ballot_store import SESSIONS
from services.evaluation.ballots import BallotSession
from services.evaluation.candidates import Candidate
from services.evaluation.domain import View
from services.evaluation.project_handlers import CANDIDATES, PROJECTS, VOTES
from services.evaluation.project_states import CandidateStatus, ProjectStatus, VoteStatus
from services.evaluation.project_votes import ProjectVote
from services.evaluation.projects import Project
from wulian.kit.clock import Clock, utc_now
from wulian.kit.documents import Aggregate, Documents
from wulian.kit.errors import InvalidArgument
from wulian.kit.paging import DEFAULT_PAGE_SIZE, Page, Shown, encode_page_token, page_problems
from wulian.kit.principal import Principal
from wulian.kit.states import status_counts

A = TypeVar("A", bound=Aggregate)


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def to_json(model: object) -> str:
    """A read model (a dataclass of the domain) as JSON: dates ISO, decimals as text, enums by value."""
    kind = type(model)
    adapter = _ADAPTERS.get(kind) or _ADAPTERS.setdefault(kind, TypeAdapter(kind))
    return adapter.dump_json(model).decode()


def paged(models: list[Any], page_size: int, page_token: str) -> Page:
    offset, problems = page_problems(page_size, page_token)
    if problems:
        raise InvalidArgument("查询条件未通过校验", details=problems)
    limit = page_size or DEFAULT_PAGE_SIZE
    token = encode_page_token(offset + limit) if offset + limit < len(models) else ""
    return Page([to_json(m) for m in models[offset : offset + limit]], token, len(models), {})


def _year(filters: Mapping[str, str]) -> int | None:
    text = filters.get("year", "")
    if not text:
        return None
    if not text.isdigit() or not 2000 <= int(text) <= 2100:
        raise InvalidArgument("查询条件未通过校验", details=[{"field": "year", "message": "年度应为 2000–2100"}])
    return int(text)


def _selected(
    db: Session, documents: Documents[A], filters: Mapping[str, str], columns: Iterable[str], statuses: type[StrEnum]
) -> list[A]:
    """The aggregates whose ``columns`` equal the given filters (``year`` as a number), in id order."""
    if filters.get("status") and filters["status"] not in statuses.__members__.values():
        raise InvalidArgument("查询条件未通过校验", details=[{"field": "status", "message": "状态不在可选范围内"}])
    table = documents.table
    conditions = []
    for name in columns:
        if name == "year" and (year := _year(filters)) is not None:
            conditions.append(table.c.year == year)
        elif name != "year" and filters.get(name):
            conditions.append(table.c[name] == filters[name])
    query = select(table.c.document).where(and_(True, *conditions)).order_by(table.c.id)
    return [documents.parse(row.document) for row in db.execute(query)]


def _listing(
    principal: Principal,
    aggregates: list[A],
    access: Callable[[A], View],
    view: Callable[[A], Any],
    status: Callable[[A], Any],
    statuses: type[StrEnum],
    page: tuple[int, str],
) -> Page:
    """The caller's page of ``aggregates``: the rows of the limited view and up; for a counts-only role
    (``platform_admin``), the numbers per status and no row."""
    levels = [(a, access(a)) for a in aggregates]
    rows = [view(a) for a, level in levels if level >= View.LIMITED]
    if not rows and "platform_admin" in principal.roles:
        counts = status_counts(statuses, (status(a) for a, level in levels if level is View.COUNTS))
        return Page([], "", sum(counts.values()), {str(k): v for k, v in counts.items()})
    return paged(rows, *page)


def _sort_newest(aggregates: list[A], key: Callable[[A], Any]) -> list[A]:
    return sorted(aggregates, key=key, reverse=True)


# --- appraisal campaigns -----------------------------------------------------------------------------


def get_campaign(db: Session, principal: Principal, campaign_id: str) -> Shown:
    loaded = CAMPAIGNS.existing(db, campaign_id)
    return Shown(campaign_id, loaded.version, to_json(campaign_view(loaded.aggregate, principal)))


def list_campaigns(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]
) -> Page:
    campaigns = _sort_newest(
        _selected(db, CAMPAIGNS, filters, ("year", "status"), CampaignStatus), lambda c: (c.year, c.created_at)
    )
    return _listing(
        principal, campaigns, lambda c: c.view_for(principal), lambda c: campaign_view(c, principal),
        lambda c: c.status, CampaignStatus, (page_size, page_token),
    )  # fmt: skip


# --- ballot sessions ---------------------------------------------------------------------------------


def list_sessions(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]
) -> Page:
    """Filters: status, purpose, campaign_id; ``mine`` ("true"): the open sessions the caller votes in."""
    sessions: list[BallotSession] = _sort_newest(
        _selected(db, SESSIONS, filters, ("status", "purpose", "campaign_id"), ballots.SessionStatus),
        lambda s: s.created_at,
    )
    if filters.get("mine") == "true":
        sessions = [s for s in sessions if s.in_electorate(principal) and s.status is ballots.SessionStatus.OPEN]
    return _listing(
        principal, sessions, lambda s: ballots.session_view(principal, s),
        lambda s: ballots.summary_for(principal, s), lambda s: s.status, ballots.SessionStatus,
        (page_size, page_token),
    )  # fmt: skip


# --- candidates, votes, projects ---------------------------------------------------------------------


def get_candidate(db: Session, principal: Principal, candidate_id: str) -> Shown:
    loaded = CANDIDATES.existing(db, candidate_id)
    return Shown(candidate_id, loaded.version, to_json(project_views.candidate_view(loaded.aggregate, principal)))


def candidate_shown(candidate: Candidate, version: int, principal: Principal) -> Shown:
    return Shown(candidate.id, version, to_json(project_views.candidate_view(candidate, principal)))


def list_candidates(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]
) -> Page:
    candidates: list[Candidate] = _selected(db, CANDIDATES, filters, ("year", "status"), CandidateStatus)
    return _listing(
        principal, candidates, lambda c: project_views.candidate_access(principal, c),
        lambda c: project_views.candidate_view(c, principal), lambda c: c.status,
        CandidateStatus, (page_size, page_token),
    )  # fmt: skip


def vote_shown(vote: ProjectVote, version: int, principal: Principal) -> Shown:
    return Shown(vote.id, version, to_json(project_views.vote_view(vote, principal)))


def get_vote(db: Session, principal: Principal, vote_id: str) -> Shown:
    loaded = VOTES.existing(db, vote_id)
    return vote_shown(loaded.aggregate, loaded.version, principal)


def list_votes(db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]) -> Page:
    votes: list[ProjectVote] = _selected(db, VOTES, filters, ("year", "status"), VoteStatus)
    return _listing(
        principal, votes, lambda v: project_views.vote_access(principal),
        lambda v: project_views.vote_view(v, principal), lambda v: v.status,
        VoteStatus, (page_size, page_token),
    )  # fmt: skip


def project_shown(project: Project, version: int, principal: Principal, now: datetime) -> Shown:
    return Shown(project.id, version, to_json(project_views.project_view(project, principal, now)))


def get_project(db: Session, principal: Principal, project_id: str, clock: Clock = utc_now) -> Shown:
    loaded = PROJECTS.existing(db, project_id)
    return project_shown(loaded.aggregate, loaded.version, principal, clock())


def list_projects(
    db: Session,
    principal: Principal,
    page_size: int,
    page_token: str,
    filters: Mapping[str, str],
    clock: Clock = utc_now,
) -> Page:
    now = clock()
    projects: list[Project] = _selected(db, PROJECTS, filters, ("year", "unit", "status"), ProjectStatus)
    projects.sort(key=lambda p: (-p.year, p.created_at, p.id))
    return _listing(
        principal, projects, lambda p: project_views.project_access(principal, p),
        lambda p: project_views.project_list([p], principal, now)[0], lambda p: p.status,
        ProjectStatus, (page_size, page_token),
    )  # fmt: skip
