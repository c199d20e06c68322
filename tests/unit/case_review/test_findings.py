"""Findings and opinions: drafting, every state × action, every actor, answers and rectification reports,
the rectification deadline raised exactly once, and the clue transfer."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from services.case_review import commands
from services.case_review import events as ev
from services.case_review import findings as fd
from services.case_review.domain import (
    BatchStatus,
    ClueTransferState,
    FindingAction,
    FindingOutcome,
    FindingStatus,
    OpinionAnswer,
    RectificationKind,
    ScoreItem,
)
from services.case_review.findings import DeadlineKind, DeadlineState, Finding
from tests.unit.case_review import builders as b
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

FS = FindingStatus
NOW = b.ISSUED_AT + timedelta(days=20)


def state_of(finding: Finding) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(finding, name)) for name in Finding.__dataclass_fields__}


# --- drafting -----------------------------------------------------------------------------------------------


def test_an_organizer_drafts_a_finding_on_a_case_of_the_batch() -> None:
    finding = b.drafted()
    assert (finding.batch_id, finding.case_id, finding.case_number, finding.unit, finding.unit_name) == (
        "b-1",
        "c-1",
        "（2025）鄂02民初123号",
        b.COURT_UNIT,
        "黄石市中级人民法院",
    )
    assert finding.text == fd.Text(b.PROBLEM, b.OPINION, (ScoreItem.PROCEDURE, ScoreItem.EFFECT))
    assert (finding.status, finding.drafted_by, finding.due_at) == (FS.DRAFT, "clerk-1", None)
    [event] = finding.events
    assert isinstance(event, ev.FindingDrafted) and (event.batch_id, event.case_id) == ("b-1", "c-1")


def test_findings_are_drafted_while_reviewing_or_once_closed() -> None:
    assert b.drafted(batch=b.batch_in(BatchStatus.REVIEWING)).status is FS.DRAFT
    for state in (BatchStatus.DRAFT, BatchStatus.DRAWING, BatchStatus.DRAWN, BatchStatus.CANCELLED):
        with pytest.raises(Conflict, match=r"^评查批次尚未开始评查或已取消，不能提出评查意见$"):
            b.drafted(batch=b.batch_in(state))


@pytest.mark.parametrize("person", b.NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_draft_findings(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以提出评查意见$"):
        Finding.draft(
            "f-1", person, commands.DraftFinding("c-1", b.finding_text()), b.CLOSED_AT,
            batch=b.closed_batch(), case=b.registered("c-1"),
        )  # fmt: skip


def test_the_case_must_be_the_batch_s_and_the_one_named() -> None:
    batch = b.closed_batch()
    for case_id, case in [("c-1", b.registered("c-9")), ("c-9", b.registered("c-9")), ("c-2", b.registered("c-1"))]:
        with pytest.raises(NotFound, match=r"^本评查批次不含该案件$"):
            Finding.draft("f-1", b.CLERK, commands.DraftFinding(case_id, b.finding_text()), NOW, batch=batch, case=case)


BAD_TEXTS: list[tuple[str, dict[str, object], list[str]]] = [
    ("nothing", {"problem": "", "opinion": " ", "items": ()}, ["problem", "opinion"]),
    ("problem too long", {"problem": "问" * 5001}, ["problem"]),
    ("opinion too long", {"opinion": "意" * 5001}, ["opinion"]),
    ("unknown item", {"items": ("substance", "ethics")}, ["items"]),
]


@pytest.mark.parametrize(("what", "fields", "named"), BAD_TEXTS, ids=[c[0] for c in BAD_TEXTS])
def test_bad_text_is_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        Finding.draft(
            "f-1", b.CLERK, commands.DraftFinding("c-1", b.finding_text(**fields)), NOW,
            batch=b.closed_batch(), case=b.registered("c-1"),
        )  # fmt: skip
    assert caught.value.message == "评查意见未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    finding = b.finding_in(FS.DRAFT)
    with pytest.raises(InvalidArgument):
        finding.edit(b.CLERK, commands.EditFinding(b.finding_text(**fields)), NOW)
    assert finding.text.problem == b.PROBLEM and finding.events == []


def test_items_are_kept_once_in_the_form_s_order() -> None:
    text = fd.text_from(b.finding_text(items=("effect", "substance", "effect")))
    assert text.items == (ScoreItem.SUBSTANCE, ScoreItem.EFFECT)


# --- every state × action ---------------------------------------------------------------------------------

LEGAL: dict[tuple[FindingStatus, FindingAction], FindingStatus] = {
    (FS.DRAFT, FindingAction.EDIT): FS.DRAFT,
    (FS.DRAFT, FindingAction.ISSUE): FS.ISSUED,
    (FS.ISSUED, FindingAction.ANSWER): FS.RECTIFYING,
    (FS.EXPLAINED, FindingAction.ACCEPT_EXPLANATION): FS.CLOSED,
    (FS.EXPLAINED, FindingAction.REJECT_EXPLANATION): FS.ISSUED,
    (FS.RECTIFYING, FindingAction.REPORT_RECTIFICATION): FS.REPORTED,
    (FS.REPORTED, FindingAction.SEND_BACK_REPORT): FS.RECTIFYING,
    (FS.REPORTED, FindingAction.CLOSE_OUT): FS.CLOSED,
    **{(s, FindingAction.MARK_MISCONDUCT): s for s in FS},
}


def _doer(organizer: Principal, unit: Principal) -> dict[FindingAction, Callable[[Finding], object]]:
    return {
        FindingAction.EDIT: lambda f: f.edit(organizer, commands.EditFinding(b.finding_text(opinion="改")), NOW),
        FindingAction.ISSUE: lambda f: f.issue(organizer, NOW, batch_status=BatchStatus.CLOSED),
        FindingAction.ANSWER: lambda f: f.answer(unit, commands.AnswerOpinion("accept", "立即整改"), NOW),
        FindingAction.ACCEPT_EXPLANATION: lambda f: f.accept_explanation(organizer, commands.AcceptExplanation(), NOW),
        FindingAction.REJECT_EXPLANATION: lambda f: f.reject_explanation(
            organizer, commands.RejectExplanation("理由不充分"), NOW
        ),
        FindingAction.REPORT_RECTIFICATION: lambda f: f.report_rectification(unit, b.report(), NOW),
        FindingAction.SEND_BACK_REPORT: lambda f: f.send_back_report(
            organizer, commands.SendBackReport("制度尚未印发"), NOW
        ),
        FindingAction.CLOSE_OUT: lambda f: f.close_out(organizer, commands.CloseOutFinding(), NOW),
        FindingAction.MARK_MISCONDUCT: lambda f: f.mark_misconduct(
            organizer, commands.MarkMisconduct("李某某", "审判员"), NOW
        ),
    }


DO = _doer(b.CLERK, b.COURT)
BY_A_STRANGER = _doer(b.DEPUTY, b.DEPUTY)
CELLS = [(s, a) for s in FS for a in FindingAction]


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c in LEGAL], ids=lambda v: str(v))
def test_legal_transition(state: FindingStatus, action: FindingAction) -> None:
    finding = b.finding_in(state)
    DO[action](finding)
    assert finding.status is LEGAL[state, action]
    assert finding.events


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c not in LEGAL], ids=lambda v: str(v))
@pytest.mark.parametrize("do", [DO, BY_A_STRANGER], ids=["the-right-actor", "stranger"])
def test_illegal_transition_is_a_conflict_and_changes_nothing(
    state: FindingStatus, action: FindingAction, do: dict[FindingAction, Callable[[Finding], object]]
) -> None:
    finding = b.finding_in(state)
    before = state_of(finding)
    with pytest.raises(Conflict) as caught:
        do[action](finding)
    assert caught.value.message.startswith("该评查意见")
    assert state_of(finding) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (FS.DRAFT, FindingAction.ANSWER, "该评查意见尚在草拟中，不能答复"),
        (FS.ISSUED, FindingAction.EDIT, "该评查意见已送达，待答复，不能修改"),
        (FS.RECTIFYING, FindingAction.CLOSE_OUT, "该评查意见正在整改，不能销号"),
        (FS.EXPLAINED, FindingAction.REPORT_RECTIFICATION, "该评查意见已说明理由，待审核，不能报告整改情况"),
        (FS.REPORTED, FindingAction.ANSWER, "该评查意见已报告整改情况，待核实，不能答复"),
        (FS.CLOSED, FindingAction.SEND_BACK_REPORT, "该评查意见已销号，不能退回整改报告"),
    ],
)
def test_conflict_messages(state: FindingStatus, action: FindingAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        DO[action](b.finding_in(state))
    assert caught.value.message == message


# --- who acts -----------------------------------------------------------------------------------------------

ORGANIZER_STEPS = [
    (FS.DRAFT, FindingAction.EDIT, "修改评查意见"),
    (FS.DRAFT, FindingAction.ISSUE, "送达评查意见"),
    (FS.EXPLAINED, FindingAction.ACCEPT_EXPLANATION, "采纳说明"),
    (FS.EXPLAINED, FindingAction.REJECT_EXPLANATION, "不采纳说明"),
    (FS.REPORTED, FindingAction.SEND_BACK_REPORT, "退回整改报告"),
    (FS.REPORTED, FindingAction.CLOSE_OUT, "销号"),
    (FS.ISSUED, FindingAction.MARK_MISCONDUCT, "移送问题线索"),
]
ORGANIZER_CELLS = [(s, a, v, p) for s, a, v in ORGANIZER_STEPS for p in b.NOT_ORGANIZERS]


@pytest.mark.parametrize(
    ("state", "action", "verb", "person"), ORGANIZER_CELLS, ids=[f"{c[1]}-{c[3].subject}" for c in ORGANIZER_CELLS]
)
def test_only_organizers_decide(state: FindingStatus, action: FindingAction, verb: str, person: Principal) -> None:
    finding = b.finding_in(state)
    before = state_of(finding)
    with pytest.raises(PermissionDenied) as caught:
        _doer(person, b.COURT)[action](finding)
    assert caught.value.message == f"只有人大常委会联络人员或专（工）委可以{verb}"
    assert state_of(finding) == before


UNIT_STEPS = [(FS.ISSUED, FindingAction.ANSWER, "答复评查意见"), (FS.RECTIFYING, FindingAction.REPORT_RECTIFICATION,
                                                               "报告整改情况")]  # fmt: skip
UNIT_CELLS = [(s, a, v, p) for s, a, v in UNIT_STEPS for p in b.EVERYONE if p is not b.COURT]


@pytest.mark.parametrize(
    ("state", "action", "verb", "person"), UNIT_CELLS, ids=[f"{c[1]}-{c[3].subject}" for c in UNIT_CELLS]
)
def test_only_the_case_s_own_court_answers_and_reports(
    state: FindingStatus, action: FindingAction, verb: str, person: Principal
) -> None:
    finding = b.finding_in(state)
    before = state_of(finding)
    with pytest.raises(PermissionDenied) as caught:
        _doer(b.CLERK, person)[action](finding)
    assert caught.value.message == f"只有承办该案的法院或检察院可以{verb}"
    assert state_of(finding) == before


# --- issuing and the due date -------------------------------------------------------------------------------


def test_an_opinion_is_issued_only_once_the_batch_is_closed() -> None:
    finding = b.finding_in(FS.DRAFT)
    for state in (BatchStatus.REVIEWING, BatchStatus.CANCELLED, BatchStatus.DRAWN):
        with pytest.raises(Conflict, match=r"^评查批次结束后才能送达评查意见$"):
            finding.issue(b.CLERK, b.ISSUED_AT, batch_status=state)
    finding.issue(b.COMMITTEE, b.ISSUED_AT, batch_status=BatchStatus.CLOSED)
    assert (finding.issued_by, finding.issued_at, finding.due_at) == ("committee-1", b.ISSUED_AT, b.DUE_AT)
    [event] = finding.events
    assert isinstance(event, ev.FindingIssued) and event.due_at == b.DUE_AT and event.unit == b.COURT_UNIT


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


@pytest.mark.parametrize(
    ("issued", "months", "due"),
    [
        (bj(2026, 4, 13, 10), 3, bj(2026, 7, 14)),  # ends with 13 July in Beijing
        (bj(2026, 4, 13, 0, 30), 3, bj(2026, 7, 14)),  # 12 April 16:30 UTC is already 13 April
        (bj(2026, 4, 12, 23, 59), 3, bj(2026, 7, 13)),
        (bj(2025, 11, 30, 9), 3, bj(2026, 3, 1)),  # 30 November + 3 months: the end of 28 February
        (bj(2026, 8, 31, 9), 1, bj(2026, 10, 1)),  # 31 August + 1 month: the end of 30 September
        (bj(2026, 1, 31, 9), 1, bj(2026, 3, 1)),
        (bj(2027, 12, 31, 9), 2, bj(2028, 3, 1)),  # into a leap February: the end of 29 February
        (bj(2026, 4, 13, 9), 6, bj(2026, 10, 14)),
        (bj(2026, 4, 13, 9), 12, bj(2027, 4, 14)),
    ],
)
def test_the_rectification_due_date(issued: datetime, months: int, due: datetime) -> None:
    assert fd.rectification_due(issued, months) == due
    assert fd.rectification_due(issued, months).tzinfo is UTC


def test_the_period_is_a_parameter() -> None:
    finding = b.finding_in(FS.DRAFT)
    finding.issue(b.CLERK, b.ISSUED_AT, batch_status=BatchStatus.CLOSED, months=6)
    assert finding.due_at == bj(2026, 10, 14)
    with pytest.raises(ValueError):
        fd.rectification_due(b.ISSUED_AT, 0)


# --- answers ------------------------------------------------------------------------------------------------


def test_the_unit_accepts_and_rectifies() -> None:
    finding = b.finding_in(FS.ISSUED)
    finding.answer(b.COURT, commands.AnswerOpinion("accept", " 立即解除冻结 "), NOW)
    assert finding.status is FS.RECTIFYING
    assert finding.answers == [fd.Answer(OpinionAnswer.ACCEPT, "立即解除冻结", "court-1", NOW)]
    [event] = finding.events
    assert isinstance(event, ev.OpinionAnswered) and event.answer is OpinionAnswer.ACCEPT


def test_the_unit_explains_and_the_organizers_decide() -> None:
    finding = b.finding_in(FS.ISSUED)
    finding.answer(b.COURT, commands.AnswerOpinion("explain", "冻结系依申请并有担保"), NOW)
    assert finding.status is FS.EXPLAINED
    finding.reject_explanation(b.CLERK, commands.RejectExplanation("担保不足以覆盖超额部分"), NOW)
    assert finding.status is FS.ISSUED and finding.due_at == b.DUE_AT  # the same due date
    finding.answer(b.COURT, commands.AnswerOpinion("explain", "已补充担保材料"), NOW + timedelta(days=1))
    finding.accept_explanation(b.COMMITTEE, commands.AcceptExplanation("说明成立"), NOW + timedelta(days=2))
    assert finding.status is FS.CLOSED
    assert finding.closing == fd.CloseOut(FindingOutcome.EXPLAINED, "说明成立", "committee-1", NOW + timedelta(days=2))
    assert [d.accepted for d in finding.decisions] == [False, True]
    assert [e.name for e in finding.events] == [
        "answered", "explanation_rejected", "answered", "explanation_accepted", "closed_out",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "text", "details"),
    [
        ("", "", [("answer", "答复方式不在可选范围内"), ("text", "说明的理由不能为空")]),
        ("agree", "好", [("answer", "答复方式不在可选范围内")]),
        ("accept", " ", [("text", "整改措施不能为空")]),
        ("explain", "", [("text", "说明的理由不能为空")]),
        ("explain", "理" * 5001, [("text", "说明的理由不能超过 5000 个字")]),
    ],
)
def test_bad_answers(answer: str, text: str, details: list[tuple[str, str]]) -> None:
    finding = b.finding_in(FS.ISSUED)
    with pytest.raises(InvalidArgument) as caught:
        finding.answer(b.COURT, commands.AnswerOpinion(answer, text), NOW)
    assert [(d["field"], d["message"]) for d in caught.value.details] == details
    assert finding.status is FS.ISSUED and finding.answers == []


def test_decisions_need_their_words() -> None:
    finding = b.finding_in(FS.EXPLAINED)
    with pytest.raises(InvalidArgument):
        finding.reject_explanation(b.CLERK, commands.RejectExplanation(""), NOW)
    with pytest.raises(InvalidArgument):
        finding.accept_explanation(b.CLERK, commands.AcceptExplanation("意" * 2001), NOW)
    reported = b.finding_in(FS.REPORTED)
    with pytest.raises(InvalidArgument):
        reported.send_back_report(b.CLERK, commands.SendBackReport(" "), NOW)
    with pytest.raises(InvalidArgument):
        reported.close_out(b.CLERK, commands.CloseOutFinding("意" * 2001), NOW)
    assert finding.status is FS.EXPLAINED and reported.status is FS.REPORTED


# --- rectification ------------------------------------------------------------------------------------------


def test_a_report_names_the_corrected_case_and_the_rule() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    finding.report_rectification(b.COURT, b.report(corrected_case_number="(2026)鄂02执异5号"), NOW)
    [report] = finding.reports
    assert report.kinds == (RectificationKind.CORRECTED_CASE, RectificationKind.RULE_ADOPTED)
    assert (report.corrected_case_number, report.rule_title, report.on_time) == (
        "(2026)鄂02执异5号",
        "执行案款专人专管办法",
        True,
    )
    assert finding.status is FS.REPORTED
    [event] = finding.events
    assert isinstance(event, ev.RectificationReported) and event.on_time


def test_a_late_report_is_marked_late() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    finding.report_rectification(b.COURT, b.report(), b.DUE_AT)
    assert finding.reports[0].on_time is False
    early = b.finding_in(FS.RECTIFYING)
    early.report_rectification(b.COURT, b.report(), b.DUE_AT - timedelta(seconds=1))
    assert early.reports[0].on_time is True


BAD_REPORTS: list[tuple[str, dict[str, object], list[str]]] = [
    ("nothing", {"kinds": (), "text": "", "corrected_case_number": "", "rule_title": ""}, ["kinds", "text"]),
    ("unknown kind", {"kinds": ("apology",)}, ["kinds"]),
    ("corrected case without its number", {"corrected_case_number": ""}, ["corrected_case_number"]),
    ("corrected case with a bad number", {"corrected_case_number": "执异5号"}, ["corrected_case_number"]),
    ("a number without a corrected case", {"kinds": ("rule_adopted",)}, ["corrected_case_number"]),
    ("a rule without its title", {"rule_title": " "}, ["rule_title"]),
    ("a title without a rule", {"kinds": ("corrected_case",)}, ["rule_title"]),
    ("title too long", {"rule_title": "制" * 101}, ["rule_title"]),
    ("text too long", {"text": "整" * 5001}, ["text"]),
]


@pytest.mark.parametrize(("what", "fields", "named"), BAD_REPORTS, ids=[c[0] for c in BAD_REPORTS])
def test_bad_reports_are_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    finding = b.finding_in(FS.RECTIFYING)
    before = state_of(finding)
    with pytest.raises(InvalidArgument) as caught:
        finding.report_rectification(b.COURT, b.report(**fields), NOW)
    assert caught.value.message == "整改情况未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert state_of(finding) == before


def test_other_measures_need_neither_number_nor_title() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    finding.report_rectification(
        b.COURT, b.report(kinds=("other", "other"), corrected_case_number="", rule_title=""), NOW
    )
    assert finding.reports[0].kinds == (RectificationKind.OTHER,)


def test_a_report_sent_back_is_reported_again_and_closed_out() -> None:
    finding = b.finding_in(FS.REPORTED)
    finding.send_back_report(b.CLERK, commands.SendBackReport("制度尚未印发"), NOW)
    assert finding.status is FS.RECTIFYING and finding.send_backs[0].reason == "制度尚未印发"
    finding.report_rectification(b.COURT, b.report(), NOW + timedelta(days=5))
    finding.close_out(b.CLERK, commands.CloseOutFinding("经核实整改到位"), NOW + timedelta(days=6))
    assert finding.status is FS.CLOSED and len(finding.reports) == 2
    assert finding.closing is not None and finding.closing.outcome is FindingOutcome.RECTIFIED
    assert [e.name for e in finding.events] == [
        "report_sent_back", "rectification_reported", "closed_out",
    ]  # fmt: skip


# --- the deadline, exactly once ----------------------------------------------------------------------------

SOON = b.DUE_AT - timedelta(days=7)


def test_due_soon_then_overdue_each_exactly_once() -> None:
    finding = b.finding_in(FS.ISSUED)
    assert finding.next_check_at() == SOON
    assert finding.raise_due_deadlines(SOON - timedelta(microseconds=1)) == []
    [soon] = finding.raise_due_deadlines(SOON)
    assert isinstance(soon, ev.RectificationDueSoon) and (soon.due_at, soon.occurred_at) == (b.DUE_AT, SOON)
    assert finding.raise_due_deadlines(SOON + timedelta(days=1)) == []
    assert finding.next_check_at() == b.DUE_AT
    assert finding.raise_due_deadlines(b.DUE_AT - timedelta(microseconds=1)) == []
    [late] = finding.raise_due_deadlines(b.DUE_AT)
    assert isinstance(late, ev.RectificationOverdue) and late.due_at == b.DUE_AT
    for later in (b.DUE_AT, b.DUE_AT + timedelta(days=1), b.DUE_AT + timedelta(days=400)):
        assert finding.raise_due_deadlines(later) == []
    assert finding.next_check_at() is None
    assert [e.name for e in finding.events] == ["rectification_due_soon", "rectification_overdue"]
    assert finding.raised_deadlines == {"rectification_due_soon", "rectification_overdue"}


def test_a_first_look_after_the_due_date_raises_only_overdue() -> None:
    finding = b.finding_in(FS.ISSUED)
    [late] = finding.raise_due_deadlines(b.DUE_AT + timedelta(days=3))
    assert isinstance(late, ev.RectificationOverdue)
    assert finding.raise_due_deadlines(b.DUE_AT + timedelta(days=4)) == []
    assert finding.raised_deadlines == {"rectification_overdue"}


@pytest.mark.parametrize("state", [FS.DRAFT, FS.EXPLAINED, FS.REPORTED, FS.CLOSED])
def test_nothing_is_due_while_the_unit_owes_nothing(state: FindingStatus) -> None:
    finding = b.finding_in(state)
    assert finding.raise_due_deadlines(b.DUE_AT + timedelta(days=30)) == []
    assert finding.next_check_at() is None and finding.events == []


def test_rectifying_is_awaited_like_issued() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    assert [type(e) for e in finding.raise_due_deadlines(b.DUE_AT)] == [ev.RectificationOverdue]


def test_overdue_is_raised_once_in_the_finding_s_life_whatever_comes_back() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    finding.raise_due_deadlines(b.DUE_AT)
    finding.report_rectification(b.COURT, b.report(), b.DUE_AT + timedelta(days=1))
    finding.send_back_report(b.CLERK, commands.SendBackReport("材料不全"), b.DUE_AT + timedelta(days=2))
    assert finding.status is FS.RECTIFYING
    assert finding.raise_due_deadlines(b.DUE_AT + timedelta(days=3)) == []
    explained = b.finding_in(FS.EXPLAINED)
    assert explained.raise_due_deadlines(b.DUE_AT) == []  # waiting for the organizers, not the unit
    explained.reject_explanation(b.CLERK, commands.RejectExplanation("不成立"), b.DUE_AT + timedelta(days=1))
    assert [type(e) for e in explained.raise_due_deadlines(b.DUE_AT + timedelta(days=1))] == [ev.RectificationOverdue]
    assert explained.raise_due_deadlines(b.DUE_AT + timedelta(days=2)) == []


@pytest.mark.parametrize(
    ("raised", "now", "expected"),
    [
        (frozenset(), SOON - timedelta(seconds=1), []),
        (frozenset(), SOON, [DeadlineKind.DUE_SOON]),
        (frozenset(), b.DUE_AT, [DeadlineKind.OVERDUE]),
        (frozenset({"rectification_due_soon"}), SOON, []),
        (frozenset({"rectification_due_soon"}), b.DUE_AT, [DeadlineKind.OVERDUE]),
        (frozenset({"rectification_overdue"}), b.DUE_AT + timedelta(days=1), []),
        (frozenset({"rectification_overdue"}), SOON, []),  # a clock set back does not raise "soon" after "late"
    ],
)
def test_due_deadlines(raised: frozenset[str], now: datetime, expected: list[DeadlineKind]) -> None:
    assert fd.due_deadlines(DeadlineState(b.DUE_AT, raised), now) == expected


def test_next_check_at_and_no_due_date() -> None:
    assert fd.next_check_at(DeadlineState(None, frozenset())) is None
    assert fd.due_deadlines(DeadlineState(None, frozenset()), b.DUE_AT) == []
    assert fd.next_check_at(DeadlineState(b.DUE_AT, frozenset())) == SOON
    assert fd.next_check_at(DeadlineState(b.DUE_AT, frozenset({"rectification_due_soon"}))) == b.DUE_AT
    with pytest.raises(ValueError, match="naive"):
        fd.due_deadlines(DeadlineState(b.DUE_AT, frozenset()), datetime(2026, 7, 1))


# --- the clue transfer -------------------------------------------------------------------------------------


@pytest.mark.parametrize("state", list(FS))
def test_misconduct_is_marked_once_in_any_state(state: FindingStatus) -> None:
    finding = b.finding_in(state)
    finding.mark_misconduct(b.COMMITTEE, commands.MarkMisconduct(" 李某某 ", "审判员"), NOW)
    assert finding.misconduct == fd.MisconductMark(
        "李某某", "审判员", "黄石市中级人民法院", "committee-1", "committee-1-name", "congress_committee", NOW
    )
    assert finding.clue_transfer == fd.ClueTransfer() and finding.transfer_pending
    assert finding.status is state
    [event] = finding.events
    assert isinstance(event, ev.MarkedForClueTransfer)
    with pytest.raises(Conflict, match=r"^该评查意见已标记移送问题线索$"):
        finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("王某", "书记员"), NOW)


def test_a_mark_names_a_person() -> None:
    finding = b.finding_in(FS.ISSUED)
    with pytest.raises(InvalidArgument) as caught:
        finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("", " ", "院" * 101), NOW)
    assert [d["field"] for d in caught.value.details] == ["staff_name", "staff_position", "staff_unit"]
    assert finding.misconduct is None and finding.clue_transfer is None
    finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("王某", "执行员", "大冶市人民法院"), NOW)
    assert finding.misconduct is not None and finding.misconduct.staff_unit == "大冶市人民法院"


def test_the_clue_service_acknowledges_once() -> None:
    finding = b.finding_in(FS.RECTIFYING)
    with pytest.raises(Conflict, match=r"^该评查意见未标记移送问题线索$"):
        finding.record_clue_transfer(commands.RecordClueTransfer("clue-1"), NOW)
    finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("李某某", "审判员"), NOW)
    with pytest.raises(InvalidArgument):
        finding.record_clue_transfer(commands.RecordClueTransfer(" "), NOW)
    later = NOW + timedelta(minutes=1)
    finding.record_clue_transfer(commands.RecordClueTransfer(" clue-1 "), later)
    assert finding.clue_transfer == fd.ClueTransfer(ClueTransferState.TRANSFERRED, "clue-1", later)
    assert not finding.transfer_pending
    mark = finding.misconduct
    assert mark is not None and (mark.staff_name, mark.staff_position, mark.staff_unit) == ("", "", "")
    assert (mark.marked_by, mark.marked_at) == ("clerk-1", NOW)  # who decided the transfer stays on record
    finding.record_clue_transfer(commands.RecordClueTransfer("clue-1"), later + timedelta(hours=1))  # a retry
    assert [e.name for e in finding.events] == ["marked_for_clue_transfer", "clue_transfer_recorded"]
    assert finding.clue_transfer.transferred_at == later
    with pytest.raises(Conflict, match=r"^该评查意见的问题线索已移送（线索编号 clue-1）$"):
        finding.record_clue_transfer(commands.RecordClueTransfer("clue-2"), later)


def test_the_clue_carries_what_the_finding_says_and_whom_it_concerns() -> None:
    finding = b.finding_in(FS.ISSUED)
    with pytest.raises(Conflict):
        fd.clue_transfer_request(finding)
    finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("李某某", "审判员"), NOW)
    request = fd.clue_transfer_request(finding)
    assert request == fd.ClueTransferRequest(
        source_kind="case_review",
        source_ref="review/b-1/finding/f-1",
        subject_kind="person",
        subject_name="李某某",
        subject_org="黄石市中级人民法院",
        subject_position="审判员",
        summary="案件质量评查发现的执法司法人员问题线索（案号 （2025）鄂02民初123号）",
        details=b.PROBLEM,
        official_subject="clerk-1",
        official_name="clerk-1-name",
        official_role="congress_clerk",
        decided_at=NOW,
    )
    assert len(request.summary) <= 200  # the clue service's summary limit
