"""民生实事联督 — livelihood projects: the candidates, the deputies' project vote (票决), the year's projects with
their quantified targets and milestones, the departments' progress, joint inspections, and the link to the
year-end satisfaction ballot. Pure: the standard library, the kit's pure modules and ``domain`` only.

Candidates (候选项目). The organizers collect candidates for a year from three sources — Jiangbei's 三单机制,
"通过基层实地调研、人大代表建议、网络舆情等渠道征集民意，群众'点单'": a government proposal, deputies' suggestions,
public solicitation. A candidate names the department proposed as responsible and its quantified targets
(name, unit of measure, planned quantity, milestones). It is added, edited and withdrawn while the year's vote
has not opened; opening the vote puts every candidate of the year on the ballot (``put_on_ballot``), which
freezes it; cancelling an open vote releases them; the close decides them (elected or not; a candidate in a
run-off stays on the ballot until its run-off decides it).

The project vote (票决): a year, N places (Jiangbei: 13 of 20 candidates, 213 deputies present), the electorate
(the deputies present, by login) and the candidate list, fixed when the vote opens. Draft → open → closed, or
cancelled with a reason (from draft or open). The list must hold more candidates than places (差额票决: a vote
with as many candidates as places decides nothing).

Ballot. A deputy of the electorate picks at least 1 and at most N distinct candidates. No blank ballot: the
seed's deputies "通过票决，选出" projects, on an electronic voting system (区人代会启用……电子表决系统) where
abstaining is not pressing — a deputy who picks nothing does not cast, and the turnout shows it.

Secrecy, as in the ballot sessions. This module keeps no ballot, no voter of a ballot and no time of one:
``cast`` takes no clock and returns a ``Receipt`` (vote id and voter — the storage layer's one-per-voter unique
key, kept apart from the counts) and a ``PickDelta`` (the vote id and +1 for each picked candidate, in the
list's order, whatever order they were ticked in). The storage layer adds the delta to per-candidate counters
in the receipt's transaction and hands the counters back as a ``Tally`` at close. Nobody sees a count before
the close ("投票结束前不公布结果"): there is none in the aggregate until then.

Who is elected (``elect``). The seed says only "213名参会代表通过票决，选出了13个……根据20个候选项目'定单'13项"
— no threshold and no tie rule. So: candidates are ranked by votes and the top N are elected; no majority
threshold is added (one the seed does not state could leave the year short of projects). A tie that straddles
the N-th place is broken neither by chance nor by the list's order: the candidates with more votes than the
tied ones are elected, and the tied ones go to a run-off (``RunoffNeeded``: the tied ids, the places left) —
a new vote (round 2, 3, …) over those candidates only, for those places, under the same rule.

Projects (民生实事项目), made from the elected candidates (``projects_from``): the responsible department and
the targets. A milestone is a date with either a planned cumulative quantity or a named step (完成招标); its
date falls in the project's year, and quantities grow with the dates up to the plan. A target whose milestones
never reach its planned quantity gets an implied one, the plan by 31 December of the year (年度民生实事,
"当年办结"). The responsible department reports, per target, the cumulative quantity achieved as of a date, with
text, and the named steps reached; a report is never dated in the future nor before the target's last one
(a lower quantity is allowed: a correction after an inspection).

Completion, computed and exact (``Fraction``): a target's completion is achieved / planned, kept exact (620 km
of 600 is 31/30, "超额完成") and capped at 100% for display; the project's completion is the unweighted mean of
its targets' completions, each capped at 1 first — targets come in different units (公里, 套, 个), so no
weight is given by the seed or comparable across them, and capping keeps over-fulfilment of one target from
hiding the shortfall of another. A project completes when every target reaches 100%; then no more reports.

Lateness, computed: on the Beijing date, a milestone whose day has ended and that is not met (the latest
achieved quantity is below its quantity, or its step was never reported reached; a target at 100% meets all
its milestones) is late by the days since its date; a target and a project are late by their oldest unmet
milestone. Status: completed (every target 100%) / late / on_track. ``raise_due_notices`` raises
``MilestoneMissed`` once per milestone in the project's life; ``next_check_at`` tells a scheduler when to look.

Joint inspections (联合视察, Huangshi "联合调研、集中视察、现场督办"; Jiangbei "三查"): recorded by the organizers or
the discipline commission and station, with participants of both the congress and the discipline bodies; the
problems found come back as ``InspectionProblem`` values for the rectification ledger (source
``project_inspection``), raised in the name of the recorder's body, which alone closes them out.

Satisfaction. The year-end satisfaction ballot (Jiangbei: "对当年办结的民生实事项目进行了满意度测评") is a ballot
session of ``ballots``; the project only records its id (``link_satisfaction_session``).

Who sees what (deny by default). Organizers, the discipline roles and the congress's leaders see everything
(the leaders only read; the discipline roles read and inspect); a department its own candidates and projects,
and reports on its projects; deputies and the government's supervision office see candidates, votes (their own place in
the electorate, not the list) and results after the close, and the projects with their progress but not the
reports' texts nor the inspections; ``platform_admin`` counts.

Events carry ids, statuses, numbers and dates: never a title, a text, a reason, a name, nor who picked what.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from itertools import pairwise
from typing import ClassVar

from services.evaluation.domain import (
    BODY_MAX,
    ELECTORATE_MAX,
    ID_MAX,
    NAME_MAX,
    ORG_UNIT_MAX,
    SHANGHAI,
    VOTER_ROLE,
    RaisingBody,
    StateTable,
    View,
    acts_for_unit,
    as_utc,
    checked_text,
    ensure_readable,
    is_discipline,
    is_organizer,
    raising_body,
    require_organizer,
    status_counts,
)
from wulian.kit.errors import Conflict, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

YEARS = (2000, 2100)
PLACES_MAX = 100
CANDIDATES_MAX = 200
TARGETS_MAX = 20
MILESTONES_MAX = 24
UNIT_MAX = 10  # a unit of measure: 公里, 套（间）, 个
QUANTITY_MAX = Decimal(10) ** 9
QUANTITY_PLACES = 4
PARTICIPANTS_MAX = 100
PROBLEMS_MAX = 50
INSPECTION_SOURCE = "project_inspection"  # the rectification ledger's source
ORGANIZERS_ONLY = "只有人大常委会联络人员或专（工）委可以{}"
RESULTS_HIDDEN = "投票结束前不公布结果"

Quantity = int | float | Decimal | str | None
Day = date | str

# --- states ------------------------------------------------------------------------------------------------


class CandidateSource(StrEnum):
    GOVERNMENT = "government"  # 政府提出
    DEPUTIES = "deputies"  # 代表建议
    PUBLIC = "public"  # 公开征集（实地调研、网络舆情等）


CANDIDATE_SOURCE_LABELS: dict[CandidateSource, str] = {
    CandidateSource.GOVERNMENT: "政府提出",
    CandidateSource.DEPUTIES: "代表建议",
    CandidateSource.PUBLIC: "公开征集",
}


class CandidateStatus(StrEnum):
    PROPOSED = "proposed"
    ON_BALLOT = "on_ballot"
    ELECTED = "elected"
    NOT_ELECTED = "not_elected"
    WITHDRAWN = "withdrawn"


CANDIDATE_STATUS_LABELS: dict[CandidateStatus, str] = {
    CandidateStatus.PROPOSED: "候选中",
    CandidateStatus.ON_BALLOT: "票决中",
    CandidateStatus.ELECTED: "已当选",
    CandidateStatus.NOT_ELECTED: "未当选",
    CandidateStatus.WITHDRAWN: "已撤回",
}


class CandidateAction(StrEnum):
    EDIT = "edit"
    WITHDRAW = "withdraw"
    PUT_ON_BALLOT = "put_on_ballot"
    RELEASE = "release"
    DECIDE = "decide"


CANDIDATE_STATES: StateTable[CandidateStatus, CandidateAction] = StateTable(
    allowed={
        CandidateAction.EDIT: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.WITHDRAW: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.PUT_ON_BALLOT: frozenset({CandidateStatus.PROPOSED}),
        CandidateAction.RELEASE: frozenset({CandidateStatus.ON_BALLOT}),
        CandidateAction.DECIDE: frozenset({CandidateStatus.ON_BALLOT}),
    },
    phrases={
        CandidateStatus.PROPOSED: "该候选项目尚未提交票决",
        CandidateStatus.ON_BALLOT: "该候选项目已提交票决",
        CandidateStatus.ELECTED: "该候选项目已票决当选",
        CandidateStatus.NOT_ELECTED: "该候选项目未当选",
        CandidateStatus.WITHDRAWN: "该候选项目已撤回",
    },
    action_labels={
        CandidateAction.EDIT: "修改",
        CandidateAction.WITHDRAW: "撤回",
        CandidateAction.PUT_ON_BALLOT: "提交票决",
        CandidateAction.RELEASE: "退出票决",
        CandidateAction.DECIDE: "登记票决结果",
    },
)


class VoteStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


VOTE_STATUS_LABELS: dict[VoteStatus, str] = {
    VoteStatus.DRAFT: "筹备中",
    VoteStatus.OPEN: "投票中",
    VoteStatus.CLOSED: "已结束",
    VoteStatus.CANCELLED: "已取消",
}


class VoteAction(StrEnum):
    EDIT = "edit"
    OPEN = "open"
    CAST = "cast"
    CLOSE = "close"
    CANCEL = "cancel"


VOTE_STATES: StateTable[VoteStatus, VoteAction] = StateTable(
    allowed={
        VoteAction.EDIT: frozenset({VoteStatus.DRAFT}),
        VoteAction.OPEN: frozenset({VoteStatus.DRAFT}),
        VoteAction.CAST: frozenset({VoteStatus.OPEN}),
        VoteAction.CLOSE: frozenset({VoteStatus.OPEN}),
        VoteAction.CANCEL: frozenset({VoteStatus.DRAFT, VoteStatus.OPEN}),
    },
    phrases={
        VoteStatus.DRAFT: "该票决尚在筹备中",
        VoteStatus.OPEN: "该票决正在投票",
        VoteStatus.CLOSED: "该票决已结束",
        VoteStatus.CANCELLED: "该票决已取消",
    },
    action_labels={
        VoteAction.EDIT: "修改",
        VoteAction.OPEN: "开始投票",
        VoteAction.CAST: "投票",
        VoteAction.CLOSE: "结束投票",
        VoteAction.CANCEL: "取消",
    },
)


class ProjectStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


PROJECT_STATUS_LABELS: dict[ProjectStatus, str] = {
    ProjectStatus.IN_PROGRESS: "实施中",
    ProjectStatus.COMPLETED: "已完成",
}


class ProjectAction(StrEnum):
    REPORT_PROGRESS = "report_progress"
    RECORD_INSPECTION = "record_inspection"
    LINK_SATISFACTION = "link_satisfaction"


PROJECT_STATES: StateTable[ProjectStatus, ProjectAction] = StateTable(
    allowed={
        ProjectAction.REPORT_PROGRESS: frozenset({ProjectStatus.IN_PROGRESS}),
        ProjectAction.RECORD_INSPECTION: frozenset(ProjectStatus),  # 验收视察 after completion too
        ProjectAction.LINK_SATISFACTION: frozenset(ProjectStatus),
    },
    phrases={ProjectStatus.IN_PROGRESS: "该项目正在实施", ProjectStatus.COMPLETED: "该项目已完成"},
    action_labels={
        ProjectAction.REPORT_PROGRESS: "报告进度",
        ProjectAction.RECORD_INSPECTION: "记录联合视察",
        ProjectAction.LINK_SATISFACTION: "关联满意度测评",
    },
)


class Progress(StrEnum):
    """Computed, never typed: where a target or a project stands on a Beijing date."""

    ON_TRACK = "on_track"
    LATE = "late"
    COMPLETED = "completed"


PROGRESS_LABELS: dict[Progress, str] = {
    Progress.ON_TRACK: "按计划推进",
    Progress.LATE: "滞后",
    Progress.COMPLETED: "已完成",
}


class InspectionBody(StrEnum):
    CONGRESS = "congress"
    DISCIPLINE = "discipline"
    GOVERNMENT = "government"
    OTHER = "other"


INSPECTION_BODY_LABELS: dict[InspectionBody, str] = {
    InspectionBody.CONGRESS: "人大（常委会、代表）",
    InspectionBody.DISCIPLINE: "纪委监委",
    InspectionBody.GOVERNMENT: "政府部门",
    InspectionBody.OTHER: "其他（群众代表、媒体等）",
}

# --- commands: plain, frozen and unchecked, as the API hands them over -----------------------------------------


@dataclass(frozen=True, slots=True)
class MilestoneInput:
    """``due`` a date (ISO text or ``date``) in the project's year, with either ``quantity`` (planned
    cumulative) or ``step`` (a named step), not both."""

    due: Day
    quantity: Quantity = None
    step: str = ""


@dataclass(frozen=True, slots=True)
class TargetInput:
    name: str  # 农村公路提档升级
    unit: str  # 公里
    planned: Quantity  # 600
    milestones: tuple[MilestoneInput, ...] = ()


@dataclass(frozen=True, slots=True)
class CandidateDetails:
    """``department_unit`` is the org_unit of the department proposed as responsible; ``source`` a
    ``CandidateSource`` value."""

    title: str
    description: str
    department_unit: str
    department_name: str
    source: str
    targets: tuple[TargetInput, ...]


@dataclass(frozen=True, slots=True)
class AddCandidate:
    year: int
    details: CandidateDetails


@dataclass(frozen=True, slots=True)
class EditCandidate:
    details: CandidateDetails


@dataclass(frozen=True, slots=True)
class WithdrawCandidate:
    reason: str


@dataclass(frozen=True, slots=True)
class CreateVote:
    year: int
    places: int  # N: how many projects the year takes
    electorate: tuple[str, ...]  # the logins of the deputies present


@dataclass(frozen=True, slots=True)
class EditVote:
    places: int
    electorate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CreateRunoff:
    electorate: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CastPicks:
    candidate_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CancelVote:
    reason: str


@dataclass(frozen=True, slots=True)
class ReportProgress:
    """The cumulative quantity achieved on target ``target_index`` (from 0) as of ``as_of``; ``steps_reached``
    the indexes of the target's named-step milestones reached."""

    target_index: int
    achieved: Quantity
    as_of: Day
    text: str
    steps_reached: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ParticipantInput:
    body: str  # an ``InspectionBody`` value
    name: str


