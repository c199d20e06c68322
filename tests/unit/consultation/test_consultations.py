"""征求意见: a consultation on a plan's current version, opinions from the consulted bodies (and deputies on the
commission's work report) per item or in general, late opinions, the asking body's adoption of each once and
with a reason unless adopted, the reply-deadline notices raised once per body, who sees what, and events that
never carry an opinion's text."""

from __future__ import annotations

import copy
import dataclasses
import typing
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.consultation import consultation_commands as cc
from services.consultation.consultation_commands import CloseConsultation, GiveOpinion, OpenConsultation, RecordAdoption
from services.consultation.consultation_events import ReplyDueSoon, ReplyOverdue
from services.consultation.consultation_states import ConsultationStatus, Decision, OpinionStatus
from services.consultation.consultation_views import (
    adoption_counts,
    consultation_access,
    consultation_counts,
    consultation_view,
    opinion_access,
    opinion_counts,
    opinion_view,
)
from services.consultation.consultations import Consultation, Opinion
from services.consultation.domain import Body, Event, View
from services.consultation.plan_commands import AddItem, ApprovePlan, CreatePlan, ItemInput
from services.consultation.plan_records import PlanKind
from services.consultation.plans import Plan
from tests.unit.consultation.staff import (
    CLERK,
    COMMISSION,
    CONGRESS_ROLES,
    CONGRESS_STAFF,
    DEPUTY,
    DISCIPLINE_ROLES,
    DISCIPLINE_STAFF,
    EVERYONE,
    GOVERNMENT_ROLES,
    LEADER,
    OFFICE,
    STATION,
    bj,
    ids,
    who,
)
from tests.unit.consultation.test_plans import assert_no_text, told
from wulian.kit.command_messages import proto_field_type
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

OTHER_DEPUTY = who("deputy", subject="deputy-2")
NOW = bj(2026, 1, 5, 10)
REPLY_BY = date(2026, 1, 20)
DUE = bj(2026, 1, 21)  # the end of 20 January in Beijing
ITEMS = (
    ItemInput("《中小企业促进法》执法检查", "law_enforcement_inspection", "财政经济工委", ("committee",), quarter=2),
    ItemInput("民事诉讼和执行法律监督工作情况报告", "work_report_hearing", "监察和司法工委", ("leadership",)),
)
OPINION = "建议将清廉机关建设纳入监督重点"


def supervision_plan() -> Plan:
    return Plan.create("p-1", CLERK, CreatePlan("supervision_plan", 2026, "2026年度监督工作计划", ITEMS), NOW)


def work_report() -> Plan:
    item = ItemInput("整治群众身边不正之风和腐败问题", "other", "党风政风监督室", ("discipline",))
    return Plan.create("w-1", COMMISSION, CreatePlan("work_report", 2026, "全会工作报告", (item,)), NOW)


def opened(
    plan: Plan | None = None, *bodies: str, by: Principal | None = None, consultation_id: str = "c-1", **fields: Any
) -> Consultation:
    """A consultation on ``plan`` (the supervision plan, to the commission, unless told), recorded on the plan."""
    plan = plan or supervision_plan()
    asker = by or (CLERK if plan.kind is PlanKind.SUPERVISION_PLAN else COMMISSION)
    command = OpenConsultation(**{"bodies": bodies or ("discipline",), "reply_by": REPLY_BY, **fields})
    consultation = Consultation.create(consultation_id, asker, plan, command, NOW)
    plan.record_consultation(consultation.id, consultation.plan_version, consultation.bodies, NOW)
    return consultation


def to_congress() -> Consultation:
    """The commission asks the congress (and so its deputies) about its draft work report."""
    return opened(work_report(), "congress")


def given(
    consultation: Consultation,
    person: Principal = COMMISSION,
    item_no: int | None = 1,
    now: datetime = NOW,
    opinion_id: str = "o-1",
) -> Opinion:
    """An opinion given and recorded on the consultation as the use case does."""
    opinion = Opinion.create(opinion_id, person, consultation, GiveOpinion(OPINION, item_no), now)
    if not opinion.by_deputy:
        consultation.record_answer(opinion.body, now)
    return opinion


