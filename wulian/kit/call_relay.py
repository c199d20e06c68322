"""Calls a service owes another service, made until the other service answers them.

A service that decides something another service must hear of saves it *pending*, in the transaction of
the decision; a relay of that service (a subclass of ``CallRelay``: which calls are pending, how to make
one, how to record the answer) then makes each call — idempotent on the other side, so that a retry after a
lost answer has no second effect — with the service account's token, and records what the other service
answers. While that service cannot be reached (down, not deployed yet, no token) the calls stay pending and
are tried again; they are never dropped. A refusal of one call is logged (by id, never its contents) and
the others go on. The pending state is in the database, so a restart loses nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import grpc
from keycloak.exceptions import KeycloakError

from wulian.kit.db import Database
from wulian.kit.errors import Conflict
from wulian.kit.grpc_client import open_channel

log = logging.getLogger(__name__)

# The other service is not there (yet) or not reachable: try again later, stop this round.
UNREACHABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNIMPLEMENTED, grpc.StatusCode.DEADLINE_EXCEEDED})

Metadata = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Pending:
    """One pending call: the aggregate that owes it, which of its calls, and the request."""

    aggregate_id: str
    key: Any
    request: Any


class CallRelay(ABC):
    target = "the other service"  # what the logs call the service called

    def __init__(
        self,
        db: Database,
        address: str,
        credentials: Callable[[], Awaitable[Metadata]],
        notify: Callable[[], None],
        *,
        retry_s: float = 30.0,
        deadline_s: float = 5.0,
    ) -> None:
        self.db = db
        self.address = address
        self._channel: grpc.aio.Channel | None = None
        self.credentials = credentials
        self.notify = notify
        self.retry_s = retry_s
        self.deadline_s = deadline_s
        self._wake = asyncio.Event()

    @abstractmethod
    async def pending(self) -> list[Pending]:
        """The calls waiting for the other service, oldest first."""

    @abstractmethod
    async def call(self, channel: grpc.aio.Channel, pending: Pending, metadata: Metadata, timeout: float) -> str:
        """Make the call; the id the other service answers with."""

    @abstractmethod
    async def record(self, pending: Pending, answer: str) -> None:
        """Record the answer on the aggregate (``Conflict`` when it changed meanwhile: next round)."""

    def _open(self) -> grpc.aio.Channel:
        if self._channel is None:  # made on the service's event loop, on first use
            self._channel = open_channel(self.address)
        return self._channel

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    def wake(self) -> None:
        """A new call is due: try now rather than at the next round."""
        self._wake.set()

    async def run_once(self) -> int:
        """Make every pending call; how many the other service answered."""
        done = 0
        for pending in await self.pending():
            try:
                metadata = await self.credentials()
                answer = await self.call(self._open(), pending, metadata, self.deadline_s)
            except grpc.aio.AioRpcError as error:
                if error.code() in UNREACHABLE:
                    log.info("%s not reachable (%s); calls stay pending", self.target, error.code().name)
                    return done
                log.warning("%s refused the call for %s: %s", self.target, pending.aggregate_id, error.code().name)
                continue
            except (OSError, KeycloakError) as error:  # the identity provider, for the service token
                log.info("no service token (%s); calls stay pending", type(error).__name__)
                return done
            try:
                await self.record(pending, answer)
            except Conflict:
                log.info("%s changed meanwhile; its call is recorded next round", pending.aggregate_id)
                continue
            done += 1
        if done:
            self.notify()
            log.info("%d calls answered by %s", done, self.target)
        return done

    async def run_forever(self) -> None:
        try:
            await self._run_forever()
        finally:
            await self.close()

    async def _run_forever(self) -> None:
        while True:
            done = 0
            try:
                done = await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("round of calls to %s failed; retrying", self.target)
            if done:  # what was recorded may have made the next call of the same aggregate due
                continue
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.retry_s)
