"""the whole life of a suggestion: drafts, the aggregate's document, units, co-signers, numbers per session

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)
DEPUTY_OUTCOME = (
    "deputy_subject", "year", "status", "confirmed_at", "first_replied_at", "latest_overall", "rehandlings",
    "escalated",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("suggestion") as batch:
        batch.alter_column("number", existing_type=sa.String(length=16), type_=sa.String(length=32), nullable=True)
        batch.alter_column("year", existing_type=sa.Integer(), nullable=True)
        batch.alter_column("submitted_at", existing_type=_TZ, nullable=True)
        batch.add_column(sa.Column("session", sa.String(length=16), nullable=False, server_default=""))
        batch.add_column(sa.Column("created_at", _TZ, nullable=True))
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("lead_unit", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("confirmed_at", _TZ, nullable=True))
        batch.add_column(sa.Column("reply_due_at", _TZ, nullable=True))
        batch.add_column(sa.Column("first_replied_at", _TZ, nullable=True))
        batch.add_column(sa.Column("replied_on_time", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("latest_overall", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("rehandlings", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("escalated", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("next_check_at", _TZ, nullable=True))
        batch.add_column(sa.Column("document", sa.Text(), nullable=True))
        batch.create_index("ix_suggestion_lead_unit", ["lead_unit"])
        batch.create_index("ix_suggestion_next_check_at", ["next_check_at"])
        batch.create_index("ix_suggestion_deputy_outcome", list(DEPUTY_OUTCOME))

    # Suggestions of 0001 were submitted and nothing more: their document is their columns.
    suggestion = sa.table(
        "suggestion",
        *(sa.column(name) for name in ("id", "number", "title", "content", "category", "status")),
        *(sa.column(name) for name in ("deputy_subject", "deputy_name", "document")),
        sa.column("submitted_at", _TZ),
        sa.column("created_at", _TZ),
    )
    connection = op.get_bind()
    for row in connection.execute(sa.select(suggestion).where(suggestion.c.document.is_(None))).mappings():
        submitted_at = row["submitted_at"]
        moment = submitted_at.isoformat() if submitted_at.tzinfo else submitted_at.isoformat() + "+00:00"
        document = {
            key: row[key] for key in ("id", "number", "title", "content", "category", "status", "deputy_subject")
        } | {
            "deputy_name": row["deputy_name"],
            "drafted_by": row["deputy_subject"],
            "created_at": moment,
            "submitted_at": moment,
        }
        connection.execute(
            sa.update(suggestion)
            .where(suggestion.c.id == row["id"])
            .values(document=json.dumps(document, ensure_ascii=False), created_at=submitted_at)
        )
    with op.batch_alter_table("suggestion") as batch:
        batch.alter_column("document", existing_type=sa.Text(), nullable=False)
        batch.alter_column("created_at", existing_type=_TZ, nullable=False)

    op.create_table(
        "suggestion_unit",
        sa.Column("suggestion_id", sa.String(length=36), sa.ForeignKey("suggestion.id"), primary_key=True),
        sa.Column("unit", sa.String(length=64), primary_key=True),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("contact_due_at", _TZ, nullable=False),
        sa.Column("contacted_at", _TZ, nullable=True),
        sa.Column("contacted_in_time", sa.Boolean(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("replied", sa.Boolean(), nullable=False),
        sa.Column("replied_on_time", sa.Boolean(), nullable=False),
        sa.Column("latest_overall", sa.String(length=32), nullable=True),
        sa.Column("rehandled", sa.Boolean(), nullable=False),
        sa.Column("escalated", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_suggestion_unit_unit", "suggestion_unit", ["unit"])
    op.create_table(
        "suggestion_cosigner",
        sa.Column("suggestion_id", sa.String(length=36), sa.ForeignKey("suggestion.id"), primary_key=True),
        sa.Column("subject", sa.String(length=64), primary_key=True),
        sa.Column("year", sa.Integer(), nullable=True),
    )
    op.create_index("ix_suggestion_cosigner_subject", "suggestion_cosigner", ["subject"])
    op.create_table(
        "suggestion_audit",
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("suggestion_id", sa.String(length=36), nullable=False, index=True),
        sa.Column("event_id", sa.String(length=64), nullable=False, unique=True),
        sa.Column("event", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", _TZ, nullable=False),
        sa.Column("actor_subject", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=False),
        sa.Column("actor_body", sa.String(length=32), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
    )
    # The audit trail of 0001's suggestions: their submission.
    op.execute(
        "INSERT INTO suggestion_audit (suggestion_id, event_id, event, occurred_at, actor_subject, actor_name,"
        " actor_body, request_id) SELECT id, 'migrated-' || id, 'submitted', submitted_at, deputy_subject,"
        " deputy_name, 'congress', '' FROM suggestion WHERE number IS NOT NULL ORDER BY submitted_at"
    )
    op.create_table(
        "suggestion_sequence",
        sa.Column("year", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("session", sa.String(length=16), primary_key=True),
        sa.Column("last", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO suggestion_sequence (year, session, last) SELECT year, '', last FROM suggestion_counter")
    op.drop_table("suggestion_counter")


def downgrade() -> None:
    raise NotImplementedError("0002 cannot be undone without losing drafts, assignments and handling records")
