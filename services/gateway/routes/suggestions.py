"""意见建议 routes: translate HTTP ⇄ gRPC; the suggestions service decides."""

from __future__ import annotations

from datetime import UTC
from typing import Annotated

from fastapi import APIRouter, Path, Query

from services.gateway.deps import CallerDep, SuggestionsDep
from services.gateway.schemas import SuggestionCategory, SuggestionCreate, SuggestionPublic, SuggestionsPublic
from wulian.suggestions.v1 import suggestions_pb2 as pb

router = APIRouter(prefix="/suggestions", tags=["suggestions 意见建议"])

SuggestionId = Annotated[str, Path(max_length=64, description="建议 ID")]


def to_public(message: pb.Suggestion) -> SuggestionPublic:
    return SuggestionPublic(
        id=message.id,
        number=message.number,
        title=message.title,
        content=message.content,
        category=message.category,
        status=message.status,
        deputy_subject=message.deputy_subject,
        deputy_name=message.deputy_name,
        submitted_at=message.submitted_at.ToDatetime(tzinfo=UTC),
    )


@router.post("", status_code=201, response_model=SuggestionPublic, summary="代表提出建议")
async def submit(body: SuggestionCreate, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    request = pb.SubmitSuggestionRequest(title=body.title, content=body.content, category=body.category)
    return to_public(await stub.SubmitSuggestion(request, metadata=caller.metadata))


@router.get("", response_model=SuggestionsPublic, summary="建议列表（按角色限定范围）")
async def list_(
    caller: CallerDep,
    stub: SuggestionsDep,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    page_token: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[str, Query(max_length=32)] = "",
    category: SuggestionCategory | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
) -> SuggestionsPublic:
    request = pb.ListSuggestionsRequest(
        page_size=page_size, page_token=page_token, status=status, category=category or "", year=year or 0
    )
    response = await stub.ListSuggestions(request, metadata=caller.metadata)
    return SuggestionsPublic(
        items=[to_public(m) for m in response.items],
        total=response.total,
        next_page_token=response.next_page_token or None,
    )


@router.get("/{suggestion_id}", response_model=SuggestionPublic, summary="建议详情")
async def get(suggestion_id: SuggestionId, caller: CallerDep, stub: SuggestionsDep) -> SuggestionPublic:
    return to_public(await stub.GetSuggestion(pb.GetSuggestionRequest(id=suggestion_id), metadata=caller.metadata))
