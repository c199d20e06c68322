"""Evaluation request bodies refuse bad input before any gRPC call, with the evaluation service's own limits and
choices; each body is its command field for field, so it becomes the request message by name; the service's
read models leave the gateway as the service wrote them.

The routes are driven in process with a recording stub in place of the service (and the caller's check in
place of a token): what reaches the stub is the message the contract expects, and a refused body reaches
nothing.
"""

from __future__ import annotations

import dataclasses
import io
import json
import typing
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from google.protobuf.message import Message
from openpyxl import load_workbook
from pydantic import BaseModel, ValidationError

from services.evaluation import (
    appraisals,
    ballots,
    domain,
    project_commands,
    project_states,
    project_values,
    project_votes,
    projects,
    rectification_clock,
    rectification_commands,
    rectification_vocabulary,
    rectifications,
)
from services.gateway import schemas_evaluation as s
from services.gateway import schemas_evaluation_projects as p
from services.gateway.app import create_app
from services.gateway.deps import Caller, authenticate, evaluation_stub
from services.gateway.routes.common import document_response, list_response
from services.gateway.routes.evaluation_common import command
from services.gateway.schemas_evaluation import sheets_response
from tests.support import schema_checks
from wulian.evaluation.v1 import evaluation_pb2 as pb
from wulian.kit.principal import Principal
from wulian.kit.settings import Settings

SUBJECT = "1046b0ed-5441-54d8-8981-4d88f9d1e553"
ID = "5d0c7e0e-8f1a-4c39-9d53-0a5b0f1f2c11"
VOTERS = [f"deputy-{n}" for n in range(3)]
PLAN: dict[str, Any] = {
    "year": 2026,
    "name": "2026 年度政府工作部门满意度评议",
    "departments": [{"unit": "transport", "name": "市交通运输局"}, {"unit": "housing", "name": "市住房和城乡建设局"}],
    "teams": [
        {
            "name": "第一评议调研组",
            "leader_subject": SUBJECT,
            "leader_name": "刘副主任",
            "member_subjects": VOTERS[:2],
            "units": ["transport", "housing"],
        }
    ],
}
SESSION: dict[str, Any] = {
    "title": "2026 年民生实事项目满意度测评",
    "purpose": "project_satisfaction",
    "subject_kind": "project",
    "subjects": [{"ref": ID, "name": "农村公路提档升级"}],
    "mode": "score",
    "electorate": VOTERS,
    "campaign_id": "",
    "threshold_percent": 60,
    "closes_at": "2026-12-20T12:00:00+08:00",
}
CONTENT: dict[str, Any] = {
    "unit": "transport",
    "unit_name": "市交通运输局",
    "problem": "农村公路养护资金拨付滞后",
    "required_measures": "三个月内完成拨付",
    "unit_kind": "department",
    "months": 3,
}
DETAILS: dict[str, Any] = {
    "title": "农村公路提档升级",
    "description": "完成农村公路提档升级 600 公里",
    "department_unit": "transport",
    "department_name": "市交通运输局",
    "source": "deputies",
    "targets": [
        {
            "name": "农村公路提档升级",
            "unit": "公里",
            "planned": 600,
            "milestones": [{"due": "2026-03-31", "step": "完成招标"}, {"due": "2026-06-30", "quantity": "300"}],
        }
    ],
}

