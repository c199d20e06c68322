"""The records a joint meeting (联席会议) keeps — its attendees, every version of its minutes, its action
items (督办事项) and how each ended, a cancellation — and the checks that turn what the convener enters into
them (``minutes_from``, ``action_item_from``, ``held_at_from``). Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from services.consultation.domain import (
    BODY_LABELS,
    BODY_MAX,
    LIST_MAX,
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    YEARS,
    Body,
    as_utc,
    beijing_date,
    checked_texts,
)
from services.consultation.meeting_commands import ActionItemEntry, AttendeeEntry
from wulian.kit.problems import Problems

DUE_YEARS_AHEAD = 2  # an action item is due by the end of the year after next at the latest


class ActionItemStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


ACTION_ITEM_STATUS_LABELS: dict[ActionItemStatus, str] = {
    ActionItemStatus.OPEN: "办理中",
    ActionItemStatus.DONE: "已办结",
    ActionItemStatus.CANCELLED: "已撤销",
}


@dataclass(frozen=True, slots=True)
class Attendee:
    body: Body
    name: str
    position: str


@dataclass(frozen=True, slots=True)
class Minutes:
    """One version of the minutes; ``reason`` is empty for the first."""

    version: int
    text: str
    decisions: tuple[str, ...]
    attendees: tuple[Attendee, ...]
    reason: str
    by: str
    by_name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Closing:
    """How an action item ended: done (``note``: how it was handled) or cancelled (``note``: the reason)."""

    note: str
    by: str
    by_name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ActionItem:
    no: int
    title: str
    owner: Body
    due_on: date
    due_at: datetime  # the end of the Beijing day due_on
    added_by: str
    added_at: datetime
    status: ActionItemStatus = ActionItemStatus.OPEN
    closing: Closing | None = None

    @property
    def on_time(self) -> bool | None:
        """Done before its deadline; None unless done."""
        return self.closing.at < self.due_at if self.status is ActionItemStatus.DONE and self.closing else None


@dataclass(frozen=True, slots=True)
class Cancellation:
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ItemDraft:
    """A checked action item, before the meeting numbers it."""

    title: str
    owner: Body
    due_on: date


def held_at_from(problems: Problems, held_at: datetime | None) -> datetime | None:
    if held_at is None:
        problems.add("held_at", "请注明会议时间")
        return None
    held_at = as_utc(held_at)
    if not YEARS[0] <= beijing_date(held_at).year <= YEARS[1]:
        problems.add("held_at", f"会议时间须在 {YEARS[0]} 年至 {YEARS[1]} 年之间")
        return None
    return held_at


def minutes_from(
    problems: Problems,
    text: str,
    entries: tuple[AttendeeEntry, ...],
    decisions: tuple[str, ...],
    bodies: tuple[Body, ...],
) -> tuple[str, tuple[Attendee, ...], tuple[str, ...]]:
    """The minutes' text, attendees and decisions, checked; their problems join ``problems``."""
    minutes = problems.text("minutes", text, "会议纪要", limit=BODY_MAX)
    attendees = _attendees(problems, entries, bodies)
    return (
        minutes,
        attendees,
        checked_texts(problems, "decisions", decisions, "会议决定", required=False, limit=TEXT_MAX),
    )


def _attendees(
    problems: Problems, entries: tuple[AttendeeEntry, ...], bodies: tuple[Body, ...]
) -> tuple[Attendee, ...]:
    """Each for a participating body, nobody twice, every participating body present."""
    if len(entries) > LIST_MAX:
        problems.add("attendees", f"出席人员不能超过 {LIST_MAX} 人")
    attendees: list[Attendee] = []
    for index, entry in enumerate(entries):
        at = f"attendees[{index}]"
        body = _participant(problems, f"{at}.body", entry.body, bodies, "出席人员所在机关")
        name = problems.text(f"{at}.name", entry.name, "出席人员姓名", limit=NAME_MAX)
        position = problems.text(f"{at}.position", entry.position, "出席人员职务", required=False, limit=NAME_MAX)
        if body is not None and name and any(a.body is body and a.name == name for a in attendees):
            problems.add(f"{at}.name", f"出席人员“{name}”重复")
        if body is not None:
            attendees.append(Attendee(body, name, position))
    absent = [BODY_LABELS[body] for body in bodies if all(a.body is not body for a in attendees)]
    if absent and len(attendees) == len(entries):  # a body named wrongly is its own problem
        problems.add("attendees", f"{'、'.join(absent)}须至少有一名出席人员")
    return tuple(attendees)


def action_item_from(
    problems: Problems, at: str, entry: ActionItemEntry, bodies: tuple[Body, ...], now: datetime
) -> ItemDraft | None:
    """An action item for a participating body, due today at the earliest; None when it has problems."""
    before = len(problems.details)
    title = problems.text(f"{at}.title", entry.title, "督办事项", limit=TITLE_MAX)
    owner = _participant(problems, f"{at}.owner_body", entry.owner_body, bodies, "责任机关")
    due_on = _due_on(problems, f"{at}.due_on", entry.due_on, now)
    if len(problems.details) > before or owner is None or due_on is None:
        return None
    return ItemDraft(title, owner, due_on)


def _participant(problems: Problems, at: str, value: str, bodies: tuple[Body, ...], label: str) -> Body | None:
    if value not in bodies:
        problems.add(at, f"{label}须为参会机关之一")
        return None
    return Body(value)


def _due_on(problems: Problems, at: str, due_on: date | None, now: datetime) -> date | None:
    if due_on is None:
        problems.add(at, "请注明办结期限")
        return None
    today = beijing_date(now)
    if due_on < today:
        problems.add(at, "办结期限不能早于今天")
    elif due_on.year > today.year + DUE_YEARS_AHEAD:
        problems.add(at, f"办结期限不能晚于 {today.year + DUE_YEARS_AHEAD} 年底")
    else:
        return due_on
    return None
