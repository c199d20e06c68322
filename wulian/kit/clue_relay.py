"""Clue transfers (线索移送) from another body's service, sent to the clue service until it acknowledges them.

A service that decides a transfer saves it *pending*, in the transaction of the decision; a relay of
that service (a subclass of ``ClueTransferRelay``: which transfers are pending, how to record the clue
id) then calls the clue service's ``TransferClue`` — idempotent on the transfer's source reference — with
the service account's token, and records the clue id it answers with. The retries, and what happens while
the clue service cannot be reached or refuses one transfer, are ``wulian.kit.call_relay``'s.
"""

from __future__ import annotations

import grpc

from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.call_relay import UNREACHABLE, CallRelay, Metadata, Pending

__all__ = ["UNREACHABLE", "ClueTransferRelay", "Metadata", "Pending"]


class ClueTransferRelay(CallRelay):
    """``Pending.request``: a ``clues_pb2.TransferClueRequest``."""

    target = "the clue service"

    async def call(self, channel: grpc.aio.Channel, pending: Pending, metadata: Metadata, timeout: float) -> str:
        answer = await ClueServiceStub(channel).TransferClue(pending.request, metadata=metadata, timeout=timeout)
        return str(answer.clue_id)
