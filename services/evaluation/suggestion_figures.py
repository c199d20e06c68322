"""The suggestion-handling figures per department are taken from the suggestions service's events, not typed
in (issue 6): a durable JetStream consumer of the suggestions service's events that count (``SUBJECTS``:
assignment, contact, reply, evaluation and the two overdue warnings) counts each into the figures of its
year in Beijing (``appraisals.suggestion_event_units``, ``figures_store``). The other events of a
suggestion's life (a submission, a co-signature, a draft...) are not delivered to it at all: under a
session's load of submissions, taking each only to skip it cost this service and NATS more CPU than
the figures themselves.

An event that counts is applied behind the inbox (``DatabaseInbox``): its increments and its event id are
written in one transaction, so a redelivery — JetStream's, or the relay publishing again after a crash —
adds nothing. An event that counts for no department (one that names no unit) is acked without a write.
"""

from __future__ import annotations

from datetime import UTC

from google.protobuf.message import Message

from services.evaluation import figures_store
from services.evaluation.appraisals import SUGGESTION_EVENTS, beijing_year, suggestion_event_units
from wulian.kit.db import Database
from wulian.kit.events.consumer import DatabaseInbox, DurableConsumer, Handler
from wulian.kit.events.envelope import ReceivedEvent
from wulian.kit.events.link import NatsLink
from wulian.suggestions.v1 import events_pb2  # noqa: F401  (the decoder finds the messages by type name)

CONSUMER = "evaluation-suggestion-figures"  # the durable's name and the inbox's
SUBJECTS = tuple(f"wulian.suggestions.suggestion.{name}" for name in sorted(SUGGESTION_EVENTS))

Increments = dict[str, dict[str, int]]


def event_name(subject: str) -> str:
    """The name ``suggestion_event_units`` knows the event by, from its subject."""
    return subject.rsplit(".", 1)[-1]


def event_fields(message: Message) -> dict[str, object]:
    return {field.name: getattr(message, field.name) for field in message.DESCRIPTOR.fields}


def counted(event: ReceivedEvent) -> tuple[int, Increments]:
    """The year (in Beijing) of the event's time, and what it adds to each department's figures of that year."""
    year = beijing_year(event.meta.occurred_at.ToDatetime(tzinfo=UTC))
    return year, suggestion_event_units(event_name(event.subject), event_fields(event.message))


def figures_handler(db: Database) -> Handler:
    """Counts one event behind the inbox; acks an event that counts for no department without a write."""
    inbox = DatabaseInbox(db, CONSUMER)

    async def handle(event: ReceivedEvent) -> None:
        year, increments = counted(event)
        if increments:
            await inbox.apply(event, lambda session, _: figures_store.apply(session, year, increments))

    return handle


def figures_consumer(db: Database, link: NatsLink) -> DurableConsumer:
    """The consumer the evaluation service runs beside its gRPC server (``runtime.background``)."""
    handler = figures_handler(db)
    return DurableConsumer(link, service="suggestions", durable=CONSUMER, handler=handler, filter_subject=SUBJECTS)
