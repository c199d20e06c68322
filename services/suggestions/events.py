"""What happened to a suggestion, and who is told of it.

The aggregate records these in ``Suggestion.events``; the handlers turn each into its protobuf message
on ``wulian.suggestions.suggestion.<name>`` through the outbox. ``audience()`` names who sees the event
in the gateway's event stream, as selectors ("subject:<sub>", "role:<role>", "org_unit:<unit>").
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from services.suggestions.clocks import DeadlineKind, DueDeadline
from services.suggestions.domain import ClueTransferState, EscalationReason, ReplyResult, Satisfaction

CLERK = "role:congress_clerk"
OFFICE = "role:gov_supervision_office"
LEADER = "role:congress_leader"
COMMISSION = "role:discipline_commission"


def subject(sub: str) -> str:
    return f"subject:{sub}"


def org_unit(unit: str) -> str:
    return f"org_unit:{unit}"


@dataclass(frozen=True, slots=True)
class Event(ABC):
    name: ClassVar[str] = ""
    suggestion_id: str
    occurred_at: datetime

    @abstractmethod
    def audience(self) -> list[str]:
        """Who is told of this event, as selectors."""


@dataclass(frozen=True, slots=True)
class DraftCreated(Event):
    name = "draft_created"
    deputy_subject: str
    drafted_by: str

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject)]


@dataclass(frozen=True, slots=True)
class DraftEdited(Event):
    name = "draft_edited"
    deputy_subject: str

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject)]


@dataclass(frozen=True, slots=True)
class SuggestionSubmitted(Event):
    name = "submitted"
    number: str
    title: str
    category: str
    deputy_subject: str
    cosigners: tuple[str, ...]

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject), CLERK, OFFICE, *map(subject, self.cosigners)]


@dataclass(frozen=True, slots=True)
class CosignerAdded(Event):
    name = "cosigner_added"
    deputy_subject: str
    cosigner_subject: str

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject), subject(self.cosigner_subject)]


@dataclass(frozen=True, slots=True)
class AssignmentProposed(Event):
    name = "assignment_proposed"
    lead_unit: str
    co_units: tuple[str, ...]
    complex: bool

    def audience(self) -> list[str]:
        return [OFFICE]


@dataclass(frozen=True, slots=True)
class AssignmentSentBack(Event):
    name = "assignment_sent_back"
    reason: str
    proposed_by: str

    def audience(self) -> list[str]:
        return [CLERK, subject(self.proposed_by)]


@dataclass(frozen=True, slots=True)
class AssignmentConfirmed(Event):
    """The assignment, and with it the clocks, starts: the units are told, and the deputy."""

    name = "assigned"
    deputy_subject: str
    lead_unit: str
    co_units: tuple[str, ...]
    complex: bool
    contact_due_at: datetime
    reply_due_at: datetime

    def audience(self) -> list[str]:
        units = [org_unit(u) for u in (self.lead_unit, *self.co_units)]
        return [*units, subject(self.deputy_subject), CLERK]


@dataclass(frozen=True, slots=True)
class ContactRecorded(Event):
    name = "contact_recorded"
    unit: str
    deputy_subject: str
    within_48h: bool

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject), CLERK]


@dataclass(frozen=True, slots=True)
class CoUnitOpinionGiven(Event):
    name = "co_unit_opinion_given"
    unit: str
    lead_unit: str

    def audience(self) -> list[str]:
        return [org_unit(self.lead_unit)]


@dataclass(frozen=True, slots=True)
class SuggestionReplied(Event):
    name = "replied"
    unit: str
    result: ReplyResult
    round: int
    on_time: bool
    deputy_subject: str
    cosigners: tuple[str, ...]

    def audience(self) -> list[str]:
        return [subject(self.deputy_subject), *map(subject, self.cosigners), CLERK]


@dataclass(frozen=True, slots=True)
class SuggestionEvaluated(Event):
    """The deputy's verdict; ``closed`` or else ``rehandling_due_at`` says what follows from it."""

    name = "evaluated"
    lead_unit: str
    co_units: tuple[str, ...]
    overall: Satisfaction
    round: int
    closed: bool
    rehandling_due_at: datetime | None

    def audience(self) -> list[str]:
        audience = [org_unit(self.lead_unit), CLERK]
        if self.rehandling_due_at is not None:
            audience += [*(org_unit(u) for u in self.co_units), OFFICE]
        return audience


@dataclass(frozen=True, slots=True)
class ReturnVisitRecorded(Event):
    name = "return_visit_recorded"
    unit: str

    def audience(self) -> list[str]:
        return [CLERK]


@dataclass(frozen=True, slots=True)
class SuggestionEscalated(Event):
    name = "escalated"
    escalation_no: int
    reasons: tuple[EscalationReason, ...]
    clue_transfer: ClueTransferState | None

    def audience(self) -> list[str]:
        return [COMMISSION, LEADER]


@dataclass(frozen=True, slots=True)
class EscalationResponded(Event):
    name = "escalation_responded"
    escalation_no: int
    escalated_by: str

    def audience(self) -> list[str]:
        return [subject(self.escalated_by), LEADER, CLERK]


@dataclass(frozen=True, slots=True)
class ClueTransferred(Event):
    name = "clue_transferred"
    escalation_no: int
    clue_id: str

    def audience(self) -> list[str]:
        return [COMMISSION, LEADER]


@dataclass(frozen=True, slots=True)
class ContactOverdue(Event):
    name = "contact_overdue"
    unit: str
    due_at: datetime

    def audience(self) -> list[str]:
        return [org_unit(self.unit), CLERK, OFFICE]


@dataclass(frozen=True, slots=True)
class ReplyDueSoon(Event):
    name = "reply_due_soon"
    lead_unit: str
    round: int
    due_at: datetime

    def audience(self) -> list[str]:
        return [org_unit(self.lead_unit), OFFICE]


@dataclass(frozen=True, slots=True)
class ReplyOverdue(Event):
    name = "reply_overdue"
    lead_unit: str
    round: int
    due_at: datetime

    def audience(self) -> list[str]:
        return [org_unit(self.lead_unit), CLERK, OFFICE]


def deadline_event(suggestion_id: str, due: DueDeadline, lead_unit: str, now: datetime) -> Event:
    """The event that raises one due deadline notice."""
    if due.kind is DeadlineKind.CONTACT_OVERDUE:
        return ContactOverdue(suggestion_id, now, due.unit, due.due_at)
    if due.kind is DeadlineKind.REPLY_DUE_SOON:
        return ReplyDueSoon(suggestion_id, now, lead_unit, due.round, due.due_at)
    return ReplyOverdue(suggestion_id, now, lead_unit, due.round, due.due_at)
