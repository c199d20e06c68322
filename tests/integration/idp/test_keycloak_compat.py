"""python-keycloak talks to the development IdP exactly as it would to Keycloak."""

from __future__ import annotations

import base64
import re
import secrets
from collections.abc import Callable
from html import unescape
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keycloak import KeycloakOpenID
from keycloak.exceptions import KeycloakAuthenticationError, KeycloakGetError, KeycloakPostError

from services.idp.realm import pkce_s256
from wulian.kit.auth import TokenVerifier
from wulian.kit.settings import Settings

CONSOLE_REDIRECT = "http://127.0.0.1:8000/console/callback"
SERVICE_SECRET = "wulian-dev-service-secret"
OpenId = Callable[..., KeycloakOpenID]


def test_discovery_and_keys(idp: Settings, oidc: OpenId) -> None:
    client = oidc()
    well_known = client.well_known()
    oidc_base = f"{idp.issuer}/protocol/openid-connect"
    assert well_known["issuer"] == idp.issuer == f"http://127.0.0.1:{idp.idp_port}/realms/wulian"
    assert {k: well_known[k] for k in ("token_endpoint", "jwks_uri", "userinfo_endpoint", "end_session_endpoint")} == {
        "token_endpoint": f"{oidc_base}/token",
        "jwks_uri": f"{oidc_base}/certs",
        "userinfo_endpoint": f"{oidc_base}/userinfo",
        "end_session_endpoint": f"{oidc_base}/logout",
    }
    assert well_known["authorization_endpoint"] == f"{oidc_base}/auth"
    assert well_known["introspection_endpoint"] == f"{oidc_base}/token/introspect"
    assert "S256" in well_known["code_challenge_methods_supported"]
    assert well_known["id_token_signing_alg_values_supported"] == ["RS256"]
    assert {"password", "authorization_code", "client_credentials"} <= set(well_known["grant_types_supported"])
    (jwk,) = client.certs()["keys"]
    assert (jwk["alg"], jwk["use"], jwk["kty"]) == ("RS256", "sig", "RSA")
    # the realm endpoint's public_key is the same key, base64 DER as Keycloak gives it
    public = serialization.load_der_public_key(base64.b64decode(client.public_key()))
    assert isinstance(public, rsa.RSAPublicKey)
    assert public.public_numbers().n == int.from_bytes(base64.urlsafe_b64decode(jwk["n"] + "=="), "big")


def test_password_grant_refresh_userinfo_decode_and_logout(idp: Settings, oidc: OpenId) -> None:
    client = oidc()
    tokens = client.token("deputy1", "demo")
    assert (tokens["token_type"], tokens["expires_in"], tokens["refresh_expires_in"]) == ("Bearer", 300, 1800)
    checks = {"iss": idp.issuer, "aud": "wulian-api", "exp": None}
    claims = client.decode_token(tokens["access_token"], check_claims=checks)
    assert claims["realm_access"] == {"roles": ["deputy"]}
    assert (claims["body"], claims["org_unit"], claims["preferred_username"]) == ("congress", "congress", "deputy1")
    assert (claims["typ"], claims["azp"], claims["sid"]) == ("Bearer", "wulian-cli", tokens["session_state"])
    assert claims["sub"] == "35a90b70-33e6-5a17-b3db-dac4a860c4af"  # the user's fixed id in the realm file
    assert (claims["given_name"], claims["family_name"], claims["name"]) == ("建国", "王", "建国 王")
    assert claims["scope"].split() == ["openid", "wulian", "profile", "email"]
    id_claims = client.decode_token(tokens["id_token"], check_claims={"aud": "wulian-cli", "iss": idp.issuer})
    assert id_claims["typ"] == "ID" and id_claims["sub"] == claims["sub"]

    info = client.userinfo(tokens["access_token"])
    assert isinstance(info, dict)
    assert info["sub"] == claims["sub"] and info["org_unit"] == "congress"
    assert info["realm_access"] == {"roles": ["deputy"]} and "aud" not in info

    refreshed = client.refresh_token(tokens["refresh_token"])
    assert refreshed["access_token"] != tokens["access_token"]
    assert refreshed["session_state"] == tokens["session_state"]
    assert client.decode_token(refreshed["access_token"])["sub"] == claims["sub"]

    # the platform's own verifier accepts what python-keycloak obtained
    principal = TokenVerifier(idp.issuer, "wulian-api").verify(refreshed["access_token"])
    assert principal.body == "congress" and principal.roles == frozenset({"deputy"})

    client.logout(refreshed["refresh_token"])
    with pytest.raises(KeycloakPostError, match="Session not active"):
        client.refresh_token(refreshed["refresh_token"])
    with pytest.raises(KeycloakPostError, match="Session not active"):
        client.refresh_token(tokens["refresh_token"])  # the whole session ended, not one token
    with pytest.raises(KeycloakAuthenticationError):
        client.userinfo(refreshed["access_token"])


