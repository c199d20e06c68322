"""The realm file as the development IdP reads it: every demo user's token claims come from the file."""

from __future__ import annotations

import json

import pytest

from services.idp.app import create_app
from services.idp.realm import BruteForceGuard, Realm, RealmError, pkce_matches, pkce_s256
from wulian.kit.demo import demo_principal
from wulian.kit.principal import ROLE_BODIES, principal_from_claims
from wulian.kit.settings import Settings

SETTINGS = Settings(env="test")
RAW = json.loads(SETTINGS.realm_file.read_text(encoding="utf-8"))
REALM = Realm(RAW)

EXPECTED = {
    "deputy1": ("deputy", "congress", "congress"),
    "deputy2": ("deputy", "congress", "congress"),
    "deputy3": ("deputy", "congress", "congress"),
    "clerk": ("congress_clerk", "congress", "congress"),
    "committee": ("congress_committee", "congress", "congress"),
    "leader": ("congress_leader", "congress", "congress"),
    "office": ("gov_supervision_office", "government", "supervision_office"),
    "transport": ("gov_department", "government", "transport"),
    "housing": ("gov_department", "government", "housing"),
    "commission": ("discipline_commission", "discipline", "commission"),
    "station": ("discipline_station", "discipline", "congress_station"),
    "court": ("court", "judiciary", "intermediate_court"),
    "procuratorate": ("procuratorate", "judiciary", "procuratorate"),
    "expert1": ("expert", "expert", "expert_pool"),
    "expert2": ("expert", "expert", "expert_pool"),
    "expert3": ("expert", "expert", "expert_pool"),
    "admin": ("platform_admin", "platform", "platform"),
}


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_access_token_claims_of_every_demo_user(username: str) -> None:
    role, body, org_unit = EXPECTED[username]
    user = REALM.user(username)
    assert user is not None
    claims = REALM.claims(user, REALM.clients["wulian-cli"], "access")
    assert claims["realm_access"] == {"roles": [role]}
    assert (claims["body"], claims["org_unit"], claims["preferred_username"]) == (body, org_unit, username)
    assert claims["aud"] == ["wulian-api"]
    assert claims["name"]
    # the services' demo loader derives the same principal from the file
    principal = principal_from_claims(claims | {"sub": user.id, "exp": 0})
    assert demo_principal(SETTINGS.realm_file, username) == principal


def test_the_realm_has_every_role_of_design_and_brute_force_protection() -> None:
    assert {r["name"] for r in RAW["roles"]["realm"]} == set(ROLE_BODIES)
    assert RAW["bruteForceProtected"] is True
    assert RAW["otpPolicyType"] == "totp"
    otp_flows = {f["alias"] for f in RAW["authenticationFlows"] if f["alias"].startswith("otp for ")}
    assert otp_flows == {"otp for discipline_commission", "otp for discipline_station", "otp for platform_admin"}
    assert all(u["attributes"].get("demo") == ["true"] for u in RAW["users"] if "credentials" in u)


def test_clients_and_their_grants() -> None:
    console, cli, service = (REALM.clients[c] for c in ("wulian-console", "wulian-cli", "wulian-service"))
    assert console.standard_flow and console.pkce_method == "S256" and not console.direct_access_grants
    assert console.redirect_allowed("http://127.0.0.1:8000/console/callback")
    assert not console.redirect_allowed("http://evil.example/callback")
    assert cli.direct_access_grants and not cli.standard_flow and cli.public
    assert not service.public and service.service_accounts
    assert service.authenticate("wulian-dev-service-secret") and not service.authenticate("guess")
    assert REALM.service_account("wulian-service") is not None
    assert REALM.user("service-account-wulian-service") is None  # cannot log in with a password


def test_unknown_mapper_types_are_refused() -> None:
    raw = json.loads(json.dumps(RAW))
    raw["clientScopes"][0]["protocolMappers"].append(
        {"name": "x", "protocol": "openid-connect", "protocolMapper": "oidc-script-mapper", "config": {}}
    )
    with pytest.raises(RealmError):
        Realm(raw)


def test_pkce() -> None:
    verifier = "a" * 43
    assert pkce_matches(pkce_s256(verifier), "S256", verifier)
    assert not pkce_matches(pkce_s256(verifier), "S256", "b" * 43)
    assert not pkce_matches(pkce_s256("short"), "S256", "short")


def test_brute_force_guard_locks_then_releases() -> None:
    guard = BruteForceGuard(failure_factor=3, wait_increment_s=60, max_wait_s=900)
    for _ in range(2):
        guard.failed("deputy1", now=0)
    assert not guard.locked("deputy1", now=1)
    guard.failed("deputy1", now=2)
    assert guard.locked("deputy1", now=3)
    assert not guard.locked("deputy1", now=63)
    guard.succeeded("deputy1")
    assert not guard.locked("deputy1", now=3)


def test_production_refuses_the_development_idp() -> None:
    production = Settings(env="test").model_copy(update={"env": "production"})
    with pytest.raises(RuntimeError):
        create_app(production)
