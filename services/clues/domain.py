"""线索移送 — the vocabulary and standing rules of a clue transferred to the discipline commission.
No I/O; the standard library and the kit's pure modules (principal, errors) only.

A clue's life is split along the same seams as a suggestion's:

- ``domain`` (this module): states, the state table, the enumerations a clerk picks from, limits, the
  per-field problem collector, and who may transfer, act on and see a clue;
- ``commands``: what each actor asks for, as the API hands it over;
- ``records``: the entries of a clue's file (transfer, acknowledgement, acceptance, decline,
  dispositions, feedback), each built from a command whose input is checked per field;
- ``model``: the ``Clue`` aggregate, whose methods are the transitions and record events;
- ``events``: the events, and who is told of each — never carrying a clue's summary or details;
- ``clocks``: the acknowledgement (working days) and feedback (calendar days) deadlines;
- ``sealing``: envelope encryption of a clue's details for the discipline commission.

Who acts. Only the discipline commission (市纪委监委) acknowledges, accepts, declines, records
dispositions and gives feedback: the seeds transfer clues "to the city discipline commission for study
and handling" (转交市纪委研究处理, Huangshi), and give the group it stations at the congress (派驻纪检监察组)
the part of a participant and observer (joint return visits, watching the expert draws), not the
commission's decisions on a clue. The station reads the clues that concern the congress.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from wulian.kit.errors import Conflict, NotFound, PermissionDenied
from wulian.kit.principal import ROLE_BODIES, Principal, is_service_caller

SHANGHAI = ZoneInfo("Asia/Shanghai")
E = TypeVar("E", bound=StrEnum)

SUMMARY_MAX = 200  # 问题摘要: one or two sentences
DETAILS_MAX = 20000  # 问题线索详情
NOTE_MAX = 2000  # acceptance and disposition notes, decline reasons
FEEDBACK_MAX = 5000
NAME_MAX = 100  # a person's or a unit's name, an official's name, a position
ORG_MAX = 64  # a work unit, as org_unit names are
REF_MAX = 200  # a source reference ("suggestion/<id>/escalation/<no>")
SUBJECT_MAX = 64  # an identity provider subject
ATTACHMENTS_MAX = 50
DISPOSITIONS_MAX = 100  # "any number", bounded so that one clue's file stays one row's worth


class Status(StrEnum):
    TRANSFERRED = "transferred"  # 已移送，待签收
    ACKNOWLEDGED = "acknowledged"  # 已签收，待决定是否受理
    ACCEPTED = "accepted"  # 已受理，处置中
    DECLINED = "declined"  # 不予受理
    CLOSED = "closed"  # 已反馈，办结


STATUS_LABELS: dict[Status, str] = {
    Status.TRANSFERRED: "待签收",
    Status.ACKNOWLEDGED: "已签收",
    Status.ACCEPTED: "处置中",
    Status.DECLINED: "不予受理",
    Status.CLOSED: "已反馈办结",
}

# Why an action is refused in a state, in words a clerk reads: "<phrase>，不能<action>".
_STATE_PHRASES: dict[Status, str] = {
    Status.TRANSFERRED: "该线索尚未签收",
    Status.ACKNOWLEDGED: "该线索已签收，尚未决定是否受理",
    Status.ACCEPTED: "该线索已受理，正在处置",
    Status.DECLINED: "该线索已决定不予受理",
    Status.CLOSED: "该线索已反馈办结",
}


class Action(StrEnum):
    """Every step of the workflow that depends on the clue's state."""

    ACKNOWLEDGE = "acknowledge"
    ACCEPT = "accept"
    DECLINE = "decline"
    RECORD_DISPOSITION = "record_disposition"
    GIVE_FEEDBACK = "give_feedback"


ACTION_LABELS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "签收",
    Action.ACCEPT: "受理",
    Action.DECLINE: "作出不予受理决定",
    Action.RECORD_DISPOSITION: "登记处置",
    Action.GIVE_FEEDBACK: "反馈",
}

