"""Who sees what of a joint analysis (联合研判): how much of it a caller sees (``analysis_access``), the read
model with the actions it offers (``analysis_view``), which analyses a caller's list holds
(``visible_analyses``) and the counts (``analysis_counts``). Pure: no I/O.

The staff of the participating bodies see all of it (notes by every body, the conclusions); ``platform_admin``
sees counts; nobody else anything (not found).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from services.consultation.analyses import (
    ANALYSIS_STATES,
    ANALYSIS_STATUS_LABELS,
    Analysis,
    AnalysisAction,
    AnalysisStatus,
    Conclusion,
    Note,
)
from services.consultation.domain import BODY_LABELS, Body, View, counts_only, ensure_readable, status_counts
from wulian.kit.principal import Principal


def analysis_access(principal: Principal, analysis: Analysis) -> View:
    if analysis.is_participant(principal):
        return View.FULL
    return View.COUNTS if counts_only(principal) else View.NONE


@dataclass(frozen=True, slots=True)
class AnalysisView:
    id: str
    topic: str
    creator: Body
    creator_label: str
    bodies: tuple[Body, ...]
    body_labels: tuple[str, ...]
    opened_by: str
    opened_by_name: str
    opened_at: datetime
    status: AnalysisStatus
    status_label: str
    notes: tuple[Note, ...]
    conclusion: Conclusion | None
    agreeing_labels: tuple[str, ...]  # the bodies agreeing with the conclusions, by name
    access: View
    actions: tuple[AnalysisAction, ...]


def available_actions(analysis: Analysis, principal: Principal) -> tuple[AnalysisAction, ...]:
    if analysis.status not in ANALYSIS_STATES.allowed[AnalysisAction.ADD_NOTE]:
        return ()
    conclude = (AnalysisAction.CONCLUDE,) if analysis.is_creator(principal) else ()
    return (AnalysisAction.ADD_NOTE, *conclude) if analysis.is_participant(principal) else ()


def analysis_view(analysis: Analysis, principal: Principal) -> AnalysisView:
    """The analysis as ``principal`` may see it (``NotFound`` for whoever sees nothing of it)."""
    access = ensure_readable(analysis_access(principal, analysis), message="未找到该联合研判")
    agreeing = analysis.conclusion.agreeing_bodies if analysis.conclusion else ()
    return AnalysisView(
        id=analysis.id,
        topic=analysis.topic,
        creator=analysis.creator,
        creator_label=BODY_LABELS[analysis.creator],
        bodies=analysis.bodies,
        body_labels=tuple(BODY_LABELS[body] for body in analysis.bodies),
        opened_by=analysis.opened_by,
        opened_by_name=analysis.opened_by_name,
        opened_at=analysis.opened_at,
        status=analysis.status,
        status_label=ANALYSIS_STATUS_LABELS[analysis.status],
        notes=tuple(analysis.notes),
        conclusion=analysis.conclusion,
        agreeing_labels=tuple(BODY_LABELS[body] for body in agreeing),
        access=access,
        actions=available_actions(analysis, principal),
    )


def visible_analyses(analyses: Iterable[Analysis], principal: Principal) -> list[Analysis]:
    """The rows of ``principal``'s list: the analyses its bodies take part in (none for counts)."""
    return [analysis for analysis in analyses if analysis_access(principal, analysis) >= View.LIMITED]


def analysis_counts(analyses: Iterable[Analysis]) -> dict[AnalysisStatus, int]:
    return status_counts(AnalysisStatus, (analysis.status for analysis in analyses))
