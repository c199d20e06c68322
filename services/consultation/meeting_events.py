"""The events of joint meetings (联席会议), recorded by the meeting and published on
``wulian.consultation.meeting.<name>``; told to the staff of the participating bodies only.

Events carry ids, bodies, numbers, dates and booleans only: never a title, the minutes, a decision, an
attendee, a note or a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from services.consultation.domain import Body, Event, body_audience


@dataclass(frozen=True, slots=True)
class MeetingEvent(Event):
    aggregate = "meeting"
    meeting_id: str
    occurred_at: datetime
    convener: Body
    bodies: tuple[Body, ...]

    @property
    def aggregate_id(self) -> str:
        return self.meeting_id

    def audience(self) -> list[str]:
        return body_audience(*self.bodies)


@dataclass(frozen=True, slots=True)
class MeetingConvened(MeetingEvent):
    name = "convened"
    held_at: datetime
    topics: int


@dataclass(frozen=True, slots=True)
class MinutesRecorded(MeetingEvent):
    """The first minutes, which mark the meeting held (``version`` 1)."""

    name = "minutes_recorded"
    version: int
    attendees: int
    decisions: int


@dataclass(frozen=True, slots=True)
class MinutesAmended(MeetingEvent):
    name = "minutes_amended"
    version: int
    attendees: int
    decisions: int


@dataclass(frozen=True, slots=True)
class MeetingCancelled(MeetingEvent):
    name = "cancelled"


@dataclass(frozen=True, slots=True)
class MeetingClosed(MeetingEvent):
    """``done``: how many of the ``action_items`` were done (the others were cancelled)."""

    name = "closed"
    action_items: int
    done: int


@dataclass(frozen=True, slots=True)
class ActionItemEvent(MeetingEvent):
    """About one action item: its number in the meeting, its owner body and its due day."""

    no: int
    owner: Body
    due_on: date


@dataclass(frozen=True, slots=True)
class ActionItemAdded(ActionItemEvent):
    name = "action_item_added"


@dataclass(frozen=True, slots=True)
class ActionItemCompleted(ActionItemEvent):
    """``on_time``: done before the end of its due day."""

    name = "action_item_completed"
    on_time: bool


@dataclass(frozen=True, slots=True)
class ActionItemCancelled(ActionItemEvent):
    name = "action_item_cancelled"


@dataclass(frozen=True, slots=True)
class ActionItemDueSoon(ActionItemEvent):
    name = "action_item_due_soon"
    due_at: datetime


@dataclass(frozen=True, slots=True)
class ActionItemOverdue(ActionItemEvent):
    name = "action_item_overdue"
    due_at: datetime
