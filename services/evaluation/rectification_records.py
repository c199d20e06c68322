"""The records a rectification item (整改台账) keeps — its content, the unit's plans and reports, the raising
body's assessments, reopenings, follow-ups and a withdrawal — and ``content_from``, which checks what the
raising body asks into the item's content. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from services.evaluation.domain import BODY_MAX, NAME_MAX, ORG_UNIT_MAX, Grade, RaisingBody
from services.evaluation.rectification_clock import due_from
from services.evaluation.rectification_commands import ItemContent
from services.evaluation.rectification_vocabulary import (
    SOURCE_LABELS,
    SOURCE_UNIT_KINDS,
    UNIT_KIND_LABELS,
    ReopenCause,
    ReportKind,
    Source,
    UnitKind,
)
from wulian.kit.problems import Problems

# Luoyang: "满意度测评为满意或基本满意的事项纳入销号清单".
CLOSING_GRADES = frozenset({Grade.SATISFIED, Grade.FAIRLY_SATISFIED, Grade.BASICALLY_SATISFIED})
# An identifier only: it travels in events and audience selectors, so no free text gets in through it.
_ORG_UNIT = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{ORG_UNIT_MAX - 1}}}")


@dataclass(frozen=True, slots=True)
class Content:
    unit: str
    unit_name: str
    unit_kind: UnitKind
    problem: str
    required_measures: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class Plan:
    target: str
    measures: str
    leader: str
    person: str
    declared_by: str
    declared_at: datetime


@dataclass(frozen=True, slots=True)
class Report:
    kind: ReportKind
    text: str
    measures_taken: str
    reported_by: str
    reported_at: datetime
    on_time: bool


@dataclass(frozen=True, slots=True)
class Assessment:
    """One close-out: a closing grade closes the item, 不满意 reopens it."""

    grade: Grade
    note: str
    by: str
    by_name: str
    at: datetime

    @property
    def closes(self) -> bool:
        return self.grade in CLOSING_GRADES


@dataclass(frozen=True, slots=True)
class Reopening:
    cause: ReopenCause
    reason: str
    by: str
    at: datetime
    previous_due_at: datetime
    due_at: datetime


@dataclass(frozen=True, slots=True)
class FollowUp:
    note: str
    relapsed: bool
    by: str
    by_name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Withdrawal:
    reason: str
    by: str
    at: datetime


def content_from(
    command: ItemContent,
    *,
    source: Source | None,
    body: RaisingBody,
    start: datetime,
    now: datetime,
    problems: Problems,
) -> Content | None:
    """The checked content; its problems join ``problems`` (None when there are any)."""
    unit = command.unit.strip()
    if not _ORG_UNIT.fullmatch(unit):
        problems.add("unit", f"责任单位标识须为 1 至 {ORG_UNIT_MAX} 位字母、数字、点、下划线或连字符")
    unit_name = problems.text("unit_name", command.unit_name, "责任单位名称", limit=NAME_MAX)
    kind = problems.choice("unit_kind", command.unit_kind, UnitKind, "责任单位类别")
    if kind is not None and source is not None and kind not in SOURCE_UNIT_KINDS[source]:
        allowed = "、".join(UNIT_KIND_LABELS[k] for k in UnitKind if k in SOURCE_UNIT_KINDS[source])
        problems.add("unit_kind", f"{SOURCE_LABELS[source]}的责任单位须为{allowed}")
    elif kind is not None and body is RaisingBody.GOVERNMENT and kind is not UnitKind.DEPARTMENT:
        problems.add("unit_kind", "市政府只能向政府部门提出整改事项")
    problem = problems.text("problem", command.problem, "存在的问题", limit=BODY_MAX)
    required = problems.text("required_measures", command.required_measures, "整改要求", required=False, limit=BODY_MAX)
    due_at = due_from(problems, months=command.months, due_on=command.due_on, start=start, now=now)
    if problems.details or kind is None or due_at is None:
        return None
    return Content(unit, unit_name, kind, problem, required, due_at)