# The state machine. Acceptance or a decline follows acknowledgement (签收 → 受理 | 不予受理); an accepted
# clue takes any number of dispositions (处置) and is closed by the feedback to the transferring body
# (反馈即办结); declined and closed clues take nothing more.
ALLOWED_STATES: dict[Action, frozenset[Status]] = {
    Action.ACKNOWLEDGE: frozenset({Status.TRANSFERRED}),
    Action.ACCEPT: frozenset({Status.ACKNOWLEDGED}),
    Action.DECLINE: frozenset({Status.ACKNOWLEDGED}),
    Action.RECORD_DISPOSITION: frozenset({Status.ACCEPTED}),
    Action.GIVE_FEEDBACK: frozenset({Status.ACCEPTED}),
}


def ensure_allowed(action: Action, status: Status) -> None:
    """Refuse an action the state machine does not allow in ``status``, saying why."""
    if status not in ALLOWED_STATES[action]:
        raise Conflict(f"{_STATE_PHRASES[status]}，不能{ACTION_LABELS[action]}")


class SourceKind(StrEnum):
    """Where a clue comes from."""

    SUGGESTION_ESCALATION = "suggestion_escalation"  # 代表建议联合督办 (services/suggestions)
    CASE_REVIEW = "case_review"  # 案件质量评查 (services/case_review): clues about judicial staff
    MANUAL = "manual"  # 人大常委会人工移送 (the gateway, congress roles)


SOURCE_LABELS: dict[SourceKind, str] = {
    SourceKind.SUGGESTION_ESCALATION: "代表建议联合督办",
    SourceKind.CASE_REVIEW: "案件质量评查",
    SourceKind.MANUAL: "人工移送",
}

# The clues that concern the congress, which the group stationed at the congress reads. Case-review clues
# concern judicial staff (执法司法人员), whom the commission supervises; the station does not read them.
CONGRESS_SOURCES = frozenset({SourceKind.SUGGESTION_ESCALATION, SourceKind.MANUAL})


class SubjectKind(StrEnum):
    """Whom a clue concerns (被反映人 / 被反映单位)."""

    PERSON = "person"
    UNIT = "unit"


SUBJECT_KIND_LABELS: dict[SubjectKind, str] = {SubjectKind.PERSON: "公职人员", SubjectKind.UNIT: "单位"}


class DispositionKind(StrEnum):
    """How the commission disposes of a clue: the four ways of the supervision and discipline rules
    (谈话函询、初步核实、暂存待查、予以了结), and the case filed after a preliminary verification."""

    TALK_OR_INQUIRY = "talk_or_inquiry"  # 谈话函询
    PRELIMINARY_VERIFICATION = "preliminary_verification"  # 初步核实
    CASE_FILED = "case_filed"  # 立案审查调查
    SET_ASIDE = "set_aside"  # 暂存待查
    CONCLUDED = "concluded"  # 予以了结


DISPOSITION_LABELS: dict[DispositionKind, str] = {
    DispositionKind.TALK_OR_INQUIRY: "谈话函询",
    DispositionKind.PRELIMINARY_VERIFICATION: "初步核实",
    DispositionKind.CASE_FILED: "立案审查调查",
    DispositionKind.SET_ASIDE: "暂存待查",
    DispositionKind.CONCLUDED: "予以了结",
}


# --- who transfers ---------------------------------------------------------------------------------

# The congress roles that transfer clues through the gateway, in the order that picks a caller's capacity
# when they hold several and name none.
TRANSFERRING_ROLES: tuple[str, ...] = ("congress_clerk", "congress_committee", "congress_leader")


class Transferor(StrEnum):
    OFFICIAL = "official"  # a congress official, through the gateway: the official is the caller
    SERVICE = "service"  # another service, with its service account, on behalf of the official it names


def transfer_capacity(principal: Principal) -> Transferor:
    """In which capacity ``principal`` may transfer a clue; the courts, the procuratorate, the government
    and the discipline bodies themselves may not."""
    if principal.has_any(*TRANSFERRING_ROLES):
        return Transferor.OFFICIAL
    if is_service_caller(principal):
        return Transferor.SERVICE
    raise PermissionDenied("只有人大常委会联络人员、专（工）委、领导或经办系统可以移送线索")


