"""Witnessing another body's audit log (real SQLite databases for the log and for the witness): each
checkpoint is checked against the last one held with a consistency proof from the log, and a log that
rewrote its history, forked, or sent a checkpoint it did not sign raises an alarm through the
witness's outbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from wulian.clues.v1 import events_pb2 as clue_events
from wulian.common.v1 import events_pb2 as common_events
from wulian.kit.audit import log as audit_log
from wulian.kit.audit.checkpoint import Signer, generate_key
from wulian.kit.audit.witness import CheckpointWitness, ProofRefused, held_checkpoints, witnessed_checkpoint
from wulian.kit.db import Database, make_engine
from wulian.kit.events.envelope import ReceivedEvent, event_meta, import_event_modules
from wulian.kit.events.messages import SYSTEM
from wulian.kit.events.outbox import InboxEntry, OutboxMessage

ORIGIN = "wulian.test/clues"
ALARM = "wulian.test.audit.alarm"
Pair = tuple[Database, Database]


def database(path: Path) -> Database:
    db = Database(make_engine(f"sqlite:///{path}"))
    tables = [*audit_log.TABLES, witnessed_checkpoint, OutboxMessage.__table__, InboxEntry.__table__]  # type: ignore[attr-defined]
    witnessed_checkpoint.metadata.create_all(db.engine, tables=tables)
    return db


@pytest.fixture
def signer() -> Signer:
    return Signer.from_skey(generate_key(ORIGIN)[0])


@pytest.fixture
def dbs(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    log_db, witness_db = database(tmp_path / "log.db"), database(tmp_path / "witness.db")
    yield log_db, witness_db
    log_db.close()
    witness_db.close()


def grow(db: Database, signer: Signer, entries: list[bytes]) -> str:
    with db.session() as session:
        audit_log.append(session, entries)
        note = audit_log.sign_checkpoint(session, signer, ORIGIN)
        session.commit()
        return note


def event_of(note: str, size: int) -> ReceivedEvent:
    meta = event_meta(actor=SYSTEM, aggregate_type="audit_log", aggregate_id=ORIGIN, audience=[])
    message = clue_events.AuditCheckpoint(meta=meta, note=note, size=size, origin=ORIGIN)
    return ReceivedEvent("wulian.clues.audit.checkpoint", message.DESCRIPTOR.full_name, message)


def witness_of(log_db: Database, witness_db: Database, signer: Signer) -> CheckpointWitness:
    async def fetch(old: int, new: int) -> list[bytes]:
        with log_db.session() as session:
            return audit_log.consistency_proof(session, old, new)

    return CheckpointWitness(
        witness_db,
        consumer="test-witness",
        origin=ORIGIN,
        log_key=signer.verifier,
        fetch_consistency=fetch,
        alarm_subject=ALARM,
    )


def alarms(db: Database) -> list[common_events.AuditAlarm]:
    import_event_modules()
    with db.session() as session:
        payloads = session.execute(select(OutboxMessage.payload).where(OutboxMessage.subject == ALARM)).scalars()  # type: ignore[call-overload]
        return [common_events.AuditAlarm.FromString(payload) for payload in payloads]


def held(db: Database) -> list[tuple[int, bool, str]]:
    with db.session() as session:
        return held_checkpoints(session, ORIGIN)


async def test_a_growing_log_is_witnessed_checkpoint_by_checkpoint(
    dbs: tuple[Database, Database], signer: Signer
) -> None:
    log_db, witness_db = dbs
    witness = witness_of(log_db, witness_db, signer)
    for size in (3, 10, 25):
        with log_db.session() as session:
            start = audit_log.size(session)
        note = grow(log_db, signer, [f"entry {i}".encode() for i in range(start, size)])
        event = event_of(note, size)
        await witness.handle(event)
        await witness.handle(event)  # a redelivery changes nothing
    assert held(witness_db) == [(3, True, ""), (10, True, ""), (25, True, "")]
    assert alarms(witness_db) == []


async def test_a_rewritten_history_raises_an_alarm(
    dbs: tuple[Database, Database], signer: Signer, tmp_path: Path
) -> None:
    log_db, witness_db = dbs
    await witness_of(log_db, witness_db, signer).handle(event_of(grow(log_db, signer, [b"a", b"b", b"c"]), 3))
    # The log's owner rebuilds the log with entry 1 changed, and signs a longer history with its real key.
    rewritten = database(tmp_path / "rewritten.db")
    note = grow(rewritten, signer, [b"a", b"B", b"c", b"d"])
    await witness_of(rewritten, witness_db, signer).handle(event_of(note, 4))
    [alarm] = alarms(witness_db)
    assert (alarm.size, alarm.last_size, alarm.origin) == (4, 3, ORIGIN) and "不一致" in alarm.reason
    assert held(witness_db) == [(3, True, ""), (4, False, alarm.reason)]
    rewritten.close()


async def test_a_fork_at_the_same_size_and_a_foreign_signature_raise_alarms(
    dbs: tuple[Database, Database], signer: Signer, tmp_path: Path
) -> None:
    log_db, witness_db = dbs
    witness = witness_of(log_db, witness_db, signer)
    await witness.handle(event_of(grow(log_db, signer, [b"a", b"b"]), 2))
    fork = database(tmp_path / "fork.db")
    await witness.handle(event_of(grow(fork, signer, [b"a", b"x"]), 2))
    impostor = Signer.from_skey(generate_key(ORIGIN)[0])
    other = database(tmp_path / "other.db")
    await witness.handle(event_of(grow(other, impostor, [b"a", b"b", b"c"]), 3))
    reasons = [alarm.reason for alarm in alarms(witness_db)]
    assert len(reasons) == 2 and "分叉" in reasons[0] and "签名" in reasons[1]
    fork.close()
    other.close()


async def test_a_log_that_cannot_prove_what_it_signed_raises_an_alarm(
    dbs: Pair, signer: Signer, tmp_path: Path
) -> None:
    log_db, witness_db = dbs
    await witness_of(log_db, witness_db, signer).handle(event_of(grow(log_db, signer, [b"a"]), 1))
    other = database(tmp_path / "other.db")
    note = grow(other, signer, [b"a", b"b"])

    async def refuse(old: int, new: int) -> list[bytes]:
        raise ProofRefused("NOT_FOUND")

    witness = CheckpointWitness(
        witness_db, consumer="test-witness", origin=ORIGIN, log_key=signer.verifier, fetch_consistency=refuse,
        alarm_subject=ALARM,
    )  # fmt: skip
    await witness.handle(event_of(note, 2))
    [alarm] = alarms(witness_db)
    assert "拒绝" in alarm.reason and alarm.size == 2
    other.close()
