"""What an appraisal campaign shows of the departments' handling of deputies' suggestions (代表建议办理情况):
the figures of the campaign's year, counted from the suggestions service's events (``suggestion_figures``),
for the departments the caller sees of the campaign (``appraisals.campaign_view``) — a department its own,
the congress's staff, the team and the discipline roles all of them; whom the campaign is hidden from, it
does not exist for (``NotFound``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlmodel import Session

from services.evaluation import figures_store
from services.evaluation.appraisal_handlers import CAMPAIGNS
from services.evaluation.appraisals import Department, SuggestionFigures, campaign_view
from wulian.kit.principal import Principal


def department_figures(department: Department, figures: SuggestionFigures) -> dict[str, Any]:
    """One department's row: its unit and name, each figure, and the satisfaction rate (None without verdicts)."""
    return {
        "unit": department.unit,
        "name": department.name,
        **dataclasses.asdict(figures),
        "satisfaction_rate": figures.satisfaction_rate,
    }


def campaign_figures(db: Session, principal: Principal, campaign_id: str) -> dict[str, Any]:
    """The campaign's figures as ``principal`` may see them, a JSON object: ``campaign_id``, ``year`` and
    ``departments`` (``department_figures``, in the campaign's order)."""
    view = campaign_view(CAMPAIGNS.existing(db, campaign_id).aggregate, principal)
    figures = figures_store.figures_for(db, view.year, (d.unit for d in view.departments))
    return {
        "campaign_id": view.id,
        "year": view.year,
        "departments": [department_figures(d, figures[d.unit]) for d in view.departments],
    }
