"""意见建议联办 — the rules of a deputy's suggestion. No I/O; the standard library and the kit's pure
modules (principal, errors) only.

Thin for now (issue 2): submission, numbering and who may see what. The rest of the life of a
suggestion (joint assignment, 48-hour contact, 3-month reply, rating, return visits, escalation)
follows in issue 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from wulian.kit.errors import InvalidArgument, PermissionDenied
from wulian.kit.principal import CONGRESS_ROLES, Principal

SHANGHAI = ZoneInfo("Asia/Shanghai")
TITLE_MAX = 100
CONTENT_MAX = 5000


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
    SUBMITTED = "submitted"  # 已提交，待交办


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


def validate_submission(command: SubmitSuggestion) -> ValidSubmission:
    """Trim and check a submission; every problem is reported at once, per field."""
    problems: list[dict[str, str]] = []
    title, content = command.title.strip(), command.content.strip()
    if not title:
        problems.append({"field": "title", "message": "标题不能为空"})
    elif len(title) > TITLE_MAX:
        problems.append({"field": "title", "message": f"标题不能超过 {TITLE_MAX} 个字"})
    if not content:
        problems.append({"field": "content", "message": "内容不能为空"})
    elif len(content) > CONTENT_MAX:
        problems.append({"field": "content", "message": f"内容不能超过 {CONTENT_MAX} 个字"})
    if command.category not in Category.__members__.values():
        problems.append({"field": "category", "message": "类别不在可选范围内"})
    if problems:
        raise InvalidArgument("建议内容未通过校验", details=problems)
    return ValidSubmission(title=title, content=content, category=Category(command.category))


def submission_year(submitted_at: datetime) -> int:
    """Suggestions are numbered per calendar year in Beijing time (a 31 Dec 20:00 UTC one is next year's)."""
    return submitted_at.astimezone(SHANGHAI).year


def suggestion_number(year: int, sequence: int) -> str:
    return f"{year}-{sequence:04d}"


def ensure_may_submit(principal: Principal) -> None:
    if "deputy" not in principal.roles:
        raise PermissionDenied("只有人大代表可以提出建议")


def visibility(principal: Principal) -> Scope:
    """What part of the register a caller sees.

    Congress staff and the government's supervision office (joint assignment, 联合交办) and the
    discipline group stationed at the congress (return visits, 联合回访) see every suggestion; a
    deputy sees their own; a handling unit sees what is assigned to its org_unit; the discipline
    commission sees what was escalated to it. Anyone else is refused.
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


def may_view(principal: Principal, deputy_subject: str, assigned_units: frozenset[str] = frozenset()) -> bool:
    scope = visibility(principal)
    if scope is Scope.ALL:
        return True
    if scope is Scope.OWN:
        return deputy_subject == principal.subject
    if scope is Scope.ORG_UNIT:
        return principal.org_unit in assigned_units
    return False  # ESCALATED: nothing is escalated before issue 3


def submitted_audience(deputy_subject: str) -> list[str]:
    """Who is told of a new suggestion: the deputy, congress liaison, the supervision office."""
    return [f"subject:{deputy_subject}", "role:congress_clerk", "role:gov_supervision_office"]
