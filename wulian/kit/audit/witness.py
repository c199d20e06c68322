"""Witnessing another body's audit log: keep every checkpoint it publishes, check each new one.

A service that witnesses a log (the suggestions service witnesses the clue service's) consumes the
log's checkpoints from NATS, checks the log's signature, asks the log for a consistency proof from
the last checkpoint it holds and verifies it. A checkpoint that passes is stored (in the same
transaction as the inbox record, so a redelivery changes nothing); one that fails — a bad signature,
a fork at the same size, a history that does not extend the one signed before — is stored as failed
and raises an alarm event through the witness's outbox. A body that rewrote its log can then no longer
show a consistent history to the others.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import BigInteger, Boolean, Column, DateTime, LargeBinary, String, Table, Text, select
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from wulian.common.v1 import events_pb2 as common_events
from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Checkpoint, NoteError, Verifier, open_checkpoint
from wulian.kit.db import Database
from wulian.kit.events.consumer import DatabaseInbox
from wulian.kit.events.envelope import ReceivedEvent, event_meta
from wulian.kit.events.messages import SYSTEM
from wulian.kit.events.outbox import add_to_outbox

log = logging.getLogger(__name__)

ALARM_AUDIENCE = ["role:discipline_commission", "role:congress_leader", "role:platform_admin"]

witnessed_checkpoint = Table(
    "witnessed_checkpoint",
    SQLModel.metadata,
    Column("origin", String(100), primary_key=True),
    Column("size", BigInteger, primary_key=True, autoincrement=False),
    Column("root_hash", LargeBinary, nullable=False),
    Column("note", Text, nullable=False),
    Column("consistent", Boolean, nullable=False),
    Column("reason", Text, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)


def add_witness_tables() -> None:
    """Create ``witnessed_checkpoint``; call from the witnessing service's Alembic ``upgrade()``."""
    import sqlalchemy as sa
    from alembic import op

    op.create_table(
        "witnessed_checkpoint",
        sa.Column("origin", sa.String(100), primary_key=True),
        sa.Column("size", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("root_hash", sa.LargeBinary, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("consistent", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )


@dataclass(frozen=True, slots=True)
class Held:
    size: int
    root_hash: bytes


def last_consistent(session: Session, origin: str) -> Held | None:
    rows = session.execute(
        select(witnessed_checkpoint.c.size, witnessed_checkpoint.c.root_hash).where(
            witnessed_checkpoint.c.origin == origin, witnessed_checkpoint.c.consistent
        )
    ).all()
    if not rows:
        return None
    size, root_hash = max(((int(size), bytes(root)) for size, root in rows), key=lambda row: row[0])
    return Held(size, root_hash)


def held_checkpoints(session: Session, origin: str) -> list[tuple[int, bool, str]]:
    """(size, consistent, reason) of every checkpoint held, by size."""
    rows = session.execute(
        select(witnessed_checkpoint.c.size, witnessed_checkpoint.c.consistent, witnessed_checkpoint.c.reason).where(
            witnessed_checkpoint.c.origin == origin
        )
    ).all()
    return sorted((int(size), bool(ok), str(reason)) for size, ok, reason in rows)


ConsistencyFetcher = Callable[[int, int], Awaitable[list[bytes]]]


class ProofRefused(Exception):
    """The log answered, and refused to prove consistency between two sizes it signed (not a network
    failure, which is retried): for a witness that is as bad as a failing proof."""


class CheckpointWitness:
    """Handler of a log's checkpoint events (``AuditCheckpoint`` messages with ``note`` and ``origin``)."""

    def __init__(
        self,
        db: Database,
        *,
        consumer: str,
        origin: str,
        log_key: Callable[[], Verifier],
        fetch_consistency: ConsistencyFetcher,
        alarm_subject: str,
        notify: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.inbox = DatabaseInbox(db, consumer)
        self.origin = origin
        self.log_key = log_key
        self.fetch_consistency = fetch_consistency
        self.alarm_subject = alarm_subject
        self.notify = notify

    async def handle(self, event: ReceivedEvent) -> None:
        note: str = event.message.note  # type: ignore[attr-defined]
        reason, checkpoint = await self._check(note)
        size = checkpoint.size if checkpoint else int(getattr(event.message, "size", 0))
        last = await self.db.run(self._last)
        if reason:
            log.warning("audit log %s: checkpoint of size %d fails: %s", self.origin, size, reason)

        def effect(session: Session, _event: ReceivedEvent) -> None:
            self._store(session, note, size, checkpoint.root_hash if checkpoint else b"", reason)
            if reason:
                self._alarm(session, note, size, last.size if last else 0, reason)

        await self.inbox.apply(event, effect)
        if reason:
            self.notify()

    def _last(self) -> Held | None:
        with self.db.session() as session:
            return last_consistent(session, self.origin)

    async def _check(self, note: str) -> tuple[str, Checkpoint | None]:
        """An empty reason when ``note`` is signed by the log and consistent with what is held."""
        try:
            checkpoint, _ = open_checkpoint(note, self.log_key(), origin=self.origin)
        except NoteError as error:
            return f"签名或格式无效（{error}）", None
        last = await self.db.run(self._last)
        if last is None:
            return "", checkpoint  # the first checkpoint this witness sees: trust on first use
        old, new = sorted((last, Held(checkpoint.size, checkpoint.root_hash)), key=lambda held: held.size)
        if old.size == new.size:
            return ("" if old.root_hash == new.root_hash else "同一规模出现两个不同的根哈希（分叉）"), checkpoint
        try:
            proof = await self.fetch_consistency(old.size, new.size)
        except ProofRefused as refused:
            return f"日志拒绝给出规模 {old.size} 到 {new.size} 的一致性证明（{refused}）", checkpoint
        try:
            merkle.verify_consistency(old.size, new.size, old.root_hash, new.root_hash, proof)
        except merkle.ProofError as error:
            return f"与已见证的规模 {last.size} 不一致（{error}）", checkpoint
        return "", checkpoint

    def _store(self, session: Session, note: str, size: int, root_hash: bytes, reason: str) -> None:
        key = {"origin": self.origin, "size": size}
        exists = session.execute(
            select(witnessed_checkpoint.c.size).where(
                witnessed_checkpoint.c.origin == key["origin"], witnessed_checkpoint.c.size == key["size"]
            )
        ).first()
        if exists is not None and not reason:
            return
        values = key | {
            "root_hash": root_hash,
            "note": note,
            "consistent": not reason,
            "reason": reason,
            "received_at": datetime.now(UTC),
        }
        if exists is None:
            session.execute(witnessed_checkpoint.insert().values(values))
        else:  # a second, different note for a size already held: keep the evidence of the fork
            session.execute(
                witnessed_checkpoint.update()
                .where(witnessed_checkpoint.c.origin == key["origin"], witnessed_checkpoint.c.size == key["size"])
                .values(consistent=False, reason=reason, note=note)
            )

    def _alarm(self, session: Session, note: str, size: int, last_size: int, reason: str) -> None:
        meta = event_meta(actor=SYSTEM, aggregate_type="audit_log", aggregate_id=self.origin, audience=ALARM_AUDIENCE)
        alarm = common_events.AuditAlarm(
            meta=meta, origin=self.origin, size=size, last_size=last_size, reason=reason, note=note
        )
        add_to_outbox(session, self.alarm_subject, alarm)  # type: ignore[arg-type]
