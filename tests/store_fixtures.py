"""Fixtures for running tests against a real database, on both engines.

``store`` (and ``db_url``) are parametrized over SQLite (a temporary file) and PostgreSQL (a database
created for this test session on ``JOBSCOUT_TEST_PG_URL``, default ``postgresql://postgres@127.0.0.1:5432/test``,
dropped at the end; tables are emptied before each test). PostgreSQL tests skip with the reason when
the server cannot be reached. Set ``JOBSCOUT_TEST_ENGINES=sqlite`` (or ``postgresql``) to run one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from commands.core.services import Services
from parsing.place_hierarchy import place_hierarchy
from parsing.role import normalize_role
from store import PayConfig, Store
from store.db.engine import create_engine, normalize_url
from store.db.migrate import upgrade
from store.db.tables import metadata

PG_ADMIN_URL = os.environ.get("JOBSCOUT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
ENGINES = [e for e in os.environ.get("JOBSCOUT_TEST_ENGINES", "sqlite,postgresql").split(",") if e]

TEST_PAY = PayConfig(
    hours_per_year=2080,
    days_per_year=260,
    weeks_per_year=52,
    months_per_year=12,
    usd_per_unit={"USD": 1.0, "EUR": 1.1, "GBP": 1.25, "INR": 0.012},
)


@dataclass
class FakeClock:
    """A clock the tests move by hand. Call it for the current (aware, UTC) time."""

    now: datetime = field(default_factory=lambda: datetime(2026, 11, 16, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


async def _pg_admin() -> Any:
    import asyncpg

    admin = normalize_url(PG_ADMIN_URL)
    return await asyncpg.connect(
        host=admin.host or "127.0.0.1",
        port=admin.port or 5432,
        user=admin.username or "postgres",
        password=admin.password,
        database=admin.database or "postgres",
        timeout=3,
    )


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


async def _drop_orphans(conn: Any) -> None:
    """Drop the test databases of runs that were killed before they could clean up (their process is
    gone). Only for a PostgreSQL on this machine, where those process ids mean something."""
    if normalize_url(PG_ADMIN_URL).host not in (None, "127.0.0.1", "localhost", "::1"):
        return
    rows = await conn.fetch("SELECT datname FROM pg_database WHERE datname LIKE 'jobscout\\_test\\_%'")
    for (datname,) in rows:
        owner = datname.split("_")[2]
        if owner.isdigit() and not _running(int(owner)):
            await conn.execute(f'DROP DATABASE IF EXISTS "{datname}" WITH (FORCE)')


async def pg_new_database(*, migrated: bool) -> tuple[str | None, str]:
    """(url, "") of a new database, or (None, why PostgreSQL cannot be used)."""
    import asyncpg

    try:
        conn = await _pg_admin()
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        where = normalize_url(PG_ADMIN_URL).render_as_string(hide_password=True)
        return None, f"PostgreSQL not reachable at {where}: {exc}"
    name = f"jobscout_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        await _drop_orphans(conn)
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    url = normalize_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    if migrated:
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()
    return url, ""


@asynccontextmanager
async def pg_scratch_database(*, migrated: bool) -> AsyncIterator[str]:
    """A new PostgreSQL database for one test, dropped afterwards; skips the test when none can be made."""
    if "postgresql" not in ENGINES:
        pytest.skip("PostgreSQL tests disabled by JOBSCOUT_TEST_ENGINES")
    url, reason = await pg_new_database(migrated=migrated)
    if url is None:
        pytest.skip(reason)
    try:
        yield url
    finally:
        await pg_drop_database(url)


async def pg_drop_database(url: str) -> None:
    name = normalize_url(url).database
    conn = await _pg_admin()
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def pg_session_url() -> Iterator[tuple[str | None, str]]:
    """(url, "") of a migrated database for this session, or (None, why not)."""
    if "postgresql" not in ENGINES:
        yield None, "PostgreSQL tests disabled by JOBSCOUT_TEST_ENGINES"
        return
    url, reason = asyncio.run(pg_new_database(migrated=True))
    yield url, reason
    if url:
        asyncio.run(pg_drop_database(url))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating every time)."""
    path = tmp_path_factory.mktemp("template") / "template.db"

    async def make() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(make())
    return path


async def _empty_tables(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            names = ", ".join(t.name for t in metadata.sorted_tables)
            await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()


@pytest.fixture(params=ENGINES)
async def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    pg_session_url: tuple[str | None, str],
) -> AsyncIterator[str]:
    """URL of an empty, migrated database (one per test), on each engine."""
    if request.param == "sqlite":
        target = tmp_path / "jobscout.db"
        shutil.copyfile(sqlite_template, target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    url, reason = pg_session_url
    if url is None:
        pytest.skip(reason)
    await _empty_tables(url)
    yield url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def store(db_url: str, clock: FakeClock) -> AsyncIterator[Store]:
    opened = await Store.open(
        db_url,
        pay=TEST_PAY,
        normalize_role=normalize_role,
        place_hierarchy=place_hierarchy,
        auto_upgrade=False,
        clock=clock,
    )
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def services(store: Store, clock: FakeClock) -> Services:
    return Services(store=store, pay=TEST_PAY, clock=clock)


@pytest.fixture(params=ENGINES)
async def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """URL of a database with no schema at all (for migration tests), on each engine."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
        return
    async with pg_scratch_database(migrated=False) as url:
        yield url
