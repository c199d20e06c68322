"""The signing key (RS256, kept under var/keys so tokens survive a restart) and the tokens of
Keycloak's shape: access (typ Bearer), ID (typ ID) and refresh (typ Refresh)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
import uuid
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from services.idp.realm import Client, Realm, User

KEY_FILE = "idp-signing-key.pem"


def load_or_create_key(var_dir: Path) -> rsa.RSAPrivateKey:
    path = Path(var_dir) / "keys" / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, rsa.RSAPrivateKey)
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Signer:
    def __init__(self, key: rsa.RSAPrivateKey) -> None:
        self.key = key
        public_jwk = json.loads(RSAAlgorithm.to_jwk(key.public_key()))
        thumbprint_input = json.dumps(
            {"e": public_jwk["e"], "kty": "RSA", "n": public_jwk["n"]}, separators=(",", ":"), sort_keys=True
        )
        self.kid = _b64(hashlib.sha256(thumbprint_input.encode()).digest())  # RFC 7638
        self.jwk = public_jwk | {"kid": self.kid, "use": "sig", "alg": "RS256"}

    @property
    def public_key_der_b64(self) -> str:
        """What Keycloak's realm endpoint returns as ``public_key`` (base64 DER SubjectPublicKeyInfo)."""
        der = self.key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return base64.b64encode(der).decode()

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid, "typ": "JWT"})

    def verify(self, token: str, typ: str, issuer: str) -> dict[str, Any]:
        """Claims of a token this IdP signed (signature, issuer, expiry, type); jwt.PyJWTError otherwise."""
        claims = jwt.decode(
            token,
            self.key.public_key(),
            algorithms=["RS256"],
            issuer=issuer,
            options={"verify_aud": False, "require": ["exp", "iat", "iss", "sub"]},
        )
        if claims.get("typ") != typ:
            raise jwt.InvalidTokenError(f"not a {typ} token")
        return dict(claims)


def mint(
    *,
    signer: Signer,
    realm: Realm,
    issuer: str,
    user: User,
    client: Client,
    session_id: str,
    scope: str,
    access_lifespan_s: int,
    refresh_lifespan_s: int,
    nonce: str | None = None,
    now: float | None = None,
) -> dict[str, Any]:
    """A token response as Keycloak's token endpoint returns it."""
    issued = int(now if now is not None else time.time())
    common = {"iat": issued, "iss": issuer, "sub": user.id, "azp": client.client_id, "sid": session_id}
    access_claims = realm.claims(user, client, "access")
    access = {
        "exp": issued + access_lifespan_s,
        "jti": str(uuid.uuid4()),
        "typ": "Bearer",
        "session_state": session_id,
        "scope": scope,
        "acr": "1",
        **common,
        **access_claims,
    }
    response: dict[str, Any] = {
        "access_token": signer.sign(access),
        "expires_in": access_lifespan_s,
        "refresh_expires_in": refresh_lifespan_s,
        "token_type": "Bearer",
        "not-before-policy": 0,
        "session_state": session_id,
        "scope": scope,
    }
    if refresh_lifespan_s > 0:
        refresh = {
            "exp": issued + refresh_lifespan_s,
            "jti": str(uuid.uuid4()),
            "typ": "Refresh",
            "aud": issuer,
            "scope": scope,
            **common,
        }
        response["refresh_token"] = signer.sign(refresh)
    if "openid" in scope.split():
        id_claims = {
            "exp": issued + access_lifespan_s,
            "jti": str(uuid.uuid4()),
            "typ": "ID",
            "aud": client.client_id,
            "at_hash": _at_hash(response["access_token"]),
            **common,
            **{k: v for k, v in realm.claims(user, client, "id").items() if k != "aud"},
        }
        if nonce:
            id_claims["nonce"] = nonce
        response["id_token"] = signer.sign(id_claims)
    return response


def _at_hash(access_token: str) -> str:
    digest = hashlib.sha256(access_token.encode()).digest()
    return _b64(digest[: len(digest) // 2])
