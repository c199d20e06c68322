"""Who sees what of a plan: the capacity in which a caller looks at it (``plan_viewer``), how much that is
(``plan_access``), the read model with the actions it offers (``plan_view``) and the counts (``plan_counts``).
Pure: no I/O.

- The owner body's staff see all of it: every item, version, proposal (with its proposer), the approval, the
  bodies and consultations it was sent to, and the work linked and unlinked.
- The bodies it was sent for opinions (their staff; for a work report the congress was consulted on, its
  deputies too) see its items, versions, approval and linked work — what they were asked about and what came
  of it — but of the proposals only their own.
- Those who may propose an item to it (``plan_states.proposer_source``: deputies, the other bodies' staff, the
  congress's committees) see its heading and their own proposals; once it is approved, its items, versions and
  linked work too (Luoyang: "项目确定实行全过程公开" — deputies see the approved supervision plan).
- ``platform_admin`` sees counts; departments, courts, procuratorates and experts nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from services.consultation.domain import (
    BODY_LABELS,
    Body,
    View,
    bodies_of,
    counts_only,
    ensure_readable,
    is_deputy,
    status_counts,
)
from services.consultation.plan_items import FORM_LABELS, SOURCE_LABELS, Form, ItemContent, ItemSource
from services.consultation.plan_records import (
    CHANGE_LABELS,
    PLAN_KIND_LABELS,
    PROPOSAL_STATUS_LABELS,
    Approval,
    Change,
    PlanKind,
    Proposal,
    ProposalDecision,
    ProposalStatus,
    Version,
    WorkLink,
)
from services.consultation.plan_states import PLAN_STATES, PLAN_STATUS_LABELS, PlanAction, PlanStatus
from services.consultation.plans import Plan
from wulian.kit.principal import Principal


class PlanViewer(StrEnum):
    """In which capacity a caller looks at a plan (the widest of its roles)."""

    OWNER = "owner"
    CONSULTED = "consulted"
    PROPOSER = "proposer"
    COUNTS = "counts"
    NONE = "none"


_VIEWS: dict[PlanViewer, View] = {
    PlanViewer.OWNER: View.FULL,
    PlanViewer.CONSULTED: View.LIMITED,
    PlanViewer.PROPOSER: View.LIMITED,
    PlanViewer.COUNTS: View.COUNTS,
    PlanViewer.NONE: View.NONE,
}


def was_consulted(plan: Plan, principal: Principal) -> bool:
    """Staff of a body the plan was sent to; a deputy when the congress was consulted on a work report."""
    if bodies_of(principal) & set(plan.consulted_bodies):
        return True
    congress_asked = plan.kind is PlanKind.WORK_REPORT and Body.CONGRESS in plan.consulted_bodies
    return congress_asked and is_deputy(principal)


def plan_viewer(plan: Plan, principal: Principal) -> PlanViewer:
    if plan.is_owner(principal):
        return PlanViewer.OWNER
    if was_consulted(plan, principal):
        return PlanViewer.CONSULTED
    if plan.may_propose(principal):
        return PlanViewer.PROPOSER
    if counts_only(principal):
        return PlanViewer.COUNTS
    return PlanViewer.NONE


def plan_access(principal: Principal, plan: Plan) -> View:
    return _VIEWS[plan_viewer(plan, principal)]


_ACTORS: dict[PlanAction, Callable[[Plan, Principal], bool]] = {
    **dict.fromkeys(PlanAction, Plan.is_owner),
    PlanAction.PROPOSE: Plan.may_propose,
}


def available_actions(plan: Plan, principal: Principal) -> tuple[PlanAction, ...]:
    """What ``principal`` may do with the plan now (the console's buttons)."""
    allowed = PLAN_STATES.allowed
    return tuple(a for a in PlanAction if plan.status in allowed[a] and _ACTORS[a](plan, principal))


@dataclass(frozen=True, slots=True)
class ItemView:
    """An item with its labels; ``links``: the work done for it (an item of an old version or a proposal
    shows none). A proposal's item has ``no`` 0 until it is accepted."""

    no: int
    topic: str
    form: Form
    form_label: str
    lead: str
    sources: tuple[ItemSource, ...]
    source_labels: tuple[str, ...]
    quarter: int | None
    month: int | None
    timing_label: str
    description: str
    links: tuple[WorkLink, ...] = ()


def item_view(no: int, content: ItemContent, links: tuple[WorkLink, ...] = ()) -> ItemView:
    return ItemView(
        no=no,
        topic=content.topic,
        form=content.form,
        form_label=FORM_LABELS[content.form],
        lead=content.lead,
        sources=content.sources,
        source_labels=tuple(SOURCE_LABELS[s] for s in content.sources),
        quarter=content.quarter,
        month=content.month,
        timing_label=content.timing_label,
        description=content.description,
        links=links,
    )


@dataclass(frozen=True, slots=True)
class VersionView:
    no: int
    change: Change
    change_label: str
    item_no: int | None
    proposal_no: int | None
    reason: str
    adjustment: bool
    by: str
    by_name: str
    at: datetime
    items: tuple[ItemView, ...]


def version_view(version: Version) -> VersionView:
    return VersionView(
        no=version.no,
        change=version.change,
        change_label=CHANGE_LABELS[version.change],
        item_no=version.item_no,
        proposal_no=version.proposal_no,
        reason=version.reason,
        adjustment=version.adjustment,
        by=version.by,
        by_name=version.by_name,
        at=version.at,
        items=tuple(item_view(i.no, i.content) for i in version.items),
    )


@dataclass(frozen=True, slots=True)
class ProposalView:
    no: int
    item: ItemView
    reason: str
    source: ItemSource
    source_label: str
    proposed_by: str
    proposed_by_name: str
    proposed_at: datetime
    status: ProposalStatus
    status_label: str
    decision: ProposalDecision | None


def proposal_view(proposal: Proposal) -> ProposalView:
    accepted_as = proposal.decision.item_no if proposal.decision and proposal.decision.item_no else 0
    return ProposalView(
        no=proposal.no,
        item=item_view(accepted_as, proposal.item),
        reason=proposal.reason,
        source=proposal.source,
        source_label=SOURCE_LABELS[proposal.source],
        proposed_by=proposal.proposed_by,
        proposed_by_name=proposal.proposed_by_name,
        proposed_at=proposal.proposed_at,
        status=proposal.status,
        status_label=PROPOSAL_STATUS_LABELS[proposal.status],
        decision=proposal.decision,
    )


@dataclass(frozen=True, slots=True)
class PlanView:
    """A plan as one caller sees it: ``items``, ``versions`` are empty for a proposer before the approval;
    ``proposals`` are the caller's own unless it is the owner's staff; ``consultation_ids`` and ``unlinked``
    (links undone) are the owner's only."""

    id: str
    kind: PlanKind
    kind_label: str
    owner: Body
    owner_label: str
    year: int
    title: str
    status: PlanStatus
    status_label: str
    version: int
    created_by: str
    created_by_name: str
    created_at: datetime
    items: tuple[ItemView, ...]
    versions: tuple[VersionView, ...]
    proposals: tuple[ProposalView, ...]
    approval: Approval | None
    consulted_bodies: tuple[Body, ...]
    consulted_labels: tuple[str, ...]
    consultation_ids: tuple[str, ...]
    unlinked: tuple[WorkLink, ...]
    viewer: PlanViewer
    actions: tuple[PlanAction, ...]


def plan_view(plan: Plan, principal: Principal) -> PlanView:
    """The plan as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    viewer = plan_viewer(plan, principal)
    ensure_readable(_VIEWS[viewer], message="未找到该计划")
    owner = viewer is PlanViewer.OWNER
    contents = owner or viewer is PlanViewer.CONSULTED or plan.status is PlanStatus.APPROVED
    proposals = [p for p in plan.proposals if owner or p.proposed_by == principal.subject]
    return PlanView(
        id=plan.id,
        kind=plan.kind,
        kind_label=PLAN_KIND_LABELS[plan.kind],
        owner=plan.owner,
        owner_label=BODY_LABELS[plan.owner],
        year=plan.year,
        title=plan.title,
        status=plan.status,
        status_label=PLAN_STATUS_LABELS[plan.status],
        version=plan.version,
        created_by=plan.created_by,
        created_by_name=plan.created_by_name,
        created_at=plan.created_at,
        items=tuple(item_view(i.no, i.content, plan.links_of(i.no)) for i in plan.items) if contents else (),
        versions=tuple(version_view(v) for v in plan.versions) if contents else (),
        proposals=tuple(proposal_view(p) for p in proposals),
        approval=plan.approval,
        consulted_bodies=tuple(plan.consulted_bodies),
        consulted_labels=tuple(BODY_LABELS[b] for b in plan.consulted_bodies),
        consultation_ids=tuple(plan.consultation_ids) if owner else (),
        unlinked=tuple(link for link in plan.links if not link.active) if owner else (),
        viewer=viewer,
        actions=available_actions(plan, principal),
    )


def plan_counts(plans: Iterable[Plan]) -> dict[PlanStatus, int]:
    """What ``platform_admin`` sees of the plans: how many of each status."""
    return status_counts(PlanStatus, (plan.status for plan in plans))
