"""The six lists of Luoyang (六个清单) — responsibility, content, problems, rectification, close-out and
follow-up — as views of the rectification ledger (整改台账), each an Excel sheet (``ledger_sheet``). Withdrawn
items are in none of them. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar

from services.evaluation.domain import GRADE_LABELS, RAISING_BODY_LABELS
from services.evaluation.rectification_clock import beijing_date, due_day
from services.evaluation.rectification_records import Plan
from services.evaluation.rectification_vocabulary import SOURCE_LABELS, Source
from services.evaluation.rectifications import ITEM_STATUS_LABELS, ItemStatus, RectificationItem

_LIVE = frozenset(ItemStatus) - {ItemStatus.WITHDRAWN}

Cell = str | int | date | None


def _cell(value: object) -> Cell:
    if isinstance(value, bool):
        return "是" if value else "否"
    assert value is None or isinstance(value, str | int | date)
    return value


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a list: its fields in column order, ``HEADERS`` their Chinese headers."""

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def cells(self) -> tuple[Cell, ...]:
        """The row as an Excel sheet shows it: yes/no as 是/否, an unknown as an empty cell."""
        return tuple(_cell(getattr(self, f.name)) for f in fields(self))


@dataclass(frozen=True, slots=True)
class ResponsibilityRow(Row):
    """责任清单: who answers for each item (Luoyang: 责任领导、具体责任人、完成时限)."""

    HEADERS = ("事项编号", "责任单位", "提出机关", "整改问题", "责任领导", "具体责任人", "完成时限", "状态")
    item_id: str
    unit_name: str
    raising_body: str
    problem: str
    leader: str
    person: str
    due_on: date
    status: str


@dataclass(frozen=True, slots=True)
class ContentRow(Row):
    """内容清单: what is to be rectified — the problem, what the raising body requires, the unit's plan."""

    HEADERS = (
        "事项编号",
        "问题来源",
        "来源编号",
        "责任单位",
        "存在问题",
        "整改要求",
        "整改目标",
        "整改措施",
        "完成时限",
    )
    item_id: str
    source: str
    source_ref: str
    unit_name: str
    problem: str
    required_measures: str
    target: str
    measures: str
    due_on: date


@dataclass(frozen=True, slots=True)
class ProblemRow(Row):
    """问题清单: the problems not yet closed out, by unit and source."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "问题来源",
        "来源编号",
        "存在问题",
        "提出机关",
        "提出日期",
        "完成时限",
        "状态",
        "是否逾期",
    )
    item_id: str
    unit_name: str
    source: str
    source_ref: str
    problem: str
    raising_body: str
    raised_on: date
    due_on: date
    status: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class RectificationRow(Row):
    """整改清单: what the unit does about each item it has planned — measures, progress, on time or not."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "整改措施",
        "已采取措施",
        "最新进展",
        "报告次数",
        "最近报告日期",
        "完成时限",
        "是否按期",
        "状态",
    )
    item_id: str
    unit_name: str
    problem: str
    measures: str
    measures_taken: str
    progress: str
    reports: int
    last_reported_on: date | None
    due_on: date
    on_time: bool | None
    status: str


