"""The deadline scheduler on real databases: every notice exactly once, across restarts and racing
replicas, including notices that fell due while no scheduler ran."""

from __future__ import annotations

import asyncio
from collections import Counter

from services.suggestions import commands, domain, handlers
from services.suggestions.scheduler import DeadlineScheduler
from tests.integration.suggestions.conftest import CLERK, DEPUTY, OFFICE, TRANSPORT, Clock, outbox_subjects
from wulian.kit.db import Database

TEXT = domain.SubmitSuggestion("修缮学府路", "学府路路面破损，请修缮。", "transport")


def assigned(db: Database, clock: Clock) -> str:
    with db.session() as session:
        sid = handlers.submit_suggestion(session, DEPUTY, TEXT, clock).id
    proposal = commands.ProposeAssignment("transport", ("housing",), False, "")
    with db.session() as session:
        handlers.act(session, CLERK, sid, lambda s, now: s.propose_assignment(CLERK, proposal, now), clock)
    with db.session() as session:
        handlers.act(session, OFFICE, sid, lambda s, now: s.confirm_assignment(OFFICE, now), clock)
    return sid


def notices(db: Database) -> Counter[str]:
    return Counter(s for s in outbox_subjects(db) if s.startswith(("contact_overdue", "reply_")))


def scheduler(db: Database, clock: Clock) -> DeadlineScheduler:
    return DeadlineScheduler(db, notify=lambda: None, clock=clock)


async def test_each_notice_is_raised_once_and_a_restart_repeats_none(db: Database, clock: Clock) -> None:
    sid = assigned(db, clock)
    first = scheduler(db, clock)
    assert await first.run_once() == 0
    clock.advance(hours=47)
    assert await first.run_once() == 0
    with db.session() as session:  # the lead unit makes contact in time; the co-unit does not
        command = commands.RecordContact(clock.now, "visit", "李科长", "现场查看")
        handlers.act(session, TRANSPORT, sid, lambda s, now: s.record_contact(TRANSPORT, command, now), clock)
    clock.advance(hours=1, seconds=1)
    assert await first.run_once() == 1
    assert await first.run_once() == 0
    restarted = scheduler(db, clock)  # a new process reads where the last one stopped
    assert await restarted.run_once() == 0
    assert notices(db) == Counter({"contact_overdue": 1})
    clock.advance(days=86)  # seven days before the reply is due (2026-06-04 09:00 Beijing)
    assert await restarted.run_once() == 1
    clock.advance(days=8)
    assert await restarted.run_once() == 1
    assert await scheduler(db, clock).run_once() == 0
    assert notices(db) == Counter({"contact_overdue": 1, "reply_due_soon": 1, "reply_overdue": 1})


async def test_notices_that_fell_due_while_nothing_ran_are_raised_at_start(db: Database, clock: Clock) -> None:
    sid = assigned(db, clock)
    clock.advance(days=200)
    assert await scheduler(db, clock).run_once() == 3  # two units uncontacted, the reply overdue
    assert notices(db) == Counter({"contact_overdue": 2, "reply_overdue": 1})  # "due soon" is no news now
    with db.session() as session:
        trail = handlers.get_history(session, CLERK, sid)
    raised = [entry for entry in trail if entry["event"] in ("contact_overdue", "reply_overdue")]
    assert len(raised) == 3 and {entry["actor_subject"] for entry in raised} == {"system:scheduler"}
    assert all(entry["occurred_at"] == clock.now for entry in raised)


async def test_racing_schedulers_raise_each_notice_once(db: Database, clock: Clock) -> None:
    for _ in range(20):
        assigned(db, clock)
    clock.advance(hours=49)
    replicas = [scheduler(db, clock) for _ in range(3)]
    await asyncio.gather(*(replica.run_once() for replica in replicas))
    assert notices(db) == Counter({"contact_overdue": 40})
    assert await replicas[0].seconds_to_next() > 0


async def test_the_scheduler_sleeps_until_the_nearest_deadline(db: Database, clock: Clock) -> None:
    idle = DeadlineScheduler(db, notify=lambda: None, clock=clock, interval_s=3600)
    assert await idle.seconds_to_next() == 3600
    assigned(db, clock)
    clock.advance(hours=47, minutes=59)
    assert 59 < await idle.seconds_to_next() <= 61
