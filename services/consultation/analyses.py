"""联合研判 — joint analysis of a topic by the bodies that take part (seed 004: "围绕预决算、国有资产管理、
审计监督等方面的突出问题，建立完善信息互通机制，开展联合研判活动"). Pure: no I/O.

Who. A body's staff opens an analysis in its body's name (the *creator*) with at least one other body; the
staff of every participating body add notes (研判意见), each recorded with its body and author; the
creator's staff record the conclusions (研判结论) and which participating bodies agree with them (the
creator's among them), which ends the analysis. Only the staff of the participating bodies see it
(``analysis_views``); ``platform_admin`` counts.

Life of an analysis (``ANALYSIS_STATES``)::

    action \\ state   open        concluded
    add_note         open        -
    conclude         concluded   -
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from services.consultation.domain import (
    BODY_LABELS,
    BODY_MAX,
    LIST_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Body,
    Event,
    StateTable,
    acting_body,
    acts_for,
    as_utc,
    body_audience,
    checked_bodies,
    checked_text,
    checked_texts,
    joint_bodies,
)
from wulian.kit.errors import Conflict, PermissionDenied
from wulian.kit.principal import Principal
from wulian.kit.problems import Problems


class AnalysisStatus(StrEnum):
    OPEN = "open"
    CONCLUDED = "concluded"


ANALYSIS_STATUS_LABELS: dict[AnalysisStatus, str] = {
    AnalysisStatus.OPEN: "研判中",
    AnalysisStatus.CONCLUDED: "已形成结论",
}


class AnalysisAction(StrEnum):
    ADD_NOTE = "add_note"
    CONCLUDE = "conclude"


_OPEN = frozenset({AnalysisStatus.OPEN})
ANALYSIS_STATES: StateTable[AnalysisStatus, AnalysisAction] = StateTable(
    allowed={AnalysisAction.ADD_NOTE: _OPEN, AnalysisAction.CONCLUDE: _OPEN},
    phrases={AnalysisStatus.OPEN: "该联合研判正在进行", AnalysisStatus.CONCLUDED: "该联合研判已形成结论"},
    action_labels={AnalysisAction.ADD_NOTE: "发表研判意见", AnalysisAction.CONCLUDE: "形成研判结论"},
)


# --- commands: plain and unchecked, as the API hands them over ------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenAnalysis:
    """``bodies``: the participating bodies, at least two, the creator's among them."""

    topic: str
    bodies: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AddAnalysisNote:
    """A participating body's view of the topic (研判意见)."""

    text: str


@dataclass(frozen=True, slots=True)
class ConcludeAnalysis:
    """The conclusions (研判结论), at least one, and the participating bodies that agree with them."""

    conclusions: tuple[str, ...]
    agreeing_bodies: tuple[str, ...]


# --- records --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Note:
    no: int
    body: Body
    author: str
    author_name: str
    text: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Conclusion:
    conclusions: tuple[str, ...]
    agreeing_bodies: tuple[Body, ...]
    by: str
    by_name: str
    at: datetime


# --- events ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnalysisEvent(Event):
    """Published on ``wulian.consultation.analysis.<name>``; told to the participating bodies only. Never the
    topic, a note or a conclusion."""

    aggregate = "analysis"
    analysis_id: str
    occurred_at: datetime
    creator: Body
    bodies: tuple[Body, ...]

    @property
    def aggregate_id(self) -> str:
        return self.analysis_id

    def audience(self) -> list[str]:
        return body_audience(*self.bodies)


@dataclass(frozen=True, slots=True)
class AnalysisOpened(AnalysisEvent):
    name = "opened"


@dataclass(frozen=True, slots=True)
class AnalysisNoteAdded(AnalysisEvent):
    name = "note_added"
    no: int
    body: Body


@dataclass(frozen=True, slots=True)
class AnalysisConcluded(AnalysisEvent):
    name = "concluded"
    conclusions: int
    agreeing_bodies: tuple[Body, ...]


