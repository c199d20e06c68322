"""Bulletins (通报): issuing to chosen bodies, every role's rights, acknowledgements of reading once per person,
withdrawal, who sees what — the sender every recipient's reading, a recipient its own, anyone else nothing —
and events that carry no text and reach the sender and the recipients only."""

from __future__ import annotations

import copy
import dataclasses
import inspect
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

import pytest
from pydantic import TypeAdapter

from services.consultation import bulletins as bl
from services.consultation.bulletin_views import (
    awaits_acknowledgement,
    bulletin_access,
    bulletin_counts,
    bulletin_view,
    visible_bulletins,
)
from services.consultation.bulletins import (
    BULLETIN_STATES,
    Acknowledgement,
    Bulletin,
    BulletinAction,
    BulletinKind,
    BulletinStatus,
    IssueBulletin,
    WithdrawBulletin,
)
from services.consultation.domain import Body, View
from tests.unit.consultation.staff import (
    ACTING_BODIES,
    ADMIN,
    CLERK,
    COMMISSION,
    COMMITTEE,
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

BS = BulletinStatus
ISSUED_AT = bj(2026, 4, 1, 9)
LATER = ISSUED_AT + timedelta(hours=3)
TITLE = "关于开展群众身边不正之风和腐败问题专项治理的通报"
TEXT = "市纪委监委将于4月至6月开展专项治理，重点整治涉企清欠、保证金清理等问题。"


def issue(person: Principal = COMMISSION, *, bulletin_id: str = "b-1", **fields: Any) -> Bulletin:
    values: dict[str, Any] = {"kind": "special_campaign", "title": TITLE, "text": TEXT, "recipients": ("congress",)}
    return Bulletin.create(bulletin_id, person, IssueBulletin(**{**values, **fields}), ISSUED_AT)


def state_of(bulletin: Bulletin) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(bulletin, name)) for name in Bulletin.__dataclass_fields__}


def problem_fields(caught: pytest.ExceptionInfo[InvalidArgument]) -> list[str]:
    return [d["field"] for d in caught.value.details]


# --- issuing ------------------------------------------------------------------------------------------------


def test_a_body_issues_a_bulletin_to_the_bodies_it_chooses() -> None:
    bulletin = issue(recipients=("congress", "government"))
    assert (bulletin.id, bulletin.sender, bulletin.kind, bulletin.title, bulletin.text) == (
        "b-1",
        Body.DISCIPLINE,
        BulletinKind.SPECIAL_CAMPAIGN,
        TITLE,
        TEXT,
    )
    assert bulletin.recipients == (Body.CONGRESS, Body.GOVERNMENT)
    assert (bulletin.issued_by, bulletin.issued_by_name, bulletin.issued_at) == (
        "commission-1",
        "commission-1-name",
        ISSUED_AT,
    )
    assert (bulletin.status, bulletin.acknowledgements, bulletin.withdrawal) == (BS.ISSUED, [], None)
    [event] = bulletin.events
    assert event == bl.BulletinIssued(
        "b-1", ISSUED_AT, Body.DISCIPLINE, (Body.CONGRESS, Body.GOVERNMENT), BulletinKind.SPECIAL_CAMPAIGN
    )


@pytest.mark.parametrize("kind", list(BulletinKind))
def test_every_kind_of_bulletin(kind: BulletinKind) -> None:
    assert issue(kind=kind.value).kind is kind


@pytest.mark.parametrize(("person", "body"), ACTING_BODIES, ids=[p.subject for p, _ in ACTING_BODIES])
def test_each_body_issues_in_its_own_name(person: Principal, body: Body) -> None:
    others = tuple(b.value for b in Body if b is not body)
    bulletin = issue(person, recipients=others)
    assert bulletin.sender is body and body not in bulletin.recipients


@pytest.mark.parametrize("person", NO_BODY, ids=ids)
def test_who_acts_for_no_body_issues_nothing(person: Principal) -> None:
    with pytest.raises(PermissionDenied, match=r"^只有人大常委会、纪委监委或市政府政务督查室的工作人员可以发出通报$"):
        issue(person)


