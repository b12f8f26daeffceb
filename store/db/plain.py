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
store's retry of a unique-key race and its error messages work as for any other statement. SQLAlchemy's
statement events would not see the statements of a trip, so an engine with ``echo`` or a
``before_cursor_execute`` listener runs them one by one through SQLAlchemy instead.

SQL is written with ``?`` for each parameter and converted to the driver's paramstyle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from store.db import sqlite_driver
from store.db.sqlutil import placeholders

Row = tuple[Any, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rows:
    """One statement and the rows it runs with (one execution per row)."""

    sql: str
    rows: Sequence[Row]


@dataclass(frozen=True, slots=True)
class Insert:
    """One row inserted by ``INSERT ... RETURNING id``, then the statements built from its new id."""

    first: Rows
    then: Callable[[int], Sequence[Rows]]


# The plan of :func:`fetch_then_insert`: from the rows read, the insert to make, or None.
Plan = Callable[[list[Row]], Insert | None]


def sqlite_error(sql: str, error: sqlite3.Error) -> StatementError:
    """The exception SQLAlchemy raises for this driver error (IntegrityError, OperationalError...)."""
    return DBAPIError.instance(sql, None, error, sqlite3.Error)


# On the connection's thread (SQLite): the statements run with the sqlite3 module (also the work of
# a transaction of store.db.write_connection).


def sqlite_rows(conn: sqlite3.Connection, statements: Sequence[Rows]) -> None:
    for statement in statements:
        if statement.rows:
            try:
                conn.executemany(statement.sql, statement.rows)
            except sqlite3.Error as error:
                raise sqlite_error(statement.sql, error) from error


def sqlite_insert(conn: sqlite3.Connection, insert: Insert) -> int:
    (row,) = insert.first.rows
    try:
        new_id = int(conn.execute(insert.first.sql, row).fetchone()[0])
    except sqlite3.Error as error:
        raise sqlite_error(insert.first.sql, error) from error
    sqlite_rows(conn, insert.then(new_id))
    return new_id


def sqlite_fetch(conn: sqlite3.Connection, sql: str, params: Row) -> list[Row]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error as error:
        raise sqlite_error(sql, error) from error


def _sqlite_fetch_all(conn: sqlite3.Connection, statements: Sequence[tuple[str, Row]]) -> list[list[Row]]:
    return [sqlite_fetch(conn, sql, params) for sql, params in statements]


def _sqlite_fetch_then_insert(
    conn: sqlite3.Connection, sql: str, params: Row, plan: Plan
) -> tuple[list[Row], int | None]:
    rows = sqlite_fetch(conn, sql, params)
    insert = plan(rows)
    return rows, None if insert is None else sqlite_insert(conn, insert)


async def _on_thread(driver: Any, work: Callable[..., T], *args: Any) -> T:
    """``work`` on the connection's thread, after the transaction's BEGIN if it is still to be sent."""
    try:
        return await sqlite_driver.run(driver, work, *args)
    except sqlite3.Error as error:  # the BEGIN itself (the statements' errors are translated above)
        raise sqlite_error("BEGIN", error) from error


def watched(engine: Engine) -> bool:
    """Whether something watches the engine's statements (``echo``, a listener such as a test's
    injected fault): SQLAlchemy must then run each statement, so it sees every one."""
    return bool(engine.echo or engine.dispatch.before_cursor_execute)


async def _sqlite_driver(conn: AsyncConnection) -> Any | None:
    """The aiosqlite connection under ``conn``; None on another engine, or a watched one."""
    if conn.dialect.name != "sqlite" or watched(conn.sync_engine):
        return None
    return (await conn.get_raw_connection()).driver_connection


# PostgreSQL (or a watched engine): each statement as plain SQL through SQLAlchemy (none compiled).


async def _pg_fetch(conn: AsyncConnection, sql: str, params: Row) -> list[Row]:
    result = await conn.exec_driver_sql(placeholders(conn.dialect.paramstyle, sql), params)
    return [tuple(row) for row in result.tuples()]


async def _pg_rows(conn: AsyncConnection, statements: Sequence[Rows]) -> None:
    for statement in statements:
        if statement.rows:
            sql = placeholders(conn.dialect.paramstyle, statement.sql)
            await conn.exec_driver_sql(sql, list(statement.rows))


async def _pg_insert(conn: AsyncConnection, insert: Insert) -> int:
    (row,) = insert.first.rows
    sql = placeholders(conn.dialect.paramstyle, insert.first.sql)
    new_id = int((await conn.exec_driver_sql(sql, row)).scalar_one())
    await _pg_rows(conn, insert.then(new_id))
    return new_id


async def fetch_all(session: AsyncSession, statements: Sequence[tuple[str, Row]]) -> list[list[Row]]:
    """The rows of each query (SQL and its parameters), in order; on SQLite in one trip. Values come as
    the driver gives them (no SQLAlchemy types: see ``store.db.types`` for datetimes and dates)."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is None:
        return [await _pg_fetch(conn, sql, params) for sql, params in statements]
    return await _on_thread(driver, _sqlite_fetch_all, statements)


async def write_rows(session: AsyncSession, statements: Sequence[Rows]) -> None:
    """Run the statements in order (on SQLite in one trip)."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is None:
        await _pg_rows(conn, statements)
    else:
        await _on_thread(driver, sqlite_rows, statements)


async def insert(session: AsyncSession, insert: Insert) -> int:
    """Insert the row, then run what follows from its id; returns the id (on SQLite in one trip)."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is None:
        return await _pg_insert(conn, insert)
    return await _on_thread(driver, sqlite_insert, insert)


async def fetch_then_insert(
    session: AsyncSession, sql: str, params: Row, plan: Plan
) -> tuple[list[Row], int | None]:
    """Read, then make the insert ``plan`` decides on from the rows read, if any; returns the rows and
    the new id (None when nothing was inserted). On SQLite in one trip: ``plan`` and ``Insert.then``
    then run on the connection's thread, so they must only use data nobody changes meanwhile."""
    conn = await session.connection()
    driver = await _sqlite_driver(conn)
    if driver is None:
        rows = await _pg_fetch(conn, sql, params)
        planned = plan(rows)
        return rows, None if planned is None else await _pg_insert(conn, planned)
    return await _on_thread(driver, _sqlite_fetch_then_insert, sql, params, plan)
