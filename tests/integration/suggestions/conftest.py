"""A migrated suggestions database (SQLite file, or a throwaway PostgreSQL database) and a clock the
test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from services.suggestions.main import MIGRATIONS
from tests.support.postgres import migrated_database
from wulian.kit.db import Database
from wulian.kit.events.outbox import OutboxMessage
from wulian.kit.principal import Principal


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))  # Monday 09:00 in Beijing


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    with migrated_database(tmp_path, database_url, "suggestions", MIGRATIONS) as database:
        yield database


def outbox_subjects(db: Database) -> list[str]:
    with db.session() as session:
        query = select(OutboxMessage.subject).order_by(OutboxMessage.seq)  # type: ignore[arg-type]
        return [s.removeprefix("wulian.suggestions.suggestion.") for s in session.execute(query).scalars()]


def outbox_count(db: Database) -> int:
    with db.session() as session:
        return int(session.execute(select(func.count()).select_from(OutboxMessage)).scalar_one())


def who(*roles: str, subject: str, org_unit: str = "") -> Principal:
    return Principal(subject=subject, name=subject, body="x", roles=frozenset(roles), org_unit=org_unit)


DEPUTY = who("deputy", subject="deputy-1")
COSIGNER = who("deputy", subject="deputy-2")
CLERK = who("congress_clerk", subject="clerk-1")
LEADER = who("congress_leader", subject="leader-1")
OFFICE = who("gov_supervision_office", subject="office-1")
TRANSPORT = who("gov_department", subject="transport-1", org_unit="transport")
HOUSING = who("gov_department", subject="housing-1", org_unit="housing")
WATER = who("gov_department", subject="water-1", org_unit="water")
COMMISSION = who("discipline_commission", subject="commission-1")
STATION = who("discipline_station", subject="station-1")
