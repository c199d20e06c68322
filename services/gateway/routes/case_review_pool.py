"""司法监督联动 routes, part one: the expert pool (with its Excel import and export) and the cases.

They translate HTTP ⇄ gRPC and nothing more; the case-review service decides who sees and does what and
answers with the object as its caller may see it (a JSON read model), which goes out unchanged. Static
paths (``/experts/export``, ``/experts/import``) are declared before ``/experts/{expert_id}``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, File, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from services.gateway import export as xlsx
from services.gateway.deps import CallerDep, CaseReviewDep
from services.gateway.routes.case_review_common import (
    CaseId,
    ExpertId,
    listing,
)
from services.gateway.routes.common import (
    XLSX_RESPONSE,
    IdFilter,
    PageSize,
    PageToken,
    document_response,
    download,
    list_response,
)
from services.gateway.schemas_case_review import (
    NAME_MAX,
    ORG_UNIT_MAX,
    CaseCreate,
    CaseStatus,
    CaseWithdrawalCreate,
    Category,
    ExpertDepartureCreate,
    ExpertImportPublic,
    ExpertProfileCreate,
    ExpertStatus,
    ExpertSuspensionCreate,
)
from wulian.case_review.v1 import case_review_pb2 as pb

router = APIRouter(tags=["case review 司法监督联动"])


# --- the expert pool (专家库) --------------------------------------------------------------------------


def experts_workbook(table: pb.Table) -> bytes:
    """One sheet 专家库 with the service's header and rows, cells cleaned as every export's are."""
    rows = ([*row.cells] for row in table.rows)
    return xlsx.table_workbook("专家库", table.header, rows, [16] * len(table.header))


def profile(body: ExpertProfileCreate, expert_id: str = "") -> pb.ExpertProfileRequest:
    return pb.ExpertProfileRequest(id=expert_id, **body.model_dump())


@router.post("/experts", status_code=201, response_model=None, summary="专家入库（人大常委会组织人员）")
async def join_expert(body: ExpertProfileCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：入库的专家（组织人员可见完整的手机号码和身份证号码）。"""
    return document_response(await stub.JoinExpert(profile(body), metadata=caller.metadata), 201)


@router.get("/experts", response_model=None, summary="专家库列表（纪检监察组、专家本人见脱敏信息）")
async def list_experts(
    caller: CallerDep,
    stub: CaseReviewDep,
    status: Annotated[
        ExpertStatus | None, Query(description="状态：active 在库、suspended 暂停抽取、left 已退出")
    ] = None,
    category: Annotated[Category | None, Query(description="专家类别")] = None,
    name: Annotated[str, Query(max_length=NAME_MAX, description="姓名包含")] = "",
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：专家列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, status=status, category=category, name=name)
    return list_response(await stub.ListExperts(request, metadata=caller.metadata))


@router.get("/experts/export", response_class=Response, responses=XLSX_RESPONSE, summary="导出专家库（Excel）")
async def export_experts(
    caller: CallerDep,
    stub: CaseReviewDep,
    status: Annotated[ExpertStatus | None, Query(description="状态")] = None,
) -> Response:
    """答复：专家库.xlsx，每名专家一行；纪检监察组导出的手机号码和身份证号码为脱敏形式。"""
    table = await stub.ExportExperts(listing(0, "", status=status), metadata=caller.metadata)
    data = await run_in_threadpool(experts_workbook, table)
    return download(data, xlsx.XLSX_MEDIA_TYPE, "专家库.xlsx", "experts.xlsx")


@router.post("/experts/import", response_model=ExpertImportPublic, summary="从 Excel 导入专家（全部导入或全部不导入）")
async def import_experts(
    caller: CallerDep,
    stub: CaseReviewDep,
    file: Annotated[UploadFile, File(description="Excel 工作簿（.xlsx），列名与导出的专家库相同")],
    dry_run: Annotated[bool, Query(description="true 仅检查、不导入")] = False,
) -> ExpertImportPublic:
    """答复：{joined 导入人数, expert_ids 新专家编号, dry_run}；任一行有问题则整体不导入，逐行说明问题（422）。
    上传大小受请求体上限限制（413）。"""
    request = pb.ImportExpertsRequest(workbook=await file.read(), dry_run=dry_run)
    answer = await stub.ImportExperts(request, metadata=caller.metadata)
    return ExpertImportPublic(joined=answer.joined, expert_ids=list(answer.expert_ids), dry_run=answer.dry_run)


