"""A throwaway PostgreSQL database per test, when WULIAN_TEST_POSTGRES_URL names a server."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def postgres_url() -> str | None:
    return os.environ.get("WULIAN_TEST_POSTGRES_URL") or None


@contextlib.contextmanager
def throwaway_database(server_url: str) -> Iterator[str]:
    url = make_url(server_url.replace("postgresql://", "postgresql+psycopg://", 1))
    name = f"wulian_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
