"""The whole handling of a suggestion through the handlers, on real SQLite and PostgreSQL: each step
saved with its event in one transaction, scopes and filters answered by the database, concurrent
actions ending with one winner, bad input writing nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from services.suggestions import commands, domain, handlers, repository
from services.suggestions.domain import Status
from services.suggestions.model import Suggestion
from services.suggestions.repository import ListFilter
from tests.integration.suggestions.conftest import (
    CLERK,
    COMMISSION,
    COSIGNER,
    DEPUTY,
    HOUSING,
    LEADER,
    OFFICE,
    STATION,
    TRANSPORT,
    WATER,
    Clock,
    outbox_count,
    outbox_subjects,
)
from wulian.kit.db import Database
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal

TEXT = domain.SubmitSuggestion("修缮学府路", "学府路路面破损，请修缮。", "transport")


def submit(db: Database, clock: Clock, deputy: Principal = DEPUTY) -> str:
    with db.session() as session:
        return handlers.submit_suggestion(session, deputy, TEXT, clock).id


def act(db: Database, clock: Clock, who: Principal, suggestion_id: str, action: handlers.Action) -> Suggestion:
    with db.session() as session:
        return handlers.act(session, who, suggestion_id, action, clock).suggestion


def visible(db: Database, who: Principal, clock: Clock, **filters: object) -> list[str]:
    with db.session() as session:
        items, _, total = handlers.list_suggestions(
            session,
            who,
            page_size=100,
            page_token="",
            filters=ListFilter(**filters),
            clock=clock,  # type: ignore[arg-type]
        )
    assert total == len(items)
    return [item.suggestion.number for item in items]


def assign(db: Database, clock: Clock, suggestion_id: str, co_units: tuple[str, ...] = ("housing",)) -> None:
    proposal = commands.ProposeAssignment("transport", co_units, False, "")
    act(db, clock, CLERK, suggestion_id, lambda s, now: s.propose_assignment(CLERK, proposal, now))
    clock.advance(hours=1)
    act(db, clock, OFFICE, suggestion_id, lambda s, now: s.confirm_assignment(OFFICE, now))


def contact(db: Database, clock: Clock, unit: Principal, suggestion_id: str) -> None:
    command = commands.RecordContact(clock.now, "phone", "王科长", "约定现场查看")
    act(db, clock, unit, suggestion_id, lambda s, now: s.record_contact(unit, command, now))


def test_one_suggestion_from_submission_to_a_satisfied_verdict(db: Database, clock: Clock) -> None:
    sid = submit(db, clock)
    act(db, clock, DEPUTY, sid, lambda s, now: s.add_cosigner(DEPUTY, commands.AddCosigner("deputy-2", "乙"), now))
    assign(db, clock, sid)
    clock.advance(hours=2)
    contact(db, clock, TRANSPORT, sid)
    contact(db, clock, HOUSING, sid)
    opinion = commands.GiveCoUnitOpinion("同意")
    act(db, clock, HOUSING, sid, lambda s, now: s.give_co_unit_opinion(HOUSING, opinion, now))
    clock.advance(days=20)
    act(db, clock, TRANSPORT, sid, lambda s, now: s.reply(TRANSPORT, commands.GiveReply("solved", "已修缮"), now))
    clock.advance(days=2)
    verdict = commands.EvaluateHandling("good", "good", "good", "satisfied", "")
    with db.session() as session:
        handlers.evaluate(session, DEPUTY, sid, verdict, clock)

    with db.session() as session:
        loaded = handlers.load_visible(session, DEPUTY, sid)
    stored = loaded.suggestion
    assert stored.status is Status.CLOSED and loaded.version == 9
    assert set(stored.contacts) == {"transport", "housing"} and stored.replies[0].on_time
    assert stored.cosigner_subjects == ("deputy-2",)
    assert outbox_subjects(db) == [
        "submitted", "cosigner_added", "assignment_proposed", "assigned", "contact_recorded", "contact_recorded",
        "co_unit_opinion_given", "replied", "evaluated",
    ]  # fmt: skip
    assert visible(db, COSIGNER, clock) == [stored.number]  # a co-signer sees what they co-signed


def test_units_see_only_what_is_assigned_to_them_and_the_commission_only_what_was_escalated(
    db: Database, clock: Clock
) -> None:
    first, second = submit(db, clock), submit(db, clock)
    assign(db, clock, first)
    numbers = {sid: n for sid, n in zip((first, second), ("2026-0001", "2026-0002"), strict=True)}
    assert visible(db, TRANSPORT, clock) == [numbers[first]]
    assert visible(db, HOUSING, clock) == [numbers[first]]
    assert visible(db, WATER, clock) == []
    assert visible(db, COMMISSION, clock) == []
    assert sorted(visible(db, STATION, clock)) == sorted(numbers.values())
    with db.session() as session, pytest.raises(NotFound):
        handlers.load_visible(session, WATER, first)
    escalation = commands.Escalate(("concentrated",), "多名代表反映")
    act(db, clock, LEADER, first, lambda s, now: s.escalate(LEADER, escalation, now))
    assert visible(db, COMMISSION, clock) == [numbers[first]]
    assert visible(db, CLERK, clock, unit="transport") == [numbers[first]]


def test_overdue_filters_follow_the_clock(db: Database, clock: Clock) -> None:
    sid = submit(db, clock)
    assign(db, clock, sid)
    [number] = visible(db, CLERK, clock)
    assert visible(db, CLERK, clock, overdue="contact") == []
    clock.advance(hours=48, seconds=1)
    assert visible(db, CLERK, clock, overdue="contact") == [number]
    contact(db, clock, TRANSPORT, sid)
    contact(db, clock, HOUSING, sid)
    assert visible(db, CLERK, clock, overdue="contact") == []
    assert visible(db, CLERK, clock, overdue="reply") == []
    clock.advance(days=93)
    assert visible(db, CLERK, clock, overdue="reply") == [number]
    assert visible(db, CLERK, clock, overdue="any") == [number]


def test_concurrent_confirmations_end_with_one_winner(db: Database, clock: Clock) -> None:
    sid = submit(db, clock)
    proposal = commands.ProposeAssignment("transport", (), False, "")
    act(db, clock, CLERK, sid, lambda s, now: s.propose_assignment(CLERK, proposal, now))
    before = outbox_count(db)
    # Two clerks of the office read the same version and both confirm.
    with db.session() as first, db.session() as second:
        a, b = repository.load(first, sid), repository.load(second, sid)
        assert a is not None and b is not None and a.version == b.version
        a.suggestion.confirm_assignment(OFFICE, clock.now)
        b.suggestion.confirm_assignment(OFFICE, clock.now)
        repository.save(first, a.suggestion, a.version)
        first.commit()
        with pytest.raises(Conflict):
            repository.save(second, b.suggestion, b.version)
        second.rollback()
    with db.session() as session:
        stored = repository.load(session, sid)
    assert stored is not None and stored.version == a.version + 1
    assert outbox_count(db) == before  # the events were not written by this low-level race


def test_an_action_in_the_wrong_state_or_by_the_wrong_actor_writes_nothing(db: Database, clock: Clock) -> None:
    sid = submit(db, clock)
    before = outbox_count(db)
    with pytest.raises(Conflict):
        act(db, clock, OFFICE, sid, lambda s, now: s.confirm_assignment(OFFICE, now))
    with pytest.raises(PermissionDenied):
        proposal = commands.ProposeAssignment("transport", (), False, "")
        act(db, clock, OFFICE, sid, lambda s, now: s.propose_assignment(OFFICE, proposal, now))
    with pytest.raises(InvalidArgument) as bad:
        proposal = commands.ProposeAssignment(" ", ("transport", "transport"), False, "")
        act(db, clock, CLERK, sid, lambda s, now: s.propose_assignment(CLERK, proposal, now))
    assert {d["field"] for d in bad.value.details} == {"lead_unit", "co_units"}
    with db.session() as session:
        stored = repository.load(session, sid)
    assert stored is not None and stored.version == 1 and stored.suggestion.status is Status.SUBMITTED
    assert outbox_count(db) == before


def test_drafts_are_numbered_on_submission_per_year_and_session(db: Database, clock: Clock) -> None:
    rules = handlers.Rules(congress_session="S3")
    command = commands.DraftSuggestion("草稿", "内容", "other", "deputy-1", "代表甲")
    with db.session() as session:
        drafted = handlers.draft_suggestion(session, CLERK, command, submit=False, clock=clock, rules=rules)
    assert drafted.suggestion.number == "" and drafted.suggestion.status is Status.DRAFT
    assert visible(db, DEPUTY, clock) == [""] and visible(db, OFFICE, clock) == []  # drafts: congress only
    with db.session() as session:
        submitted = handlers.submit_draft(session, CLERK, drafted.suggestion.id, clock, rules)
    assert submitted.suggestion.number == "2026-S3-0001"
    with db.session() as session:
        direct = handlers.draft_suggestion(session, DEPUTY, command, submit=True, clock=clock, rules=rules)
    assert direct.suggestion.number == "2026-S3-0002"
    assert submit(db, clock).startswith("")  # between sessions the numbers run on their own
    with db.session() as session:
        numbers = {loaded.suggestion.number for loaded in repository.list_visible(
            session, scope=domain.Scope.ALL, subject="", org_unit="", sees_drafts=True, filters=ListFilter(),
            now=clock.now, offset=0, limit=10)[0]}  # fmt: skip
    assert numbers == {"2026-S3-0001", "2026-S3-0002", "2026-0001"}


def test_bad_list_queries_are_refused_together(db: Database, clock: Clock) -> None:
    with db.session() as session, pytest.raises(InvalidArgument) as bad:
        handlers.list_suggestions(
            session, CLERK, page_size=500, page_token="garbage!", filters=ListFilter(overdue="soon", status="x")
        )
    assert {d["field"] for d in bad.value.details} == {"page_size", "page_token", "overdue", "status"}


def test_a_document_survives_the_database_with_every_time_in_utc(db: Database, clock: Clock) -> None:
    sid = submit(db, clock)
    assign(db, clock, sid)
    with db.session() as session:
        loaded = repository.load(session, sid)
    assert loaded is not None
    assignment = loaded.suggestion.assignment
    assert assignment is not None and isinstance(assignment.confirmed_at, datetime)
    assert assignment.confirmed_at.utcoffset() is not None and assignment.confirmed_at == clock.now
