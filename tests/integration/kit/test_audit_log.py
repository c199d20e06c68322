"""The audit log on real databases (SQLite and PostgreSQL): batched appends give the RFC 9162 tree,
proofs read from stored subtrees equal the pure ones, checkpoints are signed and kept, concurrent
appenders never share an index, and `wulian audit verify` catches every kind of tampering."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Engine, delete, func, select, update
from sqlmodel import Session, SQLModel

from wulian import cli
from wulian.kit import audit
from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Signer, generate_key, open_checkpoint
from wulian.kit.audit.log import StoredNodes, audit_checkpoint, audit_head, audit_leaf, audit_node
from wulian.kit.db import make_engine

SCHEMA = "audit_test"
ORIGIN = "wulian.example/clues"
LOG = Signer.from_skey(generate_key(ORIGIN)[0])
VKEY = LOG.verifier().vkey


@dataclass
class Db:
    engine: Engine
    url: str

    def cli(self, *args: str) -> list[str]:
        return ["audit", "verify", "--database", self.url, "--schema", SCHEMA, "--key", VKEY, *args]


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Db]:
    url = database_url or f"sqlite:///{tmp_path / 'clues.db'}"
    engine = make_engine(url, schema=SCHEMA)
    SQLModel.metadata.create_all(engine, tables=list(audit.TABLES))
    yield Db(engine, url)
    engine.dispose()


def entry_data(i: int) -> bytes:
    return json.dumps({"clue": f"XS-2026-{i:04d}", "action": "transfer", "to": "discipline_station"}).encode()


def fill(db: Db, count: int = 100, checkpoints: tuple[int, ...] = (10, 50, 100)) -> list[str]:
    """Append ``count`` entries in batches that stop at each checkpoint size; sign there."""
    notes: list[str] = []
    done = 0
    for stop in sorted({*checkpoints, count}):
        with db.engine.begin() as conn:
            audit.append(conn, [entry_data(i) for i in range(done, stop)])
            if stop in checkpoints:
                notes.append(audit.sign_checkpoint(conn, LOG, ORIGIN))
        done = stop
    return notes


def all_entries(db: Db) -> list[bytes]:
    with db.engine.connect() as conn:
        return [bytes(d) for d in conn.execute(select(audit_leaf.c.data).order_by(audit_leaf.c.index)).scalars()]


# --- the tree -----------------------------------------------------------------------------------


def test_batched_appends_give_the_rfc9162_tree_and_the_pure_proofs(db: Db) -> None:
    entries: list[bytes] = []
    for batch in [1, 2, 5, 100, 1, 64, 27, 300, 12]:
        new = [entry_data(len(entries) + i) for i in range(batch)]
        with db.engine.begin() as conn:
            taken = audit.append(conn, new)
            assert taken == range(len(entries), len(entries) + batch)
        entries += new
        with db.engine.connect() as conn:
            assert audit.size(conn) == len(entries)
            assert audit.root(conn) == merkle.tree_hash(entries)
    size = len(entries)
    pure = merkle.MemoryNodes.of_entries(entries)
    with db.engine.connect() as conn:
        nodes = conn.execute(select(func.count()).select_from(audit_node)).scalar_one()
        assert nodes == sum(size >> level for level in range(1, size.bit_length()))
        for tree_size in [1, 2, 3, 7, 8, 9, 100, 255, 256, 257, 511, size]:
            root = audit.root(conn, tree_size)
            assert root == merkle.root(pure, tree_size)
            for index in sorted(
                {i for i in (0, 1, tree_size // 2, tree_size - 2, tree_size - 1) if 0 <= i < tree_size}
            ):
                proof = audit.inclusion_proof(conn, index, tree_size)
                assert proof == merkle.inclusion_proof(pure, index, tree_size)
                merkle.verify_inclusion(index, tree_size, merkle.leaf_hash(entries[index]), proof, root)
            for old in sorted({0, 1, tree_size // 3, tree_size - 1, tree_size}):
                proof = audit.consistency_proof(conn, old, tree_size)
                assert proof == merkle.consistency_proof(pure, old, tree_size)
                merkle.verify_consistency(old, tree_size, merkle.root(pure, old), root, proof)
        assert audit.entry(conn, 41).data == entries[41]
        assert audit.entry(conn, 41).leaf_hash == merkle.leaf_hash(entries[41])
        with pytest.raises(audit.EntryNotFound):
            audit.entry(conn, size)
        with pytest.raises(merkle.ProofError):
            audit.inclusion_proof(conn, 0, size + 1)
        with pytest.raises(merkle.ProofError):
            audit.root(conn, size + 1)
        assert audit.append(conn, []) == range(size, size)
        with pytest.raises(TypeError):
            audit.append(conn, [5])  # type: ignore[list-item]


def test_appends_join_the_callers_session_and_roll_back_with_it(db: Db) -> None:
    with Session(db.engine) as session:
        assert audit.append(session, [b"first", b"second"]) == range(0, 2)
        session.commit()
    with Session(db.engine) as session:
        assert audit.append(session, [b"never committed"]) == range(2, 3)
        session.rollback()
    with Session(db.engine) as session:
        assert audit.append(session, [b"third"]) == range(2, 3)
        session.commit()
        assert audit.root(session) == merkle.tree_hash([b"first", b"second", b"third"])


def test_the_migration_helper_creates_working_tables(tmp_path: Path, database_url: str) -> None:
    url = database_url or f"sqlite:///{tmp_path / 'migrated.db'}"
    engine = make_engine(url, schema="audit_migrated")
    try:
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            audit.add_audit_tables()
        with engine.begin() as conn:
            assert audit.size(conn) == 0
            audit.append(conn, [b"a", b"b", b"c"])
            assert audit.root(conn) == merkle.tree_hash([b"a", b"b", b"c"])
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            audit.drop_audit_tables()
    finally:
        engine.dispose()


# --- checkpoints --------------------------------------------------------------------------------


def test_checkpoints_are_signed_kept_and_consistent(db: Db) -> None:
    first, second = fill(db, 100, (10, 100))
    with db.engine.begin() as conn:
        assert audit.checkpoint_at(conn, 10) == first
        assert audit.latest_checkpoint(conn) == second
        assert audit.checkpoint_at(conn, 11) is None
        assert audit.sign_checkpoint(conn, LOG, ORIGIN) == second  # same size: the note already issued
        old, _ = open_checkpoint(first, LOG.verifier(), origin=ORIGIN)
        new, _ = open_checkpoint(second, LOG.verifier(), origin=ORIGIN)
        assert (old.size, new.size) == (10, 100)
        assert new.root_hash == merkle.tree_hash(all_entries(db))
        proof = audit.consistency_proof(conn, 10, 100)
        witness = Signer.from_skey(generate_key("wulian.example/discipline")[0])
        cosigned = audit.cosign(second, witness, LOG.verifier(), previous=old, proof=proof)
        assert open_checkpoint(cosigned, LOG.verifier(), witnesses=[witness.verifier()])[1].signed_by(
            witness.verifier()
        )


def test_the_log_refuses_to_sign_over_a_tree_that_was_altered(db: Db) -> None:
    fill(db, 16, (16,))
    with db.engine.begin() as conn:
        # the subtree of the first 16 entries: the head the checkpoint signed
        conn.execute(update(audit_node).where(audit_node.c.level == 4, audit_node.c.index == 0).values(hash=b"\0" * 32))
        audit.append(conn, [b"one more"])
        with pytest.raises(audit.IntegrityError):
            audit.sign_checkpoint(conn, LOG, ORIGIN)


# --- concurrency --------------------------------------------------------------------------------


def test_a_second_appender_waits_for_the_first_and_takes_the_next_indexes(db: Db) -> None:
    taken: dict[str, range] = {}

    def second() -> None:
        with db.engine.begin() as conn:
            taken["second"] = audit.append(conn, [b"second"] * 3)

    with db.engine.connect() as first:
        first.begin()
        taken["first"] = audit.append(first, [b"first"] * 5)
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()  # blocked on the head row until the first commits
        first.commit()
    thread.join(timeout=10)
    assert taken == {"first": range(0, 5), "second": range(5, 8)}
    with db.engine.connect() as conn:
        assert audit.root(conn) == merkle.tree_hash([b"first"] * 5 + [b"second"] * 3)


def test_many_concurrent_appenders_get_distinct_indexes_and_one_tree(db: Db) -> None:
    errors: list[BaseException] = []

    def worker(name: int) -> None:
        try:
            for round_ in range(15):
                with db.engine.begin() as conn:
                    audit.append(conn, [f"{name}:{round_}:{k}".encode() for k in range(1 + (name + round_) % 4)])
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    entries = all_entries(db)
    expected = {f"{n}:{r}:{k}".encode() for n in range(4) for r in range(15) for k in range(1 + (n + r) % 4)}
    assert sorted(entries) == sorted(expected)
    with db.engine.connect() as conn:
        assert audit.size(conn) == len(entries)
        assert audit.root(conn) == merkle.tree_hash(entries)
        assert StoredNodes(conn).node_hashes(merkle.covering_nodes(0, len(entries)))


# --- tampering, through the command line ----------------------------------------------------------


def verify(db: Db, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(db.cli(*args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_an_intact_log_verifies(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    code, out = verify(db, capsys)
    assert code == 0, out
    assert "audit log intact: 100 entries, 3 checkpoints verified" in out


def test_a_modified_entry_is_named(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    with db.engine.begin() as conn:
        conn.execute(update(audit_leaf).where(audit_leaf.c.index == 41).values(data=b"transferred elsewhere"))
    code, out = verify(db, capsys)
    assert code == 1
    assert "entry 41 does not match checkpoint of size 50" in out
    assert "第 41 号记录与规模为 50 的检查点不符" in out


def test_a_deleted_entry_is_named(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    with db.engine.begin() as conn:
        conn.execute(delete(audit_leaf).where(audit_leaf.c.index == 41))
    code, out = verify(db, capsys)
    assert code == 1
    assert "entry 41 is missing" in out


def test_swapped_entries_are_named_at_the_first(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    with db.engine.begin() as conn:
        conn.execute(update(audit_leaf).where(audit_leaf.c.index == 41).values(data=entry_data(77)))
        conn.execute(update(audit_leaf).where(audit_leaf.c.index == 77).values(data=entry_data(41)))
    code, out = verify(db, capsys)
    assert code == 1
    assert "entry 41 does not match checkpoint of size 50" in out


def test_a_truncated_log_is_caught(db: Db, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = fill(db)
    with db.engine.begin() as conn:
        conn.execute(delete(audit_leaf).where(audit_leaf.c.index >= 90))
    code, out = verify(db, capsys)
    assert code == 1
    assert "entry 90 is missing" in out
    assert "the log holds 90 entries but the checkpoint of size 100 commits to 100" in out

    # Take the checkpoint and the head along: the database alone can no longer tell...
    with db.engine.begin() as conn:
        conn.execute(delete(audit_checkpoint).where(audit_checkpoint.c.size == 100))
        for level in range(1, 8):  # every subtree that held one of the deleted entries
            conn.execute(delete(audit_node).where(audit_node.c.level == level, audit_node.c.index >= 90 >> level))
        conn.execute(update(audit_head).values(size=90))
    code, out = verify(db, capsys)
    assert code == 0, out
    # ...but the checkpoint the discipline commission's service kept can.
    kept = tmp_path / "kept.txt"
    kept.write_text(notes[-1], encoding="utf-8")
    code, out = verify(db, capsys, "--checkpoint", str(kept))
    assert code == 1
    assert "entry 90 is missing" in out


def test_a_forged_checkpoint_is_refused(db: Db, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    with db.engine.begin() as conn:
        note = audit.checkpoint_at(conn, 50)
        assert note is not None
        forged = note.replace("\n50\n", "\n49\n")
        conn.execute(update(audit_checkpoint).where(audit_checkpoint.c.size == 50).values(note=forged))
    code, out = verify(db, capsys)
    assert code == 1
    assert "the checkpoint of size 50 is not valid" in out


def test_an_export_verifies_offline_and_its_tampering_is_named(
    db: Db, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fill(db)
    exported = tmp_path / "clues-audit.jsonl"
    schema = ["--schema", SCHEMA]
    assert cli.main(["audit", "export", "--database", db.url, *schema, "--out", str(exported)]) == 0
    assert "exported 100 entries" in capsys.readouterr().out
    assert cli.main(["audit", "verify", "--export", str(exported), "--key", VKEY]) == 0
    assert "audit log intact: 100 entries, 3 checkpoints verified" in capsys.readouterr().out

    lines = exported.read_text(encoding="utf-8").splitlines()
    item = json.loads(lines[1 + 41])
    item["data"] = base64.b64encode(b"transferred elsewhere").decode()
    lines[1 + 41] = json.dumps(item)
    exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["audit", "verify", "--export", str(exported), "--key", VKEY]) == 1
    assert "entry 41 does not match checkpoint of size 50" in capsys.readouterr().out


def test_usage_errors_exit_with_2(db: Db, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fill(db, 10, (10,))
    assert cli.main(["audit", "verify", "--database", db.url, "--schema", SCHEMA, "--key", "not-a-key"]) == 2
    missing = tmp_path / "nowhere.db"
    assert cli.main(["audit", "verify", "--database", str(missing), "--key", VKEY]) == 2
    assert not missing.exists()  # the verifier created nothing
    if db.engine.dialect.name == "postgresql":
        assert cli.main(["audit", "verify", "--database", db.url, "--schema", "no_such_schema", "--key", VKEY]) == 2
    else:
        empty = tmp_path / "empty.db"
        plain = make_engine(f"sqlite:///{empty}")
        plain.connect().close()
        plain.dispose()
        assert cli.main(["audit", "verify", "--database", str(empty), "--key", VKEY]) == 2
    not_export = tmp_path / "not-an-export.jsonl"
    not_export.write_text("hello\n", encoding="utf-8")
    assert cli.main(["audit", "verify", "--export", str(not_export), "--key", VKEY]) == 2
    with pytest.raises(SystemExit) as exited:
        cli.main(["audit", "verify", "--key", VKEY])
    assert exited.value.code == 2
    assert "错误" in capsys.readouterr().err
