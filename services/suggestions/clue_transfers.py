"""Clue transfers (线索移送) of escalations, sent to the clue service until it acknowledges them.

An escalation that suspects a violation of discipline or law is saved with its transfer pending, in
the same transaction as the escalation itself; this relay (``wulian.kit.clue_relay``) then sends it to
the clue service, keyed by the escalation's reference, and records the clue id it answers with. While
the clue service cannot be reached the transfer stays pending, visible on the suggestion.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from services.suggestions import commands, handlers, repository
from services.suggestions.escalations import Escalation
from services.suggestions.model import Suggestion
from wulian.clues.v1 import clues_pb2
from wulian.kit import clue_relay as kit_relay
from wulian.kit.db import Database

SOURCE = "suggestions"
BATCH = 100


def source_ref(suggestion_id: str, escalation_no: int) -> str:
    return f"suggestion/{suggestion_id}/escalation/{escalation_no}"


def transfer_request(suggestion: Suggestion, escalation: Escalation) -> clues_pb2.TransferClueRequest:
    units = list(suggestion.assignment.units) if suggestion.assignment else []
    request = clues_pb2.TransferClueRequest(
        source=SOURCE,
        source_kind="suggestion_escalation",
        source_ref=source_ref(suggestion.id, escalation.no),
        summary=f"代表建议 {suggestion.number}《{suggestion.title}》联合督办中发现的问题线索",
        details=escalation.details,
        units=units,
        subject_kind="unit",
        subject_name=units[0] if units else "",
        transferred_by=escalation.escalated_by,
        official_name=escalation.escalated_by_name,
        official_role=escalation.escalated_by_role,
    )
    request.decided_at.FromDatetime(escalation.escalated_at)
    return request


class ClueTransferRelay(kit_relay.ClueTransferRelay):
    """The escalations' transfers (keyed by escalation number)."""

    def __init__(
        self,
        db: Database,
        address: str,
        credentials: Callable[[], Awaitable[kit_relay.Metadata]],
        notify: Callable[[], None],
        *,
        retry_s: float = 30.0,
        deadline_s: float = 5.0,
        clock: Callable[[], datetime] = handlers.utc_now,
    ) -> None:
        super().__init__(db, address, credentials, notify, retry_s=retry_s, deadline_s=deadline_s)
        self.clock = clock

    async def pending(self) -> list[kit_relay.Pending]:
        found = []
        for suggestion_id in await self.db.in_session(repository.with_pending_clue_transfer, BATCH):
            loaded = await self.db.in_session(repository.load, suggestion_id)
            if loaded is None:
                continue
            for escalation in loaded.suggestion.pending_clue_transfers():
                request = transfer_request(loaded.suggestion, escalation)
                found.append(kit_relay.Pending(suggestion_id, escalation.no, request))
        return found

    async def record(self, transfer: kit_relay.Pending, clue_id: str) -> None:
        command = commands.RecordClueTransfer(transfer.key, clue_id)
        await self.db.in_session(handlers.record_clue_transfer, transfer.aggregate_id, command, self.clock)
