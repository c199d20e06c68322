"""民生实事联督 — the candidate projects (候选项目) of a year.

The organizers collect candidates for a year from three sources — Jiangbei's 三单机制,
"通过基层实地调研、人大代表建议、网络舆情等渠道征集民意，群众'点单'": a government proposal, deputies' suggestions,
public solicitation. A candidate names the department proposed as responsible and its quantified targets
(name, unit of measure, planned quantity, milestones). It is added, edited and withdrawn while the year's vote
has not opened; opening the vote puts every candidate of the year on the ballot (``put_on_ballot``), which
freezes it; cancelling an open vote releases them; the close decides them (elected or not; a candidate in a
run-off stays on the ballot until its run-off decides it).

Pure: the standard library, the kit's pure modules and ``domain`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from services.evaluation.domain import as_utc, checked_text, require_organizer
from services.evaluation.project_commands import AddCandidate, EditCandidate, WithdrawCandidate
from services.evaluation.project_events import CandidateAdded, CandidateEdited, CandidateWithdrawn, Event
from services.evaluation.project_states import CANDIDATE_STATES, CandidateAction, CandidateStatus, VoteStatus
from services.evaluation.project_values import ORGANIZERS_ONLY, Proposal, checked_year, proposal_from
from wulian.kit.errors import Conflict
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

if TYPE_CHECKING:  # the vote decides candidates, and opens over them
    from services.evaluation.project_votes import VoteResults

_YEAR_LOCKED = frozenset({VoteStatus.OPEN, VoteStatus.CLOSED})


@dataclass(eq=False)
class Candidate:
    """A candidate project. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order; those without a principal record what a vote decided."""

    id: str
    year: int
    proposal: Proposal
    added_by: str
    added_at: datetime
    status: CandidateStatus = CandidateStatus.PROPOSED
    vote_id: str = ""
    withdraw_reason: str = ""
    events: list[Event] = field(default_factory=list, repr=False)

    @classmethod
    def add(
        cls,
        candidate_id: str,
        principal: Principal,
        command: AddCandidate,
        now: datetime,
        *,
        year_vote: VoteStatus | None,
    ) -> Candidate:
        """``year_vote``: the status of the year's vote (its first round, not cancelled), None when none."""
        now = as_utc(now)
        if year_vote in _YEAR_LOCKED:
            raise Conflict("该年度的项目票决已开始，不能新增候选项目")
        require_organizer(principal, message=ORGANIZERS_ONLY.format("提出候选项目"))
        problems = Problems()
        year = checked_year(problems, command.year)
        proposal = proposal_from(problems, command.details, year)
        problems.raise_if_any("候选项目未通过校验")
        assert proposal is not None and year is not None
        candidate = cls(candidate_id, year, proposal, principal.subject, now)
        candidate.events.append(CandidateAdded(candidate_id, now, year, proposal.unit, proposal.source))
        return candidate

    def edit(self, principal: Principal, command: EditCandidate, now: datetime) -> None:
        CANDIDATE_STATES.ensure(CandidateAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("修改候选项目"))
        problems = Problems()
        proposal = proposal_from(problems, command.details, self.year)
        problems.raise_if_any("候选项目未通过校验")
        assert proposal is not None
        self.proposal = proposal
        self.events.append(CandidateEdited(self.id, now, self.year, proposal.unit))

    def withdraw(self, principal: Principal, command: WithdrawCandidate, now: datetime) -> None:
        CANDIDATE_STATES.ensure(CandidateAction.WITHDRAW, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("撤回候选项目"))
        self.withdraw_reason = checked_text("reason", command.reason, "撤回的理由")
        self.status = CandidateStatus.WITHDRAWN
        self.events.append(CandidateWithdrawn(self.id, now, self.year, self.proposal.unit))

    def put_on_ballot(self, vote_id: str) -> None:
        """The vote opened with this candidate on its list (the vote's ``VoteOpened`` says so)."""
        CANDIDATE_STATES.ensure(CandidateAction.PUT_ON_BALLOT, self.status)
        self.status, self.vote_id = CandidateStatus.ON_BALLOT, vote_id

    def release(self, vote_id: str) -> None:
        """The open vote was cancelled: the candidate may be edited again, and voted on anew."""
        CANDIDATE_STATES.ensure(CandidateAction.RELEASE, self.status)
        if vote_id != self.vote_id:
            raise Conflict("该候选项目不在该票决中")
        self.status, self.vote_id = CandidateStatus.PROPOSED, ""

    def decide(self, results: VoteResults) -> None:
        """Elected, not elected, or — tied at the last place — still on the ballot for the run-off."""
        CANDIDATE_STATES.ensure(CandidateAction.DECIDE, self.status)
        if results.year != self.year or self.id not in {row.candidate_id for row in results.ranking}:
            raise Conflict("该候选项目不在该票决中")
        if self.id in results.elected:
            self.status = CandidateStatus.ELECTED
        elif results.runoff is None or self.id not in results.runoff.tied:
            self.status = CandidateStatus.NOT_ELECTED
