"""Case-review request bodies refuse bad input before any gRPC call, with the case-review service's own
limits and choices; the service's read models leave the gateway exactly as the service wrote them."""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from services.case_review import cases, domain, draw, findings, reviews
from services.gateway import schemas_case_review as s
from services.gateway.routes.common import document_response, list_body
from services.gateway.schemas_case_review import (
    AssignmentAnswerCreate,
    BatchCancellationCreate,
    BatchCreate,
    CaseCreate,
    CaseWithdrawalCreate,
    CloseOutCreate,
    DrawCancellationCreate,
    ExpertDepartureCreate,
    ExpertProfileCreate,
    ExpertSuspensionCreate,
    ExplanationAcceptanceCreate,
    ExplanationRejectionCreate,
    FindingCreate,
    FindingUpdate,
    MisconductCreate,
    OpinionAnswerCreate,
    RectificationCreate,
    ReportSendBackCreate,
    ScoreFormCreate,
    WitnessCreate,
)
from tests.support import schema_checks
from wulian.case_review.v1 import case_review_pb2 as pb

CASE_ID = "5d0c7e0e-8f1a-4c39-9d53-0a5b0f1f2c11"
EXPERT: dict[str, Any] = {
    "name": "王某某",
    "category": "lawyer",
    "specialties": ["commercial", "civil"],
    "employer": "湖北某某律师事务所",
    "phone": "+86 138-1234-5678",
    "id_number": "11010519491231002X",
    "title": "高级合伙人",
    "conflicts": ["湖北某某律师事务所"],
    "account_subject": "1046b0ed-5441-54d8-8981-4d88f9d1e553",
}
CASE: dict[str, Any] = {
    "number": "（2025）鄂02民初123号",
    "type": "trial",
    "cause": "买卖合同纠纷",
    "unit_name": "黄石市中级人民法院",
    "presiding_id": "judge-li",
    "presiding_name": "李某某",
    "parties": [{"name": "黄石市某建材有限公司", "is_enterprise": True}, {"name": "张某"}],
    "lawyers": [{"name": "陈律师", "firm": "湖北某某律师事务所"}],
    "unit": "intermediate_court",
    "presiding_unit": "",
}
FINDING: dict[str, Any] = {"problem": "送达程序不规范", "opinion": "请依法规范送达", "items": ["procedure"]}

GOOD: dict[type[BaseModel], dict[str, Any]] = {
    ExpertProfileCreate: EXPERT,
    ExpertSuspensionCreate: {"reason": "长期出国访学"},
    ExpertDepartureCreate: {"reason": "本人申请退出"},
    CaseCreate: CASE,
    CaseWithdrawalCreate: {"reason": "误报备案"},
    BatchCreate: {
        "name": "2026 年第一批涉企案件质量评查",
        "case_ids": [CASE_ID],
        "experts_per_case": 3,
        "backups_per_case": 2,
        "max_cases_per_expert": 3,
        "category_quotas": {"lawyer": 1, "professor": 1},
        "specialty_quotas": {"commercial": 1},
        "cooling_off_days": 365,
    },
    BatchCancellationCreate: {"reason": "案件范围调整"},
    AssignmentAnswerCreate: {"accept": False, "reason": "与当事人有业务往来", "expert_id": ""},
    ScoreFormCreate: {
        "scores": {"substance": 37.5, "procedure": "30", "documents": 20, "effect": "9.5"},
        "comments": {"substance": "证据采信说理不充分", "effect": "涉企权益保护不足"},
        "opinion": "总体合格",
        "declared_total": 97,
        "submit": True,
    },
    WitnessCreate: {"entropy": "3141592653 派驻纪检监察组"},
    DrawCancellationCreate: {"reason": "抽取规则有误"},
    FindingCreate: {"case_id": CASE_ID, **FINDING},
    FindingUpdate: FINDING,
    OpinionAnswerCreate: {"answer": "accept", "text": "已制定整改方案"},
    ExplanationAcceptanceCreate: {"note": "理由成立"},
    ExplanationRejectionCreate: {"reason": "理由不成立"},
    RectificationCreate: {
        "kinds": ["corrected_case", "rule_adopted"],
        "text": "已再审改判并建立送达规范",
        "corrected_case_number": "（2026）鄂02民再1号",
        "rule_title": "关于规范民事送达工作的规定",
    },
    ReportSendBackCreate: {"reason": "整改不到位"},
    CloseOutCreate: {"note": "整改到位"},
    MisconductCreate: {"staff_name": "李某某", "staff_position": "审判员", "staff_unit": ""},
}

