"""部门工作联评 and 民生实事联督 — the vocabulary and standing rules of the evaluation link. No I/O; the
standard library and the kit's pure modules (principal, errors, problems, states, clock) only.

The link is split along its seams:

- ``domain`` (this module): who acts (deny by default), the ballot grades with their Chinese labels, the
  raising bodies, limits;
- ``appraisals``: the yearly appraisal campaign (工作评议) over departments, its team, the discipline
  commission's confidential reference information, the activities and their findings;
- ``ballots``: secret ballot sessions (满意/较满意/基本满意/不满意, or 100-point scores), their tally,
  satisfaction rates and ranking — with no link between a ballot and its voter;
- ``rectifications`` (with ``rectification_*`` and ``ledger_lists``): the rectification ledger (整改台账) every
  link uses, and the six lists (六个清单);
- ``projects`` (with ``candidates``, ``project_votes``, ``project_*``): livelihood projects (民生实事): candidates,
  the project vote (票决), targets, milestones, progress, joint inspections;
- ``ballot_store``, ``ballot_handlers``: where a ballot goes (receipts and counters) and the ballot use cases.

Who acts. The congress's staff — ``congress_clerk`` and ``congress_committee`` — are the *organizers*:
they run campaigns, ballot sessions and project votes and close out what the congress raised;
``congress_leader`` leads appraisal teams. The discipline commission (``discipline_commission``) files
reference information and receives results; the station stationed at the congress
(``discipline_station``) takes part in hearings, ballots and inspections. A government department
(``gov_department``, scoped to its ``org_unit``) sees what is about it and reports; the government's
supervision office (``gov_supervision_office``) sees the departments' items. Deputies vote. Nobody reads
a ballot: not even ``platform_admin``, who sees counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from wulian.kit.access import View as View
from wulian.kit.access import ensure_readable as ensure_readable
from wulian.kit.clock import as_utc as as_utc  # the domain's clock rule, for its modules
from wulian.kit.errors import PermissionDenied
from wulian.kit.events.domain import DomainEvent
from wulian.kit.principal import ROLE_BODIES, Principal
from wulian.kit.problems import checked_text as checked_text
from wulian.kit.states import StateTable as StateTable
from wulian.kit.states import status_counts as status_counts

SHANGHAI = ZoneInfo("Asia/Shanghai")

NAME_MAX = 100  # a department's, a project's or a campaign's name
ORG_UNIT_MAX = 64  # an org_unit identifier, as the identity provider carries it
ID_MAX = 64  # ids and identity-provider subjects
TEXT_MAX = 2000  # reasons, notes, comments
BODY_MAX = 5000  # a finding, a problem, measures, a report
DEPARTMENTS_MAX = 200
ELECTORATE_MAX = 2000

ORGANIZER_ROLES: tuple[str, ...] = ("congress_clerk", "congress_committee")
CONGRESS_STAFF_ROLES: tuple[str, ...] = ("congress_clerk", "congress_committee", "congress_leader")
DISCIPLINE_ROLES: tuple[str, ...] = ("discipline_commission", "discipline_station")
DEPARTMENT_ROLE = "gov_department"
OFFICE_ROLE = "gov_supervision_office"
VOTER_ROLE = "deputy"


class Grade(StrEnum):
    """The four grades of a secret ballot (Lianjiang), best first."""

    SATISFIED = "satisfied"
    FAIRLY_SATISFIED = "fairly_satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


GRADE_LABELS: dict[Grade, str] = {
    Grade.SATISFIED: "满意",
    Grade.FAIRLY_SATISFIED: "较满意",
    Grade.BASICALLY_SATISFIED: "基本满意",
    Grade.DISSATISFIED: "不满意",
}


class RaisingBody(StrEnum):
    """The body that raised a rectification item, and alone closes it out (销号)."""

    CONGRESS = "congress"
    DISCIPLINE = "discipline"
    GOVERNMENT = "government"


RAISING_BODY_LABELS: dict[RaisingBody, str] = {
    RaisingBody.CONGRESS: "人大常委会",
    RaisingBody.DISCIPLINE: "纪委监委",
    RaisingBody.GOVERNMENT: "市政府",
}


# --- who acts ---------------------------------------------------------------------------------------


def is_organizer(principal: Principal) -> bool:
    return principal.has_any(*ORGANIZER_ROLES)


def require_organizer(principal: Principal, *, message: str) -> None:
    if not is_organizer(principal):
        raise PermissionDenied(message)


def is_discipline(principal: Principal) -> bool:
    return principal.has_any(*DISCIPLINE_ROLES)


def is_congress_staff(principal: Principal) -> bool:
    return principal.has_any(*CONGRESS_STAFF_ROLES)


def department_unit(principal: Principal) -> str:
    """The department's ``org_unit`` a principal acts for, or "" when it acts for none."""
    return principal.org_unit if DEPARTMENT_ROLE in principal.roles and principal.org_unit else ""


def acts_for_unit(principal: Principal, unit: str) -> bool:
    """A department, a court or a procuratorate acting for ``unit`` (its own ``org_unit``)."""
    acting = principal.has_any(DEPARTMENT_ROLE, "court", "procuratorate")
    return acting and bool(unit) and principal.org_unit == unit


def raising_body(principal: Principal) -> RaisingBody | None:
    """The body in whose name ``principal`` may raise and close out rectification items: the congress's
    organizers, the discipline commission and station, the government's supervision office."""
    if is_organizer(principal):
        return RaisingBody.CONGRESS
    if is_discipline(principal):
        return RaisingBody.DISCIPLINE
    if OFFICE_ROLE in principal.roles:
        return RaisingBody.GOVERNMENT
    return None


def body_of(principal: Principal) -> str:
    """The principal's body by its first known role ("" for none)."""
    return next((ROLE_BODIES[r] for r in sorted(principal.roles) if r in ROLE_BODIES), "")


# --- events ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Event(DomainEvent):
    """The base of the link's events: published on ``wulian.evaluation.<aggregate>.<name>``."""

    service = "evaluation"