@dataclass(frozen=True, slots=True)
class ProblemInput:
    """A problem found; ``unit`` the org_unit responsible, "" for the project's department."""

    problem: str
    measures: str
    unit: str = ""


@dataclass(frozen=True, slots=True)
class RecordInspection:
    held_on: Day
    participants: tuple[ParticipantInput, ...]
    notes: str
    problems: tuple[ProblemInput, ...] = ()


@dataclass(frozen=True, slots=True)
class LinkSatisfactionSession:
    session_id: str


# --- events --------------------------------------------------------------------------------------------------

CLERK = "role:congress_clerk"
COMMITTEE = "role:congress_committee"
ORGANIZERS = (CLERK, COMMITTEE)
DISCIPLINE = ("role:discipline_commission", "role:discipline_station")
LEADER = "role:congress_leader"
DEPUTIES = f"role:{VOTER_ROLE}"
OFFICE = "role:gov_supervision_office"
SERVICE = "evaluation"


def org_unit(unit: str) -> str:
    return f"org_unit:{unit}"


def _watchers(unit: str) -> list[str]:
    """Who follows a candidate or a project: the organizers, the discipline roles, the leaders, its department."""
    return [*ORGANIZERS, *DISCIPLINE, LEADER, org_unit(unit)]


@dataclass(frozen=True, slots=True)
class Event(ABC):
    name: ClassVar[str] = ""
    aggregate: ClassVar[str] = ""

    @property
    @abstractmethod
    def aggregate_id(self) -> str: ...

    @property
    def topic(self) -> str:
        """The NATS subject the event is published on."""
        return f"wulian.{SERVICE}.{self.aggregate}.{self.name}"

    @abstractmethod
    def audience(self) -> list[str]:
        """Who is told of this event, as selectors."""


