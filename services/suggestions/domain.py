"""意见建议联办 — the vocabulary and the standing rules of a deputy's suggestion. No I/O; the standard
library and the kit's pure modules (principal, errors) only.

The life of a suggestion is split along its seams:

- ``domain`` (this module): states, the state table, the enumerations a clerk picks from, submission,
  numbering and who may see what;
- ``commands``: what each actor asks for, as the API hands it over;
- ``records``: the entries of a suggestion's file (assignment, contact, reply, verdict, visit), each
  built from a command whose input is checked per field;
- ``model``: the ``Suggestion`` aggregate, whose methods are the transitions and record events;
- ``escalations``: joint supervision (联合督办), its response and its clue transfer;
- ``events``: the events, and who is told of each (their audience);
- ``clocks``: the 48-hour contact, 3/6-month reply and 1-month re-handling deadlines;
- ``stats``: counts per handling unit and per deputy over plain records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from wulian.kit.errors import Conflict, InvalidArgument, PermissionDenied
from wulian.kit.principal import CONGRESS_ROLES, Principal
from wulian.kit.problems import Problems as KitProblems

SHANGHAI = ZoneInfo("Asia/Shanghai")
E = TypeVar("E", bound=StrEnum)
TITLE_MAX = 100
CONTENT_MAX = 5000
NOTE_MAX = 2000  # free-text fields other than the suggestion and the reply
UNIT_MAX = 64
DEFAULT_MAX_REHANDLINGS = 2  # a setting; how often "dissatisfied" sends a suggestion back
DISCIPLINE_ROLES = frozenset({"discipline_commission", "discipline_station"})


class Category(StrEnum):
    """Categories of deputies' suggestions as congress liaison offices file them."""

    ECONOMY = "economy"
    URBAN_CONSTRUCTION = "urban_construction"
    TRANSPORT = "transport"
    EDUCATION = "education"
    HEALTH = "health"
    SOCIAL_SECURITY = "social_security"
    ENVIRONMENT = "environment"
    AGRICULTURE = "agriculture"
    RULE_OF_LAW = "rule_of_law"
    OTHER = "other"


CATEGORY_LABELS: dict[Category, str] = {
    Category.ECONOMY: "经济发展",
    Category.URBAN_CONSTRUCTION: "城乡建设",
    Category.TRANSPORT: "交通运输",
    Category.EDUCATION: "教育科技",
    Category.HEALTH: "医疗卫生",
    Category.SOCIAL_SECURITY: "社会保障",
    Category.ENVIRONMENT: "生态环境",
    Category.AGRICULTURE: "农业农村",
    Category.RULE_OF_LAW: "民主法治",
    Category.OTHER: "其他",
}


class Status(StrEnum):
    DRAFT = "draft"  # 草稿，代表或代拟的联络人员可修改
    SUBMITTED = "submitted"  # 已提交，待交办
    ASSIGNMENT_PROPOSED = "assignment_proposed"  # 交办方案已提出，待政务督查室确认
    ASSIGNED = "assigned"  # 已交办，办理中
    REPLIED = "replied"  # 已答复，待代表测评
    REHANDLING = "rehandling"  # 代表不满意，重新办理中
    CLOSED = "closed"  # 已办结


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "待交办",
    Status.ASSIGNMENT_PROPOSED: "待确认交办",
    Status.ASSIGNED: "办理中",
    Status.REPLIED: "待测评",
    Status.REHANDLING: "重新办理中",
    Status.CLOSED: "已办结",
}

# Why an action is refused in a state, in words a clerk reads: "<phrase>，不能<action>".
_STATE_PHRASES: dict[Status, str] = {
    Status.DRAFT: "该建议还是草稿，尚未提交",
    Status.SUBMITTED: "该建议尚未交办",
    Status.ASSIGNMENT_PROPOSED: "该建议的交办方案正待政务督查室确认",
    Status.ASSIGNED: "该建议正在办理中，尚未答复",
    Status.REPLIED: "该建议已答复，正待代表测评",
    Status.REHANDLING: "该建议正在重新办理",
    Status.CLOSED: "该建议已办结",
}


class Action(StrEnum):
    """Every step of the workflow that depends on the suggestion's state."""

    EDIT_DRAFT = "edit_draft"
    SUBMIT = "submit"
    ADD_COSIGNER = "add_cosigner"
    PROPOSE_ASSIGNMENT = "propose_assignment"
    CONFIRM_ASSIGNMENT = "confirm_assignment"
    SEND_BACK_ASSIGNMENT = "send_back_assignment"
    RECORD_CONTACT = "record_contact"
    GIVE_CO_UNIT_OPINION = "give_co_unit_opinion"
    REPLY = "reply"
    EVALUATE = "evaluate"
    RECORD_RETURN_VISIT = "record_return_visit"
    ESCALATE = "escalate"


