"""A migrated consultation database (SQLite file, or a throwaway PostgreSQL database) and a hand-moved clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.consultation.main import MIGRATIONS
from tests.integration.suggestions.conftest import Clock
from tests.integration.suggestions.conftest import clock as clock  # the same clock fixture
from tests.support.postgres import migrated_database
from wulian.kit.db import Database


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    with migrated_database(tmp_path, database_url, "consultation", MIGRATIONS) as database:
        yield database


__all__ = ["Clock"]
