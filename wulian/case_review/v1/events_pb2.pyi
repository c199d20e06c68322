import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from wulian.common.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ExpertJoined(_message.Message):
    __slots__ = ("meta", "expert_id", "account_subject", "category", "specialties")
    META_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SPECIALTIES_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    expert_id: str
    account_subject: str
    category: str
    specialties: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., expert_id: _Optional[str] = ..., account_subject: _Optional[str] = ..., category: _Optional[str] = ..., specialties: _Optional[_Iterable[str]] = ...) -> None: ...

class ExpertEdited(_message.Message):
    __slots__ = ("meta", "expert_id", "account_subject", "fields")
    META_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    expert_id: str
    account_subject: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., expert_id: _Optional[str] = ..., account_subject: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class ExpertSuspended(_message.Message):
    __slots__ = ("meta", "expert_id", "account_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    expert_id: str
    account_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., expert_id: _Optional[str] = ..., account_subject: _Optional[str] = ...) -> None: ...

class ExpertReinstated(_message.Message):
    __slots__ = ("meta", "expert_id", "account_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    expert_id: str
    account_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., expert_id: _Optional[str] = ..., account_subject: _Optional[str] = ...) -> None: ...

class ExpertLeft(_message.Message):
    __slots__ = ("meta", "expert_id", "account_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    expert_id: str
    account_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., expert_id: _Optional[str] = ..., account_subject: _Optional[str] = ...) -> None: ...

class CaseRegistered(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status", "type", "registered_by")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REGISTERED_BY_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    type: str
    registered_by: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ..., type: _Optional[str] = ..., registered_by: _Optional[str] = ...) -> None: ...

class CaseEdited(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status", "fields")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class CaseWithdrawn(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ...) -> None: ...

class CaseTakenIntoReview(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status", "batch_id")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    batch_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ..., batch_id: _Optional[str] = ...) -> None: ...

class CaseReleased(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status", "batch_id")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    batch_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ..., batch_id: _Optional[str] = ...) -> None: ...

class CaseReviewed(_message.Message):
    __slots__ = ("meta", "case_id", "unit", "status", "batch_id", "rating")
    META_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    RATING_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    case_id: str
    unit: str
    status: str
    batch_id: str
    rating: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., case_id: _Optional[str] = ..., unit: _Optional[str] = ..., status: _Optional[str] = ..., batch_id: _Optional[str] = ..., rating: _Optional[str] = ...) -> None: ...

class BatchCreated(_message.Message):
    __slots__ = ("meta", "batch_id", "case_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class BatchEdited(_message.Message):
    __slots__ = ("meta", "batch_id", "case_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class DrawBegun(_message.Message):
    __slots__ = ("meta", "batch_id", "draw_id", "seed_commitment", "pool_snapshot_hash")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_ID_FIELD_NUMBER: _ClassVar[int]
    SEED_COMMITMENT_FIELD_NUMBER: _ClassVar[int]
    POOL_SNAPSHOT_HASH_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    draw_id: str
    seed_commitment: str
    pool_snapshot_hash: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., draw_id: _Optional[str] = ..., seed_commitment: _Optional[str] = ..., pool_snapshot_hash: _Optional[str] = ...) -> None: ...

class DrawCancelled(_message.Message):
    __slots__ = ("meta", "batch_id", "draw_id", "failed")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_ID_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    draw_id: str
    failed: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., draw_id: _Optional[str] = ..., failed: _Optional[bool] = ...) -> None: ...

class BatchDrawn(_message.Message):
    __slots__ = ("meta", "batch_id", "draw_id", "case_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    DRAW_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    draw_id: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., draw_id: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ExpertDrawn(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "expert_id", "expert_subject", "backup_rank")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    BACKUP_RANK_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    expert_id: str
    expert_subject: str
    backup_rank: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., expert_id: _Optional[str] = ..., expert_subject: _Optional[str] = ..., backup_rank: _Optional[int] = ...) -> None: ...

class ExpertReplaced(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "declined_expert_id", "replacement_expert_id", "backup_rank")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    DECLINED_EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    REPLACEMENT_EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    BACKUP_RANK_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    declined_expert_id: str
    replacement_expert_id: str
    backup_rank: int
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., declined_expert_id: _Optional[str] = ..., replacement_expert_id: _Optional[str] = ..., backup_rank: _Optional[int] = ...) -> None: ...

class AssignmentAnswered(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "expert_id", "answer", "on_behalf")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    ON_BEHALF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    expert_id: str
    answer: str
    on_behalf: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., expert_id: _Optional[str] = ..., answer: _Optional[str] = ..., on_behalf: _Optional[bool] = ...) -> None: ...

