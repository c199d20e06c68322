"""The whole stack as separate processes, driven over HTTP with tokens from the identity provider."""

from __future__ import annotations

import httpx
import pytest
from keycloak import KeycloakOpenID

from tests.support.stack import EventStream, ProcessStack

pytestmark = pytest.mark.e2e


def login(stack: ProcessStack, username: str) -> str:
    settings = stack.settings
    oidc = KeycloakOpenID(server_url=settings.idp_base_url, realm_name=settings.realm, client_id="wulian-cli")
    return str(oidc.token(username, "demo")["access_token"])


def test_a_deputy_submits_and_congress_is_told(process_stack: ProcessStack) -> None:
    gateway = process_stack.settings.gateway_url
    deputy, clerk, other = (login(process_stack, u) for u in ("deputy3", "clerk", "deputy2"))
    clerk_events = EventStream(f"{gateway}/api/v1/events", clerk)
    other_events = EventStream(f"{gateway}/api/v1/events", other)
    with httpx.Client(base_url=gateway, timeout=10) as http:
        demo = http.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {clerk}"}).json()
        assert demo["total"] == 3  # demo data loaded once

        body = {
            "title": "关于规范小区物业收费的建议",
            "content": "建议开展专项检查。",
            "category": "urban_construction",
        }
        created = http.post("/api/v1/suggestions", json=body, headers={"Authorization": f"Bearer {deputy}"})
        assert created.status_code == 201, created.text
        suggestion = created.json()
        assert suggestion["number"].endswith("-0004")

        fetched = http.get(f"/api/v1/suggestions/{suggestion['id']}", headers={"Authorization": f"Bearer {deputy}"})
        assert fetched.json() == suggestion
        mine = http.get("/api/v1/suggestions", headers={"Authorization": f"Bearer {deputy}"}).json()
        assert [s["id"] for s in mine["items"]] == [suggestion["id"]]

    events = clerk_events.wait_for(lambda got: any(e["data"].get("suggestion_id") == suggestion["id"] for e in got))
    event = next(e for e in events if e["data"].get("suggestion_id") == suggestion["id"])
    assert event["event"] == "suggestion.submitted"
    assert event["data"]["number"] == suggestion["number"]
    assert event["data"]["meta"]["actor"]["subject"] == suggestion["deputy_subject"]
    assert all(e["data"].get("suggestion_id") != suggestion["id"] for e in other_events.events)
    clerk_events.close()
    other_events.close()


def test_demo_data_is_loaded_only_once(process_stack: ProcessStack) -> None:
    process_stack.kill("suggestions")
    process_stack.start("suggestions")
    process_stack.wait_ready()
    clerk = login(process_stack, "clerk")
    listed = httpx.get(
        f"{process_stack.settings.gateway_url}/api/v1/suggestions", headers={"Authorization": f"Bearer {clerk}"}
    )
    assert listed.json()["total"] == 3
