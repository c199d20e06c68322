"""Access-token verification on the hot path, and the Principal every service decides with.

The issuer's JWKS is fetched once and fetched again only when a token names a key id we do not
hold (key rotation), at most every ``min_refresh_interval_s``. Signature, issuer, audience and
expiry are checked. A verified token is cached until it expires, so a client that sends the same
token on every request pays for one RSA verification (PyJWT costs about 150 µs a verification).
The cache is keyed by the token's SHA-256 (about 1 µs), so that it holds no bearer token itself;
what it holds was checked in full once, and it is dropped at the token's expiry.
python-keycloak's ``decode_token`` is not used here: it fetches the keys on every call.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

from wulian.kit.errors import Unauthenticated
from wulian.kit.principal import Principal, principal_from_claims


@dataclass
class TokenVerifier:
    """Verifies RS256 access tokens of one issuer for one audience."""

    issuer: str
    audience: str
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=5.0))
    clock: Callable[[], float] = time.time
    leeway_s: float = 0.0
    min_refresh_interval_s: float = 10.0
    cache_size: int = 10_000
    _keys: dict[str, Any] = field(default_factory=dict, init=False)
    _last_refresh: float = field(default=float("-inf"), init=False)
    _cache: OrderedDict[bytes, Principal] = field(default_factory=OrderedDict, init=False)
    _refresh_lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def verify(self, token: str) -> Principal:
        key = _cache_key(token)
        cached = self._cached(key)
        if cached is not None:
            return cached
        principal = self._verify_uncached(token)
        self._cache[key] = principal
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return principal

    async def verify_async(self, token: str) -> Principal:
        """Like ``verify``; a key refresh (rare, blocking HTTP) runs off the event loop."""
        cached = self._cached(_cache_key(token))
        if cached is not None:
            return cached
        return await asyncio.to_thread(self.verify, token)

    def _cached(self, key: bytes) -> Principal | None:
        """The principal of a token verified before, until its expiry; after that the token is refused."""
        cached = self._cache.get(key)
        if cached is None:
            return None
        if cached.expires_at > self.clock() - self.leeway_s:
            return cached
        self._cache.pop(key, None)
        raise Unauthenticated("访问令牌已过期，请重新登录")

    def _verify_uncached(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise Unauthenticated("访问令牌格式不正确") from exc
        if header.get("alg") != "RS256":
            raise Unauthenticated("访问令牌签名算法不被接受")
        key = self._key(str(header.get("kid", "")))
        try:
            claims = jwt.decode(
                token,
                key=key,
                algorithms=["RS256"],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway_s,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthenticated("访问令牌已过期，请重新登录") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthenticated("访问令牌不是签发给本平台的") from exc
        except jwt.InvalidIssuerError as exc:
            raise Unauthenticated("访问令牌的签发方不被信任") from exc
        except jwt.PyJWTError as exc:
            raise Unauthenticated("访问令牌无效") from exc
        if claims.get("typ", "Bearer") != "Bearer":
            raise Unauthenticated("只接受访问令牌")
        return principal_from_claims(claims)

    def _key(self, kid: str) -> Any:
        key = self._keys.get(kid)
        if key is not None:
            return key
        with self._refresh_lock:  # one fetch for many requests that meet a new key at once
            key = self._keys.get(kid)
            if key is None and self.clock() - self._last_refresh >= self.min_refresh_interval_s:
                self._refresh_keys()
                key = self._keys.get(kid)
        if key is None:
            raise Unauthenticated("访问令牌的签名密钥未知")
        return key

    def _refresh_keys(self) -> None:
        try:
            response = self.http.get(f"{self.issuer}/protocol/openid-connect/certs")
            response.raise_for_status()
            jwks = jwt.PyJWKSet.from_dict(response.json())
        except (httpx.HTTPError, jwt.PyJWTError, ValueError) as exc:
            raise Unauthenticated("暂时无法获取身份认证服务的签名密钥") from exc
        self._keys = {k.key_id: k.key for k in jwks.keys if k.key_id}
        self._last_refresh = self.clock()


def _cache_key(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()
