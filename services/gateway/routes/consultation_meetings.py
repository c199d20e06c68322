"""联席会议, 通报 and 联合研判 routes: joint meetings with their minutes and action items (督办事项) that fall due,
bulletins from one body to the bodies it chooses and their acknowledgements, joint analyses with their notes
and conclusions.

They translate HTTP ⇄ gRPC and nothing more; the consultation service decides who sees and does what (the
participating bodies' staff see a meeting or an analysis; a bulletin's recipients see it and their own body's
acknowledgements, its sender everything; ``platform_admin`` counts) and answers with the object as its caller
may see it, which goes out unchanged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.gateway.deps import CallerDep, ConsultationDep
from services.gateway.routes.common import (
    PageSize,
    PageToken,
    command,
    document_response,
    list_request,
    list_response,
)
from services.gateway.routes.consultation_common import ActionItemNo, AnalysisId, BulletinId, MeetingId
from services.gateway.schemas_consultation_meetings import (
    ActionItemEntry,
    AddAnalysisNote,
    AmendMinutes,
    AnalysisStatus,
    BulletinKind,
    BulletinStatus,
    CancelActionItem,
    CancelMeeting,
    CompleteActionItem,
    ConcludeAnalysis,
    ConveneMeeting,
    IssueBulletin,
    MeetingStatus,
    OpenAnalysis,
    RecordMinutes,
    WithdrawBulletin,
)
from wulian.consultation.v1 import consultation_pb2 as pb

router = APIRouter(tags=["consultation 监督事项联商：联席会议、通报与联合研判"])

# --- joint meetings (联席会议) --------------------------------------------------------------------------------


@router.post("/meetings", status_code=201, response_model=None, summary="召集联席会议（以本机关名义）")
async def convene_meeting(body: ConveneMeeting, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：待召开的联席会议；参会机关得到通知。"""
    request = command(pb.ConveneMeeting, body, into="")
    return document_response(await stub.ConveneMeeting(request, metadata=caller.metadata), 201)