BAD: list[tuple[type[BaseModel], str, Any, str]] = [
    (ExpertProfileCreate, "name", "", "string_too_short"),
    (ExpertProfileCreate, "name", "名" * 51, "string_too_long"),
    (ExpertProfileCreate, "category", "judge", "literal_error"),
    (ExpertProfileCreate, "specialties", [], "too_short"),
    (ExpertProfileCreate, "specialties", ["astrology"], "literal_error"),
    (ExpertProfileCreate, "specialties", "civil", "list_type"),
    (ExpertProfileCreate, "employer", "", "string_too_short"),
    (ExpertProfileCreate, "employer", "单" * 101, "string_too_long"),
    (ExpertProfileCreate, "phone", "", "string_too_short"),
    (ExpertProfileCreate, "phone", "138abc45678", "string_pattern_mismatch"),
    (ExpertProfileCreate, "phone", 13812345678, "string_type"),
    (ExpertProfileCreate, "phone", "1" * 21, "string_too_long"),
    (ExpertProfileCreate, "id_number", "11010519491231002Y", "string_pattern_mismatch"),
    (ExpertProfileCreate, "id_number", "", "string_too_short"),
    (ExpertProfileCreate, "title", "职" * 51, "string_too_long"),
    (ExpertProfileCreate, "conflicts", ["冲"] * 51, "too_long"),
    (ExpertProfileCreate, "conflicts", ["冲" * 101], "string_too_long"),
    (ExpertProfileCreate, "account_subject", "two words", "string_pattern_mismatch"),
    (ExpertSuspensionCreate, "reason", "", "string_too_short"),
    (ExpertSuspensionCreate, "reason", "长" * 2001, "string_too_long"),
    (ExpertDepartureCreate, "reason", "长" * 2001, "string_too_long"),
    (CaseCreate, "number", "", "string_too_short"),
    (CaseCreate, "number", "号" * 61, "string_too_long"),
    (CaseCreate, "type", "procuratorial", "literal_error"),
    (CaseCreate, "cause", "", "string_too_short"),
    (CaseCreate, "unit_name", "院" * 101, "string_too_long"),
    (CaseCreate, "presiding_id", "judge li", "string_pattern_mismatch"),
    (CaseCreate, "presiding_name", "", "string_too_short"),
    (CaseCreate, "parties", [], "too_short"),
    (CaseCreate, "parties", [{"name": "甲"}] * 51, "too_long"),
    (CaseCreate, "parties", [{"name": ""}], "string_too_short"),
    (CaseCreate, "parties", [{"name": "甲", "is_enterprise": "yes"}], "bool_type"),
    (CaseCreate, "lawyers", [{"name": "陈律师"}], "missing"),
    (CaseCreate, "unit", "u" * 65, "string_too_long"),
    (CaseWithdrawalCreate, "reason", "", "string_too_short"),
    (BatchCreate, "name", "", "string_too_short"),
    (BatchCreate, "name", "名" * 101, "string_too_long"),
    (BatchCreate, "case_ids", [], "too_short"),
    (BatchCreate, "case_ids", ["c"] * 501, "too_long"),
    (BatchCreate, "case_ids", ["has space"], "string_pattern_mismatch"),
    (BatchCreate, "experts_per_case", 0, "greater_than_equal"),
    (BatchCreate, "experts_per_case", 51, "less_than_equal"),
    (BatchCreate, "experts_per_case", "3", "int_type"),
    (BatchCreate, "experts_per_case", True, "int_type"),
    (BatchCreate, "backups_per_case", -1, "greater_than_equal"),
    (BatchCreate, "max_cases_per_expert", 1001, "less_than_equal"),
    (BatchCreate, "category_quotas", {"judge": 1}, "literal_error"),
    (BatchCreate, "category_quotas", {"lawyer": -1}, "greater_than_equal"),
    (BatchCreate, "specialty_quotas", {"astrology": 1}, "literal_error"),
    (BatchCreate, "cooling_off_days", 3661, "less_than_equal"),
    (BatchCancellationCreate, "reason", "", "string_too_short"),
    (AssignmentAnswerCreate, "accept", "yes", "bool_type"),
    (AssignmentAnswerCreate, "reason", "长" * 2001, "string_too_long"),
    (AssignmentAnswerCreate, "expert_id", "x y", "string_pattern_mismatch"),
    (ScoreFormCreate, "scores", {"beauty": 10}, "literal_error"),
    (ScoreFormCreate, "scores", {"substance": "很好"}, "value_error"),
    (ScoreFormCreate, "scores", {"substance": -1}, "value_error"),
    (ScoreFormCreate, "scores", {"substance": 100.5}, "value_error"),
    (ScoreFormCreate, "scores", {"substance": True}, "value_error"),
    (ScoreFormCreate, "scores", {"substance": "1e1"}, "value_error"),
    (ScoreFormCreate, "comments", {"substance": "长" * 2001}, "string_too_long"),
    (ScoreFormCreate, "comments", {"beauty": "好"}, "literal_error"),
    (ScoreFormCreate, "opinion", "长" * 5001, "string_too_long"),
    (ScoreFormCreate, "declared_total", "九十", "value_error"),
    (ScoreFormCreate, "submit", "true", "bool_type"),
    (WitnessCreate, "entropy", "", "string_too_short"),
    (WitnessCreate, "entropy", "7" * 4097, "string_too_long"),
    (WitnessCreate, "entropy", "字" * 1366, "string_too_long"),  # 4098 bytes in UTF-8
    (WitnessCreate, "entropy", 31415926, "string_type"),
    (DrawCancellationCreate, "reason", "", "string_too_short"),
    (FindingCreate, "case_id", "", "string_too_short"),
    (FindingCreate, "problem", "", "string_too_short"),
    (FindingCreate, "opinion", "长" * 5001, "string_too_long"),
    (FindingCreate, "items", ["beauty"], "literal_error"),
    (FindingUpdate, "problem", "", "string_too_short"),
    (OpinionAnswerCreate, "answer", "refuse", "literal_error"),
    (OpinionAnswerCreate, "text", "", "string_too_short"),
    (ExplanationAcceptanceCreate, "note", "长" * 2001, "string_too_long"),
    (ExplanationRejectionCreate, "reason", "", "string_too_short"),
    (RectificationCreate, "kinds", [], "too_short"),
    (RectificationCreate, "kinds", ["apology"], "literal_error"),
    (RectificationCreate, "text", "", "string_too_short"),
    (RectificationCreate, "corrected_case_number", "号" * 61, "string_too_long"),
    (RectificationCreate, "rule_title", "制" * 101, "string_too_long"),
    (ReportSendBackCreate, "reason", "", "string_too_short"),
    (CloseOutCreate, "note", "长" * 2001, "string_too_long"),
    (MisconductCreate, "staff_name", "", "string_too_short"),
    (MisconductCreate, "staff_position", "职" * 51, "string_too_long"),
    (MisconductCreate, "staff_unit", "单" * 101, "string_too_long"),
]


