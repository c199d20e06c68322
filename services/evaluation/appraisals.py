"""部门工作联评 — the yearly appraisal campaign (工作评议) over government departments.

Lianjiang appraises every department every year ("每年述、评全部"): appraisal teams (评议调研组), each led by
a vice chairman of the standing committee with committee members and deputies who know the departments,
carry out "一听取三核查五征求" — hear each department's report; check its records, its 12345 hotline
complaints and the sites of its key work and of the suggestions it handles; and collect the opinions of
five groups (its middle-level cadres, related units, those it serves, township leaders, and the
discipline and conduct supervisors). Huangshi adds the discipline commission: before the appraisal it
files its inspection-tour (巡察) and routine-supervision (日常监督) information on each department, for
the appraisal team and the discipline roles only; during it, the station takes part in every step and the
ballot; after it, the results go to the commission and each department rectifies within 3 months.

Life of a campaign (``CAMPAIGN_STATES``): *draft* (departments and teams named) → *under way* (references,
activities, findings; the ballot session is linked) → *results published* (the ballot's ranking recorded,
at once: "评议结果现场公布") → *concluded* (each department's rectification items raised and linked);
a campaign not yet published can be cancelled with a reason.

Suggestion-handling figures per department (``SuggestionFigures``) are not typed in: they are counted
from the suggestions service's events (``suggestion_figures``) by the year of the event in Beijing.

Who sees what. Organizers and congress leaders see the campaign; a team member sees it and its own
departments' activities; the station and the commission see it all; a department sees its own results,
findings and rectification items once the results are published; the references are visible to the
discipline roles and the members of the team that appraises that department, and to nobody else — not
even the organizers who are not on that team.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from services.evaluation.ballots import THRESHOLD_PERCENT, Mode, Purpose, SessionPlan, SubjectInput, SubjectKind
from services.evaluation.domain import (
    BODY_MAX,
    DEPARTMENTS_MAX,
    ID_MAX,
    NAME_MAX,
    ORG_UNIT_MAX,
    SHANGHAI,
    Event,
    StateTable,
    View,
    as_utc,
    checked_text,
    is_congress_staff,
    is_discipline,
    is_organizer,
    require_organizer,
)
from wulian.kit.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

TEAMS_MAX = 20
TEAM_MEMBERS_MAX = 50
FINDINGS_MAX = 50
REFERENCES_MAX = 100
YEARS = (2000, 2100)


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    UNDER_WAY = "under_way"
    RESULTS_PUBLISHED = "results_published"
    CONCLUDED = "concluded"
    CANCELLED = "cancelled"


class CampaignAction(StrEnum):
    EDIT = "edit"
    START = "start"
    FILE_REFERENCE = "file_reference"
    RECORD_ACTIVITY = "record_activity"
    LINK_BALLOT = "link_ballot"
    PUBLISH_RESULTS = "publish_results"
    LINK_RECTIFICATION = "link_rectification"
    CONCLUDE = "conclude"
    CANCEL = "cancel"


S = CampaignStatus
CAMPAIGN_STATES: StateTable[CampaignStatus, CampaignAction] = StateTable(
    allowed={
        CampaignAction.EDIT: frozenset({S.DRAFT}),
        CampaignAction.START: frozenset({S.DRAFT}),
        CampaignAction.FILE_REFERENCE: frozenset({S.DRAFT, S.UNDER_WAY}),
        CampaignAction.RECORD_ACTIVITY: frozenset({S.UNDER_WAY}),
        CampaignAction.LINK_BALLOT: frozenset({S.UNDER_WAY}),
        CampaignAction.PUBLISH_RESULTS: frozenset({S.UNDER_WAY}),
        CampaignAction.LINK_RECTIFICATION: frozenset({S.RESULTS_PUBLISHED}),
        CampaignAction.CONCLUDE: frozenset({S.RESULTS_PUBLISHED}),
        CampaignAction.CANCEL: frozenset({S.DRAFT, S.UNDER_WAY}),
    },
    phrases={
        S.DRAFT: "评议工作尚在筹备",
        S.UNDER_WAY: "评议工作正在进行",
        S.RESULTS_PUBLISHED: "评议结果已公布",
        S.CONCLUDED: "评议工作已结束",
        S.CANCELLED: "评议工作已取消",
    },
    action_labels={
        CampaignAction.EDIT: "修改评议方案",
        CampaignAction.START: "启动评议",
        CampaignAction.FILE_REFERENCE: "提供参考信息",
        CampaignAction.RECORD_ACTIVITY: "登记评议活动",
        CampaignAction.LINK_BALLOT: "关联满意度测评",
        CampaignAction.PUBLISH_RESULTS: "公布评议结果",
        CampaignAction.LINK_RECTIFICATION: "交办整改事项",
        CampaignAction.CONCLUDE: "结束评议",
        CampaignAction.CANCEL: "取消评议",
    },
)
CAMPAIGN_STATUS_LABELS: dict[CampaignStatus, str] = {
    S.DRAFT: "筹备中",
    S.UNDER_WAY: "评议中",
    S.RESULTS_PUBLISHED: "结果已公布",
    S.CONCLUDED: "已结束",
    S.CANCELLED: "已取消",
}


class ActivityKind(StrEnum):
    """一听取三核查五征求."""

    HEARING = "hearing"  # 听取工作汇报
    RECORDS_CHECK = "records_check"  # 核查工作资料
    HOTLINE_CHECK = "hotline_check"  # 核查12345热线投诉及办结情况
    SITE_CHECK = "site_check"  # 核查“三重”工作和议案建议落实现场
    OPINIONS = "opinions"  # 征求意见 (of one of the five groups)
    OTHER = "other"  # 调研座谈、约见询问等


ACTIVITY_LABELS: dict[ActivityKind, str] = {
    ActivityKind.HEARING: "听取工作汇报",
    ActivityKind.RECORDS_CHECK: "核查工作资料",
    ActivityKind.HOTLINE_CHECK: "核查12345热线投诉办理",
    ActivityKind.SITE_CHECK: "核查工作落实现场",
    ActivityKind.OPINIONS: "征求意见",
    ActivityKind.OTHER: "其他调研活动",
}


class OpinionGroup(StrEnum):
    """The five groups whose opinions are collected (五征求)."""

    MIDDLE_CADRES = "middle_cadres"  # 被评议部门中层以上干部
    RELATED_UNITS = "related_units"  # 相关联的单位
    SERVICE_OBJECTS = "service_objects"  # 服务对象
    TOWNSHIP_LEADERS = "township_leaders"  # 各镇街主要领导
    CONDUCT_SUPERVISORS = "conduct_supervisors"  # 纪律和行风监督部门


OPINION_GROUP_LABELS: dict[OpinionGroup, str] = {
    OpinionGroup.MIDDLE_CADRES: "部门中层以上干部",
    OpinionGroup.RELATED_UNITS: "相关联单位",
    OpinionGroup.SERVICE_OBJECTS: "服务对象",
    OpinionGroup.TOWNSHIP_LEADERS: "镇街主要领导",
    OpinionGroup.CONDUCT_SUPERVISORS: "纪律和行风监督部门",
}


class ReferenceKind(StrEnum):
    INSPECTION_TOUR = "inspection_tour"  # 巡察情况
    ROUTINE_SUPERVISION = "routine_supervision"  # 日常监督信息
    OTHER = "other"


REFERENCE_LABELS: dict[ReferenceKind, str] = {
    ReferenceKind.INSPECTION_TOUR: "巡察情况",
    ReferenceKind.ROUTINE_SUPERVISION: "日常监督信息",
    ReferenceKind.OTHER: "其他参考信息",
}


# --- commands ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DepartmentInput:
    unit: str  # org_unit
    name: str


@dataclass(frozen=True, slots=True)
class TeamInput:
    name: str  # 第一评议调研组
    leader_subject: str
    leader_name: str
    member_subjects: tuple[str, ...]
    units: tuple[str, ...]  # the departments it appraises


@dataclass(frozen=True, slots=True)
class CampaignPlan:
    year: int
    name: str
    departments: tuple[DepartmentInput, ...]
    teams: tuple[TeamInput, ...]


@dataclass(frozen=True, slots=True)
class AppraisalBallot:
    """The campaign's satisfaction ballot (满意度测评): every department of the campaign on it, graded
    (``mode`` "grades") or scored ("score") by ``electorate``, the logins of the deputies present."""

    title: str
    electorate: tuple[str, ...]
    mode: str = Mode.GRADES.value
    threshold_percent: int = THRESHOLD_PERCENT
    closes_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FileReference:
    unit: str
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class RecordActivity:
    unit: str
    kind: str
    held_on: date
    summary: str
    findings: tuple[str, ...] = ()
    opinion_group: str = ""  # for kind "opinions"
    station_present: bool = False  # the station took part (全程参与)


@dataclass(frozen=True, slots=True)
class PublishResults:
    """The ballot session's result, as it closed: per department its rank, satisfaction rate (0–1) and
    whether it fell below the threshold."""

    ballot_session_id: str
    units: tuple[str, ...]
    ranks: tuple[int, ...]
    rates: tuple[float, ...]
    below_threshold: tuple[bool, ...]


# --- the aggregate ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Department:
    unit: str
    name: str


@dataclass(frozen=True, slots=True)
class Team:
    name: str
    leader_subject: str
    leader_name: str
    member_subjects: tuple[str, ...]
    units: tuple[str, ...]

    @property
    def members(self) -> frozenset[str]:
        return frozenset((self.leader_subject, *self.member_subjects))


@dataclass(frozen=True, slots=True)
class Reference:
    no: int
    unit: str
    kind: ReferenceKind
    text: str
    filed_by: str
    filed_at: datetime


@dataclass(frozen=True, slots=True)
class Activity:
    no: int
    unit: str
    kind: ActivityKind
    held_on: date
    summary: str
    findings: tuple[str, ...]
    opinion_group: OpinionGroup | None
    station_present: bool
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class Result:
    unit: str
    rank: int
    rate: float
    below_threshold: bool


@dataclass(frozen=True, slots=True)
class CampaignEvent(Event):
    aggregate = "appraisal"
    appraisal_id: str
    occurred_at: datetime
    units: tuple[str, ...] = ()

    @property
    def aggregate_id(self) -> str:
        return self.appraisal_id

    def audience(self) -> list[str]:
        """The congress's staff and the discipline roles; the departments learn of results and items."""
        staff = ["role:congress_clerk", "role:congress_committee", "role:congress_leader"]
        return [*staff, "role:discipline_commission", "role:discipline_station"]


