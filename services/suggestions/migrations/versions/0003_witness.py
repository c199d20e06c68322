"""the checkpoints of the clue service's audit log, as this service witnessed them

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from wulian.kit.audit.witness import add_witness_tables

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_witness_tables()


def downgrade() -> None:
    raise NotImplementedError("the witnessed checkpoints are evidence; no migration drops them")
