"""Entry point of the consultation service: ``python -m services.consultation``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import grpc

from services.consultation import handlers
from services.consultation.grpc_api import ConsultationService
from services.consultation.work_lookup import OWNER_SERVICES, WorkOwners
from wulian.consultation.v1 import consultation_pb2_grpc
from wulian.kit.runtime import ServiceRuntime, run_built
from wulian.kit.scheduler import DeadlineScheduler
from wulian.kit.settings import Settings

MIGRATIONS = Path(__file__).parent / "migrations"


def build(settings: Settings) -> tuple[ServiceRuntime, Callable[[grpc.aio.Server], None]]:
    """The service's runtime and the function that registers its servicer on a gRPC server. Two deadline
    schedulers run beside it: consultations' replies due and overdue, joint meetings' action items. Work linked
    to a plan is looked up in the evaluation and case-review services, with the caller's token."""
    runtime = ServiceRuntime.create("consultation", settings, MIGRATIONS)
    owners = WorkOwners({name: settings.grpc_address(name) for name in OWNER_SERVICES}, settings.grpc_deadline_s)
    service = ConsultationService(runtime.db, owners, on_committed_event=runtime.relay.notify)
    schedulers = [
        DeadlineScheduler(
            runtime.db,
            runtime.relay.notify,
            due=due,
            raise_one=raise_one,
            earliest=earliest,
            interval_s=settings.deadline_check_interval_s,
        )
        for due, raise_one, earliest in (
            (handlers.consultations_due, handlers.raise_consultation_notices, handlers.earliest_consultation_check),
            (handlers.meetings_due, handlers.raise_meeting_notices, handlers.earliest_meeting_check),
        )
    ]
    runtime.background += [s.run_forever for s in schedulers]
    runtime.on_stop.append(owners.close)

    def register(server: grpc.aio.Server) -> None:
        consultation_pb2_grpc.add_ConsultationServiceServicer_to_server(service, server)

    return runtime, register


def run() -> None:
    run_built("consultation", build)
