"""Consultation request bodies refuse bad input before any gRPC call, with the consultation service's own limits
and choices; each body is its command field for field (less the number the path carries), so it becomes the
request message by name; the service's read models leave the gateway as the service wrote them.

The routes are driven in process with a recording stub in place of the service (and the caller's check in
place of a token): what reaches the stub is the message the contract expects, with the path's id and number in
it, and a refused body reaches nothing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from google.protobuf.message import Message
from pydantic import BaseModel

from services.consultation import (
    analyses,
    bulletins,
    consultation_commands,
    consultation_states,
    domain,
    meeting_commands,
    meetings,
    plan_commands,
    plan_items,
    plan_records,
    plan_states,
    plans,
)
from services.gateway import schemas_consultation as s
from services.gateway import schemas_consultation_meetings as m
from services.gateway.app import create_app
from services.gateway.deps import Caller, authenticate, consultation_stub
from services.gateway.routes.common import command, list_response
from tests.support import schema_checks
from wulian.consultation.v1 import consultation_pb2 as pb
from wulian.kit.principal import Principal
from wulian.kit.settings import Settings

SUBJECT = "1046b0ed-5441-54d8-8981-4d88f9d1e553"
ITEM: dict[str, Any] = {
    "topic": "中小企业促进法执法检查",
    "form": "law_enforcement_inspection",
    "lead": "财政经济委员会",
    "sources": ["committee", "deputies"],
    "quarter": 2,
    "description": "检查法律实施情况",
}
ATTENDEES = [{"body": "congress", "name": "刘副主任", "position": "副主任"}, {"body": "discipline", "name": "陈组长"}]
ACTION_ITEM: dict[str, Any] = {
    "title": "联合督办农村公路养护资金拨付",
    "owner_body": "government",
    "due_on": "2026-06-30",
}
MINUTES: dict[str, Any] = {
    "minutes": "会议通报了上半年监督工作情况",
    "attendees": ATTENDEES,
    "decisions": ["建立信息互通机制"],
    "action_items": [ACTION_ITEM],
}

GOOD: dict[type[BaseModel], dict[str, Any]] = {
    s.ItemInput: ITEM,
    s.CreatePlan: {"kind": "supervision_plan", "year": 2026, "title": "2026年度监督工作计划", "items": [ITEM]},
    s.AddItem: {"item": ITEM, "reason": ""},
    s.EditItem: {"item": ITEM | {"quarter": None, "month": 5}, "reason": "调整到五月"},
    s.RemoveItem: {"reason": "并入其他项目"},
    s.ProposeItem: {"item": ITEM | {"sources": []}, "reason": "群众反映集中"},
    s.AcceptProposal: {"reason": ""},
    s.DeclineProposal: {"reason": "已列入明年计划"},
    s.ApprovePlan: {"note": "经主任会议审议，报市委同意", "approved_on": "2026-02-20"},
    s.LinkWork: {"item_no": 1, "kind": "appraisal", "ref": "5d0c7e0e-8f1a-4c39", "title": "2026年度工作评议"},
    s.UnlinkWork: {"reason": "关联有误"},
    s.OpenConsultation: {
        "bodies": ["discipline", "government"],
        "reply_by": "2026-03-20",
        "plan_version": 2,
        "note": "请于3月20日前反馈",
    },
    s.CloseConsultation: {"note": "共收到意见 3 条"},
    s.GiveOpinion: {"text": "建议将整治群众身边不正之风纳入执法检查重点", "item_no": 1},
    s.RecordAdoption: {"decision": "partly_adopted", "reason": "专项治理另行安排"},
    m.ConveneMeeting: {
        "title": "2026年第一次联席会议",
        "held_at": "2026-03-10T09:00:00+08:00",
        "place": "市人大常委会",
        "bodies": ["congress", "discipline"],
        "agenda": ["通报年度监督计划"],
    },
    m.AttendeeEntry: ATTENDEES[0],
    m.ActionItemEntry: ACTION_ITEM,
    m.RecordMinutes: MINUTES,
    m.AmendMinutes: {"minutes": "会议纪要（修订）", "attendees": ATTENDEES, "reason": "补充出席人员职务"},
    m.CompleteActionItem: {"note": "资金已拨付"},
    m.CancelActionItem: {"reason": "并入其他事项"},
    m.CancelMeeting: {"reason": "会议延期"},
    m.IssueBulletin: {
        "kind": "inspection_tour",
        "title": "关于开展第三轮巡察的通报",
        "text": "巡察安排如下",
        "recipients": ["congress"],
    },
    m.WithdrawBulletin: {"reason": "内容有误"},
    m.OpenAnalysis: {"topic": "国有资产管理突出问题", "bodies": ["congress", "discipline"]},
    m.AddAnalysisNote: {"text": "审计发现的问题整改不到位"},
    m.ConcludeAnalysis: {"conclusions": ["联合督办整改"], "agreeing_bodies": ["congress", "discipline"]},
}

BAD: list[tuple[type[BaseModel], str, Any, str]] = [
    (s.ItemInput, "topic", "", "string_too_short"),
    (s.ItemInput, "topic", "题" * 201, "string_too_long"),
    (s.ItemInput, "form", "visit", "literal_error"),
    (s.ItemInput, "lead", "", "string_too_short"),
    (s.ItemInput, "lead", "委" * 51, "string_too_long"),
    (s.ItemInput, "sources", ["rumour"], "literal_error"),
    (s.ItemInput, "sources", ["other"] * 8, "too_long"),
    (s.ItemInput, "quarter", 0, "greater_than_equal"),
    (s.ItemInput, "quarter", 5, "less_than_equal"),
    (s.ItemInput, "quarter", "2", "int_type"),
    (s.ItemInput, "month", 13, "less_than_equal"),
    (s.ItemInput, "description", "长" * 2001, "string_too_long"),
    (s.CreatePlan, "kind", "annual_report", "literal_error"),
    (s.CreatePlan, "year", 1999, "greater_than_equal"),
    (s.CreatePlan, "year", "2026", "int_type"),
    (s.CreatePlan, "title", "", "string_too_short"),
    (s.CreatePlan, "items", [ITEM] * 201, "too_long"),
    (s.CreatePlan, "items", [ITEM | {"form": ""}], "literal_error"),
    (s.AddItem, "reason", "长" * 2001, "string_too_long"),
    (s.AddItem, "item", ITEM | {"extra": 1}, "extra_forbidden"),
    (s.EditItem, "item", ITEM | {"topic": ""}, "string_too_short"),
    (s.ProposeItem, "reason", "", "string_too_short"),
    (s.DeclineProposal, "reason", "", "string_too_short"),
    (s.ApprovePlan, "note", "", "string_too_short"),
    (s.ApprovePlan, "approved_on", "2026/02/20", "date_type"),
    (s.ApprovePlan, "approved_on", "2026-02-20T09:00:00+08:00", "date_type"),
    (s.LinkWork, "item_no", 0, "greater_than_equal"),
    (s.LinkWork, "item_no", 1_000_001, "less_than_equal"),
    (s.LinkWork, "kind", "meeting", "literal_error"),
    (s.LinkWork, "ref", "has space", "string_pattern_mismatch"),
    (s.LinkWork, "ref", "-starts-with-a-dash", "string_pattern_mismatch"),
    (s.LinkWork, "ref", "r" * 65, "string_too_long"),
    (s.LinkWork, "title", "题" * 201, "string_too_long"),
    (s.UnlinkWork, "reason", "", "string_too_short"),
    (s.OpenConsultation, "bodies", [], "too_short"),
    (s.OpenConsultation, "bodies", ["court"], "literal_error"),
    (s.OpenConsultation, "bodies", ["discipline"] * 4, "too_long"),
    (s.OpenConsultation, "reply_by", "3月20日", "date_type"),
    (s.OpenConsultation, "reply_by", None, "date_type"),
    (s.OpenConsultation, "plan_version", 0, "greater_than_equal"),
    (s.OpenConsultation, "note", "长" * 2001, "string_too_long"),
    (s.CloseConsultation, "note", "长" * 2001, "string_too_long"),
    (s.GiveOpinion, "text", "", "string_too_short"),
    (s.GiveOpinion, "text", "长" * 20001, "string_too_long"),
    (s.GiveOpinion, "item_no", -1, "greater_than_equal"),
    (s.RecordAdoption, "decision", "accepted", "literal_error"),
    (s.RecordAdoption, "reason", "长" * 2001, "string_too_long"),
    (m.ConveneMeeting, "title", "", "string_too_short"),
    (m.ConveneMeeting, "held_at", "2026-03-10T09:00:00", "timezone_aware"),
    (m.ConveneMeeting, "held_at", 1773104400, "datetime_type"),
    (m.ConveneMeeting, "place", "地" * 201, "string_too_long"),
    (m.ConveneMeeting, "bodies", ["congress"], "too_short"),
    (m.ConveneMeeting, "bodies", ["congress", "courts"], "literal_error"),
    (m.ConveneMeeting, "agenda", [], "too_short"),
    (m.ConveneMeeting, "agenda", ["议题"] * 201, "too_long"),
    (m.ConveneMeeting, "agenda", [""], "string_too_short"),
    (m.AttendeeEntry, "body", "press", "literal_error"),
    (m.AttendeeEntry, "name", "", "string_too_short"),
    (m.AttendeeEntry, "position", "职" * 51, "string_too_long"),
    (m.ActionItemEntry, "title", "", "string_too_short"),
    (m.ActionItemEntry, "owner_body", "transport", "literal_error"),
    (m.ActionItemEntry, "due_on", "", "date_type"),
    (m.RecordMinutes, "minutes", "", "string_too_short"),
    (m.RecordMinutes, "attendees", [], "too_short"),
    (m.RecordMinutes, "attendees", ATTENDEES[:1] * 201, "too_long"),
    (m.RecordMinutes, "decisions", ["决" * 2001], "string_too_long"),
    (m.RecordMinutes, "action_items", [ACTION_ITEM | {"due_on": 20260630}], "date_type"),
    (m.AmendMinutes, "reason", "", "string_too_short"),
    (m.CompleteActionItem, "note", "", "string_too_short"),
    (m.CancelActionItem, "reason", "", "string_too_short"),
    (m.CancelMeeting, "reason", "长" * 2001, "string_too_long"),
    (m.IssueBulletin, "kind", "gossip", "literal_error"),
    (m.IssueBulletin, "title", "", "string_too_short"),
    (m.IssueBulletin, "text", "长" * 20001, "string_too_long"),
    (m.IssueBulletin, "recipients", [], "too_short"),
    (m.WithdrawBulletin, "reason", "", "string_too_short"),
    (m.OpenAnalysis, "topic", "", "string_too_short"),
    (m.OpenAnalysis, "bodies", ["discipline"], "too_short"),
    (m.AddAnalysisNote, "text", "", "string_too_short"),
    (m.ConcludeAnalysis, "conclusions", [], "too_short"),
    (m.ConcludeAnalysis, "conclusions", ["结" * 2001], "string_too_long"),
    (m.ConcludeAnalysis, "agreeing_bodies", [], "too_short"),
]


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_good_input_is_accepted(model: type[BaseModel]) -> None:
    schema_checks.accepts(model, GOOD[model])


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_unknown_fields_are_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_unknown(model, GOOD[model], {"status": "approved"})


@pytest.mark.parametrize(("model", "field", "value", "type_"), BAD, ids=lambda v: getattr(v, "__name__", None))
def test_bad_input_is_refused_and_the_field_named(model: type[BaseModel], field: str, value: Any, type_: str) -> None:
    schema_checks.refuses(model, GOOD[model], field, value, type_)


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_a_missing_required_field_is_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_missing(model, GOOD[model])


def literal_values(literal: Any) -> list[str]:
    return [v for v in typing.get_args(literal) if isinstance(v, str)]


def test_the_limits_are_the_consultation_services() -> None:
    """The gateway repeats the service's limits (it may not import the service); this keeps them in step."""
    assert (s.TITLE_MAX, s.NAME_MAX, s.ID_MAX, s.TEXT_MAX, s.BODY_MAX, s.LIST_MAX, s.YEARS) == (
        domain.TITLE_MAX,
        domain.NAME_MAX,
        domain.ID_MAX,
        domain.TEXT_MAX,
        domain.BODY_MAX,
        domain.LIST_MAX,
        domain.YEARS,
    )
    assert (s.SOURCES_MAX, s.QUARTERS, s.MONTHS) == (plan_items.SOURCES_MAX, plan_items.QUARTERS, plan_items.MONTHS)
    assert s.NUMBERS == plans.NUMBERS
    assert len(domain.Body) == s.BODIES_MAX