def state_of(thing: object) -> dict[str, object]:
    return {f.name: copy.deepcopy(getattr(thing, f.name)) for f in dataclasses.fields(thing)}  # type: ignore[arg-type]


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


# --- opening ------------------------------------------------------------------------------------------------


def test_the_congress_asks_the_commission_about_its_plan() -> None:
    plan = supervision_plan()
    consultation = opened(plan, note=" 请于1月20日前反馈 ")
    assert (consultation.id, consultation.plan_id, consultation.plan_kind, consultation.plan_version) == (
        "c-1", "p-1", PlanKind.SUPERVISION_PLAN, 1,
    )  # fmt: skip
    assert (consultation.asking_body, consultation.bodies, consultation.item_nos) == (
        Body.CONGRESS, (Body.DISCIPLINE,), (1, 2),
    )  # fmt: skip
    assert (consultation.note, consultation.reply_by, consultation.reply_by_at) == ("请于1月20日前反馈", REPLY_BY, DUE)
    assert (consultation.asked_by, consultation.asked_by_name, consultation.asked_at) == (
        "clerk-1",
        "clerk-1-name",
        NOW,
    )
    assert (consultation.status, consultation.answered_bodies, consultation.deputies_may_answer) == (
        ConsultationStatus.OPEN, [], False,
    )  # fmt: skip
    [event] = consultation.events
    assert (event.topic, event.plan_version, event.reply_by) == (  # type: ignore[attr-defined]
        "wulian.consultation.consultation.opened", 1, REPLY_BY,
    )  # fmt: skip
    assert (plan.status.value, plan.consulted_bodies, plan.consultation_ids) == (
        "consulting",
        [Body.DISCIPLINE],
        ["c-1"],
    )


def test_the_version_named_must_be_the_current_one() -> None:
    plan = supervision_plan()
    assert opened(plan, plan_version=1).plan_version == 1
    plan.add_item(CLERK, AddItem(ItemInput("养老服务专题调研", "research", "社会建设工委", ("deputies",))), NOW)
    with pytest.raises(InvalidArgument) as caught:
        opened(plan, plan_version=1, consultation_id="c-2")
    assert caught.value.details == [{"field": "plan_version", "message": "计划已更新为第 2 版，请确认后再征求意见"}]
    assert opened(plan, consultation_id="c-2").item_nos == (1, 2, 3)


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_owner_asks_for_opinions(person: Principal) -> None:
    for make, owners, staff in ((supervision_plan, CONGRESS_STAFF, "人大常委会工作人员"),
                                (work_report, DISCIPLINE_STAFF, "纪委监委工作人员")):  # fmt: skip
        plan = make()
        bodies = ("government",)
        if person in owners:
            assert opened(plan, *bodies, by=person).asked_by == person.subject
        else:
            with pytest.raises(PermissionDenied) as caught:
                opened(plan, *bodies, by=person)
            assert caught.value.message == f"只有{staff}可以就该计划征求意见"


def test_an_approved_plan_is_not_consulted_on() -> None:
    plan = supervision_plan()
    plan.approve(LEADER, ApprovePlan("报市委同意"), NOW)
    with pytest.raises(Conflict) as caught:
        opened(plan)
    assert caught.value.message == "该计划已批准，不能征求意见"


