"""Request and response bodies of the HTTP API (the public shapes; never the services' tables).

Request bodies repeat the services' input limits so that bad input is refused before any gRPC call;
the owning service checks again and has the last word. Times are ISO-8601 with a timezone, both ways.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, TypeVar

from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from wulian.suggestions.v1 import suggestions_pb2 as pb

# As the suggestions service checks them (services/suggestions/domain.py).
TITLE_MAX = 100
TEXT_MAX = 5000
NOTE_MAX = 2000
UNIT_MAX = 64
NAME_MAX = 100
CO_UNITS_MAX = 10

SuggestionCategory = Literal[
    "economy",
    "urban_construction",
    "transport",
    "education",
    "health",
    "social_security",
    "environment",
    "agriculture",
    "rule_of_law",
    "other",
]
SuggestionStatus = Literal["draft", "submitted", "assignment_proposed", "assigned", "replied", "rehandling", "closed"]
OverdueFilter = Literal["contact", "reply", "any"]
ContactMethod = Literal["phone", "visit", "meeting", "letter", "other"]
ReplyResult = Literal["solved", "planned", "reference"]
Grade = Literal["good", "fair", "poor"]
Satisfaction = Literal["satisfied", "basically_satisfied", "dissatisfied"]
EscalationReason = Literal["overdue", "repeatedly_dissatisfied", "concentrated", "suspected_violation"]


def _iso_text(value: object) -> object:
    """JSON carries times as text; a bare number would otherwise be read as a Unix time."""
    if isinstance(value, str | datetime):
        return value
    raise PydanticCustomError("datetime_type", "应为带时区的 ISO-8601 时间，如 2026-03-01T08:00:00+08:00")


# strict=False: a strict model refuses the ISO text that JSON carries; a naive time is still refused.
Moment = Annotated[AwareDatetime, Field(strict=False), BeforeValidator(_iso_text)]
Unit = Annotated[str, Field(min_length=1, max_length=UNIT_MAX)]
Title = Annotated[str, Field(min_length=1, max_length=TITLE_MAX, description="标题")]
Text = Annotated[str, Field(min_length=1, max_length=TEXT_MAX)]
Note = Annotated[str, Field(max_length=NOTE_MAX)]
RequiredNote = Annotated[str, Field(min_length=1, max_length=NOTE_MAX)]


class Strict(BaseModel):
    """Request bodies: unknown fields are refused, strings are not coerced from numbers."""

    model_config = ConfigDict(extra="forbid", strict=True)


class MePublic(BaseModel):
    subject: str
    username: str
    name: str
    body: str
    org_unit: str
    roles: list[str]


# --- requests ---------------------------------------------------------------------------------


class SuggestionCreate(Strict):
    title: Title = Field(examples=["关于增开城乡公交线路的建议"])
    content: Text = Field(description="建议内容")
    category: SuggestionCategory = Field(description="类别")
    draft: bool = Field(False, description="只保存为草稿，暂不提交")
    deputy_subject: str = Field("", max_length=UNIT_MAX, description="联络人员代代表录入时，所代表的代表账号")
    deputy_name: str = Field("", max_length=NAME_MAX, description="所代表的代表姓名")


class SuggestionUpdate(Strict):
    """A draft is replaced as a whole: the service takes title, content and category together."""

    title: Title
    content: Text = Field(description="建议内容")
    category: SuggestionCategory = Field(description="类别")


class CosignerCreate(Strict):
    subject: Unit = Field(description="附议代表账号")
    name: str = Field("", max_length=NAME_MAX, description="附议代表姓名")


class AssignmentProposal(Strict):
    lead_unit: Unit = Field(description="主办单位")
    co_units: list[Unit] = Field(default_factory=list, max_length=CO_UNITS_MAX, description="协办单位")
    complex: bool = Field(False, description="是否为复杂建议（答复期限较长）")
    consultation_note: Note = Field("", description="会商记录")


class SendBackCreate(Strict):
    reason: RequiredNote = Field(description="退回理由")


class ContactCreate(Strict):
    contacted_at: Moment = Field(description="联系时间（带时区）")
    method: ContactMethod = Field(description="联系方式：电话、登门走访、座谈会商、信函、其他")
    contact_person: str = Field(min_length=1, max_length=NAME_MAX, description="联系人")
    agreed: RequiredNote = Field(description="沟通情况")


class OpinionCreate(Strict):
    text: Text = Field(description="协办意见")


class ReplyCreate(Strict):
    result: ReplyResult = Field(description="办理结果：已解决、列入计划解决、留作参考")
    text: Text = Field(description="答复内容")


class EvaluationCreate(Strict):
    attitude: Grade = Field(description="办理态度：好、较好、差")
    method: Grade = Field(description="办理方式：好、较好、差")
    effect: Grade = Field(description="办理效果：好、较好、差")
    overall: Satisfaction = Field(description="综合测评：满意、基本满意、不满意")
    comment: Note = Field("", description="意见；不满意时须说明理由")


class ReturnVisitCreate(Strict):
    unit: Unit = Field(description="回访的承办单位")
    visited_at: Moment = Field(description="回访时间（带时区）")
    findings: RequiredNote = Field(description="回访发现")
    meeting: Note = Field("", description="参加的工作会议")
    talks: Note = Field("", description="个别谈话情况")
    problems: Note = Field("", description="提出的问题和建议")


class EscalationCreate(Strict):
    reasons: list[EscalationReason] = Field(
        min_length=1,
        max_length=4,
        description="督办事由：逾期未办、代表多次不满意、代表反映比较集中、可能存在违纪违法问题",
    )
    details: Text = Field(description="督办说明")


class EscalationResponseCreate(Strict):
    response: Text = Field(description="督办回复")


# --- responses --------------------------------------------------------------------------------


class CosignerPublic(BaseModel):
    subject: str
    name: str
    added_at: datetime | None


class AssignmentPublic(BaseModel):
    lead_unit: str = Field(description="主办单位")
    co_units: list[str] = Field(description="协办单位")
    complex: bool
    consultation_note: str
    proposed_by: str
    proposed_at: datetime | None
    confirmed_by: str
    confirmed_at: datetime | None = Field(description="政务督查室确认交办的时间；未确认时为 null")


class SendBackPublic(BaseModel):
    proposal: AssignmentPublic
    reason: str
    sent_back_by: str
    sent_back_at: datetime | None


class UnitContactPublic(BaseModel):
    unit: str
    lead: bool = Field(description="是否为主办单位")
    contact_due_at: datetime | None = Field(description="首次联系代表的期限（交办确认后 48 小时）")
    contacted_at: datetime | None = Field(description="联系时间；未联系时为 null")
    method: str
    contact_person: str
    agreed: str
    overdue: bool = Field(description="是否逾期联系")


class CoUnitOpinionPublic(BaseModel):
    unit: str
    text: str
    round: int = Field(description="办理轮次：0 为首次办理")
    given_at: datetime | None


class ReplyPublic(BaseModel):
    unit: str
    result: str = Field(description="solved 已解决 | planned 列入计划解决 | reference 留作参考")
    text: str
    round: int
    due_at: datetime | None
    replied_at: datetime | None
    on_time: bool


class EvaluationPublic(BaseModel):
    attitude: str
    method: str
    effect: str
    overall: str = Field(description="satisfied 满意 | basically_satisfied 基本满意 | dissatisfied 不满意")
    comment: str
    round: int
    evaluated_at: datetime | None


class ReturnVisitPublic(BaseModel):
    unit: str
    visited_at: datetime | None
    findings: str
    meeting: str
    talks: str
    problems: str
    recorded_by: str


class EscalationPublic(BaseModel):
    no: int = Field(description="督办序号")
    reasons: list[str]
    details: str
    escalated_by: str
    escalated_at: datetime | None
    clue_transfer: str = Field(description="线索移送：空为不涉及，pending 待移送，transferred 已移送")
    clue_id: str
    response: str = Field(description="纪委监委的督办回复")
    responded_at: datetime | None


class SuggestionPublic(BaseModel):
    id: str
    number: str = Field(description="年度编号，如 2026-0001；草稿为空")
    title: str
    content: str
    category: str
    status: str
    deputy_subject: str
    deputy_name: str
    submitted_at: datetime | None = Field(description="提交时间；草稿为 null")
    session: str = Field(description="会次")
    created_at: datetime | None
    version: int = Field(description="版本号，每次变更加一")
    cosigners: list[CosignerPublic] = Field(description="附议代表")
    assignment: AssignmentPublic | None = Field(description="交办方案；尚未交办时为 null")
    send_backs: list[SendBackPublic] = Field(description="被退回的交办方案")
    units: list[UnitContactPublic] = Field(description="各承办单位联系代表的情况")
    opinions: list[CoUnitOpinionPublic] = Field(description="协办意见")
    replies: list[ReplyPublic] = Field(description="答复")
    evaluations: list[EvaluationPublic] = Field(description="代表测评")
    return_visits: list[ReturnVisitPublic] = Field(description="联合回访")
    escalations: list[EscalationPublic] = Field(description="联合督办；仅人大和纪检监察角色可见")
    escalated: bool = Field(description="是否已督办")
    rehandlings: int = Field(description="重新办理次数")
    reply_due_at: datetime | None = Field(description="本轮答复期限；不在等待答复时为 null")
    contact_overdue: bool = Field(description="是否逾期联系")
    reply_overdue: bool = Field(description="是否逾期答复")


class SuggestionsPublic(BaseModel):
    items: list[SuggestionPublic]
    total: int
    next_page_token: str | None = None


class HistoryEntryPublic(BaseModel):
    event: str = Field(description="环节，如 submitted（提出）、assigned（交办）、replied（答复）")
    occurred_at: datetime
    actor_subject: str = Field(description="操作人账号")
    actor_name: str = Field(description="操作人")
    actor_body: str = Field(description="所属机构：congress、government、discipline；期限提醒为 platform")
    request_id: str


class HistoryPublic(BaseModel):
    entries: list[HistoryEntryPublic]


class UnitStatsPublic(BaseModel):
    unit: str = Field(description="承办单位")
    year: int = Field(description="年度；0 为全部年度")
    assigned: int = Field(description="承办件数（主办或协办）")
    as_lead: int = Field(description="主办件数")
    contacted: int = Field(description="已联系代表")
    contacted_within_48h: int = Field(description="48 小时内联系")
    contact_overdue: int = Field(description="逾期联系")
    replied: int = Field(description="已答复（主办）")
    replied_on_time: int = Field(description="按期答复")
    evaluated: int = Field(description="已测评")
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    satisfaction_rate: float | None = Field(description="满意率 =（满意 + 基本满意）/ 已测评；无测评时为 null")
    rehandled: int = Field(description="重新办理")
    escalated: int = Field(description="被督办")


class DeputyStatsPublic(BaseModel):
    deputy_subject: str
    year: int = Field(description="年度；0 为全部年度")
    submitted: int = Field(description="提出件数")
    cosigned: int = Field(description="附议件数")
    assigned: int
    replied: int
    closed: int
    evaluated: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    rehandled: int
    escalated: int


class StatsPublic(BaseModel):
    units: list[UnitStatsPublic]
    deputies: list[DeputyStatsPublic]


# --- from the gRPC messages -------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


_SCALAR, _TIMESTAMP, _REPEATED = range(3)


@functools.cache
def _reading(model: type[BaseModel], descriptor: Descriptor) -> tuple[tuple[str, int | None], ...]:
    """How each field of ``model`` is read from a message of ``descriptor``'s type (None: it has no such
    field), worked out once per pair rather than per field of every answer (a submitted suggestion's
    answer took 40 µs to build, 21 µs with this)."""
    fields = descriptor.fields_by_name

    def kind(name: str) -> int | None:
        field = fields.get(name)
        if field is None:
            return None
        if field.message_type is Timestamp.DESCRIPTOR:
            return _TIMESTAMP
        return _REPEATED if field.is_repeated else _SCALAR

    return tuple((name, kind(name)) for name in model.model_fields)


def from_pb(model: type[M], message: Message, **nested: Any) -> M:
    """``model`` filled from the same-named fields of ``message``; ``nested`` gives message fields.

    An unset Timestamp is None, a repeated field a list."""
    values = dict(nested)
    for name, kind in _reading(model, message.DESCRIPTOR):
        if name in nested:
            continue
        if kind is None:
            raise KeyError(f"{message.DESCRIPTOR.full_name} has no field {name}")
        value = getattr(message, name)
        if kind == _TIMESTAMP:
            values[name] = value.ToDatetime(tzinfo=UTC) if message.HasField(name) else None
        else:
            values[name] = list(value) if kind == _REPEATED else value
    return model(**values)


def assignment_public(message: pb.Assignment) -> AssignmentPublic:
    return from_pb(AssignmentPublic, message)


def suggestion_public(message: pb.Suggestion) -> SuggestionPublic:
    return from_pb(
        SuggestionPublic,
        message,
        cosigners=[from_pb(CosignerPublic, m) for m in message.cosigners],
        assignment=assignment_public(message.assignment) if message.HasField("assignment") else None,
        send_backs=[from_pb(SendBackPublic, m, proposal=assignment_public(m.proposal)) for m in message.send_backs],
        units=[from_pb(UnitContactPublic, m) for m in message.units],
        opinions=[from_pb(CoUnitOpinionPublic, m) for m in message.opinions],
        replies=[from_pb(ReplyPublic, m) for m in message.replies],
        evaluations=[from_pb(EvaluationPublic, m) for m in message.evaluations],
        return_visits=[from_pb(ReturnVisitPublic, m) for m in message.return_visits],
        escalations=[from_pb(EscalationPublic, m) for m in message.escalations],
    )


def stats_public(message: pb.Stats) -> StatsPublic:
    units = [
        from_pb(UnitStatsPublic, m, satisfaction_rate=m.satisfaction_rate if m.evaluated else None)
        for m in message.units
    ]
    return StatsPublic(units=units, deputies=[from_pb(DeputyStatsPublic, m) for m in message.deputies])


# --- dates, as JSON carries them ---------------------------------------------------------------------


DAY_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def day_text(value: object) -> object:
    """JSON carries a date as ``YYYY-MM-DD`` text; a number or a time of day is no date."""
    if (isinstance(value, str) and DAY_TEXT.fullmatch(value)) or type(value) is date:
        return value
    raise PydanticCustomError("date_type", "应为 YYYY-MM-DD 格式的日期，如 2026-03-31")


# strict=False: a strict model refuses the ISO text that JSON carries.
Day = Annotated[
    date, Field(strict=False), BeforeValidator(day_text), WithJsonSchema({"type": "string", "format": "date"})
]
OptionalDay = Annotated[
    date | None,
    Field(strict=False),
    BeforeValidator(lambda value: value if value is None else day_text(value)),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}),
]
