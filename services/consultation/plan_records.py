"""The records a plan keeps: its kinds, its versions, the proposals of items, its approval, and the links from
an item to the work it produced in the other links. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from services.consultation.domain import ID_MAX, Body
from services.consultation.plan_items import ItemContent, ItemSource, PlanItem


class PlanKind(StrEnum):
    SUPERVISION_PLAN = "supervision_plan"  # the congress's yearly supervision plan
    WORK_REPORT = "work_report"  # the discipline commission's draft work report (全会工作报告)


PLAN_KIND_LABELS: dict[PlanKind, str] = {
    PlanKind.SUPERVISION_PLAN: "监督工作计划",
    PlanKind.WORK_REPORT: "工作报告",
}
# Who drafts each kind of plan, changes its items and decides on what is proposed and said about it.
PLAN_OWNERS: dict[PlanKind, Body] = {
    PlanKind.SUPERVISION_PLAN: Body.CONGRESS,
    PlanKind.WORK_REPORT: Body.DISCIPLINE,
}


class Change(StrEnum):
    """What made a version."""

    CREATED = "created"
    ITEM_ADDED = "item_added"
    ITEM_EDITED = "item_edited"
    ITEM_REMOVED = "item_removed"
    PROPOSAL_ACCEPTED = "proposal_accepted"


CHANGE_LABELS: dict[Change, str] = {
    Change.CREATED: "起草",
    Change.ITEM_ADDED: "增加项目",
    Change.ITEM_EDITED: "修改项目",
    Change.ITEM_REMOVED: "删除项目",
    Change.PROPOSAL_ACCEPTED: "采纳项目建议",
}


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the plan: the whole list of items as it stood after the change, what changed, who
    changed it and why. ``adjustment``: made after the approval (年中调整), so ``reason`` is never empty."""

    no: int
    items: tuple[PlanItem, ...]
    change: Change
    item_no: int | None
    proposal_no: int | None
    reason: str
    adjustment: bool
    by: str
    by_name: str
    at: datetime


class ProposalStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


PROPOSAL_STATUS_LABELS: dict[ProposalStatus, str] = {
    ProposalStatus.PENDING: "待研究",
    ProposalStatus.ACCEPTED: "已采纳",
    ProposalStatus.DECLINED: "未采纳",
}


@dataclass(frozen=True, slots=True)
class ProposalDecision:
    """The owner's answer to a proposal: accepted into ``item_no`` by ``version``, or declined for ``reason``."""

    reason: str
    by: str
    by_name: str
    at: datetime
    item_no: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """An item proposed to the plan's owner. ``source`` says as whom (a committee, a deputy, the discipline
    commission, …): the proposer's body or role."""

    no: int
    item: ItemContent
    reason: str
    source: ItemSource
    proposed_by: str
    proposed_by_name: str
    proposed_at: datetime
    status: ProposalStatus = ProposalStatus.PENDING
    decision: ProposalDecision | None = None


@dataclass(frozen=True, slots=True)
class Approval:
    """The approval of the plan: of which version, by whom and how (``note``), on which Beijing day, and
    who recorded it when."""

    version: int
    note: str
    approved_on: date
    by: str
    by_name: str
    at: datetime


class WorkKind(StrEnum):
    """The work in another link that an item produced."""

    APPRAISAL = "appraisal"
    REVIEW_BATCH = "review_batch"
    PROJECT = "project"
    BALLOT_SESSION = "ballot_session"
    OTHER = "other"


WORK_KIND_LABELS: dict[WorkKind, str] = {
    WorkKind.APPRAISAL: "工作评议",
    WorkKind.REVIEW_BATCH: "案件质量评查",
    WorkKind.PROJECT: "民生实事项目",
    WorkKind.BALLOT_SESSION: "满意度测评",
    WorkKind.OTHER: "其他",
}
# An identifier only: it travels in events, so no free text gets in through it.
WORK_REF = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._:/#-]{{0,{ID_MAX - 1}}}")


@dataclass(frozen=True, slots=True)
class Unlinking:
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True, slots=True)
class WorkLink:
    """The work ``ref`` of ``kind`` done for item ``item_no``: what the plan shows as done. An undone link
    keeps its record with the ``unlinking``."""

    no: int
    item_no: int
    kind: WorkKind
    ref: str
    title: str
    by: str
    by_name: str
    at: datetime
    unlinking: Unlinking | None = None

    @property
    def active(self) -> bool:
        return self.unlinking is None
