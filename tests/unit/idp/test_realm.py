"""The realm file as the development IdP reads it: every demo user's token claims come from the file."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from services.idp.realm import Realm, RealmError
from wulian.kit.demo import demo_principal
from wulian.kit.principal import ROLE_BODIES, principal_from_claims
from wulian.kit.settings import Environment, Settings

SETTINGS = Settings(env=Environment.TEST)
RAW: dict[str, Any] = json.loads(SETTINGS.realm_file.read_text(encoding="utf-8"))
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


def realm_with(change: Any) -> Realm:
    raw = copy.deepcopy(RAW)
    change(raw)
    return Realm(raw)


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_access_token_claims_of_every_demo_user(username: str) -> None:
    role, body, org_unit = EXPECTED[username]
    user = REALM.user(username)
    assert user is not None and user.enabled
    claims = REALM.claims(user, REALM.clients["wulian-cli"], "access", auth_time=1_700_000_000)
    assert claims == {
        "sub": user.id,
        "auth_time": 1_700_000_000,
        "acr": "1",
        "realm_access": {"roles": [role]},
        "body": body,
        "org_unit": org_unit,
        "aud": "wulian-api",  # Keycloak writes a single audience as a string
        "name": f"{user.first_name} {user.last_name}",
        "preferred_username": username,
        "given_name": user.first_name,
        "family_name": user.last_name,
        "email": f"{username}@wulian.example",
        "email_verified": True,
    }
    # the services' demo loader derives the same principal from the file
    principal = principal_from_claims(claims | {"exp": 0})
    assert demo_principal(SETTINGS.realm_file, username) == principal


def test_id_token_and_userinfo_claims_follow_the_mapper_flags() -> None:
    user, client = REALM.user("transport"), REALM.clients["wulian-console"]
    assert user is not None
    id_claims = REALM.claims(user, client, "id", auth_time=5)
    assert "aud" not in id_claims and "sub" not in id_claims  # audience mapper and sub: access token only
    assert (id_claims["auth_time"], id_claims["org_unit"], id_claims["acr"]) == (5, "transport", "1")
    info = REALM.claims(user, client, "userinfo")
    assert "auth_time" not in info and "acr" not in info
    assert info["realm_access"] == {"roles": ["gov_department"]} and info["body"] == "government"


def test_the_realm_file_is_what_the_design_says() -> None:
    assert {r["name"] for r in RAW["roles"]["realm"]} == set(ROLE_BODIES)
    assert all(r.get("description") for r in RAW["roles"]["realm"])
    assert (RAW["accessTokenLifespan"], RAW["ssoSessionIdleTimeout"], RAW["ssoSessionMaxLifespan"]) == (
        300,
        1800,
        36000,
    )
    assert RAW["bruteForceProtected"] is True and RAW["failureFactor"] == 5 and RAW["permanentLockout"] is False
    assert (RAW["otpPolicyType"], RAW["otpPolicyDigits"], RAW["otpPolicyPeriod"]) == ("totp", 6, 30)
    assert RAW["defaultLocale"] == "zh-CN" and RAW["internationalizationEnabled"] is True
    groups = {g["name"]: g["attributes"] for g in RAW["groups"]}
    assert groups["gov-transport"] == {
        "body": ["government"],
        "org_unit": ["transport"],
        "display_name": ["市交通运输局"],
    }
    assert len(groups) == 10 and all(set(a) == {"body", "org_unit", "display_name"} for a in groups.values())


def test_the_realm_file_imports_into_keycloak() -> None:
    """Keycloak rejects on import what the development IdP would happily read."""
    # a password policy is checked against plain-text credentials on import: "demo" would fail it
    assert "passwordPolicy" not in RAW
    people = [u for u in RAW["users"] if "serviceAccountClientId" not in u]
    assert len(people) == len(EXPECTED)
    # Keycloak 24+'s user profile requires first and last name, else every login asks for them
    assert all(u["firstName"] and u["lastName"] and u["email"] and u["enabled"] for u in people)
    assert all(u["attributes"] == {"demo": ["true"]} for u in people)  # stripped for production
    assert len({u["id"] for u in RAW["users"]}) == len(RAW["users"])
    flows = {f["alias"]: f for f in RAW["authenticationFlows"]}
    assert RAW["browserFlow"] in flows and RAW["directGrantFlow"] in flows
    for flow in flows.values():
        for execution in flow["authenticationExecutions"]:
            assert execution.get("flowAlias", next(iter(flows))) in flows
            config = execution.get("authenticatorConfig")
            assert config is None or config in {c["alias"] for c in RAW["authenticatorConfig"]}


@pytest.mark.parametrize("flow", ["wulian browser forms", "wulian direct grant"])
def test_discipline_and_platform_roles_need_otp_on_keycloak(flow: str) -> None:
    flows = {f["alias"]: f for f in RAW["authenticationFlows"]}
    configs = {c["alias"]: c["config"] for c in RAW["authenticatorConfig"]}
    conditional = [e for e in flows[flow]["authenticationExecutions"] if e["requirement"] == "CONDITIONAL"]
    demanded = set()
    for execution in conditional:
        steps = {e.get("authenticator"): e for e in flows[execution["flowAlias"]]["authenticationExecutions"]}
        condition = steps["conditional-user-role"]
        assert condition["requirement"] == "REQUIRED"
        assert {"auth-otp-form", "direct-grant-validate-otp"} & set(steps)
        demanded.add(configs[condition["authenticatorConfig"]]["condUserRole"])
    assert demanded == {"discipline_commission", "discipline_station", "platform_admin"}


def test_clients_and_their_grants() -> None:
    console, cli, service = (REALM.clients[c] for c in ("wulian-console", "wulian-cli", "wulian-service"))
    assert console.public and console.standard_flow and not console.direct_access_grants
    assert console.pkce_method == "S256"
    assert console.redirect_allowed("http://127.0.0.1:8000/console/callback")
    assert console.redirect_allowed("http://localhost:8000/")
    assert not console.redirect_allowed("http://127.0.0.1:8000.evil.example/cb")
    assert not console.redirect_allowed("http://evil.example/callback") and not console.redirect_allowed("")
    assert console.post_logout_redirect_allowed("http://127.0.0.1:8000/")
    assert cli.public and cli.direct_access_grants and not cli.standard_flow and not cli.redirect_uris
    assert not service.public and service.service_accounts and not service.direct_access_grants
    assert service.authenticate("wulian-dev-service-secret")
    assert not service.authenticate("guess") and not service.authenticate(None)
    assert cli.scope("openid") == "openid wulian profile email"  # basic and acr stay out of the scope
    assert cli.scope("") == "wulian profile email"
    assert REALM.service_account("wulian-service") is not None
    assert REALM.user("service-account-wulian-service") is None  # cannot log in with a password
    assert REALM.user("DEPUTY1") is REALM.user("deputy1")  # usernames are case-insensitive


def test_a_service_account_carries_no_business_role() -> None:
    account = REALM.service_account("wulian-service")
    assert account is not None
    claims = REALM.claims(account, REALM.clients["wulian-service"], "access")
    assert claims["realm_access"] == {"roles": []} and "body" not in claims and "org_unit" not in claims
    assert claims["preferred_username"] == "service-account-wulian-service"


def test_group_attributes_resolve_as_in_keycloak() -> None:
    def nest(raw: dict[str, Any]) -> None:
        raw["groups"].append(
            {
                "name": "gov",
                "attributes": {"body": ["government"]},
                "realmRoles": ["gov_department"],
                "subGroups": [{"name": "water", "attributes": {"org_unit": ["water"]}}],
            }
        )
        user = next(u for u in raw["users"] if u["username"] == "housing")
        user["groups"] = ["/gov/water"]
        user["realmRoles"] = []
        user["attributes"]["org_unit"] = ["own"]

    realm = realm_with(nest)
    user = realm.user("housing")
    assert user is not None
    claims = realm.claims(user, realm.clients["wulian-cli"], "access")
    # the user's own value wins; a subgroup inherits its parent's attributes and roles
    assert (claims["org_unit"], claims["body"]) == ("own", "government")
    assert claims["realm_access"] == {"roles": ["gov_department"]}
    assert realm.attribute(user, "org_unit", aggregate=True) == ["own", "water"]


def test_composite_roles_expand() -> None:
    def composite(raw: dict[str, Any]) -> None:
        leader = next(r for r in raw["roles"]["realm"] if r["name"] == "congress_leader")
        leader |= {"composite": True, "composites": {"realm": ["congress_committee"]}}

    realm = realm_with(composite)
    user = realm.user("leader")
    assert user is not None
    assert realm.effective_roles(user) == ["congress_leader", "congress_committee"]


@pytest.mark.parametrize(
    "change",
    [
        lambda raw: raw["clientScopes"][0]["protocolMappers"].append(
            {"name": "x", "protocol": "openid-connect", "protocolMapper": "oidc-script-mapper", "config": {}}
        ),
        lambda raw: raw["clients"][0].update(fullScopeAllowed=False),
        lambda raw: raw["clients"][0]["defaultClientScopes"].append("no-such-scope"),
        lambda raw: raw["users"][0].update(groups=["/no-such-group"]),
    ],
    ids=["unknown mapper", "partial scope", "unknown scope", "unknown group"],
)
def test_what_would_silently_differ_from_keycloak_is_refused(change: Any) -> None:
    with pytest.raises(RealmError):
        realm_with(change)


def test_a_user_without_enabled_is_disabled_as_on_import() -> None:
    realm = realm_with(lambda raw: raw["users"][0].pop("enabled"))
    user = realm.user(RAW["users"][0]["username"])
    assert user is not None and not user.enabled
