"""Who is told of each event — and that no event carries a clue's contents."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from enum import Enum

import pytest

from services.clues import commands
from services.clues import events as ev
from services.clues.domain import View
from services.clues.model import Clue
from tests.unit.clues import builders as b
from wulian.kit.principal import Principal

KINDS = ("escalation", "manual", "case_review")
DISCIPLINE = {"role:discipline_commission", "role:discipline_station"}
COMMISSION = {"role:discipline_commission"}


def life(kind: str, *, decline: bool = False) -> tuple[Clue, list[ev.Event]]:
    """A clue through its whole life, late at every step, with every event it records."""
    clue = b.transferred(kind)
    clue.raise_due_deadlines(b.ACK_DUE)
    clue.acknowledge(b.COMMISSION, b.ACK_DUE + timedelta(hours=1))
    if decline:
        clue.decline(
            b.COMMISSION, commands.DeclineClue("不属于本机关管辖，已转有关部门"), b.ACK_DUE + timedelta(hours=2)
        )
        return clue, list(clue.events)
    accepted_at = b.ACK_DUE + timedelta(hours=2)
    clue.accept(b.COMMISSION, commands.AcceptClue("线索具体，可查性强"), accepted_at)
    clue.record_disposition(b.COMMISSION, b.disposition_command(), accepted_at + timedelta(days=1))
    clue.record_disposition(
        b.COMMISSION, commands.RecordDisposition("case_filed", "经初核，决定立案"), accepted_at + timedelta(days=2)
    )
    assert clue.acceptance is not None
    due = clue.acceptance.feedback_due_at
    clue.raise_due_deadlines(due - timedelta(days=3))
    clue.raise_due_deadlines(due)
    clue.give_feedback(b.COMMISSION, commands.GiveFeedback(b.FEEDBACK_TEXT), due + timedelta(days=1))
    return clue, list(clue.events)


def told(event: ev.Event) -> set[str]:
    return set(event.audience())


def reaches(event: ev.Event, person: Principal) -> bool:
    return not person.audience_selectors().isdisjoint(event.audience())


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("escalation", {"subject:clerk-1", "role:congress_clerk"}),
        ("manual", {"subject:clerk-1", "role:congress_clerk"}),
        ("case_review", {"subject:committee-1", "role:congress_committee"}),
    ],
)
def test_audiences_of_the_workflow(kind: str, body: set[str]) -> None:
    _, events = life(kind)
    discipline = DISCIPLINE if kind != "case_review" else COMMISSION
    assert [(e.name, told(e)) for e in events] == [
        ("transferred", discipline),
        ("acknowledge_overdue", COMMISSION),
        ("acknowledged", body),
        ("accepted", body),
        ("disposition_recorded", discipline),
        ("disposition_recorded", discipline),
        ("feedback_due_soon", COMMISSION),
        ("feedback_overdue", COMMISSION),
        ("feedback_given", body),
    ]


def test_a_decline_is_told_to_the_transferring_body() -> None:
    _, events = life("escalation", decline=True)
    assert (events[-1].name, told(events[-1])) == ("declined", {"subject:clerk-1", "role:congress_clerk"})


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("decline", [False, True])
def test_whoever_an_event_reaches_may_read_the_clue(kind: str, decline: bool) -> None:
    clue, events = life(kind, decline=decline)
    for event in events:
        for person in b.EVERYONE:
            if reaches(event, person):
                assert clue.view_for(person) >= View.STATUS, (event.name, person.subject)


def test_the_answers_reach_the_official_and_their_colleagues_and_nobody_outside() -> None:
    _, events = life("escalation")
    feedback = events[-1]
    assert {p.subject for p in b.EVERYONE if reaches(feedback, p)} == {"clerk-1", "clerk-2"}
    transferred = events[0]
    assert {p.subject for p in b.EVERYONE if reaches(transferred, p)} == {"commission-1", "commission-2", "station-1"}


# --- no contents in events -----------------------------------------------------------------------------

SECRETS = [
    b.SUMMARY,
    b.DETAILS,
    b.SUBJECT_NAME,
    "李某某",  # the case-review clue's subject
    "市交通运输局",
    "市中级人民法院",
    "副局长",
    "审判员",
    "联络员甲",  # the official's name: events carry ids
    b.HASH_A,
    b.HASH_B,
    "线索具体，可查性强",  # acceptance note
    b.disposition_command().note,
    "经初核，决定立案",
    "不属于本机关管辖，已转有关部门",  # decline reason
    b.FEEDBACK_TEXT,
]


def fragments(secret: str, size: int = 4) -> set[str]:
    """Every run of ``size`` characters of a secret, so that a truncated copy is caught too."""
    return {secret[i : i + size] for i in range(max(1, len(secret) - size + 1))}


def field_values(event: ev.Event) -> list[object]:
    return [getattr(event, f.name) for f in dataclasses.fields(event)]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("decline", [False, True])
def test_no_event_field_carries_contents(kind: str, decline: bool) -> None:
    _, events = life(kind, decline=decline)
    for event in events:
        for value in field_values(event):
            text = str(value)
            for secret in SECRETS:
                assert text != secret and secret not in text, (event.name, secret)
                hex_secret = all(c in "0123456789abcdef" for c in secret)
                if not hex_secret:
                    assert not any(piece in text for piece in fragments(secret)), (event.name, secret)


@pytest.mark.parametrize("kind", KINDS)
def test_event_fields_are_ids_kinds_flags_numbers_and_dates(kind: str) -> None:
    _, events = life(kind)
    for event in events:
        for value in field_values(event):
            assert isinstance(value, (str, int, bool, datetime, Enum)), (event.name, value)
            if isinstance(value, str) and not isinstance(value, Enum):
                assert value.isascii(), (event.name, value)  # ids and references are ASCII, prose is not


def test_event_names_are_unique_and_every_event_has_an_audience() -> None:
    kinds: list[type[ev.Event]] = [
        ev.ClueTransferred, ev.ClueAcknowledged, ev.ClueAccepted, ev.ClueDeclined, ev.FeedbackGiven,
        ev.DispositionRecorded, ev.AcknowledgeOverdue, ev.FeedbackDueSoon, ev.FeedbackOverdue,
    ]  # fmt: skip
    names = [k.name for k in kinds]
    assert len(set(names)) == len(names) and all(names)


def test_events_record_facts_the_transferring_body_needs() -> None:
    clue, events = life("escalation")
    transferred = events[0]
    assert isinstance(transferred, ev.ClueTransferred)
    assert (transferred.clue_id, transferred.source_ref, transferred.acknowledge_due_at) == (
        "c-1",
        b.ESCALATION_REF,
        b.ACK_DUE,
    )
    acknowledged = events[2]
    assert isinstance(acknowledged, ev.ClueAcknowledged) and acknowledged.on_time is False
    accepted = events[3]
    assert isinstance(accepted, ev.ClueAccepted) and clue.acceptance is not None
    assert accepted.feedback_due_at == clue.acceptance.feedback_due_at
    dispositions = [e for e in events if isinstance(e, ev.DispositionRecorded)]
    assert [d.disposition_no for d in dispositions] == [1, 2]
    assert all(e.occurred_at.utcoffset() == timedelta(0) for e in events)


def test_transitions_record_exactly_one_event_each() -> None:
    clue = b.transferred()
    assert len(clue.events) == 1
    for step in (
        lambda: clue.acknowledge(b.COMMISSION, b.ACKNOWLEDGED_AT),
        lambda: clue.accept(b.COMMISSION, commands.AcceptClue(), b.ACCEPTED_AT),
        lambda: clue.record_disposition(b.COMMISSION, b.disposition_command(), b.DISPOSED_AT),
        lambda: clue.give_feedback(b.COMMISSION, commands.GiveFeedback("已了结"), b.FEEDBACK_AT),
    ):
        before = len(clue.events)
        step()
        assert len(clue.events) == before + 1
