"""What happened in the case-review link, and who is told of it.

The aggregates record these in their ``events`` list; the handlers publish each on
``wulian.case_review.<aggregate>.<name>`` (``Event.topic``) through the outbox, and put the pool's
and the draws' on the audit trail that the discipline station reads. ``audience()`` names who sees an
event in the gateway's event stream, as selectors ("role:<role>", "subject:<sub>", "org_unit:<unit>").

An event travels further than its aggregate (NATS, outbox, other services' inboxes, browsers), so it
carries ids, kinds, statuses, booleans and dates only: never a phone or ID number, a name, a reason, a
comment, a score or a finding's text. And no event that names a drawn expert — even by id — is ever
addressed to a court or procuratorate: their events say which cases, never who reviews them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.case_review.domain import (
    CaseStatus,
    CaseType,
    Category,
    FindingOutcome,
    OpinionAnswer,
    Rating,
    SeatAnswer,
    Specialty,
)
from wulian.kit.events.domain import DomainEvent, org_unit, subject

CLERK = "role:congress_clerk"
COMMITTEE = "role:congress_committee"
ORGANIZERS = (CLERK, COMMITTEE)
STATION = "role:discipline_station"
SERVICE = "case_review"


@dataclass(frozen=True, slots=True)
class Event(DomainEvent):
    service = SERVICE


# --- the expert pool: organizers and the station (its audit), and the expert's own login -----------------


@dataclass(frozen=True, slots=True)
class ExpertEvent(Event):
    aggregate = "expert"
    expert_id: str
    occurred_at: datetime
    account_subject: str

    @property
    def aggregate_id(self) -> str:
        return self.expert_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION, *subject(self.account_subject)]


@dataclass(frozen=True, slots=True)
class ExpertJoined(ExpertEvent):
    name = "joined"
    category: Category
    specialties: tuple[Specialty, ...]


@dataclass(frozen=True, slots=True)
class ExpertEdited(ExpertEvent):
    """``fields``: the names of the fields that changed (never their values)."""

    name = "edited"
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExpertSuspended(ExpertEvent):
    name = "suspended"


@dataclass(frozen=True, slots=True)
class ExpertReinstated(ExpertEvent):
    name = "reinstated"


@dataclass(frozen=True, slots=True)
class ExpertLeft(ExpertEvent):
    name = "left"


# --- cases: organizers, the station and the court or procuratorate of the case -------------------------


@dataclass(frozen=True, slots=True)
class CaseEvent(Event):
    aggregate = "case"
    case_id: str
    occurred_at: datetime
    unit: str
    status: CaseStatus

    @property
    def aggregate_id(self) -> str:
        return self.case_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION, org_unit(self.unit)]


@dataclass(frozen=True, slots=True)
class CaseRegistered(CaseEvent):
    name = "registered"
    type: CaseType
    registered_by: str


@dataclass(frozen=True, slots=True)
class CaseEdited(CaseEvent):
    name = "edited"
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CaseWithdrawn(CaseEvent):
    name = "withdrawn"


@dataclass(frozen=True, slots=True)
class CaseTakenIntoReview(CaseEvent):
    name = "taken_into_review"
    batch_id: str


@dataclass(frozen=True, slots=True)
class CaseReleased(CaseEvent):
    name = "released"
    batch_id: str


@dataclass(frozen=True, slots=True)
class CaseReviewed(CaseEvent):
    name = "reviewed"
    batch_id: str
    rating: Rating


# --- review batches ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchEvent(Event):
    """By default for the organizers and the station, which supervises every draw."""

    aggregate = "batch"
    batch_id: str
    occurred_at: datetime

    @property
    def aggregate_id(self) -> str:
        return self.batch_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION]


@dataclass(frozen=True, slots=True)
class BatchCreated(BatchEvent):
    name = "created"
    case_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BatchEdited(BatchEvent):
    name = "edited"
    case_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DrawBegun(BatchEvent):
    """The seed is committed: the station is called to witness."""

    name = "draw_begun"
    draw_id: str
    seed_commitment: str  # hex SHA-256 of the seed, published before the witness adds entropy
    pool_snapshot_hash: str  # hex SHA-256 of the eligible pool's snapshot


@dataclass(frozen=True, slots=True)
class DrawCancelled(BatchEvent):
    """``failed``: the pool could not meet the rules (the draw's own failure), else an organizer's
    cancellation; the reason is on the batch and the draw record."""

    name = "draw_cancelled"
    draw_id: str
    failed: bool


@dataclass(frozen=True, slots=True)
class BatchDrawn(BatchEvent):
    name = "drawn"
    draw_id: str
    case_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _ToOneExpert(BatchEvent):
    """About one expert's seat: told to that expert alone (never to another expert, nor to a court)."""

    case_id: str
    expert_id: str
    expert_subject: str

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION, *subject(self.expert_subject)]


