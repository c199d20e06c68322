"""Where the consultation link keeps its aggregates: each stored whole as a JSON document
(``wulian.kit.documents``) beside the columns its lists and its scheduler select on.

``bodies`` holds the bodies that take part, as ``|congress|discipline|``, so that a list can narrow the rows
to the caller's bodies in the database before the aggregates' own visibility rules decide (the stored
text of a plan, an opinion, minutes or a bulletin never leaves the service for a body not entitled to it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import DateTime
from sqlmodel import Column, Field, SQLModel, Text

from services.consultation.analyses import Analysis
from services.consultation.bulletins import Bulletin
from services.consultation.consultations import Consultation, Opinion
from services.consultation.domain import Body
from services.consultation.meetings import Meeting
from services.consultation.plans import Plan
from wulian.kit.documents import Documents

_TZ = DateTime(timezone=True)


def bodies_text(bodies: Iterable[Body]) -> str:
    return "|" + "|".join(sorted({b.value for b in bodies})) + "|"


class PlanRow(SQLModel, table=True):
    __tablename__ = "supervision_plan"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    kind: str = Field(index=True, max_length=32)
    owner: str = Field(index=True, max_length=16)
    year: int = Field(index=True)
    status: str = Field(index=True, max_length=32)
    created_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class ConsultationRow(SQLModel, table=True):
    __tablename__ = "consultation"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    plan_id: str = Field(index=True, max_length=36)
    bodies: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    asked_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class OpinionRow(SQLModel, table=True):
    __tablename__ = "consultation_opinion"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    consultation_id: str = Field(index=True, max_length=36)
    plan_id: str = Field(index=True, max_length=36)
    bodies: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    given_at: datetime = Field(sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class MeetingRow(SQLModel, table=True):
    __tablename__ = "joint_meeting"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    bodies: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    held_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    next_check_at: datetime | None = Field(default=None, index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class BulletinRow(SQLModel, table=True):
    __tablename__ = "bulletin"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    bodies: str = Field(max_length=100)
    kind: str = Field(index=True, max_length=32)
    status: str = Field(index=True, max_length=32)
    issued_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


class AnalysisRow(SQLModel, table=True):
    __tablename__ = "joint_analysis"

    id: str = Field(primary_key=True, max_length=36)
    version: int = 1
    bodies: str = Field(max_length=100)
    status: str = Field(index=True, max_length=32)
    opened_at: datetime = Field(index=True, sa_type=_TZ)  # type: ignore[call-overload]
    document: str = Field(sa_column=Column(Text, nullable=False))


PLANS = Documents(
    PlanRow,
    Plan,
    lambda p: {"kind": p.kind.value, "owner": p.owner.value, "year": p.year, "status": p.status.value,
               "created_at": p.created_at},
    missing="未找到该计划",
)  # fmt: skip
CONSULTATIONS = Documents(
    ConsultationRow,
    Consultation,
    lambda c: {"plan_id": c.plan_id, "bodies": bodies_text((c.asking_body, *c.bodies)), "status": c.status.value,
               "asked_at": c.asked_at, "next_check_at": c.next_check_at()},
    missing="未找到该征求意见",
)  # fmt: skip
OPINIONS = Documents(
    OpinionRow,
    Opinion,
    lambda o: {"consultation_id": o.consultation_id, "plan_id": o.plan_id,
               "bodies": bodies_text((o.asking_body, o.body)), "status": o.status.value, "given_at": o.given_at},
    missing="未找到该意见",
)  # fmt: skip
MEETINGS = Documents(
    MeetingRow,
    Meeting,
    lambda m: {"bodies": bodies_text(m.bodies), "status": m.status.value, "held_at": m.held_at,
               "next_check_at": m.next_check_at()},
    missing="未找到该联席会议",
)  # fmt: skip
BULLETINS = Documents(
    BulletinRow,
    Bulletin,
    lambda b: {"bodies": bodies_text((b.sender, *b.recipients)), "kind": b.kind.value, "status": b.status.value,
               "issued_at": b.issued_at},
    missing="未找到该通报",
)  # fmt: skip
ANALYSES = Documents(
    AnalysisRow,
    Analysis,
    lambda a: {"bodies": bodies_text(a.bodies), "status": a.status.value, "opened_at": a.opened_at},
    missing="未找到该联合研判",
)  # fmt: skip
