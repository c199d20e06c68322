"""Who sees what of the rectification ledger (整改台账): the capacity in which a caller looks at an item
(``item_viewer``), the read model with the actions it offers (``item_view``), and which items a caller's list
holds (``list_scope``, ``visible_items``) or only counts (``ledger_counts``). Pure: no I/O.

The raising body's roles, the congress's staff and the discipline roles see every item; the government's
supervision office every item of a department; a unit the items of its own ``org_unit``; ``platform_admin``
counts; nobody else anything. Whoever sees an item sees all of it — it is a record between the bodies and the
unit, with nothing kept from either — so the read model differs only in the actions it offers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from services.evaluation.domain import (
    CONGRESS_STAFF_ROLES,
    DISCIPLINE_ROLES,
    OFFICE_ROLE,
    RAISING_BODY_LABELS,
    RaisingBody,
    View,
    ensure_readable,
    status_counts,
)
from services.evaluation.rectification_clock import NoticeKind, due_day, notice_key
from services.evaluation.rectification_records import Assessment, FollowUp, Plan, Reopening, Report, Withdrawal
from services.evaluation.rectification_vocabulary import SOURCE_LABELS, UNIT_KIND_ROLES, Source, UnitKind
from services.evaluation.rectifications import (
    ITEM_STATES,
    ITEM_STATUS_LABELS,
    ItemAction,
    ItemStatus,
    RectificationItem,
)
from wulian.kit.principal import Principal


class ItemViewer(StrEnum):
    """In which capacity a caller looks at an item (the widest of its roles)."""

    RAISER = "raiser"  # the raising body: reads and decides
    SUPERVISOR = "supervisor"  # congress staff, discipline roles, the office for departments: reads
    UNIT = "unit"  # the responsible unit: reads, plans and reports
    COUNTS = "counts"
    NONE = "none"


_VIEWS: dict[ItemViewer, View] = {
    ItemViewer.RAISER: View.FULL,
    ItemViewer.SUPERVISOR: View.FULL,
    ItemViewer.UNIT: View.FULL,
    ItemViewer.COUNTS: View.COUNTS,
    ItemViewer.NONE: View.NONE,
}


def _supervises(principal: Principal, unit_kind: UnitKind) -> bool:
    if principal.has_any(*CONGRESS_STAFF_ROLES, *DISCIPLINE_ROLES):
        return True
    return OFFICE_ROLE in principal.roles and unit_kind is UnitKind.DEPARTMENT


def item_viewer(item: RectificationItem, principal: Principal) -> ItemViewer:
    if item.is_raiser(principal):
        return ItemViewer.RAISER
    if _supervises(principal, item.content.unit_kind):
        return ItemViewer.SUPERVISOR
    if item.is_unit(principal):
        return ItemViewer.UNIT
    if "platform_admin" in principal.roles:
        return ItemViewer.COUNTS
    return ItemViewer.NONE


_ACTORS: dict[ItemAction, Callable[[RectificationItem, Principal], bool]] = {
    ItemAction.EDIT: RectificationItem.is_raiser,
    ItemAction.WITHDRAW: RectificationItem.is_raiser,
    ItemAction.DECLARE_PLAN: RectificationItem.is_unit,
    ItemAction.REPORT: RectificationItem.is_unit,
    ItemAction.CLOSE_OUT: RectificationItem.is_raiser,
    ItemAction.ADD_FOLLOW_UP: RectificationItem.is_raiser,
}


def available_actions(item: RectificationItem, principal: Principal) -> tuple[ItemAction, ...]:
    """What ``principal`` may do with the item now (the console's buttons)."""
    allowed = ITEM_STATES.allowed
    return tuple(a for a in ItemAction if item.status in allowed[a] and _ACTORS[a](item, principal))


@dataclass(frozen=True, slots=True)
class ItemView:
    id: str
    source: Source
    source_label: str
    source_ref: str
    raising_body: RaisingBody
    raising_body_label: str
    raised_by: str
    raised_by_name: str
    raised_at: datetime
    unit: str
    unit_name: str
    unit_kind: UnitKind
    problem: str
    required_measures: str
    due_at: datetime
    due_on: date  # the Beijing day the due moment ends
    status: ItemStatus
    status_label: str
    was_overdue: bool  # the overdue notice was raised for the current due date
    plan: Plan | None
    plans: tuple[Plan, ...]
    reports: tuple[Report, ...]
    assessments: tuple[Assessment, ...]
    closing: Assessment | None
    reopenings: tuple[Reopening, ...]
    follow_ups: tuple[FollowUp, ...]
    withdrawal: Withdrawal | None
    viewer: ItemViewer
    actions: tuple[ItemAction, ...]


def item_view(item: RectificationItem, principal: Principal) -> ItemView:
    """The item as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    viewer = item_viewer(item, principal)
    ensure_readable(_VIEWS[viewer], message="未找到该整改事项")
    content = item.content
    return ItemView(
        id=item.id,
        source=item.source,
        source_label=SOURCE_LABELS[item.source],
        source_ref=item.source_ref,
        raising_body=item.raising_body,
        raising_body_label=RAISING_BODY_LABELS[item.raising_body],
        raised_by=item.raised_by,
        raised_by_name=item.raised_by_name,
        raised_at=item.raised_at,
        unit=content.unit,
        unit_name=content.unit_name,
        unit_kind=content.unit_kind,
        problem=content.problem,
        required_measures=content.required_measures,
        due_at=content.due_at,
        due_on=due_day(content.due_at),
        status=item.status,
        status_label=ITEM_STATUS_LABELS[item.status],
        was_overdue=notice_key(NoticeKind.OVERDUE, content.due_at) in item.raised_notices,
        plan=item.plan,
        plans=tuple(item.plans),
        reports=tuple(item.reports),
        assessments=tuple(item.assessments),
        closing=item.closing,
        reopenings=tuple(item.reopenings),
        follow_ups=tuple(item.follow_ups),
        withdrawal=item.withdrawal,
        viewer=viewer,
        actions=available_actions(item, principal),
    )


class ListScope(StrEnum):
    """Which items a caller's list holds (the widest scope of their roles)."""

    ALL = "all"  # congress staff and discipline roles
    DEPARTMENTS = "departments"  # the supervision office: every department's items
    OWN_UNIT = "own_unit"  # a department, court or procuratorate: its org_unit's items
    COUNTS = "counts"  # platform_admin: numbers per status, no rows
    NONE = "none"


def list_scope(principal: Principal) -> ListScope:
    if principal.has_any(*CONGRESS_STAFF_ROLES, *DISCIPLINE_ROLES):
        return ListScope.ALL
    if OFFICE_ROLE in principal.roles:
        return ListScope.DEPARTMENTS
    if principal.org_unit and principal.has_any(*UNIT_KIND_ROLES.values()):
        return ListScope.OWN_UNIT
    if "platform_admin" in principal.roles:
        return ListScope.COUNTS
    return ListScope.NONE


def in_list_scope(item: RectificationItem, principal: Principal, scope: ListScope) -> bool:
    """Whether ``item`` is a row of ``principal``'s list under ``scope`` (what a repository's filter says:
    the unit kinds of the departments scope; the org_unit, in the role of its kind, for the own-unit one)."""
    if scope is ListScope.ALL:
        return True
    if scope is ListScope.DEPARTMENTS:
        return item.content.unit_kind is UnitKind.DEPARTMENT
    if scope is ListScope.OWN_UNIT:
        return item.is_unit(principal)
    return False


def visible_items(items: Iterable[RectificationItem], principal: Principal) -> list[RectificationItem]:
    """The rows of ``principal``'s list (none for counts: see ``ledger_counts``)."""
    scope = list_scope(principal)
    return [item for item in items if in_list_scope(item, principal, scope)]


def ledger_counts(items: Iterable[RectificationItem]) -> dict[ItemStatus, int]:
    return status_counts(ItemStatus, (item.status for item in items))
