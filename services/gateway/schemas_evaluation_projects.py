"""Request bodies of the livelihood-project (民生实事联督) routes: candidates, the project vote (票决), progress
and joint inspections. As in ``schemas_evaluation``: each body is the service's command field for field,
with the service's limits (``services/evaluation/project_values.py``, ``project_votes.py``, ``projects.py``).

Quantities (a target's plan, a milestone, what has been achieved) are accepted as JSON numbers or as text
and travel as decimal text ("600", "12.5", never an exponent); the service decides the rest (a plan above 0,
milestones growing with their dates, a report not before the last).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from services.gateway.schemas import Strict
from services.gateway.schemas_evaluation import (
    ELECTORATE_MAX,
    NAME_MAX,
    ORG_UNIT_MAX,
    Day,
    Id,
    Login,
    Name,
    OrgUnit,
    Reason,
    Text,
    Year,
)

# As the evaluation service checks them (services/evaluation/project_values.py, project_votes.py, projects.py).
TARGETS_MAX = 20
MILESTONES_MAX = 24
MEASURE_UNIT_MAX = 10  # 公里, 套（间）, 个
QUANTITY_MAX = 10**9
QUANTITY_PLACES = 4
PLACES_MAX = 100
PARTICIPANTS_MAX = 100
PROBLEMS_MAX = 50

CandidateSource = Literal["government", "deputies", "public"]
CandidateStatus = Literal["proposed", "on_ballot", "elected", "not_elected", "withdrawn"]
VoteStatus = Literal["draft", "open", "closed", "cancelled"]
ProjectStatus = Literal["in_progress", "completed"]
InspectionBody = Literal["congress", "discipline", "government", "other"]

QUANTITY_TEXT = re.compile(rf"^\d{{1,10}}(\.\d{{1,{QUANTITY_PLACES}}})?$")
QUANTITY_SCHEMA = {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}]}


def quantity_text(value: object) -> object:
    """A quantity given as a number or as decimal text, as the decimal text the contract carries: at most
    10^9, at most 4 decimal places, not negative."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = format(Decimal(repr(value)), "f")
    if isinstance(value, str) and QUANTITY_TEXT.fullmatch(value) and Decimal(value) <= QUANTITY_MAX:
        return value
    raise PydanticCustomError("value_error", "数量应为不超过 10 亿、最多 4 位小数的非负数，如 600 或 12.5")


Quantity = Annotated[str, BeforeValidator(quantity_text), WithJsonSchema(QUANTITY_SCHEMA)]
OptionalQuantity = Annotated[
    str | None,
    BeforeValidator(lambda value: None if value in (None, "") else quantity_text(value)),
    WithJsonSchema({"anyOf": [*QUANTITY_SCHEMA["anyOf"], {"type": "null"}]}),
]
Electorate = Annotated[
    list[Login], Field(min_length=1, max_length=ELECTORATE_MAX, description="出席会议的代表的登录账号标识")
]


# --- candidates (候选项目) ---------------------------------------------------------------------------------


class MilestoneInput(Strict):
    """A milestone within the project's year: a planned cumulative quantity, or a named step — one of them."""

    due: Day = Field(description="节点日期（项目年度内）")
    quantity: OptionalQuantity = Field(None, description="到该日期的计划累计数量；填写节点事项时不填")
    step: str = Field("", max_length=NAME_MAX, description="节点事项，如 完成招标；填写累计数量时不填")


class TargetInput(Strict):
    name: Name = Field(description="目标名称，如 农村公路提档升级")
    unit: str = Field(min_length=1, max_length=MEASURE_UNIT_MAX, description="计量单位，如 公里、套")
    planned: Quantity = Field(description="计划数量（大于 0），如 600")
    milestones: list[MilestoneInput] = Field(
        default_factory=list, max_length=MILESTONES_MAX, description="节点；未到计划数量的，年底为完成节点"
    )


class CandidateDetails(Strict):
    title: Name = Field(description="项目名称")
    description: Text = Field(description="项目内容")
    department_unit: OrgUnit = Field(description="拟定的责任单位（org_unit）")
    department_name: Name = Field(description="责任单位名称")
    source: CandidateSource = Field(
        description="项目来源：government 政府提出、deputies 代表建议、public 公开征集（实地调研、网络舆情等）"
    )
    targets: list[TargetInput] = Field(min_length=1, max_length=TARGETS_MAX, description="量化目标")


class AddCandidate(Strict):
    year: Year
    details: CandidateDetails


class CandidateWithdrawal(Strict):
    reason: Reason


# --- the project vote (票决) -------------------------------------------------------------------------------


class EditVote(Strict):
    places: int = Field(ge=1, le=PLACES_MAX, description="拟选项目数（候选项目须多于此数，差额票决）")
    electorate: Electorate


class CreateVote(EditVote):
    """The year's vote over every proposed candidate, fixed when it opens."""

    year: Year


class CreateRunoff(Strict):
    """A run-off over the candidates tied at the last place, for the places left."""

    electorate: Electorate


class CastPicks(Strict):
    """A deputy's picks: at most as many candidates as the vote has places. Nothing ties them to the voter."""

    candidate_ids: list[Id] = Field(min_length=1, max_length=PLACES_MAX, description="所选的候选项目")


class VoteCancellation(Strict):
    reason: Reason


# --- projects: progress and joint inspections ---------------------------------------------------------------


class ReportProgress(Strict):
    """The department's report on one target: the cumulative quantity achieved as of a day."""

    target_index: int = Field(ge=0, le=TARGETS_MAX - 1, description="目标序号（从 0 起）")
    achieved: Quantity = Field(description="截至 as_of 的累计完成数量")
    as_of: Day = Field(description="进度截止日期（不晚于今天）")
    text: Text = Field(description="进度情况")
    steps_reached: list[Annotated[int, Field(ge=0, le=MILESTONES_MAX - 1)]] = Field(
        default_factory=list, max_length=MILESTONES_MAX, description="已完成的节点事项（该目标节点的序号）"
    )


class ParticipantInput(Strict):
    body: InspectionBody = Field(
        description="所属机关：congress 人大、discipline 纪委监委、government 政府、other 其他"
    )
    name: Name = Field(description="姓名")


class ProblemInput(Strict):
    problem: Text = Field(description="发现的问题（记入整改台账）")
    measures: Text = Field(description="整改建议")
    unit: str = Field(
        "", max_length=ORG_UNIT_MAX, pattern=r"^\S*$", description="责任单位（org_unit）；不填为项目的责任单位"
    )


class RecordInspection(Strict):
    """A joint inspection (人大和纪委监委双方参加); each problem becomes a rectification item."""

    held_on: Day = Field(description="视察日期")
    participants: list[ParticipantInput] = Field(min_length=1, max_length=PARTICIPANTS_MAX, description="参加人员")
    notes: Text = Field(description="视察情况")
    problems: list[ProblemInput] = Field(default_factory=list, max_length=PROBLEMS_MAX, description="发现的问题")


class LinkSatisfactionSession(Strict):
    session_id: Id = Field(description="该项目年底满意度测评的测评场次编号")
