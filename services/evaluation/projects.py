"""民生实事联督 — livelihood projects: the year's projects with their quantified targets and milestones, the
departments' progress, joint inspections, and the link to the year-end satisfaction ballot.

The livelihood projects are split along their seams: ``candidates`` (the candidate projects), ``project_votes``
(the deputies' project vote, its secrecy, tally and run-off), this module (the projects), ``project_views``
(who sees what, and the read models), with ``project_states``, ``project_commands``, ``project_events`` and
``project_values`` (the checked targets and milestones) beneath them. All pure: the standard library, the kit's
pure modules and ``domain`` only.

Projects (民生实事项目), made from the elected candidates (``projects_from``): the responsible department and
the targets (milestones: see ``project_values``). The responsible department reports, per target, the
cumulative quantity achieved as of a date, with text, and the named steps reached; a report is never dated in
the future nor before the target's last one (a lower quantity is allowed: a correction after an inspection).

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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from services.evaluation.candidates import Candidate
from services.evaluation.domain import (
    BODY_MAX,
    NAME_MAX,
    ORG_UNIT_MAX,
    RaisingBody,
    acts_for_unit,
    as_utc,
    is_discipline,
    is_organizer,
    raising_body,
    require_organizer,
)
from services.evaluation.project_commands import (
    LinkSatisfactionSession,
    ParticipantInput,
    RecordInspection,
    ReportProgress,
)
from services.evaluation.project_events import (
    Event,
    InspectionRecorded,
    MilestoneMissed,
    ProgressReported,
    ProjectCompleted,
    ProjectCreated,
    SatisfactionSessionLinked,
)
from services.evaluation.project_states import (
    PROJECT_STATES,
    CandidateSource,
    InspectionBody,
    Progress,
    ProjectAction,
    ProjectStatus,
)
from services.evaluation.project_values import (
    ORGANIZERS_ONLY,
    Milestone,
    Target,
    checked_day,
    checked_identifier,
    checked_quantity,
    checked_whole,
    percent,
)
from services.evaluation.project_votes import VoteResults
from wulian.kit.clock import beijing_date, end_of_day
from wulian.kit.errors import Conflict, NotFound, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems

PARTICIPANTS_MAX = 100
PROBLEMS_MAX = 50
INSPECTION_SOURCE = "project_inspection"  # the rectification ledger's source


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
        index = checked_whole(problems, "target_index", command.target_index, "目标序号", (0, len(self.targets) - 1))
        achieved = checked_quantity(problems, "achieved", command.achieved, "累计完成数量", positive=False)
        as_of = checked_day(problems, "as_of", command.as_of, "进度截止日期")
        text = problems.text("text", command.text, "进度情况", limit=BODY_MAX)
        today = beijing_date(now)
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
        today = beijing_date(now)
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
        held_on = checked_day(problems, "held_on", command.held_on, "视察日期")
        if held_on is not None and held_on > beijing_date(now):
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
            unit = (
                checked_identifier(problems, f"{at}.unit", value.unit, "责任单位编码", ORG_UNIT_MAX)
                if value.unit
                else ""
            )
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
        session_id = checked_identifier(problems, "session_id", command.session_id, "满意度测评场次编号")
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
