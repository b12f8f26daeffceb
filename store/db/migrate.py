"""Applying the Alembic migrations in ``store/db/migrations`` (the only way the schema changes)."""

from __future__ import annotations

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

    async with engine.begin() as conn:
        return await conn.run_sync(run)


async def downgrade(engine: AsyncEngine, revision: str) -> str | None:
    def run(connection: Connection) -> str | None:
        command.downgrade(alembic_config(connection), revision)
        return _current(connection)

    async with engine.begin() as conn:
        return await conn.run_sync(run)
