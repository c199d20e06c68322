"""the rectification ledger (整改台账)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "rectification_item",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False, index=True),
        sa.Column("source_ref", sa.String(length=200), nullable=False),
        sa.Column("source_key", sa.String(length=320), nullable=True, unique=True),
        sa.Column("raising_body", sa.String(length=32), nullable=False, index=True),
        sa.Column("unit", sa.String(length=64), nullable=False, index=True),
        sa.Column("unit_kind", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("raised_at", _TZ, nullable=False, index=True),
        sa.Column("due_at", _TZ, nullable=False, index=True),
        sa.Column("next_check_at", _TZ, nullable=True, index=True),
        sa.Column("document", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("the rectification ledger is never dropped by a migration")
