"""Principals, times, commands and clues in every state, for the unit tests of the clues domain."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from services.clues import commands
from services.clues.domain import Status
from services.clues.model import Clue
from wulian.kit.principal import ROLE_BODIES, Principal


def who(*roles: str, subject: str, org_unit: str = "", username: str = "") -> Principal:
    body = ROLE_BODIES[roles[0]] if roles else ""
    return Principal(
        subject=subject, name=subject, body=body, roles=frozenset(roles), org_unit=org_unit, username=username
    )


DEPUTY = who("deputy", subject="deputy-1")
CLERK = who("congress_clerk", subject="clerk-1")
OTHER_CLERK = who("congress_clerk", subject="clerk-2")
COMMITTEE = who("congress_committee", subject="committee-1")
LEADER = who("congress_leader", subject="leader-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
COMMISSION = who("discipline_commission", subject="commission-1")
OTHER_COMMISSIONER = who("discipline_commission", subject="commission-2")
STATION = who("discipline_station", subject="station-1")
COURT = who("court", subject="court-1", org_unit="court")
PROCURATORATE = who("procuratorate", subject="procuratorate-1", org_unit="procuratorate")
EXPERT = who("expert", subject="expert-1")
ADMIN = who("platform_admin", subject="admin-1")
# Keycloak's service-account user: an opaque sub, the "service-account-<client>" user name, no role.
SERVICE = who(subject="e8643697-4364-5c43-8b5b-f3ce22d1f31b", username="service-account-wulian-service")
SERVICE_BY_SUBJECT = who(subject="service-account-wulian-service")
NOBODY = who(subject="someone-without-roles", username="someone")

# One principal per role of the platform (ROLE_BODIES), for the tables that go through every role.
BY_ROLE: dict[str, Principal] = {
    "deputy": DEPUTY,
    "congress_clerk": CLERK,
    "congress_committee": COMMITTEE,
    "congress_leader": LEADER,
    "gov_supervision_office": OFFICE,
    "gov_department": TRANSPORT,
    "discipline_commission": COMMISSION,
    "discipline_station": STATION,
    "court": COURT,
    "procuratorate": PROCURATORATE,
    "expert": EXPERT,
    "platform_admin": ADMIN,
}
EVERYONE = (*BY_ROLE.values(), OTHER_CLERK, OTHER_COMMISSIONER, SERVICE, SERVICE_BY_SUBJECT, NOBODY)

T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)  # Monday 2 March 2026, 09:00 in Beijing
ACK_DUE = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # end of Monday 9 March (5th working day) in Beijing
ACKNOWLEDGED_AT = T0 + timedelta(days=1)
ACCEPTED_AT = T0 + timedelta(days=2)  # Wednesday 4 March 09:00 Beijing
FEEDBACK_DUE = datetime(2026, 6, 2, 16, 0, tzinfo=UTC)  # end of 2 June (4 March + 90 days) in Beijing
DISPOSED_AT = T0 + timedelta(days=20)
FEEDBACK_AT = T0 + timedelta(days=60)

SUMMARY = "反映市交通运输局某副局长在道路维修项目中违规干预招投标"
DETAILS = "据多名代表反映：张某某于2025年先后三次打招呼，要求将学府路维修工程交由其亲属控制的公司承建（详情机密）。"
SUBJECT_NAME = "张某某"
ESCALATION_REF = "suggestion/s-1/escalation/1"
HASH_A = hashlib.sha256(b"attachment a").hexdigest()
HASH_B = hashlib.sha256(b"attachment b").hexdigest()


def transfer_command(**fields: object) -> commands.TransferClue:
    """A service's transfer of an escalation's clue, on behalf of congress clerk 1."""
    base: dict[str, object] = {
        "source_kind": "suggestion_escalation",
        "source_ref": ESCALATION_REF,
        "subject_kind": "person",
        "subject_name": SUBJECT_NAME,
        "subject_org": "市交通运输局",
        "subject_position": "副局长",
        "summary": SUMMARY,
        "details": DETAILS,
        "attachment_hashes": (HASH_A, HASH_B),
        "official_subject": "clerk-1",
        "official_name": "联络员甲",
        "official_role": "congress_clerk",
    }
    return commands.TransferClue(**{**base, **fields})  # type: ignore[arg-type]


def manual_command(**fields: object) -> commands.TransferClue:
    """A congress official's own transfer through the gateway."""
    base: dict[str, object] = {
        "source_kind": "manual",
        "source_ref": "",
        "official_subject": "",
        "official_name": "",
        "official_role": "",
    }
    return transfer_command(**{**base, **fields})


def case_review_command(**fields: object) -> commands.TransferClue:
    """The case-review service's transfer of a clue about a judge, decided by a congress committee member."""
    base: dict[str, object] = {
        "source_kind": "case_review",
        "source_ref": "review/r-7/finding/3",
        "subject_name": "李某某",
        "subject_org": "市中级人民法院",
        "subject_position": "审判员",
        "official_subject": "committee-1",
        "official_role": "congress_committee",
    }
    return transfer_command(**{**base, **fields})


def transferred(kind: str = "escalation", at: datetime = T0) -> Clue:
    if kind == "manual":
        return Clue.transfer("c-1", CLERK, manual_command(), at)
    if kind == "case_review":
        return Clue.transfer("c-1", SERVICE, case_review_command(), at)
    return Clue.transfer("c-1", SERVICE, transfer_command(), at)


def acknowledged(kind: str = "escalation") -> Clue:
    clue = transferred(kind)
    clue.acknowledge(COMMISSION, ACKNOWLEDGED_AT)
    return clue


def accepted(kind: str = "escalation") -> Clue:
    clue = acknowledged(kind)
    clue.accept(COMMISSION, commands.AcceptClue("线索具体，可查性强"), ACCEPTED_AT)
    return clue


def declined(kind: str = "escalation") -> Clue:
    clue = acknowledged(kind)
    clue.decline(COMMISSION, commands.DeclineClue("不属于本机关管辖，已转有关部门"), ACCEPTED_AT)
    return clue


def disposition_command(kind: str = "preliminary_verification") -> commands.RecordDisposition:
    return commands.RecordDisposition(kind, "成立初核组，调取招投标档案")


def disposed(kind: str = "escalation") -> Clue:
    clue = accepted(kind)
    clue.record_disposition(COMMISSION, disposition_command(), DISPOSED_AT)
    return clue


FEEDBACK_TEXT = "经初步核实，反映问题部分属实，已对其立案审查调查。"


def closed(kind: str = "escalation") -> Clue:
    clue = disposed(kind)
    clue.give_feedback(COMMISSION, commands.GiveFeedback(FEEDBACK_TEXT), FEEDBACK_AT)
    return clue


BUILD = {
    Status.TRANSFERRED: transferred,
    Status.ACKNOWLEDGED: acknowledged,
    Status.ACCEPTED: accepted,
    Status.DECLINED: declined,
    Status.CLOSED: closed,
}


def in_state(status: Status, kind: str = "escalation") -> Clue:
    """A clue in ``status``, with the events of getting there forgotten."""
    clue = BUILD[status](kind)
    assert clue.status is status
    clue.events.clear()
    return clue
