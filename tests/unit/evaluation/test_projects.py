"""Livelihood projects (民生实事联督): candidates, the project vote with its secrecy, tally, tie and run-off rules
(Jiangbei's 13 of 20 by 213 deputies), projects with computed completion and lateness, joint inspections, the
satisfaction link, who sees what, and events that carry no text."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

import pytest

from services.evaluation import project_events as ev
from services.evaluation.candidates import Candidate
from services.evaluation.domain import RaisingBody, View
from services.evaluation.project_commands import (
    AddCandidate,
    CancelVote,
    CandidateDetails,
    CastPicks,
    CreateRunoff,
    CreateVote,
    EditCandidate,
    EditVote,
    LinkSatisfactionSession,
    MilestoneInput,
    ParticipantInput,
    ProblemInput,
    RecordInspection,
    ReportProgress,
    TargetInput,
    WithdrawCandidate,
)
from services.evaluation.project_states import (
    CandidateAction,
    CandidateStatus,
    Progress,
    ProjectAction,
    ProjectStatus,
    VoteAction,
    VoteStatus,
)
from services.evaluation.project_values import percent
from services.evaluation.project_views import (
    candidate_access,
    candidate_counts,
    candidate_view,
    project_access,
    project_counts,
    project_list,
    project_view,
    vote_access,
    vote_counts,
    vote_view,
)
from services.evaluation.project_votes import (
    PickDelta,
    ProjectVote,
    RankedCandidate,
    Receipt,
    Runoff,
    Tally,
    VoteResults,
    elect,
)
from services.evaluation.projects import Project, projects_from
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(subject=subject, name=f"{subject}-name", body=body, roles=frozenset(roles), org_unit=org_unit)


CLERK = who("congress_clerk", subject="clerk-1")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
DEPUTY = who("deputy", subject="deputy-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
HOUSING = who("gov_department", subject="housing-1", org_unit="housing")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit="hs-court")
PROCURATORATE = who("procuratorate", subject="procuratorate-1", org_unit="hs-procuratorate")
EXPERT = who("expert", subject="expert-1")
ADMIN = who("platform_admin", subject="admin-1")
NOBODY = who(subject="someone-without-roles")
BY_ROLE: dict[str, Principal] = {
    "deputy": DEPUTY,
    "congress_clerk": CLERK,
    "congress_committee": COMMITTEE,
    "congress_leader": LEADER,
    "gov_supervision_office": OFFICE,
    "gov_department": TRANSPORT,
    "discipline_commission": COMMISSION,
    "discipline_station": STATION,
    "court": COURT,
    "procuratorate": PROCURATORATE,
    "expert": EXPERT,
    "platform_admin": ADMIN,
}
EVERYONE = (*BY_ROLE.values(), HOUSING, NOBODY)
ORGANIZERS = (CLERK, COMMITTEE)
NOT_ORGANIZERS = tuple(p for p in EVERYONE if p not in ORGANIZERS)
D = {n: who("deputy", subject=f"deputy-{n}") for n in range(1, 7)}
ELECTORATE = tuple(p.subject for p in D.values())

YEAR = 2026
T0 = datetime(2026, 1, 5, 1, 0, tzinfo=UTC)  # Monday 5 January 2026, 09:00 in Beijing
NOW = T0 + timedelta(days=1)


def state_of(obj: object) -> dict[str, object]:
    return {f.name: copy.deepcopy(getattr(obj, f.name)) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


# --- builders --------------------------------------------------------------------------------------------------


def roads(year: int = YEAR, planned: Any = 600) -> TargetInput:
    """600 km of rural road (Huangshi, 四好农村路), a tender by the end of March and half by the end of June."""
    return TargetInput(
        "农村公路提档升级",
        "公里",
        planned,
        (MilestoneInput(f"{year}-06-30", 300), MilestoneInput(f"{year}-03-31", step="完成招标")),
    )


def details(year: int = YEAR, **overrides: Any) -> CandidateDetails:
    fields: dict[str, Any] = {
        "title": "四好农村路建设",
        "description": "新改建农村公路，提升通行条件",
        "department_unit": "transport",
        "department_name": "市交通运输局",
        "source": "government",
        "targets": (roads(year),),
    }
    return CandidateDetails(**{**fields, **overrides})


def candidate(cid: str = "c-1", year: int = YEAR, *, year_vote: VoteStatus | None = None, **kw: Any) -> Candidate:
    return Candidate.add(cid, CLERK, AddCandidate(year, details(year, **kw)), T0, year_vote=year_vote)


def candidates(n: int, year: int = YEAR) -> list[Candidate]:
    return [candidate(f"c-{i:02d}", year, title=f"民生实事{i}") for i in range(1, n + 1)]


def results_for(elected: str, other: str, year: int = YEAR) -> VoteResults:
    ranking = (RankedCandidate(elected, 2, 1, True, False), RankedCandidate(other, 1, 2, False, False))
    return VoteResults("v-1", year, 1, 1, 2, 2, ranking, (elected,), None)


def candidate_in(status: CandidateStatus) -> Candidate:
    c = candidate("c-1")
    if status is CandidateStatus.WITHDRAWN:
        c.withdraw(CLERK, WithdrawCandidate("与上年项目重复"), T0)
    elif status is not CandidateStatus.PROPOSED:
        c.put_on_ballot("v-1")
        if status is CandidateStatus.ELECTED:
            c.decide(results_for("c-1", "c-2"))
        elif status is CandidateStatus.NOT_ELECTED:
            c.decide(results_for("c-2", "c-1"))
    c.events.clear()
    assert c.status is status
    return c


def draft_vote(places: int = 2) -> ProjectVote:
    return ProjectVote.create("v-1", CLERK, CreateVote(YEAR, places, ELECTORATE), T0)


def opened(places: int = 2, n: int = 4) -> tuple[ProjectVote, list[Candidate]]:
    vote, cs = draft_vote(places), candidates(n)
    for cid in vote.open(CLERK, cs, T0):
        next(c for c in cs if c.id == cid).put_on_ballot(vote.id)
    return vote, cs


def cast_all(vote: ProjectVote, picks: dict[int, tuple[str, ...]]) -> Tally:
    """Deputy n picks ``picks[n]``; the tally the storage layer would keep."""
    deltas = [vote.cast(D[n], CastPicks(ids))[1] for n, ids in picks.items()]
    return Tally.of(vote.id, deltas)


# A: 3, B: 2, C: 2, D: 1 — two places: A elected, B and C tied at the second place.
TIED_PICKS = {1: ("c-01", "c-02"), 2: ("c-01", "c-03"), 3: ("c-01",), 4: ("c-02", "c-03"), 5: ("c-04",)}
CLEAR_PICKS = {1: ("c-01", "c-02"), 2: ("c-01", "c-03"), 3: ("c-01", "c-02"), 4: ("c-02",)}


def vote_in(status: VoteStatus) -> ProjectVote:
    if status is VoteStatus.DRAFT:
        vote = draft_vote()
    else:
        vote, _ = opened()
        if status is VoteStatus.CLOSED:
            vote.close(CLERK, cast_all(vote, CLEAR_PICKS), NOW)
        elif status is VoteStatus.CANCELLED:
            vote.cancel(CLERK, CancelVote("会议议程调整"), NOW)
    vote.events.clear()
    assert vote.status is status
    return vote


def project(**kw: Any) -> Project:
    """The roads project, elected in 2026."""
    c = candidate("c-1", **kw)
    c.put_on_ballot("v-1")
    (p,) = projects_from(results_for("c-1", "c-2"), [c], T0)
    p.events.clear()
    return p


def at(day: str, hour: int = 10) -> datetime:
    """``hour`` o'clock in Beijing on ``day``."""
    return datetime.fromisoformat(f"{day}T{hour:02d}:00:00+08:00")


def report(index: int, achieved: Any, as_of: str, *, steps: tuple[int, ...] = ()) -> ReportProgress:
    return ReportProgress(index, achieved, as_of, f"截至{as_of}完成情况", steps)


def inspection(**overrides: Any) -> RecordInspection:
    fields: dict[str, Any] = {
        "held_on": "2026-05-12",
        "participants": (
            ParticipantInput("congress", "王主任"),
            ParticipantInput("discipline", "李组长"),
            ParticipantInput("government", "赵局长"),
        ),
        "notes": "实地查看三个标段施工现场",
        "problems": (
            ProblemInput("部分路段路基压实度不足", "返工处理并加强质量检测"),
            ProblemInput("征地补偿款拨付滞后", "限期拨付到位", unit="finance"),
        ),
    }
    return RecordInspection(**{**fields, **overrides})


