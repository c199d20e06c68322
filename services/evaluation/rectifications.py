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

Due date. 3 months by default (Lianjiang, Huangshi: "3个月内书面报告整改落实情况"), or 1–24 months, or an
explicit Beijing date: the end of that Beijing day (Asia/Shanghai has no daylight saving), stored in UTC;
months are calendar months from the day of raising, a day the target month lacks being clamped to its last
(31 January + 1 month is the end of 28 or 29 February).

Deadlines. While the unit owes something (open, rectifying) a *due soon* notice is raised 7 days before the
due moment and an *overdue* notice at it; each once per due date (the key of a notice names its due date,
so a reopening with a new due date starts a new clock, one without does not raise again), and once overdue
the due-soon notice is skipped. ``next_check_at`` tells the scheduler when to look next.

Who sees what (``item_viewer``, ``list_scope``). The raising body's roles, the congress's staff and the
discipline roles see every item; the government's supervision office every item of a department; a unit
the items of its own ``org_unit``; ``platform_admin`` counts; nobody else anything. Whoever sees an item
sees all of it — it is a record between the bodies and the unit, with nothing kept from either — so the
read model differs only in the actions it offers.

Events carry ids, kinds, dates and booleans only: never a problem, a measure, a name or a reason.
"""

from __future__ import annotations

import calendar
import re
from abc import ABC
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import ClassVar

from services.evaluation.domain import (
    BODY_MAX,
    CONGRESS_STAFF_ROLES,
    DEPARTMENT_ROLE,
    DISCIPLINE_ROLES,
    GRADE_LABELS,
    ID_MAX,
    NAME_MAX,
    OFFICE_ROLE,
    ORG_UNIT_MAX,
    ORGANIZER_ROLES,
    RAISING_BODY_LABELS,
    SHANGHAI,
    TEXT_MAX,
    Grade,
    RaisingBody,
    StateTable,
    View,
    acts_for_unit,
    as_utc,
    checked_text,
    ensure_readable,
    raising_body,
    status_counts,
)
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

DEFAULT_MONTHS = 3
MONTHS_MIN, MONTHS_MAX = 1, 24
DUE_SOON_NOTICE = timedelta(days=7)
SOURCE_REF_MAX = 200
PERSON_MAX = 100  # 责任领导 / 具体责任人: one or more names
# Identifiers only: they travel in events and audience selectors, so no free text gets in through them.
_ORG_UNIT = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{ORG_UNIT_MAX - 1}}}")
_SOURCE_REF = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:/#-]{{0,{SOURCE_REF_MAX - 1}}}")


# --- vocabulary ---------------------------------------------------------------------------------------


class Source(StrEnum):
    APPRAISAL = "appraisal"  # 部门工作评议
    PROJECT_INSPECTION = "project_inspection"  # 民生实事联合视察
    CASE_REVIEW_OPINION = "case_review_opinion"  # 案件质量评查意见
    MANUAL = "manual"  # 手工录入


SOURCE_LABELS: dict[Source, str] = {
    Source.APPRAISAL: "工作评议",
    Source.PROJECT_INSPECTION: "民生实事视察",
    Source.CASE_REVIEW_OPINION: "案件评查意见",
    Source.MANUAL: "其他",
}


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    COURT = "court"
    PROCURATORATE = "procuratorate"


UNIT_KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: "政府部门",
    UnitKind.COURT: "法院",
    UnitKind.PROCURATORATE: "检察院",
}
UNIT_KIND_ROLES: dict[UnitKind, str] = {
    UnitKind.DEPARTMENT: DEPARTMENT_ROLE,
    UnitKind.COURT: "court",
    UnitKind.PROCURATORATE: "procuratorate",
}
# Which units each source may name (a hand-entered item may name any).
SOURCE_UNIT_KINDS: dict[Source, frozenset[UnitKind]] = {
    Source.APPRAISAL: frozenset({UnitKind.DEPARTMENT}),
    Source.PROJECT_INSPECTION: frozenset({UnitKind.DEPARTMENT}),
    Source.CASE_REVIEW_OPINION: frozenset({UnitKind.COURT, UnitKind.PROCURATORATE}),
    Source.MANUAL: frozenset(UnitKind),
}
# The roles that act in each raising body's name: they raise, edit, close out and follow up its items.
BODY_ROLES: dict[RaisingBody, tuple[str, ...]] = {
    RaisingBody.CONGRESS: ORGANIZER_ROLES,
    RaisingBody.DISCIPLINE: DISCIPLINE_ROLES,
    RaisingBody.GOVERNMENT: (OFFICE_ROLE,),
}


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
_LIVE = frozenset(ItemStatus) - {ItemStatus.WITHDRAWN}


class ReportKind(StrEnum):
    PROGRESS = "progress"  # 进展报告
    FINAL = "final"  # 整改完成报告


REPORT_KIND_LABELS: dict[ReportKind, str] = {ReportKind.PROGRESS: "进展报告", ReportKind.FINAL: "整改完成报告"}


class ReopenCause(StrEnum):
    UNSATISFACTORY_CLOSE_OUT = "unsatisfactory_close_out"  # 销号测评不满意
    RELAPSE = "relapse"  # 回头看发现问题反弹


REOPEN_CAUSE_LABELS: dict[ReopenCause, str] = {
    ReopenCause.UNSATISFACTORY_CLOSE_OUT: "销号测评不满意",
    ReopenCause.RELAPSE: "回头看发现反弹",
}
CLOSING_GRADES = frozenset({Grade.SATISFIED, Grade.FAIRLY_SATISFIED, Grade.BASICALLY_SATISFIED})


# --- commands: plain and unchecked, as the API hands them over ------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemContent:
    """What the raising body asks. ``unit``: the responsible unit's ``org_unit``; ``unit_kind`` a
    ``UnitKind``; ``required_measures`` (整改要求) may be empty, the unit's plan says how. The due date is
    ``months`` calendar months (1–24) or the Beijing date ``due_on``, at most one of them; neither means
    3 months."""

    unit: str
    unit_name: str
    problem: str
    required_measures: str = ""
    unit_kind: str = UnitKind.DEPARTMENT.value
    months: int | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class RaiseItem:
    """``source`` a ``Source``; ``source_ref`` an identifier of what the item came from (required unless
    the item is entered by hand)."""

    source: str
    source_ref: str
    content: ItemContent


@dataclass(frozen=True, slots=True)
class EditItem:
    """The months of a new period count from the day the item was raised."""

    content: ItemContent


@dataclass(frozen=True, slots=True)
class WithdrawItem:
    reason: str


@dataclass(frozen=True, slots=True)
class DeclarePlan:
    """The unit's plan (整改方案): its target, its measures, and who answers for it."""

    measures: str
    leader: str  # 责任领导
    person: str  # 具体责任人
    target: str = ""  # 整改目标


