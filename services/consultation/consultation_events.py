"""The events of a consultation (``wulian.consultation.consultation.<name>``) and of an opinion
(``wulian.consultation.opinion.<name>``).

Events carry ids, numbers, kinds, dates and flags only: never what is asked, an opinion's text, a reason or a
name.

Who is told: of a consultation, the asking body's staff, the consulted bodies' staff and, where deputies may
answer (the congress consulted on the commission's work report), the deputies; of a reply's deadline, the
asking body and the one body that has not answered; of an opinion, the asking body, the staff of the body that
gave it (not for a deputy's own opinion) and its author.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.consultation.consultation_states import Decision
from services.consultation.domain import DEPUTY_ROLE, Body, Event, body_audience
from wulian.kit.events.domain import subject


@dataclass(frozen=True, slots=True)
class ConsultationEvent(Event):
    """``bodies``: the bodies asked; ``deputies``: deputies may answer too."""

    aggregate = "consultation"
    consultation_id: str
    occurred_at: datetime
    plan_id: str
    asking_body: Body
    bodies: tuple[str, ...]
    deputies: bool

    @property
    def aggregate_id(self) -> str:
        return self.consultation_id

    def audience(self) -> list[str]:
        told = body_audience(self.asking_body, *(Body(b) for b in self.bodies))
        return list(dict.fromkeys([*told, *([f"role:{DEPUTY_ROLE}"] if self.deputies else [])]))


@dataclass(frozen=True, slots=True)
class ConsultationOpened(ConsultationEvent):
    name = "opened"
    plan_version: int
    reply_by: date


@dataclass(frozen=True, slots=True)
class ConsultationClosed(ConsultationEvent):
    """``unanswered``: the bodies asked that gave no opinion."""

    name = "closed"
    unanswered: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReplyNotice(ConsultationEvent):
    """A reply of ``body`` is due soon or overdue: told to the asking body and that body only."""

    body: Body
    reply_by: date

    def audience(self) -> list[str]:
        return body_audience(self.asking_body, self.body)


@dataclass(frozen=True, slots=True)
class ReplyDueSoon(ReplyNotice):
    name = "reply_due_soon"


@dataclass(frozen=True, slots=True)
class ReplyOverdue(ReplyNotice):
    name = "reply_overdue"


@dataclass(frozen=True, slots=True)
class OpinionEvent(Event):
    """``body``: the body that gave the opinion (the congress for a deputy's, with ``by_deputy``);
    ``author``: the login of who gave it."""

    aggregate = "opinion"
    opinion_id: str
    occurred_at: datetime
    consultation_id: str
    plan_id: str
    asking_body: Body
    body: Body
    by_deputy: bool
    author: str

    @property
    def aggregate_id(self) -> str:
        return self.opinion_id

    def audience(self) -> list[str]:
        answering = [] if self.by_deputy else body_audience(self.body)
        return list(dict.fromkeys([*body_audience(self.asking_body), *answering, *subject(self.author)]))


@dataclass(frozen=True, slots=True)
class OpinionGiven(OpinionEvent):
    """``item_no``: the item it is about, 0 for an opinion on the plan as a whole; ``late``: after the day."""

    name = "given"
    item_no: int
    late: bool


@dataclass(frozen=True, slots=True)
class AdoptionRecorded(OpinionEvent):
    name = "adoption_recorded"
    decision: Decision
