import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Ref(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ReasonRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("id", "version", "json")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: int
    json: str
    def __init__(self, id: _Optional[str] = ..., version: _Optional[int] = ..., json: _Optional[str] = ...) -> None: ...

class ListRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "filters")
    class FiltersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    filters: _containers.ScalarMap[str, str]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., filters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListResponse(_message.Message):
    __slots__ = ("items", "next_page_token", "total", "counts")
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedScalarFieldContainer[str]
    next_page_token: str
    total: int
    counts: _containers.ScalarMap[str, int]
    def __init__(self, items: _Optional[_Iterable[str]] = ..., next_page_token: _Optional[str] = ..., total: _Optional[int] = ..., counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class DepartmentInput(_message.Message):
    __slots__ = ("unit", "name")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    unit: str
    name: str
    def __init__(self, unit: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class TeamInput(_message.Message):
    __slots__ = ("name", "leader_subject", "leader_name", "member_subjects", "units")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEADER_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LEADER_NAME_FIELD_NUMBER: _ClassVar[int]
    MEMBER_SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    name: str
    leader_subject: str
    leader_name: str
    member_subjects: _containers.RepeatedScalarFieldContainer[str]
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., leader_subject: _Optional[str] = ..., leader_name: _Optional[str] = ..., member_subjects: _Optional[_Iterable[str]] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class CampaignPlan(_message.Message):
    __slots__ = ("year", "name", "departments", "teams")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENTS_FIELD_NUMBER: _ClassVar[int]
    TEAMS_FIELD_NUMBER: _ClassVar[int]
    year: int
    name: str
    departments: _containers.RepeatedCompositeFieldContainer[DepartmentInput]
    teams: _containers.RepeatedCompositeFieldContainer[TeamInput]
    def __init__(self, year: _Optional[int] = ..., name: _Optional[str] = ..., departments: _Optional[_Iterable[_Union[DepartmentInput, _Mapping]]] = ..., teams: _Optional[_Iterable[_Union[TeamInput, _Mapping]]] = ...) -> None: ...

class FileReference(_message.Message):
    __slots__ = ("unit", "kind", "text")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    unit: str
    kind: str
    text: str
    def __init__(self, unit: _Optional[str] = ..., kind: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class RecordActivity(_message.Message):
    __slots__ = ("unit", "kind", "held_on", "summary", "findings", "opinion_group", "station_present")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    OPINION_GROUP_FIELD_NUMBER: _ClassVar[int]
    STATION_PRESENT_FIELD_NUMBER: _ClassVar[int]
    unit: str
    kind: str
    held_on: str
    summary: str
    findings: _containers.RepeatedScalarFieldContainer[str]
    opinion_group: str
    station_present: bool
    def __init__(self, unit: _Optional[str] = ..., kind: _Optional[str] = ..., held_on: _Optional[str] = ..., summary: _Optional[str] = ..., findings: _Optional[_Iterable[str]] = ..., opinion_group: _Optional[str] = ..., station_present: _Optional[bool] = ...) -> None: ...

class AppraisalBallot(_message.Message):
    __slots__ = ("title", "electorate", "mode", "threshold_percent", "closes_at")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    CLOSES_AT_FIELD_NUMBER: _ClassVar[int]
    title: str
    electorate: _containers.RepeatedScalarFieldContainer[str]
    mode: str
    threshold_percent: int
    closes_at: _timestamp_pb2.Timestamp
    def __init__(self, title: _Optional[str] = ..., electorate: _Optional[_Iterable[str]] = ..., mode: _Optional[str] = ..., threshold_percent: _Optional[int] = ..., closes_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SubjectInput(_message.Message):
    __slots__ = ("ref", "name")
    REF_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ref: str
    name: str
    def __init__(self, ref: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class SessionPlan(_message.Message):
    __slots__ = ("title", "purpose", "subject_kind", "subjects", "mode", "electorate", "campaign_id", "threshold_percent", "closes_at")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    CLOSES_AT_FIELD_NUMBER: _ClassVar[int]
    title: str
    purpose: str
    subject_kind: str
    subjects: _containers.RepeatedCompositeFieldContainer[SubjectInput]
    mode: str
    electorate: _containers.RepeatedScalarFieldContainer[str]
    campaign_id: str
    threshold_percent: int
    closes_at: _timestamp_pb2.Timestamp
    def __init__(self, title: _Optional[str] = ..., purpose: _Optional[str] = ..., subject_kind: _Optional[str] = ..., subjects: _Optional[_Iterable[_Union[SubjectInput, _Mapping]]] = ..., mode: _Optional[str] = ..., electorate: _Optional[_Iterable[str]] = ..., campaign_id: _Optional[str] = ..., threshold_percent: _Optional[int] = ..., closes_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateSession(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: SessionPlan
    def __init__(self, plan: _Optional[_Union[SessionPlan, _Mapping]] = ...) -> None: ...

class EditSession(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: SessionPlan
    def __init__(self, plan: _Optional[_Union[SessionPlan, _Mapping]] = ...) -> None: ...

class Mark(_message.Message):
    __slots__ = ("ref", "grade", "score")
    REF_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    ref: str
    grade: str
    score: int
    def __init__(self, ref: _Optional[str] = ..., grade: _Optional[str] = ..., score: _Optional[int] = ...) -> None: ...

class CastBallot(_message.Message):
    __slots__ = ("marks",)
    MARKS_FIELD_NUMBER: _ClassVar[int]
    marks: _containers.RepeatedCompositeFieldContainer[Mark]
    def __init__(self, marks: _Optional[_Iterable[_Union[Mark, _Mapping]]] = ...) -> None: ...

class ItemContent(_message.Message):
    __slots__ = ("unit", "unit_name", "problem", "required_measures", "unit_kind", "months", "due_on")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_MEASURES_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    unit: str
    unit_name: str
    problem: str
    required_measures: str
    unit_kind: str
    months: int
    due_on: str
    def __init__(self, unit: _Optional[str] = ..., unit_name: _Optional[str] = ..., problem: _Optional[str] = ..., required_measures: _Optional[str] = ..., unit_kind: _Optional[str] = ..., months: _Optional[int] = ..., due_on: _Optional[str] = ...) -> None: ...

class RaiseItem(_message.Message):
    __slots__ = ("source", "source_ref", "content")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    source: str
    source_ref: str
    content: ItemContent
    def __init__(self, source: _Optional[str] = ..., source_ref: _Optional[str] = ..., content: _Optional[_Union[ItemContent, _Mapping]] = ...) -> None: ...

class RaiseForService(_message.Message):
    __slots__ = ("raising_body", "official_subject", "official_name", "item")
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_NAME_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    raising_body: str
    official_subject: str
    official_name: str
    item: RaiseItem
    def __init__(self, raising_body: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_name: _Optional[str] = ..., item: _Optional[_Union[RaiseItem, _Mapping]] = ...) -> None: ...

class ServiceStep(_message.Message):
    __slots__ = ("item_id", "official_subject", "official_name", "at", "org_unit")
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_NAME_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    ORG_UNIT_FIELD_NUMBER: _ClassVar[int]
    item_id: str
    official_subject: str
    official_name: str
    at: _timestamp_pb2.Timestamp
    org_unit: str
    def __init__(self, item_id: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_name: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., org_unit: _Optional[str] = ...) -> None: ...

class DeclarePlan(_message.Message):
    __slots__ = ("measures", "leader", "person", "target")
    MEASURES_FIELD_NUMBER: _ClassVar[int]
    LEADER_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    measures: str
    leader: str
    person: str
    target: str
    def __init__(self, measures: _Optional[str] = ..., leader: _Optional[str] = ..., person: _Optional[str] = ..., target: _Optional[str] = ...) -> None: ...

class DeclarePlanForService(_message.Message):
    __slots__ = ("step", "plan")
    STEP_FIELD_NUMBER: _ClassVar[int]
    PLAN_FIELD_NUMBER: _ClassVar[int]
    step: ServiceStep
    plan: DeclarePlan
    def __init__(self, step: _Optional[_Union[ServiceStep, _Mapping]] = ..., plan: _Optional[_Union[DeclarePlan, _Mapping]] = ...) -> None: ...

class ReportRectification(_message.Message):
    __slots__ = ("kind", "text", "measures_taken")
    KIND_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MEASURES_TAKEN_FIELD_NUMBER: _ClassVar[int]
    kind: str
    text: str
    measures_taken: str
    def __init__(self, kind: _Optional[str] = ..., text: _Optional[str] = ..., measures_taken: _Optional[str] = ...) -> None: ...

class ReportForService(_message.Message):
    __slots__ = ("step", "report")
    STEP_FIELD_NUMBER: _ClassVar[int]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    step: ServiceStep
    report: ReportRectification
    def __init__(self, step: _Optional[_Union[ServiceStep, _Mapping]] = ..., report: _Optional[_Union[ReportRectification, _Mapping]] = ...) -> None: ...

class CloseOutItem(_message.Message):
    __slots__ = ("grade", "note", "months", "due_on")
    GRADE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    grade: str
    note: str
    months: int
    due_on: str
    def __init__(self, grade: _Optional[str] = ..., note: _Optional[str] = ..., months: _Optional[int] = ..., due_on: _Optional[str] = ...) -> None: ...

class CloseOutForService(_message.Message):
    __slots__ = ("step", "close_out")
    STEP_FIELD_NUMBER: _ClassVar[int]
    CLOSE_OUT_FIELD_NUMBER: _ClassVar[int]
    step: ServiceStep
    close_out: CloseOutItem
    def __init__(self, step: _Optional[_Union[ServiceStep, _Mapping]] = ..., close_out: _Optional[_Union[CloseOutItem, _Mapping]] = ...) -> None: ...

class WithdrawItem(_message.Message):
    __slots__ = ("reason",)
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class WithdrawForService(_message.Message):
    __slots__ = ("step", "withdrawal")
    STEP_FIELD_NUMBER: _ClassVar[int]
    WITHDRAWAL_FIELD_NUMBER: _ClassVar[int]
    step: ServiceStep
    withdrawal: WithdrawItem
    def __init__(self, step: _Optional[_Union[ServiceStep, _Mapping]] = ..., withdrawal: _Optional[_Union[WithdrawItem, _Mapping]] = ...) -> None: ...

class EditItem(_message.Message):
    __slots__ = ("content",)
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    content: ItemContent
    def __init__(self, content: _Optional[_Union[ItemContent, _Mapping]] = ...) -> None: ...

class AddFollowUp(_message.Message):
    __slots__ = ("note", "relapsed", "months", "due_on")
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RELAPSED_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    note: str
    relapsed: bool
    months: int
    due_on: str
    def __init__(self, note: _Optional[str] = ..., relapsed: _Optional[bool] = ..., months: _Optional[int] = ..., due_on: _Optional[str] = ...) -> None: ...

class MilestoneInput(_message.Message):
    __slots__ = ("due", "quantity", "step")
    DUE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    due: str
    quantity: str
    step: str
    def __init__(self, due: _Optional[str] = ..., quantity: _Optional[str] = ..., step: _Optional[str] = ...) -> None: ...

class TargetInput(_message.Message):
    __slots__ = ("name", "unit", "planned", "milestones")
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    PLANNED_FIELD_NUMBER: _ClassVar[int]
    MILESTONES_FIELD_NUMBER: _ClassVar[int]
    name: str
    unit: str
    planned: str
    milestones: _containers.RepeatedCompositeFieldContainer[MilestoneInput]
    def __init__(self, name: _Optional[str] = ..., unit: _Optional[str] = ..., planned: _Optional[str] = ..., milestones: _Optional[_Iterable[_Union[MilestoneInput, _Mapping]]] = ...) -> None: ...

class CandidateDetails(_message.Message):
    __slots__ = ("title", "description", "department_unit", "department_name", "source", "targets")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_UNIT_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    title: str
    description: str
    department_unit: str
    department_name: str
    source: str
    targets: _containers.RepeatedCompositeFieldContainer[TargetInput]
    def __init__(self, title: _Optional[str] = ..., description: _Optional[str] = ..., department_unit: _Optional[str] = ..., department_name: _Optional[str] = ..., source: _Optional[str] = ..., targets: _Optional[_Iterable[_Union[TargetInput, _Mapping]]] = ...) -> None: ...

class AddCandidate(_message.Message):
    __slots__ = ("year", "details")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    year: int
    details: CandidateDetails
    def __init__(self, year: _Optional[int] = ..., details: _Optional[_Union[CandidateDetails, _Mapping]] = ...) -> None: ...

class EditCandidate(_message.Message):
    __slots__ = ("details",)
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    details: CandidateDetails
    def __init__(self, details: _Optional[_Union[CandidateDetails, _Mapping]] = ...) -> None: ...

class CreateVote(_message.Message):
    __slots__ = ("year", "places", "electorate")
    YEAR_FIELD_NUMBER: _ClassVar[int]
    PLACES_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_FIELD_NUMBER: _ClassVar[int]
    year: int
    places: int
    electorate: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, year: _Optional[int] = ..., places: _Optional[int] = ..., electorate: _Optional[_Iterable[str]] = ...) -> None: ...

class EditVote(_message.Message):
    __slots__ = ("places", "electorate")
    PLACES_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_FIELD_NUMBER: _ClassVar[int]
    places: int
    electorate: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, places: _Optional[int] = ..., electorate: _Optional[_Iterable[str]] = ...) -> None: ...

class CastPicks(_message.Message):
    __slots__ = ("candidate_ids",)
    CANDIDATE_IDS_FIELD_NUMBER: _ClassVar[int]
    candidate_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, candidate_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CreateRunoff(_message.Message):
    __slots__ = ("electorate",)
    ELECTORATE_FIELD_NUMBER: _ClassVar[int]
    electorate: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, electorate: _Optional[_Iterable[str]] = ...) -> None: ...

class ReportProgress(_message.Message):
    __slots__ = ("target_index", "achieved", "as_of", "text", "steps_reached")
    TARGET_INDEX_FIELD_NUMBER: _ClassVar[int]
    ACHIEVED_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    STEPS_REACHED_FIELD_NUMBER: _ClassVar[int]
    target_index: int
    achieved: str
    as_of: str
    text: str
    steps_reached: _containers.RepeatedScalarFieldContainer[int]
    def __init__(self, target_index: _Optional[int] = ..., achieved: _Optional[str] = ..., as_of: _Optional[str] = ..., text: _Optional[str] = ..., steps_reached: _Optional[_Iterable[int]] = ...) -> None: ...

class ParticipantInput(_message.Message):
    __slots__ = ("body", "name")
    BODY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    body: str
    name: str
    def __init__(self, body: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ProblemInput(_message.Message):
    __slots__ = ("problem", "measures", "unit")
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    MEASURES_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    problem: str
    measures: str
    unit: str
    def __init__(self, problem: _Optional[str] = ..., measures: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class RecordInspection(_message.Message):
    __slots__ = ("held_on", "participants", "notes", "problems")
    HELD_ON_FIELD_NUMBER: _ClassVar[int]
    PARTICIPANTS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    held_on: str
    participants: _containers.RepeatedCompositeFieldContainer[ParticipantInput]
    notes: str
    problems: _containers.RepeatedCompositeFieldContainer[ProblemInput]
    def __init__(self, held_on: _Optional[str] = ..., participants: _Optional[_Iterable[_Union[ParticipantInput, _Mapping]]] = ..., notes: _Optional[str] = ..., problems: _Optional[_Iterable[_Union[ProblemInput, _Mapping]]] = ...) -> None: ...

class LinkSatisfactionSession(_message.Message):
    __slots__ = ("session_id",)
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    def __init__(self, session_id: _Optional[str] = ...) -> None: ...

class CampaignPlanRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CampaignPlan
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CampaignPlan, _Mapping]] = ...) -> None: ...

class FileReferenceRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: FileReference
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[FileReference, _Mapping]] = ...) -> None: ...

class RecordActivityRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: RecordActivity
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[RecordActivity, _Mapping]] = ...) -> None: ...

class AppraisalBallotRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AppraisalBallot
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AppraisalBallot, _Mapping]] = ...) -> None: ...

class EditSessionRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: EditSession
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[EditSession, _Mapping]] = ...) -> None: ...

class CastBallotRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CastBallot
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CastBallot, _Mapping]] = ...) -> None: ...

class EditItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: EditItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[EditItem, _Mapping]] = ...) -> None: ...

class DeclarePlanRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: DeclarePlan
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[DeclarePlan, _Mapping]] = ...) -> None: ...

class ReportRectificationRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: ReportRectification
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[ReportRectification, _Mapping]] = ...) -> None: ...

class CloseOutItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CloseOutItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CloseOutItem, _Mapping]] = ...) -> None: ...

class AddFollowUpRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AddFollowUp
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AddFollowUp, _Mapping]] = ...) -> None: ...

class EditCandidateRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: EditCandidate
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[EditCandidate, _Mapping]] = ...) -> None: ...

class EditVoteRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: EditVote
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[EditVote, _Mapping]] = ...) -> None: ...

class CastPicksRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CastPicks
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CastPicks, _Mapping]] = ...) -> None: ...

class CreateRunoffRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CreateRunoff
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CreateRunoff, _Mapping]] = ...) -> None: ...

class ReportProgressRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: ReportProgress
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[ReportProgress, _Mapping]] = ...) -> None: ...

class RecordInspectionRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: RecordInspection
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[RecordInspection, _Mapping]] = ...) -> None: ...

class LinkSatisfactionSessionRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: LinkSatisfactionSession
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[LinkSatisfactionSession, _Mapping]] = ...) -> None: ...
