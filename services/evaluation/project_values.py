"""民生实事联督 — the checked values of the livelihood projects: quantities, dates, whole numbers and identifiers
as the aggregates check them (each problem added to a ``Problems``), the checked proposal of a candidate with
its targets and milestones, and the Beijing-date and percentage helpers that progress and results share.

Milestones. A milestone is a date with either a planned cumulative quantity or a named step (完成招标); its date
falls in the project's year, and quantities grow with the dates up to the plan. A target whose milestones never
reach its planned quantity gets an implied one, the plan by 31 December of the year (年度民生实事, "当年办结").

Pure: the standard library, the kit's pure modules and ``domain`` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from itertools import pairwise

from services.evaluation.domain import BODY_MAX, ID_MAX, NAME_MAX, ORG_UNIT_MAX
from services.evaluation.project_commands import CandidateDetails, Day, MilestoneInput, Quantity, TargetInput
from services.evaluation.project_states import CandidateSource
from wulian.kit.problems import Problems

YEARS = (2000, 2100)
TARGETS_MAX = 20
MILESTONES_MAX = 24
UNIT_MAX = 10  # a unit of measure: 公里, 套（间）, 个
QUANTITY_MAX = Decimal(10) ** 9
QUANTITY_PLACES = 4
ORGANIZERS_ONLY = "只有人大常委会联络人员或专（工）委可以{}"


def percent(value: Fraction) -> Decimal:
    """``value`` as a percentage rounded half up to two decimals — for display; the fraction stays exact."""
    exact = Decimal(value.numerator) * 100 / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def checked_quantity(problems: Problems, where: str, value: Quantity, label: str, *, positive: bool) -> Decimal | None:
    if isinstance(value, bool) or _blank(value):
        problems.add(where, f"请填写{label}")
        return None
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        problems.add(where, f"{label}应为数字")
    elif amount < 0 or (positive and amount == 0):
        problems.add(where, f"{label}应大于 0" if positive else f"{label}不能为负数")
    elif amount > QUANTITY_MAX:
        problems.add(where, f"{label}不能超过 {QUANTITY_MAX:,.0f}")
    elif amount != amount.quantize(Decimal(1).scaleb(-QUANTITY_PLACES)):
        problems.add(where, f"{label}最多保留 {QUANTITY_PLACES} 位小数")
    else:
        return amount
    return None


def checked_day(problems: Problems, where: str, value: Day, label: str) -> date | None:
    if isinstance(value, datetime):
        problems.add(where, f"{label}应为日期，不含时间")
    elif isinstance(value, date):
        return value
    elif isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            problems.add(where, f"{label}应为 YYYY-MM-DD 格式的日期")
    else:
        problems.add(where, f"请填写{label}")
    return None


def checked_whole(problems: Problems, where: str, value: object, label: str, bounds: tuple[int, int]) -> int | None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(where, f"{label}应为 {low} 至 {high} 之间的整数")
        return None
    return value


def checked_identifier(problems: Problems, where: str, value: str, label: str, limit: int = ID_MAX) -> str:
    ident = value.strip()
    if not ident:
        problems.add(where, f"{label}不能为空")
    elif len(ident) > limit or any(ch.isspace() for ch in ident):
        problems.add(where, f"{label}不能含空白，且不能超过 {limit} 个字符")
    return ident


@dataclass(frozen=True, slots=True)
class Milestone:
    due: date
    quantity: Decimal | None  # planned cumulative quantity; None for a named step
    step: str = ""
    implied: bool = False  # the year-end milestone added when none reaches the plan

    @property
    def label(self) -> str:
        return self.step or ("年度完成" if self.implied else f"累计完成 {self.quantity}")


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    unit: str
    planned: Decimal
    milestones: tuple[Milestone, ...]  # by date


@dataclass(frozen=True, slots=True)
class Proposal:
    title: str
    description: str
    unit: str
    unit_name: str
    source: CandidateSource
    targets: tuple[Target, ...]


def proposal_from(problems: Problems, details: CandidateDetails, year: int | None) -> Proposal | None:
    """The checked proposal, its problems added to ``problems``; None when any."""
    title = problems.text("title", details.title, "项目名称", limit=NAME_MAX)
    description = problems.text("description", details.description, "项目内容", limit=BODY_MAX)
    unit = checked_identifier(problems, "department_unit", details.department_unit, "责任单位编码", ORG_UNIT_MAX)
    unit_name = problems.text("department_name", details.department_name, "责任单位名称", limit=NAME_MAX)
    source = problems.choice("source", details.source, CandidateSource, "项目来源")
    targets: list[Target | None] = []
    if not details.targets:
        problems.add("targets", "请至少填写一项量化目标")
    elif len(details.targets) > TARGETS_MAX:
        problems.add("targets", f"量化目标最多 {TARGETS_MAX} 项")
    else:
        targets = [_target(problems, f"targets.{i}", t, year) for i, t in enumerate(details.targets)]
    if problems.details or source is None or year is None:
        return None
    return Proposal(title, description, unit, unit_name, source, tuple(t for t in targets if t))


def _target(problems: Problems, where: str, value: TargetInput, year: int | None) -> Target | None:
    name = problems.text(f"{where}.name", value.name, "目标名称", limit=NAME_MAX)
    unit = problems.text(f"{where}.unit", value.unit, "计量单位", limit=UNIT_MAX)
    planned = checked_quantity(problems, f"{where}.planned", value.planned, "计划数量", positive=True)
    milestones = _milestones(problems, where, value.milestones, planned, year)
    if planned is None or milestones is None:
        return None
    return Target(name, unit, planned, milestones)


def _milestones(
    problems: Problems, where: str, values: Sequence[MilestoneInput], planned: Decimal | None, year: int | None
) -> tuple[Milestone, ...] | None:
    if len(values) > MILESTONES_MAX:
        problems.add(f"{where}.milestones", f"每项目标的节点最多 {MILESTONES_MAX} 个")
        return None
    before = len(problems.details)
    parsed: list[Milestone] = []
    for j, value in enumerate(values):
        at = f"{where}.milestones.{j}"
        due = checked_day(problems, f"{at}.due", value.due, "节点日期")
        if due is not None and year is not None and due.year != year:
            problems.add(f"{at}.due", f"节点日期应在 {year} 年内")
        step = problems.text(f"{at}.step", value.step, "节点事项", required=False, limit=NAME_MAX)
        quantity = None
        if _blank(value.quantity) == (not step):
            problems.add(at, "每个节点须填写累计数量或节点事项之一，且只填一项")
        elif not step:
            quantity = checked_quantity(problems, f"{at}.quantity", value.quantity, "节点累计数量", positive=True)
            if quantity is not None and planned is not None and quantity > planned:
                problems.add(f"{at}.quantity", f"节点累计数量不能超过计划数量 {planned}")
        if due is not None:
            parsed.append(Milestone(due, quantity, step))
    if len(problems.details) > before or planned is None or year is None:
        return None
    ordered = sorted(parsed, key=lambda m: m.due)
    amounts = [m.quantity for m in ordered if m.quantity is not None]
    if any(later < earlier for earlier, later in pairwise(amounts)):
        problems.add(f"{where}.milestones", "节点累计数量应随日期递增，不能减少")
        return None
    if planned not in amounts:
        ordered.append(Milestone(date(year, 12, 31), planned, implied=True))
    return tuple(ordered)


def checked_year(problems: Problems, value: object) -> int | None:
    return checked_whole(problems, "year", value, "年度", YEARS)
