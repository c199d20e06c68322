"""The clue service's handling on real SQLite and PostgreSQL: a clue sealed at rest, its steps by the
commission, what each body sees, a receipt whose proof checks against the signed checkpoint, and every
step and every read of its contents on the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from services.clues import commands, handlers, repository
from services.clues.domain import Status, View
from services.clues.handlers import Keys
from tests.integration.clues.conftest import ORIGIN
from tests.integration.suggestions.conftest import Clock
from tests.unit.clues import builders as b
from wulian.kit.audit import log as audit_log
from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Checkpoint, open_checkpoint
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied


def transfer(db: Database, keys: Keys, clock: Clock, **fields: object) -> handlers.Receipt:
    with db.session() as session:
        return handlers.transfer(session, b.SERVICE, b.transfer_command(**fields), keys, clock)


def actions(db: Database) -> list[str]:
    with db.session() as session:
        count = audit_log.size(session)
        return [json.loads(audit_log.entry(session, i).data)["action"] for i in range(count)]


def test_a_receipt_proves_the_transfer_is_on_the_signed_log(db: Database, keys: Keys, clock: Clock) -> None:
    receipt = transfer(db, keys, clock)
    checkpoint, _ = open_checkpoint(receipt.proof.checkpoint, keys.signer.verifier(), origin=ORIGIN)
    assert checkpoint.size == receipt.proof.size == 1
    merkle.verify_inclusion(
        receipt.proof.index, checkpoint.size, receipt.proof.leaf_hash, receipt.proof.hashes, checkpoint.root_hash
    )
    again = transfer(db, keys, clock)  # a retry from the same source: the same clue, the same entry
    assert (again.clue_id, again.proof.index) == (receipt.clue_id, receipt.proof.index)
    assert actions(db) == ["transfer"]


def test_the_commission_handles_a_clue_and_each_body_sees_its_part(db: Database, keys: Keys, clock: Clock) -> None:
    clue_id = transfer(db, keys, clock).clue_id
    disposition = commands.RecordDisposition("preliminary_verification", "初核")
    steps = [
        ("acknowledge", lambda c, now: c.acknowledge(b.COMMISSION, now)),
        ("accept", lambda c, now: c.accept(b.COMMISSION, commands.AcceptClue("转第三审查调查室"), now)),
        ("disposition", lambda c, now: c.record_disposition(b.COMMISSION, disposition, now)),
        ("feedback", lambda c, now: c.give_feedback(b.COMMISSION, commands.GiveFeedback("经初核，已立案审查"), now)),
    ]
    for name, step in steps:
        clock.advance(days=1)
        with db.session() as session:
            handlers.act(session, b.COMMISSION, clue_id, name, step, keys, clock)
    with db.session() as session:
        clerk_view = handlers.get(session, b.CLERK, clue_id, keys, clock)
        full = handlers.get(session, b.STATION, clue_id, keys, clock)
        with pytest.raises(NotFound):
            handlers.get(session, b.TRANSPORT, clue_id, keys, clock)
        with pytest.raises(NotFound):
            handlers.get(session, b.DEPUTY, clue_id, keys, clock)
    assert clerk_view.view is View.STATUS and full.view is View.FULL
    assert full.clue.status is Status.CLOSED and full.clue.origin.details == b.DETAILS
    # the steps, then one audited read (the station's); the clerk's status view is no read of contents
    assert actions(db) == ["transfer", "acknowledge", "accept", "disposition", "feedback", "read"]


def test_only_the_commission_acts_and_a_stale_write_loses(db: Database, keys: Keys, clock: Clock) -> None:
    clue_id = transfer(db, keys, clock).clue_id
    with db.session() as session, pytest.raises(PermissionDenied):
        handlers.acknowledge(session, b.STATION, clue_id, keys, clock)
    with db.session() as first, db.session() as second:
        stored_a, stored_b = repository.load(first, clue_id), repository.load(second, clue_id)
        assert stored_a is not None and stored_b is not None
        a, b_ = stored_a.open(keys.private_key), stored_b.open(keys.private_key)
        a.acknowledge(b.COMMISSION, clock.now)
        b_.acknowledge(b.COMMISSION, clock.now)
        repository.save(first, a, stored_a.version, keys.public_key)
        first.commit()
        with pytest.raises(Conflict):
            repository.save(second, b_, stored_b.version, keys.public_key)
    with db.session() as session, pytest.raises(Conflict):
        handlers.acknowledge(session, b.COMMISSION, clue_id, keys, clock)  # already acknowledged
    assert actions(db) == ["transfer"]  # the low-level race wrote no entry; refused steps none either


def test_bad_transfers_write_nothing(db: Database, keys: Keys, clock: Clock) -> None:
    with db.session() as session, pytest.raises(InvalidArgument) as bad:
        handlers.transfer(session, b.SERVICE, b.transfer_command(summary="", attachment_hashes=("xyz",)), keys, clock)
    assert {d["field"] for d in bad.value.details} >= {"summary", "attachment_hashes"}
    with db.session() as session, pytest.raises(PermissionDenied):
        handlers.transfer(session, b.TRANSPORT, b.manual_command(), keys, clock)
    assert actions(db) == []


def test_lists_hold_the_callers_scope_and_the_admin_only_counts(db: Database, keys: Keys, clock: Clock) -> None:
    transfer(db, keys, clock)
    transfer(db, keys, clock, source_kind="case_review", source_ref="review/r-1/case/c-9")

    def listed(who: object) -> handlers.Page:
        with db.session() as session:
            return handlers.list_clues(session, who, page_size=20, page_token="", filters=repository.ListFilter())  # type: ignore[arg-type]

    assert listed(b.COMMISSION).total == 2
    assert listed(b.STATION).total == 1  # the congress's clue only
    assert listed(b.CLERK).total == 2  # both decided by congress officials: the congress sees their status
    admin = listed(b.ADMIN)
    assert admin.items == [] and admin.counts == {"transferred": 2}
    with pytest.raises(PermissionDenied):
        listed(b.TRANSPORT)


def test_a_copy_of_the_database_reveals_no_clue_contents(
    db: Database, keys: Keys, clock: Clock, tmp_path: Path, database_url: str
) -> None:
    transfer(db, keys, clock)
    secrets = [b.DETAILS, b.SUMMARY, b.SUBJECT_NAME, "违规干预招投标", "亲属控制的公司"]
    if database_url:  # PostgreSQL: every text and bytes value of every table, as the server holds them
        with db.engine.connect() as connection:
            tables = connection.execute(
                text("SELECT table_name FROM information_schema.tables WHERE table_schema = 'clues'")
            ).scalars()
            dump = b"".join(
                repr(row).encode() + b"".join(v for v in row if isinstance(v, bytes))
                for table in list(tables)
                for row in connection.execute(text(f'SELECT * FROM clues."{table}"'))
            )
    else:
        dump = b"".join(path.read_bytes() for path in tmp_path.glob("clues.db*"))
    assert dump  # we did read something
    for secret in secrets:
        assert secret.encode() not in dump and secret.encode("unicode_escape") not in dump


def test_checkpoints_and_proofs_answer_for_signed_sizes(db: Database, keys: Keys, clock: Clock) -> None:
    for n in range(5):
        transfer(db, keys, clock, source_ref=f"suggestion/s-{n}/escalation/1")
    with db.session() as session:
        latest = Checkpoint.parse(open_checkpoint(handlers.checkpoint(session), keys.signer.verifier())[1].text)
        proof, old_note, new_note = handlers.consistency(session, 2, 0)
        old, _ = open_checkpoint(old_note, keys.signer.verifier())
        merkle.verify_consistency(2, latest.size, old.root_hash, latest.root_hash, proof)
        with pytest.raises(NotFound):
            handlers.proof_of(session, 9)
        with pytest.raises(InvalidArgument):
            handlers.consistency(session, 5, 2)
    assert latest.size == 5 and new_note
