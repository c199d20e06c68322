import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class SessionCreated(_message.Message):
    __slots__ = ("meta", "session_id", "purpose", "mode", "subjects", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    session_id: str
    purpose: str
    mode: str
    subjects: _containers.RepeatedScalarFieldContainer[str]
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., session_id: _Optional[str] = ..., purpose: _Optional[str] = ..., mode: _Optional[str] = ..., subjects: _Optional[_Iterable[str]] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class SessionEdited(_message.Message):
    __slots__ = ("meta", "session_id", "purpose", "mode", "subjects", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    session_id: str
    purpose: str
    mode: str
    subjects: _containers.RepeatedScalarFieldContainer[str]
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., session_id: _Optional[str] = ..., purpose: _Optional[str] = ..., mode: _Optional[str] = ..., subjects: _Optional[_Iterable[str]] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class SessionOpened(_message.Message):
    __slots__ = ("meta", "session_id", "subjects", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    session_id: str
    subjects: _containers.RepeatedScalarFieldContainer[str]
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., session_id: _Optional[str] = ..., subjects: _Optional[_Iterable[str]] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class SessionClosed(_message.Message):
    __slots__ = ("meta", "session_id", "purpose", "mode", "campaign_id", "subjects", "ranks", "scores", "rates", "below_threshold", "threshold_percent", "ballots_cast", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    PURPOSE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECTS_FIELD_NUMBER: _ClassVar[int]
    RANKS_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    RATES_FIELD_NUMBER: _ClassVar[int]
    BELOW_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_PERCENT_FIELD_NUMBER: _ClassVar[int]
    BALLOTS_CAST_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    session_id: str
    purpose: str
    mode: str
    campaign_id: str
    subjects: _containers.RepeatedScalarFieldContainer[str]
    ranks: _containers.RepeatedScalarFieldContainer[int]
    scores: _containers.RepeatedScalarFieldContainer[float]
    rates: _containers.RepeatedScalarFieldContainer[float]
    below_threshold: _containers.RepeatedScalarFieldContainer[bool]
    threshold_percent: int
    ballots_cast: int
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., session_id: _Optional[str] = ..., purpose: _Optional[str] = ..., mode: _Optional[str] = ..., campaign_id: _Optional[str] = ..., subjects: _Optional[_Iterable[str]] = ..., ranks: _Optional[_Iterable[int]] = ..., scores: _Optional[_Iterable[float]] = ..., rates: _Optional[_Iterable[float]] = ..., below_threshold: _Optional[_Iterable[bool]] = ..., threshold_percent: _Optional[int] = ..., ballots_cast: _Optional[int] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class SessionCancelled(_message.Message):
    __slots__ = ("meta", "session_id", "was_open")
    META_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    WAS_OPEN_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    session_id: str
    was_open: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., session_id: _Optional[str] = ..., was_open: _Optional[bool] = ...) -> None: ...

class CampaignCreated(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class CampaignStarted(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class ReferenceFiled(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class ActivityRecorded(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units", "kind")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    kind: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., kind: _Optional[str] = ...) -> None: ...

class BallotLinked(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units", "ballot_session_id")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    BALLOT_SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    ballot_session_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., ballot_session_id: _Optional[str] = ...) -> None: ...

class ResultsPublished(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units", "ranks", "below_threshold")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    RANKS_FIELD_NUMBER: _ClassVar[int]
    BELOW_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    ranks: _containers.RepeatedScalarFieldContainer[int]
    below_threshold: _containers.RepeatedScalarFieldContainer[bool]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., ranks: _Optional[_Iterable[int]] = ..., below_threshold: _Optional[_Iterable[bool]] = ...) -> None: ...

class RectificationLinked(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units", "item_id")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    item_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., item_id: _Optional[str] = ...) -> None: ...

class CampaignConcluded(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class CampaignCancelled(_message.Message):
    __slots__ = ("meta", "appraisal_id", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    APPRAISAL_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    appraisal_id: str
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., appraisal_id: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class ItemRaised(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "source", "source_ref", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    source: str
    source_ref: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., source: _Optional[str] = ..., source_ref: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ItemEdited(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "previous_unit", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_UNIT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    previous_unit: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., previous_unit: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ItemWithdrawn(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ...) -> None: ...

class PlanDeclared(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "revision")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    revision: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., revision: _Optional[int] = ...) -> None: ...

class ItemReported(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "kind", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    kind: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., kind: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class ItemClosedOut(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "grade", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    GRADE_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    grade: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., grade: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class ItemReopened(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "cause", "due_at", "due_changed")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    DUE_CHANGED_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    cause: str
    due_at: _timestamp_pb2.Timestamp
    due_changed: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., cause: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., due_changed: _Optional[bool] = ...) -> None: ...

class FollowUpAdded(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "relapsed")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    RELAPSED_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    relapsed: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., relapsed: _Optional[bool] = ...) -> None: ...

class ItemDueSoon(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ItemOverdue(_message.Message):
    __slots__ = ("meta", "item_id", "raising_body", "unit", "unit_kind", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    RAISING_BODY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_KIND_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    item_id: str
    raising_body: str
    unit: str
    unit_kind: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., item_id: _Optional[str] = ..., raising_body: _Optional[str] = ..., unit: _Optional[str] = ..., unit_kind: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CandidateAdded(_message.Message):
    __slots__ = ("meta", "candidate_id", "year", "unit", "source")
    META_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    candidate_id: str
    year: int
    unit: str
    source: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., candidate_id: _Optional[str] = ..., year: _Optional[int] = ..., unit: _Optional[str] = ..., source: _Optional[str] = ...) -> None: ...

class CandidateEdited(_message.Message):
    __slots__ = ("meta", "candidate_id", "year", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    candidate_id: str
    year: int
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., candidate_id: _Optional[str] = ..., year: _Optional[int] = ..., unit: _Optional[str] = ...) -> None: ...

class CandidateWithdrawn(_message.Message):
    __slots__ = ("meta", "candidate_id", "year", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    candidate_id: str
    year: int
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., candidate_id: _Optional[str] = ..., year: _Optional[int] = ..., unit: _Optional[str] = ...) -> None: ...

class VoteCreated(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "places", "runoff_of")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    PLACES_FIELD_NUMBER: _ClassVar[int]
    RUNOFF_OF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    places: int
    runoff_of: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., places: _Optional[int] = ..., runoff_of: _Optional[str] = ...) -> None: ...

class VoteEdited(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "places", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    PLACES_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    places: int
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., places: _Optional[int] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class VoteOpened(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "candidate_ids", "places", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_IDS_FIELD_NUMBER: _ClassVar[int]
    PLACES_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    candidate_ids: _containers.RepeatedScalarFieldContainer[str]
    places: int
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., candidate_ids: _Optional[_Iterable[str]] = ..., places: _Optional[int] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class VoteClosed(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "candidate_ids", "votes", "elected", "ballots_cast", "electorate_size")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_IDS_FIELD_NUMBER: _ClassVar[int]
    VOTES_FIELD_NUMBER: _ClassVar[int]
    ELECTED_FIELD_NUMBER: _ClassVar[int]
    BALLOTS_CAST_FIELD_NUMBER: _ClassVar[int]
    ELECTORATE_SIZE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    candidate_ids: _containers.RepeatedScalarFieldContainer[str]
    votes: _containers.RepeatedScalarFieldContainer[int]
    elected: _containers.RepeatedScalarFieldContainer[str]
    ballots_cast: int
    electorate_size: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., candidate_ids: _Optional[_Iterable[str]] = ..., votes: _Optional[_Iterable[int]] = ..., elected: _Optional[_Iterable[str]] = ..., ballots_cast: _Optional[int] = ..., electorate_size: _Optional[int] = ...) -> None: ...

class RunoffNeeded(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "tied", "places_left")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    TIED_FIELD_NUMBER: _ClassVar[int]
    PLACES_LEFT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    tied: _containers.RepeatedScalarFieldContainer[str]
    places_left: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., tied: _Optional[_Iterable[str]] = ..., places_left: _Optional[int] = ...) -> None: ...

class VoteCancelled(_message.Message):
    __slots__ = ("meta", "vote_id", "year", "round_no", "was_open")
    META_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    ROUND_NO_FIELD_NUMBER: _ClassVar[int]
    WAS_OPEN_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    vote_id: str
    year: int
    round_no: int
    was_open: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., vote_id: _Optional[str] = ..., year: _Optional[int] = ..., round_no: _Optional[int] = ..., was_open: _Optional[bool] = ...) -> None: ...

class ProjectCreated(_message.Message):
    __slots__ = ("meta", "project_id", "unit", "year", "vote_id", "targets")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    VOTE_ID_FIELD_NUMBER: _ClassVar[int]
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    year: int
    vote_id: str
    targets: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ..., year: _Optional[int] = ..., vote_id: _Optional[str] = ..., targets: _Optional[int] = ...) -> None: ...

class ProgressReported(_message.Message):
    __slots__ = ("meta", "project_id", "unit", "target_index", "status", "as_of")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    TARGET_INDEX_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    target_index: int
    status: str
    as_of: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ..., target_index: _Optional[int] = ..., status: _Optional[str] = ..., as_of: _Optional[str] = ...) -> None: ...

class MilestoneMissed(_message.Message):
    __slots__ = ("meta", "project_id", "unit", "target_index", "milestone_index", "due")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    TARGET_INDEX_FIELD_NUMBER: _ClassVar[int]
    MILESTONE_INDEX_FIELD_NUMBER: _ClassVar[int]
    DUE_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    target_index: int
    milestone_index: int
    due: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ..., target_index: _Optional[int] = ..., milestone_index: _Optional[int] = ..., due: _Optional[str] = ...) -> None: ...

class InspectionRecorded(_message.Message):
    __slots__ = ("meta", "project_id", "unit", "inspection_no", "problem_count", "problem_units")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    INSPECTION_NO_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_COUNT_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    inspection_no: int
    problem_count: int
    problem_units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ..., inspection_no: _Optional[int] = ..., problem_count: _Optional[int] = ..., problem_units: _Optional[_Iterable[str]] = ...) -> None: ...

class SatisfactionSessionLinked(_message.Message):
    __slots__ = ("meta", "project_id", "unit", "session_id")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    session_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ..., session_id: _Optional[str] = ...) -> None: ...

class ProjectCompleted(_message.Message):
    __slots__ = ("meta", "project_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    PROJECT_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    project_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., project_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...
