"""Demo principals read from the realm file, so services can load demo data as real users would
have created it (embedded mode only; production runs with WULIAN_DEMO_DATA=false)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wulian.kit.principal import ROLE_BODIES, Principal


def _group_attributes(groups: list[dict[str, Any]], path: str) -> dict[str, list[str]]:
    for group in groups:
        if f"/{group['name']}" == path:
            return dict(group.get("attributes", {}))
    return {}


def demo_principal(realm_file: Path, username: str) -> Principal:
    """The principal a token for ``username`` would yield (full name as Keycloak's mapper builds it)."""
    realm = json.loads(realm_file.read_text(encoding="utf-8"))
    user = next(u for u in realm.get("users", []) if u["username"] == username)
    attributes: dict[str, list[str]] = {}
    for path in user.get("groups", []):
        attributes |= _group_attributes(realm.get("groups", []), path)
    names = [user.get("firstName", ""), user.get("lastName", "")]
    return Principal(
        subject=user["id"],
        name=" ".join(n for n in names if n) or username,
        body=(attributes.get("body") or [""])[0],
        roles=frozenset(r for r in user.get("realmRoles", []) if r in ROLE_BODIES),
        org_unit=(attributes.get("org_unit") or [""])[0],
        username=username,
    )
