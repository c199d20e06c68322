"""The gRPC face of the suggestions service: translate → handler → translate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from services.suggestions import clocks, commands, domain, handlers
from services.suggestions.model import Suggestion
from services.suggestions.repository import ListFilter, Loaded
from wulian.kit.db import Database
from wulian.kit.group_commit import GroupCommit
from wulian.kit.grpc_server import current_principal
from wulian.kit.principal import CONGRESS_ROLES, Principal
from wulian.suggestions.v1 import suggestions_pb2 as pb
from wulian.suggestions.v1 import suggestions_pb2_grpc

# Who reads what congress wrote to the discipline commission when it escalated a suggestion.
ESCALATION_READERS = (*CONGRESS_ROLES, *domain.DISCIPLINE_ROLES)


def _stamp(target: Timestamp, moment: datetime | None) -> None:
    if moment is not None:
        target.FromDatetime(moment)


def _moment(stamp: Timestamp, present: bool) -> datetime:
    """A request's time; an unset one becomes the epoch, which the domain refuses as too early."""
    return stamp.ToDatetime(tzinfo=UTC) if present else datetime(1970, 1, 1, tzinfo=UTC)


def _assignment(message: pb.Assignment, assignment: Any) -> None:
    message.lead_unit = assignment.lead_unit
    message.co_units.extend(assignment.co_units)
    message.complex = assignment.complex
    message.consultation_note = assignment.consultation_note
    message.proposed_by = assignment.proposed_by
    _stamp(message.proposed_at, assignment.proposed_at)
    message.confirmed_by = assignment.confirmed_by
    _stamp(message.confirmed_at, assignment.confirmed_at)


def to_proto(suggestion: Suggestion, version: int, viewer: Principal, now: datetime) -> pb.Suggestion:
    """The suggestion as ``viewer`` may see it (escalation details only for congress and discipline)."""
    s = suggestion
    message = pb.Suggestion(
        id=s.id,
        number=s.number,
        title=s.title,
        content=s.content,
        category=s.category.value,
        status=s.status.value,
        deputy_subject=s.deputy_subject,
        deputy_name=s.deputy_name,
        session=s.session,
        version=version,
        escalated=s.escalated,
        rehandlings=s.rehandlings,
    )
    _stamp(message.submitted_at, s.submitted_at)
    _stamp(message.created_at, s.created_at)
    for cosigner in s.cosigners:
        _stamp(message.cosigners.add(subject=cosigner.subject, name=cosigner.name).added_at, cosigner.added_at)
    if s.assignment is not None:
        _assignment(message.assignment, s.assignment)
    for back in s.send_backs:
        item = message.send_backs.add(reason=back.reason, sent_back_by=back.sent_back_by)
        _assignment(item.proposal, back.proposal)
        _stamp(item.sent_back_at, back.sent_back_at)
    state = s.deadline_state()
    assignment = s.assignment
    if assignment is not None and assignment.confirmed_at is not None:
        due = clocks.contact_due(assignment.confirmed_at)
        for unit in assignment.units:
            contact = s.contacts.get(unit)
            item = message.units.add(unit=unit, lead=unit == assignment.lead_unit)
            _stamp(item.contact_due_at, due)
            if contact is None:
                item.overdue = now > due
            else:
                _stamp(item.contacted_at, contact.contacted_at)
                item.method, item.contact_person, item.agreed = (
                    contact.method.value,
                    contact.contact_person,
                    contact.agreed,
                )
                item.overdue = contact.contacted_at > due
        message.contact_overdue = state.contact_due_at is not None and bool(state.uncontacted_units) and now > due
    for opinion in s.opinions:
        _stamp(
            message.opinions.add(unit=opinion.unit, text=opinion.text, round=opinion.round).given_at, opinion.given_at
        )
    for answer in s.replies:
        item = message.replies.add(
            unit=answer.unit, result=answer.result.value, text=answer.text, round=answer.round, on_time=answer.on_time
        )
        _stamp(item.due_at, answer.due_at)
        _stamp(item.replied_at, answer.replied_at)
    for verdict in s.evaluations:
        item = message.evaluations.add(
            attitude=verdict.attitude.value,
            method=verdict.method.value,
            effect=verdict.effect.value,
            overall=verdict.overall.value,
            comment=verdict.comment,
            round=verdict.round,
        )
        _stamp(item.evaluated_at, verdict.evaluated_at)
    for visit in s.return_visits:
        item = message.return_visits.add(
            unit=visit.unit,
            findings=visit.findings,
            meeting=visit.meeting,
            talks=visit.talks,
            problems=visit.problems,
            recorded_by=visit.recorded_by,
        )
        _stamp(item.visited_at, visit.visited_at)
    if viewer.has_any(*ESCALATION_READERS):
        for escalation in s.escalations:
            transfer = escalation.clue_transfer
            item = message.escalations.add(
                no=escalation.no,
                reasons=[r.value for r in escalation.reasons],
                details=escalation.details,
                escalated_by=escalation.escalated_by,
                clue_transfer=transfer.state.value if transfer else "",
                clue_id=transfer.clue_id if transfer else "",
                response=escalation.response,
            )
            _stamp(item.escalated_at, escalation.escalated_at)
            _stamp(item.responded_at, escalation.responded_at)
    if state.reply_due_at is not None:
        _stamp(message.reply_due_at, state.reply_due_at)
        message.reply_overdue = now > state.reply_due_at
    return message


