"""Which roles may call which route. A route that is not in the table is refused (deny by default).

This is the coarse, route-level check; the owning service decides again per object.
"""

from __future__ import annotations

import re
from typing import Final

from starlette.routing import compile_path

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


_COMPILED: list[tuple[str, re.Pattern[str], frozenset[str]]] = [
    (method, compile_path(template)[0], roles) for (method, template), roles in ROUTE_POLICY.items()
]


def allowed(method: str, path: str, roles: frozenset[str]) -> bool:
    """Whether any of ``roles`` may call ``method path`` (a concrete path or its template)."""
    for entry_method, pattern, permitted in _COMPILED:
        if entry_method == method and pattern.fullmatch(path):
            return not permitted.isdisjoint(roles)
    return False
