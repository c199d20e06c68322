"""整改台账 routes: the rectification ledger every link uses — items raised by a body, planned and reported on by
the responsible unit, closed out (销号) and followed up (回头看) by the body that raised them — and Luoyang's six
lists (六个清单) as JSON or as an Excel workbook.

They translate HTTP ⇄ gRPC and nothing more; the evaluation service decides who sees and does what (a unit
sees its own items, the supervision office every department's, ``platform_admin`` counts) and answers with
the item as its caller may see it, which goes out unchanged. The six lists are declared before
``/rectifications/{item_id}``, which would take them for an id.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response
from starlette.concurrency import run_in_threadpool

from services.gateway import export as xlsx
from services.gateway.deps import CallerDep, EvaluationDep
from services.gateway.routes.common import (
    XLSX_RESPONSE,
    PageSize,
    PageToken,
    document_response,
    download,
    list_response,
)
from services.gateway.routes.evaluation_common import ItemId, UnitFilter, command, listing
from services.gateway.schemas import DAY_TEXT
from services.gateway.schemas_evaluation import (
    AddFollowUp,
    CloseOutItem,
    DeclarePlan,
    ItemContent,
    ItemStatus,
    ItemWithdrawal,
    RaiseItem,
    ReportRectification,
    Source,
    sheets_response,
)
from wulian.evaluation.v1 import evaluation_pb2 as pb

router = APIRouter(tags=["rectification 整改台账"])

StatusFilter = Annotated[ItemStatus | None, Query(description="状态")]
SourceFilter = Annotated[Source | None, Query(description="问题来源")]
OverdueFilter = Annotated[bool, Query(description="true 仅列出已逾期未完成整改的")]
Filter = str | bool | None


async def ledger_filters(
    status: StatusFilter = None, unit: UnitFilter = "", source: SourceFilter = None, overdue: OverdueFilter = False
) -> dict[str, Filter]:
    """The filters of the ledger and of its six lists."""
    return {"status": status, "unit": unit, "source": source, "overdue": overdue}


LedgerFilters = Annotated[dict[str, Filter], Depends(ledger_filters)]


def excel_cell(value: Any) -> Any:
    """A date the service wrote as ISO text becomes a date cell, so that a clerk can sort and filter by it."""
    return date.fromisoformat(value) if isinstance(value, str) and DAY_TEXT.fullmatch(value) else value


def six_lists_workbook(message: pb.ListResponse) -> bytes:
    """One worksheet per list, in the service's order, with its headers and rows (each sheet's JSON is
    ``{"title", "headers", "rows"}``), cells cleaned as every export's are."""
    sheets = [json.loads(item) for item in message.items]
    return xlsx.sheets_workbook(
        (
            s["title"],
            s["headers"],
            ([excel_cell(value) for value in row] for row in s["rows"]),
            [18] * len(s["headers"]),
        )
        for s in sheets
    )


@router.post("/rectifications", status_code=201, response_model=None, summary="提出整改事项（以本机关名义）")
async def raise_rectification(body: RaiseItem, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：已交办的整改事项（默认 3 个月内整改）；责任单位得到通知。"""
    request = command(pb.RaiseItem, body, into="")
    return document_response(await stub.RaiseRectification(request, metadata=caller.metadata), 201)


@router.get("/rectifications", response_model=None, summary="整改台账")
async def list_rectifications(
    caller: CallerDep,
    stub: EvaluationDep,
    filters: LedgerFilters,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：整改事项列表 {items, next_page_token, total, counts}；责任单位仅见本单位的，政务督查室见各政府部门的，
    平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, **filters)
    return list_response(await stub.ListRectifications(request, metadata=caller.metadata))


@router.get("/rectifications/six-lists", response_model=None, summary="六个清单（责任、内容、问题、整改、销号、跟踪）")
async def six_lists(
    caller: CallerDep,
    stub: EvaluationDep,
    filters: LedgerFilters,
) -> Response:
    """答复：{sheets: [{title, headers, rows}, …]}，调用者台账中的事项按六个清单排列（已撤销的不在其中）。"""
    request = listing(0, "", **filters)
    return sheets_response(await stub.ListLedgerSheets(request, metadata=caller.metadata))


@router.get(
    "/rectifications/six-lists.xlsx", response_class=Response, responses=XLSX_RESPONSE, summary="导出六个清单（Excel）"
)
async def export_six_lists(
    caller: CallerDep,
    stub: EvaluationDep,
    filters: LedgerFilters,
) -> Response:
    """答复：整改台账六个清单.xlsx，每个清单一个工作表。"""
    request = listing(0, "", **filters)
    sheets = await stub.ListLedgerSheets(request, metadata=caller.metadata)
    data = await run_in_threadpool(six_lists_workbook, sheets)
    return download(data, xlsx.XLSX_MEDIA_TYPE, "整改台账六个清单.xlsx", "six-lists.xlsx")


@router.get("/rectifications/{item_id}", response_model=None, summary="整改事项详情")
async def get_rectification(item_id: ItemId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：整改事项，含整改方案、报告、销号测评、回头看，以及调用者此时可做的操作（actions）。"""
    return document_response(await stub.GetRectification(pb.Ref(id=item_id), metadata=caller.metadata))


@router.patch("/rectifications/{item_id}", response_model=None, summary="修改整改事项（责任单位制定方案前）")
async def edit_rectification(item_id: ItemId, body: ItemContent, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：修改后的整改事项；整改期限的月数从提出之日起算。"""
    request = command(pb.EditItemRequest, body, into="command.content", id=item_id)
    return document_response(await stub.EditRectification(request, metadata=caller.metadata))


@router.post("/rectifications/{item_id}/withdraw", response_model=None, summary="撤销整改事项（须说明理由）")
async def withdraw_rectification(
    item_id: ItemId, body: ItemWithdrawal, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已撤销的整改事项。"""
    request = pb.ReasonRequest(id=item_id, reason=body.reason)
    return document_response(await stub.WithdrawRectification(request, metadata=caller.metadata))


@router.post("/rectifications/{item_id}/plan", response_model=None, summary="制定整改方案（责任单位）")
async def declare_plan(item_id: ItemId, body: DeclarePlan, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：整改中的整改事项。"""
    request = command(pb.DeclarePlanRequest, body, id=item_id)
    return document_response(await stub.DeclarePlan(request, metadata=caller.metadata))


@router.post(
    "/rectifications/{item_id}/reports", status_code=201, response_model=None, summary="报告整改情况（责任单位）"
)
async def report_rectification(
    item_id: ItemId, body: ReportRectification, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：整改事项；整改完成报告使其待销号。"""
    request = command(pb.ReportRectificationRequest, body, id=item_id)
    return document_response(await stub.ReportRectification(request, metadata=caller.metadata), 201)


@router.post(
    "/rectifications/{item_id}/close-out", response_model=None, summary="销号测评（提出机关；不满意则重新整改）"
)
async def close_out_rectification(
    item_id: ItemId, body: CloseOutItem, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已销号或重新整改的整改事项。"""
    request = command(pb.CloseOutItemRequest, body, id=item_id)
    return document_response(await stub.CloseOutRectification(request, metadata=caller.metadata))


@router.post("/rectifications/{item_id}/follow-ups", status_code=201, response_model=None, summary="回头看（销号后）")
async def add_follow_up(item_id: ItemId, body: AddFollowUp, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：整改事项；问题反弹的重新整改。"""
    request = command(pb.AddFollowUpRequest, body, id=item_id)
    return document_response(await stub.AddFollowUp(request, metadata=caller.metadata), 201)
