"""Keycloak's OIDC endpoints for one realm, served from the realm file (embedded mode only).

Sessions, codes and brute-force counters live in memory (services/idp/sessions.py); there is no SSO
cookie, so every authorization request shows the login form. Nothing here logs a password or a token.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import jwt
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.idp import login_page
from services.idp.grants import Idp, OAuthError, authenticate_client, check_credentials, refresh_claims, token
from services.idp.realm import BruteForceGuard, Client, Realm
from services.idp.sessions import SessionStore
from services.idp.tokens import Signer, load_or_create_key
from wulian.kit.settings import Settings

OIDC = "/protocol/openid-connect"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
CLAIMS = [
    "aud",
    "sub",
    "iss",
    "auth_time",
    "name",
    "given_name",
    "family_name",
    "preferred_username",
    "email",
    "email_verified",
    "acr",
    "realm_access",
    "body",
    "org_unit",
]


class AuthRequestError(Exception):
    """An authorization request refused on a page (no trusted redirect_uri to send the error to)."""


def build_idp(settings: Settings) -> Idp:
    """The realm file and signing key read from disk. The access-token lifespan is the realm's
    ``accessTokenLifespan`` unless WULIAN_ACCESS_TOKEN_LIFESPAN_S is set explicitly."""
    raw = json.loads(settings.realm_file.read_text(encoding="utf-8"))
    realm = Realm(raw)
    if realm.name != settings.realm:
        raise ValueError(f"{settings.realm_file} defines realm {realm.name}, settings name {settings.realm}")
    overridden = "access_token_lifespan_s" in settings.model_fields_set
    return Idp(
        realm=realm,
        signer=Signer(load_or_create_key(settings.var_dir)),
        issuer=settings.issuer,
        access_lifespan_s=settings.access_token_lifespan_s if overridden else realm.access_token_lifespan_s,
        guard=BruteForceGuard.from_realm(raw),
        sessions=SessionStore(realm.sso_session_idle_s, realm.sso_session_max_s, realm.access_code_lifespan_s),
    )


def create_app(settings: Settings) -> FastAPI:
    if settings.is_production:
        raise RuntimeError("the development identity provider must not run with WULIAN_ENV=production")
    idp = build_idp(settings)
    app = FastAPI(title="五联 development identity provider", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.idp = idp
    base = f"/realms/{idp.realm.name}"

    @app.exception_handler(OAuthError)
    async def _oauth_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, OAuthError)
        return oauth_error(exc.status, exc.error, exc.description)

    @app.exception_handler(StarletteHTTPException)
    async def _not_found(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        path = request.url.path.rstrip("/")
        if exc.status_code == 404 and path.startswith("/realms/") and not (path + "/").startswith(base + "/"):
            return JSONResponse({"error": "Realm does not exist"}, status_code=404)
        if exc.status_code == 404:
            return JSONResponse({"error": "Unable to find matching target resource method"}, status_code=404)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.get(base)
    async def realm_info() -> dict[str, Any]:
        return {
            "realm": idp.realm.name,
            "public_key": idp.signer.public_key_der_b64,
            "token-service": f"{idp.issuer}{OIDC}",
            "account-service": f"{idp.issuer}/account",
            "tokens-not-before": 0,
        }

    @app.get(f"{base}/.well-known/openid-configuration")
    async def discovery() -> dict[str, Any]:
        return discovery_document(idp.issuer, idp.realm.scope_names)

    @app.get(f"{base}{OIDC}/certs")
    async def certs() -> dict[str, Any]:
        return {"keys": [idp.signer.jwk]}

    @app.post(f"{base}{OIDC}/token")
    async def token_endpoint(request: Request) -> JSONResponse:
        form = await _form(request)
        return JSONResponse(token(idp, form, request.headers.get("authorization", "")), headers=NO_STORE)

    @app.post(f"{base}{OIDC}/token/introspect")
    async def introspect(request: Request) -> JSONResponse:
        form = await _form(request)
        client = authenticate_client(idp, form, request.headers.get("authorization", ""))
        if client.public:
            raise OAuthError(403, "invalid_request", "Client not allowed.")
        if not form.get("token"):
            raise OAuthError(400, "invalid_request", "Token not provided.")
        return JSONResponse(_introspection(idp, form["token"]))

    @app.api_route(f"{base}{OIDC}/userinfo", methods=["GET", "POST"])
    async def userinfo(request: Request) -> JSONResponse:
        auth = request.headers.get("authorization", "")
        bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not bearer and request.method == "POST":
            bearer = (await _form(request)).get("access_token", "")
        return _userinfo(idp, bearer)

    @app.get(f"{base}{OIDC}/auth")
    async def auth_page(request: Request) -> Response:
        params = dict(request.query_params)
        client = _checked(idp, params)
        if isinstance(client, Response):
            return client
        return HTMLResponse(login_page.render(params), headers=NO_STORE)

    @app.post(f"{base}{OIDC}/auth")
    async def auth_submit(request: Request) -> Response:
        form = await _form(request)
        params = {k: v for k, v in form.items() if k not in ("username", "password")}
        client = _checked(idp, params)
        if isinstance(client, Response):
            return client
        username = form.get("username", "")
        user = check_credentials(idp, username, form.get("password", ""))
        if user is None:
            return HTMLResponse(login_page.render(params, "用户名或密码错误", username), headers=NO_STORE)
        if not user.enabled:
            return HTMLResponse(login_page.render(params, "账户已被禁用，请联系管理员", username), headers=NO_STORE)
        now = idp.clock()
        session = idp.sessions.start(user.id, client.client_id, now)
        code = idp.sessions.issue_code(session, params, client.scope(params.get("scope", "")), now)
        return _redirect(idp, params, {"code": code, "session_state": session.id})

    @app.post(f"{base}{OIDC}/logout")
    async def logout_post(request: Request) -> Response:
        form = await _form(request)
        client = authenticate_client(idp, form, request.headers.get("authorization", ""))
        claims = refresh_claims(idp, client, form, missing="No refresh token", mismatch="Invalid refresh token")
        idp.sessions.end(str(claims.get("sid")))
        return Response(status_code=204, headers=NO_STORE)

    @app.get(f"{base}{OIDC}/logout")
    async def logout_get(request: Request) -> Response:
        return _logout_in_browser(idp, dict(request.query_params))

    return app


def oauth_error(status: int, error: str, description: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "error_description": description}, status_code=status, headers=headers)


def discovery_document(issuer: str, scopes: tuple[str, ...] = ()) -> dict[str, Any]:
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
        "userinfo_signing_alg_values_supported": ["none"],
        "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["plain", "S256"],
        "scopes_supported": ["openid", *scopes],
        "claims_parameter_supported": False,
        "request_parameter_supported": False,
        "frontchannel_logout_supported": False,
        "backchannel_logout_supported": False,
        "claims_supported": list(CLAIMS),
    }


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _introspection(idp: Idp, token_value: str) -> dict[str, Any]:
    """Keycloak's answer for an access or refresh token of a live session; ``active: false`` otherwise."""
    try:
        kind = jwt.decode(token_value, options={"verify_signature": False}).get("typ", "")
        claims = idp.signer.verify(token_value, kind if kind in ("Bearer", "Refresh") else "Bearer", idp.issuer)
    except jwt.PyJWTError:
        return {"active": False}
    if idp.sessions.alive(str(claims.get("sid")), idp.clock()) is None:
        return {"active": False}
    user = idp.realm.user_by_id(str(claims.get("sub")))
    extra = {"client_id": claims.get("azp"), "token_type": claims["typ"], "active": True}
    if user is not None:
        extra["username"] = user.username
    return claims | extra


