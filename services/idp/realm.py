"""The realm file read as Keycloak reads it: users, groups with attributes, roles, clients, client scopes
and their protocol mappers. Pure: takes the parsed JSON, does no I/O.

Only the mapper types the realm file uses are interpreted (realm roles; user attribute, resolved
through the user's groups as Keycloak does; audience; full name; user property; sub; the AUTH_TIME
session note; acr). Anything that would make a token differ from Keycloak's without notice (an unknown
mapper type, a client without full scope) is an error at load time.

OTP is not interpreted: the realm's authentication flows demand it of some roles on a real Keycloak
only (see deploy/keycloak/README.md).
"""

from __future__ import annotations

import hashlib
import hmac
from base64 import urlsafe_b64encode
from dataclasses import dataclass, field
from typing import Any

TOKEN_FLAGS = {"access": "access.token.claim", "id": "id.token.claim", "userinfo": "userinfo.token.claim"}
SUPPORTED_MAPPERS = {
    "oidc-usermodel-realm-role-mapper",
    "oidc-usermodel-attribute-mapper",
    "oidc-audience-mapper",
    "oidc-full-name-mapper",
    "oidc-usermodel-property-mapper",
    "oidc-sub-mapper",
    "oidc-usersessionmodel-note-mapper",
    "oidc-acr-mapper",
}
SUPPORTED_SESSION_NOTES = {"AUTH_TIME"}


class RealmError(ValueError):
    pass


@dataclass(frozen=True)
class User:
    id: str
    username: str
    enabled: bool
    first_name: str
    last_name: str
    email: str
    email_verified: bool
    password: str | None
    roles: tuple[str, ...]
    groups: tuple[str, ...]
    attributes: dict[str, list[str]]
    service_account_client: str = ""

    @property
    def full_name(self) -> str:
        """As Keycloak's full-name mapper builds it: first and last name joined by a space."""
        return " ".join(n for n in (self.first_name, self.last_name) if n)

    def property(self, name: str) -> Any:
        return {
            "username": self.username,
            "firstName": self.first_name or None,
            "lastName": self.last_name or None,
            "email": self.email or None,
            "emailVerified": self.email_verified,
            "enabled": self.enabled,
        }.get(name)


@dataclass(frozen=True)
class Client:
    client_id: str
    enabled: bool
    public: bool
    secret: str
    standard_flow: bool
    direct_access_grants: bool
    service_accounts: bool
    redirect_uris: tuple[str, ...]
    post_logout_redirect_uris: tuple[str, ...]
    pkce_method: str
    scopes: tuple[str, ...]
    """Names of the default client scopes whose name goes into the token's ``scope``."""
    mappers: tuple[dict[str, Any], ...]

    def redirect_allowed(self, uri: str) -> bool:
        """Keycloak's redirect URI rule: exact, or a pattern ending in ``*`` matching the prefix."""
        return bool(uri) and any(_uri_matches(uri, pattern) for pattern in self.redirect_uris)

    def post_logout_redirect_allowed(self, uri: str) -> bool:
        patterns = self.redirect_uris if self.post_logout_redirect_uris == ("+",) else self.post_logout_redirect_uris
        return bool(uri) and any(_uri_matches(uri, pattern) for pattern in patterns)

    def authenticate(self, secret: str | None) -> bool:
        if not self.enabled:
            return False
        if self.public:
            return True
        return secret is not None and hmac.compare_digest(secret.encode(), self.secret.encode())

    def scope(self, requested: str) -> str:
        """The ``scope`` of a token: openid when asked for, then the client's scopes in the file's order."""
        head = ["openid"] if "openid" in requested.split() else []
        return " ".join([*head, *self.scopes])


def _uri_matches(uri: str, pattern: str) -> bool:
    if pattern.endswith("*"):
        return uri.startswith(pattern[:-1]) and not any(c in uri for c in "\r\n")
    return uri == pattern


def _client(raw: dict[str, Any], scopes: dict[str, dict[str, Any]]) -> Client:
    client_id = raw["clientId"]
    if raw.get("fullScopeAllowed", True) is not True:
        raise RealmError(f"client {client_id}: fullScopeAllowed=false is not interpreted by the development IdP")
    mappers: list[dict[str, Any]] = []
    names: list[str] = []
    for name in raw.get("defaultClientScopes", []):
        scope = scopes.get(name)
        if scope is None:
            raise RealmError(f"client {client_id}: unknown client scope {name}")
        mappers += scope.get("protocolMappers", [])
        if scope.get("attributes", {}).get("include.in.token.scope", "true") == "true":
            names.append(name)
    mappers += raw.get("protocolMappers", [])
    for mapper in mappers:
        _check_mapper(client_id, mapper)
    attributes = raw.get("attributes", {})
    post_logout = [u for u in attributes.get("post.logout.redirect.uris", "+").split("##") if u]
    return Client(
        client_id=client_id,
        enabled=raw.get("enabled", True),
        public=raw.get("publicClient", False),
        secret=raw.get("secret", ""),
        standard_flow=raw.get("standardFlowEnabled", True),
        direct_access_grants=raw.get("directAccessGrantsEnabled", False),
        service_accounts=raw.get("serviceAccountsEnabled", False),
        redirect_uris=tuple(raw.get("redirectUris", [])),
        post_logout_redirect_uris=tuple(post_logout),
        pkce_method=attributes.get("pkce.code.challenge.method", ""),
        scopes=tuple(names),
        mappers=tuple(mappers),
    )