# --- candidates ------------------------------------------------------------------------------------------------


def test_an_organizer_adds_a_candidate_and_targets_are_checked_values() -> None:
    c = candidate()
    p = c.proposal
    assert (c.id, c.year, c.status, c.added_by, c.added_at) == ("c-1", YEAR, CandidateStatus.PROPOSED, "clerk-1", T0)
    assert (p.title, p.unit, p.unit_name, p.source) == ("四好农村路建设", "transport", "市交通运输局", "government")
    (target,) = p.targets
    assert (target.name, target.unit, target.planned) == ("农村公路提档升级", "公里", Decimal(600))
    # sorted by date, and the year-end milestone implied because none reaches 600
    assert [(m.due, m.quantity, m.step, m.implied) for m in target.milestones] == [
        (date(2026, 3, 31), None, "完成招标", False),
        (date(2026, 6, 30), Decimal(300), "", False),
        (date(2026, 12, 31), Decimal(600), "", True),
    ]
    assert [m.label for m in target.milestones] == ["完成招标", "累计完成 300", "年度完成"]
    assert [type(e) for e in c.events] == [ev.CandidateAdded]


def test_a_milestone_at_the_plan_makes_the_year_end_one_unnecessary() -> None:
    target = TargetInput("保障性租赁住房", "套（间）", "6256", (MilestoneInput(date(2026, 10, 31), "6256.0"),))
    c = candidate(targets=(target,))
    assert [(m.due, m.implied) for m in c.proposal.targets[0].milestones] == [(date(2026, 10, 31), False)]


@pytest.mark.parametrize(
    ("sources", "label"), [("government", "政府提出"), ("deputies", "代表建议"), ("public", "公开征集")]
)
def test_the_three_sources(sources: str, label: str) -> None:
    c = candidate(source=sources)
    assert candidate_view(c, CLERK).source_label == label


def _target(**kw: Any) -> tuple[TargetInput, ...]:
    fields: dict[str, Any] = {"name": "幸福食堂", "unit": "个", "planned": 50, "milestones": ()}
    return (TargetInput(**{**fields, **kw}),)


def _ms(*milestones: MilestoneInput) -> tuple[TargetInput, ...]:
    return _target(milestones=milestones)