ACTION_LABELS: dict[Action, str] = {
    Action.EDIT_DRAFT: "修改",
    Action.SUBMIT: "提交",
    Action.ADD_COSIGNER: "添加附议代表",
    Action.PROPOSE_ASSIGNMENT: "提出交办方案",
    Action.CONFIRM_ASSIGNMENT: "确认交办",
    Action.SEND_BACK_ASSIGNMENT: "退回交办方案",
    Action.RECORD_CONTACT: "登记与代表的联系",
    Action.GIVE_CO_UNIT_OPINION: "提交协办意见",
    Action.REPLY: "答复",
    Action.EVALUATE: "测评",
    Action.RECORD_RETURN_VISIT: "登记回访",
    Action.ESCALATE: "督办",
}

_HANDLING = frozenset({Status.ASSIGNED, Status.REHANDLING})
_CONFIRMED = frozenset({Status.ASSIGNED, Status.REPLIED, Status.REHANDLING, Status.CLOSED})

# The state machine: in which states each action is allowed. Contact may be recorded late (after the
# reply) so that it still counts, though not as "within 48 hours"; return visits and escalation apply
# to any suggestion whose assignment was confirmed, closed ones included (联合回访, 联合督办).
ALLOWED_STATES: dict[Action, frozenset[Status]] = {
    Action.EDIT_DRAFT: frozenset({Status.DRAFT}),
    Action.SUBMIT: frozenset({Status.DRAFT}),
    Action.ADD_COSIGNER: frozenset({Status.DRAFT, Status.SUBMITTED}),
    Action.PROPOSE_ASSIGNMENT: frozenset({Status.SUBMITTED}),
    Action.CONFIRM_ASSIGNMENT: frozenset({Status.ASSIGNMENT_PROPOSED}),
    Action.SEND_BACK_ASSIGNMENT: frozenset({Status.ASSIGNMENT_PROPOSED}),
    Action.RECORD_CONTACT: frozenset({Status.ASSIGNED, Status.REPLIED, Status.REHANDLING}),
    Action.GIVE_CO_UNIT_OPINION: _HANDLING,
    Action.REPLY: _HANDLING,
    Action.EVALUATE: frozenset({Status.REPLIED}),
    Action.RECORD_RETURN_VISIT: _CONFIRMED,
    Action.ESCALATE: _CONFIRMED,
}


def ensure_allowed(action: Action, status: Status) -> None:
    """Refuse an action the state machine does not allow in ``status``, saying why."""
    if status not in ALLOWED_STATES[action]:
        raise Conflict(f"{_STATE_PHRASES[status]}，不能{ACTION_LABELS[action]}")


class ContactMethod(StrEnum):
    PHONE = "phone"  # 电话
    VISIT = "visit"  # 登门走访
    MEETING = "meeting"  # 座谈会商
    LETTER = "letter"  # 信函
    OTHER = "other"  # 其他


class ReplyResult(StrEnum):
    """The result category of a reply (办理结果分类)."""

    SOLVED = "solved"  # 已解决
    PLANNED = "planned"  # 列入计划解决
    REFERENCE = "reference"  # 留作参考


class Grade(StrEnum):
    """Attitude, method and effect of the handling (质效测评: 好 / 较好 / 差)."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class Satisfaction(StrEnum):
    """The deputy's overall verdict (综合测评)."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


SATISFIED_ENOUGH = frozenset({Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED})


class EscalationReason(StrEnum):
    """Why the congress escalates a suggestion to the discipline commission (联合督办)."""

    OVERDUE = "overdue"  # 逾期未办
    REPEATEDLY_DISSATISFIED = "repeatedly_dissatisfied"  # 代表多次不满意
    CONCENTRATED = "concentrated"  # 代表反映比较集中
    SUSPECTED_VIOLATION = "suspected_violation"  # 可能存在违纪违法问题，移送线索


class ClueTransferState(StrEnum):
    PENDING = "pending"  # recorded, not yet acknowledged by the clues service
    TRANSFERRED = "transferred"


class Scope(StrEnum):
    """How much of the register a caller may see."""

    ALL = "all"
    OWN = "own"
    ORG_UNIT = "org_unit"
    ESCALATED = "escalated"


@dataclass(frozen=True, slots=True)
class SubmitSuggestion:
    title: str
    content: str
    category: str


@dataclass(frozen=True, slots=True)
class ValidSubmission:
    title: str
    content: str
    category: Category


