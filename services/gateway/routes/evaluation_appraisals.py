"""部门工作联评 and 无记名测评 routes: appraisal campaigns (their references, activities, satisfaction ballot and
results) and the secret ballot sessions.

They translate HTTP ⇄ gRPC and nothing more; the evaluation service decides who sees and does what and
answers with the object as its caller may see it (a JSON read model), which goes out unchanged. A ballot
is a receipt and counter increments in the service: nothing here logs or keeps its marks.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.gateway.deps import CallerDep, EvaluationDep
from services.gateway.routes.common import (
    IdFilter,
    PageSize,
    PageToken,
    document_response,
    list_response,
)
from services.gateway.routes.evaluation_common import AppraisalId, SessionId, YearFilter, command, listing
from services.gateway.schemas_evaluation import (
    AppraisalBallot,
    CampaignCancellation,
    CampaignPlan,
    CampaignStatus,
    CastBallot,
    FileReference,
    Purpose,
    RecordActivity,
    SessionCancellation,
    SessionPlan,
    SessionStatus,
)
from wulian.evaluation.v1 import evaluation_pb2 as pb

router = APIRouter(tags=["appraisal 部门工作联评"])

# --- appraisal campaigns (工作评议) ------------------------------------------------------------------------


@router.post("/appraisals", status_code=201, response_model=None, summary="创建年度工作评议（被评议部门与评议调研组）")
async def create_appraisal(body: CampaignPlan, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：筹备中的评议。"""
    request = command(pb.CampaignPlan, body, into="")
    return document_response(await stub.CreateAppraisal(request, metadata=caller.metadata), 201)