@dataclass(frozen=True, slots=True)
class CampaignCreated(CampaignEvent):
    name = "created"


@dataclass(frozen=True, slots=True)
class CampaignStarted(CampaignEvent):
    name = "started"

    def audience(self) -> list[str]:
        return [*CampaignEvent.audience(self), *(f"org_unit:{u}" for u in self.units)]


@dataclass(frozen=True, slots=True)
class ReferenceFiled(CampaignEvent):
    """To the discipline roles only: that information exists is itself theirs and the team's."""

    name = "reference_filed"

    def audience(self) -> list[str]:
        return ["role:discipline_commission", "role:discipline_station"]


@dataclass(frozen=True, slots=True)
class ActivityRecorded(CampaignEvent):
    name = "activity_recorded"
    kind: str = ""


@dataclass(frozen=True, slots=True)
class BallotLinked(CampaignEvent):
    name = "ballot_linked"
    ballot_session_id: str = ""


@dataclass(frozen=True, slots=True)
class ResultsPublished(CampaignEvent):
    """The ranking, to everyone concerned and to the discipline commission (评议成果与市纪委共享)."""

    name = "results_published"
    ranks: tuple[int, ...] = ()
    below_threshold: tuple[bool, ...] = ()

    def audience(self) -> list[str]:
        return [*CampaignEvent.audience(self), "role:gov_supervision_office", *(f"org_unit:{u}" for u in self.units)]


