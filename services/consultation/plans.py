"""监督工作计划 — the congress's yearly supervision plan, or the discipline commission's draft work report: its
items, every version of them, the items others propose, its approval and the work each item produced. Pure:
no I/O.

Luoyang (seed 000) tells how a plan is built: committees propose items from many sources, the clerks gather
them, the plan is reviewed level by level and approved (报市委同意), and adjusted during the year by a set
procedure. Huangshi (seed 004): the congress asks the discipline commission for opinions on its plan, and the
commission asks the congress's leadership and deputies for opinions on its draft work report.

Owner. A plan of kind ``supervision_plan`` belongs to the congress, a ``work_report`` to the discipline
commission (``PLAN_OWNERS``); the owner body's staff (``domain.BODY_STAFF``) draft it, change its items,
decide on proposals, send it for opinions (``consultations``), record its approval and link work to it.

Life of a plan (``plan_states.PLAN_STATES``): drafting → consulting (once a consultation is opened) →
approved. Items change in every status, after the approval as in-year adjustments; items are proposed before
the approval; work is linked after it.

Versions. Version 1 is the list of items the plan was created with (possibly none); every change of the items
— an item added, edited, removed, or a proposal accepted — makes the next version, which holds the whole list
as it then stood, what changed, who changed it, when and why. Every version is kept. The reason is optional
before the approval and required after it: a change of an approved plan is an in-year adjustment. An item's
``no`` is given when it is first added and never changes nor is given again, so a removed item's number is never
reused and an item added again gets a new one. An edit that changes nothing is refused; two items of one
version never share a topic; an item that has work linked to it cannot be removed until the links are undone.

Proposals. While the plan is drafted or consulted on, those outside the owner's staff who take part may
propose an item (``proposer_source``): deputies; the staff of the other bodies (for the work report, the
congress's leaders as its leadership and its other staff as its committees); for the supervision plan also
the congress's committees, who propose as Luoyang's committees do for the clerks to gather (as staff they may
also add an item directly). The owner accepts a pending proposal — the item, as proposed, enters a new version
that names the proposal — or declines it with a reason; each proposal is decided once.

Work done. Once approved, the owner links an item to the work it produced in another link (an appraisal
campaign, a case-review batch, a livelihood project, a ballot session, …), by the work's id there; the plan
shows under each item what was done. A link made by mistake is undone with a reason, its record kept.

Who sees what: ``plan_views``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from services.consultation.domain import (
    LIST_MAX,
    TEXT_MAX,
    TITLE_MAX,
    YEARS,
    Body,
    acts_for,
    as_utc,
    beijing_date,
    bodies_of,
    require_body,
)
from services.consultation.plan_commands import (
    AcceptProposal,
    AddItem,
    ApprovePlan,
    CreatePlan,
    DeclineProposal,
    EditItem,
    LinkWork,
    ProposeItem,
    RemoveItem,
    UnlinkWork,
)
from services.consultation.plan_events import (
    ItemProposed,
    PlanApproved,
    PlanCreated,
    PlanEvent,
    PlanItemAdded,
    PlanItemEdited,
    PlanItemRemoved,
    PlanSentForConsultation,
    ProposalAccepted,
    ProposalDeclined,
    WorkLinked,
    WorkUnlinked,
)
from services.consultation.plan_items import (
    PlanItem,
    content_from,
    topic_key,
    whole_number,
)
from services.consultation.plan_records import (
    PLAN_KIND_LABELS,
    PLAN_OWNERS,
    WORK_REF,
    Approval,
    Change,
    PlanKind,
    Proposal,
    ProposalDecision,
    ProposalStatus,
    Unlinking,
    Version,
    WorkKind,
    WorkLink,
)
from services.consultation.plan_states import (
    OWNER_STAFF_NAMES,
    PLAN_STATES,
    PlanAction,
    PlanStatus,
    proposer_source,
)
from wulian.kit.errors import Conflict, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

VERSIONS_MAX = 500
PROPOSALS_MAX = 500
LINKS_MAX = 500
NUMBERS = (1, 1_000_000)  # item, proposal and link numbers as a caller may name them


@dataclass(eq=False)
class Plan:
    """A plan. Its methods check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``, every problem at once), in that order, and record events."""

    id: str
    kind: PlanKind
    owner: Body
    year: int
    title: str
    created_by: str
    created_by_name: str
    created_at: datetime
    versions: list[Version]
    status: PlanStatus = PlanStatus.DRAFTING
    proposals: list[Proposal] = field(default_factory=list)
    links: list[WorkLink] = field(default_factory=list)
    consulted_bodies: list[Body] = field(default_factory=list)
    consultation_ids: list[str] = field(default_factory=list)
    approval: Approval | None = None
    events: list[PlanEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, plan_id: str, principal: Principal, command: CreatePlan, now: datetime) -> Plan:
        now = as_utc(now)
        problems = Problems()
        kind = problems.choice("kind", command.kind, PlanKind, "计划类别")
        if kind is not None:
            owner = PLAN_OWNERS[kind]
            require_body(principal, owner, message=f"只有{OWNER_STAFF_NAMES[owner]}可以起草{PLAN_KIND_LABELS[kind]}")
        elif not bodies_of(principal) & set(PLAN_OWNERS.values()):
            raise PermissionDenied("只有人大常委会或纪委监委的工作人员可以起草计划")
        year = whole_number(problems, "year", command.year, YEARS, "计划年度")
        title = problems.text("title", command.title, "计划名称", limit=TITLE_MAX)
        if len(command.items) > LIST_MAX:
            problems.add("items", f"计划项目不能超过 {LIST_MAX} 项")
        items: list[PlanItem] = []
        for i, given in enumerate(command.items[:LIST_MAX]):
            content = content_from(given, problems, prefix=f"items[{i}]")
            if content is not None and _same_topic(items, content.topic):
                problems.add(f"items[{i}].topic", f"项目“{content.topic}”重复")
            elif content is not None:
                items.append(PlanItem(len(items) + 1, content))
        problems.raise_if_any("计划未通过校验")
        assert kind is not None and year is not None
        first = Version(1, tuple(items), Change.CREATED, None, None, "", False, principal.subject, principal.name, now)
        plan = cls(plan_id, kind, PLAN_OWNERS[kind], year, title, principal.subject, principal.name, now, [first])
        plan.events.append(PlanCreated(*plan._ids(now), year, 1, len(items)))
        return plan

    # --- the items: every change a version ----------------------------------------------------------------

    def add_item(self, principal: Principal, command: AddItem, now: datetime) -> PlanItem:
        now = self._ensure(PlanAction.ADD_ITEM, principal, now, "增加计划项目")
        self._ensure_versions()
        problems = Problems()
        content = content_from(command.item, problems, prefix="item")
        reason = self._reason(problems, command.reason)
        self._check_room(problems, "item")
        if content is not None:
            self._check_unique(problems, "item.topic", content.topic)
        problems.raise_if_any("计划项目未通过校验")
        assert content is not None
        item = PlanItem(self.next_item_no, content)
        self._change((*self.items, item), Change.ITEM_ADDED, item.no, reason, principal, now)
        self.events.append(PlanItemAdded(*self._ids(now), self.version, item.no, self._adjusting, 0))
        return item

    def edit_item(self, principal: Principal, command: EditItem, now: datetime) -> PlanItem:
        now = self._ensure(PlanAction.EDIT_ITEM, principal, now, "修改计划项目")
        self._ensure_versions()
        problems = Problems()
        current = self._current_item(problems, "item_no", command.item_no)
        content = content_from(command.item, problems, prefix="item")
        reason = self._reason(problems, command.reason)
        if current is not None and content is not None:
            if content == current.content:
                problems.add("item", "项目内容没有变化")
            self._check_unique(problems, "item.topic", content.topic, besides=current.no)
        problems.raise_if_any("计划项目未通过校验")
        assert current is not None and content is not None
        item = PlanItem(current.no, content)
        items = tuple(item if i.no == current.no else i for i in self.items)
        self._change(items, Change.ITEM_EDITED, item.no, reason, principal, now)
        self.events.append(PlanItemEdited(*self._ids(now), self.version, item.no, self._adjusting))
        return item

    def remove_item(self, principal: Principal, command: RemoveItem, now: datetime) -> None:
        now = self._ensure(PlanAction.REMOVE_ITEM, principal, now, "删除计划项目")
        self._ensure_versions()
        problems = Problems()
        current = self._current_item(problems, "item_no", command.item_no)
        reason = self._reason(problems, command.reason)
        problems.raise_if_any("删除计划项目未通过校验")
        assert current is not None
        if self.links_of(current.no):
            raise Conflict(f"第 {current.no} 项已关联工作成果，请先取消关联再删除")
        items = tuple(i for i in self.items if i.no != current.no)
        self._change(items, Change.ITEM_REMOVED, current.no, reason, principal, now)
        self.events.append(PlanItemRemoved(*self._ids(now), self.version, current.no, self._adjusting))

    # --- proposals ------------------------------------------------------------------------------------------

    def propose_item(self, principal: Principal, command: ProposeItem, now: datetime) -> Proposal:
        PLAN_STATES.ensure(PlanAction.PROPOSE, self.status)
        now = as_utc(now)
        source = proposer_source(self.owner, principal)
        if source is None:
            raise PermissionDenied(f"您无权向该{PLAN_KIND_LABELS[self.kind]}提出项目建议")
        if len(self.proposals) >= PROPOSALS_MAX:
            raise Conflict(f"该计划的项目建议已达 {PROPOSALS_MAX} 条")
        problems = Problems()
        content = content_from(command.item, problems, prefix="item", own_source=source)
        reason = problems.text("reason", command.reason, "建议理由", limit=TEXT_MAX)
        if content is not None:
            self._check_unique(problems, "item.topic", content.topic)
        problems.raise_if_any("项目建议未通过校验")
        assert content is not None
        proposal = Proposal(len(self.proposals) + 1, content, reason, source, principal.subject, principal.name, now)
        self.proposals.append(proposal)
        self.events.append(ItemProposed(*self._ids(now), proposal.no, principal.subject, source))
        return proposal

    def accept_proposal(self, principal: Principal, command: AcceptProposal, now: datetime) -> PlanItem:
        """The proposed item enters a new version as proposed; after the approval that is an adjustment."""
        now = self._ensure(PlanAction.ACCEPT_PROPOSAL, principal, now, "采纳项目建议")
        self._ensure_versions()
        problems = Problems()
        proposal = self._pending_proposal(problems, command.proposal_no)
        reason = self._reason(problems, command.reason)
        self._check_room(problems, "proposal_no")
        if proposal is not None:
            self._check_unique(problems, "proposal_no", proposal.item.topic)
        problems.raise_if_any("采纳项目建议未通过校验")
        assert proposal is not None
        item = PlanItem(self.next_item_no, proposal.item)
        self._change((*self.items, item), Change.PROPOSAL_ACCEPTED, item.no, reason, principal, now, proposal.no)
        decision = ProposalDecision(reason, principal.subject, principal.name, now, item.no, self.version)
        self._decide(proposal, ProposalStatus.ACCEPTED, decision)
        self.events.append(PlanItemAdded(*self._ids(now), self.version, item.no, self._adjusting, proposal.no))
        ids = (*self._ids(now), proposal.no, proposal.proposed_by, proposal.source)
        self.events.append(ProposalAccepted(*ids, item.no, self.version))
        return item

    def decline_proposal(self, principal: Principal, command: DeclineProposal, now: datetime) -> None:
        now = self._ensure(PlanAction.DECLINE_PROPOSAL, principal, now, "研究项目建议")
        problems = Problems()
        proposal = self._pending_proposal(problems, command.proposal_no)
        reason = problems.text("reason", command.reason, "不予采纳的理由", limit=TEXT_MAX)
        problems.raise_if_any("不予采纳项目建议未通过校验")
        assert proposal is not None
        decision = ProposalDecision(reason, principal.subject, principal.name, now)
        self._decide(proposal, ProposalStatus.DECLINED, decision)
        self.events.append(ProposalDeclined(*self._ids(now), proposal.no, proposal.proposed_by, proposal.source))

    # --- consultation and approval --------------------------------------------------------------------------

    def record_consultation(self, consultation_id: str, version: int, bodies: tuple[Body, ...], now: datetime) -> None:
        """A consultation on ``version`` was opened (``Consultation.create`` checked who and what): the plan is
        now being consulted on, and ``bodies`` see it. Recording the same consultation again does nothing."""
        PLAN_STATES.ensure(PlanAction.CONSULT, self.status)
        now = as_utc(now)
        if consultation_id in self.consultation_ids:
            return
        self.consultation_ids.append(consultation_id)
        self.consulted_bodies.extend(b for b in bodies if b not in self.consulted_bodies and b is not self.owner)
        self.status = PlanStatus.CONSULTING
        self.events.append(PlanSentForConsultation(*self._ids(now), consultation_id, version))

    def approve(self, principal: Principal, command: ApprovePlan, now: datetime) -> Approval:
        now = self._ensure(PlanAction.APPROVE, principal, now, "登记计划的批准")
        if not self.items:
            raise Conflict("该计划尚无项目，不能批准")
        problems = Problems()
        note = problems.text("note", command.note, "批准情况", limit=TEXT_MAX)
        today = beijing_date(now)
        approved_on = command.approved_on or today
        if approved_on > today:
            problems.add("approved_on", "批准日期不能晚于今天")
        problems.raise_if_any("批准情况未通过校验")
        self.approval = Approval(self.version, note, approved_on, principal.subject, principal.name, now)
        self.status = PlanStatus.APPROVED
        self.events.append(PlanApproved(*self._ids(now), self.version))
        return self.approval

    # --- what each item produced ----------------------------------------------------------------------------

    def ensure_may_link_work(self, principal: Principal, now: datetime) -> None:
        """Whether ``principal`` may link work to this plan now (its state, its owner's staff), asked before
        the work is looked up in its own link: a caller who may not link learns nothing about the work."""
        self._ensure(PlanAction.LINK_WORK, principal, now, "关联工作成果")

    def link_work(self, principal: Principal, command: LinkWork, now: datetime) -> WorkLink:
        now = self._ensure(PlanAction.LINK_WORK, principal, now, "关联工作成果")
        if len(self.links) >= LINKS_MAX:
            raise Conflict(f"该计划关联的工作成果已达 {LINKS_MAX} 项")
        problems = Problems()
        item = self._current_item(problems, "item_no", command.item_no)
        kind = problems.choice("kind", command.kind, WorkKind, "工作成果类别")
        ref = command.ref.strip()
        if not WORK_REF.fullmatch(ref):
            problems.add("ref", "工作成果编号须为字母、数字或 . _ : / # -，不超过 64 位")
        title = problems.text("title", command.title, "工作成果名称", limit=TITLE_MAX)
        problems.raise_if_any("关联工作成果未通过校验")
        assert item is not None and kind is not None
        if any(link.kind is kind and link.ref == ref for link in self.links_of(item.no)):
            raise Conflict(f"第 {item.no} 项已关联该工作成果")
        link = WorkLink(len(self.links) + 1, item.no, kind, ref, title, principal.subject, principal.name, now)
        self.links.append(link)
        self.events.append(WorkLinked(*self._ids(now), link.no, item.no, kind, ref))
        return link

    def unlink_work(self, principal: Principal, command: UnlinkWork, now: datetime) -> None:
        now = self._ensure(PlanAction.UNLINK_WORK, principal, now, "取消关联工作成果")
        problems = Problems()
        link_no = whole_number(problems, "link_no", command.link_no, NUMBERS, "关联序号")
        link = self.links[link_no - 1] if link_no is not None and link_no <= len(self.links) else None
        if link_no is not None and link is None:
            problems.add("link_no", f"没有第 {link_no} 项关联")
        reason = problems.text("reason", command.reason, "取消关联的理由", limit=TEXT_MAX)
        problems.raise_if_any("取消关联未通过校验")
        assert link is not None
        if not link.active:
            raise Conflict("该关联已取消")
        self.links[link.no - 1] = replace(link, unlinking=Unlinking(reason, principal.subject, now))
        self.events.append(WorkUnlinked(*self._ids(now), link.no, link.item_no, link.kind, link.ref))

    # --- queries ------------------------------------------------------------------------------------------

    @property
    def items(self) -> tuple[PlanItem, ...]:
        """The items of the current version."""
        return self.versions[-1].items

    @property
    def version(self) -> int:
        return self.versions[-1].no

    @property
    def next_item_no(self) -> int:
        """The next number never given in any version."""
        return max((i.no for v in self.versions for i in v.items), default=0) + 1

    def version_no(self, no: int) -> Version | None:
        return self.versions[no - 1] if 1 <= no <= len(self.versions) else None

    def item(self, no: int) -> PlanItem | None:
        return next((i for i in self.items if i.no == no), None)

    def links_of(self, item_no: int) -> tuple[WorkLink, ...]:
        """The work linked to ``item_no`` and not unlinked."""
        return tuple(link for link in self.links if link.item_no == item_no and link.active)

    def is_owner(self, principal: Principal) -> bool:
        return acts_for(principal, self.owner)

    def may_propose(self, principal: Principal) -> bool:
        return proposer_source(self.owner, principal) is not None

    # --- helpers ------------------------------------------------------------------------------------------

    @property
    def _adjusting(self) -> bool:
        return self.status is PlanStatus.APPROVED

    def _ids(self, now: datetime) -> tuple[str, datetime, PlanKind, Body, tuple[str, ...], bool]:
        consulted = tuple(b.value for b in self.consulted_bodies)
        return self.id, now, self.kind, self.owner, consulted, self.status is PlanStatus.APPROVED

    def _ensure(self, action: PlanAction, principal: Principal, now: datetime, verb: str) -> datetime:
        """State, then actor (the owner's staff): the moment in UTC."""
        PLAN_STATES.ensure(action, self.status)
        moment = as_utc(now)
        if not self.is_owner(principal):
            raise PermissionDenied(f"只有{OWNER_STAFF_NAMES[self.owner]}可以{verb}")
        return moment

    def _reason(self, problems: Problems, value: str) -> str:
        """Optional before the approval; the reason of an in-year adjustment after it."""
        if self._adjusting:
            return problems.text("reason", value, "调整理由", limit=TEXT_MAX)
        return problems.text("reason", value, "修改说明", required=False, limit=TEXT_MAX)

    def _ensure_versions(self) -> None:
        if len(self.versions) >= VERSIONS_MAX:
            raise Conflict(f"该计划已有 {VERSIONS_MAX} 个版本，不能再修改")

    def _check_room(self, problems: Problems, where: str) -> None:
        if len(self.items) >= LIST_MAX:
            problems.add(where, f"计划项目不能超过 {LIST_MAX} 项")

    def _check_unique(self, problems: Problems, where: str, topic: str, besides: int | None = None) -> None:
        if _same_topic([i for i in self.items if i.no != besides], topic):
            problems.add(where, f"计划中已有项目“{topic}”")

    def _current_item(self, problems: Problems, where: str, value: int) -> PlanItem | None:
        no = whole_number(problems, where, value, NUMBERS, "项目序号")
        item = self.item(no) if no is not None else None
        if no is not None and item is None:
            problems.add(where, f"当前版本中没有第 {no} 项")
        return item

    def _pending_proposal(self, problems: Problems, value: int) -> Proposal | None:
        no = whole_number(problems, "proposal_no", value, NUMBERS, "建议序号")
        if no is None:
            return None
        if no > len(self.proposals):
            problems.add("proposal_no", f"没有第 {no} 条项目建议")
            return None
        proposal = self.proposals[no - 1]
        if proposal.status is not ProposalStatus.PENDING:
            raise Conflict(f"第 {no} 条项目建议已经研究处理")
        return proposal

    def _decide(self, proposal: Proposal, status: ProposalStatus, decision: ProposalDecision) -> None:
        self.proposals[proposal.no - 1] = replace(proposal, status=status, decision=decision)

    def _change(
        self,
        items: tuple[PlanItem, ...],
        change: Change,
        item_no: int,
        reason: str,
        principal: Principal,
        now: datetime,
        proposal_no: int | None = None,
    ) -> None:
        version = Version(
            self.version + 1, items, change, item_no, proposal_no, reason, self._adjusting,
            principal.subject, principal.name, now,
        )  # fmt: skip
        self.versions.append(version)


def _same_topic(items: list[PlanItem] | tuple[PlanItem, ...], topic: str) -> bool:
    key = topic_key(topic)
    return any(topic_key(i.content.topic) == key for i in items)