def require_commission(principal: Principal, *, message: str) -> None:
    if "discipline_commission" not in principal.roles:
        raise PermissionDenied(message)


# --- who sees what ---------------------------------------------------------------------------------


class View(IntEnum):
    """How much of one clue a caller sees; a larger view includes the smaller ones."""

    NONE = 0  # not even that it exists (not found)
    COUNTS = 1  # only as a number in the counts
    STATUS = 2  # id, source, status, dates, decline reason and feedback; never summary, details, subject
    FULL = 3  # everything, details and dispositions included


def transferring_bodies(principal: Principal) -> frozenset[str]:
    """The bodies in whose name ``principal`` transfers clues (the congress, for its staff roles)."""
    return frozenset(ROLE_BODIES[r] for r in TRANSFERRING_ROLES if r in principal.roles)


def view_of(principal: Principal, *, source_kind: SourceKind, official_role: str) -> View:
    """What ``principal`` sees of a clue from ``source_kind`` transferred by an official in ``official_role``.

    The discipline commission sees everything; the group stationed at the congress sees the clues that
    concern the congress (``CONGRESS_SOURCES``); the transferring body — whoever holds one of its
    transferring roles, the transferring official included while they hold one — sees the status, the
    dates and the feedback, never the contents; ``platform_admin`` only counts. Deny by default: a deputy,
    a department, the courts, an expert or a service account see nothing. Access follows current roles,
    so an official who left the congress staff no longer sees their old transfers.
    """
    view = View.NONE
    if "discipline_commission" in principal.roles:
        view = max(view, View.FULL)
    if "discipline_station" in principal.roles and source_kind in CONGRESS_SOURCES:
        view = max(view, View.FULL)
    if ROLE_BODIES.get(official_role) in transferring_bodies(principal):
        view = max(view, View.STATUS)
    if "platform_admin" in principal.roles:
        view = max(view, View.COUNTS)
    return view


def ensure_readable(view: View) -> View:
    """One clue is shown only from the status view up; below, it does not exist for the caller."""
    if view < View.STATUS:
        raise NotFound("未找到该线索")
    return view


class ListScope(StrEnum):
    """Which clues a caller's list holds (the widest scope of their roles)."""

    ALL = "all"  # the commission: every clue, in full
    CONGRESS_SOURCED = "congress_sourced"  # the station: clues from CONGRESS_SOURCES, in full
    TRANSFERRED_BY_BODY = "transferred_by_body"  # transferring roles: their body's transfers, status only
    COUNTS = "counts"  # platform_admin: numbers only, no rows
    NONE = "none"


LIST_VIEWS: dict[ListScope, View] = {
    ListScope.ALL: View.FULL,
    ListScope.CONGRESS_SOURCED: View.FULL,
    ListScope.TRANSFERRED_BY_BODY: View.STATUS,
    ListScope.COUNTS: View.COUNTS,
    ListScope.NONE: View.NONE,
}


def list_scope(principal: Principal) -> ListScope:
    """The list a caller gets. A caller with roles of several bodies (not a real account) gets the widest
    scope; each row is still projected with ``view_of``."""
    if "discipline_commission" in principal.roles:
        return ListScope.ALL
    if "discipline_station" in principal.roles:
        return ListScope.CONGRESS_SOURCED
    if transferring_bodies(principal):
        return ListScope.TRANSFERRED_BY_BODY
    if "platform_admin" in principal.roles:
        return ListScope.COUNTS
    return ListScope.NONE


def in_list_scope(principal: Principal, scope: ListScope, *, source_kind: SourceKind, official_role: str) -> bool:
    """Whether a clue is a row of ``principal``'s list under ``scope`` (what a repository's filter says)."""
    if scope is ListScope.ALL:
        return True
    if scope is ListScope.CONGRESS_SOURCED:
        return source_kind in CONGRESS_SOURCES
    if scope is ListScope.TRANSFERRED_BY_BODY:
        return ROLE_BODIES.get(official_role) in transferring_bodies(principal)
    return False