@pytest.mark.parametrize("model", list(GOOD))
def test_good_input_is_accepted(model: type[BaseModel]) -> None:
    schema_checks.accepts(model, GOOD[model])


@pytest.mark.parametrize("model", list(GOOD))
def test_unknown_fields_are_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_unknown(model, GOOD[model], {"status": "closed"})


@pytest.mark.parametrize(("model", "field", "value", "type_"), BAD)
def test_bad_input_is_refused_and_the_field_named(model: type[BaseModel], field: str, value: Any, type_: str) -> None:
    schema_checks.refuses(model, GOOD[model], field, value, type_)


@pytest.mark.parametrize("model", list(GOOD))
def test_a_missing_required_field_is_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_missing(model, GOOD[model])


def test_optional_fields_have_the_services_defaults() -> None:
    expert = ExpertProfileCreate.model_validate({k: EXPERT[k] for k in ("name", "category", "specialties")} | {
        "employer": "湖北师范大学", "phone": "13912345678", "id_number": "440524188001010014"
    })  # fmt: skip
    assert (expert.title, expert.conflicts, expert.account_subject) == ("", [], "")
    case = CaseCreate.model_validate({k: v for k, v in CASE.items() if k not in ("lawyers", "unit", "presiding_unit")})
    assert (case.lawyers, case.unit, case.presiding_unit) == ([], "", "")
    assert case.parties[1].is_enterprise is False
    batch = BatchCreate.model_validate({"name": "批次", "case_ids": [CASE_ID], "experts_per_case": 2})
    assert (batch.backups_per_case, batch.max_cases_per_expert, batch.cooling_off_days) == (2, 3, 365)
    assert (batch.category_quotas, batch.specialty_quotas) == ({}, {})
    answer = AssignmentAnswerCreate.model_validate({"accept": True})
    assert (answer.reason, answer.expert_id) == ("", "")
    form = ScoreFormCreate.model_validate({})
    assert (form.scores, form.comments, form.opinion, form.declared_total, form.submit) == ({}, {}, "", None, False)
    assert FindingUpdate.model_validate({"problem": "p", "opinion": "o"}).items == []
    assert ExpertDepartureCreate.model_validate({}).reason == ""
    assert CloseOutCreate.model_validate({}).note == ""
    rectification = RectificationCreate.model_validate({"kinds": ["other"], "text": "已整改"})
    assert (rectification.corrected_case_number, rectification.rule_title) == ("", "")


