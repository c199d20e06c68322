"""Entry point of the case-review service: ``python -m services.case_review``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import grpc

from services.case_review import handlers, repository
from services.case_review.clue_transfers import FindingClueRelay
from services.case_review.grpc_api import CaseReviewService
from services.case_review.ledger_items import FindingLedgerRelay
from services.case_review.trail import Keys
from wulian.case_review.v1 import case_review_pb2_grpc
from wulian.kit.audit.keyfile import load_signer
from wulian.kit.runtime import ServiceRuntime, run_built
from wulian.kit.scheduler import DeadlineScheduler
from wulian.kit.service_token import ServiceToken
from wulian.kit.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"
SIGNING_FILE = "case-review-audit.key"


def load_keys(settings: Settings) -> Keys:
    """The audit trail's signing key: the configured file, or (development) one made under var/keys."""
    path = settings.case_review_audit_key_file or settings.keys_dir / SIGNING_FILE
    origin = settings.case_review_audit_origin
    vkey = settings.keys_dir / "case-review-audit.vkey"
    return Keys(load_signer(path, origin, create=not settings.is_production, vkey_path=vkey), origin)


def build(settings: Settings) -> tuple[ServiceRuntime, Callable[[grpc.aio.Server], None]]:
    """The service's runtime and the function that registers its servicer on a gRPC server."""
    runtime = ServiceRuntime.create("case_review", settings, MIGRATIONS)
    ctx = handlers.Context(load_keys(settings), rectification_months=settings.case_review_rectification_months)
    token = ServiceToken(settings)
    retries: dict[str, Any] = {"retry_s": settings.relay_retry_s, "deadline_s": settings.grpc_deadline_s}
    transfers = FindingClueRelay(
        ctx, runtime.db, settings.grpc_address("clues"), token.metadata, runtime.relay.notify, **retries
    )
    ledger = FindingLedgerRelay(
        runtime.db, settings.grpc_address("evaluation"), token.metadata, lambda: None, **retries
    )

    def notify() -> None:
        runtime.relay.notify()
        transfers.wake()  # a step may have marked a finding for transfer
        ledger.wake()  # or logged a step for the rectification ledger

    service = CaseReviewService(runtime.db, ctx, on_committed_event=notify)

    def raise_one(session: object, finding_id: str, clock: handlers.Clock) -> int:
        return handlers.raise_deadlines(session, finding_id, handlers.Context(ctx.keys, clock))  # type: ignore[arg-type]

    scheduler = DeadlineScheduler(
        runtime.db,
        runtime.relay.notify,
        due=repository.findings_due,
        raise_one=raise_one,
        earliest=repository.earliest_finding_check,
        interval_s=settings.deadline_check_interval_s,
    )
    runtime.background += [scheduler.run_forever, transfers.run_forever, ledger.run_forever]

    def register(server: grpc.aio.Server) -> None:
        case_review_pb2_grpc.add_CaseReviewServiceServicer_to_server(service, server)

    return runtime, register


def run() -> None:
    run_built("case_review", build)
