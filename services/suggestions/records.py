"""What the file of a suggestion holds, each entry a frozen value built from a checked command.

Every ``*_from`` function checks one command's input and reports every problem at once, per field
(``InvalidArgument`` with ``details`` = [{"field", "message"}], as ``validate_submission`` does). The
checks here concern the input alone; state and actor are the aggregate's business (``model``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from services.suggestions import commands
from services.suggestions.domain import (
    CONTENT_MAX,
    UNIT_MAX,
    ContactMethod,
    Grade,
    Problems,
    ReplyResult,
    Satisfaction,
)


@dataclass(frozen=True, slots=True)
class Cosigner:
    subject: str
    name: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class Assignment:
    """A joint assignment (联合交办): proposed by congress staff, confirmed by the supervision office."""

    lead_unit: str
    co_units: tuple[str, ...]
    complex: bool
    consultation_note: str
    proposed_by: str
    proposed_at: datetime
    confirmed_by: str = ""
    confirmed_at: datetime | None = None

    @property
    def units(self) -> tuple[str, ...]:
        return (self.lead_unit, *self.co_units)


@dataclass(frozen=True, slots=True)
class SendBack:
    """A proposal the supervision office sent back, and why."""

    proposal: Assignment
    reason: str
    sent_back_by: str
    sent_back_at: datetime


@dataclass(frozen=True, slots=True)
class Contact:
    unit: str
    contacted_at: datetime
    method: ContactMethod
    contact_person: str
    agreed: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class CoUnitOpinion:
    unit: str
    text: str
    round: int  # 0 for the first handling, n for the n-th re-handling
    given_by: str
    given_at: datetime


@dataclass(frozen=True, slots=True)
class Reply:
    unit: str
    result: ReplyResult
    text: str
    round: int
    due_at: datetime
    replied_by: str
    replied_at: datetime

    @property
    def on_time(self) -> bool:
        return self.replied_at <= self.due_at


@dataclass(frozen=True, slots=True)
class Evaluation:
    attitude: Grade
    method: Grade
    effect: Grade
    overall: Satisfaction
    comment: str
    round: int
    evaluated_at: datetime


@dataclass(frozen=True, slots=True)
class ReturnVisit:
    unit: str
    visited_at: datetime
    findings: str
    meeting: str
    talks: str
    problems: str
    recorded_by: str
    recorded_at: datetime


def cosigner_from(command: commands.AddCosigner, *, now: datetime) -> Cosigner:
    problems = Problems()
    subject = problems.text("subject", command.subject, "附议代表", limit=UNIT_MAX)
    name = problems.text("name", command.name, "附议代表姓名", required=False, limit=100)
    problems.raise_if_any("附议代表未通过校验")
    return Cosigner(subject=subject, name=name, added_at=now)


def assignment_from(command: commands.ProposeAssignment, *, proposed_by: str, now: datetime) -> Assignment:
    problems = Problems()
    lead = problems.unit("lead_unit", command.lead_unit, "主办单位")
    co_units = tuple(unit.strip() for unit in command.co_units)
    if any(not unit or len(unit) > UNIT_MAX for unit in co_units):
        problems.add("co_units", "协办单位不能为空或过长")
    elif len(set(co_units)) != len(co_units):
        problems.add("co_units", "协办单位不能重复")
    elif lead and lead in co_units:
        problems.add("co_units", "主办单位不能同时是协办单位")
    note = problems.text("consultation_note", command.consultation_note, "会商记录", required=False)
    problems.raise_if_any("交办方案未通过校验")
    return Assignment(
        lead_unit=lead,
        co_units=co_units,
        complex=command.complex,
        consultation_note=note,
        proposed_by=proposed_by,
        proposed_at=now,
    )


def send_back_reason_from(command: commands.SendBackAssignment) -> str:
    problems = Problems()
    reason = problems.text("reason", command.reason, "退回理由")
    problems.raise_if_any("退回理由未通过校验")
    return reason


def contact_from(
    command: commands.RecordContact, *, unit: str, recorded_by: str, now: datetime, confirmed_at: datetime
) -> Contact:
    problems = Problems()
    contacted_at = problems.moment("contacted_at", command.contacted_at, "联系时间", now=now, not_before=confirmed_at)
    method = problems.choice("method", command.method, ContactMethod, "联系方式")
    person = problems.text("contact_person", command.contact_person, "联系人", limit=100)
    agreed = problems.text("agreed", command.agreed, "沟通情况")
    problems.raise_if_any("联系记录未通过校验")
    assert method is not None
    return Contact(
        unit=unit,
        contacted_at=contacted_at,
        method=method,
        contact_person=person,
        agreed=agreed,
        recorded_by=recorded_by,
        recorded_at=now,
    )


def opinion_from(
    command: commands.GiveCoUnitOpinion, *, unit: str, round_: int, given_by: str, now: datetime
) -> CoUnitOpinion:
    problems = Problems()
    text = problems.text("text", command.text, "协办意见", limit=CONTENT_MAX)
    problems.raise_if_any("协办意见未通过校验")
    return CoUnitOpinion(unit=unit, text=text, round=round_, given_by=given_by, given_at=now)


def reply_from(
    command: commands.GiveReply, *, unit: str, round_: int, due_at: datetime, replied_by: str, now: datetime
) -> Reply:
    problems = Problems()
    result = problems.choice("result", command.result, ReplyResult, "办理结果")
    text = problems.text("text", command.text, "答复内容", limit=CONTENT_MAX)
    problems.raise_if_any("答复未通过校验")
    assert result is not None
    return Reply(
        unit=unit, result=result, text=text, round=round_, due_at=due_at, replied_by=replied_by, replied_at=now
    )


def evaluation_from(command: commands.EvaluateHandling, *, round_: int, now: datetime) -> Evaluation:
    """A dissatisfied verdict must say why, so that the unit knows what to handle again."""
    problems = Problems()
    attitude = problems.choice("attitude", command.attitude, Grade, "办理态度")
    method = problems.choice("method", command.method, Grade, "办理方式")
    effect = problems.choice("effect", command.effect, Grade, "办理效果")
    overall = problems.choice("overall", command.overall, Satisfaction, "综合测评")
    required = overall is Satisfaction.DISSATISFIED
    comment = problems.text("comment", command.comment, "不满意的理由" if required else "意见", required=required)
    problems.raise_if_any("测评未通过校验")
    assert attitude is not None and method is not None and effect is not None and overall is not None
    return Evaluation(
        attitude=attitude,
        method=method,
        effect=effect,
        overall=overall,
        comment=comment,
        round=round_,
        evaluated_at=now,
    )


def return_visit_from(
    command: commands.RecordReturnVisit,
    *,
    units: tuple[str, ...],
    recorded_by: str,
    now: datetime,
    confirmed_at: datetime,
) -> ReturnVisit:
    problems = Problems()
    unit = command.unit.strip()
    if unit not in units:
        problems.add("unit", "回访单位须是该建议的承办单位")
    visited_at = problems.moment("visited_at", command.visited_at, "回访时间", now=now, not_before=confirmed_at)
    findings = problems.text("findings", command.findings, "回访发现")
    meeting = problems.text("meeting", command.meeting, "参加的工作会议", required=False)
    talks = problems.text("talks", command.talks, "个别谈话情况", required=False)
    raised = problems.text("problems", command.problems, "提出的问题和建议", required=False)
    problems.raise_if_any("回访记录未通过校验")
    return ReturnVisit(
        unit=unit,
        visited_at=visited_at,
        findings=findings,
        meeting=meeting,
        talks=talks,
        problems=raised,
        recorded_by=recorded_by,
        recorded_at=now,
    )