def test_a_works_id_is_what_the_plan_takes() -> None:
    """``LinkWork.ref``: the gateway's pattern and length refuse what ``plan_records.WORK_REF`` refuses."""
    for ref in ("5d0c7e0e-8f1a-4c39", "appraisal:2026/1#3", "A.b_c", "r" * 64, "-x", "x y", "中文", "r" * 65, ""):
        gateway = bool(re.fullmatch(s.WORK_REF_PATTERN, ref)) and len(ref) <= s.ID_MAX
        assert gateway is bool(plan_records.WORK_REF.fullmatch(ref)), ref


def test_the_choices_are_the_consultation_services() -> None:
    choices = {
        s.BodyName: domain.Body,
        s.PlanKind: plan_records.PlanKind,
        s.PlanStatus: plan_states.PlanStatus,
        s.Form: plan_items.Form,
        s.ItemSource: plan_items.ItemSource,
        s.WorkKind: plan_records.WorkKind,
        s.ConsultationStatus: consultation_states.ConsultationStatus,
        s.OpinionStatus: consultation_states.OpinionStatus,
        s.Decision: consultation_states.Decision,
        m.MeetingStatus: meetings.MeetingStatus,
        m.BulletinKind: bulletins.BulletinKind,
        m.BulletinStatus: bulletins.BulletinStatus,
        m.AnalysisStatus: analyses.AnalysisStatus,
    }
    for literal, enum in choices.items():
        assert literal_values(literal) == [member.value for member in enum], enum.__name__


