"""The gRPC face of the consultation service: request → command (``wulian.kit.command_messages.decode``) →
use case (``handlers``) → the read model its caller may see, as JSON.

Most RPCs are one step of one aggregate; they are made by ``_step`` from the aggregate's kind, the command
and the aggregate's method, so that each reads as one line of the table below. ``LinkWork`` first looks the
work up in the link that owns it, with the caller's token (``work_lookup``), and writes nothing when it is not
found there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeAlias

import grpc
from sqlmodel import Session

from services.consultation import handlers, work_lookup
from services.consultation.analyses import AddAnalysisNote, ConcludeAnalysis, OpenAnalysis
from services.consultation.bulletins import IssueBulletin, WithdrawBulletin
from services.consultation.consultation_commands import (
    CloseConsultation,
    GiveOpinion,
    OpenConsultation,
    RecordAdoption,
)
from services.consultation.handlers import ANALYSIS, BULLETIN, CONSULTATION, MEETING, OPINION, PLAN, Kind
from services.consultation.meeting_commands import (
    AddActionItem,
    AmendMinutes,
    CancelActionItem,
    CancelMeeting,
    CompleteActionItem,
    ConveneMeeting,
    RecordMinutes,
)
from services.consultation.plan_commands import (
    AcceptProposal,
    AddItem,
    ApprovePlan,
    CreatePlan,
    DeclineProposal,
    EditItem,
    LinkWork,
    ProposeItem,
    RemoveItem,
    UnlinkWork,
)
from services.consultation.plans import Plan
from wulian.consultation.v1 import consultation_pb2 as pb
from wulian.consultation.v1 import consultation_pb2_grpc
from wulian.kit.clock import Clock, utc_now
from wulian.kit.command_messages import decode
from wulian.kit.db import Database
from wulian.kit.grpc_server import current_principal
from wulian.kit.paging import Page, Shown
from wulian.kit.principal import Principal

Ctx: TypeAlias = grpc.aio.ServicerContext
Rpc = Callable[[Any, Any, Ctx], Any]


def _document(shown: Shown) -> pb.Document:
    return pb.Document(id=shown.id, version=shown.version, json=shown.json)


def _list(page: Page) -> pb.ListResponse:
    return pb.ListResponse(items=page.items, next_page_token=page.next_page_token, total=page.total, counts=page.counts)


def _step(kind: Kind, command_type: type | None, method: str) -> Rpc:
    """An RPC that calls ``aggregate.<method>(principal, command, now)`` (or ``(principal, now)`` when the
    step takes no command) on the object ``request.id``."""

    async def rpc(self: ConsultationService, request: Any, context: Ctx) -> pb.Document:
        command = decode(command_type, request.command) if command_type is not None else None
        args = () if command is None else (command,)

        def step(db: Session, principal: Principal) -> Shown:
            def apply(aggregate: Any, now: Any) -> object:
                return getattr(aggregate, method)(principal, *args, now)

            return handlers.act(db, kind, principal, request.id, apply, self.clock)

        return await self._write(step)

    rpc.__name__ = method
    return rpc


def _create(command_type: type, use_case: Callable[..., Shown]) -> Rpc:
    """An RPC whose request is the command itself: a new object."""

    async def rpc(self: ConsultationService, request: Any, context: Ctx) -> pb.Document:
        command = decode(command_type, request)
        return await self._write(lambda db, p: use_case(db, p, command, self.clock))

    return rpc


def _on(command_type: type, use_case: Callable[..., Shown]) -> Rpc:
    """An RPC of a use case on the object ``request.id`` with ``request.command``."""

    async def rpc(self: ConsultationService, request: Any, context: Ctx) -> pb.Document:
        command = decode(command_type, request.command)
        return await self._write(lambda db, p: use_case(db, p, request.id, command, self.clock))

    return rpc


def _get(kind: Kind) -> Rpc:
    async def rpc(self: ConsultationService, request: pb.Ref, context: Ctx) -> pb.Document:
        return _document(await self.db.in_session(handlers.get, kind, current_principal(), request.id))

    return rpc


def _list_of(kind: Kind) -> Rpc:
    async def rpc(self: ConsultationService, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(lambda db, p, *page: handlers.list_of(db, kind, p, *page), request)

    return rpc


class ConsultationService(consultation_pb2_grpc.ConsultationServiceServicer):
    def __init__(
        self,
        db: Database,
        find_work: work_lookup.FindWork,
        on_committed_event: Callable[[], None],
        clock: Clock = utc_now,
    ) -> None:
        self.db = db
        self.find_work = find_work
        self.on_committed_event = on_committed_event
        self.clock = clock

    async def _write(self, fn: Callable[[Session, Principal], Shown]) -> pb.Document:
        shown = await self.db.in_session(fn, current_principal())
        self.on_committed_event()
        return _document(shown)

    async def _page(self, fn: Callable[..., Page], request: pb.ListRequest) -> pb.ListResponse:
        page = await self.db.in_session(
            fn, current_principal(), request.page_size, request.page_token, dict(request.filters)
        )
        return _list(page)

    # --- 监督工作计划 ---------------------------------------------------------------------------------------

    CreatePlan = _create(CreatePlan, handlers.create_plan)
    AddPlanItem = _step(PLAN, AddItem, "add_item")
    EditPlanItem = _step(PLAN, EditItem, "edit_item")
    RemovePlanItem = _step(PLAN, RemoveItem, "remove_item")
    ProposePlanItem = _step(PLAN, ProposeItem, "propose_item")
    AcceptProposal = _step(PLAN, AcceptProposal, "accept_proposal")
    DeclineProposal = _step(PLAN, DeclineProposal, "decline_proposal")
    ApprovePlan = _step(PLAN, ApprovePlan, "approve")
    UnlinkWork = _step(PLAN, UnlinkWork, "unlink_work")
    GetPlan = _get(PLAN)
    ListPlans = _list_of(PLAN)

    # --- 征求意见 -------------------------------------------------------------------------------------------

    OpenConsultation = _on(OpenConsultation, handlers.open_consultation)
    CloseConsultation = _step(CONSULTATION, CloseConsultation, "close")
    GetConsultation = _get(CONSULTATION)
    ListConsultations = _list_of(CONSULTATION)
    GiveOpinion = _on(GiveOpinion, handlers.give_opinion)
    RecordAdoption = _step(OPINION, RecordAdoption, "record_adoption")
    GetOpinion = _get(OPINION)
    ListOpinions = _list_of(OPINION)

    # --- 联席会议 -------------------------------------------------------------------------------------------

    ConveneMeeting = _create(ConveneMeeting, handlers.convene_meeting)
    RecordMinutes = _step(MEETING, RecordMinutes, "record_minutes")
    AmendMinutes = _step(MEETING, AmendMinutes, "amend_minutes")
    AddActionItem = _step(MEETING, AddActionItem, "add_action_item")
    CompleteActionItem = _step(MEETING, CompleteActionItem, "complete_action_item")
    CancelActionItem = _step(MEETING, CancelActionItem, "cancel_action_item")
    CloseMeeting = _step(MEETING, None, "close")
    CancelMeeting = _step(MEETING, CancelMeeting, "cancel")
    GetMeeting = _get(MEETING)
    ListMeetings = _list_of(MEETING)

    # --- 通报 and 联合研判 ----------------------------------------------------------------------------------

    IssueBulletin = _create(IssueBulletin, handlers.issue_bulletin)
    WithdrawBulletin = _step(BULLETIN, WithdrawBulletin, "withdraw")
    GetBulletin = _get(BULLETIN)
    OpenAnalysis = _create(OpenAnalysis, handlers.open_analysis)
    AddAnalysisNote = _step(ANALYSIS, AddAnalysisNote, "add_note")
    ConcludeAnalysis = _step(ANALYSIS, ConcludeAnalysis, "conclude")
    GetAnalysis = _get(ANALYSIS)
    ListAnalyses = _list_of(ANALYSIS)

    async def LinkWork(self, request: pb.LinkWorkRequest, context: Ctx) -> pb.Document:
        """The plan is checked first (the caller may see it and link to it now), then the work is looked up
        in its own link, then the link is written in the caller's transaction; nothing is written when the
        work is not found there, or not now."""
        remaining_s = context.time_remaining() if context is not None else None
        await self.db.in_session(self._may_link, current_principal(), request.id)
        command = await work_lookup.checked(decode(LinkWork, request.command), self.find_work, remaining_s)

        def link(db: Session, principal: Principal) -> Shown:
            def step(plan: Plan, now: datetime) -> object:
                return plan.link_work(principal, command, now)

            return handlers.act(db, PLAN, principal, request.id, step, self.clock)

        return await self._write(link)

    def _may_link(self, db: Session, principal: Principal, plan_id: str) -> None:
        plan = PLAN.visible(db, principal, plan_id).aggregate
        plan.ensure_may_link_work(principal, self.clock())

    async def AcknowledgeBulletin(self, request: pb.Ref, context: Ctx) -> pb.Document:
        """No event and no new version when the reader had acknowledged it already."""
        return await self._write(lambda db, p: handlers.acknowledge_bulletin(db, p, request.id, self.clock))

    async def ListBulletins(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(handlers.list_bulletins, request)