BAD_CANDIDATES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("nothing", {"title": " ", "description": "", "department_unit": "", "department_name": "", "source": "x",
                 "targets": ()}, ["title", "description", "department_unit", "department_name", "source", "targets"]),
    ("title too long", {"title": "项" * 101}, ["title"]),
    ("unit with blanks", {"department_unit": "trans port"}, ["department_unit"]),
    ("too many targets", {"targets": _target() * 21}, ["targets"]),
    ("target without name or unit", {"targets": _target(name="", unit="")}, ["targets.0.name", "targets.0.unit"]),
    ("unit of measure too long", {"targets": _target(unit="公" * 11)}, ["targets.0.unit"]),
    ("zero planned", {"targets": _target(planned=0)}, ["targets.0.planned"]),
    ("negative planned", {"targets": _target(planned="-5")}, ["targets.0.planned"]),
    ("planned as text", {"targets": _target(planned="五十")}, ["targets.0.planned"]),
    ("planned as bool", {"targets": _target(planned=True)}, ["targets.0.planned"]),
    ("planned infinite", {"targets": _target(planned="Infinity")}, ["targets.0.planned"]),
    ("planned too precise", {"targets": _target(planned="1.00001")}, ["targets.0.planned"]),
    ("planned too large", {"targets": _target(planned=10**9 + 1)}, ["targets.0.planned"]),
    ("milestone without date", {"targets": _ms(MilestoneInput("", 10))}, ["targets.0.milestones.0.due"]),
    ("milestone date garbled", {"targets": _ms(MilestoneInput("30/06/2026", 10))}, ["targets.0.milestones.0.due"]),
    ("milestone with a time", {"targets": _ms(MilestoneInput(datetime(2026, 6, 30, tzinfo=UTC), 10))},
     ["targets.0.milestones.0.due"]),
    ("milestone in another year", {"targets": _ms(MilestoneInput("2027-01-31", 10))},
     ["targets.0.milestones.0.due"]),
    ("milestone with both", {"targets": _ms(MilestoneInput("2026-06-30", 10, "开工"))},
     ["targets.0.milestones.0"]),
    ("milestone with neither", {"targets": _ms(MilestoneInput("2026-06-30"))}, ["targets.0.milestones.0"]),
    ("milestone over the plan", {"targets": _ms(MilestoneInput("2026-06-30", 51))},
     ["targets.0.milestones.0.quantity"]),
    ("milestone quantities fall", {"targets": _ms(MilestoneInput("2026-09-30", 20),
                                                  MilestoneInput("2026-06-30", 30))}, ["targets.0.milestones"]),
    ("too many milestones", {"targets": _ms(*[MilestoneInput("2026-06-30", 1)] * 25)}, ["targets.0.milestones"]),
    ("second target wrong", {"targets": (roads(), *_target(planned=""))}, ["targets.1.planned"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_CANDIDATES, ids=[c[0] for c in BAD_CANDIDATES])
def test_bad_candidates_are_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    with pytest.raises(InvalidArgument) as caught:
        candidate(**fields)
    assert caught.value.message == "候选项目未通过校验"
    assert [d["field"] for d in caught.value.details] == named


@pytest.mark.parametrize("year", [1999, 2101, "2026", True])
def test_the_year_is_checked(year: Any) -> None:
    with pytest.raises(InvalidArgument) as caught:
        Candidate.add("c-1", CLERK, AddCandidate(year, details()), T0, year_vote=None)
    assert [d["field"] for d in caught.value.details] == ["year"]


@pytest.mark.parametrize("person", NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_add_edit_and_withdraw_candidates(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以提出候选项目$"):
        Candidate.add("c-1", person, AddCandidate(YEAR, details()), T0, year_vote=None)
    c = candidate()
    before = state_of(c)
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以修改候选项目$"):
        c.edit(person, EditCandidate(details(title="改名")), NOW)
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以撤回候选项目$"):
        c.withdraw(person, WithdrawCandidate("理由"), NOW)
    assert state_of(c) == before


@pytest.mark.parametrize("year_vote", [VoteStatus.OPEN, VoteStatus.CLOSED])
def test_no_candidate_is_added_once_the_year_s_vote_has_opened(year_vote: VoteStatus) -> None:
    with pytest.raises(Conflict, match=r"^该年度的项目票决已开始，不能新增候选项目$"):
        candidate(year_vote=year_vote)
    with pytest.raises(Conflict):  # the state before the actor
        Candidate.add("c-1", DEPUTY, AddCandidate(YEAR, details()), T0, year_vote=year_vote)


@pytest.mark.parametrize("year_vote", [None, VoteStatus.DRAFT, VoteStatus.CANCELLED])
def test_candidates_are_added_while_the_vote_has_not_opened(year_vote: VoteStatus | None) -> None:
    assert candidate(year_vote=year_vote).status is CandidateStatus.PROPOSED


def test_edit_replaces_the_proposal_and_withdraw_keeps_the_reason() -> None:
    c = candidate()
    c.edit(COMMITTEE, EditCandidate(details(department_unit="housing", title="保障性租赁住房")), NOW)
    assert (c.proposal.title, c.proposal.unit) == ("保障性租赁住房", "housing")
    before = state_of(c)
    with pytest.raises(InvalidArgument):
        c.edit(CLERK, EditCandidate(details(title="")), NOW)
    with pytest.raises(InvalidArgument) as caught:
        c.withdraw(CLERK, WithdrawCandidate("  "), NOW)
    assert state_of(c) == before and caught.value.details == [{"field": "reason", "message": "撤回的理由不能为空"}]
    c.withdraw(CLERK, WithdrawCandidate("与上年项目重复"), NOW)
    assert (c.status, c.withdraw_reason) == (CandidateStatus.WITHDRAWN, "与上年项目重复")
    assert [type(e) for e in c.events] == [ev.CandidateAdded, ev.CandidateEdited, ev.CandidateWithdrawn]
    assert c.events[1].unit == "housing"  # type: ignore[attr-defined]


CS = CandidateStatus
CANDIDATE_LEGAL: dict[tuple[CandidateStatus, CandidateAction], CandidateStatus] = {
    (CS.PROPOSED, CandidateAction.EDIT): CS.PROPOSED,
    (CS.PROPOSED, CandidateAction.WITHDRAW): CS.WITHDRAWN,
    (CS.PROPOSED, CandidateAction.PUT_ON_BALLOT): CS.ON_BALLOT,
    (CS.ON_BALLOT, CandidateAction.RELEASE): CS.PROPOSED,
    (CS.ON_BALLOT, CandidateAction.DECIDE): CS.ELECTED,
}
CANDIDATE_DO: dict[CandidateAction, Callable[[Candidate], object]] = {
    CandidateAction.EDIT: lambda c: c.edit(CLERK, EditCandidate(details(title="改名")), NOW),
    CandidateAction.WITHDRAW: lambda c: c.withdraw(CLERK, WithdrawCandidate("重复"), NOW),
    CandidateAction.PUT_ON_BALLOT: lambda c: c.put_on_ballot("v-1"),
    CandidateAction.RELEASE: lambda c: c.release("v-1"),
    CandidateAction.DECIDE: lambda c: c.decide(results_for("c-1", "c-2")),
}
CANDIDATE_CELLS = [(s, a) for s in CandidateStatus for a in CandidateAction]


@pytest.mark.parametrize(("state", "action"), CANDIDATE_CELLS, ids=lambda v: str(v))
def test_every_candidate_state_and_action(state: CandidateStatus, action: CandidateAction) -> None:
    c = candidate_in(state)
    before = state_of(c)
    if (state, action) in CANDIDATE_LEGAL:
        CANDIDATE_DO[action](c)
        assert c.status is CANDIDATE_LEGAL[state, action]
        return
    with pytest.raises(Conflict) as caught:
        CANDIDATE_DO[action](c)
    assert caught.value.message.startswith("该候选项目")
    assert state_of(c) == before


def test_candidate_conflict_messages() -> None:
    with pytest.raises(Conflict, match=r"^该候选项目已提交票决，不能修改$"):
        CANDIDATE_DO[CandidateAction.EDIT](candidate_in(CS.ON_BALLOT))
    with pytest.raises(Conflict, match=r"^该候选项目已撤回，不能提交票决$"):
        CANDIDATE_DO[CandidateAction.PUT_ON_BALLOT](candidate_in(CS.WITHDRAWN))


def test_a_candidate_is_released_and_decided_only_by_its_own_vote() -> None:
    c = candidate_in(CS.ON_BALLOT)
    with pytest.raises(Conflict, match=r"^该候选项目不在该票决中$"):
        c.release("v-9")
    with pytest.raises(Conflict, match=r"^该候选项目不在该票决中$"):
        c.decide(results_for("c-7", "c-8"))
    with pytest.raises(Conflict, match=r"^该候选项目不在该票决中$"):
        c.decide(results_for("c-1", "c-2", year=2027))
    assert c.status is CS.ON_BALLOT


# --- the vote: every state × action, and who acts -----------------------------------------------------------------

VS = VoteStatus
VOTE_LEGAL: dict[tuple[VoteStatus, VoteAction], VoteStatus] = {
    (VS.DRAFT, VoteAction.EDIT): VS.DRAFT,
    (VS.DRAFT, VoteAction.OPEN): VS.OPEN,
    (VS.OPEN, VoteAction.CAST): VS.OPEN,
    (VS.OPEN, VoteAction.CLOSE): VS.CLOSED,
    (VS.DRAFT, VoteAction.CANCEL): VS.CANCELLED,
    (VS.OPEN, VoteAction.CANCEL): VS.CANCELLED,
}
VOTE_DO: dict[VoteAction, Callable[[ProjectVote], object]] = {
    VoteAction.EDIT: lambda v: v.edit(CLERK, EditVote(3, ELECTORATE), NOW),
    VoteAction.OPEN: lambda v: v.open(CLERK, candidates(4), NOW),
    VoteAction.CAST: lambda v: v.cast(D[6], CastPicks(("c-01",))),
    VoteAction.CLOSE: lambda v: v.close(CLERK, Tally({"c-01": 1}, 1), NOW),
    VoteAction.CANCEL: lambda v: v.cancel(CLERK, CancelVote("会议议程调整"), NOW),
}
VOTE_BY_A_STRANGER: dict[VoteAction, Callable[[ProjectVote], object]] = {
    VoteAction.EDIT: lambda v: v.edit(NOBODY, EditVote(0, ()), NOW),
    VoteAction.OPEN: lambda v: v.open(NOBODY, [], NOW),
    VoteAction.CAST: lambda v: v.cast(NOBODY, CastPicks(())),
    VoteAction.CLOSE: lambda v: v.close(NOBODY, Tally({}, 0), NOW),
    VoteAction.CANCEL: lambda v: v.cancel(NOBODY, CancelVote(""), NOW),
}
VOTE_CELLS = [(s, a) for s in VoteStatus for a in VoteAction]


@pytest.mark.parametrize(("state", "action"), [c for c in VOTE_CELLS if c in VOTE_LEGAL], ids=lambda v: str(v))
def test_legal_vote_transition(state: VoteStatus, action: VoteAction) -> None:
    vote = vote_in(state)
    VOTE_DO[action](vote)
    assert vote.status is VOTE_LEGAL[state, action]
    assert bool(vote.events) is (action is not VoteAction.CAST), "a transition records what happened; a ballot not"


@pytest.mark.parametrize(("state", "action"), [c for c in VOTE_CELLS if c not in VOTE_LEGAL], ids=lambda v: str(v))
@pytest.mark.parametrize("do", [VOTE_DO, VOTE_BY_A_STRANGER], ids=["organizer-or-deputy", "stranger"])
def test_illegal_vote_transition_is_a_conflict_and_changes_nothing(
    state: VoteStatus, action: VoteAction, do: dict[VoteAction, Callable[[ProjectVote], object]]
) -> None:
    vote = vote_in(state)
    before = state_of(vote)
    with pytest.raises(Conflict) as caught:
        do[action](vote)
    assert caught.value.message.startswith("该票决")
    assert state_of(vote) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (VS.DRAFT, VoteAction.CAST, "该票决尚在筹备中，不能投票"),
        (VS.OPEN, VoteAction.EDIT, "该票决正在投票，不能修改"),
        (VS.CLOSED, VoteAction.CAST, "该票决已结束，不能投票"),
        (VS.CLOSED, VoteAction.CANCEL, "该票决已结束，不能取消"),
        (VS.CANCELLED, VoteAction.OPEN, "该票决已取消，不能开始投票"),
    ],
)
def test_vote_conflict_messages(state: VoteStatus, action: VoteAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        VOTE_DO[action](vote_in(state))
    assert caught.value.message == message


VOTE_STEPS: dict[str, tuple[VoteStatus, Callable[[ProjectVote, Principal], object], str]] = {
    "edit": (VS.DRAFT, lambda v, p: v.edit(p, EditVote(2, ELECTORATE), NOW), "修改项目票决"),
    "open": (VS.DRAFT, lambda v, p: v.open(p, candidates(4), NOW), "开始投票"),
    "close": (VS.OPEN, lambda v, p: v.close(p, Tally({"c-01": 1}, 1), NOW), "结束投票"),
    "cancel": (VS.OPEN, lambda v, p: v.cancel(p, CancelVote("理由"), NOW), "取消项目票决"),
}
VOTE_ACTOR_CELLS = [(step, p) for step in VOTE_STEPS for p in NOT_ORGANIZERS]


@pytest.mark.parametrize(("step", "person"), VOTE_ACTOR_CELLS, ids=[f"{s}-{p.subject}" for s, p in VOTE_ACTOR_CELLS])
def test_only_organizers_run_a_vote(step: str, person: Principal) -> None:
    state, take, verb = VOTE_STEPS[step]
    vote = vote_in(state)
    before = state_of(vote)
    with pytest.raises(PermissionDenied) as caught:
        take(vote, person)
    assert caught.value.message == f"只有人大常委会联络人员或专（工）委可以{verb}"
    assert state_of(vote) == before


@pytest.mark.parametrize("person", NOT_ORGANIZERS, ids=lambda p: p.subject)
def test_only_organizers_create_a_vote(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员或专（工）委可以组织项目票决$"):
        ProjectVote.create("v-1", person, CreateVote(YEAR, 13, ELECTORATE), T0)


BAD_VOTES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("nothing", {"year": 0, "places": 0, "electorate": ()}, ["year", "places", "electorate"]),
    ("places as text", {"places": "13"}, ["places"]),
    ("too many places", {"places": 101}, ["places"]),
    ("repeated deputy", {"electorate": ("deputy-1", "deputy-1")}, ["electorate"]),
    ("blank deputy", {"electorate": ("deputy-1", " ")}, ["electorate"]),
    ("deputy with spaces", {"electorate": ("deputy 1",)}, ["electorate"]),
    ("electorate too large", {"electorate": tuple(f"d-{i}" for i in range(2001))}, ["electorate"]),
]


@pytest.mark.parametrize(("what", "fields", "named"), BAD_VOTES, ids=[c[0] for c in BAD_VOTES])
def test_bad_votes_are_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    command = CreateVote(**{"year": YEAR, "places": 13, "electorate": ELECTORATE, **fields})
    with pytest.raises(InvalidArgument) as caught:
        ProjectVote.create("v-1", CLERK, command, T0)
    assert caught.value.message == "项目票决未通过校验"
    assert [d["field"] for d in caught.value.details] == named


def test_a_draft_is_edited_and_a_bad_edit_changes_nothing() -> None:
    vote = draft_vote()
    vote.edit(CLERK, EditVote(3, (" deputy-1 ", "deputy-2")), NOW)
    assert (vote.places, vote.electorate) == (3, ("deputy-1", "deputy-2"))
    before = state_of(vote)
    with pytest.raises(InvalidArgument):
        vote.edit(CLERK, EditVote(3, ()), NOW)
    assert state_of(vote) == before


# --- opening, casting -----------------------------------------------------------------------------------------------


def test_opening_fixes_the_year_s_candidates_and_puts_them_on_the_ballot() -> None:
    cs = candidates(4)
    cs[1].withdraw(CLERK, WithdrawCandidate("重复"), T0)
    cs.append(candidate("c-other-year", 2027))
    vote = draft_vote()
    to_put = vote.open(CLERK, cs, NOW)
    assert to_put == vote.candidate_ids == ("c-01", "c-03", "c-04")
    assert (vote.status, vote.opened_at) == (VS.OPEN, NOW)
    opened_event = vote.events[-1]
    assert isinstance(opened_event, ev.VoteOpened)
    assert (opened_event.candidate_ids, opened_event.places, opened_event.electorate_size) == (to_put, 2, 6)


def test_a_vote_needs_more_candidates_than_places() -> None:
    vote = draft_vote(places=3)
    before = state_of(vote)
    with pytest.raises(Conflict, match=r"^候选项目须多于拟选项目数 3 个（差额票决），现有 3 个$"):
        vote.open(CLERK, candidates(3), NOW)
    assert state_of(vote) == before


def test_a_year_is_voted_once() -> None:
    cs = candidates(4)
    cs[0].put_on_ballot("v-0")
    with pytest.raises(Conflict, match=r"^该年度已进行过项目票决，不能再次开始票决$"):
        draft_vote().open(CLERK, cs, NOW)


def test_cancelling_an_open_vote_releases_its_candidates() -> None:
    vote, cs = opened()
    released = vote.cancel(CLERK, CancelVote("出席代表不足"), NOW)
    assert released == ("c-01", "c-02", "c-03", "c-04") and vote.cancel_reason == "出席代表不足"
    for c in cs:
        c.release(vote.id)
    assert {c.status for c in cs} == {CS.PROPOSED}
    assert draft_vote().cancel(CLERK, CancelVote("改期"), NOW) == ()
    with pytest.raises(InvalidArgument):
        draft_vote().cancel(CLERK, CancelVote(""), NOW)


def test_a_deputy_of_the_electorate_picks_one_to_n_candidates() -> None:
    vote, _ = opened()
    before = state_of(vote)
    receipt, delta = vote.cast(D[1], CastPicks((" c-03", "c-01")))
    assert receipt == Receipt("v-1", "deputy-1")
    assert delta == PickDelta("v-1", ("c-01", "c-03"))  # the list's order, not the order ticked
    assert state_of(vote) == before, "the vote keeps nothing of a ballot"


@pytest.mark.parametrize(
    ("picks", "message"),
    [
        ((), "请至少选择一个候选项目"),
        (("c-01", "c-01"), "同一候选项目只能选择一次"),
        (("c-01", "c-09"), "c-09 不是本次票决的候选项目"),
        (("c-01", "c-02", "c-03"), "最多选择 2 个候选项目"),
    ],
)
def test_bad_picks_are_refused(picks: tuple[str, ...], message: str) -> None:
    vote, _ = opened()
    with pytest.raises(InvalidArgument) as caught:
        vote.cast(D[1], CastPicks(picks))
    assert caught.value.details == [{"field": "candidate_ids", "message": message}]


NOT_VOTERS = (
    *(p for p in EVERYONE if p is not DEPUTY),
    who("deputy", subject="deputy-9"),  # a deputy not present
    who("congress_clerk", subject="deputy-2"),  # a login of the list without the deputy role
)


@pytest.mark.parametrize("person", NOT_VOTERS, ids=lambda p: f"{sorted(p.roles)}-{p.subject}")
def test_only_deputies_of_the_electorate_vote(person: Principal) -> None:
    vote, _ = opened()
    with pytest.raises(PermissionDenied, match=r"^只有列入本次票决代表名单的代表可以投票$"):
        vote.cast(person, CastPicks(("c-01",)))


def test_a_second_ballot_is_refused() -> None:
    vote, _ = opened()
    with pytest.raises(Conflict, match=r"^您已投票，不能重复投票$"):
        vote.cast(D[1], CastPicks(("c-01",)), already_voted=True)


def test_receipt_and_delta_carry_no_voter_in_the_delta_and_no_time_at_all() -> None:
    assert [f.name for f in dataclasses.fields(Receipt)] == ["vote_id", "voter"]
    assert [f.name for f in dataclasses.fields(PickDelta)] == ["vote_id", "candidate_ids"]
    assert "now" not in inspect.signature(ProjectVote.cast).parameters, "casting takes no clock"
    vote, _ = opened()
    _, first = vote.cast(D[1], CastPicks(("c-02", "c-01")))
    _, second = vote.cast(D[2], CastPicks(("c-01", "c-02")))
    assert first == second, "two deputies' identical picks are indistinguishable"
    for value in (*dataclasses.astuple(first), *first.candidate_ids):
        assert isinstance(value, str | tuple) and not str(value).startswith("deputy")


# --- results, tally, ties and the run-off ---------------------------------------------------------------------------


def test_results_are_hidden_until_the_close() -> None:
    for status in (VS.DRAFT, VS.OPEN):
        vote = vote_in(status)
        with pytest.raises(Conflict, match=r"^投票结束前不公布结果$"):
            vote.results()
        assert vote_view(vote, CLERK).results is None
    with pytest.raises(Conflict, match=r"^该票决已取消，没有结果$"):
        vote_in(VS.CANCELLED).results()


def test_a_clear_close() -> None:
    vote, _ = opened()
    results = vote.close(CLERK, cast_all(vote, CLEAR_PICKS), NOW)
    assert vote.results() is results and (vote.status, vote.closed_at) == (VS.CLOSED, NOW)
    assert [(r.candidate_id, r.votes, r.rank, r.elected, r.tied) for r in results.ranking] == [
        ("c-01", 3, 1, True, False),
        ("c-02", 3, 1, True, False),
        ("c-03", 1, 3, False, False),
        ("c-04", 0, 4, False, False),
    ]
    assert results.elected == ("c-01", "c-02") and results.runoff is None
    assert (results.ballots_cast, results.electorate, results.turnout, results.turnout_percent) == (
        4, 6, Fraction(2, 3), Decimal("66.67"),
    )  # fmt: skip
    assert results.total_picks == 7 and results.votes_of("c-03") == 1
    assert [type(e) for e in vote.events] == [ev.VoteCreated, ev.VoteOpened, ev.VoteClosed]


@pytest.mark.parametrize(
    ("votes", "places", "elected", "runoff"),
    [
        ({"a": 5, "b": 4, "c": 3}, 2, ("a", "b"), None),
        ({"a": 5, "b": 4, "c": 4, "d": 1}, 3, ("a", "b", "c"), None),  # a tie inside the places
        ({"a": 5, "b": 4, "c": 4, "d": 4, "e": 1}, 2, ("a",), (("b", "c", "d"), 1)),
        ({"a": 5, "b": 5, "c": 3, "d": 3}, 3, ("a", "b"), (("c", "d"), 1)),
        ({"c": 4, "a": 4, "b": 4}, 2, (), (("c", "a", "b"), 2)),  # the tied in the list's order
        ({"a": 0, "b": 0, "c": 0}, 1, (), (("a", "b", "c"), 1)),
        ({"a": 1, "b": 0}, 2, ("a", "b"), None),
    ],
)
def test_the_election_rule(
    votes: dict[str, int], places: int, elected: tuple[str, ...], runoff: tuple[tuple[str, ...], int] | None
) -> None:
    got_elected, got_runoff = elect(list(votes), votes, places)
    assert got_elected == elected
    assert (got_runoff and (got_runoff.tied, got_runoff.places)) == runoff


def test_a_tie_at_the_last_place_goes_to_a_runoff_then_the_runoff_decides() -> None:
    vote, cs = opened()
    results = vote.close(CLERK, cast_all(vote, TIED_PICKS), NOW)
    assert results.elected == ("c-01",)
    assert results.runoff == Runoff(("c-02", "c-03"), 1)
    assert [(r.rank, r.tied) for r in results.ranking] == [(1, False), (2, True), (2, True), (4, False)]
    needed = vote.events[-1]
    assert isinstance(needed, ev.RunoffNeeded) and (needed.tied, needed.places_left) == (("c-02", "c-03"), 1)
    for c in cs:
        c.decide(results)
    assert [c.status for c in cs] == [CS.ELECTED, CS.ON_BALLOT, CS.ON_BALLOT, CS.NOT_ELECTED]

    runoff = ProjectVote.create_runoff("v-2", CLERK, vote, CreateRunoff(ELECTORATE[:5]), NOW)
    assert (runoff.round_no, runoff.runoff_of, runoff.places, runoff.candidate_ids) == (2, "v-1", 1, ("c-02", "c-03"))
    with pytest.raises(InvalidArgument) as caught:
        runoff.edit(CLERK, EditVote(2, ELECTORATE), NOW)
    assert caught.value.details[0]["field"] == "places"
    assert runoff.open(CLERK, cs, NOW) == (), "its candidates are on the ballot already"
    with pytest.raises(InvalidArgument):
        runoff.cast(D[1], CastPicks(("c-01",)))  # not in the run-off
    second = runoff.close(CLERK, cast_all(runoff, {1: ("c-02",), 2: ("c-03",), 3: ("c-02",)}), NOW)
    assert (second.round_no, second.elected, second.runoff) == (2, ("c-02",), None)
    for c in cs[1:3]:
        c.decide(second)
    assert [c.status for c in cs] == [CS.ELECTED, CS.ELECTED, CS.NOT_ELECTED, CS.NOT_ELECTED]
    made = projects_from(results, cs, NOW) + projects_from(second, cs, NOW)
    assert [(p.id, p.vote_id) for p in made] == [("c-01", "v-1"), ("c-02", "v-2")]


def test_a_runoff_needs_a_closed_vote_with_a_tie_and_its_candidates_still_on_the_ballot() -> None:
    for parent in (vote_in(VS.OPEN), vote_in(VS.CLOSED)):  # open; closed without a tie
        with pytest.raises(Conflict, match=r"^上一轮票决尚未结束，或没有需要加试的并列项目$"):
            ProjectVote.create_runoff("v-2", CLERK, parent, CreateRunoff(ELECTORATE), NOW)
    vote, cs = opened()
    vote.close(CLERK, cast_all(vote, TIED_PICKS), NOW)
    with pytest.raises(PermissionDenied):
        ProjectVote.create_runoff("v-2", DEPUTY, vote, CreateRunoff(ELECTORATE), NOW)
    runoff = ProjectVote.create_runoff("v-2", CLERK, vote, CreateRunoff(ELECTORATE), NOW)
    with pytest.raises(Conflict, match=r"^加试的候选项目已不在票决中$"):
        runoff.open(CLERK, candidates(4), NOW)  # none on the ballot
    cancel_run = ProjectVote.create_runoff("v-3", CLERK, vote, CreateRunoff(ELECTORATE), NOW)
    cancel_run.open(CLERK, cs, NOW)
    assert cancel_run.cancel(CLERK, CancelVote("改期"), NOW) == (), "a cancelled run-off keeps them on the ballot"


BAD_TALLIES: list[tuple[str, Tally]] = [
    ("unknown candidate", Tally({"c-01": 1, "c-09": 1}, 1)),
    ("more votes than ballots", Tally({"c-01": 2}, 1)),
    ("more ballots than deputies", Tally({"c-01": 7}, 7)),
    ("a ballot without picks", Tally({"c-01": 1}, 2)),
    ("more picks than places allow", Tally({"c-01": 1, "c-02": 1, "c-03": 1}, 1)),
    ("negative", Tally({"c-01": 2, "c-02": -1}, 2)),
    ("not a count", Tally({"c-01": True}, 1)),  # type: ignore[dict-item]
]


@pytest.mark.parametrize(("what", "tally"), BAD_TALLIES, ids=[t[0] for t in BAD_TALLIES])
def test_an_impossible_tally_is_refused(what: str, tally: Tally) -> None:
    vote, _ = opened()
    before = state_of(vote)
    with pytest.raises(Conflict, match=r"^计票数据与本次票决不符，不能结束投票$"):
        vote.close(CLERK, tally, NOW)
    assert state_of(vote) == before


def test_no_close_without_a_ballot() -> None:
    vote, _ = opened()
    with pytest.raises(Conflict, match=r"^尚无代表投票，不能结束投票（可以取消本次票决）$"):
        vote.close(CLERK, Tally({}, 0), NOW)


def test_a_tally_is_of_one_vote() -> None:
    with pytest.raises(ValueError, match="v-2"):
        Tally.of("v-1", [PickDelta("v-1", ("a",)), PickDelta("v-2", ("a",))])


# --- Jiangbei: 213 deputies present, 13 projects out of 20 candidates -------------------------------------------

JIANGBEI = 2020
JIANGBEI_DEPUTIES = tuple(who("deputy", subject=f"jb-deputy-{n:03d}") for n in range(1, 214))


def jiangbei_vote() -> tuple[ProjectVote, list[Candidate]]:
    cs = candidates(20, JIANGBEI)
    vote = ProjectVote.create(
        "v-2020", CLERK, CreateVote(JIANGBEI, 13, tuple(d.subject for d in JIANGBEI_DEPUTIES)), T0
    )
    for cid in vote.open(CLERK, cs, T0):
        next(c for c in cs if c.id == cid).put_on_ballot(vote.id)
    return vote, cs


def test_jiangbei_13_of_20_by_213_deputies() -> None:
    vote, cs = jiangbei_vote()
    rng = random.Random(2020)
    popularity = [rng.uniform(1, 10) for _ in cs]  # some candidates are wanted more than others
    picks_made: Counter[str] = Counter()
    receipts, deltas = [], []
    for deputy in JIANGBEI_DEPUTIES[:208]:  # five deputies present do not vote
        wanted: list[str] = []
        for _ in range(rng.randint(1, 13)):
            choice = rng.choices([c.id for c in cs], weights=popularity)[0]
            if choice not in wanted:
                wanted.append(choice)
        rng.shuffle(wanted)
        picks_made.update(wanted)
        receipt, delta = vote.cast(deputy, CastPicks(tuple(wanted)))
        receipts.append(receipt)
        deltas.append(delta)
    assert len({r.voter for r in receipts}) == 208, "one receipt per voter: the storage layer's unique key"
    tally = Tally.of(vote.id, deltas)
    assert tally.ballots_cast == 208 and sum(tally.votes.values()) == sum(picks_made.values())

    results = vote.close(CLERK, tally, NOW)
    assert {r.candidate_id: r.votes for r in results.ranking} == {c.id: picks_made[c.id] for c in cs}
    assert results.total_picks == sum(picks_made.values())
    assert (results.turnout, results.turnout_percent) == (Fraction(208, 213), Decimal("97.65"))
    counts = sorted(picks_made.values(), reverse=True)
    assert counts[12] > counts[13], "this seed's scenario has no tie at the 13th place"
    assert results.runoff is None and len(results.elected) == 13
    assert set(results.elected) == {cid for cid, n in picks_made.items() if n >= counts[12]}
    assert [r.votes for r in results.ranking] == counts
    closed = vote.events[-1]
    assert isinstance(closed, ev.VoteClosed)
    assert dict(zip(closed.candidate_ids, closed.votes, strict=True)) == dict(picks_made)
    assert closed.elected == results.elected and closed.ballots_cast == 208 and closed.electorate_size == 213

    for c in cs:
        c.decide(results)
    made = projects_from(results, cs, NOW)
    assert [p.id for p in made] == list(results.elected) and {p.year for p in made} == {JIANGBEI}
    assert Counter(c.status for c in cs) == {CS.ELECTED: 13, CS.NOT_ELECTED: 7}


def test_jiangbei_with_a_tie_at_the_13th_place_goes_to_a_runoff() -> None:
    """212 deputies pick the first twelve and one of c-13 and c-14 in turn; the last picks c-01 alone."""
    vote, cs = jiangbei_vote()
    first_twelve = tuple(c.id for c in cs[:12])
    deltas = []
    for n, deputy in enumerate(JIANGBEI_DEPUTIES[:212]):
        deltas.append(vote.cast(deputy, CastPicks((*first_twelve, "c-13" if n % 2 else "c-14")))[1])
    deltas.append(vote.cast(JIANGBEI_DEPUTIES[212], CastPicks(("c-01",)))[1])
    results = vote.close(CLERK, Tally.of(vote.id, deltas), NOW)
    assert results.votes_of("c-13") == results.votes_of("c-14") == 106
    assert results.elected == first_twelve
    assert results.runoff == Runoff(("c-13", "c-14"), 1)
    assert results.turnout == 1


# --- projects: completion and lateness --------------------------------------------------------------------------


def test_projects_are_made_from_the_elected_candidates() -> None:
    cs = candidates(2)
    for c in cs:
        c.put_on_ballot("v-1")
    (p,) = projects_from(results_for("c-02", "c-01"), cs, NOW)
    assert (p.id, p.year, p.vote_id, p.title, p.unit, p.unit_name) == (
        "c-02", YEAR, "v-1", "民生实事2", "transport", "市交通运输局",
    )  # fmt: skip
    assert p.targets == cs[1].proposal.targets and p.status is ProjectStatus.IN_PROGRESS
    (created,) = p.events
    assert isinstance(created, ev.ProjectCreated) and (created.year, created.vote_id, created.targets) == (
        YEAR,
        "v-1",
        1,
    )
    with pytest.raises(NotFound, match=r"^未找到当选的候选项目 c-02$"):
        projects_from(results_for("c-02", "c-01"), cs[:1], NOW)


def test_a_project_tracked_from_0_to_100_percent_with_a_late_milestone() -> None:
    p = project()
    start = p.progress(at("2026-01-06"))
    assert (start.completion, start.percent, start.status, start.late_days) == (
        0,
        Decimal("0.00"),
        Progress.ON_TRACK,
        0,
    )
    assert p.next_check_at() == at("2026-04-01", 0), "the tender is due by the end of 31 March"

    p.report_progress(TRANSPORT, report(0, 100, "2026-03-20", steps=(0,)), at("2026-03-21"))
    assert p.progress(at("2026-03-21")).percent == Decimal("16.67")
    assert p.next_check_at() == at("2026-07-01", 0)
    assert p.raise_due_notices(at("2026-06-30", 23)) == [], "30 June is not over in Beijing"

    late = p.progress(at("2026-07-01", 0))
    assert (late.status, late.late_days) == (Progress.LATE, 1)
    (missed,) = p.raise_due_notices(at("2026-07-01", 0))
    assert isinstance(missed, ev.MilestoneMissed)
    assert (missed.target_index, missed.milestone_index, missed.due) == (0, 1, date(2026, 6, 30))
    assert p.raise_due_notices(at("2026-07-05")) == [], "once per milestone"
    assert p.next_check_at() == at("2027-01-01", 0)
    assert p.progress(at("2026-07-10")).late_days == 10

    progress = p.report_progress(TRANSPORT, report(0, "320", "2026-07-10"), at("2026-07-10"))
    assert (progress.status, progress.late_days, progress.achieved) == (Progress.ON_TRACK, 0, Decimal(320))
    assert [m.met for m in progress.milestones] == [True, True, False]
    assert p.progress(at("2026-07-10")).percent == Decimal("53.33")

    done = p.report_progress(TRANSPORT, report(0, 600, "2026-11-30"), at("2026-12-01"))
    assert (done.status, done.percent, p.status, p.completed_at) == (
        Progress.COMPLETED, Decimal("100.00"), ProjectStatus.COMPLETED, at("2026-12-01"),
    )  # fmt: skip
    assert p.progress(at("2027-03-01")).status is Progress.COMPLETED
    assert p.next_check_at() is None and p.raise_due_notices(at("2027-03-01")) == []
    with pytest.raises(Conflict, match=r"^该项目已完成，不能报告进度$"):
        p.report_progress(TRANSPORT, report(0, 600, "2026-12-01"), at("2026-12-02"))
    assert [type(e) for e in p.events] == [
        ev.ProgressReported, ev.MilestoneMissed, ev.ProgressReported, ev.ProgressReported, ev.ProjectCompleted,
    ]  # fmt: skip
    assert [e.status for e in p.events if isinstance(e, ev.ProgressReported)] == [
        Progress.ON_TRACK, Progress.ON_TRACK, Progress.COMPLETED,
    ]  # fmt: skip


def test_an_unreported_step_is_late_and_a_report_meets_it() -> None:
    p = project()
    p.report_progress(TRANSPORT, report(0, 50, "2026-04-02"), at("2026-04-02"))
    target = p.target_progress(0, at("2026-04-02"))
    assert (target.status, target.late_days, target.milestones[0].late_days) == (Progress.LATE, 2, 2)
    p.report_progress(TRANSPORT, report(0, 50, "2026-04-03", steps=(0,)), at("2026-04-03"))
    assert p.target_progress(0, at("2026-04-03")).status is Progress.ON_TRACK


def test_a_correction_downwards_makes_a_met_milestone_late_again() -> None:
    p = project()
    p.report_progress(TRANSPORT, report(0, 300, "2026-06-20", steps=(0,)), at("2026-06-20"))
    assert p.next_check_at() == at("2027-01-01", 0)
    p.report_progress(TRANSPORT, report(0, 280, "2026-07-03"), at("2026-07-03"))  # an inspection found less
    assert p.next_check_at() == at("2026-07-01", 0), "due in the past: the scheduler checks at once"
    assert [e.milestone_index for e in p.raise_due_notices(at("2026-07-03"))] == [1]  # type: ignore[attr-defined]


def test_completion_is_exact_the_mean_of_capped_targets() -> None:
    """The seed's figures: 600 km of road, 6,256 housing units, 50 canteens — in one (made-up) project."""
    targets = (
        TargetInput("四好农村路", "公里", 600),
        TargetInput("保障性租赁住房", "套（间）", 6256),
        TargetInput("幸福食堂", "个", 50),
    )
    p = project(targets=targets)
    when = at("2026-08-01")
    p.report_progress(TRANSPORT, report(0, 200, "2026-07-31"), when)
    p.report_progress(TRANSPORT, report(1, "3128.5", "2026-07-31"), when)
    p.report_progress(TRANSPORT, report(2, 50, "2026-07-31"), when)
    progress = p.progress(when)
    assert [t.completion for t in progress.targets] == [Fraction(1, 3), Fraction(6257, 12512), 1]
    assert progress.completion == (Fraction(1, 3) + Fraction(6257, 12512) + 1) / 3
    assert progress.percent == Decimal("61.11") and p.status is ProjectStatus.IN_PROGRESS
    p.report_progress(TRANSPORT, report(0, 620, "2026-08-01"), when)  # 超额完成
    roads_done = p.target_progress(0, when)
    assert (roads_done.completion, roads_done.exact_percent, roads_done.percent) == (
        Fraction(31, 30), Decimal("103.33"), Decimal("100.00"),
    )  # fmt: skip
    assert p.progress(when).completion == (1 + Fraction(6257, 12512) + 1) / 3, "capped before the mean"
    assert p.status is ProjectStatus.IN_PROGRESS, "every target must reach its plan"
    p.report_progress(TRANSPORT, report(1, 6256, "2026-08-01"), when)
    assert p.status is ProjectStatus.COMPLETED and p.progress(when).completion == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(2, 3), "66.67"), (Fraction(1, 8), "12.50"), (Fraction(1, 200), "0.50"), (Fraction(1, 3), "33.33")],
)
def test_percentages_round_half_up_for_display(value: Fraction, expected: str) -> None:
    assert percent(value) == Decimal(expected)


