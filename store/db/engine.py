"""Async engines for SQLite (aiosqlite) and PostgreSQL (asyncpg), and the sessions the store uses.

SQLite: WAL journal, ``busy_timeout``, foreign keys on, and write transactions opened with
``BEGIN IMMEDIATE`` so concurrent writers queue on the database lock instead of failing when a read
snapshot cannot be upgraded. Reads use a plain (deferred) ``BEGIN`` so they see one snapshot.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import Table, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from store.db import sqlite_driver
from store.errors import StoreUnavailable

WRITE_OPTION = "jobscout_write"
SQLITE_BUSY_TIMEOUT_MS = 15_000
# Interactive SQLite connections wait out another writer (an import's commit) for 5 s, then answer
# "locked" themselves: a call its caller gave up on at the deadline ends a second later.
SQLITE_INTERACTIVE_BUSY_TIMEOUT_MS = 5_000
SQLITE_CACHE_MB = 16  # page cache per connection; bulk jobs ask for more
CHECKPOINT_INTERVAL_S = 0.2
# What a database call may take before the caller is told the database did not answer (a command must
# answer within about 5 s); PostgreSQL stops the statement itself a little later, so a call the client
# gave up on does not hold locks for long. Bulk jobs (import, reparse) run long transactions: no limit.
QUERY_DEADLINE_S = 4.0
STATEMENT_TIMEOUT_MS = 5_000
CONNECT_TIMEOUT_S = 4.0
# Errors the drivers raise outside SQLAlchemy's wrapping (asyncpg while connecting, sqlite3 directly).
DRIVER_ERRORS: tuple[type[Exception], ...] = (asyncpg.PostgresError, asyncpg.InterfaceError, sqlite3.Error)
log = logging.getLogger(__name__)


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


def create_engine(
    url: str | URL, *, echo: bool = False, cache_mb: int = SQLITE_CACHE_MB, bulk: bool = False
) -> AsyncEngine:
    """``bulk`` (SQLite): the engine's connections leave WAL checkpoints to a :class:`WalCheckpointer`
    (which the caller runs) and do not sync the WAL at every commit: a crash of the process still loses
    nothing committed; a power cut may lose the last commits of a bulk job, which is re-runnable."""
    parsed = normalize_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if not database or database == ":memory:":
            raise StoreUnavailable("an in-memory SQLite database cannot be shared; give a file path")
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            parsed,
            echo=echo,
            pool_size=5,
            max_overflow=10,
            pool_timeout=60,
            # every session and connection ends its transaction itself (commit, or rollback on close),
            # so the pool's own rollback on check-in would be one more trip to the database thread
            pool_reset_on_return=None,
            module=sqlite_driver.dbapi(),  # one trip to the connection's thread per statement
        )
        _install_sqlite_hooks(engine, cache_mb, bulk)
        return engine
    server_settings = {} if bulk else {"statement_timeout": str(STATEMENT_TIMEOUT_MS)}
    return create_async_engine(
        parsed,
        echo=echo,
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=True,
        pool_timeout=CONNECT_TIMEOUT_S if not bulk else 60,
        connect_args={"timeout": CONNECT_TIMEOUT_S, "server_settings": server_settings},
    )


def sqlite_pragmas(cache_mb: int = SQLITE_CACHE_MB, bulk: bool = False) -> list[str]:
    """What every SQLite connection of an engine (``bulk`` or not) runs once opened."""
    pragmas = [
        "PRAGMA journal_mode=WAL",
        f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS if bulk else SQLITE_INTERACTIVE_BUSY_TIMEOUT_MS}",
        "PRAGMA foreign_keys=ON",
        "PRAGMA synchronous=NORMAL" if bulk else "PRAGMA synchronous=FULL",
        f"PRAGMA cache_size=-{cache_mb * 1024}",
        "PRAGMA temp_store=MEMORY",
    ]
    if bulk:
        pragmas.append("PRAGMA wal_autocheckpoint=0")
    return pragmas


def _install_sqlite_hooks(engine: AsyncEngine, cache_mb: int, bulk: bool) -> None:
    pragmas = sqlite_pragmas(cache_mb, bulk)

    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event open transactions (the driver's implicit BEGIN is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        # sent with the transaction's first statement, in the same trip to the connection's thread
        begin = "BEGIN IMMEDIATE" if write else "BEGIN"
        sqlite_driver.defer_begin(connection.connection.driver_connection, begin)


def brief(exc: BaseException) -> str:
    """The first line of a database error, short enough for a log line or a user's message."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return text[:200]


async def _autocommit(engine: AsyncEngine, sql: str) -> None:
    try:
        async with engine.connect() as conn:
            auto = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await auto.exec_driver_sql(sql)
    except (SQLAlchemyError, OSError) as exc:
        log.warning("%s failed: %s", sql.split(" ")[0], brief(exc))


async def vacuum_analyze(engine: AsyncEngine) -> None:
    """PostgreSQL, after a bulk change: fresh planner statistics and visibility map (so index-only
    scans skip the heap). Autovacuum would get there too, later. A failure is logged, not raised."""
    await _autocommit(engine, "VACUUM (ANALYZE)")


async def analyze(engine: AsyncEngine, tables: Sequence[Table]) -> None:
    """PostgreSQL, during a bulk import: ANALYZE the tables it writes (a sample, so cheap). With
    statistics from when a table was nearly empty, or none (autovacuum off), the planner may read a
    whole guild's index to find 500 text hashes: a lookup then grows with the table."""
    await _autocommit(engine, f"ANALYZE {', '.join(t.name for t in tables)}")


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


class WalCheckpointer:
    """Copies committed WAL pages into a SQLite database file from a thread and connection of its own.

    With automatic checkpoints a bulk writer stops after each commit to copy what it wrote into the
    database file; with this, most of that copying runs on another core while the writer goes on (SQLite
    releases the GIL while it works). PASSIVE checkpoints never wait for or block anyone, but a writer that
    commits continuously never finds the WAL fully copied, so the WAL would grow without end: the writer
    calls :meth:`restart` every few commits, which copies the little that is left and makes the next
    transaction write the WAL from its start again.
    """

    def __init__(self, path: str, *, interval: float = CHECKPOINT_INTERVAL_S) -> None:
        self.path = path
        self.interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()  # one statement at a time on the shared connection
        self._conn = sqlite3.connect(
            path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        self._thread = threading.Thread(target=self._run, name="sqlite-wal-checkpoint", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def restart(self) -> None:
        """Blocking: finish copying the WAL and have the next writer start it over."""
        self._checkpoint("RESTART")

    def stop(self) -> None:
        """Stop after one last checkpoint of everything committed so far."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        self._checkpoint("TRUNCATE")
        self._conn.close()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._checkpoint("PASSIVE")

    def _checkpoint(self, mode: str) -> None:
        try:
            with self._lock:
                self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchall()
        except sqlite3.Error as exc:  # the next checkpoint, or the last connection's close, copies it
            log.warning("WAL checkpoint (%s) failed: %s", mode, exc)
