"""Concurrent conflicting actions on one suggestion through the gateway: one winner, a 409 for the
others, and a record that is whole (SQLite and PostgreSQL)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.integration.conftest import Stack


def post(stack: Stack, user: str, path: str, body: dict[str, Any] | None = None) -> int:
    return stack.http.post(f"/api/v1{path}", json=body, headers=stack.as_user(user)).status_code


def test_two_confirmations_at_once_end_with_one_winner(stack: Stack) -> None:
    paths = []
    for _ in range(5):
        created = stack.submit()
        assert created.status_code == 201, created.text
        path = f"/suggestions/{created.json()['id']}"
        assert post(stack, "clerk", f"{path}/assignment", {"lead_unit": "transport"}) == 200
        paths.append(path)
    with ThreadPoolExecutor(max_workers=8) as pool:
        for path in paths:
            actions = [
                pool.submit(post, stack, "office", f"{path}/assignment/confirm"),
                pool.submit(post, stack, "office", f"{path}/assignment/confirm"),
                pool.submit(post, stack, "office", f"{path}/assignment/send-back", {"reason": "请重新研究"}),
            ]
            statuses = sorted(action.result() for action in actions)
            assert statuses.count(200) == 1 and statuses.count(409) == 2, statuses
            detail = stack.http.get(f"/api/v1{path}", headers=stack.as_user("clerk")).json()
            if detail["status"] == "assigned":
                assert detail["assignment"]["confirmed_at"] and detail["send_backs"] == []
            else:
                assert detail["status"] == "submitted" and len(detail["send_backs"]) == 1
                assert detail["assignment"] is None or not detail["assignment"].get("confirmed_at")