@dataclass(frozen=True, slots=True)
class CandidateEvent(Event):
    aggregate = "project_candidate"
    candidate_id: str
    occurred_at: datetime
    year: int
    unit: str

    @property
    def aggregate_id(self) -> str:
        return self.candidate_id

    def audience(self) -> list[str]:
        return _watchers(self.unit)


@dataclass(frozen=True, slots=True)
class CandidateAdded(CandidateEvent):
    name = "added"
    source: CandidateSource


@dataclass(frozen=True, slots=True)
class CandidateEdited(CandidateEvent):
    name = "edited"


@dataclass(frozen=True, slots=True)
class CandidateWithdrawn(CandidateEvent):
    name = "withdrawn"


@dataclass(frozen=True, slots=True)
class VoteEvent(Event):
    """For the organizers, the discipline roles and the leaders; what deputies act on, for them too."""

    aggregate = "project_vote"
    vote_id: str
    occurred_at: datetime
    year: int
    round_no: int

    @property
    def aggregate_id(self) -> str:
        return self.vote_id

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER]


@dataclass(frozen=True, slots=True)
class VoteCreated(VoteEvent):
    name = "created"
    places: int
    runoff_of: str


@dataclass(frozen=True, slots=True)
class VoteEdited(VoteEvent):
    name = "edited"
    places: int
    electorate_size: int


@dataclass(frozen=True, slots=True)
class VoteOpened(VoteEvent):
    name = "opened"
    candidate_ids: tuple[str, ...]
    places: int
    electorate_size: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES]


@dataclass(frozen=True, slots=True)
class VoteClosed(VoteEvent):
    """The result: ``candidate_ids`` in ranking order with their ``votes`` (parallel), the ``elected``."""

    name = "closed"
    candidate_ids: tuple[str, ...]
    votes: tuple[int, ...]
    elected: tuple[str, ...]
    ballots_cast: int
    electorate_size: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES, OFFICE]


@dataclass(frozen=True, slots=True)
class RunoffNeeded(VoteEvent):
    name = "runoff_needed"
    tied: tuple[str, ...]
    places_left: int

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, DEPUTIES]


@dataclass(frozen=True, slots=True)
class VoteCancelled(VoteEvent):
    name = "cancelled"
    was_open: bool

    def audience(self) -> list[str]:
        return [*ORGANIZERS, *DISCIPLINE, LEADER, *([DEPUTIES] if self.was_open else [])]


@dataclass(frozen=True, slots=True)
class ProjectEvent(Event):
    aggregate = "project"
    project_id: str
    occurred_at: datetime
    unit: str

    @property
    def aggregate_id(self) -> str:
        return self.project_id

    def audience(self) -> list[str]:
        return _watchers(self.unit)


@dataclass(frozen=True, slots=True)
class ProjectCreated(ProjectEvent):
    name = "created"
    year: int
    vote_id: str
    targets: int

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), DEPUTIES, OFFICE]


@dataclass(frozen=True, slots=True)
class ProgressReported(ProjectEvent):
    name = "progress_reported"
    target_index: int
    status: Progress
    as_of: date


@dataclass(frozen=True, slots=True)
class MilestoneMissed(ProjectEvent):
    name = "milestone_missed"
    target_index: int
    milestone_index: int
    due: date

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), OFFICE]


@dataclass(frozen=True, slots=True)
class InspectionRecorded(ProjectEvent):
    name = "inspection_recorded"
    inspection_no: int
    problem_count: int
    problem_units: tuple[str, ...]

    def audience(self) -> list[str]:
        others = [org_unit(u) for u in self.problem_units if u != self.unit]
        return [*_watchers(self.unit), *others]


@dataclass(frozen=True, slots=True)
class SatisfactionSessionLinked(ProjectEvent):
    name = "satisfaction_session_linked"
    session_id: str


@dataclass(frozen=True, slots=True)
class ProjectCompleted(ProjectEvent):
    name = "completed"

    def audience(self) -> list[str]:
        return [*_watchers(self.unit), DEPUTIES, OFFICE]


# --- checked values ---------------------------------------------------------------------------------------------


def today_in_beijing(now: datetime) -> date:
    return as_utc(now).astimezone(SHANGHAI).date()


def end_of_day(day: date) -> datetime:
    """The Beijing midnight that ends ``day``, in UTC."""
    return as_utc(datetime.combine(day + timedelta(days=1), time(0), tzinfo=SHANGHAI))


def percent(value: Fraction) -> Decimal:
    """``value`` as a percentage rounded half up to two decimals — for display; the fraction stays exact."""
    exact = Decimal(value.numerator) * 100 / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _quantity(problems: Problems, where: str, value: Quantity, label: str, *, positive: bool) -> Decimal | None:
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


def _day(problems: Problems, where: str, value: Day, label: str) -> date | None:
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


def _whole(problems: Problems, where: str, value: object, label: str, bounds: tuple[int, int]) -> int | None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.add(where, f"{label}应为 {low} 至 {high} 之间的整数")
        return None
    return value


