"""The rectification ledger (整改台账): raising, every state × action, every actor, the due date in Beijing
time, plans, reports, close-out and reopening, follow-ups, the deadline notices raised once each, who sees
what, the six lists of Luoyang on a small ledger checked by hand, and events that carry no text."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from typing import Any

import pytest

from services.evaluation import ledger_lists as ll
from services.evaluation import rectification_clock as clock
from services.evaluation import rectification_events as ev
from services.evaluation import rectification_views as views
from services.evaluation.domain import Grade, RaisingBody
from services.evaluation.rectification_commands import (
    AddFollowUp,
    CloseOutItem,
    DeclarePlan,
    EditItem,
    ItemContent,
    RaiseItem,
    Raiser,
    ReportRectification,
    WithdrawItem,
    raiser_of,
    service_raiser,
)
from services.evaluation.rectification_records import Assessment, Content, FollowUp, Plan, Reopening, Report, Withdrawal
from services.evaluation.rectification_views import ItemViewer, ListScope
from services.evaluation.rectification_vocabulary import ReopenCause, ReportKind, Source, UnitKind
from services.evaluation.rectifications import ITEM_STATES, ItemAction, ItemStatus, RectificationItem
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal

IS = ItemStatus
IA = ItemAction


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(subject=subject, name=f"{subject}-name", body=body, roles=frozenset(roles), org_unit=org_unit)


CLERK = who("congress_clerk", subject="clerk-1")
OTHER_CLERK = who("congress_clerk", subject="clerk-2")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
DEPUTY = who("deputy", subject="deputy-1")
OFFICE = who("gov_supervision_office", subject="office-1")
OTHER_OFFICE = who("gov_supervision_office", subject="office-2")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
HOUSING = who("gov_department", subject="housing-1", org_unit="housing")
DEPARTMENT_WITHOUT_UNIT = who("gov_department", subject="dept-0")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit="hs-court")
PROCURATORATE = who("procuratorate", subject="procuratorate-1", org_unit="hs-procuratorate")
COURT_NAMED_TRANSPORT = who("court", subject="court-9", org_unit="transport")  # the right org_unit, wrong role
EXPERT = who("expert", subject="expert-1")
ADMIN = who("platform_admin", subject="admin-1")
NOBODY = who(subject="someone-without-roles")
EVERYONE = (
    CLERK, OTHER_CLERK, COMMITTEE, LEADER, DEPUTY, OFFICE, OTHER_OFFICE, TRANSPORT, HOUSING, DEPARTMENT_WITHOUT_UNIT,
    COMMISSION, STATION, COURT, PROCURATORATE, COURT_NAMED_TRANSPORT, EXPERT, ADMIN, NOBODY,
)  # fmt: skip


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Beijing wall-clock time, in UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


RAISED_AT = bj(2026, 1, 31, 10)  # Saturday 31 January 2026, 10:00 in Beijing
DUE_AT = bj(2026, 5, 1)  # 31 January + 3 months: the end of 30 April in Beijing
NOW = RAISED_AT + timedelta(days=20)
PROBLEM = "12345热线投诉办结率偏低"
REQUIRED = "建立投诉回访制度"


def content(**fields: object) -> ItemContent:
    values: dict[str, object] = {
        "unit": "transport",
        "unit_name": "市交通运输局",
        "problem": PROBLEM,
        "required_measures": REQUIRED,
    }
    return ItemContent(**{**values, **fields})  # type: ignore[arg-type]


COURT_UNIT: dict[str, Any] = {"unit": "hs-court", "unit_name": "市中级人民法院", "unit_kind": "court"}
COURT_ITEM: dict[str, Any] = {"source": "case_review_opinion", "source_ref": "finding/f-1", **COURT_UNIT}


def raised(
    raiser: Principal | Raiser = CLERK,
    *,
    source: str = "appraisal",
    source_ref: str = "appraisal/2025/transport",
    now: datetime = RAISED_AT,
    item_id: str = "r-1",
    **fields: Any,
) -> RectificationItem:
    by = raiser_of(raiser) if isinstance(raiser, Principal) else raiser
    return RectificationItem.raise_item(item_id, by, RaiseItem(source, source_ref, content(**fields)), now)


def plan(**fields: str) -> DeclarePlan:
    values = {"measures": "开通投诉专线，每周通报", "leader": "王局长", "person": "李科长", "target": "办结率达到95%"}
    return DeclarePlan(**{**values, **fields})


def final(**fields: str) -> ReportRectification:
    values = {"kind": "final", "text": "整改已完成", "measures_taken": "专线开通并建立周报制度"}
    return ReportRectification(**{**values, **fields})


def item_in(
    state: ItemStatus, raiser: Principal = CLERK, unit_principal: Principal = TRANSPORT, **fields: Any
) -> RectificationItem:
    """An item walked to ``state`` by the right actors, its events cleared."""
    item = raised(raiser, **fields)
    step = RAISED_AT + timedelta(days=1)
    if state is IS.WITHDRAWN:
        item.withdraw(raiser, WithdrawItem("重复录入"), step)
    if state in (IS.RECTIFYING, IS.REPORTED, IS.CLOSED):
        item.declare_plan(unit_principal, plan(), step)
    if state in (IS.REPORTED, IS.CLOSED):
        item.report(unit_principal, final(), step + timedelta(days=1))
    if state is IS.CLOSED:
        item.close_out(raiser, CloseOutItem("satisfied"), step + timedelta(days=2))
    item.events.clear()
    return item


def state_of(item: RectificationItem) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(item, name)) for name in RectificationItem.__dataclass_fields__}


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


# --- raising ------------------------------------------------------------------------------------------------


def test_an_organizer_raises_an_item_for_a_department() -> None:
    item = raised(CLERK)
    assert (item.id, item.source, item.source_ref, item.raising_body) == (
        "r-1", Source.APPRAISAL, "appraisal/2025/transport", RaisingBody.CONGRESS,
    )  # fmt: skip
    assert (item.raised_by, item.raised_by_name, item.raised_at) == ("clerk-1", "clerk-1-name", RAISED_AT)
    assert item.content == Content("transport", "市交通运输局", UnitKind.DEPARTMENT, PROBLEM, REQUIRED, DUE_AT)
    assert item.status is IS.OPEN and item.plan is None and item.closing is None
    [event] = item.events
    assert isinstance(event, ev.ItemRaised)
    assert (event.source, event.source_ref, event.due_at, event.unit) == (
        Source.APPRAISAL, "appraisal/2025/transport", DUE_AT, "transport",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("person", "body"),
    [
        (CLERK, RaisingBody.CONGRESS),
        (COMMITTEE, RaisingBody.CONGRESS),
        (COMMISSION, RaisingBody.DISCIPLINE),
        (STATION, RaisingBody.DISCIPLINE),
        (OFFICE, RaisingBody.GOVERNMENT),
    ],
    ids=lambda v: str(v.subject if isinstance(v, Principal) else v),
)
def test_each_raising_body_raises_in_its_own_name(person: Principal, body: RaisingBody) -> None:
    assert raised(person).raising_body is body


@pytest.mark.parametrize(
    "person",
    [LEADER, DEPUTY, TRANSPORT, DEPARTMENT_WITHOUT_UNIT, COURT, PROCURATORATE, EXPERT, ADMIN, NOBODY],
    ids=lambda p: p.subject,
)
def test_others_do_not_raise(person: Principal) -> None:
    with pytest.raises(PermissionDenied) as caught:
        raised(person)
    assert caught.value.message == "只有人大常委会联络人员或专（工）委、纪委监委或政务督查室可以提出整改事项"


def test_a_service_raises_in_the_name_of_a_body_and_an_official() -> None:
    raiser = service_raiser("congress", " clerk-1 ", "张三")
    assert raiser == Raiser(RaisingBody.CONGRESS, "clerk-1", "张三")
    item = raised(raiser, **COURT_ITEM)
    assert (item.raising_body, item.raised_by, item.raised_by_name) == (RaisingBody.CONGRESS, "clerk-1", "张三")
    assert (item.source, item.source_ref, item.content.unit_kind) == (
        Source.CASE_REVIEW_OPINION, "finding/f-1", UnitKind.COURT,
    )  # fmt: skip
    assert service_raiser("discipline", "commission-1").name == ""


def test_a_service_must_name_a_known_body_and_an_official() -> None:
    with pytest.raises(InvalidArgument) as caught:
        service_raiser("court", " ", "名" * 101)
    assert caught.value.message == "提出机关未通过校验"
    assert problem_fields(caught) == ["raising_body", "official_subject", "official_name"]
    with pytest.raises(InvalidArgument) as too_long:
        service_raiser("congress", "s" * 65)
    assert problem_fields(too_long) == ["official_subject"]


def test_a_hand_entered_item_needs_no_source_reference() -> None:
    item = raised(CLERK, source="manual", source_ref=" ")
    assert (item.source, item.source_ref) == (Source.MANUAL, "")
    assert raised(CLERK, source="manual", source_ref="doc-2026-5").source_ref == "doc-2026-5"


BAD_RAISES: list[tuple[str, dict[str, object], list[str]]] = [
    ("nothing", {"source": "", "source_ref": "", "unit": "", "unit_name": " ", "problem": ""},
     ["source", "unit", "unit_name", "problem"]),
    ("unknown source", {"source": "audit"}, ["source"]),
    ("no reference for an appraisal", {"source_ref": ""}, ["source_ref"]),
    ("a reference in words", {"source_ref": "2025年评议"}, ["source_ref"]),
    ("a reference with a space", {"source_ref": "appraisal/2025 transport"}, ["source_ref"]),
    ("a reference too long", {"source_ref": "a" * 201}, ["source_ref"]),
    ("a bad reference by hand", {"source": "manual", "source_ref": "洛人常〔2024〕5号"}, ["source_ref"]),
    ("a unit in words", {"unit": "交通局"}, ["unit"]),
    ("a unit too long", {"unit": "t" * 65}, ["unit"]),
    ("a unit name too long", {"unit_name": "局" * 101}, ["unit_name"]),
    ("unknown unit kind", {"unit_kind": "bureau"}, ["unit_kind"]),
    ("an appraisal of a court", {"unit_kind": "court", "unit": "hs-court"}, ["unit_kind"]),
    ("an inspection of a procuratorate", {"source": "project_inspection", "unit_kind": "procuratorate"},
     ["unit_kind"]),
    ("a case-review opinion to a department", {"source": "case_review_opinion", "source_ref": "finding/f-1"},
     ["unit_kind"]),
    ("a problem too long", {"problem": "问" * 5001}, ["problem"]),
    ("requirements too long", {"required_measures": "要" * 5001}, ["required_measures"]),
    ("no months", {"months": 0}, ["months"]),
    ("too many months", {"months": 25}, ["months"]),
    ("months and a date", {"months": 2, "due_on": date(2026, 6, 30)}, ["due_on"]),
    ("a date of today", {"due_on": date(2026, 1, 31)}, ["due_on"]),
    ("a past date", {"due_on": date(2025, 12, 31)}, ["due_on"]),
    ("a date beyond 24 months", {"due_on": date(2028, 2, 1)}, ["due_on"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_RAISES, ids=[c[0] for c in BAD_RAISES])
def test_bad_raises_are_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    source = str(fields.pop("source", "appraisal"))
    source_ref = str(fields.pop("source_ref", "appraisal/2025/transport"))
    with pytest.raises(InvalidArgument) as caught:
        RectificationItem.raise_item("r-1", raiser_of(CLERK), RaiseItem(source, source_ref, content(**fields)),
                                     RAISED_AT)  # fmt: skip
    assert caught.value.message == "整改事项未通过校验"
    assert problem_fields(caught) == named


@pytest.mark.parametrize(
    ("fields", "detail"),
    [
        ({"months": 0}, ("months", "整改期限须为 1 至 24 个月")),
        ({"months": 1, "due_on": date(2026, 3, 1)}, ("due_on", "整改期限按月数或按日期指定，只能选其一")),
        ({"due_on": date(2026, 1, 31)}, ("due_on", "整改完成日期须晚于今天")),
        ({"due_on": date(2028, 2, 1)}, ("due_on", "整改完成日期不能晚于 24 个月之后")),
        ({"unit": "交通局"}, ("unit", "责任单位标识须为 1 至 64 位字母、数字、点、下划线或连字符")),
        ({"unit_kind": "court"}, ("unit_kind", "工作评议的责任单位须为政府部门")),
        ({"problem": ""}, ("problem", "存在的问题不能为空")),
    ],
)
def test_raise_messages(fields: dict[str, Any], detail: tuple[str, str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        raised(CLERK, **fields)
    assert [(d["field"], d["message"]) for d in caught.value.details] == [detail]


def test_a_case_review_opinion_goes_to_a_court_or_a_procuratorate() -> None:
    with pytest.raises(InvalidArgument) as caught:
        raised(CLERK, source="case_review_opinion", source_ref="finding/f-1")
    assert caught.value.details == [{"field": "unit_kind", "message": "案件评查意见的责任单位须为法院、检察院"}]
    kind = raised(CLERK, source="case_review_opinion", source_ref="finding/f-2", unit="hs-procuratorate",
                  unit_name="市人民检察院", unit_kind="procuratorate").content.unit_kind  # fmt: skip
    assert kind is UnitKind.PROCURATORATE


def test_the_government_raises_for_its_departments_only() -> None:
    with pytest.raises(InvalidArgument) as caught:
        raised(OFFICE, source="manual", source_ref="", **COURT_UNIT)
    assert caught.value.details == [{"field": "unit_kind", "message": "市政府只能向政府部门提出整改事项"}]
    assert raised(COMMISSION, source="manual", source_ref="", **COURT_UNIT).content.unit_kind is UnitKind.COURT


# --- the due date, in Beijing time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (bj(2026, 1, 31, 10), 3, bj(2026, 5, 1)),  # 31 January + 3 months: the end of 30 April
        (bj(2026, 1, 31, 10), 1, bj(2026, 3, 1)),  # 31 January + 1 month: the end of 28 February
        (bj(2028, 1, 31, 10), 1, bj(2028, 3, 1)),  # in a leap year: the end of 29 February
        (bj(2026, 1, 31, 0, 30), 1, bj(2026, 3, 1)),  # 30 January 16:30 UTC is already 31 January in Beijing
        (bj(2026, 1, 30, 23, 59), 1, bj(2026, 3, 1)),  # 30 January + 1 month: clamped to 28 February too
        (bj(2026, 1, 29, 23, 59), 1, bj(2026, 3, 1)),
        (bj(2026, 1, 27, 23, 59), 1, bj(2026, 2, 28)),  # 27 January + 1 month: the end of 27 February
        (bj(2025, 11, 30, 9), 3, bj(2026, 3, 1)),  # across the year end
        (bj(2026, 8, 31, 9), 1, bj(2026, 10, 1)),  # 31 August + 1 month: the end of 30 September
        (bj(2026, 12, 15, 9), 1, bj(2027, 1, 16)),
        (bj(2026, 1, 31, 10), 24, bj(2028, 2, 1)),  # the longest period
        (bj(2026, 7, 15, 9), 12, bj(2027, 7, 16)),
    ],
)
def test_the_rectification_due_date(start: datetime, months: int, due: datetime) -> None:
    assert clock.rectification_due(start, months) == due
    assert clock.rectification_due(start, months).tzinfo is UTC


def test_an_item_counts_its_months_from_the_beijing_day_it_was_raised() -> None:
    assert raised(CLERK, months=1).content.due_at == bj(2026, 3, 1)
    late_evening = bj(2027, 12, 31, 23, 30)  # 31 December 15:30 UTC
    item = raised(CLERK, months=2, now=late_evening)
    assert item.content.due_at == bj(2028, 3, 1) and clock.due_day(item.content.due_at) == date(2028, 2, 29)


def test_an_explicit_date_is_due_at_the_end_of_that_beijing_day() -> None:
    item = raised(CLERK, due_on=date(2026, 6, 30))
    assert item.content.due_at == datetime(2026, 6, 30, 16, 0, tzinfo=UTC)
    assert clock.due_day(item.content.due_at) == date(2026, 6, 30)
    assert raised(CLERK, due_on=date(2026, 2, 1)).content.due_at == bj(2026, 2, 2)  # tomorrow is the earliest
    assert raised(CLERK, due_on=date(2028, 1, 31)).content.due_at == bj(2028, 2, 1)  # 24 months is the latest


def test_beijing_time_has_no_daylight_saving() -> None:
    for month in range(1, 13):
        end = clock.end_of_day(date(2026, month, 10))
        assert (end.day, end.hour, end.minute, end.tzinfo) == (10, 16, 0, UTC)


def test_the_clock_must_be_aware() -> None:
    with pytest.raises(ValueError, match="naive"):
        raised(CLERK, now=datetime(2026, 1, 31, 10))
    with pytest.raises(ValueError):
        clock.rectification_due(RAISED_AT, 0)


# --- every state × action ----------------------------------------------------------------------------------

LEGAL: dict[tuple[ItemStatus, ItemAction], ItemStatus] = {
    (IS.OPEN, IA.EDIT): IS.OPEN,
    (IS.OPEN, IA.WITHDRAW): IS.WITHDRAWN,
    (IS.OPEN, IA.DECLARE_PLAN): IS.RECTIFYING,
    (IS.RECTIFYING, IA.DECLARE_PLAN): IS.RECTIFYING,
    (IS.RECTIFYING, IA.REPORT): IS.REPORTED,
    (IS.REPORTED, IA.CLOSE_OUT): IS.CLOSED,
    (IS.CLOSED, IA.ADD_FOLLOW_UP): IS.CLOSED,
}


def _doer(raiser: Principal, unit: Principal) -> dict[ItemAction, Callable[[RectificationItem], object]]:
    return {
        IA.EDIT: lambda i: i.edit(raiser, EditItem(content(problem="投诉回访不及时")), NOW),
        IA.WITHDRAW: lambda i: i.withdraw(raiser, WithdrawItem("重复录入"), NOW),
        IA.DECLARE_PLAN: lambda i: i.declare_plan(unit, plan(), NOW),
        IA.REPORT: lambda i: i.report(unit, final(), NOW),
        IA.CLOSE_OUT: lambda i: i.close_out(raiser, CloseOutItem("satisfied"), NOW),
        IA.ADD_FOLLOW_UP: lambda i: i.add_follow_up(raiser, AddFollowUp("未发现反弹"), NOW),
    }


DO = _doer(CLERK, TRANSPORT)
BY_A_STRANGER = _doer(DEPUTY, DEPUTY)
CELLS = [(s, a) for s in IS for a in IA]


def test_the_state_table_is_the_documented_one() -> None:
    allowed = {(s, a) for a, states in ITEM_STATES.allowed.items() for s in states}
    assert allowed == set(LEGAL)


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c in LEGAL], ids=str)
def test_legal_transition(state: ItemStatus, action: ItemAction) -> None:
    item = item_in(state)
    DO[action](item)
    assert item.status is LEGAL[state, action]
    assert item.events


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c not in LEGAL], ids=str)
@pytest.mark.parametrize("do", [DO, BY_A_STRANGER], ids=["the-right-actor", "stranger"])
def test_illegal_transition_is_a_conflict_and_changes_nothing(
    state: ItemStatus, action: ItemAction, do: dict[ItemAction, Callable[[RectificationItem], object]]
) -> None:
    item = item_in(state)
    before = state_of(item)
    with pytest.raises(Conflict) as caught:
        do[action](item)
    assert caught.value.message.startswith("该整改事项")
    assert state_of(item) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (IS.OPEN, IA.REPORT, "该整改事项待责任单位制定整改方案，不能报告整改情况"),
        (IS.RECTIFYING, IA.EDIT, "该整改事项正在整改，不能修改"),
        (IS.RECTIFYING, IA.CLOSE_OUT, "该整改事项正在整改，不能销号"),
        (IS.REPORTED, IA.DECLARE_PLAN, "该整改事项已报告整改完成，待销号，不能制定整改方案"),
        (IS.CLOSED, IA.CLOSE_OUT, "该整改事项已销号，不能销号"),
        (IS.WITHDRAWN, IA.ADD_FOLLOW_UP, "该整改事项已撤销，不能回头看"),
        (IS.OPEN, IA.ADD_FOLLOW_UP, "该整改事项待责任单位制定整改方案，不能回头看"),
    ],
)
def test_conflict_messages(state: ItemStatus, action: ItemAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        DO[action](item_in(state))
    assert caught.value.message == message


# --- who acts -----------------------------------------------------------------------------------------------

RAISER_STEPS = [
    (IS.OPEN, IA.EDIT, "修改整改事项"),
    (IS.OPEN, IA.WITHDRAW, "撤销整改事项"),
    (IS.REPORTED, IA.CLOSE_OUT, "销号"),
    (IS.CLOSED, IA.ADD_FOLLOW_UP, "开展回头看"),
]
BODIES: list[tuple[Principal, set[Principal], str]] = [
    (CLERK, {CLERK, OTHER_CLERK, COMMITTEE}, "人大常委会"),
    (COMMISSION, {COMMISSION, STATION}, "纪委监委"),
    (OFFICE, {OFFICE, OTHER_OFFICE}, "市政府"),
]
RAISER_CELLS = [
    (state, action, verb, raiser, label, person)
    for state, action, verb in RAISER_STEPS
    for raiser, body, label in BODIES
    for person in EVERYONE
    if person not in body
]


@pytest.mark.parametrize(
    ("state", "action", "verb", "raiser", "label", "person"),
    RAISER_CELLS,
    ids=[f"{c[1]}-{c[3].subject}-raised-{c[5].subject}" for c in RAISER_CELLS],
)
def test_only_the_raising_body_decides(
    state: ItemStatus, action: ItemAction, verb: str, raiser: Principal, label: str, person: Principal
) -> None:
    item = item_in(state, raiser=raiser)
    before = state_of(item)
    with pytest.raises(PermissionDenied) as caught:
        _doer(person, TRANSPORT)[action](item)
    assert caught.value.message == f"只有提出该整改事项的{label}可以{verb}"
    assert state_of(item) == before


@pytest.mark.parametrize(
    ("raiser", "closer"), [(CLERK, COMMITTEE), (CLERK, OTHER_CLERK), (COMMISSION, STATION), (OFFICE, OTHER_OFFICE)],
    ids=lambda p: p.subject,
)  # fmt: skip
def test_any_principal_of_the_raising_body_closes_out(raiser: Principal, closer: Principal) -> None:
    item = item_in(IS.REPORTED, raiser=raiser)
    item.close_out(closer, CloseOutItem("satisfied", "整改到位"), NOW)
    assert item.status is IS.CLOSED and item.closing is not None
    assert (item.closing.by, item.closing.by_name) == (closer.subject, f"{closer.subject}-name")


UNIT_STEPS = [(IS.OPEN, IA.DECLARE_PLAN, "制定整改方案"), (IS.RECTIFYING, IA.REPORT, "报告整改情况")]
UNIT_CELLS = [
    (state, action, verb, unit, fields, person)
    for state, action, verb in UNIT_STEPS
    for unit, fields in [(TRANSPORT, {}), (COURT, COURT_ITEM)]
    for person in EVERYONE
    if person is not unit
]


@pytest.mark.parametrize(
    ("state", "action", "verb", "unit", "fields", "person"),
    UNIT_CELLS,
    ids=[f"{c[1]}-{c[3].subject}-by-{c[5].subject}" for c in UNIT_CELLS],
)
def test_only_the_responsible_unit_plans_and_reports(
    state: ItemStatus, action: ItemAction, verb: str, unit: Principal, fields: dict[str, Any], person: Principal
) -> None:
    item = item_in(state, unit_principal=unit, **fields)
    before = state_of(item)
    with pytest.raises(PermissionDenied) as caught:
        _doer(CLERK, person)[action](item)
    assert caught.value.message == f"只有责任单位可以{verb}"
    assert state_of(item) == before


# --- editing and withdrawing before the unit starts ----------------------------------------------------------


def test_the_raising_body_edits_before_the_unit_starts() -> None:
    item = item_in(IS.OPEN)
    item.edit(COMMITTEE, EditItem(content(problem=" 投诉回访不及时 ", months=6)), NOW)
    assert item.content.problem == "投诉回访不及时"
    assert item.content.due_at == bj(2026, 8, 1)  # six months from the day it was raised, not from the edit
    [event] = item.events
    assert isinstance(event, ev.ItemEdited) and (event.previous_unit, event.due_at) == ("", bj(2026, 8, 1))
    assert "org_unit:transport" in event.audience()


def test_an_edit_may_hand_the_item_to_another_unit_which_both_learn() -> None:
    item = item_in(IS.OPEN)
    item.edit(CLERK, EditItem(content(unit="housing", unit_name="市住房和城乡建设局")), NOW)
    assert (item.content.unit, item.content.unit_name) == ("housing", "市住房和城乡建设局")
    [event] = item.events
    assert isinstance(event, ev.ItemEdited) and (event.unit, event.previous_unit) == ("housing", "transport")
    assert {"org_unit:housing", "org_unit:transport"} <= set(event.audience())
    with pytest.raises(PermissionDenied):
        item.declare_plan(TRANSPORT, plan(), NOW)
    item.declare_plan(HOUSING, plan(), NOW)


def test_a_bad_edit_changes_nothing() -> None:
    item = item_in(IS.OPEN)
    before = state_of(item)
    with pytest.raises(InvalidArgument) as caught:
        item.edit(CLERK, EditItem(content(problem="", unit_kind="court")), NOW)
    assert problem_fields(caught) == ["unit_kind", "problem"]
    late = RAISED_AT + timedelta(days=40)  # 12 March: one month from 31 January has passed
    with pytest.raises(InvalidArgument) as past:
        item.edit(CLERK, EditItem(content(months=1)), late)
    assert past.value.details == [{"field": "months", "message": "按该月数计算的整改期限已过"}]
    assert state_of(item) == before


def test_an_item_raised_by_mistake_is_withdrawn_with_a_reason() -> None:
    item = item_in(IS.OPEN)
    with pytest.raises(InvalidArgument) as caught:
        item.withdraw(CLERK, WithdrawItem(" "), NOW)
    assert problem_fields(caught) == ["reason"] and item.status is IS.OPEN
    item.withdraw(CLERK, WithdrawItem(" 与 r-0 重复 "), NOW)
    assert item.status is IS.WITHDRAWN and item.withdrawal == Withdrawal("与 r-0 重复", "clerk-1", NOW)
    assert [e.name for e in item.events] == ["withdrawn"]


# --- the unit's plan and reports ------------------------------------------------------------------------------


def test_the_unit_declares_its_plan_and_who_answers_for_it() -> None:
    item = item_in(IS.OPEN)
    item.declare_plan(TRANSPORT, plan(target=""), NOW)
    assert item.status is IS.RECTIFYING
    assert item.plan == Plan("", "开通投诉专线，每周通报", "王局长", "李科长", "transport-1", NOW)
    later = NOW + timedelta(days=3)
    item.declare_plan(TRANSPORT, plan(leader="刘副局长"), later)
    assert item.plan is not None and (item.plan.leader, item.plan.declared_at) == ("刘副局长", later)
    assert len(item.plans) == 2 and item.status is IS.RECTIFYING
    assert [(type(e), e.revision) for e in item.events if isinstance(e, ev.PlanDeclared)] == [
        (ev.PlanDeclared, 1), (ev.PlanDeclared, 2),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"measures": "", "leader": " ", "person": ""}, ["measures", "leader", "person"]),
        ({"target": "目" * 5001}, ["target"]),
        ({"measures": "措" * 5001}, ["measures"]),
        ({"leader": "王" * 101}, ["leader"]),
        ({"person": "李" * 101}, ["person"]),
    ],
)
def test_bad_plans_are_refused_per_field(fields: dict[str, str], named: list[str]) -> None:
    item = item_in(IS.OPEN)
    before = state_of(item)
    with pytest.raises(InvalidArgument) as caught:
        item.declare_plan(TRANSPORT, plan(**fields), NOW)
    assert caught.value.message == "整改方案未通过校验" and problem_fields(caught) == named
    assert state_of(item) == before


def test_progress_reports_keep_the_item_rectifying_and_the_final_one_hands_it_over() -> None:
    item = item_in(IS.RECTIFYING)
    item.report(TRANSPORT, ReportRectification("progress", " 专线已开通 "), NOW)
    assert item.status is IS.RECTIFYING
    assert item.reports == [Report(ReportKind.PROGRESS, "专线已开通", "", "transport-1", NOW, True)]
    item.report(TRANSPORT, final(), NOW + timedelta(days=1))
    assert item.status is IS.REPORTED and item.reports[-1].kind is ReportKind.FINAL
    assert [(e.name, e.kind, e.on_time) for e in item.events if isinstance(e, ev.ItemReported)] == [
        ("reported", ReportKind.PROGRESS, True), ("reported", ReportKind.FINAL, True),
    ]  # fmt: skip


def test_a_report_at_the_due_moment_is_late() -> None:
    early = item_in(IS.RECTIFYING)
    early.report(TRANSPORT, final(), DUE_AT - timedelta(microseconds=1))
    late = item_in(IS.RECTIFYING)
    late.report(TRANSPORT, final(), DUE_AT)
    assert (early.reports[0].on_time, late.reports[0].on_time) == (True, False)


def test_whether_the_unit_finished_on_time() -> None:
    rectifying = item_in(IS.RECTIFYING)
    assert rectifying.on_time(DUE_AT - timedelta(microseconds=1)) is None  # still within the period
    assert rectifying.on_time(DUE_AT) is False
    assert item_in(IS.REPORTED).on_time(DUE_AT + timedelta(days=100)) is True  # reported in time stays in time
    assert item_in(IS.CLOSED).on_time(DUE_AT + timedelta(days=100)) is True
    assert item_in(IS.WITHDRAWN).on_time(DUE_AT) is None
    late = item_in(IS.RECTIFYING)
    late.report(TRANSPORT, final(), DUE_AT + timedelta(days=1))
    assert late.on_time(DUE_AT) is False


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"kind": "", "text": "", "measures_taken": ""}, ["kind", "text"]),
        ({"kind": "interim"}, ["kind"]),
        ({"measures_taken": " "}, ["measures_taken"]),  # a final report names what was done
        ({"text": "整" * 5001}, ["text"]),
        ({"kind": "progress", "measures_taken": "措" * 5001}, ["measures_taken"]),
    ],
)
def test_bad_reports_are_refused_per_field(fields: dict[str, str], named: list[str]) -> None:
    item = item_in(IS.RECTIFYING)
    before = state_of(item)
    with pytest.raises(InvalidArgument) as caught:
        item.report(TRANSPORT, final(**fields), NOW)
    assert caught.value.message == "整改报告未通过校验" and problem_fields(caught) == named
    assert state_of(item) == before


# --- close-out (销号) and reopening ---------------------------------------------------------------------------


@pytest.mark.parametrize("grade", [Grade.SATISFIED, Grade.FAIRLY_SATISFIED, Grade.BASICALLY_SATISFIED])
def test_a_satisfactory_grade_closes_the_item_out(grade: Grade) -> None:
    item = item_in(IS.REPORTED)
    item.close_out(COMMITTEE, CloseOutItem(grade.value, " 整改到位 "), NOW)
    assert item.status is IS.CLOSED
    assert item.closing == Assessment(grade, "整改到位", "committee-1", "committee-1-name", NOW)
    [event] = item.events
    assert isinstance(event, ev.ItemClosedOut) and (event.grade, event.on_time) == (grade, True)
    assert item.reopenings == [] and item.next_check_at() is None


def test_an_unsatisfactory_close_out_reopens_the_item_under_its_due_date() -> None:
    item = item_in(IS.REPORTED)
    item.close_out(CLERK, CloseOutItem("dissatisfied", " 回访记录不全 "), NOW)
    assert item.status is IS.RECTIFYING and item.closing is None
    assert item.reopenings == [
        Reopening(ReopenCause.UNSATISFACTORY_CLOSE_OUT, "回访记录不全", "clerk-1", NOW, DUE_AT, DUE_AT)
    ]
    assert item.assessments[-1].grade is Grade.DISSATISFIED and not item.assessments[-1].closes
    [event] = item.events
    assert isinstance(event, ev.ItemReopened)
    assert (event.cause, event.due_at, event.due_changed) == (ReopenCause.UNSATISFACTORY_CLOSE_OUT, DUE_AT, False)
    item.report(TRANSPORT, final(), NOW + timedelta(days=1))  # rectified again and reported again
    item.close_out(CLERK, CloseOutItem("satisfied"), NOW + timedelta(days=2))
    assert item.status is IS.CLOSED and [a.grade for a in item.assessments] == [Grade.DISSATISFIED, Grade.SATISFIED]


def test_an_unsatisfactory_close_out_may_set_a_new_due_date() -> None:
    by_months = item_in(IS.REPORTED)
    by_months.close_out(CLERK, CloseOutItem("dissatisfied", "未达标", months=1), NOW)  # 20 February + 1 month
    assert by_months.content.due_at == bj(2026, 3, 21)
    [event] = by_months.events
    assert isinstance(event, ev.ItemReopened) and event.due_changed and event.due_at == bj(2026, 3, 21)
    by_date = item_in(IS.REPORTED)
    by_date.close_out(CLERK, CloseOutItem("dissatisfied", "未达标", due_on=date(2026, 9, 30)), NOW)
    assert by_date.content.due_at == bj(2026, 10, 1)
    assert by_date.reopenings[0].previous_due_at == DUE_AT and by_date.reopenings[0].due_at == bj(2026, 10, 1)


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (CloseOutItem("dissatisfied", " "), ["note"]),  # the reason is required
        (CloseOutItem("excellent", months=2), ["grade"]),  # a new due date is judged against a valid grade only
        (CloseOutItem("satisfied", months=2), ["months"]),
        (CloseOutItem("basically_satisfied", due_on=date(2026, 9, 30)), ["due_on"]),
        (CloseOutItem("dissatisfied", "未达标", months=30), ["months"]),
        (CloseOutItem("dissatisfied", "未达标", months=1, due_on=date(2026, 9, 30)), ["due_on"]),
        (CloseOutItem("satisfied", "意" * 2001), ["note"]),
    ],
)
def test_bad_close_outs_are_refused_per_field(command: CloseOutItem, named: list[str]) -> None:
    item = item_in(IS.REPORTED)
    before = state_of(item)
    with pytest.raises(InvalidArgument) as caught:
        item.close_out(CLERK, command, NOW)
    assert caught.value.message == "销号未通过校验" and problem_fields(caught) == named
    assert state_of(item) == before


def test_close_out_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        item_in(IS.REPORTED).close_out(CLERK, CloseOutItem("dissatisfied"), NOW)
    assert caught.value.details == [{"field": "note", "message": "不满意的理由不能为空"}]
    with pytest.raises(InvalidArgument) as extra:
        item_in(IS.REPORTED).close_out(CLERK, CloseOutItem("satisfied", months=1), NOW)
    assert extra.value.details == [{"field": "months", "message": "不重新整改时不设新的整改期限"}]


# --- follow-up (回头看) -------------------------------------------------------------------------------------


def test_follow_ups_after_the_close_out() -> None:
    item = item_in(IS.CLOSED)
    item.add_follow_up(CLERK, AddFollowUp(" 未发现反弹 "), NOW)
    assert item.status is IS.CLOSED
    assert item.follow_ups == [FollowUp("未发现反弹", False, "clerk-1", "clerk-1-name", NOW)]
    [event] = item.events
    assert isinstance(event, ev.FollowUpAdded) and event.relapsed is False


def test_a_relapse_reopens_the_item_for_three_more_months() -> None:
    item = item_in(IS.CLOSED)
    item.add_follow_up(COMMITTEE, AddFollowUp("投诉量反弹", relapsed=True), NOW)  # 20 February
    assert item.status is IS.RECTIFYING and item.closing is None
    assert item.content.due_at == bj(2026, 5, 21)
    [reopening] = item.reopenings
    assert (reopening.cause, reopening.reason, reopening.previous_due_at) == (ReopenCause.RELAPSE, "投诉量反弹", DUE_AT)
    assert [e.name for e in item.events] == ["follow_up_added", "reopened"]
    reopened = item.events[-1]
    assert isinstance(reopened, ev.ItemReopened) and reopened.due_changed
    with_months = item_in(IS.CLOSED)
    with_months.add_follow_up(CLERK, AddFollowUp("反弹", relapsed=True, months=1), NOW)
    assert with_months.content.due_at == bj(2026, 3, 21)


@pytest.mark.parametrize(
    ("command", "named"),
    [
        (AddFollowUp(""), ["note"]),
        (AddFollowUp("回" * 2001), ["note"]),
        (AddFollowUp("未反弹", months=2), ["months"]),
        (AddFollowUp("未反弹", due_on=date(2026, 9, 30)), ["due_on"]),
        (AddFollowUp("反弹", relapsed=True, months=0), ["months"]),
        (AddFollowUp("反弹", relapsed=True, due_on=date(2026, 2, 20)), ["due_on"]),  # today
    ],
)
def test_bad_follow_ups_are_refused_per_field(command: AddFollowUp, named: list[str]) -> None:
    item = item_in(IS.CLOSED)
    before = state_of(item)
    with pytest.raises(InvalidArgument) as caught:
        item.add_follow_up(CLERK, command, NOW)
    assert caught.value.message == "回头看未通过校验" and problem_fields(caught) == named
    assert state_of(item) == before


# --- deadline notices, each once ----------------------------------------------------------------------------

SOON = DUE_AT - timedelta(days=7)


def test_due_soon_then_overdue_each_exactly_once() -> None:
    item = item_in(IS.OPEN)
    assert item.next_check_at() == SOON
    assert item.raise_due_notices(SOON - timedelta(microseconds=1)) == []
    [soon] = item.raise_due_notices(SOON)
    assert isinstance(soon, ev.ItemDueSoon) and (soon.due_at, soon.occurred_at) == (DUE_AT, SOON)
    assert item.raise_due_notices(SOON + timedelta(days=1)) == []
    assert item.next_check_at() == DUE_AT
    assert item.raise_due_notices(DUE_AT - timedelta(microseconds=1)) == []
    [late] = item.raise_due_notices(DUE_AT)
    assert isinstance(late, ev.ItemOverdue) and late.due_at == DUE_AT
    for later in (DUE_AT, DUE_AT + timedelta(days=1), DUE_AT + timedelta(days=400)):
        assert item.raise_due_notices(later) == []
    assert item.next_check_at() is None
    assert [e.name for e in item.events] == ["due_soon", "overdue"]
    assert views.item_view(item, CLERK).was_overdue


def test_a_first_look_after_the_due_moment_raises_only_overdue() -> None:
    item = item_in(IS.RECTIFYING)
    [late] = item.raise_due_notices(DUE_AT + timedelta(days=3))
    assert isinstance(late, ev.ItemOverdue)
    assert item.raise_due_notices(DUE_AT + timedelta(days=4)) == []
    assert item.raised_notices == {f"overdue@{DUE_AT.isoformat()}"}


@pytest.mark.parametrize("state", [IS.REPORTED, IS.CLOSED, IS.WITHDRAWN])
def test_nothing_is_due_while_the_unit_owes_nothing(state: ItemStatus) -> None:
    item = item_in(state)
    assert item.raise_due_notices(DUE_AT + timedelta(days=30)) == []
    assert item.next_check_at() is None and item.events == []


def test_a_reopening_without_a_new_due_date_does_not_raise_again() -> None:
    item = item_in(IS.RECTIFYING)
    item.raise_due_notices(DUE_AT)
    item.report(TRANSPORT, final(), DUE_AT + timedelta(days=1))
    item.close_out(CLERK, CloseOutItem("dissatisfied", "未达标"), DUE_AT + timedelta(days=2))
    assert item.status is IS.RECTIFYING and item.next_check_at() is None
    assert item.raise_due_notices(DUE_AT + timedelta(days=3)) == []


def test_a_new_due_date_starts_a_new_clock() -> None:
    item = item_in(IS.RECTIFYING)
    item.raise_due_notices(DUE_AT)
    item.report(TRANSPORT, final(), DUE_AT + timedelta(days=1))
    reopened_at = DUE_AT + timedelta(days=2)  # 3 May in Beijing
    item.close_out(CLERK, CloseOutItem("dissatisfied", "未达标", months=1), reopened_at)
    new_due = bj(2026, 6, 4)
    assert item.content.due_at == new_due and item.next_check_at() == new_due - timedelta(days=7)
    assert not views.item_view(item, CLERK).was_overdue
    [soon] = item.raise_due_notices(new_due - timedelta(days=7))
    [late] = item.raise_due_notices(new_due)
    assert isinstance(soon, ev.ItemDueSoon) and isinstance(late, ev.ItemOverdue) and late.due_at == new_due
    assert item.raise_due_notices(new_due + timedelta(days=1)) == []
    assert len(item.raised_notices) == 3


@pytest.mark.parametrize(
    ("raised", "now", "expected"),
    [
        (frozenset(), SOON - timedelta(seconds=1), []),
        (frozenset(), SOON, [clock.NoticeKind.DUE_SOON]),
        (frozenset(), DUE_AT, [clock.NoticeKind.OVERDUE]),
        (frozenset({f"due_soon@{DUE_AT.isoformat()}"}), SOON, []),
        (frozenset({f"due_soon@{DUE_AT.isoformat()}"}), DUE_AT, [clock.NoticeKind.OVERDUE]),
        (frozenset({f"overdue@{DUE_AT.isoformat()}"}), DUE_AT + timedelta(days=1), []),
        (frozenset({f"overdue@{DUE_AT.isoformat()}"}), SOON, []),  # a clock set back: no "soon" after "late"
        (frozenset({f"overdue@{SOON.isoformat()}"}), DUE_AT, [clock.NoticeKind.OVERDUE]),  # another due date's
    ],
)
def test_due_notices(raised: frozenset[str], now: datetime, expected: list[clock.NoticeKind]) -> None:
    assert clock.due_notices(DUE_AT, raised, now) == expected


def test_next_notice_at_and_no_due_date() -> None:
    assert clock.next_notice_at(None, frozenset()) is None
    assert clock.due_notices(None, frozenset(), DUE_AT) == []
    assert clock.next_notice_at(DUE_AT, frozenset()) == SOON
    assert clock.next_notice_at(DUE_AT, frozenset({f"due_soon@{DUE_AT.isoformat()}"})) == DUE_AT
    with pytest.raises(ValueError, match="naive"):
        clock.due_notices(DUE_AT, frozenset(), datetime(2026, 5, 1))


# --- who sees what ------------------------------------------------------------------------------------------

R, S, U, C, N = ItemViewer.RAISER, ItemViewer.SUPERVISOR, ItemViewer.UNIT, ItemViewer.COUNTS, ItemViewer.NONE
VIEWERS: dict[str, tuple[Principal, dict[str, Any], dict[Principal, ItemViewer]]] = {
    "congress-department": (CLERK, {}, {
        CLERK: R, OTHER_CLERK: R, COMMITTEE: R, LEADER: S, COMMISSION: S, STATION: S, OFFICE: S, OTHER_OFFICE: S,
        TRANSPORT: U,
    }),
    "congress-court": (CLERK, COURT_ITEM, {
        CLERK: R, OTHER_CLERK: R, COMMITTEE: R, LEADER: S, COMMISSION: S, STATION: S, COURT: U,
    }),
    "discipline-department": (STATION, {}, {
        COMMISSION: R, STATION: R, CLERK: S, OTHER_CLERK: S, COMMITTEE: S, LEADER: S, OFFICE: S, OTHER_OFFICE: S,
        TRANSPORT: U,
    }),
    "government-department": (OFFICE, {}, {
        OFFICE: R, OTHER_OFFICE: R, CLERK: S, OTHER_CLERK: S, COMMITTEE: S, LEADER: S, COMMISSION: S, STATION: S,
        TRANSPORT: U,
    }),
}  # fmt: skip
VIEW_CELLS = [(case, person) for case in VIEWERS for person in EVERYONE]


@pytest.mark.parametrize(("case", "person"), VIEW_CELLS, ids=[f"{c}-{p.subject}" for c, p in VIEW_CELLS])
def test_who_sees_an_item(case: str, person: Principal) -> None:
    raiser, fields, seen = VIEWERS[case]
    item = raised(raiser, **fields)
    expected = seen.get(person, C if person is ADMIN else N)
    assert views.item_viewer(item, person) is expected
    if expected in (R, S, U):
        view = views.item_view(item, person)
        assert (view.id, view.problem, view.viewer) == ("r-1", PROBLEM, expected)
    else:
        with pytest.raises(NotFound, match=r"^未找到该整改事项$"):
            views.item_view(item, person)


def test_the_read_model() -> None:
    item = item_in(IS.CLOSED)
    item.add_follow_up(CLERK, AddFollowUp("未反弹"), NOW)
    view = views.item_view(item, TRANSPORT)
    assert (view.source_label, view.raising_body_label, view.status_label) == ("工作评议", "人大常委会", "已销号")
    assert (view.unit, view.unit_name, view.unit_kind, view.due_at, view.due_on) == (
        "transport", "市交通运输局", UnitKind.DEPARTMENT, DUE_AT, date(2026, 4, 30),
    )  # fmt: skip
    assert view.plan == item.plan and view.reports == tuple(item.reports) and view.closing == item.closing
    assert view.follow_ups == tuple(item.follow_ups) and view.assessments == tuple(item.assessments)
    assert (view.reopenings, view.withdrawal, view.was_overdue, view.actions) == ((), None, False, ())


@pytest.mark.parametrize(
    ("state", "person", "actions"),
    [
        (IS.OPEN, CLERK, (IA.EDIT, IA.WITHDRAW)),
        (IS.OPEN, TRANSPORT, (IA.DECLARE_PLAN,)),
        (IS.OPEN, LEADER, ()),
        (IS.RECTIFYING, TRANSPORT, (IA.DECLARE_PLAN, IA.REPORT)),
        (IS.RECTIFYING, COMMITTEE, ()),
        (IS.REPORTED, COMMITTEE, (IA.CLOSE_OUT,)),
        (IS.REPORTED, COMMISSION, ()),  # sees it, but the congress raised it
        (IS.CLOSED, OTHER_CLERK, (IA.ADD_FOLLOW_UP,)),
        (IS.WITHDRAWN, CLERK, ()),
    ],
)
def test_the_actions_offered(state: ItemStatus, person: Principal, actions: tuple[ItemAction, ...]) -> None:
    item = item_in(state)
    assert views.available_actions(item, person) == actions
    assert views.item_view(item, person).actions == actions


@pytest.mark.parametrize(
    ("person", "scope"),
    [
        (CLERK, ListScope.ALL), (COMMITTEE, ListScope.ALL), (LEADER, ListScope.ALL), (COMMISSION, ListScope.ALL),
        (STATION, ListScope.ALL), (OFFICE, ListScope.DEPARTMENTS), (TRANSPORT, ListScope.OWN_UNIT),
        (COURT, ListScope.OWN_UNIT), (PROCURATORATE, ListScope.OWN_UNIT), (DEPARTMENT_WITHOUT_UNIT, ListScope.NONE),
        (ADMIN, ListScope.COUNTS), (DEPUTY, ListScope.NONE), (EXPERT, ListScope.NONE), (NOBODY, ListScope.NONE),
    ],
    ids=lambda v: v.subject if isinstance(v, Principal) else str(v),
)  # fmt: skip
def test_list_scope(person: Principal, scope: ListScope) -> None:
    assert views.list_scope(person) is scope


def small_mixed_ledger() -> list[RectificationItem]:
    return [
        raised(CLERK, item_id="r-t"),
        raised(OFFICE, item_id="r-g"),
        raised(STATION, item_id="r-h", unit="housing", unit_name="市住房和城乡建设局"),
        raised(CLERK, item_id="r-c", **COURT_ITEM),
        raised(COMMISSION, item_id="r-p", source="manual", source_ref="", unit="hs-procuratorate",
               unit_name="市人民检察院", unit_kind="procuratorate"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("person", "ids"),
    [
        (CLERK, ["r-t", "r-g", "r-h", "r-c", "r-p"]),
        (STATION, ["r-t", "r-g", "r-h", "r-c", "r-p"]),
        (OFFICE, ["r-t", "r-g", "r-h"]),
        (TRANSPORT, ["r-t", "r-g"]),
        (HOUSING, ["r-h"]),
        (COURT, ["r-c"]),
        (PROCURATORATE, ["r-p"]),
        (COURT_NAMED_TRANSPORT, []),
        (ADMIN, []),
        (DEPUTY, []),
    ],
    ids=lambda v: v.subject if isinstance(v, Principal) else "-",
)
def test_visible_items(person: Principal, ids: list[str]) -> None:
    assert [item.id for item in views.visible_items(small_mixed_ledger(), person)] == ids


@pytest.mark.parametrize("person", EVERYONE, ids=lambda p: p.subject)
def test_a_list_holds_exactly_the_items_one_may_read(person: Principal) -> None:
    ledger = small_mixed_ledger()
    listed = {item.id for item in views.visible_items(ledger, person)}
    readable = {item.id for item in ledger if views.item_viewer(item, person) in (R, S, U)}
    assert listed == readable


def test_platform_admin_counts() -> None:
    ledger = [item_in(IS.OPEN), item_in(IS.CLOSED), item_in(IS.CLOSED), item_in(IS.WITHDRAWN)]
    assert views.ledger_counts(ledger) == {
        IS.OPEN: 1, IS.RECTIFYING: 0, IS.REPORTED: 0, IS.CLOSED: 2, IS.WITHDRAWN: 1,
    }  # fmt: skip


# --- the six lists on a small ledger ----------------------------------------------------------------------

T = RAISED_AT  # 31 January, 10:00 in Beijing
LIST_NOW = T + timedelta(days=120)  # 31 May
PROBLEMS = {
    "r-a": "热线投诉办结率偏低",
    "r-b": "农村公路路面破损未修复",
    "r-c": "保障房分配进度滞后",
    "r-d": "终本案件审批不规范",
    "r-e": "重复录入的问题",
    "r-f": "占道经营整治不彻底",
}


def ledger() -> list[RectificationItem]:
    """A: closed out basically satisfied and followed up; B: open and overdue; C: reopened as unsatisfactory
    with a month more; D: a court's, reported late; E: withdrawn; F: closed, then relapsed."""
    a = raised(CLERK, item_id="r-a", problem=PROBLEMS["r-a"])
    a.declare_plan(TRANSPORT, plan(target="办结率达到95%", measures="开通12345专线"), T + timedelta(days=5))
    a.report(TRANSPORT, ReportRectification("progress", "专线已开通"), T + timedelta(days=30))
    a.report(TRANSPORT, final(text="整改完成"), T + timedelta(days=60))
    a.close_out(COMMITTEE, CloseOutItem("basically_satisfied", "基本到位"), T + timedelta(days=70))
    a.add_follow_up(CLERK, AddFollowUp("未发现反弹"), T + timedelta(days=110))
    b = raised(STATION, item_id="r-b", source="project_inspection", source_ref="inspection/i-7",
               problem=PROBLEMS["r-b"], required_measures="限期修复路面", now=T + timedelta(days=1))  # fmt: skip
    c = raised(CLERK, item_id="r-c", source_ref="appraisal/2025/housing", unit="housing",
               unit_name="市住房和城乡建设局", problem=PROBLEMS["r-c"], required_measures="")  # fmt: skip
    c.declare_plan(HOUSING, plan(target="", measures="加快保障房分配", leader="赵局长", person="钱处长"),
                   T + timedelta(days=3))  # fmt: skip
    c.report(HOUSING, final(text="已分配", measures_taken="完成分配6256套"), T + timedelta(days=80))
    c.close_out(CLERK, CloseOutItem("dissatisfied", "分配公示不到位", months=1), T + timedelta(days=85))
    d = raised(service_raiser("congress", "clerk-1", "张三"), item_id="r-d", problem=PROBLEMS["r-d"],
               required_measures="建立层报审批制度", **COURT_ITEM)  # fmt: skip
    d.declare_plan(COURT, plan(target="", measures="建立终本案件层报审批制度", leader="陈院长", person="周庭长"),
                   T + timedelta(days=10))  # fmt: skip
    d.report(COURT, final(text="制度已印发", measures_taken="印发层报审批办法"), DUE_AT + timedelta(days=2, hours=2))
    e = raised(CLERK, item_id="r-e", source="manual", source_ref="", unit="housing", unit_name="市住房和城乡建设局",
               problem=PROBLEMS["r-e"])  # fmt: skip
    e.withdraw(CLERK, WithdrawItem("重复录入"), T + timedelta(days=1))
    f = raised(OFFICE, item_id="r-f", source="manual", source_ref="", problem=PROBLEMS["r-f"], required_measures="",
               now=T + timedelta(days=2))  # fmt: skip
    f.declare_plan(TRANSPORT, plan(target="", measures="设置疏导点", leader="孙副局长", person="吴队长"),
                   T + timedelta(days=3))  # fmt: skip
    f.report(TRANSPORT, final(text="已整治", measures_taken="设置疏导点12处"), T + timedelta(days=10))
    f.close_out(OFFICE, CloseOutItem("satisfied", ""), T + timedelta(days=12))
    f.add_follow_up(OFFICE, AddFollowUp("占道经营反弹", relapsed=True), T + timedelta(days=100))
    return [a, b, c, d, e, f]