def _userinfo(idp: Idp, bearer: str) -> JSONResponse:
    def refused(description: str) -> JSONResponse:
        challenge = f'Bearer realm="{idp.realm.name}", error="invalid_token", error_description="{description}"'
        return oauth_error(401, "invalid_token", description, {"WWW-Authenticate": challenge})

    if not bearer:
        return refused("Token not provided")
    try:
        claims = idp.signer.verify(bearer, "Bearer", idp.issuer)
    except jwt.PyJWTError:
        return refused("Token verification failed")
    session = idp.sessions.alive(str(claims.get("sid")), idp.clock())
    user = idp.realm.user_by_id(session.user_id) if session else None
    client = idp.realm.clients.get(str(claims.get("azp")))
    if session is None or user is None or client is None:
        return refused("User session not found or doesn't have client attached on it")
    if "openid" not in str(claims.get("scope", "")).split():
        return oauth_error(403, "insufficient_scope", "Missing openid scope")
    return JSONResponse({"sub": user.id, **idp.realm.claims(user, client, "userinfo", session.auth_time)})


def check_auth_request(realm: Realm, params: dict[str, str]) -> Client:
    """The client of an authorization request whose redirect_uri may be trusted; AuthRequestError if not."""
    client = realm.clients.get(params.get("client_id", ""))
    if client is None:
        raise AuthRequestError("客户端不存在（client_id）")
    if not client.enabled:
        raise AuthRequestError("客户端已停用")
    if not client.redirect_allowed(params.get("redirect_uri", "")):
        raise AuthRequestError("跳转地址无效（redirect_uri）")
    return client


