"""民生实事联督 routes: candidate projects, the deputies' project vote (票决) with its run-offs, and the year's
projects — their progress reported by the departments and their joint inspections by the congress and the
discipline commission (each problem found becomes a rectification item).

They translate HTTP ⇄ gRPC and nothing more; the evaluation service decides who sees and does what and
answers with the object as its caller may see it (a JSON read model), which goes out unchanged. The
candidates (``/projects/candidates``) are declared before ``/projects/{project_id}``, which would take
them for an id.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from services.gateway.deps import CallerDep, EvaluationDep
from services.gateway.routes.common import (
    PageSize,
    PageToken,
    document_response,
    list_response,
)
from services.gateway.routes.evaluation_common import (
    CandidateId,
    ProjectId,
    UnitFilter,
    VoteId,
    YearFilter,
    command,
    listing,
)
from services.gateway.schemas_evaluation_projects import (
    AddCandidate,
    CandidateDetails,
    CandidateStatus,
    CandidateWithdrawal,
    CastPicks,
    CreateRunoff,
    CreateVote,
    EditVote,
    LinkSatisfactionSession,
    ProjectStatus,
    RecordInspection,
    ReportProgress,
    VoteCancellation,
    VoteStatus,
)
from wulian.evaluation.v1 import evaluation_pb2 as pb

router = APIRouter(tags=["livelihood projects 民生实事联督"])

# --- candidates (候选项目) ---------------------------------------------------------------------------------


@router.post("/projects/candidates", status_code=201, response_model=None, summary="提出候选项目（含量化目标和节点）")
async def add_candidate(body: AddCandidate, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：候选项目；该年度票决开始后不能再提出（409）。"""
    request = command(pb.AddCandidate, body, into="")
    return document_response(await stub.AddCandidate(request, metadata=caller.metadata), 201)