def test_the_ledger_is_as_described() -> None:
    a, b, c, d, e, f = ledger()
    assert [i.status for i in (a, b, c, d, e, f)] == [
        IS.CLOSED, IS.OPEN, IS.RECTIFYING, IS.REPORTED, IS.WITHDRAWN, IS.RECTIFYING,
    ]  # fmt: skip
    assert [clock.due_day(i.content.due_at) for i in (a, b, c, d, f)] == [
        date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 26), date(2026, 4, 30), date(2026, 8, 11),
    ]  # fmt: skip


def test_the_responsibility_list() -> None:
    rows = ll.responsibility_list(ledger())
    # by unit (市中级人民法院, 市交通运输局, 市住房和城乡建设局), then in the order raised; E is withdrawn
    assert rows == [
        ll.ResponsibilityRow("r-d", "市中级人民法院", "人大常委会", PROBLEMS["r-d"], "陈院长", "周庭长",
                             date(2026, 4, 30), "待销号"),
        ll.ResponsibilityRow("r-a", "市交通运输局", "人大常委会", PROBLEMS["r-a"], "王局长", "李科长",
                             date(2026, 4, 30), "已销号"),
        ll.ResponsibilityRow("r-b", "市交通运输局", "纪委监委", PROBLEMS["r-b"], "", "", date(2026, 5, 1),
                             "待制定方案"),
        ll.ResponsibilityRow("r-f", "市交通运输局", "市政府", PROBLEMS["r-f"], "孙副局长", "吴队长",
                             date(2026, 8, 11), "整改中"),
        ll.ResponsibilityRow("r-c", "市住房和城乡建设局", "人大常委会", PROBLEMS["r-c"], "赵局长", "钱处长",
                             date(2026, 5, 26), "整改中"),
    ]  # fmt: skip


