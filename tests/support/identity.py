"""Tokens from the real development identity provider, and forged ones for the bad-token tests."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt

from wulian.kit.settings import Settings

DEMO_PASSWORD = "demo"


@dataclass
class Tokens:
    """Password-grant tokens of the demo users (client wulian-cli), cached until shortly before expiry."""

    settings: Settings
    _cache: dict[str, tuple[str, float]] = field(default_factory=dict)

    @property
    def token_url(self) -> str:
        return f"{self.settings.issuer}/protocol/openid-connect/token"

    def grant(self, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        response = httpx.post(
            self.token_url,
            data={"grant_type": "password", "client_id": "wulian-cli", "username": username, "password": password},
        )
        response.raise_for_status()
        return dict(response.json())

    def access(self, username: str) -> str:
        cached = self._cache.get(username)
        if cached is None or cached[1] < time.time() + 30:
            body = self.grant(username)
            cached = (body["access_token"], time.time() + body["expires_in"])
            self._cache[username] = cached
        return cached[0]

    def headers(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access(username)}"}


def forge(settings: Settings, claims: dict[str, Any], key_pem: bytes | None = None, kid: str | None = None) -> str:
    """A token like the IdP's but with chosen claims; signed with the IdP's own key unless ``key_pem``."""
    key_file = Path(settings.var_dir) / "keys" / "idp-signing-key.pem"
    pem = key_pem if key_pem is not None else key_file.read_bytes()
    if kid is None:
        jwks = httpx.get(f"{settings.issuer}/protocol/openid-connect/certs").json()
        kid = jwks["keys"][0]["kid"]
    now = int(time.time())
    base = {
        "iss": settings.issuer,
        "aud": ["wulian-api", "account"],
        "sub": str(uuid.uuid4()),
        "typ": "Bearer",
        "iat": now,
        "exp": now + 300,
        "realm_access": {"roles": ["deputy"]},
        "name": "伪造 用户",
        "preferred_username": "forger",
        "body": "congress",
        "org_unit": "congress",
    }
    return jwt.encode(base | claims, pem, algorithm="RS256", headers={"kid": kid})
