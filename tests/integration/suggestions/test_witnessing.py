"""The suggestions service witnesses the clue service's audit log over real NATS and gRPC: every
checkpoint the clue service publishes is checked (with a consistency proof asked with the service
account's token) and kept."""

from __future__ import annotations

import time

import grpc

from tests.integration.conftest import Stack
from wulian.clues.v1 import clues_pb2
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.kit.audit.witness import held_checkpoints


async def transfer(stack: Stack, n: int) -> None:
    metadata = (("authorization", f"Bearer {stack.tokens.access('clerk')}"),)
    async with grpc.aio.insecure_channel(stack.settings.grpc_address("clues")) as channel:
        request = clues_pb2.TransferClueRequest(
            summary=f"线索摘要 {n}", details="详情", subject_kind="person", subject_name="某某", subject_org="某局"
        )
        await ClueServiceStub(channel).TransferClue(request, metadata=metadata, timeout=10)


def held(stack: Stack) -> list[tuple[int, bool, str]]:
    with stack.runtime.db.session() as session:
        return held_checkpoints(session, stack.settings.audit_origin)


def test_each_checkpoint_of_the_clue_log_is_checked_and_kept(stack: Stack) -> None:
    import asyncio

    for n in range(3):
        asyncio.run(transfer(stack, n))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(held(stack)) < 3:
        time.sleep(0.2)
    assert held(stack) == [(1, True, ""), (2, True, ""), (3, True, "")]


def test_the_clue_service_itself_refuses_its_log_to_those_without_a_part_in_it(stack: Stack) -> None:
    import asyncio

    async def checkpoint(user: str) -> grpc.StatusCode:
        metadata = (("authorization", f"Bearer {stack.tokens.access(user)}"),)
        async with grpc.aio.insecure_channel(stack.settings.grpc_address("clues")) as channel:
            try:
                await ClueServiceStub(channel).GetCheckpoint(clues_pb2.GetCheckpointRequest(), metadata=metadata)
            except grpc.aio.AioRpcError as error:
                return error.code()
        return grpc.StatusCode.OK

    asyncio.run(transfer(stack, 0))
    assert asyncio.run(checkpoint("deputy1")) is grpc.StatusCode.PERMISSION_DENIED
    assert asyncio.run(checkpoint("transport")) is grpc.StatusCode.PERMISSION_DENIED
    assert asyncio.run(checkpoint("station")) is grpc.StatusCode.OK