GOOD: dict[type[BaseModel], dict[str, Any]] = {
    s.CampaignPlan: PLAN,
    s.FileReference: {"unit": "transport", "kind": "inspection_tour", "text": "巡察发现工程招标管理不规范"},
    s.RecordActivity: {
        "unit": "transport",
        "kind": "opinions",
        "held_on": "2026-04-01",
        "summary": "召开服务对象座谈会",
        "findings": ["审批时限偏长"],
        "opinion_group": "service_objects",
        "station_present": True,
    },
    s.AppraisalBallot: {"title": "满意度测评", "electorate": VOTERS, "mode": "grades", "threshold_percent": 60},
    s.CampaignCancellation: {"reason": "机构改革"},
    s.SessionPlan: SESSION,
    s.CastBallot: {"marks": [{"ref": "transport", "grade": "satisfied"}, {"ref": "housing", "score": 85}]},
    s.SessionCancellation: {"reason": "会议延期"},
    s.ItemContent: CONTENT,
    s.RaiseItem: {"source": "appraisal", "source_ref": f"appraisal:{ID}", "content": CONTENT},
    s.ItemWithdrawal: {"reason": "重复交办"},
    s.DeclarePlan: {
        "measures": "专项督办资金拨付",
        "leader": "王局长",
        "person": "李科长",
        "target": "六月底前拨付到位",
    },
    s.ReportRectification: {"kind": "final", "text": "资金已全部拨付", "measures_taken": "建立月度拨付台账"},
    s.CloseOutItem: {"grade": "dissatisfied", "note": "养护质量仍不达标", "due_on": "2026-09-30"},
    s.AddFollowUp: {"note": "回头看未发现反弹", "relapsed": False},
    p.AddCandidate: {"year": 2026, "details": DETAILS},
    p.CandidateDetails: DETAILS,
    p.CandidateWithdrawal: {"reason": "并入其他项目"},
    p.CreateVote: {"year": 2026, "places": 13, "electorate": VOTERS},
    p.EditVote: {"places": 13, "electorate": VOTERS},
    p.CreateRunoff: {"electorate": VOTERS},
    p.CastPicks: {"candidate_ids": [ID]},
    p.VoteCancellation: {"reason": "会议延期"},
    p.ReportProgress: {
        "target_index": 0,
        "achieved": "312.5",
        "as_of": "2026-07-01",
        "text": "已完成 312.5 公里",
        "steps_reached": [0],
    },
    p.RecordInspection: {
        "held_on": "2026-08-15",
        "participants": [{"body": "congress", "name": "刘副主任"}, {"body": "discipline", "name": "陈组长"}],
        "notes": "实地察看三个标段",
        "problems": [{"problem": "部分路段排水沟未完工", "measures": "限期完工", "unit": ""}],
    },
    p.LinkSatisfactionSession: {"session_id": ID},
}