BAD_REPORTS: list[tuple[str, ReportProgress, list[str]]] = [
    ("nothing", ReportProgress(-1, None, "", ""), ["target_index", "achieved", "as_of", "text"]),
    ("unknown target", report(1, 10, "2026-03-01"), ["target_index"]),
    ("index as bool", ReportProgress(True, 10, "2026-03-01", "x"), ["target_index"]),  # type: ignore[arg-type]
    ("negative", report(0, -1, "2026-03-01"), ["achieved"]),
    ("not a number", report(0, "一百", "2026-03-01"), ["achieved"]),
    ("in the future", report(0, 10, "2026-03-03"), ["as_of"]),
    ("before the year", report(0, 10, "2025-12-31"), ["as_of"]),
    ("before the last report", report(0, 10, "2026-02-27"), ["as_of"]),
    ("text too long", ReportProgress(0, 10, "2026-03-01", "字" * 5001), ["text"]),
    ("not a step", report(0, 10, "2026-03-01", steps=(1,)), ["steps_reached"]),
    ("unknown step", report(0, 10, "2026-03-01", steps=(7,)), ["steps_reached"]),
]


@pytest.mark.parametrize(("what", "command", "named"), BAD_REPORTS, ids=[c[0] for c in BAD_REPORTS])
def test_bad_reports_are_refused_per_field(what: str, command: ReportProgress, named: list[str]) -> None:
    p = project()
    p.report_progress(TRANSPORT, report(0, 5, "2026-02-28"), at("2026-03-02"))
    before = state_of(p)
    with pytest.raises(InvalidArgument) as caught:
        p.report_progress(TRANSPORT, command, at("2026-03-02"))
    assert caught.value.message == "进度报告未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert state_of(p) == before