def _identifier(problems: Problems, where: str, value: str, label: str, limit: int = ID_MAX) -> str:
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
    unit = _identifier(problems, "department_unit", details.department_unit, "责任单位编码", ORG_UNIT_MAX)
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
    planned = _quantity(problems, f"{where}.planned", value.planned, "计划数量", positive=True)
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
        due = _day(problems, f"{at}.due", value.due, "节点日期")
        if due is not None and year is not None and due.year != year:
            problems.add(f"{at}.due", f"节点日期应在 {year} 年内")
        step = problems.text(f"{at}.step", value.step, "节点事项", required=False, limit=NAME_MAX)
        quantity = None
        if _blank(value.quantity) == (not step):
            problems.add(at, "每个节点须填写累计数量或节点事项之一，且只填一项")
        elif not step:
            quantity = _quantity(problems, f"{at}.quantity", value.quantity, "节点累计数量", positive=True)
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


def _year(problems: Problems, value: object) -> int | None:
    return _whole(problems, "year", value, "年度", YEARS)


# --- candidates -------------------------------------------------------------------------------------------------

_YEAR_LOCKED = frozenset({VoteStatus.OPEN, VoteStatus.CLOSED})


@dataclass(eq=False)
class Candidate:
    """A candidate project. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order; those without a principal record what a vote decided."""

    id: str
    year: int
    proposal: Proposal
    added_by: str
    added_at: datetime
    status: CandidateStatus = CandidateStatus.PROPOSED
    vote_id: str = ""
    withdraw_reason: str = ""
    events: list[Event] = field(default_factory=list, repr=False)

    @classmethod
    def add(
        cls,
        candidate_id: str,
        principal: Principal,
        command: AddCandidate,
        now: datetime,
        *,
        year_vote: VoteStatus | None,
    ) -> Candidate:
        """``year_vote``: the status of the year's vote (its first round, not cancelled), None when none."""
        now = as_utc(now)
        if year_vote in _YEAR_LOCKED:
            raise Conflict("该年度的项目票决已开始，不能新增候选项目")
        require_organizer(principal, message=ORGANIZERS_ONLY.format("提出候选项目"))
        problems = Problems()
        year = _year(problems, command.year)
        proposal = proposal_from(problems, command.details, year)
        problems.raise_if_any("候选项目未通过校验")
        assert proposal is not None and year is not None
        candidate = cls(candidate_id, year, proposal, principal.subject, now)
        candidate.events.append(CandidateAdded(candidate_id, now, year, proposal.unit, proposal.source))
        return candidate

    def edit(self, principal: Principal, command: EditCandidate, now: datetime) -> None:
        CANDIDATE_STATES.ensure(CandidateAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("修改候选项目"))
        problems = Problems()
        proposal = proposal_from(problems, command.details, self.year)
        problems.raise_if_any("候选项目未通过校验")
        assert proposal is not None
        self.proposal = proposal
        self.events.append(CandidateEdited(self.id, now, self.year, proposal.unit))

    def withdraw(self, principal: Principal, command: WithdrawCandidate, now: datetime) -> None:
        CANDIDATE_STATES.ensure(CandidateAction.WITHDRAW, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("撤回候选项目"))
        self.withdraw_reason = checked_text("reason", command.reason, "撤回的理由")
        self.status = CandidateStatus.WITHDRAWN
        self.events.append(CandidateWithdrawn(self.id, now, self.year, self.proposal.unit))

    def put_on_ballot(self, vote_id: str) -> None:
        """The vote opened with this candidate on its list (the vote's ``VoteOpened`` says so)."""
        CANDIDATE_STATES.ensure(CandidateAction.PUT_ON_BALLOT, self.status)
        self.status, self.vote_id = CandidateStatus.ON_BALLOT, vote_id

    def release(self, vote_id: str) -> None:
        """The open vote was cancelled: the candidate may be edited again, and voted on anew."""
        CANDIDATE_STATES.ensure(CandidateAction.RELEASE, self.status)
        if vote_id != self.vote_id:
            raise Conflict("该候选项目不在该票决中")
        self.status, self.vote_id = CandidateStatus.PROPOSED, ""

    def decide(self, results: VoteResults) -> None:
        """Elected, not elected, or — tied at the last place — still on the ballot for the run-off."""
        CANDIDATE_STATES.ensure(CandidateAction.DECIDE, self.status)
        if results.year != self.year or self.id not in {row.candidate_id for row in results.ranking}:
            raise Conflict("该候选项目不在该票决中")
        if self.id in results.elected:
            self.status = CandidateStatus.ELECTED
        elif results.runoff is None or self.id not in results.runoff.tied:
            self.status = CandidateStatus.NOT_ELECTED


# --- the project vote (票决) -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Receipt:
    """That ``voter`` voted in ``vote_id``: the storage layer's one-per-voter unique key. Nothing else."""

    vote_id: str
    voter: str


@dataclass(frozen=True, slots=True)
class PickDelta:
    """+1 for each of ``candidate_ids`` (in the list's order) in ``vote_id``. No voter, no time."""

    vote_id: str
    candidate_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tally:
    """The counters the storage layer kept: votes per candidate and ballots cast (receipts)."""

    votes: Mapping[str, int]
    ballots_cast: int

    @classmethod
    def of(cls, vote_id: str, deltas: Iterable[PickDelta]) -> Tally:
        """The sum of ``deltas``, one ballot each — what the storage layer's counters hold."""
        votes: Counter[str] = Counter()
        cast = 0
        for delta in deltas:
            if delta.vote_id != vote_id:
                raise ValueError(f"a pick of vote {delta.vote_id} in the tally of vote {vote_id}")
            votes.update(delta.candidate_ids)
            cast += 1
        return cls(dict(votes), cast)


@dataclass(frozen=True, slots=True)
class Runoff:
    tied: tuple[str, ...]  # in the list's order
    places: int  # the places left for them


@dataclass(frozen=True, slots=True)
class RankedCandidate:
    candidate_id: str
    votes: int
    rank: int  # 1, 2, 2, 4 …: tied candidates share a rank
    elected: bool
    tied: bool  # in the run-off


@dataclass(frozen=True, slots=True)
class VoteResults:
    vote_id: str
    year: int
    round_no: int
    places: int
    electorate: int
    ballots_cast: int
    ranking: tuple[RankedCandidate, ...]  # by votes; equal votes in the list's order (display only)
    elected: tuple[str, ...]
    runoff: Runoff | None

    @property
    def turnout(self) -> Fraction:
        return Fraction(self.ballots_cast, self.electorate)

    @property
    def turnout_percent(self) -> Decimal:
        return percent(self.turnout)

    @property
    def total_picks(self) -> int:
        return sum(row.votes for row in self.ranking)

    def votes_of(self, candidate_id: str) -> int:
        return next(row.votes for row in self.ranking if row.candidate_id == candidate_id)


def elect(order: Sequence[str], votes: Mapping[str, int], places: int) -> tuple[tuple[str, ...], Runoff | None]:
    """The elected (by votes, most first) and the run-off, by the module's rule: top ``places`` by votes; a
    tie across the last place elects those above it and sends the tied candidates to a run-off."""
    ranked = sorted(order, key=lambda c: -votes.get(c, 0))
    if len(ranked) <= places:
        return tuple(ranked), None
    cut = votes.get(ranked[places - 1], 0)
    if votes.get(ranked[places], 0) < cut:
        return tuple(ranked[:places]), None
    elected = tuple(c for c in ranked if votes.get(c, 0) > cut)
    tied = tuple(c for c in order if votes.get(c, 0) == cut)
    return elected, Runoff(tied, places - len(elected))