@dataclass(frozen=True, slots=True)
class RectificationLinked(CampaignEvent):
    name = "rectification_linked"
    item_id: str = ""

    def audience(self) -> list[str]:
        return [*CampaignEvent.audience(self), *(f"org_unit:{u}" for u in self.units)]


@dataclass(frozen=True, slots=True)
class CampaignConcluded(CampaignEvent):
    name = "concluded"


@dataclass(frozen=True, slots=True)
class CampaignCancelled(CampaignEvent):
    name = "cancelled"


def _plan(command: CampaignPlan) -> tuple[int, str, tuple[Department, ...], tuple[Team, ...]]:
    problems = Problems()
    year = command.year
    if isinstance(year, bool) or not isinstance(year, int) or not YEARS[0] <= year <= YEARS[1]:
        problems.add("year", f"评议年度应为 {YEARS[0]} 至 {YEARS[1]} 之间的年份")
    name = problems.text("name", command.name, "评议名称", limit=NAME_MAX)
    departments: list[Department] = []
    if not command.departments:
        problems.add("departments", "至少要有一个被评议部门")
    elif len(command.departments) > DEPARTMENTS_MAX:
        problems.add("departments", f"被评议部门不能超过 {DEPARTMENTS_MAX} 个")
    for i, d in enumerate(command.departments[:DEPARTMENTS_MAX]):
        unit = problems.text(f"departments.{i}.unit", d.unit, "部门编码", limit=ORG_UNIT_MAX)
        dept_name = problems.text(f"departments.{i}.name", d.name, "部门名称", limit=NAME_MAX)
        if unit and any(x.unit == unit for x in departments):
            problems.add(f"departments.{i}.unit", f"部门 {unit} 重复")
        departments.append(Department(unit, dept_name))
    known = {d.unit for d in departments}
    teams: list[Team] = []
    assigned: dict[str, str] = {}
    if len(command.teams) > TEAMS_MAX:
        problems.add("teams", f"评议调研组不能超过 {TEAMS_MAX} 个")
    for i, t in enumerate(command.teams[:TEAMS_MAX]):
        where = f"teams.{i}"
        team_name = problems.text(f"{where}.name", t.name, "评议调研组名称", limit=NAME_MAX)
        leader = problems.text(f"{where}.leader_subject", t.leader_subject, "组长", limit=ID_MAX)
        leader_name = problems.text(f"{where}.leader_name", t.leader_name, "组长姓名", limit=NAME_MAX)
        members = tuple(dict.fromkeys(m.strip() for m in t.member_subjects if m.strip()))
        if len(members) > TEAM_MEMBERS_MAX or any(len(m) > ID_MAX for m in members):
            problems.add(
                f"{where}.member_subjects", f"组员不能超过 {TEAM_MEMBERS_MAX} 人，账号不能超过 {ID_MAX} 个字符"
            )
        units = tuple(dict.fromkeys(u.strip() for u in t.units))
        if not units:
            problems.add(f"{where}.units", "评议调研组至少联系一个被评议部门")
        for unit in units:
            if unit not in known:
                problems.add(f"{where}.units", f"部门 {unit} 不在被评议部门中")
            elif unit in assigned:
                problems.add(f"{where}.units", f"部门 {unit} 已由{assigned[unit]}联系")
            else:
                assigned[unit] = team_name
        teams.append(Team(team_name, leader, leader_name, members, units))
    if departments and teams and (unassigned := sorted(known - set(assigned))):
        problems.add("teams", f"部门 {'、'.join(unassigned)} 没有评议调研组联系")
    problems.raise_if_any("评议方案未通过校验")
    return year, name, tuple(departments), tuple(teams)