@pytest.mark.parametrize(
    "person", [p for p in EVERYONE if p is not TRANSPORT] + [who("deputy", subject="d", org_unit="transport")],
    ids=lambda p: f"{sorted(p.roles)}-{p.subject}",
)  # fmt: skip
def test_only_the_responsible_department_reports(person: Principal) -> None:
    p = project()
    with pytest.raises(PermissionDenied, match=r"^只有该项目的责任单位可以报告进度$"):
        p.report_progress(person, report(0, 10, "2026-03-01"), at("2026-03-02"))
    assert p.reports == []
    colleague = who("gov_department", subject="transport-2", org_unit="transport")
    p.report_progress(colleague, report(0, 10, "2026-03-01"), at("2026-03-02"))
    assert [r.reported_by for r in p.reports] == ["transport-2"]


PROJECT_LEGAL = {
    (ProjectStatus.IN_PROGRESS, ProjectAction.REPORT_PROGRESS),
    (ProjectStatus.IN_PROGRESS, ProjectAction.RECORD_INSPECTION),
    (ProjectStatus.IN_PROGRESS, ProjectAction.LINK_SATISFACTION),
    (ProjectStatus.COMPLETED, ProjectAction.RECORD_INSPECTION),
    (ProjectStatus.COMPLETED, ProjectAction.LINK_SATISFACTION),
}
PROJECT_DO: dict[ProjectAction, Callable[[Project], object]] = {
    ProjectAction.REPORT_PROGRESS: lambda p: p.report_progress(
        TRANSPORT, report(0, 10, "2026-12-30"), at("2026-12-31")
    ),
    ProjectAction.RECORD_INSPECTION: lambda p: p.record_inspection(STATION, inspection(), at("2026-12-31")),
    ProjectAction.LINK_SATISFACTION: lambda p: p.link_satisfaction_session(
        CLERK, LinkSatisfactionSession("bs-2026-12"), at("2026-12-31")
    ),
}


