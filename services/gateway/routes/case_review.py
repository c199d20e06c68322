"""司法监督联动 routes: the expert pool, cases, review batches, draws, findings and the audit trail.

They translate HTTP ⇄ gRPC and nothing more. The case-review service decides who sees and does what and
answers with the object as its caller may see it (a JSON read model), which goes out unchanged: each
route's description says which object it answers with. Static paths (``/experts/export``,
``/experts/import``) are declared before ``/experts/{expert_id}``, which would match them too.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, File, Path, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from services.gateway import export as xlsx
from services.gateway.deps import CallerDep, CaseReviewDep
from services.gateway.schemas_case_review import (
    ID_MAX,
    ID_PATTERN,
    NAME_MAX,
    ORG_UNIT_MAX,
    AssignmentAnswerCreate,
    BatchCancellationCreate,
    BatchCreate,
    BatchStatus,
    CaseCreate,
    CaseStatus,
    CaseWithdrawalCreate,
    Category,
    CloseOutCreate,
    DrawCancellationCreate,
    ExpertDepartureCreate,
    ExpertImportPublic,
    ExpertProfileCreate,
    ExpertStatus,
    ExpertSuspensionCreate,
    ExplanationAcceptanceCreate,
    ExplanationRejectionCreate,
    FindingCreate,
    FindingStatus,
    FindingUpdate,
    MisconductCreate,
    OpinionAnswerCreate,
    RectificationCreate,
    ReportSendBackCreate,
    ScoreFormCreate,
    WitnessCreate,
    document_response,
    list_response,
)
from wulian.case_review.v1 import case_review_pb2 as pb

router = APIRouter(tags=["case review 司法监督联动"])

ExpertId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="专家编号")]
CaseId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="案件编号")]
ReviewId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评查批次编号")]
DrawId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="抽取编号")]
FindingId = Annotated[str, Path(max_length=ID_MAX, pattern=ID_PATTERN, description="评查意见编号")]
PageSize = Annotated[int, Query(ge=1, le=100, description="每页条数")]
PageToken = Annotated[str, Query(max_length=200, description="上一页返回的 next_page_token")]
IdFilter = Annotated[str, Query(max_length=ID_MAX, pattern=r"^[A-Za-z0-9_-]*$")]
XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {xlsx.XLSX_MEDIA_TYPE: {}}, "description": "Excel 工作簿（.xlsx）"}
}


def download(content: bytes | str, media_type: str, filename: str, ascii_filename: str) -> Response:
    disposition = xlsx.content_disposition(filename, ascii_filename)
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})


def filters(**values: str | None) -> dict[str, str]:
    """The list's filters as the contract carries them: only those given."""
    return {name: value for name, value in values.items() if value}


def listing(page_size: int, page_token: str, **values: str | None) -> pb.ListRequest:
    return pb.ListRequest(page_size=page_size, page_token=page_token, filters=filters(**values))


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


# --- review batches (评查批次) ----------------------------------------------------------------------------


def batch_request(body: BatchCreate, review_id: str = "") -> pb.BatchRequest:
    return pb.BatchRequest(id=review_id, **body.model_dump())


