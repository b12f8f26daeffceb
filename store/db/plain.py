"""Plain SQL sent straight to the driver, several statements in one trip where the engine allows it.

Every statement SQLAlchemy runs, even as plain SQL (``exec_driver_sql``), costs about 0.15 ms of CPU in
its execution machinery and, on SQLite, a hand-off to the connection's thread and back; the statements
of an ``/add`` mostly cost the database less than that. Here the statements of one step (the reads
that decide what a paste is; the rows a new posting writes) go to the driver in a single call: on
SQLite one trip to the connection's thread runs them all with the ``sqlite3`` module; on PostgreSQL
each goes to asyncpg as plain SQL (a trip to the server per statement, no SQL compiled).

They run in the caller's transaction: the session's connection is taken first, which opens it (SQLite:
``BEGIN IMMEDIATE`` for a write session), and the session commits or rolls back as before. Errors come
back as SQLAlchemy's exceptions (``IntegrityError`` and the rest, by the driver's error class), so the
store's retry of a unique-key race and its error messages work as for any other statement. What goes
this way is not seen by SQLAlchemy's statement events (``echo``).

SQL is written with ``?`` for each parameter and converted to the driver's paramstyle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from store.db.sqlutil import placeholders

Row = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Rows:
    """One statement and the rows it runs with (one execution per row)."""

    sql: str
    rows: Sequence[Row]


def _sqlite_error(sql: str, error: sqlite3.Error) -> StatementError:
    """The exception SQLAlchemy raises for this driver error (IntegrityError, OperationalError...)."""
    return DBAPIError.instance(sql, None, error, sqlite3.Error)


def _sqlite_fetch(conn: sqlite3.Connection, sql: str, params: Row) -> list[Row]:
    """On the connection's thread."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error as error:
        raise _sqlite_error(sql, error) from error


def _sqlite_write(
    conn: sqlite3.Connection, first: Rows | None, then: Callable[[int | None], Sequence[Rows]]
) -> int | None:
    """On the connection's thread: ``first`` (an insert returning the new id) and what follows it."""
    new_id: int | None = None
    sql = first.sql if first is not None else ""
    try:
        if first is not None:
            (row,) = first.rows
            new_id = int(conn.execute(sql, row).fetchone()[0])
        for statement in then(new_id):
            if statement.rows:
                sql = statement.sql
                conn.executemany(sql, statement.rows)
    except sqlite3.Error as error:
        raise _sqlite_error(sql, error) from error
    return new_id


async def _sqlite_driver(conn: AsyncConnection) -> Any | None:
    """The aiosqlite connection under ``conn``, or None on another engine."""
    if conn.dialect.name != "sqlite":
        return None
    return (await conn.get_raw_connection()).driver_connection


async def fetch(session: AsyncSession, sql: str, params: Row) -> list[Row]:
    """The rows of one query."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is not None:
        rows: list[Row] = await driver._execute(_sqlite_fetch, driver._conn, sql, params)
        return rows
    result = await conn.exec_driver_sql(placeholders(conn.dialect.paramstyle, sql), params)
    return [tuple(row) for row in result.tuples()]


async def write(
    session: AsyncSession,
    then: Callable[[int | None], Sequence[Rows]],
    *,
    first: Rows | None = None,
) -> int | None:
    """Run ``first`` (one row of an ``INSERT ... RETURNING id``), then the statements ``then(new id)``
    gives (None without ``first``), in order; returns the new id. On SQLite all in one trip (``then``
    runs on the connection's thread, so it must only build rows from data nobody changes meanwhile)."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is not None:
        new_id: int | None = await driver._execute(_sqlite_write, driver._conn, first, then)
        return new_id
    style = conn.dialect.paramstyle
    new_id = None
    if first is not None:
        (row,) = first.rows
        new_id = int((await conn.exec_driver_sql(placeholders(style, first.sql), row)).scalar_one())
    for statement in then(new_id):
        if statement.rows:
            await conn.exec_driver_sql(placeholders(style, statement.sql), list(statement.rows))
    return new_id


async def write_rows(session: AsyncSession, statements: Sequence[Rows]) -> None:
    """Run the statements in order (on SQLite in one trip)."""
    await write(session, lambda _: statements)
