"""Durable JetStream pull consumers with explicit acks.

A message is acked only after its handler returned; a handler that fails gets the message again
later (nak with delay). A consumer that needs only some of a stream's events names their subjects
(``filter_subject``, one or several): JetStream then does not deliver the others at all, which spares
both the consumer and the server a message and an ack per event it would only skip. The durable is
created or updated with that filter on every start, so narrowing it later takes effect.

Handlers must be idempotent: ``DatabaseInbox`` records each handled event id in the same transaction
as the handler's effect, so a redelivery changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from nats.aio.msg import Msg
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy
from sqlmodel import Session

from wulian.kit.context import REQUEST_ID_EVENT_HEADER, request_id_var
from wulian.kit.db import Database
from wulian.kit.events.envelope import EVENT_TYPE_HEADER, ReceivedEvent, decode
from wulian.kit.events.link import NatsLink, NatsUnavailable, stream_name, stream_subjects
from wulian.kit.events.outbox import already_handled, record_handled

log = logging.getLogger(__name__)
T = TypeVar("T")

Handler = Callable[[ReceivedEvent], Awaitable[None]]


class DurableConsumer:
    def __init__(
        self,
        link: NatsLink,
        *,
        service: str,
        durable: str,
        handler: Handler,
        filter_subject: str | Sequence[str] | None = None,
        batch: int = 64,
        ack_wait_s: float = 30.0,
    ) -> None:
        self.link = link
        self.service = service
        self.durable = durable
        self.handler = handler
        subjects = [filter_subject] if isinstance(filter_subject, str) else list(filter_subject or ())
        self.filter_subjects = subjects or [stream_subjects(service)[0]]
        self.batch = batch
        self.ack_wait_s = ack_wait_s
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name=f"consumer-{self.durable}")

    def start_in(self, loop: asyncio.AbstractEventLoop) -> None:
        """Start on a loop running in another thread (tests, embedding)."""
        loop.call_soon_threadsafe(self.start)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run(self) -> None:
        backoff = 0.2
        while True:
            try:
                await self._consume()
            except asyncio.CancelledError:
                raise
            except NatsUnavailable as exc:
                log.warning("consumer %s waiting for NATS: %s", self.durable, exc)
            except Exception:
                log.exception("consumer %s failed; resubscribing", self.durable)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 5.0)

    async def _consume(self) -> None:
        js = await self.link.ensure_stream(self.service)
        stream = stream_name(self.service)
        several = len(self.filter_subjects) > 1
        config = ConsumerConfig(
            name=self.durable,
            durable_name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=self.ack_wait_s,
            max_deliver=-1,
            filter_subject=None if several else self.filter_subjects[0],
            filter_subjects=self.filter_subjects if several else None,
        )
        await js.add_consumer(stream, config)  # creates the durable, or brings an existing one's filter up to date
        subscription = await js.pull_subscribe_bind(durable=self.durable, stream=stream)
        while True:
            try:
                messages = await subscription.fetch(self.batch, timeout=1.0)
            except TimeoutError:
                continue
            for message in messages:
                await self._handle(message)

    async def _handle(self, message: Msg) -> None:
        headers = message.headers or {}
        token = request_id_var.set(headers.get(REQUEST_ID_EVENT_HEADER, ""))
        try:
            event = ReceivedEvent(
                subject=message.subject,
                event_type=headers.get(EVENT_TYPE_HEADER, ""),
                message=decode(headers.get(EVENT_TYPE_HEADER, ""), message.data),
            )
        except Exception:
            log.exception("undecodable event on %s; dropped", message.subject)
            await message.term()
            request_id_var.reset(token)
            return
        try:
            await self.handler(event)
        except Exception:
            log.exception("handler failed for event %s; will be redelivered", event.event_id)
            await message.nak(delay=2.0)
        else:
            await message.ack()
        finally:
            request_id_var.reset(token)


class DatabaseInbox:
    """Runs an event's effect and the inbox record in one transaction; skips events already handled."""

    def __init__(self, db: Database, consumer: str) -> None:
        self.db = db
        self.consumer = consumer

    async def apply(self, event: ReceivedEvent, effect: Callable[[Session, ReceivedEvent], T]) -> T | None:
        return await self.db.run(self._apply, event, effect)

    def _apply(self, event: ReceivedEvent, effect: Callable[[Session, ReceivedEvent], T]) -> T | None:
        with self.db.session() as session:
            if already_handled(session, self.consumer, event.event_id):
                return None
            result = effect(session, event)
            record_handled(session, self.consumer, event.event_id)
            session.commit()
            return result
