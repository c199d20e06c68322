"""Who may take each step: the right role, and for units the right org_unit; everyone else is refused
with PermissionDenied and the suggestion is left as it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from services.suggestions import commands
from services.suggestions.domain import Status
from services.suggestions.model import Suggestion
from tests.unit.suggestions import builders as b
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal

NOW = b.EVALUATED_AT + timedelta(days=1)
Step = Callable[[Suggestion, Principal], None]


def _reply_ready() -> Suggestion:
    suggestion = b.assigned()
    b.contact(suggestion, b.TRANSPORT, NOW - timedelta(hours=2))
    b.opinion(suggestion, NOW - timedelta(hours=1))
    suggestion.events.clear()
    return suggestion


def _escalated() -> Suggestion:
    suggestion = b.closed()
    suggestion.escalate(b.LEADER, commands.Escalate(("repeatedly_dissatisfied",), "多次不满意"), NOW)
    suggestion.events.clear()
    return suggestion


# step name → (suggestion in a state where the step is legal, the step, who may take it, the refusal)
STEPS: dict[str, tuple[Callable[[], Suggestion], Step, set[Principal], str]] = {
    "edit_draft": (
        b.draft,
        lambda s, p: s.edit_draft(p, commands.EditDraft("题", "文", "other"), NOW),
        {b.DEPUTY},
        "只有提出建议的代表或代拟草稿的联络人员可以修改、提交草稿",
    ),
    "submit": (
        b.draft,
        lambda s, p: s.submit(p, "2026-0002", NOW),
        {b.DEPUTY},
        "只有提出建议的代表或代拟草稿的联络人员可以修改、提交草稿",
    ),
    "add_cosigner": (
        b.submitted,
        lambda s, p: s.add_cosigner(p, commands.AddCosigner("deputy-9"), NOW),
        {b.DEPUTY, b.CLERK, b.OTHER_CLERK},
        "只有提出建议的代表或代表联络人员可以添加附议代表",
    ),
    "propose_assignment": (
        b.submitted,
        lambda s, p: s.propose_assignment(p, b.proposal(), NOW),
        {b.CLERK, b.OTHER_CLERK},
        "只有人大常委会联络交办人员可以提出交办方案",
    ),
    "confirm_assignment": (
        b.proposed,
        lambda s, p: s.confirm_assignment(p, NOW),
        {b.OFFICE},
        "只有政务督查室可以确认交办",
    ),
    "send_back_assignment": (
        b.proposed,
        lambda s, p: s.send_back_assignment(p, commands.SendBackAssignment("协办单位缺失"), NOW),
        {b.OFFICE},
        "只有政务督查室可以退回交办方案",
    ),
    "record_contact": (
        b.assigned,
        lambda s, p: s.record_contact(p, b.contact_command(NOW - timedelta(hours=1)), NOW),
        {b.TRANSPORT, b.HOUSING},
        "只有承办单位可以登记与代表的联系",
    ),
    "give_co_unit_opinion": (
        b.assigned,
        lambda s, p: s.give_co_unit_opinion(p, commands.GiveCoUnitOpinion("同意"), NOW),
        {b.HOUSING},
        "只有协办单位可以提交协办意见",
    ),
    "reply": (_reply_ready, lambda s, p: s.reply(p, b.reply_command(), NOW), {b.TRANSPORT}, "只有主办单位可以答复"),
    "evaluate": (
        b.replied,
        lambda s, p: s.evaluate(p, b.verdict("satisfied"), NOW),
        {b.DEPUTY},
        "只有提出建议的代表可以测评",
    ),
    "record_return_visit": (
        b.assigned,
        lambda s, p: s.record_return_visit(
            p, commands.RecordReturnVisit("housing", NOW - timedelta(hours=1), "进展正常"), NOW
        ),
        {b.STATION, b.COMMISSION},
        "只有派驻纪检监察组或纪委监委可以登记回访",
    ),
    "escalate": (
        b.rehandling,
        lambda s, p: s.escalate(p, commands.Escalate(("concentrated",), "多名代表反映"), NOW),
        {b.CLERK, b.OTHER_CLERK, b.COMMITTEE, b.LEADER},
        "只有人大常委会联络人员、专（工）委或领导可以提请督办",
    ),
    "respond_to_escalation": (
        _escalated,
        lambda s, p: s.respond_to_escalation(p, commands.RespondToEscalation(1, "已约谈主办单位负责人"), NOW),
        {b.COMMISSION},
        "只有纪委监委可以回复督办",
    ),
}

CASES = [(step, person) for step in STEPS for person in b.EVERYONE]


@pytest.mark.parametrize(("step", "person"), CASES, ids=[f"{s}-{p.subject}" for s, p in CASES])
def test_only_the_right_actor_may_take_the_step(step: str, person: Principal) -> None:
    build, take, allowed, refusal = STEPS[step]
    suggestion = build()
    suggestion.events.clear()
    if person in allowed:
        take(suggestion, person)
        assert suggestion.events
        return
    status = suggestion.status
    with pytest.raises(PermissionDenied) as caught:
        take(suggestion, person)
    assert caught.value.message == refusal
    assert (suggestion.status, suggestion.events) == (status, [])


def test_a_clerk_drafts_for_a_deputy_and_only_that_clerk_or_the_deputy_may_edit_and_submit() -> None:
    suggestion = b.draft(by=b.CLERK, on_behalf="deputy-1")
    drafted = (suggestion.deputy_subject, suggestion.drafted_by, suggestion.deputy_name)
    assert drafted == ("deputy-1", "clerk-1", "代表甲")
    with pytest.raises(PermissionDenied):
        suggestion.edit_draft(b.OTHER_CLERK, commands.EditDraft("题", "文", "other"), b.T0)
    suggestion.edit_draft(b.CLERK, commands.EditDraft("题", "文", "other"), b.T0)
    suggestion.edit_draft(b.DEPUTY, commands.EditDraft("题二", "文二", "health"), b.T0)
    suggestion.submit(b.CLERK, "2026-0003", b.T0)
    assert (suggestion.title, suggestion.category.value, suggestion.status) == ("题二", "health", Status.SUBMITTED)


def test_the_deputy_evaluates_a_clerk_drafted_suggestion() -> None:
    suggestion = b.draft(by=b.CLERK, on_behalf="deputy-1")
    suggestion.submit(b.CLERK, "2026-0003", b.T0)
    suggestion.propose_assignment(b.CLERK, b.proposal(co_units=()), b.PROPOSED_AT)
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    b.contact(suggestion, b.TRANSPORT, b.CONFIRMED_AT + timedelta(hours=1))
    suggestion.reply(b.TRANSPORT, b.reply_command(), b.REPLIED_AT)
    with pytest.raises(PermissionDenied):
        suggestion.evaluate(b.CLERK, b.verdict("satisfied"), b.EVALUATED_AT)
    suggestion.evaluate(b.DEPUTY, b.verdict("satisfied"), b.EVALUATED_AT)
    assert suggestion.status is Status.CLOSED


@pytest.mark.parametrize(
    "person",
    [b.who("deputy", subject="deputy-9"), b.who("congress_committee", subject="c"), b.OFFICE, b.COMMISSION],
)
def test_who_may_draft(person: Principal) -> None:
    with pytest.raises(PermissionDenied):
        b.draft(by=person, on_behalf="deputy-1")  # a deputy drafts only for themselves, others not at all


def test_a_department_without_an_org_unit_is_no_unit() -> None:
    suggestion = b.assigned()
    nameless = b.who("gov_department", subject="x", org_unit="")
    with pytest.raises(PermissionDenied):
        suggestion.record_contact(nameless, b.contact_command(b.CONFIRMED_AT), b.CONFIRMED_AT)


def test_a_unit_of_a_proposal_that_was_not_confirmed_is_not_assigned() -> None:
    suggestion = b.proposed()
    assert suggestion.assigned_units == frozenset()
    suggestion.confirm_assignment(b.OFFICE, b.CONFIRMED_AT)
    assert suggestion.assigned_units == {"transport", "housing"}
