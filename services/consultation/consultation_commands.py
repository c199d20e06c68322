"""The commands of a consultation (征求意见) and its opinions, plain and unchecked as the API hands them over:
the consultation and the opinion check them. Enum values travel as their ``str`` value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class OpenConsultation:
    """Ask ``bodies`` (``domain.Body`` values, never the plan's owner) for opinions on the plan by the Beijing
    day ``reply_by``. ``plan_version``: the version the clerk looked at, which must still be the current one
    (None: the current one); ``note``: what is asked (the 征求意见函's words)."""

    bodies: tuple[str, ...]
    reply_by: date
    plan_version: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class CloseConsultation:
    """Stop taking opinions; ``note`` optional (汇总情况)."""

    note: str = ""


@dataclass(frozen=True, slots=True)
class GiveOpinion:
    """An opinion on item ``item_no`` of the consulted version, or on the plan as a whole (None)."""

    text: str
    item_no: int | None = None


@dataclass(frozen=True, slots=True)
class RecordAdoption:
    """What the asking body made of an opinion: ``decision`` a ``consultations.Decision``; ``reason``
    required unless the opinion is adopted in full."""

    decision: str
    reason: str = ""
