"""Joint analysis (联合研判): opening with the bodies that take part, every role's rights, notes by each
participating body, the conclusions and the bodies agreeing, state conflicts, who sees what, and events that
carry no text and reach the participating bodies only."""

from __future__ import annotations

import copy
import dataclasses
import inspect
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.consultation import analyses as an
from services.consultation.analyses import (
    ANALYSIS_STATES,
    AddAnalysisNote,
    Analysis,
    AnalysisAction,
    AnalysisStatus,
    ConcludeAnalysis,
    Conclusion,
    Note,
    OpenAnalysis,
)
from services.consultation.analysis_views import analysis_access, analysis_counts, analysis_view, visible_analyses
from services.consultation.domain import LIST_MAX, Body, View
from tests.unit.consultation.staff import (
    ACTING_BODIES,
    ADMIN,
    CLERK,
    COMMISSION,
    CONGRESS_ROLES,
    CONGRESS_STAFF,
    DISCIPLINE_ROLES,
    DISCIPLINE_STAFF,
    EVERYONE,
    GOVERNMENT_ROLES,
    LEADER,
    NO_BODY,
    OFFICE,
    STATION,
    bj,
    ids,
)
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

AS = AnalysisStatus
OPENED_AT = bj(2026, 5, 6, 10)
LATER = OPENED_AT + timedelta(days=2)
TOPIC = "国有资产管理中的突出问题"
NOTE = "审计发现部分单位资产闲置，建议纳入年度监督计划"
CONCLUSION = "将国有资产闲置问题列为下半年联合监督重点"


def opened(person: Principal = CLERK, **fields: Any) -> Analysis:
    values: dict[str, Any] = {"topic": TOPIC, "bodies": ("congress", "discipline")}
    return Analysis.create("a-1", person, OpenAnalysis(**{**values, **fields}), OPENED_AT)


def conclusion(*conclusions: str, agreeing: tuple[str, ...] = ("congress", "discipline")) -> ConcludeAnalysis:
    return ConcludeAnalysis(conclusions or (CONCLUSION,), agreeing)


def state_of(analysis: Analysis) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(analysis, name)) for name in Analysis.__dataclass_fields__}


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


# --- opening ------------------------------------------------------------------------------------------------


def test_a_body_opens_a_joint_analysis() -> None:
    analysis = opened(bodies=("discipline", "congress", "government"))
    assert (analysis.id, analysis.creator, analysis.topic, analysis.status) == ("a-1", Body.CONGRESS, TOPIC, AS.OPEN)
    assert analysis.bodies == (Body.DISCIPLINE, Body.CONGRESS, Body.GOVERNMENT)
    assert (analysis.opened_by, analysis.opened_by_name, analysis.opened_at) == ("clerk-1", "clerk-1-name", OPENED_AT)
    assert (analysis.notes, analysis.conclusion) == ([], None)
    [event] = analysis.events
    assert event == an.AnalysisOpened(
        "a-1", OPENED_AT, Body.CONGRESS, (Body.DISCIPLINE, Body.CONGRESS, Body.GOVERNMENT)
    )


@pytest.mark.parametrize(("person", "body"), ACTING_BODIES, ids=[p.subject for p, _ in ACTING_BODIES])
def test_each_body_opens_in_its_own_name(person: Principal, body: Body) -> None:
    assert opened(person, bodies=tuple(b.value for b in Body)).creator is body


@pytest.mark.parametrize("person", NO_BODY, ids=ids)
def test_who_acts_for_no_body_opens_nothing(person: Principal) -> None:
    with pytest.raises(
        PermissionDenied, match=r"^只有人大常委会、纪委监委或市政府政务督查室的工作人员可以发起联合研判$"
    ):
        opened(person)


BAD_OPENINGS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no topic", {"topic": "  "}, ["topic"]),
    ("long topic", {"topic": "题" * 201}, ["topic"]),
    ("one body", {"bodies": ("congress",)}, ["bodies"]),
    ("without its own body", {"bodies": ("discipline", "government")}, ["bodies"]),
    ("unknown body", {"bodies": ("congress", "audit")}, ["bodies[1]"]),
    ("a body twice", {"bodies": ("congress", "discipline", "discipline")}, ["bodies[2]"]),
    ("everything", {"topic": "", "bodies": ()}, ["topic", "bodies"]),
]


