"""Fans events from JetStream out to the callers connected to ``GET /api/v1/events``.

The gateway holds no business rules: each event names its audience (``EventMeta.audience``) and the
hub hands it to every connected caller whose principal matches one of those selectors. A durable
consumer feeds the hub, so events published while the gateway was down arrive when it is back. Event
ids already seen are skipped (the gateway's in-memory inbox), and the last ``buffer`` events are kept
so a reconnecting browser that sends ``Last-Event-ID`` gets what it missed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message

from wulian.kit.events.envelope import ReceivedEvent
from wulian.kit.principal import Principal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutgoingEvent:
    id: str
    name: str
    audience: frozenset[str]
    message: Message

    @cached_property
    def data(self) -> dict[str, Any]:
        """The event as JSON for the browser; made only when somebody is there to receive it."""
        data = MessageToDict(self.message, preserving_proto_field_name=True)
        data.get("meta", {}).pop("audience", None)
        return data


@dataclass(eq=False)
class Subscription:
    selectors: frozenset[str]
    queue: asyncio.Queue[OutgoingEvent] = field(default_factory=lambda: asyncio.Queue(maxsize=1000))
    overflowed: bool = False


def event_name(subject: str) -> str:
    """``wulian.suggestions.suggestion.submitted`` → ``suggestion.submitted``."""
    return ".".join(subject.split(".")[2:]) or subject


def to_outgoing(event: ReceivedEvent) -> OutgoingEvent:
    return OutgoingEvent(
        id=event.event_id,
        name=event_name(event.subject),
        audience=frozenset(event.meta.audience),
        message=event.message,
    )


class EventHub:
    def __init__(self, buffer: int = 1000, remembered_ids: int = 100_000) -> None:
        self._recent: deque[OutgoingEvent] = deque(maxlen=buffer)
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._remembered_ids = remembered_ids
        self._subscriptions: set[Subscription] = set()

    async def publish(self, event: ReceivedEvent) -> None:
        if event.event_id in self._seen:
            return
        self._seen[event.event_id] = None
        if len(self._seen) > self._remembered_ids:
            self._seen.popitem(last=False)
        outgoing = to_outgoing(event)
        self._recent.append(outgoing)
        for subscription in list(self._subscriptions):
            if not subscription.selectors.isdisjoint(outgoing.audience):
                try:
                    subscription.queue.put_nowait(outgoing)
                except asyncio.QueueFull:
                    subscription.overflowed = True  # the stream ends; the browser reconnects with Last-Event-ID

    def subscribe(self, principal: Principal, last_event_id: str = "") -> Subscription:
        subscription = Subscription(selectors=principal.audience_selectors())
        if last_event_id:
            ids = [e.id for e in self._recent]
            start = ids.index(last_event_id) + 1 if last_event_id in ids else 0
            for missed in list(self._recent)[start:]:
                if not subscription.selectors.isdisjoint(missed.audience):
                    subscription.queue.put_nowait(missed)
        self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        self._subscriptions.discard(subscription)
