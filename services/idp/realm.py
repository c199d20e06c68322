"""The realm file read as Keycloak reads it: users, groups with attributes, clients, client scopes and
their protocol mappers. Pure: takes the parsed JSON, does no I/O.

Only the mapper types the realm file uses are interpreted (realm roles, user attribute — resolved
through the user's groups as Keycloak does —, audience, full name, user property); an unknown mapper
type is an error at load time rather than a silently different token.
"""

from __future__ import annotations

import fnmatch
import hashlib
import hmac
from base64 import urlsafe_b64encode
from dataclasses import dataclass
from typing import Any

SUPPORTED_MAPPERS = {
    "oidc-usermodel-realm-role-mapper",
    "oidc-usermodel-attribute-mapper",
    "oidc-audience-mapper",
    "oidc-full-name-mapper",
    "oidc-usermodel-property-mapper",
}


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
    attributes: dict[str, list[str]]
    service_account_client: str = ""

    @property
    def full_name(self) -> str:
        """As Keycloak's full-name mapper: first and last name joined by a space."""
        return " ".join(n for n in (self.first_name, self.last_name) if n)

    def property(self, name: str) -> Any:
        return {
            "username": self.username,
            "firstName": self.first_name or None,
            "lastName": self.last_name or None,
            "email": self.email or None,
            "emailVerified": self.email_verified,
        }.get(name)


@dataclass(frozen=True)
class Client:
    client_id: str
    public: bool
    secret: str
    standard_flow: bool
    direct_access_grants: bool
    service_accounts: bool
    redirect_uris: tuple[str, ...]
    post_logout_redirect_uris: tuple[str, ...]
    pkce_method: str
    mappers: tuple[dict[str, Any], ...]

    def redirect_allowed(self, uri: str) -> bool:
        return any(fnmatch.fnmatchcase(uri, pattern) for pattern in self.redirect_uris)

    def post_logout_redirect_allowed(self, uri: str) -> bool:
        return any(fnmatch.fnmatchcase(uri, pattern) for pattern in self.post_logout_redirect_uris)

    def authenticate(self, secret: str | None) -> bool:
        if self.public:
            return True
        return secret is not None and hmac.compare_digest(secret.encode(), self.secret.encode())


def _user(raw: dict[str, Any], groups: dict[str, dict[str, list[str]]]) -> User:
    attributes: dict[str, list[str]] = {}
    for path in raw.get("groups", []):  # group attributes first, the user's own win (Keycloak's order)
        attributes |= groups.get(path, {})
    attributes |= raw.get("attributes", {})
    password = next((c["value"] for c in raw.get("credentials", []) if c.get("type") == "password"), None)
    return User(
        id=raw["id"],
        username=raw["username"],
        enabled=raw.get("enabled", True),
        first_name=raw.get("firstName", ""),
        last_name=raw.get("lastName", ""),
        email=raw.get("email", ""),
        email_verified=raw.get("emailVerified", False),
        password=password,
        roles=tuple(raw.get("realmRoles", [])),
        attributes=attributes,
        service_account_client=raw.get("serviceAccountClientId", ""),
    )


def _client(raw: dict[str, Any], scopes: dict[str, list[dict[str, Any]]]) -> Client:
    mappers = [m for name in raw.get("defaultClientScopes", []) for m in scopes.get(name, [])]
    mappers += raw.get("protocolMappers", [])
    for mapper in mappers:
        if mapper["protocolMapper"] not in SUPPORTED_MAPPERS:
            raise RealmError(f"unsupported protocol mapper {mapper['protocolMapper']} in {raw['clientId']}")
    attributes = raw.get("attributes", {})
    post_logout = [u for u in attributes.get("post.logout.redirect.uris", "").split("##") if u]
    return Client(
        client_id=raw["clientId"],
        public=raw.get("publicClient", False),
        secret=raw.get("secret", ""),
        standard_flow=raw.get("standardFlowEnabled", True),
        direct_access_grants=raw.get("directAccessGrantsEnabled", False),
        service_accounts=raw.get("serviceAccountsEnabled", False),
        redirect_uris=tuple(raw.get("redirectUris", [])),
        post_logout_redirect_uris=tuple(post_logout),
        pkce_method=attributes.get("pkce.code.challenge.method", ""),
        mappers=tuple(mappers),
    )