def test_the_content_list() -> None:
    rows = ll.content_list(ledger())
    assert rows == [
        ll.ContentRow("r-d", "案件评查意见", "finding/f-1", "市中级人民法院", PROBLEMS["r-d"], "建立层报审批制度", "",
                      "建立终本案件层报审批制度", date(2026, 4, 30)),
        ll.ContentRow("r-a", "工作评议", "appraisal/2025/transport", "市交通运输局", PROBLEMS["r-a"], REQUIRED,
                      "办结率达到95%", "开通12345专线", date(2026, 4, 30)),
        ll.ContentRow("r-b", "民生实事视察", "inspection/i-7", "市交通运输局", PROBLEMS["r-b"], "限期修复路面", "", "",
                      date(2026, 5, 1)),
        ll.ContentRow("r-f", "其他", "", "市交通运输局", PROBLEMS["r-f"], "", "", "设置疏导点", date(2026, 8, 11)),
        ll.ContentRow("r-c", "工作评议", "appraisal/2025/housing", "市住房和城乡建设局", PROBLEMS["r-c"], "", "",
                      "加快保障房分配", date(2026, 5, 26)),
    ]  # fmt: skip


def test_the_problem_list() -> None:
    rows = ll.problem_list(ledger(), LIST_NOW)
    assert rows == [  # not closed out; by unit, then source (inspection before manual), then order raised
        ll.ProblemRow("r-d", "市中级人民法院", "案件评查意见", "finding/f-1", PROBLEMS["r-d"], "人大常委会",
                      date(2026, 1, 31), date(2026, 4, 30), "待销号", True),  # reported after the due date
        ll.ProblemRow("r-b", "市交通运输局", "民生实事视察", "inspection/i-7", PROBLEMS["r-b"], "纪委监委",
                      date(2026, 2, 1), date(2026, 5, 1), "待制定方案", True),  # nothing yet, and past due
        ll.ProblemRow("r-f", "市交通运输局", "其他", "", PROBLEMS["r-f"], "市政府", date(2026, 2, 2),
                      date(2026, 8, 11), "整改中", False),
        ll.ProblemRow("r-c", "市住房和城乡建设局", "工作评议", "appraisal/2025/housing", PROBLEMS["r-c"],
                      "人大常委会", date(2026, 1, 31), date(2026, 5, 26), "整改中", True),  # its new month is over
    ]  # fmt: skip
    earlier = ll.problem_list(ledger(), T + timedelta(days=60))  # 1 April: only D's late report is late then
    assert [r.overdue for r in earlier] == [True, False, False, False]


