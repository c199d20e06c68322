"""The token verifier's cache: one signature check per token, never past the token's expiry, and no
bearer token kept in it."""

from __future__ import annotations

import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from wulian.kit.auth import TokenVerifier
from wulian.kit.errors import Unauthenticated

ISSUER = "http://idp.test/realms/wulian"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


class Clock:
    def __init__(self) -> None:
        self.now = time.time()  # PyJWT checks a first verification against the real clock

    def __call__(self) -> float:
        return self.now


def token(clock: Clock, subject: str = "deputy-1", lifetime_s: int = 300) -> str:
    claims = {
        "iss": ISSUER,
        "aud": "wulian-api",
        "sub": subject,
        "typ": "Bearer",
        "iat": int(clock.now),
        "exp": int(clock.now) + lifetime_s,
        "realm_access": {"roles": ["deputy"]},
        "body": "congress",
    }
    return jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": "k1"})


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def verifier(clock: Clock, monkeypatch: pytest.MonkeyPatch) -> TokenVerifier:
    verifier = TokenVerifier(ISSUER, "wulian-api", clock=clock)
    verifier._keys = {"k1": KEY.public_key()}
    verifier.checks = 0  # type: ignore[attr-defined]
    decode = jwt.decode

    def counted(*args: Any, **kwargs: Any) -> Any:
        verifier.checks += 1  # type: ignore[attr-defined]
        return decode(*args, **kwargs)

    monkeypatch.setattr(jwt, "decode", counted)
    return verifier


def test_a_token_is_checked_once_and_then_answered_from_the_cache(verifier: TokenVerifier, clock: Clock) -> None:
    given = token(clock)
    first = verifier.verify(given)
    assert verifier.verify(given) == first
    assert first.subject == "deputy-1" and first.roles == frozenset({"deputy"})
    assert verifier.checks == 1  # type: ignore[attr-defined]


async def test_the_async_path_uses_the_same_cache(verifier: TokenVerifier, clock: Clock) -> None:
    given = token(clock)
    assert await verifier.verify_async(given) == await verifier.verify_async(given)
    assert verifier.checks == 1  # type: ignore[attr-defined]


def test_the_cache_keeps_no_bearer_token(verifier: TokenVerifier, clock: Clock) -> None:
    given = token(clock)
    verifier.verify(given)
    assert all(isinstance(key, bytes) and len(key) == 32 for key in verifier._cache)
    assert given not in verifier._cache


def test_a_cached_token_is_refused_once_it_expires(verifier: TokenVerifier, clock: Clock) -> None:
    given = token(clock, lifetime_s=60)
    verifier.verify(given)
    clock.now += 61
    with pytest.raises(Unauthenticated):
        verifier.verify(given)
    assert not verifier._cache


def test_a_bad_signature_is_never_cached(verifier: TokenVerifier, clock: Clock) -> None:
    header, payload, signature = token(clock).split(".")
    forged = f"{header}.{payload}.{signature[:-4]}AAAA"
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            verifier.verify(forged)
    assert not verifier._cache


def test_the_cache_is_bounded(verifier: TokenVerifier, clock: Clock) -> None:
    verifier.cache_size = 3
    for n in range(5):
        verifier.verify(token(clock, subject=f"deputy-{n}"))
    assert len(verifier._cache) == 3
