"""Publishes outbox rows to JetStream until each is acknowledged.

Runs as a task beside the service. It wakes when a handler commits an event (``notify``) and
also polls, so rows committed before a crash or while NATS was away are published once it is back.
Up to ``batch`` rows are in flight at once; they are sent in ``seq`` order on one connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from wulian.kit.context import REQUEST_ID_EVENT_HEADER
from wulian.kit.db import Database
from wulian.kit.events.envelope import EVENT_TYPE_HEADER
from wulian.kit.events.link import NatsLink, NatsUnavailable
from wulian.kit.events.outbox import PendingEvent, mark_published, pending

log = logging.getLogger(__name__)


class OutboxRelay:
    def __init__(
        self,
        db: Database,
        link: NatsLink,
        service: str,
        *,
        batch: int = 64,
        poll_interval_s: float = 1.0,
        ack_timeout_s: float = 5.0,
        linger_s: float = 0.02,
    ) -> None:
        self.db = db
        self.link = link
        self.service = service
        self.batch = batch
        self.poll_interval_s = poll_interval_s
        self.ack_timeout_s = ack_timeout_s
        self.linger_s = linger_s
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def notify(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name=f"outbox-relay-{self.service}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def run(self) -> None:
        backoff = 0.2
        while True:
            try:
                published = await self.publish_pending()
                backoff = 0.2
            except NatsUnavailable as exc:
                log.warning("outbox relay waiting for NATS: %s", exc)
                published = 0
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            except Exception:
                log.exception("outbox relay failed; retrying")
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                continue
            if published < self.batch:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_interval_s)
                # Linger a moment so that one load, one publish round and one mark serve many commits.
                await asyncio.sleep(self.linger_s)

    async def publish_pending(self) -> int:
        """Publish one batch; returns how many rows JetStream acknowledged."""
        rows = await self.db.run(self._load)
        if not rows:
            return 0
        js = await self.link.ensure_stream(self.service)
        results = await asyncio.gather(*(self._publish(js, row) for row in rows), return_exceptions=True)
        acked = [row.seq for row, result in zip(rows, results, strict=True) if result is True]
        if acked:
            await self.db.write(self._mark, acked)  # beside the service's other hot writes (kit.db)
        failures = [r for r in results if r is not True]
        if failures:
            raise NatsUnavailable(f"{len(failures)} of {len(rows)} events not acknowledged: {failures[0]!r}")
        return len(acked)

    async def _publish(self, js: object, row: PendingEvent) -> bool:
        headers = {
            "Nats-Msg-Id": row.event_id,
            EVENT_TYPE_HEADER: row.event_type,
            REQUEST_ID_EVENT_HEADER: row.request_id,
        }
        await js.publish(row.subject, row.payload, timeout=self.ack_timeout_s, headers=headers)  # type: ignore[attr-defined]
        return True

    def _load(self) -> list[PendingEvent]:
        with self.db.engine.connect() as connection:
            return pending(connection, self.batch)

    def _mark(self, seqs: list[int]) -> None:
        with self.db.engine.begin() as connection:
            mark_published(connection, seqs)
