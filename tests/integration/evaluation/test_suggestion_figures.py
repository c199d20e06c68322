"""Suggestion-handling figures per department, counted from the suggestions service's events (issue 6), on a
real nats-server and real SQLite and PostgreSQL: the suggestions service's own use cases write their events
to its outbox, its relay publishes them as it does in production, and the evaluation service's consumer
counts them — once each, whatever is delivered again, in the year the event happened in Beijing."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError

from services.evaluation import appraisal_handlers, appraisals, figures_store
from services.evaluation.appraisals import SuggestionFigures
from services.evaluation.figures_handlers import campaign_figures
from services.evaluation.suggestion_figures import CONSUMER, figures_consumer, figures_handler
from services.suggestions import commands, domain, event_messages, handlers
from services.suggestions import events as ev
from services.suggestions.main import MIGRATIONS as SUGGESTIONS_MIGRATIONS
from tests.integration.evaluation.conftest import Clock
from tests.integration.suggestions.conftest import CLERK, DEPUTY, HOUSING, OFFICE, TRANSPORT
from tests.support.postgres import migrated_database
from tests.support.processes import NatsServer, ThreadedLoop, wait_until
from wulian.kit.db import Database
from wulian.kit.errors import NotFound
from wulian.kit.events.envelope import EVENT_TYPE_HEADER, ReceivedEvent, decode
from wulian.kit.events.link import NatsLink, stream_name
from wulian.kit.events.outbox import OutboxMessage
from wulian.kit.events.relay import OutboxRelay
from wulian.kit.principal import Principal

UNITS = ("transport", "housing", "water")


class Pipeline:
    """The suggestions service's outbox relay and the evaluation service's figures consumer, on one loop."""

    def __init__(self, suggestions: Database, evaluation: Database, nats_url: str) -> None:
        self.loop = ThreadedLoop()
        self.publisher = NatsLink(nats_url, "suggestions")
        self.subscriber = NatsLink(nats_url, "evaluation")
        self.relay = OutboxRelay(suggestions, self.publisher, "suggestions", poll_interval_s=0.05)
        self.consumer = figures_consumer(evaluation, self.subscriber)

    def start(self) -> None:
        self.loop.loop.call_soon_threadsafe(self.relay.start)
        self.consumer.start_in(self.loop.loop)

    def stop(self) -> None:
        self.loop.run(self.consumer.stop())
        self.loop.run(self.relay.stop())
        self.loop.run(self.publisher.close())
        self.loop.run(self.subscriber.close())
        self.loop.close()

    def publish_again(self, row: OutboxMessage, msg_id: str) -> None:
        """``row`` published once more, as a relay that crashed before marking it would (``msg_id`` its own
        id), or past JetStream's duplicate window (a new one)."""

        async def publish() -> None:
            js = await self.publisher.jetstream()
            headers = {"Nats-Msg-Id": msg_id, EVENT_TYPE_HEADER: row.event_type}
            await js.publish(row.subject, row.payload, headers=headers)

        self.loop.run(publish())

    def stream_state(self) -> tuple[int, int]:
        """How many messages the suggestions stream holds, and up to which the consumer has acked them."""

        async def state() -> tuple[int, int]:
            js = await self.subscriber.jetstream()
            stream = await js.stream_info(stream_name("suggestions"))
            consumer = await js.consumer_info(stream_name("suggestions"), CONSUMER)
            return stream.state.messages, consumer.ack_floor.stream_seq if consumer.ack_floor else 0

        return self.loop.run(state())  # type: ignore[no-any-return]


@pytest.fixture
def suggestions_db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    with migrated_database(tmp_path, database_url, "suggestions", SUGGESTIONS_MIGRATIONS) as database:
        yield database


@pytest.fixture
def pipeline(tmp_path: Path, suggestions_db: Database, db: Database) -> Iterator[Pipeline]:
    nats = NatsServer(tmp_path / "nats")  # its own stream: no other test's suggestions events
    nats.start()
    running = Pipeline(suggestions_db, db, nats.url)
    running.start()
    yield running
    running.stop()
    nats.stop()