BAD: list[tuple[type[BaseModel], str, Any, str]] = [
    (s.CampaignPlan, "year", 1999, "greater_than_equal"),
    (s.CampaignPlan, "year", "2026", "int_type"),
    (s.CampaignPlan, "name", "", "string_too_short"),
    (s.CampaignPlan, "name", "名" * 101, "string_too_long"),
    (s.CampaignPlan, "departments", [], "too_short"),
    (s.CampaignPlan, "departments", [{"unit": "u", "name": "部"}] * 201, "too_long"),
    (s.CampaignPlan, "departments", [{"unit": "two words", "name": "部"}], "string_pattern_mismatch"),
    (s.CampaignPlan, "departments", [{"unit": "u" * 65, "name": "部"}], "string_too_long"),
    (s.CampaignPlan, "teams", [PLAN["teams"][0]] * 21, "too_long"),
    (s.CampaignPlan, "teams", [PLAN["teams"][0] | {"units": []}], "too_short"),
    (s.CampaignPlan, "teams", [PLAN["teams"][0] | {"member_subjects": ["m"] * 51}], "too_long"),
    (s.CampaignPlan, "teams", [PLAN["teams"][0] | {"leader_subject": ""}], "string_too_short"),
    (s.FileReference, "kind", "rumour", "literal_error"),
    (s.FileReference, "text", "", "string_too_short"),
    (s.FileReference, "text", "长" * 5001, "string_too_long"),
    (s.RecordActivity, "kind", "dinner", "literal_error"),
    (s.RecordActivity, "held_on", "2026/04/01", "date_type"),
    (s.RecordActivity, "held_on", "2026-04-01T09:00:00+08:00", "date_type"),
    (s.RecordActivity, "held_on", 20260401, "date_type"),
    (s.RecordActivity, "summary", "", "string_too_short"),
    (s.RecordActivity, "findings", ["问题"] * 51, "too_long"),
    (s.RecordActivity, "findings", [""], "string_too_short"),
    (s.RecordActivity, "opinion_group", "friends", "literal_error"),
    (s.RecordActivity, "station_present", "yes", "bool_type"),
    (s.AppraisalBallot, "title", "", "string_too_short"),
    (s.AppraisalBallot, "electorate", VOTERS[:2], "too_short"),
    (s.AppraisalBallot, "electorate", ["d"] * 2001, "too_long"),
    (s.AppraisalBallot, "electorate", ["two words", "b", "c"], "string_pattern_mismatch"),
    (s.AppraisalBallot, "mode", "thumbs", "literal_error"),
    (s.AppraisalBallot, "threshold_percent", 101, "less_than_equal"),
    (s.AppraisalBallot, "closes_at", "2026-12-20T12:00:00", "timezone_aware"),
    (s.AppraisalBallot, "closes_at", 1797000000, "datetime_type"),
    (s.CampaignCancellation, "reason", "", "string_too_short"),
    (s.CampaignCancellation, "reason", "长" * 2001, "string_too_long"),
    (s.SessionPlan, "purpose", "fun", "literal_error"),
    (s.SessionPlan, "subject_kind", "person", "literal_error"),
    (s.SessionPlan, "subjects", [], "too_short"),
    (s.SessionPlan, "subjects", [{"ref": "r", "name": "n"}] * 201, "too_long"),
    (s.SessionPlan, "subjects", [{"ref": "", "name": "n"}], "string_too_short"),
    (s.SessionPlan, "campaign_id", "not an id", "string_pattern_mismatch"),
    (s.CastBallot, "marks", [], "too_short"),
    (s.CastBallot, "marks", [{"ref": "transport", "grade": "great"}], "literal_error"),
    (s.CastBallot, "marks", [{"ref": "transport", "score": 101}], "less_than_equal"),
    (s.CastBallot, "marks", [{"ref": "transport", "score": "85"}], "int_type"),
    (s.SessionCancellation, "reason", "", "string_too_short"),
    (s.ItemContent, "unit", "", "string_too_short"),
    (s.ItemContent, "unit", "_transport", "string_pattern_mismatch"),
    (s.ItemContent, "unit", "u" * 65, "string_too_long"),
    (s.ItemContent, "unit_name", "名" * 101, "string_too_long"),
    (s.ItemContent, "problem", "", "string_too_short"),
    (s.ItemContent, "required_measures", "长" * 5001, "string_too_long"),
    (s.ItemContent, "unit_kind", "school", "literal_error"),
    (s.ItemContent, "months", 0, "greater_than_equal"),
    (s.ItemContent, "months", 25, "less_than_equal"),
    (s.ItemContent, "due_on", "30/09/2026", "date_type"),
    (s.RaiseItem, "source", "rumour", "literal_error"),
    (s.RaiseItem, "source_ref", "has space", "string_pattern_mismatch"),
    (s.RaiseItem, "source_ref", "r" * 201, "string_too_long"),
    (s.RaiseItem, "content", CONTENT | {"problem": ""}, "string_too_short"),
    (s.ItemWithdrawal, "reason", "", "string_too_short"),
    (s.DeclarePlan, "measures", "", "string_too_short"),
    (s.DeclarePlan, "leader", "名" * 101, "string_too_long"),
    (s.DeclarePlan, "person", "", "string_too_short"),
    (s.DeclarePlan, "target", "长" * 5001, "string_too_long"),
    (s.ReportRectification, "kind", "interim", "literal_error"),
    (s.ReportRectification, "text", "", "string_too_short"),
    (s.ReportRectification, "measures_taken", "长" * 5001, "string_too_long"),
    (s.CloseOutItem, "grade", "fine", "literal_error"),
    (s.CloseOutItem, "note", "长" * 2001, "string_too_long"),
    (s.CloseOutItem, "months", 25, "less_than_equal"),
    (s.AddFollowUp, "note", "", "string_too_short"),
    (s.AddFollowUp, "relapsed", "no", "bool_type"),
    (p.AddCandidate, "year", 2101, "less_than_equal"),
    (p.AddCandidate, "details", DETAILS | {"targets": []}, "too_short"),
    (p.CandidateDetails, "title", "", "string_too_short"),
    (p.CandidateDetails, "description", "长" * 5001, "string_too_long"),
    (p.CandidateDetails, "department_unit", "two words", "string_pattern_mismatch"),
    (p.CandidateDetails, "source", "lottery", "literal_error"),
    (p.CandidateDetails, "targets", DETAILS["targets"] * 21, "too_long"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"planned": "六百"}], "value_error"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"planned": -1}], "value_error"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"planned": 1e10}], "value_error"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"planned": "1.23456"}], "value_error"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"planned": True}], "value_error"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"unit": "公" * 11}], "string_too_long"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"milestones": [{"due": "2026-06-30"}] * 25}], "too_long"),
    (p.CandidateDetails, "targets", [DETAILS["targets"][0] | {"milestones": [{"due": "六月"}]}], "date_type"),
    (p.CandidateWithdrawal, "reason", "", "string_too_short"),
    (p.CreateVote, "year", 1999, "greater_than_equal"),
    (p.CreateVote, "places", 0, "greater_than_equal"),
    (p.CreateVote, "places", 101, "less_than_equal"),
    (p.CreateVote, "electorate", [], "too_short"),
    (p.EditVote, "electorate", ["a b"], "string_pattern_mismatch"),
    (p.CreateRunoff, "electorate", ["d"] * 2001, "too_long"),
    (p.CastPicks, "candidate_ids", [], "too_short"),
    (p.CastPicks, "candidate_ids", ["not an id"], "string_pattern_mismatch"),
    (p.CastPicks, "candidate_ids", [ID] * 101, "too_long"),
    (p.VoteCancellation, "reason", "长" * 2001, "string_too_long"),
    (p.ReportProgress, "target_index", -1, "greater_than_equal"),
    (p.ReportProgress, "target_index", 20, "less_than_equal"),
    (p.ReportProgress, "achieved", "许多", "value_error"),
    (p.ReportProgress, "as_of", "", "date_type"),
    (p.ReportProgress, "text", "", "string_too_short"),
    (p.ReportProgress, "steps_reached", [24], "less_than_equal"),
    (p.RecordInspection, "held_on", None, "date_type"),
    (p.RecordInspection, "participants", [], "too_short"),
    (p.RecordInspection, "participants", [{"body": "press", "name": "记者"}], "literal_error"),
    (p.RecordInspection, "notes", "", "string_too_short"),
    (p.RecordInspection, "problems", [{"problem": "p", "measures": "m"}] * 51, "too_long"),
    (p.RecordInspection, "problems", [{"problem": "p", "measures": "m", "unit": "a b"}], "string_pattern_mismatch"),
    (p.LinkSatisfactionSession, "session_id", "", "string_too_short"),
]


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_good_input_is_accepted(model: type[BaseModel]) -> None:
    schema_checks.accepts(model, GOOD[model])


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_unknown_fields_are_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_unknown(model, GOOD[model], {"status": "closed"})