BAD_OPENINGS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("nobody asked", {"bodies": ()}, ["bodies"]),
    ("an unknown body", {"bodies": ("discipline", "court")}, ["bodies[1]"]),
    ("a body twice", {"bodies": ("discipline", "government", "discipline")}, ["bodies[2]"]),
    ("the asker itself", {"bodies": ("congress",)}, ["bodies[0]"]),
    ("a day past", {"reply_by": date(2026, 1, 4)}, ["reply_by"]),
    ("a day too far", {"reply_by": date(2026, 4, 6)}, ["reply_by"]),
    ("a note too long", {"note": "请" * 2001}, ["note"]),
    ("version 0", {"plan_version": 0}, ["plan_version"]),
    ("a later version", {"plan_version": 2}, ["plan_version"]),
    ("everything", {"bodies": (), "reply_by": date(2025, 12, 31), "note": "x" * 2001, "plan_version": 9},
     ["bodies", "plan_version", "reply_by", "note"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_OPENINGS, ids=[c[0] for c in BAD_OPENINGS])
def test_a_bad_request_is_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    plan = supervision_plan()
    values: dict[str, Any] = {"bodies": ("discipline",), "reply_by": REPLY_BY}
    with pytest.raises(InvalidArgument) as caught:
        Consultation.create("c-1", CLERK, plan, OpenConsultation(**{**values, **fields}), NOW)
    assert caught.value.message == "征求意见未通过校验"
    assert problem_fields(caught) == named


def test_opening_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        opened(None, "congress", "police", "congress")
    assert [(d["field"], d["message"]) for d in caught.value.details] == [
        ("bodies[1]", "征求意见对象不在可选范围内"),
        ("bodies[2]", "征求意见对象“人大常委会”重复"),
        ("bodies[0]", "不能向本机关征求意见"),
        ("bodies[2]", "不能向本机关征求意见"),
    ]
    with pytest.raises(InvalidArgument) as caught:
        opened(reply_by=date(2026, 1, 4))
    assert caught.value.details == [{"field": "reply_by", "message": "反馈截止日期应在今天至 90 天之内"}]
    assert opened(reply_by=date(2026, 1, 5)).reply_by_at == bj(2026, 1, 6)  # today is the earliest day
    assert opened(reply_by=date(2026, 4, 5)).reply_by == date(2026, 4, 5)  # 90 days ahead the latest


def test_deputies_answer_only_where_the_congress_is_asked_about_the_work_report() -> None:
    assert to_congress().deputies_may_answer
    assert not opened(work_report(), "government").deputies_may_answer
    assert not opened(None, "discipline", "government").deputies_may_answer


# --- opinions -----------------------------------------------------------------------------------------------


def test_the_commission_gives_opinions_per_item_and_in_general() -> None:
    consultation = opened()
    on_item = given(consultation, COMMISSION, item_no=2)
    assert (on_item.id, on_item.consultation_id, on_item.plan_id, on_item.plan_version) == ("o-1", "c-1", "p-1", 1)
    assert (on_item.asking_body, on_item.body, on_item.by_deputy) == (Body.CONGRESS, Body.DISCIPLINE, False)
    assert (on_item.author, on_item.author_name, on_item.item_no, on_item.text) == (
        "commission-1", "commission-1-name", 2, OPINION,
    )  # fmt: skip
    assert (on_item.given_at, on_item.late, on_item.status, on_item.adoption) == (
        NOW, False, OpinionStatus.AWAITING, None,
    )  # fmt: skip
    general = given(consultation, STATION, item_no=None, opinion_id="o-2")
    assert general.item_no is None and general.body is Body.DISCIPLINE
    assert [(e.name, e.item_no) for e in (*on_item.events, *general.events)] == [  # type: ignore[attr-defined]
        ("given", 2), ("given", 0),
    ]  # fmt: skip
    assert consultation.answered_bodies == [Body.DISCIPLINE]  # answered twice, recorded once


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_who_gives_an_opinion(person: Principal) -> None:
    plan_consultation = opened(None, "discipline")
    if person in DISCIPLINE_STAFF:
        assert given(plan_consultation, person).body is Body.DISCIPLINE
    else:
        with pytest.raises(PermissionDenied) as caught:
            given(plan_consultation, person)
        assert caught.value.message == "只有被征求意见的机关（或受邀的人大代表）可以提出意见"
    report_consultation = to_congress()
    if person in CONGRESS_STAFF or person is DEPUTY:
        opinion = given(report_consultation, person)
        assert (opinion.body, opinion.by_deputy) == (Body.CONGRESS, person is DEPUTY)
    else:
        with pytest.raises(PermissionDenied):
            given(report_consultation, person)


def test_a_deputys_opinion_does_not_answer_for_the_congress() -> None:
    consultation = to_congress()
    given(consultation, DEPUTY)
    assert consultation.answered_bodies == [] and consultation.awaited_bodies == (Body.CONGRESS,)
    given(consultation, LEADER, opinion_id="o-2")
    assert consultation.answered_bodies == [Body.CONGRESS] and consultation.awaited_bodies == ()


def test_an_opinion_is_about_an_item_of_the_consulted_version() -> None:
    plan = supervision_plan()
    consultation = opened(plan)
    plan.add_item(CLERK, AddItem(ItemInput("养老服务专题调研", "research", "社会建设工委", ("deputies",))), NOW)
    with pytest.raises(InvalidArgument) as caught:
        given(consultation, item_no=3)  # item 3 came after the version consulted on
    assert caught.value.message == "意见未通过校验"
    assert caught.value.details == [{"field": "item_no", "message": "征求意见的第 1 版计划中没有第 3 项"}]


BAD_OPINIONS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no text", {"text": "  "}, ["text"]),
    ("text too long", {"text": "意" * 20001}, ["text"]),
    ("item 0", {"item_no": 0}, ["item_no"]),
    ("item as a flag", {"item_no": True}, ["item_no"]),
    ("no such item", {"item_no": 7}, ["item_no"]),
    ("both", {"text": "", "item_no": -1}, ["item_no", "text"]),
]


