import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class DraftCreated(_message.Message):
    __slots__ = ("meta", "suggestion_id", "deputy_subject", "drafted_by")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    DRAFTED_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    deputy_subject: str
    drafted_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., drafted_by: _Optional[str] = ...) -> None: ...

class DraftEdited(_message.Message):
    __slots__ = ("meta", "suggestion_id", "deputy_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    deputy_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., deputy_subject: _Optional[str] = ...) -> None: ...

class SuggestionSubmitted(_message.Message):
    __slots__ = ("meta", "suggestion_id", "number", "title", "category", "deputy_subject", "cosigners")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    COSIGNERS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    number: str
    title: str
    category: str
    deputy_subject: str
    cosigners: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., number: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., cosigners: _Optional[_Iterable[str]] = ...) -> None: ...

class CosignerAdded(_message.Message):
    __slots__ = ("meta", "suggestion_id", "deputy_subject", "cosigner_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    COSIGNER_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    deputy_subject: str
    cosigner_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., cosigner_subject: _Optional[str] = ...) -> None: ...

class AssignmentProposed(_message.Message):
    __slots__ = ("meta", "suggestion_id", "lead_unit", "co_units", "complex")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    CO_UNITS_FIELD_NUMBER: _ClassVar[int]
    COMPLEX_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    lead_unit: str
    co_units: _containers.RepeatedScalarFieldContainer[str]
    complex: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., lead_unit: _Optional[str] = ..., co_units: _Optional[_Iterable[str]] = ..., complex: _Optional[bool] = ...) -> None: ...

class AssignmentSentBack(_message.Message):
    __slots__ = ("meta", "suggestion_id", "reason", "proposed_by")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    reason: str
    proposed_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., reason: _Optional[str] = ..., proposed_by: _Optional[str] = ...) -> None: ...

class AssignmentConfirmed(_message.Message):
    __slots__ = ("meta", "suggestion_id", "deputy_subject", "lead_unit", "co_units", "complex", "contact_due_at", "reply_due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    CO_UNITS_FIELD_NUMBER: _ClassVar[int]
    COMPLEX_FIELD_NUMBER: _ClassVar[int]
    CONTACT_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    REPLY_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    deputy_subject: str
    lead_unit: str
    co_units: _containers.RepeatedScalarFieldContainer[str]
    complex: bool
    contact_due_at: _timestamp_pb2.Timestamp
    reply_due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., lead_unit: _Optional[str] = ..., co_units: _Optional[_Iterable[str]] = ..., complex: _Optional[bool] = ..., contact_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reply_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ContactRecorded(_message.Message):
    __slots__ = ("meta", "suggestion_id", "unit", "deputy_subject", "within_48h")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    WITHIN_48H_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    unit: str
    deputy_subject: str
    within_48h: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., unit: _Optional[str] = ..., deputy_subject: _Optional[str] = ..., within_48h: _Optional[bool] = ...) -> None: ...

class CoUnitOpinionGiven(_message.Message):
    __slots__ = ("meta", "suggestion_id", "unit", "lead_unit")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    unit: str
    lead_unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., unit: _Optional[str] = ..., lead_unit: _Optional[str] = ...) -> None: ...

class SuggestionReplied(_message.Message):
    __slots__ = ("meta", "suggestion_id", "unit", "result", "round", "on_time", "deputy_subject", "cosigners")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    COSIGNERS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    unit: str
    result: str
    round: int
    on_time: bool
    deputy_subject: str
    cosigners: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., unit: _Optional[str] = ..., result: _Optional[str] = ..., round: _Optional[int] = ..., on_time: _Optional[bool] = ..., deputy_subject: _Optional[str] = ..., cosigners: _Optional[_Iterable[str]] = ...) -> None: ...

class SuggestionEvaluated(_message.Message):
    __slots__ = ("meta", "suggestion_id", "lead_unit", "co_units", "overall", "round", "closed", "rehandling_due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    CO_UNITS_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    CLOSED_FIELD_NUMBER: _ClassVar[int]
    REHANDLING_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    lead_unit: str
    co_units: _containers.RepeatedScalarFieldContainer[str]
    overall: str
    round: int
    closed: bool
    rehandling_due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., lead_unit: _Optional[str] = ..., co_units: _Optional[_Iterable[str]] = ..., overall: _Optional[str] = ..., round: _Optional[int] = ..., closed: _Optional[bool] = ..., rehandling_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReturnVisitRecorded(_message.Message):
    __slots__ = ("meta", "suggestion_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class SuggestionEscalated(_message.Message):
    __slots__ = ("meta", "suggestion_id", "escalation_no", "reasons", "clue_transfer")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_NO_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    CLUE_TRANSFER_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    escalation_no: int
    reasons: _containers.RepeatedScalarFieldContainer[str]
    clue_transfer: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., escalation_no: _Optional[int] = ..., reasons: _Optional[_Iterable[str]] = ..., clue_transfer: _Optional[str] = ...) -> None: ...

class EscalationResponded(_message.Message):
    __slots__ = ("meta", "suggestion_id", "escalation_no", "escalated_by")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_NO_FIELD_NUMBER: _ClassVar[int]
    ESCALATED_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    escalation_no: int
    escalated_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., escalation_no: _Optional[int] = ..., escalated_by: _Optional[str] = ...) -> None: ...

class ClueTransferred(_message.Message):
    __slots__ = ("meta", "suggestion_id", "escalation_no", "clue_id")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_NO_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    escalation_no: int
    clue_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., escalation_no: _Optional[int] = ..., clue_id: _Optional[str] = ...) -> None: ...

class ContactOverdue(_message.Message):
    __slots__ = ("meta", "suggestion_id", "unit", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    unit: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., unit: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReplyDueSoon(_message.Message):
    __slots__ = ("meta", "suggestion_id", "lead_unit", "round", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    lead_unit: str
    round: int
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., lead_unit: _Optional[str] = ..., round: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ReplyOverdue(_message.Message):
    __slots__ = ("meta", "suggestion_id", "lead_unit", "round", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_UNIT_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    lead_unit: str
    round: int
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., lead_unit: _Optional[str] = ..., round: _Optional[int] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
