"""The plan (监督工作计划 / the commission's draft work report): every change a version with the whole list
snapshotted, reasons required after the approval (年中调整), stable item numbers, every state × action, every
role's rights, bad input for every command, proposals accepted and declined, work linked to items, who sees
what, and events that carry no text."""

from __future__ import annotations

import copy
import dataclasses
import re
import typing
from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.consultation import plan_commands as pc
from services.consultation.domain import Body, Event, View
from services.consultation.plan_commands import (
    AcceptProposal,
    AddItem,
    ApprovePlan,
    CreatePlan,
    DeclineProposal,
    EditItem,
    ItemInput,
    LinkWork,
    ProposeItem,
    RemoveItem,
    UnlinkWork,
)
from services.consultation.plan_events import PlanEvent
from services.consultation.plan_items import Form, ItemContent, ItemSource, PlanItem
from services.consultation.plan_records import Change, PlanKind, ProposalStatus, WorkKind
from services.consultation.plan_states import PLAN_STATES, PlanAction, PlanStatus, proposer_source
from services.consultation.plan_views import PlanViewer, plan_access, plan_counts, plan_view, plan_viewer
from services.consultation.plans import Plan
from tests.unit.consultation.staff import (
    ADMIN,
    CLERK,
    COMMISSION,
    COMMITTEE,
    CONGRESS_ROLES,
    CONGRESS_STAFF,
    COURT,
    DEPUTY,
    DISCIPLINE_ROLES,
    DISCIPLINE_STAFF,
    EVERYONE,
    EXPERT,
    GOVERNMENT_ROLES,
    LEADER,
    NOBODY,
    OFFICE,
    OTHER_CLERK,
    PROCURATORATE,
    STATION,
    TRANSPORT,
    bj,
    ids,
    who,
)
from wulian.kit.command_messages import proto_field_type
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

PS = PlanStatus
PA = PlanAction
OTHER_DEPUTY = who("deputy", subject="deputy-2")
NOW = bj(2026, 1, 5, 10)
LATER = NOW + timedelta(days=30)

INSPECTION = ItemInput(
    "《中小企业促进法》执法检查", "law_enforcement_inspection", "财政经济工委", ("committee", "public"), quarter=2
)
HEARING = ItemInput(
    "听取审议民事诉讼和执行法律监督工作情况的报告", "work_report_hearing", "监察和司法工委", ("leadership",), month=6
)
ELDERLY = ItemInput("养老服务高质量发展专题调研", "research", "社会建设工委", ("deputies",), description="小切口")
REPORT_ITEM = ItemInput("整治群众身边不正之风和腐败问题", "other", "党风政风监督室", ("discipline",))


def item(topic: str = "古树名木保护条例执法检查", **fields: Any) -> ItemInput:
    values: dict[str, Any] = {
        "form": "law_enforcement_inspection",
        "lead": "城乡建设环境保护工委",
        "sources": ("committee",),
    }
    return ItemInput(topic, **{**values, **fields})


def created(
    kind: str = "supervision_plan", by: Principal = CLERK, items: tuple[ItemInput, ...] = (INSPECTION, HEARING)
) -> Plan:
    title = "2026年度监督工作计划" if kind == "supervision_plan" else "市纪委全会工作报告（征求意见稿）"
    return Plan.create("p-1", by, CreatePlan(kind, 2026, title, items), NOW)


def work_report() -> Plan:
    return created("work_report", COMMISSION, (REPORT_ITEM,))


def consulted(plan: Plan, *bodies: Body, consultation_id: str = "c-1") -> Plan:
    plan.record_consultation(consultation_id, plan.version, bodies, NOW)
    return plan


def plan_in(status: PlanStatus) -> Plan:
    """A supervision plan of two items with a deputy's pending proposal, walked to ``status``; once approved,
    item 1 has a livelihood project linked (link 1). Its events cleared."""
    plan = created()
    plan.propose_item(DEPUTY, ProposeItem(ELDERLY, "代表多次建议"), NOW)
    if status is not PS.DRAFTING:
        consulted(plan, Body.DISCIPLINE)
    if status is PS.APPROVED:
        plan.approve(LEADER, ApprovePlan("经主任会议审议，报市委同意"), NOW)
        plan.link_work(CLERK, LinkWork(1, "project", "project/p-1", "中小企业清欠"), NOW)
    plan.events.clear()
    assert plan.status is status
    return plan


def state_of(plan: Plan) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(plan, name)) for name in Plan.__dataclass_fields__}


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


def topics(items: tuple[PlanItem, ...]) -> list[tuple[int, str]]:
    return [(i.no, i.content.topic) for i in items]


# --- creating a plan ----------------------------------------------------------------------------------------


def test_the_congress_drafts_its_supervision_plan_as_version_one() -> None:
    plan = created()
    assert (plan.id, plan.kind, plan.owner, plan.year, plan.title) == (
        "p-1", PlanKind.SUPERVISION_PLAN, Body.CONGRESS, 2026, "2026年度监督工作计划",
    )  # fmt: skip
    assert (plan.status, plan.version, plan.created_by, plan.created_by_name) == (
        PS.DRAFTING,
        1,
        "clerk-1",
        "clerk-1-name",
    )
    [first] = plan.versions
    assert (first.no, first.change, first.item_no, first.reason, first.adjustment, first.by) == (
        1, Change.CREATED, None, "", False, "clerk-1",
    )  # fmt: skip
    assert plan.items == first.items
    assert plan.items[0] == PlanItem(
        1,
        ItemContent(INSPECTION.topic, Form.LAW_ENFORCEMENT_INSPECTION, "财政经济工委",
                    (ItemSource.COMMITTEE, ItemSource.PUBLIC), 2, None, ""),
    )  # fmt: skip
    assert (plan.items[1].no, plan.items[1].content.month, plan.items[1].content.timing_label) == (2, 6, "6月")
    assert plan.items[0].content.timing_label == "第二季度"
    [event] = plan.events
    assert (event.name, event.year, event.version, event.items) == ("created", 2026, 1, 2)  # type: ignore[attr-defined]


def test_a_plan_may_start_empty_and_its_items_are_trimmed() -> None:
    plan = created(items=())
    assert plan.items == () and plan.version == 1
    padded = Plan.create(
        "p-2", CLERK, CreatePlan("supervision_plan", 2026, "  计划  ", (item("  题目  ", lead=" 工委 "),)), NOW
    )
    assert (padded.title, padded.items[0].content.topic, padded.items[0].content.lead) == ("计划", "题目", "工委")
    assert padded.items[0].content.timing_label == "全年"