@router.get("/meetings", response_model=None, summary="联席会议列表")
async def list_meetings(
    caller: CallerDep,
    stub: ConsultationDep,
    status: Annotated[MeetingStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：本机关参加的联席会议 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(pb.ListRequest, page_size, page_token, status=status)
    return list_response(await stub.ListMeetings(request, metadata=caller.metadata))


@router.get("/meetings/{meeting_id}", response_model=None, summary="联席会议详情（纪要、督办事项）")
async def get_meeting(meeting_id: MeetingId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：联席会议，含纪要的各版本和督办事项（逾期的标为 overdue），以及调用者此时可做的操作（actions）。"""
    return document_response(await stub.GetMeeting(pb.Ref(id=meeting_id), metadata=caller.metadata))


@router.post("/meetings/{meeting_id}/minutes", response_model=None, summary="记录会议纪要（会议召开后）")
async def record_minutes(
    meeting_id: MeetingId, body: RecordMinutes, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已召开的联席会议，含纪要和所交办的督办事项。"""
    request = command(pb.RecordMinutesRequest, body, id=meeting_id)
    return document_response(await stub.RecordMinutes(request, metadata=caller.metadata))


@router.patch("/meetings/{meeting_id}/minutes", response_model=None, summary="修改会议纪要（须说明理由，保留各版本）")
async def amend_minutes(
    meeting_id: MeetingId, body: AmendMinutes, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：联席会议，纪要为新版本。"""
    request = command(pb.AmendMinutesRequest, body, id=meeting_id)
    return document_response(await stub.AmendMinutes(request, metadata=caller.metadata))


@router.post("/meetings/{meeting_id}/action-items", status_code=201, response_model=None, summary="交办督办事项")
async def add_action_item(
    meeting_id: MeetingId, body: ActionItemEntry, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：联席会议，含新的督办事项；到期前 3 天提醒，到期未办结为逾期。"""
    request = command(pb.AddActionItemRequest, body, into="command.item", id=meeting_id)
    return document_response(await stub.AddActionItem(request, metadata=caller.metadata), 201)


@router.post(
    "/meetings/{meeting_id}/action-items/{no}/complete",
    response_model=None,
    summary="办结督办事项（责任机关或召集机关）",
)
async def complete_action_item(
    meeting_id: MeetingId, no: ActionItemNo, body: CompleteActionItem, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：联席会议；督办事项已办结（注明是否按期）。"""
    request = command(pb.CompleteActionItemRequest, body, numbers={"no": no}, id=meeting_id)
    return document_response(await stub.CompleteActionItem(request, metadata=caller.metadata))


@router.post(
    "/meetings/{meeting_id}/action-items/{no}/cancel",
    response_model=None,
    summary="撤销督办事项（召集机关，须说明理由）",
)
async def cancel_action_item(
    meeting_id: MeetingId, no: ActionItemNo, body: CancelActionItem, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：联席会议；督办事项已撤销。"""
    request = command(pb.CancelActionItemRequest, body, numbers={"no": no}, id=meeting_id)
    return document_response(await stub.CancelActionItem(request, metadata=caller.metadata))


@router.post("/meetings/{meeting_id}/close", response_model=None, summary="办结联席会议（督办事项均已办结或撤销）")
async def close_meeting(meeting_id: MeetingId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：已办结的联席会议；尚有督办事项未办结时为 409。"""
    return document_response(await stub.CloseMeeting(pb.Ref(id=meeting_id), metadata=caller.metadata))


@router.post("/meetings/{meeting_id}/cancel", response_model=None, summary="取消联席会议（召开前，须说明理由）")
async def cancel_meeting(
    meeting_id: MeetingId, body: CancelMeeting, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已取消的联席会议。"""
    request = command(pb.CancelMeetingRequest, body, id=meeting_id)
    return document_response(await stub.CancelMeeting(request, metadata=caller.metadata))


# --- bulletins (通报) -------------------------------------------------------------------------------------------


@router.post("/bulletins", status_code=201, response_model=None, summary="发出通报（以本机关名义）")
async def issue_bulletin(body: IssueBulletin, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：已发出的通报；接收机关得到通知。"""
    request = command(pb.IssueBulletin, body, into="")
    return document_response(await stub.IssueBulletin(request, metadata=caller.metadata), 201)


@router.get("/bulletins", response_model=None, summary="通报列表")
async def list_bulletins(
    caller: CallerDep,
    stub: ConsultationDep,
    kind: Annotated[BulletinKind | None, Query(description="通报类别")] = None,
    status: Annotated[BulletinStatus | None, Query(description="状态")] = None,
    unread: Annotated[bool, Query(description="true 仅列出本人尚未签阅的")] = False,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：本机关发出或收到的通报 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(pb.ListRequest, page_size, page_token, kind=kind, status=status, unread=unread)
    return list_response(await stub.ListBulletins(request, metadata=caller.metadata))


@router.get("/bulletins/{bulletin_id}", response_model=None, summary="通报详情")
async def get_bulletin(bulletin_id: BulletinId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：通报；发出机关见各接收机关的签阅情况，接收机关只见本机关的。"""
    return document_response(await stub.GetBulletin(pb.Ref(id=bulletin_id), metadata=caller.metadata))


@router.post("/bulletins/{bulletin_id}/acknowledge", response_model=None, summary="签阅通报（接收机关，每人一次）")
async def acknowledge_bulletin(bulletin_id: BulletinId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：通报（含本人的签阅）；再次签阅不改变任何内容。"""
    return document_response(await stub.AcknowledgeBulletin(pb.Ref(id=bulletin_id), metadata=caller.metadata))


@router.post("/bulletins/{bulletin_id}/withdraw", response_model=None, summary="撤回通报（发出机关，须说明理由）")
async def withdraw_bulletin(
    bulletin_id: BulletinId, body: WithdrawBulletin, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已撤回的通报。"""
    request = command(pb.WithdrawBulletinRequest, body, id=bulletin_id)
    return document_response(await stub.WithdrawBulletin(request, metadata=caller.metadata))


# --- joint analyses (联合研判) -----------------------------------------------------------------------------------


@router.post("/analyses", status_code=201, response_model=None, summary="发起联合研判（以本机关名义）")
async def open_analysis(body: OpenAnalysis, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：研判中的联合研判。"""
    request = command(pb.OpenAnalysis, body, into="")
    return document_response(await stub.OpenAnalysis(request, metadata=caller.metadata), 201)


@router.get("/analyses", response_model=None, summary="联合研判列表")
async def list_analyses(
    caller: CallerDep,
    stub: ConsultationDep,
    status: Annotated[AnalysisStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：本机关参与的联合研判 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = list_request(pb.ListRequest, page_size, page_token, status=status)
    return list_response(await stub.ListAnalyses(request, metadata=caller.metadata))


@router.get("/analyses/{analysis_id}", response_model=None, summary="联合研判详情")
async def get_analysis(analysis_id: AnalysisId, caller: CallerDep, stub: ConsultationDep) -> Response:
    """答复：联合研判，含各机关的研判意见和研判结论。"""
    return document_response(await stub.GetAnalysis(pb.Ref(id=analysis_id), metadata=caller.metadata))


@router.post("/analyses/{analysis_id}/notes", status_code=201, response_model=None, summary="发表研判意见")
async def add_analysis_note(
    analysis_id: AnalysisId, body: AddAnalysisNote, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：联合研判，含以本机关名义发表的研判意见。"""
    request = command(pb.AddAnalysisNoteRequest, body, id=analysis_id)
    return document_response(await stub.AddAnalysisNote(request, metadata=caller.metadata), 201)


@router.post("/analyses/{analysis_id}/conclusion", response_model=None, summary="形成研判结论（发起机关）")
async def conclude_analysis(
    analysis_id: AnalysisId, body: ConcludeAnalysis, caller: CallerDep, stub: ConsultationDep
) -> Response:
    """答复：已形成结论的联合研判。"""
    request = command(pb.ConcludeAnalysisRequest, body, id=analysis_id)
    return document_response(await stub.ConcludeAnalysis(request, metadata=caller.metadata))
