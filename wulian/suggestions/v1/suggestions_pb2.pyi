import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Cosigner(_message.Message):
    __slots__ = ("subject", "name", "added_at")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    subject: str
    name: str
    added_at: _timestamp_pb2.Timestamp
    def __init__(self, subject: _Optional[str] = ..., name: _Optional[str] = ..., added_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Assignment(_message.Message):
    __slots__ = ("lead_unit", "co_units", "complex", "consultation_note", "proposed_by", "proposed_at", "confirmed_by", "confirmed_at")
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    CO_UNITS_FIELD_NUMBER: _ClassVar[int]
    COMPLEX_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_NOTE_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_AT_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_BY_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_AT_FIELD_NUMBER: _ClassVar[int]
    lead_unit: str
    co_units: _containers.RepeatedScalarFieldContainer[str]
    complex: bool
    consultation_note: str
    proposed_by: str
    proposed_at: _timestamp_pb2.Timestamp
    confirmed_by: str
    confirmed_at: _timestamp_pb2.Timestamp
    def __init__(self, lead_unit: _Optional[str] = ..., co_units: _Optional[_Iterable[str]] = ..., complex: _Optional[bool] = ..., consultation_note: _Optional[str] = ..., proposed_by: _Optional[str] = ..., proposed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., confirmed_by: _Optional[str] = ..., confirmed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SendBack(_message.Message):
    __slots__ = ("proposal", "reason", "sent_back_by", "sent_back_at")
    PROPOSAL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    SENT_BACK_BY_FIELD_NUMBER: _ClassVar[int]
    SENT_BACK_AT_FIELD_NUMBER: _ClassVar[int]
    proposal: Assignment
    reason: str
    sent_back_by: str
    sent_back_at: _timestamp_pb2.Timestamp
    def __init__(self, proposal: _Optional[_Union[Assignment, _Mapping]] = ..., reason: _Optional[str] = ..., sent_back_by: _Optional[str] = ..., sent_back_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class UnitContact(_message.Message):
    __slots__ = ("unit", "lead", "contact_due_at", "contacted_at", "method", "contact_person", "agreed", "overdue")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    CONTACT_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    CONTACTED_AT_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PERSON_FIELD_NUMBER: _ClassVar[int]
    AGREED_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    unit: str
    lead: bool
    contact_due_at: _timestamp_pb2.Timestamp
    contacted_at: _timestamp_pb2.Timestamp
    method: str
    contact_person: str
    agreed: str
    overdue: bool
    def __init__(self, unit: _Optional[str] = ..., lead: _Optional[bool] = ..., contact_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., contacted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., method: _Optional[str] = ..., contact_person: _Optional[str] = ..., agreed: _Optional[str] = ..., overdue: _Optional[bool] = ...) -> None: ...

class CoUnitOpinion(_message.Message):
    __slots__ = ("unit", "text", "round", "given_at")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    GIVEN_AT_FIELD_NUMBER: _ClassVar[int]
    unit: str
    text: str
    round: int
    given_at: _timestamp_pb2.Timestamp
    def __init__(self, unit: _Optional[str] = ..., text: _Optional[str] = ..., round: _Optional[int] = ..., given_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Reply(_message.Message):
    __slots__ = ("unit", "result", "text", "round", "due_at", "replied_at", "on_time")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    REPLIED_AT_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    unit: str
    result: str
    text: str
    round: int
    due_at: _timestamp_pb2.Timestamp
    replied_at: _timestamp_pb2.Timestamp
    on_time: bool
    def __init__(self, unit: _Optional[str] = ..., result: _Optional[str] = ..., text: _Optional[str] = ..., round: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., replied_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., on_time: _Optional[bool] = ...) -> None: ...

class Evaluation(_message.Message):
    __slots__ = ("attitude", "method", "effect", "overall", "comment", "round", "evaluated_at")
    ATTITUDE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    EFFECT_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    EVALUATED_AT_FIELD_NUMBER: _ClassVar[int]
    attitude: str
    method: str
    effect: str
    overall: str
    comment: str
    round: int
    evaluated_at: _timestamp_pb2.Timestamp
    def __init__(self, attitude: _Optional[str] = ..., method: _Optional[str] = ..., effect: _Optional[str] = ..., overall: _Optional[str] = ..., comment: _Optional[str] = ..., round: _Optional[int] = ..., evaluated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnVisit(_message.Message):
    __slots__ = ("unit", "visited_at", "findings", "meeting", "talks", "problems", "recorded_by")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    VISITED_AT_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    MEETING_FIELD_NUMBER: _ClassVar[int]
    TALKS_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    unit: str
    visited_at: _timestamp_pb2.Timestamp
    findings: str
    meeting: str
    talks: str
    problems: str
    recorded_by: str
    def __init__(self, unit: _Optional[str] = ..., visited_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., findings: _Optional[str] = ..., meeting: _Optional[str] = ..., talks: _Optional[str] = ..., problems: _Optional[str] = ..., recorded_by: _Optional[str] = ...) -> None: ...

class Escalation(_message.Message):
    __slots__ = ("no", "reasons", "details", "escalated_by", "escalated_at", "clue_transfer", "clue_id", "response", "responded_at")
    NO_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_BY_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_AT_FIELD_NUMBER: _ClassVar[int]
    CLUE_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    RESPONDED_AT_FIELD_NUMBER: _ClassVar[int]
    no: int
    reasons: _containers.RepeatedScalarFieldContainer[str]
    details: str
    escalated_by: str
    escalated_at: _timestamp_pb2.Timestamp
    clue_transfer: str
    clue_id: str
    response: str
    responded_at: _timestamp_pb2.Timestamp
    def __init__(self, no: _Optional[int] = ..., reasons: _Optional[_Iterable[str]] = ..., details: _Optional[str] = ..., escalated_by: _Optional[str] = ..., escalated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., clue_transfer: _Optional[str] = ..., clue_id: _Optional[str] = ..., response: _Optional[str] = ..., responded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Suggestion(_message.Message):
    __slots__ = ("id", "number", "title", "content", "category", "status", "deputy_subject", "deputy_name", "submitted_at", "session", "created_at", "version", "cosigners", "assignment", "send_backs", "units", "opinions", "replies", "evaluations", "return_visits", "escalations", "escalated", "rehandlings", "reply_due_at", "contact_overdue", "reply_overdue")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    COSIGNERS_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_FIELD_NUMBER: _ClassVar[int]
    SEND_BACKS_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    OPINIONS_FIELD_NUMBER: _ClassVar[int]
    REPLIES_FIELD_NUMBER: _ClassVar[int]
    EVALUATIONS_FIELD_NUMBER: _ClassVar[int]
    RETURN_VISITS_FIELD_NUMBER: _ClassVar[int]
    ESCALATIONS_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FIELD_NUMBER: _ClassVar[int]
    REHANDLINGS_FIELD_NUMBER: _ClassVar[int]
    REPLY_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    CONTACT_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    REPLY_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    title: str
    content: str
    category: str
    status: str
    deputy_subject: str
    deputy_name: str
    submitted_at: _timestamp_pb2.Timestamp
    session: str
    created_at: _timestamp_pb2.Timestamp
    version: int
    cosigners: _containers.RepeatedCompositeFieldContainer[Cosigner]
    assignment: Assignment
    send_backs: _containers.RepeatedCompositeFieldContainer[SendBack]
    units: _containers.RepeatedCompositeFieldContainer[UnitContact]
    opinions: _containers.RepeatedCompositeFieldContainer[CoUnitOpinion]
    replies: _containers.RepeatedCompositeFieldContainer[Reply]
    evaluations: _containers.RepeatedCompositeFieldContainer[Evaluation]
    return_visits: _containers.RepeatedCompositeFieldContainer[ReturnVisit]
    escalations: _containers.RepeatedCompositeFieldContainer[Escalation]
    escalated: bool
    rehandlings: int
    reply_due_at: _timestamp_pb2.Timestamp
    contact_overdue: bool
    reply_overdue: bool
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., category: _Optional[str] = ..., status: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., deputy_name: _Optional[str] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., session: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., cosigners: _Optional[_Iterable[_Union[Cosigner, _Mapping]]] = ..., assignment: _Optional[_Union[Assignment, _Mapping]] = ..., send_backs: _Optional[_Iterable[_Union[SendBack, _Mapping]]] = ..., units: _Optional[_Iterable[_Union[UnitContact, _Mapping]]] = ..., opinions: _Optional[_Iterable[_Union[CoUnitOpinion, _Mapping]]] = ..., replies: _Optional[_Iterable[_Union[Reply, _Mapping]]] = ..., evaluations: _Optional[_Iterable[_Union[Evaluation, _Mapping]]] = ..., return_visits: _Optional[_Iterable[_Union[ReturnVisit, _Mapping]]] = ..., escalations: _Optional[_Iterable[_Union[Escalation, _Mapping]]] = ..., escalated: _Optional[bool] = ..., rehandlings: _Optional[int] = ..., reply_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., contact_overdue: _Optional[bool] = ..., reply_overdue: _Optional[bool] = ...) -> None: ...

class SuggestionRef(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class SubmitSuggestionRequest(_message.Message):
    __slots__ = ("title", "content", "category")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    title: str
    content: str
    category: str
    def __init__(self, title: _Optional[str] = ..., content: _Optional[str] = ..., category: _Optional[str] = ...) -> None: ...

class DraftSuggestionRequest(_message.Message):
    __slots__ = ("title", "content", "category", "deputy_subject", "deputy_name", "submit")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBMIT_FIELD_NUMBER: _ClassVar[int]
    title: str
    content: str
    category: str
    deputy_subject: str
    deputy_name: str
    submit: bool
    def __init__(self, title: _Optional[str] = ..., content: _Optional[str] = ..., category: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., deputy_name: _Optional[str] = ..., submit: _Optional[bool] = ...) -> None: ...

class EditDraftRequest(_message.Message):
    __slots__ = ("id", "title", "content", "category")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    content: str
    category: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., content: _Optional[str] = ..., category: _Optional[str] = ...) -> None: ...

class AddCosignerRequest(_message.Message):
    __slots__ = ("id", "subject", "name")
    ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    id: str
    subject: str
    name: str
    def __init__(self, id: _Optional[str] = ..., subject: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class GetSuggestionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListSuggestionsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "status", "category", "year", "unit", "overdue", "deputy_subject")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    status: str
    category: str
    year: int
    unit: str
    overdue: str
    deputy_subject: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[str] = ..., category: _Optional[str] = ..., year: _Optional[int] = ..., unit: _Optional[str] = ..., overdue: _Optional[str] = ..., deputy_subject: _Optional[str] = ...) -> None: ...

class ListSuggestionsResponse(_message.Message):
    __slots__ = ("items", "next_page_token", "total")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Suggestion]
    next_page_token: str
    total: int
    def __init__(self, items: _Optional[_Iterable[_Union[Suggestion, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total: _Optional[int] = ...) -> None: ...

class ProposeAssignmentRequest(_message.Message):
    __slots__ = ("id", "lead_unit", "co_units", "complex", "consultation_note")
    ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    CO_UNITS_FIELD_NUMBER: _ClassVar[int]
    COMPLEX_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    lead_unit: str
    co_units: _containers.RepeatedScalarFieldContainer[str]
    complex: bool
    consultation_note: str
    def __init__(self, id: _Optional[str] = ..., lead_unit: _Optional[str] = ..., co_units: _Optional[_Iterable[str]] = ..., complex: _Optional[bool] = ..., consultation_note: _Optional[str] = ...) -> None: ...

class SendBackAssignmentRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RecordContactRequest(_message.Message):
    __slots__ = ("id", "contacted_at", "method", "contact_person", "agreed")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTACTED_AT_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    CONTACT_PERSON_FIELD_NUMBER: _ClassVar[int]
    AGREED_FIELD_NUMBER: _ClassVar[int]
    id: str
    contacted_at: _timestamp_pb2.Timestamp
    method: str
    contact_person: str
    agreed: str
    def __init__(self, id: _Optional[str] = ..., contacted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., method: _Optional[str] = ..., contact_person: _Optional[str] = ..., agreed: _Optional[str] = ...) -> None: ...

class GiveCoUnitOpinionRequest(_message.Message):
    __slots__ = ("id", "text")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class ReplyRequest(_message.Message):
    __slots__ = ("id", "result", "text")
    ID_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    result: str
    text: str
    def __init__(self, id: _Optional[str] = ..., result: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class EvaluateRequest(_message.Message):
    __slots__ = ("id", "attitude", "method", "effect", "overall", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    ATTITUDE_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    EFFECT_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    attitude: str
    method: str
    effect: str
    overall: str
    comment: str
    def __init__(self, id: _Optional[str] = ..., attitude: _Optional[str] = ..., method: _Optional[str] = ..., effect: _Optional[str] = ..., overall: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class RecordReturnVisitRequest(_message.Message):
    __slots__ = ("id", "unit", "visited_at", "findings", "meeting", "talks", "problems")
    ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    VISITED_AT_FIELD_NUMBER: _ClassVar[int]
    FINDINGS_FIELD_NUMBER: _ClassVar[int]
    MEETING_FIELD_NUMBER: _ClassVar[int]
    TALKS_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    id: str
    unit: str
    visited_at: _timestamp_pb2.Timestamp
    findings: str
    meeting: str
    talks: str
    problems: str
    def __init__(self, id: _Optional[str] = ..., unit: _Optional[str] = ..., visited_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., findings: _Optional[str] = ..., meeting: _Optional[str] = ..., talks: _Optional[str] = ..., problems: _Optional[str] = ...) -> None: ...

class EscalateRequest(_message.Message):
    __slots__ = ("id", "reasons", "details")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    id: str
    reasons: _containers.RepeatedScalarFieldContainer[str]
    details: str
    def __init__(self, id: _Optional[str] = ..., reasons: _Optional[_Iterable[str]] = ..., details: _Optional[str] = ...) -> None: ...

class RespondToEscalationRequest(_message.Message):
    __slots__ = ("id", "escalation_no", "response")
    ID_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_NO_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_FIELD_NUMBER: _ClassVar[int]
    id: str
    escalation_no: int
    response: str
    def __init__(self, id: _Optional[str] = ..., escalation_no: _Optional[int] = ..., response: _Optional[str] = ...) -> None: ...

class GetStatsRequest(_message.Message):
    __slots__ = ("year",)
    YEAR_FIELD_NUMBER: _ClassVar[int]
    year: int
    def __init__(self, year: _Optional[int] = ...) -> None: ...

class UnitStats(_message.Message):
    __slots__ = ("unit", "year", "assigned", "as_lead", "contacted", "contacted_within_48h", "contact_overdue", "replied", "replied_on_time", "evaluated", "satisfied", "basically_satisfied", "dissatisfied", "satisfaction_rate", "rehandled", "escalated")
    UNIT_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_FIELD_NUMBER: _ClassVar[int]
    AS_LEAD_FIELD_NUMBER: _ClassVar[int]
    CONTACTED_FIELD_NUMBER: _ClassVar[int]
    CONTACTED_WITHIN_48H_FIELD_NUMBER: _ClassVar[int]
    CONTACT_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    REPLIED_FIELD_NUMBER: _ClassVar[int]
    REPLIED_ON_TIME_FIELD_NUMBER: _ClassVar[int]
    EVALUATED_FIELD_NUMBER: _ClassVar[int]
    SATISFIED_FIELD_NUMBER: _ClassVar[int]
    BASICALLY_SATISFIED_FIELD_NUMBER: _ClassVar[int]
    DISSATISFIED_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_RATE_FIELD_NUMBER: _ClassVar[int]
    REHANDLED_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FIELD_NUMBER: _ClassVar[int]
    unit: str
    year: int
    assigned: int
    as_lead: int
    contacted: int
    contacted_within_48h: int
    contact_overdue: int
    replied: int
    replied_on_time: int
    evaluated: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    satisfaction_rate: float
    rehandled: int
    escalated: int
    def __init__(self, unit: _Optional[str] = ..., year: _Optional[int] = ..., assigned: _Optional[int] = ..., as_lead: _Optional[int] = ..., contacted: _Optional[int] = ..., contacted_within_48h: _Optional[int] = ..., contact_overdue: _Optional[int] = ..., replied: _Optional[int] = ..., replied_on_time: _Optional[int] = ..., evaluated: _Optional[int] = ..., satisfied: _Optional[int] = ..., basically_satisfied: _Optional[int] = ..., dissatisfied: _Optional[int] = ..., satisfaction_rate: _Optional[float] = ..., rehandled: _Optional[int] = ..., escalated: _Optional[int] = ...) -> None: ...

class DeputyStats(_message.Message):
    __slots__ = ("deputy_subject", "year", "submitted", "cosigned", "assigned", "replied", "closed", "evaluated", "satisfied", "basically_satisfied", "dissatisfied", "rehandled", "escalated")
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_FIELD_NUMBER: _ClassVar[int]
    COSIGNED_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_FIELD_NUMBER: _ClassVar[int]
    REPLIED_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    EVALUATED_FIELD_NUMBER: _ClassVar[int]
    SATISFIED_FIELD_NUMBER: _ClassVar[int]
    BASICALLY_SATISFIED_FIELD_NUMBER: _ClassVar[int]
    DISSATISFIED_FIELD_NUMBER: _ClassVar[int]
    REHANDLED_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_FIELD_NUMBER: _ClassVar[int]
    deputy_subject: str
    year: int
    submitted: int
    cosigned: int
    assigned: int
    replied: int
    closed: int
    evaluated: int
    satisfied: int
    basically_satisfied: int
    dissatisfied: int
    rehandled: int
    escalated: int
    def __init__(self, deputy_subject: _Optional[str] = ..., year: _Optional[int] = ..., submitted: _Optional[int] = ..., cosigned: _Optional[int] = ..., assigned: _Optional[int] = ..., replied: _Optional[int] = ..., closed: _Optional[int] = ..., evaluated: _Optional[int] = ..., satisfied: _Optional[int] = ..., basically_satisfied: _Optional[int] = ..., dissatisfied: _Optional[int] = ..., rehandled: _Optional[int] = ..., escalated: _Optional[int] = ...) -> None: ...

class Stats(_message.Message):
    __slots__ = ("units", "deputies")
    UNITS_FIELD_NUMBER: _ClassVar[int]
    DEPUTIES_FIELD_NUMBER: _ClassVar[int]
    units: _containers.RepeatedCompositeFieldContainer[UnitStats]
    deputies: _containers.RepeatedCompositeFieldContainer[DeputyStats]
    def __init__(self, units: _Optional[_Iterable[_Union[UnitStats, _Mapping]]] = ..., deputies: _Optional[_Iterable[_Union[DeputyStats, _Mapping]]] = ...) -> None: ...

class HistoryEntry(_message.Message):
    __slots__ = ("event", "occurred_at", "actor_subject", "actor_name", "actor_body", "request_id")
    EVENT_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_NAME_FIELD_NUMBER: _ClassVar[int]
    ACTOR_BODY_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    event: str
    occurred_at: _timestamp_pb2.Timestamp
    actor_subject: str
    actor_name: str
    actor_body: str
    request_id: str
    def __init__(self, event: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_subject: _Optional[str] = ..., actor_name: _Optional[str] = ..., actor_body: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class History(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[HistoryEntry]
    def __init__(self, entries: _Optional[_Iterable[_Union[HistoryEntry, _Mapping]]] = ...) -> None: ...