@dataclass(frozen=True, slots=True)
class ReportRectification:
    """``kind`` a ``ReportKind``; a final report names the measures taken."""

    kind: str
    text: str
    measures_taken: str = ""


@dataclass(frozen=True, slots=True)
class CloseOutItem:
    """``grade`` a ``domain.Grade``: 不满意 reopens the item (``note`` is then the reason, required), and may
    set a new due date (``months`` from today, or ``due_on``); the other grades close it out."""

    grade: str
    note: str = ""
    months: int | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class AddFollowUp:
    """回头看. ``relapsed``: the problem is back, which reopens the item with a new due date (``months`` or
    ``due_on``; 3 months when neither is given)."""

    note: str
    relapsed: bool = False
    months: int | None = None
    due_on: date | None = None


# --- events: ids, kinds, dates and booleans only --------------------------------------------------------


def body_selectors(body: RaisingBody) -> list[str]:
    return [f"role:{role}" for role in BODY_ROLES[body]]


@dataclass(frozen=True, slots=True)
class RectificationEvent(ABC):
    """Published on ``wulian.evaluation.rectification.<name>``; told to the raising body's roles, the
    responsible unit and, for a department's item, the government's supervision office."""

    name: ClassVar[str] = ""
    aggregate: ClassVar[str] = "rectification"
    item_id: str
    occurred_at: datetime
    raising_body: RaisingBody
    unit: str
    unit_kind: UnitKind

    @property
    def aggregate_id(self) -> str:
        return self.item_id

    @property
    def topic(self) -> str:
        return f"wulian.evaluation.{self.aggregate}.{self.name}"

    def audience(self) -> list[str]:
        selectors = [*body_selectors(self.raising_body), f"org_unit:{self.unit}"]
        if self.unit_kind is UnitKind.DEPARTMENT and f"role:{OFFICE_ROLE}" not in selectors:
            selectors.append(f"role:{OFFICE_ROLE}")
        return selectors


