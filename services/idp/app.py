"""Keycloak's OIDC endpoints for one realm, from the realm file. Sessions and codes live in memory:
restarting the development IdP logs everyone out (tokens already issued stay valid until they expire,
as the signing key is kept under var/keys)."""

from __future__ import annotations

import base64
import json
import logging
import secrets
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from services.idp import login_page
from services.idp.realm import BruteForceGuard, Client, Realm, User, pkce_matches
from services.idp.tokens import Signer, load_or_create_key, mint
from wulian.kit.settings import Settings

log = logging.getLogger(__name__)
OIDC = "/protocol/openid-connect"


@dataclass
class Session:
    id: str
    user_id: str
    client_id: str
    started: float
    last_used: float


@dataclass
class Code:
    client_id: str
    redirect_uri: str
    user_id: str
    session_id: str
    scope: str
    nonce: str
    challenge: str
    method: str
    expires: float


@dataclass
class State:
    realm: Realm
    signer: Signer
    issuer: str
    access_lifespan_s: int
    guard: BruteForceGuard
    sessions: dict[str, Session] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)


def oauth_error(status: int, error: str, description: str) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status)


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


def create_app(settings: Settings) -> FastAPI:
    if settings.is_production:
        raise RuntimeError("the development identity provider must not run with WULIAN_ENV=production")
    raw = json.loads(settings.realm_file.read_text(encoding="utf-8"))
    realm = Realm(raw)
    state = State(
        realm=realm,
        signer=Signer(load_or_create_key(settings.var_dir)),
        issuer=settings.issuer,
        access_lifespan_s=realm.access_token_lifespan_s,
        guard=BruteForceGuard.from_realm(raw),
    )
    app = FastAPI(title="五联 development identity provider", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.idp = state

    @app.exception_handler(OAuthError)
    async def _oauth_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, OAuthError)
        return oauth_error(exc.status, exc.error, exc.description)

    base = f"/realms/{realm.name}"

    @app.get(base)
    async def realm_info() -> dict[str, Any]:
        return {
            "realm": realm.name,
            "public_key": state.signer.public_key_der_b64,
            "token-service": f"{state.issuer}{OIDC}",
            "account-service": f"{state.issuer}/account",
            "tokens-not-before": 0,
        }

    @app.get(f"{base}/.well-known/openid-configuration")
    async def discovery() -> dict[str, Any]:
        return discovery_document(state.issuer)

    @app.get(f"{base}{OIDC}/certs")
    async def certs() -> dict[str, Any]:
        return {"keys": [state.signer.jwk]}

    @app.post(f"{base}{OIDC}/token")
    async def token(request: Request) -> JSONResponse:
        form = await _form(request)
        client = _authenticate_client(state, request, form)
        grant = form.get("grant_type", "")
        handlers = {
            "password": _password_grant,
            "refresh_token": _refresh_grant,
            "client_credentials": _client_credentials_grant,
            "authorization_code": _code_grant,
        }
        if grant not in handlers:
            raise OAuthError(400, "unsupported_grant_type", "Unsupported grant_type")
        return JSONResponse(handlers[grant](state, client, form), headers={"Cache-Control": "no-store"})

    @app.post(f"{base}{OIDC}/token/introspect")
    async def introspect(request: Request) -> JSONResponse:
        form = await _form(request)
        client = _authenticate_client(state, request, form)
        if client.public:
            raise OAuthError(401, "invalid_request", "Client not allowed.")
        try:
            claims = state.signer.verify(form.get("token", ""), "Bearer", state.issuer)
        except jwt.PyJWTError:
            return JSONResponse({"active": False})
        if not _session_alive(state, str(claims.get("sid"))):
            return JSONResponse({"active": False})
        return JSONResponse(claims | {"active": True, "client_id": claims.get("azp"), "token_type": "Bearer"})

    @app.api_route(f"{base}{OIDC}/userinfo", methods=["GET", "POST"])
    async def userinfo(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        try:
            claims = state.signer.verify(token, "Bearer", state.issuer)
        except jwt.PyJWTError:
            return oauth_error(401, "invalid_token", "Token verification failed")
        user = realm.user_by_id(str(claims["sub"]))
        client = realm.clients.get(str(claims.get("azp")))
        if user is None or client is None or not _session_alive(state, str(claims.get("sid"))):
            return oauth_error(401, "invalid_token", "Token verification failed")
        return JSONResponse({"sub": user.id, **realm.claims(user, client, "userinfo")})

    @app.get(f"{base}{OIDC}/auth", response_class=HTMLResponse)
    async def auth_page(request: Request) -> Response:
        params = dict(request.query_params)
        problem = _check_auth_request(state, params)
        if problem:
            return HTMLResponse(login_page.render({}, problem), status_code=400)
        return HTMLResponse(login_page.render(params))

    @app.post(f"{base}{OIDC}/auth", response_class=HTMLResponse)
    async def auth_submit(request: Request) -> Response:
        form = await _form(request)
        params = {k: v for k, v in form.items() if k not in ("username", "password")}
        problem = _check_auth_request(state, params)
        if problem:
            return HTMLResponse(login_page.render({}, problem), status_code=400)
        username = form.get("username", "")
        user = _check_credentials(state, username, form.get("password", ""))
        if user is None:
            return HTMLResponse(login_page.render(params, "用户名或密码错误", username), status_code=401)
        session = _new_session(state, user, params["client_id"])
        code = secrets.token_urlsafe(32)
        state.codes[code] = Code(
            client_id=params["client_id"],
            redirect_uri=params["redirect_uri"],
            user_id=user.id,
            session_id=session.id,
            scope=_scope(params.get("scope", "openid")),
            nonce=params.get("nonce", ""),
            challenge=params.get("code_challenge", ""),
            method=params.get("code_challenge_method", "plain"),
            expires=time.time() + realm.access_code_lifespan_s,
        )
        query = {"code": code, "session_state": session.id, "iss": state.issuer}
        if params.get("state"):
            query["state"] = params["state"]
        separator = "&" if "?" in params["redirect_uri"] else "?"
        return RedirectResponse(f"{params['redirect_uri']}{separator}{urlencode(query)}", status_code=302)

    @app.post(f"{base}{OIDC}/logout")
    async def logout_post(request: Request) -> Response:
        form = await _form(request)
        client = _authenticate_client(state, request, form)
        try:
            claims = state.signer.verify(form.get("refresh_token", ""), "Refresh", state.issuer)
        except jwt.PyJWTError:
            raise OAuthError(400, "invalid_grant", "Invalid refresh token") from None
        if claims.get("azp") != client.client_id:
            raise OAuthError(400, "invalid_grant", "Invalid refresh token")
        state.sessions.pop(str(claims.get("sid")), None)
        return Response(status_code=204)

    @app.get(f"{base}{OIDC}/logout")
    async def logout_get(request: Request) -> Response:
        params = dict(request.query_params)
        hint = params.get("id_token_hint", "")
        client = realm.clients.get(params.get("client_id", ""))
        if hint:
            try:
                claims = jwt.decode(
                    hint,
                    state.signer.key.public_key(),
                    algorithms=["RS256"],
                    options={"verify_aud": False, "verify_exp": False},
                )
                state.sessions.pop(str(claims.get("sid")), None)
                client = client or realm.clients.get(str(claims.get("aud")))
            except jwt.PyJWTError:
                return HTMLResponse(login_page.render({}, "退出登录请求无效"), status_code=400)
        target = params.get("post_logout_redirect_uri", "")
        if target:
            if client is None or not client.post_logout_redirect_allowed(target):
                return HTMLResponse(login_page.render({}, "退出登录后的跳转地址不被允许"), status_code=400)
            return RedirectResponse(target, status_code=302)
        return HTMLResponse("<!doctype html><meta charset=utf-8><title>已退出</title><p>您已退出登录。</p>")

    return app


def discovery_document(issuer: str) -> dict[str, Any]:
    oidc = f"{issuer}{OIDC}"
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{oidc}/auth",
        "token_endpoint": f"{oidc}/token",
        "introspection_endpoint": f"{oidc}/token/introspect",
        "userinfo_endpoint": f"{oidc}/userinfo",
        "end_session_endpoint": f"{oidc}/logout",
        "jwks_uri": f"{oidc}/certs",
        "grant_types_supported": ["authorization_code", "refresh_token", "password", "client_credentials"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256", "plain"],
        "scopes_supported": ["openid", "profile", "email", "wulian"],
        "claims_supported": [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "name",
            "preferred_username",
            "realm_access",
            "body",
            "org_unit",
            "email",
        ],
    }


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _authenticate_client(state: State, request: Request, form: dict[str, str]) -> Client:
    client_id, secret = form.get("client_id", ""), form.get("client_secret")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("basic "):
        try:
            client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            raise OAuthError(401, "invalid_client", "Invalid client or Invalid client credentials") from None
    client = state.realm.clients.get(client_id)
    if client is None or not client.authenticate(secret):
        raise OAuthError(401, "invalid_client", "Invalid client or Invalid client credentials")
    return client


def _scope(requested: str) -> str:
    scopes = ["openid"] if "openid" in requested.split() else []
    return " ".join([*scopes, "profile", "email", "wulian"])


def _check_credentials(state: State, username: str, password: str) -> User | None:
    now = time.time()
    user = state.realm.user(username)
    if state.guard.locked(username, now):
        log.info("login refused: account temporarily locked")
        return None
    if user is None or not user.enabled or not state.realm.check_password(user, password):
        state.guard.failed(username, now)
        return None
    state.guard.succeeded(username)
    return user


def _new_session(state: State, user: User, client_id: str) -> Session:
    now = time.time()
    session = Session(id=str(uuid.uuid4()), user_id=user.id, client_id=client_id, started=now, last_used=now)
    state.sessions[session.id] = session
    return session


def _session_alive(state: State, session_id: str) -> bool:
    session = state.sessions.get(session_id)
    if session is None:
        return False
    now = time.time()
    expired = (
        now - session.last_used > state.realm.sso_session_idle_s
        or now - session.started > state.realm.sso_session_max_s
    )
    if expired:
        state.sessions.pop(session_id, None)
    return not expired


def _tokens(
    state: State, user: User, client: Client, session: Session, scope: str, nonce: str = "", refresh: bool = True
) -> dict[str, Any]:
    remaining = int(
        min(state.realm.sso_session_idle_s, state.realm.sso_session_max_s - (time.time() - session.started))
    )
    return mint(
        signer=state.signer,
        realm=state.realm,
        issuer=state.issuer,
        user=user,
        client=client,
        session_id=session.id,
        scope=scope,
        access_lifespan_s=state.access_lifespan_s,
        refresh_lifespan_s=remaining if refresh else 0,
        nonce=nonce or None,
    )


def _password_grant(state: State, client: Client, form: dict[str, str]) -> dict[str, Any]:
    if not client.direct_access_grants:
        raise OAuthError(400, "unauthorized_client", "Client not allowed for direct access grants")
    user = _check_credentials(state, form.get("username", ""), form.get("password", ""))
    if user is None:
        raise OAuthError(401, "invalid_grant", "Invalid user credentials")
    session = _new_session(state, user, client.client_id)
    return _tokens(state, user, client, session, _scope(form.get("scope", "openid")))


def _refresh_grant(state: State, client: Client, form: dict[str, str]) -> dict[str, Any]:
    try:
        claims = state.signer.verify(form.get("refresh_token", ""), "Refresh", state.issuer)
    except jwt.PyJWTError:
        raise OAuthError(400, "invalid_grant", "Invalid refresh token") from None
    if claims.get("azp") != client.client_id:
        raise OAuthError(400, "invalid_grant", "Invalid refresh token. Token client and authorized client don't match")
    session_id = str(claims.get("sid"))
    user = state.realm.user_by_id(str(claims["sub"]))
    if user is None or not user.enabled or not _session_alive(state, session_id):
        raise OAuthError(400, "invalid_grant", "Session not active")
    session = state.sessions[session_id]
    session.last_used = time.time()
    return _tokens(state, user, client, session, str(claims.get("scope", "openid profile email wulian")))


def _client_credentials_grant(state: State, client: Client, form: dict[str, str]) -> dict[str, Any]:
    if client.public or not client.service_accounts:
        raise OAuthError(401, "unauthorized_client", "Client not enabled to retrieve service account")
    user = state.realm.service_account(client.client_id)
    if user is None:
        raise OAuthError(401, "unauthorized_client", "Client not enabled to retrieve service account")
    session = _new_session(state, user, client.client_id)
    return _tokens(state, user, client, session, _scope(form.get("scope", "")), refresh=False)


def _code_grant(state: State, client: Client, form: dict[str, str]) -> dict[str, Any]:
    code = state.codes.pop(form.get("code", ""), None)  # one use only
    if code is None or code.expires < time.time() or code.client_id != client.client_id:
        raise OAuthError(400, "invalid_grant", "Code not valid")
    if form.get("redirect_uri", "") != code.redirect_uri:
        raise OAuthError(400, "invalid_grant", "Incorrect redirect_uri")
    if code.challenge and not pkce_matches(code.challenge, code.method, form.get("code_verifier", "")):
        raise OAuthError(400, "invalid_grant", "PKCE verification failed: Code mismatch")
    user = state.realm.user_by_id(code.user_id)
    if user is None or not _session_alive(state, code.session_id):
        raise OAuthError(400, "invalid_grant", "Session not active")
    return _tokens(state, user, client, state.sessions[code.session_id], code.scope, code.nonce)


def _check_auth_request(state: State, params: dict[str, str]) -> str:
    """A problem with an authorization request, as a message for the login page; empty if none."""
    client = state.realm.clients.get(params.get("client_id", ""))
    if client is None:
        return "客户端无效（client_id）"
    if not client.standard_flow:
        return "该客户端不允许浏览器登录"
    if not client.redirect_allowed(params.get("redirect_uri", "")):
        return "跳转地址无效（redirect_uri）"
    if params.get("response_type") != "code":
        return "仅支持授权码方式（response_type=code）"
    if client.pkce_method and (
        not params.get("code_challenge") or params.get("code_challenge_method", "plain") != client.pkce_method
    ):
        return f"缺少 PKCE 参数（code_challenge，方法 {client.pkce_method}）"
    return ""
