"""Use cases of the suggestions service: each takes its session and clock as parameters."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlmodel import Session

from services.suggestions import domain, repository
from services.suggestions.repository import SuggestionRow
from wulian.kit.errors import InvalidArgument, NotFound
from wulian.kit.events.envelope import event_meta
from wulian.kit.events.outbox import add_to_outbox
from wulian.kit.principal import Principal
from wulian.suggestions.v1 import events_pb2

SUBMITTED_SUBJECT = "wulian.suggestions.suggestion.submitted"
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def submit_suggestion(
    session: Session, principal: Principal, command: domain.SubmitSuggestion, clock: Clock = utc_now
) -> SuggestionRow:
    """Store a deputy's suggestion under the next number of the year, and its event, in one commit."""
    domain.ensure_may_submit(principal)
    valid = domain.validate_submission(command)
    now = clock()
    year = domain.submission_year(now)
    row = SuggestionRow(
        id=str(uuid.uuid4()),
        number=domain.suggestion_number(year, repository.next_sequence(session, year)),
        year=year,
        title=valid.title,
        content=valid.content,
        category=valid.category.value,
        status=domain.Status.SUBMITTED.value,
        deputy_subject=principal.subject,
        deputy_name=principal.name,
        submitted_at=now,
    )
    repository.insert(session, row)
    event = events_pb2.SuggestionSubmitted(
        meta=event_meta(
            actor=principal,
            aggregate_type="suggestion",
            aggregate_id=row.id,
            audience=domain.submitted_audience(principal.subject),
            occurred_at=now,
        ),
        suggestion_id=row.id,
        number=row.number,
        title=row.title,
        category=row.category,
        deputy_subject=row.deputy_subject,
    )
    add_to_outbox(session, SUBMITTED_SUBJECT, event)
    session.commit()
    return row


def get_suggestion(session: Session, principal: Principal, suggestion_id: str) -> SuggestionRow:
    """One suggestion; a suggestion outside the caller's scope is reported as not found."""
    domain.visibility(principal)  # refuses roles that see no suggestions at all
    row = repository.get(session, suggestion_id)
    if row is None or not domain.may_view(principal, row.deputy_subject):
        raise NotFound("未找到该建议")
    return row


def list_suggestions(
    session: Session,
    principal: Principal,
    *,
    page_size: int,
    page_token: str,
    status: str = "",
    category: str = "",
    year: int = 0,
) -> tuple[list[SuggestionRow], str, int]:
    scope = domain.visibility(principal)
    if not 0 <= page_size <= MAX_PAGE_SIZE:
        raise InvalidArgument(f"每页条数应在 1 到 {MAX_PAGE_SIZE} 之间")
    try:
        offset = repository.decode_page_token(page_token)
    except ValueError:
        raise InvalidArgument("分页标记无效，请从第一页重新查询") from None
    limit = page_size or DEFAULT_PAGE_SIZE
    rows, total = repository.list_visible(
        session,
        scope=scope,
        subject=principal.subject,
        offset=offset,
        limit=limit,
        status=status,
        category=category,
        year=year,
    )
    next_token = repository.encode_page_token(offset + limit) if offset + limit < total else ""
    return rows, next_token, total