def _ranking(
    order: Sequence[str], votes: Mapping[str, int], elected: Sequence[str], runoff: Runoff | None
) -> tuple[RankedCandidate, ...]:
    ranked = sorted(order, key=lambda c: -votes.get(c, 0))
    tied = set(runoff.tied) if runoff else set()
    rows: list[RankedCandidate] = []
    for position, cid in enumerate(ranked, start=1):
        n = votes.get(cid, 0)
        rank = rows[-1].rank if rows and rows[-1].votes == n else position
        rows.append(RankedCandidate(cid, n, rank, cid in elected, cid in tied))
    return tuple(rows)


def _electorate(problems: Problems, values: Sequence[str]) -> tuple[str, ...]:
    subjects = tuple(v.strip() for v in values)
    if not subjects:
        problems.add("electorate", "请填写出席会议的代表名单")
    elif len(subjects) > ELECTORATE_MAX:
        problems.add("electorate", f"代表名单最多 {ELECTORATE_MAX} 人")
    elif any(not s or len(s) > ID_MAX or any(ch.isspace() for ch in s) for s in subjects):
        problems.add("electorate", "代表名单中有不正确的账号")
    elif len(set(subjects)) != len(subjects):
        problems.add("electorate", "代表名单中有重复的代表")
    return subjects


@dataclass(eq=False)
class ProjectVote:
    """A round of the project vote. Transitions check state (``Conflict``), actor (``PermissionDenied``) and
    input (``InvalidArgument``), in that order, and record events — except ``cast``, which records nothing."""

    id: str
    year: int
    places: int
    electorate: tuple[str, ...]
    created_by: str
    created_at: datetime
    round_no: int = 1
    runoff_of: str = ""
    candidate_ids: tuple[str, ...] = ()  # fixed at opening (a run-off's at its creation)
    status: VoteStatus = VoteStatus.DRAFT
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    closed_results: VoteResults | None = None
    cancel_reason: str = ""
    events: list[Event] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, vote_id: str, principal: Principal, command: CreateVote, now: datetime) -> ProjectVote:
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("组织项目票决"))
        problems = Problems()
        year = _year(problems, command.year)
        places = _whole(problems, "places", command.places, "拟选项目数", (1, PLACES_MAX))
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        assert year is not None and places is not None
        vote = cls(vote_id, year, places, electorate, principal.subject, now)
        vote.events.append(VoteCreated(vote_id, now, year, 1, places, ""))
        return vote

    @classmethod
    def create_runoff(
        cls, vote_id: str, principal: Principal, parent: ProjectVote, command: CreateRunoff, now: datetime
    ) -> ProjectVote:
        """A run-off over the candidates tied at the last place of ``parent``, for the places left."""
        now = as_utc(now)
        runoff = parent.closed_results.runoff if parent.closed_results else None
        if parent.status is not VoteStatus.CLOSED or runoff is None:
            raise Conflict("上一轮票决尚未结束，或没有需要加试的并列项目")
        require_organizer(principal, message=ORGANIZERS_ONLY.format("组织加试"))
        problems = Problems()
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        round_no = parent.round_no + 1
        vote = cls(vote_id, parent.year, runoff.places, electorate, principal.subject, now, round_no, parent.id)
        vote.candidate_ids = runoff.tied
        vote.events.append(VoteCreated(vote_id, now, parent.year, round_no, runoff.places, parent.id))
        return vote

    def edit(self, principal: Principal, command: EditVote, now: datetime) -> None:
        VOTE_STATES.ensure(VoteAction.EDIT, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("修改项目票决"))
        problems = Problems()
        places = _whole(problems, "places", command.places, "拟选项目数", (1, PLACES_MAX))
        if places is not None and self.runoff_of and places != self.places:
            problems.add("places", f"加试的拟选项目数由上一轮结果确定，为 {self.places} 个")
        electorate = _electorate(problems, command.electorate)
        problems.raise_if_any("项目票决未通过校验")
        assert places is not None
        self.places, self.electorate = places, electorate
        self.events.append(VoteEdited(self.id, now, self.year, self.round_no, places, len(electorate)))

    def open(self, principal: Principal, candidates: Iterable[Candidate], now: datetime) -> tuple[str, ...]:
        """Fix the list and open the vote. ``candidates``: the year's candidates (a run-off's own). Returns
        the candidates to put on the ballot (none for a run-off: its candidates are on it already)."""
        VOTE_STATES.ensure(VoteAction.OPEN, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("开始投票"))
        of_year = [c for c in candidates if c.year == self.year]
        to_put: tuple[str, ...] = ()
        if self.runoff_of:
            on_ballot = {c.id for c in of_year if c.status is CandidateStatus.ON_BALLOT}
            if not set(self.candidate_ids) <= on_ballot:
                raise Conflict("加试的候选项目已不在票决中")
            listed = self.candidate_ids
        else:
            if any(c.status not in (CandidateStatus.PROPOSED, CandidateStatus.WITHDRAWN) for c in of_year):
                raise Conflict("该年度已进行过项目票决，不能再次开始票决")
            listed = to_put = tuple(c.id for c in of_year if c.status is CandidateStatus.PROPOSED)
        if len(listed) <= self.places:
            raise Conflict(f"候选项目须多于拟选项目数 {self.places} 个（差额票决），现有 {len(listed)} 个")
        if len(listed) > CANDIDATES_MAX:
            raise Conflict(f"一次票决最多 {CANDIDATES_MAX} 个候选项目")
        self.candidate_ids = listed
        self.status, self.opened_at = VoteStatus.OPEN, now
        self.events.append(
            VoteOpened(self.id, now, self.year, self.round_no, self.candidate_ids, self.places, len(self.electorate))
        )
        return to_put

    def cast(
        self, principal: Principal, command: CastPicks, *, already_voted: bool = False
    ) -> tuple[Receipt, PickDelta]:
        """A deputy's picks. Takes no clock and records nothing: the receipt and the delta are all there is,
        and the storage layer keeps them apart. ``already_voted``: a receipt of this voter exists (the unique
        key still decides when two arrive at once)."""
        VOTE_STATES.ensure(VoteAction.CAST, self.status)
        if VOTER_ROLE not in principal.roles or principal.subject not in self.electorate:
            raise PermissionDenied("只有列入本次票决代表名单的代表可以投票")
        if already_voted:
            raise Conflict("您已投票，不能重复投票")
        picks = tuple(c.strip() for c in command.candidate_ids)
        problems = Problems()
        if not picks:
            problems.add("candidate_ids", "请至少选择一个候选项目")
        elif len(set(picks)) != len(picks):
            problems.add("candidate_ids", "同一候选项目只能选择一次")
        elif unknown := [c for c in picks if c not in self.candidate_ids]:
            problems.add("candidate_ids", f"{'、'.join(unknown)} 不是本次票决的候选项目")
        elif len(picks) > self.places:
            problems.add("candidate_ids", f"最多选择 {self.places} 个候选项目")
        problems.raise_if_any("选票未通过校验")
        chosen = set(picks)
        delta = PickDelta(self.id, tuple(c for c in self.candidate_ids if c in chosen))
        return Receipt(self.id, principal.subject), delta

    def close(self, principal: Principal, tally: Tally, now: datetime) -> VoteResults:
        """Close with the counters the storage layer kept; fixes and returns the results."""
        VOTE_STATES.ensure(VoteAction.CLOSE, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("结束投票"))
        if tally.ballots_cast == 0:
            raise Conflict("尚无代表投票，不能结束投票（可以取消本次票决）")
        self._check(tally)
        votes = {c: tally.votes.get(c, 0) for c in self.candidate_ids}
        elected, runoff = elect(self.candidate_ids, votes, self.places)
        ranking = _ranking(self.candidate_ids, votes, elected, runoff)
        results = VoteResults(
            self.id, self.year, self.round_no, self.places, len(self.electorate), tally.ballots_cast, ranking,
            elected, runoff,
        )  # fmt: skip
        self.status, self.closed_at, self.closed_results = VoteStatus.CLOSED, now, results
        ids, counts = tuple(r.candidate_id for r in ranking), tuple(r.votes for r in ranking)
        electorate = len(self.electorate)
        self.events.append(
            VoteClosed(self.id, now, self.year, self.round_no, ids, counts, elected, tally.ballots_cast, electorate)
        )
        if runoff is not None:
            self.events.append(RunoffNeeded(self.id, now, self.year, self.round_no, runoff.tied, runoff.places))
        return results

    def _check(self, tally: Tally) -> None:
        """The counters must be possible for this vote: 1 to N picks per ballot, one ballot per voter."""
        n, votes = tally.ballots_cast, tally.votes
        wrong = (
            n < 0
            or n > len(self.electorate)
            or not set(votes) <= set(self.candidate_ids)
            or any(isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= n for v in votes.values())
            or not n <= sum(votes.values()) <= n * self.places
        )
        if wrong:
            raise Conflict("计票数据与本次票决不符，不能结束投票")

    def cancel(self, principal: Principal, command: CancelVote, now: datetime) -> tuple[str, ...]:
        """Cancel with a reason; returns the candidates to release (those an open first round put on the
        ballot). A cancelled run-off leaves its candidates on the ballot for another run-off."""
        VOTE_STATES.ensure(VoteAction.CANCEL, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("取消项目票决"))
        self.cancel_reason = checked_text("reason", command.reason, "取消的理由")
        was_open = self.status is VoteStatus.OPEN
        self.status = VoteStatus.CANCELLED
        self.events.append(VoteCancelled(self.id, now, self.year, self.round_no, was_open))
        return self.candidate_ids if was_open and not self.runoff_of else ()

    def results(self) -> VoteResults:
        """The results, once closed — before, there are none to show, to anyone."""
        if self.status is VoteStatus.CANCELLED:
            raise Conflict("该票决已取消，没有结果")
        if self.closed_results is None:
            raise Conflict(RESULTS_HIDDEN)
        return self.closed_results


