"""监督工作计划 and 征求意见 routes: the congress's yearly supervision plan (or the commission's draft work report)
— its items, the items others propose, its approval, in-year adjustments and links to the work done — the
consultations on it and the opinions given, with the asking body's adoption of each.

They translate HTTP ⇄ gRPC and nothing more; the consultation service decides who sees and does what (the
owner's staff see the whole plan, a consulted body what it was asked about, a proposer its own proposals and,
once approved, the plan; other consulted bodies never each other's opinions; ``platform_admin`` counts) and
answers with the object as its caller may see it, which goes out unchanged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.gateway.deps import CallerDep, ConsultationDep
from services.gateway.routes.common import (
    IdFilter,
    PageSize,
    PageToken,
    command,
    document_response,
    list_request,
    list_response,
)
from services.gateway.routes.consultation_common import (
    ConsultationId,
    ItemNo,
    LinkNo,
    OpinionId,
    PlanId,
    ProposalNo,
    YearFilter,
)
from services.gateway.schemas_consultation import (
    AcceptProposal,
    AddItem,
    ApprovePlan,
    BodyName,
    CloseConsultation,
    ConsultationStatus,
    CreatePlan,
    DeclineProposal,
    EditItem,
    GiveOpinion,
    LinkWork,
    OpenConsultation,
    OpinionStatus,
    PlanKind,
    PlanStatus,
    ProposeItem,
    RecordAdoption,
    RemoveItem,
    UnlinkWork,
)
from wulian.consultation.v1 import consultation_pb2 as pb

router = APIRouter(tags=["consultation 监督事项联商：监督工作计划与征求意见"])

# --- supervision plans (监督工作计划) ------------------------------------------------------------------------


@router.post("/plans", status_code=201, response_model=None, summary="起草监督工作计划或工作报告（征求意见稿）")
async def create_plan(body: CreatePlan, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：起草中的计划（第 1 版）。监督工作计划由人大常委会工作人员起草，工作报告由纪委监委工作人员起草。"""
    return document_response(
        await stub.CreatePlan(command(pb.CreatePlan, body, into=""), metadata=caller.metadata), 201
    )


