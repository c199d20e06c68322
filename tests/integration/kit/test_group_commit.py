"""Group commit on real databases: concurrent writes share transactions, each caller gets its own
result, a bad write fails alone without taking the others with it, and a transaction runs off the
event loop, so that the writes arriving meanwhile make the next batch."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select
from sqlmodel import Session

from wulian.kit.db import Database, make_engine
from wulian.kit.group_commit import GroupCommit

tables = MetaData()
notes = Table("note", tables, Column("id", Integer, primary_key=True), Column("text", String(10), nullable=False))


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    database = Database(make_engine(database_url or f"sqlite:///{tmp_path / 'notes.db'}", schema="group_commit"))
    tables.create_all(database.engine)
    yield database
    database.close()


class Recorder:
    """A batch write that remembers the size of every batch it was given."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def write(self, session: Session, items: Sequence[tuple[int, str]]) -> list[int]:
        self.batches.append(len(items))
        session.execute(insert(notes), [{"id": i, "text": text} for i, text in items])
        return [i * 10 for i, _ in items]


def stored(db: Database) -> set[int]:
    with db.engine.connect() as connection:
        return set(connection.execute(select(notes.c.id)).scalars())


async def test_concurrent_writes_share_transactions_and_get_their_own_results(db: Database) -> None:
    recorder = Recorder()
    commit = GroupCommit(db, recorder.write)
    results = await asyncio.gather(*(commit.submit((i, f"n{i}")) for i in range(1, 51)))
    assert results == [i * 10 for i in range(1, 51)]
    assert stored(db) == set(range(1, 51))
    assert sum(recorder.batches) == 50
    assert len(recorder.batches) < 50  # calls queued in the same turn of the loop were written together


async def test_a_bad_write_fails_alone_and_the_others_commit(db: Database) -> None:
    recorder = Recorder()
    commit = GroupCommit(db, recorder.write)
    await commit.submit((7, "first"))
    outcomes = await asyncio.gather(
        commit.submit((1, "ok")),
        commit.submit((7, "dup")),  # primary key taken: this one alone must fail
        commit.submit((2, "ok")),
        commit.submit((3, None)),  # type: ignore[arg-type]  # NOT NULL: this one fails too
        return_exceptions=True,
    )
    assert outcomes[0] == 10 and outcomes[2] == 20
    assert isinstance(outcomes[1], Exception)
    assert isinstance(outcomes[3], Exception)
    assert stored(db) == {1, 2, 7}
    with db.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(notes)).scalar_one() == 3


async def test_a_batch_is_capped(db: Database) -> None:
    recorder = Recorder()
    commit = GroupCommit(db, recorder.write, max_batch=8)
    await asyncio.gather(*(commit.submit((i, "n")) for i in range(1, 30)))
    assert max(recorder.batches) <= 8
    assert stored(db) == set(range(1, 30))


async def test_writes_arriving_while_a_transaction_runs_make_the_next_batch(db: Database) -> None:
    recorder = Recorder()
    running, release = threading.Event(), threading.Event()

    def slow_first(session: Session, items: Sequence[tuple[int, str]]) -> list[int]:
        if not recorder.batches:
            running.set()
            assert release.wait(10), "the event loop was blocked by the transaction"
        return recorder.write(session, items)

    commit = GroupCommit(db, slow_first)
    first = asyncio.create_task(commit.submit((1, "first")))
    assert await asyncio.to_thread(running.wait, 10)
    later = [asyncio.create_task(commit.submit((i, "later"))) for i in range(2, 12)]
    await asyncio.sleep(0.05)  # the loop runs on while the writer thread holds the first transaction
    assert not any(task.done() for task in later)
    release.set()
    assert await first == 10
    assert await asyncio.gather(*later) == [i * 10 for i in range(2, 12)]
    assert recorder.batches == [1, 10]
    assert stored(db) == set(range(1, 12))


async def test_a_write_that_returns_the_wrong_number_of_results_commits_nothing(db: Database) -> None:
    def short(session: Session, items: Sequence[tuple[int, str]]) -> list[int]:
        session.execute(insert(notes), [{"id": i, "text": text} for i, text in items])
        return []

    commit = GroupCommit(db, short)
    with pytest.raises(RuntimeError):
        await commit.submit((1, "lost"))
    assert stored(db) == set()
