"""Principals, times and suggestions in every state, for the unit tests of the suggestions domain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.suggestions import commands
from services.suggestions.domain import Status, SubmitSuggestion
from services.suggestions.model import Suggestion
from wulian.kit.principal import Principal


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=subject, body="x", roles=frozenset(roles), org_unit=org_unit)


DEPUTY = who("deputy", subject="deputy-1")
COSIGNER = who("deputy", subject="deputy-2")
OTHER_DEPUTY = who("deputy", subject="deputy-3")
CLERK = who("congress_clerk", subject="clerk-1")
OTHER_CLERK = who("congress_clerk", subject="clerk-2")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")  # lead unit
HOUSING = who("gov_department", subject="housing-1", org_unit="housing")  # co-unit
WATER = who("gov_department", subject="water-1", org_unit="water")  # not assigned
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit="court")
ADMIN = who("platform_admin", subject="admin-1")
EVERYONE = (
    DEPUTY, COSIGNER, OTHER_DEPUTY, CLERK, OTHER_CLERK, COMMITTEE, LEADER, OFFICE, TRANSPORT, HOUSING, WATER,
    COMMISSION, STATION, COURT, ADMIN,
)  # fmt: skip

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 09:00 in Beijing
PROPOSED_AT = T0 + timedelta(days=1)
CONFIRMED_AT = T0 + timedelta(days=2)  # 2026-03-04 01:00 UTC, 09:00 Beijing
REPLY_DUE = datetime(2026, 6, 4, 1, 0, tzinfo=UTC)  # three calendar months later, same Beijing time
REPLIED_AT = CONFIRMED_AT + timedelta(days=30)
EVALUATED_AT = REPLIED_AT + timedelta(days=5)


def draft(by: Principal = DEPUTY, on_behalf: str = "") -> Suggestion:
    command = commands.DraftSuggestion("修缮学府路", "学府路路面破损，请修缮。", "transport", on_behalf, "代表甲")
    return Suggestion.draft("s-1", by, command, T0)


def submitted() -> Suggestion:
    command = SubmitSuggestion("修缮学府路", "学府路路面破损，请修缮。", "transport")
    return Suggestion.submit_new("s-1", DEPUTY, command, "2026-0001", T0)


def proposal(
    lead: str = "transport", co_units: tuple[str, ...] = ("housing",), complex_: bool = False
) -> commands.ProposeAssignment:
    return commands.ProposeAssignment(lead, co_units, complex_, "已与交通局、住建局提前会商")


def proposed(**kwargs: object) -> Suggestion:
    suggestion = submitted()
    suggestion.propose_assignment(CLERK, proposal(**kwargs), PROPOSED_AT)  # type: ignore[arg-type]
    return suggestion


def assigned(**kwargs: object) -> Suggestion:
    suggestion = proposed(**kwargs)
    suggestion.confirm_assignment(OFFICE, CONFIRMED_AT)
    return suggestion


def contact_command(at: datetime) -> commands.RecordContact:
    return commands.RecordContact(at, "phone", "王科长", "约定下周现场查看")


def contact(suggestion: Suggestion, unit: Principal, at: datetime) -> None:
    suggestion.record_contact(unit, contact_command(at), at)


def opinion(suggestion: Suggestion, at: datetime, unit: Principal = HOUSING) -> None:
    suggestion.give_co_unit_opinion(unit, commands.GiveCoUnitOpinion("同意纳入老旧小区改造计划"), at)


def reply_command() -> commands.GiveReply:
    return commands.GiveReply("planned", "已列入 2026 年道路维修计划。")


def replied(at: datetime = REPLIED_AT) -> Suggestion:
    suggestion = assigned()
    contact(suggestion, TRANSPORT, CONFIRMED_AT + timedelta(hours=3))
    opinion(suggestion, CONFIRMED_AT + timedelta(days=3))
    suggestion.reply(TRANSPORT, reply_command(), at)
    return suggestion


def verdict(overall: str, comment: str = "答复空泛，未见行动") -> commands.EvaluateHandling:
    return commands.EvaluateHandling("good", "fair", "poor", overall, comment)


def rehandling() -> Suggestion:
    suggestion = replied()
    suggestion.evaluate(DEPUTY, verdict("dissatisfied"), EVALUATED_AT)
    return suggestion


def closed() -> Suggestion:
    suggestion = replied()
    suggestion.evaluate(DEPUTY, verdict("satisfied", ""), EVALUATED_AT)
    return suggestion


BUILD = {
    Status.DRAFT: draft,
    Status.SUBMITTED: submitted,
    Status.ASSIGNMENT_PROPOSED: proposed,
    Status.ASSIGNED: assigned,
    Status.REPLIED: replied,
    Status.REHANDLING: rehandling,
    Status.CLOSED: closed,
}


def in_state(status: Status) -> Suggestion:
    """A suggestion in ``status``, with the events of getting there forgotten."""
    suggestion = BUILD[status]()
    assert suggestion.status is status
    suggestion.events.clear()
    return suggestion
