"""The events of a plan, published on ``wulian.consultation.plan.<name>``.

Events carry ids, numbers, kinds, dates and flags only: never a topic, a reason, a note or a name.

Who is told: the owner body's staff and the staff of the bodies the plan was sent to for opinions
(``consulted``); deputies too once a supervision plan is approved (they see it then: its approval, its
adjustments and the work linked to it). A proposal is between its proposer and the owner: its events go to
the owner's staff and the proposer only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.consultation.domain import DEPUTY_ROLE, Body, Event, body_audience
from services.consultation.plan_items import ItemSource
from services.consultation.plan_records import PlanKind, WorkKind
from wulian.kit.events.domain import subject


@dataclass(frozen=True, slots=True)
class PlanEvent(Event):
    """``consulted``: the bodies the plan had been sent to; ``approved``: the plan stood approved."""

    aggregate = "plan"
    plan_id: str
    occurred_at: datetime
    kind: PlanKind
    owner: Body
    consulted: tuple[str, ...]
    approved: bool

    @property
    def aggregate_id(self) -> str:
        return self.plan_id

    def audience(self) -> list[str]:
        told = body_audience(self.owner, *(Body(b) for b in self.consulted if b != self.owner))
        if self.approved and self.kind is PlanKind.SUPERVISION_PLAN:
            told.append(f"role:{DEPUTY_ROLE}")
        return list(dict.fromkeys(told))


@dataclass(frozen=True, slots=True)
class PlanCreated(PlanEvent):
    name = "created"
    year: int
    version: int
    items: int


@dataclass(frozen=True, slots=True)
class PlanChanged(PlanEvent):
    """A change of the items: the plan's new ``version``; ``adjustment`` when made after the approval."""

    version: int
    item_no: int
    adjustment: bool


@dataclass(frozen=True, slots=True)
class PlanItemAdded(PlanChanged):
    """``proposal_no``: the proposal the item was taken from, 0 when the owner added it."""

    name = "item_added"
    proposal_no: int


@dataclass(frozen=True, slots=True)
class PlanItemEdited(PlanChanged):
    name = "item_edited"


@dataclass(frozen=True, slots=True)
class PlanItemRemoved(PlanChanged):
    name = "item_removed"


@dataclass(frozen=True, slots=True)
class PlanSentForConsultation(PlanEvent):
    name = "sent_for_consultation"
    consultation_id: str
    version: int


@dataclass(frozen=True, slots=True)
class PlanApproved(PlanEvent):
    name = "approved"
    version: int


@dataclass(frozen=True, slots=True)
class ProposalEvent(PlanEvent):
    """About one proposal: told to the owner's staff and the proposer (``proposed_by``, a login)."""

    proposal_no: int
    proposed_by: str
    source: ItemSource

    def audience(self) -> list[str]:
        return list(dict.fromkeys([*body_audience(self.owner), *subject(self.proposed_by)]))


@dataclass(frozen=True, slots=True)
class ItemProposed(ProposalEvent):
    name = "item_proposed"


@dataclass(frozen=True, slots=True)
class ProposalAccepted(ProposalEvent):
    name = "proposal_accepted"
    item_no: int
    version: int


@dataclass(frozen=True, slots=True)
class ProposalDeclined(ProposalEvent):
    name = "proposal_declined"


@dataclass(frozen=True, slots=True)
class WorkLinkEvent(PlanEvent):
    """``ref``: the id of the work in its own link (an identifier, never words)."""

    link_no: int
    item_no: int
    work_kind: WorkKind
    ref: str


@dataclass(frozen=True, slots=True)
class WorkLinked(WorkLinkEvent):
    name = "work_linked"


@dataclass(frozen=True, slots=True)
class WorkUnlinked(WorkLinkEvent):
    name = "work_unlinked"
