"""The evaluation link's events → their protobuf messages, into the outbox in the caller's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from wulian.evaluation.v1 import events_pb2
from wulian.kit.context import current_request_id
from wulian.kit.documents import Documents
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


def raise_due_notices(documents: Documents[Any], db: Session, object_id: str, now: datetime) -> int:
    """A deadline scheduler's step for one aggregate: its due notices (``raise_due_notices(now)``, each
    raised once by the aggregate) saved with their events in one transaction; how many."""
    loaded = documents.load(db, object_id)
    if loaded is None:
        return 0
    raised = loaded.aggregate.raise_due_notices(now)
    if not raised:
        return 0
    documents.save(db, loaded.aggregate, loaded.version)
    commit(db, None, loaded.aggregate)
    return len(raised)
