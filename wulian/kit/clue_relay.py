"""Clue transfers (线索移送) from another body's service, sent to the clue service until it acknowledges them.

A service that decides a transfer saves it *pending*, in the transaction of the decision; a relay of
that service (a subclass of ``ClueTransferRelay``: which transfers are pending, how to record the clue
id) then calls the clue service's ``TransferClue`` — idempotent on the transfer's source reference — with
the service account's token, and records the clue id it answers with. While the clue service cannot be
reached (down, not deployed yet, no token) the transfers stay pending and are tried again; they are
never dropped. A refusal of one transfer is logged (by id, never its contents) and the others go on.
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

from wulian.clues.v1 import clues_pb2
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.db import Database
from wulian.kit.errors import Conflict
from wulian.kit.grpc_client import open_channel

log = logging.getLogger(__name__)

# The clue service is not there (yet) or not reachable: try again later, stop this round.
UNREACHABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNIMPLEMENTED, grpc.StatusCode.DEADLINE_EXCEEDED})

Metadata = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Pending:
    """One pending transfer: the aggregate that holds it, which of its transfers, and the request."""

    aggregate_id: str
    key: Any
    request: clues_pb2.TransferClueRequest


class ClueTransferRelay(ABC):
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
        """The transfers waiting for the clue service, oldest first."""

    @abstractmethod
    async def record(self, transfer: Pending, clue_id: str) -> None:
        """Record the clue id on the aggregate (``Conflict`` when it changed meanwhile: next round)."""

    def _stub(self) -> ClueServiceStub:
        if self._channel is None:  # made on the service's event loop, on first use
            self._channel = open_channel(self.address)
        return ClueServiceStub(self._channel)

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    def wake(self) -> None:
        """A new transfer was decided: try now rather than at the next round."""
        self._wake.set()

    async def run_once(self) -> int:
        """Send every pending transfer; how many the clue service acknowledged."""
        done = 0
        for transfer in await self.pending():
            try:
                metadata = await self.credentials()
                answer = await self._stub().TransferClue(transfer.request, metadata=metadata, timeout=self.deadline_s)
            except grpc.aio.AioRpcError as error:
                if error.code() in UNREACHABLE:
                    log.info("clue service not reachable (%s); transfers stay pending", error.code().name)
                    return done
                log.warning("clue service refused transfer of %s: %s", transfer.aggregate_id, error.code().name)
                continue
            except (OSError, KeycloakError) as error:  # the identity provider, for the service token
                log.info("no service token (%s); transfers stay pending", type(error).__name__)
                return done
            try:
                await self.record(transfer, answer.clue_id)
            except Conflict:
                log.info("%s changed meanwhile; its transfer is recorded next round", transfer.aggregate_id)
                continue
            done += 1
        if done:
            self.notify()
            log.info("%d clue transfers acknowledged by the clue service", done)
        return done

    async def run_forever(self) -> None:
        try:
            await self._run_forever()
        finally:
            await self.close()

    async def _run_forever(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("clue transfer round failed; retrying")
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.retry_s)
