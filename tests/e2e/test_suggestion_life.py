"""Two suggestions through their whole life on the running platform (separate processes), each step
taken by the right body with its own token, and every other body refused where it has no right:

- one from submission to a satisfied verdict;
- one sent back at assignment, found dissatisfying, re-handled, visited, escalated with a suspected
  violation (its clue goes to the clue service through TransferClue), answered by the commission,
  and closed.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from keycloak import KeycloakOpenID

from tests.support.stack import EventStream, ProcessStack

pytestmark = pytest.mark.e2e

USERS = (
    "deputy1", "deputy2", "deputy3", "clerk", "committee", "leader", "office", "transport", "housing",
    "commission", "station", "court", "admin",
)  # fmt: skip


class Platform:
    def __init__(self, stack: ProcessStack, http: httpx.Client) -> None:
        settings = stack.settings
        oidc = KeycloakOpenID(server_url=settings.idp_base_url, realm_name=settings.realm, client_id="wulian-cli")
        self.tokens = {user: str(oidc.token(user, "demo")["access_token"]) for user in USERS}
        self.http = http

    def call(self, user: str, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.tokens[user]}"}
        return self.http.request(method, f"/api/v1{path}", json=body, headers=headers)

    def ok(self, user: str, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.call(user, method, path, body)
        assert response.status_code in (200, 201), f"{user} {method} {path}: {response.text}"
        return response.json()  # type: ignore[no-any-return]

    def refused(self, users: tuple[str, ...], method: str, path: str, body: dict[str, Any] | None = None) -> None:
        for user in users:
            status = self.call(user, method, path, body).status_code
            assert status in (403, 404), f"{user} {method} {path} was not refused: {status}"


def wait_for(condition: Any, timeout_s: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def now() -> str:
    return datetime.now(UTC).isoformat()


CONTACT = {"method": "phone", "contact_person": "王科长", "agreed": "约定下周现场查看"}
SATISFIED = {"attitude": "good", "method": "good", "effect": "good", "overall": "satisfied"}
DISSATISFIED = {
    "attitude": "fair",
    "method": "poor",
    "effect": "poor",
    "overall": "dissatisfied",
    "comment": "未见行动",
}
SUGGESTION = {
    "title": "关于增开城乡公交线路的建议",
    "content": "偏远村组出行不便，建议增开班次。",
    "category": "transport",
}


def test_two_suggestions_through_their_whole_life(process_stack: ProcessStack) -> None:
    gateway = process_stack.settings.gateway_url
    with httpx.Client(base_url=gateway, timeout=10) as http:
        p = Platform(process_stack, http)
        streams = {
            u: EventStream(f"{gateway}/api/v1/events", p.tokens[u]) for u in ("transport", "commission", "deputy3")
        }
        deputy2 = p.ok("deputy2", "GET", "/me")["subject"]

        # --- 1. submitted, co-signed, jointly assigned, contacted, replied, satisfied --------------------
        first = p.ok("deputy1", "POST", "/suggestions", SUGGESTION)
        path = f"/suggestions/{first['id']}"
        p.refused(("clerk", "office", "transport", "commission"), "POST", "/suggestions", SUGGESTION)
        p.ok("deputy1", "POST", f"{path}/cosigners", {"subject": deputy2, "name": "代表乙"})
        proposal = {"lead_unit": "transport", "co_units": ["housing"], "consultation_note": "已提前会商"}
        p.refused(("deputy1", "office", "transport", "station"), "POST", f"{path}/assignment", proposal)
        assert p.ok("clerk", "POST", f"{path}/assignment", proposal)["status"] == "assignment_proposed"
        p.refused(("clerk", "transport", "deputy1"), "POST", f"{path}/assignment/confirm")
        confirmed = p.ok("office", "POST", f"{path}/assignment/confirm")
        assert confirmed["status"] == "assigned" and confirmed["reply_due_at"]
        p.refused(("clerk", "deputy1", "station"), "POST", f"{path}/contacts", CONTACT | {"contacted_at": now()})
        p.ok("transport", "POST", f"{path}/contacts", CONTACT | {"contacted_at": now()})
        p.ok("housing", "POST", f"{path}/contacts", CONTACT | {"contacted_at": now()})
        reply = {"result": "planned", "text": "已列入年度公交线网优化计划。"}
        conflict = p.call("transport", "POST", f"{path}/reply", reply)
        assert conflict.status_code == 409  # the co-unit has not given its opinion yet
        p.ok("housing", "POST", f"{path}/opinions", {"text": "同意交通局意见"})
        p.refused(("housing", "deputy1", "clerk"), "POST", f"{path}/reply", reply)
        assert p.ok("transport", "POST", f"{path}/reply", reply)["status"] == "replied"
        p.refused(("deputy2", "deputy3", "clerk", "transport"), "POST", f"{path}/evaluation", SATISFIED)
        closed = p.ok("deputy1", "POST", f"{path}/evaluation", SATISFIED)
        assert closed["status"] == "closed" and closed["evaluations"][0]["overall"] == "satisfied"
        assert p.ok("deputy2", "GET", path)["id"] == first["id"]  # the co-signer sees it
        p.refused(("deputy3", "commission", "court", "admin"), "GET", path)

        # --- 2. sent back, dissatisfied, re-handled, visited, escalated, answered, closed ---------------
        second = p.ok("deputy1", "POST", "/suggestions", SUGGESTION | {"title": "关于整治公交站台占道经营的建议"})
        path = f"/suggestions/{second['id']}"
        p.ok("clerk", "POST", f"{path}/assignment", {"lead_unit": "housing"})
        sent_back = p.ok("office", "POST", f"{path}/assignment/send-back", {"reason": "站台管理属交通运输局职责"})
        assert sent_back["status"] == "submitted" and sent_back["send_backs"][0]["reason"]
        p.refused(("housing",), "GET", path)  # a proposal assigns nobody
        p.ok("clerk", "POST", f"{path}/assignment", {"lead_unit": "transport"})
        p.ok("office", "POST", f"{path}/assignment/confirm")
        p.refused(("housing",), "GET", path)
        p.ok("transport", "POST", f"{path}/contacts", CONTACT | {"contacted_at": now()})
        p.ok("transport", "POST", f"{path}/reply", {"result": "reference", "text": "留作参考。"})
        rehandling = p.ok("deputy1", "POST", f"{path}/evaluation", DISSATISFIED)
        assert rehandling["status"] == "rehandling" and rehandling["rehandlings"] == 1
        visit = {"unit": "transport", "visited_at": now(), "findings": "答复空泛", "talks": "与经办科室谈话"}
        p.refused(("clerk", "transport", "deputy1"), "POST", f"{path}/return-visits", visit)
        assert len(p.ok("station", "POST", f"{path}/return-visits", visit)["return_visits"]) == 1
        escalation = {
            "reasons": ["repeatedly_dissatisfied", "suspected_violation"],
            "details": "疑似推诿，请纪委监委关注",
        }
        p.refused(
            ("deputy1", "transport", "office", "station", "commission"), "POST", f"{path}/escalations", escalation
        )
        escalated = p.ok("leader", "POST", f"{path}/escalations", escalation)
        assert escalated["escalations"][0]["clue_transfer"] == "pending"  # recorded with the escalation
        transferred = wait_for(lambda: p.ok("leader", "GET", path)["escalations"][0]["clue_transfer"] == "transferred")
        assert transferred, "the clue service never acknowledged the transfer"
        clue_id = p.ok("leader", "GET", path)["escalations"][0]["clue_id"]
        assert clue_id  # the clue service's id: the transfer went through TransferClue
        seen_by_unit = p.ok("transport", "GET", path)
        assert seen_by_unit["escalated"] and seen_by_unit["escalations"] == []  # the unit is not told the details
        assert [s["id"] for s in p.ok("commission", "GET", "/suggestions")["items"]] == [second["id"]]
        response = {"response": "已约谈交通运输局分管负责同志"}
        p.refused(("leader", "station", "clerk"), "POST", f"{path}/escalations/1/response", response)
        p.ok("commission", "POST", f"{path}/escalations/1/response", response)
        p.ok("transport", "POST", f"{path}/reply", {"result": "solved", "text": "已清理站台占道经营。"})
        final = p.ok("deputy1", "POST", f"{path}/evaluation", SATISFIED)
        assert final["status"] == "closed" and len(final["replies"]) == 2

        # --- the audit trail: every step, by whom; escalation steps only for congress and discipline ----
        trail = p.ok("clerk", "GET", f"{path}/history")["entries"]
        steps = [entry["event"] for entry in trail if entry["event"] != "clue_transferred"]
        assert "clue_transferred" in [entry["event"] for entry in trail]
        assert steps == [
            "submitted", "assignment_proposed", "assignment_sent_back", "assignment_proposed", "assigned",
            "contact_recorded", "replied", "evaluated", "return_visit_recorded", "escalated",
            "escalation_responded", "replied", "evaluated",
        ]  # fmt: skip
        bodies = {entry["actor_body"] for entry in trail}
        assert bodies == {"congress", "government", "discipline", "platform"}  # platform: the clue relay
        unit_trail = [entry["event"] for entry in p.ok("transport", "GET", f"{path}/history")["entries"]]
        assert "escalated" not in unit_trail and "escalation_responded" not in unit_trail
        p.refused(("housing", "deputy3", "court"), "GET", f"{path}/history")

        # --- the stats and the exports ----------------------------------------------------------------
        stats = p.ok("clerk", "GET", "/suggestions/stats")
        transport = next(row for row in stats["units"] if row["unit"] == "transport")
        counts = (transport["assigned"], transport["as_lead"], transport["replied"], transport["rehandled"])
        assert counts == (3, 3, 2, 1)  # with the demo suggestion assigned to transport
        assert transport["escalated"] == 1 and transport["satisfied"] == 2
        own = p.ok("transport", "GET", "/suggestions/stats")
        assert {row["unit"] for row in own["units"]} == {"transport"} and own["deputies"] == []
        p.refused(("court", "admin"), "GET", "/suggestions/stats")
        export = p.call("clerk", "GET", "/suggestions/export")
        assert export.status_code == 200 and export.content[:2] == b"PK"  # an .xlsx is a zip

    # --- the event stream told each body what concerns it ---------------------------------------------
    ids = {first["id"], second["id"]}
    streams["commission"].wait_for(lambda got: any(e["event"] == "suggestion.escalated" for e in got))
    streams["transport"].wait_for(lambda got: sum(e["event"] == "suggestion.evaluated" for e in got) >= 3)
    names = {u: {(e["event"], e["data"].get("suggestion_id")) for e in s.events} for u, s in streams.items()}
    assert ("suggestion.assigned", first["id"]) in names["transport"]
    assert ("suggestion.evaluated", second["id"]) in names["transport"]
    assert ("suggestion.escalated", second["id"]) in names["commission"]
    assert ("suggestion.assigned", first["id"]) not in names["commission"]
    assert not {sid for _, sid in names["deputy3"]} & ids
    for stream in streams.values():
        stream.close()
