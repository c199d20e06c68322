"""Request bodies of the evaluation (部门工作联评, 无记名测评, 整改台账) routes, and how the service's answers go out;
the livelihood projects' bodies (民生实事联督) are in ``schemas_evaluation_projects``.

A body is the service's command field for field (``proto/wulian/evaluation/v1/evaluation.proto`` is written
from the commands), so the route turns it into the request message by name (``routes.evaluation_common``).
Where a command only wraps one object (``CreateSession.plan``, ``EditItem.content``), the body is that object.
Dates travel as ISO text (``2026-03-31``), quantities as decimal text (a JSON number or string is accepted),
deadlines as RFC 3339 times with an offset.

Requests repeat the evaluation service's input limits and choices (``services/evaluation/domain.py`` and the
modules beside it; a unit test keeps the two in step, since the gateway may not import the service) so that
bad input is refused before any gRPC call. The service checks again and has the last word: the rules that
span fields or need the database (every department of a campaign in one team, a ballot marking each subject
once, ``months`` or ``due_on`` but not both, a milestone within the project's year) are its own.

Answers are not re-shaped here: the service answers with the read model its caller may see (no reference
outside the discipline roles and the team, no tally before the close, counts only for ``platform_admin``)
as JSON, and the gateway passes that JSON on unchanged.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Response
from pydantic import Field

from services.gateway.schemas import Day, Moment, OptionalDay, Strict
from wulian.evaluation.v1 import evaluation_pb2 as pb

# As the evaluation service checks them (services/evaluation/domain.py, appraisals.py, ballots.py,
# rectifications.py, rectification_clock.py).
NAME_MAX = 100  # a department's, a project's, a campaign's or a session's name
ORG_UNIT_MAX = 64
ID_MAX = 64  # ids and identity-provider subjects
TEXT_MAX = 2000  # reasons, notes
BODY_MAX = 5000  # a finding, a problem, measures, a report
DEPARTMENTS_MAX = 200  # departments of a campaign, subjects of a ballot
ELECTORATE_MAX = 2000
ELECTORATE_MIN = 3  # a ballot session's
TEAMS_MAX = 20
TEAM_MEMBERS_MAX = 50
FINDINGS_MAX = 50
YEARS = (2000, 2100)
SCORE_MAX = 100
THRESHOLD_PERCENT = 60
SOURCE_REF_MAX = 200
PERSON_MAX = 100  # 责任领导 / 具体责任人
MONTHS = (1, 24)

CampaignStatus = Literal["draft", "under_way", "results_published", "concluded", "cancelled"]
ActivityKind = Literal["hearing", "records_check", "hotline_check", "site_check", "opinions", "other"]
OpinionGroup = Literal["middle_cadres", "related_units", "service_objects", "township_leaders", "conduct_supervisors"]
ReferenceKind = Literal["inspection_tour", "routine_supervision", "other"]
SessionStatus = Literal["draft", "open", "closed", "cancelled"]
Purpose = Literal["appraisal", "project_satisfaction", "other"]
SubjectKind = Literal["department", "project"]
Mode = Literal["grades", "score"]
Grade = Literal["satisfied", "fairly_satisfied", "basically_satisfied", "dissatisfied"]
Source = Literal["appraisal", "project_inspection", "case_review_opinion", "manual"]
UnitKind = Literal["department", "court", "procuratorate"]
ReportKind = Literal["progress", "final"]
ItemStatus = Literal["open", "rectifying", "reported", "closed", "withdrawn"]

GRADES = "满意 satisfied、较满意 fairly_satisfied、基本满意 basically_satisfied、不满意 dissatisfied"
# The service's ids (uuid4): no blanks, nothing a header or path could not carry.
ID_PATTERN = r"^[A-Za-z0-9_-]+$"
Id = Annotated[str, Field(min_length=1, max_length=ID_MAX, pattern=ID_PATTERN)]
Login = Annotated[str, Field(min_length=1, max_length=ID_MAX, pattern=r"^\S+$")]  # an identity-provider subject
OrgUnit = Annotated[str, Field(min_length=1, max_length=ORG_UNIT_MAX, pattern=r"^\S+$")]
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX)]
Text = Annotated[str, Field(min_length=1, max_length=BODY_MAX)]
Reason = Annotated[str, Field(min_length=1, max_length=TEXT_MAX, description="理由")]
Year = Annotated[int, Field(ge=YEARS[0], le=YEARS[1], description="年度")]
Months = Annotated[int | None, Field(ge=MONTHS[0], le=MONTHS[1])]
Deadline = Annotated[
    Moment | None, Field(description="投票截止时间（带时区，如 2026-03-01T12:00:00+08:00）；不设为 null")
]


# --- 部门工作联评: appraisal campaigns --------------------------------------------------------------------


class DepartmentInput(Strict):
    unit: OrgUnit = Field(description="被评议部门的单位标识（org_unit）")
    name: Name = Field(description="部门名称")


class TeamInput(Strict):
    name: Name = Field(description="评议调研组名称，如 第一评议调研组")
    leader_subject: Login = Field(description="组长的登录账号标识")
    leader_name: Name = Field(description="组长姓名")
    member_subjects: list[Login] = Field(
        default_factory=list, max_length=TEAM_MEMBERS_MAX, description="组员（常委会组成人员、代表）的登录账号标识"
    )
    units: list[OrgUnit] = Field(
        min_length=1, max_length=DEPARTMENTS_MAX, description="该组联系的被评议部门（org_unit）"
    )


class CampaignPlan(Strict):
    """The yearly appraisal: the departments appraised and the teams that appraise them."""

    year: Year = Field(description="评议年度")
    name: Name = Field(description="评议名称，如 2026 年度政府工作部门满意度评议")
    departments: list[DepartmentInput] = Field(min_length=1, max_length=DEPARTMENTS_MAX, description="被评议部门")
    teams: list[TeamInput] = Field(
        default_factory=list, max_length=TEAMS_MAX, description="评议调研组（启动评议前须覆盖每个被评议部门）"
    )


class FileReference(Strict):
    """The discipline commission's reference information on one department (for the discipline roles and
    the team that appraises that department only)."""

    unit: OrgUnit = Field(description="被评议部门（org_unit）")
    kind: ReferenceKind = Field(
        description="类别：inspection_tour 巡察情况、routine_supervision 日常监督信息、other 其他"
    )
    text: Text = Field(description="参考信息内容")


class RecordActivity(Strict):
    """一听取三核查五征求: one activity of a team on one department, with the problems it found."""

    unit: OrgUnit = Field(description="被评议部门（org_unit）")
    kind: ActivityKind = Field(
        description="活动：hearing 听取工作汇报、records_check 核查工作资料、hotline_check 核查12345热线投诉办理、"
        "site_check 核查工作落实现场、opinions 征求意见、other 其他调研活动"
    )
    held_on: Day = Field(description="活动日期（不晚于今天）")
    summary: Text = Field(description="活动情况")
    findings: list[Annotated[str, Field(min_length=1, max_length=BODY_MAX)]] = Field(
        default_factory=list, max_length=FINDINGS_MAX, description="发现的问题，每条一项"
    )
    opinion_group: OpinionGroup | Literal[""] = Field(
        "",
        description="征求意见对象（仅 opinions 填写）：middle_cadres 部门中层以上干部、related_units 相关联单位、"
        "service_objects 服务对象、township_leaders 镇街主要领导、conduct_supervisors 纪律和行风监督部门",
    )
    station_present: bool = Field(False, description="派驻纪检监察组是否参加")


class BallotTerms(Strict):
    """How a ballot session is voted: mode, the deputies present, the warning line, the deadline."""

    mode: Mode = Field("grades", description="测评方式：grades 四个等次、score 百分制")
    electorate: list[Login] = Field(
        min_length=ELECTORATE_MIN, max_length=ELECTORATE_MAX, description="参加测评（出席会议）的代表的登录账号标识"
    )
    threshold_percent: int = Field(
        THRESHOLD_PERCENT, ge=0, le=100, description="满意率警示线（百分比），低于此线的测评对象予以标示"
    )
    closes_at: Deadline = None


class AppraisalBallot(BallotTerms):
    """The campaign's satisfaction ballot: every department of the campaign is on it."""

    title: Name = Field(description="测评名称")


