"""Who sees what of a joint meeting (联席会议): how much of it a caller sees (``meeting_access``), the read
model with the actions it offers the caller (``meeting_view``), which meetings a caller's list holds
(``visible_meetings``) and the counts (``meeting_counts``). Pure: no I/O.

The staff of the participating bodies see the whole meeting — it is a record the bodies keep together, with
nothing kept from any of them — so the read model differs only in the actions it offers; ``platform_admin``
sees counts; nobody else anything (not found).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from services.consultation.domain import BODY_LABELS, Body, View, counts_only, ensure_readable, status_counts
from services.consultation.meeting_records import (
    ACTION_ITEM_STATUS_LABELS,
    ActionItem,
    ActionItemStatus,
    Attendee,
    Cancellation,
    Closing,
    Minutes,
)
from services.consultation.meetings import (
    MEETING_STATES,
    MEETING_STATUS_LABELS,
    ActionItemAction,
    Meeting,
    MeetingAction,
    MeetingStatus,
)
from wulian.kit.principal import Principal


def meeting_access(principal: Principal, meeting: Meeting) -> View:
    if meeting.is_participant(principal):
        return View.FULL
    return View.COUNTS if counts_only(principal) else View.NONE


@dataclass(frozen=True, slots=True)
class ActionItemView:
    no: int
    title: str
    owner: Body
    owner_label: str
    due_on: date
    due_at: datetime
    status: ActionItemStatus
    status_label: str
    overdue: bool  # open, and its overdue notice was raised
    on_time: bool | None  # done before its deadline; None unless done
    closing: Closing | None
    actions: tuple[ActionItemAction, ...]


@dataclass(frozen=True, slots=True)
class MeetingView:
    id: str
    title: str
    held_at: datetime
    place: str
    convener: Body
    convener_label: str
    bodies: tuple[Body, ...]
    body_labels: tuple[str, ...]
    agenda: tuple[str, ...]
    convened_by: str
    convened_by_name: str
    convened_at: datetime
    status: MeetingStatus
    status_label: str
    minutes: Minutes | None  # the current version
    attendees: tuple[Attendee, ...]  # of the current version, by body in the meeting's order
    minutes_history: tuple[Minutes, ...]
    action_items: tuple[ActionItemView, ...]
    cancellation: Cancellation | None
    closed_at: datetime | None
    access: View
    actions: tuple[MeetingAction, ...]


_ACTORS: dict[MeetingAction, Callable[[Meeting, Principal], bool]] = {
    MeetingAction.RECORD_MINUTES: Meeting.is_convener,
    MeetingAction.AMEND_MINUTES: Meeting.is_convener,
    MeetingAction.ADD_ACTION_ITEM: Meeting.is_convener,
    MeetingAction.CLOSE: lambda meeting, principal: meeting.is_convener(principal) and not meeting.open_items,
    MeetingAction.CANCEL: Meeting.is_convener,
}


def available_actions(meeting: Meeting, principal: Principal) -> tuple[MeetingAction, ...]:
    """What ``principal`` may do with the meeting itself now (an action item's own are on its view)."""
    allowed = MEETING_STATES.allowed
    return tuple(a for a, may in _ACTORS.items() if meeting.status in allowed[a] and may(meeting, principal))


def item_actions(meeting: Meeting, item: ActionItem, principal: Principal) -> tuple[ActionItemAction, ...]:
    if meeting.status is not MeetingStatus.HELD or item.status is not ActionItemStatus.OPEN:
        return ()
    actions = [ActionItemAction.COMPLETE] if meeting.may_complete(principal, item) else []
    return (*actions, ActionItemAction.CANCEL) if meeting.is_convener(principal) else tuple(actions)


def _item_view(meeting: Meeting, item: ActionItem, principal: Principal) -> ActionItemView:
    return ActionItemView(
        no=item.no,
        title=item.title,
        owner=item.owner,
        owner_label=BODY_LABELS[item.owner],
        due_on=item.due_on,
        due_at=item.due_at,
        status=item.status,
        status_label=ACTION_ITEM_STATUS_LABELS[item.status],
        overdue=meeting.is_overdue(item),
        on_time=item.on_time,
        closing=item.closing,
        actions=item_actions(meeting, item, principal),
    )


def meeting_view(meeting: Meeting, principal: Principal) -> MeetingView:
    """The meeting as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    access = ensure_readable(meeting_access(principal, meeting), message="未找到该联席会议")
    minutes = meeting.current_minutes
    attendees = minutes.attendees if minutes else ()
    return MeetingView(
        id=meeting.id,
        title=meeting.title,
        held_at=meeting.held_at,
        place=meeting.place,
        convener=meeting.convener,
        convener_label=BODY_LABELS[meeting.convener],
        bodies=meeting.bodies,
        body_labels=tuple(BODY_LABELS[body] for body in meeting.bodies),
        agenda=meeting.agenda,
        convened_by=meeting.convened_by,
        convened_by_name=meeting.convened_by_name,
        convened_at=meeting.convened_at,
        status=meeting.status,
        status_label=MEETING_STATUS_LABELS[meeting.status],
        minutes=minutes,
        attendees=tuple(sorted(attendees, key=lambda a: meeting.bodies.index(a.body))),
        minutes_history=tuple(meeting.minutes),
        action_items=tuple(_item_view(meeting, item, principal) for item in meeting.action_items),
        cancellation=meeting.cancellation,
        closed_at=meeting.closed_at,
        access=access,
        actions=available_actions(meeting, principal),
    )


def visible_meetings(meetings: Iterable[Meeting], principal: Principal) -> list[Meeting]:
    """The rows of ``principal``'s list: the meetings of its bodies (none for counts: see ``meeting_counts``)."""
    return [meeting for meeting in meetings if meeting_access(principal, meeting) >= View.LIMITED]


def meeting_counts(meetings: Iterable[Meeting]) -> dict[MeetingStatus, int]:
    return status_counts(MeetingStatus, (meeting.status for meeting in meetings))