def test_scores_travel_as_decimal_text() -> None:
    """Numbers and numeric text alike reach the service as the decimal text the contract carries, never in
    exponent form; a blank item stays blank (a draft), an absent total is null."""
    form = ScoreFormCreate.model_validate(
        {"scores": {"substance": 37.5, "procedure": 30, "documents": "19.5", "effect": ""}, "declared_total": 1e-4}
    )
    assert form.scores == {"substance": "37.5", "procedure": "30", "documents": "19.5", "effect": ""}
    assert form.declared_total == "0.0001"
    with pytest.raises(ValidationError):
        ScoreFormCreate.model_validate({"declared_total": 1e-5})  # finer than any score
    assert ScoreFormCreate.model_validate({"declared_total": None}).declared_total is None
    assert ScoreFormCreate.model_validate({"declared_total": 100}).declared_total == "100"


def test_entropy_is_counted_in_utf8_bytes() -> None:
    assert WitnessCreate.model_validate({"entropy": "7" * 4096}).entropy == "7" * 4096
    assert len(WitnessCreate.model_validate({"entropy": "字" * 1365}).entropy.encode()) == 4095


def literal_values(literal: Any) -> list[str]:
    return list(typing.get_args(literal))


def test_the_limits_are_the_case_review_services() -> None:
    """The gateway repeats the service's limits (it may not import the service); this keeps them in step."""
    assert (s.NAME_MAX, s.UNIT_NAME_MAX, s.ORG_UNIT_MAX, s.TOKEN_MAX, s.TEXT_MAX, s.FINDING_MAX) == (
        domain.NAME_MAX,
        domain.UNIT_NAME_MAX,
        domain.ORG_UNIT_MAX,
        domain.TOKEN_MAX,
        domain.TEXT_MAX,
        domain.FINDING_MAX,
    )
    assert (s.CAUSE_MAX, s.ID_MAX, s.CONFLICTS_MAX, s.PARTIES_MAX, s.LAWYERS_MAX, s.BATCH_CASES_MAX) == (
        domain.CAUSE_MAX,
        domain.ID_MAX,
        domain.CONFLICTS_MAX,
        domain.PARTIES_MAX,
        domain.LAWYERS_MAX,
        domain.BATCH_CASES_MAX,
    )
    assert (s.CASE_NUMBER_MAX, s.BATCH_NAME_MAX, s.RULE_TITLE_MAX) == (
        cases.NUMBER_MAX,
        reviews.BATCH_NAME_MAX,
        findings.TITLE_MAX,
    )
    assert (s.EXPERTS_PER_CASE, s.BACKUPS_PER_CASE, s.CASES_PER_EXPERT, s.COOLING_OFF_DAYS) == (
        reviews.EXPERTS_PER_CASE,
        reviews.BACKUPS_PER_CASE,
        reviews.CASES_PER_EXPERT,
        reviews.COOLING_OFF_DAYS,
    )
    assert s.ENTROPY_BYTES == draw.ENTROPY_BYTES
    assert max(reviews.ITEM_MAXIMA.values()) <= 100  # a score the gateway lets through may still be in range