# --- bodies and commands: the same fields, by name (less the number in the path) -----------------------------

COMMANDS: dict[type[BaseModel], tuple[type, str]] = {
    s.ItemInput: (plan_commands.ItemInput, ""),
    s.CreatePlan: (plan_commands.CreatePlan, ""),
    s.AddItem: (plan_commands.AddItem, ""),
    s.EditItem: (plan_commands.EditItem, "item_no"),
    s.RemoveItem: (plan_commands.RemoveItem, "item_no"),
    s.ProposeItem: (plan_commands.ProposeItem, ""),
    s.AcceptProposal: (plan_commands.AcceptProposal, "proposal_no"),
    s.DeclineProposal: (plan_commands.DeclineProposal, "proposal_no"),
    s.ApprovePlan: (plan_commands.ApprovePlan, ""),
    s.LinkWork: (plan_commands.LinkWork, ""),
    s.UnlinkWork: (plan_commands.UnlinkWork, "link_no"),
    s.OpenConsultation: (consultation_commands.OpenConsultation, ""),
    s.CloseConsultation: (consultation_commands.CloseConsultation, ""),
    s.GiveOpinion: (consultation_commands.GiveOpinion, ""),
    s.RecordAdoption: (consultation_commands.RecordAdoption, ""),
    m.ConveneMeeting: (meeting_commands.ConveneMeeting, ""),
    m.AttendeeEntry: (meeting_commands.AttendeeEntry, ""),
    m.ActionItemEntry: (meeting_commands.ActionItemEntry, ""),
    m.RecordMinutes: (meeting_commands.RecordMinutes, ""),
    m.AmendMinutes: (meeting_commands.AmendMinutes, ""),
    m.CompleteActionItem: (meeting_commands.CompleteActionItem, "no"),
    m.CancelActionItem: (meeting_commands.CancelActionItem, "no"),
    m.CancelMeeting: (meeting_commands.CancelMeeting, ""),
    m.IssueBulletin: (bulletins.IssueBulletin, ""),
    m.WithdrawBulletin: (bulletins.WithdrawBulletin, ""),
    m.OpenAnalysis: (analyses.OpenAnalysis, ""),
    m.AddAnalysisNote: (analyses.AddAnalysisNote, ""),
    m.ConcludeAnalysis: (analyses.ConcludeAnalysis, ""),
}