def test_the_rectification_list() -> None:
    rows = ll.rectification_list(ledger(), LIST_NOW)
    assert rows == [  # the items with a plan: B has none
        ll.RectificationRow("r-d", "市中级人民法院", PROBLEMS["r-d"], "建立终本案件层报审批制度", "印发层报审批办法",
                            "制度已印发", 1, date(2026, 5, 3), date(2026, 4, 30), False, "待销号"),
        ll.RectificationRow("r-a", "市交通运输局", PROBLEMS["r-a"], "开通12345专线", "专线开通并建立周报制度",
                            "整改完成", 2, date(2026, 4, 1), date(2026, 4, 30), True, "已销号"),
        ll.RectificationRow("r-f", "市交通运输局", PROBLEMS["r-f"], "设置疏导点", "设置疏导点12处", "已整治", 1,
                            date(2026, 2, 10), date(2026, 8, 11), None, "整改中"),  # within its new period
        ll.RectificationRow("r-c", "市住房和城乡建设局", PROBLEMS["r-c"], "加快保障房分配", "完成分配6256套",
                            "已分配", 1, date(2026, 4, 21), date(2026, 5, 26), False, "整改中"),
    ]  # fmt: skip


def test_the_close_out_list() -> None:
    rows = ll.close_out_list(ledger())
    assert rows == [  # F was closed out too, but a follow-up found it back: it is rectifying again
        ll.CloseOutRow("r-a", "市交通运输局", PROBLEMS["r-a"], "人大常委会", "基本满意", "基本到位",
                       "committee-1-name", date(2026, 4, 11), True),
    ]  # fmt: skip