@pytest.mark.parametrize(("case", "fields", "named"), BAD_OPENINGS, ids=[c for c, _, _ in BAD_OPENINGS])
def test_bad_openings_are_refused_per_field(case: str, fields: dict[str, Any], named: list[str]) -> None:
    with pytest.raises(InvalidArgument, match=r"^联合研判未通过校验$") as caught:
        opened(**fields)
    assert problem_fields(caught) == named


def test_opening_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        opened(COMMISSION, bodies=("congress", "government"))
    assert caught.value.details == [{"field": "bodies", "message": "参与研判的机关须包括本机关（纪委监委）"}]
    with pytest.raises(InvalidArgument) as caught:
        opened(bodies=("congress",))
    assert caught.value.details == [{"field": "bodies", "message": "参与研判的机关至少为两个机关"}]


# --- notes --------------------------------------------------------------------------------------------------


def test_each_participating_body_adds_notes() -> None:
    analysis = opened(bodies=("congress", "discipline", "government"))
    analysis.events.clear()
    first = analysis.add_note(STATION, AddAnalysisNote(f" {NOTE} "), LATER)
    second = analysis.add_note(OFFICE, AddAnalysisNote("财政部门将同步开展清查"), LATER + timedelta(hours=1))
    assert first == Note(1, Body.DISCIPLINE, "station-1", "station-1-name", NOTE, LATER)
    assert (second.no, second.body, second.author) == (2, Body.GOVERNMENT, "office-1")
    assert analysis.notes == [first, second]
    assert [(e.no, e.body) for e in analysis.events if isinstance(e, an.AnalysisNoteAdded)] == [
        (1, Body.DISCIPLINE),
        (2, Body.GOVERNMENT),
    ]


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_participants_add_notes(person: Principal) -> None:
    analysis = opened()
    analysis.events.clear()
    if person in (*CONGRESS_STAFF, *DISCIPLINE_STAFF):
        assert analysis.add_note(person, AddAnalysisNote(NOTE), LATER).author == person.subject
        return
    with pytest.raises(PermissionDenied, match=r"^只有参与研判的机关可以发表研判意见$"):
        analysis.add_note(person, AddAnalysisNote(NOTE), LATER)
    assert analysis.notes == [] and analysis.events == []


@pytest.mark.parametrize("text", ["", " ", "意" * 20001])
def test_a_note_needs_a_text(text: str) -> None:
    analysis = opened()
    with pytest.raises(InvalidArgument) as caught:
        analysis.add_note(CLERK, AddAnalysisNote(text), LATER)
    assert problem_fields(caught) == ["text"] and analysis.notes == []


def test_an_analysis_holds_a_limited_number_of_notes() -> None:
    analysis = opened()
    for _ in range(LIST_MAX):
        analysis.add_note(CLERK, AddAnalysisNote(NOTE), LATER)
    with pytest.raises(Conflict, match=rf"^该联合研判的研判意见已达 {LIST_MAX} 条，不能再发表$"):
        analysis.add_note(COMMISSION, AddAnalysisNote(NOTE), LATER)


# --- conclusions --------------------------------------------------------------------------------------------


def test_the_creator_concludes_with_the_bodies_agreeing() -> None:
    analysis = opened(COMMISSION, bodies=("discipline", "congress", "government"))
    analysis.add_note(CLERK, AddAnalysisNote(NOTE), LATER)
    analysis.events.clear()
    analysis.conclude(STATION, conclusion(CONCLUSION, "建立信息互通台账", agreeing=("discipline", "congress")), LATER)
    assert analysis.status is AS.CONCLUDED
    assert analysis.conclusion == Conclusion(
        (CONCLUSION, "建立信息互通台账"), (Body.DISCIPLINE, Body.CONGRESS), "station-1", "station-1-name", LATER
    )
    [event] = analysis.events
    assert event == an.AnalysisConcluded(
        "a-1",
        LATER,
        Body.DISCIPLINE,
        (Body.DISCIPLINE, Body.CONGRESS, Body.GOVERNMENT),
        2,
        (Body.DISCIPLINE, Body.CONGRESS),
    )


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_creating_body_concludes(person: Principal) -> None:
    analysis = opened(bodies=("congress", "discipline", "government"))
    analysis.events.clear()
    if person in CONGRESS_STAFF:
        analysis.conclude(person, conclusion(), LATER)
        assert analysis.status is AS.CONCLUDED
        return
    with pytest.raises(PermissionDenied, match=r"^只有发起研判的人大常委会可以形成研判结论$"):
        analysis.conclude(person, conclusion(), LATER)
    assert analysis.status is AS.OPEN and analysis.events == []


