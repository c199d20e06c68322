"""python-keycloak talks to the development IdP exactly as it would to Keycloak."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from html import unescape
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from keycloak import KeycloakOpenID
from keycloak.exceptions import KeycloakAuthenticationError, KeycloakPostError

from services.idp.realm import pkce_s256
from wulian.kit.auth import TokenVerifier
from wulian.kit.settings import PROJECT_ROOT, Settings

CONSOLE_REDIRECT = "http://127.0.0.1:8000/console/callback"


def oidc(settings: Settings, client_id: str = "wulian-cli", secret: str | None = None) -> KeycloakOpenID:
    return KeycloakOpenID(
        server_url=settings.idp_base_url, realm_name="wulian", client_id=client_id, client_secret_key=secret
    )


def test_discovery_and_keys(idp_settings: Settings) -> None:
    client = oidc(idp_settings)
    well_known = client.well_known()
    assert well_known["issuer"] == idp_settings.issuer
    assert well_known["token_endpoint"] == f"{idp_settings.issuer}/protocol/openid-connect/token"
    assert "S256" in well_known["code_challenge_methods_supported"]
    assert client.certs()["keys"][0]["alg"] == "RS256"
    assert client.public_key().startswith("MII")


def test_password_grant_refresh_userinfo_decode_and_logout(idp_settings: Settings) -> None:
    client = oidc(idp_settings)
    tokens = client.token("transport", "demo")
    claims = client.decode_token(tokens["access_token"])
    assert claims["iss"] == idp_settings.issuer
    assert "wulian-api" in claims["aud"]
    assert claims["realm_access"]["roles"] == ["gov_department"]
    assert (claims["body"], claims["org_unit"], claims["preferred_username"]) == (
        "government",
        "transport",
        "transport",
    )
    assert claims["typ"] == "Bearer" and claims["azp"] == "wulian-cli"
    id_claims = client.decode_token(tokens["id_token"])
    assert id_claims["aud"] == "wulian-cli" and id_claims["typ"] == "ID"

    info = client.userinfo(tokens["access_token"])
    assert info["sub"] == claims["sub"] and info["org_unit"] == "transport"

    refreshed = client.refresh_token(tokens["refresh_token"])
    assert refreshed["access_token"] != tokens["access_token"]
    assert client.decode_token(refreshed["access_token"])["sub"] == claims["sub"]

    # the platform's own verifier accepts what python-keycloak obtained
    principal = TokenVerifier(idp_settings.issuer, "wulian-api").verify(refreshed["access_token"])
    assert principal.org_unit == "transport" and principal.roles == frozenset({"gov_department"})

    client.logout(refreshed["refresh_token"])
    with pytest.raises(KeycloakPostError):
        client.refresh_token(refreshed["refresh_token"])
    with pytest.raises(Exception, match="401"):
        client.userinfo(refreshed["access_token"])


def test_wrong_password_and_wrong_client(idp_settings: Settings) -> None:
    with pytest.raises(KeycloakAuthenticationError, match="Invalid user credentials"):
        oidc(idp_settings).token("deputy1", "wrong")
    with pytest.raises(KeycloakAuthenticationError):
        oidc(idp_settings, client_id="no-such-client").token("deputy1", "demo")
    with pytest.raises(KeycloakPostError, match="unauthorized_client"):
        oidc(idp_settings, client_id="wulian-console").token("deputy1", "demo")  # browser-only client


def test_brute_force_detection_locks_the_account(idp_settings: Settings) -> None:
    client = oidc(idp_settings)
    for _ in range(5):
        with pytest.raises(KeycloakAuthenticationError):
            client.token("expert3", "guess")
    with pytest.raises(KeycloakAuthenticationError):
        client.token("expert3", "demo")  # the right password, but the account is locked for now


def test_client_credentials_and_introspection(idp_settings: Settings) -> None:
    service = oidc(idp_settings, client_id="wulian-service", secret="wulian-dev-service-secret")
    tokens = service.token(grant_type="client_credentials")
    assert "refresh_token" not in tokens
    introspected = service.introspect(tokens["access_token"])
    assert introspected["active"] is True
    assert introspected["preferred_username"] == "service-account-wulian-service"
    assert service.introspect("not-a-token")["active"] is False
    with pytest.raises(KeycloakAuthenticationError):
        oidc(idp_settings, client_id="wulian-service", secret="guess").token(grant_type="client_credentials")


def login_in_browser(settings: Settings, auth_url: str, password: str = "demo") -> httpx.Response:
    page = httpx.get(auth_url)
    assert page.status_code == 200 and "登录 五联" in page.text
    hidden = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
    form = {k: unescape(v) for k, v in hidden.items()} | {"username": "clerk", "password": password}
    return httpx.post(auth_url.split("?")[0], data=form)


def test_authorization_code_with_pkce(idp_settings: Settings) -> None:
    console = oidc(idp_settings, client_id="wulian-console")
    verifier = secrets.token_urlsafe(48)
    url = console.auth_url(
        redirect_uri=CONSOLE_REDIRECT,
        scope="openid",
        state="s-123",
        code_challenge=pkce_s256(verifier),
        code_challenge_method="S256",
    )
    wrong = login_in_browser(idp_settings, url, password="wrong")
    assert wrong.status_code == 401 and "用户名或密码错误" in wrong.text

    redirected = login_in_browser(idp_settings, url)
    assert redirected.status_code == 302
    location = urlparse(redirected.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == CONSOLE_REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["s-123"]
    code = query["code"][0]

    with pytest.raises(KeycloakPostError, match="PKCE"):
        console.token(grant_type="authorization_code", code=code, redirect_uri=CONSOLE_REDIRECT, code_verifier="x" * 50)

    code = parse_qs(urlparse(login_in_browser(idp_settings, url).headers["location"]).query)["code"][0]
    tokens = console.token(
        grant_type="authorization_code", code=code, redirect_uri=CONSOLE_REDIRECT, code_verifier=verifier
    )
    assert console.decode_token(tokens["access_token"])["preferred_username"] == "clerk"
    with pytest.raises(KeycloakPostError, match="Code not valid"):  # a code is good once
        console.token(grant_type="authorization_code", code=code, redirect_uri=CONSOLE_REDIRECT, code_verifier=verifier)


def test_authorization_request_is_checked(idp_settings: Settings) -> None:
    console = oidc(idp_settings, client_id="wulian-console")
    evil = console.auth_url(
        redirect_uri="http://evil.example/cb", code_challenge="c" * 43, code_challenge_method="S256"
    )
    assert httpx.get(evil).status_code == 400
    no_pkce = console.auth_url(redirect_uri=CONSOLE_REDIRECT)
    assert "PKCE" in httpx.get(no_pkce).text


def test_the_idp_refuses_to_start_in_production(tmp_path: object) -> None:
    env = dict(
        os.environ,
        WULIAN_ENV="production",
        WULIAN_ISSUER_URL="https://sso.example/realms/wulian",
        WULIAN_SERVICE_CLIENT_SECRET="s3cret",
        WULIAN_DEMO_DATA="false",
    )
    done = subprocess.run(
        [sys.executable, "-m", "services.idp"], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "WULIAN_ENV=production" in done.stderr