@pytest.mark.parametrize(("what", "fields", "named"), BAD_OPINIONS, ids=[c[0] for c in BAD_OPINIONS])
def test_a_bad_opinion_is_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    consultation = opened()
    with pytest.raises(InvalidArgument) as caught:
        Opinion.create("o-1", COMMISSION, consultation, GiveOpinion(**{"text": OPINION, **fields}), NOW)
    assert problem_fields(caught) == named


def test_an_opinion_after_the_day_is_taken_and_marked_late() -> None:
    consultation = opened()
    assert not given(consultation, now=DUE - timedelta(microseconds=1)).late  # 23:59:59.999999 on the day
    late = given(consultation, STATION, now=DUE, opinion_id="o-2")  # midnight in Beijing
    assert late.late
    assert late.events[-1].late  # type: ignore[attr-defined]


def test_no_opinion_once_closed() -> None:
    consultation = opened()
    consultation.close(CLERK, CloseConsultation(), NOW)
    with pytest.raises(Conflict) as caught:
        given(consultation)
    assert caught.value.message == "该征求意见已结束，不能提出意见"


def test_an_answer_comes_from_a_body_asked() -> None:
    consultation = opened()
    with pytest.raises(InvalidArgument, match="市政府不在本次征求意见的范围内"):
        consultation.record_answer(Body.GOVERNMENT, NOW)


# --- closing ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_asking_body_closes(person: Principal) -> None:
    consultation = opened(None, "discipline", "government")
    given(consultation, COMMISSION)
    consultation.events.clear()
    if person in CONGRESS_STAFF:
        consultation.close(person, CloseConsultation(" 意见已汇总 "), NOW)
        assert (consultation.status, consultation.closed_by, consultation.closed_at, consultation.close_note) == (
            ConsultationStatus.CLOSED, person.subject, NOW, "意见已汇总",
        )  # fmt: skip
        [event] = consultation.events
        assert (event.name, event.unanswered) == ("closed", ("government",))  # type: ignore[attr-defined]
        with pytest.raises(Conflict, match=r"^该征求意见已结束，不能结束征求意见$"):
            consultation.close(person, CloseConsultation(), NOW)
    else:
        with pytest.raises(PermissionDenied, match=r"^只有征求意见的人大常委会可以结束征求意见$"):
            consultation.close(person, CloseConsultation(), NOW)


def test_a_closing_note_is_checked() -> None:
    consultation = opened()
    with pytest.raises(InvalidArgument) as caught:
        consultation.close(CLERK, CloseConsultation("汇" * 2001), NOW)
    assert problem_fields(caught) == ["note"] and consultation.status is ConsultationStatus.OPEN


