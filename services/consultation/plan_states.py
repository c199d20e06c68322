"""The states of a plan and who takes part in it: its status, the actions each status allows, the words
that refuse the others, and who may propose an item to it. Pure: no I/O.

Life of a plan (``PLAN_STATES``)::

    action \\ state                      drafting      consulting     approved
    add / edit / remove an item          drafting      consulting     approved (年中调整: reason required)
    propose an item                      drafting      consulting     -
    accept / decline a proposal          drafting      consulting     approved (accepting: reason required)
    consult (a consultation is opened)   consulting    consulting     -
    approve                              approved      approved       -
    link / unlink work                   -             -              approved
"""

from __future__ import annotations

from enum import StrEnum

from services.consultation.domain import Body, StateTable, bodies_of, is_deputy
from services.consultation.plan_items import ItemSource
from wulian.kit.principal import Principal


class PlanStatus(StrEnum):
    DRAFTING = "drafting"
    CONSULTING = "consulting"
    APPROVED = "approved"


PLAN_STATUS_LABELS: dict[PlanStatus, str] = {
    PlanStatus.DRAFTING: "起草中",
    PlanStatus.CONSULTING: "征求意见中",
    PlanStatus.APPROVED: "已批准",
}


class PlanAction(StrEnum):
    ADD_ITEM = "add_item"
    EDIT_ITEM = "edit_item"
    REMOVE_ITEM = "remove_item"
    PROPOSE = "propose"
    ACCEPT_PROPOSAL = "accept_proposal"
    DECLINE_PROPOSAL = "decline_proposal"
    CONSULT = "consult"
    APPROVE = "approve"
    LINK_WORK = "link_work"
    UNLINK_WORK = "unlink_work"


_ANY = frozenset(PlanStatus)
_BEFORE_APPROVAL = frozenset({PlanStatus.DRAFTING, PlanStatus.CONSULTING})
_APPROVED = frozenset({PlanStatus.APPROVED})
PLAN_STATES: StateTable[PlanStatus, PlanAction] = StateTable(
    allowed={
        PlanAction.ADD_ITEM: _ANY,
        PlanAction.EDIT_ITEM: _ANY,
        PlanAction.REMOVE_ITEM: _ANY,
        PlanAction.PROPOSE: _BEFORE_APPROVAL,
        PlanAction.ACCEPT_PROPOSAL: _ANY,
        PlanAction.DECLINE_PROPOSAL: _ANY,
        PlanAction.CONSULT: _BEFORE_APPROVAL,
        PlanAction.APPROVE: _BEFORE_APPROVAL,
        PlanAction.LINK_WORK: _APPROVED,
        PlanAction.UNLINK_WORK: _APPROVED,
    },
    phrases={
        PlanStatus.DRAFTING: "该计划正在起草",
        PlanStatus.CONSULTING: "该计划正在征求意见",
        PlanStatus.APPROVED: "该计划已批准",
    },
    action_labels={
        PlanAction.ADD_ITEM: "增加项目",
        PlanAction.EDIT_ITEM: "修改项目",
        PlanAction.REMOVE_ITEM: "删除项目",
        PlanAction.PROPOSE: "提出项目建议",
        PlanAction.ACCEPT_PROPOSAL: "采纳项目建议",
        PlanAction.DECLINE_PROPOSAL: "不采纳项目建议",
        PlanAction.CONSULT: "征求意见",
        PlanAction.APPROVE: "批准",
        PlanAction.LINK_WORK: "关联工作成果",
        PlanAction.UNLINK_WORK: "取消关联工作成果",
    },
)


def proposer_source(owner: Body, principal: Principal) -> ItemSource | None:
    """As whom ``principal`` may propose an item to a plan that ``owner`` owns; None when it may not."""
    if owner is Body.CONGRESS and "congress_committee" in principal.roles:
        return ItemSource.COMMITTEE
    if is_deputy(principal):
        return ItemSource.DEPUTIES
    others = bodies_of(principal) - {owner}
    if Body.CONGRESS in others:
        return ItemSource.LEADERSHIP if "congress_leader" in principal.roles else ItemSource.COMMITTEE
    if Body.DISCIPLINE in others:
        return ItemSource.DISCIPLINE
    if Body.GOVERNMENT in others:
        return ItemSource.GOVERNMENT
    return None


OWNER_STAFF_NAMES: dict[Body, str] = {
    Body.CONGRESS: "人大常委会工作人员",
    Body.DISCIPLINE: "纪委监委工作人员",
    Body.GOVERNMENT: "市政府工作人员",
}
