"""Alembic environment. Migrations run on a connection the store hands over (``config.attributes``),
inside ``AsyncConnection.run_sync``, so the async drivers are used on both engines."""

from __future__ import annotations

from alembic import context

from store.db.tables import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through `jobscout db upgrade` (store.db.migrate), not alembic")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