def _check_mapper(client_id: str, mapper: dict[str, Any]) -> None:
    kind = mapper["protocolMapper"]
    if kind not in SUPPORTED_MAPPERS:
        raise RealmError(f"client {client_id}: unsupported protocol mapper {kind}")
    note = mapper.get("config", {}).get("user.session.note")
    if kind == "oidc-usersessionmodel-note-mapper" and note not in SUPPORTED_SESSION_NOTES:
        raise RealmError(f"client {client_id}: unsupported user session note {note}")


def _set_claim(claims: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = claims
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


@dataclass(frozen=True)
class Group:
    path: str
    attributes: dict[str, list[str]]
    roles: tuple[str, ...]


def _groups(raw: list[dict[str, Any]], parent: str = "") -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for g in raw:
        path = f"{parent}/{g['name']}"
        groups[path] = Group(path, dict(g.get("attributes", {})), tuple(g.get("realmRoles", [])))
        groups |= _groups(g.get("subGroups", []), path)
    return groups


def _user(raw: dict[str, Any]) -> User:
    password = next((c["value"] for c in raw.get("credentials", []) if c.get("type") == "password"), None)
    return User(
        id=raw["id"],
        username=raw["username"].lower(),
        enabled=raw.get("enabled", False),  # as Keycloak's import: absent means disabled
        first_name=raw.get("firstName", ""),
        last_name=raw.get("lastName", ""),
        email=raw.get("email", ""),
        email_verified=raw.get("emailVerified", False),
        password=password,
        roles=tuple(raw.get("realmRoles", [])),
        groups=tuple(raw.get("groups", [])),
        attributes=dict(raw.get("attributes", {})),
        service_account_client=raw.get("serviceAccountClientId", ""),
    )


@dataclass
class Realm:
    """A realm export, read once. ``claims`` computes what the client's mappers put in a token."""

    raw: dict[str, Any]
    name: str = field(init=False)

    def __post_init__(self) -> None:
        raw = self.raw
        self.name = raw["realm"]
        self.groups = _groups(raw.get("groups", []))
        self.users = {u.username: u for u in map(_user, raw.get("users", []))}
        self._users_by_id = {u.id: u for u in self.users.values()}
        for user in self.users.values():
            missing = [p for p in user.groups if p not in self.groups]
            if missing:
                raise RealmError(f"user {user.username}: unknown groups {missing}")
        self._composites = {
            r["name"]: tuple(r.get("composites", {}).get("realm", []))
            for r in raw.get("roles", {}).get("realm", [])
            if r.get("composite")
        }
        scopes = {s["name"]: s for s in raw.get("clientScopes", [])}
        self.scope_names = tuple(scopes)
        self.clients = {c["clientId"]: _client(c, scopes) for c in raw.get("clients", [])}
        self.access_token_lifespan_s: int = raw.get("accessTokenLifespan", 300)
        self.sso_session_idle_s: int = raw.get("ssoSessionIdleTimeout", 1800)
        self.sso_session_max_s: int = raw.get("ssoSessionMaxLifespan", 36000)
        self.access_code_lifespan_s: int = raw.get("accessCodeLifespan", 60)

    def user(self, username: str) -> User | None:
        """A user who may log in with a password (usernames are case-insensitive, as in Keycloak)."""
        user = self.users.get(username.lower())
        return user if user is not None and not user.service_account_client else None

    def user_by_id(self, user_id: str) -> User | None:
        return self._users_by_id.get(user_id)

    def service_account(self, client_id: str) -> User | None:
        return next((u for u in self.users.values() if u.service_account_client == client_id), None)

    @staticmethod
    def check_password(user: User, password: str) -> bool:
        if user.password is None:
            return False
        return hmac.compare_digest(user.password.encode(), password.encode())

    def effective_roles(self, user: User) -> list[str]:
        """The user's realm roles, those of its groups, and every composite's members."""
        pending = [*user.roles, *(r for path in user.groups for g in self._lineage(path) for r in g.roles)]
        roles: list[str] = []
        while pending:
            role = pending.pop(0)
            if role not in roles:
                roles.append(role)
                pending += self._composites.get(role, ())
        return roles

    def attribute(self, user: User, name: str, aggregate: bool) -> list[str]:
        """Keycloak's attribute resolution: the user's own values, else (or, aggregated, also) its groups'."""
        values = list(user.attributes.get(name, []))
        if values and not aggregate:
            return values
        for group in (g for path in user.groups for g in self._lineage(path)):
            found = group.attributes.get(name, [])
            if found and not aggregate:
                return list(found)
            values += [v for v in found if v not in values]
        return values

    def _lineage(self, path: str) -> list[Group]:
        """The group and its parents, nearest first: a subgroup inherits their attributes and roles."""
        groups = []
        while path:
            groups.append(self.groups[path])
            path = path.rsplit("/", 1)[0]
        return groups

    def claims(self, user: User, client: Client, token: str, auth_time: int = 0) -> dict[str, Any]:
        """The claims the client's mappers put into a token of kind ``token`` ("access", "id", "userinfo")."""
        flag = TOKEN_FLAGS[token]
        claims: dict[str, Any] = {}
        audiences: list[str] = []
        for mapper in client.mappers:
            config = mapper.get("config", {})
            if config.get(flag, "false") != "true":
                continue
            kind = mapper["protocolMapper"]
            if kind == "oidc-usermodel-realm-role-mapper":
                _set_claim(claims, config["claim.name"], self.effective_roles(user))
            elif kind == "oidc-usermodel-attribute-mapper":
                values = self.attribute(user, config["user.attribute"], config.get("aggregate.attrs") == "true")
                if values:
                    multivalued = config.get("multivalued") == "true"
                    _set_claim(claims, config["claim.name"], values if multivalued else values[0])
            elif kind == "oidc-audience-mapper":
                audience = config.get("included.custom.audience") or config.get("included.client.audience")
                if audience and audience not in audiences:
                    audiences.append(audience)
            elif kind == "oidc-full-name-mapper":
                if user.full_name:
                    claims["name"] = user.full_name
            elif kind == "oidc-usermodel-property-mapper":
                value = user.property(config["user.attribute"])
                if value is not None:
                    _set_claim(claims, config["claim.name"], value)
            elif kind == "oidc-sub-mapper":
                claims["sub"] = user.id
            elif kind == "oidc-usersessionmodel-note-mapper" and auth_time:
                _set_claim(claims, config["claim.name"], auth_time)
            elif kind == "oidc-acr-mapper":
                claims["acr"] = "1"
        if audiences:  # Keycloak writes a single audience as a string
            claims["aud"] = audiences[0] if len(audiences) == 1 else audiences
        return claims


def pkce_s256(verifier: str) -> str:
    return urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


PKCE_VERIFIER_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def pkce_matches(challenge: str, method: str, verifier: str) -> bool:
    """RFC 7636 §4.1 and §4.6: a 43–128 character verifier of unreserved characters, then the method."""
    if not 43 <= len(verifier) <= 128 or not set(verifier) <= PKCE_VERIFIER_CHARS:
        return False
    if method == "S256":
        return hmac.compare_digest(pkce_s256(verifier), challenge)
    if method == "plain":
        return hmac.compare_digest(verifier, challenge)
    return False


@dataclass
class _Failures:
    count: int = 0
    last: float | None = None
    not_before: float = 0.0


@dataclass
class BruteForceGuard:
    """Keycloak's temporary lockout (DefaultBruteForceProtector), by username.

    Failures further apart than ``max_delta_s`` start the count again; every ``failure_factor``
    failures lock the user for ``wait_increment_s`` times the number of such steps (at most
    ``max_wait_s``); two failures closer than ``quick_login_check_s`` lock for ``min_quick_wait_s``.
    A success clears everything.
    """

    failure_factor: int = 30
    wait_increment_s: int = 60
    max_wait_s: int = 900
    quick_login_check_s: float = 1.0
    min_quick_wait_s: int = 60
    max_delta_s: int = 43200
    enabled: bool = True
    _users: dict[str, _Failures] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def from_realm(cls, raw: dict[str, Any]) -> BruteForceGuard:
        return cls(
            failure_factor=raw.get("failureFactor", 30),
            wait_increment_s=raw.get("waitIncrementSeconds", 60),
            max_wait_s=raw.get("maxFailureWaitSeconds", 900),
            quick_login_check_s=raw.get("quickLoginCheckMilliSeconds", 1000) / 1000,
            min_quick_wait_s=raw.get("minimumQuickLoginWaitSeconds", 60),
            max_delta_s=raw.get("maxDeltaTimeSeconds", 43200),
            enabled=raw.get("bruteForceProtected", False),
        )

    def locked(self, username: str, now: float) -> bool:
        failures = self._users.get(username.lower())
        return self.enabled and failures is not None and now < failures.not_before

    def failed(self, username: str, now: float) -> None:
        if not self.enabled:
            return
        failures = self._users.setdefault(username.lower(), _Failures())
        previous, failures.last = failures.last, now
        if previous is not None and now - previous > self.max_delta_s:
            failures.count = 0
        failures.count += 1
        wait = self.wait_increment_s * (failures.count // max(self.failure_factor, 1))
        if wait == 0 and previous is not None and now - previous < self.quick_login_check_s:
            wait = self.min_quick_wait_s
        if wait > 0:
            failures.not_before = now + min(wait, self.max_wait_s)

    def succeeded(self, username: str) -> None:
        self._users.pop(username.lower(), None)
