"""Request bodies refuse bad input before any gRPC call; responses carry every field of the service's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import BaseModel

from services.gateway.schemas import (
    AssignmentProposal,
    ContactCreate,
    CosignerCreate,
    DeputyStatsPublic,
    EscalationCreate,
    EscalationResponseCreate,
    EvaluationCreate,
    OpinionCreate,
    ReplyCreate,
    ReturnVisitCreate,
    SendBackCreate,
    SuggestionCreate,
    SuggestionPublic,
    SuggestionUpdate,
    UnitStatsPublic,
    stats_public,
    suggestion_public,
)
from tests.support import schema_checks
from wulian.suggestions.v1 import suggestions_pb2 as pb

BEIJING = timezone(timedelta(hours=8))
T = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)

GOOD: dict[type[BaseModel], dict[str, Any]] = {
    SuggestionCreate: {"title": "关于增开公交线路的建议", "content": "建议增开班次。", "category": "transport"},
    SuggestionUpdate: {"title": "标题", "content": "内容", "category": "health"},
    CosignerCreate: {"subject": "deputy-2", "name": "李代表"},
    AssignmentProposal: {
        "lead_unit": "交通运输局",
        "co_units": ["财政局"],
        "complex": True,
        "consultation_note": "已会商",
    },
    SendBackCreate: {"reason": "主办单位不对口"},
    ContactCreate: {
        "contacted_at": "2026-03-01T09:30:00+08:00",
        "method": "phone",
        "contact_person": "王科长",
        "agreed": "约定下周座谈",
    },
    OpinionCreate: {"text": "同意主办单位意见"},
    ReplyCreate: {"result": "planned", "text": "已列入年度计划"},
    EvaluationCreate: {
        "attitude": "good",
        "method": "fair",
        "effect": "poor",
        "overall": "dissatisfied",
        "comment": "未解决",
    },
    ReturnVisitCreate: {"unit": "交通运输局", "visited_at": "2026-05-01T10:00:00Z", "findings": "已落实"},
    EscalationCreate: {"reasons": ["overdue", "suspected_violation"], "details": "逾期三个月未答复"},
    EscalationResponseCreate: {"response": "已约谈主办单位负责人"},
}

# (model, field, bad value, pydantic error type)
BAD: list[tuple[type[BaseModel], str, Any, str]] = [
    (SuggestionCreate, "title", "", "string_too_short"),
    (SuggestionCreate, "title", "长" * 101, "string_too_long"),
    (SuggestionCreate, "content", "长" * 5001, "string_too_long"),
    (SuggestionCreate, "category", "weather", "literal_error"),
    (SuggestionCreate, "title", 42, "string_type"),
    (SuggestionCreate, "draft", "yes", "bool_type"),
    (SuggestionCreate, "deputy_subject", "x" * 65, "string_too_long"),
    (SuggestionUpdate, "content", "", "string_too_short"),
    (CosignerCreate, "subject", "", "string_too_short"),
    (AssignmentProposal, "lead_unit", "", "string_too_short"),
    (AssignmentProposal, "lead_unit", "单" * 65, "string_too_long"),
    (AssignmentProposal, "co_units", [f"单位{i}" for i in range(11)], "too_long"),
    (AssignmentProposal, "co_units", [""], "string_too_short"),
    (AssignmentProposal, "complex", "true", "bool_type"),
    (AssignmentProposal, "consultation_note", "长" * 2001, "string_too_long"),
    (SendBackCreate, "reason", "", "string_too_short"),
    (ContactCreate, "contacted_at", "2026-03-01T09:30:00", "timezone_aware"),
    (ContactCreate, "contacted_at", "2026-03-01", "timezone_aware"),
    (ContactCreate, "contacted_at", 1772323200, "datetime_type"),
    (ContactCreate, "contacted_at", "下周一", "datetime_from_date_parsing"),
    (ContactCreate, "method", "email", "literal_error"),
    (ContactCreate, "contact_person", "", "string_too_short"),
    (ContactCreate, "agreed", "", "string_too_short"),
    (OpinionCreate, "text", "长" * 5001, "string_too_long"),
    (ReplyCreate, "result", "done", "literal_error"),
    (ReplyCreate, "text", "", "string_too_short"),
    (EvaluationCreate, "attitude", "excellent", "literal_error"),
    (EvaluationCreate, "overall", "happy", "literal_error"),
    (ReturnVisitCreate, "visited_at", "2026-05-01T10:00:00", "timezone_aware"),
    (ReturnVisitCreate, "findings", "", "string_too_short"),
    (ReturnVisitCreate, "unit", "", "string_too_short"),
    (EscalationCreate, "reasons", [], "too_short"),
    (EscalationCreate, "reasons", ["angry"], "literal_error"),
    (EscalationCreate, "details", "", "string_too_short"),
    (EscalationResponseCreate, "response", "长" * 5001, "string_too_long"),
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


@pytest.mark.parametrize("model", [m for m, good in GOOD.items() if good])
def test_a_missing_required_field_is_refused(model: type[BaseModel]) -> None:
    schema_checks.refuses_missing(model, GOOD[model])


def test_an_aware_time_is_kept_as_given() -> None:
    contact = ContactCreate.model_validate(GOOD[ContactCreate])
    assert contact.contacted_at == datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    assert contact.contacted_at.utcoffset() == timedelta(hours=8)


def test_optional_fields_have_defaults() -> None:
    body = SuggestionCreate.model_validate(GOOD[SuggestionCreate])
    assert (body.draft, body.deputy_subject, body.deputy_name) == (False, "", "")
    proposal = AssignmentProposal.model_validate({"lead_unit": "交通运输局"})
    assert (proposal.co_units, proposal.complex, proposal.consultation_note) == ([], False, "")


def full_suggestion() -> pb.Suggestion:
    assignment = pb.Assignment(
        lead_unit="交通运输局",
        co_units=["财政局"],
        complex=True,
        consultation_note="会商",
        proposed_by="clerk",
        proposed_at=T,
        confirmed_by="office",
        confirmed_at=T + timedelta(hours=1),
    )
    return pb.Suggestion(
        id="s-1",
        number="2026-S3-0001",
        title="标题",
        content="内容",
        category="transport",
        status="closed",
        deputy_subject="deputy-1",
        deputy_name="张代表",
        submitted_at=T,
        session="S3",
        created_at=T - timedelta(days=1),
        version=9,
        cosigners=[pb.Cosigner(subject="deputy-2", name="李代表", added_at=T)],
        assignment=assignment,
        send_backs=[
            pb.SendBack(proposal=pb.Assignment(lead_unit="住建局", proposed_at=T), reason="不对口", sent_back_at=T)
        ],
        units=[
            pb.UnitContact(unit="交通运输局", lead=True, contact_due_at=T, contacted_at=T, method="phone"),
            pb.UnitContact(unit="财政局", contact_due_at=T, overdue=True),
        ],
        opinions=[pb.CoUnitOpinion(unit="财政局", text="同意", round=0, given_at=T)],
        replies=[pb.Reply(unit="交通运输局", result="solved", text="已解决", due_at=T, replied_at=T, on_time=True)],
        evaluations=[pb.Evaluation(attitude="good", method="good", effect="good", overall="satisfied", evaluated_at=T)],
        return_visits=[pb.ReturnVisit(unit="交通运输局", visited_at=T, findings="已落实", recorded_by="station")],
        escalations=[pb.Escalation(no=1, reasons=["overdue"], details="逾期", escalated_at=T, clue_transfer="pending")],
        escalated=True,
        rehandlings=1,
        reply_due_at=T + timedelta(days=90),
        contact_overdue=True,
        reply_overdue=False,
    )


def test_the_public_suggestion_has_every_field_of_the_message() -> None:
    assert set(SuggestionPublic.model_fields) == {f.name for f in pb.Suggestion.DESCRIPTOR.fields}
    assert set(UnitStatsPublic.model_fields) == {f.name for f in pb.UnitStats.DESCRIPTOR.fields}
    assert set(DeputyStatsPublic.model_fields) == {f.name for f in pb.DeputyStats.DESCRIPTOR.fields}


def test_a_fully_populated_suggestion_converts() -> None:
    public = suggestion_public(full_suggestion())
    assert public.number == "2026-S3-0001" and public.session == "S3" and public.version == 9
    assert public.submitted_at == T and public.submitted_at.tzinfo is not None
    assert public.assignment is not None
    assert public.assignment.co_units == ["财政局"]
    assert public.assignment.confirmed_at == T + timedelta(hours=1)
    assert public.send_backs[0].proposal.lead_unit == "住建局"
    assert public.send_backs[0].proposal.confirmed_at is None
    assert [u.contacted_at for u in public.units] == [T, None]
    assert public.units[1].overdue is True
    assert public.cosigners[0].name == "李代表"
    assert public.opinions[0].text == "同意"
    assert public.replies[0].on_time is True
    assert public.evaluations[0].overall == "satisfied"
    assert public.return_visits[0].findings == "已落实"
    assert public.escalations[0].reasons == ["overdue"]
    assert public.escalations[0].responded_at is None
    assert public.escalated and public.rehandlings == 1 and public.contact_overdue and not public.reply_overdue
    dumped = public.model_dump(mode="json")
    assert dumped["submitted_at"] == "2026-03-01T08:00:00Z"


def test_a_draft_has_no_times_and_no_assignment() -> None:
    public = suggestion_public(pb.Suggestion(id="d-1", title="草稿", status="draft"))
    assert public.submitted_at is None
    assert public.created_at is None
    assert public.reply_due_at is None
    assert public.assignment is None
    assert public.units == [] and public.escalations == []
    assert public.model_dump(mode="json")["submitted_at"] is None


def test_stats_convert_and_the_rate_is_null_when_nothing_was_evaluated() -> None:
    stats = stats_public(
        pb.Stats(
            units=[
                pb.UnitStats(unit="交通运输局", year=2026, evaluated=4, satisfied=3, satisfaction_rate=0.75),
                pb.UnitStats(unit="财政局", year=2026),
            ],
            deputies=[pb.DeputyStats(deputy_subject="deputy-1", year=2026, submitted=2)],
        )
    )
    assert [u.satisfaction_rate for u in stats.units] == [0.75, None]
    assert stats.deputies[0].submitted == 2
    assert stats.model_dump(mode="json")["units"][1]["satisfaction_rate"] is None