BAD_BULLETINS: list[tuple[str, dict[str, Any], list[str]]] = [
    ("unknown kind", {"kind": "gossip"}, ["kind"]),
    ("no kind", {"kind": ""}, ["kind"]),
    ("no title", {"title": " "}, ["title"]),
    ("long title", {"title": "通" * 201}, ["title"]),
    ("no text", {"text": ""}, ["text"]),
    ("long text", {"text": "报" * 20001}, ["text"]),
    ("no recipient", {"recipients": ()}, ["recipients"]),
    ("to itself", {"recipients": ("congress", "discipline")}, ["recipients"]),
    ("unknown recipient", {"recipients": ("congress", "court")}, ["recipients[1]"]),
    ("a recipient twice", {"recipients": ("congress", "congress")}, ["recipients[1]"]),
    ("everything", {"kind": "x", "title": "", "text": "", "recipients": ()}, ["kind", "title", "text", "recipients"]),
]


@pytest.mark.parametrize(("case", "fields", "named"), BAD_BULLETINS, ids=[c for c, _, _ in BAD_BULLETINS])
def test_bad_bulletins_are_refused_per_field(case: str, fields: dict[str, Any], named: list[str]) -> None:
    with pytest.raises(InvalidArgument, match=r"^通报未通过校验$") as caught:
        issue(**fields)
    assert problem_fields(caught) == named


def test_bulletin_messages() -> None:
    with pytest.raises(InvalidArgument) as caught:
        issue(kind="x", recipients=("discipline", "congress", "congress"))
    assert caught.value.details == [
        {"field": "kind", "message": "通报类别不在可选范围内"},
        {"field": "recipients[2]", "message": "接收机关“人大常委会”重复"},
        {"field": "recipients", "message": "接收机关不能是本机关（纪委监委）"},
    ]
    with pytest.raises(InvalidArgument) as caught:
        issue(recipients=())
    assert caught.value.details == [{"field": "recipients", "message": "请选择接收通报的机关"}]


# --- acknowledging ------------------------------------------------------------------------------------------


def test_a_recipient_acknowledges_reading() -> None:
    bulletin = issue(recipients=("congress", "government"))
    bulletin.events.clear()
    ack = bulletin.acknowledge(CLERK, LATER)
    assert ack == Acknowledgement("clerk-1", "clerk-1-name", Body.CONGRESS, LATER)
    assert bulletin.acknowledgements == [ack]
    [event] = bulletin.events
    assert event == bl.BulletinAcknowledged(
        "b-1", LATER, Body.DISCIPLINE, (Body.CONGRESS, Body.GOVERNMENT), Body.CONGRESS, True
    )
    assert set(event.audience()) == DISCIPLINE_ROLES | CONGRESS_ROLES  # not the government


def test_a_second_acknowledgement_of_the_same_person_changes_nothing() -> None:
    bulletin = issue()
    first = bulletin.acknowledge(CLERK, LATER)
    bulletin.events.clear()
    before = state_of(bulletin)
    again = bulletin.acknowledge(CLERK, LATER + timedelta(days=1))
    assert again == first and again.at == LATER
    assert state_of(bulletin) == before and bulletin.events == []


def test_each_person_of_a_body_acknowledges_once_and_the_first_is_known() -> None:
    bulletin = issue()
    bulletin.events.clear()
    for step, person in enumerate((CLERK, LEADER, CLERK, COMMITTEE)):
        bulletin.acknowledge(person, LATER + timedelta(minutes=step))
    assert [a.subject for a in bulletin.acknowledgements] == ["clerk-1", "leader-1", "committee-1"]
    assert [e.first_of_body for e in bulletin.events if isinstance(e, bl.BulletinAcknowledged)] == [True, False, False]


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_recipients_acknowledge(person: Principal) -> None:
    bulletin = issue(recipients=("congress",))
    bulletin.events.clear()
    if person in CONGRESS_STAFF:
        assert bulletin.acknowledge(person, LATER).body is Body.CONGRESS
        return
    with pytest.raises(PermissionDenied, match=r"^只有接收通报的机关可以签阅$"):
        bulletin.acknowledge(person, LATER)
    assert bulletin.acknowledgements == [] and bulletin.events == []


