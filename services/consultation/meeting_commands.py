"""The commands of joint meetings (联席会议), plain and unchecked as the API hands them over: the meeting
checks them (``meetings``). Bodies travel as ``domain.Body`` values, days as Beijing calendar dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class ConveneMeeting:
    """A body calls a joint meeting: ``bodies`` are the participating bodies (at least two, the convener's
    among them), ``agenda`` its topics (议题), ``held_at`` when it sits."""

    title: str
    held_at: datetime | None
    place: str
    bodies: tuple[str, ...]
    agenda: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AttendeeEntry:
    """One person present (出席人员): the participating body they came for, their name and position."""

    body: str
    name: str
    position: str = ""


@dataclass(frozen=True, slots=True)
class ActionItemEntry:
    """A matter the meeting hands to one of its bodies (督办事项), to be done by the end of the Beijing day
    ``due_on``."""

    title: str
    owner_body: str
    due_on: date | None


@dataclass(frozen=True, slots=True)
class RecordMinutes:
    """The minutes (会议纪要) of a meeting that took place: who attended (every participating body at least
    one person), what was said, what was decided, and the action items it set, if any."""

    minutes: str
    attendees: tuple[AttendeeEntry, ...]
    decisions: tuple[str, ...] = ()
    action_items: tuple[ActionItemEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class AmendMinutes:
    """A new version of the minutes, replacing the text, the decisions and the attendees, with the reason
    for the change; the earlier versions are kept."""

    minutes: str
    attendees: tuple[AttendeeEntry, ...]
    reason: str
    decisions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AddActionItem:
    """An action item set after the minutes were recorded."""

    item: ActionItemEntry


@dataclass(frozen=True, slots=True)
class CompleteActionItem:
    """The action item ``no`` is done: how it was handled (办理情况)."""

    no: int
    note: str


@dataclass(frozen=True, slots=True)
class CancelActionItem:
    """The convener withdraws the action item ``no``, with the reason."""

    no: int
    reason: str


@dataclass(frozen=True, slots=True)
class CancelMeeting:
    """A meeting that will not take place, with the reason."""

    reason: str