@dataclass(frozen=True, slots=True)
class ItemRaised(RectificationEvent):
    name = "raised"
    source: Source
    source_ref: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class ItemEdited(RectificationEvent):
    """``previous_unit``: the unit the item was taken from, "" when it stays; that unit is told too."""

    name = "edited"
    previous_unit: str
    due_at: datetime

    def audience(self) -> list[str]:
        told = RectificationEvent.audience(self)
        return [*told, f"org_unit:{self.previous_unit}"] if self.previous_unit else told


@dataclass(frozen=True, slots=True)
class ItemWithdrawn(RectificationEvent):
    name = "withdrawn"


@dataclass(frozen=True, slots=True)
class PlanDeclared(RectificationEvent):
    """``revision``: 1 for the first plan, which starts the rectification."""

    name = "plan_declared"
    revision: int


@dataclass(frozen=True, slots=True)
class ItemReported(RectificationEvent):
    name = "reported"
    kind: ReportKind
    on_time: bool


@dataclass(frozen=True, slots=True)
class ItemClosedOut(RectificationEvent):
    """``on_time``: the final report came before the due moment."""

    name = "closed_out"
    grade: Grade
    on_time: bool


@dataclass(frozen=True, slots=True)
class ItemReopened(RectificationEvent):
    name = "reopened"
    cause: ReopenCause
    due_at: datetime
    due_changed: bool


@dataclass(frozen=True, slots=True)
class FollowUpAdded(RectificationEvent):
    name = "follow_up_added"
    relapsed: bool


@dataclass(frozen=True, slots=True)
class ItemDueSoon(RectificationEvent):
    name = "due_soon"
    due_at: datetime


@dataclass(frozen=True, slots=True)
class ItemOverdue(RectificationEvent):
    name = "overdue"
    due_at: datetime


# --- the due date ---------------------------------------------------------------------------------------


def beijing_date(moment: datetime) -> date:
    return as_utc(moment).astimezone(SHANGHAI).date()


def end_of_day(day: date) -> datetime:
    """The Beijing midnight that ends ``day``, in UTC."""
    return as_utc(datetime.combine(day + timedelta(days=1), time(0), tzinfo=SHANGHAI))


def due_day(due_at: datetime) -> date:
    """The Beijing day a due moment ends (the date a clerk writes as 完成时限)."""
    return beijing_date(due_at - timedelta(microseconds=1))


def rectification_due(start: datetime, months: int = DEFAULT_MONTHS) -> datetime:
    """The end of the Beijing day ``months`` calendar months after the Beijing day of ``start``, clamped to
    the target month's last day."""
    if months < 1:
        raise ValueError("a rectification period is at least one month long")
    day = beijing_date(start)
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return end_of_day(date(year, month, min(day.day, calendar.monthrange(year, month)[1])))


def due_from(
    problems: Problems,
    *,
    months: int | None,
    due_on: date | None,
    start: datetime,
    now: datetime,
    default_months: int | None = DEFAULT_MONTHS,
) -> datetime | None:
    """The due moment that ``months`` (counted from ``start``) or ``due_on`` name, ``default_months`` when
    neither does; a problem on ``months`` or ``due_on`` when it is out of range or already past. None when
    there is a problem, or nothing is given and there is no default."""
    if months is not None and due_on is not None:
        problems.add("due_on", "整改期限按月数或按日期指定，只能选其一")
        return None
    if due_on is not None:
        if due_on <= beijing_date(now):
            problems.add("due_on", "整改完成日期须晚于今天")
        elif end_of_day(due_on) > rectification_due(now, MONTHS_MAX):
            problems.add("due_on", f"整改完成日期不能晚于 {MONTHS_MAX} 个月之后")
        else:
            return end_of_day(due_on)
        return None
    months = default_months if months is None else months
    if months is None:
        return None
    if not MONTHS_MIN <= months <= MONTHS_MAX:
        problems.add("months", f"整改期限须为 {MONTHS_MIN} 至 {MONTHS_MAX} 个月")
        return None
    due = rectification_due(start, months)
    if due <= as_utc(now):
        problems.add("months", "按该月数计算的整改期限已过")
        return None
    return due


