import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ClueTransferred(_message.Message):
    __slots__ = ("meta", "clue_id", "source_kind", "source_ref", "official_subject", "official_role", "acknowledge_due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    source_kind: str
    source_ref: str
    official_subject: str
    official_role: str
    acknowledge_due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., source_kind: _Optional[str] = ..., source_ref: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ..., acknowledge_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClueAcknowledged(_message.Message):
    __slots__ = ("meta", "clue_id", "official_subject", "official_role", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    official_subject: str
    official_role: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class ClueAccepted(_message.Message):
    __slots__ = ("meta", "clue_id", "official_subject", "official_role", "feedback_due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    official_subject: str
    official_role: str
    feedback_due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ..., feedback_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ClueDeclined(_message.Message):
    __slots__ = ("meta", "clue_id", "official_subject", "official_role")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    official_subject: str
    official_role: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ...) -> None: ...

class FeedbackGiven(_message.Message):
    __slots__ = ("meta", "clue_id", "official_subject", "official_role", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    official_subject: str
    official_role: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class DispositionRecorded(_message.Message):
    __slots__ = ("meta", "clue_id", "source_kind", "disposition_no")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    DISPOSITION_NO_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    source_kind: str
    disposition_no: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., source_kind: _Optional[str] = ..., disposition_no: _Optional[int] = ...) -> None: ...

class AcknowledgeOverdue(_message.Message):
    __slots__ = ("meta", "clue_id", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class FeedbackDueSoon(_message.Message):
    __slots__ = ("meta", "clue_id", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class FeedbackOverdue(_message.Message):
    __slots__ = ("meta", "clue_id", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    clue_id: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., clue_id: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class AuditCheckpoint(_message.Message):
    __slots__ = ("meta", "note", "size", "origin")
    META_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    note: str
    size: int
    origin: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., note: _Optional[str] = ..., size: _Optional[int] = ..., origin: _Optional[str] = ...) -> None: ...