def _set_claim(claims: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node = claims
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value


class Realm:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.name: str = raw["realm"]
        self.raw = raw
        groups = {g.get("path", "/" + g["name"]): dict(g.get("attributes", {})) for g in raw.get("groups", [])}
        self.users = {u["username"]: _user(u, groups) for u in raw.get("users", [])}
        self._users_by_id = {u.id: u for u in self.users.values()}
        scopes = {s["name"]: s.get("protocolMappers", []) for s in raw.get("clientScopes", [])}
        self.clients = {c["clientId"]: _client(c, scopes) for c in raw.get("clients", [])}
        self.access_token_lifespan_s: int = raw.get("accessTokenLifespan", 300)
        self.sso_session_idle_s: int = raw.get("ssoSessionIdleTimeout", 1800)
        self.sso_session_max_s: int = raw.get("ssoSessionMaxLifespan", 36000)
        self.access_code_lifespan_s: int = raw.get("accessCodeLifespan", 60)

    def user(self, username: str) -> User | None:
        user = self.users.get(username)
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

    def claims(self, user: User, client: Client, token: str) -> dict[str, Any]:
        """The claims the client's mappers put into a token of kind ``token`` ("access", "id", "userinfo")."""
        flag = {"access": "access.token.claim", "id": "id.token.claim", "userinfo": "userinfo.token.claim"}[token]
        claims: dict[str, Any] = {}
        audiences: list[str] = []
        for mapper in client.mappers:
            config = mapper.get("config", {})
            if config.get(flag, "false") != "true":
                continue
            kind = mapper["protocolMapper"]
            if kind == "oidc-usermodel-realm-role-mapper":
                _set_claim(claims, config["claim.name"], list(user.roles))
            elif kind == "oidc-usermodel-attribute-mapper":
                values = user.attributes.get(config["user.attribute"], [])
                if values:
                    multivalued = config.get("multivalued") == "true"
                    _set_claim(claims, config["claim.name"], list(values) if multivalued else values[0])
            elif kind == "oidc-audience-mapper":
                audiences.append(config["included.custom.audience"])
            elif kind == "oidc-full-name-mapper":
                if user.full_name:
                    claims["name"] = user.full_name
            elif kind == "oidc-usermodel-property-mapper":
                value = user.property(config["user.attribute"])
                if value is not None:
                    _set_claim(claims, config["claim.name"], value)
        if audiences:
            claims["aud"] = audiences
        return claims


def pkce_s256(verifier: str) -> str:
    return urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


def pkce_matches(challenge: str, method: str, verifier: str) -> bool:
    if not 43 <= len(verifier) <= 128:
        return False
    if method == "S256":
        return hmac.compare_digest(pkce_s256(verifier), challenge)
    if method == "plain":
        return hmac.compare_digest(verifier, challenge)
    return False


@dataclass
class BruteForceGuard:
    """Keycloak's temporary lockout: after ``failure_factor`` failures the user waits
    ``wait_increment_s`` (growing with each further failure, up to ``max_wait_s``)."""

    failure_factor: int = 5
    wait_increment_s: int = 60
    max_wait_s: int = 900
    enabled: bool = True

    def __post_init__(self) -> None:
        self._failures: dict[str, int] = {}
        self._locked_until: dict[str, float] = {}

    @classmethod
    def from_realm(cls, raw: dict[str, Any]) -> BruteForceGuard:
        return cls(
            failure_factor=raw.get("failureFactor", 30),
            wait_increment_s=raw.get("waitIncrementSeconds", 60),
            max_wait_s=raw.get("maxFailureWaitSeconds", 900),
            enabled=raw.get("bruteForceProtected", False),
        )

    def locked(self, username: str, now: float) -> bool:
        return self.enabled and self._locked_until.get(username, 0.0) > now

    def failed(self, username: str, now: float) -> None:
        if not self.enabled:
            return
        failures = self._failures.get(username, 0) + 1
        self._failures[username] = failures
        if failures >= self.failure_factor:
            steps = failures // self.failure_factor
            self._locked_until[username] = now + min(self.wait_increment_s * steps, self.max_wait_s)

    def succeeded(self, username: str) -> None:
        self._failures.pop(username, None)
        self._locked_until.pop(username, None)
