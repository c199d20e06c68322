"""The protobuf message and NATS subject of each suggestion domain event.

Each class in ``events.py`` has a message of the same name in ``wulian/suggestions/v1/events.proto``;
the kit's ``EventMessages`` copies the fields by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from google.protobuf.message import Message

from services.suggestions import events as ev
from wulian.kit.events.messages import SYSTEM, EventMessages, OutboxRow
from wulian.kit.principal import Principal
from wulian.suggestions.v1 import events_pb2

__all__ = ["SUBJECT_PREFIX", "SYSTEM", "to_message", "to_outbox_rows"]

MESSAGES = EventMessages(events_pb2, service="suggestions", aggregate_type="suggestion", id_field="suggestion_id")
SUBJECT_PREFIX = MESSAGES.subject_prefix


def to_message(event: ev.Event, *, actor: Principal | None, request_id: str = "") -> tuple[str, Message]:
    return MESSAGES.to_message(event, actor=actor, request_id=request_id)


def to_outbox_rows(events: Iterable[ev.Event], *, actor: Principal | None, request_id: str = "") -> list[OutboxRow]:
    return MESSAGES.to_outbox_rows(events, actor=actor, request_id=request_id)
