from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SuggestionSubmitted(_message.Message):
    __slots__ = ("meta", "suggestion_id", "number", "title", "category", "deputy_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    DEPUTY_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    suggestion_id: str
    number: str
    title: str
    category: str
    deputy_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., suggestion_id: _Optional[str] = ..., number: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., deputy_subject: _Optional[str] = ...) -> None: ...
