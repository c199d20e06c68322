"""Entry point of the clue service: ``python -m services.clues``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import grpc

from services.clues import handlers, repository
from services.clues.grpc_api import ClueService
from services.clues.keys import load_keys
from wulian.clues.v1 import clues_pb2_grpc
from wulian.kit.runtime import ServiceRuntime, run_built
from wulian.kit.scheduler import DeadlineScheduler
from wulian.kit.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: Settings) -> tuple[ServiceRuntime, Callable[[grpc.aio.Server], None]]:
    """The service's runtime and the function that registers its servicer on a gRPC server."""
    runtime = ServiceRuntime.create("clues", settings, MIGRATIONS)
    keys = load_keys(settings)
    rules = handlers.Rules(settings.clue_acknowledge_days, settings.clue_feedback_days)
    service = ClueService(runtime.db, keys, on_committed_event=runtime.relay.notify, rules=rules)

    def raise_one(session: object, clue_id: str, clock: handlers.Clock) -> int:
        return handlers.raise_deadlines(session, clue_id, keys, clock)  # type: ignore[arg-type]

    scheduler = DeadlineScheduler(
        runtime.db,
        runtime.relay.notify,
        due=repository.due_for_check,
        raise_one=raise_one,
        earliest=repository.earliest_check,
        interval_s=settings.deadline_check_interval_s,
    )
    runtime.background.append(scheduler.run_forever)

    def register(server: grpc.aio.Server) -> None:
        clues_pb2_grpc.add_ClueServiceServicer_to_server(service, server)

    return runtime, register


def run() -> None:
    run_built("clues", build)
