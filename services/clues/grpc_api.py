"""The gRPC face of the clue service: translate → handler → translate.

A clue leaves this service in the view its caller has: the status view (ids, status, dates, the
decline reason and the feedback) for the transferring body, everything for the discipline roles that
may read it. Lists carry the plain columns only; contents are read one clue at a time, and each such
read is an audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from services.clues import commands, handlers
from services.clues.domain import Status, View
from services.clues.handlers import Keys, Proof, Rules
from services.clues.model import Clue
from services.clues.repository import ListFilter, Stored
from wulian.clues.v1 import clues_pb2 as pb
from wulian.clues.v1 import clues_pb2_grpc
from wulian.kit.audit.checkpoint import Checkpoint as CheckpointBody
from wulian.kit.audit.checkpoint import parse_note
from wulian.kit.db import Database
from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.grpc_server import current_principal
from wulian.kit.principal import Principal, is_service_caller


def _stamp(target: Timestamp, moment: datetime | None) -> None:
    if moment is not None:
        target.FromDatetime(moment)


def checkpoint_message(note: str) -> pb.Checkpoint:
    body = CheckpointBody.parse(parse_note(note).text)
    return pb.Checkpoint(note=note, size=body.size, root_hash=body.root_hash)


def proof_message(proof: Proof) -> pb.InclusionProof:
    return pb.InclusionProof(
        index=proof.index,
        size=proof.size,
        leaf_hash=proof.leaf_hash,
        hashes=proof.hashes,
        checkpoint=checkpoint_message(proof.checkpoint),
    )


def _overdue(status: str, due: datetime | None, awaited: Status, now: datetime) -> bool:
    return status == awaited.value and due is not None and now >= due


def status_message(row: dict[str, Any], now: datetime) -> pb.Clue:
    """The status view from a row's plain columns (lists: no document is opened)."""
    message = pb.Clue(
        id=row["id"],
        view=View.STATUS.name.lower(),
        status=row["status"],
        source_kind=row["source_kind"],
        source_ref=row["source_ref"],
        official_subject=row["official_subject"],
        official_role=row["official_role"],
        version=row["version"],
        acknowledge_overdue=_overdue(row["status"], row["acknowledge_due_at"], Status.TRANSFERRED, now),
        feedback_overdue=_overdue(row["status"], row["feedback_due_at"], Status.ACCEPTED, now),
    )
    for name in (
        "transferred_at", "acknowledge_due_at", "acknowledged_at", "accepted_at", "feedback_due_at", "declined_at",
        "feedback_given_at",
    ):  # fmt: skip
        _stamp(getattr(message, name), row[name])
    return message


def clue_message(clue: Clue, version: int, view: View, now: datetime) -> pb.Clue:
    status = clue.status_view()
    message = pb.Clue(
        id=clue.id,
        view=view.name.lower(),
        status=status.status.value,
        source_kind=status.source_kind.value,
        source_ref=status.source_ref,
        official_subject=status.official_subject,
        official_role=status.official_role,
        decline_reason=status.decline_reason,
        feedback=status.feedback_text,
        version=version,
        acknowledge_overdue=_overdue(status.status.value, status.acknowledge_due_at, Status.TRANSFERRED, now),
        feedback_overdue=_overdue(status.status.value, status.feedback_due_at, Status.ACCEPTED, now),
    )
    _stamp(message.transferred_at, status.transferred_at)
    _stamp(message.acknowledge_due_at, status.acknowledge_due_at)
    _stamp(message.acknowledged_at, status.acknowledged_at)
    _stamp(message.accepted_at, status.accepted_at)
    _stamp(message.feedback_due_at, status.feedback_due_at)
    _stamp(message.declined_at, status.declined_at)
    _stamp(message.feedback_given_at, status.feedback_given_at)
    if view is View.FULL:
        origin = clue.origin
        message.summary, message.details = origin.summary, origin.details
        message.subject_kind, message.subject_name = origin.subject.kind.value, origin.subject.name
        message.subject_org, message.subject_position = origin.subject.org, origin.subject.position
        message.attachment_hashes.extend(origin.attachment_hashes)
        message.acceptance_note = clue.acceptance.note if clue.acceptance else ""
        for disposition in clue.dispositions:
            item = message.dispositions.add(no=disposition.no, kind=disposition.kind.value, note=disposition.note)
            _stamp(item.recorded_at, disposition.recorded_at)
    return message


def transfer_command(request: pb.TransferClueRequest) -> commands.TransferClue:
    """A transfer as the domain takes it. A service names the official who decided it; a unit-only
    subject may come as ``units`` (the suggestions service sends the units of the escalated suggestion)."""
    subject_name = request.subject_name or (request.units[0] if request.units else "")
    source_ref = request.source_ref or request.idempotency_key  # manual: the official's key (see source_key)
    return commands.TransferClue(
        source_kind=request.source_kind or ("manual" if not request.source else ""),
        subject_kind=request.subject_kind,
        subject_name=subject_name,
        summary=request.summary,
        details=request.details,
        source_ref=source_ref,
        subject_org=request.subject_org,
        subject_position=request.subject_position,
        attachment_hashes=tuple(request.attachment_hashes),
        official_subject=request.transferred_by,
        official_name=request.official_name,
        official_role=request.official_role,
    )


# The log holds no contents, but deny by default all the same: the bodies that check it, its auditor,
# and the services that witness it.
AUDIT_READERS = frozenset(
    {"congress_clerk", "congress_committee", "congress_leader", "gov_supervision_office", "discipline_commission",
     "discipline_station", "platform_admin"}
)  # fmt: skip


