import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PlanCreated(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "year", "version", "items")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    year: int
    version: int
    items: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., year: _Optional[int] = ..., version: _Optional[int] = ..., items: _Optional[int] = ...) -> None: ...

class PlanItemAdded(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "version", "item_no", "adjustment", "proposal_no")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    version: int
    item_no: int
    adjustment: bool
    proposal_no: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., version: _Optional[int] = ..., item_no: _Optional[int] = ..., adjustment: _Optional[bool] = ..., proposal_no: _Optional[int] = ...) -> None: ...

class PlanItemEdited(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "version", "item_no", "adjustment")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    version: int
    item_no: int
    adjustment: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., version: _Optional[int] = ..., item_no: _Optional[int] = ..., adjustment: _Optional[bool] = ...) -> None: ...

class PlanItemRemoved(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "version", "item_no", "adjustment")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    ADJUSTMENT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    version: int
    item_no: int
    adjustment: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., version: _Optional[int] = ..., item_no: _Optional[int] = ..., adjustment: _Optional[bool] = ...) -> None: ...

class PlanSentForConsultation(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "consultation_id", "version")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    consultation_id: str
    version: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., consultation_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class PlanApproved(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "version")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    version: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., version: _Optional[int] = ...) -> None: ...

class ItemProposed(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "proposal_no", "proposed_by", "source")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    proposal_no: int
    proposed_by: str
    source: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., proposal_no: _Optional[int] = ..., proposed_by: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class ProposalAccepted(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "proposal_no", "proposed_by", "source", "item_no", "version")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    proposal_no: int
    proposed_by: str
    source: str
    item_no: int
    version: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., proposal_no: _Optional[int] = ..., proposed_by: _Optional[str] = ..., source: _Optional[str] = ..., item_no: _Optional[int] = ..., version: _Optional[int] = ...) -> None: ...

class ProposalDeclined(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "proposal_no", "proposed_by", "source")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    PROPOSED_BY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    proposal_no: int
    proposed_by: str
    source: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., proposal_no: _Optional[int] = ..., proposed_by: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class WorkLinked(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "link_no", "item_no", "work_kind", "ref")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    LINK_NO_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    WORK_KIND_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    link_no: int
    item_no: int
    work_kind: str
    ref: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., link_no: _Optional[int] = ..., item_no: _Optional[int] = ..., work_kind: _Optional[str] = ..., ref: _Optional[str] = ...) -> None: ...

class WorkUnlinked(_message.Message):
    __slots__ = ("meta", "plan_id", "kind", "owner", "consulted", "approved", "link_no", "item_no", "work_kind", "ref")
    META_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    CONSULTED_FIELD_NUMBER: _ClassVar[int]
    APPROVED_FIELD_NUMBER: _ClassVar[int]
    LINK_NO_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    WORK_KIND_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    plan_id: str
    kind: str
    owner: str
    consulted: _containers.RepeatedScalarFieldContainer[str]
    approved: bool
    link_no: int
    item_no: int
    work_kind: str
    ref: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., plan_id: _Optional[str] = ..., kind: _Optional[str] = ..., owner: _Optional[str] = ..., consulted: _Optional[_Iterable[str]] = ..., approved: _Optional[bool] = ..., link_no: _Optional[int] = ..., item_no: _Optional[int] = ..., work_kind: _Optional[str] = ..., ref: _Optional[str] = ...) -> None: ...

class ConsultationOpened(_message.Message):
    __slots__ = ("meta", "consultation_id", "plan_id", "asking_body", "bodies", "deputies", "plan_version", "reply_by")
    META_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    DEPUTIES_FIELD_NUMBER: _ClassVar[int]
    PLAN_VERSION_FIELD_NUMBER: _ClassVar[int]
    REPLY_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    consultation_id: str
    plan_id: str
    asking_body: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    deputies: bool
    plan_version: int
    reply_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., deputies: _Optional[bool] = ..., plan_version: _Optional[int] = ..., reply_by: _Optional[str] = ...) -> None: ...

