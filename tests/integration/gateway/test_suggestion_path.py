"""The first path through everything: HTTP → gateway → gRPC → suggestions service → database."""

from __future__ import annotations

import re
from datetime import datetime

from tests.integration.conftest import Stack


def test_me_describes_the_caller(stack: Stack) -> None:
    response = stack.http.get("/api/v1/me", headers=stack.as_user("transport"))
    assert response.status_code == 200
    me = response.json()
    assert me["roles"] == ["gov_department"]
    assert (me["body"], me["org_unit"], me["username"]) == ("government", "transport", "transport")


def test_a_deputy_submits_and_the_service_numbers_per_year(stack: Stack) -> None:
    first, second = stack.submit("deputy1"), stack.submit("deputy2", title="第二条建议")
    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    year = datetime.now().year
    assert re.fullmatch(rf"{year}-0001|{year + 1}-0001", first.json()["number"])
    assert second.json()["number"].endswith("-0002")
    body = first.json()
    assert body["status"] == "submitted"
    assert body["deputy_name"]
    assert response_has_request_id(first)


def response_has_request_id(response: object) -> bool:
    return bool(getattr(response, "headers", {}).get("x-request-id"))


def test_deputies_see_their_own_congress_sees_all(stack: Stack) -> None:
    mine = stack.submit("deputy1").json()
    theirs = stack.submit("deputy2").json()

    own_list = stack.http.get("/api/v1/suggestions", headers=stack.as_user("deputy1")).json()
    assert [s["id"] for s in own_list["items"]] == [mine["id"]]
    assert stack.http.get(f"/api/v1/suggestions/{theirs['id']}", headers=stack.as_user("deputy1")).status_code == 404
    assert stack.http.get(f"/api/v1/suggestions/{mine['id']}", headers=stack.as_user("deputy1")).status_code == 200

    for staff in ("clerk", "committee", "leader", "office", "station"):
        listed = stack.http.get("/api/v1/suggestions", headers=stack.as_user(staff))
        assert listed.status_code == 200
        assert {s["id"] for s in listed.json()["items"]} == {mine["id"], theirs["id"]}, staff
        assert stack.http.get(f"/api/v1/suggestions/{theirs['id']}", headers=stack.as_user(staff)).status_code == 200


def test_departments_see_only_what_is_assigned_to_them(stack: Stack) -> None:
    submitted = stack.submit("deputy1").json()
    listed = stack.http.get("/api/v1/suggestions", headers=stack.as_user("transport"))
    assert listed.status_code == 200
    assert listed.json() == {"items": [], "total": 0, "next_page_token": None}
    assert (
        stack.http.get(f"/api/v1/suggestions/{submitted['id']}", headers=stack.as_user("transport")).status_code == 404
    )


def test_roles_outside_the_link_are_refused(stack: Stack) -> None:
    submitted = stack.submit("deputy1").json()
    for outsider in ("court", "procuratorate", "expert1", "admin"):
        listed = stack.http.get("/api/v1/suggestions", headers=stack.as_user(outsider))
        assert listed.status_code == 403, outsider
        assert listed.json()["error"]["code"] == "permission_denied"
        one = stack.http.get(f"/api/v1/suggestions/{submitted['id']}", headers=stack.as_user(outsider))
        assert one.status_code == 403


def test_lists_are_paginated_and_filtered(stack: Stack) -> None:
    for i in range(5):
        assert stack.submit("deputy1", title=f"建议{i}", category="transport" if i % 2 else "health").status_code == 201
    headers = stack.as_user("clerk")
    page = stack.http.get("/api/v1/suggestions", params={"page_size": 2}, headers=headers).json()
    assert page["total"] == 5 and len(page["items"]) == 2 and page["next_page_token"]
    seen = [s["id"] for s in page["items"]]
    while page["next_page_token"]:
        params = {"page_size": 2, "page_token": page["next_page_token"]}
        page = stack.http.get("/api/v1/suggestions", params=params, headers=headers).json()
        seen += [s["id"] for s in page["items"]]
    assert len(seen) == len(set(seen)) == 5
    transport = stack.http.get("/api/v1/suggestions", params={"category": "transport"}, headers=headers).json()
    assert transport["total"] == 2
    assert {s["category"] for s in transport["items"]} == {"transport"}


def test_health_and_readiness(stack: Stack) -> None:
    assert stack.http.get("/healthz").json() == {"status": "ok"}
    ready = stack.http.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["backends"] == ["case_review", "clues", "consultation", "evaluation", "suggestions"]


def test_not_ready_when_a_backend_is_down(stack: Stack) -> None:
    stack.loop.run(stack.runtime.server.stop(grace=0))  # type: ignore[union-attr]
    ready = stack.http.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["error"]["details"] == {"unavailable": ["suggestions"]}
    down = stack.submit("deputy1")
    assert down.status_code == 503
    assert down.json()["error"]["code"] == "unavailable"
