"""Who sees what: the pool (masking for every role), cases, batches in every state (the court never sees
who reviews before the close; an expert only their own cases and forms) and findings."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.case_review import commands
from services.case_review.domain import (
    BatchStatus,
    BatchViewer,
    ExpertStatus,
    FindingStatus,
    FindingViewer,
    View,
    batch_viewer,
    case_view,
    finding_viewer,
    pool_view,
    sees_reviewers,
)
from services.case_review.experts import expert_view
from services.case_review.findings import finding_view
from services.case_review.reviews import batch_view
from tests.unit.case_review import builders as b
from wulian.kit.errors import NotFound
from wulian.kit.principal import ROLE_BODIES, Principal

N, C, L, F = View.NONE, View.COUNTS, View.LIMITED, View.FULL

# --- the pool -------------------------------------------------------------------------------------------------

# role → what they see of an expert of the pool (not themselves)
POOL: dict[str, View] = {
    "deputy": N,
    "congress_clerk": F,
    "congress_committee": F,
    "congress_leader": N,
    "gov_supervision_office": N,
    "gov_department": N,
    "discipline_commission": N,
    "discipline_station": L,  # supervises the pool: everything, the numbers masked
    "court": N,  # the courts never see the pool
    "procuratorate": N,
    "expert": N,  # another expert's entry
    "platform_admin": C,
}


def test_the_matrices_cover_every_role() -> None:
    assert set(POOL) == set(ROLE_BODIES) == set(b.BY_ROLE)


@pytest.mark.parametrize("status", list(ExpertStatus))
@pytest.mark.parametrize("role", list(POOL))
def test_the_pool_for_every_role(role: str, status: ExpertStatus) -> None:
    expert = b.expert_in(status, account_subject="expert-9")
    person = b.BY_ROLE[role]
    assert expert.view_for(person) is POOL[role]
    if POOL[role] < L:
        with pytest.raises(NotFound, match=r"^未找到该专家$"):
            expert_view(expert, person)
        return
    view = expert_view(expert, person)
    assert view.name == "王律师" and view.conflicts == expert.profile.conflicts and view.status is status
    if POOL[role] is F:
        assert (view.phone, view.id_number, view.masked) == ("13812345678", b.ID_1, False)
    else:
        assert (view.phone, view.id_number, view.masked) == ("138****5678", "1101**********002X", True)


def test_an_expert_sees_their_own_entry_masked_like_everyone_but_the_organizers() -> None:
    expert = b.joined(account_subject="expert-1")
    assert expert.view_for(b.E[1]) is L
    view = expert_view(expert, b.E[1])
    assert (view.phone, view.id_number) == ("138****5678", "1101**********002X")
    assert expert.view_for(b.E[2]) is N
    impostor = b.who("court", subject="expert-1", org_unit=b.COURT_UNIT)  # the same login without the role
    assert expert.view_for(impostor) is N


def test_an_unlinked_expert_is_nobody_s_own_entry() -> None:
    expert = b.joined(account_subject="")
    assert expert.view_for(b.who("expert", subject="")) is N


def test_a_view_carries_the_suspension_and_departure() -> None:
    suspended = expert_view(b.expert_in(ExpertStatus.SUSPENDED), b.STATION)
    assert (suspended.status_label, suspended.suspension_reason) == ("暂停抽取", "长期出国访学")
    left = expert_view(b.expert_in(ExpertStatus.LEFT), b.CLERK)
    assert (left.status_label, left.departure_reason, left.left_at) == (
        "已退出",
        "本人申请退出",
        b.T0 + timedelta(days=1),
    )
    active = expert_view(b.joined(), b.CLERK)
    assert active.category_label == "律师" and active.specialty_labels == ("民事", "商事")


def test_several_roles_see_the_widest() -> None:
    station_and_court = b.who("discipline_station", "court", subject="x", org_unit=b.COURT_UNIT)
    assert pool_view(station_and_court) is L
    assert pool_view(b.who("platform_admin", "congress_clerk", subject="y")) is F


# --- cases ---------------------------------------------------------------------------------------------------

CASES: dict[str, View] = {
    "deputy": N,
    "congress_clerk": F,
    "congress_committee": F,
    "congress_leader": N,
    "gov_supervision_office": N,
    "gov_department": N,
    "discipline_commission": N,
    "discipline_station": F,  # the station watches what is registered
    "court": F,  # its own case
    "procuratorate": N,  # the court's case
    "expert": N,  # not assigned to it
    "platform_admin": C,
}


@pytest.mark.parametrize("role", list(CASES))
def test_a_court_case_for_every_role(role: str) -> None:
    case = b.registered()
    assert case.view_for(b.BY_ROLE[role]) is CASES[role]


def test_a_court_sees_only_its_own_and_an_expert_only_what_it_was_drawn_for() -> None:
    case = b.registered()
    assert case.view_for(b.OTHER_COURT) is N
    assert case.view_for(b.COURT_WITHOUT_UNIT) is N
    assert b.procuratorate_case().view_for(b.PROCURATORATE) is F
    assert b.procuratorate_case().view_for(b.COURT) is N
    assert case.view_for(b.E[1], assigned=True) is F
    assert case.view_for(b.COURT, assigned=True) is F
    assert case.view_for(b.DEPUTY, assigned=True) is N  # "assigned" counts for experts only
    batch = b.batch_in(BatchStatus.REVIEWING)
    for n in range(1, 8):
        assigned = "c-1" in batch.assigned_case_ids(b.E[n])
        assert case.view_for(b.E[n], assigned=assigned) is (F if n in (1, 2) else N)


def test_case_view_is_a_pure_function_of_the_unit() -> None:
    assert case_view(b.COURT, unit=b.COURT_UNIT) is F
    assert case_view(b.COURT, unit="") is N


# --- batches -------------------------------------------------------------------------------------------------

BATCH: dict[str, BatchViewer] = {
    "deputy": BatchViewer.NONE,
    "congress_clerk": BatchViewer.ORGANIZER,
    "congress_committee": BatchViewer.ORGANIZER,
    "congress_leader": BatchViewer.NONE,
    "gov_supervision_office": BatchViewer.NONE,
    "gov_department": BatchViewer.NONE,
    "discipline_commission": BatchViewer.NONE,
    "discipline_station": BatchViewer.SUPERVISOR,
    "court": BatchViewer.UNIT,
    "procuratorate": BatchViewer.UNIT,
    "expert": BatchViewer.EXPERT,  # expert 1 holds a seat from the draw on
    "platform_admin": BatchViewer.COUNTS,
}
SECRET = ("x-1", "x-2", "x-3", "x-4", "x-5", "x-6", "x-7", "专家", "expert-")


@pytest.mark.parametrize("status", list(BatchStatus))
@pytest.mark.parametrize("role", list(BATCH))
def test_a_batch_for_every_role_in_every_state(role: str, status: BatchStatus) -> None:
    batch = b.batch_in(status)
    person = b.BY_ROLE[role]
    expected = BATCH[role]
    if role == "expert" and status in (BatchStatus.DRAFT, BatchStatus.DRAWING):
        expected = BatchViewer.NONE  # nobody is drawn yet
    assert batch.viewer(person) is expected
    if expected in (BatchViewer.NONE, BatchViewer.COUNTS):
        with pytest.raises(NotFound, match=r"^未找到该评查批次$"):
            batch_view(batch, person)
        return
    view = batch_view(batch, person)
    assert (view.id, view.status, view.viewer) == ("b-1", status, expected)


@pytest.mark.parametrize("status", [s for s in BatchStatus if s is not BatchStatus.CLOSED])
@pytest.mark.parametrize("court", [b.COURT, b.PROCURATORATE], ids=lambda p: p.subject)
def test_the_court_never_sees_who_reviews_before_the_close(status: BatchStatus, court: Principal) -> None:
    batch = b.batch_in(status)
    view = batch_view(batch, court)
    [case] = view.cases  # its own case only
    assert case.unit == court.org_unit
    assert (case.reviewers, case.backups, case.forms, case.rating) == (None, None, (), None)
    assert (view.rules, view.draws, view.cancel_reason) == (None, (), "")
    text = repr(view)
    assert not any(secret in text for secret in SECRET), text


@pytest.mark.parametrize("court", [b.COURT, b.PROCURATORATE], ids=lambda p: p.subject)
def test_after_the_close_the_court_sees_its_reviewers_names_and_rating(court: Principal) -> None:
    batch = b.batch_in(BatchStatus.CLOSED)
    [case] = batch_view(batch, court).cases
    seats = {"c-1": ("x-1", "x-2"), "c-2": ("x-3", "x-4")}[case.case_id]
    assert case.reviewers is not None and tuple(s.expert_id for s in case.reviewers) == seats
    assert all(s.decline_reason == "" for s in case.reviewers)
    assert case.backups is None and case.forms == ()  # the forms stay the organizers' and the station's
    assert case.rating is not None and case.rating.label == "优秀"


def test_a_court_with_no_case_in_the_batch_sees_nothing() -> None:
    for status in BatchStatus:
        with pytest.raises(NotFound):
            batch_view(b.batch_in(status), b.OTHER_COURT)
        with pytest.raises(NotFound):
            batch_view(b.batch_in(status), b.COURT_WITHOUT_UNIT)


def test_the_declined_reviewer_is_not_shown_to_the_court_after_the_close() -> None:
    batch = b.batch_in(BatchStatus.DRAWN)
    now = b.DRAWN_AT + timedelta(days=1)
    batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "出差"), now)
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), now)
    for n, case_id in [(5, "c-1"), (2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.answer_assignment(b.E[n], commands.AnswerAssignment(case_id, True), now)
    batch.start_review(b.CLERK, now)
    for n, case_id in [(5, "c-1"), (2, "c-1"), (3, "c-2"), (4, "c-2")]:
        batch.save_form(b.E[n], b.form(case_id), now)
    batch.close(b.CLERK, now)
    [case] = batch_view(batch, b.COURT).cases
    assert case.reviewers is not None and [s.expert_id for s in case.reviewers] == ["x-2", "x-5"]
    organizer = {c.case_id: c for c in batch_view(batch, b.CLERK).cases}["c-1"]
    assert organizer.reviewers is not None and [s.expert_id for s in organizer.reviewers] == ["x-1", "x-2", "x-5"]
    assert organizer.reviewers[0].decline_reason == "出差"


@pytest.mark.parametrize("status", [BatchStatus.DRAWN, BatchStatus.REVIEWING, BatchStatus.CLOSED])
@pytest.mark.parametrize("viewer", [b.CLERK, b.COMMITTEE, b.STATION], ids=lambda p: p.subject)
def test_organizers_and_the_station_see_every_draw_seat_and_form(status: BatchStatus, viewer: Principal) -> None:
    batch = b.batch_in(status)
    view = batch_view(batch, viewer)
    assert view.rules == batch.rules and len(view.draws) == 1
    assert [c.case_id for c in view.cases] == ["c-1", "c-2"]
    c1 = view.cases[0]
    assert c1.reviewers is not None and [s.name for s in c1.reviewers] == ["专家1", "专家2"]
    assert c1.backups is not None and [r.expert_id for r in c1.backups] == ["x-5", "x-6"]
    if status is BatchStatus.CLOSED:
        assert len(c1.forms) == 2 and c1.rating is not None


def test_the_station_sees_provisional_ratings_during_the_review() -> None:
    batch = b.batch_in(BatchStatus.REVIEWING)
    batch.save_form(b.E[1], b.form("c-1"), b.REVIEW_AT)
    c1 = batch_view(batch, b.STATION).cases[0]
    assert c1.rating is not None and c1.rating.forms == 1
    assert batch_view(batch, b.COURT).cases[0].rating is None


@pytest.mark.parametrize("status", [BatchStatus.DRAWN, BatchStatus.REVIEWING, BatchStatus.CLOSED])
@pytest.mark.parametrize(("n", "case_id"), [(1, "c-1"), (2, "c-1"), (3, "c-2"), (4, "c-2")])
def test_an_expert_sees_only_their_own_case_seat_and_form(status: BatchStatus, n: int, case_id: str) -> None:
    batch = b.batch_in(status)
    view = batch_view(batch, b.E[n])
    [case] = view.cases
    assert case.case_id == case_id
    assert case.reviewers is not None and [s.expert_id for s in case.reviewers] == [f"x-{n}"]
    assert case.backups is None and case.rating is None
    assert [f.expert_id for f in case.forms] == ([f"x-{n}"] if status is BatchStatus.CLOSED else [])
    assert (view.rules, view.draws) == (None, ())
    others = [s for s in SECRET[:7] if s != f"x-{n}"]
    assert not any(other in repr(view) for other in others)


def test_an_expert_sees_their_draft_and_no_one_else_s() -> None:
    batch = b.batch_in(BatchStatus.REVIEWING)
    batch.save_form(b.E[1], b.form("c-1", submit=False), b.REVIEW_AT)
    batch.save_form(b.E[2], b.form("c-1", submit=False, substance=10), b.REVIEW_AT)
    mine = batch_view(batch, b.E[1]).cases[0].forms
    assert [f.expert_id for f in mine] == ["x-1"] and mine[0].scores[next(iter(mine[0].scores))] == 36


def test_a_backup_sees_nothing_until_brought_in_and_a_decliner_nothing_after() -> None:
    batch = b.batch_in(BatchStatus.DRAWN)
    with pytest.raises(NotFound):
        batch_view(batch, b.E[5])
    now = b.DRAWN_AT + timedelta(days=1)
    batch.answer_assignment(b.E[1], commands.AnswerAssignment("c-1", False, "出差"), now)
    with pytest.raises(NotFound):
        batch_view(batch, b.E[1])
    batch.record_replacement(commands.RecordReplacement("c-1", "x-1", "x-5"), now)
    [case] = batch_view(batch, b.E[5]).cases
    assert case.case_id == "c-1" and case.reviewers is not None and case.reviewers[0].backup_rank == 1


def test_batch_viewer_and_sees_reviewers_as_pure_functions() -> None:
    units, experts = frozenset({b.COURT_UNIT}), frozenset({"expert-1"})
    assert batch_viewer(b.COURT, units=units, expert_subjects=experts) is BatchViewer.UNIT
    assert batch_viewer(b.OTHER_COURT, units=units, expert_subjects=experts) is BatchViewer.NONE
    assert batch_viewer(b.E[1], units=units, expert_subjects=experts) is BatchViewer.EXPERT
    assert batch_viewer(b.E[2], units=units, expert_subjects=experts) is BatchViewer.NONE
    court_and_station = b.who("court", "discipline_station", subject="z", org_unit=b.COURT_UNIT)
    assert batch_viewer(court_and_station, units=units, expert_subjects=experts) is BatchViewer.SUPERVISOR
    for status in BatchStatus:
        assert sees_reviewers(BatchViewer.ORGANIZER, status) and sees_reviewers(BatchViewer.SUPERVISOR, status)
        assert sees_reviewers(BatchViewer.UNIT, status) is (status is BatchStatus.CLOSED)
        assert not sees_reviewers(BatchViewer.EXPERT, status)
        assert not sees_reviewers(BatchViewer.NONE, status) and not sees_reviewers(BatchViewer.COUNTS, status)


# --- findings ---------------------------------------------------------------------------------------------------

FINDINGS: dict[str, FindingViewer] = {
    "deputy": FindingViewer.NONE,
    "congress_clerk": FindingViewer.ORGANIZER,
    "congress_committee": FindingViewer.ORGANIZER,
    "congress_leader": FindingViewer.NONE,
    "gov_supervision_office": FindingViewer.NONE,
    "gov_department": FindingViewer.NONE,
    "discipline_commission": FindingViewer.NONE,  # the clue reaches it through the clue service
    "discipline_station": FindingViewer.SUPERVISOR,
    "court": FindingViewer.UNIT,  # once issued
    "procuratorate": FindingViewer.NONE,  # the court's case
    "expert": FindingViewer.NONE,
    "platform_admin": FindingViewer.COUNTS,
}


def _marked(status: FindingStatus) -> object:
    finding = b.finding_in(status)
    finding.mark_misconduct(b.CLERK, commands.MarkMisconduct("李某某", "审判员"), b.ISSUED_AT)
    return finding


@pytest.mark.parametrize("status", list(FindingStatus))
@pytest.mark.parametrize("role", list(FINDINGS))
def test_a_finding_for_every_role_in_every_state(role: str, status: FindingStatus) -> None:
    finding = _marked(status)
    person = b.BY_ROLE[role]
    expected = FINDINGS[role]
    if expected is FindingViewer.UNIT and status is FindingStatus.DRAFT:
        expected = FindingViewer.NONE  # a draft is not the court's yet
    assert finding.viewer(person) is expected  # type: ignore[attr-defined]
    if expected in (FindingViewer.NONE, FindingViewer.COUNTS):
        with pytest.raises(NotFound, match=r"^未找到该评查意见$"):
            finding_view(finding, person)  # type: ignore[arg-type]
        return
    view = finding_view(finding, person)  # type: ignore[arg-type]
    assert view.problem == b.PROBLEM and view.status is status
    if expected is FindingViewer.ORGANIZER:
        assert view.misconduct is not None and view.clue_transfer is not None
    else:  # neither the court nor the station learns of a clue about judicial staff here
        assert view.misconduct is None and view.clue_transfer is None
        assert "李某某" not in repr(view)


def test_another_court_never_sees_the_finding() -> None:
    for status in FindingStatus:
        finding = b.finding_in(status)
        assert finding.viewer(b.OTHER_COURT) is FindingViewer.NONE
        assert finding.viewer(b.COURT_WITHOUT_UNIT) is FindingViewer.NONE


def test_the_court_s_view_of_its_opinion() -> None:
    finding = b.finding_in(FindingStatus.CLOSED)
    view = finding_view(finding, b.COURT)
    assert (view.status_label, view.due_at, view.item_labels) == ("已销号", b.DUE_AT, ("程序", "效果"))
    assert [a.answer.value for a in view.answers] == ["accept"] and len(view.reports) == 1
    assert view.closing is not None and view.was_overdue is False
    late = b.finding_in(FindingStatus.ISSUED)
    late.raise_due_deadlines(b.DUE_AT)
    assert finding_view(late, b.COURT).was_overdue is True


def test_finding_viewer_as_a_pure_function() -> None:
    assert finding_viewer(b.COURT, unit=b.COURT_UNIT, issued=False) is FindingViewer.NONE
    assert finding_viewer(b.COURT, unit=b.COURT_UNIT, issued=True) is FindingViewer.UNIT
    assert finding_viewer(b.STATION, unit=b.COURT_UNIT, issued=False) is FindingViewer.SUPERVISOR
    assert finding_viewer(b.ADMIN, unit=b.COURT_UNIT, issued=True) is FindingViewer.COUNTS
    assert finding_viewer(b.NOBODY, unit=b.COURT_UNIT, issued=True) is FindingViewer.NONE