@pytest.mark.parametrize(("model", "field", "value", "type_"), BAD, ids=lambda v: getattr(v, "__name__", None))
def test_bad_input_is_refused_and_the_field_named(model: type[BaseModel], field: str, value: Any, type_: str) -> None:
    schema_checks.refuses(model, GOOD[model], field, value, type_)


@pytest.mark.parametrize("model", list(GOOD), ids=lambda m: m.__name__)
def test_a_missing_required_field_is_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_missing(model, GOOD[model])


def test_optional_fields_have_the_services_defaults() -> None:
    """A field the clerk leaves out takes the value the command's dataclass would give it."""
    for model, dataclass in COMMANDS.items():
        for f in dataclasses.fields(dataclass):
            if f.default is not dataclasses.MISSING and f.name in model.model_fields:
                assert model.model_fields[f.name].get_default(call_default_factory=True) in (f.default, []), f.name
    assert s.Mark.model_validate({"ref": "transport"}).model_dump() == {"ref": "transport", "grade": "", "score": None}
    assert p.MilestoneInput.model_validate({"due": "2026-12-31", "quantity": ""}).quantity is None
    assert p.ProblemInput.model_validate({"problem": "p", "measures": "m"}).unit == ""
    assert s.CampaignPlan.model_validate(PLAN | {"teams": []}).teams == []


def test_quantities_travel_as_decimal_text() -> None:
    """Numbers and numeric text alike reach the service as the decimal text the contract carries."""
    target = DETAILS["targets"][0]
    for given, sent in ((600, "600"), (12.5, "12.5"), ("6256", "6256"), (1e-4, "0.0001"), (10**9, "1000000000")):
        assert p.TargetInput.model_validate(target | {"planned": given}).planned == sent
    for too_fine in (1e-5, "0.00001", "1e3", " 600"):
        with pytest.raises(ValidationError):
            p.TargetInput.model_validate(target | {"planned": too_fine})
    assert p.MilestoneInput.model_validate({"due": "2026-06-30", "quantity": 300}).quantity == "300"