def ensure_audit_reader(principal: Principal) -> None:
    if not principal.has_any(*AUDIT_READERS) and not is_service_caller(principal):
        raise PermissionDenied("您的角色无权查看审计日志")


class ClueService(clues_pb2_grpc.ClueServiceServicer):
    def __init__(
        self,
        db: Database,
        keys: Keys,
        on_committed_event: Callable[[], None],
        rules: Rules = handlers.DEFAULT_RULES,
        clock: handlers.Clock = handlers.utc_now,
    ) -> None:
        self.db = db
        self.keys = keys
        self.on_committed_event = on_committed_event
        self.rules = rules
        self.clock = clock

    def _show(self, shown: handlers.Shown) -> pb.Clue:
        return clue_message(shown.clue, shown.version, shown.view, self.clock())

    async def _act(self, clue_id: str, name: str, action: handlers.Action) -> pb.Clue:
        shown = await self.db.in_session(
            handlers.act, current_principal(), clue_id, name, action, self.keys, self.clock
        )
        self.on_committed_event()
        return self._show(shown)

    async def TransferClue(
        self, request: pb.TransferClueRequest, context: grpc.aio.ServicerContext
    ) -> pb.TransferClueResponse:
        principal = current_principal()
        receipt = await self.db.in_session(
            handlers.transfer, principal, transfer_command(request), self.keys, self.clock, self.rules
        )
        self.on_committed_event()
        return pb.TransferClueResponse(
            clue_id=receipt.clue_id,
            status=receipt.status,
            audit_index=receipt.proof.index,
            proof=proof_message(receipt.proof),
        )

    async def GetClue(self, request: pb.ClueRef, context: grpc.aio.ServicerContext) -> pb.Clue:
        shown = await self.db.in_session(handlers.get, current_principal(), request.id, self.keys, self.clock)
        if shown.view is View.FULL:
            self.on_committed_event()  # the read's audit entry signed a new checkpoint
        return self._show(shown)

    async def ListClues(self, request: pb.ListCluesRequest, context: grpc.aio.ServicerContext) -> pb.ListCluesResponse:
        filters = ListFilter(status=request.status, source_kind=request.source_kind, overdue=request.overdue)
        page = await self.db.in_session(
            handlers.list_clues,
            current_principal(),
            page_size=request.page_size,
            page_token=request.page_token,
            filters=filters,
            clock=self.clock,
        )
        now = self.clock()
        items: list[Stored] = page.items
        return pb.ListCluesResponse(
            items=[status_message(item.row, now) for item in items],
            next_page_token=page.next_page_token,
            total=page.total,
            counts=page.counts,
        )

    async def AcknowledgeClue(self, request: pb.ClueRef, context: grpc.aio.ServicerContext) -> pb.Clue:
        principal = current_principal()
        return await self._act(request.id, "acknowledge", lambda c, now: c.acknowledge(principal, now))

    async def AcceptClue(self, request: pb.AcceptClueRequest, context: grpc.aio.ServicerContext) -> pb.Clue:
        principal, command, days = current_principal(), commands.AcceptClue(request.note), self.rules.feedback_days
        return await self._act(
            request.id, "accept", lambda c, now: c.accept(principal, command, now, feedback_days=days)
        )

    async def DeclineClue(self, request: pb.DeclineClueRequest, context: grpc.aio.ServicerContext) -> pb.Clue:
        principal, command = current_principal(), commands.DeclineClue(request.reason)
        return await self._act(request.id, "decline", lambda c, now: c.decline(principal, command, now))

    async def RecordDisposition(
        self, request: pb.RecordDispositionRequest, context: grpc.aio.ServicerContext
    ) -> pb.Clue:
        principal, command = current_principal(), commands.RecordDisposition(request.kind, request.note)
        return await self._act(request.id, "disposition", lambda c, now: c.record_disposition(principal, command, now))

    async def GiveFeedback(self, request: pb.GiveFeedbackRequest, context: grpc.aio.ServicerContext) -> pb.Clue:
        principal, command = current_principal(), commands.GiveFeedback(request.text)
        return await self._act(request.id, "feedback", lambda c, now: c.give_feedback(principal, command, now))

    # --- the audit log ------------------------------------------------------------------------

    async def GetCheckpoint(self, request: pb.GetCheckpointRequest, context: grpc.aio.ServicerContext) -> pb.Checkpoint:
        ensure_audit_reader(current_principal())
        return checkpoint_message(await self.db.in_session(handlers.checkpoint))

    async def GetInclusionProof(
        self, request: pb.GetInclusionProofRequest, context: grpc.aio.ServicerContext
    ) -> pb.InclusionProof:
        ensure_audit_reader(current_principal())
        if request.index < 0 or request.size < 0:
            raise InvalidArgument("条目序号和规模不能为负数")
        return proof_message(await self.db.in_session(handlers.proof_of, request.index, request.size))

    async def GetConsistencyProof(
        self, request: pb.GetConsistencyProofRequest, context: grpc.aio.ServicerContext
    ) -> pb.ConsistencyProof:
        ensure_audit_reader(current_principal())
        if request.from_size < 0 or request.to_size < 0:
            raise InvalidArgument("规模不能为负数")
        hashes, from_note, to_note = await self.db.in_session(handlers.consistency, request.from_size, request.to_size)
        to_checkpoint = checkpoint_message(to_note)
        return pb.ConsistencyProof(
            from_size=request.from_size,
            to_size=to_checkpoint.size,
            hashes=hashes,
            from_checkpoint=checkpoint_message(from_note),
            to_checkpoint=to_checkpoint,
        )
