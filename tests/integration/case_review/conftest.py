"""A migrated case-review database (SQLite file, or a throwaway PostgreSQL database), the audit trail's
signing key, a clock the test moves by hand, and a pool, cases and a batch to draw for."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.case_review.handlers import Context
from services.case_review.main import MIGRATIONS
from services.case_review.trail import Keys
from tests.integration.suggestions.conftest import Clock
from tests.integration.suggestions.conftest import clock as clock  # the same clock fixture
from tests.support.postgres import migrated_database
from wulian.kit.audit.checkpoint import Signer, generate_key
from wulian.kit.db import Database

ORIGIN = "wulian.test/case_review"


@pytest.fixture(scope="session")
def keys() -> Keys:
    skey, _ = generate_key(ORIGIN)
    return Keys(Signer.from_skey(skey), ORIGIN)


@pytest.fixture
def ctx(keys: Keys, clock: Clock) -> Context:
    return Context(keys, clock)


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    with migrated_database(tmp_path, database_url, "case_review", MIGRATIONS) as database:
        yield database


__all__ = ["Clock"]
