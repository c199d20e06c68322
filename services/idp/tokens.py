"""The signing key (RSA-2048, RS256, kept under ``<var_dir>/keys`` so tokens survive a restart) and the
tokens of Keycloak 25's shape: access (typ Bearer), ID (typ ID) and refresh (typ Refresh).

Keycloak signs refresh tokens with a realm HMAC key; clients treat them as opaque, so this IdP signs
them with the same RSA key as the rest.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import tempfile
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


def key_path(var_dir: Path) -> Path:
    return Path(var_dir) / "keys" / KEY_FILE


def load_or_create_key(var_dir: Path) -> rsa.RSAPrivateKey:
    """The key under var_dir, created (mode 0600, atomically: two starting processes agree) if absent."""
    path = key_path(var_dir)
    if not path.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".signing-key-")  # mode 0600
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
            with contextlib.suppress(FileExistsError):  # another process won the race: use its key
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, rsa.RSAPrivateKey):
        raise ValueError(f"{path} does not hold an RSA private key")
    return loaded


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
        self.jwk = {"kid": self.kid, "kty": "RSA", "alg": "RS256", "use": "sig"}
        self.jwk |= {"n": public_jwk["n"], "e": public_jwk["e"]}

    @property
    def public_key_der_b64(self) -> str:
        """What Keycloak's realm endpoint returns as ``public_key`` (base64 DER SubjectPublicKeyInfo)."""
        der = self.key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return base64.b64encode(der).decode()

    def sign(self, claims: dict[str, Any]) -> str:
        return jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": self.kid, "typ": "JWT"})

    def verify(self, token: str, typ: str, issuer: str, verify_exp: bool = True) -> dict[str, Any]:
        """Claims of a token this IdP signed (signature, issuer, expiry, type); jwt.PyJWTError otherwise."""
        claims = jwt.decode(
            token,
            self.key.public_key(),
            algorithms=["RS256"],
            issuer=issuer,
            options={"verify_aud": False, "verify_exp": verify_exp, "require": ["exp", "iat", "iss"]},
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
    auth_time: int,
    scope: str,
    access_lifespan_s: int,
    refresh_lifespan_s: int,
    nonce: str = "",
    now: float | None = None,
) -> dict[str, Any]:
    """A token response as Keycloak's token endpoint returns it (refresh token left out when its
    lifespan is 0, ID token only for scope openid)."""
    issued = int(now if now is not None else time.time())
    common = {"iat": issued, "iss": issuer, "azp": client.client_id, "sid": session_id}
    access = {
        "exp": issued + access_lifespan_s,
        "jti": str(uuid.uuid4()),
        "typ": "Bearer",
        "scope": scope,
        **common,
        **realm.claims(user, client, "access", auth_time),
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
            "sub": user.id,
            "scope": scope,
            **common,
        }
        response["refresh_token"] = signer.sign(refresh)
    if "openid" in scope.split():
        id_claims = {
            **{k: v for k, v in realm.claims(user, client, "id", auth_time).items() if k != "aud"},
            "exp": issued + access_lifespan_s,
            "jti": str(uuid.uuid4()),
            "typ": "ID",
            "aud": client.client_id,
            "sub": user.id,
            "at_hash": _at_hash(response["access_token"]),
            **common,
        }
        if nonce:
            id_claims["nonce"] = nonce
        response["id_token"] = signer.sign(id_claims)
    return response


def _at_hash(access_token: str) -> str:
    digest = hashlib.sha256(access_token.encode()).digest()
    return _b64(digest[: len(digest) // 2])