def project_in(status: ProjectStatus) -> Project:
    p = project()
    if status is ProjectStatus.COMPLETED:
        p.report_progress(TRANSPORT, report(0, 600, "2026-12-20"), at("2026-12-20"))
    p.events.clear()
    return p


@pytest.mark.parametrize(("state", "action"), [(s, a) for s in ProjectStatus for a in ProjectAction])
def test_every_project_state_and_action(state: ProjectStatus, action: ProjectAction) -> None:
    p = project_in(state)
    before = state_of(p)
    if (state, action) in PROJECT_LEGAL:
        PROJECT_DO[action](p)
        assert p.events and p.status is state
        return
    with pytest.raises(Conflict, match=r"^该项目已完成，不能报告进度$"):
        PROJECT_DO[action](p)
    assert state_of(p) == before


def test_now_must_be_aware() -> None:
    naive = datetime(2026, 3, 1, 10)
    with pytest.raises(ValueError, match="naive"):
        candidate().edit(CLERK, EditCandidate(details()), naive)
    with pytest.raises(ValueError, match="naive"):
        project().report_progress(TRANSPORT, report(0, 1, "2026-02-01"), naive)
    with pytest.raises(ValueError, match="naive"):
        draft_vote().open(CLERK, candidates(4), naive)


# --- joint inspections and the satisfaction ballot --------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "body"), [(CLERK, RaisingBody.CONGRESS), (COMMITTEE, RaisingBody.CONGRESS),
                         (COMMISSION, RaisingBody.DISCIPLINE), (STATION, RaisingBody.DISCIPLINE)],
)  # fmt: skip
def test_a_joint_inspection_returns_its_problems_for_the_ledger(person: Principal, body: RaisingBody) -> None:
    p = project()
    first, second = p.record_inspection(person, inspection(), at("2026-05-12", 18))
    assert (first.source, first.source_ref, first.unit, first.raised_by, first.found_on) == (
        "project_inspection", "project/c-1/inspection/1/problem/1", "transport", body, date(2026, 5, 12),
    )  # fmt: skip
    assert (first.problem, first.measures) == ("部分路段路基压实度不足", "返工处理并加强质量检测")
    assert (second.unit, second.source_ref) == ("finance", "project/c-1/inspection/1/problem/2")
    (recorded,) = p.inspections
    assert (recorded.no, recorded.body, recorded.recorded_by, recorded.notes) == (
        1,
        body,
        person.subject,
        "实地查看三个标段施工现场",
    )
    assert [(x.body, x.name) for x in recorded.participants][:2] == [("congress", "王主任"), ("discipline", "李组长")]
    (event,) = p.events
    assert isinstance(event, ev.InspectionRecorded)
    assert (event.inspection_no, event.problem_count, event.problem_units) == (1, 2, ("transport", "finance"))
    assert "org_unit:finance" in event.audience()
    assert p.record_inspection(person, inspection(problems=()), at("2026-06-01")) == ()
    assert p.inspections[-1].no == 2