# --- projects --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProgressReport:
    target_index: int
    achieved: Decimal
    as_of: date
    text: str
    steps_reached: tuple[int, ...]
    reported_by: str
    reported_at: datetime


@dataclass(frozen=True, slots=True)
class Participant:
    body: InspectionBody
    name: str


@dataclass(frozen=True, slots=True)
class InspectionProblem:
    """A problem found by a joint inspection, as the rectification ledger takes it: raised in the name of
    ``raised_by`` (who alone closes it out), against ``unit``."""

    project_id: str
    inspection_no: int
    index: int  # from 1 within the inspection
    unit: str
    problem: str
    measures: str
    raised_by: RaisingBody
    found_on: date

    @property
    def source(self) -> str:
        return INSPECTION_SOURCE

    @property
    def source_ref(self) -> str:
        return f"project/{self.project_id}/inspection/{self.inspection_no}/problem/{self.index}"


@dataclass(frozen=True, slots=True)
class Inspection:
    no: int  # from 1 within the project
    held_on: date
    participants: tuple[Participant, ...]
    notes: str
    problems: tuple[InspectionProblem, ...]
    recorded_by: str
    recorded_at: datetime
    body: RaisingBody


@dataclass(frozen=True, slots=True)
class MilestoneProgress:
    index: int
    milestone: Milestone
    met: bool
    late_days: int  # 0 unless late


@dataclass(frozen=True, slots=True)
class TargetProgress:
    index: int
    target: Target
    achieved: Decimal
    as_of: date | None  # of the latest report
    completion: Fraction  # exact, uncapped: 620 of 600 is 31/30
    status: Progress
    late_days: int
    milestones: tuple[MilestoneProgress, ...]

    @property
    def percent(self) -> Decimal:
        """For display: capped at 100."""
        return percent(min(self.completion, Fraction(1)))

    @property
    def exact_percent(self) -> Decimal:
        return percent(self.completion)


@dataclass(frozen=True, slots=True)
class ProjectProgress:
    completion: Fraction  # the mean of the targets' completions, each capped at 1
    status: Progress
    late_days: int
    targets: tuple[TargetProgress, ...]

    @property
    def percent(self) -> Decimal:
        return percent(self.completion)


def _participants(problems: Problems, values: Sequence[ParticipantInput]) -> tuple[Participant, ...]:
    if not values or len(values) > PARTICIPANTS_MAX:
        problems.add("participants", f"请填写参加视察的人员（1 至 {PARTICIPANTS_MAX} 人）")
        return ()
    people: list[Participant] = []
    for i, value in enumerate(values):
        body = problems.choice(f"participants.{i}.body", value.body, InspectionBody, "所属机关")
        name = problems.text(f"participants.{i}.name", value.name, "姓名", limit=NAME_MAX)
        if body is not None and name:
            people.append(Participant(body, name))
    bodies = {p.body for p in people}
    if len(people) == len(values) and not {InspectionBody.CONGRESS, InspectionBody.DISCIPLINE} <= bodies:
        problems.add("participants", "联合视察须有人大和纪委监委双方人员参加")
    return tuple(people)


