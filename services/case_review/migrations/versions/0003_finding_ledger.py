"""findings followed by the rectification ledger: their logged steps, how many the evaluation service holds,
and its item (a row of its own, written by the ledger relay without touching the finding's version)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding_ledger",
        sa.Column("finding_id", sa.String(length=36), sa.ForeignKey("finding.id"), primary_key=True),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("finding_ledger")
