import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Actor(_message.Message):
    __slots__ = ("subject", "name", "body", "roles", "org_unit")
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    ORG_UNIT_FIELD_NUMBER: _ClassVar[int]
    subject: str
    name: str
    body: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    org_unit: str
    def __init__(self, subject: _Optional[str] = ..., name: _Optional[str] = ..., body: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., org_unit: _Optional[str] = ...) -> None: ...

class EventMeta(_message.Message):
    __slots__ = ("event_id", "occurred_at", "actor", "aggregate_type", "aggregate_id", "request_id", "audience")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_TYPE_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    occurred_at: _timestamp_pb2.Timestamp
    actor: Actor
    aggregate_type: str
    aggregate_id: str
    request_id: str
    audience: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, event_id: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor: _Optional[_Union[Actor, _Mapping]] = ..., aggregate_type: _Optional[str] = ..., aggregate_id: _Optional[str] = ..., request_id: _Optional[str] = ..., audience: _Optional[_Iterable[str]] = ...) -> None: ...

class AuditAlarm(_message.Message):
    __slots__ = ("meta", "origin", "size", "last_size", "reason", "note")
    META_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    LAST_SIZE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    meta: EventMeta
    origin: str
    size: int
    last_size: int
    reason: str
    note: str
    def __init__(self, meta: _Optional[_Union[EventMeta, _Mapping]] = ..., origin: _Optional[str] = ..., size: _Optional[int] = ..., last_size: _Optional[int] = ..., reason: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...
