"""``GET /api/v1/events``: server-sent events of what concerns the caller."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request
from sse_starlette import EventSourceResponse

from services.gateway.deps import CallerDep
from services.gateway.event_hub import EventHub

router = APIRouter(tags=["events 事件"])


@router.get(
    "/events",
    summary="与当前用户相关的事件（server-sent events）",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def events(
    request: Request,
    caller: CallerDep,
    last_event_id: Annotated[str, Header(alias="Last-Event-ID", max_length=64)] = "",
) -> EventSourceResponse:
    hub: EventHub = request.app.state.event_hub
    subscription = hub.subscribe(caller.principal, last_event_id)

    async def stream() -> AsyncIterator[dict[str, Any]]:
        try:
            while not subscription.overflowed:
                event = await subscription.queue.get()
                yield {
                    "id": event.id,
                    "event": event.name,
                    "data": json.dumps(event.data, ensure_ascii=False),
                }
        finally:
            hub.unsubscribe(subscription)

    return EventSourceResponse(stream(), ping=15)
