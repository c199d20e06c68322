"""Group commit: writes that arrive while a transaction runs share the next one.

A hot write path (deputies submitting suggestions during a session of the congress) pays for a
transaction per request mostly in fixed costs: the ORM's session, one statement per table, the
commit, SQLite's WAL frames. ``GroupCommit`` queues each write with a future; one flush at a time
takes everything queued and runs ``write(session, items)`` in one transaction on the database's
writer thread (``Database.write``), and answers each caller only after that transaction committed.

Why the writer thread and not the event loop: while a transaction runs there, the loop goes on
accepting calls, and they are the next batch. Run on the loop (as SQLite work otherwise is), a
transaction blocks the very calls that should join it: grpc.aio accepts one call per turn of the
loop, so under 32 concurrent clients 6,212 of 6,468 batches held a single write (1.04 on average)
and the suggestions service spent 2.0–2.3 ms of CPU a submission. On the writer thread batches
average 11 writes and the same service spends 0.9–1.0 ms (``bench/submit.py``'s load on the service
alone). SQLite's WAL checkpoints (two fsyncs each; 15 of 8,000 single-write commits took over
10 ms, the longest 54 ms) now stall the writer, not every call in flight. Nothing waits on a timer:
a write that finds no flush under way starts one at once, so an idle service commits each write
alone, and a busy one commits many together. (Waiting 2–5 ms on the loop for company batches as
well, but adds that wait to every write of an idle service and keeps the checkpoints on the loop.)

Why not a savepoint per write: the writes of a batch go in one statement per table, executed for
all its rows at once; a savepoint per write splits that into every statement (and a SAVEPOINT and a
RELEASE) per write, which cost 0.7–1.0 ms of CPU a submission against 0.14–0.19 ms (batches of 16,
SQLite and PostgreSQL). And a write that failed inside its savepoint would leave a gap in numbers
handed out for the whole batch (the suggestions' yearly numbering). Writes are checked before they
are queued, so a failing batch is rare; when one fails, each of its writes is retried in a
transaction of its own, so one bad write fails alone, the others still commit (without a gap), and
every caller gets its own result or its own exception.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from sqlmodel import Session

from wulian.kit.db import Database

log = logging.getLogger(__name__)
I = TypeVar("I")  # noqa: E741
O = TypeVar("O")  # noqa: E741

BatchWrite = Callable[[Session, Sequence[I]], Sequence[O]]


class GroupCommit(Generic[I, O]):
    def __init__(self, db: Database, write: BatchWrite[I, O], *, max_batch: int = 128) -> None:
        self.db = db
        self.write = write
        self.max_batch = max_batch
        self._queue: list[tuple[I, asyncio.Future[O]]] = []
        self._flushing: asyncio.Task[None] | None = None

    async def submit(self, item: I) -> O:
        """Queue ``item``; returns its result once the transaction that holds it has committed."""
        future: asyncio.Future[O] = asyncio.get_running_loop().create_future()
        self._queue.append((item, future))
        if self._flushing is None:
            self._flushing = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        try:
            await asyncio.sleep(0)  # let the calls that are ready in this turn of the loop join the batch
            while self._queue:
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
                await self._commit(batch)
        finally:
            self._flushing = None

    async def _commit(self, batch: list[tuple[I, asyncio.Future[O]]]) -> None:
        items = [item for item, _ in batch]
        try:
            results = await self.db.write(self._transaction, items)
        except Exception as exc:
            if len(batch) == 1:
                _settle(batch[0][1], error=exc)
                return
            log.warning("group commit of %d writes failed (%s); committing each alone", len(batch), type(exc).__name__)
            for entry in batch:
                await self._commit([entry])
            return
        for (_, future), result in zip(batch, results, strict=True):
            _settle(future, result=result)

    def _transaction(self, items: Sequence[I]) -> Sequence[O]:
        with self.db.session() as session:
            results = self.write(session, items)
            if len(results) != len(items):
                raise RuntimeError(f"batch write returned {len(results)} results for {len(items)} items")
            session.commit()
        return results


def _settle(future: asyncio.Future[O], *, result: O | None = None, error: BaseException | None = None) -> None:
    if future.done():  # the caller went away (deadline, cancellation); the write stands
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)  # type: ignore[arg-type]
