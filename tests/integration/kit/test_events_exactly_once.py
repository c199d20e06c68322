"""The event path under faults: the database is the source of truth, so losing NATS loses nothing,
and a redelivered event has no second effect."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, String, Table, func, insert, select
from sqlmodel import Session

from tests.conftest import make_settings
from tests.integration.conftest import Stack, open_stack
from tests.support.identity import Tokens
from tests.support.processes import NatsServer, wait_until
from wulian.kit.db import Database, make_engine
from wulian.kit.events.consumer import DatabaseInbox, DurableConsumer
from wulian.kit.events.envelope import ReceivedEvent
from wulian.kit.events.link import NatsLink
from wulian.kit.events.outbox import InboxEntry, OutboxMessage
from wulian.kit.settings import Settings

effects = MetaData()
seen = Table("seen", effects, Column("event_id", String(64)), Column("suggestion_id", String(36)))


@pytest.fixture
def private_nats(tmp_path: Path) -> Iterator[NatsServer]:
    server = NatsServer(tmp_path / "nats")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def faulty_stack(tmp_path: Path, idp_settings: Settings, tokens: Tokens, private_nats: NatsServer) -> Iterator[Stack]:
    with open_stack(make_settings(tmp_path, idp_settings, private_nats.url), tokens) as stack:
        yield stack


class CountingConsumer:
    """A consumer whose effect is a row per event, behind a database inbox."""

    def __init__(self, stack: Stack, path: Path) -> None:
        self.db = Database(make_engine(f"sqlite:///{path}"))
        InboxEntry.__table__.create(self.db.engine)  # type: ignore[attr-defined]
        effects.create_all(self.db.engine)
        self.inbox = DatabaseInbox(self.db, "counting")
        self.deliveries = 0
        self.link = NatsLink(stack.settings.nats_url, "test-consumer")
        self.consumer = DurableConsumer(self.link, service="suggestions", durable="counting", handler=self.handle)

    async def handle(self, event: ReceivedEvent) -> None:
        self.deliveries += 1
        await self.inbox.apply(event, self.effect)

    @staticmethod
    def effect(session: Session, event: ReceivedEvent) -> None:
        session.execute(insert(seen).values(event_id=event.event_id, suggestion_id=event.meta.aggregate_id))

    def rows(self) -> list[tuple[str, str]]:
        with self.db.session() as session:
            return [tuple(r) for r in session.execute(select(seen.c.event_id, seen.c.suggestion_id))]  # type: ignore[misc]


def unpublished(stack: Stack) -> int:
    with stack.runtime.db.session() as session:
        return int(session.execute(select(func.count()).where(OutboxMessage.published_at.is_(None))).scalar_one())  # type: ignore[union-attr]


def test_submissions_while_nats_is_down_arrive_exactly_once(
    faulty_stack: Stack, private_nats: NatsServer, tmp_path: Path
) -> None:
    stack = faulty_stack
    counting = CountingConsumer(stack, tmp_path / "consumer.db")
    stack.loop.run(counting.link.ensure_stream("suggestions"))
    counting.consumer.start_in(stack.loop.loop)

    before = [stack.submit("deputy1").json()["id"] for _ in range(5)]
    wait_until(lambda: len(counting.rows()) == 5)

    private_nats.stop()
    during = []
    for _ in range(20):
        response = stack.submit("deputy2")
        assert response.status_code == 201, response.text
        during.append(response.json()["id"])
    assert unpublished(stack) == 20  # kept safe in the outbox
    private_nats.start()

    wait_until(lambda: len(counting.rows()) == 25)
    wait_until(lambda: unpublished(stack) == 0)
    time.sleep(1.0)  # let any duplicate arrive
    rows = counting.rows()
    assert len(rows) == 25
    assert sorted(r[1] for r in rows) == sorted(before + during)
    assert len({r[0] for r in rows}) == 25
    stack.loop.run(counting.consumer.stop())
    stack.loop.run(counting.link.close())


def test_a_republished_event_has_no_second_effect(faulty_stack: Stack, tmp_path: Path) -> None:
    stack = faulty_stack
    counting = CountingConsumer(stack, tmp_path / "consumer.db")
    counting.consumer.start_in(stack.loop.loop)
    for _ in range(3):
        assert stack.submit("deputy1").status_code == 201
    wait_until(lambda: len(counting.rows()) == 3)

    # The relay crashed after JetStream acked but before it marked the rows: it publishes them again.
    with stack.runtime.db.session() as session:
        session.execute(OutboxMessage.__table__.update().values(published_at=None))  # type: ignore[attr-defined]
        session.commit()
    stack.runtime.relay.notify()
    wait_until(lambda: unpublished(stack) == 0)

    # And an event arrives again past JetStream's duplicate window (a new Nats-Msg-Id, same event id).
    async def republish_outside_window() -> None:
        js = await counting.link.jetstream()
        with stack.runtime.db.session() as session:
            row = session.execute(select(OutboxMessage)).scalars().first()
        assert row is not None
        headers = {"Nats-Msg-Id": "again-" + row.event_id, "Wulian-Event-Type": row.event_type}
        await js.publish(row.subject, row.payload, headers=headers)

    stack.loop.run(republish_outside_window())
    wait_until(lambda: counting.deliveries >= 4)
    time.sleep(0.5)
    assert len(counting.rows()) == 3
    stack.loop.run(counting.consumer.stop())
    stack.loop.run(counting.link.close())