@router.post("/reviews", status_code=201, response_model=None, summary="创建评查批次（案件与抽取规则）")
async def create_review(body: BatchCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：草拟中的评查批次。"""
    return document_response(await stub.CreateBatch(batch_request(body), metadata=caller.metadata), 201)


@router.get("/reviews", response_model=None, summary="评查批次列表")
async def list_reviews(
    caller: CallerDep,
    stub: CaseReviewDep,
    status: Annotated[BatchStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：评查批次列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, status=status)
    return list_response(await stub.ListBatches(request, metadata=caller.metadata))


@router.get("/reviews/{review_id}", response_model=None, summary="评查批次详情（法院、检察院在结束前看不到评查专家）")
async def get_review(review_id: ReviewId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：评查批次，按调用者可见范围（专家仅见本人的席位和评分表）。"""
    return document_response(await stub.GetBatch(pb.Ref(id=review_id), metadata=caller.metadata))


@router.patch("/reviews/{review_id}", response_model=None, summary="修改评查批次（草拟中，整体替换）")
async def edit_review(review_id: ReviewId, body: BatchCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：修改后的评查批次。"""
    return document_response(await stub.EditBatch(batch_request(body, review_id), metadata=caller.metadata))


@router.post("/reviews/{review_id}/start", response_model=None, summary="开始评查（专家确认参加后）")
async def start_review(review_id: ReviewId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：评查中的批次。"""
    return document_response(await stub.StartReview(pb.Ref(id=review_id), metadata=caller.metadata))


@router.post("/reviews/{review_id}/close", response_model=None, summary="结束评查")
async def close_review(review_id: ReviewId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：已结束的批次（含各案评定结果）。"""
    return document_response(await stub.CloseBatch(pb.Ref(id=review_id), metadata=caller.metadata))


@router.post("/reviews/{review_id}/cancel", response_model=None, summary="取消评查批次（须说明理由）")
async def cancel_review(
    review_id: ReviewId, body: BatchCancellationCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：已取消的批次。"""
    request = pb.ReasonRequest(id=review_id, reason=body.reason)
    return document_response(await stub.CancelBatch(request, metadata=caller.metadata))


@router.post("/reviews/{review_id}/draws", status_code=201, response_model=None, summary="开始随机抽取（承诺种子）")
async def begin_draw(review_id: ReviewId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：抽取，含种子的哈希承诺（seed_commitment）和专家库快照的哈希；种子在见证后才公开。"""
    return document_response(await stub.BeginDraw(pb.Ref(id=review_id), metadata=caller.metadata), 201)


@router.post("/reviews/{review_id}/cases/{case_id}/answer", response_model=None, summary="专家确认是否参加评查")
async def answer_assignment(
    review_id: ReviewId, case_id: CaseId, body: AssignmentAnswerCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：评查批次（拒绝的由备选专家递补）。组织人员代为登记电话答复时填写 expert_id。"""
    request = pb.AnswerAssignmentRequest(batch_id=review_id, case_id=case_id, **body.model_dump())
    return document_response(await stub.AnswerAssignment(request, metadata=caller.metadata))


@router.post("/reviews/{review_id}/cases/{case_id}/scores", response_model=None, summary="填写评分表（保存草稿或提交）")
async def save_scores(
    review_id: ReviewId, case_id: CaseId, body: ScoreFormCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：评查批次（专家见本人的评分表）。"""
    request = pb.ScoreFormRequest(
        batch_id=review_id,
        case_id=case_id,
        scores={str(item): score for item, score in body.scores.items()},
        comments={str(item): text for item, text in body.comments.items()},
        opinion=body.opinion,
        declared_total=body.declared_total or "",
        submit=body.submit,
    )
    return document_response(await stub.SaveScoreForm(request, metadata=caller.metadata))


@router.post("/reviews/{review_id}/findings", status_code=201, response_model=None, summary="起草评查意见")
async def draft_finding(review_id: ReviewId, body: FindingCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：草拟中的评查意见（法院、检察院在送达前看不到）。"""
    request = pb.FindingRequest(id=review_id, **body.model_dump())
    return document_response(await stub.DraftFinding(request, metadata=caller.metadata), 201)


# --- draws (随机抽取) -------------------------------------------------------------------------------------


@router.post("/draws/{draw_id}/witness", response_model=None, summary="见证抽取并提供随机数（派驻纪检监察组）")
async def witness_draw(draw_id: DrawId, body: WitnessCreate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：抽取，含抽取结果和已公开的种子；结果与随机数在同一事务中确定，不可重新生成。"""
    request = pb.WitnessDrawRequest(id=draw_id, entropy=body.entropy.encode())
    return document_response(await stub.WitnessDraw(request, metadata=caller.metadata))


@router.post("/draws/{draw_id}/cancel", response_model=None, summary="取消抽取（见证前，须说明理由）")
async def cancel_draw(
    draw_id: DrawId, body: DrawCancellationCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：已取消的抽取；批次回到草拟中，可重新抽取（新的种子）。"""
    request = pb.ReasonRequest(id=draw_id, reason=body.reason)
    return document_response(await stub.CancelDraw(request, metadata=caller.metadata))


@router.get("/draws/{draw_id}", response_model=None, summary="抽取详情")
async def get_draw(draw_id: DrawId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：抽取（见证前仅有承诺，见证后含种子、随机数、回避名单和结果）。"""
    return document_response(await stub.GetDraw(pb.Ref(id=draw_id), metadata=caller.metadata))


@router.get("/draws/{draw_id}/verify", response_model=None, summary="核验抽取（由抽取记录重新计算）")
async def verify_draw(draw_id: DrawId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：{id, algorithm, ok, problems, seed_commitment, pool_snapshot_hash, recomputed}。"""
    return document_response(await stub.VerifyDraw(pb.Ref(id=draw_id), metadata=caller.metadata))


@router.get(
    "/draws/{draw_id}/record",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "抽取记录（JSON 文件）"}},
    summary="下载抽取记录（供 wulian draw verify 离线核验）",
)
async def draw_record(draw_id: DrawId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：draw-<id>.json，含种子、见证随机数、专家库快照、回避名单和结果；见证前为 409。"""
    record = await stub.GetDrawRecord(pb.Ref(id=draw_id), metadata=caller.metadata)
    return download(record.json, "application/json", f"draw-{draw_id}.json", f"draw-{draw_id}.json")


@router.get(
    "/draws/{draw_id}/record.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "抽取记录（PDF，供签字）"}},
    summary="下载抽取记录（PDF，供签字存档）",
)
async def draw_record_pdf(draw_id: DrawId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：抽取记录-<id>.pdf，供组织方和派驻纪检监察组签字存档；见证前为 409。"""
    record = await stub.GetDrawRecord(pb.Ref(id=draw_id), metadata=caller.metadata)
    return download(record.pdf, "application/pdf", f"抽取记录-{draw_id}.pdf", f"draw-{draw_id}.pdf")


# --- findings (评查意见) ----------------------------------------------------------------------------------


@router.get("/findings", response_model=None, summary="评查意见列表（法院、检察院仅见送达本单位的）")
async def list_findings(
    caller: CallerDep,
    stub: CaseReviewDep,
    status: Annotated[FindingStatus | None, Query(description="状态")] = None,
    batch_id: IdFilter = "",
    case_id: IdFilter = "",
    overdue: Annotated[bool, Query(description="true 仅列出逾期未答复或未整改的")] = False,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：评查意见列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(
        page_size, page_token, status=status, batch_id=batch_id, case_id=case_id, overdue="true" if overdue else None
    )
    return list_response(await stub.ListFindings(request, metadata=caller.metadata))


@router.get("/findings/{finding_id}", response_model=None, summary="评查意见详情")
async def get_finding(finding_id: FindingId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：评查意见（法院、检察院看不到线索移送标记）。"""
    return document_response(await stub.GetFinding(pb.Ref(id=finding_id), metadata=caller.metadata))


@router.patch("/findings/{finding_id}", response_model=None, summary="修改评查意见（送达前）")
async def edit_finding(finding_id: FindingId, body: FindingUpdate, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：修改后的评查意见。"""
    request = pb.FindingRequest(id=finding_id, **body.model_dump())
    return document_response(await stub.EditFinding(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/issue", response_model=None, summary="送达评查意见（法院、检察院限期答复）")
async def issue_finding(finding_id: FindingId, caller: CallerDep, stub: CaseReviewDep) -> Response:
    """答复：已送达的评查意见。"""
    return document_response(await stub.IssueFinding(pb.Ref(id=finding_id), metadata=caller.metadata))


@router.post("/findings/{finding_id}/answer", response_model=None, summary="答复评查意见（接受并整改，或说明理由）")
async def answer_opinion(
    finding_id: FindingId, body: OpinionAnswerCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：答复后的评查意见。"""
    request = pb.AnswerOpinionRequest(id=finding_id, answer=body.answer, text=body.text)
    return document_response(await stub.AnswerOpinion(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/accept-explanation", response_model=None, summary="采纳说明的理由")
async def accept_explanation(
    finding_id: FindingId,
    caller: CallerDep,
    stub: CaseReviewDep,
    body: Annotated[ExplanationAcceptanceCreate | None, Body()] = None,
) -> Response:
    """答复：办结的评查意见。"""
    request = pb.NoteRequest(id=finding_id, note=body.note if body else "")
    return document_response(await stub.AcceptExplanation(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/reject-explanation", response_model=None, summary="不采纳说明的理由（转整改）")
async def reject_explanation(
    finding_id: FindingId, body: ExplanationRejectionCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：整改中的评查意见。"""
    request = pb.ReasonRequest(id=finding_id, reason=body.reason)
    return document_response(await stub.RejectExplanation(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/rectification", response_model=None, summary="报告整改情况")
async def report_rectification(
    finding_id: FindingId, body: RectificationCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：待核实销号的评查意见。"""
    request = pb.RectificationReportRequest(id=finding_id, **body.model_dump())
    return document_response(await stub.ReportRectification(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/send-back", response_model=None, summary="退回整改报告（须说明理由）")
async def send_back_report(
    finding_id: FindingId, body: ReportSendBackCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：退回整改的评查意见。"""
    request = pb.ReasonRequest(id=finding_id, reason=body.reason)
    return document_response(await stub.SendBackReport(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/close-out", response_model=None, summary="核实销号")
async def close_out_finding(
    finding_id: FindingId,
    caller: CallerDep,
    stub: CaseReviewDep,
    body: Annotated[CloseOutCreate | None, Body()] = None,
) -> Response:
    """答复：已销号的评查意见。"""
    request = pb.NoteRequest(id=finding_id, note=body.note if body else "")
    return document_response(await stub.CloseOutFinding(request, metadata=caller.metadata))


@router.post("/findings/{finding_id}/misconduct", response_model=None, summary="标记违纪违法线索（移送纪委监委）")
async def mark_misconduct(
    finding_id: FindingId, body: MisconductCreate, caller: CallerDep, stub: CaseReviewDep
) -> Response:
    """答复：评查意见（含线索移送状态）；线索由评查服务移送至线索服务。"""
    request = pb.MarkMisconductRequest(id=finding_id, **body.model_dump())
    return document_response(await stub.MarkMisconduct(request, metadata=caller.metadata))


# --- the audit trail ------------------------------------------------------------------------------------


@router.get("/case-review/audit", response_model=None, summary="评查工作审计记录（专家库变更与抽取，最新在前）")
async def list_audit_entries(
    caller: CallerDep, stub: CaseReviewDep, page_size: PageSize = 20, page_token: PageToken = ""
) -> Response:
    """答复：审计条目列表 {items（谁在何时做了什么）, next_page_token, total, counts}。"""
    request = listing(page_size, page_token)
    return list_response(await stub.ListAuditEntries(request, metadata=caller.metadata))
