"""司法监督联动 routes, part two: review batches, the draw, scoring, findings and the audit trail (the pool
and the cases are in ``case_review_pool``).

They translate HTTP ⇄ gRPC and nothing more; the case-review service decides who sees and does what and
answers with the object as its caller may see it (a JSON read model), which goes out unchanged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response

from services.gateway.deps import CallerDep, CaseReviewDep
from services.gateway.routes.case_review_common import (
    CaseId,
    DrawId,
    FindingId,
    ReviewId,
    listing,
)
from services.gateway.routes.common import (
    IdFilter,
    PageSize,
    PageToken,
    document_response,
    download,
    list_response,
)
from services.gateway.schemas_case_review import (
    AssignmentAnswerCreate,
    BatchCancellationCreate,
    BatchCreate,
    BatchStatus,
    CloseOutCreate,
    DrawCancellationCreate,
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
)
from wulian.case_review.v1 import case_review_pb2 as pb

router = APIRouter(tags=["case review 司法监督联动"])


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