def literal_values(literal: Any) -> list[str]:
    return [v for v in typing.get_args(literal) if isinstance(v, str)]


def test_the_limits_are_the_evaluation_services() -> None:
    """The gateway repeats the service's limits (it may not import the service); this keeps them in step."""
    assert (s.NAME_MAX, s.ORG_UNIT_MAX, s.ID_MAX, s.TEXT_MAX, s.BODY_MAX) == (
        domain.NAME_MAX,
        domain.ORG_UNIT_MAX,
        domain.ID_MAX,
        domain.TEXT_MAX,
        domain.BODY_MAX,
    )
    assert (s.DEPARTMENTS_MAX, s.ELECTORATE_MAX, s.ELECTORATE_MIN) == (
        domain.DEPARTMENTS_MAX,
        domain.ELECTORATE_MAX,
        ballots.ELECTORATE_MIN,
    )
    assert (s.TEAMS_MAX, s.TEAM_MEMBERS_MAX, s.FINDINGS_MAX, s.YEARS) == (
        appraisals.TEAMS_MAX,
        appraisals.TEAM_MEMBERS_MAX,
        appraisals.FINDINGS_MAX,
        appraisals.YEARS,
    )
    assert (s.SCORE_MAX, s.THRESHOLD_PERCENT) == (ballots.SCORE_MAX, ballots.THRESHOLD_PERCENT)
    assert (s.SOURCE_REF_MAX, s.PERSON_MAX) == (rectifications.SOURCE_REF_MAX, rectifications.PERSON_MAX)
    assert s.MONTHS == (rectification_clock.MONTHS_MIN, rectification_clock.MONTHS_MAX)
    assert (p.TARGETS_MAX, p.MILESTONES_MAX, p.MEASURE_UNIT_MAX) == (
        project_values.TARGETS_MAX,
        project_values.MILESTONES_MAX,
        project_values.UNIT_MAX,
    )
    assert (p.QUANTITY_MAX, p.QUANTITY_PLACES) == (project_values.QUANTITY_MAX, project_values.QUANTITY_PLACES)
    assert project_values.YEARS == s.YEARS
    assert p.PLACES_MAX == project_votes.PLACES_MAX
    assert (p.PARTICIPANTS_MAX, p.PROBLEMS_MAX) == (projects.PARTICIPANTS_MAX, projects.PROBLEMS_MAX)


def test_the_choices_are_the_evaluation_services() -> None:
    choices = {
        s.CampaignStatus: appraisals.CampaignStatus,
        s.ActivityKind: appraisals.ActivityKind,
        s.OpinionGroup: appraisals.OpinionGroup,
        s.ReferenceKind: appraisals.ReferenceKind,
        s.SessionStatus: ballots.SessionStatus,
        s.Purpose: ballots.Purpose,
        s.SubjectKind: ballots.SubjectKind,
        s.Mode: ballots.Mode,
        s.Grade: domain.Grade,
        s.Source: rectification_vocabulary.Source,
        s.UnitKind: rectification_vocabulary.UnitKind,
        s.ReportKind: rectification_vocabulary.ReportKind,
        s.ItemStatus: rectifications.ItemStatus,
        p.CandidateSource: project_states.CandidateSource,
        p.CandidateStatus: project_states.CandidateStatus,
        p.VoteStatus: project_states.VoteStatus,
        p.ProjectStatus: project_states.ProjectStatus,
        p.InspectionBody: project_states.InspectionBody,
    }
    for literal, enum in choices.items():
        assert literal_values(literal) == [member.value for member in enum], enum.__name__


# --- bodies and commands: the same fields, by name -----------------------------------------------------------

