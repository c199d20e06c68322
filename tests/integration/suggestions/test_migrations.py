"""Suggestions stored by revision 0001 (submitted, nothing more) survive the upgrade whole: their
document, their audit trail, and the year's numbering, which goes on where it stopped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from services.suggestions import domain, handlers, repository
from services.suggestions.domain import Status
from services.suggestions.main import MIGRATIONS
from tests.integration.suggestions.conftest import CLERK, DEPUTY, Clock
from tests.support.postgres import upgrade_to
from wulian.kit.db import Database, make_engine


def upgrade(database: Database, revision: str) -> None:
    upgrade_to(database, MIGRATIONS, revision)


def test_suggestions_of_revision_0001_are_kept_whole(tmp_path: Path, database_url: str) -> None:
    engine = make_engine(database_url or f"sqlite:///{tmp_path / 'old.db'}", schema="suggestions")
    database = Database(engine)
    upgrade(database, "0001")
    submitted_at = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO suggestion (id, number, year, title, content, category, status, deputy_subject,"
                " deputy_name, submitted_at) VALUES ('old-1', '2026-0007', 2026, '旧建议', '旧内容', 'transport',"
                " 'submitted', :deputy, '代表甲', :at)"
            ),
            {"deputy": DEPUTY.subject, "at": submitted_at},
        )
        connection.execute(text("INSERT INTO suggestion_counter (year, last) VALUES (2026, 7)"))
    upgrade(database, "head")

    with database.session() as session:
        loaded = handlers.load_visible(session, DEPUTY, "old-1")
        trail = handlers.get_history(session, CLERK, "old-1")
    old = loaded.suggestion
    assert (old.number, old.title, old.status, old.submitted_at) == (
        "2026-0007",
        "旧建议",
        Status.SUBMITTED,
        submitted_at,
    )
    assert loaded.version == 1 and [entry["event"] for entry in trail] == ["submitted"]
    with database.session() as session:
        new = handlers.submit_suggestion(
            session, DEPUTY, domain.SubmitSuggestion("新", "新内容", "other"), Clock(submitted_at)
        )
    assert new.number == "2026-0008"
    with database.session() as session:
        assert repository.load(session, "old-1") is not None
    database.close()
