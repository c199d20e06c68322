"""民生实事联督 — the commands of the livelihood projects: plain, frozen and unchecked, as the API hands them over.
The aggregates check them (``project_values`` for the proposals' targets and milestones) and raise
``InvalidArgument`` with every problem found. Pure: the standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

Quantity = int | float | Decimal | str | None
Day = date | str


@dataclass(frozen=True, slots=True)
class MilestoneInput:
    """``due`` a date (ISO text or ``date``) in the project's year, with either ``quantity`` (planned
    cumulative) or ``step`` (a named step), not both."""

    due: Day
    quantity: Quantity = None
    step: str = ""


@dataclass(frozen=True, slots=True)
class TargetInput:
    name: str  # 农村公路提档升级
    unit: str  # 公里
    planned: Quantity  # 600
    milestones: tuple[MilestoneInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateDetails:
    """``department_unit`` is the org_unit of the department proposed as responsible; ``source`` a
    ``CandidateSource`` value."""

    title: str
    description: str
    department_unit: str
    department_name: str
    source: str
    targets: tuple[TargetInput, ...]


@dataclass(frozen=True, slots=True)
class AddCandidate:
    year: int
    details: CandidateDetails


@dataclass(frozen=True, slots=True)
class EditCandidate:
    details: CandidateDetails


@dataclass(frozen=True, slots=True)
class WithdrawCandidate:
    reason: str


@dataclass(frozen=True, slots=True)
class CreateVote:
    year: int
    places: int  # N: how many projects the year takes
    electorate: tuple[str, ...]  # the logins of the deputies present


@dataclass(frozen=True, slots=True)
class EditVote:
    places: int
    electorate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CreateRunoff:
    electorate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CastPicks:
    candidate_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CancelVote:
    reason: str


@dataclass(frozen=True, slots=True)
class ReportProgress:
    """The cumulative quantity achieved on target ``target_index`` (from 0) as of ``as_of``; ``steps_reached``
    the indexes of the target's named-step milestones reached."""

    target_index: int
    achieved: Quantity
    as_of: Day
    text: str
    steps_reached: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ParticipantInput:
    body: str  # an ``InspectionBody`` value
    name: str


@dataclass(frozen=True, slots=True)
class ProblemInput:
    """A problem found; ``unit`` the org_unit responsible, "" for the project's department."""

    problem: str
    measures: str
    unit: str = ""


@dataclass(frozen=True, slots=True)
class RecordInspection:
    held_on: Day
    participants: tuple[ParticipantInput, ...]
    notes: str
    problems: tuple[ProblemInput, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkSatisfactionSession:
    session_id: str
