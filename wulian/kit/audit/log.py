"""The audit log kept in a service's own database, written inside the caller's transaction.

A service appends an entry in the same transaction as the change it records, so the change and its
trace commit together or not at all; every function here takes the caller's ``Connection`` or
``Session`` and never commits.

Tables (add them with :func:`add_audit_tables` in the service's Alembic migration):

- ``audit_leaf`` — one row per entry: its bytes, its leaf hash and when it was appended;
- ``audit_node`` — the hash of every *complete* subtree of level ≥ 1, written once, when it becomes
  complete; a root, an inclusion or a consistency proof reads O(log n) of these rows in one query
  and never rehashes the log;
- ``audit_checkpoint`` — the signed notes (C2SP tlog-checkpoint) the log issued, one per size;
- ``audit_head`` — one row holding the size: the lock that serialises appenders.

Concurrent appenders: :func:`append` starts with ``UPDATE audit_head SET size = size + n``. The
row lock it takes is held to the end of the caller's transaction, so a second appender waits (on
PostgreSQL, under READ COMMITTED, it then reads the first one's committed size and nodes; under
REPEATABLE READ or SERIALIZABLE it gets a serialization failure to retry), and SQLite's single
writer lock has the same effect. No two transactions can take the same index, and the primary key
on ``audit_leaf.index`` would refuse it if they did.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import (
    DDL,
    BigInteger,
    Column,
    CompoundSelect,
    Connection,
    DateTime,
    Insert,
    Integer,
    LargeBinary,
    Select,
    SmallInteger,
    Table,
    Text,
    and_,
    bindparam,
    event,
    insert,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from wulian.kit.audit import merkle
from wulian.kit.audit.checkpoint import Checkpoint, Signer, parse_note

Db = Connection | Session
"""The caller's transaction: a Core connection or an ORM/SQLModel session."""

# SQLite makes an INTEGER PRIMARY KEY the rowid itself: no second index beside the table.
_Index = BigInteger().with_variant(Integer(), "sqlite")


def _leaf_columns() -> list[Column[object]]:
    return [
        Column("index", _Index, primary_key=True, autoincrement=False),
        Column("data", LargeBinary, nullable=False),
        Column("leaf_hash", LargeBinary(32), nullable=False),
        Column("appended_at", DateTime(timezone=True), nullable=False),
    ]


def _node_columns() -> list[Column[object]]:
    return [
        Column("level", SmallInteger, primary_key=True, autoincrement=False),
        Column("index", BigInteger, primary_key=True, autoincrement=False),
        Column("hash", LargeBinary(32), nullable=False),
    ]


