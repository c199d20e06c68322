from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Ref(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("id", "version", "json")
    ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    JSON_FIELD_NUMBER: _ClassVar[int]
    id: str
    version: int
    json: str
    def __init__(self, id: _Optional[str] = ..., version: _Optional[int] = ..., json: _Optional[str] = ...) -> None: ...

class ListRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "filters")
    class FiltersEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    FILTERS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    filters: _containers.ScalarMap[str, str]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., filters: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ListResponse(_message.Message):
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
    items: _containers.RepeatedScalarFieldContainer[str]
    next_page_token: str
    total: int
    counts: _containers.ScalarMap[str, int]
    def __init__(self, items: _Optional[_Iterable[str]] = ..., next_page_token: _Optional[str] = ..., total: _Optional[int] = ..., counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class ReasonRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class NoteRequest(_message.Message):
    __slots__ = ("id", "note")
    ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    id: str
    note: str
    def __init__(self, id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ExpertProfileRequest(_message.Message):
    __slots__ = ("id", "name", "category", "specialties", "employer", "phone", "id_number", "title", "conflicts", "account_subject")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SPECIALTIES_FIELD_NUMBER: _ClassVar[int]
    EMPLOYER_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ID_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_SUBJECT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    category: str
    specialties: _containers.RepeatedScalarFieldContainer[str]
    employer: str
    phone: str
    id_number: str
    title: str
    conflicts: _containers.RepeatedScalarFieldContainer[str]
    account_subject: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., category: _Optional[str] = ..., specialties: _Optional[_Iterable[str]] = ..., employer: _Optional[str] = ..., phone: _Optional[str] = ..., id_number: _Optional[str] = ..., title: _Optional[str] = ..., conflicts: _Optional[_Iterable[str]] = ..., account_subject: _Optional[str] = ...) -> None: ...

class ImportExpertsRequest(_message.Message):
    __slots__ = ("workbook", "dry_run")
    WORKBOOK_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    workbook: bytes
    dry_run: bool
    def __init__(self, workbook: _Optional[bytes] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class ImportExpertsResponse(_message.Message):
    __slots__ = ("joined", "expert_ids", "dry_run")
    JOINED_FIELD_NUMBER: _ClassVar[int]
    EXPERT_IDS_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    joined: int
    expert_ids: _containers.RepeatedScalarFieldContainer[str]
    dry_run: bool
    def __init__(self, joined: _Optional[int] = ..., expert_ids: _Optional[_Iterable[str]] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class Row(_message.Message):
    __slots__ = ("cells",)
    CELLS_FIELD_NUMBER: _ClassVar[int]
    cells: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, cells: _Optional[_Iterable[str]] = ...) -> None: ...

class Table(_message.Message):
    __slots__ = ("header", "rows")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    header: _containers.RepeatedScalarFieldContainer[str]
    rows: _containers.RepeatedCompositeFieldContainer[Row]
    def __init__(self, header: _Optional[_Iterable[str]] = ..., rows: _Optional[_Iterable[_Union[Row, _Mapping]]] = ...) -> None: ...

class Party(_message.Message):
    __slots__ = ("name", "is_enterprise")
    NAME_FIELD_NUMBER: _ClassVar[int]
    IS_ENTERPRISE_FIELD_NUMBER: _ClassVar[int]
    name: str
    is_enterprise: bool
    def __init__(self, name: _Optional[str] = ..., is_enterprise: _Optional[bool] = ...) -> None: ...

class Lawyer(_message.Message):
    __slots__ = ("name", "firm")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FIRM_FIELD_NUMBER: _ClassVar[int]
    name: str
    firm: str
    def __init__(self, name: _Optional[str] = ..., firm: _Optional[str] = ...) -> None: ...

class CaseRequest(_message.Message):
    __slots__ = ("id", "number", "type", "cause", "unit_name", "presiding_id", "presiding_name", "parties", "lawyers", "unit", "presiding_unit")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    UNIT_NAME_FIELD_NUMBER: _ClassVar[int]
    PRESIDING_ID_FIELD_NUMBER: _ClassVar[int]
    PRESIDING_NAME_FIELD_NUMBER: _ClassVar[int]
    PARTIES_FIELD_NUMBER: _ClassVar[int]
    LAWYERS_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    PRESIDING_UNIT_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    type: str
    cause: str
    unit_name: str
    presiding_id: str
    presiding_name: str
    parties: _containers.RepeatedCompositeFieldContainer[Party]
    lawyers: _containers.RepeatedCompositeFieldContainer[Lawyer]
    unit: str
    presiding_unit: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., type: _Optional[str] = ..., cause: _Optional[str] = ..., unit_name: _Optional[str] = ..., presiding_id: _Optional[str] = ..., presiding_name: _Optional[str] = ..., parties: _Optional[_Iterable[_Union[Party, _Mapping]]] = ..., lawyers: _Optional[_Iterable[_Union[Lawyer, _Mapping]]] = ..., unit: _Optional[str] = ..., presiding_unit: _Optional[str] = ...) -> None: ...

class BatchRequest(_message.Message):
    __slots__ = ("id", "name", "case_ids", "experts_per_case", "backups_per_case", "max_cases_per_expert", "category_quotas", "specialty_quotas", "cooling_off_days")
    class CategoryQuotasEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class SpecialtyQuotasEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CASE_IDS_FIELD_NUMBER: _ClassVar[int]
    EXPERTS_PER_CASE_FIELD_NUMBER: _ClassVar[int]
    BACKUPS_PER_CASE_FIELD_NUMBER: _ClassVar[int]
    MAX_CASES_PER_EXPERT_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_QUOTAS_FIELD_NUMBER: _ClassVar[int]
    SPECIALTY_QUOTAS_FIELD_NUMBER: _ClassVar[int]
    COOLING_OFF_DAYS_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    case_ids: _containers.RepeatedScalarFieldContainer[str]
    experts_per_case: int
    backups_per_case: int
    max_cases_per_expert: int
    category_quotas: _containers.ScalarMap[str, int]
    specialty_quotas: _containers.ScalarMap[str, int]
    cooling_off_days: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., case_ids: _Optional[_Iterable[str]] = ..., experts_per_case: _Optional[int] = ..., backups_per_case: _Optional[int] = ..., max_cases_per_expert: _Optional[int] = ..., category_quotas: _Optional[_Mapping[str, int]] = ..., specialty_quotas: _Optional[_Mapping[str, int]] = ..., cooling_off_days: _Optional[int] = ...) -> None: ...