class CampaignCancellation(Strict):
    reason: Reason


# --- 无记名测评: ballot sessions --------------------------------------------------------------------------


class SubjectInput(Strict):
    ref: Annotated[str, Field(min_length=1, max_length=ID_MAX)] = Field(
        description="测评对象：部门的 org_unit，或民生实事项目的编号"
    )
    name: Name = Field(description="测评对象名称（选票上的写法）")


class SessionPlan(BallotTerms):
    """A ballot session (e.g. a livelihood project's year-end satisfaction ballot): what is graded, how, by whom."""

    title: Name = Field(description="测评名称")
    purpose: Purpose = Field(
        description="类别：appraisal 部门工作评议、project_satisfaction 民生实事满意度测评、other 其他测评"
    )
    subject_kind: SubjectKind = Field(description="测评对象类别：department 部门、project 民生实事项目")
    subjects: list[SubjectInput] = Field(
        min_length=1, max_length=DEPARTMENTS_MAX, description="测评对象（选票上的顺序）"
    )
    campaign_id: Annotated[str, Field(max_length=ID_MAX, pattern=r"^[A-Za-z0-9_-]*$")] = Field(
        "", description="所属评议或其他记录的编号；无则不填"
    )


class Mark(Strict):
    ref: Annotated[str, Field(min_length=1, max_length=ID_MAX)] = Field(description="测评对象（选票上的 ref）")
    grade: Grade | Literal[""] = Field("", description=f"四个等次的测评：{GRADES}")
    score: int | None = Field(None, ge=0, le=SCORE_MAX, description="百分制的测评：0 至 100 的整数")


