"""The people of the consultation link's unit tests: one of each demo role (two congress clerks, a department
of the transport org_unit), someone without a role, and Beijing wall-clock times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from services.consultation.domain import Body
from wulian.kit.principal import ROLE_BODIES, Principal


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(subject=subject, name=f"{subject}-name", body=body, roles=frozenset(roles), org_unit=org_unit)


CLERK = who("congress_clerk", subject="clerk-1")
OTHER_CLERK = who("congress_clerk", subject="clerk-2")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
DEPUTY = who("deputy", subject="deputy-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit="hs-court")
PROCURATORATE = who("procuratorate", subject="procuratorate-1", org_unit="hs-procuratorate")
EXPERT = who("expert", subject="expert-1")
ADMIN = who("platform_admin", subject="admin-1")
NOBODY = who(subject="someone-without-roles")

CONGRESS_STAFF = (CLERK, OTHER_CLERK, COMMITTEE, LEADER)
DISCIPLINE_STAFF = (COMMISSION, STATION)
GOVERNMENT_STAFF = (OFFICE,)
NO_BODY = (DEPUTY, TRANSPORT, COURT, PROCURATORATE, EXPERT, ADMIN, NOBODY)  # act for no body of the link
EVERYONE = (*CONGRESS_STAFF, *DISCIPLINE_STAFF, *GOVERNMENT_STAFF, *NO_BODY)

# The staff of each body and the body in whose name they act.
ACTING_BODIES = [
    (CLERK, Body.CONGRESS),
    (COMMITTEE, Body.CONGRESS),
    (LEADER, Body.CONGRESS),
    (OFFICE, Body.GOVERNMENT),
    (COMMISSION, Body.DISCIPLINE),
    (STATION, Body.DISCIPLINE),
]

CONGRESS_ROLES = {"role:congress_clerk", "role:congress_committee", "role:congress_leader"}
DISCIPLINE_ROLES = {"role:discipline_commission", "role:discipline_station"}
GOVERNMENT_ROLES = {"role:gov_supervision_office"}


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Beijing wall-clock time, in UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def ids(person: Principal) -> str:
    return person.subject