def test_the_commission_drafts_its_work_report() -> None:
    plan = work_report()
    assert (plan.kind, plan.owner) == (PlanKind.WORK_REPORT, Body.DISCIPLINE)
    assert Plan.create("w-2", STATION, CreatePlan("work_report", 2026, "报告", ()), NOW).owner is Body.DISCIPLINE


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_who_drafts_which_plan(person: Principal) -> None:
    for kind, owners in (("supervision_plan", CONGRESS_STAFF), ("work_report", DISCIPLINE_STAFF)):
        if person in owners:
            assert created(kind, person).created_by == person.subject
        else:
            with pytest.raises(PermissionDenied) as caught:
                created(kind, person)
            staff = "人大常委会工作人员" if kind == "supervision_plan" else "纪委监委工作人员"
            assert caught.value.message.startswith(f"只有{staff}可以起草")


def test_an_unknown_kind_is_bad_input_for_staff_and_a_refusal_for_others() -> None:
    with pytest.raises(InvalidArgument) as caught:
        created("annual_report", CLERK)
    assert problem_fields(caught) == ["kind"]
    for person in (OFFICE, DEPUTY, ADMIN):
        with pytest.raises(PermissionDenied):
            created("annual_report", person)


BAD_PLANS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("year before 2000", {"year": 1999}, ["year"]),
    ("year after 2100", {"year": 2101}, ["year"]),
    ("year as a flag", {"year": True}, ["year"]),
    ("no title", {"title": "  "}, ["title"]),
    ("title too long", {"title": "计" * 201}, ["title"]),
    ("the same topic twice", {"items": (INSPECTION, item(INSPECTION.topic))}, ["items[1].topic"]),
    ("the same topic but for spaces and case", {"items": (item("Topic A"), item(" topic  a "))}, ["items[1].topic"]),
    ("a bad item", {"items": (INSPECTION, item("", form="visit"))}, ["items[1].topic", "items[1].form"]),
    ("too many items", {"items": tuple(item(f"项目{n}") for n in range(201))}, ["items"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_PLANS, ids=[c[0] for c in BAD_PLANS])
def test_a_bad_plan_is_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    values: dict[str, Any] = {"kind": "supervision_plan", "year": 2026, "title": "计划", "items": ()}
    with pytest.raises(InvalidArgument) as caught:
        Plan.create("p-1", CLERK, CreatePlan(**{**values, **fields}), NOW)
    assert caught.value.message == "计划未通过校验"
    assert problem_fields(caught) == named


BAD_ITEMS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no topic", {"topic": " "}, ["item.topic"]),
    ("topic too long", {"topic": "题" * 201}, ["item.topic"]),
    ("unknown form", {"form": "inspection_tour"}, ["item.form"]),
    ("no form", {"form": ""}, ["item.form"]),
    ("no lead", {"lead": ""}, ["item.lead"]),
    ("lead too long", {"lead": "委" * 51}, ["item.lead"]),
    ("no source", {"sources": ()}, ["item.sources"]),
    ("unknown source", {"sources": ("committee", "media")}, ["item.sources[1]"]),
    ("a source twice", {"sources": ("public", "committee", "public")}, ["item.sources[2]"]),
    ("quarter 0", {"quarter": 0}, ["item.quarter"]),
    ("quarter 5", {"quarter": 5}, ["item.quarter"]),
    ("quarter as a flag", {"quarter": True}, ["item.quarter"]),
    ("month 13", {"month": 13}, ["item.month"]),
    ("month 0", {"month": 0}, ["item.month"]),
    ("quarter and month", {"quarter": 2, "month": 5}, ["item.month"]),
    ("description too long", {"description": "说" * 2001}, ["item.description"]),
    ("everything", {"topic": "", "form": "x", "lead": "", "sources": (), "month": 99},
     ["item.topic", "item.form", "item.lead", "item.sources", "item.month"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_ITEMS, ids=[c[0] for c in BAD_ITEMS])
def test_a_bad_item_is_refused_per_field_when_added_edited_or_proposed(
    what: str, fields: dict[str, Any], named: list[str]
) -> None:
    plan = created()
    before = state_of(plan)
    bad = item("新项目", **fields) if "topic" not in fields else item(**fields)
    attempts: list[Callable[[], object]] = [
        lambda: plan.add_item(CLERK, AddItem(bad), NOW),
        lambda: plan.edit_item(CLERK, EditItem(1, bad), NOW),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidArgument) as caught:
            attempt()
        assert problem_fields(caught) == named
    assert state_of(plan) == before
    # a proposer's own source is always one: no source given is no problem then
    expected = [f for f in named if f != "item.sources"]
    if not expected:
        assert plan.propose_item(OFFICE, ProposeItem(bad, "理由"), NOW).item.sources == (ItemSource.GOVERNMENT,)
        return
    with pytest.raises(InvalidArgument) as proposed:
        plan.propose_item(OFFICE, ProposeItem(bad, "理由"), NOW)
    assert problem_fields(proposed) == expected


def test_item_problem_messages() -> None:
    plan = created()
    with pytest.raises(InvalidArgument) as caught:
        plan.add_item(CLERK, AddItem(item("", quarter=2, month=3, sources=("public", "public"))), NOW)
    assert caught.value.message == "计划项目未通过校验"
    assert [(d["field"], d["message"]) for d in caught.value.details] == [
        ("item.topic", "项目名称不能为空"),
        ("item.sources[1]", "项目来源“人民群众”重复"),
        ("item.month", "计划时间按季度或按月份安排，只能选其一"),
    ]
    with pytest.raises(InvalidArgument) as caught:
        plan.add_item(CLERK, AddItem(item(quarter=7)), NOW)
    assert caught.value.details == [{"field": "item.quarter", "message": "计划季度应为 1 至 4 之间的整数"}]


# --- versions -----------------------------------------------------------------------------------------------


def test_every_change_of_the_items_is_a_version_with_the_whole_list() -> None:
    plan = created()
    plan.add_item(COMMITTEE, AddItem(ELDERLY, "主任会议研究增加"), NOW + timedelta(days=1))
    plan.edit_item(LEADER, EditItem(1, dataclasses.replace(INSPECTION, quarter=3)), NOW + timedelta(days=2))
    plan.remove_item(CLERK, RemoveItem(2, "并入专项监督"), NOW + timedelta(days=3))
    proposal = plan.propose_item(
        OFFICE, ProposeItem(item("政务服务“一网通办”专题询问", form="special_inquiry"), "企业反映集中"), NOW
    )
    plan.accept_proposal(CLERK, AcceptProposal(proposal.no), NOW + timedelta(days=4))
    assert [(v.no, v.change, v.item_no, v.proposal_no) for v in plan.versions] == [
        (1, Change.CREATED, None, None),
        (2, Change.ITEM_ADDED, 3, None),
        (3, Change.ITEM_EDITED, 1, None),
        (4, Change.ITEM_REMOVED, 2, None),
        (5, Change.PROPOSAL_ACCEPTED, 4, 1),
    ]
    assert [topics(v.items) for v in plan.versions] == [
        [(1, INSPECTION.topic), (2, HEARING.topic)],
        [(1, INSPECTION.topic), (2, HEARING.topic), (3, ELDERLY.topic)],
        [(1, INSPECTION.topic), (2, HEARING.topic), (3, ELDERLY.topic)],
        [(1, INSPECTION.topic), (3, ELDERLY.topic)],
        [(1, INSPECTION.topic), (3, ELDERLY.topic), (4, "政务服务“一网通办”专题询问")],
    ]
    assert [v.items[0].content.quarter for v in plan.versions] == [2, 2, 3, 3, 3]  # old versions keep the old text
    assert [(v.by, v.reason, v.at) for v in plan.versions[1:4]] == [
        ("committee-1", "主任会议研究增加", NOW + timedelta(days=1)),
        ("leader-1", "", NOW + timedelta(days=2)),
        ("clerk-1", "并入专项监督", NOW + timedelta(days=3)),
    ]
    assert plan.items == plan.versions[-1].items and plan.version == 5
    assert not any(v.adjustment for v in plan.versions)


def test_item_numbers_are_never_reused() -> None:
    plan = created()
    plan.remove_item(CLERK, RemoveItem(2), NOW)
    again = plan.add_item(CLERK, AddItem(HEARING), NOW)
    assert again.no == 3 and topics(plan.items) == [(1, INSPECTION.topic), (3, HEARING.topic)]
    plan.remove_item(CLERK, RemoveItem(3), NOW)  # the highest number gone: still not given again
    assert plan.add_item(CLERK, AddItem(HEARING), NOW).no == 4
    with pytest.raises(InvalidArgument) as caught:
        plan.edit_item(CLERK, EditItem(2, HEARING), NOW)
    assert caught.value.details == [{"field": "item_no", "message": "当前版本中没有第 2 项"}]
    assert plan.version_no(2) is plan.versions[1] and plan.version_no(0) is None and plan.version_no(99) is None


def test_an_edit_must_change_something_and_keep_topics_distinct() -> None:
    plan = created()
    with pytest.raises(InvalidArgument) as caught:
        plan.edit_item(CLERK, EditItem(1, INSPECTION), NOW)
    assert caught.value.details == [{"field": "item", "message": "项目内容没有变化"}]
    with pytest.raises(InvalidArgument) as caught:
        plan.edit_item(CLERK, EditItem(1, item(HEARING.topic)), NOW)
    assert caught.value.details == [{"field": "item.topic", "message": f"计划中已有项目“{HEARING.topic}”"}]
    with pytest.raises(InvalidArgument) as caught:
        plan.add_item(CLERK, AddItem(item(INSPECTION.topic.replace("》", "》 "))), NOW)  # only a space more
    assert problem_fields(caught) == ["item.topic"]
    edited = plan.edit_item(
        CLERK, EditItem(1, dataclasses.replace(INSPECTION, topic=INSPECTION.topic + "（修订）")), NOW
    )
    assert edited.no == 1 and plan.version == 2


@pytest.mark.parametrize("value", [0, -1, True, 1_000_001], ids=str)
def test_an_item_number_must_be_a_positive_whole_number(value: int) -> None:
    plan = created()
    with pytest.raises(InvalidArgument) as caught:
        plan.remove_item(CLERK, RemoveItem(value), NOW)
    assert caught.value.details == [{"field": "item_no", "message": "项目序号应为 1 至 1000000 之间的整数"}]


def test_the_list_is_capped() -> None:
    plan = created(items=tuple(item(f"项目{n}") for n in range(200)))
    with pytest.raises(InvalidArgument) as caught:
        plan.add_item(CLERK, AddItem(item("第201项")), NOW)
    assert caught.value.details == [{"field": "item", "message": "计划项目不能超过 200 项"}]


def test_a_reason_is_optional_before_the_approval() -> None:
    for status in (PS.DRAFTING, PS.CONSULTING):
        plan = plan_in(status)
        plan.add_item(CLERK, AddItem(ELDERLY), NOW)
        plan.remove_item(CLERK, RemoveItem(2, "  合并  "), NOW)
        assert [(v.reason, v.adjustment) for v in plan.versions[-2:]] == [("", False), ("合并", False)]


def test_after_the_approval_every_change_is_an_adjustment_with_a_reason() -> None:
    plan = plan_in(PS.APPROVED)
    changes: list[Callable[[str], object]] = [
        lambda reason: plan.add_item(CLERK, AddItem(item("优质存量做增量专项监督"), reason), LATER),
        lambda reason: plan.edit_item(CLERK, EditItem(2, dataclasses.replace(HEARING, month=9), reason), LATER),
        lambda reason: plan.remove_item(CLERK, RemoveItem(2, reason), LATER),
        lambda reason: plan.accept_proposal(CLERK, AcceptProposal(1, reason), LATER),
    ]
    for change in changes:
        before = state_of(plan)
        with pytest.raises(InvalidArgument) as caught:
            change(" ")
        assert caught.value.details == [{"field": "reason", "message": "调整理由不能为空"}]
        with pytest.raises(InvalidArgument):
            change("调" * 2001)
        assert state_of(plan) == before
        change("根据市委最新要求调整")
    adjustments = plan.versions[1:]
    assert [v.change for v in adjustments] == [
        Change.ITEM_ADDED, Change.ITEM_EDITED, Change.ITEM_REMOVED, Change.PROPOSAL_ACCEPTED,
    ]  # fmt: skip
    assert all(v.adjustment and v.reason == "根据市委最新要求调整" and v.at == LATER for v in adjustments)
    assert plan.status is PS.APPROVED and plan.approval is not None and plan.approval.version == 1


def test_an_item_with_work_linked_is_removed_only_once_unlinked() -> None:
    plan = plan_in(PS.APPROVED)
    with pytest.raises(Conflict) as caught:
        plan.remove_item(CLERK, RemoveItem(1, "取消"), LATER)
    assert caught.value.message == "第 1 项已关联工作成果，请先取消关联再删除"
    plan.unlink_work(CLERK, UnlinkWork(1, "关联错误"), LATER)
    plan.remove_item(CLERK, RemoveItem(1, "取消"), LATER)
    assert topics(plan.items) == [(2, HEARING.topic)]


def test_the_number_of_versions_is_capped() -> None:
    plan = created()
    plan.versions.extend([plan.versions[0]] * 499)
    with pytest.raises(Conflict, match="已有 500 个版本"):
        plan.add_item(CLERK, AddItem(ELDERLY), NOW)


def test_the_clock_must_be_aware() -> None:
    with pytest.raises(ValueError, match="naive"):
        Plan.create("p-1", CLERK, CreatePlan("supervision_plan", 2026, "计划", ()), datetime(2026, 1, 5))


# --- every state × action -----------------------------------------------------------------------------------

DO: dict[PlanAction, Callable[[Plan], object]] = {
    PA.ADD_ITEM: lambda p: p.add_item(CLERK, AddItem(item("新项目"), "因工作需要"), NOW),
    PA.EDIT_ITEM: lambda p: p.edit_item(CLERK, EditItem(2, item("改后的题目"), "调整"), NOW),
    PA.REMOVE_ITEM: lambda p: p.remove_item(CLERK, RemoveItem(2, "调整"), NOW),
    PA.PROPOSE: lambda p: p.propose_item(DEPUTY, ProposeItem(item("代表建议的项目"), "群众反映强烈"), NOW),
    PA.ACCEPT_PROPOSAL: lambda p: p.accept_proposal(CLERK, AcceptProposal(1, "采纳"), NOW),
    PA.DECLINE_PROPOSAL: lambda p: p.decline_proposal(CLERK, DeclineProposal(1, "已列入明年计划"), NOW),
    PA.CONSULT: lambda p: p.record_consultation("c-9", p.version, (Body.GOVERNMENT,), NOW),
    PA.APPROVE: lambda p: p.approve(LEADER, ApprovePlan("报市委同意"), NOW),
    PA.LINK_WORK: lambda p: p.link_work(CLERK, LinkWork(1, "appraisal", "appraisal/a-1", "2026年度工作评议"), NOW),
    PA.UNLINK_WORK: lambda p: p.unlink_work(CLERK, UnlinkWork(1, "关联错误"), NOW),
}
LEGAL: dict[tuple[PlanStatus, PlanAction], PlanStatus] = {
    **{(s, a): s for s in PS for a in (PA.ADD_ITEM, PA.EDIT_ITEM, PA.REMOVE_ITEM)},
    **{(s, a): s for s in PS for a in (PA.ACCEPT_PROPOSAL, PA.DECLINE_PROPOSAL)},
    **{(s, PA.PROPOSE): s for s in (PS.DRAFTING, PS.CONSULTING)},
    **{(s, PA.CONSULT): PS.CONSULTING for s in (PS.DRAFTING, PS.CONSULTING)},
    **{(s, PA.APPROVE): PS.APPROVED for s in (PS.DRAFTING, PS.CONSULTING)},
    (PS.APPROVED, PA.LINK_WORK): PS.APPROVED,
    (PS.APPROVED, PA.UNLINK_WORK): PS.APPROVED,
}  # fmt: skip
CELLS = [(s, a) for s in PS for a in PA]


def test_the_state_table_is_the_documented_one() -> None:
    assert {(s, a) for a, states in PLAN_STATES.allowed.items() for s in states} == set(LEGAL)


@pytest.mark.parametrize(("status", "action"), [c for c in CELLS if c in LEGAL], ids=str)
def test_legal_transition(status: PlanStatus, action: PlanAction) -> None:
    plan = plan_in(status)
    DO[action](plan)
    assert plan.status is LEGAL[status, action]
    assert plan.events


@pytest.mark.parametrize(("status", "action"), [c for c in CELLS if c not in LEGAL], ids=str)
def test_illegal_transition_is_a_conflict_and_changes_nothing(status: PlanStatus, action: PlanAction) -> None:
    plan = plan_in(status)
    before = state_of(plan)
    with pytest.raises(Conflict) as caught:
        DO[action](plan)
    assert caught.value.message == f"{PLAN_STATES.phrases[status]}，不能{PLAN_STATES.action_labels[action]}"
    assert state_of(plan) == before


def test_conflict_messages() -> None:
    with pytest.raises(Conflict) as caught:
        DO[PA.PROPOSE](plan_in(PS.APPROVED))
    assert caught.value.message == "该计划已批准，不能提出项目建议"
    with pytest.raises(Conflict) as caught:
        DO[PA.LINK_WORK](plan_in(PS.CONSULTING))
    assert caught.value.message == "该计划正在征求意见，不能关联工作成果"


# --- every role's rights ------------------------------------------------------------------------------------

OWNER_ACTIONS: dict[PlanAction, tuple[PlanStatus, Callable[[Plan, Principal], object]]] = {
    PA.ADD_ITEM: (PS.DRAFTING, lambda p, x: p.add_item(x, AddItem(item("新项目")), NOW)),
    PA.EDIT_ITEM: (PS.CONSULTING, lambda p, x: p.edit_item(x, EditItem(2, item("改后的题目")), NOW)),
    PA.REMOVE_ITEM: (PS.APPROVED, lambda p, x: p.remove_item(x, RemoveItem(2, "调整"), NOW)),
    PA.ACCEPT_PROPOSAL: (PS.DRAFTING, lambda p, x: p.accept_proposal(x, AcceptProposal(1), NOW)),
    PA.DECLINE_PROPOSAL: (PS.CONSULTING, lambda p, x: p.decline_proposal(x, DeclineProposal(1, "不宜"), NOW)),
    PA.APPROVE: (PS.CONSULTING, lambda p, x: p.approve(x, ApprovePlan("报市委同意"), NOW)),
    PA.LINK_WORK: (PS.APPROVED, lambda p, x: p.link_work(x, LinkWork(2, "appraisal", "appraisal/a-1", "评议"), NOW)),
    PA.UNLINK_WORK: (PS.APPROVED, lambda p, x: p.unlink_work(x, UnlinkWork(1, "关联错误"), NOW)),
}
VERBS = {
    PA.ADD_ITEM: "增加计划项目", PA.EDIT_ITEM: "修改计划项目", PA.REMOVE_ITEM: "删除计划项目",
    PA.ACCEPT_PROPOSAL: "采纳项目建议", PA.DECLINE_PROPOSAL: "研究项目建议", PA.APPROVE: "登记计划的批准",
    PA.LINK_WORK: "关联工作成果", PA.UNLINK_WORK: "取消关联工作成果",
}  # fmt: skip


@pytest.mark.parametrize("action", list(OWNER_ACTIONS), ids=str)
@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_owner_body_changes_decides_approves_and_links(action: PlanAction, person: Principal) -> None:
    status, do = OWNER_ACTIONS[action]
    plan = plan_in(status)
    if person in CONGRESS_STAFF:
        do(plan, person)
        assert plan.events
        return
    before = state_of(plan)
    with pytest.raises(PermissionDenied) as caught:
        do(plan, person)
    assert caught.value.message == f"只有人大常委会工作人员可以{VERBS[action]}"
    assert state_of(plan) == before


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_the_commission_alone_changes_its_work_report(person: Principal) -> None:
    plan = work_report()
    if person in DISCIPLINE_STAFF:
        plan.add_item(person, AddItem(item("加强清廉机关建设")), NOW)
        assert plan.version == 2
    else:
        with pytest.raises(PermissionDenied, match=r"^只有纪委监委工作人员可以增加计划项目$"):
            plan.add_item(person, AddItem(item("加强清廉机关建设")), NOW)


SOURCES_TO_THE_PLAN = {
    "committee-1": ItemSource.COMMITTEE, "deputy-1": ItemSource.DEPUTIES, "commission-1": ItemSource.DISCIPLINE,
    "station-1": ItemSource.DISCIPLINE, "office-1": ItemSource.GOVERNMENT,
}  # fmt: skip
SOURCES_TO_THE_REPORT = {
    "clerk-1": ItemSource.COMMITTEE, "clerk-2": ItemSource.COMMITTEE, "committee-1": ItemSource.COMMITTEE,
    "leader-1": ItemSource.LEADERSHIP, "deputy-1": ItemSource.DEPUTIES, "office-1": ItemSource.GOVERNMENT,
}  # fmt: skip


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_who_proposes_an_item_and_as_whom(person: Principal) -> None:
    assert proposer_source(Body.CONGRESS, person) == SOURCES_TO_THE_PLAN.get(person.subject)
    assert proposer_source(Body.DISCIPLINE, person) == SOURCES_TO_THE_REPORT.get(person.subject)
    for plan, sources in ((created(), SOURCES_TO_THE_PLAN), (work_report(), SOURCES_TO_THE_REPORT)):
        if person.subject in sources:
            proposal = plan.propose_item(person, ProposeItem(item("建议项目"), "理由"), NOW)
            assert proposal.source is sources[person.subject]
        else:
            with pytest.raises(PermissionDenied, match=r"^您无权向该(监督工作计划|工作报告)提出项目建议$"):
                plan.propose_item(person, ProposeItem(item("建议项目"), "理由"), NOW)


# --- proposals ----------------------------------------------------------------------------------------------


def test_a_deputy_proposes_and_the_owner_accepts_into_a_new_version() -> None:
    plan = created()
    proposal = plan.propose_item(
        DEPUTY, ProposeItem(dataclasses.replace(ELDERLY, sources=("public",)), " 选民反映 "), NOW
    )
    assert (proposal.no, proposal.reason, proposal.source, proposal.proposed_by, proposal.proposed_by_name) == (
        1, "选民反映", ItemSource.DEPUTIES, "deputy-1", "deputy-1-name",
    )  # fmt: skip
    assert proposal.item.sources == (ItemSource.DEPUTIES, ItemSource.PUBLIC)  # the proposer's own source first
    assert (proposal.status, proposal.decision, plan.version) == (ProposalStatus.PENDING, None, 1)
    accepted = plan.accept_proposal(CLERK, AcceptProposal(1, "列入计划"), LATER)
    assert accepted == PlanItem(3, proposal.item)
    version = plan.versions[-1]
    assert (version.no, version.change, version.item_no, version.proposal_no, version.reason) == (
        2, Change.PROPOSAL_ACCEPTED, 3, 1, "列入计划",
    )  # fmt: skip
    decided = plan.proposals[0]
    assert decided.status is ProposalStatus.ACCEPTED and decided.decision is not None
    assert (decided.decision.item_no, decided.decision.version, decided.decision.by, decided.decision.at) == (
        3, 2, "clerk-1", LATER,
    )  # fmt: skip
    with pytest.raises(Conflict, match=r"^第 1 条项目建议已经研究处理$"):
        plan.decline_proposal(CLERK, DeclineProposal(1, "改变主意"), LATER)


def test_a_proposer_naming_its_own_source_is_not_a_duplicate() -> None:
    plan = created()
    proposal = plan.propose_item(
        COMMISSION, ProposeItem(item("清廉机关建设", sources=("discipline", "public")), "理由"), NOW
    )
    assert proposal.item.sources == (ItemSource.DISCIPLINE, ItemSource.PUBLIC)


def test_the_owner_declines_with_a_reason_once() -> None:
    plan = created()
    plan.propose_item(OFFICE, ProposeItem(item("政府债务管理专题调研", form="research"), "防范风险"), NOW)
    with pytest.raises(InvalidArgument) as caught:
        plan.decline_proposal(CLERK, DeclineProposal(1, " "), NOW)
    assert caught.value.details == [{"field": "reason", "message": "不予采纳的理由不能为空"}]
    plan.decline_proposal(COMMITTEE, DeclineProposal(1, "已列入预算审查监督"), LATER)
    declined = plan.proposals[0]
    assert declined.status is ProposalStatus.DECLINED and declined.decision is not None
    assert (declined.decision.reason, declined.decision.by, declined.decision.item_no) == (
        "已列入预算审查监督",
        "committee-1",
        None,
    )
    assert plan.version == 1  # a declined proposal changes no item
    with pytest.raises(Conflict):
        plan.accept_proposal(CLERK, AcceptProposal(1), LATER)


def test_bad_proposals_and_decisions() -> None:
    plan = created()
    with pytest.raises(InvalidArgument) as caught:
        plan.propose_item(DEPUTY, ProposeItem(item(INSPECTION.topic), ""), NOW)
    assert [(d["field"], d["message"]) for d in caught.value.details] == [
        ("reason", "建议理由不能为空"),
        ("item.topic", f"计划中已有项目“{INSPECTION.topic}”"),
    ]
    assert plan.proposals == []
    plan.propose_item(DEPUTY, ProposeItem(ELDERLY, "理由"), NOW)
    plan.add_item(CLERK, AddItem(ELDERLY), NOW)  # the clerks added the same item meanwhile
    with pytest.raises(InvalidArgument) as caught:
        plan.accept_proposal(CLERK, AcceptProposal(1), NOW)
    assert caught.value.details == [{"field": "proposal_no", "message": f"计划中已有项目“{ELDERLY.topic}”"}]
    for no, message in ((2, "没有第 2 条项目建议"), (0, "建议序号应为 1 至 1000000 之间的整数")):
        with pytest.raises(InvalidArgument) as caught:
            plan.decline_proposal(CLERK, DeclineProposal(no, "理由"), NOW)
        assert caught.value.details == [{"field": "proposal_no", "message": message}]


def test_proposals_are_capped() -> None:
    plan = created()
    proposal = plan.propose_item(DEPUTY, ProposeItem(ELDERLY, "理由"), NOW)
    plan.proposals.extend([proposal] * 499)
    with pytest.raises(Conflict, match="项目建议已达 500 条"):
        plan.propose_item(DEPUTY, ProposeItem(item("再一条"), "理由"), NOW)


# --- consultation and approval ------------------------------------------------------------------------------


def test_a_consultation_sends_the_plan_to_bodies() -> None:
    plan = created()
    consulted(plan, Body.DISCIPLINE)
    consulted(plan, Body.DISCIPLINE, Body.GOVERNMENT, Body.CONGRESS, consultation_id="c-2")  # the owner never counts
    consulted(plan, Body.GOVERNMENT, consultation_id="c-2")  # recorded again: nothing new
    assert (plan.status, plan.consulted_bodies, plan.consultation_ids) == (
        PS.CONSULTING, [Body.DISCIPLINE, Body.GOVERNMENT], ["c-1", "c-2"],
    )  # fmt: skip
    assert [e.name for e in plan.events] == ["created", "sent_for_consultation", "sent_for_consultation"]


def test_approval_records_who_how_and_when() -> None:
    plan = plan_in(PS.CONSULTING)
    evening = bj(2026, 2, 1, 23, 30)  # still 1 February in Beijing, 15:30 UTC
    approval = plan.approve(OTHER_CLERK, ApprovePlan(" 经主任会议审议，报市委同意 "), evening)
    assert (approval.version, approval.note, approval.approved_on, approval.by, approval.at) == (
        1, "经主任会议审议，报市委同意", date(2026, 2, 1), "clerk-2", evening,
    )  # fmt: skip
    assert plan.approval is approval and plan.status is PS.APPROVED
    given = created().approve(LEADER, ApprovePlan("市委同意", date(2026, 1, 2)), NOW)
    assert given.approved_on == date(2026, 1, 2)


def test_bad_approvals() -> None:
    with pytest.raises(Conflict, match=r"^该计划尚无项目，不能批准$"):
        created(items=()).approve(LEADER, ApprovePlan("报市委同意"), NOW)
    with pytest.raises(InvalidArgument) as caught:
        created().approve(LEADER, ApprovePlan("", date(2026, 1, 6)), NOW)
    assert [(d["field"], d["message"]) for d in caught.value.details] == [
        ("note", "批准情况不能为空"),
        ("approved_on", "批准日期不能晚于今天"),
    ]


# --- what each item produced --------------------------------------------------------------------------------


def test_work_is_linked_to_items_and_unlinked_with_a_reason() -> None:
    plan = plan_in(PS.APPROVED)
    link = plan.link_work(COMMITTEE, LinkWork(2, "review_batch", "batch/2026-1", " 涉企案件评查 "), LATER)
    assert (link.no, link.item_no, link.kind, link.ref, link.title, link.by, link.at, link.active) == (
        2, 2, WorkKind.REVIEW_BATCH, "batch/2026-1", "涉企案件评查", "committee-1", LATER, True,
    )  # fmt: skip
    plan.link_work(CLERK, LinkWork(2, "ballot_session", "s-7", "满意度测评"), LATER)
    assert [x.no for x in plan.links_of(2)] == [2, 3] and [x.no for x in plan.links_of(1)] == [1]
    plan.unlink_work(CLERK, UnlinkWork(2, "关联错误"), LATER)
    assert [x.no for x in plan.links_of(2)] == [3]
    assert plan.links[1].unlinking is not None and plan.links[1].unlinking.reason == "关联错误"
    with pytest.raises(Conflict, match=r"^该关联已取消$"):
        plan.unlink_work(CLERK, UnlinkWork(2, "再次取消"), LATER)
    plan.link_work(CLERK, LinkWork(2, "review_batch", "batch/2026-1", "重新关联"), LATER)  # undone, so linkable again
    with pytest.raises(Conflict, match=r"^第 1 项已关联该工作成果$"):
        plan.link_work(CLERK, LinkWork(1, "project", "project/p-1", "同一项目"), LATER)


BAD_LINKS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no such item", {"item_no": 9}, ["item_no"]),
    ("unknown kind", {"kind": "meeting"}, ["kind"]),
    ("a ref in words", {"ref": "2026年评议"}, ["ref"]),
    ("a ref with a space", {"ref": "appraisal a-1"}, ["ref"]),
    ("a ref too long", {"ref": "a" * 65}, ["ref"]),
    ("no ref", {"ref": " "}, ["ref"]),
    ("no title", {"title": ""}, ["title"]),
    ("title too long", {"title": "题" * 201}, ["title"]),
]


@pytest.mark.parametrize(("what", "fields", "named"), BAD_LINKS, ids=[c[0] for c in BAD_LINKS])
def test_a_bad_link_is_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    plan = plan_in(PS.APPROVED)
    values: dict[str, Any] = {"item_no": 2, "kind": "appraisal", "ref": "appraisal/a-1", "title": "工作评议"}
    with pytest.raises(InvalidArgument) as caught:
        plan.link_work(CLERK, LinkWork(**{**values, **fields}), LATER)
    assert problem_fields(caught) == named


def test_a_bad_unlinking_is_refused() -> None:
    plan = plan_in(PS.APPROVED)
    with pytest.raises(InvalidArgument) as caught:
        plan.unlink_work(CLERK, UnlinkWork(5, ""), LATER)
    assert [(d["field"], d["message"]) for d in caught.value.details] == [
        ("link_no", "没有第 5 项关联"),
        ("reason", "取消关联的理由不能为空"),
    ]


def test_links_are_capped() -> None:
    plan = plan_in(PS.APPROVED)
    plan.links.extend([plan.links[0]] * 499)
    with pytest.raises(Conflict, match="已达 500 项"):
        plan.link_work(CLERK, LinkWork(2, "other", "x-1", "其他"), LATER)


# --- who sees what ------------------------------------------------------------------------------------------

OW, CO, PR, CT, NO = PlanViewer.OWNER, PlanViewer.CONSULTED, PlanViewer.PROPOSER, PlanViewer.COUNTS, PlanViewer.NONE
NOBODY_ELSE = {"transport-1": NO, "court-1": NO, "procuratorate-1": NO, "expert-1": NO, "someone-without-roles": NO}
CONGRESS_OWNS = {"clerk-1": OW, "clerk-2": OW, "committee-1": OW, "leader-1": OW}
VIEWERS: list[tuple[str, Callable[[], Plan], dict[str, PlanViewer]]] = [
    ("a supervision plan drafted", created,
     {**CONGRESS_OWNS, "deputy-1": PR, "commission-1": PR, "station-1": PR, "office-1": PR, "admin-1": CT,
      **NOBODY_ELSE}),
    ("a supervision plan sent to the commission", lambda: plan_in(PS.CONSULTING),
     {**CONGRESS_OWNS, "deputy-1": PR, "commission-1": CO, "station-1": CO, "office-1": PR, "admin-1": CT,
      **NOBODY_ELSE}),
    ("a work report sent to the congress", lambda: consulted(work_report(), Body.CONGRESS),
     {"clerk-1": CO, "clerk-2": CO, "committee-1": CO, "leader-1": CO, "deputy-1": CO, "commission-1": OW,
      "station-1": OW, "office-1": PR, "admin-1": CT, **NOBODY_ELSE}),
    ("a work report sent to the government only", lambda: consulted(work_report(), Body.GOVERNMENT),
     {"clerk-1": PR, "clerk-2": PR, "committee-1": PR, "leader-1": PR, "deputy-1": PR, "commission-1": OW,
      "station-1": OW, "office-1": CO, "admin-1": CT, **NOBODY_ELSE}),
]  # fmt: skip
ACCESS = {OW: View.FULL, CO: View.LIMITED, PR: View.LIMITED, CT: View.COUNTS, NO: View.NONE}


@pytest.mark.parametrize(("what", "make", "expected"), VIEWERS, ids=[c[0] for c in VIEWERS])
def test_who_sees_a_plan_and_in_which_capacity(
    what: str, make: Callable[[], Plan], expected: dict[str, PlanViewer]
) -> None:
    plan = make()
    assert {p.subject: plan_viewer(plan, p) for p in EVERYONE} == expected
    for person in EVERYONE:
        viewer = expected[person.subject]
        assert plan_access(person, plan) is ACCESS[viewer]
        if ACCESS[viewer] < View.LIMITED:
            with pytest.raises(NotFound, match=r"^未找到该计划$"):
                plan_view(plan, person)
        else:
            assert plan_view(plan, person).viewer is viewer


def test_the_owner_sees_everything() -> None:
    plan = plan_in(PS.APPROVED)
    plan.unlink_work(CLERK, UnlinkWork(1, "关联错误"), LATER)
    plan.link_work(CLERK, LinkWork(1, "appraisal", "appraisal/a-1", "工作评议"), LATER)
    view = plan_view(plan, LEADER)
    assert (view.kind_label, view.owner_label, view.status_label, view.version) == (
        "监督工作计划",
        "人大常委会",
        "已批准",
        1,
    )
    assert [(i.no, i.form_label, i.timing_label, i.source_labels) for i in view.items] == [
        (1, "执法检查", "第二季度", ("专（工）委", "人民群众")),
        (2, "听取审议专项工作报告", "6月", ("市委及常委会领导",)),
    ]
    assert [x.ref for x in view.items[0].links] == ["appraisal/a-1"] and view.items[1].links == ()
    assert [x.ref for x in view.unlinked] == ["project/p-1"]
    assert [(p.no, p.proposed_by, p.source_label, p.status_label, p.item.no) for p in view.proposals] == [
        (1, "deputy-1", "人大代表", "待研究", 0),
    ]
    assert [v.change_label for v in view.versions] == ["起草"] and view.versions[0].items[0].links == ()
    assert (view.consulted_bodies, view.consulted_labels, view.consultation_ids) == (
        (Body.DISCIPLINE,), ("纪委监委",), ("c-1",),
    )  # fmt: skip
    assert view.approval is not None and view.approval.note == "经主任会议审议，报市委同意"
    assert view.actions == (PA.ADD_ITEM, PA.EDIT_ITEM, PA.REMOVE_ITEM, PA.ACCEPT_PROPOSAL, PA.DECLINE_PROPOSAL,
                            PA.LINK_WORK, PA.UNLINK_WORK)  # fmt: skip


def test_a_consulted_body_sees_items_and_versions_and_only_its_own_proposals() -> None:
    plan = plan_in(PS.CONSULTING)
    plan.propose_item(COMMISSION, ProposeItem(item("清廉机关建设"), "理由"), NOW)
    plan.accept_proposal(CLERK, AcceptProposal(2), NOW)
    for person, own in ((COMMISSION, [2]), (STATION, [])):
        view = plan_view(plan, person)
        assert [p.no for p in view.proposals] == own
        assert [i.no for i in view.items] == [1, 2, 3] and len(view.versions) == 2
        assert view.consultation_ids == () and view.unlinked == () and view.actions == (PA.PROPOSE,)
    assert plan_view(plan, COMMISSION).proposals[0].item.no == 3  # accepted as item 3


def test_a_proposer_sees_the_heading_and_its_own_proposals_until_the_approval() -> None:
    plan = created()
    plan.propose_item(OTHER_DEPUTY, ProposeItem(item("加装电梯"), "理由"), NOW)
    plan.propose_item(DEPUTY, ProposeItem(ELDERLY, "理由"), NOW)
    before = plan_view(plan, DEPUTY)
    assert (before.title, before.status, before.items, before.versions) == ("2026年度监督工作计划", PS.DRAFTING, (), ())
    assert [(p.no, p.proposed_by) for p in before.proposals] == [(2, "deputy-1")]
    assert before.actions == (PA.PROPOSE,) and before.consultation_ids == ()
    plan.accept_proposal(CLERK, AcceptProposal(2), NOW)
    plan.approve(LEADER, ApprovePlan("报市委同意"), NOW)
    after = plan_view(plan, DEPUTY)
    assert [i.no for i in after.items] == [1, 2, 3] and len(after.versions) == 2 and after.actions == ()
    assert [(p.no, p.status) for p in after.proposals] == [(2, ProposalStatus.ACCEPTED)]
    assert [p.no for p in plan_view(plan, OTHER_DEPUTY).proposals] == [1]


def test_counts() -> None:
    plans = [created(), plan_in(PS.CONSULTING), plan_in(PS.APPROVED), plan_in(PS.APPROVED)]
    assert plan_counts(plans) == {PS.DRAFTING: 1, PS.CONSULTING: 1, PS.APPROVED: 2}
    assert plan_counts([]) == dict.fromkeys(PS, 0)


# --- events -------------------------------------------------------------------------------------------------


def full_history() -> list[PlanEvent]:
    plan = created()
    plan.add_item(CLERK, AddItem(ELDERLY, "主任会议研究增加"), NOW)
    plan.edit_item(CLERK, EditItem(3, dataclasses.replace(ELDERLY, month=4), "调整时间"), NOW)
    plan.propose_item(DEPUTY, ProposeItem(item("加装电梯专题调研", form="research"), "选民反映强烈"), NOW)
    plan.propose_item(OFFICE, ProposeItem(item("政府债务专题询问", form="special_inquiry"), "防范风险"), NOW)
    plan.decline_proposal(CLERK, DeclineProposal(2, "已列入预算审查"), NOW)
    consulted(plan, Body.DISCIPLINE)
    plan.accept_proposal(CLERK, AcceptProposal(1, "采纳代表建议"), NOW)
    plan.approve(LEADER, ApprovePlan("报市委同意"), NOW)
    plan.remove_item(CLERK, RemoveItem(3, "并入加装电梯调研"), LATER)
    plan.link_work(CLERK, LinkWork(1, "appraisal", "appraisal/a-1", "中小企业评议"), LATER)
    plan.unlink_work(CLERK, UnlinkWork(1, "关联错误"), LATER)
    return plan.events


EVENTS = full_history()
ID_FIELDS = {"plan_id", "proposed_by", "ref", "consultation_id"}
TEXTS = (
    "主任会议研究增加", "调整时间", "加装电梯", "选民反映强烈", "政府债务", "防范风险", "已列入预算审查",
    "采纳代表建议", "报市委同意", "并入加装电梯调研", "中小企业评议", "关联错误", "监督工作计划", "执法检查",
    "工委", "-name",
)  # fmt: skip


def test_the_history_raises_the_expected_events() -> None:
    assert [e.name for e in EVENTS] == [
        "created", "item_added", "item_edited", "item_proposed", "item_proposed", "proposal_declined",
        "sent_for_consultation", "item_added", "proposal_accepted", "approved", "item_removed", "work_linked",
        "work_unlinked",
    ]  # fmt: skip
    assert {e.topic for e in EVENTS} == {f"wulian.consultation.plan.{e.name}" for e in EVENTS}
    assert all(e.aggregate_id == "p-1" and e.occurred_at.tzinfo is not None for e in EVENTS)
    added = EVENTS[7]
    assert (added.version, added.item_no, added.adjustment, added.proposal_no) == (4, 4, False, 1)  # type: ignore[attr-defined]
    removed = EVENTS[10]
    assert (removed.version, removed.item_no, removed.adjustment) == (5, 3, True)  # type: ignore[attr-defined]


def assert_no_text(event: Event, id_fields: set[str], texts: tuple[str, ...]) -> None:
    """Plain fields only; a string only in an id field, and an identifier; none of ``texts`` anywhere (shared
    with ``test_consultations``)."""
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        assert isinstance(value, str | bool | int | datetime | date | Enum | tuple), (event.name, f.name)
        if isinstance(value, str) and not isinstance(value, Enum):
            assert f.name in id_fields and re.fullmatch(r"[A-Za-z0-9._:/#-]*", value), (event.name, f.name)
        assert not any(text in str(value) for text in texts), (event.name, f.name)


def told(event: Event) -> set[str]:
    audience = event.audience()
    assert len(audience) == len(set(audience))  # nobody twice
    return set(audience)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_no_event_carries_text(event: PlanEvent) -> None:
    assert_no_text(event, ID_FIELDS, TEXTS)


def test_audiences() -> None:
    by_name = [(e.name, told(e)) for e in EVENTS]
    proposer = {"deputy-1": "subject:deputy-1", "office-1": "subject:office-1"}
    assert by_name[0] == ("created", CONGRESS_ROLES)  # drafting: the congress only
    assert by_name[3] == ("item_proposed", CONGRESS_ROLES | {proposer["deputy-1"]})
    assert by_name[5] == ("proposal_declined", CONGRESS_ROLES | {proposer["office-1"]})
    assert by_name[6] == ("sent_for_consultation", CONGRESS_ROLES | DISCIPLINE_ROLES)
    assert by_name[8] == ("proposal_accepted", CONGRESS_ROLES | {proposer["deputy-1"]})  # not the consulted bodies
    approved_and_after = CONGRESS_ROLES | DISCIPLINE_ROLES | {"role:deputy"}  # deputies see the approved plan
    assert all(audience == approved_and_after for _, audience in by_name[9:])
    report = consulted(work_report(), Body.CONGRESS, Body.GOVERNMENT)
    report.approve(COMMISSION, ApprovePlan("全会审议通过"), NOW)
    assert told(report.events[-1]) == DISCIPLINE_ROLES | CONGRESS_ROLES | GOVERNMENT_ROLES  # no deputies: not theirs
    [created_event] = created().events
    for person, reached in [(CLERK, True), (LEADER, True), (DEPUTY, False), (COMMISSION, False), (OFFICE, False),
                            (TRANSPORT, False), (ADMIN, False), (COURT, False), (PROCURATORATE, False),
                            (EXPERT, False), (NOBODY, False)]:  # fmt: skip
        assert (not person.audience_selectors().isdisjoint(created_event.audience())) is reached, person.subject


# --- storage and contract -----------------------------------------------------------------------------------


def test_a_plan_survives_its_json_document() -> None:
    plan = plan_in(PS.APPROVED)
    plan.add_item(CLERK, AddItem(ELDERLY, "调整"), LATER)
    plan.unlink_work(CLERK, UnlinkWork(1, "关联错误"), LATER)
    adapter = TypeAdapter(Plan)
    back = adapter.validate_json(adapter.dump_json(plan, exclude={"events"}))
    assert {k: v for k, v in state_of(back).items() if k != "events"} == {
        k: v for k, v in state_of(plan).items() if k != "events"
    }
    assert back.events == [] and isinstance(back.items[0].content.form, Form)


COMMANDS = [c for c in vars(pc).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_commands_are_plain_and_documented(command: type) -> None:
    assert command.__doc__ and not command.__doc__.startswith(command.__name__ + "(")
    assert command.__dataclass_params__.frozen  # type: ignore[attr-defined]
    for hint in typing.get_type_hints(command).values():
        proto_field_type(hint)  # raises for a type the gRPC contract cannot carry
