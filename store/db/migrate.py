"""Applying the Alembic migrations in ``store/db/migrations`` (the only way the schema changes)."""

from __future__ import annotations

from collections.abc import Callable

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

SCRIPT_LOCATION = "store.db:migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(_current)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> str | None:
    """Bring the schema to ``revision``; returns the revision now current."""

    def run(connection: Connection) -> str | None:
        command.upgrade(alembic_config(connection), revision)
        return _current(connection)

    return await _migrate(engine, run)


async def downgrade(engine: AsyncEngine, revision: str) -> str | None:
    def run(connection: Connection) -> str | None:
        command.downgrade(alembic_config(connection), revision)
        return _current(connection)

    return await _migrate(engine, run)


def _set_sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    # On the driver connection, outside any transaction: inside one SQLite ignores this pragma.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    finally:
        cursor.close()


async def _migrate(engine: AsyncEngine, run: Callable[[Connection], str | None]) -> str | None:
    """Run ``run`` in one transaction. On SQLite foreign keys are off meanwhile (a migration that
    rebuilds a table must not cascade its drop to the rows referencing it) and checked before commit."""

    def in_transaction(connection: Connection) -> str | None:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _set_sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                result = run(connection)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("the migration left rows referencing missing rows; rolled back")
            return result
        finally:
            if sqlite:
                _set_sqlite_foreign_keys(connection, on=True)

    async with engine.connect() as conn:
        return await conn.run_sync(in_transaction)
