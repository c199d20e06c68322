"""The gRPC face of the case-review service: translate → handler → translate.

Each answer is a ``Document`` holding the read model the caller may see (``handlers.Shown``), so the
decisions about masking and visibility are taken once, here in the service, never in the gateway.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias

import grpc

from services.case_review import commands, draw_handlers, handlers
from services.case_review.experts import Expert
from services.case_review.findings import Finding
from services.case_review.handlers import Context, Page, Shown
from wulian.case_review.v1 import case_review_pb2 as pb
from wulian.case_review.v1 import case_review_pb2_grpc
from wulian.kit.db import Database
from wulian.kit.grpc_server import current_principal

Ctx: TypeAlias = grpc.aio.ServicerContext


def _document(shown: Shown) -> pb.Document:
    return pb.Document(id=shown.id, version=shown.version, json=shown.json)


def _list(page: Page) -> pb.ListResponse:
    return pb.ListResponse(items=page.items, next_page_token=page.next_page_token, total=page.total, counts=page.counts)


def profile(request: pb.ExpertProfileRequest) -> commands.ExpertProfile:
    return commands.ExpertProfile(
        name=request.name,
        category=request.category,
        specialties=tuple(request.specialties),
        employer=request.employer,
        phone=request.phone,
        id_number=request.id_number,
        title=request.title,
        conflicts=tuple(request.conflicts),
        account_subject=request.account_subject,
    )


def case_details(request: pb.CaseRequest) -> commands.CaseDetails:
    return commands.CaseDetails(
        number=request.number,
        type=request.type,
        cause=request.cause,
        unit_name=request.unit_name,
        presiding_id=request.presiding_id,
        presiding_name=request.presiding_name,
        parties=tuple(commands.PartyInput(p.name, p.is_enterprise) for p in request.parties),
        lawyers=tuple(commands.LawyerInput(x.name, x.firm) for x in request.lawyers),
        unit=request.unit,
        presiding_unit=request.presiding_unit,
    )


def batch_rules(request: pb.BatchRequest) -> commands.BatchRules:
    return commands.BatchRules(
        name=request.name,
        case_ids=tuple(request.case_ids),
        experts_per_case=request.experts_per_case,
        backups_per_case=request.backups_per_case,
        max_cases_per_expert=request.max_cases_per_expert,
        category_quotas=dict(request.category_quotas),
        specialty_quotas=dict(request.specialty_quotas),
        cooling_off_days=request.cooling_off_days,
    )


def score_form(request: pb.ScoreFormRequest) -> commands.SaveScoreForm:
    return commands.SaveScoreForm(
        case_id=request.case_id,
        scores=dict(request.scores),
        comments=dict(request.comments),
        opinion=request.opinion,
        declared_total=request.declared_total or None,
        submit=request.submit,
        expert_id=request.expert_id,
    )


def finding_text(request: pb.FindingRequest) -> commands.FindingText:
    return commands.FindingText(request.problem, request.opinion, tuple(request.items))


class CaseReviewService(case_review_pb2_grpc.CaseReviewServiceServicer):
    def __init__(self, db: Database, ctx: Context, on_committed_event: Callable[[], None]) -> None:
        self.db = db
        self.ctx = ctx
        self.on_committed_event = on_committed_event

    async def _write(self, fn: Callable[..., Shown], *args: Any) -> pb.Document:
        shown = await self.db.in_session(fn, current_principal(), *args, self.ctx)
        self.on_committed_event()
        return _document(shown)

    async def _read(self, fn: Callable[..., Shown], object_id: str) -> pb.Document:
        return _document(await self.db.in_session(fn, current_principal(), object_id))

    async def _page(self, fn: Callable[..., Page], request: pb.ListRequest, *extra: Any) -> pb.ListResponse:
        page = await self.db.in_session(
            fn, current_principal(), request.page_size, request.page_token, dict(request.filters), *extra
        )
        return _list(page)

    async def _expert_step(self, expert_id: str, action: str, step: Callable[[Expert, Any], Any]) -> pb.Document:
        return await self._write(handlers.act_on_expert, expert_id, action, step)

    async def _finding_step(self, finding_id: str, action: str, step: Callable[[Finding, Any], Any]) -> pb.Document:
        return await self._write(handlers.finding_step, finding_id, action, step)

    # --- the expert pool --------------------------------------------------------------------------------

    async def JoinExpert(self, request: pb.ExpertProfileRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.join_expert, commands.JoinExpert(profile(request)))

    async def EditExpert(self, request: pb.ExpertProfileRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.EditExpert(profile(request))
        return await self._expert_step(request.id, "expert.edited", lambda e, now: e.edit(principal, command, now))

    async def SuspendExpert(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.SuspendExpert(request.reason)
        return await self._expert_step(
            request.id, "expert.suspended", lambda e, now: e.suspend(principal, command, now)
        )

    async def ReinstateExpert(self, request: pb.Ref, context: Ctx) -> pb.Document:
        principal = current_principal()
        return await self._expert_step(request.id, "expert.reinstated", lambda e, now: e.reinstate(principal, now))

    async def LeaveExpert(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.LeaveExpert(request.reason)
        return await self._expert_step(request.id, "expert.left", lambda e, now: e.leave(principal, command, now))

    async def GetExpert(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(handlers.get_expert, request.id)

    async def ListExperts(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(handlers.list_experts, request)

    async def ImportExperts(self, request: pb.ImportExpertsRequest, context: Ctx) -> pb.ImportExpertsResponse:
        ids = await self.db.in_session(
            handlers.import_experts, current_principal(), request.workbook, request.dry_run, self.ctx
        )
        if not request.dry_run and ids:
            self.on_committed_event()
        return pb.ImportExpertsResponse(
            joined=0 if request.dry_run else len(ids), expert_ids=ids, dry_run=request.dry_run
        )

    async def ExportExperts(self, request: pb.ListRequest, context: Ctx) -> pb.Table:
        header, rows = await self.db.in_session(handlers.export_experts, current_principal(), dict(request.filters))
        return pb.Table(header=header, rows=[pb.Row(cells=row) for row in rows])

    # --- cases ------------------------------------------------------------------------------------------

    async def RegisterCase(self, request: pb.CaseRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.register_case, commands.RegisterCase(case_details(request)))

    async def EditCase(self, request: pb.CaseRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.EditCase(case_details(request))
        return await self._write(
            handlers.act_on_case, request.id, "case.edited", lambda c, now: c.edit(principal, command, now)
        )

    async def WithdrawCase(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.WithdrawCase(request.reason)
        return await self._write(
            handlers.act_on_case, request.id, "case.withdrawn", lambda c, now: c.withdraw(principal, command, now)
        )

    async def GetCase(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(handlers.get_case, request.id)

    async def ListCases(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(handlers.list_cases, request)

    # --- review batches ---------------------------------------------------------------------------------

    async def CreateBatch(self, request: pb.BatchRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.create_batch, commands.CreateBatch(batch_rules(request)))

    async def EditBatch(self, request: pb.BatchRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.edit_batch, request.id, commands.EditBatch(batch_rules(request)))

    async def GetBatch(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(handlers.get_batch, request.id)

    async def ListBatches(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(handlers.list_batches, request)

    async def StartReview(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(handlers.start_review, request.id)

    async def CloseBatch(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(handlers.close_batch, request.id)

    async def CancelBatch(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.cancel_batch, request.id, commands.CancelBatch(request.reason))

    async def AnswerAssignment(self, request: pb.AnswerAssignmentRequest, context: Ctx) -> pb.Document:
        command = commands.AnswerAssignment(request.case_id, request.accept, request.reason, request.expert_id)
        return await self._write(draw_handlers.answer_assignment, request.batch_id, command)

    async def SaveScoreForm(self, request: pb.ScoreFormRequest, context: Ctx) -> pb.Document:
        return await self._write(handlers.save_score_form, request.batch_id, score_form(request))

    # --- the draw ---------------------------------------------------------------------------------------

    async def BeginDraw(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(draw_handlers.begin_draw, request.id)

    async def WitnessDraw(self, request: pb.WitnessDrawRequest, context: Ctx) -> pb.Document:
        return await self._write(draw_handlers.witness_draw, request.id, request.entropy)

    async def CancelDraw(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        return await self._write(draw_handlers.cancel_draw, request.id, request.reason)

    async def GetDraw(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(draw_handlers.get_draw, request.id)

    async def VerifyDraw(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(draw_handlers.verify_draw, request.id)

    async def GetDrawRecord(self, request: pb.Ref, context: Ctx) -> pb.DrawRecordFile:
        record = await self.db.in_session(draw_handlers.draw_record, current_principal(), request.id)
        return pb.DrawRecordFile(json=record.json, pdf=record.pdf)

    # --- findings ---------------------------------------------------------------------------------------

    async def DraftFinding(self, request: pb.FindingRequest, context: Ctx) -> pb.Document:
        command = commands.DraftFinding(request.case_id, finding_text(request))
        return await self._write(handlers.draft_finding, request.id, command)

    async def EditFinding(self, request: pb.FindingRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.EditFinding(finding_text(request))
        return await self._finding_step(request.id, "finding.edited", lambda f, now: f.edit(principal, command, now))

    async def IssueFinding(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._write(handlers.issue_finding, request.id)

    async def AnswerOpinion(self, request: pb.AnswerOpinionRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.AnswerOpinion(request.answer, request.text)
        return await self._finding_step(
            request.id, "finding.answered", lambda f, now: f.answer(principal, command, now)
        )

    async def AcceptExplanation(self, request: pb.NoteRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.AcceptExplanation(request.note)
        return await self._finding_step(
            request.id, "finding.explanation_accepted", lambda f, now: f.accept_explanation(principal, command, now)
        )

    async def RejectExplanation(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.RejectExplanation(request.reason)
        return await self._finding_step(
            request.id, "finding.explanation_rejected", lambda f, now: f.reject_explanation(principal, command, now)
        )

    async def ReportRectification(self, request: pb.RectificationReportRequest, context: Ctx) -> pb.Document:
        principal = current_principal()
        command = commands.ReportRectification(
            tuple(request.kinds), request.text, request.corrected_case_number, request.rule_title
        )
        return await self._finding_step(
            request.id, "finding.rectification_reported", lambda f, now: f.report_rectification(principal, command, now)
        )

    async def SendBackReport(self, request: pb.ReasonRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.SendBackReport(request.reason)
        return await self._finding_step(
            request.id, "finding.report_sent_back", lambda f, now: f.send_back_report(principal, command, now)
        )

    async def CloseOutFinding(self, request: pb.NoteRequest, context: Ctx) -> pb.Document:
        principal, command = current_principal(), commands.CloseOutFinding(request.note)
        return await self._finding_step(
            request.id, "finding.closed_out", lambda f, now: f.close_out(principal, command, now)
        )

    async def MarkMisconduct(self, request: pb.MarkMisconductRequest, context: Ctx) -> pb.Document:
        principal = current_principal()
        command = commands.MarkMisconduct(request.staff_name, request.staff_position, request.staff_unit)
        return await self._finding_step(
            request.id, "finding.marked_for_clue_transfer", lambda f, now: f.mark_misconduct(principal, command, now)
        )

    async def GetFinding(self, request: pb.Ref, context: Ctx) -> pb.Document:
        return await self._read(handlers.get_finding, request.id)

    async def ListFindings(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        return await self._page(handlers.list_findings, request, self.ctx.clock())

    # --- the audit trail --------------------------------------------------------------------------------

    async def ListAuditEntries(self, request: pb.ListRequest, context: Ctx) -> pb.ListResponse:
        page = await self.db.in_session(
            handlers.list_audit_entries, current_principal(), request.page_size, request.page_token
        )
        return _list(page)
