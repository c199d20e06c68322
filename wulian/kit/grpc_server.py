"""grpc.aio server bootstrap: health service, and one interceptor that does auth, request id, logging
and the mapping of domain errors to status codes, so servicer methods only translate and call.

Every method except the health service needs a valid access token in the ``authorization``
metadata; the verified ``Principal`` is handed to the servicer through ``current_principal()``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from wulian.kit.auth import TokenVerifier
from wulian.kit.context import REQUEST_ID_HEADER, bearer_token_var, new_request_id, request_id_var
from wulian.kit.errors import DomainError, Unauthenticated, error_metadata
from wulian.kit.principal import Principal

log = logging.getLogger(__name__)
_principal_var: ContextVar[Principal | None] = ContextVar("wulian_principal", default=None)
PUBLIC_METHOD_PREFIXES = ("/grpc.health.v1.Health/",)


def current_principal() -> Principal:
    principal = _principal_var.get()
    if principal is None:  # only reachable if a public method asks for a caller
        raise Unauthenticated("请先登录")
    return principal


def _metadata(context: grpc.aio.ServicerContext) -> dict[str, str]:
    return {k: v for k, v in (context.invocation_metadata() or ()) if isinstance(v, str)}


class ServiceInterceptor(grpc.aio.ServerInterceptor):
    """grpc.aio asks for the handler on every call; the wrapped handler of a method is built once."""

    def __init__(self, verifier: TokenVerifier) -> None:
        self.verifier = verifier
        self._wrapped: dict[str, grpc.RpcMethodHandler] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        method = details.method  # type: ignore[attr-defined]
        wrapped = self._wrapped.get(method)
        if wrapped is not None:
            return wrapped
        handler = await continuation(details)
        if handler is None or method.startswith(PUBLIC_METHOD_PREFIXES) or not handler.unary_unary:
            return handler
        wrapped = self._wrap(method, handler)
        self._wrapped[method] = wrapped
        return wrapped

    def _wrap(self, method: str, handler: grpc.RpcMethodHandler) -> grpc.RpcMethodHandler:
        inner = handler.unary_unary

        async def wrapped(request: Any, context: grpc.aio.ServicerContext) -> Any:
            return await self._call(method, inner, request, context)

        return grpc.unary_unary_rpc_method_handler(
            wrapped,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )

    async def _call(self, method: str, inner: Any, request: Any, context: grpc.aio.ServicerContext) -> Any:
        metadata = _metadata(context)
        request_id_var.set(metadata.get(REQUEST_ID_HEADER) or new_request_id())
        started = time.perf_counter()
        try:
            token = metadata.get("authorization", "").removeprefix("Bearer ").strip()
            if not token:
                raise Unauthenticated("请求缺少访问令牌")
            _principal_var.set(await self.verifier.verify_async(token))
            bearer_token_var.set(token)
            return await inner(request, context)
        except DomainError as error:
            context.set_trailing_metadata(error_metadata(error))
            log.info("%s refused: %s", method, error.code)
            await context.abort(grpc.StatusCode[error.grpc_status], error.message)
        except grpc.aio.AbortError:
            raise
        except Exception:
            log.exception("%s failed", method)
            await context.abort(grpc.StatusCode.INTERNAL, "内部错误")
        finally:
            log.debug("%s took %.1f ms", method, (time.perf_counter() - started) * 1000)


async def start_server(
    address: str, verifier: TokenVerifier, register: Callable[[grpc.aio.Server], None]
) -> tuple[grpc.aio.Server, health.aio.HealthServicer]:
    """Start a server on ``address`` with the health service reporting SERVING for every service."""
    server = grpc.aio.server(interceptors=[ServiceInterceptor(verifier)])
    register(server)
    health_servicer = health.aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    if server.add_insecure_port(address) == 0:
        raise RuntimeError(f"cannot listen on {address}")
    await server.start()
    await health_servicer.set("", health_pb2.HealthCheckResponse.SERVING)
    return server, health_servicer
