"""The commands of the rectification ledger (整改台账), plain and unchecked as the API hands them over (the
item checks them), and who raises an item: a principal in the name of its body (``raiser_of``), or a service
that creates an item for another link, naming the body and the official explicitly (``service_raiser``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from services.evaluation.domain import ID_MAX, NAME_MAX, RaisingBody, raising_body
from services.evaluation.rectification_vocabulary import UnitKind
from wulian.kit.errors import PermissionDenied
from wulian.kit.principal import Principal
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