class ConsultationClosed(_message.Message):
    __slots__ = ("meta", "consultation_id", "plan_id", "asking_body", "bodies", "deputies", "unanswered")
    META_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    DEPUTIES_FIELD_NUMBER: _ClassVar[int]
    UNANSWERED_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    consultation_id: str
    plan_id: str
    asking_body: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    deputies: bool
    unanswered: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., deputies: _Optional[bool] = ..., unanswered: _Optional[_Iterable[str]] = ...) -> None: ...

class ReplyDueSoon(_message.Message):
    __slots__ = ("meta", "consultation_id", "plan_id", "asking_body", "bodies", "deputies", "body", "reply_by")
    META_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    DEPUTIES_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    REPLY_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    consultation_id: str
    plan_id: str
    asking_body: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    deputies: bool
    body: str
    reply_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., deputies: _Optional[bool] = ..., body: _Optional[str] = ..., reply_by: _Optional[str] = ...) -> None: ...

class ReplyOverdue(_message.Message):
    __slots__ = ("meta", "consultation_id", "plan_id", "asking_body", "bodies", "deputies", "body", "reply_by")
    META_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    DEPUTIES_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    REPLY_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    consultation_id: str
    plan_id: str
    asking_body: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    deputies: bool
    body: str
    reply_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., deputies: _Optional[bool] = ..., body: _Optional[str] = ..., reply_by: _Optional[str] = ...) -> None: ...

class OpinionGiven(_message.Message):
    __slots__ = ("meta", "opinion_id", "consultation_id", "plan_id", "asking_body", "body", "by_deputy", "author", "item_no", "late")
    META_FIELD_NUMBER: _ClassVar[int]
    OPINION_ID_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BY_DEPUTY_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    LATE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    opinion_id: str
    consultation_id: str
    plan_id: str
    asking_body: str
    body: str
    by_deputy: bool
    author: str
    item_no: int
    late: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., opinion_id: _Optional[str] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., body: _Optional[str] = ..., by_deputy: _Optional[bool] = ..., author: _Optional[str] = ..., item_no: _Optional[int] = ..., late: _Optional[bool] = ...) -> None: ...

class AdoptionRecorded(_message.Message):
    __slots__ = ("meta", "opinion_id", "consultation_id", "plan_id", "asking_body", "body", "by_deputy", "author", "decision")
    META_FIELD_NUMBER: _ClassVar[int]
    OPINION_ID_FIELD_NUMBER: _ClassVar[int]
    CONSULTATION_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    ASKING_BODY_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    BY_DEPUTY_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    opinion_id: str
    consultation_id: str
    plan_id: str
    asking_body: str
    body: str
    by_deputy: bool
    author: str
    decision: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., opinion_id: _Optional[str] = ..., consultation_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., asking_body: _Optional[str] = ..., body: _Optional[str] = ..., by_deputy: _Optional[bool] = ..., author: _Optional[str] = ..., decision: _Optional[str] = ...) -> None: ...

class MeetingConvened(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "held_at", "topics")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    HELD_AT_FIELD_NUMBER: _ClassVar[int]
    TOPICS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    held_at: _timestamp_pb2.Timestamp
    topics: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., held_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., topics: _Optional[int] = ...) -> None: ...

class MinutesRecorded(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "version", "attendees", "decisions")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ATTENDEES_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    version: int
    attendees: int
    decisions: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., version: _Optional[int] = ..., attendees: _Optional[int] = ..., decisions: _Optional[int] = ...) -> None: ...

class MinutesAmended(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "version", "attendees", "decisions")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ATTENDEES_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    version: int
    attendees: int
    decisions: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., version: _Optional[int] = ..., attendees: _Optional[int] = ..., decisions: _Optional[int] = ...) -> None: ...

class MeetingCancelled(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ...) -> None: ...

