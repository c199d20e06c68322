"""findings: the due date as a column, so the overdue filter is one query (filled from each finding's document)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_finding_due_at", ["due_at"])
    finding = sa.table("finding", sa.column("id", sa.String), sa.column("document", sa.Text),
                       sa.column("due_at", sa.DateTime(timezone=True)))  # fmt: skip
    connection = op.get_bind()
    for row in connection.execute(sa.select(finding.c.id, finding.c.document)).all():
        due = json.loads(row.document).get("due_at")
        if due:
            values = {"due_at": datetime.fromisoformat(due.replace("Z", "+00:00"))}
            connection.execute(sa.update(finding).where(finding.c.id == row.id).values(**values))


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_index("ix_finding_due_at")
        batch.drop_column("due_at")