@dataclass(eq=False)
class Campaign:
    id: str
    year: int
    name: str
    departments: tuple[Department, ...]
    teams: tuple[Team, ...]
    created_by: str
    created_at: datetime
    status: CampaignStatus = CampaignStatus.DRAFT
    references: list[Reference] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    ballot_session_id: str = ""
    results: tuple[Result, ...] = ()
    published_at: datetime | None = None
    rectification_items: dict[str, list[str]] = field(default_factory=dict)  # unit → item ids
    cancel_reason: str = ""
    events: list[CampaignEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, campaign_id: str, principal: Principal, command: CampaignPlan, now: datetime) -> Campaign:
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织工作评议")
        year, name, departments, teams = _plan(command)
        campaign = cls(campaign_id, year, name, departments, teams, principal.subject, now)
        campaign.events.append(CampaignCreated(campaign_id, now, campaign.units))
        return campaign

    def edit(self, principal: Principal, command: CampaignPlan, now: datetime) -> None:
        CAMPAIGN_STATES.ensure(CampaignAction.EDIT, self.status)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以修改评议方案")
        self.year, self.name, self.departments, self.teams = _plan(command)

    def start(self, principal: Principal, now: datetime) -> None:
        CAMPAIGN_STATES.ensure(CampaignAction.START, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以启动评议")
        if not self.teams:
            raise Conflict("评议方案尚未组建评议调研组，不能启动评议")
        self.status = CampaignStatus.UNDER_WAY
        self.events.append(CampaignStarted(self.id, now, self.units))

    # --- before: the discipline commission's reference information --------------------------------

    def file_reference(self, principal: Principal, command: FileReference, now: datetime) -> Reference:
        CAMPAIGN_STATES.ensure(CampaignAction.FILE_REFERENCE, self.status)
        now = as_utc(now)
        if "discipline_commission" not in principal.roles:
            raise PermissionDenied("只有纪委监委可以提供被评议部门的巡察和日常监督信息")
        problems = Problems()
        unit = self._known_unit(problems, command.unit)
        kind = problems.choice("kind", command.kind, ReferenceKind, "参考信息类别")
        text = problems.text("text", command.text, "参考信息内容", limit=BODY_MAX)
        if len(self.references) >= REFERENCES_MAX:
            problems.add("unit", f"参考信息不能超过 {REFERENCES_MAX} 条")
        problems.raise_if_any("参考信息未通过校验")
        assert kind is not None
        reference = Reference(len(self.references) + 1, unit, kind, text, principal.subject, now)
        self.references.append(reference)
        self.events.append(ReferenceFiled(self.id, now, (unit,)))
        return reference

    # --- during: activities and findings ------------------------------------------------------------

    def record_activity(self, principal: Principal, command: RecordActivity, now: datetime) -> Activity:
        CAMPAIGN_STATES.ensure(CampaignAction.RECORD_ACTIVITY, self.status)
        now = as_utc(now)
        problems = Problems()
        unit = self._known_unit(problems, command.unit)
        if unit and not (is_organizer(principal) or principal.subject in self.team_of(unit).members):
            raise PermissionDenied("只有组织人员和联系该部门的评议调研组成员可以登记评议活动")
        kind = problems.choice("kind", command.kind, ActivityKind, "活动类别")
        group: OpinionGroup | None = None
        if kind is ActivityKind.OPINIONS:
            group = problems.choice("opinion_group", command.opinion_group, OpinionGroup, "征求意见对象")
        elif command.opinion_group.strip():
            problems.add("opinion_group", "只有征求意见活动需要填写征求意见对象")
        today = now.astimezone(SHANGHAI).date()
        if not isinstance(command.held_on, date) or command.held_on > today:
            problems.add("held_on", "活动日期不能晚于今天")
        summary = problems.text("summary", command.summary, "活动情况", limit=BODY_MAX)
        findings = tuple(f.strip() for f in command.findings if f.strip())
        if len(findings) > FINDINGS_MAX or any(len(f) > BODY_MAX for f in findings):
            problems.add("findings", f"发现的问题不能超过 {FINDINGS_MAX} 条，每条不能超过 {BODY_MAX} 个字")
        problems.raise_if_any("评议活动未通过校验")
        assert kind is not None
        activity = Activity(
            len(self.activities) + 1, unit, kind, command.held_on, summary, findings, group,
            command.station_present, principal.subject, now,
        )  # fmt: skip
        self.activities.append(activity)
        self.events.append(ActivityRecorded(self.id, now, (unit,), kind.value))
        return activity

    def link_ballot(self, principal: Principal, ballot_session_id: str, now: datetime) -> None:
        CAMPAIGN_STATES.ensure(CampaignAction.LINK_BALLOT, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以组织满意度测评")
        session_id = checked_text("ballot_session_id", ballot_session_id, "测评场次", limit=ID_MAX)
        if self.ballot_session_id and self.ballot_session_id != session_id:
            raise Conflict("本次评议已关联满意度测评场次")
        self.ballot_session_id = session_id
        self.events.append(BallotLinked(self.id, now, self.units, session_id))

    # --- after: results and rectification -----------------------------------------------------------

    def publish_results(self, command: PublishResults, now: datetime) -> None:
        """The linked ballot session closed: its ranking is the campaign's result, published at once."""
        CAMPAIGN_STATES.ensure(CampaignAction.PUBLISH_RESULTS, self.status)
        now = as_utc(now)
        if not self.ballot_session_id or command.ballot_session_id != self.ballot_session_id:
            raise Conflict("该测评场次不是本次评议的满意度测评")
        lengths = {len(command.units), len(command.ranks), len(command.rates), len(command.below_threshold)}
        if len(lengths) != 1 or set(command.units) != set(self.units) or len(command.units) != len(self.units):
            raise InvalidArgument("测评结果与被评议部门不符")
        self.results = tuple(
            sorted(
                (Result(u, r, rate, b) for u, r, rate, b in zip(command.units, command.ranks, command.rates,
                                                                 command.below_threshold, strict=True)),
                key=lambda x: (x.rank, x.unit),
            )
        )  # fmt: skip
        self.status, self.published_at = CampaignStatus.RESULTS_PUBLISHED, now
        ranked = tuple(r.unit for r in self.results)
        below = tuple(r.below_threshold for r in self.results)
        self.events.append(ResultsPublished(self.id, now, ranked, tuple(r.rank for r in self.results), below))

    def link_rectification(self, unit: str, item_id: str, now: datetime) -> None:
        """A rectification item raised for ``unit`` (in the ledger) belongs to this campaign."""
        CAMPAIGN_STATES.ensure(CampaignAction.LINK_RECTIFICATION, self.status)
        now = as_utc(now)
        if unit not in self.units:
            raise NotFound(f"部门 {unit} 不在本次评议中")
        items = self.rectification_items.setdefault(unit, [])
        if item_id not in items:
            items.append(item_id)
            self.events.append(RectificationLinked(self.id, now, (unit,), item_id))

    def conclude(self, principal: Principal, now: datetime) -> None:
        CAMPAIGN_STATES.ensure(CampaignAction.CONCLUDE, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以结束评议")
        self.status = CampaignStatus.CONCLUDED
        self.events.append(CampaignConcluded(self.id, now, self.units))

    def cancel(self, principal: Principal, reason: str, now: datetime) -> None:
        CAMPAIGN_STATES.ensure(CampaignAction.CANCEL, self.status)
        now = as_utc(now)
        require_organizer(principal, message="只有人大常委会联络人员或专（工）委可以取消评议")
        self.cancel_reason = checked_text("reason", reason, "取消的理由")
        self.status = CampaignStatus.CANCELLED
        self.events.append(CampaignCancelled(self.id, now, self.units))

    # --- queries ------------------------------------------------------------------------------------

    @property
    def units(self) -> tuple[str, ...]:
        return tuple(d.unit for d in self.departments)

    def team_of(self, unit: str) -> Team:
        team = next((t for t in self.teams if unit in t.units), None)
        if team is None:
            raise NotFound(f"部门 {unit} 没有评议调研组联系")
        return team

    def team_member(self, principal: Principal) -> bool:
        return any(principal.subject in t.members for t in self.teams)

    def sees_references_of(self, principal: Principal, unit: str) -> bool:
        """Discipline roles, and the members of the team that appraises ``unit``: nobody else."""
        if is_discipline(principal):
            return True
        team = next((t for t in self.teams if unit in t.units), None)
        return team is not None and principal.subject in team.members

    def view_for(self, principal: Principal) -> View:
        if is_congress_staff(principal) or is_discipline(principal) or self.team_member(principal):
            return View.FULL
        if "gov_supervision_office" in principal.roles:
            return View.LIMITED
        if principal.org_unit in self.units and "gov_department" in principal.roles:
            return View.LIMITED
        if "platform_admin" in principal.roles:
            return View.COUNTS
        return View.NONE

    def _known_unit(self, problems: Problems, value: str) -> str:
        unit = value.strip()
        if unit not in self.units:
            problems.add("unit", "该部门不在本次评议范围内")
        return unit


def ballot_plan(campaign: Campaign, command: AppraisalBallot) -> SessionPlan:
    """The ballot session of ``campaign``: its departments, in the campaign's order, are the subjects."""
    return SessionPlan(
        title=command.title,
        purpose=Purpose.APPRAISAL.value,
        subject_kind=SubjectKind.DEPARTMENT.value,
        subjects=tuple(SubjectInput(d.unit, d.name) for d in campaign.departments),
        mode=command.mode,
        electorate=command.electorate,
        campaign_id=campaign.id,
        threshold_percent=command.threshold_percent,
        closes_at=command.closes_at,
    )


# --- what a caller sees -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CampaignView:
    id: str
    year: int
    name: str
    status: CampaignStatus
    status_label: str
    departments: tuple[Department, ...]
    teams: tuple[Team, ...]
    references: tuple[Reference, ...]  # only those the caller may see
    activities: tuple[Activity, ...]
    ballot_session_id: str
    results: tuple[Result, ...]
    published_at: datetime | None
    rectification_items: dict[str, tuple[str, ...]]
    cancel_reason: str


def campaign_view(campaign: Campaign, principal: Principal) -> CampaignView:
    """The campaign as ``principal`` may see it: a department its own activities, result and items once
    published, and never a reference; the references to the discipline roles and each department's team."""
    view = campaign.view_for(principal)
    if view < View.LIMITED:
        raise NotFound("未找到该评议")
    own = principal.org_unit if view is View.LIMITED and "gov_department" in principal.roles else ""
    published = campaign.status in (CampaignStatus.RESULTS_PUBLISHED, CampaignStatus.CONCLUDED)

    def mine(unit: str) -> bool:
        return not own or unit == own

    return CampaignView(
        id=campaign.id,
        year=campaign.year,
        name=campaign.name,
        status=campaign.status,
        status_label=CAMPAIGN_STATUS_LABELS[campaign.status],
        departments=tuple(d for d in campaign.departments if mine(d.unit)),
        teams=campaign.teams if view is View.FULL else (),
        references=tuple(r for r in campaign.references if campaign.sees_references_of(principal, r.unit)),
        activities=tuple(a for a in campaign.activities if mine(a.unit)) if (view is View.FULL or published) else (),
        ballot_session_id=campaign.ballot_session_id,
        results=tuple(r for r in campaign.results if mine(r.unit)) if published else (),
        published_at=campaign.published_at,
        rectification_items={u: tuple(ids) for u, ids in campaign.rectification_items.items() if mine(u)},
        cancel_reason=campaign.cancel_reason,
    )


# --- suggestion-handling figures per department, from the suggestions service's events ---------------


@dataclass(frozen=True, slots=True)
class SuggestionFigures:
    """How a department handled deputies' suggestions in a year (代表建议办理情况), counted from events."""

    assigned: int = 0  # as lead or co-unit, when the assignment was confirmed
    as_lead: int = 0
    contacted: int = 0
    contacted_within_48h: int = 0
    replied: int = 0  # replies as lead unit (each round)
    replied_on_time: int = 0
    satisfied: int = 0  # the deputy's overall verdict on the lead unit's handling
    basically_satisfied: int = 0
    dissatisfied: int = 0
    contact_overdue: int = 0
    reply_overdue: int = 0

    @property
    def satisfaction_rate(self) -> float | None:
        verdicts = self.satisfied + self.basically_satisfied + self.dissatisfied
        return None if not verdicts else (self.satisfied + self.basically_satisfied) / verdicts


SUGGESTION_EVENTS = frozenset(
    {"assigned", "contact_recorded", "replied", "evaluated", "contact_overdue", "reply_overdue"}
)


def suggestion_event_units(name: str, fields: Mapping[str, object]) -> dict[str, dict[str, int]]:
    """The increments one suggestions event makes, per department: ``name`` is the event's name
    (``wulian.suggestions.suggestion.<name>``) and ``fields`` its message's fields by name."""

    def text(key: str) -> str:
        return str(fields.get(key) or "")

    def units(key: str) -> Sequence[str]:
        value = fields.get(key) or ()
        return [str(u) for u in value] if isinstance(value, Iterable) and not isinstance(value, str) else []

    out: dict[str, dict[str, int]] = {}

    def add(unit: str, **counts: int) -> None:
        if unit:
            row = out.setdefault(unit, {})
            for key, n in counts.items():
                row[key] = row.get(key, 0) + n

    if name == "assigned":  # published when the supervision office confirms the assignment
        add(text("lead_unit"), assigned=1, as_lead=1)
        for unit in units("co_units"):
            add(unit, assigned=1)
    elif name == "contact_recorded":
        add(text("unit"), contacted=1, contacted_within_48h=int(bool(fields.get("within_48h"))))
    elif name == "replied":
        add(text("unit"), replied=1, replied_on_time=int(bool(fields.get("on_time"))))
    elif name == "evaluated":
        verdict = text("overall")
        if verdict in ("satisfied", "basically_satisfied", "dissatisfied"):
            add(text("lead_unit"), **{verdict: 1})
    elif name == "contact_overdue":
        add(text("unit"), contact_overdue=1)
    elif name == "reply_overdue":
        add(text("lead_unit"), reply_overdue=1)
    return out


def add_figures(figures: SuggestionFigures, increments: Mapping[str, int]) -> SuggestionFigures:
    unknown = set(increments) - set(SuggestionFigures.__slots__)
    if unknown:
        raise InvalidArgument(f"未知的建议办理统计项：{'、'.join(sorted(unknown))}")
    return replace(figures, **{k: getattr(figures, k) + n for k, n in increments.items()})


def beijing_year(moment: datetime) -> int:
    return as_utc(moment).astimezone(SHANGHAI).year
