import grpc

from wulian.kit.errors import (
    Conflict,
    DomainError,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    Unavailable,
    error_metadata,
    http_error_from_grpc,
)


def test_every_domain_error_names_a_real_grpc_status() -> None:
    for cls in (DomainError, InvalidArgument, NotFound, PermissionDenied, Unauthenticated, Conflict, Unavailable):
        assert grpc.StatusCode[cls.grpc_status]


def test_domain_errors_reach_http_with_code_message_and_details() -> None:
    error = InvalidArgument("建议内容未通过校验", details=[{"field": "title"}])
    trailing = dict(error_metadata(error))
    assert http_error_from_grpc("INVALID_ARGUMENT", error.message, trailing) == (
        422,
        "invalid_argument",
        "建议内容未通过校验",
        [{"field": "title"}],
    )
    assert http_error_from_grpc("NOT_FOUND", "未找到该建议", {})[:2] == (404, "not_found")
    assert http_error_from_grpc("PERMISSION_DENIED", "x", {})[0] == 403
    assert http_error_from_grpc("UNAVAILABLE", "x", dict(error_metadata(Unavailable("x"))))[0] == 503
    assert http_error_from_grpc("FAILED_PRECONDITION", "x", dict(error_metadata(Conflict("x"))))[:2] == (
        409,
        "conflict",
    )


def test_internal_messages_are_not_shown_to_clerks() -> None:
    status, code, message, details = http_error_from_grpc("INTERNAL", "Traceback: secret", {})
    assert (status, code, details) == (500, "internal", None)
    assert "secret" not in message
    assert http_error_from_grpc("UNAVAILABLE", "connection refused", {})[0] == 503