def _checkpoint_columns() -> list[Column[object]]:
    return [
        Column("size", BigInteger, primary_key=True, autoincrement=False),
        Column("note", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    ]


def _head_columns() -> list[Column[object]]:
    return [
        Column("id", SmallInteger, primary_key=True, autoincrement=False),
        Column("size", BigInteger, nullable=False),
    ]


# audit_node is read by its key only: clustered on it (WITHOUT ROWID) on SQLite.
_SPECS = {
    "audit_leaf": (_leaf_columns, {}),
    "audit_node": (_node_columns, {"sqlite_with_rowid": False}),
    "audit_checkpoint": (_checkpoint_columns, {}),
    "audit_head": (_head_columns, {}),
}

audit_leaf = Table("audit_leaf", SQLModel.metadata, *_leaf_columns())
audit_node = Table("audit_node", SQLModel.metadata, *_node_columns(), sqlite_with_rowid=False)
audit_checkpoint = Table("audit_checkpoint", SQLModel.metadata, *_checkpoint_columns())
audit_head = Table("audit_head", SQLModel.metadata, *_head_columns())
TABLES = (audit_leaf, audit_node, audit_checkpoint, audit_head)
"""For ``metadata.create_all(engine, tables=TABLES)``; the head row is inserted with the table."""

event.listen(audit_head, "after_create", DDL("INSERT INTO audit_head (id, size) VALUES (1, 0)"))


def add_audit_tables() -> None:
    """Create the audit tables and the head row; call from a service's Alembic ``upgrade()``."""
    from alembic import op

    for name, (columns, options) in _SPECS.items():
        op.create_table(name, *columns(), **options)
    op.bulk_insert(audit_head, [{"id": 1, "size": 0}])


def drop_audit_tables() -> None:
    """The reverse of :func:`add_audit_tables`, for a migration's ``downgrade()``."""
    from alembic import op

    for name in reversed(_SPECS):
        op.drop_table(name)


class AuditError(Exception):
    """The log cannot do what was asked."""


class EntryNotFound(AuditError, LookupError):
    """No entry at that index."""


class IntegrityError(AuditError):
    """The stored tree no longer matches a checkpoint the log signed: it will not sign another."""


@dataclass(frozen=True)
class AuditEntry:
    """One stored entry; ``leaf_hash`` is what inclusion proofs start from."""

    index: int
    data: bytes
    leaf_hash: bytes
    appended_at: datetime


def _conn(db: Db) -> Connection:
    """The Core connection of the caller's transaction (a session's own, so both see the same rows)."""
    return db if isinstance(db, Connection) else db.connection()


class StoredNodes:
    """A :class:`merkle.NodeSource` over the stored rows: one query per batch, whatever it holds."""

    def __init__(self, db: Db) -> None:
        self._conn = _conn(db)

    def node_hashes(self, nodes: Sequence[merkle.Node]) -> list[bytes]:
        found = self.known(nodes)
        return [found[node] for node in nodes]

    def known(self, nodes: Sequence[merkle.Node]) -> dict[merkle.Node, bytes]:
        """The stored hashes among ``nodes``; those without a row are left out."""
        if not nodes:
            return {}
        leaves = [index for level, index in nodes if level == 0]
        inner = [node for node in nodes if node[0] > 0]
        params: dict[str, object] = {f"l{i}": level for i, (level, _) in enumerate(inner)}
        params |= {f"i{i}": index for i, (_, index) in enumerate(inner)}
        if leaves:
            params["leaves"] = leaves
        rows = self._conn.execute(_lookup(bool(leaves), len(inner)), params)
        return {(int(level), int(index)): bytes(value) for level, index, value in rows}


@functools.lru_cache(maxsize=128)
def _lookup(leaves: bool, inner: int) -> CompoundSelect | Select[tuple[int, int, bytes]]:
    """The statement that reads leaf hashes and ``inner`` subtree rows, built once per shape.

    Built once, so the statement cache hits and a proof costs one round trip, not the building of
    an expression (which took most of a proof's time). The subtree rows are matched by an OR of key
    lookups, not a row-value IN: SQLite scans the whole table for the latter.
    """
    parts: list[Select[tuple[int, int, bytes]]] = []
    if leaves:
        leaf_index = audit_leaf.c.index.in_(bindparam("leaves", expanding=True))
        parts.append(select(literal(0, SmallInteger), audit_leaf.c.index, audit_leaf.c.leaf_hash).where(leaf_index))
    if inner:
        keys = [
            and_(audit_node.c.level == bindparam(f"l{i}"), audit_node.c.index == bindparam(f"i{i}"))
            for i in range(inner)
        ]
        parts.append(select(audit_node.c.level, audit_node.c.index, audit_node.c.hash).where(or_(*keys)))
    return parts[0] if len(parts) == 1 else union_all(*parts)


# --- writing ------------------------------------------------------------------------------------


def append(db: Db, entries: Sequence[bytes], *, now: datetime | None = None) -> range:
    """Append ``entries`` in order; return their indexes. Holds the log's lock until the caller commits.

    The new complete subtrees are computed in memory from the stored right edge (O(log n) rows read)
    and written with one executemany per table.
    """
    if any(not isinstance(entry, bytes | bytearray | memoryview) for entry in entries):
        raise TypeError("audit entries are bytes")  # bytes(5) would quietly append five zero bytes
    conn = _conn(db)
    if not entries:
        current = size(conn)
        return range(current, current)
    start = _allocate(conn, len(entries))
    edge = StoredNodes(conn).node_hashes(merkle.covering_nodes(0, start)) if start else []
    tree = merkle.CompactRange.of(start, edge)
    data = [bytes(entry) for entry in entries]
    leaves = [merkle.leaf_hash(entry) for entry in data]
    completed = tree.extend(leaves)
    at = now or datetime.now(UTC)
    conn.execute(
        insert(audit_leaf),
        [
            {"index": start + i, "data": entry, "leaf_hash": leaf, "appended_at": at}
            for i, (entry, leaf) in enumerate(zip(data, leaves, strict=True))
        ],
    )
    if completed:
        conn.execute(insert(audit_node), [{"level": lv, "index": ix, "hash": h} for lv, ix, h in completed])
    return range(start, start + len(entries))


def _allocate(conn: Connection, count: int) -> int:
    """Take ``count`` indexes under the head row's lock; return the first."""
    bump = update(audit_head).where(audit_head.c.id == 1).values(size=audit_head.c.size + count)
    if conn.execute(bump).rowcount == 0:
        # Tables made without their head row: a racing first appender fails on the primary key.
        conn.execute(insert(audit_head).values(id=1, size=count))
        return 0
    taken = conn.execute(select(audit_head.c.size).where(audit_head.c.id == 1)).scalar_one()
    return int(taken) - count


def sign_checkpoint(db: Db, signer: Signer, origin: str, *, now: datetime | None = None) -> str:
    """Sign, store and return the checkpoint of the current size (the stored one if it exists).

    Before signing, the stored tree must still give the root of the latest checkpoint: a log must
    never sign a head inconsistent with one it signed before, even if its own tables were altered.
    """
    conn = _conn(db)
    current = size(conn)
    existing = checkpoint_at(conn, current)
    if existing is not None:
        return existing
    latest = latest_checkpoint(conn)
    if latest is not None:
        previous = Checkpoint.parse(parse_note(latest).text)
        if previous.size > current or root(conn, previous.size) != previous.root_hash:
            raise IntegrityError(f"the stored tree no longer matches the checkpoint of size {previous.size}")
    note = Checkpoint(origin, current, root(conn, current)).sign(signer)
    values = {"size": current, "note": note, "created_at": now or datetime.now(UTC)}
    conn.execute(_insert_or_ignore(conn).values(values))
    stored = checkpoint_at(conn, current)
    assert stored is not None
    return stored


def _insert_or_ignore(conn: Connection) -> Insert:
    """An insert into audit_checkpoint that leaves a concurrent signer's row for the same size alone."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(audit_checkpoint).on_conflict_do_nothing(index_elements=["size"])
    if conn.dialect.name == "sqlite":
        return sqlite.insert(audit_checkpoint).on_conflict_do_nothing(index_elements=["size"])
    return insert(audit_checkpoint)


# --- reading ------------------------------------------------------------------------------------


def size(db: Db) -> int:
    """How many entries the log holds (as committed, or as this transaction appended)."""
    value = _conn(db).execute(select(audit_head.c.size).where(audit_head.c.id == 1)).scalar_one_or_none()
    return int(value or 0)


def _hashes(conn: Connection, ranges: list[tuple[int, int]], tree_size: int) -> list[bytes]:
    """The hashes of ``ranges``, with the last entry of the tree fetched along (then dropped): a
    missing row then means the tree is larger than the log, checked without a query of its own."""
    if tree_size == 0:
        return []
    try:
        return merkle.range_hashes(StoredNodes(conn), [*ranges, (tree_size - 1, tree_size)])[:-1]
    except KeyError:
        raise merkle.ProofError(f"the log has fewer than {tree_size} entries") from None


def root(db: Db, tree_size: int | None = None) -> bytes:
    """The root hash at ``tree_size`` (default: now)."""
    conn = _conn(db)
    if tree_size is None:
        tree_size = size(conn)
    if tree_size == 0:
        return merkle.EMPTY_ROOT
    return _hashes(conn, [(0, tree_size)], tree_size)[0]


def inclusion_proof(db: Db, index: int, tree_size: int) -> list[bytes]:
    """The audit path of entry ``index`` in the tree of ``tree_size`` entries (RFC 9162 §2.1.3)."""
    return _hashes(_conn(db), merkle.inclusion_ranges(index, tree_size), tree_size)


def consistency_proof(db: Db, old: int, new: int) -> list[bytes]:
    """The proof that the tree of ``new`` entries extends the tree of ``old`` (RFC 9162 §2.1.4)."""
    return _hashes(_conn(db), merkle.consistency_ranges(old, new), new)


def entry(db: Db, index: int) -> AuditEntry:
    row = (
        _conn(db)
        .execute(
            select(audit_leaf.c.data, audit_leaf.c.leaf_hash, audit_leaf.c.appended_at).where(
                audit_leaf.c.index == index
            )
        )
        .one_or_none()
    )
    if row is None:
        raise EntryNotFound(f"no audit entry {index}")
    return AuditEntry(index, bytes(row.data), bytes(row.leaf_hash), row.appended_at)


def entries(db: Db, start: int, stop: int) -> list[AuditEntry]:
    """The entries with ``start <= index < stop``, in index order (a page of the log, for reading)."""
    query = (
        select(audit_leaf.c.index, audit_leaf.c.data, audit_leaf.c.leaf_hash, audit_leaf.c.appended_at)
        .where(and_(audit_leaf.c.index >= start, audit_leaf.c.index < stop))
        .order_by(audit_leaf.c.index)
    )
    rows = _conn(db).execute(query)  # by position: a Row's ``.index`` is the tuple method, not the column
    return [AuditEntry(index, bytes(data), bytes(leaf), appended_at) for index, data, leaf, appended_at in rows]


def latest_checkpoint(db: Db) -> str | None:
    """The signed note of the largest size, or None before the first checkpoint."""
    query = select(audit_checkpoint.c.note).order_by(audit_checkpoint.c.size.desc()).limit(1)
    return _conn(db).execute(query).scalar_one_or_none()


def checkpoint_at(db: Db, tree_size: int) -> str | None:
    """The signed note for exactly ``tree_size`` entries, if the log issued one."""
    query = select(audit_checkpoint.c.note).where(audit_checkpoint.c.size == tree_size)
    return _conn(db).execute(query).scalar_one_or_none()
