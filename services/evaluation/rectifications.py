"""整改台账 — the rectification ledger every link uses: one item per problem a body asks a unit to rectify,
tracked to its close-out (销号), and the six lists of Luoyang (六个清单) as views of it. Pure: no I/O.

An item comes from an appraisal (工作评议), a joint inspection of a livelihood project (民生实事联合视察),
a case-review opinion (案件质量评查意见, through this service's gRPC API) or is entered by hand; its
``source_ref`` names what it came from as an identifier (``appraisal/2025/transport``, ``finding/f-1``).
The *raising body* — the congress (its organizers), the discipline commission (commission or station) or
the city government (its supervision office) — raises it, and it alone closes it out. A principal raises
in the name of its body; a service that creates an item for another link names the body and the official
explicitly (``service_raiser``). The *responsible unit* is a department (``gov_department``) or, for
case-review opinions, a court or procuratorate, acting through its ``org_unit``. The government raises
items for its departments only; appraisals and project inspections are about departments; case-review
opinions are about a court or procuratorate.

Life of an item (``ITEM_STATES``)::

    action \\ state    open          rectifying     reported               closed              withdrawn
    edit              open          -              -                      -                   -
    withdraw          withdrawn     -              -                      -                   -
    declare_plan      rectifying    rectifying     -                      -                   -
    report            -             rectifying     -                      -                   -
                                    (final: reported)
    close_out         -             -              closed                 -                   -
                                                   (不满意: rectifying)
    add_follow_up     -             -              -                      closed              -
                                                                          (反弹: rectifying)

The raising body edits or withdraws an item only while it is *open* (the unit has not started). The unit
declares its plan — target, measures, 责任领导 and 具体责任人 (Luoyang's responsibility list) — which starts
the rectification, and may revise it while rectifying; it reports progress, and a final report (整改完成
报告) hands the item to the raising body. The raising body assesses it in the grades of the ballot
(Luoyang: "满意度测评为满意或基本满意的事项纳入销号清单"): 满意, 较满意 or 基本满意 closes it out; 不满意 reopens
it (back to rectifying, with the reason and, optionally, a new due date). After the close-out it adds
follow-up notes (回头看); a follow-up that finds the problem back (反弹) reopens the item with a new due date
(3 months from the follow-up unless given). Every reopening is recorded with its cause.

The ledger's other parts: its words (``rectification_vocabulary``), the commands and who raises
(``rectification_commands``), due dates and notices (``rectification_clock``), the records an item keeps
(``rectification_records``), the events (``rectification_events``), who sees what (``rectification_views``)
and the six lists (``ledger_lists``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from services.evaluation.domain import (
    BODY_MAX,
    RAISING_BODY_LABELS,
    TEXT_MAX,
    Grade,
    RaisingBody,
    StateTable,
    acts_for_unit,
    as_utc,
    checked_text,
)
from services.evaluation.rectification_clock import (
    DEFAULT_MONTHS,
    NoticeKind,
    due_from,
    due_notices,
    next_notice_at,
    notice_key,
)
from services.evaluation.rectification_commands import (
    AddFollowUp,
    CloseOutItem,
    DeclarePlan,
    EditItem,
    RaiseItem,
    Raiser,
    ReportRectification,
    WithdrawItem,
)
from services.evaluation.rectification_events import (
    FollowUpAdded,
    ItemClosedOut,
    ItemDueSoon,
    ItemEdited,
    ItemOverdue,
    ItemRaised,
    ItemReopened,
    ItemReported,
    ItemWithdrawn,
    PlanDeclared,
    RectificationEvent,
)
from services.evaluation.rectification_records import (
    Assessment,
    Content,
    FollowUp,
    Plan,
    Reopening,
    Report,
    Withdrawal,
    content_from,
)
from services.evaluation.rectification_vocabulary import (
    UNIT_KIND_ROLES,
    ReopenCause,
    ReportKind,
    Source,
    UnitKind,
    acts_for_body,
)
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

SOURCE_REF_MAX = 200
PERSON_MAX = 100  # 责任领导 / 具体责任人: one or more names
# An identifier only: it travels in events and audience selectors, so no free text gets in through it.
_SOURCE_REF = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:/#-]{{0,{SOURCE_REF_MAX - 1}}}")


# --- the state table ------------------------------------------------------------------------------------


class ItemStatus(StrEnum):
    OPEN = "open"  # 已交办，待责任单位制定整改方案
    RECTIFYING = "rectifying"  # 整改中
    REPORTED = "reported"  # 已报告整改完成，待销号
    CLOSED = "closed"  # 已销号
    WITHDRAWN = "withdrawn"  # 已撤销


ITEM_STATUS_LABELS: dict[ItemStatus, str] = {
    ItemStatus.OPEN: "待制定方案",
    ItemStatus.RECTIFYING: "整改中",
    ItemStatus.REPORTED: "待销号",
    ItemStatus.CLOSED: "已销号",
    ItemStatus.WITHDRAWN: "已撤销",
}


class ItemAction(StrEnum):
    EDIT = "edit"
    WITHDRAW = "withdraw"
    DECLARE_PLAN = "declare_plan"
    REPORT = "report"
    CLOSE_OUT = "close_out"
    ADD_FOLLOW_UP = "add_follow_up"


ITEM_STATES: StateTable[ItemStatus, ItemAction] = StateTable(
    allowed={
        ItemAction.EDIT: frozenset({ItemStatus.OPEN}),
        ItemAction.WITHDRAW: frozenset({ItemStatus.OPEN}),
        ItemAction.DECLARE_PLAN: frozenset({ItemStatus.OPEN, ItemStatus.RECTIFYING}),
        ItemAction.REPORT: frozenset({ItemStatus.RECTIFYING}),
        ItemAction.CLOSE_OUT: frozenset({ItemStatus.REPORTED}),
        ItemAction.ADD_FOLLOW_UP: frozenset({ItemStatus.CLOSED}),
    },
    phrases={
        ItemStatus.OPEN: "该整改事项待责任单位制定整改方案",
        ItemStatus.RECTIFYING: "该整改事项正在整改",
        ItemStatus.REPORTED: "该整改事项已报告整改完成，待销号",
        ItemStatus.CLOSED: "该整改事项已销号",
        ItemStatus.WITHDRAWN: "该整改事项已撤销",
    },
    action_labels={
        ItemAction.EDIT: "修改",
        ItemAction.WITHDRAW: "撤销",
        ItemAction.DECLARE_PLAN: "制定整改方案",
        ItemAction.REPORT: "报告整改情况",
        ItemAction.CLOSE_OUT: "销号",
        ItemAction.ADD_FOLLOW_UP: "回头看",
    },
)
_AWAITING_UNIT = frozenset({ItemStatus.OPEN, ItemStatus.RECTIFYING})


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class RectificationItem:
    """A ledger item. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    source: Source
    source_ref: str
    raising_body: RaisingBody
    raised_by: str
    raised_by_name: str
    raised_at: datetime
    content: Content
    status: ItemStatus = ItemStatus.OPEN
    plans: list[Plan] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    reopenings: list[Reopening] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    withdrawal: Withdrawal | None = None
    raised_notices: set[str] = field(default_factory=set)
    events: list[RectificationEvent] = field(default_factory=list, repr=False)

    @classmethod
    def raise_item(cls, item_id: str, raiser: Raiser, command: RaiseItem, now: datetime) -> RectificationItem:
        """``raiser``: ``raiser_of(principal)``, or ``service_raiser(...)`` for another service's call."""
        now = as_utc(now)
        problems = Problems()
        source = problems.choice("source", command.source, Source, "问题来源")
        source_ref = command.source_ref.strip()
        if (source_ref or source not in (Source.MANUAL, None)) and not _SOURCE_REF.fullmatch(source_ref):
            problems.add(
                "source_ref", f"来源编号须为 1 至 {SOURCE_REF_MAX} 位字母、数字或 . _ : / # -（手工录入的可不填）"
            )
        content = content_from(command.content, source=source, body=raiser.body, start=now, now=now, problems=problems)
        problems.raise_if_any("整改事项未通过校验")
        assert source is not None and content is not None
        item = cls(item_id, source, source_ref, raiser.body, raiser.subject, raiser.name, now, content)
        item.events.append(ItemRaised(*item._ids(now), source, source_ref, content.due_at))
        return item

    def edit(self, principal: Principal, command: EditItem, now: datetime) -> None:
        """Before the unit starts: the problem, the unit, the due date (months count from the raising)."""
        ITEM_STATES.ensure(ItemAction.EDIT, self.status)
        now = as_utc(now)
        self._ensure_raiser(principal, "修改整改事项")
        problems = Problems()
        content = content_from(
            command.content,
            source=self.source,
            body=self.raising_body,
            start=self.raised_at,
            now=now,
            problems=problems,
        )
        problems.raise_if_any("整改事项未通过校验")
        assert content is not None
        previous_unit = self.content.unit if content.unit != self.content.unit else ""
        self.content = content
        self.events.append(ItemEdited(*self._ids(now), previous_unit, content.due_at))

    def withdraw(self, principal: Principal, command: WithdrawItem, now: datetime) -> None:
        """An item raised by mistake, before the unit starts."""
        ITEM_STATES.ensure(ItemAction.WITHDRAW, self.status)
        now = as_utc(now)
        self._ensure_raiser(principal, "撤销整改事项")
        reason = checked_text("reason", command.reason, "撤销的理由", limit=TEXT_MAX)
        self.withdrawal = Withdrawal(reason, principal.subject, now)
        self.status = ItemStatus.WITHDRAWN
        self.events.append(ItemWithdrawn(*self._ids(now)))

    def declare_plan(self, principal: Principal, command: DeclarePlan, now: datetime) -> None:
        """The unit's plan and who answers for it; the first one starts the rectification."""
        ITEM_STATES.ensure(ItemAction.DECLARE_PLAN, self.status)
        now = as_utc(now)
        self._ensure_unit(principal, "制定整改方案")
        problems = Problems()
        target = problems.text("target", command.target, "整改目标", required=False, limit=BODY_MAX)
        measures = problems.text("measures", command.measures, "整改措施", limit=BODY_MAX)
        leader = problems.text("leader", command.leader, "责任领导", limit=PERSON_MAX)
        person = problems.text("person", command.person, "具体责任人", limit=PERSON_MAX)
        problems.raise_if_any("整改方案未通过校验")
        self.plans.append(Plan(target, measures, leader, person, principal.subject, now))
        self.status = ItemStatus.RECTIFYING
        self.events.append(PlanDeclared(*self._ids(now), len(self.plans)))

    def report(self, principal: Principal, command: ReportRectification, now: datetime) -> None:
        """A progress report, or the final report that hands the item to the raising body for close-out."""
        ITEM_STATES.ensure(ItemAction.REPORT, self.status)
        now = as_utc(now)
        self._ensure_unit(principal, "报告整改情况")
        problems = Problems()
        kind = problems.choice("kind", command.kind, ReportKind, "报告类别")
        text = problems.text("text", command.text, "整改情况", limit=BODY_MAX)
        final = kind is ReportKind.FINAL
        taken = problems.text(
            "measures_taken", command.measures_taken, "已采取的整改措施", required=final, limit=BODY_MAX
        )
        problems.raise_if_any("整改报告未通过校验")
        assert kind is not None
        report = Report(kind, text, taken, principal.subject, now, now < self.content.due_at)
        self.reports.append(report)
        if final:
            self.status = ItemStatus.REPORTED
        self.events.append(ItemReported(*self._ids(now), kind, report.on_time))

    def close_out(self, principal: Principal, command: CloseOutItem, now: datetime) -> None:
        """销号, by the raising body: a closing grade closes the item; 不满意 reopens it."""
        ITEM_STATES.ensure(ItemAction.CLOSE_OUT, self.status)
        now = as_utc(now)
        self._ensure_raiser(principal, "销号")
        problems = Problems()
        grade = problems.choice("grade", command.grade, Grade, "销号测评结果")
        reopens = grade is Grade.DISSATISFIED
        label = "不满意的理由" if reopens else "销号意见"
        note = problems.text("note", command.note, label, required=reopens, limit=TEXT_MAX)
        due_at = None
        if grade is not None:  # whether a new due date belongs here depends on a valid grade
            due_at = self._new_due(problems, command.months, command.due_on, now, wanted=reopens, default=None)
        problems.raise_if_any("销号未通过校验")
        assert grade is not None
        assessment = Assessment(grade, note, principal.subject, principal.name, now)
        self.assessments.append(assessment)
        if reopens:
            self._reopen(ReopenCause.UNSATISFACTORY_CLOSE_OUT, note, principal, now, due_at)
            return
        self.status = ItemStatus.CLOSED
        self.events.append(ItemClosedOut(*self._ids(now), grade, self.reports[-1].on_time))

    def add_follow_up(self, principal: Principal, command: AddFollowUp, now: datetime) -> None:
        """回头看 after the close-out; a relapse reopens the item with a new due date."""
        ITEM_STATES.ensure(ItemAction.ADD_FOLLOW_UP, self.status)
        now = as_utc(now)
        self._ensure_raiser(principal, "开展回头看")
        problems = Problems()
        note = problems.text("note", command.note, "回头看情况", limit=TEXT_MAX)
        relapsed = command.relapsed
        due_at = self._new_due(problems, command.months, command.due_on, now, wanted=relapsed, default=DEFAULT_MONTHS)
        problems.raise_if_any("回头看未通过校验")
        self.follow_ups.append(FollowUp(note, relapsed, principal.subject, principal.name, now))
        self.events.append(FollowUpAdded(*self._ids(now), relapsed))
        if relapsed:
            self._reopen(ReopenCause.RELAPSE, note, principal, now, due_at)

    # --- deadlines ------------------------------------------------------------------------------------

    @property
    def awaited_due_at(self) -> datetime | None:
        """The due moment while the unit owes something, None otherwise."""
        return self.content.due_at if self.status in _AWAITING_UNIT else None

    def raise_due_notices(self, now: datetime) -> list[RectificationEvent]:
        """Record each notice that is due and not yet raised for this due date; return the new events."""
        now = as_utc(now)
        raised: list[RectificationEvent] = []
        due_at = self.content.due_at
        for kind in due_notices(self.awaited_due_at, frozenset(self.raised_notices), now):
            self.raised_notices.add(notice_key(kind, due_at))
            event_type = ItemOverdue if kind is NoticeKind.OVERDUE else ItemDueSoon
            raised.append(event_type(*self._ids(now), due_at))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        return next_notice_at(self.awaited_due_at, frozenset(self.raised_notices))

    # --- queries --------------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        return self.plans[-1] if self.plans else None

    @property
    def closing(self) -> Assessment | None:
        """The assessment that closed the item, while it is closed."""
        return self.assessments[-1] if self.status is ItemStatus.CLOSED else None

    def on_time(self, now: datetime) -> bool | None:
        """Whether the unit finished within the period: the final report's flag once it reported (reported,
        closed); late once the due moment has passed without one; None while still within the period."""
        if self.status in (ItemStatus.REPORTED, ItemStatus.CLOSED):
            return self.reports[-1].on_time
        if self.status is ItemStatus.WITHDRAWN:
            return None
        return False if as_utc(now) >= self.content.due_at else None

    def is_raiser(self, principal: Principal) -> bool:
        return acts_for_body(principal, self.raising_body)

    def is_unit(self, principal: Principal) -> bool:
        """The responsible unit, in the role of its kind (a court does not act for a department's org_unit)."""
        role = UNIT_KIND_ROLES[self.content.unit_kind]
        return acts_for_unit(principal, self.content.unit) and role in principal.roles

    # --- helpers --------------------------------------------------------------------------------------

    def _ids(self, now: datetime) -> tuple[str, datetime, RaisingBody, str, UnitKind]:
        return self.id, now, self.raising_body, self.content.unit, self.content.unit_kind

    def _ensure_raiser(self, principal: Principal, verb: str) -> None:
        if not self.is_raiser(principal):
            raise PermissionDenied(f"只有提出该整改事项的{RAISING_BODY_LABELS[self.raising_body]}可以{verb}")

    def _ensure_unit(self, principal: Principal, verb: str) -> None:
        if not self.is_unit(principal):
            raise PermissionDenied(f"只有责任单位可以{verb}")

    def _new_due(
        self,
        problems: Problems,
        months: int | None,
        due_on: date | None,
        now: datetime,
        *,
        wanted: bool,
        default: int | None,
    ) -> datetime | None:
        if wanted:
            return due_from(problems, months=months, due_on=due_on, start=now, now=now, default_months=default)
        if months is not None or due_on is not None:
            problems.add("due_on" if due_on is not None else "months", "不重新整改时不设新的整改期限")
        return None

    def _reopen(
        self, cause: ReopenCause, reason: str, principal: Principal, now: datetime, due_at: datetime | None
    ) -> None:
        previous = self.content.due_at
        new_due = due_at or previous
        self.reopenings.append(Reopening(cause, reason, principal.subject, now, previous, new_due))
        self.content = replace(self.content, due_at=new_due)
        self.status = ItemStatus.RECTIFYING
        self.events.append(ItemReopened(*self._ids(now), cause, new_due, new_due != previous))
