"""Client channels: every call carries a deadline, the caller's token and the request id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from wulian.kit.context import REQUEST_ID_HEADER, bearer_token_var, current_request_id


class _CallContextInterceptor(grpc.aio.UnaryUnaryClientInterceptor):
    def __init__(self, deadline_s: float) -> None:
        self.deadline_s = deadline_s

    async def intercept_unary_unary(
        self, continuation: Callable[..., Any], details: grpc.aio.ClientCallDetails, request: Any
    ) -> Any:
        metadata = list(details.metadata or ())
        keys = {k for k, _ in metadata}
        token = bearer_token_var.get()
        if token and "authorization" not in keys:
            metadata.append(("authorization", f"Bearer {token}"))
        if REQUEST_ID_HEADER not in keys and current_request_id():
            metadata.append((REQUEST_ID_HEADER, current_request_id()))
        details = grpc.aio.ClientCallDetails(
            method=details.method,
            timeout=details.timeout if details.timeout is not None else self.deadline_s,
            metadata=grpc.aio.Metadata(*metadata),
            credentials=details.credentials,
            wait_for_ready=details.wait_for_ready,
        )
        return await continuation(details, request)


def open_channel(address: str, deadline_s: float) -> grpc.aio.Channel:
    """A channel whose calls time out after ``deadline_s`` unless the caller gives a shorter one."""
    return grpc.aio.insecure_channel(
        address,
        interceptors=[_CallContextInterceptor(deadline_s)],
        options=[("grpc.keepalive_time_ms", 30_000), ("grpc.enable_retries", 1)],
    )


async def is_serving(channel: grpc.aio.Channel, timeout_s: float = 1.0) -> bool:
    try:
        response = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=""), timeout=timeout_s
        )
    except grpc.aio.AioRpcError:
        return False
    return bool(response.status == health_pb2.HealthCheckResponse.SERVING)
