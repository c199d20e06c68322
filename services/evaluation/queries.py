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

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from sqlmodel import Session

from services.evaluation import ballots, project_views
from services.evaluation.appraisal_handlers import CAMPAIGNS
from services.evaluation.appraisals import CampaignStatus, campaign_view
from services.evaluation.ballot_store import SESSIONS
from services.evaluation.ballots import BallotSession
from services.evaluation.candidates import Candidate
from services.evaluation.project_handlers import CANDIDATES, PROJECTS, VOTES
from services.evaluation.project_states import CandidateStatus, ProjectStatus, VoteStatus
from services.evaluation.project_votes import ProjectVote
from services.evaluation.projects import Project
from wulian.kit.clock import Clock, utc_now
from wulian.kit.documents import Aggregate
from wulian.kit.paging import Page, Shown
from wulian.kit.principal import Principal
from wulian.kit.read_models import selected, to_json, visible_page

A = TypeVar("A", bound=Aggregate)


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
        selected(db, CAMPAIGNS, filters, ("year", "status"), CampaignStatus), lambda c: (c.year, c.created_at)
    )
    return visible_page(
        principal, campaigns, lambda c: c.view_for(principal), lambda c: campaign_view(c, principal),
        lambda c: c.status, CampaignStatus, (page_size, page_token),
    )  # fmt: skip


# --- ballot sessions ---------------------------------------------------------------------------------


def list_sessions(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]
) -> Page:
    """Filters: status, purpose, campaign_id; ``mine`` ("true"): the open sessions the caller votes in."""
    sessions: list[BallotSession] = _sort_newest(
        selected(db, SESSIONS, filters, ("status", "purpose", "campaign_id"), ballots.SessionStatus),
        lambda s: s.created_at,
    )
    if filters.get("mine") == "true":
        sessions = [s for s in sessions if s.in_electorate(principal) and s.status is ballots.SessionStatus.OPEN]
    return visible_page(
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
    candidates: list[Candidate] = selected(db, CANDIDATES, filters, ("year", "status"), CandidateStatus)
    return visible_page(
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
    votes: list[ProjectVote] = selected(db, VOTES, filters, ("year", "status"), VoteStatus)
    return visible_page(
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
    projects: list[Project] = selected(db, PROJECTS, filters, ("year", "unit", "status"), ProjectStatus)
    projects.sort(key=lambda p: (-p.year, p.created_at, p.id))
    return visible_page(
        principal, projects, lambda p: project_views.project_access(principal, p),
        lambda p: project_views.project_list([p], principal, now)[0], lambda p: p.status,
        ProjectStatus, (page_size, page_token),
    )  # fmt: skip
