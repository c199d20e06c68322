"""The protobuf message and NATS subject of each suggestion domain event.

Each class in ``events.py`` has a message of the same name in ``wulian/suggestions/v1/events.proto``
whose fields carry the dataclass fields by name; ``meta`` carries who acted, when and who is told.
The fields are copied generically, from a plan built once per event class, because this runs on
the submit path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache
from typing import Any

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from services.suggestions import events as ev
from wulian.kit.events.envelope import event_meta
from wulian.kit.principal import Principal
from wulian.suggestions.v1 import events_pb2

SUBJECT_PREFIX = "wulian.suggestions.suggestion."
AGGREGATE_TYPE = "suggestion"
# The deadline scheduler raises the overdue and due-soon notices: no person acts.
SYSTEM = Principal(subject="system:scheduler", name="期限提醒", body="platform", roles=frozenset(), org_unit="")
_NOT_COPIED = frozenset({"suggestion_id", "occurred_at"})  # meta.aggregate_id and meta.occurred_at

_Setter = Callable[[Message, str, Any], None]


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _set_scalar(message: Message, name: str, value: Any) -> None:
    setattr(message, name, _plain(value))


def _set_repeated(message: Message, name: str, values: Iterable[Any]) -> None:
    getattr(message, name).extend(_plain(v) for v in values)


def _set_timestamp(message: Message, name: str, value: Any) -> None:
    getattr(message, name).FromDatetime(value)


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    message_class: type[Message]
    subject: str
    fields: tuple[tuple[str, _Setter], ...]


@cache
def _plan(event_class: type[ev.Event]) -> _Plan:
    """How to turn one event class into its message; fails when the contract lacks a field."""
    message_class: type[Message] | None = getattr(events_pb2, event_class.__name__, None)
    if message_class is None:
        raise LookupError(f"events.proto has no message {event_class.__name__}")
    by_name = message_class.DESCRIPTOR.fields_by_name
    setters: list[tuple[str, _Setter]] = []
    for field in dataclasses.fields(event_class):
        if field.name in _NOT_COPIED:
            continue
        descriptor = by_name.get(field.name)
        if descriptor is None:
            raise LookupError(f"{message_class.DESCRIPTOR.full_name} has no field {field.name}")
        if descriptor.message_type is Timestamp.DESCRIPTOR:
            setters.append((field.name, _set_timestamp))
        elif descriptor.is_repeated:
            setters.append((field.name, _set_repeated))
        else:
            setters.append((field.name, _set_scalar))
    return _Plan(message_class, SUBJECT_PREFIX + event_class.name, tuple(setters))


def to_message(event: ev.Event, *, actor: Principal | None, request_id: str = "") -> tuple[str, Message]:
    """The subject and message of ``event``; ``actor`` is None when the scheduler raised it."""
    plan = _plan(type(event))
    meta = event_meta(
        actor=actor or SYSTEM,
        aggregate_type=AGGREGATE_TYPE,
        aggregate_id=event.suggestion_id,
        audience=event.audience(),
        request_id=request_id,
        occurred_at=event.occurred_at,
    )
    message = plan.message_class(meta=meta, suggestion_id=event.suggestion_id)
    for name, set_field in plan.fields:
        value = getattr(event, name)
        if value is not None:
            set_field(message, name, value)
    return plan.subject, message


def to_outbox_rows(
    events: Iterable[ev.Event], *, actor: Principal | None, request_id: str = ""
) -> list[tuple[str, Message, str]]:
    """The (subject, message, request id) rows ``add_many_to_outbox`` writes, in event order."""
    rows: list[tuple[str, Message, str]] = []
    for event in events:
        subject, message = to_message(event, actor=actor, request_id=request_id)
        rows.append((subject, message, request_id))
    return rows
