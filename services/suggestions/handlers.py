"""Use cases of the suggestions service: each takes its session and clock as parameters."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from services.suggestions import domain, repository
from services.suggestions.repository import SuggestionRow
from wulian.kit.context import current_request_id
from wulian.kit.errors import InvalidArgument, NotFound
from wulian.kit.events.envelope import event_meta
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.principal import Principal
from wulian.suggestions.v1 import events_pb2

SUBMITTED_SUBJECT = "wulian.suggestions.suggestion.submitted"
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Submission:
    """A checked submission waiting for its number: who, what, and the request it came in."""

    principal: Principal
    valid: domain.ValidSubmission
    request_id: str


def prepare_submission(principal: Principal, command: domain.SubmitSuggestion) -> Submission:
    """Everything about a submission that can be refused, decided before it joins a write."""
    domain.ensure_may_submit(principal)
    return Submission(principal, domain.validate_submission(command), current_request_id())


def submit_suggestions(
    session: Session, submissions: Sequence[Submission], clock: Clock = utc_now
) -> list[SuggestionRow]:
    """Number and store checked submissions with their events, in the caller's transaction.

    Several submissions share one transaction under load (group commit, ``wulian.kit.batching``);
    they share its clock reading too, so the year in their numbers is the same.
    """
    now = clock()
    year = domain.submission_year(now)
    numbers = repository.reserve_numbers(session, year, len(submissions))
    rows = [
        _new_row(submission, year, domain.suggestion_number(year, number), now)
        for submission, number in zip(submissions, numbers, strict=True)
    ]
    repository.insert_many(session, rows)
    events = [
        (SUBMITTED_SUBJECT, _submitted(row, submission.principal, now), submission.request_id)
        for row, submission in zip(rows, submissions, strict=True)
    ]
    add_many_to_outbox(session, events)
    return rows


def submit_suggestion(
    session: Session, principal: Principal, command: domain.SubmitSuggestion, clock: Clock = utc_now
) -> SuggestionRow:
    """One submission in a transaction of its own (demo data, scripts)."""
    [row] = submit_suggestions(session, [prepare_submission(principal, command)], clock)
    session.commit()
    return row


def _new_row(submission: Submission, year: int, number: str, now: datetime) -> SuggestionRow:
    return SuggestionRow(
        id=str(uuid.uuid4()),
        number=number,
        year=year,
        title=submission.valid.title,
        content=submission.valid.content,
        category=submission.valid.category.value,
        status=domain.Status.SUBMITTED.value,
        deputy_subject=submission.principal.subject,
        deputy_name=submission.principal.name,
        submitted_at=now,
    )


def _submitted(row: SuggestionRow, principal: Principal, now: datetime) -> events_pb2.SuggestionSubmitted:
    return events_pb2.SuggestionSubmitted(
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