@router.get("/appraisals", response_model=None, summary="工作评议列表")
async def list_appraisals(
    caller: CallerDep,
    stub: EvaluationDep,
    year: YearFilter = None,
    status: Annotated[CampaignStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：评议列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, year=year, status=status)
    return list_response(await stub.ListAppraisals(request, metadata=caller.metadata))


@router.get("/appraisals/{appraisal_id}", response_model=None, summary="工作评议详情")
async def get_appraisal(appraisal_id: AppraisalId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：评议，按调用者可见范围：参考信息仅纪检监察机关和联系该部门的评议调研组可见；被评议部门在结果
    公布后仅见本部门的活动、结果和整改事项。"""
    return document_response(await stub.GetAppraisal(pb.Ref(id=appraisal_id), metadata=caller.metadata))


@router.patch("/appraisals/{appraisal_id}", response_model=None, summary="修改评议方案（筹备中，整体替换）")
async def edit_appraisal(
    appraisal_id: AppraisalId, body: CampaignPlan, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：修改后的评议。"""
    request = command(pb.CampaignPlanRequest, body, id=appraisal_id)
    return document_response(await stub.EditAppraisal(request, metadata=caller.metadata))


@router.post("/appraisals/{appraisal_id}/start", response_model=None, summary="启动评议")
async def start_appraisal(appraisal_id: AppraisalId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：评议中的评议；被评议部门得到通知。"""
    return document_response(await stub.StartAppraisal(pb.Ref(id=appraisal_id), metadata=caller.metadata))


@router.post(
    "/appraisals/{appraisal_id}/references",
    status_code=201,
    response_model=None,
    summary="提供被评议部门的巡察和日常监督信息（纪委监委）",
)
async def file_reference(
    appraisal_id: AppraisalId, body: FileReference, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：评议（含调用者可见的参考信息）。"""
    request = command(pb.FileReferenceRequest, body, id=appraisal_id)
    return document_response(await stub.FileReference(request, metadata=caller.metadata), 201)


@router.post(
    "/appraisals/{appraisal_id}/activities",
    status_code=201,
    response_model=None,
    summary="登记评议活动（一听取三核查五征求）",
)
async def record_activity(
    appraisal_id: AppraisalId, body: RecordActivity, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：评议（含所登记的活动和发现的问题）。"""
    request = command(pb.RecordActivityRequest, body, id=appraisal_id)
    return document_response(await stub.RecordActivity(request, metadata=caller.metadata), 201)


@router.post(
    "/appraisals/{appraisal_id}/ballot-sessions",
    status_code=201,
    response_model=None,
    summary="组织满意度测评（本次评议的全部被评议部门）",
)
async def create_appraisal_ballot(
    appraisal_id: AppraisalId, body: AppraisalBallot, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：筹备中的测评场次，已关联本次评议；投票结束时其排名即为评议结果。"""
    request = command(pb.AppraisalBallotRequest, body, id=appraisal_id)
    return document_response(await stub.CreateAppraisalBallot(request, metadata=caller.metadata), 201)


@router.get(
    "/appraisals/{appraisal_id}/suggestion-figures", response_model=None, summary="各部门代表建议办理情况（按年度统计）"
)
async def get_appraisal_figures(appraisal_id: AppraisalId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：本次评议各部门当年的代表建议办理情况（交办件数、48 小时内联系、按期答复、满意度等），由意见建议
    办理的事件统计，不由人工填报；部门只看到本部门的。"""
    return document_response(await stub.GetAppraisalFigures(pb.Ref(id=appraisal_id), metadata=caller.metadata))


@router.get("/appraisals/{appraisal_id}/results", response_model=None, summary="评议结果（测评结束后公布）")
async def get_appraisal_results(appraisal_id: AppraisalId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：各部门的排名、满意率和各等次票数；测评结束前为 409。"""
    return document_response(await stub.GetAppraisalResults(pb.Ref(id=appraisal_id), metadata=caller.metadata))


@router.post("/appraisals/{appraisal_id}/conclude", response_model=None, summary="结束评议（结果公布后）")
async def conclude_appraisal(appraisal_id: AppraisalId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：已结束的评议。"""
    return document_response(await stub.ConcludeAppraisal(pb.Ref(id=appraisal_id), metadata=caller.metadata))


@router.post("/appraisals/{appraisal_id}/cancel", response_model=None, summary="取消评议（须说明理由）")
async def cancel_appraisal(
    appraisal_id: AppraisalId, body: CampaignCancellation, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已取消的评议。"""
    request = pb.ReasonRequest(id=appraisal_id, reason=body.reason)
    return document_response(await stub.CancelAppraisal(request, metadata=caller.metadata))


# --- ballot sessions (无记名测评) ---------------------------------------------------------------------------


@router.post(
    "/ballot-sessions", status_code=201, response_model=None, summary="创建测评场次（如民生实事年底满意度测评）"
)
async def create_ballot_session(body: SessionPlan, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：筹备中的测评场次。"""
    request = command(pb.CreateSession, body, into="plan")
    return document_response(await stub.CreateBallotSession(request, metadata=caller.metadata), 201)


@router.get("/ballot-sessions", response_model=None, summary="测评场次列表")
async def list_ballot_sessions(
    caller: CallerDep,
    stub: EvaluationDep,
    status: Annotated[SessionStatus | None, Query(description="状态")] = None,
    purpose: Annotated[Purpose | None, Query(description="类别")] = None,
    campaign_id: IdFilter = "",
    mine: Annotated[bool, Query(description="true 仅列出本人可以投票的、正在投票的测评")] = False,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：测评场次列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, status=status, purpose=purpose, campaign_id=campaign_id, mine=mine)
    return list_response(await stub.ListBallotSessions(request, metadata=caller.metadata))


@router.get("/ballot-sessions/{session_id}", response_model=None, summary="测评场次详情")
async def get_ballot_session(session_id: SessionId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：测评场次（代表名单仅组织人员和纪检监察机关可见；投票人数在投票中仅其可见）。"""
    return document_response(await stub.GetBallotSession(pb.Ref(id=session_id), metadata=caller.metadata))


@router.patch("/ballot-sessions/{session_id}", response_model=None, summary="修改测评方案（筹备中，整体替换）")
async def edit_ballot_session(
    session_id: SessionId, body: SessionPlan, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：修改后的测评场次。"""
    request = command(pb.EditSessionRequest, body, into="command.plan", id=session_id)
    return document_response(await stub.EditBallotSession(request, metadata=caller.metadata))


@router.post("/ballot-sessions/{session_id}/open", response_model=None, summary="开始投票（代表名单随之确定）")
async def open_ballot_session(session_id: SessionId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：投票中的测评场次。"""
    return document_response(await stub.OpenBallotSession(pb.Ref(id=session_id), metadata=caller.metadata))


@router.post(
    "/ballot-sessions/{session_id}/ballots", status_code=201, response_model=None, summary="投票（无记名，每人一次）"
)
async def cast_ballot(session_id: SessionId, body: CastBallot, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：投票人此时所见的测评场次；选票不与投票人关联，重复投票为 409。"""
    request = command(pb.CastBallotRequest, body, id=session_id)
    return document_response(await stub.CastBallot(request, metadata=caller.metadata), 201)


@router.post("/ballot-sessions/{session_id}/close", response_model=None, summary="结束投票并公布结果")
async def close_ballot_session(session_id: SessionId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：测评结果（排名、满意率、各等次票数）；投票的代表少于 3 人时为 409。"""
    return document_response(await stub.CloseBallotSession(pb.Ref(id=session_id), metadata=caller.metadata))


@router.post("/ballot-sessions/{session_id}/cancel", response_model=None, summary="取消测评（须说明理由）")
async def cancel_ballot_session(
    session_id: SessionId, body: SessionCancellation, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已取消的测评场次；已投的票随之作废。"""
    request = pb.ReasonRequest(id=session_id, reason=body.reason)
    return document_response(await stub.CancelBallotSession(request, metadata=caller.metadata))


@router.get("/ballot-sessions/{session_id}/results", response_model=None, summary="测评结果（投票结束后公布）")
async def get_ballot_results(session_id: SessionId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：测评结果；投票结束前任何人都看不到（409）。"""
    return document_response(await stub.GetBallotResults(pb.Ref(id=session_id), metadata=caller.metadata))