# --- withdrawing --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("person", EVERYONE, ids=ids)
def test_only_the_sender_withdraws(person: Principal) -> None:
    bulletin = issue()
    bulletin.events.clear()
    if person in DISCIPLINE_STAFF:
        bulletin.withdraw(person, WithdrawBulletin("内容有误，另行通报"), LATER)
        assert bulletin.status is BS.WITHDRAWN
        assert bulletin.withdrawal == bl.Withdrawal("内容有误，另行通报", person.subject, person.name, LATER)
        [event] = bulletin.events
        assert event == bl.BulletinWithdrawn("b-1", LATER, Body.DISCIPLINE, (Body.CONGRESS,))
        return
    with pytest.raises(PermissionDenied, match=r"^只有发出通报的纪委监委可以撤回$"):
        bulletin.withdraw(person, WithdrawBulletin("内容有误"), LATER)
    assert bulletin.status is BS.ISSUED and bulletin.events == []


@pytest.mark.parametrize("reason", ["", "  ", "理" * 2001])
def test_a_withdrawal_takes_a_reason(reason: str) -> None:
    bulletin = issue()
    with pytest.raises(InvalidArgument) as caught:
        bulletin.withdraw(COMMISSION, WithdrawBulletin(reason), LATER)
    assert problem_fields(caught) == ["reason"] and bulletin.status is BS.ISSUED


def test_the_state_table_is_the_documented_one() -> None:
    assert dict(BULLETIN_STATES.allowed) == {
        BulletinAction.ACKNOWLEDGE: frozenset({BS.ISSUED}),
        BulletinAction.WITHDRAW: frozenset({BS.ISSUED}),
    }


@pytest.mark.parametrize(
    ("step", "message"),
    [
        (lambda b: b.acknowledge(CLERK, LATER), "该通报已撤回，不能签阅"),
        (lambda b: b.withdraw(COMMISSION, WithdrawBulletin("再次撤回"), LATER), "该通报已撤回，不能撤回"),
        (lambda b: b.acknowledge(OFFICE, LATER), "该通报已撤回，不能签阅"),  # the state is checked first
    ],
)
def test_a_withdrawn_bulletin_takes_nothing_more(step: Any, message: str) -> None:
    bulletin = issue()
    bulletin.withdraw(STATION, WithdrawBulletin("内容有误"), LATER)
    before = state_of(bulletin)
    with pytest.raises(Conflict) as caught:
        step(bulletin)
    assert caught.value.message == message
    assert state_of(bulletin) == before


# --- who sees what ------------------------------------------------------------------------------------------

CASES: dict[str, tuple[Principal, tuple[str, ...], set[Principal], set[Principal]]] = {
    "discipline-to-congress": (COMMISSION, ("congress",), {*DISCIPLINE_STAFF}, {*CONGRESS_STAFF}),
    "congress-to-two": (CLERK, ("discipline", "government"), {*CONGRESS_STAFF}, {*DISCIPLINE_STAFF, OFFICE}),
    "government-to-discipline": (OFFICE, ("discipline",), {OFFICE}, {*DISCIPLINE_STAFF}),
}
VIEW_CELLS = [(case, person) for case in CASES for person in EVERYONE]


@pytest.mark.parametrize(("case", "person"), VIEW_CELLS, ids=[f"{c}-{p.subject}" for c, p in VIEW_CELLS])
def test_who_sees_a_bulletin(case: str, person: Principal) -> None:
    sender, recipients, senders, readers = CASES[case]
    bulletin = issue(sender, recipients=recipients)
    expected = View.FULL if person in senders else View.LIMITED if person in readers else View.NONE
    if person is ADMIN:
        expected = View.COUNTS
    assert bulletin_access(person, bulletin) is expected
    if expected >= View.LIMITED:
        view = bulletin_view(bulletin, person)
        assert (view.title, view.text, view.access) == (TITLE, TEXT, expected)
        assert visible_bulletins([bulletin], person) == [bulletin]
    else:
        with pytest.raises(NotFound, match=r"^未找到该通报$"):
            bulletin_view(bulletin, person)
        assert visible_bulletins([bulletin], person) == []


