"""Every step × everyone: only the right actor may take it; a wrong one is refused and changes nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import timedelta

import pytest

from services.clues import commands
from services.clues.domain import Transferor, transfer_capacity
from services.clues.model import Clue
from tests.unit.clues import builders as b
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import CONGRESS_ROLES, Principal, is_service_caller

NOW = b.FEEDBACK_AT + timedelta(days=1)
COMMISSIONERS = {b.COMMISSION, b.OTHER_COMMISSIONER}
CONGRESS_STAFF = {b.CLERK, b.OTHER_CLERK, b.COMMITTEE, b.LEADER}

# step: (a clue where the step is legal, the step by a principal, who may take it, the refusal)
STEPS: dict[str, tuple[Callable[[], Clue], Callable[[Clue, Principal], None], set[Principal], str]] = {
    "acknowledge": (b.transferred, lambda c, p: c.acknowledge(p, NOW), COMMISSIONERS, "只有纪委监委可以签收线索"),
    "accept": (
        b.acknowledged,
        lambda c, p: c.accept(p, commands.AcceptClue(), NOW),
        COMMISSIONERS,
        "只有纪委监委可以受理线索",
    ),
    "decline": (
        b.acknowledged,
        lambda c, p: c.decline(p, commands.DeclineClue("线索不具体"), NOW),
        COMMISSIONERS,
        "只有纪委监委可以作出不予受理决定",
    ),
    "record_disposition": (
        b.accepted,
        lambda c, p: c.record_disposition(p, b.disposition_command(), NOW),
        COMMISSIONERS,
        "只有纪委监委可以登记处置",
    ),
    "give_feedback": (
        b.disposed,
        lambda c, p: c.give_feedback(p, commands.GiveFeedback("已办结"), NOW),
        COMMISSIONERS,
        "只有纪委监委可以反馈线索办理情况",
    ),
}

CASES = [(step, person) for step in STEPS for person in b.EVERYONE]


@pytest.mark.parametrize(("step", "person"), CASES, ids=[f"{s}-{p.subject}" for s, p in CASES])
def test_only_the_commission_handles_a_clue(step: str, person: Principal) -> None:
    build, take, allowed, refusal = STEPS[step]
    clue = build()
    clue.events.clear()
    if person in allowed:
        take(clue, person)
        assert clue.events
        return
    before = copy.deepcopy(clue)
    with pytest.raises(PermissionDenied) as caught:
        take(clue, person)
    assert caught.value.message == refusal
    assert {k: getattr(clue, k) for k in Clue.__dataclass_fields__} == {
        k: getattr(before, k) for k in Clue.__dataclass_fields__
    }


def test_the_station_reads_congress_clues_but_does_not_decide_on_them() -> None:
    clue = b.transferred()
    with pytest.raises(PermissionDenied):
        clue.acknowledge(b.STATION, NOW)


def test_the_actor_is_checked_before_the_input() -> None:
    clue = b.acknowledged()
    with pytest.raises(PermissionDenied):
        clue.decline(b.STATION, commands.DeclineClue("  "), NOW)


# --- who transfers -----------------------------------------------------------------------------------

TRANSFERS: dict[Principal, Transferor | None] = {
    **{person: None for person in b.EVERYONE},
    b.CLERK: Transferor.OFFICIAL,
    b.OTHER_CLERK: Transferor.OFFICIAL,
    b.COMMITTEE: Transferor.OFFICIAL,
    b.LEADER: Transferor.OFFICIAL,
    b.SERVICE: Transferor.SERVICE,
    b.SERVICE_BY_SUBJECT: Transferor.SERVICE,
}


@pytest.mark.parametrize("person", b.EVERYONE, ids=[p.subject for p in b.EVERYONE])
def test_who_may_transfer(person: Principal) -> None:
    expected = TRANSFERS[person]
    command = b.transfer_command() if expected is Transferor.SERVICE else b.manual_command()
    if expected is None:
        with pytest.raises(PermissionDenied) as caught:
            transfer_capacity(person)
        assert caught.value.message == "只有人大常委会联络人员、专（工）委、领导或经办系统可以移送线索"
        with pytest.raises(PermissionDenied):
            Clue.transfer("c-9", person, command, b.T0)
        return
    assert transfer_capacity(person) is expected
    clue = Clue.transfer("c-9", person, command, b.T0)
    assert clue.origin.transferor is expected
    assert clue.origin.transferred_by == person.subject


def test_congress_roles_are_the_transferring_roles() -> None:
    assert {p for p, t in TRANSFERS.items() if t is Transferor.OFFICIAL} == CONGRESS_STAFF
    assert {next(iter(p.roles)) for p in CONGRESS_STAFF} == CONGRESS_ROLES


@pytest.mark.parametrize(
    ("person", "service"),
    [
        (b.SERVICE, True),
        (b.SERVICE_BY_SUBJECT, True),
        (b.NOBODY, False),
        (b.who("congress_clerk", subject="service-account-x"), False),  # a role makes it a person
        (b.who("court", subject="x", username="service-account-wulian-service"), False),
        (b.who(subject="x", username="Service-Account-y"), False),  # Keycloak's prefix is lower case
        (b.who(subject="x", username="my-service-account-y"), False),
    ],
)
def test_a_service_caller_is_a_role_less_service_account(person: Principal, service: bool) -> None:
    assert is_service_caller(person) is service


def test_a_service_transfers_on_behalf_of_the_official_it_names() -> None:
    clue = Clue.transfer("c-1", b.SERVICE, b.transfer_command(), b.T0)
    official = clue.official
    assert (official.subject, official.name, official.role, official.body) == (
        "clerk-1",
        "联络员甲",
        "congress_clerk",
        "congress",
    )
    assert clue.origin.transferred_by == b.SERVICE.subject


def test_an_official_transfers_in_their_own_name() -> None:
    clue = Clue.transfer("c-1", b.LEADER, b.manual_command(), b.T0)
    assert (clue.official.subject, clue.official.name, clue.official.role) == (
        "leader-1",
        "leader-1",
        "congress_leader",
    )
    assert clue.origin.transferor is Transferor.OFFICIAL


def test_an_official_with_several_congress_roles_picks_one_or_gets_the_first() -> None:
    both = b.who("congress_committee", "congress_leader", subject="vice-chair")
    assert Clue.transfer("c-1", both, b.manual_command(), b.T0).official.role == "congress_committee"
    named = b.manual_command(official_role="congress_leader", official_subject="vice-chair")
    assert Clue.transfer("c-1", both, named, b.T0).official.role == "congress_leader"
