"""Async engines for SQLite (aiosqlite) and PostgreSQL (asyncpg), and the sessions the store uses.

SQLite: WAL journal, ``busy_timeout``, foreign keys on, and write transactions opened with
``BEGIN IMMEDIATE`` so concurrent writers queue on the database lock instead of failing when a read
snapshot cannot be upgraded. Reads use a plain (deferred) ``BEGIN`` so they see one snapshot.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from store.errors import StoreUnavailable

WRITE_OPTION = "jobscout_write"
SQLITE_BUSY_TIMEOUT_MS = 15_000
SQLITE_CACHE_MB = 16  # page cache per connection; bulk jobs ask for more


def normalize_url(url: str) -> URL:
    """Accept the sync spellings people type (``sqlite:///x.db``, ``postgresql://...``)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable(f"not a database URL: {url!r}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+asyncpg")
    raise StoreUnavailable(f"unsupported database {backend!r}: use sqlite or postgresql")


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"


def create_engine(url: str | URL, *, echo: bool = False, cache_mb: int = SQLITE_CACHE_MB) -> AsyncEngine:
    parsed = normalize_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:":
            raise StoreUnavailable("an in-memory SQLite database cannot be shared; give a file path")
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(parsed, echo=echo, pool_size=5, max_overflow=10, pool_timeout=60)
        _install_sqlite_hooks(engine, cache_mb)
        return engine
    return create_async_engine(parsed, echo=echo, pool_size=5, max_overflow=10, pool_pre_ping=True)


def _install_sqlite_hooks(engine: AsyncEngine, cache_mb: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event open transactions (the driver's implicit BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "PRAGMA journal_mode=WAL",
            f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",
            "PRAGMA foreign_keys=ON",
            "PRAGMA synchronous=FULL",
            f"PRAGMA cache_size=-{cache_mb * 1024}",
            "PRAGMA temp_store=MEMORY",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Sessions:
    """Read and write sessions over one engine. A write session commits on success, rolls back on error."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with AsyncSession(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        async with AsyncSession(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session
