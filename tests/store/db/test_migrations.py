"""Migrations are the only way the schema changes: they build exactly the tables the code declares,
on both engines, and go down and up again. SQLite is set up as promised (WAL, foreign keys)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from parsing.role import normalize_role
from store import SchemaOutOfDate, Store
from store.db.engine import create_engine
from store.db.migrate import current_revision, downgrade, head_revision, upgrade
from store.db.tables import metadata


def _diff(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return compare_metadata(context, metadata)


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) - {"alembic_version"}


async def test_upgrade_matches_the_models_and_round_trips(empty_db_url: str) -> None:
    engine = create_engine(empty_db_url)
    try:
        assert await current_revision(engine) is None
        assert await upgrade(engine) == head_revision()
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
            assert await conn.run_sync(_tables) == set(metadata.tables)
        assert await downgrade(engine, "base") is None
        async with engine.connect() as conn:
            assert await conn.run_sync(_tables) == set()
        await upgrade(engine)
        assert await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()


async def test_open_upgrades_sqlite_but_not_postgresql_by_default(empty_db_url: str) -> None:
    if empty_db_url.startswith("sqlite"):
        store = await Store.open(empty_db_url, normalize_role=normalize_role)
        try:
            assert await current_revision(store.sessions.engine) == head_revision()
        finally:
            await store.close()
    else:
        with pytest.raises(SchemaOutOfDate, match="jobscout db upgrade"):
            await Store.open(empty_db_url, normalize_role=normalize_role)
        store = await Store.open(empty_db_url, auto_upgrade=True, normalize_role=normalize_role)
        await store.close()


async def test_engine_settings(store: Store) -> None:
    """SQLite: WAL, foreign keys, a busy timeout. PostgreSQL: lookup keys compare byte-wise (prefix
    ranges for autocomplete must not depend on the server's collation)."""
    async with store.sessions.read() as session:
        if store.dialect == "sqlite":
            assert (await session.execute(text("PRAGMA journal_mode"))).scalar_one() == "wal"
            assert (await session.execute(text("PRAGMA foreign_keys"))).scalar_one() == 1
            assert (await session.execute(text("PRAGMA busy_timeout"))).scalar_one() >= 5000
        else:
            collations = await session.execute(
                text(
                    "SELECT column_name, collation_name FROM information_schema.columns "
                    "WHERE table_name = 'postings' AND column_name IN ('role_key', 'title_key')"
                )
            )
            assert {name: coll for name, coll in collations.tuples()} == {"role_key": "C", "title_key": "C"}
