"""the expert pool, cases, review batches, draws, findings; the audit trail, outbox and inbox

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

from wulian.kit.audit.log import add_audit_tables
from wulian.kit.events.outbox import add_event_tables

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def _document_columns() -> list[sa.Column]:
    return [sa.Column("id", sa.String(length=36), primary_key=True), sa.Column("version", sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "expert",
        *_document_columns(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("id_number_key", sa.String(length=64), nullable=False, unique=True),
        sa.Column("account_subject", sa.String(length=64), nullable=False, index=True),
        sa.Column("joined_at", _TZ, nullable=False, index=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    op.create_table(
        "judicial_case",
        *_document_columns(),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("number_key", sa.String(length=64), nullable=False, unique=True),
        sa.Column("unit", sa.String(length=64), nullable=False, index=True),
        sa.Column("case_type", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("batch_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("enterprise", sa.Boolean(), nullable=False),
        sa.Column("registered_at", _TZ, nullable=False, index=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    op.create_table(
        "review_batch",
        *_document_columns(),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("created_at", _TZ, nullable=False, index=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    op.create_table(
        "batch_unit",
        sa.Column("batch_id", sa.String(length=36), sa.ForeignKey("review_batch.id"), primary_key=True),
        sa.Column("unit", sa.String(length=64), primary_key=True, index=True),
    )
    op.create_table(
        "review_seat",
        sa.Column("batch_id", sa.String(length=36), sa.ForeignKey("review_batch.id"), primary_key=True),
        sa.Column("case_id", sa.String(length=36), primary_key=True),
        sa.Column("expert_id", sa.String(length=36), primary_key=True, index=True),
        sa.Column("subject", sa.String(length=64), nullable=False, index=True),
        sa.Column("presiding_id", sa.String(length=64), nullable=False, index=True),
        sa.Column("holding", sa.Boolean(), nullable=False),
        sa.Column("called_at", _TZ, nullable=False),
    )
    op.create_table(
        "finding",
        *_document_columns(),
        sa.Column("batch_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("case_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("unit", sa.String(length=64), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("issued", sa.Boolean(), nullable=False),
        sa.Column("transfer_pending", sa.Boolean(), nullable=False, index=True),
        sa.Column("drafted_at", _TZ, nullable=False, index=True),
        sa.Column("next_check_at", _TZ, nullable=True, index=True),
        sa.Column("document", sa.Text(), nullable=False),
    )
    op.create_table(
        "expert_draw",
        *_document_columns(),
        sa.Column("batch_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("seed", sa.LargeBinary(), nullable=False),
        sa.Column("seed_commitment", sa.String(length=64), nullable=False),
        sa.Column("pool_snapshot_hash", sa.String(length=64), nullable=False),
        sa.Column("rules_hash", sa.String(length=64), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False),
        sa.Column("begun_by", sa.String(length=64), nullable=False),
        sa.Column("begun_by_name", sa.String(length=100), nullable=False),
        sa.Column("begun_at", _TZ, nullable=False),
        sa.Column("witness_entropy", sa.LargeBinary(), nullable=True),
        sa.Column("witnessed_by", sa.String(length=64), nullable=False),
        sa.Column("witnessed_by_name", sa.String(length=100), nullable=False),
        sa.Column("witnessed_at", _TZ, nullable=True),
        sa.Column("record", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("ended_at", _TZ, nullable=True),
    )
    add_audit_tables()
    add_event_tables()


def downgrade() -> None:
    raise NotImplementedError("the review records, draws and their audit trail are never dropped by a migration")
