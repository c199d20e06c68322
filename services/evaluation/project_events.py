"""民生实事联督 — the events the livelihood projects record: of a candidate (``project_candidate``), of a round of
the project vote (``project_vote``) and of a project (``project``), each published on
``wulian.evaluation.<aggregate>.<name>`` to its audience (selectors: roles and the responsible department's
org_unit). The aggregates record them in their ``events`` list and never send them.

Events carry ids, statuses, numbers and dates: never a title, a text, a reason, a name, nor who picked what.
Pure: the standard library and ``domain`` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.evaluation.domain import VOTER_ROLE, Event
from services.evaluation.project_states import CandidateSource, Progress
from wulian.kit.events.domain import org_unit

CLERK = "role:congress_clerk"
COMMITTEE = "role:congress_committee"
ORGANIZERS = (CLERK, COMMITTEE)
DISCIPLINE = ("role:discipline_commission", "role:discipline_station")
LEADER = "role:congress_leader"
DEPUTIES = f"role:{VOTER_ROLE}"
OFFICE = "role:gov_supervision_office"


def _watchers(unit: str) -> list[str]:
    """Who follows a candidate or a project: the organizers, the discipline roles, the leaders, its department."""
    return [*ORGANIZERS, *DISCIPLINE, LEADER, org_unit(unit)]


@dataclass(frozen=True, slots=True)
class CandidateEvent(Event):
    aggregate = "project_candidate"
    candidate_id: str
    occurred_at: datetime
    year: int
    unit: str

    @property
    def aggregate_id(self) -> str:
        return self.candidate_id

    def audience(self) -> list[str]:
        return _watchers(self.unit)


@dataclass(frozen=True, slots=True)
class CandidateAdded(CandidateEvent):
    name = "added"
    source: CandidateSource


@dataclass(frozen=True, slots=True)
class CandidateEdited(CandidateEvent):
    name = "edited"


@dataclass(frozen=True, slots=True)
class CandidateWithdrawn(CandidateEvent):
    name = "withdrawn"


@dataclass(frozen=True, slots=True)
class VoteEvent(Event):
    """For the organizers, the discipline roles and the leaders; what deputies act on, for them too."""

    aggregate = "project_vote"
    vote_id: str
    occurred_at: datetime
    year: int
    round_no: int

    @property
    def aggregate_id(self) -> str:
        return self.vote_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER]


@dataclass(frozen=True, slots=True)
class VoteCreated(VoteEvent):
    name = "created"
    places: int
    runoff_of: str


@dataclass(frozen=True, slots=True)
class VoteEdited(VoteEvent):
    name = "edited"
    places: int
    electorate_size: int


@dataclass(frozen=True, slots=True)
class VoteOpened(VoteEvent):
    name = "opened"
    candidate_ids: tuple[str, ...]
    places: int
    electorate_size: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES]


@dataclass(frozen=True, slots=True)
class VoteClosed(VoteEvent):
    """The result: ``candidate_ids`` in ranking order with their ``votes`` (parallel), the ``elected``."""

    name = "closed"
    candidate_ids: tuple[str, ...]
    votes: tuple[int, ...]
    elected: tuple[str, ...]
    ballots_cast: int
    electorate_size: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES, OFFICE]


@dataclass(frozen=True, slots=True)
class RunoffNeeded(VoteEvent):
    name = "runoff_needed"
    tied: tuple[str, ...]
    places_left: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES]


@dataclass(frozen=True, slots=True)
class VoteCancelled(VoteEvent):
    name = "cancelled"
    was_open: bool

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, *([DEPUTIES] if self.was_open else [])]


@dataclass(frozen=True, slots=True)
class ProjectEvent(Event):
    aggregate = "project"
    project_id: str
    occurred_at: datetime
    unit: str

    @property
    def aggregate_id(self) -> str:
        return self.project_id

    def audience(self) -> list[str]:
        return _watchers(self.unit)


@dataclass(frozen=True, slots=True)
class ProjectCreated(ProjectEvent):
    name = "created"
    year: int
    vote_id: str
    targets: int

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), DEPUTIES, OFFICE]


@dataclass(frozen=True, slots=True)
class ProgressReported(ProjectEvent):
    name = "progress_reported"
    target_index: int
    status: Progress
    as_of: date


@dataclass(frozen=True, slots=True)
class MilestoneMissed(ProjectEvent):
    name = "milestone_missed"
    target_index: int
    milestone_index: int
    due: date

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), OFFICE]


@dataclass(frozen=True, slots=True)
class InspectionRecorded(ProjectEvent):
    name = "inspection_recorded"
    inspection_no: int
    problem_count: int
    problem_units: tuple[str, ...]

    def audience(self) -> list[str]:
        others = [org_unit(u) for u in self.problem_units if u != self.unit]
        return [*_watchers(self.unit), *others]


@dataclass(frozen=True, slots=True)
class SatisfactionSessionLinked(ProjectEvent):
    name = "satisfaction_session_linked"
    session_id: str


@dataclass(frozen=True, slots=True)
class ProjectCompleted(ProjectEvent):
    name = "completed"

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), DEPUTIES, OFFICE]
