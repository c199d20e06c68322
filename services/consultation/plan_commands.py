"""The commands of a plan (监督工作计划 or the commission's draft work report), plain and unchecked as the API
hands them over: the plan checks them. Enum values travel as their ``str`` value.

A reason (``reason``) is the change's note in the plan's history: optional while the plan is drafted or
consulted on, required once it is approved (年中调整, Luoyang: "规范项目调整程序").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ItemInput:
    """An item as entered: ``form`` a ``plan_items.Form``; ``lead`` the committee (or, in a work report, the
    department) that leads it; ``sources`` ``plan_items.ItemSource`` values; ``quarter`` (1–4) or ``month``
    (1–12) of the plan's year, at most one of them, neither for the whole year."""

    topic: str
    form: str
    lead: str
    sources: tuple[str, ...] = ()
    quarter: int | None = None
    month: int | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class CreatePlan:
    """Draft a plan of ``kind`` (a ``plans.PlanKind``) for ``year``; its first version holds ``items``."""

    kind: str
    year: int
    title: str
    items: tuple[ItemInput, ...] = ()


@dataclass(frozen=True, slots=True)
class AddItem:
    """Add an item; the plan takes a new version."""

    item: ItemInput
    reason: str = ""


@dataclass(frozen=True, slots=True)
class EditItem:
    """Change item ``item_no`` of the current version; the plan takes a new version."""

    item_no: int
    item: ItemInput
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RemoveItem:
    """Take item ``item_no`` out of the plan; its number is not given again."""

    item_no: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ProposeItem:
    """Propose an item to the owner of the plan, saying why (``reason``); the proposer's own source is added
    to ``item.sources``."""

    item: ItemInput
    reason: str


@dataclass(frozen=True, slots=True)
class AcceptProposal:
    """Take proposal ``proposal_no`` into the plan as it was proposed (edit it afterwards if need be)."""

    proposal_no: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class DeclineProposal:
    """Decline proposal ``proposal_no``, telling the proposer why."""

    proposal_no: int
    reason: str


@dataclass(frozen=True, slots=True)
class ApprovePlan:
    """Record the plan's approval: ``note`` says by whom and how (经主任会议审议，报市委同意); ``approved_on``
    the Beijing day it was given (today when not given; never in the future)."""

    note: str
    approved_on: date | None = None


@dataclass(frozen=True, slots=True)
class LinkWork:
    """Record that the work ``ref`` (an id in its own link: an appraisal campaign, a review batch, …) of
    ``kind`` (a ``plan_records.WorkKind``) was done for item ``item_no``. Without a title, the service takes
    the work's own name from the link that keeps it (``work_lookup``); ``other`` work needs one."""

    item_no: int
    kind: str
    ref: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class UnlinkWork:
    """Undo link ``link_no`` (linked by mistake), saying why."""

    link_no: int
    reason: str
