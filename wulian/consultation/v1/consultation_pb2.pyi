import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
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

class ReasonRequest(_message.Message):
    __slots__ = ("id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

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

class ItemInput(_message.Message):
    __slots__ = ("topic", "form", "lead", "sources", "quarter", "month", "description")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    LEAD_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    QUARTER_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    topic: str
    form: str
    lead: str
    sources: _containers.RepeatedScalarFieldContainer[str]
    quarter: int
    month: int
    description: str
    def __init__(self, topic: _Optional[str] = ..., form: _Optional[str] = ..., lead: _Optional[str] = ..., sources: _Optional[_Iterable[str]] = ..., quarter: _Optional[int] = ..., month: _Optional[int] = ..., description: _Optional[str] = ...) -> None: ...

class CreatePlan(_message.Message):
    __slots__ = ("kind", "year", "title", "items")
    KIND_FIELD_NUMBER: _ClassVar[int]
    YEAR_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    year: int
    title: str
    items: _containers.RepeatedCompositeFieldContainer[ItemInput]
    def __init__(self, kind: _Optional[str] = ..., year: _Optional[int] = ..., title: _Optional[str] = ..., items: _Optional[_Iterable[_Union[ItemInput, _Mapping]]] = ...) -> None: ...

class AddItem(_message.Message):
    __slots__ = ("item", "reason")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    item: ItemInput
    reason: str
    def __init__(self, item: _Optional[_Union[ItemInput, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class EditItem(_message.Message):
    __slots__ = ("item_no", "item", "reason")
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    ITEM_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    item_no: int
    item: ItemInput
    reason: str
    def __init__(self, item_no: _Optional[int] = ..., item: _Optional[_Union[ItemInput, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class RemoveItem(_message.Message):
    __slots__ = ("item_no", "reason")
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    item_no: int
    reason: str
    def __init__(self, item_no: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ProposeItem(_message.Message):
    __slots__ = ("item", "reason")
    ITEM_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    item: ItemInput
    reason: str
    def __init__(self, item: _Optional[_Union[ItemInput, _Mapping]] = ..., reason: _Optional[str] = ...) -> None: ...

class AcceptProposal(_message.Message):
    __slots__ = ("proposal_no", "reason")
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    proposal_no: int
    reason: str
    def __init__(self, proposal_no: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class DeclineProposal(_message.Message):
    __slots__ = ("proposal_no", "reason")
    PROPOSAL_NO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    proposal_no: int
    reason: str
    def __init__(self, proposal_no: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ApprovePlan(_message.Message):
    __slots__ = ("note", "approved_on")
    NOTE_FIELD_NUMBER: _ClassVar[int]
    APPROVED_ON_FIELD_NUMBER: _ClassVar[int]
    note: str
    approved_on: str
    def __init__(self, note: _Optional[str] = ..., approved_on: _Optional[str] = ...) -> None: ...

class LinkWork(_message.Message):
    __slots__ = ("item_no", "kind", "ref", "title")
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    REF_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    item_no: int
    kind: str
    ref: str
    title: str
    def __init__(self, item_no: _Optional[int] = ..., kind: _Optional[str] = ..., ref: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class UnlinkWork(_message.Message):
    __slots__ = ("link_no", "reason")
    LINK_NO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    link_no: int
    reason: str
    def __init__(self, link_no: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class OpenConsultation(_message.Message):
    __slots__ = ("bodies", "reply_by", "plan_version", "note")
    BODIES_FIELD_NUMBER: _ClassVar[int]
    REPLY_BY_FIELD_NUMBER: _ClassVar[int]
    PLAN_VERSION_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    bodies: _containers.RepeatedScalarFieldContainer[str]
    reply_by: str
    plan_version: int
    note: str
    def __init__(self, bodies: _Optional[_Iterable[str]] = ..., reply_by: _Optional[str] = ..., plan_version: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class CloseConsultation(_message.Message):
    __slots__ = ("note",)
    NOTE_FIELD_NUMBER: _ClassVar[int]
    note: str
    def __init__(self, note: _Optional[str] = ...) -> None: ...

class GiveOpinion(_message.Message):
    __slots__ = ("text", "item_no")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    ITEM_NO_FIELD_NUMBER: _ClassVar[int]
    text: str
    item_no: int
    def __init__(self, text: _Optional[str] = ..., item_no: _Optional[int] = ...) -> None: ...

class RecordAdoption(_message.Message):
    __slots__ = ("decision", "reason")
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    decision: str
    reason: str
    def __init__(self, decision: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ConveneMeeting(_message.Message):
    __slots__ = ("title", "held_at", "place", "bodies", "agenda")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    HELD_AT_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    AGENDA_FIELD_NUMBER: _ClassVar[int]
    title: str
    held_at: _timestamp_pb2.Timestamp
    place: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    agenda: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, title: _Optional[str] = ..., held_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., place: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ..., agenda: _Optional[_Iterable[str]] = ...) -> None: ...

class AttendeeEntry(_message.Message):
    __slots__ = ("body", "name", "position")
    BODY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    body: str
    name: str
    position: str
    def __init__(self, body: _Optional[str] = ..., name: _Optional[str] = ..., position: _Optional[str] = ...) -> None: ...

class ActionItemEntry(_message.Message):
    __slots__ = ("title", "owner_body", "due_on")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OWNER_BODY_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    title: str
    owner_body: str
    due_on: str
    def __init__(self, title: _Optional[str] = ..., owner_body: _Optional[str] = ..., due_on: _Optional[str] = ...) -> None: ...

class RecordMinutes(_message.Message):
    __slots__ = ("minutes", "attendees", "decisions", "action_items")
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    ATTENDEES_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    ACTION_ITEMS_FIELD_NUMBER: _ClassVar[int]
    minutes: str
    attendees: _containers.RepeatedCompositeFieldContainer[AttendeeEntry]
    decisions: _containers.RepeatedScalarFieldContainer[str]
    action_items: _containers.RepeatedCompositeFieldContainer[ActionItemEntry]
    def __init__(self, minutes: _Optional[str] = ..., attendees: _Optional[_Iterable[_Union[AttendeeEntry, _Mapping]]] = ..., decisions: _Optional[_Iterable[str]] = ..., action_items: _Optional[_Iterable[_Union[ActionItemEntry, _Mapping]]] = ...) -> None: ...

class AmendMinutes(_message.Message):
    __slots__ = ("minutes", "attendees", "reason", "decisions")
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    ATTENDEES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    DECISIONS_FIELD_NUMBER: _ClassVar[int]
    minutes: str
    attendees: _containers.RepeatedCompositeFieldContainer[AttendeeEntry]
    reason: str
    decisions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, minutes: _Optional[str] = ..., attendees: _Optional[_Iterable[_Union[AttendeeEntry, _Mapping]]] = ..., reason: _Optional[str] = ..., decisions: _Optional[_Iterable[str]] = ...) -> None: ...

class AddActionItem(_message.Message):
    __slots__ = ("item",)
    ITEM_FIELD_NUMBER: _ClassVar[int]
    item: ActionItemEntry
    def __init__(self, item: _Optional[_Union[ActionItemEntry, _Mapping]] = ...) -> None: ...

class CompleteActionItem(_message.Message):
    __slots__ = ("no", "note")
    NO_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    no: int
    note: str
    def __init__(self, no: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class CancelActionItem(_message.Message):
    __slots__ = ("no", "reason")
    NO_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    no: int
    reason: str
    def __init__(self, no: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class CancelMeeting(_message.Message):
    __slots__ = ("reason",)
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class IssueBulletin(_message.Message):
    __slots__ = ("kind", "title", "text", "recipients")
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    title: str
    text: str
    recipients: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kind: _Optional[str] = ..., title: _Optional[str] = ..., text: _Optional[str] = ..., recipients: _Optional[_Iterable[str]] = ...) -> None: ...

class WithdrawBulletin(_message.Message):
    __slots__ = ("reason",)
    REASON_FIELD_NUMBER: _ClassVar[int]
    reason: str
    def __init__(self, reason: _Optional[str] = ...) -> None: ...

class OpenAnalysis(_message.Message):
    __slots__ = ("topic", "bodies")
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    BODIES_FIELD_NUMBER: _ClassVar[int]
    topic: str
    bodies: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, topic: _Optional[str] = ..., bodies: _Optional[_Iterable[str]] = ...) -> None: ...

class AddAnalysisNote(_message.Message):
    __slots__ = ("text",)
    TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    def __init__(self, text: _Optional[str] = ...) -> None: ...

class ConcludeAnalysis(_message.Message):
    __slots__ = ("conclusions", "agreeing_bodies")
    CONCLUSIONS_FIELD_NUMBER: _ClassVar[int]
    AGREEING_BODIES_FIELD_NUMBER: _ClassVar[int]
    conclusions: _containers.RepeatedScalarFieldContainer[str]
    agreeing_bodies: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, conclusions: _Optional[_Iterable[str]] = ..., agreeing_bodies: _Optional[_Iterable[str]] = ...) -> None: ...

class AddItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AddItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AddItem, _Mapping]] = ...) -> None: ...

class EditItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: EditItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[EditItem, _Mapping]] = ...) -> None: ...

class RemoveItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: RemoveItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[RemoveItem, _Mapping]] = ...) -> None: ...

class ProposeItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: ProposeItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[ProposeItem, _Mapping]] = ...) -> None: ...

class AcceptProposalRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AcceptProposal
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AcceptProposal, _Mapping]] = ...) -> None: ...

class DeclineProposalRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: DeclineProposal
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[DeclineProposal, _Mapping]] = ...) -> None: ...

class ApprovePlanRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: ApprovePlan
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[ApprovePlan, _Mapping]] = ...) -> None: ...

class LinkWorkRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: LinkWork
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[LinkWork, _Mapping]] = ...) -> None: ...

class UnlinkWorkRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: UnlinkWork
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[UnlinkWork, _Mapping]] = ...) -> None: ...

class OpenConsultationRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: OpenConsultation
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[OpenConsultation, _Mapping]] = ...) -> None: ...

class CloseConsultationRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CloseConsultation
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CloseConsultation, _Mapping]] = ...) -> None: ...

class GiveOpinionRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: GiveOpinion
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[GiveOpinion, _Mapping]] = ...) -> None: ...

class RecordAdoptionRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: RecordAdoption
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[RecordAdoption, _Mapping]] = ...) -> None: ...

class RecordMinutesRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: RecordMinutes
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[RecordMinutes, _Mapping]] = ...) -> None: ...

class AmendMinutesRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AmendMinutes
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AmendMinutes, _Mapping]] = ...) -> None: ...

class AddActionItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AddActionItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AddActionItem, _Mapping]] = ...) -> None: ...

class CompleteActionItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CompleteActionItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CompleteActionItem, _Mapping]] = ...) -> None: ...

class CancelActionItemRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CancelActionItem
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CancelActionItem, _Mapping]] = ...) -> None: ...

class CancelMeetingRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: CancelMeeting
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[CancelMeeting, _Mapping]] = ...) -> None: ...

class WithdrawBulletinRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: WithdrawBulletin
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[WithdrawBulletin, _Mapping]] = ...) -> None: ...

class AddAnalysisNoteRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: AddAnalysisNote
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[AddAnalysisNote, _Mapping]] = ...) -> None: ...

class ConcludeAnalysisRequest(_message.Message):
    __slots__ = ("id", "command")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    id: str
    command: ConcludeAnalysis
    def __init__(self, id: _Optional[str] = ..., command: _Optional[_Union[ConcludeAnalysis, _Mapping]] = ...) -> None: ...