@pytest.mark.parametrize(
    "person", [DEPUTY, LEADER, OFFICE, TRANSPORT, HOUSING, COURT, PROCURATORATE, EXPERT, ADMIN, NOBODY],
    ids=lambda p: p.subject,
)  # fmt: skip
def test_only_organizers_and_discipline_record_inspections(person: Principal) -> None:
    p = project()
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会联络人员、专（工）委或纪委监委可以记录联合视察$"):
        p.record_inspection(person, inspection(), at("2026-05-12"))
    assert p.inspections == []


BAD_INSPECTIONS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("nothing", {"held_on": "", "participants": (), "notes": ""}, ["held_on", "participants", "notes"]),
    ("in the future", {"held_on": "2026-05-13"}, ["held_on"]),
    ("congress alone", {"participants": (ParticipantInput("congress", "王主任"),)}, ["participants"]),
    ("unknown body", {"participants": (ParticipantInput("media", "记者"),)}, ["participants.0.body"]),
    ("nameless", {"participants": (ParticipantInput("congress", ""), ParticipantInput("discipline", "李"))},
     ["participants.0.name"]),
    ("problem without measures", {"problems": (ProblemInput("路面开裂", ""),)}, ["problems.0.measures"]),
    ("bad unit", {"problems": (ProblemInput("路面开裂", "返工", unit="fin ance"),)}, ["problems.0.unit"]),
    ("too many problems", {"problems": (ProblemInput("问题", "措施"),) * 51}, ["problems"]),
]  # fmt: skip


@pytest.mark.parametrize(("what", "fields", "named"), BAD_INSPECTIONS, ids=[c[0] for c in BAD_INSPECTIONS])
def test_bad_inspections_are_refused_per_field(what: str, fields: dict[str, Any], named: list[str]) -> None:
    p = project()
    with pytest.raises(InvalidArgument) as caught:
        p.record_inspection(CLERK, inspection(**fields), at("2026-05-12"))
    assert caught.value.message == "联合视察记录未通过校验"
    assert [d["field"] for d in caught.value.details] == named
    assert p.inspections == [] and p.events == []


def test_the_satisfaction_session_is_linked_once() -> None:
    p = project()
    p.link_satisfaction_session(CLERK, LinkSatisfactionSession(" bs-2026-12 "), NOW)
    p.link_satisfaction_session(COMMITTEE, LinkSatisfactionSession("bs-2026-12"), NOW)  # again: nothing
    assert p.satisfaction_session_id == "bs-2026-12" and len(p.events) == 1
    with pytest.raises(Conflict, match=r"^该项目已关联满意度测评场次 bs-2026-12$"):
        p.link_satisfaction_session(CLERK, LinkSatisfactionSession("bs-other"), NOW)
    with pytest.raises(InvalidArgument):
        project().link_satisfaction_session(CLERK, LinkSatisfactionSession(""), NOW)
    for person in NOT_ORGANIZERS:
        with pytest.raises(PermissionDenied):
            project().link_satisfaction_session(person, LinkSatisfactionSession("bs-1"), NOW)


# --- who sees what --------------------------------------------------------------------------------------------------