@pytest.mark.parametrize("model", list(COMMANDS), ids=lambda m: m.__name__)
def test_each_body_has_its_commands_fields(model: type[BaseModel]) -> None:
    """The body's fields are the command's (and so the contract's message's, written from it), but for the
    number the route takes from the path."""
    dataclass, from_path = COMMANDS[model]
    names = [f.name for f in dataclasses.fields(dataclass)]
    assert set(model.model_fields) == set(names) - {from_path}, dataclass.__name__
    message = getattr(pb, dataclass.__name__)
    assert set(names) == set(message.DESCRIPTOR.fields_by_name)


def test_every_command_has_its_body() -> None:
    """Every command of the contract reaches the gateway: by its body, or as the one object it wraps (an action
    item), or by the path alone (closing a meeting, acknowledging a bulletin)."""
    modules = (plan_commands, consultation_commands, meeting_commands, bulletins, analyses)
    commands = {c for module in modules for c in vars(module).values() if hasattr(pb, getattr(c, "__name__", ""))}
    commands = {c for c in commands if dataclasses.is_dataclass(c) and c.__module__.startswith("services.")}
    assert commands - {dataclass for dataclass, _ in COMMANDS.values()} == {meeting_commands.AddActionItem}


def test_optional_fields_have_the_services_defaults() -> None:
    """A field the clerk leaves out takes the value the command's dataclass would give it."""
    for model, (dataclass, _) in COMMANDS.items():
        for f in dataclasses.fields(dataclass):
            if f.default is not dataclasses.MISSING and f.name in model.model_fields:
                assert model.model_fields[f.name].get_default(call_default_factory=True) in (f.default, []), f.name
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                assert f.name not in model.model_fields or model.model_fields[f.name].is_required(), f.name