# --- adoption -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_asking_body_records_adoption(person: Principal) -> None:
    opinion = given(opened())
    if person in CONGRESS_STAFF:
        adoption = opinion.record_adoption(person, RecordAdoption("adopted"), NOW)
        assert (adoption.decision, adoption.reason, adoption.by, adoption.by_name, adoption.at) == (
            Decision.ADOPTED, "", person.subject, person.name, NOW,
        )  # fmt: skip
        assert opinion.status is OpinionStatus.DECIDED and opinion.adoption is adoption
    else:
        before = state_of(opinion)
        with pytest.raises(PermissionDenied, match=r"^只有征求意见的人大常委会可以记录意见的采纳情况$"):
            opinion.record_adoption(person, RecordAdoption("adopted"), NOW)
        assert state_of(opinion) == before


ADOPTIONS: list[tuple[str, str, list[str]]] = [
    ("adopted", "", []),
    ("adopted", "已纳入计划第1项", []),
    ("partly_adopted", "部分内容已纳入执法检查", []),
    ("not_adopted", "不属于人大监督范围", []),
    ("partly_adopted", "", ["reason"]),
    ("not_adopted", "  ", ["reason"]),
    ("not_adopted", "理" * 2001, ["reason"]),
    ("adopted", "理" * 2001, ["reason"]),
    ("rejected", "理由", ["decision"]),
    ("", "", ["decision", "reason"]),
]


@pytest.mark.parametrize(("decision", "reason", "named"), ADOPTIONS, ids=lambda v: str(v)[:20])
def test_a_reason_is_required_unless_adopted(decision: str, reason: str, named: list[str]) -> None:
    opinion = given(opened())
    if not named:
        adoption = opinion.record_adoption(CLERK, RecordAdoption(decision, reason), NOW)
        assert (adoption.decision.value, adoption.reason) == (decision, reason.strip())
        return
    with pytest.raises(InvalidArgument) as caught:
        opinion.record_adoption(CLERK, RecordAdoption(decision, reason), NOW)
    assert caught.value.message == "采纳情况未通过校验"
    assert problem_fields(caught) == named and opinion.adoption is None


def test_adoption_messages() -> None:
    opinion = given(opened())
    with pytest.raises(InvalidArgument) as caught:
        opinion.record_adoption(CLERK, RecordAdoption("partly_adopted"), NOW)
    assert caught.value.details == [{"field": "reason", "message": "未予采纳或部分采纳的理由不能为空"}]


def test_adoption_is_recorded_once_even_after_the_consultation_closed() -> None:
    consultation = opened()
    opinion = given(consultation)
    consultation.close(CLERK, CloseConsultation(), NOW)
    opinion.record_adoption(LEADER, RecordAdoption("partly_adopted", "纳入执法检查重点"), NOW)
    before = state_of(opinion)
    with pytest.raises(Conflict) as caught:
        opinion.record_adoption(CLERK, RecordAdoption("adopted"), NOW)
    assert caught.value.message == "该意见已记录采纳情况，不能再次记录采纳情况"
    assert state_of(opinion) == before


def test_the_commission_decides_on_the_congress_and_deputies_opinions() -> None:
    consultation = to_congress()
    opinion = given(consultation, DEPUTY)
    with pytest.raises(PermissionDenied, match=r"^只有征求意见的纪委监委可以记录意见的采纳情况$"):
        opinion.record_adoption(CLERK, RecordAdoption("adopted"), NOW)
    assert opinion.record_adoption(STATION, RecordAdoption("adopted"), NOW).by == "station-1"


# --- deadlines ----------------------------------------------------------------------------------------------


