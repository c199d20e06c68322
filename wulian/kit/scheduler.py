"""A deadline scheduler for any service whose deadlines are rows in its own database.

The service says which aggregates are due (``due``: ids whose next check has come, oldest first),
how to raise one's notices (``raise_one``: records each raised notice in the aggregate with its
event, in one transaction checked against the version read, and returns how many it raised) and
when the nearest check is (``earliest``). After a restart the scheduler finds every notice that fell
due while it was down and raises it then, once; a second scheduler (another replica) racing on the
same aggregate gets a conflict and raises nothing. It sleeps until the nearest deadline or
``interval_s``, whichever is sooner.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Table, and_, func, select
from sqlalchemy.orm import Session

from wulian.kit.clock import Clock, utc_now
from wulian.kit.db import Database, stored_utc
from wulian.kit.errors import Conflict

log = logging.getLogger(__name__)

BATCH = 200


class DeadlineScheduler:
    def __init__(
        self,
        db: Database,
        notify: Callable[[], None],
        *,
        due: Callable[[Any, datetime, int], list[str]],
        raise_one: Callable[[Any, str, Clock], int],
        earliest: Callable[[Any], datetime | None],
        interval_s: float = 60.0,
        clock: Clock = utc_now,
    ) -> None:
        self.db = db
        self.notify = notify
        self.due = due
        self.raise_one = raise_one
        self.earliest = earliest
        self.interval_s = interval_s
        self.clock = clock

    async def run_once(self) -> int:
        """Raise every notice due now; how many were raised."""
        raised = 0
        while True:
            due = await self.db.in_session(self.due, self.clock(), BATCH)
            for aggregate_id in due:
                try:
                    raised += await self.db.in_session(self.raise_one, aggregate_id, self.clock)
                except Conflict:
                    log.info("deadline check of %s met a concurrent change; it is checked again", aggregate_id)
            if len(due) < BATCH:
                break
        if raised:
            self.notify()
            log.info("raised %d deadline notices", raised)
        return raised

    async def seconds_to_next(self) -> float:
        nearest = await self.db.in_session(self.earliest)
        if nearest is None:
            return self.interval_s
        return min(self.interval_s, max(0.0, (nearest - self.clock()).total_seconds()))

    async def run_forever(self) -> None:
        while True:
            try:
                await self.run_once()
                delay = await self.seconds_to_next()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("deadline check failed; retrying")
                delay = self.interval_s
            await asyncio.sleep(max(delay, 0.05))


def due_ids(session: Session, table: Table, now: datetime, limit: int) -> list[str]:
    """A ``due`` for tables that keep each aggregate's next check in a ``next_check_at`` column."""
    due = and_(table.c.next_check_at.is_not(None), table.c.next_check_at <= now)
    query = select(table.c.id).where(due).order_by(table.c.next_check_at).limit(limit)
    return [str(row.id) for row in session.execute(query)]


def earliest_check(session: Session, table: Table) -> datetime | None:
    """The ``earliest`` of such a table."""
    return stored_utc(session.execute(select(func.min(table.c.next_check_at))).scalar_one_or_none())