def test_the_choices_are_the_case_review_services() -> None:
    choices = {
        s.ExpertStatus: domain.ExpertStatus,
        s.Category: domain.Category,
        s.Specialty: domain.Specialty,
        s.CaseStatus: domain.CaseStatus,
        s.CaseType: domain.CaseType,
        s.BatchStatus: domain.BatchStatus,
        s.FindingStatus: domain.FindingStatus,
        s.ScoreItem: domain.ScoreItem,
        s.OpinionAnswer: domain.OpinionAnswer,
        s.RectificationKind: domain.RectificationKind,
    }
    for literal, enum in choices.items():
        assert literal_values(literal) == [member.value for member in enum], enum.__name__


def test_the_valid_inputs_of_the_service_pass_the_gateway() -> None:
    """The shapes the service's own examples take (an expert's ID number with separators, each case type's
    number) are not refused on the way."""
    for number, kind in (
        (cases.COURT_EXAMPLE, "trial"),
        ("（2025）鄂02执123号", "enforcement"),
        (cases.PROCURATORATE_EXAMPLE, "procuratorial_supervision"),
    ):
        CaseCreate.model_validate(CASE | {"number": number, "type": kind})
    ExpertProfileCreate.model_validate(EXPERT | {"id_number": "110105 19491231 002x", "phone": "0086 13812345678"})


# --- answers ----------------------------------------------------------------------------------------------


def test_a_document_goes_out_as_the_service_wrote_it() -> None:
    text = '{"id": "x-1", "phone": "138****5678", "name": "王某某"}'
    response = document_response(pb.Document(id="x-1", version=3, json=text), 201)
    assert (response.status_code, response.media_type, response.body) == (201, "application/json", text.encode())


def test_a_list_carries_the_items_unchanged_with_the_page_and_counts() -> None:
    items = ['{"id": "a", "name": "王某某", "n": 1.50}', '{"id": "b", "nested": {"x": [1, "二"]}}']
    body = list_body(pb.ListResponse(items=items, next_page_token="20", total=41, counts={"active": 40}))
    assert json.loads(body) == {
        "items": [json.loads(item) for item in items],
        "next_page_token": "20",
        "total": 41,
        "counts": {"active": 40},
    }
    assert all(item in body for item in items)  # the service's text itself, not a re-serialization
    empty = json.loads(list_body(pb.ListResponse(total=3, counts={"draft": 2, "closed": 1})))
    assert empty == {"items": [], "next_page_token": None, "total": 3, "counts": {"draft": 2, "closed": 1}}
