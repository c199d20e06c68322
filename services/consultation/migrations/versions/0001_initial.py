"""plans, consultations and opinions, joint meetings, bulletins, joint analyses; outbox and inbox

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


def _document_table(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *columns,
        sa.Column("document", sa.Text(), nullable=False),
    )


def upgrade() -> None:
    _document_table(
        "supervision_plan",
        sa.Column("kind", sa.String(length=32), nullable=False, index=True),
        sa.Column("owner", sa.String(length=16), nullable=False, index=True),
        sa.Column("year", sa.Integer(), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("created_at", _TZ, nullable=False),
    )
    _document_table(
        "consultation",
        sa.Column("plan_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("bodies", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("asked_at", _TZ, nullable=False),
        sa.Column("next_check_at", _TZ, nullable=True, index=True),
    )
    _document_table(
        "consultation_opinion",
        sa.Column("consultation_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("plan_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("bodies", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("given_at", _TZ, nullable=False),
    )
    _document_table(
        "joint_meeting",
        sa.Column("bodies", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("held_at", _TZ, nullable=False, index=True),
        sa.Column("next_check_at", _TZ, nullable=True, index=True),
    )
    _document_table(
        "bulletin",
        sa.Column("bodies", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False, index=True),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("issued_at", _TZ, nullable=False, index=True),
    )
    _document_table(
        "joint_analysis",
        sa.Column("bodies", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False, index=True),
        sa.Column("opened_at", _TZ, nullable=False, index=True),
    )
    add_event_tables()


def downgrade() -> None:
    raise NotImplementedError("the consultation link's records are never dropped by a migration")