class Problems(KitProblems):
    """The kit's per-field collector with the checks only suggestions make."""

    def unit(self, field: str, value: str, label: str) -> str:
        return self.text(field, value, label, limit=UNIT_MAX)

    def choice(self, field: str, value: str, kind: type[E], label: str) -> E | None:
        if value in kind.__members__.values():
            return kind(value)
        self.add(field, f"{label}不在可选范围内")
        return None

    def moment(self, field: str, value: datetime, label: str, *, now: datetime, not_before: datetime) -> datetime:
        """A past moment of the handling: aware, not in the future, not before ``not_before``."""
        if value.tzinfo is None or value.utcoffset() is None:
            self.add(field, f"{label}须带时区")
            return value
        value = value.astimezone(UTC)
        if value > now:
            self.add(field, f"{label}不能晚于当前时间")
        elif value < not_before:
            self.add(field, f"{label}不能早于交办确认时间")
        return value

    def raise_if_any(self, message: str) -> None:
        if self.details:
            raise InvalidArgument(message, details=self.details)


def submission_problems(command: SubmitSuggestion) -> list[dict[str, str]]:
    """The per-field problems of a suggestion's text, empty when there are none."""
    problems = Problems()
    problems.text("title", command.title, "标题", limit=TITLE_MAX)
    problems.text("content", command.content, "内容", limit=CONTENT_MAX)
    problems.choice("category", command.category, Category, "类别")
    return problems.details


def validate_submission(command: SubmitSuggestion) -> ValidSubmission:
    """Trim and check a submission; every problem is reported at once, per field."""
    problems = submission_problems(command)
    if problems:
        raise InvalidArgument("建议内容未通过校验", details=problems)
    return ValidSubmission(
        title=command.title.strip(), content=command.content.strip(), category=Category(command.category)
    )


def submission_year(submitted_at: datetime) -> int:
    """Suggestions are numbered per calendar year in Beijing time (a 31 Dec 20:00 UTC one is next year's)."""
    return submitted_at.astimezone(SHANGHAI).year


def suggestion_number(year: int, sequence: int, session: str = "") -> str:
    """``2026-0001`` between sessions; ``2026-S3-0001`` for one handed in at a session (会次) coded S3."""
    if session:
        return f"{year}-{session}-{sequence:04d}"
    return f"{year}-{sequence:04d}"


SESSION_CODE = re.compile(r"^[A-Za-z0-9]{1,8}$")


def valid_session_code(code: str) -> bool:
    """A congress session's code in numbers: short letters and digits (``S3``), or "" between sessions."""
    return code == "" or SESSION_CODE.fullmatch(code) is not None


def ensure_may_submit(principal: Principal) -> None:
    if "deputy" not in principal.roles:
        raise PermissionDenied("只有人大代表可以提出建议")


def require_role(principal: Principal, role: str, *, message: str) -> None:
    if role not in principal.roles:
        raise PermissionDenied(message)


def acting_unit(principal: Principal, units: tuple[str, ...], *, message: str) -> str:
    """The caller's org_unit when it is one of ``units``; units act through gov_department accounts."""
    if "gov_department" in principal.roles and principal.org_unit and principal.org_unit in units:
        return principal.org_unit
    raise PermissionDenied(message)


def visibility(principal: Principal) -> Scope:
    """What part of the register a caller sees.

    Congress staff and the government's supervision office (joint assignment, 联合交办) and the
    discipline group stationed at the congress (return visits, 联合回访) see every suggestion; a
    deputy sees their own and those they co-signed (附议); a handling unit sees what is assigned to its
    org_unit; the discipline commission sees what was escalated to it. Anyone else is refused.
    """
    if principal.has_any(*CONGRESS_ROLES, "gov_supervision_office", "discipline_station"):
        return Scope.ALL
    if "deputy" in principal.roles:
        return Scope.OWN
    if "gov_department" in principal.roles and principal.org_unit:
        return Scope.ORG_UNIT
    if "discipline_commission" in principal.roles:
        return Scope.ESCALATED
    raise PermissionDenied("您的角色无权查看代表建议")


def may_view(
    principal: Principal,
    deputy_subject: str,
    assigned_units: frozenset[str] = frozenset(),
    *,
    escalated: bool = False,
    cosigners: frozenset[str] = frozenset(),
    draft: bool = False,
) -> bool:
    """Whether ``principal`` may see one suggestion.

    ``assigned_units`` are the units of a *confirmed* assignment (a proposal shows nothing to units).
    A draft is the deputy's and the congress staff's business only.
    """
    scope = visibility(principal)
    if scope is Scope.OWN:
        return principal.subject == deputy_subject or principal.subject in cosigners
    if draft:
        return scope is Scope.ALL and principal.has_any(*CONGRESS_ROLES)
    if scope is Scope.ALL:
        return True
    if scope is Scope.ORG_UNIT:
        return principal.org_unit in assigned_units
    return escalated  # Scope.ESCALATED


def submitted_audience(deputy_subject: str) -> list[str]:
    """Who is told of a new suggestion: the deputy, congress liaison, the supervision office."""
    return [f"subject:{deputy_subject}", "role:congress_clerk", "role:gov_supervision_office"]
