"""The deadline scheduler: raises the 48-hour contact, reply-due-soon and reply-overdue notices.

Deadlines live in the database (``suggestion.next_check_at``, derived from each suggestion's clocks),
not in memory: after a restart the scheduler finds every notice that fell due while it was down and
raises it then, once. A notice raised is recorded in the suggestion in the same transaction as its
event, and the save is checked against the version read, so a second scheduler (another replica) that
races on the same suggestion gets a conflict and raises nothing. Sleeps until the nearest deadline or
``interval_s``, whichever is sooner.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from services.suggestions import handlers, repository
from wulian.kit.db import Database
from wulian.kit.errors import Conflict

log = logging.getLogger(__name__)

BATCH = 200


class DeadlineScheduler:
    def __init__(
        self,
        db: Database,
        notify: Callable[[], None],
        *,
        interval_s: float = 60.0,
        clock: Callable[[], datetime] = handlers.utc_now,
    ) -> None:
        self.db = db
        self.notify = notify
        self.interval_s = interval_s
        self.clock = clock

    async def run_once(self) -> int:
        """Raise every notice due now; how many were raised."""
        raised = 0
        while True:
            due = await self.db.in_session(repository.due_for_check, self.clock(), BATCH)
            for suggestion_id in due:
                try:
                    raised += await self.db.in_session(handlers.raise_deadlines, suggestion_id, self.clock)
                except Conflict:
                    log.info("deadline check of %s met a concurrent change; it is checked again", suggestion_id)
            if len(due) < BATCH:
                break
        if raised:
            self.notify()
            log.info("raised %d deadline notices", raised)
        return raised

    async def seconds_to_next(self) -> float:
        nearest = await self.db.in_session(repository.earliest_check)
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