def test_wrong_password_and_wrong_client(oidc: OpenId) -> None:
    with pytest.raises(KeycloakAuthenticationError, match="Invalid user credentials"):
        oidc().token("deputy2", "wrong")
    with pytest.raises(KeycloakAuthenticationError, match="Invalid user credentials"):
        oidc().token("nobody", "demo")
    with pytest.raises(KeycloakAuthenticationError, match="invalid_client"):
        oidc(client_id="no-such-client").token("deputy3", "demo")
    with pytest.raises(KeycloakPostError, match="Client not allowed for direct access grants"):
        oidc(client_id="wulian-console").token("deputy3", "demo")  # a browser-only client
    assert oidc().token("deputy3", "demo")["access_token"]


def test_brute_force_detection_locks_the_account(oidc: OpenId) -> None:
    client = oidc()
    for _ in range(5):
        with pytest.raises(KeycloakAuthenticationError):
            client.token("expert3", "guess")
    with pytest.raises(KeycloakAuthenticationError, match="Invalid user credentials"):
        client.token("expert3", "demo")  # the right password, but the account is locked for now
    assert client.token("expert2", "demo")["access_token"]  # other accounts are unaffected


def test_client_credentials_and_introspection(idp: Settings, oidc: OpenId) -> None:
    service = oidc(client_id="wulian-service", secret=SERVICE_SECRET)
    tokens = service.token(grant_type="client_credentials")
    assert "refresh_token" not in tokens  # Keycloak's default for client credentials
    claims = service.decode_token(tokens["access_token"], check_claims={"aud": "wulian-api", "iss": idp.issuer})
    assert claims["azp"] == "wulian-service" and claims["realm_access"] == {"roles": []}
    introspected = service.introspect(tokens["access_token"])
    assert introspected["active"] is True
    assert (introspected["username"], introspected["client_id"]) == ("service-account-wulian-service", "wulian-service")
    user_tokens = oidc().token("court", "demo")
    assert service.introspect(user_tokens["access_token"])["org_unit"] == "intermediate_court"
    assert service.introspect(user_tokens["refresh_token"])["typ"] == "Refresh"
    assert service.introspect("not-a-token") == {"active": False}
    oidc().logout(user_tokens["refresh_token"])
    assert service.introspect(user_tokens["access_token"]) == {"active": False}
    with pytest.raises(KeycloakPostError, match="Client not allowed"):
        oidc().introspect(tokens["access_token"])  # public clients may not introspect
    with pytest.raises(KeycloakAuthenticationError):
        oidc(client_id="wulian-service", secret="guess").token(grant_type="client_credentials")
    with pytest.raises(KeycloakAuthenticationError, match="Public client not allowed"):
        oidc().token(grant_type="client_credentials")