def test_each_body_not_answered_is_reminded_once_then_told_it_is_overdue_once() -> None:
    consultation = opened(None, "discipline", "government")
    consultation.events.clear()
    soon = DUE - timedelta(days=2)
    assert consultation.next_check_at() == soon
    assert consultation.raise_due_notices(soon - timedelta(seconds=1)) == []
    given(consultation, COMMISSION)  # the commission answers: no reminder for it
    [due_soon] = consultation.raise_due_notices(soon)
    assert isinstance(due_soon, ReplyDueSoon)
    assert (due_soon.body, due_soon.reply_by, due_soon.occurred_at, due_soon.consultation_id) == (
        Body.GOVERNMENT, REPLY_BY, soon, "c-1",
    )  # fmt: skip
    assert consultation.raise_due_notices(soon + timedelta(hours=1)) == []
    assert consultation.next_check_at() == DUE
    [overdue] = consultation.raise_due_notices(DUE)
    assert isinstance(overdue, ReplyOverdue) and overdue.body is Body.GOVERNMENT
    assert consultation.raise_due_notices(DUE + timedelta(days=10)) == []
    assert consultation.next_check_at() is None
    assert [e.name for e in consultation.events] == ["reply_due_soon", "reply_overdue"]
    assert set(overdue.audience()) == CONGRESS_ROLES | GOVERNMENT_ROLES  # not the commission, which answered


def test_a_first_look_after_the_day_raises_only_the_overdue_notices() -> None:
    consultation = opened(None, "discipline", "government")
    raised = consultation.raise_due_notices(DUE + timedelta(days=1))
    assert [(type(e), e.body) for e in raised] == [  # type: ignore[attr-defined]
        (ReplyOverdue, Body.DISCIPLINE), (ReplyOverdue, Body.GOVERNMENT),
    ]  # fmt: skip
    assert consultation.raise_due_notices(DUE + timedelta(days=2)) == [] and consultation.next_check_at() is None


def test_a_short_deadline_reminds_at_the_first_look() -> None:
    consultation = opened(reply_by=date(2026, 1, 6))
    assert consultation.next_check_at() == bj(2026, 1, 5)  # already past: the scheduler looks at once
    assert [e.name for e in consultation.raise_due_notices(NOW)] == ["reply_due_soon"]


def test_no_notices_once_answered_or_closed() -> None:
    answered = opened()
    given(answered)
    assert answered.next_check_at() is None and answered.raise_due_notices(DUE) == []
    closed = opened()
    closed.close(CLERK, CloseConsultation(), NOW)
    assert closed.next_check_at() is None and closed.raise_due_notices(DUE) == []


def test_the_clock_must_be_aware() -> None:
    with pytest.raises(ValueError, match="naive"):
        opened().raise_due_notices(datetime(2026, 1, 21))


# --- who sees what ------------------------------------------------------------------------------------------

F, L, C, N = View.FULL, View.LIMITED, View.COUNTS, View.NONE
TO_THE_COMMISSION = {
    "clerk-1": F, "clerk-2": F, "committee-1": F, "leader-1": F, "commission-1": L, "station-1": L, "admin-1": C,
    "deputy-1": N, "office-1": N, "transport-1": N, "court-1": N, "procuratorate-1": N, "expert-1": N,
    "someone-without-roles": N,
}  # fmt: skip
TO_THE_CONGRESS = {
    "clerk-1": L, "clerk-2": L, "committee-1": L, "leader-1": L, "deputy-1": L, "commission-1": F, "station-1": F,
    "admin-1": C, "office-1": N, "transport-1": N, "court-1": N, "procuratorate-1": N, "expert-1": N,
    "someone-without-roles": N,
}  # fmt: skip


@pytest.mark.parametrize(
    ("make", "expected"), [(opened, TO_THE_COMMISSION), (to_congress, TO_THE_CONGRESS)], ids=["plan", "report"]
)
def test_who_sees_a_consultation(make: Any, expected: dict[str, View]) -> None:
    consultation = make()
    assert {p.subject: consultation_access(p, consultation) for p in EVERYONE} == expected
    for person in EVERYONE:
        if expected[person.subject] < View.LIMITED:
            with pytest.raises(NotFound, match=r"^未找到该征求意见$"):
                consultation_view(consultation, person)
        else:
            assert consultation_view(consultation, person).access is expected[person.subject]


