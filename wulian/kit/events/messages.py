"""Domain events (frozen dataclasses) → their protobuf messages and NATS subjects.

A service's event classes each have a message of the same name in its ``events.proto`` whose fields
carry the dataclass fields by name; ``meta`` carries who acted, when and who is told (the event's
``audience()``). The fields are copied generically, from a plan built once per event class, because
this runs on the services' write paths.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import Enum
from types import ModuleType
from typing import Any, Protocol

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp

from wulian.kit.events.envelope import event_meta
from wulian.kit.principal import Principal

# The deadline schedulers raise the overdue and due-soon notices: no person acts.
SYSTEM = Principal(subject="system:scheduler", name="期限提醒", body="platform", roles=frozenset(), org_unit="")

OutboxRow = tuple[str, Message, str]
_Setter = Callable[[Message, str, Any], None]


class DomainEvent(Protocol):
    name: str

    def audience(self) -> list[str]: ...


def _plain(value: Any) -> Any:
    """An enum by its value, a calendar day (not a moment) as ISO 8601 text, anything else as it is."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    return value


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


class EventMessages:
    """The mapping of one service's events: ``wulian.<service>.<aggregate>.<event name>``.

    ``id_field`` names the events' aggregate id field (``suggestion_id``, ``clue_id``); it and
    ``occurred_at`` travel in ``meta`` and as ``<id_field>`` in the message.
    """

    def __init__(self, module: ModuleType, *, service: str, aggregate_type: str, id_field: str) -> None:
        self.module = module
        self.subject_prefix = f"wulian.{service}.{aggregate_type}."
        self.aggregate_type = aggregate_type
        self.id_field = id_field
        self._not_copied = frozenset({id_field, "occurred_at"})
        self._plans: dict[type, _Plan] = {}

    def plan(self, event_class: type) -> _Plan:
        """How to turn one event class into its message, made once per class."""
        plan = self._plans.get(event_class)
        if plan is None:
            plan = self._plans[event_class] = self._make_plan(event_class)
        return plan

    def _make_plan(self, event_class: type) -> _Plan:
        """Fails when the contract lacks the message or one of its fields."""
        message_class: type[Message] | None = getattr(self.module, event_class.__name__, None)
        if message_class is None:
            raise LookupError(f"{self.module.__name__} has no message {event_class.__name__}")
        by_name = message_class.DESCRIPTOR.fields_by_name
        setters: list[tuple[str, _Setter]] = []
        for field in dataclasses.fields(event_class):
            if field.name in self._not_copied:
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
        return _Plan(message_class, self.subject_prefix + event_class.name, tuple(setters))  # type: ignore[attr-defined]

    def to_message(self, event: Any, *, actor: Principal | None, request_id: str = "") -> tuple[str, Message]:
        """The subject and message of ``event``; ``actor`` is None when a scheduler raised it."""
        plan = self.plan(type(event))
        aggregate_id = getattr(event, self.id_field)
        meta = event_meta(
            actor=actor or SYSTEM,
            aggregate_type=self.aggregate_type,
            aggregate_id=aggregate_id,
            audience=event.audience(),
            request_id=request_id,
            occurred_at=event.occurred_at,
        )
        message = plan.message_class(meta=meta, **{self.id_field: aggregate_id})
        for name, set_field in plan.fields:
            value = getattr(event, name)
            if value is not None:
                set_field(message, name, value)
        return plan.subject, message

    def to_outbox_rows(
        self, events: Iterable[Any], *, actor: Principal | None, request_id: str = ""
    ) -> list[OutboxRow]:
        """The (subject, message, request id) rows ``add_many_to_outbox`` writes, in event order."""
        rows: list[OutboxRow] = []
        for event in events:
            subject, message = self.to_message(event, actor=actor, request_id=request_id)
            rows.append((subject, message, request_id))
        return rows
