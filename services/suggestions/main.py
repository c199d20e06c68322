"""Entry point of the suggestions service: ``python -m services.suggestions``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import grpc

from services.suggestions import demo
from services.suggestions.clue_transfers import ClueTransferRelay
from services.suggestions.grpc_api import SuggestionService
from services.suggestions.handlers import Rules
from services.suggestions.scheduler import DeadlineScheduler
from services.suggestions.witnessing import witness_consumer
from wulian.kit.heap import settle_after_startup
from wulian.kit.logs import configure_logging
from wulian.kit.runtime import ServiceRuntime, run_service
from wulian.kit.service_token import ServiceToken
from wulian.kit.settings import Settings, load_settings
from wulian.suggestions.v1 import suggestions_pb2_grpc

MIGRATIONS = Path(__file__).parent / "migrations"
log = logging.getLogger(__name__)


def build(settings: Settings) -> tuple[ServiceRuntime, Callable[[grpc.aio.Server], None]]:
    """The service's runtime and the function that registers its servicer on a gRPC server."""
    runtime = ServiceRuntime.create("suggestions", settings, MIGRATIONS)
    rules = Rules(settings.suggestion_session, settings.suggestion_max_rehandlings)
    token = ServiceToken(settings)
    transfers = ClueTransferRelay(
        runtime.db,
        settings.grpc_address("clues"),
        token.metadata,
        runtime.relay.notify,
        retry_s=settings.relay_retry_s,
        deadline_s=settings.grpc_deadline_s,
    )
    service = SuggestionService(
        runtime.db, on_committed_event=runtime.relay.notify, rules=rules, on_escalated=transfers.wake
    )

    scheduler = DeadlineScheduler(runtime.db, runtime.relay.notify, interval_s=settings.deadline_check_interval_s)
    witness, consistency = witness_consumer(settings, runtime.db, runtime.link, token.metadata, runtime.relay.notify)
    runtime.background += [scheduler.run_forever, transfers.run_forever, witness.run]
    runtime.on_stop.append(consistency.close)  # its channel to the clue service, for consistency proofs

    def register(server: grpc.aio.Server) -> None:
        suggestions_pb2_grpc.add_SuggestionServiceServicer_to_server(service, server)

    return runtime, register


async def main(settings: Settings) -> None:
    runtime, register = build(settings)
    if settings.demo_data:
        added = await runtime.db.in_session(demo.load_once, settings.realm_file)
        if added:
            log.info("loaded %d demo suggestions", added)
    settle_after_startup()
    await runtime.serve(register)


def run() -> None:
    settings = load_settings()
    configure_logging("suggestions", settings.log_level, settings.log_json)
    run_service(main(settings))