def test_the_follow_up_list() -> None:
    rows = ll.follow_up_list(ledger())
    assert rows == [
        ll.FollowUpRow("r-a", "市交通运输局", PROBLEMS["r-a"], "已销号", date(2026, 4, 11), 1, date(2026, 5, 21),
                       "未发现反弹", False, 0, "", date(2026, 4, 30)),
        ll.FollowUpRow("r-f", "市交通运输局", PROBLEMS["r-f"], "整改中", date(2026, 2, 12), 1, date(2026, 5, 11),
                       "占道经营反弹", True, 1, "占道经营反弹", date(2026, 8, 11)),
        ll.FollowUpRow("r-c", "市住房和城乡建设局", PROBLEMS["r-c"], "整改中", None, 0, None, "", False, 1,
                       "分配公示不到位", date(2026, 5, 26)),
    ]  # fmt: skip


def test_the_lists_as_excel_sheets() -> None:
    items = ledger()
    sheets = {kind: ll.ledger_sheet(kind, items, LIST_NOW) for kind in ll.LedgerList}
    assert [s.title for s in sheets.values()] == [
        "责任清单",
        "内容清单",
        "问题清单",
        "整改清单",
        "销号清单",
        "跟踪清单",
    ]
    for sheet in sheets.values():
        assert all(len(row) == len(sheet.headers) for row in sheet.rows)
    assert sheets[ll.LedgerList.CLOSE_OUT].headers == (
        "事项编号", "责任单位", "存在问题", "销号机关", "测评结果", "销号意见", "销号人", "销号日期", "是否按期完成",
    )  # fmt: skip
    assert sheets[ll.LedgerList.CLOSE_OUT].rows == (
        ("r-a", "市交通运输局", PROBLEMS["r-a"], "人大常委会", "基本满意", "基本到位", "committee-1-name",
         date(2026, 4, 11), "是"),
    )  # fmt: skip
    rectification = sheets[ll.LedgerList.RECTIFICATION].rows
    assert [row[-2] for row in rectification] == ["否", "是", None, "否"]  # 是否按期: unknown while within the period
    assert len(sheets[ll.LedgerList.RESPONSIBILITY].rows) == 5 and len(sheets[ll.LedgerList.PROBLEMS].rows) == 4