class NoticeKind(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def notice_key(kind: NoticeKind, due_at: datetime) -> str:
    """A notice is raised once per due date: its key names both."""
    return f"{kind.value}@{as_utc(due_at).isoformat()}"


def due_notices(due_at: datetime | None, raised: frozenset[str], now: datetime) -> list[NoticeKind]:
    """The notice due at ``now`` and not raised before for ``due_at``: at most one, overdue before due soon."""
    now = as_utc(now)
    if due_at is None:
        return []
    if now >= due_at:
        kind = NoticeKind.OVERDUE
    elif now >= due_at - DUE_SOON_NOTICE and notice_key(NoticeKind.OVERDUE, due_at) not in raised:
        kind = NoticeKind.DUE_SOON
    else:
        return []
    return [] if notice_key(kind, due_at) in raised else [kind]


def next_notice_at(due_at: datetime | None, raised: frozenset[str]) -> datetime | None:
    """The earliest moment at which ``due_notices`` may return something new."""
    if due_at is None or notice_key(NoticeKind.OVERDUE, due_at) in raised:
        return None
    if notice_key(NoticeKind.DUE_SOON, due_at) in raised:
        return due_at
    return due_at - DUE_SOON_NOTICE


# --- who raises ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Raiser:
    """The body an item is raised in the name of, and the official who raised it."""

    body: RaisingBody
    subject: str
    name: str = ""


def raiser_of(principal: Principal) -> Raiser:
    """A principal raises in the name of its body (``domain.raising_body``)."""
    body = raising_body(principal)
    if body is None:
        raise PermissionDenied("只有人大常委会联络人员或专（工）委、纪委监委或政务督查室可以提出整改事项")
    return Raiser(body, principal.subject, principal.name)


def service_raiser(body: str, official_subject: str, official_name: str = "") -> Raiser:
    """A service creating an item for another link (case-review opinions, …) names the body and the
    official it acts for; the gRPC layer has checked that the caller is a service."""
    problems = Problems()
    chosen = problems.choice("raising_body", body, RaisingBody, "提出机关")
    subject = problems.text("official_subject", official_subject, "经办人", limit=ID_MAX)
    name = problems.text("official_name", official_name, "经办人姓名", required=False, limit=NAME_MAX)
    problems.raise_if_any("提出机关未通过校验")
    assert chosen is not None
    return Raiser(chosen, subject, name)


def acts_for_body(principal: Principal, body: RaisingBody) -> bool:
    return principal.has_any(*BODY_ROLES[body])


# --- the records of an item -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Content:
    unit: str
    unit_name: str
    unit_kind: UnitKind
    problem: str
    required_measures: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Plan:
    target: str
    measures: str
    leader: str
    person: str
    declared_by: str
    declared_at: datetime


@dataclass(frozen=True, slots=True)
class Report:
    kind: ReportKind
    text: str
    measures_taken: str
    reported_by: str
    reported_at: datetime
    on_time: bool


@dataclass(frozen=True, slots=True)
class Assessment:
    """One close-out: a closing grade closes the item, 不满意 reopens it."""

    grade: Grade
    note: str
    by: str
    by_name: str
    at: datetime

    @property
    def closes(self) -> bool:
        return self.grade in CLOSING_GRADES


@dataclass(frozen=True, slots=True)
class Reopening:
    cause: ReopenCause
    reason: str
    by: str
    at: datetime
    previous_due_at: datetime
    due_at: datetime


@dataclass(frozen=True, slots=True)
class FollowUp:
    note: str
    relapsed: bool
    by: str
    by_name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Withdrawal:
    reason: str
    by: str
    at: datetime


def content_from(
    command: ItemContent,
    *,
    source: Source | None,
    body: RaisingBody,
    start: datetime,
    now: datetime,
    problems: Problems,
) -> Content | None:
    """The checked content; its problems join ``problems`` (None when there are any)."""
    unit = command.unit.strip()
    if not _ORG_UNIT.fullmatch(unit):
        problems.add("unit", f"责任单位标识须为 1 至 {ORG_UNIT_MAX} 位字母、数字、点、下划线或连字符")
    unit_name = problems.text("unit_name", command.unit_name, "责任单位名称", limit=NAME_MAX)
    kind = problems.choice("unit_kind", command.unit_kind, UnitKind, "责任单位类别")
    if kind is not None and source is not None and kind not in SOURCE_UNIT_KINDS[source]:
        allowed = "、".join(UNIT_KIND_LABELS[k] for k in UnitKind if k in SOURCE_UNIT_KINDS[source])
        problems.add("unit_kind", f"{SOURCE_LABELS[source]}的责任单位须为{allowed}")
    elif kind is not None and body is RaisingBody.GOVERNMENT and kind is not UnitKind.DEPARTMENT:
        problems.add("unit_kind", "市政府只能向政府部门提出整改事项")
    problem = problems.text("problem", command.problem, "存在的问题", limit=BODY_MAX)
    required = problems.text("required_measures", command.required_measures, "整改要求", required=False, limit=BODY_MAX)
    due_at = due_from(problems, months=command.months, due_on=command.due_on, start=start, now=now)
    if problems.details or kind is None or due_at is None:
        return None
    return Content(unit, unit_name, kind, problem, required, due_at)


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


# --- who sees what --------------------------------------------------------------------------------------


class ItemViewer(StrEnum):
    """In which capacity a caller looks at an item (the widest of its roles)."""

    RAISER = "raiser"  # the raising body: reads and decides
    SUPERVISOR = "supervisor"  # congress staff, discipline roles, the office for departments: reads
    UNIT = "unit"  # the responsible unit: reads, plans and reports
    COUNTS = "counts"
    NONE = "none"


_VIEWS: dict[ItemViewer, View] = {
    ItemViewer.RAISER: View.FULL,
    ItemViewer.SUPERVISOR: View.FULL,
    ItemViewer.UNIT: View.FULL,
    ItemViewer.COUNTS: View.COUNTS,
    ItemViewer.NONE: View.NONE,
}


def _supervises(principal: Principal, unit_kind: UnitKind) -> bool:
    if principal.has_any(*CONGRESS_STAFF_ROLES, *DISCIPLINE_ROLES):
        return True
    return OFFICE_ROLE in principal.roles and unit_kind is UnitKind.DEPARTMENT


def item_viewer(item: RectificationItem, principal: Principal) -> ItemViewer:
    if item.is_raiser(principal):
        return ItemViewer.RAISER
    if _supervises(principal, item.content.unit_kind):
        return ItemViewer.SUPERVISOR
    if item.is_unit(principal):
        return ItemViewer.UNIT
    if "platform_admin" in principal.roles:
        return ItemViewer.COUNTS
    return ItemViewer.NONE


_ACTORS: dict[ItemAction, Callable[[RectificationItem, Principal], bool]] = {
    ItemAction.EDIT: RectificationItem.is_raiser,
    ItemAction.WITHDRAW: RectificationItem.is_raiser,
    ItemAction.DECLARE_PLAN: RectificationItem.is_unit,
    ItemAction.REPORT: RectificationItem.is_unit,
    ItemAction.CLOSE_OUT: RectificationItem.is_raiser,
    ItemAction.ADD_FOLLOW_UP: RectificationItem.is_raiser,
}


def available_actions(item: RectificationItem, principal: Principal) -> tuple[ItemAction, ...]:
    """What ``principal`` may do with the item now (the console's buttons)."""
    allowed = ITEM_STATES.allowed
    return tuple(a for a in ItemAction if item.status in allowed[a] and _ACTORS[a](item, principal))


@dataclass(frozen=True, slots=True)
class ItemView:
    id: str
    source: Source
    source_label: str
    source_ref: str
    raising_body: RaisingBody
    raising_body_label: str
    raised_by: str
    raised_by_name: str
    raised_at: datetime
    unit: str
    unit_name: str
    unit_kind: UnitKind
    problem: str
    required_measures: str
    due_at: datetime
    due_on: date  # the Beijing day the due moment ends
    status: ItemStatus
    status_label: str
    was_overdue: bool  # the overdue notice was raised for the current due date
    plan: Plan | None
    plans: tuple[Plan, ...]
    reports: tuple[Report, ...]
    assessments: tuple[Assessment, ...]
    closing: Assessment | None
    reopenings: tuple[Reopening, ...]
    follow_ups: tuple[FollowUp, ...]
    withdrawal: Withdrawal | None
    viewer: ItemViewer
    actions: tuple[ItemAction, ...]


def item_view(item: RectificationItem, principal: Principal) -> ItemView:
    """The item as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    viewer = item_viewer(item, principal)
    ensure_readable(_VIEWS[viewer], message="未找到该整改事项")
    content = item.content
    return ItemView(
        id=item.id,
        source=item.source,
        source_label=SOURCE_LABELS[item.source],
        source_ref=item.source_ref,
        raising_body=item.raising_body,
        raising_body_label=RAISING_BODY_LABELS[item.raising_body],
        raised_by=item.raised_by,
        raised_by_name=item.raised_by_name,
        raised_at=item.raised_at,
        unit=content.unit,
        unit_name=content.unit_name,
        unit_kind=content.unit_kind,
        problem=content.problem,
        required_measures=content.required_measures,
        due_at=content.due_at,
        due_on=due_day(content.due_at),
        status=item.status,
        status_label=ITEM_STATUS_LABELS[item.status],
        was_overdue=notice_key(NoticeKind.OVERDUE, content.due_at) in item.raised_notices,
        plan=item.plan,
        plans=tuple(item.plans),
        reports=tuple(item.reports),
        assessments=tuple(item.assessments),
        closing=item.closing,
        reopenings=tuple(item.reopenings),
        follow_ups=tuple(item.follow_ups),
        withdrawal=item.withdrawal,
        viewer=viewer,
        actions=available_actions(item, principal),
    )


class ListScope(StrEnum):
    """Which items a caller's list holds (the widest scope of their roles)."""

    ALL = "all"  # congress staff and discipline roles
    DEPARTMENTS = "departments"  # the supervision office: every department's items
    OWN_UNIT = "own_unit"  # a department, court or procuratorate: its org_unit's items
    COUNTS = "counts"  # platform_admin: numbers per status, no rows
    NONE = "none"


def list_scope(principal: Principal) -> ListScope:
    if principal.has_any(*CONGRESS_STAFF_ROLES, *DISCIPLINE_ROLES):
        return ListScope.ALL
    if OFFICE_ROLE in principal.roles:
        return ListScope.DEPARTMENTS
    if principal.org_unit and principal.has_any(*UNIT_KIND_ROLES.values()):
        return ListScope.OWN_UNIT
    if "platform_admin" in principal.roles:
        return ListScope.COUNTS
    return ListScope.NONE


def in_list_scope(item: RectificationItem, principal: Principal, scope: ListScope) -> bool:
    """Whether ``item`` is a row of ``principal``'s list under ``scope`` (what a repository's filter says:
    the unit kinds of the departments scope; the org_unit, in the role of its kind, for the own-unit one)."""
    if scope is ListScope.ALL:
        return True
    if scope is ListScope.DEPARTMENTS:
        return item.content.unit_kind is UnitKind.DEPARTMENT
    if scope is ListScope.OWN_UNIT:
        return item.is_unit(principal)
    return False


def visible_items(items: Iterable[RectificationItem], principal: Principal) -> list[RectificationItem]:
    """The rows of ``principal``'s list (none for counts: see ``ledger_counts``)."""
    scope = list_scope(principal)
    return [item for item in items if in_list_scope(item, principal, scope)]


def ledger_counts(items: Iterable[RectificationItem]) -> dict[ItemStatus, int]:
    return status_counts(ItemStatus, (item.status for item in items))


# --- the six lists (六个清单), views of the ledger, each an Excel sheet -----------------------------------

Cell = str | int | date | None


def _cell(value: object) -> Cell:
    if isinstance(value, bool):
        return "是" if value else "否"
    assert value is None or isinstance(value, str | int | date)
    return value


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a list: its fields in column order, ``HEADERS`` their Chinese headers."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def cells(self) -> tuple[Cell, ...]:
        """The row as an Excel sheet shows it: yes/no as 是/否, an unknown as an empty cell."""
        return tuple(_cell(getattr(self, f.name)) for f in fields(self))


@dataclass(frozen=True, slots=True)
class ResponsibilityRow(Row):
    """责任清单: who answers for each item (Luoyang: 责任领导、具体责任人、完成时限)."""

    HEADERS = ("事项编号", "责任单位", "提出机关", "整改问题", "责任领导", "具体责任人", "完成时限", "状态")
    item_id: str
    unit_name: str
    raising_body: str
    problem: str
    leader: str
    person: str
    due_on: date
    status: str


@dataclass(frozen=True, slots=True)
class ContentRow(Row):
    """内容清单: what is to be rectified — the problem, what the raising body requires, the unit's plan."""

    HEADERS = (
        "事项编号",
        "问题来源",
        "来源编号",
        "责任单位",
        "存在问题",
        "整改要求",
        "整改目标",
        "整改措施",
        "完成时限",
    )
    item_id: str
    source: str
    source_ref: str
    unit_name: str
    problem: str
    required_measures: str
    target: str
    measures: str
    due_on: date


@dataclass(frozen=True, slots=True)
class ProblemRow(Row):
    """问题清单: the problems not yet closed out, by unit and source."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "问题来源",
        "来源编号",
        "存在问题",
        "提出机关",
        "提出日期",
        "完成时限",
        "状态",
        "是否逾期",
    )
    item_id: str
    unit_name: str
    source: str
    source_ref: str
    problem: str
    raising_body: str
    raised_on: date
    due_on: date
    status: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class RectificationRow(Row):
    """整改清单: what the unit does about each item it has planned — measures, progress, on time or not."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "整改措施",
        "已采取措施",
        "最新进展",
        "报告次数",
        "最近报告日期",
        "完成时限",
        "是否按期",
        "状态",
    )
    item_id: str
    unit_name: str
    problem: str
    measures: str
    measures_taken: str
    progress: str
    reports: int
    last_reported_on: date | None
    due_on: date
    on_time: bool | None
    status: str


