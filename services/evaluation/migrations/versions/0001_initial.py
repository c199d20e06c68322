"""ballot sessions, their receipts and counters (no ballot table: see ballot_store); outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from wulian.kit.events.outbox import add_event_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ballot_session",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("campaign_id", sa.String(length=64), nullable=False, index=True),
        sa.Column("created_at", _TZ, nullable=False, index=True),
        sa.Column("turnout", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
    )
    op.create_table(
        "ballot_receipt",
        sa.Column("session_id", sa.String(length=36), primary_key=True),
        sa.Column("voter", sa.String(length=64), primary_key=True),
    )
    op.create_table(
        "ballot_counter",
        sa.Column("session_id", sa.String(length=36), primary_key=True),
        sa.Column("ref", sa.String(length=64), primary_key=True),
        sa.Column("counter", sa.String(length=32), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
    )
    add_event_tables()


def downgrade() -> None:
    raise NotImplementedError("ballot sessions and their counts are never dropped by a migration")
