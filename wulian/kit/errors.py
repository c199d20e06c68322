"""Domain errors, and the one mapping from them to gRPC status codes and on to HTTP.

Domain code raises these with a message a clerk can read (Chinese first); the gRPC server turns
them into a status plus trailing metadata, the gateway turns that status into the JSON error of
DESIGN.md. Nothing else decides status codes. Standard library only, so domain modules may raise
these; gRPC status codes are named by their enum member name ("NOT_FOUND").
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

ERROR_CODE_KEY = "wulian-error-code"
ERROR_DETAILS_KEY = "wulian-error-details"


class DomainError(Exception):
    grpc_status: ClassVar[str] = "FAILED_PRECONDITION"
    code: ClassVar[str] = "failed_precondition"

    def __init__(self, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class InvalidArgument(DomainError):
    grpc_status = "INVALID_ARGUMENT"
    code = "invalid_argument"


class NotFound(DomainError):
    grpc_status = "NOT_FOUND"
    code = "not_found"


class PermissionDenied(DomainError):
    grpc_status = "PERMISSION_DENIED"
    code = "permission_denied"


class Unauthenticated(DomainError):
    grpc_status = "UNAUTHENTICATED"
    code = "unauthenticated"


class Unavailable(DomainError):
    """Another service this one needs for the request did not answer (down, or past the deadline):
    nothing was done, try again later."""

    grpc_status = "UNAVAILABLE"
    code = "unavailable"


class Conflict(DomainError):
    """The request contradicts the object's current state (wrong status, duplicate)."""

    grpc_status = "FAILED_PRECONDITION"
    code = "conflict"


HTTP_STATUS_FOR_GRPC: dict[str, int] = {
    "INVALID_ARGUMENT": 422,
    "OUT_OF_RANGE": 422,
    "NOT_FOUND": 404,
    "PERMISSION_DENIED": 403,
    "UNAUTHENTICATED": 401,
    "FAILED_PRECONDITION": 409,
    "ALREADY_EXISTS": 409,
    "ABORTED": 409,
    "RESOURCE_EXHAUSTED": 429,
    "DEADLINE_EXCEEDED": 504,
    "UNAVAILABLE": 503,
}

GENERIC_MESSAGES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "请求格式不正确"),
    401: ("unauthenticated", "请先登录（缺少或无效的访问令牌）"),
    403: ("permission_denied", "您的角色无权进行此操作"),
    404: ("not_found", "未找到请求的资源"),
    405: ("method_not_allowed", "不支持该请求方法"),
    409: ("conflict", "操作与当前状态冲突"),
    413: ("payload_too_large", "请求内容过大"),
    415: ("unsupported_media_type", "请求内容类型应为 application/json"),
    422: ("invalid_argument", "请求内容未通过校验"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
    500: ("internal", "系统内部错误，请稍后再试或联系管理员"),
    503: ("unavailable", "后台服务暂不可用，请稍后再试"),
    504: ("deadline_exceeded", "后台服务响应超时，请稍后再试"),
}


def error_metadata(error: DomainError) -> tuple[tuple[str, str], ...]:
    metadata = [(ERROR_CODE_KEY, error.code)]
    if error.details is not None:
        metadata.append((ERROR_DETAILS_KEY, json.dumps(error.details, ensure_ascii=True)))
    return tuple(metadata)


def http_error_from_grpc(status: str, message: str, trailing: dict[str, str]) -> tuple[int, str, str, Any]:
    """(http status, error code, message, details) for a failed gRPC call whose status is named ``status``."""
    http_status = HTTP_STATUS_FOR_GRPC.get(status, 500)
    default_code, default_message = GENERIC_MESSAGES[http_status]
    code = trailing.get(ERROR_CODE_KEY) or default_code
    details_raw = trailing.get(ERROR_DETAILS_KEY)
    details = json.loads(details_raw) if details_raw else None
    if http_status >= 500:  # internal messages are not for clerks
        return http_status, default_code, default_message, None
    return http_status, code, message or default_message, details
