"""Every action in every state: the legal ones move the suggestion where the workflow says, the others
are refused with a Conflict that names the state and leaves the suggestion as it was."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import timedelta

import pytest

from services.suggestions import commands
from services.suggestions import events as ev
from services.suggestions.domain import ACTION_LABELS, ALLOWED_STATES, Action, Status
from services.suggestions.model import Suggestion
from tests.unit.suggestions import builders as b
from wulian.kit.errors import Conflict

NOW = b.EVALUATED_AT + timedelta(days=1)

S = Status
# The workflow of issue 3, written out independently of domain.ALLOWED_STATES: (state, action) → next state.
LEGAL: dict[tuple[Status, Action], Status] = {
    (S.DRAFT, Action.EDIT_DRAFT): S.DRAFT,
    (S.DRAFT, Action.SUBMIT): S.SUBMITTED,
    (S.DRAFT, Action.ADD_COSIGNER): S.DRAFT,
    (S.SUBMITTED, Action.ADD_COSIGNER): S.SUBMITTED,
    (S.SUBMITTED, Action.PROPOSE_ASSIGNMENT): S.ASSIGNMENT_PROPOSED,
    (S.ASSIGNMENT_PROPOSED, Action.CONFIRM_ASSIGNMENT): S.ASSIGNED,
    (S.ASSIGNMENT_PROPOSED, Action.SEND_BACK_ASSIGNMENT): S.SUBMITTED,
    (S.ASSIGNED, Action.RECORD_CONTACT): S.ASSIGNED,
    (S.REPLIED, Action.RECORD_CONTACT): S.REPLIED,
    (S.REHANDLING, Action.RECORD_CONTACT): S.REHANDLING,
    (S.ASSIGNED, Action.GIVE_CO_UNIT_OPINION): S.ASSIGNED,
    (S.REHANDLING, Action.GIVE_CO_UNIT_OPINION): S.REHANDLING,
    (S.ASSIGNED, Action.REPLY): S.REPLIED,
    (S.REHANDLING, Action.REPLY): S.REPLIED,
    (S.REPLIED, Action.EVALUATE): S.CLOSED,
    **{(state, Action.RECORD_RETURN_VISIT): state for state in (S.ASSIGNED, S.REPLIED, S.REHANDLING, S.CLOSED)},
    **{(state, Action.ESCALATE): state for state in (S.ASSIGNED, S.REPLIED, S.REHANDLING, S.CLOSED)},
}


def _reply(s: Suggestion) -> None:
    if s.status is S.ASSIGNED:  # a reply needs the lead unit's contact and the co-units' opinions first
        b.contact(s, b.TRANSPORT, NOW - timedelta(hours=2))
        b.opinion(s, NOW - timedelta(hours=1))
    s.reply(b.TRANSPORT, b.reply_command(), NOW)


DO: dict[Action, Callable[[Suggestion], None]] = {
    Action.EDIT_DRAFT: lambda s: s.edit_draft(b.DEPUTY, commands.EditDraft("新标题", "新内容", "education"), NOW),
    Action.SUBMIT: lambda s: s.submit(b.DEPUTY, "2026-0007", NOW),
    Action.ADD_COSIGNER: lambda s: s.add_cosigner(b.DEPUTY, commands.AddCosigner("deputy-2", "代表乙"), NOW),
    Action.PROPOSE_ASSIGNMENT: lambda s: s.propose_assignment(b.CLERK, b.proposal(), NOW),
    Action.CONFIRM_ASSIGNMENT: lambda s: s.confirm_assignment(b.OFFICE, NOW),
    Action.SEND_BACK_ASSIGNMENT: lambda s: s.send_back_assignment(
        b.OFFICE, commands.SendBackAssignment("主办单位不当"), NOW
    ),
    Action.RECORD_CONTACT: lambda s: s.record_contact(b.HOUSING, b.contact_command(NOW - timedelta(hours=1)), NOW),
    Action.GIVE_CO_UNIT_OPINION: lambda s: b.opinion(s, NOW),
    Action.REPLY: _reply,
    Action.EVALUATE: lambda s: s.evaluate(b.DEPUTY, b.verdict("satisfied"), NOW),
    Action.RECORD_RETURN_VISIT: lambda s: s.record_return_visit(
        b.STATION, commands.RecordReturnVisit("transport", NOW - timedelta(hours=1), "已按计划推进"), NOW
    ),
    Action.ESCALATE: lambda s: s.escalate(b.LEADER, commands.Escalate(("overdue",), "答复逾期"), NOW),
}

CASES = [(state, action) for state in Status for action in Action]


def test_the_state_table_is_the_workflow() -> None:
    derived = {action: frozenset(s for (s, a) in LEGAL if a is action) for action in Action}
    assert derived == ALLOWED_STATES


@pytest.mark.parametrize(("state", "action"), [case for case in CASES if case in LEGAL])
def test_legal_transition(state: Status, action: Action) -> None:
    suggestion = b.in_state(state)
    DO[action](suggestion)
    assert suggestion.status is LEGAL[state, action]
    assert suggestion.events, "a transition records what happened"


@pytest.mark.parametrize(("state", "action"), [case for case in CASES if case not in LEGAL])
def test_illegal_transition_is_a_conflict_and_changes_nothing(state: Status, action: Action) -> None:
    suggestion = b.in_state(state)
    before = copy.deepcopy(suggestion)
    with pytest.raises(Conflict) as caught:
        DO[action](suggestion)
    assert caught.value.message.endswith(f"，不能{ACTION_LABELS[action]}")
    assert suggestion.status is state
    assert suggestion.events == []
    assert vars_of(suggestion) == vars_of(before)


def vars_of(suggestion: Suggestion) -> dict[str, object]:
    return {name: getattr(suggestion, name) for name in Suggestion.__dataclass_fields__}


def test_conflict_messages_read_as_a_clerk_would_say_them() -> None:
    with pytest.raises(Conflict, match=r"^该建议尚未交办，不能答复$"):
        DO[Action.REPLY](b.in_state(S.SUBMITTED))
    with pytest.raises(Conflict, match=r"^该建议已办结，不能测评$"):
        DO[Action.EVALUATE](b.in_state(S.CLOSED))
    with pytest.raises(Conflict, match=r"^该建议正在办理中，尚未答复，不能测评$"):
        DO[Action.EVALUATE](b.in_state(S.ASSIGNED))


def test_the_whole_happy_path_records_its_events_in_order() -> None:
    suggestion = b.closed()
    assert [type(e) for e in suggestion.events] == [
        ev.SuggestionSubmitted,
        ev.AssignmentProposed,
        ev.AssignmentConfirmed,
        ev.ContactRecorded,
        ev.CoUnitOpinionGiven,
        ev.SuggestionReplied,
        ev.SuggestionEvaluated,
    ]
    assert all(e.suggestion_id == "s-1" for e in suggestion.events)
