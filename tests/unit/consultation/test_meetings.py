"""Joint meetings (联席会议): convening, every state × action, every role's rights, the minutes and their
versions, action items (督办事项) and their deadline notices raised once each, who sees what, events that
carry no text, and a meeting with two action items — one done, one overdue."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.consultation import meeting_events as ev
from services.consultation.domain import LIST_MAX, Body, View
from services.consultation.meeting_commands import (
    ActionItemEntry,
    AddActionItem,
    AmendMinutes,
    AttendeeEntry,
    CancelActionItem,
    CancelMeeting,
    CompleteActionItem,
    ConveneMeeting,
    RecordMinutes,
)
from services.consultation.meeting_records import ActionItemStatus, Attendee
from services.consultation.meeting_views import (
    meeting_access,
    meeting_counts,
    meeting_view,
    visible_meetings,
)
from services.consultation.meetings import MEETING_STATES, ActionItemAction, Meeting, MeetingAction, MeetingStatus
from tests.unit.consultation.staff import (
    ACTING_BODIES,
    ADMIN,
    CLERK,
    COMMISSION,
    COMMITTEE,
    CONGRESS_ROLES,
    CONGRESS_STAFF,
    COURT,
    DEPUTY,
    DISCIPLINE_ROLES,
    DISCIPLINE_STAFF,
    EVERYONE,
    EXPERT,
    GOVERNMENT_ROLES,
    LEADER,
    NO_BODY,
    NOBODY,
    OFFICE,
    OTHER_CLERK,
    PROCURATORATE,
    STATION,
    TRANSPORT,
    bj,
    ids,
)
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

MS, MA = MeetingStatus, MeetingAction

CONVENED_AT = bj(2026, 3, 2, 9)
HELD_AT = bj(2026, 3, 10, 14, 30)
AFTER = bj(2026, 3, 10, 17)  # the afternoon the meeting sat
DUE_ON = date(2026, 3, 31)
DUE_AT = bj(2026, 4, 1)  # the end of 31 March in Beijing
SOON = DUE_AT - timedelta(days=3)
MINUTES = "会议通报了清廉机关建设专项监督的进展"
DECISION = "联合开展涉企清欠专项监督"
AGENDA = ("通报上半年监督工作", "研究涉企清欠专项监督")
ATTENDEES = (
    AttendeeEntry("congress", "王秘书长", "秘书长"),
    AttendeeEntry("discipline", "李副书记", "副书记"),
    AttendeeEntry("discipline", "赵组长"),
)
ALL_THREE = (*ATTENDEES, AttendeeEntry("government", "陈主任", "督查室主任"))
ITEM_TITLE = "梳理涉企清欠问题线索"


def convene(person: Principal = CLERK, *, now: datetime = CONVENED_AT, **fields: Any) -> Meeting:
    values: dict[str, Any] = {
        "title": "2026年第一次人大纪委联席会议",
        "held_at": HELD_AT,
        "place": "市人大常委会第一会议室",
        "bodies": ("congress", "discipline"),
        "agenda": AGENDA,
    }
    return Meeting.create("m-1", person, ConveneMeeting(**{**values, **fields}), now)


def item(title: str = ITEM_TITLE, owner: str = "discipline", due_on: date | None = DUE_ON) -> ActionItemEntry:
    return ActionItemEntry(title, owner, due_on)


def minutes(**fields: Any) -> RecordMinutes:
    values: dict[str, Any] = {"minutes": MINUTES, "attendees": ATTENDEES, "decisions": (DECISION,)}
    return RecordMinutes(**{**values, **fields})


def amendment(**fields: Any) -> AmendMinutes:
    values: dict[str, Any] = {"minutes": "修订后的纪要", "attendees": ATTENDEES, "reason": "补充出席人员职务"}
    return AmendMinutes(**{**values, **fields})


def held(*items: ActionItemEntry, bodies: tuple[str, ...] = ("congress", "discipline"), **fields: Any) -> Meeting:
    meeting = convene(bodies=bodies, **fields)
    attendees = ATTENDEES if len(bodies) == 2 else ALL_THREE
    meeting.record_minutes(CLERK, minutes(attendees=attendees, action_items=items), AFTER)
    meeting.events.clear()
    return meeting


def meeting_in(state: MeetingStatus) -> Meeting:
    """A meeting walked to ``state`` by its convener: held with one open action item; closed with it done."""
    if state is MS.PLANNED:
        meeting = convene()
    elif state is MS.CANCELLED:
        meeting = convene()
        meeting.cancel(CLERK, CancelMeeting("议题调整"), CONVENED_AT + timedelta(days=1))
    else:
        meeting = held(item())
    if state is MS.CLOSED:
        meeting.complete_action_item(COMMISSION, CompleteActionItem(1, "已梳理"), AFTER + timedelta(days=1))
        meeting.close(CLERK, AFTER + timedelta(days=2))
    meeting.events.clear()
    return meeting


def state_of(meeting: Meeting) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(meeting, name)) for name in Meeting.__dataclass_fields__}


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


# --- convening ----------------------------------------------------------------------------------------------


def test_a_body_convenes_a_joint_meeting() -> None:
    meeting = convene()
    assert (meeting.id, meeting.convener, meeting.bodies, meeting.agenda) == (
        "m-1",
        Body.CONGRESS,
        (Body.CONGRESS, Body.DISCIPLINE),
        AGENDA,
    )
    assert (meeting.held_at, meeting.place, meeting.status) == (HELD_AT, "市人大常委会第一会议室", MS.PLANNED)
    assert (meeting.convened_by, meeting.convened_by_name, meeting.convened_at) == (
        "clerk-1",
        "clerk-1-name",
        CONVENED_AT,
    )
    assert meeting.minutes == [] and meeting.action_items == [] and meeting.next_check_at() is None
    [event] = meeting.events
    assert event == ev.MeetingConvened("m-1", CONVENED_AT, Body.CONGRESS, (Body.CONGRESS, Body.DISCIPLINE), HELD_AT, 2)


@pytest.mark.parametrize(("person", "body"), ACTING_BODIES, ids=[p.subject for p, _ in ACTING_BODIES])
def test_each_body_convenes_in_its_own_name(person: Principal, body: Body) -> None:
    meeting = convene(person, bodies=(body.value, "congress" if body is not Body.CONGRESS else "discipline"))
    assert meeting.convener is body


@pytest.mark.parametrize("person", NO_BODY, ids=ids)
def test_who_acts_for_no_body_convenes_nothing(person: Principal) -> None:
    with pytest.raises(
        PermissionDenied, match=r"^只有人大常委会、纪委监委或市政府政务督查室的工作人员可以召集联席会议$"
    ):
        convene(person)


BAD_CONVENING: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no title", {"title": "  "}, ["title"]),
    ("long title", {"title": "会" * 201}, ["title"]),
    ("no time", {"held_at": None}, ["held_at"]),
    ("time out of range", {"held_at": bj(1999, 12, 31, 12)}, ["held_at"]),
    ("no place", {"place": ""}, ["place"]),
    ("one body", {"bodies": ("congress",)}, ["bodies"]),
    ("no body", {"bodies": ()}, ["bodies"]),
    ("without the convener", {"bodies": ("discipline", "government")}, ["bodies"]),
    ("unknown body", {"bodies": ("congress", "court")}, ["bodies[1]"]),
    ("a body twice", {"bodies": ("congress", "congress")}, ["bodies[1]"]),
    ("no agenda", {"agenda": ()}, ["agenda"]),
    ("an empty topic", {"agenda": ("议题", " ")}, ["agenda[1]"]),
    ("too many topics", {"agenda": ("议题",) * (LIST_MAX + 1)}, ["agenda"]),
    ("everything", {"title": "", "held_at": None, "place": "", "bodies": (), "agenda": ()},
     ["title", "held_at", "place", "bodies", "agenda"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "fields", "named"), BAD_CONVENING, ids=[c for c, _, _ in BAD_CONVENING])
def test_bad_convenings_are_refused_per_field(case: str, fields: dict[str, Any], named: list[str]) -> None:
    with pytest.raises(InvalidArgument, match=r"^联席会议未通过校验$") as caught:
        convene(**fields)
    assert problem_fields(caught) == named


def test_convening_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        convene(bodies=("discipline", "congress", "discipline", "x"))
    assert caught.value.details == [
        {"field": "bodies[2]", "message": "参会机关“纪委监委”重复"},
        {"field": "bodies[3]", "message": "参会机关不在可选范围内"},
    ]
    with pytest.raises(InvalidArgument) as caught:
        convene(bodies=("discipline", "government"), held_at=bj(2101, 1, 1, 9))
    assert caught.value.details == [
        {"field": "held_at", "message": "会议时间须在 2000 年至 2100 年之间"},
        {"field": "bodies", "message": "参会机关须包括本机关（人大常委会）"},
    ]


def test_the_clock_must_be_aware() -> None:
    with pytest.raises(ValueError, match="naive"):
        convene(now=datetime(2026, 3, 2, 9))


# --- the state table ----------------------------------------------------------------------------------------


def test_the_state_table_is_the_documented_one() -> None:
    table = {action: set(states) for action, states in MEETING_STATES.allowed.items()}
    assert table == {
        MA.RECORD_MINUTES: {MS.PLANNED},
        MA.AMEND_MINUTES: {MS.HELD},
        MA.ADD_ACTION_ITEM: {MS.HELD},
        MA.COMPLETE_ACTION_ITEM: {MS.HELD},
        MA.CANCEL_ACTION_ITEM: {MS.HELD},
        MA.CLOSE: {MS.HELD},
        MA.CANCEL: {MS.PLANNED},
    }


STEPS: dict[MeetingAction, Callable[[Meeting, Principal, datetime], object]] = {
    MA.RECORD_MINUTES: lambda m, p, now: m.record_minutes(p, minutes(), now),
    MA.AMEND_MINUTES: lambda m, p, now: m.amend_minutes(p, amendment(), now),
    MA.ADD_ACTION_ITEM: lambda m, p, now: m.add_action_item(p, AddActionItem(item()), now),
    MA.COMPLETE_ACTION_ITEM: lambda m, p, now: m.complete_action_item(p, CompleteActionItem(1, "已办理"), now),
    MA.CANCEL_ACTION_ITEM: lambda m, p, now: m.cancel_action_item(p, CancelActionItem(1, "已不需要"), now),
    MA.CLOSE: lambda m, p, now: m.close(p, now),
    MA.CANCEL: lambda m, p, now: m.cancel(p, CancelMeeting("另行安排"), now),
}
NEXT = {
    MA.RECORD_MINUTES: MS.HELD, MA.AMEND_MINUTES: MS.HELD, MA.ADD_ACTION_ITEM: MS.HELD,
    MA.COMPLETE_ACTION_ITEM: MS.HELD, MA.CANCEL_ACTION_ITEM: MS.HELD, MA.CLOSE: MS.CLOSED, MA.CANCEL: MS.CANCELLED,
}  # fmt: skip
CELLS = [(state, action) for state in MS for action in MA]
LEGAL = [(s, a) for s, a in CELLS if s in MEETING_STATES.allowed[a]]
ILLEGAL = [(s, a) for s, a in CELLS if s not in MEETING_STATES.allowed[a]]


@pytest.mark.parametrize(("state", "action"), LEGAL, ids=[f"{s}-{a}" for s, a in LEGAL])
def test_legal_transition(state: MeetingStatus, action: MeetingAction) -> None:
    meeting = meeting_in(state)
    if action is MA.CLOSE:
        meeting.cancel_action_item(CLERK, CancelActionItem(1, "并入下次会议"), AFTER)
        meeting.events.clear()
    STEPS[action](meeting, CLERK, AFTER + timedelta(days=3))
    assert meeting.status is NEXT[action]
    assert meeting.events


@pytest.mark.parametrize(("state", "action"), ILLEGAL, ids=[f"{s}-{a}" for s, a in ILLEGAL])
def test_illegal_transition_is_a_conflict_and_changes_nothing(state: MeetingStatus, action: MeetingAction) -> None:
    meeting = meeting_in(state)
    before = state_of(meeting)
    with pytest.raises(Conflict, match=r"^该联席会议.+，不能.+$"):
        STEPS[action](meeting, CLERK, AFTER + timedelta(days=3))
    assert state_of(meeting) == before


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (MS.PLANNED, MA.AMEND_MINUTES, "该联席会议尚未召开，不能修改会议纪要"),
        (MS.HELD, MA.RECORD_MINUTES, "该联席会议已召开并记录纪要，不能记录会议纪要"),
        (MS.CLOSED, MA.ADD_ACTION_ITEM, "该联席会议已办结，不能交办督办事项"),
        (MS.CLOSED, MA.COMPLETE_ACTION_ITEM, "该联席会议已办结，不能办结督办事项"),
        (MS.CANCELLED, MA.RECORD_MINUTES, "该联席会议已取消，不能记录会议纪要"),
        (MS.HELD, MA.CANCEL, "该联席会议已召开并记录纪要，不能取消会议"),
    ],
)
def test_conflict_messages(state: MeetingStatus, action: MeetingAction, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        STEPS[action](meeting_in(state), CLERK, AFTER + timedelta(days=3))
    assert caught.value.message == message


def test_the_state_is_checked_before_the_actor() -> None:
    with pytest.raises(Conflict):
        meeting_in(MS.CANCELLED).record_minutes(NOBODY, minutes(), AFTER)


# --- who acts -----------------------------------------------------------------------------------------------

CONVENER_ONLY = [MA.RECORD_MINUTES, MA.AMEND_MINUTES, MA.ADD_ACTION_ITEM, MA.CANCEL_ACTION_ITEM, MA.CLOSE, MA.CANCEL]
VERBS = {
    MA.RECORD_MINUTES: "记录会议纪要", MA.AMEND_MINUTES: "修改会议纪要", MA.ADD_ACTION_ITEM: "交办督办事项",
    MA.CANCEL_ACTION_ITEM: "撤销督办事项", MA.CLOSE: "办结会议", MA.CANCEL: "取消会议",
}  # fmt: skip
RIGHTS = [(action, person) for action in CONVENER_ONLY for person in EVERYONE]


def ready_for(action: MeetingAction) -> Meeting:
    """A meeting in which the convener may take ``action`` now."""
    if action in (MA.RECORD_MINUTES, MA.CANCEL):
        return meeting_in(MS.PLANNED)
    meeting = meeting_in(MS.HELD)
    if action is MA.CLOSE:
        meeting.complete_action_item(COMMISSION, CompleteActionItem(1, "已办理"), AFTER)
        meeting.events.clear()
    return meeting


@pytest.mark.parametrize(("action", "person"), RIGHTS, ids=[f"{a}-{p.subject}" for a, p in RIGHTS])
def test_only_the_convening_body_runs_the_meeting(action: MeetingAction, person: Principal) -> None:
    meeting = ready_for(action)
    before = state_of(meeting)
    if person in CONGRESS_STAFF:
        STEPS[action](meeting, person, AFTER + timedelta(days=1))
        assert meeting.events
        return
    with pytest.raises(PermissionDenied) as caught:
        STEPS[action](meeting, person, AFTER + timedelta(days=1))
    assert caught.value.message == f"只有召集会议的人大常委会可以{VERBS[action]}"
    assert state_of(meeting) == before


THREE = ("discipline", "congress", "government")
COMPLETERS = {
    "discipline": {*CONGRESS_STAFF, *DISCIPLINE_STAFF},
    "government": {*CONGRESS_STAFF, OFFICE},
    "congress": {*CONGRESS_STAFF},
}
COMPLETE_CELLS = [(owner, person) for owner in COMPLETERS for person in EVERYONE]


@pytest.mark.parametrize(("owner", "person"), COMPLETE_CELLS, ids=[f"{o}-{p.subject}" for o, p in COMPLETE_CELLS])
def test_the_owner_body_or_the_convener_completes_an_action_item(owner: str, person: Principal) -> None:
    meeting = held(item(owner=owner), bodies=THREE)
    if person in COMPLETERS[owner]:
        meeting.complete_action_item(person, CompleteActionItem(1, "已办理"), AFTER)
        assert meeting.action_items[0].status is ActionItemStatus.DONE
        assert meeting.action_items[0].closing is not None and meeting.action_items[0].closing.by == person.subject
        return
    with pytest.raises(PermissionDenied) as caught:
        meeting.complete_action_item(person, CompleteActionItem(1, "已办理"), AFTER)
    label = {"discipline": "纪委监委", "government": "市政府", "congress": "人大常委会"}[owner]
    assert caught.value.message == f"只有责任机关（{label}）或召集会议的人大常委会可以办结督办事项"
    assert meeting.action_items[0].status is ActionItemStatus.OPEN and not meeting.events


# --- minutes ------------------------------------------------------------------------------------------------


def test_the_convener_records_the_minutes_with_action_items() -> None:
    meeting = convene()
    meeting.events.clear()
    meeting.record_minutes(
        COMMITTEE, minutes(action_items=(item(), item("报送清欠台账", "congress", date(2026, 4, 15)))), AFTER
    )
    assert meeting.status is MS.HELD
    [record] = meeting.minutes
    assert (record.version, record.text, record.decisions, record.reason) == (1, MINUTES, (DECISION,), "")
    assert record.attendees == (
        Attendee(Body.CONGRESS, "王秘书长", "秘书长"),
        Attendee(Body.DISCIPLINE, "李副书记", "副书记"),
        Attendee(Body.DISCIPLINE, "赵组长", ""),
    )
    assert (record.by, record.by_name, record.at) == ("committee-1", "committee-1-name", AFTER)
    first, second = meeting.action_items
    assert (first.no, first.title, first.owner, first.due_on, first.due_at) == (
        1,
        ITEM_TITLE,
        Body.DISCIPLINE,
        DUE_ON,
        DUE_AT,
    )
    assert (second.no, second.owner, second.due_at) == (2, Body.CONGRESS, bj(2026, 4, 16))
    assert (first.status, first.added_by, first.added_at, first.closing) == (
        ActionItemStatus.OPEN,
        "committee-1",
        AFTER,
        None,
    )
    ids_ = ("m-1", AFTER, Body.CONGRESS, (Body.CONGRESS, Body.DISCIPLINE))
    assert meeting.events == [
        ev.MinutesRecorded(*ids_, 1, 3, 1),
        ev.ActionItemAdded(*ids_, 1, Body.DISCIPLINE, DUE_ON),
        ev.ActionItemAdded(*ids_, 2, Body.CONGRESS, date(2026, 4, 15)),
    ]


def test_minutes_wait_for_the_meeting_time() -> None:
    meeting = convene()
    with pytest.raises(Conflict, match=r"^会议尚未到召开时间，不能记录会议纪要$"):
        meeting.record_minutes(CLERK, minutes(), HELD_AT - timedelta(microseconds=1))
    meeting.record_minutes(CLERK, minutes(decisions=()), HELD_AT)
    assert meeting.status is MS.HELD and meeting.minutes[0].decisions == ()


def test_a_meeting_entered_after_it_sat_takes_its_minutes_at_once() -> None:
    meeting = convene(held_at=CONVENED_AT - timedelta(days=1))
    meeting.record_minutes(CLERK, minutes(), CONVENED_AT)
    assert meeting.status is MS.HELD


BAD_MINUTES: list[tuple[str, dict[str, Any], list[str]]] = [
    ("no text", {"minutes": " "}, ["minutes"]),
    ("long text", {"minutes": "纪" * 20001}, ["minutes"]),
    ("nobody attended", {"attendees": ()}, ["attendees"]),
    ("a body absent", {"attendees": ATTENDEES[:1]}, ["attendees"]),
    ("an attendee of another body", {"attendees": (*ATTENDEES, AttendeeEntry("government", "陈主任"))},
     ["attendees[3].body"]),
    ("an attendee of no body", {"attendees": (AttendeeEntry("x", "某人"), *ATTENDEES)}, ["attendees[0].body"]),
    ("a nameless attendee", {"attendees": (*ATTENDEES, AttendeeEntry("congress", " "))}, ["attendees[3].name"]),
    ("a long name", {"attendees": (*ATTENDEES, AttendeeEntry("congress", "名" * 51))}, ["attendees[3].name"]),
    ("a long position", {"attendees": (*ATTENDEES, AttendeeEntry("congress", "刘", "职" * 51))},
     ["attendees[3].position"]),
    ("someone twice", {"attendees": (*ATTENDEES, AttendeeEntry("discipline", "赵组长", "组长"))},
     ["attendees[3].name"]),
    ("too many attendees", {"attendees": ATTENDEES * 67},
     ["attendees", *(f"attendees[{i}].name" for i in range(3, 201))]),
    ("an empty decision", {"decisions": (DECISION, "")}, ["decisions[1]"]),
    ("a long decision", {"decisions": ("决" * 2001,)}, ["decisions[0]"]),
    ("an item without title", {"action_items": (item(title=""),)}, ["action_items[0].title"]),
    ("an item of another body", {"action_items": (item(), item(owner="government"))},
     ["action_items[1].owner_body"]),
    ("an item without due date", {"action_items": (item(due_on=None),)}, ["action_items[0].due_on"]),
    ("an item due yesterday", {"action_items": (item(due_on=date(2026, 3, 9)),)}, ["action_items[0].due_on"]),
    ("an item due too late", {"action_items": (item(due_on=date(2029, 1, 1)),)}, ["action_items[0].due_on"]),
    ("too many items", {"action_items": (item(),) * (LIST_MAX + 1)}, ["action_items"]),
    ("everything", {"minutes": "", "attendees": (), "decisions": ("",), "action_items": (item("", "x", None),)},
     ["minutes", "attendees", "decisions[0]", "action_items[0].title", "action_items[0].owner_body",
      "action_items[0].due_on"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "fields", "named"), BAD_MINUTES, ids=[c for c, _, _ in BAD_MINUTES])
def test_bad_minutes_are_refused_per_field(case: str, fields: dict[str, Any], named: list[str]) -> None:
    meeting = convene()
    before = state_of(meeting)
    with pytest.raises(InvalidArgument, match=r"^会议纪要未通过校验$") as caught:
        meeting.record_minutes(CLERK, minutes(**fields), AFTER)
    assert problem_fields(caught) == named
    assert state_of(meeting) == before


def test_minutes_messages() -> None:
    meeting = convene(bodies=THREE)
    attendees = (*ATTENDEES[:1], AttendeeEntry("congress", "王秘书长"))
    due = (item(due_on=date(2026, 3, 9)), item(due_on=date(2029, 1, 1)), item(owner="court"))
    with pytest.raises(InvalidArgument) as caught:
        meeting.record_minutes(CLERK, minutes(attendees=attendees, action_items=due), AFTER)
    assert caught.value.details == [
        {"field": "attendees[1].name", "message": "出席人员“王秘书长”重复"},
        {"field": "attendees", "message": "纪委监委、市政府须至少有一名出席人员"},
        {"field": "action_items[0].due_on", "message": "办结期限不能早于今天"},
        {"field": "action_items[1].due_on", "message": "办结期限不能晚于 2028 年底"},
        {"field": "action_items[2].owner_body", "message": "责任机关须为参会机关之一"},
    ]


def test_an_item_may_be_due_the_same_day() -> None:
    meeting = held(item(due_on=date(2026, 3, 10)))
    assert meeting.action_items[0].due_at == bj(2026, 3, 11)


def test_amended_minutes_are_a_new_version_and_the_old_ones_stay() -> None:
    meeting = held()
    meeting.amend_minutes(LEADER, amendment(decisions=(DECISION, "下次会议听取进展")), AFTER + timedelta(days=1))
    first, second = meeting.minutes
    assert first.version == 1 and first.text == MINUTES
    assert (second.version, second.text, second.decisions, second.reason, second.by) == (
        2,
        "修订后的纪要",
        (DECISION, "下次会议听取进展"),
        "补充出席人员职务",
        "leader-1",
    )
    assert meeting.current_minutes is second
    [event] = meeting.events
    assert event == ev.MinutesAmended(
        "m-1", AFTER + timedelta(days=1), Body.CONGRESS, (Body.CONGRESS, Body.DISCIPLINE), 2, 3, 2
    )


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"reason": " "}, ["reason"]),
        ({"reason": "理" * 2001}, ["reason"]),
        ({"minutes": "", "attendees": ()}, ["minutes", "attendees"]),
        ({"minutes": "", "attendees": (), "reason": ""}, ["minutes", "attendees", "reason"]),
    ],
)
def test_bad_amendments_are_refused_per_field(fields: dict[str, Any], named: list[str]) -> None:
    meeting = held()
    before = state_of(meeting)
    with pytest.raises(InvalidArgument, match=r"^会议纪要未通过校验$") as caught:
        meeting.amend_minutes(CLERK, amendment(**fields), AFTER)
    assert problem_fields(caught) == named
    assert state_of(meeting) == before


# --- action items -------------------------------------------------------------------------------------------


def test_an_action_item_added_later_takes_the_next_number() -> None:
    meeting = held(item())
    added = meeting.add_action_item(CLERK, AddActionItem(item("报送台账", "congress", date(2026, 5, 1))), AFTER)
    assert (added.no, added.title, added.owner, added.due_at) == (2, "报送台账", Body.CONGRESS, bj(2026, 5, 2))
    assert meeting.action_items[1] == added
    [event] = meeting.events
    assert event == ev.ActionItemAdded(
        "m-1", AFTER, Body.CONGRESS, (Body.CONGRESS, Body.DISCIPLINE), 2, Body.CONGRESS, date(2026, 5, 1)
    )


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        (item(title=" "), ["item.title"]),
        (item(title="事" * 201), ["item.title"]),
        (item(owner="government"), ["item.owner_body"]),
        (item(owner=""), ["item.owner_body"]),
        (item(due_on=None), ["item.due_on"]),
        (item(due_on=date(2026, 3, 9)), ["item.due_on"]),
        (item("", "court", None), ["item.title", "item.owner_body", "item.due_on"]),
    ],
)
def test_bad_action_items_are_refused_per_field(entry: ActionItemEntry, named: list[str]) -> None:
    meeting = held()
    with pytest.raises(InvalidArgument, match=r"^督办事项未通过校验$") as caught:
        meeting.add_action_item(CLERK, AddActionItem(entry), AFTER)
    assert problem_fields(caught) == named
    assert meeting.action_items == [] and not meeting.events


def test_a_meeting_holds_a_limited_number_of_action_items() -> None:
    meeting = held(*(item(),) * LIST_MAX)
    with pytest.raises(InvalidArgument) as caught:
        meeting.add_action_item(CLERK, AddActionItem(item()), AFTER)
    assert caught.value.details == [{"field": "item", "message": f"督办事项不能超过 {LIST_MAX} 项"}]


def test_completing_an_action_item_records_how_and_whether_on_time() -> None:
    meeting = held(item(), item(due_on=date(2026, 3, 12)))
    meeting.complete_action_item(STATION, CompleteActionItem(1, " 已梳理线索12条 "), DUE_AT - timedelta(seconds=1))
    meeting.complete_action_item(STATION, CompleteActionItem(2, "已报送"), bj(2026, 3, 13))
    first, second = meeting.action_items
    assert first.closing is not None and (first.closing.note, first.closing.by_name) == (
        "已梳理线索12条",
        "station-1-name",
    )
    assert (first.on_time, second.on_time) == (True, False)
    assert [(e.no, e.on_time) for e in meeting.events if isinstance(e, ev.ActionItemCompleted)] == [
        (1, True),
        (2, False),
    ]


def test_cancelling_an_action_item_takes_a_reason() -> None:
    meeting = held(item())
    meeting.cancel_action_item(CLERK, CancelActionItem(1, "并入专项监督"), AFTER)
    [cancelled] = meeting.action_items
    assert cancelled.status is ActionItemStatus.CANCELLED and cancelled.on_time is None
    assert cancelled.closing is not None and cancelled.closing.note == "并入专项监督"
    [event] = meeting.events
    assert isinstance(event, ev.ActionItemCancelled) and event.no == 1


@pytest.mark.parametrize(
    ("step", "field"),
    [
        (lambda m: m.complete_action_item(COMMISSION, CompleteActionItem(1, " "), AFTER), "note"),
        (lambda m: m.complete_action_item(COMMISSION, CompleteActionItem(1, "办" * 2001), AFTER), "note"),
        (lambda m: m.cancel_action_item(CLERK, CancelActionItem(1, ""), AFTER), "reason"),
    ],
)
def test_an_action_item_ends_with_a_note(step: Callable[[Meeting], object], field: str) -> None:
    meeting = held(item())
    with pytest.raises(InvalidArgument) as caught:
        step(meeting)
    assert problem_fields(caught) == [field]
    assert meeting.action_items[0].status is ActionItemStatus.OPEN and not meeting.events


@pytest.mark.parametrize("no", [0, 2, -1])
def test_an_unknown_action_item_is_not_found(no: int) -> None:
    meeting = held(item())
    with pytest.raises(NotFound, match=r"^未找到该督办事项$"):
        meeting.complete_action_item(CLERK, CompleteActionItem(no, "已办理"), AFTER)
    with pytest.raises(NotFound):
        meeting.cancel_action_item(CLERK, CancelActionItem(no, "不需要"), AFTER)


@pytest.mark.parametrize(
    ("first", "then", "message"),
    [
        ("complete", "complete", "该督办事项已办结，不能办结"),
        ("complete", "cancel", "该督办事项已办结，不能撤销"),
        ("cancel", "complete", "该督办事项已撤销，不能办结"),
        ("cancel", "cancel", "该督办事项已撤销，不能撤销"),
    ],
)
def test_a_finished_action_item_stays_finished(first: str, then: str, message: str) -> None:
    meeting = held(item())
    steps = {
        "complete": lambda: meeting.complete_action_item(CLERK, CompleteActionItem(1, "已办理"), AFTER),
        "cancel": lambda: meeting.cancel_action_item(CLERK, CancelActionItem(1, "不需要"), AFTER),
    }
    steps[first]()
    before = state_of(meeting)
    with pytest.raises(Conflict) as caught:
        steps[then]()
    assert caught.value.message == message
    assert state_of(meeting) == before


def test_a_meeting_closes_once_no_action_item_is_open() -> None:
    meeting = held(item(), item(), item())
    meeting.complete_action_item(COMMISSION, CompleteActionItem(1, "已办理"), AFTER)
    with pytest.raises(Conflict, match=r"^尚有 2 项督办事项未办结，不能办结会议$"):
        meeting.close(CLERK, AFTER)
    meeting.cancel_action_item(CLERK, CancelActionItem(2, "不需要"), AFTER)
    meeting.complete_action_item(CLERK, CompleteActionItem(3, "已办理"), AFTER)
    meeting.events.clear()
    meeting.close(OTHER_CLERK, AFTER + timedelta(days=1))
    assert (meeting.status, meeting.closed_at) == (MS.CLOSED, AFTER + timedelta(days=1))
    [event] = meeting.events
    assert isinstance(event, ev.MeetingClosed) and (event.action_items, event.done) == (3, 2)


def test_a_meeting_without_action_items_closes_at_once() -> None:
    meeting = held()
    meeting.close(CLERK, AFTER)
    assert meeting.status is MS.CLOSED


def test_a_planned_meeting_is_cancelled_with_a_reason() -> None:
    meeting = convene()
    meeting.events.clear()
    with pytest.raises(InvalidArgument) as caught:
        meeting.cancel(CLERK, CancelMeeting(" "), AFTER)
    assert problem_fields(caught) == ["reason"] and meeting.status is MS.PLANNED
    meeting.cancel(CLERK, CancelMeeting("主要领导外出"), AFTER)
    assert meeting.status is MS.CANCELLED
    assert meeting.cancellation is not None and (meeting.cancellation.reason, meeting.cancellation.by) == (
        "主要领导外出",
        "clerk-1",
    )
    [event] = meeting.events
    assert isinstance(event, ev.MeetingCancelled)


# --- deadline notices, each once ----------------------------------------------------------------------------


def test_due_soon_then_overdue_each_exactly_once() -> None:
    meeting = held(item())
    assert meeting.next_check_at() == SOON
    assert meeting.raise_due_notices(SOON - timedelta(microseconds=1)) == []
    [soon] = meeting.raise_due_notices(SOON)
    assert soon == ev.ActionItemDueSoon(
        "m-1", SOON, Body.CONGRESS, (Body.CONGRESS, Body.DISCIPLINE), 1, Body.DISCIPLINE, DUE_ON, DUE_AT
    )
    assert meeting.raise_due_notices(SOON + timedelta(days=1)) == []
    assert meeting.next_check_at() == DUE_AT
    assert meeting.raise_due_notices(DUE_AT - timedelta(microseconds=1)) == []
    [late] = meeting.raise_due_notices(DUE_AT)
    assert isinstance(late, ev.ActionItemOverdue) and (late.no, late.due_at) == (1, DUE_AT)
    for later in (DUE_AT, DUE_AT + timedelta(days=1), DUE_AT + timedelta(days=90)):
        assert meeting.raise_due_notices(later) == []
    assert meeting.next_check_at() is None
    assert meeting.events == [soon, late]
    assert meeting.raised_notices == {"due_soon@1", "overdue@1"}


def test_a_first_look_after_the_deadline_raises_only_overdue() -> None:
    meeting = held(item())
    [late] = meeting.raise_due_notices(DUE_AT + timedelta(days=3))
    assert isinstance(late, ev.ActionItemOverdue)
    assert meeting.raise_due_notices(DUE_AT + timedelta(days=4)) == []
    assert meeting.raised_notices == {"overdue@1"}


@pytest.mark.parametrize("end", ["complete", "cancel"])
def test_no_notice_after_an_item_is_finished(end: str) -> None:
    meeting = held(item())
    meeting.raise_due_notices(SOON)
    if end == "complete":
        meeting.complete_action_item(COMMISSION, CompleteActionItem(1, "已办理"), SOON + timedelta(hours=1))
    else:
        meeting.cancel_action_item(CLERK, CancelActionItem(1, "不需要"), SOON + timedelta(hours=1))
    meeting.events.clear()
    assert meeting.next_check_at() is None
    assert meeting.raise_due_notices(DUE_AT + timedelta(days=1)) == []
    assert not meeting.events


def test_each_item_keeps_its_own_clock() -> None:
    meeting = held(item(), item("报送台账", "congress", date(2026, 3, 20)))
    early_due = bj(2026, 3, 21)
    assert meeting.next_check_at() == early_due - timedelta(days=3)
    [late_second] = meeting.raise_due_notices(early_due)
    assert (type(late_second), late_second.no) == (ev.ActionItemOverdue, 2)
    assert meeting.next_check_at() == SOON
    [soon_first] = meeting.raise_due_notices(DUE_AT - timedelta(hours=1))
    assert (type(soon_first), soon_first.no) == (ev.ActionItemDueSoon, 1)
    [late_first] = meeting.raise_due_notices(DUE_AT + timedelta(days=10))
    assert (type(late_first), late_first.no) == (ev.ActionItemOverdue, 1)
    assert meeting.next_check_at() is None


def test_both_items_are_told_in_one_look() -> None:
    meeting = held(item(), item(owner="congress"))
    raised = meeting.raise_due_notices(DUE_AT)
    assert [(type(e), e.no) for e in raised] == [(ev.ActionItemOverdue, 1), (ev.ActionItemOverdue, 2)]


# --- the proof: two action items, one done, one overdue -----------------------------------------------------


def test_a_meeting_with_one_action_item_done_and_one_overdue() -> None:
    meeting = convene(COMMISSION, bodies=("discipline", "congress"))
    meeting.record_minutes(
        STATION,
        minutes(
            action_items=(
                item("报送监督计划意见", "congress", date(2026, 3, 20)),
                item("梳理问题线索", "discipline", DUE_ON),
            )
        ),
        AFTER,
    )
    meeting.complete_action_item(CLERK, CompleteActionItem(1, "已报送"), bj(2026, 3, 18, 10))
    now = DUE_AT + timedelta(days=2)
    [overdue] = meeting.raise_due_notices(now)
    assert isinstance(overdue, ev.ActionItemOverdue) and (overdue.no, overdue.owner) == (2, Body.DISCIPLINE)
    assert meeting.raise_due_notices(now + timedelta(days=1)) == []
    view = meeting_view(meeting, CLERK)
    done, late = view.action_items
    assert (done.status_label, done.overdue, done.on_time, done.actions) == ("已办结", False, True, ())
    assert (late.status_label, late.overdue, late.on_time) == ("办理中", True, None)
    assert late.actions == ()  # the congress neither owns the item nor convened the meeting
    assert meeting_view(meeting, STATION).action_items[1].actions == (
        ActionItemAction.COMPLETE,
        ActionItemAction.CANCEL,
    )
    assert MA.CLOSE not in meeting_view(meeting, STATION).actions
    with pytest.raises(Conflict):
        meeting.close(STATION, now)
    names = [e.name for e in meeting.events]
    assert names == [
        "convened",
        "minutes_recorded",
        "action_item_added",
        "action_item_added",
        "action_item_completed",
        "action_item_overdue",
    ]


# --- who sees what ------------------------------------------------------------------------------------------

SEEN_BY = {
    ("congress", "discipline"): {*CONGRESS_STAFF, *DISCIPLINE_STAFF},
    THREE: {*CONGRESS_STAFF, *DISCIPLINE_STAFF, OFFICE},
    ("congress", "government"): {*CONGRESS_STAFF, OFFICE},
}
VIEW_CELLS = [(bodies, person) for bodies in SEEN_BY for person in EVERYONE]


@pytest.mark.parametrize(("bodies", "person"), VIEW_CELLS, ids=[f"{'+'.join(b)}-{p.subject}" for b, p in VIEW_CELLS])
def test_only_the_participating_bodies_see_a_meeting(bodies: tuple[str, ...], person: Principal) -> None:
    meeting = convene(bodies=bodies)
    if person in SEEN_BY[bodies]:
        assert meeting_access(person, meeting) is View.FULL
        view = meeting_view(meeting, person)
        assert (view.id, view.title, view.agenda) == ("m-1", "2026年第一次人大纪委联席会议", AGENDA)
        assert visible_meetings([meeting], person) == [meeting]
        return
    assert meeting_access(person, meeting) is (View.COUNTS if person is ADMIN else View.NONE)
    with pytest.raises(NotFound, match=r"^未找到该联席会议$"):
        meeting_view(meeting, person)
    assert visible_meetings([meeting], person) == []


def test_the_read_model() -> None:
    meeting = held(item(), bodies=THREE)
    meeting.amend_minutes(CLERK, amendment(attendees=(AttendeeEntry("government", "陈主任"), *ATTENDEES)), AFTER)
    view = meeting_view(meeting, COMMISSION)
    assert (view.convener, view.convener_label, view.bodies, view.body_labels) == (
        Body.CONGRESS,
        "人大常委会",
        (Body.DISCIPLINE, Body.CONGRESS, Body.GOVERNMENT),
        ("纪委监委", "人大常委会", "市政府"),
    )
    assert (view.status, view.status_label, view.access, view.actions) == (MS.HELD, "已召开", View.FULL, ())
    assert view.minutes is not None and view.minutes.version == 2 and len(view.minutes_history) == 2
    assert [(a.body, a.name) for a in view.attendees] == [
        (Body.DISCIPLINE, "李副书记"),
        (Body.DISCIPLINE, "赵组长"),
        (Body.CONGRESS, "王秘书长"),
        (Body.GOVERNMENT, "陈主任"),
    ]
    [action_item] = view.action_items
    assert (action_item.no, action_item.owner_label, action_item.due_on, action_item.due_at) == (
        1,
        "纪委监委",
        DUE_ON,
        DUE_AT,
    )
    assert (action_item.status, action_item.overdue, action_item.actions) == (
        ActionItemStatus.OPEN,
        False,
        (ActionItemAction.COMPLETE,),
    )
    assert meeting_view(meeting, OFFICE).action_items[0].actions == ()


@pytest.mark.parametrize(
    ("state", "person", "actions"),
    [
        (MS.PLANNED, CLERK, (MA.RECORD_MINUTES, MA.CANCEL)),
        (MS.PLANNED, COMMISSION, ()),
        (MS.HELD, LEADER, (MA.AMEND_MINUTES, MA.ADD_ACTION_ITEM)),  # an item is open: no close yet
        (MS.HELD, STATION, ()),
        (MS.CLOSED, CLERK, ()),
        (MS.CANCELLED, CLERK, ()),
    ],
    ids=lambda v: v.subject if isinstance(v, Principal) else str(v),
)
def test_the_actions_offered(state: MeetingStatus, person: Principal, actions: tuple[MeetingAction, ...]) -> None:
    assert meeting_view(meeting_in(state), person).actions == actions


def test_close_is_offered_once_every_item_is_finished() -> None:
    meeting = meeting_in(MS.HELD)
    meeting.complete_action_item(CLERK, CompleteActionItem(1, "已办理"), AFTER)
    assert meeting_view(meeting, CLERK).actions == (MA.AMEND_MINUTES, MA.ADD_ACTION_ITEM, MA.CLOSE)


def test_counts() -> None:
    meetings = [meeting_in(state) for state in (MS.PLANNED, MS.HELD, MS.HELD, MS.CANCELLED)]
    assert meeting_counts(meetings) == {MS.PLANNED: 1, MS.HELD: 2, MS.CLOSED: 0, MS.CANCELLED: 1}
    assert visible_meetings(meetings, ADMIN) == []


def test_a_meeting_is_stored_and_read_back_whole() -> None:
    meeting = held(item(), item(owner="government"), bodies=THREE)
    meeting.complete_action_item(OFFICE, CompleteActionItem(2, "已办理"), AFTER)
    meeting.amend_minutes(CLERK, amendment(attendees=ALL_THREE), AFTER)
    meeting.raise_due_notices(DUE_AT)
    adapter = TypeAdapter(Meeting)
    stored = adapter.dump_json(meeting, exclude={"events"})
    again = adapter.validate_json(stored)
    assert {**state_of(again), "events": []} == {**state_of(meeting), "events": []}
    assert again.bodies == (Body.DISCIPLINE, Body.CONGRESS, Body.GOVERNMENT) and again.next_check_at() is None


# --- events -------------------------------------------------------------------------------------------------


def the_whole_story() -> list[ev.MeetingEvent]:
    meeting = convene(bodies=THREE)
    items = (item(), item(owner="government"), item(owner="congress"))
    meeting.record_minutes(CLERK, minutes(attendees=ALL_THREE, action_items=items), AFTER)
    meeting.amend_minutes(CLERK, amendment(attendees=ALL_THREE), AFTER)
    meeting.add_action_item(CLERK, AddActionItem(item("补充材料")), AFTER)
    meeting.raise_due_notices(SOON)
    meeting.raise_due_notices(DUE_AT)
    meeting.complete_action_item(OFFICE, CompleteActionItem(2, "已办理"), DUE_AT)
    for no in (1, 3, 4):
        meeting.cancel_action_item(CLERK, CancelActionItem(no, "不需要"), DUE_AT)
    meeting.close(CLERK, DUE_AT)
    cancelled = convene()
    cancelled.cancel(CLERK, CancelMeeting("议题调整"), AFTER)
    return [*meeting.events, *cancelled.events]


EVENTS = the_whole_story()
ALL_TYPES = {cls for _, cls in inspect.getmembers(ev, inspect.isclass) if issubclass(cls, ev.MeetingEvent) and cls.name}
TEXTS = (MINUTES, DECISION, *AGENDA, ITEM_TITLE, "补充材料", "王秘书长", "秘书长", "李副书记", "陈主任", "修订后的纪要",
         "补充出席人员职务", "已办理", "不需要", "议题调整", "联席会议", "会议室", "clerk-1", "office-1")  # fmt: skip


def test_the_story_records_every_kind_of_event() -> None:
    assert {type(e) for e in EVENTS} == ALL_TYPES
    assert len(ALL_TYPES) == 10


def test_topics() -> None:
    assert len({cls.name for cls in ALL_TYPES}) == len(ALL_TYPES)
    assert {e.topic for e in EVENTS} == {f"wulian.consultation.meeting.{cls.name}" for cls in ALL_TYPES}
    assert all(e.aggregate_id == "m-1" for e in EVENTS)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_no_event_carries_text(event: ev.MeetingEvent) -> None:
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        plain = (str, bool, int, date, datetime, Enum)
        if isinstance(value, tuple):
            assert all(isinstance(v, Body) for v in value), (event.name, f.name)
            continue
        assert isinstance(value, plain), (event.name, f.name)
        if isinstance(value, str) and not isinstance(value, Enum):
            assert f.name == "meeting_id" and re.fullmatch(r"[A-Za-z0-9-]+", value), (event.name, f.name)
        assert not any(text in str(value) for text in TEXTS), (event.name, value)


def test_event_classes_declare_no_text_field() -> None:
    for cls in ALL_TYPES:
        for f in dataclasses.fields(cls):
            assert f.type != "str" or f.name == "meeting_id", (cls.name, f.name)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_events_reach_the_participating_bodies_only(event: ev.MeetingEvent) -> None:
    told = event.audience()
    assert len(told) == len(set(told))
    expected = {Body.CONGRESS: CONGRESS_ROLES, Body.DISCIPLINE: DISCIPLINE_ROLES, Body.GOVERNMENT: GOVERNMENT_ROLES}
    assert set(told) == set().union(*(expected[body] for body in event.bodies))
    for person in EVERYONE:
        reached = not person.audience_selectors().isdisjoint(told)
        assert reached is any(person in STAFF[body] for body in event.bodies), person.subject


STAFF = {Body.CONGRESS: CONGRESS_STAFF, Body.DISCIPLINE: DISCIPLINE_STAFF, Body.GOVERNMENT: (OFFICE,)}


def test_a_two_body_meeting_is_not_told_to_the_government() -> None:
    [event] = convene().events
    assert set(event.audience()) == CONGRESS_ROLES | DISCIPLINE_ROLES
    for person in (OFFICE, TRANSPORT, DEPUTY, COURT, PROCURATORATE, EXPERT, ADMIN):
        assert person.audience_selectors().isdisjoint(event.audience()), person.subject
