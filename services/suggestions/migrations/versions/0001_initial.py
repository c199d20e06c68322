"""suggestions, numbering, outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "suggestion",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("number", sa.String(length=16), nullable=False, unique=True),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("content", sa.String(length=5000), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("deputy_subject", sa.String(length=64), nullable=False, index=True),
        sa.Column("deputy_name", sa.String(length=100), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        "suggestion_counter",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.String(length=64), nullable=False, unique=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("event_type", sa.String(length=200), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True, index=True),
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(length=100), primary_key=True),
        sa.Column("event_id", sa.String(length=64), primary_key=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("inbox", "outbox", "suggestion_counter", "suggestion"):
        op.drop_table(table)
