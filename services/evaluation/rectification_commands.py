"""The commands of the rectification ledger (整改台账), plain and unchecked as the API hands them over (the
item checks them), and who raises an item: a principal in the name of its body (``raiser_of``), or a service
that creates an item for another link, naming the body and the official explicitly (``service_raiser``). A
service that then mirrors its own object's later steps into the item names the official who acted there
(``ServiceStep``, ``service_official``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from services.evaluation.domain import ID_MAX, NAME_MAX, ORG_UNIT_MAX, RaisingBody, raising_body
from services.evaluation.rectification_vocabulary import UnitKind
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal
from wulian.kit.problems import Problems

# --- commands: plain and unchecked, as the API hands them over ------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemContent:
    """What the raising body asks. ``unit``: the responsible unit's ``org_unit``; ``unit_kind`` a
    ``UnitKind``; ``required_measures`` (整改要求) may be empty, the unit's plan says how. The due date is
    ``months`` calendar months (1–24) or the Beijing date ``due_on``, at most one of them; neither means
    3 months."""

    unit: str
    unit_name: str
    problem: str
    required_measures: str = ""
    unit_kind: str = UnitKind.DEPARTMENT.value
    months: int | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class RaiseItem:
    """``source`` a ``Source``; ``source_ref`` an identifier of what the item came from (required unless
    the item is entered by hand)."""

    source: str
    source_ref: str
    content: ItemContent


@dataclass(frozen=True, slots=True)
class EditItem:
    """The months of a new period count from the day the item was raised."""

    content: ItemContent


@dataclass(frozen=True, slots=True)
class WithdrawItem:
    reason: str


@dataclass(frozen=True, slots=True)
class DeclarePlan:
    """The unit's plan (整改方案): its target, its measures, and who answers for it."""

    measures: str
    leader: str  # 责任领导
    person: str  # 具体责任人
    target: str = ""  # 整改目标


@dataclass(frozen=True, slots=True)
class ReportRectification:
    """``kind`` a ``ReportKind``; a final report names the measures taken."""

    kind: str
    text: str
    measures_taken: str = ""


@dataclass(frozen=True, slots=True)
class CloseOutItem:
    """``grade`` a ``domain.Grade``: 不满意 reopens the item (``note`` is then the reason, required), and may
    set a new due date (``months`` from today, or ``due_on``); the other grades close it out."""

    grade: str
    note: str = ""
    months: int | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class AddFollowUp:
    """回头看. ``relapsed``: the problem is back, which reopens the item with a new due date (``months`` or
    ``due_on``; 3 months when neither is given)."""

    note: str
    relapsed: bool = False
    months: int | None = None
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class RaiseForService:
    """Another service raises ``item`` in the name of ``raising_body`` (a ``RaisingBody``), for the official
    ``official_subject`` who acted there (``service_raiser`` checks them)."""

    raising_body: str
    official_subject: str
    official_name: str
    item: RaiseItem


@dataclass(frozen=True, slots=True)
class ServiceStep:
    """Another service takes a step on the item ``item_id`` that mirrors a step of its own object, for the
    official ``official_subject`` who acted there at ``at``: that moment is the step's time in the ledger, and
    with the official it makes a retry of the same step known. ``org_unit``: the unit the official acts for,
    in a step of the responsible unit."""

    item_id: str
    official_subject: str
    official_name: str
    at: datetime | None
    org_unit: str = ""


@dataclass(frozen=True, slots=True)
class DeclarePlanForService:
    step: ServiceStep
    plan: DeclarePlan


@dataclass(frozen=True, slots=True)
class ReportForService:
    step: ServiceStep
    report: ReportRectification


@dataclass(frozen=True, slots=True)
class CloseOutForService:
    step: ServiceStep
    close_out: CloseOutItem


@dataclass(frozen=True, slots=True)
class WithdrawForService:
    step: ServiceStep
    withdrawal: WithdrawItem


# --- who raises ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Raiser:
    """The body an item is raised in the name of, and the official who raised it."""

    body: RaisingBody
    subject: str
    name: str = ""


def raiser_of(principal: Principal) -> Raiser:
    """A principal raises in the name of its body (``domain.raising_body``)."""
    body = raising_body(principal)
    if body is None:
        raise PermissionDenied("只有人大常委会联络人员或专（工）委、纪委监委或政务督查室可以提出整改事项")
    return Raiser(body, principal.subject, principal.name)


def service_raiser(body: str, official_subject: str, official_name: str = "") -> Raiser:
    """A service creating an item for another link (case-review opinions, …) names the body and the
    official it acts for; the gRPC layer has checked that the caller is a service."""
    problems = Problems()
    chosen = problems.choice("raising_body", body, RaisingBody, "提出机关")
    subject = problems.text("official_subject", official_subject, "经办人", limit=ID_MAX)
    name = problems.text("official_name", official_name, "经办人姓名", required=False, limit=NAME_MAX)
    problems.raise_if_any("提出机关未通过校验")
    assert chosen is not None
    return Raiser(chosen, subject, name)


def service_official(step: ServiceStep, roles: Iterable[str], *, of_unit: bool) -> tuple[Principal, datetime]:
    """The official a service acts for, and when they acted: what the item's own rules then judge.

    Trust: the gRPC layer has checked that the caller is one of the platform's services; the service account
    is trusted to act for the official it names (as the clue relay is trusted to name who transferred a
    clue), in ``roles`` — those the item asks of the step: its unit's kind for a step of the responsible unit
    (``of_unit``, acting for ``step.org_unit``), its raising body's for the others. The item still checks
    state, unit and input as for anyone."""
    problems = Problems()
    subject = problems.text("step.official_subject", step.official_subject, "经办人", limit=ID_MAX)
    name = problems.text("step.official_name", step.official_name, "经办人姓名", required=False, limit=NAME_MAX)
    org_unit = problems.text("step.org_unit", step.org_unit, "经办单位", required=of_unit, limit=ORG_UNIT_MAX)
    if step.at is None:
        problems.add("step.at", "请注明办理时间")
    problems.raise_if_any("代办事项未通过校验")
    assert step.at is not None
    chosen = frozenset(roles)
    body = next((ROLE_BODIES[role] for role in sorted(chosen) if role in ROLE_BODIES), "")
    return Principal(subject, name, body, chosen, org_unit if of_unit else ""), step.at
