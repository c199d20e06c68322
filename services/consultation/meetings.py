"""联席会议 — joint meetings of the bodies (seed 004: "通过召开联席会议……互通重大事项及重点工作安排"): the
agenda, who attended for which body, the minutes and decisions, and the action items (督办事项) the meeting
hands to one of its bodies, each with a due day and a status. Pure: no I/O.

Who. A body's staff (``domain.BODY_STAFF``) convenes a meeting in its body's name (the *convener*) with at
least one other body; the convener's staff alone record and amend the minutes, set and cancel action items,
close and cancel the meeting. An action item is done by its owner body's staff or by the convener's. Only the
staff of the participating bodies see the meeting (``meeting_views``); ``platform_admin`` counts.

Life of a meeting (``MEETING_STATES``)::

    action \\ state        planned      held        closed   cancelled
    record_minutes        held         -           -        -
    amend_minutes         -            held        -        -
    add_action_item       -            held        -        -
    complete_action_item  -            held        -        -
    cancel_action_item    -            held        -        -
    close                 -            closed      -        -
    cancel                cancelled    -           -        -

The minutes are recorded once the meeting's time has come, and mark it held: every participating body had
at least one person there, each attendee came for a participating body, and nobody is listed twice. An
amendment replaces text, decisions and attendees as a new version, with its reason; every version is kept.
The meeting is closed once no action item is open (each done or cancelled).

An action item (``ACTION_ITEM_STATES``: open → done | cancelled) is due at the end of the Beijing day ``due_on``
(today at the earliest, within the next two calendar years), owned by a participating body. While it is
open a *due soon* notice is raised 3 days before that moment and an *overdue* notice at it, each once per
item (an item first looked at after its deadline raises only the overdue one): ``raise_due_notices(now)``
records them, ``next_check_at()`` tells the scheduler when to look next.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.consultation.domain import (
    BODY_LABELS,
    LIST_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Body,
    StateTable,
    acting_body,
    acts_for,
    as_utc,
    checked_text,
    checked_texts,
    end_of_day,
    joint_bodies,
)
from services.consultation.meeting_commands import (
    AddActionItem,
    AmendMinutes,
    CancelActionItem,
    CancelMeeting,
    CompleteActionItem,
    ConveneMeeting,
    RecordMinutes,
)
from services.consultation.meeting_events import (
    ActionItemAdded,
    ActionItemCancelled,
    ActionItemCompleted,
    ActionItemDueSoon,
    ActionItemEvent,
    ActionItemOverdue,
    MeetingCancelled,
    MeetingClosed,
    MeetingConvened,
    MeetingEvent,
    MinutesAmended,
    MinutesRecorded,
)
from services.consultation.meeting_records import (
    ActionItem,
    ActionItemStatus,
    Cancellation,
    Closing,
    ItemDraft,
    Minutes,
    action_item_from,
    held_at_from,
    minutes_from,
)
from wulian.kit.errors import Conflict, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

DUE_SOON_NOTICE = timedelta(days=3)

# --- the state tables -----------------------------------------------------------------------------------


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CLOSED = "closed"
    CANCELLED = "cancelled"


MEETING_STATUS_LABELS: dict[MeetingStatus, str] = {
    MeetingStatus.PLANNED: "待召开",
    MeetingStatus.HELD: "已召开",
    MeetingStatus.CLOSED: "已办结",
    MeetingStatus.CANCELLED: "已取消",
}


class MeetingAction(StrEnum):
    RECORD_MINUTES = "record_minutes"
    AMEND_MINUTES = "amend_minutes"
    ADD_ACTION_ITEM = "add_action_item"
    COMPLETE_ACTION_ITEM = "complete_action_item"
    CANCEL_ACTION_ITEM = "cancel_action_item"
    CLOSE = "close"
    CANCEL = "cancel"


_HELD = frozenset({MeetingStatus.HELD})
MEETING_STATES: StateTable[MeetingStatus, MeetingAction] = StateTable(
    allowed={
        MeetingAction.RECORD_MINUTES: frozenset({MeetingStatus.PLANNED}),
        MeetingAction.AMEND_MINUTES: _HELD,
        MeetingAction.ADD_ACTION_ITEM: _HELD,
        MeetingAction.COMPLETE_ACTION_ITEM: _HELD,
        MeetingAction.CANCEL_ACTION_ITEM: _HELD,
        MeetingAction.CLOSE: _HELD,
        MeetingAction.CANCEL: frozenset({MeetingStatus.PLANNED}),
    },
    phrases={
        MeetingStatus.PLANNED: "该联席会议尚未召开",
        MeetingStatus.HELD: "该联席会议已召开并记录纪要",
        MeetingStatus.CLOSED: "该联席会议已办结",
        MeetingStatus.CANCELLED: "该联席会议已取消",
    },
    action_labels={
        MeetingAction.RECORD_MINUTES: "记录会议纪要",
        MeetingAction.AMEND_MINUTES: "修改会议纪要",
        MeetingAction.ADD_ACTION_ITEM: "交办督办事项",
        MeetingAction.COMPLETE_ACTION_ITEM: "办结督办事项",
        MeetingAction.CANCEL_ACTION_ITEM: "撤销督办事项",
        MeetingAction.CLOSE: "办结会议",
        MeetingAction.CANCEL: "取消会议",
    },
)


class ActionItemAction(StrEnum):
    COMPLETE = "complete"
    CANCEL = "cancel"


ACTION_ITEM_STATES: StateTable[ActionItemStatus, ActionItemAction] = StateTable(
    allowed={
        ActionItemAction.COMPLETE: frozenset({ActionItemStatus.OPEN}),
        ActionItemAction.CANCEL: frozenset({ActionItemStatus.OPEN}),
    },
    phrases={
        ActionItemStatus.OPEN: "该督办事项正在办理",
        ActionItemStatus.DONE: "该督办事项已办结",
        ActionItemStatus.CANCELLED: "该督办事项已撤销",
    },
    action_labels={ActionItemAction.COMPLETE: "办结", ActionItemAction.CANCEL: "撤销"},
)


class NoticeKind(StrEnum):
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def notice_key(kind: NoticeKind, no: int) -> str:
    """An action item's notice is raised once: its key names the kind and the item."""
    return f"{kind.value}@{no}"


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Meeting:
    """A joint meeting. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    convener: Body
    title: str
    held_at: datetime
    place: str
    bodies: tuple[Body, ...]
    agenda: tuple[str, ...]
    convened_by: str
    convened_by_name: str
    convened_at: datetime
    status: MeetingStatus = MeetingStatus.PLANNED
    minutes: list[Minutes] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    cancellation: Cancellation | None = None
    closed_at: datetime | None = None
    raised_notices: set[str] = field(default_factory=set)
    events: list[MeetingEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, meeting_id: str, principal: Principal, command: ConveneMeeting, now: datetime) -> Meeting:
        """Convened in the name of the caller's body."""
        now = as_utc(now)
        convener = acting_body(
            principal, message="只有人大常委会、纪委监委或市政府政务督查室的工作人员可以召集联席会议"
        )
        problems = Problems()
        title = problems.text("title", command.title, "会议名称", limit=TITLE_MAX)
        held_at = held_at_from(problems, command.held_at)
        place = problems.text("place", command.place, "会议地点", limit=TITLE_MAX)
        bodies = joint_bodies(problems, "bodies", command.bodies, convener, "参会机关")
        agenda = checked_texts(problems, "agenda", command.agenda, "会议议题", limit=TITLE_MAX)
        problems.raise_if_any("联席会议未通过校验")
        assert held_at is not None
        by, by_name = principal.subject, principal.name
        meeting = cls(meeting_id, convener, title, held_at, place, bodies, agenda, by, by_name, now)
        meeting.events.append(MeetingConvened(*meeting._ids(now), held_at, len(agenda)))
        return meeting

    def record_minutes(self, principal: Principal, command: RecordMinutes, now: datetime) -> None:
        """The minutes of the meeting, once its time has come; they mark it held."""
        MEETING_STATES.ensure(MeetingAction.RECORD_MINUTES, self.status)
        now = as_utc(now)
        if now < self.held_at:
            raise Conflict("会议尚未到召开时间，不能记录会议纪要")
        self._ensure_convener(principal, "记录会议纪要")
        problems = Problems()
        text, attendees, decisions = minutes_from(
            problems, command.minutes, command.attendees, command.decisions, self.bodies
        )
        entries = command.action_items
        if len(entries) > LIST_MAX:
            problems.add("action_items", f"督办事项不能超过 {LIST_MAX} 项")
        drafts = [action_item_from(problems, f"action_items[{i}]", e, self.bodies, now) for i, e in enumerate(entries)]
        problems.raise_if_any("会议纪要未通过校验")
        self.minutes.append(Minutes(1, text, decisions, attendees, "", principal.subject, principal.name, now))
        self.status = MeetingStatus.HELD
        self.events.append(MinutesRecorded(*self._ids(now), 1, len(attendees), len(decisions)))
        for draft in drafts:
            assert draft is not None
            self._add_item(draft, principal, now)

    def amend_minutes(self, principal: Principal, command: AmendMinutes, now: datetime) -> None:
        """A new version of the minutes, with the reason; the earlier ones stay on record."""
        MEETING_STATES.ensure(MeetingAction.AMEND_MINUTES, self.status)
        now = as_utc(now)
        self._ensure_convener(principal, "修改会议纪要")
        problems = Problems()
        text, attendees, decisions = minutes_from(
            problems, command.minutes, command.attendees, command.decisions, self.bodies
        )
        reason = problems.text("reason", command.reason, "修改的理由", limit=TEXT_MAX)
        problems.raise_if_any("会议纪要未通过校验")
        version = len(self.minutes) + 1
        self.minutes.append(
            Minutes(version, text, decisions, attendees, reason, principal.subject, principal.name, now)
        )
        self.events.append(MinutesAmended(*self._ids(now), version, len(attendees), len(decisions)))

    def add_action_item(self, principal: Principal, command: AddActionItem, now: datetime) -> ActionItem:
        MEETING_STATES.ensure(MeetingAction.ADD_ACTION_ITEM, self.status)
        now = as_utc(now)
        self._ensure_convener(principal, "交办督办事项")
        problems = Problems()
        if len(self.action_items) >= LIST_MAX:
            problems.add("item", f"督办事项不能超过 {LIST_MAX} 项")
        draft = action_item_from(problems, "item", command.item, self.bodies, now)
        problems.raise_if_any("督办事项未通过校验")
        assert draft is not None
        return self._add_item(draft, principal, now)

    def complete_action_item(self, principal: Principal, command: CompleteActionItem, now: datetime) -> None:
        """Done, by the owner body or the convener, with how it was handled."""
        item = self._open_item(MeetingAction.COMPLETE_ACTION_ITEM, ActionItemAction.COMPLETE, command.no)
        now = as_utc(now)
        if not self.may_complete(principal, item):
            owner, convener = BODY_LABELS[item.owner], BODY_LABELS[self.convener]
            raise PermissionDenied(f"只有责任机关（{owner}）或召集会议的{convener}可以办结督办事项")
        note = checked_text("note", command.note, "办理情况", limit=TEXT_MAX)
        done = self._replace_item(item, ActionItemStatus.DONE, Closing(note, principal.subject, principal.name, now))
        self.events.append(ActionItemCompleted(*self._item_ids(done, now), bool(done.on_time)))

    def cancel_action_item(self, principal: Principal, command: CancelActionItem, now: datetime) -> None:
        item = self._open_item(MeetingAction.CANCEL_ACTION_ITEM, ActionItemAction.CANCEL, command.no)
        now = as_utc(now)
        self._ensure_convener(principal, "撤销督办事项")
        reason = checked_text("reason", command.reason, "撤销的理由", limit=TEXT_MAX)
        cancelled = self._replace_item(
            item, ActionItemStatus.CANCELLED, Closing(reason, principal.subject, principal.name, now)
        )
        self.events.append(ActionItemCancelled(*self._item_ids(cancelled, now)))

    def close(self, principal: Principal, now: datetime) -> None:
        """Once every action item is done or cancelled."""
        MEETING_STATES.ensure(MeetingAction.CLOSE, self.status)
        if (open_items := len(self.open_items)) > 0:
            raise Conflict(f"尚有 {open_items} 项督办事项未办结，不能办结会议")
        now = as_utc(now)
        self._ensure_convener(principal, "办结会议")
        self.status = MeetingStatus.CLOSED
        self.closed_at = now
        done = sum(item.status is ActionItemStatus.DONE for item in self.action_items)
        self.events.append(MeetingClosed(*self._ids(now), len(self.action_items), done))

    def cancel(self, principal: Principal, command: CancelMeeting, now: datetime) -> None:
        MEETING_STATES.ensure(MeetingAction.CANCEL, self.status)
        now = as_utc(now)
        self._ensure_convener(principal, "取消会议")
        reason = checked_text("reason", command.reason, "取消的理由", limit=TEXT_MAX)
        self.cancellation = Cancellation(reason, principal.subject, now)
        self.status = MeetingStatus.CANCELLED
        self.events.append(MeetingCancelled(*self._ids(now)))

    # --- deadlines ------------------------------------------------------------------------------------

    def raise_due_notices(self, now: datetime) -> list[ActionItemEvent]:
        """Record each action item's notice that is due and not yet raised; return the new events."""
        now = as_utc(now)
        raised: list[ActionItemEvent] = []
        for item in self.open_items:
            kind = self._due_notice(item, now)
            if kind is not None:
                self.raised_notices.add(notice_key(kind, item.no))
                event_type = ActionItemOverdue if kind is NoticeKind.OVERDUE else ActionItemDueSoon
                raised.append(event_type(*self._item_ids(item, now), item.due_at))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        """The earliest moment at which ``raise_due_notices`` may raise something new."""
        moments = [moment for item in self.open_items if (moment := self._next_notice_at(item)) is not None]
        return min(moments, default=None)

    def _due_notice(self, item: ActionItem, now: datetime) -> NoticeKind | None:
        overdue_raised = notice_key(NoticeKind.OVERDUE, item.no) in self.raised_notices
        if now >= item.due_at:
            kind = NoticeKind.OVERDUE
        elif now >= item.due_at - DUE_SOON_NOTICE and not overdue_raised:
            kind = NoticeKind.DUE_SOON
        else:
            return None
        return None if notice_key(kind, item.no) in self.raised_notices else kind

    def _next_notice_at(self, item: ActionItem) -> datetime | None:
        if notice_key(NoticeKind.OVERDUE, item.no) in self.raised_notices:
            return None
        if notice_key(NoticeKind.DUE_SOON, item.no) in self.raised_notices:
            return item.due_at
        return item.due_at - DUE_SOON_NOTICE

    # --- queries --------------------------------------------------------------------------------------

    @property
    def current_minutes(self) -> Minutes | None:
        return self.minutes[-1] if self.minutes else None

    @property
    def open_items(self) -> list[ActionItem]:
        return [item for item in self.action_items if item.status is ActionItemStatus.OPEN]

    def is_overdue(self, item: ActionItem) -> bool:
        """An open item whose overdue notice was raised."""
        return item.status is ActionItemStatus.OPEN and notice_key(NoticeKind.OVERDUE, item.no) in self.raised_notices

    def is_convener(self, principal: Principal) -> bool:
        return acts_for(principal, self.convener)

    def is_participant(self, principal: Principal) -> bool:
        return any(acts_for(principal, body) for body in self.bodies)

    def may_complete(self, principal: Principal, item: ActionItem) -> bool:
        return self.is_convener(principal) or acts_for(principal, item.owner)

    # --- helpers --------------------------------------------------------------------------------------

    def _ids(self, now: datetime) -> tuple[str, datetime, Body, tuple[Body, ...]]:
        return self.id, now, self.convener, self.bodies

    def _item_ids(
        self, item: ActionItem, now: datetime
    ) -> tuple[str, datetime, Body, tuple[Body, ...], int, Body, date]:
        return (*self._ids(now), item.no, item.owner, item.due_on)

    def _ensure_convener(self, principal: Principal, verb: str) -> None:
        if not self.is_convener(principal):
            raise PermissionDenied(f"只有召集会议的{BODY_LABELS[self.convener]}可以{verb}")

    def _open_item(self, action: MeetingAction, item_action: ActionItemAction, no: int) -> ActionItem:
        MEETING_STATES.ensure(action, self.status)
        if not 1 <= no <= len(self.action_items):
            raise NotFound("未找到该督办事项")
        item = self.action_items[no - 1]
        ACTION_ITEM_STATES.ensure(item_action, item.status)
        return item

    def _replace_item(self, item: ActionItem, status: ActionItemStatus, closing: Closing) -> ActionItem:
        changed = replace(item, status=status, closing=closing)
        self.action_items[item.no - 1] = changed
        return changed

    def _add_item(self, draft: ItemDraft, principal: Principal, now: datetime) -> ActionItem:
        no = len(self.action_items) + 1
        due_at = end_of_day(draft.due_on)
        item = ActionItem(no, draft.title, draft.owner, draft.due_on, due_at, principal.subject, now)
        self.action_items.append(item)
        self.events.append(ActionItemAdded(*self._item_ids(item, now)))
        return item