@pytest.mark.parametrize(
    "row_type",
    [
        ll.ResponsibilityRow,
        ll.ContentRow,
        ll.ProblemRow,
        ll.RectificationRow,
        ll.CloseOutRow,
        ll.FollowUpRow,
    ],
)
def test_every_column_has_a_chinese_header(row_type: type[ll.Row]) -> None:
    assert len(row_type.HEADERS) == len(dataclasses.fields(row_type))
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+", header) for header in row_type.HEADERS)
    assert len(set(row_type.HEADERS)) == len(row_type.HEADERS)


# --- events -------------------------------------------------------------------------------------------------


def the_whole_story() -> list[ev.RectificationEvent]:
    events: list[ev.RectificationEvent] = []
    items = ledger()
    items[1].raise_due_notices(DUE_AT - timedelta(days=3))
    items[1].raise_due_notices(DUE_AT + timedelta(days=3))
    edited = raised(CLERK, item_id="r-g")
    edited.edit(CLERK, EditItem(content(unit="housing", unit_name="市住房和城乡建设局")), NOW)
    for item in (*items, edited):
        events += item.events
    return events


EVENTS = the_whole_story()
ALL_TYPES = {
    cls for _, cls in inspect.getmembers(ev, inspect.isclass) if issubclass(cls, ev.RectificationEvent) and cls.name
}
ID_FIELDS = {"item_id", "unit", "source_ref", "previous_unit"}


