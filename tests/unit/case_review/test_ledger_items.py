"""What the rectification ledger is told of a finding: the steps a finding logs for its ledger item, in order,
and the calls to the evaluation service that each becomes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.case_review import commands
from services.case_review.findings import Finding
from services.case_review.ledger import LedgerStep, LedgerStepKind
from services.case_review.ledger_items import due_on, measures_taken, raise_request, step_request
from tests.unit.case_review import builders as b
from wulian.evaluation.v1 import evaluation_pb2 as pb

K = LedgerStepKind
LATER = b.ISSUED_AT + timedelta(days=50)


def kinds(finding: Finding) -> list[LedgerStepKind]:
    return [step.kind for step in finding.ledger_steps]


def test_a_draft_logs_nothing_and_the_issue_logs_the_raise() -> None:
    assert b.drafted().ledger_steps == []
    finding = b.issued()
    assert finding.ledger_steps == [LedgerStep(K.RAISE, b.CLERK.subject, b.CLERK.name, b.ISSUED_AT)]


def test_each_step_of_a_rectification_is_logged_in_order() -> None:
    finding = b.reported()
    finding.send_back_report(b.CLERK, commands.SendBackReport("未附制度文本"), LATER)
    finding.report_rectification(b.COURT, b.report(), LATER + timedelta(days=1))
    finding.close_out(b.COMMITTEE, commands.CloseOutFinding("整改到位"), LATER + timedelta(days=2))
    assert kinds(finding) == [K.RAISE, K.PLAN, K.REPORT, K.SEND_BACK, K.REPORT, K.CLOSE_OUT]
    assert [s.record for s in finding.ledger_steps] == [0, 0, 0, 0, 1, 0]
    assert [s.by for s in finding.ledger_steps] == [b.CLERK.subject, *[b.COURT.subject] * 2, b.CLERK.subject,
                                                    b.COURT.subject, b.COMMITTEE.subject]  # fmt: skip


def test_an_explanation_changes_the_item_only_once_accepted() -> None:
    finding = b.explained()
    finding.reject_explanation(b.CLERK, commands.RejectExplanation("理由不成立"), LATER)
    finding.answer(b.COURT, commands.AnswerOpinion("explain", "补充说明"), LATER + timedelta(days=1))
    assert kinds(finding) == [K.RAISE]
    finding.accept_explanation(b.CLERK, commands.AcceptExplanation("同意"), LATER + timedelta(days=2))
    assert kinds(finding) == [K.RAISE, K.WITHDRAW]
    assert finding.ledger_steps[-1].record == 1  # the second decision: the first rejected


def test_a_finding_issued_before_the_log_is_not_followed() -> None:
    finding = b.rectifying()
    finding.ledger_steps.clear()  # as stored before there was a log
    finding.report_rectification(b.COURT, b.report(), LATER)
    assert finding.ledger_steps == []


@pytest.mark.parametrize(
    ("due_at", "day"),
    [
        (b.DUE_AT, "2026-07-13"),  # the end of 13 July in Beijing is 16:00 UTC that day
        (datetime(2026, 12, 31, 16, 0, tzinfo=UTC), "2026-12-31"),
    ],
)
def test_the_due_date_is_the_beijing_day_it_ends(due_at: datetime, day: str) -> None:
    assert due_on(due_at) == day


def test_the_raise_names_the_opinion_the_unit_and_the_due_date() -> None:
    finding = b.issued()
    request = raise_request(finding, finding.ledger_steps[0], "court")
    assert (request.raising_body, request.official_subject, request.official_name) == (
        "congress",
        b.CLERK.subject,
        b.CLERK.name,
    )
    item = request.item
    assert (item.source, item.source_ref) == ("case_review_opinion", f"finding/{finding.id}")
    content = item.content
    assert (content.unit, content.unit_name, content.unit_kind) == (b.COURT_UNIT, "黄石市中级人民法院", "court")
    assert (content.problem, content.required_measures) == (b.PROBLEM, b.OPINION)
    assert content.due_on == "2026-07-13" and not content.HasField("months")


def test_the_plan_is_the_accepted_answer_by_the_official_who_gave_it() -> None:
    finding = b.rectifying()
    request = step_request(finding, finding.ledger_steps[1], "item-1")
    assert isinstance(request, pb.DeclarePlanForService)
    step = request.step
    assert (step.item_id, step.official_subject, step.org_unit) == ("item-1", b.COURT.subject, b.COURT_UNIT)
    assert step.at.ToDatetime(tzinfo=UTC) == b.ISSUED_AT + timedelta(days=10)
    plan = request.plan
    assert plan.measures == "立即解除超标的冻结，制定执行措施复核办法。"
    assert plan.leader == plan.person == b.COURT.name


def test_a_report_is_the_unit_s_final_report_with_what_it_did() -> None:
    finding = b.reported()
    request = step_request(finding, finding.ledger_steps[2], "item-1")
    assert isinstance(request, pb.ReportForService)
    assert request.report.kind == "final" and request.report.text == b.report().text
    assert (
        request.report.measures_taken == "纠正问题案件（（2026）鄂02执异5号）；建立健全制度（《执行案款专人专管办法》）"
    )
    assert request.step.org_unit == b.COURT_UNIT


def test_measures_of_other_kinds_are_named_alone() -> None:
    finding = b.rectifying()
    command = b.report(kinds=("other",), corrected_case_number="", rule_title="")
    finding.report_rectification(b.COURT, command, LATER)
    assert measures_taken(finding.reports[-1]) == "其他整改措施"


def test_the_organizers_send_back_and_close_out_as_the_raising_body() -> None:
    finding = b.reported()
    finding.send_back_report(b.CLERK, commands.SendBackReport("未附制度文本"), LATER)
    finding.report_rectification(b.COURT, b.report(), LATER + timedelta(days=1))
    finding.close_out(b.COMMITTEE, commands.CloseOutFinding("整改到位"), LATER + timedelta(days=2))
    sent_back = step_request(finding, finding.ledger_steps[3], "item-1")
    closed = step_request(finding, finding.ledger_steps[5], "item-1")
    assert isinstance(sent_back, pb.CloseOutForService) and isinstance(closed, pb.CloseOutForService)
    assert (sent_back.close_out.grade, sent_back.close_out.note) == ("dissatisfied", "未附制度文本")
    assert (closed.close_out.grade, closed.close_out.note) == ("satisfied", "整改到位")
    assert (closed.step.official_subject, closed.step.org_unit) == (b.COMMITTEE.subject, "")


def test_an_accepted_explanation_withdraws_the_item_within_the_ledger_s_length() -> None:
    finding = b.explained()
    finding.accept_explanation(b.CLERK, commands.AcceptExplanation("理" * 2000), LATER)
    request = step_request(finding, finding.ledger_steps[-1], "item-1")
    assert isinstance(request, pb.WithdrawForService)
    assert request.withdrawal.reason.startswith("评查意见的说明理由已被采纳：理")
    assert len(request.withdrawal.reason) == 2000
    bare = b.explained()
    bare.accept_explanation(b.CLERK, commands.AcceptExplanation(""), LATER)
    assert step_request(bare, bare.ledger_steps[-1], "i").withdrawal.reason == "评查意见的说明理由已被采纳"  # type: ignore[attr-defined]
