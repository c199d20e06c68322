"""Entry point of the evaluation service: ``python -m services.evaluation``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import grpc

from services.evaluation import project_handlers, rectification_handlers, rectification_store
from services.evaluation.grpc_api import EvaluationService
from services.evaluation.suggestion_figures import figures_consumer
from wulian.evaluation.v1 import evaluation_pb2_grpc
from wulian.kit.runtime import ServiceRuntime, run_built
from wulian.kit.scheduler import DeadlineScheduler
from wulian.kit.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: Settings) -> tuple[ServiceRuntime, Callable[[grpc.aio.Server], None]]:
    """The service's runtime and the function that registers its servicer on a gRPC server. Two deadline
    schedulers run beside it: the ledger items' due-soon and overdue notices, the projects' missed
    milestones."""
    runtime = ServiceRuntime.create("evaluation", settings, MIGRATIONS)
    service = EvaluationService(runtime.db, on_committed_event=runtime.relay.notify)
    ledger = DeadlineScheduler(
        runtime.db,
        runtime.relay.notify,
        due=rectification_store.due_for_check,
        raise_one=rectification_handlers.raise_due_notices,
        earliest=rectification_store.earliest_check,
        interval_s=settings.deadline_check_interval_s,
    )
    milestones = DeadlineScheduler(
        runtime.db,
        runtime.relay.notify,
        due=project_handlers.projects_due,
        raise_one=project_handlers.raise_milestone_notices,
        earliest=project_handlers.earliest_project_check,
        interval_s=settings.deadline_check_interval_s,
    )
    figures = figures_consumer(runtime.db, runtime.link)  # 代表建议办理情况, counted from the suggestions' events
    runtime.background += [ledger.run_forever, milestones.run_forever, figures.run]

    def register(server: grpc.aio.Server) -> None:
        evaluation_pb2_grpc.add_EvaluationServiceServicer_to_server(service, server)

    return runtime, register


def run() -> None:
    run_built("evaluation", build)
