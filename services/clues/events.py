"""What happened to a clue, and who is told of it.

The aggregate records these in ``Clue.events``; the handlers publish each on
``wulian.clues.clue.<name>`` through the outbox. ``audience()`` names who sees the event in the gateway's
event stream, as selectors ("subject:<sub>", "role:<role>").

An event travels further than the clue (NATS, the outbox, other services' inboxes, browsers), so it
carries only ids, kinds, booleans and dates: never the summary, the details, the person or unit
concerned, a note, a decline reason or the feedback text. Whoever may read those fetches the clue.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from services.clues.clocks import DeadlineKind, DueDeadline
from services.clues.domain import CONGRESS_SOURCES, SourceKind

COMMISSION = "role:discipline_commission"
STATION = "role:discipline_station"


def subject(sub: str) -> str:
    return f"subject:{sub}"


def role(name: str) -> str:
    return f"role:{name}"


def discipline(source_kind: SourceKind) -> list[str]:
    """The discipline side that reads a clue from ``source_kind``: the station only for the congress's."""
    return [COMMISSION, STATION] if source_kind in CONGRESS_SOURCES else [COMMISSION]


@dataclass(frozen=True, slots=True)
class Event(ABC):
    name: ClassVar[str] = ""
    clue_id: str
    occurred_at: datetime

    @abstractmethod
    def audience(self) -> list[str]:
        """Who is told of this event, as selectors."""


@dataclass(frozen=True, slots=True)
class ClueTransferred(Event):
    name = "transferred"
    source_kind: SourceKind
    source_ref: str
    official_subject: str
    official_role: str
    acknowledge_due_at: datetime

    def audience(self) -> list[str]:
        return discipline(self.source_kind)


@dataclass(frozen=True, slots=True)
class _ToTransferringBody(Event):
    """An answer to the transferring body: the official who decided the transfer, and their role."""

    official_subject: str
    official_role: str

    def audience(self) -> list[str]:
        return [subject(self.official_subject), role(self.official_role)]


@dataclass(frozen=True, slots=True)
class ClueAcknowledged(_ToTransferringBody):
    name = "acknowledged"
    on_time: bool


@dataclass(frozen=True, slots=True)
class ClueAccepted(_ToTransferringBody):
    name = "accepted"
    feedback_due_at: datetime


@dataclass(frozen=True, slots=True)
class ClueDeclined(_ToTransferringBody):
    """The reason is on the clue, for the transferring body to read there."""

    name = "declined"


@dataclass(frozen=True, slots=True)
class FeedbackGiven(_ToTransferringBody):
    """The feedback text is on the clue; the event only says that it is there."""

    name = "feedback_given"
    on_time: bool


@dataclass(frozen=True, slots=True)
class DispositionRecorded(Event):
    name = "disposition_recorded"
    source_kind: SourceKind
    disposition_no: int

    def audience(self) -> list[str]:
        return discipline(self.source_kind)


@dataclass(frozen=True, slots=True)
class AcknowledgeOverdue(Event):
    name = "acknowledge_overdue"
    due_at: datetime

    def audience(self) -> list[str]:
        return [COMMISSION]


@dataclass(frozen=True, slots=True)
class FeedbackDueSoon(Event):
    name = "feedback_due_soon"
    due_at: datetime

    def audience(self) -> list[str]:
        return [COMMISSION]


@dataclass(frozen=True, slots=True)
class FeedbackOverdue(Event):
    name = "feedback_overdue"
    due_at: datetime

    def audience(self) -> list[str]:
        return [COMMISSION]


_DEADLINE_EVENTS: dict[DeadlineKind, type[AcknowledgeOverdue | FeedbackDueSoon | FeedbackOverdue]] = {
    DeadlineKind.ACKNOWLEDGE_OVERDUE: AcknowledgeOverdue,
    DeadlineKind.FEEDBACK_DUE_SOON: FeedbackDueSoon,
    DeadlineKind.FEEDBACK_OVERDUE: FeedbackOverdue,
}


def deadline_event(clue_id: str, due: DueDeadline, now: datetime) -> Event:
    """The event that raises one due deadline notice."""
    return _DEADLINE_EVENTS[due.kind](clue_id, now, due.due_at)