def test_a_consulted_body_sees_how_its_own_answer_stands_only() -> None:
    consultation = opened(None, "discipline", "government")
    given(consultation, COMMISSION)
    full = consultation_view(consultation, CLERK)
    assert (full.answered_bodies, full.awaited_bodies, full.may_answer, full.may_close) == (
        (Body.DISCIPLINE,), (Body.GOVERNMENT,), False, True,
    )  # fmt: skip
    assert (full.asking_body_label, full.body_labels, full.status_label, full.plan_kind_label) == (
        "人大常委会", ("纪委监委", "市政府"), "征求意见中", "监督工作计划",
    )  # fmt: skip
    commission = consultation_view(consultation, STATION)
    assert (commission.answered_bodies, commission.awaited_bodies, commission.may_answer, commission.may_close) == (
        (Body.DISCIPLINE,), (), True, False,
    )  # fmt: skip
    government = consultation_view(consultation, OFFICE)
    assert (government.answered_bodies, government.awaited_bodies) == ((), (Body.GOVERNMENT,))
    consultation.close(CLERK, CloseConsultation(), NOW)
    assert (
        not consultation_view(consultation, OFFICE).may_answer and not consultation_view(consultation, CLERK).may_close
    )


def test_who_sees_an_opinion() -> None:
    consultation = opened(None, "discipline", "government")
    opinion = given(consultation, COMMISSION)
    expected = {**{p.subject: N for p in EVERYONE}, "commission-1": F, "station-1": F, "admin-1": C}
    expected |= {p.subject: F for p in CONGRESS_STAFF}  # the asking body; not the government, asked too
    assert {p.subject: opinion_access(p, opinion) for p in EVERYONE} == expected
    with pytest.raises(NotFound, match=r"^未找到该意见$"):
        opinion_view(opinion, OFFICE)
    view = opinion_view(opinion, CLERK)
    assert (view.text, view.body_label, view.item_no, view.status_label, view.decision, view.decision_label) == (
        OPINION, "纪委监委", 1, "待研究", None, "",
    )  # fmt: skip
    assert view.may_record_adoption and not opinion_view(opinion, STATION).may_record_adoption
    opinion.record_adoption(CLERK, RecordAdoption("not_adopted", "不属于监督范围"), NOW)
    decided = opinion_view(opinion, COMMISSION)
    assert (decided.decision, decided.decision_label, decided.status_label) == (
        Decision.NOT_ADOPTED,
        "不予采纳",
        "已研究",
    )
    assert decided.adoption is not None and decided.adoption.reason == "不属于监督范围"
    assert not opinion_view(opinion, CLERK).may_record_adoption


def test_a_deputys_opinion_is_between_the_deputy_and_the_commission() -> None:
    opinion = given(to_congress(), DEPUTY)
    expected = {**{p.subject: N for p in EVERYONE}, "deputy-1": F, "commission-1": F, "station-1": F, "admin-1": C}
    assert {p.subject: opinion_access(p, opinion) for p in EVERYONE} == expected
    assert opinion_access(OTHER_DEPUTY, opinion) is N
    assert opinion_view(opinion, DEPUTY).body_label == "人大代表"
    assert opinion_access(CLERK, given(to_congress(), LEADER)) is F  # the congress's own opinion


def test_counts() -> None:
    open_one, closed_one = opened(), opened(consultation_id="c-2")
    closed_one.close(CLERK, CloseConsultation(), NOW)
    assert consultation_counts([open_one, closed_one, opened()]) == {
        ConsultationStatus.OPEN: 2, ConsultationStatus.CLOSED: 1,
    }  # fmt: skip
    opinions = [given(open_one, opinion_id=f"o-{n}") for n in range(4)]
    opinions[0].record_adoption(CLERK, RecordAdoption("adopted"), NOW)
    opinions[1].record_adoption(CLERK, RecordAdoption("adopted"), NOW)
    opinions[2].record_adoption(CLERK, RecordAdoption("partly_adopted", "部分采纳"), NOW)
    assert opinion_counts(opinions) == {OpinionStatus.AWAITING: 1, OpinionStatus.DECIDED: 3}
    assert adoption_counts(opinions) == {Decision.ADOPTED: 2, Decision.PARTLY_ADOPTED: 1, Decision.NOT_ADOPTED: 0}


# --- events -------------------------------------------------------------------------------------------------