class CastBallot(Strict):
    """A deputy's secret ballot: every subject of the session once. Nothing ties it to the voter."""

    marks: list[Mark] = Field(min_length=1, max_length=DEPARTMENTS_MAX, description="对每个测评对象的评价")


class SessionCancellation(Strict):
    reason: Reason


# --- 整改台账: the rectification ledger -------------------------------------------------------------------


class ItemContent(Strict):
    """What the raising body asks of the responsible unit; due in 3 months unless ``months`` or ``due_on``."""

    unit: str = Field(
        min_length=1,
        max_length=ORG_UNIT_MAX,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="责任单位标识（org_unit）",
    )
    unit_name: Name = Field(description="责任单位名称")
    problem: Text = Field(description="存在的问题")
    required_measures: str = Field("", max_length=BODY_MAX, description="整改要求；可不填，由责任单位的整改方案说明")
    unit_kind: UnitKind = Field(
        "department", description="责任单位类别：department 政府部门、court 法院、procuratorate 检察院"
    )
    months: Months = Field(None, description="整改期限（月，1 至 24）；与 due_on 只填其一，都不填为 3 个月")
    due_on: OptionalDay = Field(None, description="整改期限（北京时间的日期）；与 months 只填其一")


class RaiseItem(Strict):
    """A rectification item, raised in the name of the caller's body (人大常委会、纪委监委或市政府)."""

    source: Source = Field(
        description="问题来源：appraisal 工作评议、project_inspection 民生实事视察、case_review_opinion 案件评查意见、"
        "manual 其他（手工录入）"
    )
    source_ref: str = Field(
        "",
        max_length=SOURCE_REF_MAX,
        pattern=r"^([A-Za-z0-9][A-Za-z0-9._:/#-]*)?$",
        description="来源编号（评议、视察或评查意见的编号）；手工录入的可不填",
    )
    content: ItemContent


class ItemWithdrawal(Strict):
    reason: Reason


class DeclarePlan(Strict):
    """The unit's rectification plan (整改方案) and who answers for it."""

    measures: Text = Field(description="整改措施")
    leader: str = Field(min_length=1, max_length=PERSON_MAX, description="责任领导")
    person: str = Field(min_length=1, max_length=PERSON_MAX, description="具体责任人")
    target: str = Field("", max_length=BODY_MAX, description="整改目标")


class ReportRectification(Strict):
    kind: ReportKind = Field(description="报告类别：progress 进展报告、final 整改完成报告")
    text: Text = Field(description="整改情况")
    measures_taken: str = Field("", max_length=BODY_MAX, description="已采取的整改措施（整改完成报告必填）")


class CloseOutItem(Strict):
    """销号测评: 不满意 reopens the item (with the reason in ``note``, and a new due date if given)."""

    grade: Grade = Field(description=f"销号测评结果：{GRADES}（不满意则重新整改）")
    note: str = Field("", max_length=TEXT_MAX, description="意见；不满意时必填（重新整改的理由）")
    months: Months = Field(None, description="重新整改的期限（月）；仅不满意时可填")
    due_on: OptionalDay = Field(None, description="重新整改的期限（日期）；仅不满意时可填")


class AddFollowUp(Strict):
    """回头看 after the close-out; ``relapsed`` reopens the item (3 months unless a due date is given)."""

    note: str = Field(min_length=1, max_length=TEXT_MAX, description="回头看情况")
    relapsed: bool = Field(False, description="问题是否反弹（反弹则重新整改）")
    months: Months = Field(None, description="重新整改的期限（月）；仅反弹时可填")
    due_on: OptionalDay = Field(None, description="重新整改的期限（日期）；仅反弹时可填")


# --- answers: the service's read models, passed on --------------------------------------------------------


def sheets_response(message: pb.ListResponse) -> Response:
    """``{"sheets": [...]}``: the six lists, each sheet's JSON as the service wrote it."""
    return Response(content='{"sheets":[' + ",".join(message.items) + "]}", media_type="application/json")