def test_userinfo_needs_a_live_token_with_scope_openid(idp: Settings, oidc: OpenId) -> None:
    with pytest.raises(KeycloakAuthenticationError):
        oidc().userinfo("not-a-token")
    service = oidc(client_id="wulian-service", secret=SERVICE_SECRET)
    with pytest.raises(KeycloakGetError, match="403"):
        service.userinfo(service.token(grant_type="client_credentials", scope="")["access_token"])
    token = oidc().token("leader", "demo")["access_token"]
    posted = httpx.post(f"{idp.issuer}/protocol/openid-connect/userinfo", headers={"Authorization": f"Bearer {token}"})
    assert posted.status_code == 200 and posted.json()["preferred_username"] == "leader"


def login_in_browser(auth_url: str, username: str, password: str = "demo") -> httpx.Response:
    page = httpx.get(auth_url)
    assert page.status_code == 200 and "登录 五联" in page.text
    hidden = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', page.text))
    form = {k: unescape(v) for k, v in hidden.items()} | {"username": username, "password": password}
    return httpx.post(auth_url.split("?")[0], data=form)


def code_from(response: httpx.Response) -> str:
    assert response.status_code == 302, response.text
    return parse_qs(urlparse(response.headers["location"]).query)["code"][0]


def test_authorization_code_with_pkce(idp: Settings, oidc: OpenId) -> None:
    console = oidc(client_id="wulian-console")
    verifier = secrets.token_urlsafe(48)
    url = console.auth_url(
        redirect_uri=CONSOLE_REDIRECT,
        scope="openid",
        state="s-123",
        nonce="n-456",
        code_challenge=pkce_s256(verifier),
        code_challenge_method="S256",
    )
    wrong = login_in_browser(url, "clerk", password="wrong")
    assert wrong.status_code == 200 and "用户名或密码错误" in wrong.text and 'value="clerk"' in wrong.text

    redirected = login_in_browser(url, "clerk")
    location = urlparse(redirected.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == CONSOLE_REDIRECT
    query = parse_qs(location.query)
    assert query["state"] == ["s-123"] and query["iss"] == [idp.issuer]
    code = code_from(redirected)

    def exchange(code: str, verifier: str | None = None) -> dict[str, Any]:
        return console.token(
            grant_type="authorization_code", code=code, redirect_uri=CONSOLE_REDIRECT, code_verifier=verifier
        )

    with pytest.raises(KeycloakPostError, match="PKCE verification failed"):
        exchange(code, secrets.token_urlsafe(48))
    with pytest.raises(KeycloakPostError, match="Code not valid"):  # a failed exchange uses the code up
        exchange(code, verifier)

    code = code_from(login_in_browser(url, "clerk"))
    with pytest.raises(KeycloakPostError, match="PKCE code verifier not specified"):
        exchange(code)
    code = code_from(login_in_browser(url, "clerk"))
    tokens = exchange(code, verifier)
    claims = console.decode_token(tokens["access_token"], check_claims={"aud": "wulian-api", "iss": idp.issuer})
    assert (claims["preferred_username"], claims["azp"]) == ("clerk", "wulian-console")
    assert console.decode_token(tokens["id_token"])["nonce"] == "n-456"
    with pytest.raises(KeycloakPostError, match="Code not valid"):  # a code is good once
        exchange(code, verifier)
    assert console.refresh_token(tokens["refresh_token"])["access_token"]


def test_a_code_is_bound_to_its_redirect_uri_and_client(oidc: OpenId) -> None:
    console = oidc(client_id="wulian-console")
    verifier = secrets.token_urlsafe(48)
    url = console.auth_url(CONSOLE_REDIRECT, code_challenge=pkce_s256(verifier), code_challenge_method="S256")
    code = code_from(login_in_browser(url, "committee"))
    with pytest.raises(KeycloakPostError, match="Incorrect redirect_uri"):
        console.token(
            grant_type="authorization_code", code=code, redirect_uri="http://127.0.0.1:8000/x", code_verifier=verifier
        )
    code = code_from(login_in_browser(url, "committee"))
    with pytest.raises(KeycloakPostError, match="Client not allowed to exchange code"):
        oidc().token(grant_type="authorization_code", code=code, redirect_uri=CONSOLE_REDIRECT, code_verifier=verifier)
