"""Counts of the handling of suggestions, per handling unit and per deputy, per year.

Pure functions over ``SuggestionSummary`` records, which the repository may build straight from its
tables (or ``summary_of`` from an aggregate). The year is the suggestion's own (its number's) year.

How a unit is counted when it is lead unit (主办) on some suggestions and co-unit (协办) on others:
``assigned`` and the contact counts cover every confirmed assignment of the unit, as lead or co-unit;
the reply and what follows from it (on time, the deputy's verdict, re-handling, escalation) are the lead
unit's, who answers for the reply. A verdict counts by the latest evaluation of each suggestion.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from services.suggestions import clocks
from services.suggestions.domain import Satisfaction, Status
from services.suggestions.model import Suggestion


@dataclass(frozen=True, slots=True)
class SuggestionSummary:
    suggestion_id: str
    year: int
    deputy_subject: str
    status: Status
    cosigners: tuple[str, ...] = ()
    lead_unit: str = ""
    co_units: tuple[str, ...] = ()
    confirmed_at: datetime | None = None  # None until the assignment is confirmed
    contacted_at: Mapping[str, datetime] = field(default_factory=dict)  # unit → first contact
    reply_due_at: datetime | None = None  # the first handling's due date
    first_replied_at: datetime | None = None
    latest_overall: Satisfaction | None = None
    rehandlings: int = 0
    escalated: bool = False

    @property
    def replied_on_time(self) -> bool:
        return (
            self.first_replied_at is not None
            and self.reply_due_at is not None
            and self.first_replied_at <= self.reply_due_at
        )


def summary_of(suggestion: Suggestion) -> SuggestionSummary:
    """The summary of a submitted suggestion; drafts are not counted anywhere."""
    if suggestion.year is None:
        raise ValueError("a draft has no place in the statistics")
    assignment = suggestion.assignment
    confirmed = assignment if assignment and assignment.confirmed_at else None
    first_reply = suggestion.replies[0] if suggestion.replies else None
    return SuggestionSummary(
        suggestion_id=suggestion.id,
        year=suggestion.year,
        deputy_subject=suggestion.deputy_subject,
        status=suggestion.status,
        cosigners=suggestion.cosigner_subjects,
        lead_unit=confirmed.lead_unit if confirmed else "",
        co_units=confirmed.co_units if confirmed else (),
        confirmed_at=confirmed.confirmed_at if confirmed else None,
        contacted_at={unit: c.contacted_at for unit, c in suggestion.contacts.items()},
        reply_due_at=first_reply.due_at if first_reply else suggestion.reply_due_at,
        first_replied_at=first_reply.replied_at if first_reply else None,
        latest_overall=suggestion.evaluations[-1].overall if suggestion.evaluations else None,
        rehandlings=suggestion.rehandlings,
        escalated=suggestion.escalated,
    )


@dataclass(slots=True)
class Verdicts:
    """The deputies' latest verdicts on a set of suggestions."""

    evaluated: int = 0
    satisfied: int = 0
    basically_satisfied: int = 0
    dissatisfied: int = 0

    def count(self, overall: Satisfaction | None) -> None:
        if overall is None:
            return
        self.evaluated += 1
        if overall is Satisfaction.SATISFIED:
            self.satisfied += 1
        elif overall is Satisfaction.BASICALLY_SATISFIED:
            self.basically_satisfied += 1
        else:
            self.dissatisfied += 1

    @property
    def satisfaction_rate(self) -> float | None:
        """(satisfied + basically satisfied) / evaluated; None when nothing was evaluated yet."""
        if not self.evaluated:
            return None
        return (self.satisfied + self.basically_satisfied) / self.evaluated


@dataclass(slots=True)
class UnitStats:
    unit: str
    year: int
    assigned: int = 0  # as lead or co-unit
    as_lead: int = 0
    contacted: int = 0
    contacted_within_48h: int = 0
    replied: int = 0  # lead only, from here on
    replied_on_time: int = 0
    verdicts: Verdicts = field(default_factory=Verdicts)
    rehandled: int = 0
    escalated: int = 0

    @property
    def satisfaction_rate(self) -> float | None:
        return self.verdicts.satisfaction_rate


@dataclass(slots=True)
class DeputyStats:
    deputy_subject: str
    year: int
    submitted: int = 0
    cosigned: int = 0  # others' suggestions this deputy co-signed (附议)
    assigned: int = 0
    replied: int = 0
    closed: int = 0
    verdicts: Verdicts = field(default_factory=Verdicts)
    rehandled: int = 0
    escalated: int = 0


def _count_assignment(stats: UnitStats, summary: SuggestionSummary, confirmed_at: datetime) -> None:
    stats.assigned += 1
    contacted_at = summary.contacted_at.get(stats.unit)
    if contacted_at is not None:
        stats.contacted += 1
        stats.contacted_within_48h += clocks.contacted_in_time(confirmed_at, contacted_at)


def _count_lead_outcome(stats: UnitStats, summary: SuggestionSummary) -> None:
    stats.as_lead += 1
    stats.replied += summary.first_replied_at is not None
    stats.replied_on_time += summary.replied_on_time
    stats.verdicts.count(summary.latest_overall)
    stats.rehandled += summary.rehandlings > 0
    stats.escalated += summary.escalated


def unit_stats(summaries: Iterable[SuggestionSummary], year: int | None = None) -> list[UnitStats]:
    """One row per (unit, year) with a confirmed assignment, ordered by year then unit."""
    table: dict[tuple[str, int], UnitStats] = {}
    for summary in summaries:
        if summary.confirmed_at is None or (year is not None and summary.year != year):
            continue
        for unit in (summary.lead_unit, *summary.co_units):
            stats = table.setdefault((unit, summary.year), UnitStats(unit, summary.year))
            _count_assignment(stats, summary, summary.confirmed_at)
            if unit == summary.lead_unit:
                _count_lead_outcome(stats, summary)
    return [table[key] for key in sorted(table, key=lambda k: (k[1], k[0]))]


def _count_own(stats: DeputyStats, summary: SuggestionSummary) -> None:
    stats.submitted += 1
    stats.assigned += summary.confirmed_at is not None
    stats.replied += summary.first_replied_at is not None
    stats.closed += summary.status is Status.CLOSED
    stats.verdicts.count(summary.latest_overall)
    stats.rehandled += summary.rehandlings > 0
    stats.escalated += summary.escalated


def deputy_stats(summaries: Iterable[SuggestionSummary], year: int | None = None) -> list[DeputyStats]:
    """One row per (deputy, year) who submitted or co-signed, ordered by year then deputy."""
    table: dict[tuple[str, int], DeputyStats] = {}

    def row(subject: str, year_: int) -> DeputyStats:
        return table.setdefault((subject, year_), DeputyStats(subject, year_))

    for summary in summaries:
        if summary.status is Status.DRAFT or (year is not None and summary.year != year):
            continue
        _count_own(row(summary.deputy_subject, summary.year), summary)
        for cosigner in summary.cosigners:
            row(cosigner, summary.year).cosigned += 1
    return [table[key] for key in sorted(table, key=lambda k: (k[1], k[0]))]