def test_a_bulletin_read_by_its_recipients_and_invisible_to_others() -> None:
    bulletin = issue(CLERK, kind="inspection_tour", recipients=("discipline",))
    bulletin.acknowledge(STATION, LATER)
    bulletin.acknowledge(COMMISSION, LATER + timedelta(hours=1))
    sent = bulletin_view(bulletin, COMMITTEE)
    [reading] = sent.readings
    assert (reading.body, reading.body_label, reading.read) == (Body.DISCIPLINE, "纪委监委", True)
    assert (reading.first_reader_name, reading.first_read_at) == ("station-1-name", LATER)
    assert [a.subject for a in reading.readers] == ["station-1", "commission-1"]
    for recipient in DISCIPLINE_STAFF:
        assert bulletin_view(bulletin, recipient).text == TEXT
        assert not awaits_acknowledgement(bulletin, recipient)
    for other in (OFFICE, *NO_BODY):
        with pytest.raises(NotFound):
            bulletin_view(bulletin, other)
        with pytest.raises(PermissionDenied):
            bulletin.acknowledge(other, LATER)


def test_the_sender_sees_every_recipient_and_a_recipient_only_itself() -> None:
    bulletin = issue(recipients=("congress", "government"))
    bulletin.acknowledge(LEADER, LATER)
    sent = bulletin_view(bulletin, STATION)
    assert [(r.body, r.read, r.first_reader_name) for r in sent.readings] == [
        (Body.CONGRESS, True, "leader-1-name"),
        (Body.GOVERNMENT, False, ""),
    ]
    assert sent.readings[1].first_read_at is None and sent.readings[1].readers == ()
    assert (sent.acknowledgement, sent.actions, sent.access) == (None, (BulletinAction.WITHDRAW,), View.FULL)
    assert (sent.sender_label, sent.kind_label, sent.status_label) == ("纪委监委", "专项整治", "已通报")
    assert sent.recipient_labels == ("人大常委会", "市政府")
    office = bulletin_view(bulletin, OFFICE)
    assert [(r.body, r.read) for r in office.readings] == [(Body.GOVERNMENT, False)]  # not the congress's reading
    assert (office.acknowledgement, office.actions, office.access) == (
        None,
        (BulletinAction.ACKNOWLEDGE,),
        View.LIMITED,
    )
    assert office.recipients == (Body.CONGRESS, Body.GOVERNMENT)  # whom it went to is no secret among them
    leader = bulletin_view(bulletin, LEADER)
    assert leader.acknowledgement is not None and leader.acknowledgement.at == LATER and leader.actions == ()
    clerk = bulletin_view(bulletin, CLERK)
    assert [r.first_reader_name for r in clerk.readings] == ["leader-1-name"] and clerk.acknowledgement is None
    assert clerk.actions == (BulletinAction.ACKNOWLEDGE,)


def test_a_withdrawn_bulletin_keeps_its_text_from_the_recipients() -> None:
    bulletin = issue()
    bulletin.acknowledge(CLERK, LATER)
    bulletin.withdraw(COMMISSION, WithdrawBulletin("内容有误，另行通报"), LATER)
    received = bulletin_view(bulletin, CLERK)
    assert (received.text, received.title, received.status_label, received.actions) == ("", TITLE, "已撤回", ())
    assert received.withdrawal is not None and received.withdrawal.reason == "内容有误，另行通报"
    sent = bulletin_view(bulletin, STATION)
    assert (sent.text, sent.actions) == (TEXT, ())
    assert not awaits_acknowledgement(bulletin, COMMITTEE)


def test_what_awaits_acknowledgement() -> None:
    bulletin = issue(recipients=("congress", "government"))
    bulletin.acknowledge(CLERK, LATER)
    waiting = {person for person in EVERYONE if awaits_acknowledgement(bulletin, person)}
    assert waiting == {person for person in (*CONGRESS_STAFF, OFFICE) if person is not CLERK}