_UNIT_FIELDS = [f.name for f in pb.UnitStats.DESCRIPTOR.fields if f.name != "satisfaction_rate"]
_DEPUTY_FIELDS = [f.name for f in pb.DeputyStats.DESCRIPTOR.fields]


def _unit_stats(row: dict[str, Any]) -> pb.UnitStats:
    message = pb.UnitStats(**{name: row[name] for name in _UNIT_FIELDS})
    good = row["satisfied"] + row["basically_satisfied"]
    message.satisfaction_rate = good / row["evaluated"] if row["evaluated"] else 0.0
    return message


class SuggestionService(suggestions_pb2_grpc.SuggestionServiceServicer):
    def __init__(
        self,
        db: Database,
        on_committed_event: Callable[[], None],
        rules: handlers.Rules = handlers.DEFAULT_RULES,
        clock: handlers.Clock = handlers.utc_now,
        on_escalated: Callable[[], None] = lambda: None,
    ) -> None:
        self.db = db
        self.on_committed_event = on_committed_event
        self.on_escalated = on_escalated
        self.rules = rules
        self.clock = clock

        def submit(session: Any, submissions: Any) -> list[Suggestion]:
            return handlers.submit_suggestions(session, submissions, clock, rules)

        self.submissions = GroupCommit(db, submit)

    def _view(self, loaded: Loaded, principal: Principal) -> pb.Suggestion:
        return to_proto(loaded.suggestion, loaded.version, principal, self.clock())

    async def _act(self, suggestion_id: str, action: handlers.Action) -> pb.Suggestion:
        principal = current_principal()
        loaded = await self.db.in_session(handlers.act, principal, suggestion_id, action, self.clock)
        self.on_committed_event()
        return self._view(loaded, principal)

    # --- submission ---------------------------------------------------------------------------

    async def SubmitSuggestion(
        self, request: pb.SubmitSuggestionRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        principal = current_principal()
        command = domain.SubmitSuggestion(title=request.title, content=request.content, category=request.category)
        suggestion = await self.submissions.submit(handlers.prepare_submission(principal, command))
        self.on_committed_event()
        return to_proto(suggestion, 1, principal, self.clock())

    async def DraftSuggestion(
        self, request: pb.DraftSuggestionRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        principal = current_principal()
        command = commands.DraftSuggestion(
            request.title, request.content, request.category, request.deputy_subject, request.deputy_name
        )
        loaded = await self.db.in_session(
            handlers.draft_suggestion, principal, command, submit=request.submit, clock=self.clock, rules=self.rules
        )
        self.on_committed_event()
        return self._view(loaded, principal)

    async def EditDraft(self, request: pb.EditDraftRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.EditDraft(request.title, request.content, request.category)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.edit_draft(principal, command, now))

    async def SubmitDraft(self, request: pb.SuggestionRef, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        principal = current_principal()
        loaded = await self.db.in_session(handlers.submit_draft, principal, request.id, self.clock, self.rules)
        self.on_committed_event()
        return self._view(loaded, principal)

    async def AddCosigner(self, request: pb.AddCosignerRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.AddCosigner(request.subject, request.name)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.add_cosigner(principal, command, now))

    # --- reading ------------------------------------------------------------------------------

    async def GetSuggestion(self, request: pb.GetSuggestionRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        principal = current_principal()
        loaded = await self.db.in_session(handlers.load_visible, principal, request.id)
        return self._view(loaded, principal)

    async def ListSuggestions(
        self, request: pb.ListSuggestionsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListSuggestionsResponse:
        principal = current_principal()
        filters = ListFilter(
            status=request.status,
            category=request.category,
            year=request.year,
            unit=request.unit,
            overdue=request.overdue,
            deputy_subject=request.deputy_subject,
        )
        items, next_token, total = await self.db.in_session(
            handlers.list_suggestions,
            principal,
            page_size=request.page_size,
            page_token=request.page_token,
            filters=filters,
            clock=self.clock,
        )
        return pb.ListSuggestionsResponse(
            items=[self._view(item, principal) for item in items], next_page_token=next_token, total=total
        )

    async def GetHistory(self, request: pb.SuggestionRef, context: grpc.aio.ServicerContext) -> pb.History:
        entries = await self.db.in_session(handlers.get_history, current_principal(), request.id)
        history = pb.History()
        for entry in entries:
            item = history.entries.add(
                event=entry["event"],
                actor_subject=entry["actor_subject"],
                actor_name=entry["actor_name"],
                actor_body=entry["actor_body"],
                request_id=entry["request_id"],
            )
            item.occurred_at.FromDatetime(entry["occurred_at"])
        return history

    async def GetStats(self, request: pb.GetStatsRequest, context: grpc.aio.ServicerContext) -> pb.Stats:
        rows = await self.db.in_session(handlers.get_stats, current_principal(), request.year, self.clock)
        return pb.Stats(
            units=[_unit_stats(row) for row in rows.units],
            deputies=[pb.DeputyStats(**{name: row[name] for name in _DEPUTY_FIELDS}) for row in rows.deputies],
        )

    # --- joint assignment ---------------------------------------------------------------------

    async def ProposeAssignment(
        self, request: pb.ProposeAssignmentRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = commands.ProposeAssignment(
            request.lead_unit, tuple(request.co_units), request.complex, request.consultation_note
        )
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.propose_assignment(principal, command, now))

    async def ConfirmAssignment(self, request: pb.SuggestionRef, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.confirm_assignment(principal, now))

    async def SendBackAssignment(
        self, request: pb.SendBackAssignmentRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = commands.SendBackAssignment(request.reason)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.send_back_assignment(principal, command, now))

    # --- handling -----------------------------------------------------------------------------

    async def RecordContact(self, request: pb.RecordContactRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.RecordContact(
            _moment(request.contacted_at, request.HasField("contacted_at")),
            request.method,
            request.contact_person,
            request.agreed,
        )
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.record_contact(principal, command, now))

    async def GiveCoUnitOpinion(
        self, request: pb.GiveCoUnitOpinionRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = commands.GiveCoUnitOpinion(request.text)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.give_co_unit_opinion(principal, command, now))

    async def Reply(self, request: pb.ReplyRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.GiveReply(request.result, request.text)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.reply(principal, command, now))

    async def Evaluate(self, request: pb.EvaluateRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.EvaluateHandling(
            request.attitude, request.method, request.effect, request.overall, request.comment
        )
        principal = current_principal()
        loaded = await self.db.in_session(handlers.evaluate, principal, request.id, command, self.clock, self.rules)
        self.on_committed_event()
        return self._view(loaded, principal)

    # --- return visits and escalation ---------------------------------------------------------

    async def RecordReturnVisit(
        self, request: pb.RecordReturnVisitRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = commands.RecordReturnVisit(
            request.unit,
            _moment(request.visited_at, request.HasField("visited_at")),
            request.findings,
            request.meeting,
            request.talks,
            request.problems,
        )
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.record_return_visit(principal, command, now))

    async def Escalate(self, request: pb.EscalateRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        command = commands.Escalate(tuple(request.reasons), request.details)
        principal = current_principal()
        escalated = await self._act(request.id, lambda s, now: s.escalate(principal, command, now))
        self.on_escalated()  # a suspected violation carries a clue transfer to send
        return escalated

    async def RespondToEscalation(
        self, request: pb.RespondToEscalationRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = commands.RespondToEscalation(request.escalation_no, request.response)
        principal = current_principal()
        return await self._act(request.id, lambda s, now: s.respond_to_escalation(principal, command, now))
