"""Clue transfers (线索移送) of escalations, sent to the clue service until it acknowledges them.

An escalation that suspects a violation of discipline or law is saved with its transfer pending, in
the same transaction as the escalation itself; this relay then calls the clue service's
``TransferClue`` (idempotent on the escalation's reference) and records the clue id it answers with.
While the clue service cannot be reached — down, not deployed yet, or refusing the call — the transfer
stays pending, visible on the suggestion, and is tried again; it is never dropped. Clue contents are
never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

import grpc
from keycloak.exceptions import KeycloakError

from services.suggestions import commands, handlers, repository
from services.suggestions.escalations import Escalation
from services.suggestions.model import Suggestion
from wulian.clues.v1 import clues_pb2
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.db import Database
from wulian.kit.errors import Conflict
from wulian.kit.grpc_client import open_channel

log = logging.getLogger(__name__)

SOURCE = "suggestions"
BATCH = 100
# The clue service is not there (yet) or not reachable: try again later, stop this round.
UNREACHABLE = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.UNIMPLEMENTED, grpc.StatusCode.DEADLINE_EXCEEDED})

Metadata = Sequence[tuple[str, str]]


def source_ref(suggestion_id: str, escalation_no: int) -> str:
    return f"suggestion/{suggestion_id}/escalation/{escalation_no}"


def transfer_request(suggestion: Suggestion, escalation: Escalation) -> clues_pb2.TransferClueRequest:
    units = list(suggestion.assignment.units) if suggestion.assignment else []
    request = clues_pb2.TransferClueRequest(
        source=SOURCE,
        source_kind="suggestion_escalation",
        source_ref=source_ref(suggestion.id, escalation.no),
        summary=f"代表建议 {suggestion.number}《{suggestion.title}》联合督办中发现的问题线索",
        details=escalation.details,
        units=units,
        subject_kind="unit",
        subject_name=units[0] if units else "",
        transferred_by=escalation.escalated_by,
        official_name=escalation.escalated_by_name,
        official_role=escalation.escalated_by_role,
    )
    request.decided_at.FromDatetime(escalation.escalated_at)
    return request


class ClueTransferRelay:
    def __init__(
        self,
        db: Database,
        address: str,
        credentials: Callable[[], Awaitable[Metadata]],
        notify: Callable[[], None],
        *,
        retry_s: float = 30.0,
        deadline_s: float = 5.0,
        clock: Callable[[], datetime] = handlers.utc_now,
    ) -> None:
        self.db = db
        self.address = address
        self._channel: grpc.aio.Channel | None = None
        self.credentials = credentials
        self.notify = notify
        self.retry_s = retry_s
        self.deadline_s = deadline_s
        self.clock = clock
        self._wake = asyncio.Event()

    def _stub(self) -> ClueServiceStub:
        if self._channel is None:  # made on the service's event loop, on first use
            self._channel = open_channel(self.address)
        return ClueServiceStub(self._channel)

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
            self._channel = None

    def wake(self) -> None:
        """A new escalation may carry a transfer: try now rather than at the next round."""
        self._wake.set()

    async def run_once(self) -> int:
        """Send every pending transfer; how many the clue service acknowledged."""
        done = 0
        for suggestion_id in await self.db.in_session(repository.with_pending_clue_transfer, BATCH):
            loaded = await self.db.in_session(repository.load, suggestion_id)
            if loaded is None:
                continue
            for escalation in loaded.suggestion.pending_clue_transfers():
                try:
                    metadata = await self.credentials()
                    answer = await self._stub().TransferClue(
                        transfer_request(loaded.suggestion, escalation), metadata=metadata, timeout=self.deadline_s
                    )
                except grpc.aio.AioRpcError as error:
                    if error.code() in UNREACHABLE:
                        log.info("clue service not reachable (%s); transfers stay pending", error.code().name)
                        return done
                    log.warning("clue service refused transfer of %s: %s", suggestion_id, error.code().name)
                    continue
                except (OSError, KeycloakError) as error:  # the identity provider, for the service token
                    log.info("no service token (%s); transfers stay pending", type(error).__name__)
                    return done
                command = commands.RecordClueTransfer(escalation.no, answer.clue_id)
                try:
                    await self.db.in_session(handlers.record_clue_transfer, suggestion_id, command, self.clock)
                except Conflict:
                    log.info("suggestion %s changed meanwhile; its transfer is recorded next round", suggestion_id)
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
