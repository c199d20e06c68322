"""The gRPC face of the evaluation service: request → command (``wulian.kit.command_messages.decode``) →
use case → the read model its caller may see, as JSON (``wulian.kit.read_models.to_json``).

Every call runs in one database session on the database's thread (``Database.in_session``); after a write
the outbox relay is woken for the events the transaction stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeAlias, TypeVar

import grpc
from sqlmodel import Session

from services.evaluation import (
    appraisal_handlers,
    ballot_handlers,
    ballots,
    figures_handlers,
    project_handlers,
    queries,
    rectification_handlers,
)
from services.evaluation.appraisals import AppraisalBallot, Campaign, CampaignPlan, FileReference, RecordActivity
from services.evaluation.candidates import Candidate
from services.evaluation.project_commands import (
    AddCandidate,
    CancelVote,
    CastPicks,
    CreateRunoff,
    CreateVote,
    EditCandidate,
    EditVote,
    LinkSatisfactionSession,
    RecordInspection,
    ReportProgress,
    WithdrawCandidate,
)
from services.evaluation.projects import Project
from services.evaluation.rectification_commands import (
    AddFollowUp,
    CloseOutForService,
    CloseOutItem,
    DeclarePlan,
    DeclarePlanForService,
    EditItem,
    RaiseForService,
    RaiseItem,
    ReportForService,
    ReportRectification,
    WithdrawForService,
    WithdrawItem,
    service_raiser,
)
from services.evaluation.rectifications import RectificationItem
from wulian.evaluation.v1 import evaluation_pb2 as pb
from wulian.evaluation.v1 import evaluation_pb2_grpc
from wulian.kit.clock import Clock, utc_now
from wulian.kit.command_messages import decode
from wulian.kit.db import Database
from wulian.kit.documents import Loaded
from wulian.kit.errors import PermissionDenied
from wulian.kit.grpc_server import current_principal
from wulian.kit.paging import Page
from wulian.kit.principal import Principal, is_service_caller
from wulian.kit.read_models import to_json

Ctx: TypeAlias = grpc.aio.ServicerContext
C = TypeVar("C")


def _document(object_id: str, version: int, model: object) -> pb.Document:
    return pb.Document(id=object_id, version=version, json=to_json(model))


def _list(page: Page) -> pb.ListResponse:
    return pb.ListResponse(items=page.items, next_page_token=page.next_page_token, total=page.total, counts=page.counts)


def _shown(shown: queries.Shown) -> pb.Document:
    return pb.Document(id=shown.id, version=shown.version, json=shown.json)


def _ledger_filters(filters: dict[str, str]) -> rectification_handlers.Filters:
    return rectification_handlers.Filters(
        status=filters.get("status", ""),
        unit=filters.get("unit", ""),
        source=filters.get("source", ""),
        overdue=filters.get("overdue", "") == "true",
    )


# --- steps that answer a read model (run in the request's database session) -------------------------------


def _campaign_step(
    db: Session, principal: Principal, campaign_id: str, step: Callable[[Campaign, datetime], object], clock: Clock
) -> pb.Document:
    shown = appraisal_handlers.act(db, principal, campaign_id, step, clock)
    return _document(shown.view.id, shown.version, shown.view)


def _item_step(
    db: Session,
    principal: Principal,
    item_id: str,
    step: Callable[[RectificationItem, datetime], object],
    clock: Clock,
) -> pb.Document:
    shown = rectification_handlers.act(db, principal, item_id, step, clock)
    return _document(shown.view.id, shown.version, shown.view)


def _candidate_step(
    db: Session, principal: Principal, candidate_id: str, step: Callable[[Candidate, datetime], object], clock: Clock
) -> pb.Document:
    loaded = project_handlers.act_on_candidate(db, principal, candidate_id, step, clock)
    return _shown(queries.candidate_shown(loaded.aggregate, loaded.version, principal))


def _project_step(
    db: Session, principal: Principal, project_id: str, step: Callable[[Project, datetime], object], clock: Clock
) -> pb.Document:
    loaded = project_handlers.act_on_project(db, principal, project_id, step, clock)
    return _shown(queries.project_shown(loaded.aggregate, loaded.version, principal, clock()))


def _session_shown(shown: ballot_handlers.Shown) -> pb.Document:
    return _document(shown.summary.id, shown.version, shown.summary)


def _results(session_id: str, computed: ballots.SessionResults) -> pb.Document:
    return _document(session_id, 0, ballots.results_view(computed))


class EvaluationService(evaluation_pb2_grpc.EvaluationServiceServicer):
    def __init__(self, db: Database, on_committed_event: Callable[[], None], clock: Clock = utc_now) -> None:
        self.db = db
        self.on_committed_event = on_committed_event
        self.clock = clock

    async def _run(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await self.db.in_session(fn, current_principal(), *args)

    async def _write(self, fn: Callable[..., pb.Document], *args: Any) -> pb.Document:
        answer = await self._run(fn, *args)
        self.on_committed_event()
        return answer

    async def _step(
        self, act: Callable[..., pb.Document], object_id: str, step: Callable[[Principal], Callable[..., object]]
    ) -> pb.Document:
        """``act`` (a ``_*_step`` above) on the object with the step made for the caller."""
        return await self._write(lambda db, p: act(db, p, object_id, step(p), self.clock))

    async def _page(self, fn: Callable[..., Page], request: pb.ListRequest, *extra: Any) -> pb.ListResponse:
        page = await self._run(fn, request.page_size, request.page_token, dict(request.filters), *extra)
        return _list(page)

    # --- appraisal campaigns -------------------------------------------------------------------------------

    async def CreateAppraisal(self, request: pb.CampaignPlan, context: Ctx) -> pb.Document:
        command = decode(CampaignPlan, request)

        def create(db: Session, principal: Principal) -> pb.Document:
            shown = appraisal_handlers.create(db, principal, command, self.clock)
            return _document(shown.view.id, shown.version, shown.view)

        return await self._write(create)

    async def EditAppraisal(self, request: pb.CampaignPlanRequest, context: Ctx) -> pb.Document:
        command = decode(CampaignPlan, request.command)
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.edit(p, command, now))

    async def StartAppraisal(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.start(p, now))

    async def FileReference(self, request: pb.FileReferenceRequest, context: Ctx) -> pb.Document:
        command = decode(FileReference, request.command)
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.file_reference(p, command, now))

    async def RecordActivity(self, request: pb.RecordActivityRequest, context: Ctx) -> pb.Document:
        command = decode(RecordActivity, request.command)
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.record_activity(p, command, now))

    async def CreateAppraisalBallot(self, request: pb.AppraisalBallotRequest, context: Ctx) -> pb.Document:
        command = decode(AppraisalBallot, request.command)
        return await self._write(
            lambda db, p: _session_shown(ballot_handlers.create_for_campaign(db, p, request.id, command, self.clock))
        )

    async def ConcludeAppraisal(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.conclude(p, now))

    async def CancelAppraisal(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        return await self._step(_campaign_step, request.id, lambda p: lambda c, now: c.cancel(p, request.reason, now))

    async def GetAppraisal(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _shown(await self._run(queries.get_campaign, request.id))

    async def ListAppraisals(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(queries.list_campaigns, request)

    async def GetAppraisalFigures(self, request: pb.Ref, context: Ctx) -> pb.Document:
        figures = await self._run(figures_handlers.campaign_figures, request.id)
        return _document(request.id, 0, figures)

    async def GetAppraisalResults(self, request: pb.Ref, context: Ctx) -> pb.Document:
        computed = await self._run(ballot_handlers.campaign_results, request.id)
        return _results(computed.session_id, computed)

    # --- ballot sessions -----------------------------------------------------------------------------------

    async def CreateBallotSession(self, request: pb.CreateSession, context: Ctx) -> pb.Document:
        command = decode(ballots.CreateSession, request)
        return await self._write(lambda db, p: _session_shown(ballot_handlers.create(db, p, command, self.clock)))

    async def EditBallotSession(self, request: pb.EditSessionRequest, context: Ctx) -> pb.Document:
        command = decode(ballots.EditSession, request.command)
        return await self._write(
            lambda db, p: _session_shown(ballot_handlers.edit(db, p, request.id, command, self.clock))
        )

    async def OpenBallotSession(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(
            lambda db, p: _session_shown(ballot_handlers.open_session(db, p, request.id, self.clock))
        )

    async def CastBallot(self, request: pb.CastBallotRequest, context: Ctx) -> pb.Document:
        """No event and no log line: the receipt and the counters are all a ballot leaves."""
        command = decode(ballots.CastBallot, request.command)

        def cast(db: Session, principal: Principal) -> pb.Document:
            ballot_handlers.cast(db, principal, request.id, command, self.clock)
            return _session_shown(ballot_handlers.get(db, principal, request.id))

        return await self._run(cast)

    async def CloseBallotSession(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(
            lambda db, p: _results(request.id, ballot_handlers.close(db, p, request.id, self.clock))
        )

    async def CancelBallotSession(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        command = ballots.CancelSession(request.reason)
        return await self._write(
            lambda db, p: _session_shown(ballot_handlers.cancel(db, p, request.id, command, self.clock))
        )

    async def GetBallotSession(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _session_shown(await self._run(ballot_handlers.get, request.id))

    async def ListBallotSessions(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(queries.list_sessions, request)

    async def GetBallotResults(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _results(request.id, await self._run(ballot_handlers.results, request.id))

    # --- the rectification ledger --------------------------------------------------------------------------

    async def RaiseRectification(self, request: pb.RaiseItem, context: Ctx) -> pb.Document:
        command = decode(RaiseItem, request)

        def raise_item(db: Session, principal: Principal) -> pb.Document:
            shown = rectification_handlers.raise_item(db, principal, command, self.clock)
            return _document(shown.view.id, shown.version, shown.view)

        return await self._write(raise_item)

    async def RaiseRectificationForService(self, request: pb.RaiseForService, context: Ctx) -> pb.Document:
        """Another service's call in a body's name: the item's id and version (a service reads no item)."""
        if not is_service_caller(current_principal()):
            raise PermissionDenied("只有平台的其他服务可以代为提出整改事项")
        command = decode(RaiseForService, request)
        raiser = service_raiser(command.raising_body, command.official_subject, command.official_name)

        def raise_item(db: Session, principal: Principal) -> pb.Document:
            item_id, version = rectification_handlers.raise_for_service(db, raiser, command.item, self.clock)
            return pb.Document(id=item_id, version=version, json=to_json({"id": item_id}))

        return await self._write(raise_item)

    async def _for_service(
        self, request: Any, command_type: type[C], handler: Callable[[Session, C], tuple[str, int]]
    ) -> pb.Document:
        """Another service mirrors a step of its own object into an item: the item's id and version."""
        if not is_service_caller(current_principal()):
            raise PermissionDenied("只有平台的其他服务可以代为办理整改事项")
        command = decode(command_type, request)

        def run(db: Session, principal: Principal) -> pb.Document:
            item_id, version = handler(db, command)
            return pb.Document(id=item_id, version=version, json=to_json({"id": item_id}))

        return await self._write(run)

    async def DeclarePlanForService(self, request: pb.DeclarePlanForService, context: Ctx) -> pb.Document:
        return await self._for_service(request, DeclarePlanForService, rectification_handlers.declare_plan_for_service)

    async def ReportRectificationForService(self, request: pb.ReportForService, context: Ctx) -> pb.Document:
        return await self._for_service(request, ReportForService, rectification_handlers.report_for_service)

    async def CloseOutRectificationForService(self, request: pb.CloseOutForService, context: Ctx) -> pb.Document:
        return await self._for_service(request, CloseOutForService, rectification_handlers.close_out_for_service)

    async def WithdrawRectificationForService(self, request: pb.WithdrawForService, context: Ctx) -> pb.Document:
        return await self._for_service(request, WithdrawForService, rectification_handlers.withdraw_for_service)

    async def EditRectification(self, request: pb.EditItemRequest, context: Ctx) -> pb.Document:
        command = decode(EditItem, request.command)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.edit(p, command, now))

    async def WithdrawRectification(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        command = WithdrawItem(request.reason)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.withdraw(p, command, now))

    async def DeclarePlan(self, request: pb.DeclarePlanRequest, context: Ctx) -> pb.Document:
        command = decode(DeclarePlan, request.command)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.declare_plan(p, command, now))

    async def ReportRectification(self, request: pb.ReportRectificationRequest, context: Ctx) -> pb.Document:
        command = decode(ReportRectification, request.command)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.report(p, command, now))

    async def CloseOutRectification(self, request: pb.CloseOutItemRequest, context: Ctx) -> pb.Document:
        command = decode(CloseOutItem, request.command)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.close_out(p, command, now))

    async def AddFollowUp(self, request: pb.AddFollowUpRequest, context: Ctx) -> pb.Document:
        command = decode(AddFollowUp, request.command)
        return await self._step(_item_step, request.id, lambda p: lambda i, now: i.add_follow_up(p, command, now))

    async def GetRectification(self, request: pb.Ref, context: Ctx) -> pb.Document:
        shown = await self._run(rectification_handlers.get, request.id)
        return _document(shown.view.id, shown.version, shown.view)

    async def ListRectifications(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        page = await self._run(
            rectification_handlers.list_items,
            request.page_size,
            request.page_token,
            _ledger_filters(dict(request.filters)),
            self.clock,
        )
        items = [to_json(view) for view in page.items]
        return pb.ListResponse(items=items, next_page_token=page.next_page_token, total=page.total, counts=page.counts)

    async def ListLedgerSheets(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        sheets = await self._run(rectification_handlers.six_lists, _ledger_filters(dict(request.filters)), self.clock)
        return pb.ListResponse(items=[to_json(sheet) for sheet in sheets], total=len(sheets))

    # --- livelihood projects -------------------------------------------------------------------------------

    async def _vote(self, fn: Callable[..., Loaded[Any]], *args: Any) -> pb.Document:
        def step(db: Session, principal: Principal) -> pb.Document:
            loaded = fn(db, principal, *args, self.clock)
            return _shown(queries.vote_shown(loaded.aggregate, loaded.version, principal))

        return await self._write(step)

    async def AddCandidate(self, request: pb.AddCandidate, context: Ctx) -> pb.Document:
        command = decode(AddCandidate, request)

        def add(db: Session, principal: Principal) -> pb.Document:
            candidate = project_handlers.add_candidate(db, principal, command, self.clock)
            return _shown(queries.candidate_shown(candidate, 1, principal))

        return await self._write(add)

    async def EditCandidate(self, request: pb.EditCandidateRequest, context: Ctx) -> pb.Document:
        command = decode(EditCandidate, request.command)
        return await self._step(_candidate_step, request.id, lambda p: lambda c, now: c.edit(p, command, now))

    async def WithdrawCandidate(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        command = WithdrawCandidate(request.reason)
        return await self._step(_candidate_step, request.id, lambda p: lambda c, now: c.withdraw(p, command, now))

    async def GetCandidate(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _shown(await self._run(queries.get_candidate, request.id))

    async def ListCandidates(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(queries.list_candidates, request)

    async def CreateProjectVote(self, request: pb.CreateVote, context: Ctx) -> pb.Document:
        command = decode(CreateVote, request)
        return await self._vote(lambda db, p, clock: Loaded(project_handlers.create_vote(db, p, command, clock), 1))

    async def EditProjectVote(self, request: pb.EditVoteRequest, context: Ctx) -> pb.Document:
        return await self._vote(project_handlers.edit_vote, request.id, decode(EditVote, request.command))

    async def OpenProjectVote(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._vote(project_handlers.open_vote, request.id)

    async def CastPicks(self, request: pb.CastPicksRequest, context: Ctx) -> pb.Document:
        """No event and no log line: the receipt and the counters are all a ballot leaves."""
        command = decode(CastPicks, request.command)

        def cast(db: Session, principal: Principal) -> pb.Document:
            project_handlers.cast(db, principal, request.id, command)
            return _shown(queries.get_vote(db, principal, request.id))

        return await self._run(cast)

    async def CloseProjectVote(self, request: pb.Ref, context: Ctx) -> pb.Document:
        def close(db: Session, principal: Principal) -> pb.Document:
            project_handlers.close_vote(db, principal, request.id, self.clock)
            return _shown(queries.get_vote(db, principal, request.id))

        return await self._write(close)

    async def CreateRunoff(self, request: pb.CreateRunoffRequest, context: Ctx) -> pb.Document:
        command = decode(CreateRunoff, request.command)
        return await self._vote(
            lambda db, p, clock: Loaded(project_handlers.create_runoff(db, p, request.id, command, clock), 1)
        )

    async def CancelProjectVote(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        return await self._vote(project_handlers.cancel_vote, request.id, CancelVote(request.reason))

    async def GetProjectVote(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _shown(await self._run(queries.get_vote, request.id))

    async def ListProjectVotes(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(queries.list_votes, request)

    async def GetProject(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return _shown(await self._run(queries.get_project, request.id, self.clock))

    async def ListProjects(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(queries.list_projects, request, self.clock)

    async def ReportProgress(self, request: pb.ReportProgressRequest, context: Ctx) -> pb.Document:
        command = decode(ReportProgress, request.command)
        return await self._step(
            _project_step, request.id, lambda p: lambda project, now: project.report_progress(p, command, now)
        )

    async def RecordInspection(self, request: pb.RecordInspectionRequest, context: Ctx) -> pb.Document:
        command = decode(RecordInspection, request.command)

        def inspect(db: Session, principal: Principal) -> pb.Document:
            loaded, _ = project_handlers.record_inspection(
                db, principal, request.id, lambda p, now: p.record_inspection(principal, command, now), self.clock
            )
            return _shown(queries.project_shown(loaded.aggregate, loaded.version, principal, self.clock()))

        return await self._write(inspect)

    async def LinkSatisfactionSession(self, request: pb.LinkSatisfactionSessionRequest, context: Ctx) -> pb.Document:
        command = decode(LinkSatisfactionSession, request.command)
        return await self._step(
            _project_step, request.id, lambda p: lambda project, now: project.link_satisfaction_session(p, command, now)
        )