BAD_CONCLUSIONS: list[tuple[str, ConcludeAnalysis, list[str]]] = [
    ("no conclusion", ConcludeAnalysis((), ("congress",)), ["conclusions"]),
    ("an empty conclusion", conclusion(CONCLUSION, " "), ["conclusions[1]"]),
    ("a long conclusion", conclusion("结" * 2001), ["conclusions[0]"]),
    ("too many conclusions", conclusion(*(CONCLUSION,) * (LIST_MAX + 1)), ["conclusions"]),
    ("nobody agrees", conclusion(agreeing=()), ["agreeing_bodies"]),
    ("not the creator", conclusion(agreeing=("discipline",)), ["agreeing_bodies"]),
    ("a body not taking part", conclusion(agreeing=("congress", "government")), ["agreeing_bodies[1]"]),
    ("an unknown body", conclusion(agreeing=("congress", "x")), ["agreeing_bodies[1]"]),
    ("a body twice", conclusion(agreeing=("congress", "congress")), ["agreeing_bodies[1]"]),
    ("everything", ConcludeAnalysis(("",), ("x",)), ["conclusions[0]", "agreeing_bodies[0]", "agreeing_bodies"]),
]


@pytest.mark.parametrize(("case", "command", "named"), BAD_CONCLUSIONS, ids=[c for c, _, _ in BAD_CONCLUSIONS])
def test_bad_conclusions_are_refused_per_field(case: str, command: ConcludeAnalysis, named: list[str]) -> None:
    analysis = opened()
    before = state_of(analysis)
    with pytest.raises(InvalidArgument, match=r"^研判结论未通过校验$") as caught:
        analysis.conclude(CLERK, command, LATER)
    assert problem_fields(caught) == named
    assert state_of(analysis) == before


def test_conclusion_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        opened().conclude(CLERK, conclusion(agreeing=("government",)), LATER)
    assert caught.value.details == [
        {"field": "agreeing_bodies[0]", "message": "同意结论的机关须为参与研判的机关"},
        {"field": "agreeing_bodies", "message": "同意结论的机关须包括发起研判的人大常委会"},
    ]


def test_the_state_table_is_the_documented_one() -> None:
    assert dict(ANALYSIS_STATES.allowed) == {
        AnalysisAction.ADD_NOTE: frozenset({AS.OPEN}),
        AnalysisAction.CONCLUDE: frozenset({AS.OPEN}),
    }


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (lambda a: a.add_note(COMMISSION, AddAnalysisNote(NOTE), LATER), "该联合研判已形成结论，不能发表研判意见"),
        (lambda a: a.conclude(CLERK, conclusion(), LATER), "该联合研判已形成结论，不能形成研判结论"),
        (lambda a: a.add_note(OFFICE, AddAnalysisNote(NOTE), LATER), "该联合研判已形成结论，不能发表研判意见"),
    ],
)
def test_a_concluded_analysis_takes_nothing_more(step: Any, message: str) -> None:
    analysis = opened()
    analysis.conclude(CLERK, conclusion(), LATER)
    before = state_of(analysis)
    with pytest.raises(Conflict) as caught:
        step(analysis)
    assert caught.value.message == message
    assert state_of(analysis) == before


# --- who sees what ------------------------------------------------------------------------------------------

SEEN_BY = {
    ("congress", "discipline"): {*CONGRESS_STAFF, *DISCIPLINE_STAFF},
    ("congress", "government"): {*CONGRESS_STAFF, OFFICE},
    ("congress", "discipline", "government"): {*CONGRESS_STAFF, *DISCIPLINE_STAFF, OFFICE},
}
VIEW_CELLS = [(bodies, person) for bodies in SEEN_BY for person in EVERYONE]


@pytest.mark.parametrize(("bodies", "person"), VIEW_CELLS, ids=[f"{'+'.join(b)}-{p.subject}" for b, p in VIEW_CELLS])
def test_only_the_participating_bodies_see_an_analysis(bodies: tuple[str, ...], person: Principal) -> None:
    analysis = opened(bodies=bodies)
    analysis.add_note(CLERK, AddAnalysisNote(NOTE), LATER)
    if person in SEEN_BY[bodies]:
        assert analysis_access(person, analysis) is View.FULL
        view = analysis_view(analysis, person)
        assert (view.topic, [n.text for n in view.notes]) == (TOPIC, [NOTE])
        assert visible_analyses([analysis], person) == [analysis]
        return
    assert analysis_access(person, analysis) is (View.COUNTS if person is ADMIN else View.NONE)
    with pytest.raises(NotFound, match=r"^未找到该联合研判$"):
        analysis_view(analysis, person)
    assert visible_analyses([analysis], person) == []


