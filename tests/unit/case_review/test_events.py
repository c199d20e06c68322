"""Who is told of each event — and that no event carries a phone or ID number, a name, a reason, a
comment, a score or a finding's text, nor names a reviewer to a court."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import datetime, timedelta
from decimal import Decimal
from enum import Enum

import pytest

from services.case_review import commands
from services.case_review import events as ev
from services.case_review.domain import BatchStatus, Rating
from services.case_review.experts import Expert
from tests.unit.case_review import builders as b
from wulian.kit.principal import Principal

ORGANIZERS = {"role:congress_clerk", "role:congress_committee"}
STATION = "role:discipline_station"
COURT = f"org_unit:{b.COURT_UNIT}"
PROCURATORATE = f"org_unit:{b.PROCURATORATE_UNIT}"


def reaches(event: ev.Event, person: Principal) -> bool:
    return not person.audience_selectors().isdisjoint(event.audience())


def the_whole_story() -> list[ev.Event]:
    """A pool, two cases, a batch through a failed draw, a decline and its replacement, the review, the
    close, and a finding through explanation, rectification, a clue and its deadline."""
    events: list[ev.Event] = []
    expert = Expert.join("x-1", b.CLERK, commands.JoinExpert(b.profile()), b.T0)
    expert.edit(b.CLERK, commands.EditExpert(b.profile(phone="13900001111")), b.T0)
    expert.suspend(b.CLERK, commands.SuspendExpert("身体原因，暂停三个月"), b.T0)
    expert.reinstate(b.CLERK, b.T0)
    expert.leave(b.CLERK, commands.LeaveExpert("任期届满"), b.T0)
    events += expert.events
    cases = b.batch_cases()
    cases[0].edit(b.COURT, commands.EditCase(b.details(cause="借款合同纠纷")), b.T0)
    batch = b.draft_batch()
    batch.edit(b.CLERK, commands.EditBatch(b.rules()), b.T0, cases)
    for draw_id in ("d-0", "d-1"):
        batch.begin_draw(b.CLERK, commands.BeginDraw(draw_id), b.T0)
        for case in cases:
            case.take_into_review("b-1", b.T0)
        if draw_id == "d-0":
            batch.record_draw_failure("d-0", "回避后律师不足", b.T0)
            for case in cases:
                case.release("b-1", b.T0)
    batch.record_draw_result(b.RESULT, b.DRAWN_AT)
    now = b.DRAWN_AT + timedelta(days=1)
    batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "与当事人代理律师同所执业"), now)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), now)
    for n, case_id in [(5, "c-1"), (2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), now)
    batch.start_review(b.CLERK, b.REVIEW_AT)
    for n, case_id in [(5, "c-1"), (2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.save_form(b.E[n], b.form(case_id, submit=False), b.REVIEW_AT)
        batch.save_form(b.E[n], b.form(case_id, substance="33.5"), b.REVIEW_AT)
    ratings = batch.close(b.CLERK, b.CLOSED_AT)
    for case in cases:
        case.mark_reviewed("b-1", ratings[case.id], b.CLOSED_AT)
        events += case.events
    events += batch.events
    cancelled = b.batch_in(BatchStatus.DRAWN)
    cancelled.cancel(b.CLERK, commands.CancelBatch("专家库调整"), now)
    events += cancelled.events
    finding = b.drafted(batch, cases[0])
    finding.edit(b.CLERK, commands.EditFinding(b.finding_text()), b.CLOSED_AT)
    finding.issue(b.CLERK, b.ISSUED_AT, batch_status=batch.status)
    finding.answer(b.COURT, commands.AnswerOpinion("explain", "冻结系依申请并有担保"), b.ISSUED_AT)
    finding.reject_explanation(b.CLERK, commands.RejectExplanation("担保不足"), b.ISSUED_AT)
    finding.answer(b.COURT, commands.AnswerOpinion("accept", "解除超标的冻结"), b.ISSUED_AT)
    finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("李某某", "审判员"), b.ISSUED_AT)
    finding.record_clue_transfer(commands.RecordClueTransfer("clue-7"), b.ISSUED_AT)
    finding.raise_due_deadlines(b.DUE_AT - timedelta(days=7))
    finding.raise_due_deadlines(b.DUE_AT)
    finding.report_rectification(b.COURT, b.report(), b.DUE_AT + timedelta(days=1))
    finding.send_back_report(b.CLERK, commands.SendBackReport("材料不全"), b.DUE_AT + timedelta(days=2))
    finding.report_rectification(b.COURT, b.report(), b.DUE_AT + timedelta(days=3))
    finding.close_out(b.CLERK, commands.CloseOutFinding("整改到位"), b.DUE_AT + timedelta(days=4))
    events += finding.events
    return events


EVENTS = the_whole_story()
ALL_TYPES = {
    cls
    for _, cls in inspect.getmembers(ev, inspect.isclass)
    if issubclass(cls, ev.Event) and cls.name and not inspect.isabstract(cls)
}


def test_the_story_records_every_kind_of_event_but_one() -> None:
    recorded = {type(e) for e in EVENTS}
    assert ALL_TYPES - recorded == {ev.SeatLeftVacant, ev.ExplanationAccepted, ev.CaseWithdrawn}  # on their own


def test_names_are_unique_within_an_aggregate_and_topics_follow_the_design() -> None:
    seen: set[tuple[str, str]] = set()
    for cls in ALL_TYPES:
        key = (cls.aggregate, cls.name)
        assert key not in seen, key
        seen.add(key)
    event = next(e for e in EVENTS if isinstance(e, ev.ExpertJoined))
    assert event.topic == "wulian.case_review.expert.joined" and event.aggregate_id == "x-1"
    closed = next(e for e in EVENTS if isinstance(e, ev.BatchClosed))
    assert closed.topic == "wulian.case_review.batch.closed" and closed.aggregate_id == "b-1"
    issued = next(e for e in EVENTS if isinstance(e, ev.FindingIssued))
    assert issued.topic == "wulian.case_review.finding.issued" and issued.aggregate_id == "f-1"
    case_event = next(e for e in EVENTS if isinstance(e, ev.CaseRegistered | ev.CaseEdited))
    assert case_event.topic.startswith("wulian.case_review.case.") and case_event.aggregate_id == "c-1"


SECRETS = (
    "13812345678", "13900001111", b.ID_1, "138****5678",  # numbers, even masked
    "王律师", "专家", "李某某", "张某", "黄石市某建材",  # names of experts, staff, parties
    "身体原因", "任期届满", "与当事人", "回避后", "专家库调整",  # reasons
    "扣分理由", "事实清楚", b.PROBLEM[:10], b.OPINION[:10], "冻结系", "担保不足", "解除超标", "材料不全", "整改到位",
    "执行案款", "（2025）", "借款合同",  # comments, texts, case numbers and causes
)  # fmt: skip


def _values(value: object) -> list[object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [v for f in dataclasses.fields(value) for v in _values(getattr(value, f.name))]
    if isinstance(value, tuple | list | set | frozenset):
        return [v for item in value for v in _values(item)]
    return [value]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.aggregate}.{e.name}")
def test_no_event_carries_contents(event: ev.Event) -> None:
    for value in _values(event):
        assert isinstance(value, str | bool | int | datetime | Enum), (event.name, value)
        assert not isinstance(value, float | Decimal)  # no score
        if isinstance(value, str):
            assert not any(secret in value for secret in SECRETS), (event.name, value)


NAMES_A_REVIEWER = ("expert_id", "expert_subject", "declined_expert_id", "replacement_expert_id")


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.aggregate}.{e.name}")
def test_no_court_is_told_of_an_event_that_names_a_reviewer(event: ev.Event) -> None:
    names_one = any(getattr(event, f, None) for f in NAMES_A_REVIEWER)
    if names_one or event.aggregate in ("expert",):
        for court in (b.COURT, b.PROCURATORATE, b.OTHER_COURT):
            assert not reaches(event, court), event


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.aggregate}.{e.name}")
def test_the_station_and_the_organizers_follow_everything_but_the_clue(event: ev.Event) -> None:
    audience = set(event.audience())
    assert audience >= ORGANIZERS
    clue = isinstance(event, ev.MarkedForClueTransfer | ev.ClueTransferRecorded)
    assert (STATION in audience) is not clue
    assert "role:discipline_commission" not in audience  # the commission hears through the clue service


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.aggregate}.{e.name}")
def test_nobody_without_a_part_is_told(event: ev.Event) -> None:
    for person in (b.DEPUTY, b.LEADER, b.OFFICE, b.DEPARTMENT, b.COMMISSION, b.ADMIN, b.NOBODY, b.E[7]):
        assert not reaches(event, person), (event, person)


def test_the_pool_s_events_go_to_the_organizers_the_station_and_the_expert() -> None:
    for event in (e for e in EVENTS if e.aggregate == "expert"):
        assert set(event.audience()) == {*ORGANIZERS, STATION, "subject:expert-1"}


def test_a_case_s_events_go_to_its_unit() -> None:
    for event in (e for e in EVENTS if e.aggregate == "case"):
        assert isinstance(event, ev.CaseEvent)
        unit = COURT if event.case_id == "c-1" else PROCURATORATE
        assert set(event.audience()) == {*ORGANIZERS, STATION, unit}
    reviewed = [e for e in EVENTS if isinstance(e, ev.CaseReviewed)]
    assert {(e.case_id, e.rating, e.status.value) for e in reviewed} == {
        ("c-1", Rating.ACCEPTABLE, "reviewed"),
        ("c-2", Rating.ACCEPTABLE, "reviewed"),
    }


def test_drawn_experts_are_told_of_their_seats() -> None:
    drawn = [e for e in EVENTS if isinstance(e, ev.ExpertDrawn)]
    assert [(e.case_id, e.expert_id, e.backup_rank) for e in drawn] == [
        ("c-1", "x-1", 0), ("c-1", "x-2", 0), ("c-2", "x-3", 0), ("c-2", "x-4", 0), ("c-1", "x-5", 1),
    ]  # fmt: skip
    for event in drawn:
        assert f"subject:{event.expert_subject}" in event.audience()
        assert reaches(event, b.E[int(event.expert_id[2:])])
    [replaced] = [e for e in EVENTS if isinstance(e, ev.ExpertReplaced)]
    assert (replaced.declined_expert_id, replaced.replacement_expert_id, replaced.backup_rank) == ("x-1", "x-5", 1)
    assert set(replaced.audience()) == {*ORGANIZERS, STATION}
    opened = [e for e in EVENTS if isinstance(e, ev.ScoringOpened)]
    assert [e.expert_subject for e in opened] == ["expert-2", "expert-5", "expert-3", "expert-4"]
    assert not any(reaches(e, b.E[1]) for e in opened)  # declined: no longer on the case


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: f"{e.aggregate}.{e.name}")
def test_no_expert_is_told_of_another_expert(event: ev.Event) -> None:
    for n, expert in b.E.items():
        if not reaches(event, expert):
            continue
        for field in NAMES_A_REVIEWER:
            value = getattr(event, field, "")
            assert value in ("", f"x-{n}", f"expert-{n}"), (event, expert.subject)


def test_the_close_tells_the_units_the_ratings() -> None:
    closed = next(e for e in EVENTS if isinstance(e, ev.BatchClosed))
    assert set(closed.audience()) == {*ORGANIZERS, STATION, COURT, PROCURATORATE}
    assert reaches(closed, b.COURT) and reaches(closed, b.PROCURATORATE)
    assert not reaches(closed, b.OTHER_COURT)


def test_the_other_batch_events_stay_with_the_organizers_and_the_station() -> None:
    for event in (e for e in EVENTS if e.aggregate == "batch"):
        if isinstance(event, ev.BatchClosed):
            continue
        assert not any(s.startswith("org_unit:") for s in event.audience()), event


def test_a_failed_and_a_fixed_draw_are_told() -> None:
    batch_events = [e.name for e in EVENTS if e.aggregate == "batch"][:5]
    assert "drawn" in [e.name for e in EVENTS if e.aggregate == "batch"]
    assert batch_events == ["created", "edited", "draw_begun", "draw_cancelled", "draw_begun"]
    failed = next(e for e in EVENTS if isinstance(e, ev.DrawCancelled))
    assert failed.failed and failed.draw_id == "d-0"


def test_a_finding_reaches_its_unit_only_once_issued() -> None:
    for event in (e for e in EVENTS if e.aggregate == "finding"):
        before_issue = isinstance(event, ev.FindingDrafted | ev.FindingEdited)
        clue = isinstance(event, ev.MarkedForClueTransfer | ev.ClueTransferRecorded)
        assert reaches(event, b.COURT) is (not before_issue and not clue), event
        assert not reaches(event, b.PROCURATORATE)


def test_the_deadline_events() -> None:
    soon = next(e for e in EVENTS if isinstance(e, ev.RectificationDueSoon))
    late = next(e for e in EVENTS if isinstance(e, ev.RectificationOverdue))
    assert soon.due_at == late.due_at == b.DUE_AT
    assert set(late.audience()) == {*ORGANIZERS, STATION, COURT}
    assert sum(isinstance(e, ev.RectificationOverdue) for e in EVENTS) == 1


def test_the_events_on_their_own() -> None:
    vacant = ev.SeatLeftVacant("b-1", b.T0, "c-1", "x-1")
    assert set(vacant.audience()) == {*ORGANIZERS, STATION} and vacant.topic.endswith("batch.seat_left_vacant")
    accepted = ev.ExplanationAccepted("f-1", b.T0, b.COURT_UNIT)
    assert set(accepted.audience()) == {*ORGANIZERS, STATION, COURT}
    no_login = ev.ExpertDrawn("b-1", b.T0, "c-1", "x-9", "", 0)
    assert set(no_login.audience()) == {*ORGANIZERS, STATION}  # no "subject:" selector for nobody
    withdrawn = b.case_in(b.CaseStatus.REGISTERED)
    withdrawn.withdraw(b.COURT, commands.WithdrawCase("发回重审"), b.T0)
    [event] = withdrawn.events
    assert isinstance(event, ev.CaseWithdrawn) and set(event.audience()) == {*ORGANIZERS, STATION, COURT}


def test_every_event_has_its_protobuf_message_and_subject() -> None:
    from services.case_review.trail import MESSAGES

    for cls in ALL_TYPES:
        plan = MESSAGES[cls.aggregate].plan(cls)
        assert plan.message_class.DESCRIPTOR.name == cls.__name__
        assert plan.subject == f"wulian.case_review.{cls.aggregate}.{cls.name}"
    for event in EVENTS:
        subject, message = MESSAGES[event.aggregate].to_message(event, actor=None)
        assert subject == event.topic and message.meta.aggregate_id == event.aggregate_id
        assert sorted(message.meta.audience) == sorted(event.audience())
