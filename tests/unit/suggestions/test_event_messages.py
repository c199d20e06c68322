"""Every domain event becomes its protobuf message on its subject, with nothing lost on the way."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from google.protobuf.message import Message

from services.suggestions import events as ev
from services.suggestions.domain import ClueTransferState, EscalationReason, ReplyResult, Satisfaction
from services.suggestions.event_messages import SUBJECT_PREFIX, SYSTEM, to_message, to_outbox_rows
from tests.unit.suggestions.builders import CONFIRMED_AT, DEPUTY, OFFICE, REPLY_DUE, T0
from wulian.kit.events.envelope import decode
from wulian.suggestions.v1 import events_pb2

DUE = T0 + timedelta(days=2, hours=7)
SAMPLES: dict[type[ev.Event], ev.Event] = {
    e.__class__: e
    for e in [
        ev.DraftCreated("s-1", T0, "deputy-1", "liaison-1"),
        ev.DraftEdited("s-1", T0, "deputy-1"),
        ev.SuggestionSubmitted("s-1", T0, "2026-0001", "修缮学府路", "transport", "deputy-1", ("deputy-2", "deputy-3")),
        ev.CosignerAdded("s-1", T0, "deputy-1", "deputy-2"),
        ev.AssignmentProposed("s-1", T0, "transport", ("housing", "water"), True),
        ev.AssignmentSentBack("s-1", T0, "主办单位不对", "clerk-1"),
        ev.AssignmentConfirmed("s-1", CONFIRMED_AT, "deputy-1", "transport", ("housing",), True, DUE, REPLY_DUE),
        ev.ContactRecorded("s-1", T0, "transport", "deputy-1", True),
        ev.CoUnitOpinionGiven("s-1", T0, "housing", "transport"),
        ev.SuggestionReplied("s-1", T0, "transport", ReplyResult.PLANNED, 2, True, "deputy-1", ("deputy-2",)),
        ev.SuggestionEvaluated("s-1", T0, "transport", ("housing",), Satisfaction.DISSATISFIED, 1, False, DUE),
        ev.ReturnVisitRecorded("s-1", T0, "transport"),
        ev.SuggestionEscalated(
            "s-1",
            T0,
            3,
            (EscalationReason.OVERDUE, EscalationReason.SUSPECTED_VIOLATION),
            ClueTransferState.PENDING,
        ),
        ev.EscalationResponded("s-1", T0, 3, "leader-1"),
        ev.ClueTransferred("s-1", T0, 3, "clue-9"),
        ev.ContactOverdue("s-1", T0, "transport", DUE),
        ev.ReplyDueSoon("s-1", T0, "transport", 2, DUE),
        ev.ReplyOverdue("s-1", T0, "transport", 2, DUE),
    ]
}
WITH_NONE = [
    ev.SuggestionEvaluated("s-1", T0, "transport", ("housing",), Satisfaction.SATISFIED, 1, True, None),
    ev.SuggestionEscalated("s-1", T0, 1, (EscalationReason.CONCENTRATED,), None),
]
# dataclass(slots=True) replaces each class, and the replaced one lingers in __subclasses__() until
# collected: keep the classes events.py names.
EVENT_CLASSES = [c for c in ev.Event.__subclasses__() if getattr(ev, c.__name__, None) is c]


def sample(event_class: type[ev.Event]) -> ev.Event:
    assert event_class in SAMPLES, f"add a sample {event_class.__name__} to this test"
    return SAMPLES[event_class]


def body_fields(event: ev.Event) -> list[dataclasses.Field[object]]:
    return [f for f in dataclasses.fields(event) if f.name not in {"suggestion_id", "occurred_at"}]


def assert_round_trips(event: ev.Event, message: Message) -> None:
    for field in body_fields(event):
        value, carried = getattr(event, field.name), getattr(message, field.name)
        if value is None and isinstance(carried, Message):
            assert not message.HasField(field.name), field.name
        elif value is None:
            assert carried == "", field.name
        elif isinstance(value, datetime):
            assert message.HasField(field.name), field.name
            assert carried.ToDatetime(tzinfo=UTC) == value, field.name
        elif isinstance(value, tuple):
            assert list(carried) == list(value), field.name
        else:
            assert carried == value, field.name


@pytest.mark.parametrize("event_class", EVENT_CLASSES, ids=lambda c: c.__name__)
def test_every_event_becomes_its_message_on_its_subject(event_class: type[ev.Event]) -> None:
    event = sample(event_class)
    subject, message = to_message(event, actor=DEPUTY, request_id="req-1")

    assert subject == f"wulian.suggestions.suggestion.{event_class.name}"
    assert type(message) is getattr(events_pb2, event_class.__name__)
    meta = message.meta  # type: ignore[attr-defined]
    assert meta.event_id
    assert meta.aggregate_type == "suggestion"
    assert meta.aggregate_id == event.suggestion_id
    assert meta.occurred_at.ToDatetime(tzinfo=UTC) == event.occurred_at
    assert meta.actor.subject == DEPUTY.subject
    assert meta.request_id == "req-1"
    assert list(meta.audience) == sorted(set(event.audience()))
    assert message.suggestion_id == event.suggestion_id  # type: ignore[attr-defined]
    assert_round_trips(event, message)


@pytest.mark.parametrize("event", WITH_NONE, ids=lambda e: type(e).__name__)
def test_a_field_that_is_none_is_left_unset(event: ev.Event) -> None:
    _, message = to_message(event, actor=DEPUTY)

    assert_round_trips(event, message)


@pytest.mark.parametrize("event_class", EVENT_CLASSES, ids=lambda c: c.__name__)
def test_message_fields_are_the_event_fields_and_meta(event_class: type[ev.Event]) -> None:
    message_class = getattr(events_pb2, event_class.__name__)
    event_fields = {f.name for f in dataclasses.fields(event_class)} - {"occurred_at"}

    assert set(message_class.DESCRIPTOR.fields_by_name) == event_fields | {"meta"}


def test_every_message_has_its_event() -> None:
    messages = set(events_pb2.DESCRIPTOR.message_types_by_name)

    assert messages == {c.__name__ for c in EVENT_CLASSES}


def test_subjects_are_distinct() -> None:
    subjects = [SUBJECT_PREFIX + c.name for c in EVENT_CLASSES]

    assert len(set(subjects)) == len(subjects)


def test_the_scheduler_acts_when_no_person_does() -> None:
    event = ev.ReplyOverdue("s-1", T0, "transport", 1, DUE)

    _, message = to_message(event, actor=None)

    actor = message.meta.actor  # type: ignore[attr-defined]
    assert (actor.subject, actor.name, actor.body) == (SYSTEM.subject, "期限提醒", "platform")
    assert list(actor.roles) == []


@pytest.mark.parametrize("event_class", EVENT_CLASSES, ids=lambda c: c.__name__)
def test_message_parses_back_from_its_bytes(event_class: type[ev.Event]) -> None:
    _, message = to_message(sample(event_class), actor=OFFICE)

    decoded = decode(message.DESCRIPTOR.full_name, message.SerializeToString())

    assert decoded == message


def test_outbox_rows_keep_the_event_order_and_the_request_id() -> None:
    batch = [SAMPLES[ev.SuggestionSubmitted], SAMPLES[ev.CosignerAdded]]

    rows = to_outbox_rows(batch, actor=DEPUTY, request_id="req-2")

    assert [(subject, request_id) for subject, _, request_id in rows] == [
        ("wulian.suggestions.suggestion.submitted", "req-2"),
        ("wulian.suggestions.suggestion.cosigner_added", "req-2"),
    ]
    assert [type(message).__name__ for _, message, _ in rows] == ["SuggestionSubmitted", "CosignerAdded"]
    assert {message.meta.request_id for _, message, _ in rows} == {"req-2"}  # type: ignore[attr-defined]
    assert len({message.meta.event_id for _, message, _ in rows}) == 2  # type: ignore[attr-defined]
