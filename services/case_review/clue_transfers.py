"""Misconduct clues found by a review (线索移送), sent to the clue service by the service account.

An organizer marks a finding (``Finding.mark_misconduct``); the transfer is pending in the finding from
that transaction on, and this relay (``wulian.kit.clue_relay``) sends it — keyed by the finding's
reference, so a retry finds the same clue — and records the clue id, which also erases from the finding
whom the clue concerns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from services.case_review import commands, handlers, repository
from services.case_review.findings import Finding, clue_transfer_request
from services.case_review.repository import FINDINGS
from wulian.clues.v1 import clues_pb2
from wulian.kit import clue_relay as kit_relay

SOURCE = "case_review"
BATCH = 50


def transfer_request(finding: Finding) -> clues_pb2.TransferClueRequest:
    clue = clue_transfer_request(finding)
    request = clues_pb2.TransferClueRequest(
        source=SOURCE,
        source_kind=clue.source_kind,
        source_ref=clue.source_ref,
        summary=clue.summary,
        details=clue.details,
        units=[finding.unit],
        subject_kind=clue.subject_kind,
        subject_name=clue.subject_name,
        subject_org=clue.subject_org,
        subject_position=clue.subject_position,
        transferred_by=clue.official_subject,
        official_name=clue.official_name,
        official_role=clue.official_role,
    )
    request.decided_at.FromDatetime(clue.decided_at)
    return request


class FindingClueRelay(kit_relay.ClueTransferRelay):
    def __init__(self, ctx: handlers.Context, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ctx = ctx

    async def pending(self) -> list[kit_relay.Pending]:
        found = []
        for finding_id in await self.db.in_session(repository.findings_pending_transfer, BATCH):
            loaded = await self.db.in_session(FINDINGS.load, finding_id)
            if loaded is not None and loaded.aggregate.transfer_pending:
                found.append(kit_relay.Pending(finding_id, None, transfer_request(loaded.aggregate)))
        return found

    async def record(self, transfer: kit_relay.Pending, clue_id: str) -> None:
        def step(finding: Finding, now: datetime) -> None:
            finding.record_clue_transfer(commands.RecordClueTransfer(clue_id), now)

        await self.db.in_session(
            handlers.act_on_finding, None, transfer.aggregate_id, "finding.clue_transferred", step, self.ctx
        )
