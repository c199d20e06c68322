"""征求意见 — a request for opinions on one version of a plan, the opinions given, and what the asking body made
of each (采纳 / 部分采纳 / 不予采纳). Pure: no I/O.

Huangshi (seed 004): when it draws up its yearly supervision plan the congress asks the discipline commission
for opinions, and adopts them; when it drafts its work report the commission asks the congress's leadership
and the deputies concerned. So a consultation is opened by the plan's owner, on the current version of the
plan (``Consultation.create``, then ``Plan.record_consultation`` in the same transaction), to one or more other
bodies (never itself), with a reply deadline: a Beijing day, ending at its midnight (``domain.end_of_day``),
today at the earliest and at most ``REPLY_DAYS_MAX`` days ahead. Where the congress is consulted on the
commission's work report, its deputies may answer too, each for themself.

An opinion (``Opinion``, an aggregate of its own) is given while the consultation is open, by the staff of a
consulted body in that body's name, or by a deputy where deputies may answer; it is about one item of the
consulted version or about the plan as a whole. One given after the reply day is accepted and marked late. A
body may give several opinions. The use case then calls ``Consultation.record_answer(body, now)`` (not for a
deputy's opinion: a deputy answers for themself, not for the congress), so that the consultation knows, without
reading the opinions, which bodies have answered.

Deadlines. While the consultation is open, each consulted body that has not answered gets one *reply due
soon* notice ``REPLY_DUE_SOON`` before the end of the reply day and one *reply overdue* notice at it (the
due-soon one is skipped once overdue); ``next_check_at`` tells the scheduler when to look next. The asking
body closes the consultation explicitly; it never closes by itself, and a late opinion is still welcome until
it is closed.

Adoption. The asking body's staff record, once per opinion, whether it is adopted, partly adopted or not
adopted, with a reason unless it is adopted in full; a second record is a ``Conflict`` (a decision stands as
the record of what was done with the opinion). An opinion is decided even after its consultation is closed.

Who sees what: ``consultation_views``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.consultation.consultation_commands import CloseConsultation, GiveOpinion, OpenConsultation, RecordAdoption
from services.consultation.consultation_events import (
    AdoptionRecorded,
    ConsultationClosed,
    ConsultationEvent,
    ConsultationOpened,
    OpinionEvent,
    OpinionGiven,
    ReplyDueSoon,
    ReplyOverdue,
)
from services.consultation.consultation_states import (
    CONSULTATION_STATES,
    OPINION_STATES,
    ConsultationAction,
    ConsultationStatus,
    Decision,
    OpinionAction,
    OpinionStatus,
)
from services.consultation.domain import (
    BODY_LABELS,
    BODY_MAX,
    TEXT_MAX,
    Body,
    acts_for,
    as_utc,
    beijing_date,
    checked_bodies,
    end_of_day,
    is_deputy,
)
from services.consultation.plan_items import whole_number
from services.consultation.plan_records import PlanKind
from services.consultation.plan_states import OWNER_STAFF_NAMES, PLAN_STATES, PlanAction
from services.consultation.plans import NUMBERS, Plan
from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

REPLY_DAYS_MAX = 90
REPLY_DUE_SOON = timedelta(days=2)


class Notice(StrEnum):
    DUE_SOON = "reply_due_soon"
    OVERDUE = "reply_overdue"


def notice_key(notice: Notice, body: Body) -> str:
    """Each notice is raised once per body: its key names both."""
    return f"{notice.value}:{body.value}"


@dataclass(eq=False)
class Consultation:
    """A request for opinions. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    plan_id: str
    plan_kind: PlanKind
    plan_version: int
    asking_body: Body
    bodies: tuple[Body, ...]
    item_nos: tuple[int, ...]  # the items of the consulted version: what an opinion may be about
    note: str
    reply_by: date
    asked_by: str
    asked_by_name: str
    asked_at: datetime
    status: ConsultationStatus = ConsultationStatus.OPEN
    answered_bodies: list[Body] = field(default_factory=list)
    closed_by: str = ""
    closed_at: datetime | None = None
    close_note: str = ""
    raised_notices: set[str] = field(default_factory=set)
    events: list[ConsultationEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(
        cls, consultation_id: str, principal: Principal, plan: Plan, command: OpenConsultation, now: datetime
    ) -> Consultation:
        """Ask for opinions on ``plan``; the caller then records it on the plan (``Plan.record_consultation``)."""
        PLAN_STATES.ensure(PlanAction.CONSULT, plan.status)
        now = as_utc(now)
        if not plan.is_owner(principal):
            raise PermissionDenied(f"只有{OWNER_STAFF_NAMES[plan.owner]}可以就该计划征求意见")
        problems = Problems()
        bodies = _asked_bodies(problems, command.bodies, plan.owner)
        if command.plan_version is not None:
            version = whole_number(problems, "plan_version", command.plan_version, NUMBERS, "计划版本")
            if version is not None and version != plan.version:
                problems.add("plan_version", f"计划已更新为第 {plan.version} 版，请确认后再征求意见")
        today = beijing_date(now)
        if not today <= command.reply_by <= today + timedelta(days=REPLY_DAYS_MAX):
            problems.add("reply_by", f"反馈截止日期应在今天至 {REPLY_DAYS_MAX} 天之内")
        note = problems.text("note", command.note, "征求意见说明", required=False, limit=TEXT_MAX)
        problems.raise_if_any("征求意见未通过校验")
        item_nos = tuple(item.no for item in plan.items)
        consultation = cls(
            consultation_id, plan.id, plan.kind, plan.version, plan.owner, bodies, item_nos, note,
            command.reply_by, principal.subject, principal.name, now,
        )  # fmt: skip
        consultation.events.append(ConsultationOpened(*consultation._ids(now), plan.version, command.reply_by))
        return consultation

    def close(self, principal: Principal, command: CloseConsultation, now: datetime) -> None:
        CONSULTATION_STATES.ensure(ConsultationAction.CLOSE, self.status)
        now = as_utc(now)
        self._ensure_asker(principal, "结束征求意见")
        problems = Problems()
        self.close_note = problems.text("note", command.note, "汇总情况", required=False, limit=TEXT_MAX)
        problems.raise_if_any("结束征求意见未通过校验")
        self.status, self.closed_by, self.closed_at = ConsultationStatus.CLOSED, principal.subject, now
        unanswered = tuple(b.value for b in self.awaited_bodies)
        self.events.append(ConsultationClosed(*self._ids(now), unanswered))

    def record_answer(self, body: Body, now: datetime) -> None:
        """``body`` gave an opinion (the use case calls this with each opinion a body's staff give)."""
        as_utc(now)
        if body not in self.bodies:
            raise InvalidArgument(f"{BODY_LABELS[body]}不在本次征求意见的范围内")
        if body not in self.answered_bodies:
            self.answered_bodies.append(body)

    # --- deadlines ----------------------------------------------------------------------------------------

    @property
    def reply_by_at(self) -> datetime:
        """The moment the reply day ends, in UTC."""
        return end_of_day(self.reply_by)

    @property
    def awaited_bodies(self) -> tuple[Body, ...]:
        """The bodies asked that have not answered yet."""
        return tuple(b for b in self.bodies if b not in self.answered_bodies)

    def raise_due_notices(self, now: datetime) -> list[ConsultationEvent]:
        """Record each notice that is due and not raised before, per body not answered; return the events."""
        now = as_utc(now)
        if self.status is not ConsultationStatus.OPEN:
            return []
        raised: list[ConsultationEvent] = []
        for body in self.awaited_bodies:
            notice = self._due_notice(body, now)
            if notice is not None:
                self.raised_notices.add(notice_key(notice, body))
                event_type = ReplyOverdue if notice is Notice.OVERDUE else ReplyDueSoon
                raised.append(event_type(*self._ids(now), body, self.reply_by))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        """The earliest moment at which ``raise_due_notices`` may raise something new."""
        if self.status is not ConsultationStatus.OPEN:
            return None
        moments = [self._next_notice_at(body) for body in self.awaited_bodies]
        return min((m for m in moments if m is not None), default=None)

    def _due_notice(self, body: Body, now: datetime) -> Notice | None:
        overdue = notice_key(Notice.OVERDUE, body) in self.raised_notices
        if now >= self.reply_by_at:
            return None if overdue else Notice.OVERDUE
        due_soon = notice_key(Notice.DUE_SOON, body) in self.raised_notices
        if now >= self.reply_by_at - REPLY_DUE_SOON and not due_soon:
            return Notice.DUE_SOON
        return None

    def _next_notice_at(self, body: Body) -> datetime | None:
        if notice_key(Notice.OVERDUE, body) in self.raised_notices:
            return None
        if notice_key(Notice.DUE_SOON, body) in self.raised_notices:
            return self.reply_by_at
        return self.reply_by_at - REPLY_DUE_SOON

    # --- who -----------------------------------------------------------------------------------------------

    @property
    def deputies_may_answer(self) -> bool:
        """The congress consulted on the commission's work report: its deputies may answer too."""
        return self.plan_kind is PlanKind.WORK_REPORT and Body.CONGRESS in self.bodies

    def is_asker(self, principal: Principal) -> bool:
        return acts_for(principal, self.asking_body)

    def answering_body(self, principal: Principal) -> Body | None:
        """The consulted body ``principal`` answers for as its staff (the first, should it act for two)."""
        return next((b for b in self.bodies if acts_for(principal, b)), None)

    def may_answer(self, principal: Principal) -> bool:
        """Staff of a consulted body, or a deputy where deputies may answer."""
        return self.answering_body(principal) is not None or (self.deputies_may_answer and is_deputy(principal))

    def _ids(self, now: datetime) -> tuple[str, datetime, str, Body, tuple[str, ...], bool]:
        bodies = tuple(b.value for b in self.bodies)
        return self.id, now, self.plan_id, self.asking_body, bodies, self.deputies_may_answer

    def _ensure_asker(self, principal: Principal, verb: str) -> None:
        if not self.is_asker(principal):
            raise PermissionDenied(f"只有征求意见的{BODY_LABELS[self.asking_body]}可以{verb}")


def _asked_bodies(problems: Problems, values: tuple[str, ...], owner: Body) -> tuple[Body, ...]:
    bodies = checked_bodies(problems, "bodies", values, "征求意见对象")
    if not values:
        problems.add("bodies", "请至少选择一个征求意见对象")
    for index, value in enumerate(values):
        if value == owner.value:
            problems.add(f"bodies[{index}]", "不能向本机关征求意见")
    return tuple(b for b in bodies if b is not owner)


# --- opinions ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Adoption:
    decision: Decision
    reason: str
    by: str
    by_name: str
    at: datetime


@dataclass(eq=False)
class Opinion:
    """An opinion given in a consultation. ``body``: the consulted body it was given for (the congress for a
    deputy's own, with ``by_deputy``); ``item_no``: None for an opinion on the plan as a whole."""

    id: str
    consultation_id: str
    plan_id: str
    plan_version: int
    asking_body: Body
    body: Body
    by_deputy: bool
    author: str
    author_name: str
    item_no: int | None
    text: str
    given_at: datetime
    late: bool
    status: OpinionStatus = OpinionStatus.AWAITING
    adoption: Adoption | None = None
    events: list[OpinionEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(
        cls, opinion_id: str, principal: Principal, consultation: Consultation, command: GiveOpinion, now: datetime
    ) -> Opinion:
        """Give an opinion; the use case then calls ``consultation.record_answer`` unless ``by_deputy``."""
        CONSULTATION_STATES.ensure(ConsultationAction.GIVE_OPINION, consultation.status)
        now = as_utc(now)
        body = consultation.answering_body(principal)
        by_deputy = body is None and consultation.deputies_may_answer and is_deputy(principal)
        if by_deputy:
            body = Body.CONGRESS
        if body is None:
            raise PermissionDenied("只有被征求意见的机关（或受邀的人大代表）可以提出意见")
        problems = Problems()
        item_no = command.item_no
        if item_no is not None:
            item_no = whole_number(problems, "item_no", item_no, NUMBERS, "项目序号")
            if item_no is not None and item_no not in consultation.item_nos:
                problems.add("item_no", f"征求意见的第 {consultation.plan_version} 版计划中没有第 {item_no} 项")
        text = problems.text("text", command.text, "意见内容", limit=BODY_MAX)
        problems.raise_if_any("意见未通过校验")
        late = now >= consultation.reply_by_at
        opinion = cls(
            opinion_id, consultation.id, consultation.plan_id, consultation.plan_version, consultation.asking_body,
            body, by_deputy, principal.subject, principal.name, item_no, text, now, late,
        )  # fmt: skip
        opinion.events.append(OpinionGiven(*opinion._ids(now), item_no or 0, late))
        return opinion

    def record_adoption(self, principal: Principal, command: RecordAdoption, now: datetime) -> Adoption:
        """Once: adopted, partly adopted (with a reason) or not adopted (with a reason)."""
        OPINION_STATES.ensure(OpinionAction.RECORD_ADOPTION, self.status)
        now = as_utc(now)
        if not self.is_asker(principal):
            raise PermissionDenied(f"只有征求意见的{BODY_LABELS[self.asking_body]}可以记录意见的采纳情况")
        problems = Problems()
        decision = problems.choice("decision", command.decision, Decision, "采纳情况")
        full = decision is Decision.ADOPTED
        label = "采纳说明" if full else "未予采纳或部分采纳的理由"
        reason = problems.text("reason", command.reason, label, required=not full, limit=TEXT_MAX)
        problems.raise_if_any("采纳情况未通过校验")
        assert decision is not None
        self.adoption = Adoption(decision, reason, principal.subject, principal.name, now)
        self.status = OpinionStatus.DECIDED
        self.events.append(AdoptionRecorded(*self._ids(now), decision))
        return self.adoption

    def is_asker(self, principal: Principal) -> bool:
        return acts_for(principal, self.asking_body)

    def _ids(self, now: datetime) -> tuple[str, datetime, str, str, Body, Body, bool, str]:
        return (
            self.id, now, self.consultation_id, self.plan_id, self.asking_body, self.body, self.by_deputy,
            self.author,
        )  # fmt: skip