@pytest.mark.parametrize("model", list(COMMANDS), ids=lambda m: m.__name__)
def test_each_good_body_becomes_its_message(model: type[BaseModel]) -> None:
    dataclass, from_path = COMMANDS[model]
    numbers = {from_path: 3} if from_path else None
    message = command(getattr(pb, dataclass.__name__), model.model_validate(GOOD[model]), into="", numbers=numbers)
    assert message.ListFields()
    if from_path:
        assert getattr(message, from_path) == 3


def test_days_times_numbers_and_absent_values_in_the_message() -> None:
    meeting = command(pb.ConveneMeeting, m.ConveneMeeting.model_validate(GOOD[m.ConveneMeeting]), into="")
    assert meeting.held_at.ToDatetime(UTC) == datetime(2026, 3, 10, 1, 0, tzinfo=UTC)
    minutes = command(pb.RecordMinutesRequest, m.RecordMinutes.model_validate(MINUTES), id="m-1")
    assert (minutes.id, minutes.command.action_items[0].due_on) == ("m-1", "2026-06-30")
    assert [a.position for a in minutes.command.attendees] == ["副主任", ""]
    edit = command(pb.EditItemRequest, s.EditItem.model_validate(GOOD[s.EditItem]), numbers={"item_no": 4}, id="p-1")
    assert (edit.id, edit.command.item_no, edit.command.item.month) == ("p-1", 4, 5)
    assert not edit.command.item.HasField("quarter")
    asked = s.OpenConsultation.model_validate({"bodies": ["discipline"], "reply_by": "2026-03-20"})
    ask = command(pb.OpenConsultationRequest, asked, id="p")
    assert (ask.command.reply_by, ask.command.HasField("plan_version"), ask.command.note) == ("2026-03-20", False, "")
    general = command(pb.GiveOpinion, s.GiveOpinion.model_validate({"text": "无意见"}), into="")
    assert not general.HasField("item_no")
    approval = command(pb.ApprovePlan, s.ApprovePlan.model_validate({"note": "同意"}), into="")
    assert approval.approved_on == ""  # the service reads "" as today
    item = command(pb.AddActionItemRequest, m.ActionItemEntry.model_validate(ACTION_ITEM), into="command.item", id="m")
    assert (item.command.item.owner_body, item.command.item.due_on) == ("government", "2026-06-30")


