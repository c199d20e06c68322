"""clues (sealed), the audit log, outbox and inbox

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


def upgrade() -> None:
    op.create_table(
        "clue",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(length=32), nullable=False, index=True),
        sa.Column("source_ref", sa.String(length=200), nullable=False),
        sa.Column("source_key", sa.String(length=240), nullable=True, unique=True),
        sa.Column("official_subject", sa.String(length=64), nullable=False, index=True),
        sa.Column("official_role", sa.String(length=32), nullable=False),
        sa.Column("official_body", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("transferred_at", _TZ, nullable=False, index=True),
        sa.Column("acknowledge_due_at", _TZ, nullable=False),
        sa.Column("acknowledged_at", _TZ, nullable=True),
        sa.Column("accepted_at", _TZ, nullable=True),
        sa.Column("feedback_due_at", _TZ, nullable=True),
        sa.Column("declined_at", _TZ, nullable=True),
        sa.Column("feedback_given_at", _TZ, nullable=True),
        sa.Column("next_check_at", _TZ, nullable=True, index=True),
        sa.Column("transfer_audit_index", sa.BigInteger(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
    )
    add_audit_tables()
    add_event_tables()


def downgrade() -> None:
    raise NotImplementedError("the clue register and its audit log are never dropped by a migration")
