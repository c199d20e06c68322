"""Building event messages and reading them back by their protobuf type name."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from google.protobuf import descriptor_pool, message_factory
from google.protobuf.message import Message

import wulian
from wulian.common.v1 import events_pb2 as common_events
from wulian.kit.auth import Principal

EVENT_TYPE_HEADER = "Wulian-Event-Type"


def new_event_id() -> str:
    return uuid.uuid4().hex


def actor_of(principal: Principal) -> common_events.Actor:
    return common_events.Actor(
        subject=principal.subject,
        name=principal.name,
        body=principal.body,
        roles=sorted(principal.roles),
        org_unit=principal.org_unit,
    )


def event_meta(
    *,
    actor: Principal,
    aggregate_type: str,
    aggregate_id: str,
    audience: Iterable[str],
    request_id: str = "",
    occurred_at: datetime | None = None,
) -> common_events.EventMeta:
    meta = common_events.EventMeta(
        event_id=new_event_id(),
        actor=actor_of(actor),
        aggregate_type=aggregate_type,
        aggregate_id=aggregate_id,
        request_id=request_id,
        audience=sorted(set(audience)),
    )
    meta.occurred_at.FromDatetime(occurred_at or datetime.now(UTC))
    return meta


def import_event_modules() -> None:
    """Import every generated ``events_pb2`` so their types can be found by name."""
    for module in pkgutil.walk_packages(wulian.__path__, prefix="wulian."):
        if module.name.endswith(".events_pb2"):
            importlib.import_module(module.name)


def decode(event_type: str, payload: bytes) -> Message:
    descriptor = descriptor_pool.Default().FindMessageTypeByName(event_type)
    message = message_factory.GetMessageClass(descriptor)()
    message.ParseFromString(payload)
    return message


@dataclass(frozen=True, slots=True)
class ReceivedEvent:
    subject: str
    event_type: str
    message: Message

    @property
    def meta(self) -> common_events.EventMeta:
        return self.message.meta  # type: ignore[attr-defined,no-any-return]

    @property
    def event_id(self) -> str:
        return self.meta.event_id