@dataclass(frozen=True, slots=True)
class CloseOutRow(Row):
    """销号清单: the items closed out — by whom, when, with which grade, and whether on time."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "销号机关",
        "测评结果",
        "销号意见",
        "销号人",
        "销号日期",
        "是否按期完成",
    )
    item_id: str
    unit_name: str
    problem: str
    raising_body: str
    grade: str
    note: str
    closed_by: str
    closed_on: date
    on_time: bool


@dataclass(frozen=True, slots=True)
class FollowUpRow(Row):
    """跟踪清单: items followed up after the close-out, and those reopened as not (or no longer) rectified."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "状态",
        "最近销号日期",
        "回头看次数",
        "最近回头看日期",
        "最近回头看情况",
        "是否反弹",
        "重新整改次数",
        "最近重新整改原因",
        "现完成时限",
    )
    item_id: str
    unit_name: str
    problem: str
    status: str
    last_closed_on: date | None
    follow_ups: int
    last_follow_up_on: date | None
    last_follow_up: str
    relapsed: bool
    reopenings: int
    last_reopen_reason: str
    due_on: date


def _live(items: Iterable[RectificationItem]) -> list[RectificationItem]:
    """Withdrawn items are no part of any list; rows go by unit, then by the order raised."""
    live = [item for item in items if item.status in _LIVE]
    return sorted(live, key=lambda i: (i.content.unit_name, i.raised_at, i.id))


