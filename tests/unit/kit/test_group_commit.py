"""Group commit without a database: who shares a transaction, who gets which answer, and when.

The fake database runs each transaction only when the test opens its gate, as if the writer thread
were busy; its sessions remember whether they committed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from wulian.kit.group_commit import GroupCommit


class FakeSession:
    def __init__(self) -> None:
        self.committed = False

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def commit(self) -> None:
        self.committed = True


class GatedDatabase:
    """``write`` waits for the gate, as a transaction waits for the writer thread; open by default."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.gate.set()
        self.sessions: list[FakeSession] = []

    def session(self) -> FakeSession:
        self.sessions.append(FakeSession())
        return self.sessions[-1]

    async def write(self, fn: Callable[..., Any], *args: Any) -> Any:
        await self.gate.wait()
        return fn(*args)

    @property
    def commits(self) -> int:
        return sum(session.committed for session in self.sessions)


class Doubler:
    """A batch write that answers each item twice over, refuses the item "bad", and records batches."""

    def __init__(self) -> None:
        self.batches: list[list[Any]] = []

    def __call__(self, session: FakeSession, items: Sequence[Any]) -> list[Any]:
        self.batches.append(list(items))
        if "bad" in items:
            raise ValueError("bad item")
        return [item * 2 for item in items]


def group(db: GatedDatabase, write: Doubler, **kw: Any) -> GroupCommit[Any, Any]:
    return GroupCommit(db, write, **kw)  # type: ignore[arg-type]


async def test_a_lone_write_is_committed_at_once_and_alone() -> None:
    db, write = GatedDatabase(), Doubler()
    assert await asyncio.wait_for(group(db, write).submit(21), timeout=1) == 42
    assert write.batches == [[21]]
    assert db.commits == 1


async def test_writes_that_arrive_while_a_transaction_runs_share_the_next_one() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write)
    db.gate.clear()
    first = asyncio.create_task(commit.submit(1))
    await asyncio.sleep(0.01)  # the first transaction is waiting for the writer
    later = [asyncio.create_task(commit.submit(n)) for n in range(2, 7)]
    await asyncio.sleep(0)
    db.gate.set()
    assert await first == 2
    assert [await task for task in later] == [4, 6, 8, 10, 12]
    assert write.batches == [[1], [2, 3, 4, 5, 6]]
    assert db.commits == 2


async def test_calls_ready_in_the_same_turn_of_the_loop_share_a_transaction() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write)
    assert await asyncio.gather(*(commit.submit(n) for n in range(5))) == [0, 2, 4, 6, 8]
    assert write.batches == [[0, 1, 2, 3, 4]]


async def test_a_batch_is_capped_and_the_rest_follows() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write, max_batch=3)
    assert await asyncio.gather(*(commit.submit(n) for n in range(7))) == [0, 2, 4, 6, 8, 10, 12]
    assert [len(batch) for batch in write.batches] == [3, 3, 1]


async def test_a_bad_write_fails_alone_after_its_batch_is_rolled_back() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write)
    outcomes = await asyncio.gather(commit.submit(1), commit.submit("bad"), commit.submit(3), return_exceptions=True)
    assert outcomes[0] == 2 and outcomes[2] == 6
    assert isinstance(outcomes[1], ValueError)
    assert write.batches == [[1, "bad", 3], [1], ["bad"], [3]]
    assert [session.committed for session in db.sessions] == [False, True, False, True]


async def test_a_caller_that_goes_away_does_not_undo_its_write() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write)
    db.gate.clear()
    leaving = asyncio.create_task(commit.submit(5))
    staying = asyncio.create_task(commit.submit(6))
    await asyncio.sleep(0.01)
    leaving.cancel()
    db.gate.set()
    assert await staying == 12
    with pytest.raises(asyncio.CancelledError):
        await leaving
    assert write.batches == [[5, 6]]
    assert db.commits == 1


async def test_a_write_that_answers_the_wrong_number_of_items_commits_nothing() -> None:
    db = GatedDatabase()
    commit: GroupCommit[int, int] = GroupCommit(db, lambda session, items: [])  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        await commit.submit(1)
    assert db.commits == 0


async def test_the_group_is_ready_for_more_after_a_flush() -> None:
    db, write = GatedDatabase(), Doubler()
    commit = group(db, write)
    assert await commit.submit(1) == 2
    assert await commit.submit(2) == 4
    assert write.batches == [[1], [2]]
