"""Through the gateway and gRPC to a real NATS: each step of a suggestion's handling is published on
JetStream under its subject, once, with the event id as ``Nats-Msg-Id`` and the actor who took it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import nats

from tests.integration.conftest import Stack
from wulian.kit.events.envelope import EVENT_TYPE_HEADER, decode, import_event_modules
from wulian.kit.events.link import stream_name

CONTACT = {"method": "visit", "contact_person": "李科长", "agreed": "现场查看"}


def test_every_step_is_published_once_with_its_actor(stack: Stack) -> None:
    created = stack.submit()
    assert created.status_code == 201, created.text
    sid = created.json()["id"]
    path = f"/api/v1/suggestions/{sid}"
    verdict = {"attitude": "good", "method": "good", "effect": "good", "overall": "satisfied"}
    steps = [
        ("clerk", f"{path}/assignment", lambda: {"lead_unit": "transport"}),
        ("office", f"{path}/assignment/confirm", lambda: None),
        ("transport", f"{path}/contacts", lambda: {"contacted_at": datetime.now(UTC).isoformat(), **CONTACT}),
        ("transport", f"{path}/reply", lambda: {"result": "solved", "text": "已解决"}),
        ("deputy1", f"{path}/evaluation", lambda: verdict),
    ]
    for user, url, body in steps:
        response = stack.http.post(url, json=body(), headers=stack.as_user(user))
        assert response.status_code in (200, 201), response.text
    published = asyncio.run(read_stream(stack.settings.nats_url, sid, expected=6))
    assert [name for name, _, _ in published] == [
        "submitted", "assignment_proposed", "assigned", "contact_recorded", "replied", "evaluated",
    ]  # fmt: skip
    assert [body for _, _, body in published] == [
        "congress",
        "congress",
        "government",
        "government",
        "government",
        "congress",
    ]
    assert all(msg_id for _, msg_id, _ in published)
    assert len({msg_id for _, msg_id, _ in published}) == 6


async def read_stream(url: str, suggestion_id: str, expected: int) -> list[tuple[str, str, str]]:
    """(event name, Nats-Msg-Id, actor's body) of the suggestion's messages on the stream, in order."""
    import_event_modules()
    connection = await nats.connect(url)
    try:
        js = connection.jetstream()
        found: list[tuple[str, str, str]] = []
        for _ in range(100):  # the relay publishes after the commit, off the request path
            found = []
            info = await js.stream_info(stream_name("suggestions"))
            for seq in range(info.state.first_seq, info.state.last_seq + 1):
                message = await js.get_msg(stream_name("suggestions"), seq)
                headers = message.headers or {}
                event = decode(headers[EVENT_TYPE_HEADER], message.data or b"")
                if event.meta.aggregate_id == suggestion_id:  # type: ignore[attr-defined]
                    name = (message.subject or "").rsplit(".", 1)[-1]
                    found.append((name, headers.get("Nats-Msg-Id", ""), event.meta.actor.body))  # type: ignore[attr-defined]
            if len(found) >= expected:
                return found
            await asyncio.sleep(0.1)
        return found
    finally:
        await connection.close()
