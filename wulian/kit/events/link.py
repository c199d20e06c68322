"""The process's one NATS connection, made lazily and kept (nats-py reconnects forever once connected).

A service must start and serve while NATS is down: nothing here is awaited at startup, and a
caller that finds NATS away gets ``NatsUnavailable`` and tries again later.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time

import nats
from nats.aio.client import Client
from nats.js import JetStreamContext
from nats.js.api import StorageType, StreamConfig
from nats.js.errors import BadRequestError

log = logging.getLogger(__name__)


class NatsUnavailable(Exception):
    pass


def stream_name(service: str) -> str:
    return f"WULIAN_{service.upper()}"


def stream_subjects(service: str) -> list[str]:
    return [f"wulian.{service}.>"]


class NatsLink:
    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.name = name
        self._client: Client | None = None
        self._lock = asyncio.Lock()
        self._streams: set[str] = set()
        self._last_error_log = float("-inf")

    async def jetstream(self) -> JetStreamContext:
        async with self._lock:
            if self._client is None or self._client.is_closed:
                try:
                    self._client = await nats.connect(
                        self.url,
                        name=self.name,
                        connect_timeout=2,
                        reconnect_time_wait=0.5,
                        max_reconnect_attempts=-1,
                        allow_reconnect=True,
                        error_cb=self._on_error,
                    )
                except Exception as exc:  # nats-py raises several kinds for "no server"
                    self._client = None
                    raise NatsUnavailable(str(exc)) from exc
                log.info("connected to NATS", extra={"nats_url": self.url})
            if not self._client.is_connected:
                raise NatsUnavailable("reconnecting")
            return self._client.jetstream()

    async def ensure_stream(self, service: str) -> JetStreamContext:
        """The JetStream context, with the service's stream created if it does not exist yet."""
        js = await self.jetstream()
        name = stream_name(service)
        if name not in self._streams:
            config = StreamConfig(
                name=name,
                subjects=stream_subjects(service),
                storage=StorageType.FILE,
                duplicate_window=120.0,
            )
            try:
                await js.add_stream(config)
            except BadRequestError:
                await js.update_stream(config)
            self._streams.add(name)
        return js

    async def _on_error(self, exc: Exception) -> None:
        """nats-py retries every reconnect_time_wait; say so once a minute, not every half second."""
        now = time.monotonic()
        if now - self._last_error_log >= 60.0:
            self._last_error_log = now
            log.warning("NATS unreachable at %s (%s); retrying", self.url, type(exc).__name__)

    async def close(self) -> None:
        """Flush what is buffered (acks), then close. Not drain(): it can wait on a pull subscription."""
        client, self._client = self._client, None
        if client is None or client.is_closed:
            return
        with contextlib.suppress(Exception):  # shutting down: the server may already be gone
            if client.is_connected:
                await client.flush(timeout=2)
        await client.close()
