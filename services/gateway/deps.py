"""Dependencies of the HTTP routes: the caller (authenticated and checked against the route policy)
and the gRPC stubs of the backends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from services.gateway.policy import allowed
from wulian.case_review.v1.case_review_pb2_grpc import CaseReviewServiceStub
from wulian.clues.v1.clues_pb2_grpc import ClueServiceStub
from wulian.consultation.v1.consultation_pb2_grpc import ConsultationServiceStub
from wulian.evaluation.v1.evaluation_pb2_grpc import EvaluationServiceStub
from wulian.kit.context import REQUEST_ID_HEADER, current_request_id
from wulian.kit.errors import Unauthenticated
from wulian.kit.principal import Principal
from wulian.suggestions.v1.suggestions_pb2_grpc import SuggestionServiceStub

bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="身份认证服务（Keycloak 领域 wulian）签发的访问令牌",
)


@dataclass(frozen=True, slots=True)
class Caller:
    principal: Principal
    token: str

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """gRPC metadata that carries the caller's token (services verify it again) and request id."""
        return (("authorization", f"Bearer {self.token}"), (REQUEST_ID_HEADER, current_request_id()))


async def authenticate(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)]
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise HTTPException(401, "请先登录（请求缺少 Bearer 访问令牌）")
    try:
        principal = await request.app.state.verifier.verify_async(credentials.credentials)
    except Unauthenticated as exc:
        raise HTTPException(401, exc.message) from None
    if not allowed(request.method, request.scope["path"], principal.roles):
        raise HTTPException(403, "您的角色无权进行此操作")
    return Caller(principal=principal, token=credentials.credentials)


CallerDep = Annotated[Caller, Depends(authenticate)]


async def suggestions_stub(request: Request) -> SuggestionServiceStub:  # async: no thread-pool hop
    return request.app.state.backends.suggestions


SuggestionsDep = Annotated[SuggestionServiceStub, Depends(suggestions_stub)]


async def clues_stub(request: Request) -> ClueServiceStub:
    return request.app.state.backends.clues


CluesDep = Annotated[ClueServiceStub, Depends(clues_stub)]


async def case_review_stub(request: Request) -> CaseReviewServiceStub:
    return request.app.state.backends.case_review


CaseReviewDep = Annotated[CaseReviewServiceStub, Depends(case_review_stub)]


async def evaluation_stub(request: Request) -> EvaluationServiceStub:
    return request.app.state.backends.evaluation


EvaluationDep = Annotated[EvaluationServiceStub, Depends(evaluation_stub)]


async def consultation_stub(request: Request) -> ConsultationServiceStub:
    return request.app.state.backends.consultation


ConsultationDep = Annotated[ConsultationServiceStub, Depends(consultation_stub)]
