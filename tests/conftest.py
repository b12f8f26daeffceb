"""Fixtures shared by every test package (store, commands, bot)."""

from tests.store_fixtures import (
    FakeClock,
    clock,
    db_url,
    empty_db_url,
    pg_session_url,
    services,
    sqlite_template,
    store,
)

__all__ = [
    "FakeClock",
    "clock",
    "db_url",
    "empty_db_url",
    "pg_session_url",
    "services",
    "sqlite_template",
    "store",
]
