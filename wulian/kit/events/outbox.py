"""The transactional outbox and the inbox.

``add_to_outbox`` is called inside the session that makes the state change, so the change and its
event commit together or not at all. The relay publishes rows in ``seq`` order with the event id
as ``Nats-Msg-Id`` (JetStream drops a duplicate within its window) and marks them published only
after JetStream acknowledged them. The inbox records which event ids a consumer has handled, in the
same transaction as the handler's effect.
"""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.message import Message
from sqlalchemy import Column, DateTime, LargeBinary, update
from sqlmodel import Field, Session, SQLModel, col, select

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


def add_to_outbox(session: Session, subject: str, event: Message) -> None:
    """Write ``event`` in the caller's transaction; it is published after the caller commits."""
    meta = event.meta  # type: ignore[attr-defined]
    values = {
        "event_id": meta.event_id,
        "subject": subject,
        "event_type": event.DESCRIPTOR.full_name,
        "payload": event.SerializeToString(),
        "request_id": meta.request_id or current_request_id(),
        "created_at": _now(),
    }
    session.execute(_INSERT, values)


def pending(session: Session, limit: int) -> list[OutboxMessage]:
    query = (
        select(OutboxMessage)
        .where(col(OutboxMessage.published_at).is_(None))
        .order_by(col(OutboxMessage.seq))
        .limit(limit)
    )
    return list(session.exec(query))


def mark_published(session: Session, seqs: list[int]) -> None:
    if seqs:
        statement = update(OutboxMessage).where(col(OutboxMessage.seq).in_(seqs)).values(published_at=_now())
        session.exec(statement)  # type: ignore[call-overload]
        session.commit()


def already_handled(session: Session, consumer: str, event_id: str) -> bool:
    return session.get(InboxEntry, (consumer, event_id)) is not None


def record_handled(session: Session, consumer: str, event_id: str) -> None:
    session.add(InboxEntry(consumer=consumer, event_id=event_id))
