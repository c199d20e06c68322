"""Where the suggestion-handling figures per department are kept: ``suggestion_figures``, a row per (year,
unit), a column per ``SuggestionFigures`` field.

The figures are only ever added to in the database — one upsert, ``INSERT … ON CONFLICT (year, unit) DO
UPDATE SET x = suggestion_figures.x + excluded.x`` — never read, changed in Python and written back: two
transactions that add to the same row both count, on SQLite and on PostgreSQL, including when both make
the row. The rows of one event are written in unit order, so two events never wait on each other's rows
in opposite orders.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Column, Integer, String, Table, and_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlmodel import Session, SQLModel

from services.evaluation.appraisals import SuggestionFigures, add_figures
from services.evaluation.domain import ORG_UNIT_MAX

FIGURES = tuple(f.name for f in dataclasses.fields(SuggestionFigures))

suggestion_figures = Table(
    "suggestion_figures",
    SQLModel.metadata,
    Column("year", Integer, primary_key=True),
    Column("unit", String(ORG_UNIT_MAX), primary_key=True),
    *(Column(name, Integer, nullable=False, server_default="0") for name in FIGURES),
)


def _upsert(db: Session) -> Insert:
    """The adding upsert in the database's own dialect (PostgreSQL, or SQLite, the embedded default)."""
    statement: postgresql.Insert | sqlite.Insert = (
        postgresql.insert(suggestion_figures)
        if db.get_bind().dialect.name == "postgresql"
        else sqlite.insert(suggestion_figures)
    )
    added = {name: suggestion_figures.c[name] + statement.excluded[name] for name in FIGURES}
    return statement.on_conflict_do_update(index_elements=["year", "unit"], set_=added)


def apply(db: Session, year: int, increments_per_unit: Mapping[str, Mapping[str, int]]) -> None:
    """Add ``increments_per_unit`` (unit → figure → n, as ``suggestion_event_units`` gives them) to the
    figures of ``year``, in the caller's transaction; an unknown figure is refused (``InvalidArgument``)."""
    rows: list[dict[str, Any]] = [
        {"year": year, "unit": unit, **dataclasses.asdict(add_figures(SuggestionFigures(), increments))}
        for unit, increments in sorted(increments_per_unit.items())
        if increments
    ]
    if rows:
        db.execute(_upsert(db), rows)


def figures_for(db: Session, year: int, units: Iterable[str]) -> dict[str, SuggestionFigures]:
    """The figures of ``year`` of each of ``units``, in their order: zeros for a unit no event has counted."""
    wanted = list(dict.fromkeys(units))
    query = select(suggestion_figures).where(
        and_(suggestion_figures.c.year == year, suggestion_figures.c.unit.in_(wanted))
    )
    found = {row.unit: SuggestionFigures(**{name: row._mapping[name] for name in FIGURES}) for row in db.execute(query)}
    return {unit: found.get(unit, SuggestionFigures()) for unit in wanted}
