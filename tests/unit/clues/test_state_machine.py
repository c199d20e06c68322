"""Every action in every state: the legal ones move the clue where the workflow says, the others are
refused with a Conflict that names the state and leaves the clue as it was."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import timedelta

import pytest

from services.clues import commands
from services.clues.domain import ACTION_LABELS, ALLOWED_STATES, STATUS_LABELS, Action, Status
from services.clues.model import Clue
from tests.unit.clues import builders as b
from wulian.kit.errors import Conflict

NOW = b.FEEDBACK_AT + timedelta(days=1)

S = Status
# The workflow of issue 4, written out independently of domain.ALLOWED_STATES: (state, action) → next state.
LEGAL: dict[tuple[Status, Action], Status] = {
    (S.TRANSFERRED, Action.ACKNOWLEDGE): S.ACKNOWLEDGED,
    (S.ACKNOWLEDGED, Action.ACCEPT): S.ACCEPTED,
    (S.ACKNOWLEDGED, Action.DECLINE): S.DECLINED,
    (S.ACCEPTED, Action.RECORD_DISPOSITION): S.ACCEPTED,
    (S.ACCEPTED, Action.GIVE_FEEDBACK): S.CLOSED,
}


def _feedback(clue: Clue) -> None:
    if not clue.dispositions and clue.status is S.ACCEPTED:  # feedback follows at least one disposition
        clue.record_disposition(b.COMMISSION, b.disposition_command(), NOW - timedelta(hours=1))
    clue.give_feedback(b.COMMISSION, commands.GiveFeedback("已了结"), NOW)


DO: dict[Action, Callable[[Clue], None]] = {
    Action.ACKNOWLEDGE: lambda c: c.acknowledge(b.COMMISSION, NOW),
    Action.ACCEPT: lambda c: c.accept(b.COMMISSION, commands.AcceptClue(), NOW),
    Action.DECLINE: lambda c: c.decline(b.COMMISSION, commands.DeclineClue("线索不具体"), NOW),
    Action.RECORD_DISPOSITION: lambda c: c.record_disposition(b.COMMISSION, b.disposition_command("concluded"), NOW),
    Action.GIVE_FEEDBACK: _feedback,
}

CASES = [(state, action) for state in Status for action in Action]


def test_the_state_table_is_the_workflow() -> None:
    derived = {action: frozenset(s for (s, a) in LEGAL if a is action) for action in Action}
    assert derived == ALLOWED_STATES


def test_every_state_and_action_has_words() -> None:
    assert set(STATUS_LABELS) == set(Status)
    assert set(ACTION_LABELS) == set(Action)


@pytest.mark.parametrize(("state", "action"), [case for case in CASES if case in LEGAL])
@pytest.mark.parametrize("kind", ["escalation", "manual", "case_review"])
def test_legal_transition(state: Status, action: Action, kind: str) -> None:
    clue = b.in_state(state, kind)
    DO[action](clue)
    assert clue.status is LEGAL[state, action]
    assert clue.events, "a transition records what happened"


@pytest.mark.parametrize(("state", "action"), [case for case in CASES if case not in LEGAL])
def test_illegal_transition_is_a_conflict_and_changes_nothing(state: Status, action: Action) -> None:
    clue = b.in_state(state)
    before = copy.deepcopy(clue)
    with pytest.raises(Conflict) as caught:
        DO[action](clue)
    assert caught.value.message.endswith(f"，不能{ACTION_LABELS[action]}")
    assert clue.status is state
    assert clue.events == []
    assert vars_of(clue) == vars_of(before)


@pytest.mark.parametrize(("state", "action"), [case for case in CASES if case not in LEGAL])
def test_the_state_is_checked_before_the_actor(state: Status, action: Action) -> None:
    """A wrong state is a conflict whoever asks: the answer reveals nothing about the caller's rights."""
    clue = b.in_state(state)
    take: dict[Action, Callable[[Clue], None]] = {
        Action.ACKNOWLEDGE: lambda c: c.acknowledge(b.COURT, NOW),
        Action.ACCEPT: lambda c: c.accept(b.COURT, commands.AcceptClue(), NOW),
        Action.DECLINE: lambda c: c.decline(b.COURT, commands.DeclineClue(""), NOW),
        Action.RECORD_DISPOSITION: lambda c: c.record_disposition(b.COURT, commands.RecordDisposition("x", ""), NOW),
        Action.GIVE_FEEDBACK: lambda c: c.give_feedback(b.COURT, commands.GiveFeedback(""), NOW),
    }
    with pytest.raises(Conflict):
        take[action](clue)


def vars_of(clue: Clue) -> dict[str, object]:
    return {name: getattr(clue, name) for name in Clue.__dataclass_fields__}


@pytest.mark.parametrize(
    ("state", "action", "message"),
    [
        (S.TRANSFERRED, Action.ACCEPT, "该线索尚未签收，不能受理"),
        (S.TRANSFERRED, Action.DECLINE, "该线索尚未签收，不能作出不予受理决定"),
        (S.ACKNOWLEDGED, Action.ACKNOWLEDGE, "该线索已签收，尚未决定是否受理，不能签收"),
        (S.ACKNOWLEDGED, Action.RECORD_DISPOSITION, "该线索已签收，尚未决定是否受理，不能登记处置"),
        (S.ACCEPTED, Action.DECLINE, "该线索已受理，正在处置，不能作出不予受理决定"),
        (S.DECLINED, Action.ACCEPT, "该线索已决定不予受理，不能受理"),
        (S.DECLINED, Action.GIVE_FEEDBACK, "该线索已决定不予受理，不能反馈"),
        (S.CLOSED, Action.RECORD_DISPOSITION, "该线索已反馈办结，不能登记处置"),
        (S.CLOSED, Action.GIVE_FEEDBACK, "该线索已反馈办结，不能反馈"),
    ],
)
def test_conflict_messages_read_as_a_clerk_would_say_them(state: Status, action: Action, message: str) -> None:
    with pytest.raises(Conflict) as caught:
        DO[action](b.in_state(state))
    assert caught.value.message == message


def test_feedback_needs_a_disposition_first() -> None:
    clue = b.in_state(S.ACCEPTED)
    with pytest.raises(Conflict, match=r"^该线索尚未登记处置，不能反馈$"):
        clue.give_feedback(b.COMMISSION, commands.GiveFeedback("已了结"), NOW)
    assert (clue.status, clue.feedback, clue.events) == (S.ACCEPTED, None, [])


def test_dispositions_are_any_number_numbered_in_order_up_to_the_limit() -> None:
    from services.clues.domain import DISPOSITIONS_MAX, DispositionKind

    clue = b.in_state(S.ACCEPTED)
    kinds = list(DispositionKind)
    for i in range(DISPOSITIONS_MAX):
        clue.record_disposition(b.COMMISSION, b.disposition_command(kinds[i % len(kinds)].value), NOW)
    assert [d.no for d in clue.dispositions] == list(range(1, DISPOSITIONS_MAX + 1))
    assert [d.kind for d in clue.dispositions[:5]] == kinds
    clue.events.clear()
    with pytest.raises(Conflict, match="已达 100 条"):
        clue.record_disposition(b.COMMISSION, b.disposition_command(), NOW)
    assert len(clue.dispositions) == DISPOSITIONS_MAX and clue.events == []
    clue.give_feedback(b.COMMISSION, commands.GiveFeedback("已办结"), NOW)
    assert clue.status is S.CLOSED


def test_a_declined_and_a_closed_clue_are_final() -> None:
    for state in (S.DECLINED, S.CLOSED):
        for action in Action:
            assert state not in ALLOWED_STATES[action]
