"""Request bodies of the consultation (监督事项联商) routes: supervision plans and work reports, consultations and
opinions; the joint meetings', bulletins' and analyses' bodies are in ``schemas_consultation_meetings``.

A body is the service's command field for field (``proto/wulian/consultation/v1/consultation.proto`` is written
from the commands), so the route turns it into the request message by name (``routes.common.command``). A number
that names a part of the object (``item_no``, ``proposal_no``, ``link_no``, an action item's ``no``) travels in
the path, and the route puts it into the command; the body holds the rest. Days travel as ISO text
(``2026-03-31``), a meeting's time as RFC 3339 with an offset.

Requests repeat the consultation service's input limits and choices (``services/consultation/domain.py`` and the
modules beside it; a unit test keeps the two in step, since the gateway may not import the service) so that bad
input is refused before any gRPC call. The service checks again and has the last word: the rules that span
fields or need the object (a quarter or a month but not both, a topic once per version, a reply day from today
to 90 days ahead, a due day not before today, every participating body among the attendees, never the asking
body among those asked) are its own.

Answers are not re-shaped: the service answers with the read model its caller may see, as JSON, and the gateway
passes it on unchanged.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from services.gateway.schemas import Day, OptionalDay, Strict

# As the consultation service checks them (services/consultation/domain.py, plan_items.py, plans.py).
TITLE_MAX = 200  # a plan's, an item's, a meeting's, a bulletin's title or topic
NAME_MAX = 50  # a person's name, a committee's name
ID_MAX = 64
TEXT_MAX = 2000  # reasons, notes, short texts
BODY_MAX = 20000  # minutes, a bulletin, an opinion, an analysis
LIST_MAX = 200  # items of a plan, agenda topics, attendees, action items, notes
YEARS = (2000, 2100)
SOURCES_MAX = 7  # every kind of an item's source once
QUARTERS = (1, 4)
MONTHS = (1, 12)
NUMBERS = (1, 1_000_000)  # item, proposal and link numbers as a caller may name them
BODIES_MAX = 3  # congress, discipline, government

BodyName = Literal["congress", "discipline", "government"]
PlanKind = Literal["supervision_plan", "work_report"]
PlanStatus = Literal["drafting", "consulting", "approved"]
Form = Literal[
    "work_report_hearing",
    "law_enforcement_inspection",
    "special_inquiry",
    "appraisal",
    "inquiry",
    "research",
    "budget_review",
    "other",
]
ItemSource = Literal["committee", "deputies", "discipline", "government", "public", "leadership", "other"]
WorkKind = Literal["appraisal", "review_batch", "project", "ballot_session", "other"]
ConsultationStatus = Literal["open", "closed"]
OpinionStatus = Literal["awaiting", "decided"]
Decision = Literal["adopted", "partly_adopted", "not_adopted"]

BODIES = "congress 人大常委会、discipline 纪委监委、government 市政府"
# The service's ids (uuid4): no blanks, nothing a header or path could not carry.
ID_PATTERN = r"^[A-Za-z0-9_-]+$"
# A work's id in its own link (plan_records.WORK_REF): it travels in events, so no free text.
WORK_REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/#-]*$"
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX)]
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
ShortText = Annotated[str, Field(min_length=1, max_length=TEXT_MAX)]
LongText = Annotated[str, Field(min_length=1, max_length=BODY_MAX)]
Reason = Annotated[str, Field(min_length=1, max_length=TEXT_MAX, description="理由")]
OptionalReason = Annotated[str, Field(max_length=TEXT_MAX)]
Year = Annotated[int, Field(ge=YEARS[0], le=YEARS[1], description="年度")]
Number = Annotated[int, Field(ge=NUMBERS[0], le=NUMBERS[1])]
Bodies = Annotated[list[BodyName], Field(max_length=BODIES_MAX)]


# --- 监督工作计划: plans, their items, proposals, approval, links to the work done ---------------------------


class ItemInput(Strict):
    """An item of a plan: what is supervised, how, led by whom, from which sources, when in the year."""

    topic: Title = Field(description="项目名称（同一版本中不重复）")
    form: Form = Field(
        description="监督方式：work_report_hearing 听取审议专项工作报告、law_enforcement_inspection 执法检查、"
        "special_inquiry 专题询问、appraisal 工作评议、inquiry 询问和质询、research 专题调研、"
        "budget_review 预决算审查、other 其他"
    )
    lead: Name = Field(description="牵头单位（专委、工委；工作报告中为纪委监委的牵头部门）")
    sources: list[ItemSource] = Field(
        default_factory=list,
        max_length=SOURCES_MAX,
        description="项目来源（至少一个，提出建议者的来源自动加入）：committee 专（工）委、deputies 人大代表、"
        "discipline 纪委监委、government 市政府、public 人民群众、leadership 市委及常委会领导、other 其他",
    )
    quarter: int | None = Field(None, ge=QUARTERS[0], le=QUARTERS[1], description="计划季度（1–4）；与月份只填其一")
    month: int | None = Field(None, ge=MONTHS[0], le=MONTHS[1], description="计划月份（1–12）；都不填为全年")
    description: str = Field("", max_length=TEXT_MAX, description="项目说明")


class CreatePlan(Strict):
    """A plan drafted by its owner: the congress's supervision plan or the commission's draft work report."""

    kind: PlanKind = Field(
        description="计划类别：supervision_plan 人大常委会年度监督工作计划、"
        "work_report 纪委监委全会工作报告（征求意见稿）"
    )
    year: Year = Field(description="计划年度")
    title: Title = Field(description="计划名称，如 2026年度监督工作计划")
    items: list[ItemInput] = Field(default_factory=list, max_length=LIST_MAX, description="第一版的项目（可为空）")


class AddItem(Strict):
    """A new item; the plan takes a new version (after the approval: an in-year adjustment, reason required)."""

    item: ItemInput
    reason: OptionalReason = Field("", description="修改说明；计划批准后为年中调整的理由，必填")


class EditItem(Strict):
    """The item of the path, changed; the plan takes a new version."""

    item: ItemInput
    reason: OptionalReason = Field("", description="修改说明；计划批准后为年中调整的理由，必填")


class RemoveItem(Strict):
    reason: OptionalReason = Field("", description="删除说明；计划批准后为年中调整的理由，必填")


class ProposeItem(Strict):
    """An item proposed to the plan's owner (by a committee, a deputy, another body), with why."""

    item: ItemInput
    reason: ShortText = Field(description="建议理由")