# --- answers ----------------------------------------------------------------------------------------------


def test_a_list_carries_the_services_text() -> None:
    items = ['{"id": "a", "title": "通报"}', '{"id": "b"}']
    body = list_response(pb.ListResponse(items=items, next_page_token="20", total=41, counts={"issued": 40})).body
    assert json.loads(body) == {
        "items": [json.loads(i) for i in items],
        "next_page_token": "20",
        "total": 41,
        "counts": {"issued": 40},
    }
    assert all(item.encode() in body for item in items)


# --- the routes, in process, with a recording stub -----------------------------------------------------------


DOCUMENT = '{"id": "x-1", "status_label": "起草中", "rate": 87.50}'


class RecordingStub:
    """Every RPC answers a document (or a list) and records the request it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Message]] = []

    def __getattr__(self, rpc: str) -> Any:
        async def call(request: Message, metadata: Any = None) -> Message:
            self.calls.append((rpc, request))
            if rpc.startswith("List"):
                return pb.ListResponse(total=0, counts={"drafting": 1})
            return pb.Document(id="x-1", version=1, json=DOCUMENT)

        return call


@pytest.fixture
def client_and_stub() -> tuple[TestClient, RecordingStub]:
    stub = RecordingStub()
    app = create_app(Settings(env="test"))
    principal = Principal(SUBJECT, "联络员", "congress", frozenset({"congress_clerk"}), "congress")
    app.dependency_overrides[authenticate] = lambda: Caller(principal=principal, token="t")
    app.dependency_overrides[consultation_stub] = lambda: stub
    return TestClient(app), stub


# method, path under /api/v1, body, the RPC it reaches, the status, the number the path puts into the command
ROUTES: list[tuple[str, str, dict[str, Any] | None, str, int, tuple[str, int] | None]] = [
    ("POST", "/plans", GOOD[s.CreatePlan], "CreatePlan", 201, None),
    ("GET", "/plans", None, "ListPlans", 200, None),
    ("GET", "/plans/p-1", None, "GetPlan", 200, None),
    ("POST", "/plans/p-1/items", GOOD[s.AddItem], "AddPlanItem", 201, None),
    ("PATCH", "/plans/p-1/items/4", GOOD[s.EditItem], "EditPlanItem", 200, ("item_no", 4)),
    ("POST", "/plans/p-1/items/4/remove", GOOD[s.RemoveItem], "RemovePlanItem", 200, ("item_no", 4)),
    ("POST", "/plans/p-1/proposals", GOOD[s.ProposeItem], "ProposePlanItem", 201, None),
    ("POST", "/plans/p-1/proposals/2/accept", GOOD[s.AcceptProposal], "AcceptProposal", 200, ("proposal_no", 2)),
    ("POST", "/plans/p-1/proposals/2/decline", GOOD[s.DeclineProposal], "DeclineProposal", 200, ("proposal_no", 2)),
    ("POST", "/plans/p-1/approval", GOOD[s.ApprovePlan], "ApprovePlan", 200, None),
    ("POST", "/plans/p-1/links", GOOD[s.LinkWork], "LinkWork", 201, None),
    ("POST", "/plans/p-1/links/7/remove", GOOD[s.UnlinkWork], "UnlinkWork", 200, ("link_no", 7)),
    ("POST", "/plans/p-1/consultations", GOOD[s.OpenConsultation], "OpenConsultation", 201, None),
    ("GET", "/consultations", None, "ListConsultations", 200, None),
    ("GET", "/consultations/c-1", None, "GetConsultation", 200, None),
    ("POST", "/consultations/c-1/close", GOOD[s.CloseConsultation], "CloseConsultation", 200, None),
    ("POST", "/consultations/c-1/opinions", GOOD[s.GiveOpinion], "GiveOpinion", 201, None),
    ("GET", "/opinions", None, "ListOpinions", 200, None),
    ("GET", "/opinions/o-1", None, "GetOpinion", 200, None),
    ("POST", "/opinions/o-1/adoption", GOOD[s.RecordAdoption], "RecordAdoption", 200, None),
    ("POST", "/meetings", GOOD[m.ConveneMeeting], "ConveneMeeting", 201, None),
    ("GET", "/meetings", None, "ListMeetings", 200, None),
    ("GET", "/meetings/m-1", None, "GetMeeting", 200, None),
    ("POST", "/meetings/m-1/minutes", MINUTES, "RecordMinutes", 200, None),
    ("PATCH", "/meetings/m-1/minutes", GOOD[m.AmendMinutes], "AmendMinutes", 200, None),
    ("POST", "/meetings/m-1/action-items", ACTION_ITEM, "AddActionItem", 201, None),
    (
        "POST",
        "/meetings/m-1/action-items/2/complete",
        GOOD[m.CompleteActionItem],
        "CompleteActionItem",
        200,
        ("no", 2),
    ),
    ("POST", "/meetings/m-1/action-items/2/cancel", GOOD[m.CancelActionItem], "CancelActionItem", 200, ("no", 2)),
    ("POST", "/meetings/m-1/close", None, "CloseMeeting", 200, None),
    ("POST", "/meetings/m-1/cancel", GOOD[m.CancelMeeting], "CancelMeeting", 200, None),
    ("POST", "/bulletins", GOOD[m.IssueBulletin], "IssueBulletin", 201, None),
    ("GET", "/bulletins", None, "ListBulletins", 200, None),
    ("GET", "/bulletins/b-1", None, "GetBulletin", 200, None),
    ("POST", "/bulletins/b-1/acknowledge", None, "AcknowledgeBulletin", 200, None),
    ("POST", "/bulletins/b-1/withdraw", GOOD[m.WithdrawBulletin], "WithdrawBulletin", 200, None),
    ("POST", "/analyses", GOOD[m.OpenAnalysis], "OpenAnalysis", 201, None),
    ("GET", "/analyses", None, "ListAnalyses", 200, None),
    ("GET", "/analyses/a-1", None, "GetAnalysis", 200, None),
    ("POST", "/analyses/a-1/notes", GOOD[m.AddAnalysisNote], "AddAnalysisNote", 201, None),
    ("POST", "/analyses/a-1/conclusion", GOOD[m.ConcludeAnalysis], "ConcludeAnalysis", 200, None),
]


def test_the_table_has_every_consultation_route() -> None:
    paths = create_app(Settings(env="test")).openapi()["paths"]
    prefixes = tuple(
        f"/api/v1/{p}" for p in ("plans", "consultations", "opinions", "meetings", "bulletins", "analyses")
    )
    operations = {(method.upper(), path) for path, ops in paths.items() for method in ops if path.startswith(prefixes)}
    assert len(operations) == len(ROUTES) == 40
    assert {rpc for *_, rpc, _, _ in ROUTES} == set(
        pb.DESCRIPTOR.services_by_name["ConsultationService"].methods_by_name
    )


@pytest.mark.parametrize(("method", "path", "body", "rpc", "status", "number"), ROUTES, ids=lambda v: str(v)[:40])
def test_each_route_reaches_its_rpc(
    client_and_stub: tuple[TestClient, RecordingStub],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    rpc: str,
    status: int,
    number: tuple[str, int] | None,
) -> None:
    """An object's id travels with its command, the number of its part in the command; the answer is the
    service's JSON, unchanged."""
    client, stub = client_and_stub
    response = client.request(method, f"/api/v1{path}", json=body)
    assert response.status_code == status, response.text
    [(called, request)] = stub.calls
    assert called == rpc
    if "id" in request.DESCRIPTOR.fields_by_name:
        assert request.id in path.split("/")
    if number is not None:
        name, value = number
        assert getattr(request.command, name) == value  # type: ignore[attr-defined]
    if not rpc.startswith("List"):
        assert response.content == DOCUMENT.encode()


