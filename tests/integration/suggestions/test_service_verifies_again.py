"""Services do not trust the gateway: every gRPC call's token is verified again."""

from __future__ import annotations

import time

import grpc
import pytest

from tests.integration.conftest import Stack
from tests.support.identity import forge
from wulian.kit.errors import ERROR_CODE_KEY
from wulian.suggestions.v1 import suggestions_pb2 as pb
from wulian.suggestions.v1.suggestions_pb2_grpc import SuggestionServiceStub


async def call(
    stack: Stack, metadata: tuple[tuple[str, str], ...], request: pb.SubmitSuggestionRequest
) -> pb.Suggestion:
    async with grpc.aio.insecure_channel(stack.settings.grpc_address("suggestions")) as channel:
        return await SuggestionServiceStub(channel).SubmitSuggestion(request, metadata=metadata, timeout=5)


REQUEST = pb.SubmitSuggestionRequest(title="直连服务", content="绕过网关", category="other")


async def test_calls_without_a_valid_token_are_refused(stack: Stack) -> None:
    now = int(time.time())
    for metadata in [
        (),
        (("authorization", "Bearer not.a.token"),),
        (("authorization", f"Bearer {forge(stack.tokens.settings, {'iat': now - 900, 'exp': now - 600})}"),),
    ]:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call(stack, metadata, REQUEST)
        assert caught.value.code() is grpc.StatusCode.UNAUTHENTICATED
    assert stack.count_all() == 0


async def test_the_service_decides_roles_itself(stack: Stack) -> None:
    clerk = (("authorization", f"Bearer {stack.tokens.access('clerk')}"),)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(stack, clerk, REQUEST)
    assert caught.value.code() is grpc.StatusCode.PERMISSION_DENIED
    assert dict(caught.value.trailing_metadata())[ERROR_CODE_KEY] == "permission_denied"
    deputy = (("authorization", f"Bearer {stack.tokens.access('deputy3')}"),)
    created = await call(stack, deputy, REQUEST)
    assert created.number.endswith("-0001")


async def test_domain_validation_maps_to_invalid_argument(stack: Stack) -> None:
    deputy = (("authorization", f"Bearer {stack.tokens.access('deputy1')}"),)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call(stack, deputy, pb.SubmitSuggestionRequest(title="", content="", category="nope"))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert stack.count_all() == 0
