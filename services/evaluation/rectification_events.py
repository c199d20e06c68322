"""The events of the rectification ledger (整改台账), recorded by the item and published on
``wulian.evaluation.rectification.<name>``.

Events carry ids, kinds, dates and booleans only: never a problem, a measure, a name or a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.evaluation.domain import OFFICE_ROLE, Event, Grade, RaisingBody
from services.evaluation.rectification_vocabulary import BODY_ROLES, ReopenCause, ReportKind, Source, UnitKind


def body_selectors(body: RaisingBody) -> list[str]:
    return [f"role:{role}" for role in BODY_ROLES[body]]


@dataclass(frozen=True, slots=True)
class RectificationEvent(Event):
    """Published on ``wulian.evaluation.rectification.<name>``; told to the raising body's roles, the
    responsible unit and, for a department's item, the government's supervision office."""

    aggregate = "rectification"
    item_id: str
    occurred_at: datetime
    raising_body: RaisingBody
    unit: str
    unit_kind: UnitKind

    @property
    def aggregate_id(self) -> str:
        return self.item_id

    def audience(self) -> list[str]:
        selectors = [*body_selectors(self.raising_body), f"org_unit:{self.unit}"]
        if self.unit_kind is UnitKind.DEPARTMENT and f"role:{OFFICE_ROLE}" not in selectors:
            selectors.append(f"role:{OFFICE_ROLE}")
        return selectors


@dataclass(frozen=True, slots=True)
class ItemRaised(RectificationEvent):
    name = "raised"
    source: Source
    source_ref: str
    due_at: datetime


@dataclass(frozen=True, slots=True)
class ItemEdited(RectificationEvent):
    """``previous_unit``: the unit the item was taken from, "" when it stays; that unit is told too."""

    name = "edited"
    previous_unit: str
    due_at: datetime

    def audience(self) -> list[str]:
        told = RectificationEvent.audience(self)
        return [*told, f"org_unit:{self.previous_unit}"] if self.previous_unit else told


@dataclass(frozen=True, slots=True)
class ItemWithdrawn(RectificationEvent):
    name = "withdrawn"


@dataclass(frozen=True, slots=True)
class PlanDeclared(RectificationEvent):
    """``revision``: 1 for the first plan, which starts the rectification."""

    name = "plan_declared"
    revision: int


@dataclass(frozen=True, slots=True)
class ItemReported(RectificationEvent):
    name = "reported"
    kind: ReportKind
    on_time: bool


@dataclass(frozen=True, slots=True)
class ItemClosedOut(RectificationEvent):
    """``on_time``: the final report came before the due moment."""

    name = "closed_out"
    grade: Grade
    on_time: bool


@dataclass(frozen=True, slots=True)
class ItemReopened(RectificationEvent):
    name = "reopened"
    cause: ReopenCause
    due_at: datetime
    due_changed: bool


@dataclass(frozen=True, slots=True)
class FollowUpAdded(RectificationEvent):
    name = "follow_up_added"
    relapsed: bool


@dataclass(frozen=True, slots=True)
class ItemDueSoon(RectificationEvent):
    name = "due_soon"
    due_at: datetime


@dataclass(frozen=True, slots=True)
class ItemOverdue(RectificationEvent):
    name = "overdue"
    due_at: datetime