@dataclass(eq=False)
class Project:
    """A livelihood project of the year. Transitions check state (``Conflict``), actor (``PermissionDenied``)
    and input (``InvalidArgument``), in that order, and record events."""

    id: str
    year: int
    vote_id: str
    title: str
    description: str
    unit: str
    unit_name: str
    source: CandidateSource
    targets: tuple[Target, ...]
    created_at: datetime
    status: ProjectStatus = ProjectStatus.IN_PROGRESS
    reports: list[ProgressReport] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    satisfaction_session_id: str = ""
    completed_at: datetime | None = None
    raised_notices: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list, repr=False)

    # --- progress -------------------------------------------------------------------------------------------

    def report_progress(self, principal: Principal, command: ReportProgress, now: datetime) -> TargetProgress:
        """The department's report on one target; the project completes when every target reaches 100%."""
        PROJECT_STATES.ensure(ProjectAction.REPORT_PROGRESS, self.status)
        now = as_utc(now)
        if not acts_for_unit(principal, self.unit):
            raise PermissionDenied("只有该项目的责任单位可以报告进度")
        report = self._report_from(command, principal.subject, now)
        self.reports.append(report)
        progress = self.progress(now)
        target = progress.targets[report.target_index]
        self.events.append(ProgressReported(self.id, now, self.unit, report.target_index, target.status, report.as_of))
        if progress.status is Progress.COMPLETED:
            self.status, self.completed_at = ProjectStatus.COMPLETED, now
            self.events.append(ProjectCompleted(self.id, now, self.unit))
        return target

    def _report_from(self, command: ReportProgress, by: str, now: datetime) -> ProgressReport:
        problems = Problems()
        index = _whole(problems, "target_index", command.target_index, "目标序号", (0, len(self.targets) - 1))
        achieved = _quantity(problems, "achieved", command.achieved, "累计完成数量", positive=False)
        as_of = _day(problems, "as_of", command.as_of, "进度截止日期")
        text = problems.text("text", command.text, "进度情况", limit=BODY_MAX)
        today = today_in_beijing(now)
        if as_of is not None:
            last = [r.as_of for r in self.reports if r.target_index == index]
            if as_of > today:
                problems.add("as_of", "进度截止日期不能晚于今天")
            elif as_of.year < self.year:
                problems.add("as_of", f"进度截止日期不能早于 {self.year} 年")
            elif last and as_of < last[-1]:
                problems.add("as_of", f"进度截止日期不能早于该目标上次报告的 {last[-1].isoformat()}")
        named = {j for j, m in enumerate(self.targets[index].milestones) if m.step} if index is not None else set()
        if any(isinstance(s, bool) or not isinstance(s, int) or s not in named for s in command.steps_reached):
            problems.add("steps_reached", "所报节点不是该目标的节点事项")
        steps = tuple(sorted(set(command.steps_reached)))
        problems.raise_if_any("进度报告未通过校验")
        assert index is not None and achieved is not None and as_of is not None
        return ProgressReport(index, achieved, as_of, text, steps, by, now)

    def achieved(self, index: int) -> tuple[Decimal, date | None]:
        """The latest cumulative quantity reported on target ``index`` and its date (0 and None before any)."""
        last = next((r for r in reversed(self.reports) if r.target_index == index), None)
        return (last.achieved, last.as_of) if last else (Decimal(0), None)

    def _met(self, index: int, j: int) -> bool:
        target, milestone = self.targets[index], self.targets[index].milestones[j]
        achieved, _ = self.achieved(index)
        if achieved >= target.planned:
            return True
        if milestone.quantity is not None:
            return achieved >= milestone.quantity
        return any(j in r.steps_reached for r in self.reports if r.target_index == index)

    def target_progress(self, index: int, now: datetime) -> TargetProgress:
        today = today_in_beijing(now)
        target = self.targets[index]
        achieved, as_of = self.achieved(index)
        completion = Fraction(achieved) / Fraction(target.planned)
        milestones = []
        for j, milestone in enumerate(target.milestones):
            met = self._met(index, j)
            late = 0 if met or today <= milestone.due else (today - milestone.due).days
            milestones.append(MilestoneProgress(j, milestone, met, late))
        late_days = max((m.late_days for m in milestones), default=0)
        status = Progress.COMPLETED if completion >= 1 else Progress.LATE if late_days else Progress.ON_TRACK
        return TargetProgress(index, target, achieved, as_of, completion, status, late_days, tuple(milestones))

    def progress(self, now: datetime) -> ProjectProgress:
        """Completion and lateness on the Beijing date of ``now`` (see the module's docstring)."""
        targets = tuple(self.target_progress(i, now) for i in range(len(self.targets)))
        capped = [min(t.completion, Fraction(1)) for t in targets]
        completion = sum(capped, Fraction(0)) / len(capped)
        late_days = max(t.late_days for t in targets)
        if all(t.status is Progress.COMPLETED for t in targets):
            status = Progress.COMPLETED
        else:
            status = Progress.LATE if late_days else Progress.ON_TRACK
        return ProjectProgress(completion, status, late_days, targets)

    # --- milestone notices -----------------------------------------------------------------------------------

    def raise_due_notices(self, now: datetime) -> list[Event]:
        """Record a ``MilestoneMissed`` for each milestone late at ``now`` and never raised; return them."""
        now = as_utc(now)
        if self.status is ProjectStatus.COMPLETED:
            return []
        raised: list[Event] = []
        for target in self.progress(now).targets:
            for m in target.milestones:
                key = f"{target.index}:{m.index}"
                if m.late_days and key not in self.raised_notices:
                    self.raised_notices.add(key)
                    raised.append(MilestoneMissed(self.id, now, self.unit, target.index, m.index, m.milestone.due))
        self.events.extend(raised)
        return raised

    def next_check_at(self) -> datetime | None:
        """The earliest moment a milestone not yet raised and not met becomes late (for a scheduler's index);
        it may be past — check now. None when nothing can become late (a later report that lowers a quantity
        makes ``next_check_at`` answer again)."""
        if self.status is ProjectStatus.COMPLETED:
            return None
        moments = [
            end_of_day(m.due)
            for i, target in enumerate(self.targets)
            for j, m in enumerate(target.milestones)
            if f"{i}:{j}" not in self.raised_notices and not self._met(i, j)
        ]
        return min(moments, default=None)

    # --- inspections and satisfaction -----------------------------------------------------------------------

    def record_inspection(
        self, principal: Principal, command: RecordInspection, now: datetime
    ) -> tuple[InspectionProblem, ...]:
        """A joint inspection; returns the problems found, for the rectification ledger."""
        PROJECT_STATES.ensure(ProjectAction.RECORD_INSPECTION, self.status)
        now = as_utc(now)
        body = raising_body(principal) if is_organizer(principal) or is_discipline(principal) else None
        if body is None:
            raise PermissionDenied("只有人大常委会联络人员、专（工）委或纪委监委可以记录联合视察")
        problems = Problems()
        held_on = _day(problems, "held_on", command.held_on, "视察日期")
        if held_on is not None and held_on > today_in_beijing(now):
            problems.add("held_on", "视察日期不能晚于今天")
        participants = _participants(problems, command.participants)
        notes = problems.text("notes", command.notes, "视察情况", limit=BODY_MAX)
        if len(command.problems) > PROBLEMS_MAX:
            problems.add("problems", f"一次视察最多登记 {PROBLEMS_MAX} 个问题")
        no = len(self.inspections) + 1
        found: list[InspectionProblem] = []
        for i, value in enumerate(command.problems[:PROBLEMS_MAX], start=1):
            at = f"problems.{i - 1}"
            text = problems.text(f"{at}.problem", value.problem, "发现的问题", limit=BODY_MAX)
            measures = problems.text(f"{at}.measures", value.measures, "整改建议", limit=BODY_MAX)
            unit = _identifier(problems, f"{at}.unit", value.unit, "责任单位编码", ORG_UNIT_MAX) if value.unit else ""
            found.append(
                InspectionProblem(self.id, no, i, unit or self.unit, text, measures, body, held_on or date.min)
            )
        problems.raise_if_any("联合视察记录未通过校验")
        assert held_on is not None
        inspection = Inspection(no, held_on, participants, notes, tuple(found), principal.subject, now, body)
        self.inspections.append(inspection)
        units = tuple(dict.fromkeys(p.unit for p in found))
        self.events.append(InspectionRecorded(self.id, now, self.unit, no, len(found), units))
        return inspection.problems

    def link_satisfaction_session(self, principal: Principal, command: LinkSatisfactionSession, now: datetime) -> None:
        """Record the year-end satisfaction ballot session (``ballots``); the same one again changes nothing."""
        PROJECT_STATES.ensure(ProjectAction.LINK_SATISFACTION, self.status)
        now = as_utc(now)
        require_organizer(principal, message=ORGANIZERS_ONLY.format("关联满意度测评"))
        problems = Problems()
        session_id = _identifier(problems, "session_id", command.session_id, "满意度测评场次编号")
        problems.raise_if_any("满意度测评场次编号不正确")
        if session_id == self.satisfaction_session_id:
            return
        if self.satisfaction_session_id:
            raise Conflict(f"该项目已关联满意度测评场次 {self.satisfaction_session_id}")
        self.satisfaction_session_id = session_id
        self.events.append(SatisfactionSessionLinked(self.id, now, self.unit, session_id))


