"""Findings stored by revision 0001 get their due date as a column (0002), read from their documents, so
that the overdue list finds them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert

from services.case_review import handlers
from services.case_review.domain import FindingStatus
from services.case_review.main import MIGRATIONS
from services.case_review.repository import FINDINGS
from tests.support.postgres import upgrade_to
from tests.unit.case_review import builders as b
from wulian.kit.db import Database, make_engine


def test_findings_of_revision_0001_get_their_due_date(tmp_path: Path, database_url: str) -> None:
    engine = make_engine(database_url or f"sqlite:///{tmp_path / 'old.db'}", schema="case_review")
    database = Database(engine)
    upgrade_to(database, MIGRATIONS, "0001")
    issued, draft = b.finding_in(FindingStatus.ISSUED), b.finding_in(FindingStatus.DRAFT)
    draft.id = "f-2"
    with engine.begin() as connection:
        for finding in (issued, draft):
            columns = {k: v for k, v in FINDINGS.columns(finding).items() if k != "due_at"}  # 0001 had none
            row = columns | {"id": finding.id, "version": 1, "document": FINDINGS.dump(finding)}
            connection.execute(insert(FINDINGS.table).values(**row))
    upgrade_to(database, MIGRATIONS, "head")
    assert issued.due_at is not None
    with database.session() as session:
        due = {row.id: row.due_at for row in session.execute(FINDINGS.table.select())}
        later = handlers.list_findings(session, b.CLERK, 50, "", {"overdue": "true"}, issued.due_at + timedelta(1))
        before = handlers.list_findings(session, b.CLERK, 50, "", {"overdue": "true"}, issued.due_at - timedelta(1))
    assert due["f-2"] is None and due[issued.id] is not None
    assert later.total == 1 and before.total == 0
    database.close()
