"""Use cases of the consultation link: load, let the aggregate decide, store with its events in one
transaction, answer the read model the caller may see (JSON). A concurrent change of the same object is
a 409 (the document's version); an object the caller may not see is a 404, whatever its id.

Two steps touch two aggregates, in one transaction: opening a consultation records it on its plan (which
then knows the bodies consulted on it), and an opinion of a consulted body records that body's answer on
the consultation (whose deadline notices then spare it).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlmodel import Session

from services.consultation.analyses import AddAnalysisNote, Analysis, AnalysisStatus, ConcludeAnalysis, OpenAnalysis
from services.consultation.analysis_views import analysis_access, analysis_view
from services.consultation.bulletin_views import awaits_acknowledgement, bulletin_access, bulletin_view
from services.consultation.bulletins import Bulletin, BulletinStatus, IssueBulletin, WithdrawBulletin
from services.consultation.consultation_commands import (
    CloseConsultation,
    GiveOpinion,
    OpenConsultation,
    RecordAdoption,
)
from services.consultation.consultation_states import ConsultationStatus, OpinionStatus
from services.consultation.consultation_views import (
    consultation_access,
    consultation_view,
    opinion_access,
    opinion_view,
)
from services.consultation.consultations import Consultation, Opinion
from services.consultation.domain import View
from services.consultation.meeting_commands import ConveneMeeting
from services.consultation.meeting_views import meeting_access, meeting_view
from services.consultation.meetings import Meeting, MeetingStatus
from services.consultation.messages import commit, raise_due_notices
from services.consultation.plan_commands import CreatePlan
from services.consultation.plan_states import PlanStatus
from services.consultation.plan_views import plan_access, plan_view
from services.consultation.plans import Plan
from services.consultation.store import ANALYSES, BULLETINS, CONSULTATIONS, MEETINGS, OPINIONS, PLANS
from wulian.kit import scheduler
from wulian.kit.clock import Clock, utc_now
from wulian.kit.documents import Documents, Loaded
from wulian.kit.errors import NotFound
from wulian.kit.paging import Page, Shown
from wulian.kit.principal import Principal
from wulian.kit.read_models import selected, to_json, visible_page

Step = Callable[[Any, datetime], object]


class Kind:
    """One kind of stored aggregate: where it is kept, who may see it, how it is shown, its statuses and the
    columns its list filters on."""

    def __init__(
        self,
        documents: Documents[Any],
        access: Callable[[Principal, Any], View],
        view: Callable[[Any, Principal], object],
        statuses: type[StrEnum],
        filters: tuple[str, ...],
    ) -> None:
        self.documents, self.access, self.view = documents, access, view
        self.statuses, self.filters = statuses, filters

    def shown(self, aggregate: Any, version: int, principal: Principal) -> Shown:
        return Shown(aggregate.id, version, to_json(self.view(aggregate, principal)))

    def visible(self, db: Session, principal: Principal, object_id: str) -> Loaded[Any]:
        """The object, or NotFound for whom it does not exist."""
        loaded = self.documents.existing(db, object_id)
        if self.access(principal, loaded.aggregate) < View.LIMITED:
            raise NotFound(self.documents.missing)
        return loaded


PLAN = Kind(PLANS, plan_access, plan_view, PlanStatus, ("year", "kind", "owner", "status"))
CONSULTATION = Kind(CONSULTATIONS, consultation_access, consultation_view, ConsultationStatus, ("plan_id", "status"))
OPINION = Kind(OPINIONS, opinion_access, opinion_view, OpinionStatus, ("consultation_id", "plan_id", "status"))
MEETING = Kind(MEETINGS, meeting_access, meeting_view, MeetingStatus, ("status",))
BULLETIN = Kind(BULLETINS, bulletin_access, bulletin_view, BulletinStatus, ("kind", "status"))
ANALYSIS = Kind(ANALYSES, analysis_access, analysis_view, AnalysisStatus, ("status",))
KINDS = {"plan": PLAN, "consultation": CONSULTATION, "opinion": OPINION, "meeting": MEETING,
         "bulletin": BULLETIN, "analysis": ANALYSIS}  # fmt: skip


def _new_id() -> str:
    return str(uuid.uuid4())


def _insert(kind: Kind, db: Session, principal: Principal, aggregate: Any, *others: Any) -> Shown:
    kind.documents.insert(db, aggregate)
    commit(db, principal, aggregate, *others)
    return kind.shown(aggregate, 1, principal)


def act(db: Session, kind: Kind, principal: Principal, object_id: str, step: Step, clock: Clock = utc_now) -> Shown:
    """One step of one object the caller may see, saved with its events."""
    loaded = kind.visible(db, principal, object_id)
    step(loaded.aggregate, clock())
    version = kind.documents.save(db, loaded.aggregate, loaded.version)
    commit(db, principal, loaded.aggregate)
    return kind.shown(loaded.aggregate, version, principal)


def get(db: Session, kind: Kind, principal: Principal, object_id: str) -> Shown:
    loaded = kind.visible(db, principal, object_id)
    return kind.shown(loaded.aggregate, loaded.version, principal)


def list_of(
    db: Session,
    kind: Kind,
    principal: Principal,
    page_size: int,
    page_token: str,
    filters: Mapping[str, str],
    keep: Callable[[Any], bool] | None = None,
) -> Page:
    """The caller's page, newest first: the rows its filters select, kept to what the caller may see."""
    aggregates = selected(db, kind.documents, filters, kind.filters, kind.statuses)
    if keep is not None:
        aggregates = [a for a in aggregates if keep(a)]
    aggregates.reverse()  # ids are random; the aggregates' own times order them below
    aggregates.sort(key=_moment, reverse=True)
    return visible_page(
        principal, aggregates, lambda a: kind.access(principal, a), lambda a: kind.view(a, principal),
        lambda a: a.status, kind.statuses, (page_size, page_token),
    )  # fmt: skip


