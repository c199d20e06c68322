"""The transactional outbox and the inbox.

``add_to_outbox`` is called inside the session that makes the state change, so the change and its
event commit together or not at all. The relay publishes rows in ``seq`` order with the event id
as ``Nats-Msg-Id`` (JetStream drops a duplicate within its window) and marks them published only
after JetStream acknowledged them. The inbox records which event ids a consumer has handled, in the
same transaction as the handler's effect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from google.protobuf.message import Message
from sqlalchemy import Column, Connection, DateTime, LargeBinary, bindparam, select, update
from sqlmodel import Field, Session, SQLModel

from wulian.kit.context import current_request_id


def _now() -> datetime:
    return datetime.now(UTC)


class OutboxMessage(SQLModel, table=True):
    __tablename__ = "outbox"

    seq: int | None = Field(default=None, primary_key=True)
    event_id: str = Field(max_length=64, unique=True)
    subject: str = Field(max_length=200)
    event_type: str = Field(max_length=200)
    payload: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    request_id: str = Field(default="", max_length=64)
    created_at: datetime = Field(default_factory=_now, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]
    published_at: datetime | None = Field(
        default=None,
        index=True,
        sa_type=DateTime(timezone=True),  # type: ignore[call-overload]
    )


class InboxEntry(SQLModel, table=True):
    __tablename__ = "inbox"

    consumer: str = Field(primary_key=True, max_length=100)
    event_id: str = Field(primary_key=True, max_length=64)
    handled_at: datetime = Field(default_factory=_now, sa_type=DateTime(timezone=True))  # type: ignore[call-overload]


_INSERT = OutboxMessage.__table__.insert()  # type: ignore[attr-defined]
_TABLE = OutboxMessage.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class PendingEvent:
    """An outbox row as the relay needs it (read with Core: no ORM object per row)."""

    seq: int
    event_id: str
    subject: str
    event_type: str
    payload: bytes
    request_id: str


def _values(subject: str, event: Message, request_id: str, created_at: datetime) -> dict[str, object]:
    meta = event.meta  # type: ignore[attr-defined]
    return {
        "event_id": meta.event_id,
        "subject": subject,
        "event_type": event.DESCRIPTOR.full_name,
        "payload": event.SerializeToString(),
        "request_id": meta.request_id or request_id,
        "created_at": created_at,
    }


def add_to_outbox(session: Session, subject: str, event: Message) -> None:
    """Write ``event`` in the caller's transaction; it is published after the caller commits."""
    session.execute(_INSERT, _values(subject, event, current_request_id(), _now()))


def add_many_to_outbox(session: Session, events: Sequence[tuple[str, Message, str]]) -> None:
    """Write several (subject, event, request id) in the caller's transaction, in one statement."""
    now = _now()
    session.execute(_INSERT, [_values(subject, event, request_id, now) for subject, event, request_id in events])


_COLUMNS = ("seq", "event_id", "subject", "event_type", "payload", "request_id")
_PENDING = (
    select(*(_TABLE.c[name] for name in _COLUMNS))
    .where(_TABLE.c.published_at.is_(None))
    .order_by(_TABLE.c.seq)
    .limit(bindparam("limit"))
)


def pending(connection: Connection, limit: int) -> list[PendingEvent]:
    """The oldest unpublished events, in the order they were committed."""
    return [PendingEvent(*row) for row in connection.execute(_PENDING, {"limit": limit})]


def mark_published(connection: Connection, seqs: list[int]) -> None:
    if seqs:
        connection.execute(update(_TABLE).where(_TABLE.c.seq.in_(seqs)).values(published_at=_now()))


def already_handled(session: Session, consumer: str, event_id: str) -> bool:
    return session.get(InboxEntry, (consumer, event_id)) is not None


def record_handled(session: Session, consumer: str, event_id: str) -> None:
    session.add(InboxEntry(consumer=consumer, event_id=event_id))


def add_event_tables() -> None:
    """Create ``outbox`` and ``inbox``; call from a service's first Alembic ``upgrade()``."""
    import sqlalchemy as sa
    from alembic import op

    moment = sa.DateTime(timezone=True)
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.String(length=64), nullable=False, unique=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("published_at", moment, nullable=True, index=True),
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(length=100), primary_key=True),
        sa.Column("event_id", sa.String(length=64), primary_key=True),
        sa.Column("handled_at", moment, nullable=False),
    )
