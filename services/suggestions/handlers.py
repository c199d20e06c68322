"""Use cases of the suggestions service: load the aggregate, let it decide, save it with its events.

Each function takes its database session first (``Database.in_session`` runs it) and commits what it
changed together with the events the aggregate recorded (outbox), or nothing at all. A suggestion
outside the caller's scope is reported as not found, before any other check, so that its existence
is not given away.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session

from services.suggestions import commands, domain, event_messages, repository
from services.suggestions.model import Suggestion
from services.suggestions.repository import ListFilter, Loaded
from wulian.kit.clock import Clock, utc_now
from wulian.kit.context import current_request_id
from wulian.kit.errors import InvalidArgument, NotFound
from wulian.kit.events.outbox import add_many_to_outbox
from wulian.kit.paging import DEFAULT_PAGE_SIZE, encode_page_token, page_problems
from wulian.kit.principal import CONGRESS_ROLES, Principal

OVERDUE_FILTERS = ("", "contact", "reply", "any")

Action = Callable[[Suggestion, datetime], None]


@dataclass(frozen=True, slots=True)
class Rules:
    """The settings the handlers apply: the session now sitting and the re-handling limit."""

    congress_session: str = ""
    max_rehandlings: int = domain.DEFAULT_MAX_REHANDLINGS


DEFAULT_RULES = Rules()


# --- submission ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Submission:
    """A checked submission waiting for its number: who, what, and the request it came in."""

    principal: Principal
    command: domain.SubmitSuggestion
    request_id: str


def prepare_submission(principal: Principal, command: domain.SubmitSuggestion) -> Submission:
    """Everything about a submission that can be refused, decided before it joins a write."""
    domain.ensure_may_submit(principal)
    domain.validate_submission(command)
    return Submission(principal, command, current_request_id())


def submit_suggestions(
    session: Session, submissions: Sequence[Submission], clock: Clock = utc_now, rules: Rules = DEFAULT_RULES
) -> list[Suggestion]:
    """Number and store checked submissions with their events, in the caller's transaction.

    Several submissions share one transaction under load (group commit, ``wulian.kit.group_commit``);
    they share its clock reading too, so the year in their numbers is the same. The year's counter
    row is bumped once per batch, for all its numbers in one statement, so a batch of submissions
    takes its lock once rather than once each.
    """
    now = clock()
    year = domain.submission_year(now)
    sequence = repository.reserve_numbers(session, year, len(submissions), rules.congress_session)
    suggestions = [
        Suggestion.submit_new(
            str(uuid.uuid4()),
            submission.principal,
            submission.command,
            domain.suggestion_number(year, number, rules.congress_session),
            now,
            rules.congress_session,
        )
        for submission, number in zip(submissions, sequence, strict=True)
    ]
    repository.insert_new(session, suggestions)
    rows = []
    for suggestion, submission in zip(suggestions, submissions, strict=True):
        rows += event_messages.to_outbox_rows(
            suggestion.events, actor=submission.principal, request_id=submission.request_id
        )
        suggestion.events.clear()
    add_many_to_outbox(session, rows)
    repository.append_audit(session, rows)
    return suggestions


def submit_suggestion(
    session: Session, principal: Principal, command: domain.SubmitSuggestion, clock: Clock = utc_now
) -> Suggestion:
    """One submission in a transaction of its own (demo data, scripts)."""
    [suggestion] = submit_suggestions(session, [prepare_submission(principal, command)], clock)
    session.commit()
    return suggestion


def draft_suggestion(
    session: Session,
    principal: Principal,
    command: commands.DraftSuggestion,
    *,
    submit: bool,
    clock: Clock = utc_now,
    rules: Rules = DEFAULT_RULES,
) -> Loaded:
    """A draft by a deputy or by a congress clerk on a deputy's behalf; ``submit`` submits it at once."""
    now = clock()
    suggestion = Suggestion.draft(str(uuid.uuid4()), principal, command, now)
    if submit:
        suggestion.submit(principal, _next_number(session, now, rules), now, rules.congress_session)
    repository.insert_new(session, [suggestion])
    _commit(session, suggestion, principal)
    return Loaded(suggestion, 1)


def _next_number(session: Session, now: datetime, rules: Rules) -> str:
    year = domain.submission_year(now)
    [number] = repository.reserve_numbers(session, year, 1, rules.congress_session)
    return domain.suggestion_number(year, number, rules.congress_session)


# --- every other transition ----------------------------------------------------------------------


def act(session: Session, principal: Principal, suggestion_id: str, action: Action, clock: Clock = utc_now) -> Loaded:
    """Load a suggestion the caller may see, apply ``action`` (an aggregate method), save it with its
    events; a concurrent save of the same suggestion makes this one fail with Conflict."""
    loaded = load_visible(session, principal, suggestion_id)
    suggestion = loaded.suggestion
    action(suggestion, clock())
    version = repository.save(session, suggestion, loaded.version)
    _commit(session, suggestion, principal)
    return Loaded(suggestion, version)


def submit_draft(
    session: Session, principal: Principal, suggestion_id: str, clock: Clock = utc_now, rules: Rules = DEFAULT_RULES
) -> Loaded:
    def submit(suggestion: Suggestion, now: datetime) -> None:
        domain.ensure_allowed(domain.Action.SUBMIT, suggestion.status)  # before a number is taken
        suggestion.submit(principal, _next_number(session, now, rules), now, rules.congress_session)

    return act(session, principal, suggestion_id, submit, clock)