def _moment(aggregate: Any) -> datetime:
    for name in ("created_at", "asked_at", "given_at", "held_at", "issued_at", "opened_at"):
        if (moment := getattr(aggregate, name, None)) is not None:
            return moment  # type: ignore[no-any-return]
    raise AttributeError(type(aggregate).__name__)


# --- creation ----------------------------------------------------------------------------------------------


def create_plan(db: Session, principal: Principal, command: CreatePlan, clock: Clock = utc_now) -> Shown:
    return _insert(PLAN, db, principal, Plan.create(_new_id(), principal, command, clock()))


def open_consultation(
    db: Session, principal: Principal, plan_id: str, command: OpenConsultation, clock: Clock = utc_now
) -> Shown:
    """Ask for opinions on the plan's current version; the plan records the request and the bodies asked."""
    loaded = PLAN.visible(db, principal, plan_id)
    plan, now = loaded.aggregate, clock()
    consultation = Consultation.create(_new_id(), principal, plan, command, now)
    plan.record_consultation(consultation.id, consultation.plan_version, consultation.bodies, now)
    PLANS.save(db, plan, loaded.version)
    return _insert(CONSULTATION, db, principal, consultation, plan)


def close_consultation(
    db: Session, principal: Principal, consultation_id: str, command: CloseConsultation, clock: Clock = utc_now
) -> Shown:
    return act(db, CONSULTATION, principal, consultation_id, lambda c, now: c.close(principal, command, now), clock)


def give_opinion(
    db: Session, principal: Principal, consultation_id: str, command: GiveOpinion, clock: Clock = utc_now
) -> Shown:
    """An opinion; a consulted body's (not a deputy's own) also counts as that body's answer."""
    loaded = CONSULTATION.visible(db, principal, consultation_id)
    consultation, now = loaded.aggregate, clock()
    opinion = Opinion.create(_new_id(), principal, consultation, command, now)
    changed: list[Consultation] = []
    if not opinion.by_deputy:
        consultation.record_answer(opinion.body, now)
        CONSULTATIONS.save(db, consultation, loaded.version)
        changed.append(consultation)
    return _insert(OPINION, db, principal, opinion, *changed)


