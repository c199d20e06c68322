"""Group commit: writes that arrive while a transaction runs share the next one.

A hot write path (deputies submitting suggestions during a session of the congress) pays for a
transaction per request mostly in fixed costs: the ORM's session, the commit, SQLite's WAL frames.
``GroupCommit`` queues each write with a future; one flush at a time takes everything queued and
runs ``write(session, items)`` in one transaction. Nothing waits on a timer: a write that finds no
flush under way starts one at once, so an idle service commits each write alone, and a busy one
commits many together.

If a whole batch fails, each item is retried in a transaction of its own, so one bad item fails
alone and the others still commit; every caller gets its own result or its own exception.
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
            results = await self.db.run(self._transaction, items)
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
