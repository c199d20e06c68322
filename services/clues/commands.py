"""What each actor asks of a clue: plain, frozen and unchecked, as the API hands them over.

Fields that name a choice are strings (the API's words); ``records`` checks them, per field, and turns
them into typed values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TransferClue:
    """A clue handed to the discipline commission (线索移送).

    ``source_kind`` is one of ``domain.SourceKind``; ``source_ref`` is the source's own reference (required
    unless the transfer is manual; a retry of the same source and reference is the same transfer).
    The subject is a person (name, work unit, position) or a unit (its name). ``attachment_hashes`` are
    the hex SHA-256 digests of the attachments, which travel separately. The official is whoever
    decided the transfer: the caller themselves through the gateway (leave the fields empty), or the
    congress official a service names when it transfers on their behalf.
    """

    source_kind: str
    subject_kind: str
    subject_name: str
    summary: str
    details: str
    source_ref: str = ""
    subject_org: str = ""  # a person's work unit (工作单位)
    subject_position: str = ""  # a person's position (职务)
    attachment_hashes: tuple[str, ...] = ()
    official_subject: str = ""
    official_name: str = ""
    official_role: str = ""


@dataclass(frozen=True, slots=True)
class AcceptClue:
    """受理, with an optional note for the commission's own file."""

    note: str = ""


@dataclass(frozen=True, slots=True)
class DeclineClue:
    """不予受理: the reason is told to the transferring body."""

    reason: str


@dataclass(frozen=True, slots=True)
class RecordDisposition:
    """One step of the disposition (处置): its kind (``domain.DispositionKind``) and a note."""

    kind: str
    note: str


@dataclass(frozen=True, slots=True)
class GiveFeedback:
    """反馈 to the transferring body: what became of the clue. Closes it."""

    text: str