def projects_from(results: VoteResults, candidates: Iterable[Candidate], now: datetime) -> list[Project]:
    """The projects of the candidates ``results`` elected, in ranking order; a project keeps its
    candidate's id (one project per elected candidate)."""
    now = as_utc(now)
    by_id = {c.id: c for c in candidates}
    projects: list[Project] = []
    for candidate_id in results.elected:
        candidate = by_id.get(candidate_id)
        if candidate is None or candidate.year != results.year:
            raise NotFound(f"未找到当选的候选项目 {candidate_id}")
        p = candidate.proposal
        project = Project(
            candidate.id, candidate.year, results.vote_id, p.title, p.description, p.unit, p.unit_name, p.source,
            p.targets, now,
        )  # fmt: skip
        project.events.append(ProjectCreated(project.id, now, p.unit, project.year, results.vote_id, len(p.targets)))
        projects.append(project)
    return projects


# --- who sees what ---------------------------------------------------------------------------------------------


def _reads_everything(principal: Principal) -> bool:
    return is_organizer(principal) or is_discipline(principal) or "congress_leader" in principal.roles


def _reads_lists(principal: Principal) -> bool:
    return principal.has_any(VOTER_ROLE, "gov_supervision_office")


def _access(principal: Principal, unit: str) -> View:
    if _reads_everything(principal) or acts_for_unit(principal, unit):
        return View.FULL
    if _reads_lists(principal):
        return View.LIMITED
    return View.COUNTS if "platform_admin" in principal.roles else View.NONE


def candidate_access(principal: Principal, candidate: Candidate) -> View:
    return _access(principal, candidate.proposal.unit)


def vote_access(principal: Principal) -> View:
    if _reads_everything(principal):
        return View.FULL
    if _reads_lists(principal):
        return View.LIMITED
    return View.COUNTS if "platform_admin" in principal.roles else View.NONE


def project_access(principal: Principal, project: Project) -> View:
    return _access(principal, project.unit)


@dataclass(frozen=True, slots=True)
class CandidateView:
    id: str
    year: int
    proposal: Proposal
    source_label: str
    status: CandidateStatus
    status_label: str
    vote_id: str
    added_by: str  # full view only
    withdraw_reason: str  # full view only


def candidate_view(candidate: Candidate, principal: Principal) -> CandidateView:
    full = ensure_readable(candidate_access(principal, candidate), message="未找到该候选项目") is View.FULL
    return CandidateView(
        candidate.id,
        candidate.year,
        candidate.proposal,
        CANDIDATE_SOURCE_LABELS[candidate.proposal.source],
        candidate.status,
        CANDIDATE_STATUS_LABELS[candidate.status],
        candidate.vote_id,
        candidate.added_by if full else "",
        candidate.withdraw_reason if full else "",
    )


@dataclass(frozen=True, slots=True)
class VoteView:
    id: str
    year: int
    round_no: int
    runoff_of: str
    places: int
    status: VoteStatus
    status_label: str
    candidate_ids: tuple[str, ...]
    electorate: tuple[str, ...] | None  # the list: full view only
    electorate_size: int
    in_electorate: bool  # the caller is on the list
    results: VoteResults | None  # once closed
    cancel_reason: str  # full view only


def vote_view(vote: ProjectVote, principal: Principal) -> VoteView:
    full = ensure_readable(vote_access(principal), message="未找到该项目票决") is View.FULL
    return VoteView(
        vote.id,
        vote.year,
        vote.round_no,
        vote.runoff_of,
        vote.places,
        vote.status,
        VOTE_STATUS_LABELS[vote.status],
        vote.candidate_ids,
        vote.electorate if full else None,
        len(vote.electorate),
        principal.subject in vote.electorate,
        vote.closed_results if vote.status is VoteStatus.CLOSED else None,
        vote.cancel_reason if full else "",
    )


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    id: str
    year: int
    title: str
    unit: str
    unit_name: str
    status: ProjectStatus
    progress: Progress
    progress_label: str
    percent: Decimal
    late_days: int


@dataclass(frozen=True, slots=True)
class ProjectView:
    summary: ProjectSummary
    description: str
    source: CandidateSource
    vote_id: str
    progress: ProjectProgress
    reports: tuple[ProgressReport, ...] | None  # full view only
    inspections: tuple[Inspection, ...] | None  # full view only
    satisfaction_session_id: str


def _summary(project: Project, progress: ProjectProgress) -> ProjectSummary:
    return ProjectSummary(
        project.id,
        project.year,
        project.title,
        project.unit,
        project.unit_name,
        project.status,
        progress.status,
        PROGRESS_LABELS[progress.status],
        progress.percent,
        progress.late_days,
    )


def project_view(project: Project, principal: Principal, now: datetime) -> ProjectView:
    full = ensure_readable(project_access(principal, project), message="未找到该民生实事项目") is View.FULL
    progress = project.progress(now)
    return ProjectView(
        _summary(project, progress),
        project.description,
        project.source,
        project.vote_id,
        progress,
        tuple(project.reports) if full else None,
        tuple(project.inspections) if full else None,
        project.satisfaction_session_id,
    )


def project_list(projects: Iterable[Project], principal: Principal, now: datetime) -> list[ProjectSummary]:
    """The projects ``principal`` may see, with their computed progress."""
    return [_summary(p, p.progress(now)) for p in projects if project_access(principal, p) >= View.LIMITED]


def candidate_counts(candidates: Iterable[Candidate], principal: Principal) -> dict[CandidateStatus, int]:
    return status_counts(CandidateStatus, (c.status for c in candidates if candidate_access(principal, c)))


def vote_counts(votes: Iterable[ProjectVote], principal: Principal) -> dict[VoteStatus, int]:
    return status_counts(VoteStatus, (v.status for v in votes if vote_access(principal)))


def project_counts(projects: Iterable[Project], principal: Principal) -> dict[ProjectStatus, int]:
    return status_counts(ProjectStatus, (p.status for p in projects if project_access(principal, p)))
