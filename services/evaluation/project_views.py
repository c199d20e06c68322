"""民生实事联督 — who sees what of the livelihood projects, and the read models.

Deny by default. Organizers, the discipline roles and the congress's leaders see everything (the leaders only
read; the discipline roles read and inspect); a department its own candidates and projects, and reports on its
projects; deputies and the government's supervision office see candidates, votes (their own place in the
electorate, not the list) and results after the close, and the projects with their progress but not the
reports' texts nor the inspections; ``platform_admin`` counts.

Pure: the standard library, the kit's pure modules and ``domain`` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from services.evaluation.candidates import Candidate
from services.evaluation.domain import (
    VOTER_ROLE,
    View,
    acts_for_unit,
    ensure_readable,
    is_discipline,
    is_organizer,
    status_counts,
)
from services.evaluation.project_states import (
    CANDIDATE_SOURCE_LABELS,
    CANDIDATE_STATUS_LABELS,
    PROGRESS_LABELS,
    VOTE_STATUS_LABELS,
    CandidateSource,
    CandidateStatus,
    Progress,
    ProjectStatus,
    VoteStatus,
)
from services.evaluation.project_values import Proposal
from services.evaluation.project_votes import ProjectVote, VoteResults
from services.evaluation.projects import Inspection, ProgressReport, Project, ProjectProgress
from wulian.kit.principal import Principal


def _reads_everything(principal: Principal) -> bool:
    return is_organizer(principal) or is_discipline(principal) or "congress_leader" in principal.roles


def _reads_lists(principal: Principal) -> bool:
    return principal.has_any(VOTER_ROLE, "gov_supervision_office")


def _access(principal: Principal, unit: str) -> View:
    if _reads_everything(principal) or acts_for_unit(principal, unit):
        return View.FULL
    if _reads_lists(principal):
        return View.LIMITED
    return View.COUNTS if "platform_admin" in principal.roles else View.NONE


def candidate_access(principal: Principal, candidate: Candidate) -> View:
    return _access(principal, candidate.proposal.unit)


def vote_access(principal: Principal) -> View:
    if _reads_everything(principal):
        return View.FULL
    if _reads_lists(principal):
        return View.LIMITED
    return View.COUNTS if "platform_admin" in principal.roles else View.NONE


def project_access(principal: Principal, project: Project) -> View:
    return _access(principal, project.unit)


@dataclass(frozen=True, slots=True)
class CandidateView:
    id: str
    year: int
    proposal: Proposal
    source_label: str
    status: CandidateStatus
    status_label: str
    vote_id: str
    added_by: str  # full view only
    withdraw_reason: str  # full view only


def candidate_view(candidate: Candidate, principal: Principal) -> CandidateView:
    full = ensure_readable(candidate_access(principal, candidate), message="未找到该候选项目") is View.FULL
    return CandidateView(
        candidate.id,
        candidate.year,
        candidate.proposal,
        CANDIDATE_SOURCE_LABELS[candidate.proposal.source],
        candidate.status,
        CANDIDATE_STATUS_LABELS[candidate.status],
        candidate.vote_id,
        candidate.added_by if full else "",
        candidate.withdraw_reason if full else "",
    )


@dataclass(frozen=True, slots=True)
class VoteView:
    id: str
    year: int
    round_no: int
    runoff_of: str
    places: int
    status: VoteStatus
    status_label: str
    candidate_ids: tuple[str, ...]
    electorate: tuple[str, ...] | None  # the list: full view only
    electorate_size: int
    in_electorate: bool  # the caller is on the list
    results: VoteResults | None  # once closed
    cancel_reason: str  # full view only


def vote_view(vote: ProjectVote, principal: Principal) -> VoteView:
    full = ensure_readable(vote_access(principal), message="未找到该项目票决") is View.FULL
    return VoteView(
        vote.id,
        vote.year,
        vote.round_no,
        vote.runoff_of,
        vote.places,
        vote.status,
        VOTE_STATUS_LABELS[vote.status],
        vote.candidate_ids,
        vote.electorate if full else None,
        len(vote.electorate),
        principal.subject in vote.electorate,
        vote.closed_results if vote.status is VoteStatus.CLOSED else None,
        vote.cancel_reason if full else "",
    )


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    id: str
    year: int
    title: str
    unit: str
    unit_name: str
    status: ProjectStatus
    progress: Progress
    progress_label: str
    percent: Decimal
    late_days: int


@dataclass(frozen=True, slots=True)
class ProjectView:
    summary: ProjectSummary
    description: str
    source: CandidateSource
    vote_id: str
    progress: ProjectProgress
    reports: tuple[ProgressReport, ...] | None  # full view only
    inspections: tuple[Inspection, ...] | None  # full view only
    satisfaction_session_id: str


def _summary(project: Project, progress: ProjectProgress) -> ProjectSummary:
    return ProjectSummary(
        project.id,
        project.year,
        project.title,
        project.unit,
        project.unit_name,
        project.status,
        progress.status,
        PROGRESS_LABELS[progress.status],
        progress.percent,
        progress.late_days,
    )


def project_view(project: Project, principal: Principal, now: datetime) -> ProjectView:
    full = ensure_readable(project_access(principal, project), message="未找到该民生实事项目") is View.FULL
    progress = project.progress(now)
    return ProjectView(
        _summary(project, progress),
        project.description,
        project.source,
        project.vote_id,
        progress,
        tuple(project.reports) if full else None,
        tuple(project.inspections) if full else None,
        project.satisfaction_session_id,
    )


def project_list(projects: Iterable[Project], principal: Principal, now: datetime) -> list[ProjectSummary]:
    """The projects ``principal`` may see, with their computed progress."""
    return [_summary(p, p.progress(now)) for p in projects if project_access(principal, p) >= View.LIMITED]


def candidate_counts(candidates: Iterable[Candidate], principal: Principal) -> dict[CandidateStatus, int]:
    return status_counts(CandidateStatus, (c.status for c in candidates if candidate_access(principal, c)))


def vote_counts(votes: Iterable[ProjectVote], principal: Principal) -> dict[VoteStatus, int]:
    return status_counts(VoteStatus, (v.status for v in votes if vote_access(principal)))


def project_counts(projects: Iterable[Project], principal: Principal) -> dict[ProjectStatus, int]:
    return status_counts(ProjectStatus, (p.status for p in projects if project_access(principal, p)))
