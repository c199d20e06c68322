"""Clue transfers of escalations: pending while the clue service cannot be reached, completed once it
answers, never sent twice for one escalation.

Until the clue service exists (issue 4), the service answering here is a small server of the
``wulian.clues.v1.ClueService`` contract, idempotent on ``source_ref`` as the contract requires.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest

from services.suggestions import commands, domain, handlers, repository
from services.suggestions.clue_transfers import ClueTransferRelay, source_ref
from services.suggestions.domain import ClueTransferState
from tests.integration.suggestions.conftest import CLERK, DEPUTY, LEADER, OFFICE, Clock, outbox_subjects
from tests.support.processes import free_port
from wulian.clues.v1 import clues_pb2, clues_pb2_grpc
from wulian.kit.db import Database
from wulian.kit.service_token import ServiceToken
from wulian.kit.settings import Settings

TEXT = domain.SubmitSuggestion("某局违规收费", "多名代表反映某局办事收取不明费用。", "rule_of_law")


class Clues(clues_pb2_grpc.ClueServiceServicer):
    def __init__(self) -> None:
        self.clues: dict[str, str] = {}
        self.tokens: list[str] = []
        self.requests: list[clues_pb2.TransferClueRequest] = []

    async def TransferClue(
        self, request: clues_pb2.TransferClueRequest, context: grpc.aio.ServicerContext
    ) -> clues_pb2.TransferClueResponse:
        self.tokens.append(dict(context.invocation_metadata() or ()).get("authorization", ""))
        self.requests.append(request)
        clue_id = self.clues.setdefault(request.source_ref, f"XS-2026-{len(self.clues) + 1:04d}")
        return clues_pb2.TransferClueResponse(clue_id=clue_id, status="received")


@pytest.fixture
async def clue_server() -> AsyncIterator[tuple[str, Clues]]:
    servicer, server = Clues(), grpc.aio.server()
    clues_pb2_grpc.add_ClueServiceServicer_to_server(servicer, server)
    address = f"127.0.0.1:{free_port()}"
    server.add_insecure_port(address)
    await server.start()
    yield address, servicer
    await server.stop(None)


def escalated(db: Database, clock: Clock) -> str:
    with db.session() as session:
        sid = handlers.submit_suggestion(session, DEPUTY, TEXT, clock).id
    steps = [
        (CLERK, lambda s, now: s.propose_assignment(CLERK, commands.ProposeAssignment("finance", (), False, ""), now)),
        (OFFICE, lambda s, now: s.confirm_assignment(OFFICE, now)),
        (LEADER, lambda s, now: s.escalate(LEADER, commands.Escalate(("suspected_violation",), "疑似违规收费"), now)),
    ]
    for who, step in steps:
        with db.session() as session:
            handlers.act(session, who, sid, step, clock)
    return sid


def transfer_state(db: Database, sid: str) -> tuple[ClueTransferState, str]:
    with db.session() as session:
        loaded = repository.load(session, sid)
    assert loaded is not None
    transfer = loaded.suggestion.escalations[0].clue_transfer
    assert transfer is not None
    return transfer.state, transfer.clue_id


async def test_a_transfer_waits_for_the_clue_service_and_completes_once(
    db: Database, clock: Clock, clue_server: tuple[str, Clues], idp_settings: Settings
) -> None:
    sid = escalated(db, clock)
    credentials = ServiceToken(idp_settings).metadata  # the service account's token, from the identity provider
    nobody_listens = ClueTransferRelay(db, f"127.0.0.1:{free_port()}", credentials, lambda: None, deadline_s=2)
    assert await nobody_listens.run_once() == 0
    await nobody_listens.close()
    assert transfer_state(db, sid) == (ClueTransferState.PENDING, "")

    address, clues = clue_server  # the clue service is there now
    relay = ClueTransferRelay(db, address, credentials, lambda: None)
    assert await relay.run_once() == 1
    assert await relay.run_once() == 0  # nothing pending any more
    await relay.close()
    assert transfer_state(db, sid) == (ClueTransferState.TRANSFERRED, "XS-2026-0001")
    assert list(clues.clues) == [source_ref(sid, 1)]
    assert all(token.startswith("Bearer ") for token in clues.tokens)
    sent = clues.requests[0]
    assert (sent.source_kind, sent.subject_kind, sent.subject_name) == ("suggestion_escalation", "unit", "finance")
    assert (sent.transferred_by, sent.official_role) == (LEADER.subject, "congress_leader")
    assert sent.details == "疑似违规收费"
    assert outbox_subjects(db)[-1] == "clue_transferred"