N, C, L, F = View.NONE, View.COUNTS, View.LIMITED, View.FULL
# role → what they see of a project (and a candidate) of the transport department, and of a vote
SEES: dict[str, tuple[View, View]] = {
    "deputy": (L, L),
    "congress_clerk": (F, F),
    "congress_committee": (F, F),
    "congress_leader": (F, F),
    "gov_supervision_office": (L, L),
    "gov_department": (F, N),  # its own
    "discipline_commission": (F, F),
    "discipline_station": (F, F),
    "court": (N, N),
    "procuratorate": (N, N),
    "expert": (N, N),
    "platform_admin": (C, C),
}


def test_the_matrix_covers_every_role() -> None:
    assert set(SEES) == set(ROLE_BODIES) == set(BY_ROLE)


@pytest.mark.parametrize("role", list(SEES))
def test_who_sees_what(role: str) -> None:
    person, (of_project, of_vote) = BY_ROLE[role], SEES[role]
    p, c, vote = project(), candidate(), vote_in(VS.CLOSED)
    assert project_access(person, p) is of_project and candidate_access(person, c) is of_project
    assert vote_access(person) is of_vote
    if of_project < L:
        for show in (lambda: project_view(p, person, NOW), lambda: candidate_view(c, person)):
            with pytest.raises(NotFound):
                show()
        assert project_list([p], person, NOW) == []
    else:
        view = project_view(p, person, NOW)
        assert (view.reports is None, view.inspections is None) == (of_project is L, of_project is L)
        assert candidate_view(c, person).added_by == ("clerk-1" if of_project is F else "")
        assert [s.id for s in project_list([p], person, NOW)] == ["c-1"]
    if of_vote < L:
        with pytest.raises(NotFound, match=r"^未找到该项目票决$"):
            vote_view(vote, person)
    else:
        shown = vote_view(vote, person)
        assert shown.results is not None and shown.results.elected == ("c-01", "c-02")
        assert shown.electorate == (ELECTORATE if of_vote is F else None)
    counted = 1 if of_project >= C else 0
    assert project_counts([p], person)[ProjectStatus.IN_PROGRESS] == counted
    assert candidate_counts([c], person)[CS.PROPOSED] == counted
    assert vote_counts([vote], person)[VS.CLOSED] == (1 if of_vote >= C else 0)


def test_another_department_sees_nothing_of_a_project_not_its_own() -> None:
    p = project()
    assert project_access(HOUSING, p) is N and project_list([p], HOUSING, NOW) == []
    housing = project(department_unit="housing")
    assert [s.unit for s in project_list([p, housing], HOUSING, NOW)] == ["housing"]


def test_a_deputy_sees_their_own_place_on_the_list_and_the_progress() -> None:
    vote = vote_in(VS.OPEN)
    assert vote_view(vote, D[1]).in_electorate and not vote_view(vote, who("deputy", subject="x")).in_electorate
    assert vote_view(vote, D[1]).results is None
    p = project()
    p.report_progress(TRANSPORT, report(0, 150, "2026-03-01"), at("2026-03-02"))
    summary = project_view(p, DEPUTY, at("2026-03-02")).summary
    assert (summary.percent, summary.progress, summary.progress_label) == (
        Decimal("25.00"),
        Progress.ON_TRACK,
        "按计划推进",
    )


# --- events ----------------------------------------------------------------------------------------------------------


def the_whole_story() -> list[ev.Event]:
    events: list[ev.Event] = []
    cs = candidates(4)
    cs[0].edit(CLERK, EditCandidate(details(title="民生实事1（修订）")), T0)
    extra = candidate("c-05")
    extra.withdraw(CLERK, WithdrawCandidate("与上年项目重复"), T0)
    for c in (*cs, extra):
        events += c.events
    cancelled = draft_vote()
    cancelled.cancel(CLERK, CancelVote("会议议程调整"), T0)
    vote = draft_vote()
    vote.edit(CLERK, EditVote(2, ELECTORATE), T0)
    for cid in vote.open(CLERK, cs, T0):
        next(c for c in cs if c.id == cid).put_on_ballot(vote.id)
    results = vote.close(CLERK, cast_all(vote, TIED_PICKS), NOW)
    runoff = ProjectVote.create_runoff("v-2", CLERK, vote, CreateRunoff(ELECTORATE), NOW)
    runoff.open(CLERK, cs, NOW)
    second = runoff.close(CLERK, cast_all(runoff, {1: ("c-02",)}), NOW)
    events += cancelled.events + vote.events + runoff.events
    made = projects_from(results, cs, NOW) + projects_from(second, cs, NOW)
    p = made[0]
    p.report_progress(TRANSPORT, report(0, 100, "2026-03-20", steps=(0,)), at("2026-03-21"))
    p.raise_due_notices(at("2026-07-02"))
    p.record_inspection(STATION, inspection(), at("2026-07-02"))
    p.report_progress(TRANSPORT, report(0, 600, "2026-11-30"), at("2026-12-01"))
    p.link_satisfaction_session(CLERK, LinkSatisfactionSession("bs-2026-12"), at("2026-12-20"))
    for made_project in made:
        events += made_project.events
    return events


EVENTS = the_whole_story()
ALL_TYPES = {
    cls
    for _, cls in inspect.getmembers(ev, inspect.isclass)
    if issubclass(cls, ev.Event) and cls.name and not inspect.isabstract(cls)
}


def test_the_story_records_every_kind_of_event() -> None:
    assert {type(e) for e in EVENTS} == ALL_TYPES


def test_topics_follow_the_design_and_names_are_unique() -> None:
    assert len({(cls.aggregate, cls.name) for cls in ALL_TYPES}) == len(ALL_TYPES)
    topics = {e.topic for e in EVENTS}
    assert {
        "wulian.evaluation.project_candidate.added",
        "wulian.evaluation.project_vote.opened",
        "wulian.evaluation.project_vote.closed",
        "wulian.evaluation.project_vote.runoff_needed",
        "wulian.evaluation.project.created",
        "wulian.evaluation.project.progress_reported",
        "wulian.evaluation.project.milestone_missed",
        "wulian.evaluation.project.inspection_recorded",
        "wulian.evaluation.project.completed",
    } <= topics
    closed = next(e for e in EVENTS if isinstance(e, ev.VoteClosed))
    assert closed.aggregate_id == "v-1" and closed.votes == (3, 2, 2, 1)
    assert closed.candidate_ids == ("c-01", "c-02", "c-03", "c-04") and closed.elected == ("c-01",)


def reaches(event: ev.Event, person: Principal) -> bool:
    return not person.audience_selectors().isdisjoint(event.audience())


def test_audiences() -> None:
    for event in EVENTS:
        assert reaches(event, CLERK) and reaches(event, COMMITTEE) and reaches(event, STATION)
        assert reaches(event, COMMISSION) and reaches(event, LEADER)
        for outsider in (COURT, PROCURATORATE, EXPERT, ADMIN, NOBODY, HOUSING):
            assert not reaches(event, outsider), (event.topic, outsider.subject)
        assert reaches(event, TRANSPORT) is isinstance(event, ev.CandidateEvent | ev.ProjectEvent)
    to_deputies = {e.topic for e in EVENTS if reaches(e, DEPUTY)}
    assert to_deputies == {
        "wulian.evaluation.project_vote.opened",
        "wulian.evaluation.project_vote.closed",
        "wulian.evaluation.project_vote.runoff_needed",
        "wulian.evaluation.project.created",
        "wulian.evaluation.project.completed",
    }
    assert reaches(ev.VoteCancelled("v", NOW, YEAR, 1, True), DEPUTY)
    assert any(reaches(e, OFFICE) for e in EVENTS if isinstance(e, ev.MilestoneMissed))


SECRETS = (
    "四好农村路", "民生实事", "新改建", "市交通运输局", "农村公路", "公里", "完成招标",  # titles, names, units
    "与上年项目重复", "会议议程调整",  # reasons
    "截至", "实地查看", "路基", "返工", "征地", "王主任", "李组长", "赵局长",  # reports, notes, problems, people
    "deputy-",  # no voter, ever
)  # fmt: skip


def _values(value: object) -> list[object]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [v for f in dataclasses.fields(value) for v in _values(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [v for item in value for v in _values(item)]
    return [value]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.topic)
def test_no_event_carries_text(event: ev.Event) -> None:
    for value in _values(event):
        assert isinstance(value, str | bool | int | date | Enum), (event.topic, value)
        assert not isinstance(value, float | Decimal)
        if isinstance(value, str) and not isinstance(value, Enum):
            assert not any(secret in value for secret in SECRETS), (event.topic, value)
