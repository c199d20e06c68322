"""A throwaway PostgreSQL database per test, when WULIAN_TEST_POSTGRES_URL names a server; a service's
migrated database on it or on SQLite."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from wulian.kit.db import Database, make_engine, migrate


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


@contextlib.contextmanager
def migrated_database(tmp_path: Path, database_url: str, service: str, migrations: Path) -> Iterator[Database]:
    """A service's database, migrated: a SQLite file under ``tmp_path``, or ``database_url`` (PostgreSQL,
    the service's schema)."""
    engine = make_engine(database_url or f"sqlite:///{tmp_path / f'{service}.db'}", schema=service)
    migrate(engine, migrations)
    database = Database(engine)
    try:
        yield database
    finally:
        database.close()


def upgrade_to(database: Database, migrations: Path, revision: str) -> None:
    """Bring a service's database to one Alembic revision (a data migration's test starts from the one before)."""
    config = Config()
    config.set_main_option("script_location", str(migrations))
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