@router.get("/plans", response_model=None, summary="监督工作计划列表")
async def list_plans(
    caller: CallerDep,
    stub: ConsultationDep,
    year: YearFilter = None,
    kind: Annotated[PlanKind | None, Query(description="计划类别")] = None,
    owner: Annotated[BodyName | None, Query(description="制定机关")] = None,
    status: Annotated[PlanStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：调用者可见的计划 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(pb.ListRequest, page_size, page_token, year=year, kind=kind, owner=owner, status=status)
    return list_response(await stub.ListPlans(request, metadata=caller.metadata))


@router.get("/plans/{plan_id}", response_model=None, summary="监督工作计划详情（含各版本）")
async def get_plan(plan_id: PlanId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：计划，按调用者可见范围：制定机关见全部；被征求意见的机关见项目、各版本和批准情况；提出建议者见本人
    的建议，计划批准后见项目和各版本；以及调用者此时可做的操作（actions）。"""
    return document_response(await stub.GetPlan(pb.Ref(id=plan_id), metadata=caller.metadata))


@router.post("/plans/{plan_id}/items", status_code=201, response_model=None, summary="增加计划项目（形成新版本）")
async def add_plan_item(plan_id: PlanId, body: AddItem, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：新版本的计划；计划批准后为年中调整，须说明理由。"""
    request = command(pb.AddItemRequest, body, id=plan_id)
    return document_response(await stub.AddPlanItem(request, metadata=caller.metadata), 201)


@router.patch("/plans/{plan_id}/items/{item_no}", response_model=None, summary="修改计划项目（形成新版本）")
async def edit_plan_item(
    plan_id: PlanId, item_no: ItemNo, body: EditItem, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：新版本的计划（项目序号不变）；计划批准后为年中调整，须说明理由。"""
    request = command(pb.EditItemRequest, body, numbers={"item_no": item_no}, id=plan_id)
    return document_response(await stub.EditPlanItem(request, metadata=caller.metadata))


@router.post("/plans/{plan_id}/items/{item_no}/remove", response_model=None, summary="删除计划项目（形成新版本）")
async def remove_plan_item(
    plan_id: PlanId, item_no: ItemNo, body: RemoveItem, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：新版本的计划；已关联工作成果的项目须先取消关联（409）。"""
    request = command(pb.RemoveItemRequest, body, numbers={"item_no": item_no}, id=plan_id)
    return document_response(await stub.RemovePlanItem(request, metadata=caller.metadata))


@router.post(
    "/plans/{plan_id}/proposals",
    status_code=201,
    response_model=None,
    summary="提出计划项目建议（专委、代表、其他机关）",
)
async def propose_plan_item(plan_id: PlanId, body: ProposeItem, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：计划（含调用者本人的建议）；计划批准后不再接受建议（409）。"""
    request = command(pb.ProposeItemRequest, body, id=plan_id)
    return document_response(await stub.ProposePlanItem(request, metadata=caller.metadata), 201)


@router.post(
    "/plans/{plan_id}/proposals/{proposal_no}/accept", response_model=None, summary="采纳项目建议（列入新版本）"
)
async def accept_proposal(
    plan_id: PlanId, proposal_no: ProposalNo, body: AcceptProposal, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：新版本的计划，所建议的项目列入其中。"""
    request = command(pb.AcceptProposalRequest, body, numbers={"proposal_no": proposal_no}, id=plan_id)
    return document_response(await stub.AcceptProposal(request, metadata=caller.metadata))


@router.post(
    "/plans/{plan_id}/proposals/{proposal_no}/decline", response_model=None, summary="不予采纳项目建议（须说明理由）"
)
async def decline_proposal(
    plan_id: PlanId, proposal_no: ProposalNo, body: DeclineProposal, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：计划；提出建议者得到通知。"""
    request = command(pb.DeclineProposalRequest, body, numbers={"proposal_no": proposal_no}, id=plan_id)
    return document_response(await stub.DeclineProposal(request, metadata=caller.metadata))


@router.post("/plans/{plan_id}/approval", response_model=None, summary="登记计划的批准")
async def approve_plan(plan_id: PlanId, body: ApprovePlan, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：已批准的计划（批准的是当前版本）；此后的修改为年中调整。"""
    request = command(pb.ApprovePlanRequest, body, id=plan_id)
    return document_response(await stub.ApprovePlan(request, metadata=caller.metadata))


@router.post(
    "/plans/{plan_id}/links", status_code=201, response_model=None, summary="关联计划项目的工作成果（如工作评议）"
)
async def link_work(plan_id: PlanId, body: LinkWork, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：计划，项目下列出所关联的工作成果；仅已批准的计划可关联。"""
    request = command(pb.LinkWorkRequest, body, id=plan_id)
    return document_response(await stub.LinkWork(request, metadata=caller.metadata), 201)


@router.post("/plans/{plan_id}/links/{link_no}/remove", response_model=None, summary="取消关联工作成果（须说明理由）")
async def unlink_work(
    plan_id: PlanId, link_no: LinkNo, body: UnlinkWork, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：计划；取消的关联留有记录。"""
    request = command(pb.UnlinkWorkRequest, body, numbers={"link_no": link_no}, id=plan_id)
    return document_response(await stub.UnlinkWork(request, metadata=caller.metadata))


# --- consultations (征求意见) and opinions -------------------------------------------------------------------


@router.post(
    "/plans/{plan_id}/consultations", status_code=201, response_model=None, summary="就计划当前版本征求其他机关意见"
)
async def open_consultation(
    plan_id: PlanId, body: OpenConsultation, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：征求意见（进行中）；计划随之转为征求意见中，被征求意见的机关得到通知。"""
    request = command(pb.OpenConsultationRequest, body, id=plan_id)
    return document_response(await stub.OpenConsultation(request, metadata=caller.metadata), 201)


@router.get("/consultations", response_model=None, summary="征求意见列表")
async def list_consultations(
    caller: CallerDep,
    stub: ConsultationDep,
    plan_id: IdFilter = "",
    status: Annotated[ConsultationStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：调用者可见的征求意见 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(pb.ListRequest, page_size, page_token, plan_id=plan_id, status=status)
    return list_response(await stub.ListConsultations(request, metadata=caller.metadata))


@router.get("/consultations/{consultation_id}", response_model=None, summary="征求意见详情")
async def get_consultation(consultation_id: ConsultationId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：征求意见；被征求意见的机关只见本机关是否已反馈，不见其他机关的。"""
    return document_response(await stub.GetConsultation(pb.Ref(id=consultation_id), metadata=caller.metadata))


@router.post("/consultations/{consultation_id}/close", response_model=None, summary="结束征求意见")
async def close_consultation(
    consultation_id: ConsultationId, body: CloseConsultation, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已结束的征求意见（含未反馈的机关）。"""
    request = command(pb.CloseConsultationRequest, body, id=consultation_id)
    return document_response(await stub.CloseConsultation(request, metadata=caller.metadata))


@router.post(
    "/consultations/{consultation_id}/opinions",
    status_code=201,
    response_model=None,
    summary="提出意见（被征求意见的机关，或受邀的人大代表）",
)
async def give_opinion(
    consultation_id: ConsultationId, body: GiveOpinion, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：意见（待研究）；反馈截止后提出的标为逾期。"""
    request = command(pb.GiveOpinionRequest, body, id=consultation_id)
    return document_response(await stub.GiveOpinion(request, metadata=caller.metadata), 201)


@router.get("/opinions", response_model=None, summary="意见列表")
async def list_opinions(
    caller: CallerDep,
    stub: ConsultationDep,
    consultation_id: IdFilter = "",
    plan_id: IdFilter = "",
    status: Annotated[OpinionStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：调用者可见的意见 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(
        pb.ListRequest, page_size, page_token, consultation_id=consultation_id, plan_id=plan_id, status=status
    )
    return list_response(await stub.ListOpinions(request, metadata=caller.metadata))


@router.get("/opinions/{opinion_id}", response_model=None, summary="意见详情")
async def get_opinion(opinion_id: OpinionId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：意见及其采纳情况；其他被征求意见的机关看不到（404）。"""
    return document_response(await stub.GetOpinion(pb.Ref(id=opinion_id), metadata=caller.metadata))


@router.post("/opinions/{opinion_id}/adoption", response_model=None, summary="记录意见的采纳情况")
async def record_adoption(
    opinion_id: OpinionId, body: RecordAdoption, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已研究的意见；每条意见只记录一次（再次记录为 409）。"""
    request = command(pb.RecordAdoptionRequest, body, id=opinion_id)
    return document_response(await stub.RecordAdoption(request, metadata=caller.metadata))
