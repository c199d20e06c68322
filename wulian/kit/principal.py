"""Who is calling: built from a verified access token. Standard library only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLE_BODIES: dict[str, str] = {
    "deputy": "congress",
    "congress_clerk": "congress",
    "congress_committee": "congress",
    "congress_leader": "congress",
    "gov_supervision_office": "government",
    "gov_department": "government",
    "discipline_commission": "discipline",
    "discipline_station": "discipline",
    "court": "judiciary",
    "procuratorate": "judiciary",
    "expert": "expert",
    "platform_admin": "platform",
}
CONGRESS_ROLES = frozenset({"congress_clerk", "congress_committee", "congress_leader"})


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    name: str
    body: str
    roles: frozenset[str]
    org_unit: str
    username: str = ""
    expires_at: float = 0.0

    def has_any(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)

    def audience_selectors(self) -> frozenset[str]:
        """The selectors an event's audience may name to reach this principal."""
        selectors = {f"subject:{self.subject}", f"body:{self.body}"}
        selectors |= {f"role:{r}" for r in self.roles}
        if self.org_unit:
            selectors.add(f"org_unit:{self.org_unit}")
        return frozenset(selectors)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    roles = claims.get("realm_access", {}).get("roles", [])
    known = frozenset(r for r in roles if r in ROLE_BODIES)
    return Principal(
        subject=str(claims["sub"]),
        name=str(claims.get("name") or claims.get("preferred_username") or ""),
        body=str(claims.get("body") or ""),
        roles=known,
        org_unit=str(claims.get("org_unit") or ""),
        username=str(claims.get("preferred_username") or ""),
        expires_at=float(claims["exp"]),
    )


# Keycloak names a client's service-account user "service-account-<client id>" and gives ours no role.
SERVICE_ACCOUNT_PREFIX = "service-account-"


def is_service_caller(principal: Principal) -> bool:
    """A service's own account: no role at all, and Keycloak's service-account user name.

    The token's ``sub`` of a Keycloak service account is an opaque id and its ``preferred_username`` is
    ``service-account-<client>``; either one carrying the prefix is accepted. A role disqualifies: users
    with roles are people."""
    if principal.roles:
        return False
    names = (principal.username, principal.subject)
    return any(name.startswith(SERVICE_ACCOUNT_PREFIX) for name in names)