def test_the_story_records_every_kind_of_event() -> None:
    assert {type(e) for e in EVENTS} == ALL_TYPES
    assert len(ALL_TYPES) == 10


def test_topics_follow_the_design() -> None:
    assert len({cls.name for cls in ALL_TYPES}) == len(ALL_TYPES)
    raised_event = next(e for e in EVENTS if isinstance(e, ev.ItemRaised))
    assert raised_event.topic == "wulian.evaluation.rectification.raised" and raised_event.aggregate_id == "r-a"
    assert {e.topic for e in EVENTS} == {f"wulian.evaluation.rectification.{cls.name}" for cls in ALL_TYPES}


def _values(value: object) -> list[object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [v for f in dataclasses.fields(value) for v in _values(getattr(value, f.name))]
    return [value]


TEXTS = (
    *PROBLEMS.values(), REQUIRED, "限期修复路面", "王局长", "李科长", "赵局长", "陈院长", "开通", "专线", "整改完成",
    "基本到位", "分配公示", "未发现反弹", "占道经营", "重复录入", "张三", "clerk-1", "committee-1", "transport-1",
)  # fmt: skip


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.item_id}.{e.name}")
def test_no_event_carries_text(event: ev.RectificationEvent) -> None:
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        assert isinstance(value, str | bool | int | datetime | Enum), (event.name, f.name)
        if isinstance(value, str) and not isinstance(value, Enum):
            assert f.name in ID_FIELDS, (event.name, f.name)
            assert re.fullmatch(r"[A-Za-z0-9._:/#-]*", value), (event.name, value)
    for value in _values(event):
        assert not any(text in str(value) for text in TEXTS), (event.name, value)


