"""The token endpoint's rules: client authentication, the four grants, and errors in Keycloak's words
(status, ``error`` and ``error_description`` as Keycloak 25 answers them)."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import jwt

from services.idp.realm import BruteForceGuard, Client, Realm, User, pkce_matches
from services.idp.sessions import Session, SessionStore
from services.idp.tokens import Signer, mint

log = logging.getLogger(__name__)
INVALID_CLIENT = "Invalid client or Invalid client credentials"


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


@dataclass
class Idp:
    """Everything the endpoints share: the realm, the key, sessions and the brute-force counters."""

    realm: Realm
    signer: Signer
    issuer: str
    access_lifespan_s: int
    guard: BruteForceGuard
    sessions: SessionStore
    clock: Callable[[], float] = field(default=time.time)


def authenticate_client(idp: Idp, form: dict[str, str], authorization: str = "") -> Client:
    """The calling client, from client_id (+ client_secret) in the form or HTTP Basic."""
    client_id, secret = form.get("client_id", ""), form.get("client_secret")
    if authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:], validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            raise OAuthError(401, "invalid_client", INVALID_CLIENT) from None
        basic_id, _, basic_secret = decoded.partition(":")
        client_id, secret = unquote(basic_id), unquote(basic_secret)  # RFC 6749 §2.3.1 form-encodes both
    client = idp.realm.clients.get(client_id)
    if client is None or not client.enabled:
        raise OAuthError(401, "invalid_client", INVALID_CLIENT)
    if not client.public and not secret:
        raise OAuthError(401, "unauthorized_client", "Client secret not provided in request")
    if not client.authenticate(secret):
        raise OAuthError(401, "unauthorized_client", INVALID_CLIENT)
    return client


def check_credentials(idp: Idp, username: str, password: str) -> User | None:
    """The user if the password is right and the user is neither disabled nor locked out. A locked
    user gets the same answer as a wrong password, as in Keycloak."""
    now = idp.clock()
    user = idp.realm.user(username)
    if user is None:
        return None
    if idp.guard.locked(user.username, now):
        log.info("login refused: user temporarily locked after repeated failures", extra={"user_id": user.id})
        return None
    if not idp.realm.check_password(user, password):
        idp.guard.failed(user.username, now)
        return None
    idp.guard.succeeded(user.username)
    return user


def issue(idp: Idp, user: User, client: Client, session: Session, scope: str, nonce: str = "") -> dict[str, Any]:
    """A token response; service accounts get no refresh token (Keycloak's default)."""
    now = idp.clock()
    return mint(
        signer=idp.signer,
        realm=idp.realm,
        issuer=idp.issuer,
        user=user,
        client=client,
        session_id=session.id,
        auth_time=session.auth_time,
        scope=scope,
        access_lifespan_s=idp.access_lifespan_s,
        refresh_lifespan_s=0 if user.service_account_client else idp.sessions.remaining_s(session, now),
        nonce=nonce,
        now=now,
    )


def password_grant(idp: Idp, client: Client, form: dict[str, str]) -> dict[str, Any]:
    if not client.direct_access_grants:
        raise OAuthError(400, "unauthorized_client", "Client not allowed for direct access grants")
    user = check_credentials(idp, form.get("username", ""), form.get("password", ""))
    if user is None:
        raise OAuthError(401, "invalid_grant", "Invalid user credentials")
    if not user.enabled:
        raise OAuthError(400, "invalid_grant", "Account disabled")
    session = idp.sessions.start(user.id, client.client_id, idp.clock())
    return issue(idp, user, client, session, client.scope(form.get("scope", "")))


def refresh_claims(idp: Idp, client: Client, form: dict[str, str], *, missing: str, mismatch: str) -> dict[str, Any]:
    """The claims of the form's refresh token, which this IdP signed for ``client``; Keycloak's wording
    differs between the token and logout endpoints, hence the two messages."""
    if not form.get("refresh_token"):
        raise OAuthError(400, "invalid_request", missing)
    try:
        claims = idp.signer.verify(form["refresh_token"], "Refresh", idp.issuer)
    except jwt.PyJWTError:
        raise OAuthError(400, "invalid_grant", "Invalid refresh token") from None
    if claims.get("azp") != client.client_id:
        raise OAuthError(400, "invalid_grant", mismatch)
    return claims


def refresh_grant(idp: Idp, client: Client, form: dict[str, str]) -> dict[str, Any]:
    claims = refresh_claims(
        idp,
        client,
        form,
        missing="Missing parameter: refresh_token",
        mismatch="Invalid refresh token. Token client and authorized client don't match",
    )
    now = idp.clock()
    session = idp.sessions.alive(str(claims.get("sid")), now)
    user = idp.realm.user_by_id(str(claims.get("sub")))
    if session is None or user is None or not user.enabled:
        raise OAuthError(400, "invalid_grant", "Session not active")
    idp.sessions.touch(session, now)
    return issue(idp, user, client, session, str(claims.get("scope", "")))


def client_credentials_grant(idp: Idp, client: Client, form: dict[str, str]) -> dict[str, Any]:
    if client.public:
        raise OAuthError(401, "unauthorized_client", "Public client not allowed to retrieve service account")
    user = idp.realm.service_account(client.client_id)
    if not client.service_accounts or user is None:
        raise OAuthError(401, "unauthorized_client", "Client not enabled to retrieve service account")
    session = idp.sessions.start(user.id, client.client_id, idp.clock())
    return issue(idp, user, client, session, client.scope(form.get("scope", "")))


def code_grant(idp: Idp, client: Client, form: dict[str, str]) -> dict[str, Any]:
    if not form.get("code"):
        raise OAuthError(400, "invalid_request", "Missing parameter: code")
    if not client.standard_flow:
        raise OAuthError(400, "unauthorized_client", "Client not allowed to exchange code")
    now = idp.clock()
    code = idp.sessions.redeem_code(form["code"], now)
    if code is None:
        raise OAuthError(400, "invalid_grant", "Code not valid")
    if code.client_id != client.client_id:
        raise OAuthError(400, "invalid_grant", "Auth error")
    if form.get("redirect_uri", "") != code.redirect_uri:
        raise OAuthError(400, "invalid_grant", "Incorrect redirect_uri")
    _check_verifier(code.challenge, code.method, form.get("code_verifier", ""))
    session = idp.sessions.alive(code.session_id, now)
    user = idp.realm.user_by_id(session.user_id) if session else None
    if session is None or user is None:
        raise OAuthError(400, "invalid_grant", "Session not active")
    return issue(idp, user, client, session, code.scope, code.nonce)


def _check_verifier(challenge: str, method: str, verifier: str) -> None:
    if not challenge:
        return
    if not verifier:
        raise OAuthError(400, "invalid_grant", "PKCE code verifier not specified")
    if not pkce_matches(challenge, method, verifier):
        raise OAuthError(400, "invalid_grant", "PKCE verification failed: Code mismatch")


GRANTS: dict[str, Callable[[Idp, Client, dict[str, str]], dict[str, Any]]] = {
    "password": password_grant,
    "refresh_token": refresh_grant,
    "client_credentials": client_credentials_grant,
    "authorization_code": code_grant,
}


def token(idp: Idp, form: dict[str, str], authorization: str = "") -> dict[str, Any]:
    """The token endpoint: authenticate the client, then run the grant it asked for."""
    grant = form.get("grant_type", "")
    if not grant:
        raise OAuthError(400, "invalid_request", "Missing form parameter: grant_type")
    client = authenticate_client(idp, form, authorization)
    if grant not in GRANTS:
        raise OAuthError(400, "unsupported_grant_type", "Unsupported grant_type")
    return GRANTS[grant](idp, client, form)