@router.get("/experts/{expert_id}", response_model=None, summary="专家详情")
async def get_expert(expert_id: ExpertId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：专家（组织人员见完整信息；纪检监察组和专家本人见脱敏的手机号码和身份证号码）。"""
    return document_response(await stub.GetExpert(pb.Ref(id=expert_id), metadata=caller.metadata))


@router.patch("/experts/{expert_id}", response_model=None, summary="修改专家信息（整体替换）")
async def edit_expert(
    expert_id: ExpertId, body: ExpertProfileCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：修改后的专家。"""
    return document_response(await stub.EditExpert(profile(body, expert_id), metadata=caller.metadata))


@router.post("/experts/{expert_id}/suspend", response_model=None, summary="暂停抽取（须说明理由）")
async def suspend_expert(
    expert_id: ExpertId, body: ExpertSuspensionCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：暂停抽取的专家。"""
    request = pb.ReasonRequest(id=expert_id, reason=body.reason)
    return document_response(await stub.SuspendExpert(request, metadata=caller.metadata))


@router.post("/experts/{expert_id}/reinstate", response_model=None, summary="恢复抽取")
async def reinstate_expert(expert_id: ExpertId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：恢复抽取的专家。"""
    return document_response(await stub.ReinstateExpert(pb.Ref(id=expert_id), metadata=caller.metadata))


@router.post("/experts/{expert_id}/leave", response_model=None, summary="退出专家库")
async def leave_expert(
    expert_id: ExpertId,
    caller: CallerDep,
    stub: CaseReviewDep,
    body: Annotated[ExpertDepartureCreate | None, Body()] = None,
) -> Response:
    """答复：已退出的专家。"""
    request = pb.ReasonRequest(id=expert_id, reason=body.reason if body else "")
    return document_response(await stub.LeaveExpert(request, metadata=caller.metadata))


# --- cases (备案) ---------------------------------------------------------------------------------------


def case_request(body: CaseCreate, case_id: str = "") -> pb.CaseRequest:
    fields = body.model_dump(exclude={"parties", "lawyers"})
    parties = [pb.Party(name=p.name, is_enterprise=p.is_enterprise) for p in body.parties]
    lawyers = [pb.Lawyer(name=x.name, firm=x.firm) for x in body.lawyers]
    return pb.CaseRequest(id=case_id, parties=parties, lawyers=lawyers, **fields)


@router.post("/cases", status_code=201, response_model=None, summary="案件备案（法院、检察院或组织人员）")
async def register_case(body: CaseCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：备案的案件。"""
    return document_response(await stub.RegisterCase(case_request(body), metadata=caller.metadata), 201)


@router.get("/cases", response_model=None, summary="备案案件列表（法院、检察院仅见本单位；专家仅见所评查的）")
async def list_cases(
    caller: CallerDep,
    stub: CaseReviewDep,
    status: Annotated[CaseStatus | None, Query(description="状态")] = None,
    unit: Annotated[str, Query(max_length=ORG_UNIT_MAX, description="承办单位（org_unit）")] = "",
    batch_id: IdFilter = "",
    enterprise: Annotated[bool | None, Query(description="true 仅涉企案件，false 仅非涉企案件")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：案件列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    enterprise_filter = None if enterprise is None else str(enterprise).lower()
    request = listing(page_size, page_token, status=status, unit=unit, batch_id=batch_id, enterprise=enterprise_filter)
    return list_response(await stub.ListCases(request, metadata=caller.metadata))


@router.get("/cases/{case_id}", response_model=None, summary="案件详情")
async def get_case(case_id: CaseId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：案件。"""
    return document_response(await stub.GetCase(pb.Ref(id=case_id), metadata=caller.metadata))


@router.patch("/cases/{case_id}", response_model=None, summary="修改备案信息（整体替换；纳入评查前）")
async def edit_case(case_id: CaseId, body: CaseCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：修改后的案件。"""
    return document_response(await stub.EditCase(case_request(body, case_id), metadata=caller.metadata))


@router.post("/cases/{case_id}/withdraw", response_model=None, summary="撤回备案（须说明理由）")
async def withdraw_case(
    case_id: CaseId, body: CaseWithdrawalCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：已撤回的案件。"""
    request = pb.ReasonRequest(id=case_id, reason=body.reason)
    return document_response(await stub.WithdrawCase(request, metadata=caller.metadata))
