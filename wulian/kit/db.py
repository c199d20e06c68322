"""Database engines and sessions: a SQLite file per service (WAL), or PostgreSQL (a schema per service).

Where database work runs: PostgreSQL work goes to a thread pool, so the event loop never waits on
the network. SQLite work runs on the event loop itself: the file is this process's alone, a WAL
commit with synchronous=NORMAL writes to the page cache without fsync, and a statement takes tens of
microseconds — less than handing it to a thread and back, which under load mostly buys contention
for the GIL (measured: 2.2 ms of a 4.5 ms request went to that hand-off). It also makes the
service's writes naturally serial, which is what SQLite wants.

The exception is a service's hot writes (group commit, the outbox relay's marks): they go to one
writer thread (``Database.write``), so that calls keep arriving while a transaction runs, and a
WAL checkpoint's fsync stalls that thread rather than the event loop (see ``kit.group_commit``).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

T = TypeVar("T")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a commit survives a killed process; only a power cut may lose the last ones.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, schema: str | None = None) -> Engine:
    """An engine for ``url``; for PostgreSQL, ``schema`` is created and put first on the search path."""
    if is_sqlite(url):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    # Every connection, from the first one on, looks in the service's schema first.
    connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
    engine = create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True, connect_args=connect_args)
    if schema:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    return engine


def migrate(engine: Engine, script_location: Path) -> None:
    """Bring the database to the newest Alembic revision of a service's migrations."""
    config = Config()
    config.set_main_option("script_location", str(script_location))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def stored_utc(moment: datetime | None) -> datetime | None:
    """A time as read back from the database: SQLite hands back naive datetimes, and we only ever store UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


class Database:
    """A service's engine plus the executor its blocking database work runs on."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._inline = engine.dialect.name == "sqlite"
        self._executor = ThreadPoolExecutor(max_workers=8, thread_name_prefix="db")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` where this database's work runs (see the module docstring), in the caller's context."""
        if self._inline:
            return fn(*args, **kwargs)
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
        return await loop.run_in_executor(self._executor, call)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn`` on this database's one writer thread, off the event loop, in the caller's context."""
        loop = asyncio.get_running_loop()
        call = functools.partial(contextvars.copy_context().run, fn, *args, **kwargs)
        return await loop.run_in_executor(self._writer, call)

    async def in_session(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``fn(session, *args, **kwargs)`` on the database executor, in a session of its own."""

        def work() -> T:
            with self.session() as session:
                return fn(session, *args, **kwargs)

        return await self.run(work)

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        self._executor.shutdown(wait=True)
        self.engine.dispose()
