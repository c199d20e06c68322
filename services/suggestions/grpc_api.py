"""The gRPC face of the suggestions service: translate → handler → translate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

import grpc

from services.suggestions import domain, handlers
from services.suggestions.repository import SuggestionRow
from wulian.kit.batching import GroupCommit
from wulian.kit.db import Database
from wulian.kit.grpc_server import current_principal
from wulian.suggestions.v1 import suggestions_pb2 as pb
from wulian.suggestions.v1 import suggestions_pb2_grpc


def to_proto(row: SuggestionRow) -> pb.Suggestion:
    message = pb.Suggestion(
        id=row.id,
        number=row.number,
        title=row.title,
        content=row.content,
        category=row.category,
        status=row.status,
        deputy_subject=row.deputy_subject,
        deputy_name=row.deputy_name,
    )
    submitted_at = row.submitted_at
    if submitted_at.tzinfo is None:  # SQLite hands back naive datetimes; we only ever store UTC
        submitted_at = submitted_at.replace(tzinfo=UTC)
    message.submitted_at.FromDatetime(submitted_at)
    return message


class SuggestionService(suggestions_pb2_grpc.SuggestionServiceServicer):
    def __init__(self, db: Database, on_committed_event: Callable[[], None]) -> None:
        self.db = db
        self.on_committed_event = on_committed_event
        self.submissions = GroupCommit(db, handlers.submit_suggestions)

    async def SubmitSuggestion(
        self, request: pb.SubmitSuggestionRequest, context: grpc.aio.ServicerContext
    ) -> pb.Suggestion:
        command = domain.SubmitSuggestion(title=request.title, content=request.content, category=request.category)
        row = await self.submissions.submit(handlers.prepare_submission(current_principal(), command))
        self.on_committed_event()
        return to_proto(row)

    async def GetSuggestion(self, request: pb.GetSuggestionRequest, context: grpc.aio.ServicerContext) -> pb.Suggestion:
        row = await self.db.in_session(handlers.get_suggestion, current_principal(), request.id)
        return to_proto(row)

    async def ListSuggestions(
        self, request: pb.ListSuggestionsRequest, context: grpc.aio.ServicerContext
    ) -> pb.ListSuggestionsResponse:
        rows, next_token, total = await self.db.in_session(
            handlers.list_suggestions,
            current_principal(),
            page_size=request.page_size,
            page_token=request.page_token,
            status=request.status,
            category=request.category,
            year=request.year,
        )
        return pb.ListSuggestionsResponse(items=[to_proto(r) for r in rows], next_page_token=next_token, total=total)