def evaluate(
    session: Session,
    principal: Principal,
    suggestion_id: str,
    command: commands.EvaluateHandling,
    clock: Clock = utc_now,
    rules: Rules = DEFAULT_RULES,
) -> Loaded:
    def verdict(suggestion: Suggestion, now: datetime) -> None:
        suggestion.evaluate(principal, command, now, rules.max_rehandlings)

    return act(session, principal, suggestion_id, verdict, clock)


def _commit(session: Session, suggestion: Suggestion, actor: Principal | None) -> None:
    rows = event_messages.to_outbox_rows(suggestion.events, actor=actor, request_id=current_request_id())
    if rows:
        add_many_to_outbox(session, rows)
        repository.append_audit(session, rows)
    session.commit()
    suggestion.events.clear()


# --- deadlines and clue transfers (no human actor) -----------------------------------------------


def raise_deadlines(session: Session, suggestion_id: str, clock: Clock = utc_now) -> int:
    """Raise the due deadline notices of one suggestion, each exactly once; how many were raised.

    The raised notices are kept in the suggestion and saved with their events in one transaction,
    against the version read: two schedulers racing on one suggestion cannot both raise a notice.
    """
    loaded = repository.load(session, suggestion_id)
    if loaded is None:
        return 0
    raised = loaded.suggestion.raise_due_deadlines(clock())
    if not raised:
        return 0
    repository.save(session, loaded.suggestion, loaded.version)  # also moves next_check_at on
    _commit(session, loaded.suggestion, None)
    return len(raised)


def record_clue_transfer(
    session: Session, suggestion_id: str, command: commands.RecordClueTransfer, clock: Clock = utc_now
) -> None:
    loaded = repository.load(session, suggestion_id)
    if loaded is None:
        raise NotFound("未找到该建议")
    loaded.suggestion.record_clue_transfer(command, clock())
    repository.save(session, loaded.suggestion, loaded.version)
    _commit(session, loaded.suggestion, None)


# --- reading -------------------------------------------------------------------------------------


def load_visible(session: Session, principal: Principal, suggestion_id: str) -> Loaded:
    """One suggestion the caller may see; anything else is reported as not found."""
    domain.visibility(principal)  # refuses roles that see no suggestions at all
    loaded = repository.load(session, suggestion_id)
    if loaded is None or not loaded.suggestion.visible_to(principal):
        raise NotFound("未找到该建议")
    return loaded


# What congress wrote to the discipline commission, and what came of it, stays with congress and discipline.
DISCIPLINE_MATTERS = frozenset({"escalated", "escalation_responded", "clue_transferred"})


def get_history(session: Session, principal: Principal, suggestion_id: str) -> list[dict[str, Any]]:
    """The audit trail of a suggestion the caller may see (escalation steps only for those who may
    read escalations)."""
    load_visible(session, principal, suggestion_id)
    entries = repository.history(session, suggestion_id)
    if principal.has_any(*CONGRESS_ROLES, *domain.DISCIPLINE_ROLES):
        return entries
    return [entry for entry in entries if entry["event"] not in DISCIPLINE_MATTERS]


def list_suggestions(
    session: Session,
    principal: Principal,
    *,
    page_size: int,
    page_token: str,
    filters: ListFilter,
    clock: Clock = utc_now,
) -> tuple[list[Loaded], str, int]:
    scope = domain.visibility(principal)
    problems = domain.Problems()
    offset, problems.details = page_problems(page_size, page_token)
    if filters.overdue not in OVERDUE_FILTERS:
        problems.add("overdue", "逾期筛选只能是 contact（逾期未联系）、reply（逾期未答复）或 any")
    if filters.status and filters.status not in domain.Status.__members__.values():
        problems.add("status", "状态不在可选范围内")
    problems.raise_if_any("查询条件未通过校验")
    limit = page_size or DEFAULT_PAGE_SIZE
    items, total = repository.list_visible(
        session,
        scope=scope,
        subject=principal.subject,
        org_unit=principal.org_unit,
        sees_drafts=principal.has_any(*CONGRESS_ROLES),
        filters=filters,
        now=clock(),
        offset=offset,
        limit=limit,
    )
    next_token = encode_page_token(offset + limit) if offset + limit < total else ""
    return items, next_token, total


@dataclass(frozen=True, slots=True)
class StatsRows:
    units: list[dict[str, Any]]
    deputies: list[dict[str, Any]]


def get_stats(session: Session, principal: Principal, year: int, clock: Clock = utc_now) -> StatsRows:
    """The counts per unit and per deputy that the caller may see.

    A handling unit sees its own rows; a deputy sees every unit's rows (the handling of suggestions
    is reported to deputies) and their own deputy rows; congress staff, the supervision office and
    the discipline roles see everything.
    """
    scope = domain.visibility(principal)
    if year and not 2000 <= year <= 2100:
        raise InvalidArgument("年度应在 2000 到 2100 之间", details=[{"field": "year", "message": "年度无效"}])
    unit = principal.org_unit if scope is domain.Scope.ORG_UNIT else ""
    units = repository.unit_stats_rows(session, year=year, unit=unit, now=clock())
    if scope is domain.Scope.ORG_UNIT:
        return StatsRows(units, [])
    subject = principal.subject if scope is domain.Scope.OWN else ""
    return StatsRows(units, repository.deputy_stats_rows(session, year=year, subject=subject))
