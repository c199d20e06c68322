"""Who sees what of a consultation and its opinions, the read models, and the counts. Pure: no I/O.

A consultation: the asking body's staff see all of it; the staff of a consulted body (and deputies where they
may answer) see the request — the plan's version, what is asked, the day, the bodies asked — and whether their
own body has answered, not how the others stand; ``platform_admin`` counts; nobody else anything.

An opinion: the asking body's staff, the staff of the body it was given for (not for a deputy's own opinion)
and its author see it with its adoption; other consulted bodies do not see each other's opinions;
``platform_admin`` counts; nobody else anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from services.consultation.consultation_states import (
    CONSULTATION_STATUS_LABELS,
    DECISION_LABELS,
    OPINION_STATUS_LABELS,
    ConsultationStatus,
    Decision,
    OpinionStatus,
)
from services.consultation.consultations import Adoption, Consultation, Opinion
from services.consultation.domain import (
    BODY_LABELS,
    Body,
    View,
    acts_for,
    counts_only,
    ensure_readable,
    status_counts,
)
from services.consultation.plan_records import PLAN_KIND_LABELS, PlanKind
from wulian.kit.principal import Principal


def consultation_access(principal: Principal, consultation: Consultation) -> View:
    if consultation.is_asker(principal):
        return View.FULL
    if consultation.may_answer(principal):
        return View.LIMITED
    return View.COUNTS if counts_only(principal) else View.NONE


@dataclass(frozen=True, slots=True)
class ConsultationView:
    """``answered_bodies`` and ``awaited_bodies``: all of them for the asking body, the caller's own otherwise;
    ``may_answer``: the caller may give an opinion now."""

    id: str
    plan_id: str
    plan_kind: PlanKind
    plan_kind_label: str
    plan_version: int
    item_nos: tuple[int, ...]
    asking_body: Body
    asking_body_label: str
    bodies: tuple[Body, ...]
    body_labels: tuple[str, ...]
    deputies_may_answer: bool
    note: str
    reply_by: date
    reply_by_at: datetime
    asked_by: str
    asked_by_name: str
    asked_at: datetime
    status: ConsultationStatus
    status_label: str
    answered_bodies: tuple[Body, ...]
    awaited_bodies: tuple[Body, ...]
    closed_by: str
    closed_at: datetime | None
    close_note: str
    access: View
    may_answer: bool
    may_close: bool


def consultation_view(consultation: Consultation, principal: Principal) -> ConsultationView:
    """The consultation as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    access = ensure_readable(consultation_access(principal, consultation), message="未找到该征求意见")
    full = access is View.FULL
    own = {b for b in consultation.bodies if acts_for(principal, b)}
    open_ = consultation.status is ConsultationStatus.OPEN
    return ConsultationView(
        id=consultation.id,
        plan_id=consultation.plan_id,
        plan_kind=consultation.plan_kind,
        plan_kind_label=PLAN_KIND_LABELS[consultation.plan_kind],
        plan_version=consultation.plan_version,
        item_nos=consultation.item_nos,
        asking_body=consultation.asking_body,
        asking_body_label=BODY_LABELS[consultation.asking_body],
        bodies=consultation.bodies,
        body_labels=tuple(BODY_LABELS[b] for b in consultation.bodies),
        deputies_may_answer=consultation.deputies_may_answer,
        note=consultation.note,
        reply_by=consultation.reply_by,
        reply_by_at=consultation.reply_by_at,
        asked_by=consultation.asked_by,
        asked_by_name=consultation.asked_by_name,
        asked_at=consultation.asked_at,
        status=consultation.status,
        status_label=CONSULTATION_STATUS_LABELS[consultation.status],
        answered_bodies=tuple(b for b in consultation.answered_bodies if full or b in own),
        awaited_bodies=tuple(b for b in consultation.awaited_bodies if full or b in own),
        closed_by=consultation.closed_by,
        closed_at=consultation.closed_at,
        close_note=consultation.close_note,
        access=access,
        may_answer=open_ and consultation.may_answer(principal),
        may_close=open_ and full,
    )


def consultation_counts(consultations: Iterable[Consultation]) -> dict[ConsultationStatus, int]:
    return status_counts(ConsultationStatus, (c.status for c in consultations))


# --- opinions ---------------------------------------------------------------------------------------------


def opinion_access(principal: Principal, opinion: Opinion) -> View:
    if opinion.is_asker(principal) or principal.subject == opinion.author:
        return View.FULL
    if not opinion.by_deputy and acts_for(principal, opinion.body):
        return View.FULL
    return View.COUNTS if counts_only(principal) else View.NONE


@dataclass(frozen=True, slots=True)
class OpinionView:
    id: str
    consultation_id: str
    plan_id: str
    plan_version: int
    asking_body: Body
    body: Body
    body_label: str  # 纪委监委, 人大常委会, or 人大代表 for a deputy's own opinion
    by_deputy: bool
    author: str
    author_name: str
    item_no: int | None
    text: str
    given_at: datetime
    late: bool
    status: OpinionStatus
    status_label: str
    decision: Decision | None
    decision_label: str
    adoption: Adoption | None
    may_record_adoption: bool


def opinion_view(opinion: Opinion, principal: Principal) -> OpinionView:
    """The opinion as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    ensure_readable(opinion_access(principal, opinion), message="未找到该意见")
    decision = opinion.adoption.decision if opinion.adoption else None
    return OpinionView(
        id=opinion.id,
        consultation_id=opinion.consultation_id,
        plan_id=opinion.plan_id,
        plan_version=opinion.plan_version,
        asking_body=opinion.asking_body,
        body=opinion.body,
        body_label="人大代表" if opinion.by_deputy else BODY_LABELS[opinion.body],
        by_deputy=opinion.by_deputy,
        author=opinion.author,
        author_name=opinion.author_name,
        item_no=opinion.item_no,
        text=opinion.text,
        given_at=opinion.given_at,
        late=opinion.late,
        status=opinion.status,
        status_label=OPINION_STATUS_LABELS[opinion.status],
        decision=decision,
        decision_label=DECISION_LABELS[decision] if decision else "",
        adoption=opinion.adoption,
        may_record_adoption=opinion.status is OpinionStatus.AWAITING and opinion.is_asker(principal),
    )


def opinion_counts(opinions: Iterable[Opinion]) -> dict[OpinionStatus, int]:
    return status_counts(OpinionStatus, (o.status for o in opinions))


def adoption_counts(opinions: Iterable[Opinion]) -> dict[Decision, int]:
    """How many opinions were adopted, partly adopted, not adopted (意见采纳情况), zeros included."""
    return status_counts(Decision, (o.adoption.decision for o in opinions if o.adoption))