def responsibility_list(items: Iterable[RectificationItem]) -> list[ResponsibilityRow]:
    return [
        ResponsibilityRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            problem=item.content.problem,
            leader=item.plan.leader if item.plan else "",
            person=item.plan.person if item.plan else "",
            due_on=due_day(item.content.due_at),
            status=ITEM_STATUS_LABELS[item.status],
        )
        for item in _live(items)
    ]


def content_list(items: Iterable[RectificationItem]) -> list[ContentRow]:
    return [
        ContentRow(
            item_id=item.id,
            source=SOURCE_LABELS[item.source],
            source_ref=item.source_ref,
            unit_name=item.content.unit_name,
            problem=item.content.problem,
            required_measures=item.content.required_measures,
            target=item.plan.target if item.plan else "",
            measures=item.plan.measures if item.plan else "",
            due_on=due_day(item.content.due_at),
        )
        for item in _live(items)
    ]


def problem_list(items: Iterable[RectificationItem], now: datetime) -> list[ProblemRow]:
    """Open, rectifying and reported items (not yet closed out), by unit, then source, then order raised."""
    sources = list(Source)
    pending = [i for i in _live(items) if i.status is not ItemStatus.CLOSED]
    pending.sort(key=lambda i: (i.content.unit_name, sources.index(i.source), i.raised_at, i.id))
    return [
        ProblemRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            source=SOURCE_LABELS[item.source],
            source_ref=item.source_ref,
            problem=item.content.problem,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            raised_on=beijing_date(item.raised_at),
            due_on=due_day(item.content.due_at),
            status=ITEM_STATUS_LABELS[item.status],
            overdue=item.on_time(now) is False,
        )
        for item in pending
    ]


