"""The gateway: the only public entry. HTTP/JSON under /api/v1; no business rules.

``create_app`` wires everything from settings; tests pass their own settings (ports, issuer).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import grpc
from fastapi import Depends, FastAPI

from services.gateway.deps import authenticate
from services.gateway.errors import install_error_handlers
from services.gateway.event_hub import EventHub
from services.gateway.middleware import BodyLimitMiddleware, RequestIdMiddleware
from services.gateway.routes import (
    audit,
    case_review,
    case_review_pool,
    clues,
    consultation_meetings,
    consultation_plans,
    evaluation_appraisals,
    evaluation_ledger,
    evaluation_projects,
    events,
    health,
    me,
    suggestions,
)
from wulian.case_review.v1.case_review_pb2_grpc import CaseReviewServiceStub
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.consultation.v1.consultation_pb2_grpc import ConsultationServiceStub
from wulian.evaluation.v1.evaluation_pb2_grpc import EvaluationServiceStub
from wulian.kit.auth import TokenVerifier
from wulian.kit.events.consumer import DurableConsumer
from wulian.kit.events.envelope import import_event_modules
from wulian.kit.events.link import NatsLink
from wulian.kit.grpc_client import open_channel, with_call_context
from wulian.kit.settings import Settings
from wulian.suggestions.v1.suggestions_pb2_grpc import SuggestionServiceStub

log = logging.getLogger(__name__)

# Services whose events may concern a caller of GET /api/v1/events.
EVENT_SOURCES = ("suggestions", "clues", "case_review", "evaluation", "consultation")


@dataclass
class Backends:
    channels: dict[str, grpc.aio.Channel]
    suggestions: SuggestionServiceStub
    clues: ClueServiceStub
    case_review: CaseReviewServiceStub
    evaluation: EvaluationServiceStub
    consultation: ConsultationServiceStub

    @classmethod
    def open(cls, settings: Settings) -> Backends:
        names = ("suggestions", "clues", "case_review", "evaluation", "consultation")
        channels = {name: open_channel(settings.grpc_address(name)) for name in names}
        deadline_s = settings.grpc_deadline_s
        return cls(
            channels=channels,
            suggestions=with_call_context(SuggestionServiceStub(channels["suggestions"]), deadline_s),
            clues=with_call_context(ClueServiceStub(channels["clues"]), deadline_s),
            case_review=with_call_context(CaseReviewServiceStub(channels["case_review"]), deadline_s),
            evaluation=with_call_context(EvaluationServiceStub(channels["evaluation"]), deadline_s),
            consultation=with_call_context(ConsultationServiceStub(channels["consultation"]), deadline_s),
        )

    async def close(self) -> None:
        for channel in self.channels.values():
            await channel.close()


def create_app(settings: Settings) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import_event_modules()
        app.state.backends = Backends.open(settings)
        link = NatsLink(settings.nats_url, name="gateway")
        consumers = [
            DurableConsumer(link, service=source, durable=f"gateway-{settings.gateway_instance}", handler=hub.publish)
            for source in EVENT_SOURCES
        ]
        for consumer in consumers:
            consumer.start()
        try:
            yield
        finally:
            for consumer in consumers:
                await consumer.stop()
            await link.close()
            await app.state.backends.close()

    hub = EventHub()
    app = FastAPI(
        title="五联 Wulian API",
        version="1",
        description=(
            "人大监督与纪检监察监督贯通协调平台（五联）的 HTTP 接口。所有 /api/v1 接口都需要 Bearer 访问令牌。"
        ),
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.verifier = TokenVerifier(settings.issuer, settings.token_audience)
    app.state.event_hub = hub
    install_error_handlers(app)

    routers = (
        case_review_pool,
        case_review,
        evaluation_appraisals,
        evaluation_ledger,
        evaluation_projects,
        consultation_plans,
        consultation_meetings,
    )
    for module in (me, suggestions, clues, audit, *routers, events):
        app.include_router(module.router, prefix="/api/v1", dependencies=[Depends(authenticate)])
    app.include_router(health.router)

    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestIdMiddleware)
    return app