@dataclass(frozen=True, slots=True)
class CloseOutRow(Row):
    """销号清单: the items closed out — by whom, when, with which grade, and whether on time."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "销号机关",
        "测评结果",
        "销号意见",
        "销号人",
        "销号日期",
        "是否按期完成",
    )
    item_id: str
    unit_name: str
    problem: str
    raising_body: str
    grade: str
    note: str
    closed_by: str
    closed_on: date
    on_time: bool


@dataclass(frozen=True, slots=True)
class FollowUpRow(Row):
    """跟踪清单: items followed up after the close-out, and those reopened as not (or no longer) rectified."""

    HEADERS = (
        "事项编号",
        "责任单位",
        "存在问题",
        "状态",
        "最近销号日期",
        "回头看次数",
        "最近回头看日期",
        "最近回头看情况",
        "是否反弹",
        "重新整改次数",
        "最近重新整改原因",
        "现完成时限",
    )
    item_id: str
    unit_name: str
    problem: str
    status: str
    last_closed_on: date | None
    follow_ups: int
    last_follow_up_on: date | None
    last_follow_up: str
    relapsed: bool
    reopenings: int
    last_reopen_reason: str
    due_on: date


def _live(items: Iterable[RectificationItem]) -> list[RectificationItem]:
    """Withdrawn items are no part of any list; rows go by unit, then by the order raised."""
    live = [item for item in items if item.status in _LIVE]
    return sorted(live, key=lambda i: (i.content.unit_name, i.raised_at, i.id))


def responsibility_list(items: Iterable[RectificationItem]) -> list[ResponsibilityRow]:
    return [
        ResponsibilityRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            problem=item.content.problem,
            leader=item.plan.leader if item.plan else "",
            person=item.plan.person if item.plan else "",
            due_on=due_day(item.content.due_at),
            status=ITEM_STATUS_LABELS[item.status],
        )
        for item in _live(items)
    ]


def content_list(items: Iterable[RectificationItem]) -> list[ContentRow]:
    return [
        ContentRow(
            item_id=item.id,
            source=SOURCE_LABELS[item.source],
            source_ref=item.source_ref,
            unit_name=item.content.unit_name,
            problem=item.content.problem,
            required_measures=item.content.required_measures,
            target=item.plan.target if item.plan else "",
            measures=item.plan.measures if item.plan else "",
            due_on=due_day(item.content.due_at),
        )
        for item in _live(items)
    ]


def problem_list(items: Iterable[RectificationItem], now: datetime) -> list[ProblemRow]:
    """Open, rectifying and reported items (not yet closed out), by unit, then source, then order raised."""
    sources = list(Source)
    pending = [i for i in _live(items) if i.status is not ItemStatus.CLOSED]
    pending.sort(key=lambda i: (i.content.unit_name, sources.index(i.source), i.raised_at, i.id))
    return [
        ProblemRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            source=SOURCE_LABELS[item.source],
            source_ref=item.source_ref,
            problem=item.content.problem,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            raised_on=beijing_date(item.raised_at),
            due_on=due_day(item.content.due_at),
            status=ITEM_STATUS_LABELS[item.status],
            overdue=item.on_time(now) is False,
        )
        for item in pending
    ]


def _rectification_row(item: RectificationItem, plan: Plan, now: datetime) -> RectificationRow:
    last = item.reports[-1] if item.reports else None
    return RectificationRow(
        item_id=item.id,
        unit_name=item.content.unit_name,
        problem=item.content.problem,
        measures=plan.measures,
        measures_taken=next((r.measures_taken for r in reversed(item.reports) if r.measures_taken), ""),
        progress=last.text if last else "",
        reports=len(item.reports),
        last_reported_on=beijing_date(last.reported_at) if last else None,
        due_on=due_day(item.content.due_at),
        on_time=item.on_time(now),
        status=ITEM_STATUS_LABELS[item.status],
    )


def rectification_list(items: Iterable[RectificationItem], now: datetime) -> list[RectificationRow]:
    """Every item whose unit has declared its plan."""
    return [_rectification_row(item, item.plan, now) for item in _live(items) if item.plan is not None]


def close_out_list(items: Iterable[RectificationItem]) -> list[CloseOutRow]:
    """The items closed out now (a reopened one leaves the list until it is closed out again), by date."""
    closed = [(i, i.closing) for i in _live(items) if i.closing is not None]
    closed.sort(key=lambda pair: (pair[1].at, pair[0].id))
    return [
        CloseOutRow(
            item_id=item.id,
            unit_name=item.content.unit_name,
            problem=item.content.problem,
            raising_body=RAISING_BODY_LABELS[item.raising_body],
            grade=GRADE_LABELS[closing.grade],
            note=closing.note,
            closed_by=closing.by_name or closing.by,
            closed_on=beijing_date(closing.at),
            on_time=item.reports[-1].on_time,
        )
        for item, closing in closed
    ]


def _follow_up_row(item: RectificationItem) -> FollowUpRow:
    closings = [a for a in item.assessments if a.closes]
    last = item.follow_ups[-1] if item.follow_ups else None
    return FollowUpRow(
        item_id=item.id,
        unit_name=item.content.unit_name,
        problem=item.content.problem,
        status=ITEM_STATUS_LABELS[item.status],
        last_closed_on=beijing_date(closings[-1].at) if closings else None,
        follow_ups=len(item.follow_ups),
        last_follow_up_on=beijing_date(last.at) if last else None,
        last_follow_up=last.note if last else "",
        relapsed=any(f.relapsed for f in item.follow_ups),
        reopenings=len(item.reopenings),
        last_reopen_reason=item.reopenings[-1].reason if item.reopenings else "",
        due_on=due_day(item.content.due_at),
    )


def follow_up_list(items: Iterable[RectificationItem]) -> list[FollowUpRow]:
    """Items with a follow-up or a reopening: Luoyang's "整改不彻底、不到位的问题，列入跟踪清单"."""
    return [_follow_up_row(item) for item in _live(items) if item.follow_ups or item.reopenings]


class LedgerList(StrEnum):
    RESPONSIBILITY = "responsibility"
    CONTENT = "content"
    PROBLEMS = "problems"
    RECTIFICATION = "rectification"
    CLOSE_OUT = "close_out"
    FOLLOW_UP = "follow_up"


LEDGER_LIST_TITLES: dict[LedgerList, str] = {
    LedgerList.RESPONSIBILITY: "责任清单",
    LedgerList.CONTENT: "内容清单",
    LedgerList.PROBLEMS: "问题清单",
    LedgerList.RECTIFICATION: "整改清单",
    LedgerList.CLOSE_OUT: "销号清单",
    LedgerList.FOLLOW_UP: "跟踪清单",
}


@dataclass(frozen=True, slots=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def ledger_sheet(kind: LedgerList, items: Sequence[RectificationItem], now: datetime) -> Sheet:
    """One of the six lists as an Excel sheet: its title, its headers, its rows of cells."""
    builders: dict[LedgerList, tuple[type[Row], Callable[[], Sequence[Row]]]] = {
        LedgerList.RESPONSIBILITY: (ResponsibilityRow, lambda: responsibility_list(items)),
        LedgerList.CONTENT: (ContentRow, lambda: content_list(items)),
        LedgerList.PROBLEMS: (ProblemRow, lambda: problem_list(items, now)),
        LedgerList.RECTIFICATION: (RectificationRow, lambda: rectification_list(items, now)),
        LedgerList.CLOSE_OUT: (CloseOutRow, lambda: close_out_list(items)),
        LedgerList.FOLLOW_UP: (FollowUpRow, lambda: follow_up_list(items)),
    }
    row_type, build = builders[kind]
    return Sheet(LEDGER_LIST_TITLES[kind], row_type.HEADERS, tuple(row.cells() for row in build()))
