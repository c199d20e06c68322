"""The deadline scheduler of suggestions: the 48-hour contact, reply-due-soon and reply-overdue
notices, raised from ``suggestion.next_check_at`` by the kit's scheduler (exactly once each)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from services.suggestions import handlers, repository
from wulian.kit.db import Database
from wulian.kit.scheduler import DeadlineScheduler as KitScheduler


class DeadlineScheduler(KitScheduler):
    def __init__(
        self,
        db: Database,
        notify: Callable[[], None],
        *,
        interval_s: float = 60.0,
        clock: Callable[[], datetime] = handlers.utc_now,
    ) -> None:
        super().__init__(
            db,
            notify,
            due=repository.due_for_check,
            raise_one=handlers.raise_deadlines,
            earliest=repository.earliest_check,
            interval_s=interval_s,
            clock=clock,
        )