def _rectification_row(item: RectificationItem, plan: Plan, now: datetime) -> RectificationRow:
    last = item.reports[-1] if item.reports else None
    return RectificationRow(
        item_id=item.id,
        unit_name=item.content.unit_name,
        problem=item.content.problem,
        measures=plan.measures,
        measures_taken=next((r.measures_taken for r in reversed(item.reports) if r.measures_taken), ""),
        progress=last.text if last else "",
        reports=len(item.reports),
        last_reported_on=beijing_date(last.reported_at) if last else None,
        due_on=due_day(item.content.due_at),
        on_time=item.on_time(now),
        status=ITEM_STATUS_LABELS[item.status],
    )


def rectification_list(items: Iterable[RectificationItem], now: datetime) -> list[RectificationRow]:
    """Every item whose unit has declared its plan."""
    return [_rectification_row(item, item.plan, now) for item in _live(items) if item.plan is not None]


def close_out_list(items: Iterable[RectificationItem]) -> list[CloseOutRow]:
    """The items closed out now (a reopened one leaves the list until it is closed out again), by date."""
    closed = [(i, i.closing) for i in _live(items) if i.closing is not None]
    closed.sort(key=lambda pair: (pair[1].at, pair[0].id))
    return [
        CloseOutRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            problem=item.content.problem,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            grade=GRADE_LABELS[closing.grade],
            note=closing.note,
            closed_by=closing.by_name or closing.by,
            closed_on=beijing_date(closing.at),
            on_time=item.reports[-1].on_time,
        )
        for item, closing in closed
    ]


