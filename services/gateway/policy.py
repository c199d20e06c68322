"""Which roles may call which route. A route that is not in the table is refused (deny by default).

This is the coarse, route-level check; the owning service decides again per object.
"""

from __future__ import annotations

from typing import Final

from wulian.kit.principal import ROLE_BODIES

ANY_ROLE: Final = frozenset(ROLE_BODIES)
CONGRESS_STAFF = frozenset({"congress_clerk", "congress_committee", "congress_leader"})
SUGGESTION_READERS = CONGRESS_STAFF | {
    "deputy",
    "gov_supervision_office",
    "gov_department",
    "discipline_commission",
    "discipline_station",
}

ROUTE_POLICY: dict[tuple[str, str], frozenset[str]] = {
    ("GET", "/api/v1/me"): ANY_ROLE,
    ("GET", "/api/v1/events"): ANY_ROLE,
    ("POST", "/api/v1/suggestions"): frozenset({"deputy"}),
    ("GET", "/api/v1/suggestions"): SUGGESTION_READERS,
    ("GET", "/api/v1/suggestions/{suggestion_id}"): SUGGESTION_READERS,
}


def allowed(method: str, path_template: str, roles: frozenset[str]) -> bool:
    permitted = ROUTE_POLICY.get((method, path_template))
    return permitted is not None and not permitted.isdisjoint(roles)
