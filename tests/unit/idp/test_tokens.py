"""The signing key on disk and the shape of the tokens, checked with a verifier the IdP does not share."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import jwt
import pytest
from jwcrypto import jwk

from services.idp.app import build_idp, create_app
from services.idp.realm import Realm
from services.idp.tokens import Signer, key_path, load_or_create_key, mint
from wulian.kit.settings import Environment, Settings

ISSUER = "http://127.0.0.1:8080/realms/wulian"
REALM = Realm(json.loads(Settings(env=Environment.TEST).realm_file.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> Signer:
    return Signer(load_or_create_key(tmp_path_factory.mktemp("var")))


def test_the_key_is_created_private_and_then_reused(tmp_path: Path) -> None:
    first = load_or_create_key(tmp_path)
    path = key_path(tmp_path)
    assert path == tmp_path / "keys" / "idp-signing-key.pem"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert first.key_size == 2048
    again = load_or_create_key(tmp_path)
    assert again.private_numbers() == first.private_numbers()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind


def test_the_key_id_is_the_rfc_7638_thumbprint(signer: Signer) -> None:
    assert signer.jwk["kid"] == jwk.JWK(**signer.jwk).thumbprint()
    assert {k: signer.jwk[k] for k in ("kty", "alg", "use")} == {"kty": "RSA", "alg": "RS256", "use": "sig"}


def decode(token: str, signer: Signer, audience: str | None = None) -> dict[str, Any]:
    key = signer.key.public_key()
    claims = jwt.decode(token, key, ["RS256"], audience=audience, issuer=ISSUER, options={"verify_aud": bool(audience)})
    assert jwt.get_unverified_header(token) == {"alg": "RS256", "kid": signer.kid, "typ": "JWT"}
    return dict(claims)


def test_a_password_login_yields_tokens_of_keycloaks_shape(signer: Signer) -> None:
    user, client = REALM.user("clerk"), REALM.clients["wulian-cli"]
    assert user is not None
    response = mint(
        signer=signer, realm=REALM, issuer=ISSUER, user=user, client=client, session_id="s-1", auth_time=999,
        scope="openid wulian profile email", access_lifespan_s=300, refresh_lifespan_s=1800, nonce="n-1", now=1000,
    )  # fmt: skip
    assert {k: response[k] for k in ("expires_in", "refresh_expires_in", "token_type", "session_state")} == {
        "expires_in": 300,
        "refresh_expires_in": 1800,
        "token_type": "Bearer",
        "session_state": "s-1",
    }
    with pytest.raises(jwt.ExpiredSignatureError):
        decode(response["access_token"], signer, "wulian-api")  # issued at 1000: long expired
    access = jwt.decode(response["access_token"], options={"verify_signature": False})
    assert set(access) == {
        "exp", "iat", "auth_time", "jti", "iss", "aud", "sub", "typ", "azp", "sid", "acr", "scope", "realm_access",
        "body", "org_unit", "name", "given_name", "family_name", "preferred_username", "email", "email_verified",
    }  # fmt: skip
    assert (access["exp"], access["iat"], access["typ"], access["azp"], access["sid"]) == (
        1300, 1000, "Bearer", "wulian-cli", "s-1"
    )  # fmt: skip
    assert (access["sub"], access["aud"], access["realm_access"]) == (
        user.id,
        "wulian-api",
        {"roles": ["congress_clerk"]},
    )
    id_token = jwt.decode(response["id_token"], options={"verify_signature": False})
    assert (id_token["typ"], id_token["aud"], id_token["sub"], id_token["nonce"]) == (
        "ID",
        "wulian-cli",
        user.id,
        "n-1",
    )
    assert id_token["at_hash"] and id_token["org_unit"] == "congress"
    refresh = jwt.decode(response["refresh_token"], options={"verify_signature": False})
    assert (refresh["typ"], refresh["aud"], refresh["exp"], refresh["sid"]) == ("Refresh", ISSUER, 2800, "s-1")
    assert "realm_access" not in refresh


def test_fresh_tokens_verify_and_scope_decides_the_id_token(signer: Signer) -> None:
    user, client = REALM.service_account("wulian-service"), REALM.clients["wulian-service"]
    assert user is not None
    response = mint(
        signer=signer, realm=REALM, issuer=ISSUER, user=user, client=client, session_id="s-2", auth_time=1,
        scope="wulian profile email", access_lifespan_s=60, refresh_lifespan_s=0,
    )  # fmt: skip
    assert "id_token" not in response and "refresh_token" not in response
    claims = decode(response["access_token"], signer, "wulian-api")
    assert signer.verify(response["access_token"], "Bearer", ISSUER)["jti"] == claims["jti"]
    with pytest.raises(jwt.InvalidTokenError):
        signer.verify(response["access_token"], "Refresh", ISSUER)  # a token is good for its own use only
    with pytest.raises(jwt.InvalidIssuerError):
        signer.verify(response["access_token"], "Bearer", "http://elsewhere/realms/wulian")


def test_create_app_refuses_production(tmp_path: Path) -> None:
    production = Settings(env=Environment.TEST, var_dir=tmp_path).model_copy(update={"env": Environment.PRODUCTION})
    with pytest.raises(RuntimeError, match="production"):
        create_app(production)
    assert not (tmp_path / "keys").exists()  # refused before touching anything


def test_the_lifespan_comes_from_the_realm_unless_set(tmp_path: Path) -> None:
    assert (
        build_idp(Settings(env=Environment.TEST, var_dir=tmp_path)).access_lifespan_s == REALM.access_token_lifespan_s
    )
    assert (
        build_idp(Settings(env=Environment.TEST, var_dir=tmp_path, access_token_lifespan_s=42)).access_lifespan_s == 42
    )


def test_a_realm_file_for_another_realm_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="realm"):
        build_idp(Settings(env=Environment.TEST, var_dir=tmp_path, realm="other"))
