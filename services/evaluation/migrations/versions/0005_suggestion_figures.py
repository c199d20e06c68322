"""suggestion-handling figures per department and year, counted from the suggestions service's events

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# SuggestionFigures' fields as of this revision; a later field comes with a migration of its own.
_FIGURES = (
    "assigned",
    "as_lead",
    "contacted",
    "contacted_within_48h",
    "replied",
    "replied_on_time",
    "satisfied",
    "basically_satisfied",
    "dissatisfied",
    "contact_overdue",
    "reply_overdue",
)


def upgrade() -> None:
    op.create_table(
        "suggestion_figures",
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("unit", sa.String(length=64), primary_key=True),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in _FIGURES),
    )


def downgrade() -> None:
    raise NotImplementedError("the figures are counted from events the stream may no longer hold: never dropped")