# --- the aggregate --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Analysis:
    """A joint analysis. Transitions check state (``Conflict``), actor (``PermissionDenied``) and input
    (``InvalidArgument``), in that order, and record events."""

    id: str
    creator: Body
    topic: str
    bodies: tuple[Body, ...]
    opened_by: str
    opened_by_name: str
    opened_at: datetime
    status: AnalysisStatus = AnalysisStatus.OPEN
    notes: list[Note] = field(default_factory=list)
    conclusion: Conclusion | None = None
    events: list[AnalysisEvent] = field(default_factory=list, repr=False)

    @classmethod
    def create(cls, analysis_id: str, principal: Principal, command: OpenAnalysis, now: datetime) -> Analysis:
        """Opened in the name of the caller's body."""
        now = as_utc(now)
        creator = acting_body(principal, message="只有人大常委会、纪委监委或市政府政务督查室的工作人员可以发起联合研判")
        problems = Problems()
        topic = problems.text("topic", command.topic, "研判议题", limit=TITLE_MAX)
        bodies = joint_bodies(problems, "bodies", command.bodies, creator, "参与研判的机关")
        problems.raise_if_any("联合研判未通过校验")
        analysis = cls(analysis_id, creator, topic, bodies, principal.subject, principal.name, now)
        analysis.events.append(AnalysisOpened(*analysis._ids(now)))
        return analysis

    def add_note(self, principal: Principal, command: AddAnalysisNote, now: datetime) -> Note:
        """A note in the name of the participating body the author acts for."""
        ANALYSIS_STATES.ensure(AnalysisAction.ADD_NOTE, self.status)
        if len(self.notes) >= LIST_MAX:
            raise Conflict(f"该联合研判的研判意见已达 {LIST_MAX} 条，不能再发表")
        now = as_utc(now)
        body = self.participant_body(principal)
        if body is None:
            raise PermissionDenied("只有参与研判的机关可以发表研判意见")
        text = checked_text("text", command.text, "研判意见", limit=BODY_MAX)
        note = Note(len(self.notes) + 1, body, principal.subject, principal.name, text, now)
        self.notes.append(note)
        self.events.append(AnalysisNoteAdded(*self._ids(now), note.no, body))
        return note

    def conclude(self, principal: Principal, command: ConcludeAnalysis, now: datetime) -> None:
        ANALYSIS_STATES.ensure(AnalysisAction.CONCLUDE, self.status)
        now = as_utc(now)
        if not self.is_creator(principal):
            raise PermissionDenied(f"只有发起研判的{BODY_LABELS[self.creator]}可以形成研判结论")
        problems = Problems()
        conclusions = checked_texts(problems, "conclusions", command.conclusions, "研判结论", limit=TEXT_MAX)
        agreeing = checked_bodies(problems, "agreeing_bodies", command.agreeing_bodies, "同意结论的机关")
        for index, body in enumerate(command.agreeing_bodies):
            if body in Body.__members__.values() and body not in self.bodies:
                problems.add(f"agreeing_bodies[{index}]", "同意结论的机关须为参与研判的机关")
        if self.creator not in agreeing:
            problems.add("agreeing_bodies", f"同意结论的机关须包括发起研判的{BODY_LABELS[self.creator]}")
        problems.raise_if_any("研判结论未通过校验")
        self.conclusion = Conclusion(conclusions, agreeing, principal.subject, principal.name, now)
        self.status = AnalysisStatus.CONCLUDED
        self.events.append(AnalysisConcluded(*self._ids(now), len(conclusions), agreeing))

    # --- queries --------------------------------------------------------------------------------------

    def participant_body(self, principal: Principal) -> Body | None:
        """The participating body ``principal`` acts for (the first, should it act for two)."""
        return next((body for body in self.bodies if acts_for(principal, body)), None)

    def is_participant(self, principal: Principal) -> bool:
        return self.participant_body(principal) is not None

    def is_creator(self, principal: Principal) -> bool:
        return acts_for(principal, self.creator)

    def _ids(self, now: datetime) -> tuple[str, datetime, Body, tuple[Body, ...]]:
        return self.id, now, self.creator, self.bodies
