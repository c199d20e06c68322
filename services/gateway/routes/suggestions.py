"""意见建议 routes: translate HTTP ⇄ gRPC; the suggestions service decides.

Every action answers with the suggestion as it now stands. Static paths (``/export``, ``/stats``) are
declared before ``/{suggestion_id}``, which would otherwise take them for an id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Response
from starlette.concurrency import run_in_threadpool

from services.gateway import export as xlsx
from services.gateway.deps import Caller, CallerDep, SuggestionsDep
from services.gateway.schemas import (
    UNIT_MAX,
    AssignmentProposal,
    ContactCreate,
    CosignerCreate,
    EscalationCreate,
    EscalationResponseCreate,
    EvaluationCreate,
    HistoryEntryPublic,
    HistoryPublic,
    OpinionCreate,
    OverdueFilter,
    ReplyCreate,
    ReturnVisitCreate,
    SendBackCreate,
    StatsPublic,
    SuggestionCategory,
    SuggestionCreate,
    SuggestionPublic,
    SuggestionsPublic,
    SuggestionStatus,
    SuggestionUpdate,
    stats_public,
    suggestion_public,
)
from wulian.kit.errors import InvalidArgument
from wulian.suggestions.v1 import suggestions_pb2 as pb
from wulian.suggestions.v1.suggestions_pb2_grpc import SuggestionServiceStub

router = APIRouter(prefix="/suggestions", tags=["suggestions 意见建议"])

SuggestionId = Annotated[str, Path(max_length=64, description="建议 ID")]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="年度；不填为全部年度")]
EXPORT_PAGE_SIZE = 100
EXPORT_MAX_ROWS = 20_000
XLSX_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {xlsx.XLSX_MEDIA_TYPE: {}}, "description": "Excel 工作簿（.xlsx）"}
}


@dataclass(frozen=True, slots=True)
class SuggestionFilters:
    status: str
    category: str
    year: int
    unit: str
    overdue: str
    deputy_subject: str

    def request(self, page_size: int, page_token: str) -> pb.ListSuggestionsRequest:
        return pb.ListSuggestionsRequest(
            page_size=page_size,
            page_token=page_token,
            status=self.status,
            category=self.category,
            year=self.year,
            unit=self.unit,
            overdue=self.overdue,
            deputy_subject=self.deputy_subject,
        )


async def suggestion_filters(
    status: Annotated[SuggestionStatus | None, Query(description="状态")] = None,
    category: Annotated[SuggestionCategory | None, Query(description="类别")] = None,
    year: Year = None,
    unit: Annotated[str, Query(max_length=UNIT_MAX, description="承办单位（主办或协办）")] = "",
    overdue: Annotated[OverdueFilter | None, Query(description="逾期：contact 联系、reply 答复、any 任一")] = None,
    deputy_subject: Annotated[str, Query(max_length=UNIT_MAX, description="提出代表账号")] = "",
) -> SuggestionFilters:
    return SuggestionFilters(
        status=status or "",
        category=category or "",
        year=year or 0,
        unit=unit,
        overdue=overdue or "",
        deputy_subject=deputy_subject,
    )


FiltersDep = Annotated[SuggestionFilters, Depends(suggestion_filters)]


def xlsx_response(data: bytes, filename: str, ascii_filename: str) -> Response:
    disposition = xlsx.content_disposition(filename, ascii_filename)
    return Response(data, media_type=xlsx.XLSX_MEDIA_TYPE, headers={"Content-Disposition": disposition})


def too_many_rows() -> InvalidArgument:
    return InvalidArgument(
        f"符合条件的建议超过 {EXPORT_MAX_ROWS} 条，无法一次导出，请缩小筛选范围（如按年度、类别或承办单位）后重试",
        details=[{"field": "filter", "message": f"最多导出 {EXPORT_MAX_ROWS} 条"}],
    )


async def matching_rows(stub: SuggestionServiceStub, filters: SuggestionFilters, caller: Caller) -> list[list[Any]]:
    """Spreadsheet rows of every matching suggestion, page by page; too many are refused, not cut."""
    rows: list[list[Any]] = []
    token = ""
    for _ in range(EXPORT_MAX_ROWS // EXPORT_PAGE_SIZE + 1):
        page = await stub.ListSuggestions(filters.request(EXPORT_PAGE_SIZE, token), metadata=caller.metadata)
        if page.total > EXPORT_MAX_ROWS or len(rows) + len(page.items) > EXPORT_MAX_ROWS:
            raise too_many_rows()
        rows.extend(xlsx.suggestion_row(m) for m in page.items)  # rows, not messages: no content kept
        token = page.next_page_token
        if not token:
            return rows
    raise too_many_rows()


@router.post("", status_code=201, response_model=SuggestionPublic, summary="提出建议（代表本人，或联络人员代代表录入）")
async def create(body: SuggestionCreate, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    if body.draft or body.deputy_subject:
        draft = pb.DraftSuggestionRequest(
            title=body.title,
            content=body.content,
            category=body.category,
            deputy_subject=body.deputy_subject,
            deputy_name=body.deputy_name,
            submit=not body.draft,
        )
        return suggestion_public(await stub.DraftSuggestion(draft, metadata=caller.metadata))
    request = pb.SubmitSuggestionRequest(title=body.title, content=body.content, category=body.category)
    return suggestion_public(await stub.SubmitSuggestion(request, metadata=caller.metadata))


@router.get("", response_model=SuggestionsPublic, summary="建议列表（按角色限定范围）")
async def list_(
    filters: FiltersDep,
    caller: CallerDep,
    stub: SuggestionsDep,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    page_token: Annotated[str, Query(max_length=200)] = "",
) -> SuggestionsPublic:
    response = await stub.ListSuggestions(filters.request(page_size, page_token), metadata=caller.metadata)
    return SuggestionsPublic(
        items=[suggestion_public(m) for m in response.items],
        total=response.total,
        next_page_token=response.next_page_token or None,
    )


@router.get("/export", response_class=Response, responses=XLSX_RESPONSE, summary="导出建议清单（Excel）")
async def export_list(filters: FiltersDep, caller: CallerDep, stub: SuggestionsDep) -> Response:
    rows = await matching_rows(stub, filters, caller)
    data = await run_in_threadpool(xlsx.suggestion_rows_workbook, rows)
    return xlsx_response(data, "代表建议.xlsx", "suggestions.xlsx")


@router.get("/stats", response_model=StatsPublic, summary="办理统计（按承办单位和代表）")
async def stats(caller: CallerDep, stub: SuggestionsDep, year: Year = None) -> StatsPublic:
    return stats_public(await stub.GetStats(pb.GetStatsRequest(year=year or 0), metadata=caller.metadata))


@router.get("/stats/export", response_class=Response, responses=XLSX_RESPONSE, summary="导出办理统计（Excel）")
async def export_stats(caller: CallerDep, stub: SuggestionsDep, year: Year = None) -> Response:
    message = await stub.GetStats(pb.GetStatsRequest(year=year or 0), metadata=caller.metadata)
    data = await run_in_threadpool(xlsx.stats_workbook, message)
    suffix = f"{year}" if year else "全部"
    return xlsx_response(data, f"建议办理统计-{suffix}.xlsx", f"suggestion-stats-{year or 'all'}.xlsx")


@router.get("/{suggestion_id}", response_model=SuggestionPublic, summary="建议详情")
async def get(suggestion_id: SuggestionId, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    request = pb.GetSuggestionRequest(id=suggestion_id)
    return suggestion_public(await stub.GetSuggestion(request, metadata=caller.metadata))


@router.get("/{suggestion_id}/history", response_model=HistoryPublic, summary="办理记录（审计）")
async def history(suggestion_id: SuggestionId, caller: CallerDep, stub: SuggestionsDep) -> HistoryPublic:
    answer = await stub.GetHistory(pb.SuggestionRef(id=suggestion_id), metadata=caller.metadata)
    return HistoryPublic(
        entries=[
            HistoryEntryPublic(
                event=e.event,
                occurred_at=e.occurred_at.ToDatetime(tzinfo=UTC),
                actor_subject=e.actor_subject,
                actor_name=e.actor_name,
                actor_body=e.actor_body,
                request_id=e.request_id,
            )
            for e in answer.entries
        ]
    )


@router.patch("/{suggestion_id}", response_model=SuggestionPublic, summary="修改草稿（标题、内容、类别一并提交）")
async def edit_draft(
    suggestion_id: SuggestionId, body: SuggestionUpdate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.EditDraftRequest(id=suggestion_id, title=body.title, content=body.content, category=body.category)
    return suggestion_public(await stub.EditDraft(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/submit", status_code=201, response_model=SuggestionPublic, summary="提交草稿")
async def submit_draft(suggestion_id: SuggestionId, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    return suggestion_public(await stub.SubmitDraft(pb.SuggestionRef(id=suggestion_id), metadata=caller.metadata))


@router.post("/{suggestion_id}/cosigners", status_code=201, response_model=SuggestionPublic, summary="添加附议代表")
async def add_cosigner(
    suggestion_id: SuggestionId, body: CosignerCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.AddCosignerRequest(id=suggestion_id, subject=body.subject, name=body.name)
    return suggestion_public(await stub.AddCosigner(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/assignment", response_model=SuggestionPublic, summary="提出交办方案（联合交办）")
async def propose_assignment(
    suggestion_id: SuggestionId, body: AssignmentProposal, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.ProposeAssignmentRequest(
        id=suggestion_id,
        lead_unit=body.lead_unit,
        co_units=body.co_units,
        complex=body.complex,
        consultation_note=body.consultation_note,
    )
    return suggestion_public(await stub.ProposeAssignment(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/assignment/confirm", response_model=SuggestionPublic, summary="确认交办（开始计时）")
async def confirm_assignment(suggestion_id: SuggestionId, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    request = pb.SuggestionRef(id=suggestion_id)
    return suggestion_public(await stub.ConfirmAssignment(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/assignment/send-back", response_model=SuggestionPublic, summary="退回交办方案")
async def send_back_assignment(
    suggestion_id: SuggestionId, body: SendBackCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.SendBackAssignmentRequest(id=suggestion_id, reason=body.reason)
    return suggestion_public(await stub.SendBackAssignment(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/contacts", status_code=201, response_model=SuggestionPublic, summary="登记与代表的联系")
async def record_contact(
    suggestion_id: SuggestionId, body: ContactCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.RecordContactRequest(
        id=suggestion_id,
        contacted_at=body.contacted_at,
        method=body.method,
        contact_person=body.contact_person,
        agreed=body.agreed,
    )
    return suggestion_public(await stub.RecordContact(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/opinions", status_code=201, response_model=SuggestionPublic, summary="提交协办意见")
async def give_opinion(
    suggestion_id: SuggestionId, body: OpinionCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.GiveCoUnitOpinionRequest(id=suggestion_id, text=body.text)
    return suggestion_public(await stub.GiveCoUnitOpinion(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/reply", status_code=201, response_model=SuggestionPublic, summary="答复代表（主办单位）")
async def reply(
    suggestion_id: SuggestionId, body: ReplyCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.ReplyRequest(id=suggestion_id, result=body.result, text=body.text)
    return suggestion_public(await stub.Reply(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/evaluation", status_code=201, response_model=SuggestionPublic, summary="质效测评")
async def evaluate(
    suggestion_id: SuggestionId, body: EvaluationCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.EvaluateRequest(
        id=suggestion_id,
        attitude=body.attitude,
        method=body.method,
        effect=body.effect,
        overall=body.overall,
        comment=body.comment,
    )
    return suggestion_public(await stub.Evaluate(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/return-visits", status_code=201, response_model=SuggestionPublic, summary="登记联合回访")
async def record_return_visit(
    suggestion_id: SuggestionId, body: ReturnVisitCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.RecordReturnVisitRequest(
        id=suggestion_id,
        unit=body.unit,
        visited_at=body.visited_at,
        findings=body.findings,
        meeting=body.meeting,
        talks=body.talks,
        problems=body.problems,
    )
    return suggestion_public(await stub.RecordReturnVisit(request, metadata=caller.metadata))


@router.post("/{suggestion_id}/escalations", status_code=201, response_model=SuggestionPublic, summary="联合督办")
async def escalate(
    suggestion_id: SuggestionId, body: EscalationCreate, caller: CallerDep, stub: SuggestionsDep
) -> SuggestionPublic:
    request = pb.EscalateRequest(id=suggestion_id, reasons=body.reasons, details=body.details)
    return suggestion_public(await stub.Escalate(request, metadata=caller.metadata))


@router.post(
    "/{suggestion_id}/escalations/{escalation_no}/response",
    response_model=SuggestionPublic,
    summary="回复督办（纪委监委）",
)
async def respond_to_escalation(
    suggestion_id: SuggestionId,
    escalation_no: Annotated[int, Path(ge=1, le=10_000, description="督办序号")],
    body: EscalationResponseCreate,
    caller: CallerDep,
    stub: SuggestionsDep,
) -> SuggestionPublic:
    request = pb.RespondToEscalationRequest(id=suggestion_id, escalation_no=escalation_no, response=body.response)
    return suggestion_public(await stub.RespondToEscalation(request, metadata=caller.metadata))
