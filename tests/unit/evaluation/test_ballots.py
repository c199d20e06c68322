"""Secret ballot sessions: every state × action, every actor, the plan and the ballot checked per field, the
receipt and the delta (and that nothing ties one to the other), the tally, the satisfaction rate and the
ranking on hand-computed fixtures, Lianjiang's scale, score mode, who sees what, and the events."""

from __future__ import annotations

import copy
import dataclasses
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import permutations

import pytest

from services.evaluation import ballots as bl
from services.evaluation.ballots import (
    BallotSession,
    Mode,
    SessionAction,
    SessionStatus,
    Tally,
    TallyDelta,
)
from services.evaluation.domain import SHANGHAI, Grade, View
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal

T0 = datetime(2026, 3, 19, 1, 0, tzinfo=UTC)  # 19 March, 09:00 in Beijing (Lianjiang's appraisal meeting)
OPENED = T0 + timedelta(hours=1)
NOW = T0 + timedelta(hours=2)
CLOSED = T0 + timedelta(hours=3)
SS = SessionStatus
S, F, B, D = Grade.SATISFIED, Grade.FAIRLY_SATISFIED, Grade.BASICALLY_SATISFIED, Grade.DISSATISFIED


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(subject=subject, name=f"{subject}-name", body=body, roles=frozenset(roles), org_unit=org_unit)


CLERK = who("congress_clerk", subject="clerk-1")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
POLICE = who("gov_department", subject="police-1", org_unit="police")  # not appraised in the sessions below
COURT = who("court", subject="court-1", org_unit="court")
EXPERT = who("expert", subject="expert-1")
ADMIN = who("platform_admin", subject="admin-1")
NOBODY = who(subject="nobody")
VOTERS = tuple(who("deputy", subject=f"deputy-{n}") for n in range(1, 6))
OUTSIDER = who("deputy", subject="deputy-99")  # a deputy not present
ORGANIZERS = (CLERK, COMMITTEE)
NOT_ORGANIZERS = (LEADER, COMMISSION, STATION, OFFICE, TRANSPORT, POLICE, COURT, EXPERT, ADMIN, NOBODY, *VOTERS)
EVERYONE = (*ORGANIZERS, *NOT_ORGANIZERS, OUTSIDER)

DEPARTMENTS = (
    bl.SubjectInput("transport", "交通运输局"),
    bl.SubjectInput("housing", "住房和城乡建设局"),
    bl.SubjectInput("health", "卫生健康局"),
)
REFS = tuple(d.ref for d in DEPARTMENTS)
ELECTORATE = tuple(v.subject for v in VOTERS)


def plan(**overrides: object) -> bl.SessionPlan:
    base: dict[str, object] = {
        "title": "2025年度市政府工作部门工作评议满意度测评",
        "purpose": "appraisal",
        "subject_kind": "department",
        "subjects": DEPARTMENTS,
        "mode": "grades",
        "electorate": ELECTORATE,
        "campaign_id": "a-1",
    }
    return bl.SessionPlan(**{**base, **overrides})  # type: ignore[arg-type]


def ballot(*values: Grade | int, refs: Sequence[str] = REFS) -> bl.CastBallot:
    marks = tuple(
        bl.Mark(ref, grade=v.value) if isinstance(v, Grade) else bl.Mark(ref, score=v)
        for ref, v in zip(refs, values, strict=True)
    )
    return bl.CastBallot(marks)


BALLOTS = (ballot(S, F, D), ballot(S, B, D), ballot(F, S, B))


def session_in(status: SessionStatus, **overrides: object) -> BallotSession:
    session = BallotSession.create("s-1", CLERK, bl.CreateSession(plan(**overrides)), T0)
    if status in (SS.OPEN, SS.CLOSED):
        session.open(CLERK, OPENED)
    if status is SS.CLOSED:
        session.close(CLERK, tally_of(session, BALLOTS), CLOSED)
    if status is SS.CANCELLED:
        session.cancel(CLERK, bl.CancelSession("人代会议程调整"), NOW)
    session.events.clear()
    assert session.status is status
    return session


def tally_of(session: BallotSession, ballots: Iterable[bl.CastBallot]) -> Tally:
    """Cast ``ballots`` by the first voters, as a store would: receipts apart, deltas summed."""
    deltas = [session.cast(VOTERS[i], b, NOW)[1] for i, b in enumerate(ballots)]
    return Tally.of(session.id, deltas)


def state_of(session: BallotSession) -> dict[str, object]:
    return {f.name: copy.deepcopy(getattr(session, f.name)) for f in dataclasses.fields(BallotSession)}


# --- the plan --------------------------------------------------------------------------------------------------


def test_an_organizer_drafts_a_session() -> None:
    session = BallotSession.create("s-1", COMMITTEE, bl.CreateSession(plan(title=" 测评 ")), T0)
    assert (session.title, session.purpose, session.subject_kind, session.mode) == (
        "测评",
        bl.Purpose.APPRAISAL,
        bl.SubjectKind.DEPARTMENT,
        Mode.GRADES,
    )
    assert session.subjects == tuple(bl.Subject(d.ref, d.name) for d in DEPARTMENTS)
    assert (session.electorate, session.campaign_id, session.threshold_percent) == (ELECTORATE, "a-1", 60)
    assert (session.status, session.created_by, session.created_at, session.closes_at) == (SS.DRAFT, "committee-1",
                                                                                           T0, None)  # fmt: skip
    [event] = session.events
    assert event == bl.SessionCreated("s-1", T0, "appraisal", "grades", REFS, 5)