def _follow_up_row(item: RectificationItem) -> FollowUpRow:
    closings = [a for a in item.assessments if a.closes]
    last = item.follow_ups[-1] if item.follow_ups else None
    return FollowUpRow(
        item_id=item.id,
        unit_name=item.content.unit_name,
        problem=item.content.problem,
        status=ITEM_STATUS_LABELS[item.status],
        last_closed_on=beijing_date(closings[-1].at) if closings else None,
        follow_ups=len(item.follow_ups),
        last_follow_up_on=beijing_date(last.at) if last else None,
        last_follow_up=last.note if last else "",
        relapsed=any(f.relapsed for f in item.follow_ups),
        reopenings=len(item.reopenings),
        last_reopen_reason=item.reopenings[-1].reason if item.reopenings else "",
        due_on=due_day(item.content.due_at),
    )


def follow_up_list(items: Iterable[RectificationItem]) -> list[FollowUpRow]:
    """Items with a follow-up or a reopening: Luoyang's "整改不彻底、不到位的问题，列入跟踪清单"."""
    return [_follow_up_row(item) for item in _live(items) if item.follow_ups or item.reopenings]


class LedgerList(StrEnum):
    RESPONSIBILITY = "responsibility"
    CONTENT = "content"
    PROBLEMS = "problems"
    RECTIFICATION = "rectification"
    CLOSE_OUT = "close_out"
    FOLLOW_UP = "follow_up"


LEDGER_LIST_TITLES: dict[LedgerList, str] = {
    LedgerList.RESPONSIBILITY: "责任清单",
    LedgerList.CONTENT: "内容清单",
    LedgerList.PROBLEMS: "问题清单",
    LedgerList.RECTIFICATION: "整改清单",
    LedgerList.CLOSE_OUT: "销号清单",
    LedgerList.FOLLOW_UP: "跟踪清单",
}


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def ledger_sheet(kind: LedgerList, items: Sequence[RectificationItem], now: datetime) -> Sheet:
    """One of the six lists as an Excel sheet: its title, its headers, its rows of cells."""
    builders: dict[LedgerList, tuple[type[Row], Callable[[], Sequence[Row]]]] = {
        LedgerList.RESPONSIBILITY: (ResponsibilityRow, lambda: responsibility_list(items)),
        LedgerList.CONTENT: (ContentRow, lambda: content_list(items)),
        LedgerList.PROBLEMS: (ProblemRow, lambda: problem_list(items, now)),
        LedgerList.RECTIFICATION: (RectificationRow, lambda: rectification_list(items, now)),
        LedgerList.CLOSE_OUT: (CloseOutRow, lambda: close_out_list(items)),
        LedgerList.FOLLOW_UP: (FollowUpRow, lambda: follow_up_list(items)),
    }
    row_type, build = builders[kind]
    return Sheet(LEDGER_LIST_TITLES[kind], row_type.HEADERS, tuple(row.cells() for row in build()))