@router.get("/projects/candidates", response_model=None, summary="候选项目列表")
async def list_candidates(
    caller: CallerDep,
    stub: EvaluationDep,
    year: YearFilter = None,
    status: Annotated[CandidateStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：候选项目列表 {items, next_page_token, total, counts}；政府部门仅见本单位的，平台管理员仅见数量。"""
    request = listing(page_size, page_token, year=year, status=status)
    return list_response(await stub.ListCandidates(request, metadata=caller.metadata))


@router.get("/projects/candidates/{candidate_id}", response_model=None, summary="候选项目详情")
async def get_candidate(candidate_id: CandidateId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：候选项目。"""
    return document_response(await stub.GetCandidate(pb.Ref(id=candidate_id), metadata=caller.metadata))


@router.patch("/projects/candidates/{candidate_id}", response_model=None, summary="修改候选项目（票决前，整体替换）")
async def edit_candidate(
    candidate_id: CandidateId, body: CandidateDetails, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：修改后的候选项目。"""
    request = command(pb.EditCandidateRequest, body, into="command.details", id=candidate_id)
    return document_response(await stub.EditCandidate(request, metadata=caller.metadata))


@router.post("/projects/candidates/{candidate_id}/withdraw", response_model=None, summary="撤回候选项目（须说明理由）")
async def withdraw_candidate(
    candidate_id: CandidateId, body: CandidateWithdrawal, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已撤回的候选项目。"""
    request = pb.ReasonRequest(id=candidate_id, reason=body.reason)
    return document_response(await stub.WithdrawCandidate(request, metadata=caller.metadata))


# --- the project vote (票决) -------------------------------------------------------------------------------


@router.post("/project-votes", status_code=201, response_model=None, summary="组织项目票决（差额票决）")
async def create_project_vote(body: CreateVote, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：筹备中的项目票决；开始投票时该年度的候选项目列入选票。"""
    request = command(pb.CreateVote, body, into="")
    return document_response(await stub.CreateProjectVote(request, metadata=caller.metadata), 201)


@router.get("/project-votes", response_model=None, summary="项目票决列表")
async def list_project_votes(
    caller: CallerDep,
    stub: EvaluationDep,
    year: YearFilter = None,
    status: Annotated[VoteStatus | None, Query(description="状态")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：项目票决列表 {items, next_page_token, total, counts}；平台管理员仅见各状态数量（counts）。"""
    request = listing(page_size, page_token, year=year, status=status)
    return list_response(await stub.ListProjectVotes(request, metadata=caller.metadata))


@router.get("/project-votes/{vote_id}", response_model=None, summary="项目票决详情（结束后含票决结果）")
async def get_project_vote(vote_id: VoteId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：项目票决（代表名单仅组织人员和纪检监察机关可见）。"""
    return document_response(await stub.GetProjectVote(pb.Ref(id=vote_id), metadata=caller.metadata))


@router.patch("/project-votes/{vote_id}", response_model=None, summary="修改项目票决（筹备中）")
async def edit_project_vote(vote_id: VoteId, body: EditVote, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：修改后的项目票决。"""
    request = command(pb.EditVoteRequest, body, id=vote_id)
    return document_response(await stub.EditProjectVote(request, metadata=caller.metadata))


@router.post("/project-votes/{vote_id}/open", response_model=None, summary="开始投票（候选项目随之确定）")
async def open_project_vote(vote_id: VoteId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：投票中的项目票决；候选项目须多于拟选项目数（409）。"""
    return document_response(await stub.OpenProjectVote(pb.Ref(id=vote_id), metadata=caller.metadata))


@router.post(
    "/project-votes/{vote_id}/ballots", status_code=201, response_model=None, summary="投票（无记名，每人一次）"
)
async def cast_picks(vote_id: VoteId, body: CastPicks, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：投票人此时所见的项目票决；选票不与投票人关联，重复投票为 409。"""
    request = command(pb.CastPicksRequest, body, id=vote_id)
    return document_response(await stub.CastPicks(request, metadata=caller.metadata), 201)


@router.post("/project-votes/{vote_id}/close", response_model=None, summary="结束投票（确定当选项目）")
async def close_project_vote(vote_id: VoteId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：含票决结果的项目票决；当选项目成为该年度的民生实事项目，末位并列的需加试。"""
    return document_response(await stub.CloseProjectVote(pb.Ref(id=vote_id), metadata=caller.metadata))


@router.post("/project-votes/{vote_id}/runoff", status_code=201, response_model=None, summary="组织加试（末位并列时）")
async def create_runoff(vote_id: VoteId, body: CreateRunoff, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：加试的项目票决（并列的候选项目，剩余的拟选项目数）。"""
    request = command(pb.CreateRunoffRequest, body, id=vote_id)
    return document_response(await stub.CreateRunoff(request, metadata=caller.metadata), 201)


@router.post("/project-votes/{vote_id}/cancel", response_model=None, summary="取消项目票决（须说明理由）")
async def cancel_project_vote(
    vote_id: VoteId, body: VoteCancellation, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：已取消的项目票决；其候选项目可重新票决。"""
    request = pb.ReasonRequest(id=vote_id, reason=body.reason)
    return document_response(await stub.CancelProjectVote(request, metadata=caller.metadata))


# --- projects (民生实事项目) --------------------------------------------------------------------------------


@router.get("/projects", response_model=None, summary="民生实事项目列表（含进度）")
async def list_projects(
    caller: CallerDep,
    stub: EvaluationDep,
    year: YearFilter = None,
    unit: UnitFilter = "",
    status: Annotated[ProjectStatus | None, Query(description="状态：in_progress 实施中、completed 已完成")] = None,
    page_size: PageSize = 20,
    page_token: PageToken = "",
) -> Response:
    """答复：项目列表 {items（含完成百分比和滞后天数）, next_page_token, total, counts}；平台管理员仅见数量。"""
    request = listing(page_size, page_token, year=year, unit=unit, status=status)
    return list_response(await stub.ListProjects(request, metadata=caller.metadata))


@router.get("/projects/{project_id}", response_model=None, summary="民生实事项目详情")
async def get_project(project_id: ProjectId, caller: CallerDep, stub: EvaluationDep) -> Response:
    """答复：项目及各目标、节点的进度；进度报告原文和视察记录仅组织人员、纪检监察机关和责任单位可见。"""
    return document_response(await stub.GetProject(pb.Ref(id=project_id), metadata=caller.metadata))


@router.post("/projects/{project_id}/progress", status_code=201, response_model=None, summary="报告进度（责任单位）")
async def report_progress(
    project_id: ProjectId, body: ReportProgress, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：项目；各目标均达到计划数量时项目完成。"""
    request = command(pb.ReportProgressRequest, body, id=project_id)
    return document_response(await stub.ReportProgress(request, metadata=caller.metadata), 201)


@router.post(
    "/projects/{project_id}/inspections",
    status_code=201,
    response_model=None,
    summary="记录联合视察（人大与纪委监委；发现的问题记入整改台账）",
)
async def record_inspection(
    project_id: ProjectId, body: RecordInspection, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：项目（含视察记录；每个问题已作为整改事项交办责任单位）。"""
    request = command(pb.RecordInspectionRequest, body, id=project_id)
    return document_response(await stub.RecordInspection(request, metadata=caller.metadata), 201)


@router.post("/projects/{project_id}/satisfaction-session", response_model=None, summary="关联年底满意度测评场次")
async def link_satisfaction_session(
    project_id: ProjectId, body: LinkSatisfactionSession, caller: CallerDep, stub: EvaluationDep
) -> Response:
    """答复：关联了满意度测评场次的项目。"""
    request = command(pb.LinkSatisfactionSessionRequest, body, id=project_id)
    return document_response(await stub.LinkSatisfactionSession(request, metadata=caller.metadata))