# (what is wrong, the plan's fields, the fields named in the refusal)
BAD_PLANS: list[tuple[str, dict[str, object], list[str]]] = [
    ("nothing", {"title": " ", "purpose": "", "subject_kind": "", "subjects": (), "mode": "", "electorate": ()},
     ["title", "purpose", "subject_kind", "subjects", "mode", "electorate"]),
    ("title too long", {"title": "测" * 101}, ["title"]),
    ("unknown purpose", {"purpose": "election"}, ["purpose"]),
    ("appraisal of projects", {"subject_kind": "project"}, ["subject_kind"]),
    ("project satisfaction of departments", {"purpose": "project_satisfaction"}, ["subject_kind"]),
    ("unknown mode", {"mode": "stars"}, ["mode"]),
    ("too many subjects", {"subjects": tuple(bl.SubjectInput(f"d-{i}", f"部门{i}") for i in range(201))},
     ["subjects"]),
    ("blank subject", {"subjects": (DEPARTMENTS[0], bl.SubjectInput(" ", " "))}, ["subjects.1.ref",
                                                                                  "subjects.1.name"]),
    ("org_unit too long", {"subjects": (bl.SubjectInput("u" * 65, "部门"),)}, ["subjects.0.ref"]),
    ("subject twice", {"subjects": (*DEPARTMENTS, bl.SubjectInput(" housing ", "住建局"))}, ["subjects.3.ref"]),
    ("name too long", {"subjects": (bl.SubjectInput("transport", "局" * 101),)}, ["subjects.0.name"]),
    ("two voters", {"electorate": ELECTORATE[:2]}, ["electorate"]),
    ("too many voters", {"electorate": tuple(f"d-{i}" for i in range(2001))}, ["electorate"]),
    ("blank voter", {"electorate": (*ELECTORATE, " ")}, ["electorate"]),
    ("voter id too long", {"electorate": (*ELECTORATE, "d" * 65)}, ["electorate"]),
    ("voter twice", {"electorate": (*ELECTORATE, " deputy-1 ")}, ["electorate"]),
    ("campaign id too long", {"campaign_id": "a" * 65}, ["campaign_id"]),
    ("threshold over 100", {"threshold_percent": 101}, ["threshold_percent"]),
    ("negative threshold", {"threshold_percent": -1}, ["threshold_percent"]),
    ("threshold as bool", {"threshold_percent": True}, ["threshold_percent"]),
    ("threshold as text", {"threshold_percent": "60"}, ["threshold_percent"]),
    ("naive deadline", {"closes_at": datetime(2026, 3, 19, 12, 0)}, ["closes_at"]),
    ("past deadline", {"closes_at": T0}, ["closes_at"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_PLANS, ids=[c[0] for c in BAD_PLANS])
def test_bad_plans_are_refused_per_field(what: str, fields: dict[str, object], named: list[str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        BallotSession.create("s-1", CLERK, bl.CreateSession(plan(**fields)), T0)
    assert caught.value.message == "测评方案未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert all(d["message"] for d in caught.value.details)


def test_a_project_ref_may_be_longer_than_an_org_unit_and_other_purposes_take_either_kind() -> None:
    projects = (bl.SubjectInput("p" * 64, "农村公路提档升级"), bl.SubjectInput("p-2", "社区食堂"))
    for purpose in ("project_satisfaction", "other"):
        session = BallotSession.create("s-1", CLERK, bl.CreateSession(plan(purpose=purpose, subject_kind="project",
                                                                            subjects=projects)), T0)  # fmt: skip
        assert session.subject_kind is bl.SubjectKind.PROJECT
    BallotSession.create("s-2", CLERK, bl.CreateSession(plan(purpose="other")), T0)
    with pytest.raises(InvalidArgument):
        BallotSession.create("s-3", CLERK, bl.CreateSession(plan(subjects=(bl.SubjectInput("p" * 65, "x"),))), T0)


def test_the_subject_kind_refusal_says_why() -> None:
    with pytest.raises(InvalidArgument) as caught:
        BallotSession.create("s-1", CLERK, bl.CreateSession(plan(subject_kind="project")), T0)
    assert caught.value.details == [{"field": "subject_kind", "message": "部门工作评议的测评对象不能是项目"}]


def test_a_deadline_is_kept_in_utc() -> None:
    beijing = datetime(2026, 3, 19, 11, 30, tzinfo=SHANGHAI)
    session = BallotSession.create("s-1", CLERK, bl.CreateSession(plan(closes_at=beijing)), T0)
    assert session.closes_at == beijing and session.closes_at.tzinfo is UTC and session.closes_at.hour == 3


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="naive"):
        BallotSession.create("s-1", CLERK, bl.CreateSession(plan()), datetime(2026, 3, 19, 9, 0))
    with pytest.raises(ValueError, match="naive"):
        session_in(SS.OPEN).cast(VOTERS[0], BALLOTS[0], datetime(2026, 3, 19, 9, 0))


def test_editing_a_draft_replaces_its_plan() -> None:
    session = session_in(SS.DRAFT)
    session.edit(COMMITTEE, bl.EditSession(plan(subjects=DEPARTMENTS[:2], mode="score", threshold_percent=70)), NOW)
    assert (session.refs, session.mode, session.threshold_percent) == (REFS[:2], Mode.SCORE, 70)
    assert session.events == [bl.SessionEdited("s-1", NOW, "appraisal", "score", REFS[:2], 5)]


def test_a_bad_edit_changes_nothing() -> None:
    session = session_in(SS.DRAFT)
    before = state_of(session)
    with pytest.raises(InvalidArgument):
        session.edit(CLERK, bl.EditSession(plan(subjects=())), NOW)
    assert state_of(session) == before


# --- every state × action -------------------------------------------------------------------------------------

LEGAL: dict[tuple[SessionStatus, SessionAction], SessionStatus] = {
    (SS.DRAFT, SessionAction.EDIT): SS.DRAFT,
    (SS.DRAFT, SessionAction.OPEN): SS.OPEN,
    (SS.OPEN, SessionAction.CAST): SS.OPEN,
    (SS.OPEN, SessionAction.CLOSE): SS.CLOSED,
    (SS.DRAFT, SessionAction.CANCEL): SS.CANCELLED,
    (SS.OPEN, SessionAction.CANCEL): SS.CANCELLED,
}
THREE = Tally("s-1", 3, {(r, g.value): n for r in REFS for g, n in ((S, 2), (D, 1))})
DO: dict[SessionAction, Callable[[BallotSession], object]] = {
    SessionAction.EDIT: lambda x: x.edit(CLERK, bl.EditSession(plan(title="改名")), NOW),
    SessionAction.OPEN: lambda x: x.open(CLERK, NOW),
    SessionAction.CAST: lambda x: x.cast(VOTERS[0], BALLOTS[0], NOW),
    SessionAction.CLOSE: lambda x: x.close(CLERK, THREE, NOW),
    SessionAction.CANCEL: lambda x: x.cancel(CLERK, bl.CancelSession("议程调整"), NOW),
}
# The same steps by someone with no part in any of them, and bad input: a wrong state is still a conflict.
BY_A_STRANGER: dict[SessionAction, Callable[[BallotSession], object]] = {
    SessionAction.EDIT: lambda x: x.edit(NOBODY, bl.EditSession(plan(title="")), NOW),
    SessionAction.OPEN: lambda x: x.open(NOBODY, NOW),
    SessionAction.CAST: lambda x: x.cast(OUTSIDER, bl.CastBallot(()), NOW),
    SessionAction.CLOSE: lambda x: x.close(NOBODY, Tally("s-9", 0, {}), NOW),
    SessionAction.CANCEL: lambda x: x.cancel(NOBODY, bl.CancelSession(""), NOW),
}
CELLS = [(s, a) for s in SS for a in SessionAction]


def test_the_table_allows_what_the_tests_expect() -> None:
    allowed = {(s, a) for a, states in bl.SESSION_STATES.allowed.items() for s in states}
    assert allowed == set(LEGAL)


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c in LEGAL], ids=lambda v: str(v))
def test_legal_transition(state: SessionStatus, action: SessionAction) -> None:
    session = session_in(state)
    DO[action](session)
    assert session.status is LEGAL[state, action]
    if action is SessionAction.CAST:
        assert session.events == [], "a ballot records nothing in the session"
    else:
        assert session.events, "a transition records what happened"


@pytest.mark.parametrize(("state", "action"), [c for c in CELLS if c not in LEGAL], ids=lambda v: str(v))
@pytest.mark.parametrize("do", [DO, BY_A_STRANGER], ids=["organizer-or-voter", "stranger"])
def test_illegal_transition_is_a_conflict_and_changes_nothing(
    state: SessionStatus, action: SessionAction, do: dict[SessionAction, Callable[[BallotSession], object]]
) -> None:
    session = session_in(state)
    before = state_of(session)
    with pytest.raises(Conflict) as caught:
        do[action](session)
    assert caught.value.message == f"{bl.SESSION_STATES.phrases[state]}，不能{bl.SESSION_STATES.action_labels[action]}"
    assert state_of(session) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (SS.DRAFT, SessionAction.CAST, "该测评尚在筹备，不能投票"),
        (SS.OPEN, SessionAction.EDIT, "该测评正在投票，不能修改测评方案"),
        (SS.CLOSED, SessionAction.CAST, "该测评已结束投票，不能投票"),
        (SS.CLOSED, SessionAction.CANCEL, "该测评已结束投票，不能取消测评"),
        (SS.CANCELLED, SessionAction.OPEN, "该测评已取消，不能开始投票"),
    ],
)
def test_conflict_messages(state: SessionStatus, action: SessionAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        DO[action](session_in(state))
    assert caught.value.message == message


# --- who runs a session -----------------------------------------------------------------------------------------

ORGANIZER_STEPS: dict[str, tuple[SessionStatus | None, Callable[[BallotSession | None, Principal], object], str]] = {
    "create": (None, lambda _, p: BallotSession.create("s-2", p, bl.CreateSession(plan()), T0), "组织满意度测评"),
    "edit": (SS.DRAFT, lambda x, p: x.edit(p, bl.EditSession(plan()), NOW), "修改测评方案"),  # type: ignore[union-attr]
    "open": (SS.DRAFT, lambda x, p: x.open(p, NOW), "开始投票"),  # type: ignore[union-attr]
    "close": (SS.OPEN, lambda x, p: x.close(p, THREE, NOW), "结束投票"),  # type: ignore[union-attr]
    "cancel": (SS.OPEN, lambda x, p: x.cancel(p, bl.CancelSession("理由"), NOW), "取消测评"),  # type: ignore[union-attr]
}
ORGANIZER_CELLS = [(step, p) for step in ORGANIZER_STEPS for p in NOT_ORGANIZERS]


@pytest.mark.parametrize(("step", "person"), ORGANIZER_CELLS, ids=[f"{s}-{p.subject}" for s, p in ORGANIZER_CELLS])
def test_only_organizers_run_a_session(step: str, person: Principal) -> None:
    state, take, verb = ORGANIZER_STEPS[step]
    session = session_in(state) if state else None
    before = state_of(session) if session else None
    with pytest.raises(PermissionDenied) as caught:
        take(session, person)
    assert caught.value.message == f"只有人大常委会联络人员或专（工）委可以{verb}"
    if session:
        assert state_of(session) == before


def test_a_cancellation_needs_a_reason_and_says_whether_voting_had_begun() -> None:
    session = session_in(SS.OPEN)
    with pytest.raises(InvalidArgument) as caught:
        session.cancel(CLERK, bl.CancelSession(" "), NOW)
    assert caught.value.details[0]["field"] == "reason"
    session.cancel(CLERK, bl.CancelSession(" 会议延期 "), NOW)
    assert (session.cancel_reason, session.closed_at) == ("会议延期", NOW)
    assert session.events == [bl.SessionCancelled("s-1", NOW, True)]
    draft = session_in(SS.DRAFT)
    draft.cancel(CLERK, bl.CancelSession("方案调整"), NOW)
    assert draft.events == [bl.SessionCancelled("s-1", NOW, False)]


# --- casting ---------------------------------------------------------------------------------------------------


def test_a_ballot_is_a_receipt_and_a_delta_and_nothing_else() -> None:
    session = session_in(SS.OPEN)
    before = state_of(session)
    receipt, delta = session.cast(VOTERS[2], ballot(S, D, B), NOW)
    assert receipt == bl.Receipt("s-1", "deputy-3")
    assert delta == TallyDelta("s-1", (
        bl.Increment("transport", "satisfied", 1),
        bl.Increment("housing", "dissatisfied", 1),
        bl.Increment("health", "basically_satisfied", 1),
    ))  # fmt: skip
    assert state_of(session) == before, "the session keeps no voter and no ballot"


def test_a_score_ballot_adds_to_sum_count_and_bucket() -> None:
    session = session_in(SS.OPEN, mode="score")
    _, delta = session.cast(VOTERS[0], ballot(87, 0, 100), NOW)
    assert delta.increments == (
        bl.Increment("transport", "score_sum", 87), bl.Increment("transport", "score_count", 1),
        bl.Increment("transport", "score:87", 1),
        bl.Increment("housing", "score_sum", 0), bl.Increment("housing", "score_count", 1),
        bl.Increment("housing", "score:0", 1),
        bl.Increment("health", "score_sum", 100), bl.Increment("health", "score_count", 1),
        bl.Increment("health", "score:100", 1),
    )  # fmt: skip


def test_the_delta_follows_the_session_s_order_not_the_voter_s() -> None:
    session = session_in(SS.OPEN)
    in_order = session.cast(VOTERS[0], ballot(S, F, D), NOW)[1]
    for order in permutations(range(3)):
        refs = [REFS[i] for i in order]
        grades = [(S, F, D)[i] for i in order]
        assert session.cast(VOTERS[1], ballot(*grades, refs=refs), NOW)[1] == in_order


@pytest.mark.parametrize(
    "person", [OUTSIDER, CLERK, LEADER, STATION, TRANSPORT, ADMIN, NOBODY], ids=lambda p: p.subject
)
def test_only_a_deputy_of_the_electorate_votes(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有列入本场测评代表名单的代表可以投票$"):
        session_in(SS.OPEN).cast(person, BALLOTS[0], NOW)


def test_the_deputy_role_is_needed_not_just_the_login() -> None:
    impostor = who("congress_clerk", subject="deputy-1")
    with pytest.raises(PermissionDenied):
        session_in(SS.OPEN).cast(impostor, BALLOTS[0], NOW)


def test_a_second_ballot_is_refused_when_the_receipt_exists() -> None:
    with pytest.raises(Conflict, match=r"^您已投票，不能重复投票$"):
        session_in(SS.OPEN).cast(VOTERS[0], BALLOTS[0], NOW, already_voted=True)


def test_an_outsider_learns_nothing_about_who_has_voted() -> None:
    with pytest.raises(PermissionDenied):  # the membership check comes before the receipt's
        session_in(SS.OPEN).cast(OUTSIDER, BALLOTS[0], NOW, already_voted=True)


def _m(ref: str, grade: str = "", score: object = None) -> bl.Mark:
    return bl.Mark(ref, grade, score)  # type: ignore[arg-type]


T, H, HE = REFS
# (what is wrong, mode, marks, the fields named in the refusal)
BAD_BALLOTS: list[tuple[str, str, tuple[bl.Mark, ...], list[str]]] = [
    ("empty", "grades", (), ["marks"]),
    ("incomplete", "grades", (_m(T, "satisfied"), _m(H, "dissatisfied")), ["marks"]),
    ("duplicate", "grades", (_m(T, "satisfied"), _m(T, "dissatisfied"), _m(H, "satisfied"), _m(HE, "satisfied")),
     ["marks.1.ref"]),
    ("duplicate in place of one", "grades", (_m(T, "satisfied"), _m(T, "satisfied"), _m(H, "satisfied")),
     ["marks.1.ref", "marks"]),
    ("unknown subject", "grades", (_m(T, "satisfied"), _m("police", "satisfied"), _m(H, "satisfied"),
                                   _m(HE, "satisfied")), ["marks.1.ref"]),
    ("unknown grade", "grades", (_m(T, "excellent"), _m(H, "satisfied"), _m(HE, "satisfied")), ["marks.0.grade"]),
    ("label instead of value", "grades", (_m(T, "满意"), _m(H, "satisfied"), _m(HE, "satisfied")),
     ["marks.0.grade"]),
    ("no grade", "grades", (_m(T), _m(H, "satisfied"), _m(HE, "satisfied")), ["marks.0.grade"]),
    ("score in a grade session", "grades", (_m(T, "satisfied", 90), _m(H, "satisfied"), _m(HE, "satisfied")),
     ["marks.0.score"]),
    ("score over 100", "score", (_m(T, score=101), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("negative score", "score", (_m(T, score=-1), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("fractional score", "score", (_m(T, score=87.5), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("score as text", "score", (_m(T, score="87"), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("score as bool", "score", (_m(T, score=True), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("no score", "score", (_m(T), _m(H, score=87), _m(HE, score=87)), ["marks.0.score"]),
    ("grade in a score session", "score", (_m(T, "satisfied", 87), _m(H, score=87), _m(HE, score=87)),
     ["marks.0.grade"]),
    ("several at once", "score", (_m(T, score=300), _m("x", score=87), _m(H, "dissatisfied")),
     ["marks.0.score", "marks.1.ref", "marks.2.grade", "marks.2.score", "marks"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "mode", "marks", "named"), BAD_BALLOTS, ids=[c[0] for c in BAD_BALLOTS])
def test_bad_ballots_are_refused_per_field_without_echoing_a_grade_or_score(
    what: str, mode: str, marks: tuple[bl.Mark, ...], named: list[str]
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        session_in(SS.OPEN, mode=mode).cast(VOTERS[0], bl.CastBallot(marks), NOW)
    assert caught.value.message == "选票未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    said = " ".join(d["message"] for d in caught.value.details)
    words = {*(g.value for g in Grade), *bl.GRADE_WEIGHTS.keys(), "满意", "87", "300", "101", "90", "excellent"}
    assert not [w for w in words if w in said], said


def test_the_missing_departments_are_named() -> None:
    with pytest.raises(InvalidArgument) as caught:
        session_in(SS.OPEN).cast(VOTERS[0], bl.CastBallot((bl.Mark(H, "satisfied"),)), NOW)
    assert caught.value.details == [{"field": "marks", "message": "以下测评对象尚未评价：交通运输局、卫生健康局"}]


def test_a_ballot_command_never_shows_its_marks() -> None:
    assert "satisfied" not in repr(ballot(S, F, D)) and "Mark" not in repr(ballot(S, F, D))


def test_a_deadline_ends_the_voting_but_not_the_session() -> None:
    session = session_in(SS.DRAFT, closes_at=NOW)
    session.open(CLERK, OPENED)
    session.cast(VOTERS[0], BALLOTS[0], NOW - timedelta(seconds=1))
    for late in (NOW, NOW + timedelta(minutes=5)):
        with pytest.raises(Conflict, match=r"^投票已截止$"):
            session.cast(VOTERS[1], BALLOTS[1], late)
    session.close(CLERK, THREE, NOW + timedelta(minutes=10))
    assert session.status is SS.CLOSED


def test_a_session_whose_deadline_has_passed_does_not_open() -> None:
    session = session_in(SS.DRAFT, closes_at=OPENED)
    with pytest.raises(Conflict, match=r"^投票截止时间已过"):
        session.open(CLERK, OPENED)
    assert session.status is SS.DRAFT


# --- secrecy: the receipt, the delta, and what storage keeps ----------------------------------------------------


def test_the_receipt_carries_the_session_and_the_voter_only() -> None:
    assert [(f.name, f.type) for f in dataclasses.fields(bl.Receipt)] == [("session_id", "str"), ("voter", "str")]


def test_the_delta_has_no_field_that_could_carry_a_voter_or_a_time() -> None:
    assert [(f.name, f.type) for f in dataclasses.fields(TallyDelta)] == [
        ("session_id", "str"),
        ("increments", "tuple[Increment, ...]"),
    ]
    assert [(f.name, f.type) for f in dataclasses.fields(bl.Increment)] == [
        ("ref", "str"),
        ("counter", "str"),
        ("amount", "int"),
    ]
    receipt, delta = session_in(SS.OPEN).cast(VOTERS[0], BALLOTS[0], NOW)
    for thing in (receipt, delta, delta.increments[0]):
        assert not hasattr(thing, "__dict__"), "slots: no attribute can be added on the way"
        assert thing.__slots__ == tuple(f.name for f in dataclasses.fields(thing))  # type: ignore[arg-type]


def _random_ballot(rng: random.Random, mode: Mode, refs: Sequence[str]) -> bl.CastBallot:
    if mode is Mode.GRADES:
        return ballot(*(rng.choice(list(Grade)) for _ in refs), refs=refs)
    return ballot(*(rng.randint(0, 100) for _ in refs), refs=refs)


@pytest.mark.parametrize("mode", ["grades", "score"])
def test_a_delta_is_a_function_of_the_ballot_alone(mode: str) -> None:
    """Whoever casts it, whenever: equal ballots give equal deltas, and no delta holds a voter's login."""
    session = session_in(SS.OPEN, mode=mode)
    rng = random.Random(6)
    allowed = {g.value for g in Grade} | {bl.SCORE_SUM, bl.SCORE_COUNT} | {bl.bucket(s) for s in range(101)}
    for _ in range(200):
        b = _random_ballot(rng, session.mode, REFS)
        deltas = {session.cast(v, b, NOW + timedelta(seconds=rng.randint(0, 3600)))[1] for v in VOTERS}
        assert len(deltas) == 1
        [delta] = deltas
        assert {i.ref for i in delta.increments} == set(REFS) and {i.counter for i in delta.increments} <= allowed
        assert not [v for v in ELECTORATE if v in repr(delta)]


@pytest.mark.parametrize("mode", ["grades", "score"])
def test_the_stored_data_cannot_tie_a_ballot_to_its_voter(mode: str) -> None:
    """What a store keeps — the set of receipts and the counters — is the same whichever voter cast which
    ballot and at whatever time: nothing stored can tell the assignments apart. Even a store that wrongly
    kept every delta (without an order) could not: the multiset of deltas is the same in every world."""
    session = session_in(SS.OPEN, mode=mode)
    rng = random.Random(2026)
    ballots = [_random_ballot(rng, session.mode, REFS) for _ in VOTERS]

    def store(assignment: Sequence[int], order: Sequence[int]) -> tuple[object, ...]:
        receipts: set[bl.Receipt] = set()
        counters: Counter[tuple[str, str]] = Counter()
        kept: Counter[TallyDelta] = Counter()
        for step, i in enumerate(order):
            receipt, delta = session.cast(VOTERS[i], ballots[assignment[i]], NOW + timedelta(minutes=step))
            assert receipt not in receipts
            receipts.add(receipt)
            kept[delta] += 1
            for inc in delta.increments:
                counters[inc.ref, inc.counter] += inc.amount
        return frozenset(receipts), frozenset(counters.items()), frozenset(kept.items())

    orders = [range(5), range(4, -1, -1), (2, 0, 4, 1, 3)]
    worlds = {store(a, o) for a in permutations(range(5)) for o in orders}
    assert len(worlds) == 1
    [(receipts, _, _)] = worlds
    assert receipts == frozenset(bl.Receipt("s-1", v) for v in ELECTORATE)


def test_no_event_names_a_voter_and_none_is_recorded_per_ballot() -> None:
    events: list[bl.SessionEvent] = []
    session = BallotSession.create("s-1", CLERK, bl.CreateSession(plan()), T0)
    session.open(CLERK, OPENED)
    events += session.events
    session.events.clear()
    tally = tally_of(session, [*BALLOTS, ballot(D, D, D)])
    assert session.events == []
    session.close(CLERK, tally, CLOSED)
    events += session.events
    cancelled = session_in(SS.OPEN)
    cancelled.cancel(CLERK, bl.CancelSession("x"), NOW)
    events += cancelled.events
    for event in events:
        values = repr(dataclasses.astuple(event))
        assert not [v for v in ELECTORATE if v in values], event
    kinds = _concrete_events(bl.SessionEvent)
    names = {f.name for kind in kinds for f in dataclasses.fields(kind)}
    assert not names & {"voter", "voters", "electorate", "subject", "principal", "by", "receipts", "cast_at"}
    assert {kind.name for kind in kinds} == {"created", "edited", "opened", "closed", "cancelled"}


def _concrete_events(kind: type[bl.SessionEvent]) -> list[type[bl.SessionEvent]]:
    found: list[type[bl.SessionEvent]] = []
    for sub in kind.__subclasses__():
        found += [sub] if sub.name else _concrete_events(sub)
    return found


# --- the tally and the results: hand-computed ---------------------------------------------------------------------

# Ten ballots over nine departments, as (满意, 较满意, 基本满意, 不满意); composite = (100·S + 80·F + 60·B) / 10.
COUNTS: dict[str, tuple[int, int, int, int]] = {
    "a": (6, 2, 1, 1),  # 82, 90%, 满意 6
    "b": (5, 3, 2, 0),  # 86, 100%
    "c": (4, 4, 1, 1),  # 78, 90%, 满意 4
    "d": (5, 2, 0, 3),  # 66, 70%
    "e": (7, 1, 0, 2),  # 78, 80%
    "g": (5, 2, 2, 1),  # 78, 90%, 满意 5
    "h": (6, 2, 1, 1),  # as a: shares its rank
    "i": (1, 1, 3, 5),  # 36, 50%: below 60%
    "j": (0, 0, 6, 4),  # 36, 60%: at the line, not below
}
# ranks: b 1; a and h 2 (a first: the session's order); g 4 (more 满意 than c); c 5; e 6 (lower rate); d 7;
# j 8 (same composite as i, higher rate); i 9.
EXPECTED = [("b", 1), ("a", 2), ("h", 2), ("g", 4), ("c", 5), ("e", 6), ("d", 7), ("j", 8), ("i", 9)]
HAND = tuple(bl.SubjectInput(ref, f"部门{ref}") for ref in COUNTS)
TEN = tuple(who("deputy", subject=f"v-{n}") for n in range(12))  # 12 present, 10 vote


def hand_session() -> tuple[BallotSession, Tally]:
    session = BallotSession.create(
        "s-h", CLERK, bl.CreateSession(plan(subjects=HAND, electorate=tuple(v.subject for v in TEN))), T0
    )
    session.open(CLERK, OPENED)
    columns = {ref: [g for g, n in zip(Grade, counts, strict=True) for _ in range(n)] for ref, counts in COUNTS.items()}
    deltas = [
        session.cast(TEN[k], ballot(*(columns[ref][k] for ref in COUNTS), refs=tuple(COUNTS)), NOW)[1]
        for k in range(10)
    ]
    return session, Tally.of("s-h", deltas)


def test_the_tally_is_the_sum_of_the_deltas() -> None:
    _, tally = hand_session()
    assert tally.ballots_cast == 10
    assert {ref: tuple(tally.get(ref, g.value) for g in Grade) for ref in COUNTS} == COUNTS
    assert set(tally.counters) <= {(ref, g.value) for ref in COUNTS for g in Grade}


def test_a_tally_takes_no_ballot_of_another_session() -> None:
    with pytest.raises(ValueError, match="s-9"):
        Tally.of("s-1", [TallyDelta("s-9", ())])


def test_rates_shares_composites_and_flags() -> None:
    session, tally = hand_session()
    r = session.close(CLERK, tally, CLOSED)
    a, i, j = r.row("a"), r.row("i"), r.row("j")
    assert (a.total, a.counts, a.score, a.rate) == (10, {S: 6, F: 2, B: 1, D: 1}, Fraction(82), Fraction(9, 10))
    assert (a.satisfied_share, a.dissatisfied_share, a.minimum, a.maximum) == (Fraction(3, 5), Fraction(1, 10),
                                                                               None, None)  # fmt: skip
    assert (a.rate_percent, a.score_display) == (Decimal("90.00"), Decimal("82.00"))
    assert (i.rate, i.below_threshold, i.dissatisfied_share) == (Fraction(1, 2), True, Fraction(1, 2))
    assert (j.rate, j.below_threshold) == (Fraction(3, 5), False), "below 60% means strictly below"
    assert r.below_threshold == ("i",)
    assert (r.electorate, r.ballots_cast, r.turnout, r.threshold) == (12, 10, Fraction(5, 6), Fraction(3, 5))


def test_the_ranking_breaks_ties_by_rate_then_satisfied_count_then_shares_the_rank() -> None:
    session, tally = hand_session()
    r = session.close(CLERK, tally, CLOSED)
    assert [(row.ref, row.rank) for row in r.rows] == EXPECTED
    assert [row.score for row in r.rows] == [86, 82, 82, 78, 78, 78, 66, 36, 36]


def test_a_higher_threshold_flags_more() -> None:
    session = BallotSession.create("s-h", CLERK, bl.CreateSession(plan(
        subjects=HAND, electorate=tuple(v.subject for v in TEN), threshold_percent=90)), T0)  # fmt: skip
    session.open(CLERK, OPENED)
    _, tally = hand_session()
    r = session.close(CLERK, tally, CLOSED)
    assert set(r.below_threshold) == {"d", "e", "i", "j"}  # 90% itself is not below


def test_the_results_are_computed_exactly_and_rounded_for_display_only() -> None:
    session = session_in(SS.OPEN)
    r = session.close(CLERK, tally_of(session, BALLOTS), CLOSED)
    t = r.row("transport")  # 满意, 满意, 较满意
    assert (t.score, t.score_display, t.rate_percent) == (Fraction(280, 3), Decimal("93.33"), Decimal("100.00"))
    housing = r.row("housing")  # 较满意, 基本满意, 满意
    assert (housing.score, housing.satisfied_share) == (Fraction(80), Fraction(1, 3))
    health = r.row("health")  # 不满意, 不满意, 基本满意
    assert (health.score, health.rate, health.rate_percent) == (Fraction(20), Fraction(1, 3), Decimal("33.33"))
    assert bl.percent(Fraction(2, 3)) == Decimal("66.67") and bl.display(Fraction(1, 200)) == Decimal("0.01")


def test_the_ranking_rule_on_its_own() -> None:
    def row(ref: str, score: int, rate: Fraction, satisfied: int = 0) -> bl.SubjectResult:
        return bl.SubjectResult(ref, ref, 0, 4, Fraction(score), rate, False, counts={S: satisfied})

    rows = [row("x", 70, Fraction(1, 2)), row("y", 90, Fraction(1)), row("z", 70, Fraction(1, 2)),
            row("w", 90, Fraction(1)), row("v", 95, Fraction(1, 4))]  # fmt: skip
    assert [(r.ref, r.rank) for r in bl.rank(rows)] == [("v", 1), ("y", 2), ("w", 2), ("x", 4), ("z", 4)]
    assert bl.rank([]) == ()


# --- Lianjiang's scale -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [2019, 2020, 7])
def test_lianjiang_27_departments_150_deputies(seed: int) -> None:
    rng = random.Random(seed)
    departments = tuple(bl.SubjectInput(f"dept-{n:02d}", f"廉江市部门{n}") for n in range(27))
    refs = tuple(d.ref for d in departments)
    deputies = tuple(who("deputy", subject=f"lj-deputy-{n:03d}") for n in range(160))
    session = BallotSession.create("s-lj", CLERK, bl.CreateSession(plan(
        subjects=departments, electorate=tuple(d.subject for d in deputies))), T0)  # fmt: skip
    session.open(CLERK, OPENED)
    # Each department has its own leaning, so that the grades differ between departments.
    leanings = {ref: [rng.randint(1, 10) for _ in Grade] for ref in refs}
    ballots = [{ref: rng.choices(list(Grade), weights=leanings[ref])[0] for ref in refs} for _ in range(150)]
    deltas = [session.cast(deputies[k], ballot(*b.values(), refs=refs), NOW)[1] for k, b in enumerate(ballots)]
    r = session.close(CLERK, Tally.of("s-lj", deltas), CLOSED)

    assert len(r.rows) == 27 and {row.ref for row in r.rows} == set(refs)
    for row in r.rows:  # against an independent count of the ballots the test (and only the test) kept
        counts = Counter(b[row.ref] for b in ballots)
        assert row.total == sum(row.counts.values()) == 150
        assert dict(row.counts) == {g: counts[g] for g in Grade}
        assert row.score == Fraction(sum(bl.GRADE_WEIGHTS[g] * n for g, n in counts.items()), 150)
        assert row.rate == Fraction(150 - counts[D], 150)
        assert row.below_threshold == (row.rate < Fraction(3, 5))
    keys = [(-row.score, -row.rate, -row.counts[S]) for row in r.rows]
    assert keys == sorted(keys)
    for row, key in zip(r.rows, keys, strict=True):  # competition ranking: 1 + how many are strictly better
        assert row.rank == 1 + sum(k < key for k in keys)
    assert r.rows[0].rank == 1 and r.turnout == Fraction(150, 160)


def test_lianjiang_ties_at_scale_share_ranks() -> None:
    """Departments graded alike (their ballots are shuffled copies) share a rank; the next rank skips."""
    rng = random.Random(27)
    refs = tuple(f"dept-{n:02d}" for n in range(27))
    deputies = tuple(who("deputy", subject=f"lj-{n:03d}") for n in range(150))
    session = BallotSession.create(
        "s-lj",
        CLERK,
        bl.CreateSession(
            plan(subjects=tuple(bl.SubjectInput(r, r) for r in refs), electorate=tuple(d.subject for d in deputies))
        ),
        T0,
    )
    session.open(CLERK, OPENED)  # fmt: skip
    columns = {ref: [rng.choice(list(Grade)) for _ in range(150)] for ref in refs[::3]}
    for ref in refs:  # every third department's column is shuffled into the next two
        if ref not in columns:
            source = refs[refs.index(ref) // 3 * 3]
            columns[ref] = rng.sample(columns[source], 150)
    deltas = [session.cast(deputies[k], ballot(*(columns[r][k] for r in refs), refs=refs), NOW)[1] for k in range(150)]
    r = session.close(CLERK, Tally.of("s-lj", deltas), CLOSED)
    rank_of = {row.ref: row.rank for row in r.rows}
    for source in refs[::3]:
        group = refs[refs.index(source) : refs.index(source) + 3]
        assert len({rank_of[ref] for ref in group}) == 1, group
    keys = {row.ref: (-row.score, -row.rate, -row.counts[S]) for row in r.rows}
    for ref, key in keys.items():
        assert rank_of[ref] == 1 + sum(k < key for k in keys.values())
    ranks = Counter(rank_of.values())
    assert all(n >= 3 for n in ranks.values()) and min(ranks) == 1
    assert sorted(ranks) == [1 + sum(n for other, n in ranks.items() if other < rank) for rank in sorted(ranks)]


# --- score mode ---------------------------------------------------------------------------------------------------

PROJECTS = tuple(bl.SubjectInput(p, f"民生实事{p}") for p in ("p1", "p2", "p3", "p4"))
SCORES = {  # four deputies' scores
    "p1": (90, 80, 70, 60),  # mean 75, all ≥ 60
    "p2": (100, 95, 50, 55),  # mean 75, half ≥ 60: below the line, ranked after p1 and p3
    "p3": (75, 75, 75, 75),  # mean 75, all ≥ 60: shares p1's rank
    "p4": (59, 61, 0, 100),  # mean 55
}


def score_session() -> tuple[BallotSession, Tally]:
    session = BallotSession.create("s-p", CLERK, bl.CreateSession(plan(
        purpose="project_satisfaction", subject_kind="project", subjects=PROJECTS, mode="score")), T0)  # fmt: skip
    session.open(CLERK, OPENED)
    refs = tuple(SCORES)
    deltas = [session.cast(VOTERS[k], ballot(*(SCORES[p][k] for p in refs), refs=refs), NOW)[1] for k in range(4)]
    return session, Tally.of("s-p", deltas)


def test_score_mode_results() -> None:
    session, tally = score_session()
    assert (tally.get("p4", "score_sum"), tally.get("p4", "score_count"), tally.get("p4", "score:61")) == (220, 4, 1)
    r = session.close(CLERK, tally, CLOSED)
    assert [(row.ref, row.rank) for row in r.rows] == [("p1", 1), ("p3", 1), ("p2", 3), ("p4", 4)]
    p1, p2, p4 = r.row("p1"), r.row("p2"), r.row("p4")
    assert (p1.score, p1.minimum, p1.maximum, p1.rate) == (75, 60, 90, 1)
    assert (p2.rate, p2.below_threshold, p2.dissatisfied_share) == (Fraction(1, 2), True, Fraction(1, 2))
    assert (p4.score, p4.minimum, p4.maximum, p4.histogram) == (55, 0, 100, {0: 1, 59: 1, 61: 1, 100: 1})
    assert (p4.counts, p4.satisfied_share) == ({}, None)
    assert r.below_threshold == ("p2", "p4") and r.mode is Mode.SCORE


def test_a_score_mean_stays_exact() -> None:
    session = session_in(SS.OPEN, mode="score")
    r = session.close(CLERK, tally_of(session, [ballot(81, 0, 0), ballot(80, 0, 0), ballot(80, 0, 0)]), CLOSED)
    t = r.row("transport")
    assert (t.score, t.score_display) == (Fraction(241, 3), Decimal("80.33"))
    assert [(row.ref, row.rank) for row in r.rows] == [("transport", 1), ("housing", 2), ("health", 2)]


# --- the close and the results ---------------------------------------------------------------------------------------


def test_closing_publishes_the_ranking_as_plain_values() -> None:
    session, tally = hand_session()
    session.events.clear()
    session.close(CLERK, tally, CLOSED)
    [event] = session.events
    assert isinstance(event, bl.SessionClosed)
    assert event.topic == "wulian.evaluation.ballot_session.closed" and event.aggregate_id == "s-h"
    assert event.subjects == tuple(ref for ref, _ in EXPECTED)
    assert event.ranks == tuple(rank for _, rank in EXPECTED)
    assert event.scores == (86.0, 82.0, 82.0, 78.0, 78.0, 78.0, 66.0, 36.0, 36.0)
    assert event.rates == (1.0, 0.9, 0.9, 0.9, 0.9, 0.8, 0.7, 0.6, 0.5)
    assert event.below_threshold == (False,) * 8 + (True,)
    assert (event.purpose, event.mode, event.campaign_id, event.threshold_percent) == ("appraisal", "grades", "a-1",
                                                                                       60)  # fmt: skip
    assert (event.ballots_cast, event.electorate_size) == (10, 12)
    plain = (str, int, float, bool)
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        if f.name != "occurred_at":
            items = value if isinstance(value, tuple) else (value,)
            assert all(type(v) in plain for v in items), f.name
    assert (session.status, session.closed_at, session.ballots_cast) == (SS.CLOSED, CLOSED, 10)


def test_the_results_are_published_to_every_congress_government_and_discipline_role() -> None:
    closed = bl.SessionClosed("s-1", NOW, "appraisal", "grades", "", (), (), (), (), (), 60, 3, 5)
    audience = set(closed.audience())
    assert audience == {f"role:{r}" for r, body in ROLE_BODIES.items() if body in ("congress", "government",
                                                                                     "discipline")}  # fmt: skip
    assert not audience & {"role:platform_admin", "role:expert", "role:court", "role:procuratorate"}
    opened = bl.SessionOpened("s-1", NOW, REFS, 5)
    assert "role:deputy" in opened.audience() and "role:gov_department" not in opened.audience()
    assert "role:deputy" not in bl.SessionCreated("s-1", NOW, "appraisal", "grades", REFS, 5).audience()
    assert "role:deputy" not in bl.SessionCancelled("s-1", NOW, False).audience()
    assert "role:deputy" in bl.SessionCancelled("s-1", NOW, True).audience()


@pytest.mark.parametrize("state", [SS.DRAFT, SS.OPEN])
def test_nobody_sees_results_before_the_close(state: SessionStatus) -> None:
    session = session_in(state)
    with pytest.raises(Conflict, match=r"^投票结束前不公布结果$"):
        bl.results(session, THREE)
    for person in (CLERK, COMMISSION, STATION, LEADER):
        with pytest.raises(Conflict, match=r"^投票结束前不公布结果$"):
            bl.published_results(person, session, THREE)


def test_a_cancelled_session_has_no_results() -> None:
    with pytest.raises(Conflict, match=r"^该测评已取消，没有结果$"):
        bl.results(session_in(SS.CANCELLED), THREE)


def test_results_after_the_close_come_from_the_same_counters_only() -> None:
    session = session_in(SS.OPEN)
    tally = tally_of(session, BALLOTS)
    at_close = session.close(CLERK, tally, CLOSED)
    assert bl.results(session, tally) == at_close
    with pytest.raises(Conflict, match=r"^计票数据与本场测评不符$"):
        bl.results(session, Tally.of("s-1", [session_in(SS.OPEN).cast(VOTERS[0], b, NOW)[1] for b in BALLOTS * 2]))


def test_closing_needs_three_ballots() -> None:
    session = session_in(SS.OPEN)
    before = state_of(session)
    for n in (0, 1, 2):
        with pytest.raises(Conflict, match=r"^投票的代表少于 3 人，公布结果将暴露个人的投票"):
            session.close(CLERK, tally_of(session, BALLOTS[:n]), CLOSED)
    assert state_of(session) == before


def _counters(**changes: int) -> dict[tuple[str, str], int]:
    counters = dict(THREE.counters)
    for key, value in changes.items():
        ref, counter = key.split("__")
        counters[ref, counter] = value
    return counters


IMPOSSIBLE: list[tuple[str, Tally]] = [
    ("another session", Tally("s-9", 3, THREE.counters)),
    ("more ballots than voters", Tally("s-1", 6, {(r, "satisfied"): 6 for r in REFS})),
    ("a department short", Tally("s-1", 3, _counters(health__satisfied=1))),
    ("a department over", Tally("s-1", 3, _counters(health__fairly_satisfied=1))),
    ("an unknown department", Tally("s-1", 3, {**THREE.counters, ("police", "satisfied"): 3})),
    ("an unknown counter", Tally("s-1", 3, {**THREE.counters, ("health", "score_sum"): 0})),
    ("a negative counter", Tally("s-1", 3, _counters(health__satisfied=4, health__dissatisfied=-1))),
    ("a boolean counter", Tally("s-1", 3, _counters(health__satisfied=True, health__fairly_satisfied=1))),
    ("a boolean turnout", Tally("s-1", True, THREE.counters)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("what", "tally"), IMPOSSIBLE, ids=[c[0] for c in IMPOSSIBLE])
def test_impossible_counters_are_refused(what: str, tally: Tally) -> None:
    session = session_in(SS.OPEN)
    before = state_of(session)
    with pytest.raises(Conflict, match=r"^(计票数据与本场测评不符|投票的代表少于)"):
        session.close(CLERK, tally, CLOSED)
    assert state_of(session) == before


SCORE_THREE = {(r, c): v for r in REFS for c, v in (("score_sum", 150), ("score_count", 3), ("score:50", 3))}
IMPOSSIBLE_SCORES: list[tuple[str, dict[tuple[str, str], int]]] = [
    ("sum off", {**SCORE_THREE, ("health", "score_sum"): 151}),
    ("count off", {**SCORE_THREE, ("health", "score_count"): 2}),
    ("histogram off", {**SCORE_THREE, ("health", "score:50"): 2}),
    ("bucket out of range", {**SCORE_THREE, ("health", "score:101"): 0}),
    ("a grade counter", {**SCORE_THREE, ("health", "satisfied"): 0}),
]


@pytest.mark.parametrize(("what", "counters"), IMPOSSIBLE_SCORES, ids=[c[0] for c in IMPOSSIBLE_SCORES])
def test_impossible_score_counters_are_refused(what: str, counters: dict[tuple[str, str], int]) -> None:
    session = session_in(SS.OPEN, mode="score")
    assert session.close(CLERK, Tally("s-1", 3, SCORE_THREE), CLOSED).row("health").score == 50
    again = session_in(SS.OPEN, mode="score")
    with pytest.raises(Conflict, match=r"^计票数据与本场测评不符$"):
        again.close(CLERK, Tally("s-1", 3, counters), CLOSED)
    assert again.status is SS.OPEN


# --- who sees what ----------------------------------------------------------------------------------------------

STAFF = (CLERK, COMMITTEE, LEADER, COMMISSION, STATION)


@pytest.mark.parametrize("state", list(SS))
def test_staff_see_everything_and_the_admin_counts(state: SessionStatus) -> None:
    session = session_in(state)
    assert all(bl.session_view(p, session) is View.FULL for p in STAFF)
    assert bl.session_view(ADMIN, session) is View.COUNTS


def test_a_draft_is_the_organizers_work() -> None:
    session = session_in(SS.DRAFT)
    others = [p for p in EVERYONE if p not in STAFF and p is not ADMIN]
    assert {bl.session_view(p, session) for p in others} == {View.NONE}


@pytest.mark.parametrize("state", [SS.OPEN, SS.CANCELLED])
def test_while_open_the_electorate_the_departments_voted_on_and_the_office_see_it(state: SessionStatus) -> None:
    session = session_in(SS.OPEN)
    if state is SS.CANCELLED:
        session.cancel(CLERK, bl.CancelSession("延期"), NOW)
    views = {p.subject: bl.session_view(p, session) for p in EVERYONE}
    limited = {*ELECTORATE, "transport-1", "office-1"}
    assert {s for s, v in views.items() if v is View.LIMITED} == limited
    assert {s for s, v in views.items() if v is View.NONE} == {"police-1", "court-1", "expert-1", "nobody",
                                                               "deputy-99"}  # fmt: skip


def test_a_department_is_not_a_project() -> None:
    session = session_in(SS.OPEN, purpose="other", subject_kind="project",
                         subjects=(bl.SubjectInput("transport", "公交线路"),))  # fmt: skip
    assert bl.session_view(TRANSPORT, session) is View.NONE


def test_once_closed_every_congress_government_and_discipline_role_sees_it() -> None:
    session = session_in(SS.CLOSED)
    views = {p.subject: bl.session_view(p, session) for p in EVERYONE}
    assert {s for s, v in views.items() if v is View.NONE} == {"court-1", "expert-1", "nobody"}
    assert views["police-1"] is View.LIMITED and views["deputy-99"] is View.LIMITED


def test_the_summary_hides_the_electorate_and_the_live_turnout_from_the_limited_view() -> None:
    session = session_in(SS.OPEN)
    full = bl.summary_for(CLERK, session, receipts=2)
    assert (full.electorate, full.ballots_cast, full.in_electorate, full.is_open) == (ELECTORATE, 2, False, True)
    voter = bl.summary_for(VOTERS[0], session, receipts=2)
    assert (voter.electorate, voter.ballots_cast, voter.in_electorate, voter.electorate_size) == ((), None, True, 5)
    for person in (OUTSIDER, ADMIN, COURT):
        with pytest.raises(NotFound, match=r"^未找到该测评$"):
            bl.summary_for(person, session, receipts=2)


def test_after_the_close_the_turnout_is_public() -> None:
    session = session_in(SS.CLOSED)
    for person in (CLERK, VOTERS[0], OUTSIDER, POLICE):
        assert bl.summary_for(person, session, receipts=99).ballots_cast == 3
    assert bl.summary_for(POLICE, session).electorate == ()
    cancelled = session_in(SS.CANCELLED)
    assert bl.summary_for(CLERK, cancelled, receipts=2).ballots_cast is None
    assert bl.summary_for(CLERK, cancelled).cancel_reason == "人代会议程调整"


def test_published_results_reach_the_published_audience_only() -> None:
    session = session_in(SS.OPEN)
    tally = tally_of(session, BALLOTS)
    session.close(CLERK, tally, CLOSED)
    for person in (CLERK, OUTSIDER, POLICE, OFFICE, COMMISSION, VOTERS[4]):
        assert [r.ref for r in bl.published_results(person, session, tally).rows] == ["transport", "housing",
                                                                                       "health"]  # fmt: skip
    for person in (ADMIN, COURT, EXPERT, NOBODY):
        with pytest.raises(NotFound):
            bl.published_results(person, session, tally)
    assert not bl.sees_results(ADMIN) and bl.sees_results(POLICE)