def test_bad_input_is_refused_before_any_call(client_and_stub: tuple[TestClient, RecordingStub]) -> None:
    client, stub = client_and_stub
    refusals = [
        ("POST", "/plans", GOOD[s.CreatePlan] | {"year": 1999}),
        ("POST", "/plans/p-1/items", {"item": ITEM | {"quarter": 5}}),
        ("PATCH", "/plans/p-1/items/0", GOOD[s.EditItem]),
        ("PATCH", "/plans/p-1/items/first", GOOD[s.EditItem]),
        ("POST", "/plans/p-1/items/1/remove", {"reason": "理由", "item_no": 2}),  # the path names the item
        ("POST", "/plans/p-1/proposals/1/decline", {}),
        ("POST", "/plans/p-1/links", GOOD[s.LinkWork] | {"ref": "not a ref"}),
        ("POST", "/plans/p-1/consultations", {"bodies": ["courts"], "reply_by": "2026-03-20"}),
        ("POST", "/consultations/c-1/opinions", {"text": ""}),
        ("POST", "/opinions/o-1/adoption", {"decision": "maybe"}),
        ("POST", "/meetings", GOOD[m.ConveneMeeting] | {"held_at": "2026-03-10 09:00"}),
        ("POST", "/meetings/m-1/action-items", ACTION_ITEM | {"due_on": "六月底"}),
        ("POST", "/meetings/m-1/action-items/201/complete", GOOD[m.CompleteActionItem]),
        ("POST", "/bulletins", GOOD[m.IssueBulletin] | {"recipients": []}),
        ("POST", "/analyses/a-1/conclusion", {"conclusions": [], "agreeing_bodies": ["congress"]}),
        ("GET", "/plans?year=1900", None),
        ("GET", "/plans?owner=court", None),
        ("GET", "/bulletins?unread=maybe", None),
        ("GET", "/opinions?plan_id=has space", None),
        ("GET", "/meetings/has space", None),
    ]
    for method, path, body in refusals:
        response = client.request(method, f"/api/v1{path}", json=body)
        assert response.status_code == 422, (path, response.text)
        error = response.json()["error"]
        assert error["code"] == "invalid_argument" and error["message"] == "请求内容未通过校验"
    assert stub.calls == []


