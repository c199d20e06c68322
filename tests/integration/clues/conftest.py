"""A migrated clue database (SQLite file, or a throwaway PostgreSQL database), the service's keys made
once per test session, and a clock the test moves by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from services.clues import sealing
from services.clues.handlers import Keys
from services.clues.main import MIGRATIONS
from tests.integration.suggestions.conftest import Clock, clock  # noqa: F401  (the same clock)
from tests.support.postgres import migrated_database
from wulian.kit.audit.checkpoint import Signer, generate_key
from wulian.kit.db import Database

ORIGIN = "wulian.test/clues"


@pytest.fixture(scope="session")
def keys() -> Keys:
    private_pem, _ = sealing.generate_keypair()
    private_key = sealing.load_private_key(private_pem)
    skey, _ = generate_key(ORIGIN)
    return Keys(private_key, private_key.public_key(), Signer.from_skey(skey), ORIGIN)


@pytest.fixture
def db(tmp_path: Path, database_url: str) -> Iterator[Database]:
    with migrated_database(tmp_path, database_url, "clues", MIGRATIONS) as database:
        yield database


__all__ = ["Clock"]