def history() -> list[Event]:
    consultation = opened(None, "discipline", "government", note="请重点就清廉机关建设提出意见")
    opinion = given(consultation, COMMISSION)
    opinion.record_adoption(CLERK, RecordAdoption("partly_adopted", "部分纳入执法检查"), NOW)
    consultation.raise_due_notices(DUE - timedelta(days=1))
    consultation.raise_due_notices(DUE)
    consultation.close(CLERK, CloseConsultation("意见已汇总"), DUE)
    report = to_congress()
    deputy_opinion = given(report, DEPUTY, item_no=None, now=DUE)
    return [*consultation.events, *opinion.events, *report.events, *deputy_opinion.events]


EVENTS = history()
ID_FIELDS = {"consultation_id", "plan_id", "opinion_id", "author"}
TEXTS = (OPINION, "清廉", "部分纳入", "意见已汇总", "-name", "整治", "监督工作计划", "工作报告")


def test_the_history_raises_the_expected_events() -> None:
    assert [e.topic for e in EVENTS] == [
        "wulian.consultation.consultation.opened",
        "wulian.consultation.consultation.reply_due_soon",
        "wulian.consultation.consultation.reply_overdue",
        "wulian.consultation.consultation.closed",
        "wulian.consultation.opinion.given",
        "wulian.consultation.opinion.adoption_recorded",
        "wulian.consultation.consultation.opened",
        "wulian.consultation.opinion.given",
    ]
    assert [e.aggregate_id for e in EVENTS] == ["c-1"] * 4 + ["o-1"] * 2 + ["c-1", "o-1"]
    assert EVENTS[5].decision is Decision.PARTLY_ADOPTED  # type: ignore[attr-defined]
    assert (EVENTS[7].by_deputy, EVENTS[7].item_no, EVENTS[7].late) == (True, 0, True)  # type: ignore[attr-defined]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.topic)
def test_no_event_carries_text(event: Event) -> None:
    assert_no_text(event, ID_FIELDS, TEXTS)


def test_audiences() -> None:
    everyone_asked = CONGRESS_ROLES | DISCIPLINE_ROLES | GOVERNMENT_ROLES
    assert told(EVENTS[0]) == everyone_asked and told(EVENTS[3]) == everyone_asked
    assert told(EVENTS[1]) == told(EVENTS[2]) == CONGRESS_ROLES | GOVERNMENT_ROLES  # the one that has not answered
    assert told(EVENTS[4]) == told(EVENTS[5]) == CONGRESS_ROLES | DISCIPLINE_ROLES | {"subject:commission-1"}
    assert told(EVENTS[6]) == DISCIPLINE_ROLES | CONGRESS_ROLES | {"role:deputy"}
    assert told(EVENTS[7]) == DISCIPLINE_ROLES | {"subject:deputy-1"}  # a deputy's own: not the congress's staff


# --- storage and contract -----------------------------------------------------------------------------------


def test_a_consultation_and_an_opinion_survive_their_json_documents() -> None:
    consultation = opened(None, "discipline", "government")
    opinion = given(consultation)
    opinion.record_adoption(CLERK, RecordAdoption("adopted"), NOW)
    consultation.raise_due_notices(DUE)
    for thing in (consultation, opinion):
        adapter: TypeAdapter[Any] = TypeAdapter(type(thing))
        back = adapter.validate_json(adapter.dump_json(thing, exclude={"events"}))
        assert {k: v for k, v in state_of(back).items() if k != "events"} == {
            k: v for k, v in state_of(thing).items() if k != "events"
        }
    assert TypeAdapter(Consultation).validate_json(TypeAdapter(Consultation).dump_json(consultation)).reply_by_at == DUE


COMMANDS = [c for c in vars(cc).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.__name__)
def test_commands_are_plain_and_documented(command: type) -> None:
    assert command.__doc__ and not command.__doc__.startswith(command.__name__ + "(")
    assert command.__dataclass_params__.frozen  # type: ignore[attr-defined]
    for hint in typing.get_type_hints(command).values():
        proto_field_type(hint)