class MeetingClosed(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "action_items", "done")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    ACTION_ITEMS_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    action_items: int
    done: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., action_items: _Optional[int] = ..., done: _Optional[int] = ...) -> None: ...

class ActionItemAdded(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "no", "owner", "due_on")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    owner: str
    due_on: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., owner: _Optional[str] = ..., due_on: _Optional[str] = ...) -> None: ...

class ActionItemCompleted(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "no", "owner", "due_on", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    owner: str
    due_on: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., owner: _Optional[str] = ..., due_on: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class ActionItemCancelled(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "no", "owner", "due_on")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    owner: str
    due_on: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., owner: _Optional[str] = ..., due_on: _Optional[str] = ...) -> None: ...

class ActionItemDueSoon(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "no", "owner", "due_on", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    owner: str
    due_on: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., owner: _Optional[str] = ..., due_on: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ActionItemOverdue(_message.Message):
    __slots__ = ("meta", "meeting_id", "convener", "bodies", "no", "owner", "due_on", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    MEETING_ID_FIELD_NUMBER: _ClassVar[int]
    CONVENER_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    OWNER_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    meeting_id: str
    convener: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    owner: str
    due_on: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., meeting_id: _Optional[str] = ..., convener: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., owner: _Optional[str] = ..., due_on: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class BulletinIssued(_message.Message):
    __slots__ = ("meta", "bulletin_id", "sender", "recipients", "kind")
    META_FIELD_NUMBER: _ClassVar[int]
    BULLETIN_ID_FIELD_NUMBER: _ClassVar[int]
    SENDER_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    bulletin_id: str
    sender: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    kind: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., bulletin_id: _Optional[str] = ..., sender: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ..., kind: _Optional[str] = ...) -> None: ...

class BulletinAcknowledged(_message.Message):
    __slots__ = ("meta", "bulletin_id", "sender", "recipients", "body", "first_of_body")
    META_FIELD_NUMBER: _ClassVar[int]
    BULLETIN_ID_FIELD_NUMBER: _ClassVar[int]
    SENDER_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    FIRST_OF_BODY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    bulletin_id: str
    sender: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    body: str
    first_of_body: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., bulletin_id: _Optional[str] = ..., sender: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ..., body: _Optional[str] = ..., first_of_body: _Optional[bool] = ...) -> None: ...

class BulletinWithdrawn(_message.Message):
    __slots__ = ("meta", "bulletin_id", "sender", "recipients")
    META_FIELD_NUMBER: _ClassVar[int]
    BULLETIN_ID_FIELD_NUMBER: _ClassVar[int]
    SENDER_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    bulletin_id: str
    sender: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., bulletin_id: _Optional[str] = ..., sender: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ...) -> None: ...

class AnalysisOpened(_message.Message):
    __slots__ = ("meta", "analysis_id", "creator", "bodies")
    META_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    analysis_id: str
    creator: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., analysis_id: _Optional[str] = ..., creator: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ...) -> None: ...

class AnalysisNoteAdded(_message.Message):
    __slots__ = ("meta", "analysis_id", "creator", "bodies", "no", "body")
    META_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    NO_FIELD_NUMBER: _ClassVar[int]
    BODY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    analysis_id: str
    creator: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    no: int
    body: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., analysis_id: _Optional[str] = ..., creator: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., no: _Optional[int] = ..., body: _Optional[str] = ...) -> None: ...

class AnalysisConcluded(_message.Message):
    __slots__ = ("meta", "analysis_id", "creator", "bodies", "conclusions", "agreeing_bodies")
    META_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_ID_FIELD_NUMBER: _ClassVar[int]
    CREATOR_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    CONCLUSIONS_FIELD_NUMBER: _ClassVar[int]
    AGREEING_BODIES_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    analysis_id: str
    creator: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    conclusions: int
    agreeing_bodies: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., analysis_id: _Optional[str] = ..., creator: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., conclusions: _Optional[int] = ..., agreeing_bodies: _Optional[_Iterable[str]] = ...) -> None: ...
