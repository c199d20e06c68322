"""Alembic environment of the evaluation service; run through ``wulian.kit.db.migrate``."""

from alembic import context
from sqlmodel import SQLModel

import services.evaluation.appraisal_handlers
import services.evaluation.ballot_store
import services.evaluation.figures_store
import services.evaluation.project_handlers
import services.evaluation.rectification_store  # noqa: F401
import wulian.kit.events.outbox  # noqa: F401

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