class Suggestions:
    """The suggestions service's use cases, as its gRPC servicer calls them."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def act(self, who: Principal, suggestion_id: str, action: handlers.Action) -> None:
        with self.db.session() as session:
            handlers.act(session, who, suggestion_id, action, self.clock)

    def assigned(self, co_units: tuple[str, ...] = ()) -> str:
        with self.db.session() as session:
            command = domain.SubmitSuggestion("修缮学府路", "学府路路面破损，请修缮。", "transport")
            sid = handlers.submit_suggestion(session, DEPUTY, command, self.clock).id
        proposal = commands.ProposeAssignment("transport", co_units, False, "")
        self.act(CLERK, sid, lambda s, now: s.propose_assignment(CLERK, proposal, now))
        self.act(OFFICE, sid, lambda s, now: s.confirm_assignment(OFFICE, now))
        return sid

    def contact(self, unit: Principal, suggestion_id: str) -> None:
        command = commands.RecordContact(self.clock.now, "phone", "王科长", "约定现场查看")
        self.act(unit, suggestion_id, lambda s, now: s.record_contact(unit, command, now))

    def deadlines(self, suggestion_id: str) -> None:
        with self.db.session() as session:
            handlers.raise_deadlines(session, suggestion_id, self.clock)

    def outbox(self) -> list[OutboxMessage]:
        with self.db.session() as session:
            return list(session.execute(select(OutboxMessage).order_by(OutboxMessage.seq)).scalars())  # type: ignore[arg-type]


def run_together(work: Callable[[], None], threads: int) -> None:
    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def figures(db: Database, year: int) -> dict[str, SuggestionFigures]:
    with db.session() as session:
        return figures_store.figures_for(session, year, UNITS)


def reaches(db: Database, year: int, expected: dict[str, SuggestionFigures]) -> Callable[[], bool]:
    return lambda: {u: f for u, f in figures(db, year).items() if u in expected} == expected


def test_a_years_handling_gives_each_department_its_figures(
    pipeline: Pipeline, suggestions_db: Database, db: Database, clock: Clock
) -> None:
    s = Suggestions(suggestions_db, clock)
    first = s.assigned(co_units=("housing",))
    clock.advance(hours=2)
    s.contact(TRANSPORT, first)
    clock.advance(hours=47)
    s.contact(HOUSING, first)  # 49 h after the assignment
    s.act(HOUSING, first, lambda x, now: x.give_co_unit_opinion(HOUSING, commands.GiveCoUnitOpinion("同意"), now))
    clock.advance(days=20)
    s.act(TRANSPORT, first, lambda x, now: x.reply(TRANSPORT, commands.GiveReply("solved", "已修缮"), now))
    verdict = commands.EvaluateHandling("good", "good", "good", "basically_satisfied", "")
    with suggestions_db.session() as session:
        handlers.evaluate(session, DEPUTY, first, verdict, clock)
    second = s.assigned()
    clock.advance(days=93)  # neither contacted nor answered
    s.deadlines(second)

    transport = SuggestionFigures(
        assigned=2, as_lead=2, contacted=1, contacted_within_48h=1, replied=1, replied_on_time=1,
        basically_satisfied=1, contact_overdue=1, reply_overdue=1,
    )  # fmt: skip
    housing = SuggestionFigures(assigned=1, contacted=1)
    wait_until(reaches(db, 2026, {"transport": transport, "housing": housing, "water": SuggestionFigures()}))

    plan = appraisals.CampaignPlan(
        2026,
        "2026年度市政府工作部门工作评议",
        (appraisals.DepartmentInput("transport", "交通运输局"), appraisals.DepartmentInput("housing", "住建局")),
        (appraisals.TeamInput("第一评议调研组", "leader-1", "组长", (), ("transport", "housing")),),
    )
    with db.session() as session:
        campaign_id = appraisal_handlers.create(session, CLERK, plan, clock).view.id
        shown = campaign_figures(session, CLERK, campaign_id)
        own = campaign_figures(session, TRANSPORT, campaign_id)
        with pytest.raises(NotFound):
            campaign_figures(session, DEPUTY, campaign_id)
    assert shown["year"] == 2026 and [d["unit"] for d in shown["departments"]] == ["transport", "housing"]
    assert shown["departments"][0]["assigned"] == 2 and shown["departments"][0]["satisfaction_rate"] == 1.0
    assert shown["departments"][1] == {
        "unit": "housing", "name": "住建局", **dataclasses.asdict(housing), "satisfaction_rate": None,
    }  # fmt: skip
    assert [d["unit"] for d in own["departments"]] == ["transport"]  # a department sees its own


def test_an_event_delivered_again_counts_once(
    pipeline: Pipeline, suggestions_db: Database, db: Database, clock: Clock
) -> None:
    s = Suggestions(suggestions_db, clock)
    sid = s.assigned()
    wait_until(reaches(db, 2026, {"transport": SuggestionFigures(assigned=1, as_lead=1)}))
    confirmed = next(row for row in s.outbox() if row.subject.endswith(".assigned"))

    pipeline.publish_again(confirmed, confirmed.event_id)  # JetStream drops it: the same Nats-Msg-Id
    pipeline.publish_again(confirmed, "again-" + confirmed.event_id)  # delivered: the inbox has its event id
    with suggestions_db.session() as session:  # the relay crashed before it marked its rows published
        session.execute(OutboxMessage.__table__.update().values(published_at=None))  # type: ignore[attr-defined]
        session.commit()
    s.contact(TRANSPORT, sid)  # counted after the copies: the consumer takes the stream in order

    wait_until(reaches(db, 2026, {"transport": SuggestionFigures(assigned=1, as_lead=1, contacted=1,
                                                                 contacted_within_48h=1)}))  # fmt: skip
    wait_until(lambda: all(row.published_at is not None for row in s.outbox()))
    wait_until(lambda: pipeline.stream_state() == (5, 5))  # the 4 events and the copy with a new id, all acked


def test_an_event_of_another_year_lands_in_that_year(
    pipeline: Pipeline, suggestions_db: Database, db: Database, clock: Clock
) -> None:
    clock.now = datetime(2025, 12, 31, 15, 30, tzinfo=UTC)  # 23:30 on New Year's Eve in Beijing
    s = Suggestions(suggestions_db, clock)
    sid = s.assigned()
    clock.advance(hours=1)  # 00:30 on 1 January 2026 in Beijing, 2025 still in UTC
    s.contact(TRANSPORT, sid)
    wait_until(reaches(db, 2026, {"transport": SuggestionFigures(contacted=1, contacted_within_48h=1)}))
    wait_until(reaches(db, 2025, {"transport": SuggestionFigures(assigned=1, as_lead=1)}))


def test_one_event_handled_twice_at_once_counts_once(db: Database, clock: Clock) -> None:
    """Two replicas of the service, each handed the same event (its ack came too late): one counts it."""
    subject, message = event_messages.to_message(
        ev.ContactRecorded("s-1", clock.now, "transport", "deputy-1", True), actor=None
    )
    event = ReceivedEvent(subject, message.DESCRIPTOR.full_name, decode(message.DESCRIPTOR.full_name,
                                                                        message.SerializeToString()))  # fmt: skip
    refused: list[Exception] = []
    start = threading.Barrier(4)

    async def deliver() -> None:
        await figures_handler(db)(event)

    def handle() -> None:
        start.wait()
        try:
            asyncio.run(deliver())
        except (IntegrityError, OperationalError) as error:  # the loser's inbox row, or SQLite's write lock
            refused.append(error)

    run_together(handle, 4)
    assert len(refused) < 4
    assert figures(db, 2026)["transport"] == SuggestionFigures(contacted=1, contacted_within_48h=1)


def test_concurrent_increments_of_one_row_all_count(db: Database) -> None:
    threads, rounds = 8, 25
    start = threading.Barrier(threads)

    def add() -> None:
        start.wait()
        for _ in range(rounds):
            with db.session() as session:
                figures_store.apply(
                    session, 2026, {"transport": {"assigned": 1, "as_lead": 1}, "housing": {"assigned": 1}}
                )
                session.commit()

    run_together(add, threads)
    assert figures(db, 2026) == {
        "transport": SuggestionFigures(assigned=threads * rounds, as_lead=threads * rounds),
        "housing": SuggestionFigures(assigned=threads * rounds),
        "water": SuggestionFigures(),
    }