def test_filters_go_as_text_and_only_those_given(client_and_stub: tuple[TestClient, RecordingStub]) -> None:
    client, stub = client_and_stub
    client.get("/api/v1/plans", params={"year": 2026, "kind": "work_report", "owner": "discipline", "page_size": 5})
    client.get("/api/v1/plans", params={"status": "approved"})
    client.get("/api/v1/consultations", params={"plan_id": "p-1", "status": "open"})
    client.get("/api/v1/opinions", params={"consultation_id": "c-1", "plan_id": "", "status": "awaiting"})
    client.get("/api/v1/bulletins", params={"unread": "true", "kind": "inspection_tour"})
    client.get("/api/v1/bulletins", params={"unread": "false"})
    client.get("/api/v1/meetings", params={"status": "held"})
    client.get("/api/v1/analyses")
    requests = [request for _, request in stub.calls]
    assert [dict(r.filters) for r in requests] == [  # type: ignore[attr-defined]
        {"year": "2026", "kind": "work_report", "owner": "discipline"},
        {"status": "approved"},
        {"plan_id": "p-1", "status": "open"},
        {"consultation_id": "c-1", "status": "awaiting"},
        {"unread": "true", "kind": "inspection_tour"},
        {},
        {"status": "held"},
        {},
    ]
    assert requests[0].page_size == 5  # type: ignore[attr-defined]
