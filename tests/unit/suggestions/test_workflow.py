"""What each legal step records: assignment and clocks, contact, opinions, reply, the deputy's verdict and
the re-handling loop with its limit, co-signers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.suggestions import commands
from services.suggestions import events as ev
from services.suggestions.domain import ContactMethod, ReplyResult, Satisfaction, Status
from tests.unit.suggestions import builders as b
from wulian.kit.errors import Conflict, InvalidArgument


def test_submission_numbers_and_dates_the_suggestion() -> None:
    suggestion = b.submitted()
    assert (suggestion.number, suggestion.submitted_at, suggestion.year) == ("2026-0001", b.T0, 2026)
    (event,) = suggestion.events
    assert isinstance(event, ev.SuggestionSubmitted)
    assert (event.number, event.category, event.deputy_subject) == ("2026-0001", "transport", "deputy-1")


def test_a_draft_has_no_number_until_it_is_submitted() -> None:
    suggestion = b.draft()
    assert (suggestion.number, suggestion.submitted_at, suggestion.year) == ("", None, None)
    suggestion.submit(b.DEPUTY, "2027-0001", datetime(2026, 12, 31, 16, 0, tzinfo=UTC))
    assert (suggestion.number, suggestion.year) == ("2027-0001", 2027)


def test_cosigners_are_added_once_and_never_the_proposer() -> None:
    suggestion = b.draft()
    suggestion.add_cosigner(b.DEPUTY, commands.AddCosigner(" deputy-2 ", "代表乙"), b.T0)
    suggestion.submit(b.DEPUTY, "2026-0001", b.T0)
    suggestion.add_cosigner(b.CLERK, commands.AddCosigner("deputy-3"), b.T0)
    assert suggestion.cosigner_subjects == ("deputy-2", "deputy-3")
    with pytest.raises(Conflict, match="已附议"):
        suggestion.add_cosigner(b.DEPUTY, commands.AddCosigner("deputy-2"), b.T0)
    with pytest.raises(InvalidArgument) as caught:
        suggestion.add_cosigner(b.DEPUTY, commands.AddCosigner("deputy-1"), b.T0)
    assert caught.value.details[0]["field"] == "subject"
    submitted = [e for e in suggestion.events if isinstance(e, ev.SuggestionSubmitted)]
    assert submitted[0].cosigners == ("deputy-2",)


def test_confirmation_starts_the_clocks_and_a_proposal_does_not() -> None:
    suggestion = b.proposed(complex_=True)
    assert suggestion.reply_due_at is None
    assert suggestion.deadline_state().contact_due_at is None
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    assert suggestion.assignment is not None
    assert (suggestion.assignment.confirmed_by, suggestion.assignment.confirmed_at) == ("office-1", b.CONFIRMED_AT)
    assert suggestion.reply_due_at == datetime(2026, 9, 4, 1, 0, tzinfo=UTC)  # complex: 6 months
    event = suggestion.events[-1]
    assert isinstance(event, ev.AssignmentConfirmed)
    assert event.contact_due_at == datetime(2026, 3, 6, 1, 0, tzinfo=UTC)
    assert (event.lead_unit, event.co_units, event.complex) == ("transport", ("housing",), True)


def test_a_sent_back_proposal_returns_to_congress_staff_for_a_new_one() -> None:
    suggestion = b.proposed()
    suggestion.send_back_assignment(b.OFFICE, commands.SendBackAssignment("  应由水务局主办 "), b.PROPOSED_AT)
    assert (suggestion.status, suggestion.assignment) == (Status.SUBMITTED, None)
    (sent_back,) = suggestion.send_backs
    assert (sent_back.reason, sent_back.proposal.lead_unit) == ("应由水务局主办", "transport")
    suggestion.propose_assignment(b.CLERK, b.proposal(lead="water", co_units=()), b.PROPOSED_AT)
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    assert suggestion.assigned_units == {"water"}


def test_two_confirmations_one_wins() -> None:
    suggestion = b.proposed()
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    with pytest.raises(Conflict):
        suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT + timedelta(seconds=1))
    assert suggestion.assignment is not None and suggestion.assignment.confirmed_at == b.CONFIRMED_AT


@pytest.mark.parametrize(("hours", "within"), [(47, True), (48, True), (49, False)])
def test_contact_within_48_hours_is_flagged(hours: int, within: bool) -> None:
    suggestion = b.assigned()
    at = b.CONFIRMED_AT + timedelta(hours=hours)
    suggestion.record_contact(b.HOUSING, commands.RecordContact(at, "visit", "李主任", "上门听取意见"), at)
    contact = suggestion.contacts["housing"]
    assert (contact.method, contact.contact_person, contact.contacted_at) == (ContactMethod.VISIT, "李主任", at)
    event = suggestion.events[-1]
    assert isinstance(event, ev.ContactRecorded) and event.within_48h is within


def test_first_contact_is_recorded_once_per_unit() -> None:
    suggestion = b.assigned()
    b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=1))
    b.contact(suggestion, b.HOUSING, b.CONFIRMED_AT + timedelta(hours=2))
    with pytest.raises(Conflict, match="已登记过"):
        b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=3))


def test_the_lead_unit_replies_only_after_its_contact_and_every_co_unit_opinion() -> None:
    suggestion = b.assigned(co_units=("housing", "water"))
    with pytest.raises(Conflict, match="主办单位尚未登记"):
        suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=1))
    with pytest.raises(Conflict, match=r"^协办单位（housing、water）尚未提交协办意见，不能答复$"):
        suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    b.opinion(suggestion, b.REPLIED_AT - timedelta(days=1), unit=b.WATER)
    with pytest.raises(Conflict, match="（housing）"):
        suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    b.opinion(suggestion, b.REPLIED_AT - timedelta(days=1))
    suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    assert suggestion.status is Status.REPLIED


def test_a_co_unit_gives_one_opinion_per_round() -> None:
    suggestion = b.assigned()
    b.opinion(suggestion, b.REPLIED_AT)
    with pytest.raises(Conflict, match="本轮"):
        b.opinion(suggestion, b.REPLIED_AT)


@pytest.mark.parametrize(("delay", "on_time"), [(timedelta(0), True), (timedelta(microseconds=1), False)])
def test_a_reply_is_on_time_up_to_its_due_moment(delay: timedelta, on_time: bool) -> None:
    suggestion = b.replied(at=b.REPLY_DUE + delay)
    (answer,) = suggestion.replies
    assert (answer.result, answer.due_at, answer.round) == (ReplyResult.PLANNED, b.REPLY_DUE, 0)
    assert answer.on_time is on_time


@pytest.mark.parametrize("overall", ["satisfied", "basically_satisfied"])
def test_a_satisfied_enough_verdict_closes_the_suggestion(overall: str) -> None:
    suggestion = b.replied()
    suggestion.evaluate(b.DEPUTY, b.verdict(overall, ""), b.EVALUATED_AT)
    assert (suggestion.status, suggestion.rehandlings) == (Status.CLOSED, 0)
    event = suggestion.events[-1]
    assert isinstance(event, ev.SuggestionEvaluated)
    assert (event.closed, event.rehandling_due_at, event.overall) == (True, None, Satisfaction(overall))


def test_dissatisfied_sends_it_back_for_a_month_until_the_limit_then_closes_it() -> None:
    suggestion = b.replied()
    evaluated = b.EVALUATED_AT  # 2026-04-08 01:00 UTC
    suggestion.evaluate(b.DEPUTY, b.verdict("dissatisfied"), evaluated)
    assert (suggestion.status, suggestion.rehandlings) == (Status.REHANDLING, 1)
    assert suggestion.reply_due_at == datetime(2026, 5, 8, 1, 0, tzinfo=UTC)
    suggestion.reply(b.TRANSPORT, b.reply_command(), evaluated + timedelta(days=40))  # no new opinion needed
    assert suggestion.replies[-1].round == 1 and not suggestion.replies[-1].on_time

    suggestion.evaluate(b.DEPUTY, b.verdict("dissatisfied"), evaluated + timedelta(days=41))
    assert (suggestion.status, suggestion.rehandlings) == (Status.REHANDLING, 2)
    b.opinion(suggestion, evaluated + timedelta(days=42))  # a co-unit may add its view in a new round
    suggestion.reply(b.TRANSPORT, b.reply_command(), evaluated + timedelta(days=43))

    suggestion.evaluate(b.DEPUTY, b.verdict("dissatisfied"), evaluated + timedelta(days=44))
    assert (suggestion.status, suggestion.rehandlings) == (Status.CLOSED, 2)
    assert [e.overall for e in suggestion.evaluations] == [Satisfaction.DISSATISFIED] * 3
    assert [e.round for e in suggestion.evaluations] == [0, 1, 2]
    last = suggestion.events[-1]
    assert isinstance(last, ev.SuggestionEvaluated) and last.closed and last.overall is Satisfaction.DISSATISFIED


def test_the_rehandling_limit_is_a_setting() -> None:
    suggestion = b.replied()
    suggestion.evaluate(b.DEPUTY, b.verdict("dissatisfied"), b.EVALUATED_AT, max_rehandlings=0)
    assert (suggestion.status, suggestion.rehandlings) == (Status.CLOSED, 0)
    with pytest.raises(ValueError):
        b.replied().evaluate(b.DEPUTY, b.verdict("dissatisfied"), b.EVALUATED_AT, max_rehandlings=-1)


def test_contact_may_be_recorded_late_and_counts_as_late() -> None:
    suggestion = b.replied()
    late = b.REPLIED_AT + timedelta(days=1)
    b.contact(suggestion, b.HOUSING, late)
    event = suggestion.events[-1]
    assert isinstance(event, ev.ContactRecorded) and not event.within_48h
    assert suggestion.status is Status.REPLIED
