"""This service witnesses the clue service's audit log (DESIGN.md "Trust between bodies").

It consumes the log's checkpoints from NATS and checks each against the last it holds with a
consistency proof asked of the clue service; an inconsistency raises ``wulian.suggestions.audit.alarm``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import grpc

from wulian.clues.v1 import clues_pb2
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.audit.checkpoint import Verifier
from wulian.kit.audit.witness import CheckpointWitness, ProofRefused
from wulian.kit.db import Database
from wulian.kit.events.consumer import DurableConsumer
from wulian.kit.events.link import NatsLink
from wulian.kit.grpc_client import open_channel
from wulian.kit.settings import Settings

CHECKPOINT_SUBJECT = "wulian.clues.audit.checkpoint"
ALARM_SUBJECT = "wulian.suggestions.audit.alarm"

REFUSALS = frozenset({grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT})

Credentials = Callable[[], Awaitable[Sequence[tuple[str, str]]]]


def clue_log_key(settings: Settings) -> Callable[[], Verifier]:
    """The clue log's key: configured, or (development) the file the clue service wrote at its first start;
    read when the first checkpoint arrives, so that the two services may start in any order."""

    def load() -> Verifier:
        vkey = settings.clues_audit_vkey or settings.clues_audit_vkey_file.read_text(encoding="utf-8").strip()
        return Verifier.from_vkey(vkey)

    return load


class ClueLogConsistency:
    """Asks the clue service for consistency proofs, with this service's own token."""

    def __init__(
        self, address: str, credentials: Callable[[], Awaitable[Sequence[tuple[str, str]]]], deadline_s: float
    ):
        self.address = address
        self.credentials = credentials
        self.deadline_s = deadline_s
        self._channel: grpc.aio.Channel | None = None

    async def __call__(self, old: int, new: int) -> list[bytes]:
        if self._channel is None:
            self._channel = open_channel(self.address)
        request = clues_pb2.GetConsistencyProofRequest(from_size=old, to_size=new)
        try:
            answer = await ClueServiceStub(self._channel).GetConsistencyProof(
                request, metadata=await self.credentials(), timeout=self.deadline_s
            )
        except grpc.aio.AioRpcError as error:
            if error.code() in REFUSALS:
                raise ProofRefused(error.code().name) from error
            raise  # unreachable or failing: the checkpoint is checked again on redelivery
        return list(answer.hashes)

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()


def witness_consumer(
    settings: Settings,
    db: Database,
    link: NatsLink,
    credentials: Credentials,
    notify: Callable[[], None],
) -> tuple[DurableConsumer, ClueLogConsistency]:
    fetch = ClueLogConsistency(settings.grpc_address("clues"), credentials, settings.grpc_deadline_s)
    witness = CheckpointWitness(
        db,
        consumer="suggestions-witness",
        origin=settings.audit_origin,
        log_key=clue_log_key(settings),
        fetch_consistency=fetch,
        alarm_subject=ALARM_SUBJECT,
        notify=notify,
    )
    consumer = DurableConsumer(
        link, service="clues", durable="suggestions-witness", handler=witness.handle, filter_subject=CHECKPOINT_SUBJECT
    )
    return consumer, fetch
