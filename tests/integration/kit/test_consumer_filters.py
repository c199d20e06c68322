"""A durable consumer that names the subjects it needs is delivered those and nothing else, on a real
nats-server; an existing durable (made with a wider filter by an earlier release) is narrowed when the
consumer starts, and keeps its place in the stream."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.suggestions import event_messages
from services.suggestions import events as ev
from services.suggestions.domain import ReplyResult
from tests.support.processes import NatsServer, ThreadedLoop, wait_until
from wulian.kit.events.consumer import DurableConsumer
from wulian.kit.events.envelope import EVENT_TYPE_HEADER, ReceivedEvent
from wulian.kit.events.link import NatsLink, stream_name

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
ASSIGNED = "wulian.suggestions.suggestion.assigned"
REPLIED = "wulian.suggestions.suggestion.replied"


class Received:
    def __init__(self) -> None:
        self.subjects: list[str] = []

    async def handle(self, event: ReceivedEvent) -> None:
        self.subjects.append(event.subject)


@pytest.fixture
def nats(tmp_path: Path) -> Iterator[tuple[NatsLink, ThreadedLoop]]:
    server = NatsServer(tmp_path / "nats")
    server.start()
    loop = ThreadedLoop()
    link = NatsLink(server.url, "test")
    loop.run(link.ensure_stream("suggestions"))
    yield link, loop
    loop.run(link.close())
    loop.close()
    server.stop()


def publish(loop: ThreadedLoop, link: NatsLink, suggestion_id: str) -> None:
    """A submission, an assignment and a reply of one suggestion, as the outbox relay publishes them."""
    for event in (
        ev.SuggestionSubmitted(suggestion_id, NOW, "2026-0001", "标题", "transport", "deputy-1", ()),
        ev.AssignmentConfirmed(suggestion_id, NOW, "deputy-1", "transport", (), False, NOW, NOW),
        ev.SuggestionReplied(suggestion_id, NOW, "transport", ReplyResult.SOLVED, 1, False, "deputy-1", ()),
    ):
        subject, message = event_messages.to_message(event, actor=None)
        headers = {"Nats-Msg-Id": message.meta.event_id, EVENT_TYPE_HEADER: message.DESCRIPTOR.full_name}
        loop.run(_publish(link, subject, message.SerializeToString(), headers))


async def _publish(link: NatsLink, subject: str, payload: bytes, headers: dict[str, str]) -> None:
    js = await link.jetstream()
    await js.publish(subject, payload, headers=headers)


def run_consumer(loop: ThreadedLoop, consumer: DurableConsumer, received: Received, count: int) -> None:
    consumer.start_in(loop.loop)
    wait_until(lambda: len(received.subjects) >= count)
    loop.run(consumer.stop())


def test_only_the_named_subjects_are_delivered(nats: tuple[NatsLink, ThreadedLoop]) -> None:
    link, loop = nats
    publish(loop, link, "s-1")
    received = Received()
    consumer = DurableConsumer(
        link, service="suggestions", durable="narrow", handler=received.handle, filter_subject=(ASSIGNED, REPLIED)
    )
    run_consumer(loop, consumer, received, 2)
    assert received.subjects == [ASSIGNED, REPLIED]
    info = loop.run(_info(link, "narrow"))
    assert info.config.filter_subjects == [ASSIGNED, REPLIED]
    assert info.num_pending == 0 and info.num_ack_pending == 0  # the submission was never theirs to skip


def test_an_existing_wider_durable_is_narrowed_and_keeps_its_place(nats: tuple[NatsLink, ThreadedLoop]) -> None:
    link, loop = nats
    publish(loop, link, "s-1")
    wide, narrow = Received(), Received()
    run_consumer(loop, DurableConsumer(link, service="suggestions", durable="figures", handler=wide.handle), wide, 3)
    assert len(wide.subjects) == 3

    publish(loop, link, "s-2")
    consumer = DurableConsumer(
        link, service="suggestions", durable="figures", handler=narrow.handle, filter_subject=(ASSIGNED, REPLIED)
    )
    run_consumer(loop, consumer, narrow, 2)
    assert narrow.subjects == [ASSIGNED, REPLIED]  # only s-2's, and not its submission
    assert loop.run(_info(link, "figures")).config.filter_subjects == [ASSIGNED, REPLIED]


async def _info(link: NatsLink, durable: str):  # type: ignore[no-untyped-def]
    js = await link.jetstream()
    return await js.consumer_info(stream_name("suggestions"), durable)
