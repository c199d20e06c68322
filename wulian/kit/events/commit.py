"""A service's aggregates → their events' protobuf messages in the outbox, in the use case's transaction.

For the services whose aggregates collect their events in ``aggregate.events`` (dataclasses named by
``aggregate`` and ``name``, ``wulian.kit.events.domain.DomainEvent``): ``publish`` adds the rows,
``commit`` adds every aggregate's, commits and clears them, and ``raise_due_notices`` is a deadline
scheduler's step for one stored aggregate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlmodel import Session

from wulian.kit.context import current_request_id
from wulian.kit.documents import Documents
from wulian.kit.events.messages import EventMessages
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.principal import Principal


class EventCommitter:
    def __init__(self, messages: Mapping[str, EventMessages]) -> None:
        self.messages = messages  # per aggregate type

    def publish(self, db: Session, events: Iterable[Any], actor: Principal | None) -> None:
        """The events into the outbox, in the caller's transaction."""
        rows = []
        for event in events:
            rows += self.messages[event.aggregate].to_outbox_rows([event], actor=actor, request_id=current_request_id())
        if rows:
            add_many_to_outbox(db, rows)

    def commit(self, db: Session, actor: Principal | None, *aggregates: Any) -> None:
        """Publish the aggregates' events into the outbox, commit the transaction, and clear the events."""
        for aggregate in aggregates:
            self.publish(db, aggregate.events, actor)
        db.commit()
        for aggregate in aggregates:
            aggregate.events.clear()

    def raise_due_notices(self, documents: Documents[Any], db: Session, object_id: str, now: datetime) -> int:
        """A deadline scheduler's step for one aggregate: its due notices (``raise_due_notices(now)``, each
        raised once by the aggregate) saved with their events in one transaction; how many."""
        loaded = documents.load(db, object_id)
        if loaded is None:
            return 0
        raised = loaded.aggregate.raise_due_notices(now)
        if not raised:
            return 0
        documents.save(db, loaded.aggregate, loaded.version)
        self.commit(db, None, loaded.aggregate)
        return len(raised)