def test_event_classes_declare_no_text_field() -> None:
    for cls in ALL_TYPES:
        for f in dataclasses.fields(cls):
            assert f.type != "str" or f.name in ID_FIELDS, (cls.name, f.name)


def _told(event: ev.RectificationEvent) -> set[str]:
    told = event.audience()
    assert len(told) == len(set(told))  # nobody twice
    return set(told)


def test_audiences() -> None:
    clerks = {"role:congress_clerk", "role:congress_committee"}
    discipline = {"role:discipline_commission", "role:discipline_station"}
    office = "role:gov_supervision_office"
    [congress_department] = raised(CLERK).events
    assert _told(congress_department) == {*clerks, "org_unit:transport", office}
    [congress_court] = raised(CLERK, **COURT_ITEM).events
    assert _told(congress_court) == {*clerks, "org_unit:hs-court"}  # the office does not hear of the courts
    [discipline_court] = raised(COMMISSION, source="manual", source_ref="", **COURT_UNIT).events
    assert _told(discipline_court) == {*discipline, "org_unit:hs-court"}
    [government] = raised(OFFICE).events
    assert _told(government) == {office, "org_unit:transport"}
    for event in EVENTS:
        told = _told(event)
        assert f"org_unit:{event.unit}" in told
        assert set(ev.body_selectors(event.raising_body)) <= told


def test_the_unit_and_the_raising_body_are_reached() -> None:
    [event] = raised(STATION).events
    for person, reached in [(TRANSPORT, True), (COMMISSION, True), (STATION, True), (OFFICE, True),
                            (HOUSING, False), (CLERK, False), (DEPUTY, False), (ADMIN, False)]:  # fmt: skip
        assert (not person.audience_selectors().isdisjoint(event.audience())) is reached, person.subject
