from wulian.kit.principal import principal_from_claims


def test_principal_keeps_only_known_roles_and_reads_body_and_org_unit() -> None:
    principal = principal_from_claims(
        {
            "sub": "u1",
            "exp": 10,
            "name": "李 明",
            "preferred_username": "transport",
            "realm_access": {"roles": ["gov_department", "offline_access", "default-roles-wulian"]},
            "body": "government",
            "org_unit": "transport",
        }
    )
    assert principal.roles == frozenset({"gov_department"})
    assert (principal.body, principal.org_unit, principal.username) == ("government", "transport", "transport")
    assert principal.audience_selectors() == frozenset(
        {"subject:u1", "body:government", "role:gov_department", "org_unit:transport"}
    )


def test_missing_claims_give_an_empty_principal_not_an_error() -> None:
    principal = principal_from_claims({"sub": "u2", "exp": 1})
    assert principal.roles == frozenset()
    assert principal.org_unit == ""
