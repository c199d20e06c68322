import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class TransferClueRequest(_message.Message):
    __slots__ = ("source", "source_ref", "summary", "details", "units", "transferred_by", "decided_at", "source_kind", "subject_kind", "subject_name", "subject_org", "subject_position", "attachment_hashes", "official_name", "official_role", "idempotency_key")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    UNITS_FIELD_NUMBER: _ClassVar[int]
    TRANSFERRED_BY_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ORG_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_POSITION_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_HASHES_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_NAME_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    source: str
    source_ref: str
    summary: str
    details: str
    units: _containers.RepeatedScalarFieldContainer[str]
    transferred_by: str
    decided_at: _timestamp_pb2.Timestamp
    source_kind: str
    subject_kind: str
    subject_name: str
    subject_org: str
    subject_position: str
    attachment_hashes: _containers.RepeatedScalarFieldContainer[str]
    official_name: str
    official_role: str
    idempotency_key: str
    def __init__(self, source: _Optional[str] = ..., source_ref: _Optional[str] = ..., summary: _Optional[str] = ..., details: _Optional[str] = ..., units: _Optional[_Iterable[str]] = ..., transferred_by: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source_kind: _Optional[str] = ..., subject_kind: _Optional[str] = ..., subject_name: _Optional[str] = ..., subject_org: _Optional[str] = ..., subject_position: _Optional[str] = ..., attachment_hashes: _Optional[_Iterable[str]] = ..., official_name: _Optional[str] = ..., official_role: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class TransferClueResponse(_message.Message):
    __slots__ = ("clue_id", "status", "audit_index", "proof")
    CLUE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AUDIT_INDEX_FIELD_NUMBER: _ClassVar[int]
    PROOF_FIELD_NUMBER: _ClassVar[int]
    clue_id: str
    status: str
    audit_index: int
    proof: InclusionProof
    def __init__(self, clue_id: _Optional[str] = ..., status: _Optional[str] = ..., audit_index: _Optional[int] = ..., proof: _Optional[_Union[InclusionProof, _Mapping]] = ...) -> None: ...

class ClueRef(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Disposition(_message.Message):
    __slots__ = ("no", "kind", "note", "recorded_at")
    NO_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    no: int
    kind: str
    note: str
    recorded_at: _timestamp_pb2.Timestamp
    def __init__(self, no: _Optional[int] = ..., kind: _Optional[str] = ..., note: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Clue(_message.Message):
    __slots__ = ("id", "view", "status", "source_kind", "source_ref", "official_subject", "official_role", "transferred_at", "acknowledge_due_at", "acknowledged_at", "accepted_at", "feedback_due_at", "declined_at", "decline_reason", "feedback_given_at", "feedback", "acknowledge_overdue", "feedback_overdue", "version", "summary", "details", "subject_kind", "subject_name", "subject_org", "subject_position", "attachment_hashes", "dispositions", "acceptance_note")
    ID_FIELD_NUMBER: _ClassVar[int]
    VIEW_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_REF_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    OFFICIAL_ROLE_FIELD_NUMBER: _ClassVar[int]
    TRANSFERRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGED_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    DECLINED_AT_FIELD_NUMBER: _ClassVar[int]
    DECLINE_REASON_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_GIVEN_AT_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_FIELD_NUMBER: _ClassVar[int]
    ACKNOWLEDGE_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    FEEDBACK_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_KIND_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_ORG_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_POSITION_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_HASHES_FIELD_NUMBER: _ClassVar[int]
    DISPOSITIONS_FIELD_NUMBER: _ClassVar[int]
    ACCEPTANCE_NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    view: str
    status: str
    source_kind: str
    source_ref: str
    official_subject: str
    official_role: str
    transferred_at: _timestamp_pb2.Timestamp
    acknowledge_due_at: _timestamp_pb2.Timestamp
    acknowledged_at: _timestamp_pb2.Timestamp
    accepted_at: _timestamp_pb2.Timestamp
    feedback_due_at: _timestamp_pb2.Timestamp
    declined_at: _timestamp_pb2.Timestamp
    decline_reason: str
    feedback_given_at: _timestamp_pb2.Timestamp
    feedback: str
    acknowledge_overdue: bool
    feedback_overdue: bool
    version: int
    summary: str
    details: str
    subject_kind: str
    subject_name: str
    subject_org: str
    subject_position: str
    attachment_hashes: _containers.RepeatedScalarFieldContainer[str]
    dispositions: _containers.RepeatedCompositeFieldContainer[Disposition]
    acceptance_note: str
    def __init__(self, id: _Optional[str] = ..., view: _Optional[str] = ..., status: _Optional[str] = ..., source_kind: _Optional[str] = ..., source_ref: _Optional[str] = ..., official_subject: _Optional[str] = ..., official_role: _Optional[str] = ..., transferred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., acknowledge_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., acknowledged_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., feedback_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., declined_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decline_reason: _Optional[str] = ..., feedback_given_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., feedback: _Optional[str] = ..., acknowledge_overdue: _Optional[bool] = ..., feedback_overdue: _Optional[bool] = ..., version: _Optional[int] = ..., summary: _Optional[str] = ..., details: _Optional[str] = ..., subject_kind: _Optional[str] = ..., subject_name: _Optional[str] = ..., subject_org: _Optional[str] = ..., subject_position: _Optional[str] = ..., attachment_hashes: _Optional[_Iterable[str]] = ..., dispositions: _Optional[_Iterable[_Union[Disposition, _Mapping]]] = ..., acceptance_note: _Optional[str] = ...) -> None: ...

class ListCluesRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "status", "source_kind", "overdue")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    status: str
    source_kind: str
    overdue: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., status: _Optional[str] = ..., source_kind: _Optional[str] = ..., overdue: _Optional[str] = ...) -> None: ...

class ListCluesResponse(_message.Message):
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
    items: _containers.RepeatedCompositeFieldContainer[Clue]
    next_page_token: str
    total: int
    counts: _containers.ScalarMap[str, int]
    def __init__(self, items: _Optional[_Iterable[_Union[Clue, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total: _Optional[int] = ..., counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class AcceptClueRequest(_message.Message):
    __slots__ = ("id", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class DeclineClueRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RecordDispositionRequest(_message.Message):
    __slots__ = ("id", "kind", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    kind: str
    note: str
    def __init__(self, id: _Optional[str] = ..., kind: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class GiveFeedbackRequest(_message.Message):
    __slots__ = ("id", "text")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class GetCheckpointRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Checkpoint(_message.Message):
    __slots__ = ("note", "size", "root_hash")
    NOTE_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    ROOT_HASH_FIELD_NUMBER: _ClassVar[int]
    note: str
    size: int
    root_hash: bytes
    def __init__(self, note: _Optional[str] = ..., size: _Optional[int] = ..., root_hash: _Optional[bytes] = ...) -> None: ...

class GetInclusionProofRequest(_message.Message):
    __slots__ = ("index", "size")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    index: int
    size: int
    def __init__(self, index: _Optional[int] = ..., size: _Optional[int] = ...) -> None: ...

class InclusionProof(_message.Message):
    __slots__ = ("index", "size", "leaf_hash", "hashes", "checkpoint")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    LEAF_HASH_FIELD_NUMBER: _ClassVar[int]
    HASHES_FIELD_NUMBER: _ClassVar[int]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    index: int
    size: int
    leaf_hash: bytes
    hashes: _containers.RepeatedScalarFieldContainer[bytes]
    checkpoint: Checkpoint
    def __init__(self, index: _Optional[int] = ..., size: _Optional[int] = ..., leaf_hash: _Optional[bytes] = ..., hashes: _Optional[_Iterable[bytes]] = ..., checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ...) -> None: ...

class GetConsistencyProofRequest(_message.Message):
    __slots__ = ("from_size", "to_size")
    FROM_SIZE_FIELD_NUMBER: _ClassVar[int]
    TO_SIZE_FIELD_NUMBER: _ClassVar[int]
    from_size: int
    to_size: int
    def __init__(self, from_size: _Optional[int] = ..., to_size: _Optional[int] = ...) -> None: ...

class ConsistencyProof(_message.Message):
    __slots__ = ("from_size", "to_size", "hashes", "from_checkpoint", "to_checkpoint")
    FROM_SIZE_FIELD_NUMBER: _ClassVar[int]
    TO_SIZE_FIELD_NUMBER: _ClassVar[int]
    HASHES_FIELD_NUMBER: _ClassVar[int]
    FROM_CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    TO_CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    from_size: int
    to_size: int
    hashes: _containers.RepeatedScalarFieldContainer[bytes]
    from_checkpoint: Checkpoint
    to_checkpoint: Checkpoint
    def __init__(self, from_size: _Optional[int] = ..., to_size: _Optional[int] = ..., hashes: _Optional[_Iterable[bytes]] = ..., from_checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ..., to_checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ...) -> None: ...
