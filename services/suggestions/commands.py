"""What each actor asks of a suggestion: plain, frozen and unchecked, as the API hands them over.

Fields that name a choice are strings (the API's words); ``records`` checks them, per field, and turns
them into typed values. Times are timezone-aware; naive ones are refused there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class DraftSuggestion:
    """A deputy drafts their own suggestion, or a congress clerk drafts one on a deputy's behalf
    (``deputy_subject`` and ``deputy_name`` then name that deputy)."""

    title: str
    content: str
    category: str
    deputy_subject: str = ""
    deputy_name: str = ""


@dataclass(frozen=True, slots=True)
class EditDraft:
    title: str
    content: str
    category: str


@dataclass(frozen=True, slots=True)
class AddCosigner:
    """A deputy who co-signs (附议)."""

    subject: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class ProposeAssignment:
    """The congress clerk's proposal for joint assignment (联合交办)."""

    lead_unit: str
    co_units: tuple[str, ...] = ()
    complex: bool = False
    consultation_note: str = ""  # 承办大户提前会商: what was agreed with the units beforehand


@dataclass(frozen=True, slots=True)
class SendBackAssignment:
    reason: str


@dataclass(frozen=True, slots=True)
class RecordContact:
    """A unit's first contact with the proposing deputy (48 小时内与代表取得联系)."""

    contacted_at: datetime
    method: str
    contact_person: str  # who of the unit made contact
    agreed: str  # the first exchange on how the suggestion will be handled


@dataclass(frozen=True, slots=True)
class GiveCoUnitOpinion:
    text: str


@dataclass(frozen=True, slots=True)
class GiveReply:
    result: str
    text: str


@dataclass(frozen=True, slots=True)
class EvaluateHandling:
    attitude: str
    method: str
    effect: str
    overall: str
    comment: str = ""


@dataclass(frozen=True, slots=True)
class RecordReturnVisit:
    """A joint return visit (联合回访) by the discipline group stationed at the congress."""

    unit: str
    visited_at: datetime
    findings: str
    meeting: str = ""  # the unit's work meeting attended, if any
    talks: str = ""  # talks with the unit's handling staff, if any
    problems: str = ""  # problems found and the advice given


@dataclass(frozen=True, slots=True)
class Escalate:
    reasons: tuple[str, ...]
    details: str


@dataclass(frozen=True, slots=True)
class RespondToEscalation:
    escalation_no: int
    response: str


@dataclass(frozen=True, slots=True)
class RecordClueTransfer:
    """The clues service acknowledged the transfer of an escalation's clue."""

    escalation_no: int
    clue_id: str
