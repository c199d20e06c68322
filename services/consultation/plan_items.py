"""The items of a plan (监督项目): the form of supervision, where an item came from, when it is planned, and
``content_from``, which checks what a clerk or a proposer enters into an item's content. Pure: no I/O.

An item of the supervision plan names a topic, the form of supervision (Luoyang: "综合运用听取审议报告、执法检查等
法定监督方式"), the committee that leads it, when in the year it is planned and the sources it was proposed
from ("各专门委员会、各工委室广泛征求代表工作站、监督联系点、各县区人大、人民群众的意见建议"). An item of the
commission's work report uses the same shape: its ``form`` is then usually ``other`` and ``lead`` names the
commission's lead department.

Timing: a quarter (1–4) or a month (1–12) of the plan's year, at most one of them; neither means the whole
year (全年). Sources: at least one, each once. Topics are unique within a version of a plan, compared without
regard to white space and case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from services.consultation.domain import NAME_MAX, TEXT_MAX, TITLE_MAX
from services.consultation.plan_commands import ItemInput
from wulian.kit.problems import Problems

QUARTERS = (1, 4)
MONTHS = (1, 12)
SOURCES_MAX = 7  # every kind of source once


class Form(StrEnum):
    """The form of supervision an item takes."""

    WORK_REPORT_HEARING = "work_report_hearing"
    LAW_ENFORCEMENT_INSPECTION = "law_enforcement_inspection"
    SPECIAL_INQUIRY = "special_inquiry"
    APPRAISAL = "appraisal"
    INQUIRY = "inquiry"
    RESEARCH = "research"
    BUDGET_REVIEW = "budget_review"
    OTHER = "other"


FORM_LABELS: dict[Form, str] = {
    Form.WORK_REPORT_HEARING: "听取审议专项工作报告",
    Form.LAW_ENFORCEMENT_INSPECTION: "执法检查",
    Form.SPECIAL_INQUIRY: "专题询问",
    Form.APPRAISAL: "工作评议",
    Form.INQUIRY: "询问和质询",
    Form.RESEARCH: "专题调研",
    Form.BUDGET_REVIEW: "预决算审查",
    Form.OTHER: "其他",
}


class ItemSource(StrEnum):
    """Where an item was proposed from."""

    COMMITTEE = "committee"
    DEPUTIES = "deputies"
    DISCIPLINE = "discipline"
    GOVERNMENT = "government"
    PUBLIC = "public"
    LEADERSHIP = "leadership"
    OTHER = "other"


SOURCE_LABELS: dict[ItemSource, str] = {
    ItemSource.COMMITTEE: "专（工）委",
    ItemSource.DEPUTIES: "人大代表",
    ItemSource.DISCIPLINE: "纪委监委",
    ItemSource.GOVERNMENT: "市政府",
    ItemSource.PUBLIC: "人民群众",
    ItemSource.LEADERSHIP: "市委及常委会领导",
    ItemSource.OTHER: "其他",
}

_QUARTER_LABELS = ("第一季度", "第二季度", "第三季度", "第四季度")


@dataclass(frozen=True, slots=True)
class ItemContent:
    """What an item says (its number is the plan's: ``PlanItem``)."""

    topic: str
    form: Form
    lead: str
    sources: tuple[ItemSource, ...]
    quarter: int | None
    month: int | None
    description: str

    @property
    def timing_label(self) -> str:
        if self.month is not None:
            return f"{self.month}月"
        if self.quarter is not None:
            return _QUARTER_LABELS[self.quarter - 1]
        return "全年"


@dataclass(frozen=True, slots=True)
class PlanItem:
    """An item of one version of a plan. ``no`` is given when the item is first added and never changes nor
    is given again, whatever is edited, removed or added later."""

    no: int
    content: ItemContent


def topic_key(topic: str) -> str:
    """Two topics are the same item when they differ only in white space or case."""
    return "".join(topic.split()).casefold()


def whole_number(problems: Problems, field: str, value: object, bounds: tuple[int, int], label: str) -> int | None:
    """``value`` when it is a whole number within ``bounds`` (a bool is not a number here), else a problem."""
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(field, f"{label}应为 {low} 至 {high} 之间的整数")
        return None
    return value


def _timing(problems: Problems, prefix: str, quarter: int | None, month: int | None) -> bool:
    if quarter is not None and month is not None:
        problems.add(f"{prefix}.month", "计划时间按季度或按月份安排，只能选其一")
        return False
    if quarter is not None:
        return whole_number(problems, f"{prefix}.quarter", quarter, QUARTERS, "计划季度") is not None
    if month is not None:
        return whole_number(problems, f"{prefix}.month", month, MONTHS, "计划月份") is not None
    return True


def _sources(problems: Problems, field: str, values: tuple[str, ...], own: ItemSource | None) -> tuple[ItemSource, ...]:
    chosen: list[ItemSource] = [own] if own is not None else []
    for index, value in enumerate(values):
        source = problems.choice(f"{field}[{index}]", value, ItemSource, "项目来源")
        if source is not None and source in chosen and source is not own:
            problems.add(f"{field}[{index}]", f"项目来源“{SOURCE_LABELS[source]}”重复")
        elif source is not None and source not in chosen:
            chosen.append(source)
    if not chosen:
        problems.add(field, "请至少注明一个项目来源")
    return tuple(chosen)


def content_from(
    command: ItemInput, problems: Problems, *, prefix: str, own_source: ItemSource | None = None
) -> ItemContent | None:
    """The checked content of ``command``; its problems join ``problems`` under ``<prefix>.<field>`` (None when
    there are any). ``own_source``: a proposer's own source, put first among the sources (given or not)."""
    before = len(problems.details)
    topic = problems.text(f"{prefix}.topic", command.topic, "项目名称", limit=TITLE_MAX)
    form = problems.choice(f"{prefix}.form", command.form, Form, "监督方式")
    lead = problems.text(f"{prefix}.lead", command.lead, "牵头单位", limit=NAME_MAX)
    if not isinstance(command.sources, tuple) or len(command.sources) > SOURCES_MAX:
        problems.add(f"{prefix}.sources", f"项目来源不能超过 {SOURCES_MAX} 个")
        sources: tuple[ItemSource, ...] = ()
    else:
        sources = _sources(problems, f"{prefix}.sources", command.sources, own_source)
    timed = _timing(problems, prefix, command.quarter, command.month)
    description = problems.text(
        f"{prefix}.description", command.description, "项目说明", required=False, limit=TEXT_MAX
    )
    if len(problems.details) > before or form is None or not timed:
        return None
    return ItemContent(topic, form, lead, sources, command.quarter, command.month, description)
