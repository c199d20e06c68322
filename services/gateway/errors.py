"""Every error the gateway answers is JSON: {"error": {"code", "message", "details"}}.

Messages are for clerks (Chinese); validation details name the field and say what is wrong with it.
gRPC failures are mapped in one place (``wulian.kit.errors.http_error_from_grpc``).
"""

from __future__ import annotations

import logging
from typing import Any

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from wulian.kit.errors import GENERIC_MESSAGES, DomainError, http_error_from_grpc

log = logging.getLogger(__name__)

_VALIDATION_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段",
    "string_too_long": "内容过长",
    "string_too_short": "内容过短",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "bool_type": "应为布尔值",
    "enum": "取值不在可选范围内",
    "literal_error": "取值不在可选范围内",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "model_attributes_type": "请求体应为 JSON 对象",
    "dict_type": "请求体应为 JSON 对象",
    "value_error": "取值无效",
    "too_short": "至少需要一项",
    "too_long": "项目过多",
    "list_type": "应为列表",
    "timezone_aware": "时间须带时区，如 2026-03-01T09:00:00+08:00",
    "datetime_type": "应为时间，如 2026-03-01T09:00:00+08:00",
    "datetime_parsing": "时间格式无效，应如 2026-03-01T09:00:00+08:00",
    "datetime_from_date_parsing": "时间格式无效，应如 2026-03-01T09:00:00+08:00",
}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def error_response(
    status: int, code: str | None = None, message: str | None = None, details: Any = None
) -> JSONResponse:
    default_code, default_message = GENERIC_MESSAGES.get(status, GENERIC_MESSAGES[500])
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(
        error_body(code or default_code, message or default_message, details),
        status_code=status,
        headers=headers,
    )


def _field(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_details(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    details = []
    for error in errors:
        detail = {
            "field": _field(tuple(error.get("loc", ()))),
            "message": _VALIDATION_MESSAGES.get(error["type"], "取值无效"),
            "type": error["type"],
        }
        ctx = error.get("ctx") or {}
        if "max_length" in ctx:
            detail["message"] = f"内容过长，最多 {ctx['max_length']} 个字"
        if "expected" in ctx and error["type"] in ("enum", "literal_error"):
            detail["message"] = f"取值不在可选范围内（可选：{ctx['expected']}）"
        details.append(detail)
    return details


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e["type"] == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "请求体不是有效的 JSON")
    return error_response(422, "invalid_argument", "请求内容未通过校验", validation_details(errors))


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code not in (404, 405) else None
    code = GENERIC_MESSAGES.get(exc.status_code, GENERIC_MESSAGES[500])[0]
    response = error_response(exc.status_code, code, detail)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    status, _, message, _ = http_error_from_grpc(exc.grpc_status, exc.message, {})
    return error_response(status, exc.code, message, exc.details)


async def _grpc_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, grpc.aio.AioRpcError)
    trailing = {k: v for k, v in (exc.trailing_metadata() or ()) if isinstance(v, str)}
    status, code, message, details = http_error_from_grpc(exc.code().name, exc.details() or "", trailing)
    if status >= 500:
        log.warning("backend call failed: %s", exc.code().name)
    return error_response(status, code, message, details)


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return error_response(500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(grpc.aio.AioRpcError, _grpc_error)
    app.add_exception_handler(Exception, _unexpected)