COMMANDS: dict[type[BaseModel], type] = {
    s.CampaignPlan: appraisals.CampaignPlan,
    s.DepartmentInput: appraisals.DepartmentInput,
    s.TeamInput: appraisals.TeamInput,
    s.FileReference: appraisals.FileReference,
    s.RecordActivity: appraisals.RecordActivity,
    s.AppraisalBallot: appraisals.AppraisalBallot,
    s.SessionPlan: ballots.SessionPlan,
    s.SubjectInput: ballots.SubjectInput,
    s.CastBallot: ballots.CastBallot,
    s.Mark: ballots.Mark,
    s.ItemContent: rectification_commands.ItemContent,
    s.RaiseItem: rectification_commands.RaiseItem,
    s.DeclarePlan: rectification_commands.DeclarePlan,
    s.ReportRectification: rectification_commands.ReportRectification,
    s.CloseOutItem: rectification_commands.CloseOutItem,
    s.AddFollowUp: rectification_commands.AddFollowUp,
    p.MilestoneInput: project_commands.MilestoneInput,
    p.TargetInput: project_commands.TargetInput,
    p.CandidateDetails: project_commands.CandidateDetails,
    p.AddCandidate: project_commands.AddCandidate,
    p.CreateVote: project_commands.CreateVote,
    p.EditVote: project_commands.EditVote,
    p.CreateRunoff: project_commands.CreateRunoff,
    p.CastPicks: project_commands.CastPicks,
    p.ReportProgress: project_commands.ReportProgress,
    p.ParticipantInput: project_commands.ParticipantInput,
    p.ProblemInput: project_commands.ProblemInput,
    p.RecordInspection: project_commands.RecordInspection,
    p.LinkSatisfactionSession: project_commands.LinkSatisfactionSession,
}


REASONS = (s.CampaignCancellation, s.SessionCancellation, s.ItemWithdrawal, p.CandidateWithdrawal, p.VoteCancellation)


@pytest.mark.parametrize("model", list(COMMANDS), ids=lambda m: m.__name__)
def test_each_body_has_its_commands_fields(model: type[BaseModel]) -> None:
    """The body's fields are the command's (and so the contract's message's, written from it)."""
    dataclass = COMMANDS[model]
    names = [f.name for f in dataclasses.fields(dataclass)]
    assert set(model.model_fields) == set(names), dataclass.__name__
    message = getattr(pb, dataclass.__name__)
    assert set(names) == set(message.DESCRIPTOR.fields_by_name)


@pytest.mark.parametrize("model", [m for m in GOOD if m in COMMANDS], ids=lambda m: m.__name__)
def test_each_good_body_becomes_its_message(model: type[BaseModel]) -> None:
    message = command(getattr(pb, COMMANDS[model].__name__), model.model_validate(GOOD[model]), into="")
    assert message.ListFields()


def test_reasons_go_in_the_reason_request() -> None:
    for model in REASONS:
        assert set(model.model_fields) == {"reason"} == set(pb.ReasonRequest.DESCRIPTOR.fields_by_name) - {"id"}


def test_dates_times_quantities_and_absent_values_in_the_message() -> None:
    session = command(pb.CreateSession, s.SessionPlan.model_validate(SESSION), into="plan")
    assert session.plan.closes_at.ToDatetime(UTC) == datetime(2026, 12, 20, 4, 0, tzinfo=UTC)
    assert not command(
        pb.CreateSession, s.SessionPlan.model_validate(SESSION | {"closes_at": None}), into="plan"
    ).plan.HasField("closes_at")
    item = command(pb.EditItemRequest, s.ItemContent.model_validate(CONTENT), into="command.content", id="i-1")
    assert (item.id, item.command.content.months, item.command.content.due_on) == ("i-1", 3, "")
    assert not command(pb.ItemContent, s.ItemContent.model_validate(CONTENT | {"months": None}), into="").HasField(
        "months"
    )
    marks = command(pb.CastBallotRequest, s.CastBallot.model_validate(GOOD[s.CastBallot]), id="b-1").command.marks
    assert [(m.ref, m.grade, m.HasField("score")) for m in marks] == [
        ("transport", "satisfied", False),
        ("housing", "", True),
    ]
    details = command(pb.AddCandidate, p.AddCandidate.model_validate(GOOD[p.AddCandidate]), into="").details
    assert details.targets[0].planned == "600"
    assert [(m.due, m.quantity, m.step) for m in details.targets[0].milestones] == [
        ("2026-03-31", "", "完成招标"),
        ("2026-06-30", "300", ""),
    ]


