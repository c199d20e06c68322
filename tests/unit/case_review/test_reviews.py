"""Review batches: rules, every state × action, every actor, the draw's result, answers and replacements,
score forms and the ratings at their boundaries."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest

from services.case_review import commands
from services.case_review import events as ev
from services.case_review import reviews as rv
from services.case_review.domain import BatchAction, BatchStatus, Category, Rating, ScoreItem, SeatAnswer, Specialty
from services.case_review.reviews import ReviewBatch
from tests.unit.case_review import builders as b
from wulian.kit.errors import Conflict, DomainError, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

NOW = b.DRAWN_AT + timedelta(days=2)
BS = BatchStatus
SUB, PRO, DOC, EFF = ScoreItem.SUBSTANCE, ScoreItem.PROCEDURE, ScoreItem.DOCUMENTS, ScoreItem.EFFECT


def state_of(batch: ReviewBatch) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(batch, name)) for name in ReviewBatch.__dataclass_fields__}


# --- rules ---------------------------------------------------------------------------------------------


def test_an_organizer_drafts_a_batch() -> None:
    batch = b.draft_batch()
    r = batch.rules
    assert (batch.status, batch.created_by, batch.created_at) == (BS.DRAFT, "clerk-1", b.T0)
    assert (r.name, r.case_ids, r.experts_per_case, r.backups_per_case, r.max_cases_per_expert) == (
        "2026年度涉企案件质量评查（第一批）",
        ("c-1", "c-2"),
        2,
        2,
        2,
    )
    assert r.category_quotas == ((Category.LAWYER, 1),) and r.category_minimums == {"lawyer": 1}
    assert r.specialty_quotas == () and r.cooling_off_days == 365
    assert [(c.case_id, c.number, c.unit) for c in batch.cases] == [
        ("c-1", "（2025）鄂02民初123号", b.COURT_UNIT),
        ("c-2", "鄂黄检民监〔2025〕42020000012号", b.PROCURATORATE_UNIT),
    ]
    assert [type(e) for e in batch.events] == [ev.BatchCreated]


def test_quotas_drop_zeros_and_keep_the_enumeration_s_order() -> None:
    command = b.rules(
        experts_per_case=5,
        category_quotas={"professor": 1, "deputy": 0, "lawyer": 2},
        specialty_quotas={"enforcement": 1, "commercial": 1},
    )
    r = rv.rules_from(command, b.batch_cases())
    assert r.category_quotas == ((Category.LAWYER, 2), (Category.PROFESSOR, 1))
    assert r.specialty_quotas == ((Specialty.COMMERCIAL, 1), (Specialty.ENFORCEMENT, 1))
    assert r.specialty_minimums == {"commercial": 1, "enforcement": 1}


def _withdrawn_c1() -> list:
    cases = b.batch_cases()
    cases[0].withdraw(b.COURT, commands.WithdrawCase("撤回"), b.T0)
    return cases


def _under_review_c2() -> list:
    cases = b.batch_cases()
    cases[1].take_into_review("b-0", b.T0)
    return cases


# (what is wrong, the rules' fields, the cases found, the fields named in the refusal)
BAD_RULES: list[tuple[str, dict[str, object], Callable[[], list], list[str]]] = [
    ("nothing", {"name": "", "case_ids": (), "experts_per_case": 0}, b.batch_cases, ["name", "case_ids",
                                                                                     "experts_per_case"]),
    ("name too long", {"name": "名" * 101}, b.batch_cases, ["name"]),
    ("repeated case", {"case_ids": ("c-1", "c-1")}, b.batch_cases, ["case_ids"]),
    ("unknown case", {"case_ids": ("c-1", "c-9")}, b.batch_cases, ["case_ids"]),
    ("withdrawn case", {}, _withdrawn_c1, ["case_ids"]),
    ("case in another batch", {}, _under_review_c2, ["case_ids"]),
    ("too many cases", {"case_ids": tuple(f"c-{i}" for i in range(501))}, b.batch_cases, ["case_ids"]),
    ("too many experts", {"experts_per_case": 51}, b.batch_cases, ["experts_per_case"]),
    ("experts as text", {"experts_per_case": "2"}, b.batch_cases, ["experts_per_case"]),
    ("experts as bool", {"experts_per_case": True}, b.batch_cases, ["experts_per_case"]),
    ("negative backups", {"backups_per_case": -1}, b.batch_cases, ["backups_per_case"]),
    ("too many backups", {"backups_per_case": 51}, b.batch_cases, ["backups_per_case"]),
    ("no case per expert", {"max_cases_per_expert": 0}, b.batch_cases, ["max_cases_per_expert"]),
    ("negative cooling off", {"cooling_off_days": -1}, b.batch_cases, ["cooling_off_days"]),
    ("cooling off too long", {"cooling_off_days": 3661}, b.batch_cases, ["cooling_off_days"]),
    ("unknown category", {"category_quotas": {"judge": 1}}, b.batch_cases, ["category_quotas"]),
    ("negative quota", {"category_quotas": {"lawyer": -1}}, b.batch_cases, ["category_quotas"]),
    ("quota over seats", {"category_quotas": {"lawyer": 3}}, b.batch_cases, ["category_quotas"]),
    ("quota as bool", {"category_quotas": {"lawyer": True}}, b.batch_cases, ["category_quotas"]),
    ("unknown specialty", {"specialty_quotas": {"maritime": 1}}, b.batch_cases, ["specialty_quotas"]),
    ("categories over seats", {"category_quotas": {"lawyer": 2, "professor": 1}}, b.batch_cases,
     ["category_quotas"]),
    ("quotas together over seats", {"category_quotas": {"lawyer": 1}, "specialty_quotas": {"civil": 1,
                                                                                          "commercial": 1}},
     b.batch_cases, ["specialty_quotas"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "cases", "named"), BAD_RULES, ids=[c[0] for c in BAD_RULES])
def test_bad_rules_are_refused_per_field(
    what: str, fields: dict[str, object], cases: Callable[[], list], named: list[str]
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        ReviewBatch.create("b-1", b.CLERK, commands.CreateBatch(b.rules(**fields)), b.T0, cases())
    assert caught.value.message == "评查批次未通过校验"
    assert [d["field"] for d in caught.value.details] == named


def test_the_quota_total_is_explained() -> None:
    with pytest.raises(InvalidArgument) as caught:
        rv.rules_from(b.rules(category_quotas={"lawyer": 2, "professor": 1}), b.batch_cases())
    assert caught.value.details == [{"field": "category_quotas", "message": "各项配额合计 3 名，超过每案专家人数 2 名"}]


@pytest.mark.parametrize("person", b.NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_create_a_batch(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以组织案件评查$"):
        ReviewBatch.create("b-1", person, commands.CreateBatch(b.rules()), b.T0, b.batch_cases())


def test_editing_a_draft_replaces_its_rules_and_cases() -> None:
    batch = b.batch_in(BS.DRAFT)
    batch.edit(b.COMMITTEE, commands.EditBatch(b.rules(case_ids=("c-2",), experts_per_case=3)), NOW, b.batch_cases())
    assert batch.rules.case_ids == ("c-2",) and [c.case_id for c in batch.cases] == ["c-2"]
    assert [type(e) for e in batch.events] == [ev.BatchEdited]


def test_a_bad_edit_changes_nothing() -> None:
    batch = b.batch_in(BS.DRAFT)
    before = state_of(batch)
    with pytest.raises(InvalidArgument):
        batch.edit(b.CLERK, commands.EditBatch(b.rules(case_ids=())), NOW, b.batch_cases())
    assert state_of(batch) == before


# --- every state × action ---------------------------------------------------------------------------------

LEGAL: dict[tuple[BatchStatus, BatchAction], BatchStatus] = {
    (BS.DRAFT, BatchAction.EDIT): BS.DRAFT,
    (BS.DRAFT, BatchAction.BEGIN_DRAW): BS.DRAWING,
    (BS.DRAWING, BatchAction.CANCEL_DRAW): BS.DRAFT,
    (BS.DRAWING, BatchAction.RECORD_DRAW_RESULT): BS.DRAWN,
    (BS.DRAWN, BatchAction.ANSWER_ASSIGNMENT): BS.DRAWN,
    (BS.DRAWN, BatchAction.RECORD_REPLACEMENT): BS.DRAWN,
    (BS.DRAWN, BatchAction.START_REVIEW): BS.REVIEWING,
    (BS.REVIEWING, BatchAction.SAVE_FORM): BS.REVIEWING,
    (BS.REVIEWING, BatchAction.CLOSE): BS.CLOSED,
    **{(s, BatchAction.CANCEL): BS.CANCELLED for s in (BS.DRAFT, BS.DRAWING, BS.DRAWN, BS.REVIEWING)},
}


def _replace(batch: ReviewBatch) -> None:
    if batch.status is BS.DRAWN:
        batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "与当事人有业务往来"), NOW)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)


def _start(batch: ReviewBatch) -> None:
    if batch.status is BS.DRAWN:
        b.accept_all(batch)
    batch.start_review(b.CLERK, NOW)


def _close(batch: ReviewBatch) -> None:
    if batch.status is BS.REVIEWING:
        b.submit_all(batch)
    batch.close(b.CLERK, NOW + timedelta(days=30))


DO: dict[BatchAction, Callable[[ReviewBatch], object]] = {
    BatchAction.EDIT: lambda x: x.edit(b.CLERK, commands.EditBatch(b.rules(name="改名")), NOW, b.batch_cases()),
    BatchAction.BEGIN_DRAW: lambda x: x.begin_draw(b.CLERK, commands.BeginDraw("d-2"), NOW),
    BatchAction.CANCEL_DRAW: lambda x: x.cancel_draw(b.CLERK, commands.CancelDraw("d-1", "见证人未到场"), NOW),
    BatchAction.RECORD_DRAW_RESULT: lambda x: x.record_draw_result(b.RESULT, NOW),
    BatchAction.ANSWER_ASSIGNMENT: lambda x: x.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", True), NOW),
    BatchAction.RECORD_REPLACEMENT: _replace,
    BatchAction.START_REVIEW: _start,
    BatchAction.SAVE_FORM: lambda x: x.save_form(b.E[1], b.form(), NOW),
    BatchAction.CLOSE: _close,
    BatchAction.CANCEL: lambda x: x.cancel(b.CLERK, commands.CancelBatch("评查计划调整"), NOW),
}
# The same steps by someone with no part in any of them: a wrong state must still be a conflict.
BY_A_STRANGER: dict[BatchAction, Callable[[ReviewBatch], object]] = {
    BatchAction.EDIT: lambda x: x.edit(b.DEPUTY, commands.EditBatch(b.rules()), NOW, b.batch_cases()),
    BatchAction.BEGIN_DRAW: lambda x: x.begin_draw(b.DEPUTY, commands.BeginDraw(""), NOW),
    BatchAction.CANCEL_DRAW: lambda x: x.cancel_draw(b.DEPUTY, commands.CancelDraw("d-9", ""), NOW),
    BatchAction.RECORD_DRAW_RESULT: lambda x: x.record_draw_result(commands.RecordDrawResult("d-9", ()), NOW),
    BatchAction.ANSWER_ASSIGNMENT: lambda x: x.answer_assignment(
        b.DEPUTY, commands.AnswerAssignment("c-9", False), NOW
    ),
    BatchAction.RECORD_REPLACEMENT: lambda x: x.record_replacement(commands.RecordReplacement("c-9", "x", "y"), NOW),
    BatchAction.START_REVIEW: lambda x: x.start_review(b.DEPUTY, NOW),
    BatchAction.SAVE_FORM: lambda x: x.save_form(b.DEPUTY, commands.SaveScoreForm("c-9", {"x": "y"}), NOW),
    BatchAction.CLOSE: lambda x: x.close(b.DEPUTY, NOW),
    BatchAction.CANCEL: lambda x: x.cancel(b.DEPUTY, commands.CancelBatch(""), NOW),
}  # fmt: skip
CELLS = [(s, a) for s in BS for a in BatchAction]


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c in LEGAL], ids=lambda v: str(v))
def test_legal_transition(state: BatchStatus, action: BatchAction) -> None:
    batch = b.batch_in(state)
    DO[action](batch)
    assert batch.status is LEGAL[state, action]
    assert batch.events, "a transition records what happened"


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c not in LEGAL], ids=lambda v: str(v))
@pytest.mark.parametrize("do", [DO, BY_A_STRANGER], ids=["organizer-or-expert", "stranger"])
def test_illegal_transition_is_a_conflict_and_changes_nothing(
    state: BatchStatus, action: BatchAction, do: dict[BatchAction, Callable[[ReviewBatch], object]]
) -> None:
    batch = b.batch_in(state)
    before = state_of(batch)
    with pytest.raises(Conflict) as caught:
        do[action](batch)
    assert caught.value.message.startswith("该评查批次")
    assert state_of(batch) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (BS.DRAFT, BatchAction.SAVE_FORM, "该评查批次尚在草拟中，不能填写评分表"),
        (BS.DRAWING, BatchAction.EDIT, "该评查批次正在抽取专家，不能修改"),
        (BS.DRAWN, BatchAction.RECORD_DRAW_RESULT, "该评查批次已抽取专家，尚未开始评查，不能登记抽取结果"),
        (BS.DRAWN, BatchAction.CANCEL_DRAW, "该评查批次已抽取专家，尚未开始评查，不能取消抽取"),
        (BS.REVIEWING, BatchAction.ANSWER_ASSIGNMENT, "该评查批次正在评查，不能确认是否参加评查"),
        (BS.CLOSED, BatchAction.SAVE_FORM, "该评查批次已结束，不能填写评分表"),
        (BS.CLOSED, BatchAction.CANCEL, "该评查批次已结束，不能取消"),
        (BS.CANCELLED, BatchAction.BEGIN_DRAW, "该评查批次已取消，不能开始抽取"),
    ],
)
def test_conflict_messages(state: BatchStatus, action: BatchAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        DO[action](b.batch_in(state))
    assert caught.value.message == message


# --- who acts -----------------------------------------------------------------------------------------------

ORGANIZER_STEPS: dict[str, tuple[BatchStatus, Callable[[ReviewBatch, Principal], object], str]] = {
    "edit": (BS.DRAFT, lambda x, p: x.edit(p, commands.EditBatch(b.rules()), NOW, b.batch_cases()), "修改评查批次"),
    "begin_draw": (BS.DRAFT, lambda x, p: x.begin_draw(p, commands.BeginDraw("d-2"), NOW), "组织抽取"),
    "cancel_draw": (BS.DRAWING, lambda x, p: x.cancel_draw(p, commands.CancelDraw("d-1", "理由"), NOW), "取消抽取"),
    "start_review": (BS.DRAWN, lambda x, p: x.start_review(p, NOW), "开始评查"),
    "close": (BS.REVIEWING, lambda x, p: x.close(p, NOW), "结束评查"),
    "cancel": (BS.DRAWN, lambda x, p: x.cancel(p, commands.CancelBatch("理由"), NOW), "取消评查批次"),
}
ORGANIZER_CELLS = [(step, p) for step in ORGANIZER_STEPS for p in b.NOT_ORGANIZERS]


@pytest.mark.parametrize(("step", "person"), ORGANIZER_CELLS, ids=[f"{s}-{p.subject}" for s, p in ORGANIZER_CELLS])
def test_only_organizers_run_a_batch(step: str, person: Principal) -> None:
    state, take, verb = ORGANIZER_STEPS[step]
    batch = b.batch_in(state)
    before = state_of(batch)
    with pytest.raises(PermissionDenied) as caught:
        take(batch, person)
    assert caught.value.message == f"只有人大常委会联络人员或专（工）委可以{verb}"
    assert state_of(batch) == before


@pytest.mark.parametrize("person", [p for p in b.EVERYONE if p not in (b.E[1], b.E[2])], ids=lambda p: p.subject)
def test_only_the_drawn_expert_answers_for_their_seat(person: Principal) -> None:
    batch = b.batch_in(BS.DRAWN)
    before = state_of(batch)
    with pytest.raises(PermissionDenied, match=r"^您未被抽取评查该案件$"):
        batch.answer_assignment(person, commands.AnswerAssignment("c-1", True), NOW)
    if person not in b.ORGANIZERS:  # naming the expert is an organizer's way of recording a phone answer
        with pytest.raises(PermissionDenied, match=r"^您未被抽取评查该案件$"):
            batch.answer_assignment(person, commands.AnswerAssignment("c-1", True, expert_id="x-1"), NOW)
    assert state_of(batch) == before


@pytest.mark.parametrize("organizer", b.ORGANIZERS, ids=lambda p: p.subject)
def test_an_organizer_records_an_answer_given_by_phone_and_the_event_says_so(organizer: Principal) -> None:
    batch = b.batch_in(BS.DRAWN)
    batch.answer_assignment(organizer, commands.AnswerAssignment("c-1", True, expert_id=" x-1 "), NOW)
    with pytest.raises(InvalidArgument):
        batch.answer_assignment(organizer, commands.AnswerAssignment("c-1", False, expert_id="x-2"), NOW)
    batch.answer_assignment(organizer, commands.AnswerAssignment("c-1", False, "电话告知出差", expert_id="x-2"), NOW)
    batch.answer_assignment(b.E[3], commands.AnswerAssignment("c-2", True), NOW)
    seats = batch.case("c-1").seats
    assert [(s.answer, s.answered_by) for s in seats] == [
        (SeatAnswer.ACCEPTED, organizer.subject),
        (SeatAnswer.DECLINED, organizer.subject),
    ]
    assert [(e.expert_id, e.on_behalf) for e in batch.events] == [  # type: ignore[attr-defined]
        ("x-1", True), ("x-2", True), ("x-3", False),
    ]  # fmt: skip
    for case_id, expert_id in [("c-1", "x-5"), ("c-1", "x-3"), ("c-9", "x-1"), ("c-1", "x-2")]:  # backup, other
        with pytest.raises(NotFound, match=r"^该专家未被抽取评查该案件$"):  # case, no case, declined already
            batch.answer_assignment(organizer, commands.AnswerAssignment(case_id, True, expert_id=expert_id), NOW)
    with pytest.raises(Conflict, match=r"^该专家已确认参加该案件的评查$"):
        batch.answer_assignment(organizer, commands.AnswerAssignment("c-1", False, "x", expert_id="x-1"), NOW)


@pytest.mark.parametrize("person", [p for p in b.EVERYONE if p not in (b.E[1], b.E[2])], ids=lambda p: p.subject)
def test_only_the_drawn_expert_scores_their_case(person: Principal) -> None:
    batch = b.batch_in(BS.REVIEWING)
    before = state_of(batch)
    with pytest.raises(PermissionDenied, match=r"^只有抽取到该案件并同意参加的专家可以为其评分$"):
        batch.save_form(person, b.form("c-1"), NOW)
    assert state_of(batch) == before


def test_an_expert_cannot_score_another_s_case_even_in_the_same_batch() -> None:
    batch = b.batch_in(BS.REVIEWING)
    for n, other_case in [(1, "c-2"), (2, "c-2"), (3, "c-1"), (4, "c-1")]:
        with pytest.raises(PermissionDenied):
            batch.save_form(b.E[n], b.form(other_case), NOW)
    with pytest.raises(PermissionDenied):  # a backup never called
        batch.save_form(b.E[5], b.form("c-1"), NOW)
    with pytest.raises(PermissionDenied):  # a case of no batch: the same answer, nothing revealed
        batch.save_form(b.E[1], b.form("c-9"), NOW)
    assert all(not c.forms for c in batch.cases)


def test_the_expert_role_is_needed_not_just_the_login() -> None:
    impostor = b.who("court", subject="expert-1", org_unit=b.COURT_UNIT)
    with pytest.raises(PermissionDenied):
        b.batch_in(BS.DRAWN).answer_assignment(impostor, commands.AnswerAssignment("c-1", True), NOW)
    with pytest.raises(PermissionDenied):
        b.batch_in(BS.REVIEWING).save_form(impostor, b.form(), NOW)


# --- the draw -----------------------------------------------------------------------------------------------


def test_a_draw_begins_and_takes_the_cases() -> None:
    batch = b.batch_in(BS.DRAFT)
    assert batch.begin_draw(b.CLERK, commands.BeginDraw(" d-1 "), NOW) == ("c-1", "c-2")
    assert batch.draws == [rv.DrawAttempt("d-1", "clerk-1", NOW)]
    [event] = batch.events
    assert isinstance(event, ev.DrawBegun) and event.draw_id == "d-1"


@pytest.mark.parametrize("draw_id", ["", "  ", "d 1", "d" * 65])
def test_a_draw_needs_an_id(draw_id: str) -> None:
    with pytest.raises(InvalidArgument) as caught:
        b.batch_in(BS.DRAFT).begin_draw(b.CLERK, commands.BeginDraw(draw_id), NOW)
    assert caught.value.details[0]["field"] == "draw_id"


def test_a_cancelled_draw_sends_the_batch_back_and_is_never_reused() -> None:
    batch = b.batch_in(BS.DRAWING)
    with pytest.raises(Conflict, match=r"^该抽取不是本批次正在进行的抽取$"):
        batch.cancel_draw(b.CLERK, commands.CancelDraw("d-9", "理由"), NOW)
    with pytest.raises(InvalidArgument):
        batch.cancel_draw(b.CLERK, commands.CancelDraw("d-1", " "), NOW)
    assert batch.cancel_draw(b.CLERK, commands.CancelDraw("d-1", " 纪检监察组见证人未到场 "), NOW) == ("c-1", "c-2")
    assert batch.status is BS.DRAFT
    assert batch.draws[0] == rv.DrawAttempt("d-1", "clerk-1", b.T0 + timedelta(days=5), outcome="cancelled",
                                            reason="纪检监察组见证人未到场", ended_at=NOW)  # fmt: skip
    assert [(type(e), e.failed) for e in batch.events] == [(ev.DrawCancelled, False)]  # type: ignore[attr-defined]
    with pytest.raises(Conflict, match=r"^该抽取编号已在本批次使用过"):
        batch.begin_draw(b.CLERK, commands.BeginDraw("d-1"), NOW)
    batch.begin_draw(b.CLERK, commands.BeginDraw("d-2"), NOW)
    batch.record_draw_result(commands.RecordDrawResult("d-2", b.RESULT.cases), NOW)
    assert [d.outcome for d in batch.draws] == ["cancelled", "fixed"]


def test_a_failed_draw_is_recorded_with_its_reason() -> None:
    batch = b.batch_in(BS.DRAWING)
    with pytest.raises(Conflict):
        batch.record_draw_failure("d-9", "x", NOW)
    assert batch.record_draw_failure("d-1", "案件（2025）鄂02民初123号：回避后可抽取的律师仅 0 名", NOW) == (
        "c-1",
        "c-2",
    )
    assert batch.status is BS.DRAFT and batch.draws[0].outcome == "failed"
    assert batch.draws[0].reason.startswith("案件")
    assert [(type(e), e.failed) for e in batch.events] == [(ev.DrawCancelled, True)]  # type: ignore[attr-defined]
    other = b.batch_in(BS.DRAWING)
    other.record_draw_failure("d-1", "  ", NOW)
    assert other.draws[0].reason == "专家库不能满足抽取规则"


def test_the_result_puts_the_main_lists_on_seats_and_keeps_the_backups() -> None:
    batch = b.batch_in(BS.DRAWING)
    batch.record_draw_result(b.RESULT, b.DRAWN_AT)
    c1 = batch.case("c-1")
    assert [(s.expert_id, s.answer, s.backup_rank) for s in c1.seats] == [
        ("x-1", SeatAnswer.PENDING, 0),
        ("x-2", SeatAnswer.PENDING, 0),
    ]
    assert [r.expert_id for r in c1.backups] == ["x-5", "x-6"]
    assert c1.seats[0].reviewer == rv.Reviewer("x-1", "专家1", Category.LAWYER, "expert-1")
    assert batch.draws[0].outcome == "fixed" and batch.draws[0].ended_at == b.DRAWN_AT
    assert [e.name for e in batch.events] == ["drawn", *["expert_drawn"] * 4]
    assert [(e.case_id, e.expert_id) for e in batch.events[1:]] == [  # type: ignore[attr-defined]
        ("c-1", "x-1"), ("c-1", "x-2"), ("c-2", "x-3"), ("c-2", "x-4"),
    ]  # fmt: skip
    assert batch.reviewer_subjects() == ("expert-1", "expert-2", "expert-3", "expert-4")


def test_a_result_of_another_draw_is_refused() -> None:
    batch = b.batch_in(BS.DRAWING)
    with pytest.raises(Conflict, match=r"^该抽取不是本批次正在进行的抽取$"):
        batch.record_draw_result(commands.RecordDrawResult("d-2", b.RESULT.cases), NOW)


C1, C2 = b.RESULT.cases
X = b.drawn_expert
BAD_RESULTS: list[tuple[str, tuple[commands.DrawnCase, ...], str]] = [
    ("a case missing", (C1,), "cases"),
    ("a case of no batch", (C1, C2, commands.DrawnCase("c-9", (X(1, "lawyer"), X(2, "deputy")))), "cases"),
    ("a case twice", (C1, C1, C2), "cases"),
    ("short main list", (commands.DrawnCase("c-1", (X(1, "lawyer"),)), C2), "cases.c-1"),
    ("long main list", (commands.DrawnCase("c-1", (X(1, "lawyer"), X(2, "deputy"), X(5, "deputy"))), C2), "cases.c-1"),
    ("too many backups", (commands.DrawnCase("c-1", C1.main, (X(5, "lawyer"), X(6, "deputy"), X(7, "other"))), C2),
     "cases.c-1"),
    ("an expert twice on a case", (commands.DrawnCase("c-1", C1.main, (X(1, "lawyer"),)), C2), "cases.c-1"),
    ("quota not met", (commands.DrawnCase("c-1", (X(2, "professor"), X(6, "deputy"))), C2), "cases.c-1"),
    ("unknown category", (commands.DrawnCase("c-1", (X(1, "judge"), X(2, "professor"))), C2), "cases.c-1"),
    ("no expert id", (commands.DrawnCase("c-1", (commands.DrawnExpert("", "某", "lawyer"), X(2, "professor"))), C2),
     "cases.c-1"),
    ("over the most cases per expert", (C1, C2, ), "cases"),
]  # fmt: skip


def test_a_backup_does_not_count_against_the_most_cases_per_expert() -> None:
    batch = b.batch_in(BS.DRAWING)
    batch.rules = rv.Rules(**{**{f: getattr(batch.rules, f) for f in rv.Rules.__slots__}, "max_cases_per_expert": 1})
    c2 = commands.DrawnCase("c-2", (X(3, "lawyer"), X(4, "deputy")), (X(1, "lawyer"),))  # expert 1: main on c-1
    batch.record_draw_result(commands.RecordDrawResult("d-1", (C1, c2)), NOW)
    assert batch.status is BS.DRAWN


@pytest.mark.parametrize(("what", "cases", "field"), BAD_RESULTS, ids=[c[0] for c in BAD_RESULTS])
def test_a_result_that_does_not_fit_the_rules_is_refused(
    what: str, cases: tuple[commands.DrawnCase, ...], field: str
) -> None:
    batch = b.batch_in(BS.DRAWING)
    if what == "over the most cases per expert":
        batch.rules = rv.Rules(
            **{**{f: getattr(batch.rules, f) for f in rv.Rules.__slots__}, "max_cases_per_expert": 1}
        )
        cases = (C1, commands.DrawnCase("c-2", (X(1, "lawyer"), X(4, "deputy")), (X(5, "lawyer"),)))
    before = state_of(batch)
    with pytest.raises(InvalidArgument) as caught:
        batch.record_draw_result(commands.RecordDrawResult("d-1", cases), NOW)
    assert caught.value.message == "抽取结果与本批次的抽取规则不符"
    assert caught.value.details[0]["field"] == field
    assert state_of(batch) == before


# --- answers and replacements ---------------------------------------------------------------------------


def test_a_drawn_expert_accepts() -> None:
    batch = b.batch_in(BS.DRAWN)
    batch.answer_assignment(b.E[1], commands.AnswerAssignment(" c-1 ", True, "无利害关系"), NOW)
    seat = batch.case("c-1").seats[0]
    assert (seat.answer, seat.answered_at, seat.answered_by, seat.decline_reason) == (
        SeatAnswer.ACCEPTED,
        NOW,
        "expert-1",
        "",
    )
    [event] = batch.events
    assert isinstance(event, ev.AssignmentAnswered) and event.answer is SeatAnswer.ACCEPTED
    with pytest.raises(Conflict, match=r"^该专家已确认参加该案件的评查$"):
        batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "改变主意"), NOW)


def test_a_decline_needs_a_reason_and_then_the_expert_is_off_the_case() -> None:
    batch = b.batch_in(BS.DRAWN)
    with pytest.raises(InvalidArgument) as caught:
        batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, " "), NOW)
    assert caught.value.details == [{"field": "reason", "message": "不参加的理由不能为空"}]
    batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "曾为本案当事人提供法律咨询"), NOW)
    seat = batch.case("c-1").seats[0]
    assert seat.answer is SeatAnswer.DECLINED and seat.decline_reason == "曾为本案当事人提供法律咨询"
    assert not seat.settled and batch.assigned_case_ids(b.E[1]) == ()
    with pytest.raises(PermissionDenied):  # a declined expert no longer holds the seat
        batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", True), NOW)


def _declined(n: int = 1, case_id: str = "c-1") -> ReviewBatch:
    batch = b.batch_in(BS.DRAWN)
    batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, False, "出差"), NOW)
    batch.events.clear()
    return batch


def test_a_backup_replaces_a_decline_and_answers_in_turn() -> None:
    batch = _declined()
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)
    seats = batch.case("c-1").seats
    assert [(s.expert_id, s.answer, s.backup_rank, s.replaces, s.settled) for s in seats] == [
        ("x-1", SeatAnswer.DECLINED, 0, "", True),
        ("x-2", SeatAnswer.PENDING, 0, "", False),
        ("x-5", SeatAnswer.PENDING, 1, "x-1", False),
    ]
    replaced, drawn = batch.events
    assert isinstance(replaced, ev.ExpertReplaced) and isinstance(drawn, ev.ExpertDrawn)
    assert (replaced.declined_expert_id, replaced.replacement_expert_id, replaced.backup_rank) == ("x-1", "x-5", 1)
    assert (drawn.expert_id, drawn.expert_subject, drawn.backup_rank) == ("x-5", "expert-5", 1)
    assert batch.assigned_case_ids(b.E[5]) == ("c-1",)
    batch.answer_assignment(b.E[5], commands.AnswerAssignment("c-1", True), NOW)
    assert seats[-1].answer is SeatAnswer.PENDING  # the list was copied, the batch's is current
    assert batch.case("c-1").seats[-1].answer is SeatAnswer.ACCEPTED


def test_recording_the_same_replacement_twice_has_no_second_effect() -> None:
    batch = _declined()
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)
    before = state_of(batch)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)
    assert state_of(batch) == before
    with pytest.raises(Conflict, match=r"^该专家的递补已登记$"):
        batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-6"), NOW)


def test_a_second_backup_replaces_a_replacement_that_declines() -> None:
    batch = _declined()
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)
    batch.answer_assignment(b.E[5], commands.AnswerAssignment("c-1", False, "身体原因"), NOW)
    with pytest.raises(InvalidArgument) as caught:  # x-5 was called already
        batch.record_replacement(commands.RecordReplacement("c-1", "x-5", "x-5"), NOW)
    assert caught.value.details[0]["field"] == "replacement_expert_id"
    batch.record_replacement(commands.RecordReplacement("c-1", "x-5", "x-6"), NOW)
    assert [(s.expert_id, s.backup_rank, s.replaces) for s in batch.case("c-1").reviewers] == [
        ("x-2", 0, ""),
        ("x-6", 2, "x-5"),
    ]


@pytest.mark.parametrize(
    ("command", "error", "message"),
    [
        (commands.RecordReplacement("c-1", "x-2", "x-5"), Conflict, "该专家未拒绝参加该案件的评查，不能递补"),
        (commands.RecordReplacement("c-1", "x-9", "x-5"), Conflict, "该专家未拒绝参加该案件的评查，不能递补"),
        (commands.RecordReplacement("c-9", "x-1", "x-5"), NotFound, "本评查批次不含该案件"),
        (commands.RecordReplacement("c-1", "x-1", "x-7"), InvalidArgument, "递补专家不正确"),  # c-2's backup
        (commands.RecordReplacement("c-1", "x-1", "x-2"), InvalidArgument, "递补专家不正确"),  # on the list
    ],
)
def test_a_replacement_that_does_not_fit(
    command: commands.RecordReplacement, error: type[DomainError], message: str
) -> None:
    batch = _declined()
    before = state_of(batch)
    with pytest.raises(error) as caught:
        batch.record_replacement(command, NOW)
    assert caught.value.message == message
    assert state_of(batch) == before


def test_no_backup_fits_and_the_seat_stays_vacant() -> None:
    batch = _declined()
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", ""), NOW)
    assert [type(e) for e in batch.events] == [ev.SeatLeftVacant]
    assert batch.case("c-1").seats[0].settled and len(batch.case("c-1").reviewers) == 1
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", ""), NOW)  # again: no effect
    assert len(batch.events) == 1


# --- starting the review ------------------------------------------------------------------------------------


def test_the_review_starts_when_every_seat_is_answered() -> None:
    batch = b.batch_in(BS.DRAWN)
    with pytest.raises(Conflict) as caught:
        batch.start_review(b.CLERK, NOW)
    assert caught.value.message == "尚不能开始评查：案件 （2025）鄂02民初123号 有专家尚未确认是否参加"
    assert len(caught.value.details["problems"]) == 2
    b.accept_all(batch)
    batch.events.clear()
    batch.start_review(b.COMMITTEE, NOW)
    started, *opened = batch.events
    assert isinstance(started, ev.ReviewStarted) and started.case_ids == ("c-1", "c-2")
    assert all(isinstance(e, ev.ScoringOpened) for e in opened)
    assert [(e.case_id, e.expert_subject) for e in opened] == [  # type: ignore[attr-defined]
        ("c-1", "expert-1"), ("c-1", "expert-2"), ("c-2", "expert-3"), ("c-2", "expert-4"),
    ]  # fmt: skip


def test_the_review_waits_for_a_declined_seat_to_be_settled() -> None:
    batch = _declined()
    for n, case_id in [(2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), NOW)
    with pytest.raises(Conflict, match=r"有拒绝参加的专家尚未递补$"):
        batch.start_review(b.CLERK, NOW)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", ""), NOW)
    batch.start_review(b.CLERK, NOW)  # one reviewer left on c-1 is enough
    assert batch.status is BS.REVIEWING


def test_a_case_without_any_accepted_reviewer_cannot_be_reviewed() -> None:
    batch = b.batch_in(BS.DRAWN)
    for n in (1, 2):
        batch.answer_assignment(b.E[n], commands.AnswerAssignment("c-1", False, "出差"), NOW)
        batch.record_replacement(commands.RecordReplacement("c-1", f"x-{n}", ""), NOW)
    for n in (3, 4):
        batch.answer_assignment(b.E[n], commands.AnswerAssignment("c-2", True), NOW)
    with pytest.raises(Conflict, match=r"^尚不能开始评查：案件 （2025）鄂02民初123号 没有同意参加的专家$"):
        batch.start_review(b.CLERK, NOW)


def test_every_reviewer_needs_a_login_to_score_online() -> None:
    batch = b.batch_in(BS.DRAWING)
    no_login = commands.DrawnCase("c-1", (X(1, "lawyer"), X(2, "professor", subject=False)))
    batch.record_draw_result(commands.RecordDrawResult("d-1", (no_login, C2)), NOW)
    for n, case_id in [(1, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), NOW)
    with pytest.raises(Conflict, match=r"有专家尚未确认是否参加$"):  # and it cannot answer online either
        batch.start_review(b.CLERK, NOW)
    batch.answer_assignment(b.CLERK, commands.AnswerAssignment("c-1", True, expert_id="x-2"), NOW)  # by phone
    batch.start_review(b.CLERK, NOW)  # an expert without a login scores on paper; an organizer enters the form
    assert batch.status is BS.REVIEWING


def test_an_organizer_enters_a_paper_form_for_a_drawn_expert() -> None:
    batch = b.batch_in(BS.DRAWING)
    no_login = commands.DrawnCase("c-1", (X(1, "lawyer"), X(2, "professor", subject=False)))
    batch.record_draw_result(commands.RecordDrawResult("d-1", (no_login, C2)), NOW)
    for n, case_id in [(1, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), NOW)
    batch.answer_assignment(b.CLERK, commands.AnswerAssignment("c-1", True, expert_id="x-2"), NOW)
    batch.start_review(b.CLERK, NOW)
    batch.events.clear()
    paper = dataclasses.replace(b.form("c-1"), expert_id="x-2")
    for outsider in (b.COURT, b.STATION, b.DEPUTY, b.E[2]):
        with pytest.raises(PermissionDenied):
            batch.save_form(outsider, paper, NOW)
    with pytest.raises(NotFound):  # not drawn for that case
        batch.save_form(b.CLERK, dataclasses.replace(paper, expert_id="x-3"), NOW)
    form = batch.save_form(b.CLERK, paper, NOW)
    assert form.expert_id == "x-2" and form.submitted
    event = batch.events[-1]
    assert isinstance(event, ev.ScoreFormSubmitted) and event.on_behalf and event.expert_id == "x-2"
    own = batch.save_form(b.E[1], b.form("c-1"), NOW)
    assert own.expert_id == "x-1" and not batch.events[-1].on_behalf  # type: ignore[attr-defined]


# --- score forms -----------------------------------------------------------------------------------------


def test_an_expert_saves_a_draft_changes_it_and_submits_it() -> None:
    batch = b.batch_in(BS.REVIEWING)
    draft = batch.save_form(
        b.E[1], commands.SaveScoreForm("c-1", {"substance": "35.5"}, {"substance": "事实认定有瑕疵"}), NOW
    )
    assert draft.scores == {SUB: Decimal("35.5")} and draft.total == Decimal("35.5") and not draft.submitted
    assert batch.events == []  # a draft is the expert's own business
    batch.save_form(b.E[1], commands.SaveScoreForm("c-1", {"substance": 36, "procedure": 30}), NOW)
    assert batch.case("c-1").forms["x-1"].scores == {SUB: Decimal(36), PRO: Decimal(30)}
    later = NOW + timedelta(hours=1)
    submitted = batch.save_form(b.E[1], b.form("c-1"), later)
    assert submitted.submitted_at == later and submitted.total == Decimal(90)
    assert submitted.scores == {SUB: 36, PRO: 27, DOC: 18, EFF: 9}
    [event] = batch.events
    assert isinstance(event, ev.ScoreFormSubmitted) and (event.case_id, event.expert_id) == ("c-1", "x-1")
    with pytest.raises(Conflict, match=r"^您已提交该案件的评分表，不能再修改$"):
        batch.save_form(b.E[1], b.form("c-1", substance=40), later)
    assert batch.case("c-1").forms["x-1"] == submitted


def test_each_expert_has_their_own_form() -> None:
    batch = b.batch_in(BS.REVIEWING)
    batch.save_form(b.E[1], b.form("c-1", substance=40), NOW)
    batch.save_form(b.E[2], b.form("c-1", substance=20), NOW)
    forms = batch.case("c-1").forms
    assert (forms["x-1"].scores[SUB], forms["x-2"].scores[SUB]) == (40, 20)
    assert not batch.case("c-2").forms


@pytest.mark.parametrize(
    ("value", "score"),
    [(0, Decimal(0)), ("0", Decimal(0)), (40, Decimal(40)), (39.5, Decimal("39.5")), ("39.50", Decimal("39.5")),
     (Decimal("0.5"), Decimal("0.5")), (" 12 ", Decimal(12)), (0.0, Decimal(0))],
)  # fmt: skip
def test_a_score_in_range(value: object, score: Decimal) -> None:
    assert rv.parse_score(value, "实体得分", 40) == (score, None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (40.5, "实体得分应在 0 至 40 分之间"),
        (41, "实体得分应在 0 至 40 分之间"),
        (-0.5, "实体得分应在 0 至 40 分之间"),
        ("-1", "实体得分应在 0 至 40 分之间"),
        (39.25, "实体得分的最小单位为 0.5 分"),
        ("0.1", "实体得分的最小单位为 0.5 分"),
        ("abc", "实体得分应为数字"),
        ("三十", "实体得分应为数字"),
        ("NaN", "实体得分应为数字"),
        ("Infinity", "实体得分应为数字"),
        (float("inf"), "实体得分应为数字"),
        (True, "请填写实体得分"),
        (None, "请填写实体得分"),
        ("", "请填写实体得分"),
    ],
)
def test_a_score_out_of_range_or_not_a_score(value: object, message: str) -> None:
    assert rv.parse_score(value, "实体得分", 40) == (None, message)  # type: ignore[arg-type]


@pytest.mark.parametrize(("item", "maximum"), [("substance", 40), ("procedure", 30), ("documents", 20), ("effect", 10)])
def test_each_item_has_its_own_maximum(item: str, maximum: int) -> None:
    batch = b.batch_in(BS.REVIEWING)
    batch.save_form(b.E[1], commands.SaveScoreForm("c-1", {item: maximum}), NOW)
    with pytest.raises(InvalidArgument) as caught:
        batch.save_form(b.E[1], commands.SaveScoreForm("c-1", {item: maximum + 0.5}), NOW)
    assert caught.value.details[0]["field"] == f"scores.{item}"
    assert caught.value.details[0]["message"].endswith(f"应在 0 至 {maximum} 分之间")


def test_the_maxima_sum_to_100() -> None:
    assert sum(rv.ITEM_MAXIMA.values()) == 100 and list(rv.ITEM_MAXIMA) == list(ScoreItem)


def _form(**fields: object) -> commands.SaveScoreForm:
    full = b.form("c-1")
    base = {"case_id": "c-1", "scores": full.scores, "comments": full.comments, "opinion": full.opinion, "submit": True}
    return commands.SaveScoreForm(**{**base, **fields})  # type: ignore[arg-type]


SCORES = {"substance": 36, "procedure": 27, "documents": 18, "effect": 9}
COMMENTS = {k: "扣分理由" for k in SCORES}
BAD_FORMS: list[tuple[str, dict[str, object], list[str]]] = [
    ("nothing on submit", {"scores": {}, "comments": {}, "opinion": ""},
     ["opinion", "scores.substance", "scores.procedure", "scores.documents", "scores.effect"]),
    ("an item missing", {"scores": {**SCORES, "effect": None}}, ["scores.effect"]),
    ("a blank item", {"scores": {**SCORES, "effect": " "}}, ["scores.effect"]),
    ("no reason for a deduction", {"comments": {**COMMENTS, "procedure": " "}}, ["comments.procedure"]),
    ("no opinion", {"opinion": "  "}, ["opinion"]),
    ("opinion too long", {"opinion": "意" * 5001}, ["opinion"]),
    ("comment too long", {"comments": {**COMMENTS, "documents": "评" * 2001}}, ["comments.documents"]),
    ("unknown item", {"scores": {**SCORES, "ethics": 5}}, ["scores"]),
    ("unknown comment", {"comments": {**COMMENTS, "ethics": "x"}}, ["comments"]),
    ("two scores out of range", {"scores": {**SCORES, "substance": 41, "effect": -1}},
     ["scores.substance", "scores.effect"]),
    ("declared total differs", {"declared_total": 91}, ["declared_total"]),
    ("declared total not a number", {"declared_total": "九十"}, ["declared_total"]),
    ("declared total over 100", {"declared_total": 100.5}, ["declared_total"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_FORMS, ids=[c[0] for c in BAD_FORMS])
def test_bad_forms_are_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    batch = b.batch_in(BS.REVIEWING)
    before = state_of(batch)
    with pytest.raises(InvalidArgument) as caught:
        batch.save_form(b.E[1], _form(**fields), NOW)
    assert caught.value.message == "评分表未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert state_of(batch) == before


def test_the_messages_of_a_form() -> None:
    batch = b.batch_in(BS.REVIEWING)
    with pytest.raises(InvalidArgument) as caught:
        batch.save_form(b.E[1], _form(declared_total=91, comments={**COMMENTS, "procedure": ""}), NOW)
    assert caught.value.details == [
        {"field": "declared_total", "message": "总分 91 与各项得分之和 90 不一致"},
        {"field": "comments.procedure", "message": "程序有扣分，须写明扣分理由"},
    ]


def test_full_marks_need_no_reason_and_a_matching_total_is_kept_out_of_the_form() -> None:
    batch = b.batch_in(BS.REVIEWING)
    full = {"substance": 40, "procedure": 30, "documents": 20, "effect": 10}
    form = batch.save_form(b.E[1], _form(scores=full, comments={}, declared_total="100"), NOW)
    assert form.total == 100 and form.comments == {} and form.submitted


def test_a_draft_may_be_incomplete_but_not_wrong() -> None:
    batch = b.batch_in(BS.REVIEWING)
    form = batch.save_form(b.E[1], commands.SaveScoreForm("c-1", {"substance": 30, "effect": ""}), NOW)
    assert form.scores == {SUB: 30} and form.opinion == ""
    with pytest.raises(InvalidArgument):
        batch.save_form(b.E[1], commands.SaveScoreForm("c-1", {"substance": 30.3}), NOW)
    draft_total = commands.SaveScoreForm("c-1", {"substance": 30, "procedure": 20}, declared_total=50)
    assert batch.save_form(b.E[1], draft_total, NOW).total == 50


def test_an_expert_who_has_not_accepted_cannot_score() -> None:
    batch = _declined(1)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), NOW)
    for n, case_id in [(2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), NOW)
    batch.answer_assignment(b.E[5], commands.AnswerAssignment("c-1", True), NOW)
    batch.start_review(b.CLERK, NOW)
    with pytest.raises(PermissionDenied):
        batch.save_form(b.E[1], b.form("c-1"), NOW)  # declined
    batch.save_form(b.E[5], b.form("c-1"), NOW)  # the replacement
    assert set(batch.case("c-1").forms) == {"x-5"}


# --- closing, and the rating ------------------------------------------------------------------------------


def test_the_batch_closes_once_every_reviewer_submitted() -> None:
    batch = b.batch_in(BS.REVIEWING)
    batch.save_form(b.E[1], b.form("c-1"), NOW)
    batch.save_form(b.E[2], b.form("c-1", submit=False), NOW)
    with pytest.raises(Conflict) as caught:
        batch.close(b.CLERK, NOW)
    assert caught.value.message == "尚不能结束评查：案件 （2025）鄂02民初123号 的专家 专家2 尚未提交评分表"
    assert len(caught.value.details["problems"]) == 3
    batch.save_form(b.E[2], b.form("c-1", substance=20), NOW)
    batch.save_form(b.E[3], b.form("c-2", substance=40, procedure=30, documents=20, effect=10), NOW)
    batch.save_form(b.E[4], b.form("c-2", substance=40, procedure=30, documents=19, effect=10), NOW)
    batch.events.clear()
    ratings = batch.close(b.CLERK, b.CLOSED_AT)
    assert ratings == {"c-1": Rating.ACCEPTABLE, "c-2": Rating.EXCELLENT}  # c-1: (90 + 74) / 2 = 82
    rating = batch.case("c-1").rating
    assert rating is not None and rating.total == 82
    assert batch.closed_at == b.CLOSED_AT
    [event] = batch.events
    assert isinstance(event, ev.BatchClosed)
    assert event.case_ids == ("c-1", "c-2")
    assert event.ratings == (Rating.ACCEPTABLE, Rating.EXCELLENT)
    assert event.units == (b.COURT_UNIT, b.PROCURATORATE_UNIT)


def test_cancelling_returns_the_cases_to_release() -> None:
    assert b.batch_in(BS.DRAFT).cancel(b.CLERK, commands.CancelBatch("计划调整"), NOW) == ()
    for state in (BS.DRAWING, BS.DRAWN, BS.REVIEWING):
        batch = b.batch_in(state)
        assert batch.cancel(b.CLERK, commands.CancelBatch(" 计划调整 "), NOW) == ("c-1", "c-2")
        assert batch.cancel_reason == "计划调整"
    drawn = b.batch_in(BS.DRAWN)
    drawn.cancel(b.CLERK, commands.CancelBatch("计划调整"), NOW)
    assert [e.name for e in drawn.events] == ["cancelled", *["seat_cancelled"] * 4]
    assert {e.expert_subject for e in drawn.events[1:]} == {f"expert-{n}" for n in (1, 2, 3, 4)}  # type: ignore[attr-defined]
    drawing = b.batch_in(BS.DRAWING)
    drawing.cancel(b.CLERK, commands.CancelBatch("计划调整"), NOW)
    assert drawing.draws[0].outcome == "cancelled" and drawing.draws[0].reason == "计划调整"
    with pytest.raises(InvalidArgument):
        b.batch_in(BS.DRAFT).cancel(b.CLERK, commands.CancelBatch(""), NOW)


@pytest.mark.parametrize(
    ("total", "rating"),
    [
        (100, Rating.EXCELLENT),
        (90, Rating.EXCELLENT),
        (Fraction(179, 2), Rating.ACCEPTABLE),  # 89.5
        (Fraction(8999, 100), Rating.ACCEPTABLE),  # 89.99: no rounding up
        (75, Rating.ACCEPTABLE),
        (Fraction(149, 2), Rating.FLAWED),  # 74.5
        (60, Rating.FLAWED),
        (Fraction(119, 2), Rating.UNACCEPTABLE),  # 59.5
        (0, Rating.UNACCEPTABLE),
    ],
)
def test_rating_thresholds_without_a_floor_breached(total: Fraction, rating: Rating) -> None:
    items = {SUB: 24, PRO: 18, DOC: 12, EFF: 6}  # every item exactly at its floor: not below it
    assert rv.rating_of(total, items) is rating


@pytest.mark.parametrize(
    ("items", "rating"),
    [
        ({SUB: 40, PRO: 30, DOC: 20, EFF: Decimal("5.5")}, Rating.FLAWED),  # 95.5, effect below 6
        ({SUB: Decimal("23.5"), PRO: 30, DOC: 20, EFF: 10}, Rating.FLAWED),  # 83.5, substance below 24
        ({SUB: 40, PRO: Decimal("17.5"), DOC: 20, EFF: 10}, Rating.FLAWED),
        ({SUB: 40, PRO: 30, DOC: Decimal("11.5"), EFF: 10}, Rating.FLAWED),
        ({SUB: 24, PRO: 18, DOC: 12, EFF: 6}, Rating.FLAWED),  # exactly the floors: 60
        ({SUB: 40, PRO: 30, DOC: 12, EFF: 8}, Rating.EXCELLENT),  # 90 with documents at the floor
        ({SUB: 10, PRO: 20, DOC: 20, EFF: 5}, Rating.UNACCEPTABLE),  # 55: a cap never raises
        ({SUB: 20, PRO: 25, DOC: 15, EFF: 5}, Rating.FLAWED),  # 65: already flawed
    ],
)
def test_an_item_below_its_floor_caps_the_rating_at_flawed(
    items: dict[ScoreItem, int | Decimal], rating: Rating
) -> None:
    total = sum((Fraction(v) for v in items.values()), Fraction(0))
    assert rv.rating_of(total, items) is rating


def _submitted(scores: dict[str, object]) -> rv.ScoreForm:
    parsed = {ScoreItem(k): Decimal(str(v)) for k, v in scores.items()}
    return rv.ScoreForm("c-1", "x", parsed, {}, "意见", b.T0, b.T0)


def test_rate_takes_exact_means_of_the_submitted_forms() -> None:
    a = _submitted({"substance": 36, "procedure": 27, "documents": 18, "effect": 9})  # 90
    c = _submitted({"substance": 36, "procedure": 27, "documents": 17.5, "effect": 9})  # 89.5
    draft = rv.ScoreForm("c-1", "y", {SUB: Decimal(0)}, {}, "", b.T0)  # never submitted: not counted
    rating = rv.rate("c-1", [a, a, c, draft])
    assert rating is not None
    assert rating.forms == 3 and rating.total == Fraction(539, 6)  # 89.8333…
    assert rating.rating is Rating.ACCEPTABLE and rating.label == "合格"
    assert rating.mean_total == Decimal("89.83") and rating.item_means[DOC] == Decimal("17.83")
    assert rating.below_floor == ()
    assert rv.rate("c-1", [draft]) is None and rv.rate("c-1", []) is None


def test_the_floor_applies_to_an_item_s_mean() -> None:
    high = _submitted({"substance": 30, "procedure": 30, "documents": 20, "effect": 10})  # 90
    low = _submitted({"substance": 17, "procedure": 30, "documents": 20, "effect": 10})  # 77
    rating = rv.rate("c-1", [high, low])
    assert rating is not None and rating.total == Fraction(167, 2)  # 83.5: acceptable by the total
    assert rating.items[SUB] == Fraction(47, 2) and rating.below_floor == (SUB,)
    assert rating.rating is Rating.FLAWED
    one_fair = _submitted({"substance": 18, "procedure": 30, "documents": 20, "effect": 10})  # 78
    assert rv.rate("c-1", [high, one_fair]).rating is Rating.ACCEPTABLE  # type: ignore[union-attr]  # mean 24


def test_provisional_ratings_during_the_review_fixed_at_close() -> None:
    batch = b.batch_in(BS.REVIEWING)
    assert batch.ratings() == {"c-1": None, "c-2": None}
    batch.save_form(b.E[1], b.form("c-1"), NOW)
    provisional = batch.ratings()["c-1"]
    assert provisional is not None and provisional.forms == 1
    assert batch.case("c-1").rating is None
    closed = b.batch_in(BS.CLOSED)
    assert all(r is not None and r.rating is Rating.EXCELLENT for r in closed.ratings().values())