class AcceptProposal(Strict):
    reason: OptionalReason = Field("", description="采纳说明；计划批准后为年中调整的理由，必填")


class DeclineProposal(Strict):
    reason: Reason = Field(description="不予采纳的理由（告知提出建议者）")


class ApprovePlan(Strict):
    note: ShortText = Field(description="批准情况，如 经主任会议审议，报市委同意")
    approved_on: OptionalDay = Field(None, description="批准日期（北京时间，不晚于今天）；不填为今天")


class LinkWork(Strict):
    """The work an item of the approved plan produced in another link, by its id there."""

    item_no: Number = Field(description="计划项目序号")
    kind: WorkKind = Field(
        description="工作成果类别：appraisal 工作评议、review_batch 案件质量评查、project 民生实事项目、"
        "ballot_session 满意度测评、other 其他"
    )
    ref: str = Field(
        min_length=1, max_length=ID_MAX, pattern=WORK_REF_PATTERN, description="工作成果在其所属环节中的编号"
    )
    title: str = Field(
        default="",
        max_length=TITLE_MAX,
        description="工作成果名称；留空时取该工作在其所属环节中的名称（“其他”类须填写）",
    )


class UnlinkWork(Strict):
    reason: Reason = Field(description="取消关联的理由")


# --- 征求意见: consultations and opinions -------------------------------------------------------------------


class OpenConsultation(Strict):
    """Opinions asked of other bodies on the plan's current version, by a Beijing day."""

    bodies: Bodies = Field(min_length=1, description=f"征求意见对象（不含本机关）：{BODIES}")
    reply_by: Day = Field(description="反馈截止日期（今天至 90 天内）")
    plan_version: Number | None = Field(None, description="所看的计划版本（须仍为当前版本）；不填为当前版本")
    note: OptionalReason = Field("", description="征求意见说明（征求意见函）")


class CloseConsultation(Strict):
    note: OptionalReason = Field("", description="汇总情况")


class GiveOpinion(Strict):
    text: LongText = Field(description="意见内容")
    item_no: Number | None = Field(None, description="针对的计划项目序号；对计划整体的意见不填")


class RecordAdoption(Strict):
    decision: Decision = Field(description="采纳情况：adopted 采纳、partly_adopted 部分采纳、not_adopted 不予采纳")
    reason: OptionalReason = Field("", description="理由；部分采纳或不予采纳时必填")