class SeatLeftVacant(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "declined_expert_id")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    DECLINED_EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    declined_expert_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., declined_expert_id: _Optional[str] = ...) -> None: ...

class ReviewStarted(_message.Message):
    __slots__ = ("meta", "batch_id", "case_ids")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ScoringOpened(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "expert_id", "expert_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    expert_id: str
    expert_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., expert_id: _Optional[str] = ..., expert_subject: _Optional[str] = ...) -> None: ...

class SeatCancelled(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "expert_id", "expert_subject")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    expert_id: str
    expert_subject: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., expert_id: _Optional[str] = ..., expert_subject: _Optional[str] = ...) -> None: ...

class ScoreFormSubmitted(_message.Message):
    __slots__ = ("meta", "batch_id", "case_id", "expert_id", "expert_subject", "on_behalf")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    EXPERT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    ON_BEHALF_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_id: str
    expert_id: str
    expert_subject: str
    on_behalf: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., expert_id: _Optional[str] = ..., expert_subject: _Optional[str] = ..., on_behalf: _Optional[bool] = ...) -> None: ...

class BatchClosed(_message.Message):
    __slots__ = ("meta", "batch_id", "case_ids", "ratings", "units")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    RATINGS_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    ratings: _containers.RepeatedScalarFieldContainer[str]
    units: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ..., ratings: _Optional[_Iterable[str]] = ..., units: _Optional[_Iterable[str]] = ...) -> None: ...

class BatchCancelled(_message.Message):
    __slots__ = ("meta", "batch_id")
    META_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    batch_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., batch_id: _Optional[str] = ...) -> None: ...

class FindingDrafted(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "batch_id", "case_id")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    batch_id: str
    case_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ...) -> None: ...

class FindingEdited(_message.Message):
    __slots__ = ("meta", "finding_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class FindingIssued(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "batch_id", "case_id", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    batch_id: str
    case_id: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class OpinionAnswered(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "answer")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    answer: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., answer: _Optional[str] = ...) -> None: ...

class ExplanationAccepted(_message.Message):
    __slots__ = ("meta", "finding_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class ExplanationRejected(_message.Message):
    __slots__ = ("meta", "finding_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class RectificationReported(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "on_time")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    ON_TIME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    on_time: bool
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., on_time: _Optional[bool] = ...) -> None: ...

class ReportSentBack(_message.Message):
    __slots__ = ("meta", "finding_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class FindingClosedOut(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "outcome")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    outcome: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., outcome: _Optional[str] = ...) -> None: ...

class MarkedForClueTransfer(_message.Message):
    __slots__ = ("meta", "finding_id", "unit")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ...) -> None: ...

class ClueTransferRecorded(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "clue_id")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    clue_id: str
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., clue_id: _Optional[str] = ...) -> None: ...

class RectificationDueSoon(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RectificationOverdue(_message.Message):
    __slots__ = ("meta", "finding_id", "unit", "due_at")
    META_FIELD_NUMBER: _ClassVar[int]
    FINDING_ID_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DUE_AT_FIELD_NUMBER: _ClassVar[int]
    meta: _events_pb2.EventMeta
    finding_id: str
    unit: str
    due_at: _timestamp_pb2.Timestamp
    def __init__(self, meta: _Optional[_Union[_events_pb2.EventMeta, _Mapping]] = ..., finding_id: _Optional[str] = ..., unit: _Optional[str] = ..., due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

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
