"""Ambient request context: the request id and the caller's token travel with the task.

The gateway sets them per HTTP request, the gRPC server per call, the event consumer per message;
logs, outgoing gRPC metadata and outbox rows read them from here.
"""

from __future__ import annotations

import uuid
from contextvars import ContextVar

request_id_var: ContextVar[str] = ContextVar("wulian_request_id", default="")
bearer_token_var: ContextVar[str] = ContextVar("wulian_bearer_token", default="")

REQUEST_ID_HEADER = "x-request-id"
REQUEST_ID_EVENT_HEADER = "Wulian-Request-Id"


def new_request_id() -> str:
    return uuid.uuid4().hex


def current_request_id() -> str:
    return request_id_var.get()
