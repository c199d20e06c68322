"""线索移送 routes: translate HTTP ⇄ gRPC; the clue service decides who sees and does what.

A congress official transfers a clue in their own name (the service takes the caller as the official and
the source as manual) and gets a receipt with the inclusion proof of its audit entry. The discipline
commission alone acts on a clue; every action answers with the clue as the caller may see it. A read
of a clue's contents (the full view) is an audit entry of the service's log.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Header, Path, Query

from services.gateway.deps import CallerDep, CluesDep
from services.gateway.schemas_clues import (
    ID_MAX,
    ClueAcceptanceCreate,
    ClueDeclineCreate,
    ClueFeedbackCreate,
    ClueOverdueFilter,
    CluePublic,
    ClueReceiptPublic,
    CluesPublic,
    ClueStatus,
    ClueTransferCreate,
    DispositionCreate,
    SourceKind,
    clue_public,
    clues_public,
    receipt_public,
)
from wulian.clues.v1 import clues_pb2 as pb

router = APIRouter(prefix="/clues", tags=["clues 线索移送"])

ClueId = Annotated[str, Path(max_length=ID_MAX, description="线索 ID")]


@router.post("", status_code=201, response_model=ClueReceiptPublic, summary="移送线索（人大常委会，本人移送）")
async def transfer(
    body: ClueTransferCreate,
    caller: CallerDep,
    stub: CluesDep,
    idempotency_key: Annotated[
        str,
        Header(
            alias="Idempotency-Key",
            max_length=64,
            pattern=r"^[A-Za-z0-9_-]*$",
            description="重试键：同一移送人以同一键重复提交，得到同一线索和同一回执",
        ),
    ] = "",
) -> ClueReceiptPublic:
    request = pb.TransferClueRequest(
        source_kind="manual",
        idempotency_key=idempotency_key,
        summary=body.summary,
        details=body.details,
        subject_kind=body.subject_kind,
        subject_name=body.subject_name,
        subject_org=body.subject_org,
        subject_position=body.subject_position,
        attachment_hashes=body.attachment_hashes,
    )
    return receipt_public(await stub.TransferClue(request, metadata=caller.metadata))


@router.get("", response_model=CluesPublic, summary="线索列表（按角色限定范围；平台管理员仅见各状态数量）")
async def list_(
    caller: CallerDep,
    stub: CluesDep,
    status: Annotated[ClueStatus | None, Query(description="状态")] = None,
    source_kind: Annotated[SourceKind | None, Query(description="线索来源")] = None,
    overdue: Annotated[
        ClueOverdueFilter | None, Query(description="逾期：acknowledge 签收、feedback 反馈、any 任一")
    ] = None,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    page_token: Annotated[str, Query(max_length=200)] = "",
) -> CluesPublic:
    request = pb.ListCluesRequest(
        page_size=page_size,
        page_token=page_token,
        status=status or "",
        source_kind=source_kind or "",
        overdue=overdue or "",
    )
    return clues_public(await stub.ListClues(request, metadata=caller.metadata))


@router.get("/{clue_id}", response_model=CluePublic, summary="线索详情（移送机关仅见状态；读取详情记入审计日志）")
async def get(clue_id: ClueId, caller: CallerDep, stub: CluesDep) -> CluePublic:
    return clue_public(await stub.GetClue(pb.ClueRef(id=clue_id), metadata=caller.metadata))


@router.post("/{clue_id}/acknowledge", response_model=CluePublic, summary="签收线索（纪委监委）")
async def acknowledge(clue_id: ClueId, caller: CallerDep, stub: CluesDep) -> CluePublic:
    return clue_public(await stub.AcknowledgeClue(pb.ClueRef(id=clue_id), metadata=caller.metadata))


@router.post("/{clue_id}/accept", response_model=CluePublic, summary="受理线索（纪委监委；受理意见可不填）")
async def accept(
    clue_id: ClueId,
    caller: CallerDep,
    stub: CluesDep,
    body: Annotated[ClueAcceptanceCreate | None, Body()] = None,
) -> CluePublic:
    request = pb.AcceptClueRequest(id=clue_id, note=body.note if body else "")
    return clue_public(await stub.AcceptClue(request, metadata=caller.metadata))


@router.post("/{clue_id}/decline", response_model=CluePublic, summary="不予受理（纪委监委，须说明理由）")
async def decline(clue_id: ClueId, body: ClueDeclineCreate, caller: CallerDep, stub: CluesDep) -> CluePublic:
    request = pb.DeclineClueRequest(id=clue_id, reason=body.reason)
    return clue_public(await stub.DeclineClue(request, metadata=caller.metadata))


@router.post("/{clue_id}/dispositions", status_code=201, response_model=CluePublic, summary="登记处置（纪委监委）")
async def record_disposition(clue_id: ClueId, body: DispositionCreate, caller: CallerDep, stub: CluesDep) -> CluePublic:
    request = pb.RecordDispositionRequest(id=clue_id, kind=body.kind, note=body.note)
    return clue_public(await stub.RecordDisposition(request, metadata=caller.metadata))


@router.post(
    "/{clue_id}/feedback", status_code=201, response_model=CluePublic, summary="反馈移送机关（纪委监委；反馈即办结）"
)
async def give_feedback(clue_id: ClueId, body: ClueFeedbackCreate, caller: CallerDep, stub: CluesDep) -> CluePublic:
    request = pb.GiveFeedbackRequest(id=clue_id, text=body.text)
    return clue_public(await stub.GiveFeedback(request, metadata=caller.metadata))