def test_the_read_model() -> None:
    analysis = opened(bodies=("congress", "discipline", "government"))
    analysis.add_note(COMMISSION, AddAnalysisNote(NOTE), LATER)
    view = analysis_view(analysis, OFFICE)
    assert (view.creator, view.creator_label, view.body_labels) == (
        Body.CONGRESS,
        "人大常委会",
        ("人大常委会", "纪委监委", "市政府"),
    )
    assert (view.status, view.status_label, view.access, view.actions) == (
        AS.OPEN,
        "研判中",
        View.FULL,
        (AnalysisAction.ADD_NOTE,),
    )
    assert analysis_view(analysis, LEADER).actions == (AnalysisAction.ADD_NOTE, AnalysisAction.CONCLUDE)
    [note] = view.notes
    assert (note.body, note.author_name) == (Body.DISCIPLINE, "commission-1-name")
    analysis.conclude(CLERK, conclusion(agreeing=("congress", "government")), LATER)
    done = analysis_view(analysis, STATION)
    assert (done.status_label, done.actions, done.agreeing_labels) == ("已形成结论", (), ("人大常委会", "市政府"))
    assert done.conclusion is not None and done.conclusion.conclusions == (CONCLUSION,)


def test_counts_and_storage() -> None:
    open_one, concluded = opened(), opened(COMMISSION, bodies=("discipline", "government"))
    concluded.add_note(OFFICE, AddAnalysisNote(NOTE), LATER)
    concluded.conclude(STATION, conclusion(agreeing=("discipline",)), LATER)
    assert analysis_counts([open_one, concluded]) == {AS.OPEN: 1, AS.CONCLUDED: 1}
    assert visible_analyses([open_one, concluded], OFFICE) == [concluded]
    adapter = TypeAdapter(Analysis)
    again = adapter.validate_json(adapter.dump_json(concluded, exclude={"events"}))
    assert {**state_of(again), "events": []} == {**state_of(concluded), "events": []}


# --- events -------------------------------------------------------------------------------------------------


def the_whole_story() -> list[an.AnalysisEvent]:
    analysis = opened(bodies=("congress", "discipline", "government"))
    analysis.add_note(STATION, AddAnalysisNote(NOTE), LATER)
    analysis.add_note(OFFICE, AddAnalysisNote("财政部门将同步开展清查"), LATER)
    analysis.conclude(CLERK, conclusion(agreeing=("congress", "discipline")), LATER)
    return analysis.events


EVENTS = the_whole_story()
ALL_TYPES = {
    cls for _, cls in inspect.getmembers(an, inspect.isclass) if issubclass(cls, an.AnalysisEvent) and cls.name
}


def test_the_story_records_every_kind_of_event() -> None:
    assert {type(e) for e in EVENTS} == ALL_TYPES and len(ALL_TYPES) == 3
    assert [e.topic for e in EVENTS] == [
        "wulian.consultation.analysis.opened",
        "wulian.consultation.analysis.note_added",
        "wulian.consultation.analysis.note_added",
        "wulian.consultation.analysis.concluded",
    ]
    assert all(e.aggregate_id == "a-1" for e in EVENTS)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_no_event_carries_text(event: an.AnalysisEvent) -> None:
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        if isinstance(value, tuple):
            assert all(isinstance(v, Body) for v in value), (event.name, f.name)
        elif isinstance(value, str) and not isinstance(value, Enum):
            assert f.name == "analysis_id", (event.name, f.name)
        else:
            assert isinstance(value, int | datetime | Enum), (event.name, f.name)
        for text in (TOPIC, NOTE, CONCLUSION, "财政部门", "国有资产", "clerk-1", "station-1"):
            assert text not in str(value), (event.name, f.name)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_events_reach_the_participating_bodies_only(event: an.AnalysisEvent) -> None:
    told = event.audience()
    assert len(told) == len(set(told))
    assert set(told) == CONGRESS_ROLES | DISCIPLINE_ROLES | GOVERNMENT_ROLES
    for person in NO_BODY:
        assert person.audience_selectors().isdisjoint(told), person.subject


def test_a_two_body_analysis_is_not_told_to_the_third() -> None:
    [event] = opened().events
    assert set(event.audience()) == CONGRESS_ROLES | DISCIPLINE_ROLES
    assert OFFICE.audience_selectors().isdisjoint(event.audience())