# --- answers ----------------------------------------------------------------------------------------------

SHEETS = [
    json.dumps({"title": "责任清单", "headers": ["事项编号", "完成时限"], "rows": [["i-1", "2026-09-30"]]}),
    json.dumps({"title": "销号清单", "headers": ["事项编号", "按期"], "rows": [["i-2", "是"], ["i-3", None]]}),
]


def test_a_document_goes_out_as_the_service_wrote_it() -> None:
    text = '{"id": "x-1", "status_label": "评议中", "rate": 87.50}'
    response = document_response(pb.Document(id="x-1", version=3, json=text), 201)
    assert (response.status_code, response.media_type, response.body) == (201, "application/json", text.encode())


def test_a_list_and_the_six_lists_carry_the_services_text() -> None:
    items = ['{"id": "a", "percent": 52.10}', '{"id": "b"}']
    body = list_response(pb.ListResponse(items=items, next_page_token="20", total=41, counts={"open": 40})).body
    assert json.loads(body) == {
        "items": [json.loads(i) for i in items],
        "next_page_token": "20",
        "total": 41,
        "counts": {"open": 40},
    }
    assert all(item.encode() in body for item in items)
    sheets = sheets_response(pb.ListResponse(items=SHEETS)).body
    assert json.loads(sheets) == {"sheets": [json.loads(x) for x in SHEETS]}


# --- the routes, in process, with a recording stub -----------------------------------------------------------


class RecordingStub:
    """Every RPC answers a document (or a list) and records the request it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Message]] = []

    def __getattr__(self, rpc: str) -> Any:
        async def call(request: Message, metadata: Any = None) -> Message:
            self.calls.append((rpc, request))
            if rpc == "ListLedgerSheets":
                return pb.ListResponse(items=SHEETS)
            if rpc.startswith("List"):
                return pb.ListResponse(total=0, counts={"draft": 1})
            return pb.Document(id="x-1", version=1, json='{"id": "x-1"}')

        return call


@pytest.fixture
def client_and_stub() -> tuple[TestClient, RecordingStub]:
    stub = RecordingStub()
    app = create_app(Settings(env="test"))
    principal = Principal(SUBJECT, "联络员", "congress", frozenset({"congress_clerk"}), "congress")
    app.dependency_overrides[authenticate] = lambda: Caller(principal=principal, token="t")
    app.dependency_overrides[evaluation_stub] = lambda: stub
    return TestClient(app), stub


ROUTES: list[tuple[str, str, dict[str, Any] | None, str, int]] = [
    # method, path under /api/v1, body, the RPC it reaches, the status
    ("POST", "/appraisals", PLAN, "CreateAppraisal", 201),
    ("PATCH", "/appraisals/a-1", PLAN, "EditAppraisal", 200),
    ("POST", "/appraisals/a-1/references", GOOD[s.FileReference], "FileReference", 201),
    ("POST", "/appraisals/a-1/activities", GOOD[s.RecordActivity], "RecordActivity", 201),
    ("POST", "/appraisals/a-1/ballot-sessions", GOOD[s.AppraisalBallot], "CreateAppraisalBallot", 201),
    ("POST", "/appraisals/a-1/cancel", {"reason": "机构改革"}, "CancelAppraisal", 200),
    ("GET", "/appraisals/a-1/results", None, "GetAppraisalResults", 200),
    ("POST", "/ballot-sessions", SESSION, "CreateBallotSession", 201),
    ("PATCH", "/ballot-sessions/b-1", SESSION, "EditBallotSession", 200),
    ("POST", "/ballot-sessions/b-1/ballots", GOOD[s.CastBallot], "CastBallot", 201),
    ("POST", "/rectifications", GOOD[s.RaiseItem], "RaiseRectification", 201),
    ("PATCH", "/rectifications/i-1", CONTENT, "EditRectification", 200),
    ("GET", "/rectifications/six-lists", None, "ListLedgerSheets", 200),
    ("GET", "/rectifications/i-1", None, "GetRectification", 200),
    ("POST", "/rectifications/i-1/close-out", GOOD[s.CloseOutItem], "CloseOutRectification", 200),
    ("POST", "/projects/candidates", GOOD[p.AddCandidate], "AddCandidate", 201),
    ("GET", "/projects/candidates", None, "ListCandidates", 200),
    ("GET", "/projects/candidates/c-1", None, "GetCandidate", 200),
    ("PATCH", "/projects/candidates/c-1", DETAILS, "EditCandidate", 200),
    ("GET", "/projects/p-1", None, "GetProject", 200),
    ("POST", "/project-votes/v-1/runoff", GOOD[p.CreateRunoff], "CreateRunoff", 201),
    ("POST", "/projects/p-1/progress", GOOD[p.ReportProgress], "ReportProgress", 201),
    ("POST", "/projects/p-1/inspections", GOOD[p.RecordInspection], "RecordInspection", 201),
]


@pytest.mark.parametrize(("method", "path", "body", "rpc", "status"), ROUTES, ids=lambda v: str(v)[:40])
def test_each_route_reaches_its_rpc(
    client_and_stub: tuple[TestClient, RecordingStub],
    method: str,
    path: str,
    body: dict[str, Any] | None,
    rpc: str,
    status: int,
) -> None:
    """Static paths (six-lists, candidates) are not taken for an id; an object's id travels with its command."""
    client, stub = client_and_stub
    response = client.request(method, f"/api/v1{path}", json=body)
    assert response.status_code == status, response.text
    [(called, request)] = stub.calls
    assert called == rpc
    if "id" in request.DESCRIPTOR.fields_by_name:
        assert request.id in path.split("/")