def _checked(idp: Idp, params: dict[str, str]) -> Client | Response:
    """The client of a valid authorization request, or the page/redirect that refuses it."""
    try:
        client = check_auth_request(idp.realm, params)
    except AuthRequestError as problem:
        return HTMLResponse(login_page.render_message("无法登录", str(problem)), status_code=400)
    refused = _refusal(client, params)
    if refused:
        return _redirect(idp, params, refused)
    return client


def _refusal(client: Client, params: dict[str, str]) -> dict[str, str]:
    """The OAuth error to send back to the client's redirect_uri, as Keycloak words it; empty if none."""
    response_type = params.get("response_type", "")
    not_allowed = "Client is not allowed to initiate browser login with given response_type."
    if not client.standard_flow:
        return {"error": "unauthorized_client", "error_description": not_allowed}
    if response_type and response_type != "code":
        return {"error": "unsupported_response_type", "error_description": not_allowed}
    if not response_type:
        return {"error": "invalid_request", "error_description": "Missing parameter: response_type"}
    method, challenge = params.get("code_challenge_method", ""), params.get("code_challenge", "")
    if client.pkce_method and not method:
        return {"error": "invalid_request", "error_description": "Missing parameter: code_challenge_method"}
    if (client.pkce_method and method != client.pkce_method) or (method and method not in ("plain", "S256")):
        return {"error": "invalid_request", "error_description": "Invalid parameter: code_challenge_method"}
    if (client.pkce_method or method) and not challenge:
        return {"error": "invalid_request", "error_description": "Missing parameter: code_challenge"}
    if challenge and not 43 <= len(challenge) <= 128:
        return {"error": "invalid_request", "error_description": "Invalid parameter: code_challenge"}
    return {}


def _redirect(idp: Idp, params: dict[str, str], query: dict[str, str]) -> RedirectResponse:
    """Back to the (already checked) redirect_uri, with the request's state and the issuer (RFC 9207)."""
    query = dict(query)
    if params.get("state"):
        query["state"] = params["state"]
    query["iss"] = idp.issuer
    uri = params["redirect_uri"]
    separator = "&" if "?" in uri else "?"
    return RedirectResponse(f"{uri}{separator}{urlencode(query)}", status_code=302, headers=NO_STORE)


def _logout_in_browser(idp: Idp, params: dict[str, str]) -> Response:
    """RP-initiated logout: end the session named by id_token_hint, then go to post_logout_redirect_uri."""
    client = idp.realm.clients.get(params.get("client_id", ""))
    if params.get("id_token_hint"):
        try:
            claims = idp.signer.verify(params["id_token_hint"], "ID", idp.issuer, verify_exp=False)
        except jwt.PyJWTError:
            return HTMLResponse(login_page.render_message("无法退出", "退出登录请求无效（id_token_hint）"), 400)
        hinted = idp.realm.clients.get(str(claims.get("aud")))
        if client is not None and hinted is not client:
            return HTMLResponse(login_page.render_message("无法退出", "client_id 与 id_token_hint 不一致"), 400)
        client = hinted
        idp.sessions.end(str(claims.get("sid")))
    target = params.get("post_logout_redirect_uri", "")
    if not target:
        return HTMLResponse(login_page.render_message("已退出", "您已退出登录。", error=False))
    if client is None:
        return HTMLResponse(login_page.render_message("无法退出", "缺少参数：id_token_hint 或 client_id"), 400)
    if not client.post_logout_redirect_allowed(target):
        return HTMLResponse(login_page.render_message("无法退出", "退出登录后的跳转地址无效"), 400)
    if params.get("state"):
        target += ("&" if "?" in target else "?") + urlencode({"state": params["state"]})
    return RedirectResponse(target, status_code=302)
