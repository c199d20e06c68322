"""Who is told of each event, and who may see which suggestion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from services.suggestions import commands
from services.suggestions import events as ev
from services.suggestions.domain import Scope, visibility
from services.suggestions.model import Suggestion
from tests.unit.suggestions import builders as b
from wulian.kit.principal import Principal

NOW = b.EVALUATED_AT + timedelta(days=1)


def told(event: ev.Event) -> set[str]:
    return set(event.audience())


def reaches(event: ev.Event, person: Principal) -> bool:
    return not person.audience_selectors().isdisjoint(event.audience())


def last(suggestion: Suggestion) -> ev.Event:
    return suggestion.events[-1]


def test_audiences_of_the_workflow() -> None:
    suggestion = b.draft()
    suggestion.add_cosigner(b.DEPUTY, commands.AddCosigner("deputy-2"), b.T0)
    assert told(last(suggestion)) == {"subject:deputy-1", "subject:deputy-2"}
    suggestion.submit(b.DEPUTY, "2026-0001", b.T0)
    assert told(last(suggestion)) == {
        "subject:deputy-1", "subject:deputy-2", "role:congress_clerk", "role:gov_supervision_office",
    }  # fmt: skip
    suggestion.propose_assignment(b.CLERK, b.proposal(), b.PROPOSED_AT)
    assert told(last(suggestion)) == {"role:gov_supervision_office"}
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    units = {"org_unit:transport", "org_unit:housing"}
    assert told(last(suggestion)) == {*units, "subject:deputy-1", "role:congress_clerk"}
    b.opinion(suggestion, b.CONFIRMED_AT + timedelta(days=1))
    assert told(last(suggestion)) == {"org_unit:transport"}
    b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=1))
    assert told(last(suggestion)) == {"subject:deputy-1", "role:congress_clerk"}
    suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    assert told(last(suggestion)) == {"subject:deputy-1", "subject:deputy-2", "role:congress_clerk"}
    suggestion.evaluate(b.DEPUTY, b.verdict("satisfied"), b.EVALUATED_AT)
    assert told(last(suggestion)) == {"org_unit:transport", "role:congress_clerk"}


def test_a_dissatisfied_verdict_is_also_told_to_co_units_and_the_supervision_office() -> None:
    suggestion = b.rehandling()
    assert told(last(suggestion)) == {
        "org_unit:transport", "org_unit:housing", "role:congress_clerk", "role:gov_supervision_office",
    }  # fmt: skip


def test_a_sent_back_proposal_goes_to_the_clerk_who_made_it() -> None:
    suggestion = b.proposed()
    suggestion.send_back_assignment(b.OFFICE, commands.SendBackAssignment("主办单位不当"), b.PROPOSED_AT)
    assert told(last(suggestion)) == {"role:congress_clerk", "subject:clerk-1"}


def test_deadline_visit_and_escalation_audiences() -> None:
    suggestion = b.assigned()
    overdue = suggestion.raise_due_deadlines(b.CONFIRMED_AT + timedelta(hours=49))
    assert [told(e) for e in overdue] == [
        {"org_unit:transport", "role:congress_clerk", "role:gov_supervision_office"},
        {"org_unit:housing", "role:congress_clerk", "role:gov_supervision_office"},
    ]
    (soon,) = suggestion.raise_due_deadlines(b.REPLY_DUE - timedelta(days=1))
    assert told(soon) == {"org_unit:transport", "role:gov_supervision_office"}
    (late,) = suggestion.raise_due_deadlines(b.REPLY_DUE + timedelta(days=1))
    assert told(late) == {"org_unit:transport", "role:congress_clerk", "role:gov_supervision_office"}

    suggestion.record_return_visit(b.STATION, commands.RecordReturnVisit("transport", NOW, "滞后"), NOW)
    assert told(last(suggestion)) == {"role:congress_clerk"}
    suggestion.escalate(b.CLERK, commands.Escalate(("suspected_violation",), "疑似违规"), NOW)
    assert told(last(suggestion)) == {"role:discipline_commission", "role:congress_leader"}
    suggestion.record_clue_transfer(commands.RecordClueTransfer(1, "clue-1"), NOW)
    assert told(last(suggestion)) == {"role:discipline_commission", "role:congress_leader"}
    suggestion.respond_to_escalation(b.COMMISSION, commands.RespondToEscalation(1, "已立案审查"), NOW)
    assert told(last(suggestion)) == {"subject:clerk-1", "role:congress_leader", "role:congress_clerk"}


def test_audiences_reach_the_right_principals_and_not_others() -> None:
    suggestion = b.assigned()
    confirmed = last(suggestion)
    assert {p.subject for p in b.EVERYONE if reaches(confirmed, p)} == {
        "deputy-1", "clerk-1", "clerk-2", "transport-1", "housing-1",
    }  # fmt: skip


# --- visibility ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "who_sees"),
    [
        ("draft", {"deputy-1", "clerk-1", "clerk-2", "committee-1", "leader-1"}),
        ("proposed", {"deputy-1", "clerk-1", "clerk-2", "committee-1", "leader-1", "office-1", "station-1"}),
        (
            "assigned",
            {"deputy-1", "clerk-1", "clerk-2", "committee-1", "leader-1", "office-1", "station-1", "transport-1",
             "housing-1"},
        ),
        (
            "escalated",
            {"deputy-1", "clerk-1", "clerk-2", "committee-1", "leader-1", "office-1", "station-1", "transport-1",
             "housing-1", "commission-1"},
        ),
        (
            "cosigned",
            {"deputy-1", "deputy-2", "clerk-1", "clerk-2", "committee-1", "leader-1", "office-1", "station-1"},
        ),
    ],
)  # fmt: skip
def test_who_sees_a_suggestion(state: str, who_sees: set[str]) -> None:
    build: dict[str, Callable[[], Suggestion]] = {"draft": b.draft, "proposed": b.proposed}
    suggestion = build.get(state, b.assigned)()
    if state == "escalated":
        suggestion.escalate(b.LEADER, commands.Escalate(("overdue",), "逾期"), NOW)
    if state == "cosigned":
        suggestion = b.submitted()
        suggestion.add_cosigner(b.DEPUTY, commands.AddCosigner("deputy-2"), b.T0)
    seen = set()
    for person in b.EVERYONE:
        if person in (b.COURT, b.ADMIN):
            continue  # refused outright, see below
        if suggestion.visible_to(person):
            seen.add(person.subject)
    assert seen == who_sees


def test_outsiders_see_nothing_at_all() -> None:
    from wulian.kit.errors import PermissionDenied

    for person in (b.COURT, b.ADMIN):
        with pytest.raises(PermissionDenied):
            b.assigned().visible_to(person)


def test_scopes_are_unchanged_for_the_register() -> None:
    assert visibility(b.COMMISSION) is Scope.ESCALATED
    assert visibility(b.TRANSPORT) is Scope.ORG_UNIT
    assert visibility(b.COSIGNER) is Scope.OWN
