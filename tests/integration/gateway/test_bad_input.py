"""Bad input gets the right status and a clear message, and nothing is written."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.integration.conftest import Stack
from tests.support.identity import forge

VALID = {"title": "关于优化公交线路的建议", "content": "建议增开班次。", "category": "transport"}


def post_raw(stack: Stack, content: bytes, username: str = "deputy1") -> tuple[int, dict]:
    headers = stack.as_user(username) | {"Content-Type": "application/json"}
    response = stack.http.post("/api/v1/suggestions", content=content, headers=headers)
    return response.status_code, response.json()


def assert_error(body: dict, code: str) -> None:
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def test_malformed_json(stack: Stack) -> None:
    status, body = post_raw(stack, b'{"title": "x", ')
    assert status == 400
    assert_error(body, "malformed_json")
    assert stack.count_all() == 0


@pytest.mark.parametrize(
    ("body", "field", "type_"),
    [
        ({"content": "c", "category": "transport"}, "title", "missing"),
        (VALID | {"title": ""}, "title", "string_too_short"),
        (VALID | {"title": "长" * 101}, "title", "string_too_long"),
        (VALID | {"content": "长" * 5001}, "content", "string_too_long"),
        (VALID | {"category": "weather"}, "category", "literal_error"),
        (VALID | {"title": 42}, "title", "string_type"),
        (VALID | {"content": ["a"]}, "content", "string_type"),
        (VALID | {"number": "2026-9999"}, "number", "extra_forbidden"),
        (VALID | {"status": "closed"}, "status", "extra_forbidden"),
    ],
)
def test_invalid_fields_are_named(stack: Stack, body: dict, field: str, type_: str) -> None:
    response = stack.http.post("/api/v1/suggestions", json=body, headers=stack.as_user("deputy1"))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_argument"
    assert {"field": field, "type": type_} == {k: error["details"][0][k] for k in ("field", "type")}
    assert error["details"][0]["message"]
    assert stack.count_all() == 0


def test_a_deputy_cannot_submit_in_another_deputys_name(stack: Stack) -> None:
    body = VALID | {"deputy_subject": "someone-else"}
    response = stack.http.post("/api/v1/suggestions", json=body, headers=stack.as_user("deputy1"))
    assert response.status_code == 403, response.text
    assert stack.count_all() == 0


def test_blank_title_after_trimming_is_refused_by_the_service(stack: Stack) -> None:
    response = stack.http.post("/api/v1/suggestions", json=VALID | {"title": "   "}, headers=stack.as_user("deputy1"))
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [{"field": "title", "message": "标题不能为空"}]
    assert stack.count_all() == 0


def test_body_not_an_object(stack: Stack) -> None:
    status, body = post_raw(stack, b'["title"]')
    assert status == 422
    assert_error(body, "invalid_argument")


def test_oversize_body_is_refused_before_parsing(stack: Stack) -> None:
    status, body = post_raw(stack, b'{"title": "' + b"x" * (stack.settings.max_body_bytes + 1) + b'"}')
    assert status == 413
    assert_error(body, "payload_too_large")
    assert stack.count_all() == 0


def test_bad_query_parameters(stack: Stack) -> None:
    headers = stack.as_user("clerk")
    for params in ({"page_size": 0}, {"page_size": 1000}, {"page_size": "ten"}, {"category": "weather"}):
        response = stack.http.get("/api/v1/suggestions", params=params, headers=headers)
        assert response.status_code == 422, params
    forged_page = stack.http.get("/api/v1/suggestions", params={"page_token": "not-a-token"}, headers=headers)
    assert forged_page.status_code == 422
    [detail] = forged_page.json()["error"]["details"]
    assert detail == {"field": "page_token", "message": "分页标记无效，请从第一页重新查询"}


def test_unknown_route_and_method(stack: Stack) -> None:
    response = stack.http.get("/api/v1/nothing-here", headers=stack.as_user("clerk"))
    assert response.status_code == 404
    assert_error(response.json(), "not_found")
    response = stack.http.delete("/api/v1/suggestions", headers=stack.as_user("clerk"))
    assert response.status_code == 405
    assert_error(response.json(), "method_not_allowed")


def test_wrong_role_is_refused_and_nothing_is_written(stack: Stack) -> None:
    for username in ("clerk", "transport", "commission", "admin"):
        response = stack.http.post("/api/v1/suggestions", json=VALID, headers=stack.as_user(username))
        assert response.status_code == 403, username
        assert_error(response.json(), "permission_denied")
    assert stack.count_all() == 0


def other_key() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def bad_tokens(stack: Stack) -> dict[str, str]:
    settings = stack.tokens.settings
    now = int(time.time())
    unsigned = forge(settings, {}).rsplit(".", 1)[0] + "."
    return {
        "expired": forge(settings, {"iat": now - 600, "exp": now - 300}),
        "unsigned": unsigned,
        "alg none": "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + unsigned.split(".")[1] + ".",
        "wrongly signed": forge(settings, {}, key_pem=other_key()),
        "unknown key id": forge(settings, {}, key_pem=other_key(), kid="rotated-away"),
        "wrong audience": forge(settings, {"aud": "someone-else"}),
        "wrong issuer": forge(settings, {"iss": "http://127.0.0.1:1/realms/wulian"}),
        "refresh token": forge(settings, {"typ": "Refresh"}),
        "garbage": "not.a.token",
    }


def test_bad_tokens_are_refused_at_the_gateway(stack: Stack) -> None:
    for name, token in bad_tokens(stack).items():
        response = stack.http.post("/api/v1/suggestions", json=VALID, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert_error(response.json(), "unauthenticated")
        assert response.headers["www-authenticate"] == "Bearer"
    missing = stack.http.post("/api/v1/suggestions", json=VALID)
    assert missing.status_code == 401
    basic = stack.http.post("/api/v1/suggestions", json=VALID, headers={"Authorization": "Basic ZGVtbzpkZW1v"})
    assert basic.status_code == 401
    assert stack.count_all() == 0


def test_a_good_forgery_signed_by_the_idp_key_is_accepted(stack: Stack) -> None:
    """The control for the test above: the forging helper itself makes tokens the gateway accepts."""
    token = forge(stack.tokens.settings, {})
    response = stack.http.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["username"] == "forger"
