"""The clue service's deadlines (5 working days to acknowledge, feedback within 90 days of acceptance)
raised once each by the kit's scheduler, each an audit entry of the scheduler; and its whole audit log,
read from its database, verifies offline as ``wulian audit verify`` does — until an entry is altered."""

from __future__ import annotations

import json

from sqlalchemy import text

from services.clues import commands, handlers, repository
from services.clues.handlers import Keys
from tests.integration.clues.conftest import ORIGIN
from tests.integration.suggestions.conftest import Clock
from tests.unit.clues import builders as b
from wulian.kit.audit import log as audit_log
from wulian.kit.audit.verify import verify_database
from wulian.kit.db import Database
from wulian.kit.scheduler import DeadlineScheduler


def scheduler(db: Database, keys: Keys, clock: Clock) -> DeadlineScheduler:
    def raise_one(session: object, clue_id: str, clock_: handlers.Clock) -> int:
        return handlers.raise_deadlines(session, clue_id, keys, clock_)  # type: ignore[arg-type]

    return DeadlineScheduler(
        db,
        lambda: None,
        due=repository.due_for_check,
        raise_one=raise_one,
        earliest=repository.earliest_check,
        clock=clock,
    )


def logged(db: Database) -> list[tuple[str, str]]:
    with db.session() as session:
        entries = [json.loads(audit_log.entry(session, i).data) for i in range(audit_log.size(session))]
    return [(entry["action"], entry["actor"]) for entry in entries]


async def test_deadlines_are_raised_once_each_and_logged(db: Database, keys: Keys, clock: Clock) -> None:
    with db.session() as session:  # Monday 2 March 2026, 09:00 in Beijing
        clue_id = handlers.transfer(session, b.SERVICE, b.transfer_command(), keys, clock).clue_id
    clock.now = b.ACK_DUE  # the end of the fifth working day
    assert await scheduler(db, keys, clock).run_once() == 1
    assert await scheduler(db, keys, clock).run_once() == 0  # a restart repeats nothing
    with db.session() as session:
        handlers.acknowledge(session, b.COMMISSION, clue_id, keys, clock)
    with db.session() as session:
        handlers.accept(session, b.COMMISSION, clue_id, commands.AcceptClue(), keys, clock)
    clock.advance(days=100)
    assert await scheduler(db, keys, clock).run_once() == 1  # overdue now; "due soon" is no news
    assert [action for action, _ in logged(db)] == [
        "transfer", "acknowledge_overdue", "acknowledge", "accept", "feedback_overdue",
    ]  # fmt: skip
    assert {actor for action, actor in logged(db) if action.endswith("overdue")} == {"system:scheduler"}


def test_the_clue_log_verifies_offline_until_an_entry_is_altered(db: Database, keys: Keys, clock: Clock) -> None:
    for n in range(4):
        with db.session() as session:
            command = b.transfer_command(source_ref=f"suggestion/s-{n}/escalation/1")
            handlers.transfer(session, b.SERVICE, command, keys, clock)
    with db.engine.connect() as connection:
        report = verify_database(connection, keys.signer.verifier(), origin=ORIGIN)
    assert report.ok and report.entries == 4 and report.checkpoints_verified == 4
    with db.engine.begin() as connection:
        forged = {"data": b'{"forged":1}'}
        connection.execute(text('UPDATE audit_leaf SET data = :data WHERE "index" = 2'), forged)
    with db.engine.connect() as connection:
        tampered = verify_database(connection, keys.signer.verifier(), origin=ORIGIN)
    assert not tampered.ok and tampered.first_bad_index == 2