def test_lists_and_counts() -> None:
    to_congress = issue()
    to_government = issue(bulletin_id="b-2", recipients=("government",))
    withdrawn = issue(CLERK, bulletin_id="b-3", recipients=("government",))
    withdrawn.withdraw(CLERK, WithdrawBulletin("重复发送"), LATER)
    everything = [to_congress, to_government, withdrawn]
    assert visible_bulletins(everything, LEADER) == [to_congress, withdrawn]
    assert visible_bulletins(everything, OFFICE) == [to_government, withdrawn]
    assert visible_bulletins(everything, STATION) == [to_congress, to_government]
    assert visible_bulletins(everything, ADMIN) == []
    assert bulletin_counts(everything) == {BS.ISSUED: 2, BS.WITHDRAWN: 1}


def test_a_bulletin_is_stored_and_read_back_whole() -> None:
    bulletin = issue(recipients=("congress", "government"))
    bulletin.acknowledge(CLERK, LATER)
    bulletin.withdraw(COMMISSION, WithdrawBulletin("内容有误"), LATER)
    adapter = TypeAdapter(Bulletin)
    again = adapter.validate_json(adapter.dump_json(bulletin, exclude={"events"}))
    assert {**state_of(again), "events": []} == {**state_of(bulletin), "events": []}


# --- events -------------------------------------------------------------------------------------------------


def the_whole_story() -> list[bl.BulletinEvent]:
    bulletin = issue(recipients=("congress", "government"))
    bulletin.acknowledge(CLERK, LATER)
    bulletin.acknowledge(OFFICE, LATER)
    bulletin.acknowledge(LEADER, LATER)
    bulletin.withdraw(COMMISSION, WithdrawBulletin("内容有误"), LATER)
    return bulletin.events


EVENTS = the_whole_story()
ALL_TYPES = {
    cls for _, cls in inspect.getmembers(bl, inspect.isclass) if issubclass(cls, bl.BulletinEvent) and cls.name
}
ROLES = {Body.CONGRESS: CONGRESS_ROLES, Body.DISCIPLINE: DISCIPLINE_ROLES, Body.GOVERNMENT: GOVERNMENT_ROLES}


def test_the_story_records_every_kind_of_event() -> None:
    assert {type(e) for e in EVENTS} == ALL_TYPES and len(ALL_TYPES) == 3
    assert [e.topic for e in EVENTS] == [
        "wulian.consultation.bulletin.issued",
        *["wulian.consultation.bulletin.acknowledged"] * 3,
        "wulian.consultation.bulletin.withdrawn",
    ]
    assert all(e.aggregate_id == "b-1" for e in EVENTS)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_no_event_carries_text(event: bl.BulletinEvent) -> None:
    for f in dataclasses.fields(event):
        value = getattr(event, f.name)
        if isinstance(value, tuple):
            assert all(isinstance(v, Body) for v in value), (event.name, f.name)
        elif isinstance(value, str) and not isinstance(value, Enum):
            assert f.name == "bulletin_id", (event.name, f.name)
        else:
            assert isinstance(value, bool | datetime | Enum), (event.name, f.name)
        for text in (TITLE, TEXT, "内容有误", "clerk-1", "commission-1", "专项治理"):
            assert text not in str(value), (event.name, f.name)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.name)
def test_events_reach_the_sender_and_the_recipients_only(event: bl.BulletinEvent) -> None:
    told = event.audience()
    assert len(told) == len(set(told))
    bodies = (
        (event.sender, event.body) if isinstance(event, bl.BulletinAcknowledged) else (event.sender, *event.recipients)
    )
    assert set(told) == set().union(*(ROLES[body] for body in bodies))
    for person in NO_BODY:
        assert person.audience_selectors().isdisjoint(told), person.subject


def test_a_bulletin_to_one_body_is_not_told_to_the_other() -> None:
    [event] = issue(recipients=("congress",)).events
    assert set(event.audience()) == DISCIPLINE_ROLES | CONGRESS_ROLES
    assert OFFICE.audience_selectors().isdisjoint(event.audience())