def record_adoption(
    db: Session, principal: Principal, opinion_id: str, command: RecordAdoption, clock: Clock = utc_now
) -> Shown:
    return act(db, OPINION, principal, opinion_id, lambda o, now: o.record_adoption(principal, command, now), clock)


def convene_meeting(db: Session, principal: Principal, command: ConveneMeeting, clock: Clock = utc_now) -> Shown:
    return _insert(MEETING, db, principal, Meeting.create(_new_id(), principal, command, clock()))


def issue_bulletin(db: Session, principal: Principal, command: IssueBulletin, clock: Clock = utc_now) -> Shown:
    return _insert(BULLETIN, db, principal, Bulletin.create(_new_id(), principal, command, clock()))


def acknowledge_bulletin(db: Session, principal: Principal, bulletin_id: str, clock: Clock = utc_now) -> Shown:
    """Idempotent: a second acknowledgement by the same person changes nothing (no new version, no event)."""
    loaded = BULLETIN.visible(db, principal, bulletin_id)
    bulletin = loaded.aggregate
    if bulletin.acknowledgement_of(principal) is not None:
        return BULLETIN.shown(bulletin, loaded.version, principal)
    bulletin.acknowledge(principal, clock())
    version = BULLETINS.save(db, bulletin, loaded.version)
    commit(db, principal, bulletin)
    return BULLETIN.shown(bulletin, version, principal)


def withdraw_bulletin(
    db: Session, principal: Principal, bulletin_id: str, command: WithdrawBulletin, clock: Clock = utc_now
) -> Shown:
    return act(db, BULLETIN, principal, bulletin_id, lambda b, now: b.withdraw(principal, command, now), clock)


def list_bulletins(
    db: Session, principal: Principal, page_size: int, page_token: str, filters: Mapping[str, str]
) -> Page:
    """Filters: kind, status; ``unread`` ("true"): those awaiting the caller's acknowledgement."""
    keep = (lambda b: awaits_acknowledgement(b, principal)) if filters.get("unread") == "true" else None
    return list_of(db, BULLETIN, principal, page_size, page_token, filters, keep)


def open_analysis(db: Session, principal: Principal, command: OpenAnalysis, clock: Clock = utc_now) -> Shown:
    return _insert(ANALYSIS, db, principal, Analysis.create(_new_id(), principal, command, clock()))


def add_analysis_note(
    db: Session, principal: Principal, analysis_id: str, command: AddAnalysisNote, clock: Clock = utc_now
) -> Shown:
    return act(db, ANALYSIS, principal, analysis_id, lambda a, now: a.add_note(principal, command, now), clock)


def conclude_analysis(
    db: Session, principal: Principal, analysis_id: str, command: ConcludeAnalysis, clock: Clock = utc_now
) -> Shown:
    return act(db, ANALYSIS, principal, analysis_id, lambda a, now: a.conclude(principal, command, now), clock)


# --- the deadline schedulers' steps ------------------------------------------------------------------------


def consultations_due(db: Session, now: datetime, limit: int) -> list[str]:
    return scheduler.due_ids(db, CONSULTATIONS.table, now, limit)


def earliest_consultation_check(db: Session) -> datetime | None:
    return scheduler.earliest_check(db, CONSULTATIONS.table)


def raise_consultation_notices(db: Session, consultation_id: str, clock: Clock = utc_now) -> int:
    """Reply due soon / overdue, once per consulted body that has not answered."""
    return raise_due_notices(CONSULTATIONS, db, consultation_id, clock())


def meetings_due(db: Session, now: datetime, limit: int) -> list[str]:
    return scheduler.due_ids(db, MEETINGS.table, now, limit)


def earliest_meeting_check(db: Session) -> datetime | None:
    return scheduler.earliest_check(db, MEETINGS.table)


def raise_meeting_notices(db: Session, meeting_id: str, clock: Clock = utc_now) -> int:
    """Action items due soon / overdue, once each."""
    return raise_due_notices(MEETINGS, db, meeting_id, clock())