@dataclass(frozen=True, slots=True)
class ExpertDrawn(_ToOneExpert):
    """An expert is called to a case — from the main list (``backup_rank`` 0) or as the n-th backup."""

    name = "expert_drawn"
    backup_rank: int


@dataclass(frozen=True, slots=True)
class ExpertReplaced(BatchEvent):
    """A declined seat is taken by a backup (the record of the replacement; the backup is told by its own
    ``ExpertDrawn``, which does not name the expert it replaces)."""

    name = "expert_replaced"
    case_id: str
    declined_expert_id: str
    replacement_expert_id: str
    backup_rank: int


@dataclass(frozen=True, slots=True)
class AssignmentAnswered(BatchEvent):
    name = "assignment_answered"
    case_id: str
    expert_id: str
    answer: SeatAnswer
    on_behalf: bool  # recorded by an organizer, not by the expert's own login


@dataclass(frozen=True, slots=True)
class SeatLeftVacant(BatchEvent):
    """A declined seat for which no backup fits the quotas."""

    name = "seat_left_vacant"
    case_id: str
    declined_expert_id: str


@dataclass(frozen=True, slots=True)
class ReviewStarted(BatchEvent):
    name = "review_started"
    case_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ScoringOpened(_ToOneExpert):
    """The review started: the expert may score the case."""

    name = "scoring_opened"


@dataclass(frozen=True, slots=True)
class SeatCancelled(_ToOneExpert):
    """The batch was cancelled: the expert's seat on the case is void."""

    name = "seat_cancelled"


@dataclass(frozen=True, slots=True)
class ScoreFormSubmitted(_ToOneExpert):
    """``on_behalf``: a paper form an organizer entered, not the expert's own login."""

    name = "score_form_submitted"
    on_behalf: bool


@dataclass(frozen=True, slots=True)
class BatchClosed(BatchEvent):
    """The ratings of the cases, for the organizers, the station and the units of the cases (who may now
    see the reviewers' names in the batch, but learn nothing of them here)."""

    name = "closed"
    case_ids: tuple[str, ...]
    ratings: tuple[Rating, ...]  # of ``case_ids``, in the same order
    units: tuple[str, ...]

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION, *(org_unit(u) for u in dict.fromkeys(self.units))]


@dataclass(frozen=True, slots=True)
class BatchCancelled(BatchEvent):
    name = "cancelled"


# --- findings: drafts for organizers and the station; once issued, the unit of the case too -------------


@dataclass(frozen=True, slots=True)
class FindingEvent(Event):
    aggregate = "finding"
    finding_id: str
    occurred_at: datetime
    unit: str

    @property
    def aggregate_id(self) -> str:
        return self.finding_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION, org_unit(self.unit)]


@dataclass(frozen=True, slots=True)
class FindingDrafted(FindingEvent):
    name = "drafted"
    batch_id: str
    case_id: str

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION]


@dataclass(frozen=True, slots=True)
class FindingEdited(FindingEvent):
    name = "edited"

    def audience(self) -> list[str]:
        return [*ORGANIZERS, STATION]


@dataclass(frozen=True, slots=True)
class FindingIssued(FindingEvent):
    name = "issued"
    batch_id: str
    case_id: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class OpinionAnswered(FindingEvent):
    name = "answered"
    answer: OpinionAnswer


@dataclass(frozen=True, slots=True)
class ExplanationAccepted(FindingEvent):
    name = "explanation_accepted"


@dataclass(frozen=True, slots=True)
class ExplanationRejected(FindingEvent):
    name = "explanation_rejected"


@dataclass(frozen=True, slots=True)
class RectificationReported(FindingEvent):
    name = "rectification_reported"
    on_time: bool


@dataclass(frozen=True, slots=True)
class ReportSentBack(FindingEvent):
    name = "report_sent_back"


@dataclass(frozen=True, slots=True)
class FindingClosedOut(FindingEvent):
    name = "closed_out"
    outcome: FindingOutcome


@dataclass(frozen=True, slots=True)
class MarkedForClueTransfer(FindingEvent):
    """Only the organizers, who transfer the clue: the unit and the station never learn of it here."""

    name = "marked_for_clue_transfer"

    def audience(self) -> list[str]:
        return [*ORGANIZERS]


@dataclass(frozen=True, slots=True)
class ClueTransferRecorded(FindingEvent):
    name = "clue_transfer_recorded"
    clue_id: str

    def audience(self) -> list[str]:
        return [*ORGANIZERS]


@dataclass(frozen=True, slots=True)
class RectificationDueSoon(FindingEvent):
    name = "rectification_due_soon"
    due_at: datetime


@dataclass(frozen=True, slots=True)
class RectificationOverdue(FindingEvent):
    name = "rectification_overdue"
    due_at: datetime