def test_bad_input_is_refused_before_any_call(client_and_stub: tuple[TestClient, RecordingStub]) -> None:
    client, stub = client_and_stub
    refusals = [
        ("POST", "/appraisals", PLAN | {"year": 1999}),
        ("POST", "/ballot-sessions", SESSION | {"closes_at": "2026-12-20 12:00"}),
        ("POST", "/rectifications", {"source": "manual", "content": CONTENT | {"months": 30}}),
        ("POST", "/projects/p-1/progress", GOOD[p.ReportProgress] | {"achieved": "1e3"}),
        ("POST", "/ballot-sessions/b-1/ballots", {"marks": [{"ref": "transport", "grade": "great"}]}),
        ("GET", "/rectifications?overdue=maybe", None),
        ("GET", "/appraisals?year=1900", None),
        ("GET", "/projects/has space", None),
    ]
    for method, path, body in refusals:
        response = client.request(method, f"/api/v1{path}", json=body)
        assert response.status_code == 422, (path, response.text)
        error = response.json()["error"]
        assert error["code"] == "invalid_argument" and error["message"] == "请求内容未通过校验"
    assert stub.calls == []


def test_filters_go_as_text_and_only_those_given(client_and_stub: tuple[TestClient, RecordingStub]) -> None:
    client, stub = client_and_stub
    client.get("/api/v1/rectifications", params={"overdue": "true", "unit": "transport", "page_size": 5})
    client.get("/api/v1/rectifications", params={"overdue": "false"})
    client.get("/api/v1/ballot-sessions", params={"mine": "true", "purpose": "appraisal"})
    client.get("/api/v1/ballot-sessions", params={"mine": "false"})
    client.get("/api/v1/projects", params={"year": 2026})
    requests = [request for _, request in stub.calls]
    assert [dict(r.filters) for r in requests] == [
        {"overdue": "true", "unit": "transport"},
        {},
        {"mine": "true", "purpose": "appraisal"},
        {},
        {"year": "2026"},
    ]
    assert requests[0].page_size == 5


def test_the_six_lists_download_has_a_worksheet_per_list(client_and_stub: tuple[TestClient, RecordingStub]) -> None:
    client, _ = client_and_stub
    response = client.get("/api/v1/rectifications/six-lists.xlsx", params={"source": "appraisal"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith('attachment; filename="six-lists.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    assert workbook.sheetnames == ["责任清单", "销号清单"]
    responsibility = list(workbook["责任清单"].iter_rows(values_only=True))
    assert responsibility[0] == ("事项编号", "完成时限")
    assert responsibility[1][0] == "i-1" and responsibility[1][1].date() == date(2026, 9, 30)
    assert list(workbook["销号清单"].iter_rows(values_only=True))[1:] == [
        ("i-2", "是"),
        ("i-3",),
    ]  # an empty last cell is no cell