class AnswerAssignmentRequest(_message.Message):
    __slots__ = ("batch_id", "case_id", "accept", "reason", "expert_id")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    case_id: str
    accept: bool
    reason: str
    expert_id: str
    def __init__(self, batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., accept: _Optional[bool] = ..., reason: _Optional[str] = ..., expert_id: _Optional[str] = ...) -> None: ...

class ScoreFormRequest(_message.Message):
    __slots__ = ("batch_id", "case_id", "scores", "comments", "opinion", "declared_total", "submit", "expert_id")
    class ScoresEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class CommentsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    COMMENTS_FIELD_NUMBER: _ClassVar[int]
    OPINION_FIELD_NUMBER: _ClassVar[int]
    DECLARED_TOTAL_FIELD_NUMBER: _ClassVar[int]
    SUBMIT_FIELD_NUMBER: _ClassVar[int]
    EXPERT_ID_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    case_id: str
    scores: _containers.ScalarMap[str, str]
    comments: _containers.ScalarMap[str, str]
    opinion: str
    declared_total: str
    submit: bool
    expert_id: str
    def __init__(self, batch_id: _Optional[str] = ..., case_id: _Optional[str] = ..., scores: _Optional[_Mapping[str, str]] = ..., comments: _Optional[_Mapping[str, str]] = ..., opinion: _Optional[str] = ..., declared_total: _Optional[str] = ..., submit: _Optional[bool] = ..., expert_id: _Optional[str] = ...) -> None: ...

class WitnessDrawRequest(_message.Message):
    __slots__ = ("id", "entropy")
    ID_FIELD_NUMBER: _ClassVar[int]
    ENTROPY_FIELD_NUMBER: _ClassVar[int]
    id: str
    entropy: bytes
    def __init__(self, id: _Optional[str] = ..., entropy: _Optional[bytes] = ...) -> None: ...

class DrawRecordFile(_message.Message):
    __slots__ = ("json", "pdf")
    JSON_FIELD_NUMBER: _ClassVar[int]
    PDF_FIELD_NUMBER: _ClassVar[int]
    json: str
    pdf: bytes
    def __init__(self, json: _Optional[str] = ..., pdf: _Optional[bytes] = ...) -> None: ...

class FindingRequest(_message.Message):
    __slots__ = ("id", "case_id", "problem", "opinion", "items")
    ID_FIELD_NUMBER: _ClassVar[int]
    CASE_ID_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    OPINION_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    id: str
    case_id: str
    problem: str
    opinion: str
    items: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., case_id: _Optional[str] = ..., problem: _Optional[str] = ..., opinion: _Optional[str] = ..., items: _Optional[_Iterable[str]] = ...) -> None: ...

class AnswerOpinionRequest(_message.Message):
    __slots__ = ("id", "answer", "text")
    ID_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    answer: str
    text: str
    def __init__(self, id: _Optional[str] = ..., answer: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class RectificationReportRequest(_message.Message):
    __slots__ = ("id", "kinds", "text", "corrected_case_number", "rule_title")
    ID_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    CORRECTED_CASE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    RULE_TITLE_FIELD_NUMBER: _ClassVar[int]
    id: str
    kinds: _containers.RepeatedScalarFieldContainer[str]
    text: str
    corrected_case_number: str
    rule_title: str
    def __init__(self, id: _Optional[str] = ..., kinds: _Optional[_Iterable[str]] = ..., text: _Optional[str] = ..., corrected_case_number: _Optional[str] = ..., rule_title: _Optional[str] = ...) -> None: ...

class MarkMisconductRequest(_message.Message):
    __slots__ = ("id", "staff_name", "staff_position", "staff_unit")
    ID_FIELD_NUMBER: _ClassVar[int]
    STAFF_NAME_FIELD_NUMBER: _ClassVar[int]
    STAFF_POSITION_FIELD_NUMBER: _ClassVar[int]
    STAFF_UNIT_FIELD_NUMBER: _ClassVar[int]
    id: str
    staff_name: str
    staff_position: str
    staff_unit: str
    def __init__(self, id: _Optional[str] = ..., staff_name: _Optional[str] = ..., staff_position: _Optional[str] = ..., staff_unit: _Optional[str] = ...) -> None: ...
