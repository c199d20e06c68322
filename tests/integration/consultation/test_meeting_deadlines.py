"""A joint meeting's action items fall due on a real database (SQLite, and PostgreSQL when one is set), the
clock moved by hand through the deadline scheduler's own steps (``handlers.meetings_due`` /
``raise_meeting_notices``): one item done before its day, the other told *due soon* three days before the end
of its Beijing day and *overdue* at it — each notice once — shown overdue in the meeting until it is done late;
no notice for the done one; nothing left to check once every item is closed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from services.consultation import handlers as use
from services.consultation.meeting_commands import (
    ActionItemEntry,
    AttendeeEntry,
    CompleteActionItem,
    ConveneMeeting,
    RecordMinutes,
)
from tests.integration.consultation.conftest import Clock
from tests.unit.consultation.staff import CLERK, COMMISSION, OFFICE
from wulian.kit.db import Database
from wulian.kit.errors import NotFound
from wulian.kit.events.outbox import OutboxMessage

DUE_SOON = "wulian.consultation.meeting.action_item_due_soon"
OVERDUE = "wulian.consultation.meeting.action_item_overdue"


def meeting_with_two_items(db: Database, clock: Clock) -> str:
    """Convened by the clerk with the commission, sitting now (Monday 2 March 2026, 09:00 in Beijing); its
    minutes hand the commission a matter due Tuesday 10 March and the congress one due Thursday 5 March."""
    convene = ConveneMeeting("2026年第一次联席会议", clock.now, "市人大常委会", ("congress", "discipline"), ("通报",))
    with db.session() as session:
        meeting_id = json.loads(use.convene_meeting(session, CLERK, convene, clock).json)["id"]
    attendees = (AttendeeEntry("congress", "刘副主任"), AttendeeEntry("discipline", "陈组长"))
    items = (
        ActionItemEntry("提供巡察发现的共性问题", "discipline", date(2026, 3, 10)),
        ActionItemEntry("将共性问题纳入执法检查", "congress", date(2026, 3, 5)),
    )
    minutes = RecordMinutes("会议纪要", attendees, ("建立信息互通机制",), items)
    act(db, meeting_id, clock, lambda m, now: m.record_minutes(CLERK, minutes, now))
    return str(meeting_id)


def act(db: Database, meeting_id: str, clock: Clock, step: Any, principal: Any = CLERK) -> dict[str, Any]:
    with db.session() as session:
        return dict(json.loads(use.act(session, use.MEETING, principal, meeting_id, step, clock).json))


def complete(db: Database, meeting_id: str, clock: Clock, no: int, who: Any) -> dict[str, Any]:
    done = CompleteActionItem(no, "已办结")
    return act(db, meeting_id, clock, lambda m, now: m.complete_action_item(who, done, now), who)


def sweep(db: Database, clock: Clock, at: datetime) -> int:
    """One run of the meetings' deadline scheduler at ``at``: how many notices it raised."""
    clock.now = at
    with db.session() as session:
        due = use.meetings_due(session, at, 100)
    raised = 0
    for meeting_id in due:
        with db.session() as session:
            raised += use.raise_meeting_notices(session, meeting_id, clock)
    return raised


def items_seen(db: Database, meeting_id: str, who: Any = CLERK) -> list[tuple[str, bool, bool | None]]:
    with db.session() as session:
        view = json.loads(use.get(session, use.MEETING, who, meeting_id).json)
    return [(i["status"], i["overdue"], i["on_time"]) for i in view["action_items"]]


def outbox_subjects(db: Database) -> list[str]:
    with db.session() as session:
        return [str(s) for s in session.execute(select(OutboxMessage.subject)).scalars()]  # type: ignore[call-overload]


def earliest(db: Database) -> datetime | None:
    with db.session() as session:
        return use.earliest_meeting_check(session)


def test_one_item_done_on_time_and_one_overdue_each_notice_once(db: Database, clock: Clock) -> None:
    meeting_id = meeting_with_two_items(db, clock)
    assert sweep(db, clock, clock.now) == 0
    # The congress's item is due at the end of Thursday 5 March in Beijing (16:00 UTC): told 3 days before.
    assert earliest(db) == datetime(2026, 3, 2, 16, tzinfo=UTC)
    assert sweep(db, clock, datetime(2026, 3, 2, 15, 59, tzinfo=UTC)) == 0
    assert sweep(db, clock, datetime(2026, 3, 2, 16, tzinfo=UTC)) == 1  # due soon
    assert sweep(db, clock, datetime(2026, 3, 3, tzinfo=UTC)) == 0  # once

    clock.now = datetime(2026, 3, 4, 2, tzinfo=UTC)
    complete(db, meeting_id, clock, 1, COMMISSION)  # the commission's, six days early
    assert items_seen(db, meeting_id) == [("done", False, True), ("open", False, None)]

    assert sweep(db, clock, datetime(2026, 3, 5, 15, 59, tzinfo=UTC)) == 0  # Thursday 23:59 in Beijing
    assert sweep(db, clock, datetime(2026, 3, 5, 16, tzinfo=UTC)) == 1  # Friday 00:00: overdue
    assert items_seen(db, meeting_id, COMMISSION) == [("done", False, True), ("open", True, None)]
    assert sweep(db, clock, datetime(2026, 4, 1, tzinfo=UTC)) == 0  # once
    assert earliest(db) is None  # nothing more to tell about an open item already overdue
    with db.session() as session, pytest.raises(NotFound):
        use.get(session, use.MEETING, OFFICE, meeting_id)  # the government takes no part: no notice, no meeting

    clock.now = datetime(2026, 4, 2, tzinfo=UTC)
    late = complete(db, meeting_id, clock, 2, CLERK)
    assert [(i["status"], i["overdue"], i["on_time"]) for i in late["action_items"]] == [
        ("done", False, True),
        ("done", False, False),
    ]
    subjects = outbox_subjects(db)
    assert (subjects.count(DUE_SOON), subjects.count(OVERDUE)) == (1, 1)  # the congress's item only
    assert subjects.count("wulian.consultation.meeting.action_item_completed") == 2


def test_an_item_first_looked_at_after_its_day_is_told_overdue_only(db: Database, clock: Clock) -> None:
    """The scheduler was down from before the due-soon moment until after the deadline: one notice, overdue."""
    meeting_id = meeting_with_two_items(db, clock)
    assert sweep(db, clock, datetime(2026, 3, 11, tzinfo=UTC)) == 2  # both items, overdue at once
    assert items_seen(db, meeting_id) == [("open", True, None), ("open", True, None)]
    subjects = outbox_subjects(db)
    assert (subjects.count(DUE_SOON), subjects.count(OVERDUE)) == (0, 2)
