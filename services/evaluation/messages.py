"""The evaluation link's events → their protobuf messages, into the outbox in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session

from wulian.evaluation.v1 import events_pb2
from wulian.kit.context import current_request_id
from wulian.kit.events.messages import EventMessages
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.principal import Principal

MESSAGES = {
    "ballot_session": EventMessages(
        events_pb2, service="evaluation", aggregate_type="ballot_session", id_field="session_id"
    ),
    "appraisal": EventMessages(events_pb2, service="evaluation", aggregate_type="appraisal", id_field="appraisal_id"),
    "rectification": EventMessages(
        events_pb2, service="evaluation", aggregate_type="rectification", id_field="item_id"
    ),
    "project_candidate": EventMessages(
        events_pb2, service="evaluation", aggregate_type="project_candidate", id_field="candidate_id"
    ),
    "project_vote": EventMessages(events_pb2, service="evaluation", aggregate_type="project_vote", id_field="vote_id"),
    "project": EventMessages(events_pb2, service="evaluation", aggregate_type="project", id_field="project_id"),
}


def publish(db: Session, events: Iterable[Any], actor: Principal | None) -> None:
    """The events into the outbox, in the caller's transaction."""
    rows = []
    for event in events:
        rows += MESSAGES[event.aggregate].to_outbox_rows([event], actor=actor, request_id=current_request_id())
    if rows:
        add_many_to_outbox(db, rows)


def commit(db: Session, actor: Principal | None, *aggregates: Any) -> None:
    """Publish the aggregates' events into the outbox, commit the transaction, and clear the events."""
    for aggregate in aggregates:
        publish(db, aggregate.events, actor)
    db.commit()
    for aggregate in aggregates:
        aggregate.events.clear()
