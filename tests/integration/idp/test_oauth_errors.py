"""Refusals over real HTTP, in Keycloak's words: status, ``error`` and ``error_description``."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest

from wulian.kit.settings import Settings

CONSOLE_REDIRECT = "http://127.0.0.1:8000/console/callback"
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
S256 = {"code_challenge": CHALLENGE, "code_challenge_method": "S256"}


def post_token(idp: Settings, form: dict[str, str], **kwargs: object) -> httpx.Response:
    return httpx.post(f"{idp.issuer}/protocol/openid-connect/token", data=form, **kwargs)  # type: ignore[arg-type]


def error_of(response: httpx.Response) -> tuple[int, str, str]:
    body = response.json()
    return response.status_code, body["error"], body.get("error_description", "")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"client_id": "wulian-cli"}, (400, "invalid_request", "Missing form parameter: grant_type")),
        ({"client_id": "wulian-cli", "grant_type": "magic"}, (400, "unsupported_grant_type", "Unsupported grant_type")),
        (
            {"client_id": "who", "grant_type": "password", "username": "deputy1", "password": "demo"},
            (401, "invalid_client", "Invalid client or Invalid client credentials"),
        ),
        (
            {"client_id": "wulian-service", "grant_type": "client_credentials"},
            (401, "unauthorized_client", "Client secret not provided in request"),
        ),
        (
            {"client_id": "wulian-service", "client_secret": "guess", "grant_type": "client_credentials"},
            (401, "unauthorized_client", "Invalid client or Invalid client credentials"),
        ),
        (
            {"client_id": "wulian-cli", "grant_type": "password", "username": "office", "password": "nope"},
            (401, "invalid_grant", "Invalid user credentials"),
        ),
        (
            {"client_id": "wulian-cli", "grant_type": "refresh_token", "refresh_token": "x.y.z"},
            (400, "invalid_grant", "Invalid refresh token"),
        ),
        (
            {"client_id": "wulian-cli", "grant_type": "refresh_token"},
            (400, "invalid_request", "Missing parameter: refresh_token"),
        ),
        (
            {"client_id": "wulian-console", "grant_type": "authorization_code"},
            (400, "invalid_request", "Missing parameter: code"),
        ),
        (
            {"client_id": "wulian-console", "grant_type": "authorization_code", "code": "made-up", "redirect_uri": "x"},
            (400, "invalid_grant", "Code not valid"),
        ),
    ],
    ids=lambda value: value[2] if isinstance(value, tuple) else "",
)
def test_token_endpoint_errors(idp: Settings, form: dict[str, str], expected: tuple[int, str, str]) -> None:
    assert error_of(post_token(idp, form)) == expected


def test_http_basic_client_authentication(idp: Settings) -> None:
    good = base64.b64encode(b"wulian-service:wulian-dev-service-secret").decode()
    response = post_token(idp, {"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {good}"})
    assert response.status_code == 200 and response.headers["cache-control"] == "no-store"
    bad = base64.b64encode(b"wulian-service:guess").decode()
    response = post_token(idp, {"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {bad}"})
    assert error_of(response)[:2] == (401, "unauthorized_client")


def test_a_refresh_token_belongs_to_its_client(idp: Settings) -> None:
    login = {"client_id": "wulian-cli", "grant_type": "password", "username": "housing", "password": "demo"}
    refresh_token = post_token(idp, login).json()["refresh_token"]
    form = {"client_id": "wulian-service", "client_secret": "wulian-dev-service-secret"}
    response = post_token(idp, form | {"grant_type": "refresh_token", "refresh_token": refresh_token})
    assert error_of(response)[:2] == (400, "invalid_grant")
    assert "don't match" in error_of(response)[2]


def test_userinfo_refuses_in_the_bearer_scheme(idp: Settings) -> None:
    response = httpx.get(f"{idp.issuer}/protocol/openid-connect/userinfo", headers={"Authorization": "Bearer junk"})
    assert error_of(response) == (401, "invalid_token", "Token verification failed")
    assert response.headers["www-authenticate"].startswith('Bearer realm="wulian", error="invalid_token"')
    assert httpx.get(f"{idp.issuer}/protocol/openid-connect/userinfo").status_code == 401


def test_other_realms_do_not_exist(idp: Settings) -> None:
    for path in ("/realms/master", "/realms/other/.well-known/openid-configuration", "/realms/wulianx/protocol"):
        response = httpx.get(f"{idp.idp_base_url.rstrip('/')}{path}")
        assert (response.status_code, response.json()) == (404, {"error": "Realm does not exist"})
    assert httpx.get(f"{idp.issuer}/nothing-here").status_code == 404
    assert httpx.get(f"{idp.issuer}/protocol/openid-connect/token").status_code == 405


def auth(idp: Settings, **params: str) -> httpx.Response:
    query = {"client_id": "wulian-console", "redirect_uri": CONSOLE_REDIRECT, "response_type": "code"} | params
    return httpx.get(f"{idp.issuer}/protocol/openid-connect/auth?{urlencode(query)}")


def test_requests_without_a_trusted_redirect_uri_stop_at_a_page(idp: Settings) -> None:
    for params in ({"client_id": "who"}, {"redirect_uri": "http://evil.example/cb"}, {"client_id": "wulian-cli"}):
        response = auth(idp, **S256, **params)
        assert response.status_code == 400 and "无法登录" in response.text and "<form" not in response.text


@pytest.mark.parametrize(
    ("params", "error", "description"),
    [
        ({"code_challenge": CHALLENGE}, "invalid_request", "Missing parameter: code_challenge_method"),
        ({"code_challenge_method": "S256"}, "invalid_request", "Missing parameter: code_challenge"),
        (S256 | {"code_challenge_method": "plain"}, "invalid_request", "Invalid parameter: code_challenge_method"),
        (S256 | {"code_challenge": "short"}, "invalid_request", "Invalid parameter: code_challenge"),
        (S256 | {"response_type": "token"}, "unsupported_response_type", "not allowed"),
    ],
)
def test_bad_authorization_requests_go_back_to_the_client(
    idp: Settings, params: dict[str, str], error: str, description: str
) -> None:
    response = auth(idp, state="st", **params)
    assert response.status_code == 302
    location = urlparse(response.headers["location"])
    assert location.path == "/console/callback"
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    assert (query["error"], query["state"], query["iss"]) == (error, "st", idp.issuer)
    assert description in query["error_description"]


def test_logout_in_the_browser(idp: Settings) -> None:
    login = {"client_id": "wulian-cli", "grant_type": "password", "username": "procuratorate", "password": "demo"}
    tokens = post_token(idp, login | {"scope": "openid"}).json()
    logout = f"{idp.issuer}/protocol/openid-connect/logout"
    target = "http://127.0.0.1:8000/"
    response = httpx.get(logout, params={"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": target})
    # wulian-cli names no post-logout URIs; Keycloak's "+" then means its (empty) redirect URIs
    assert response.status_code == 400
    response = httpx.get(logout, params={"id_token_hint": tokens["id_token"]})
    assert response.status_code == 200 and "已退出" in response.text
    form = {"client_id": "wulian-cli", "grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    refreshed = post_token(idp, form)
    assert error_of(refreshed) == (400, "invalid_grant", "Session not active")

    params = {"client_id": "wulian-console", "post_logout_redirect_uri": target, "state": "bye"}
    response = httpx.get(logout, params=params)
    assert (response.status_code, response.headers["location"]) == (302, f"{target}?state=bye")
    response = httpx.get(logout, params=params | {"post_logout_redirect_uri": "http://evil.example/"})
    assert response.status_code == 400
    assert httpx.get(logout, params={"post_logout_redirect_uri": target}).status_code == 400


def test_logout_needs_the_clients_own_refresh_token(idp: Settings) -> None:
    logout = f"{idp.issuer}/protocol/openid-connect/logout"
    assert error_of(httpx.post(logout, data={"client_id": "wulian-cli"})) == (
        400,
        "invalid_request",
        "No refresh token",
    )
    bad = httpx.post(logout, data={"client_id": "wulian-cli", "refresh_token": "x.y.z"})
    assert error_of(bad) == (400, "invalid_grant", "Invalid refresh token")
