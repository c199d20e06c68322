import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransferClueRequest(_message.Message):
    __slots__ = ("source", "source_ref", "title", "details", "units", "transferred_by", "decided_at")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    TRANSFERRED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    source: str
    source_ref: str
    title: str
    details: str
    units: _containers.RepeatedScalarFieldContainer[str]
    transferred_by: str
    decided_at: _timestamp_pb2.Timestamp
    def __init__(self, source: _Optional[str] = ..., source_ref: _Optional[str] = ..., title: _Optional[str] = ..., details: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., transferred_by: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class TransferClueResponse(_message.Message):
    __slots__ = ("clue_id", "status")
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    clue_id: str
    status: str
    def __init__(self, clue_id: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...
