"""A suggestions service killed with SIGKILL under load loses no submission it answered with 201,
and every one of them still reaches the event stream after the restart."""

from __future__ import annotations

import signal
import threading
import time

import httpx
import pytest

from tests.e2e.test_whole_stack import login
from tests.support.stack import EventStream, ProcessStack

pytestmark = pytest.mark.e2e

CLIENTS = 16


def test_sigkill_under_load_loses_no_acknowledged_submission(process_stack: ProcessStack) -> None:
    gateway = process_stack.settings.gateway_url
    deputy, clerk = login(process_stack, "deputy1"), login(process_stack, "clerk")
    events = EventStream(f"{gateway}/api/v1/events", clerk)
    acknowledged: list[dict] = []
    refused: list[int] = []
    stop = threading.Event()

    def submit_until_stopped(worker: int) -> None:
        with httpx.Client(base_url=gateway, timeout=10, headers={"Authorization": f"Bearer {deputy}"}) as http:
            n = 0
            while not stop.is_set():
                n += 1
                body = {"title": f"压力测试建议 {worker}-{n}", "content": "内容", "category": "other"}
                try:
                    response = http.post("/api/v1/suggestions", json=body)
                except httpx.HTTPError:
                    refused.append(-1)
                    continue
                if response.status_code == 201:
                    acknowledged.append(response.json())
                else:
                    refused.append(response.status_code)

    workers = [threading.Thread(target=submit_until_stopped, args=(i,)) for i in range(CLIENTS)]
    for worker in workers:
        worker.start()
    time.sleep(2.0)
    answered_before_kill = len(acknowledged)
    process_stack.kill("suggestions", signal.SIGKILL)
    time.sleep(1.0)
    process_stack.start("suggestions")
    process_stack.wait_ready()
    time.sleep(1.0)
    stop.set()
    for worker in workers:
        worker.join()

    assert answered_before_kill > 0
    assert refused, "the kill should have refused some submissions"
    assert set(refused) <= {503, 504, -1}
    with httpx.Client(base_url=gateway, timeout=10, headers={"Authorization": f"Bearer {clerk}"}) as http:
        for suggestion in acknowledged:
            stored = http.get(f"/api/v1/suggestions/{suggestion['id']}")
            assert stored.status_code == 200, suggestion
            assert stored.json()["number"] == suggestion["number"]
        total = http.get("/api/v1/suggestions").json()["total"]
    numbers = [s["number"] for s in acknowledged]
    assert len(numbers) == len(set(numbers))
    assert total >= len(acknowledged) + 3  # the demo suggestions, every acknowledged one, maybe some unanswered

    wanted = {s["id"] for s in acknowledged}
    got = events.wait_for(lambda got: wanted <= {e["data"].get("suggestion_id") for e in got}, timeout_s=60)
    ids = [e["id"] for e in got]
    assert len(ids) == len(set(ids)), "an event reached the stream twice"
    events.close()
