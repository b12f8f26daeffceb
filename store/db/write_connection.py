"""A SQLite connection of the store's own for writes made whole in one trip to its thread.

A write through SQLAlchemy's session costs, besides the database's work, about 2 ms of the event loop's
CPU for an ``/add``: the session and its transaction, the pool checkout, a greenlet per call, and a
second trip to the connection's thread for the commit. A write whose statements are all known up front
(plain SQL, :mod:`store.db.plain`) does not need any of it: here ``BEGIN IMMEDIATE``, the statements and
``COMMIT`` run in one call on the connection's thread, so the event loop hands the work over once and is
woken once, when the transaction has ended. Nothing is reported saved before the commit has returned.

The transaction cannot be left open: it ends (committed or rolled back) inside that one call, even when
the caller has stopped waiting for it (a deadline), so an abandoned write neither holds the database
lock nor leaks into the next one. The connection has the engine's pragmas (WAL, ``synchronous=FULL``,
the interactive busy timeout, foreign keys); it is opened at the first write and closed with the store.
Errors of the database come back as SQLAlchemy's exceptions, as from the session (``IntegrityError``
and the rest).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TypeVar

import aiosqlite

from store.db.plain import Rows, sqlite_error, sqlite_rows
from store.db.sqlite_driver import on_thread

T = TypeVar("T")
# What a transaction's work returns: whether to commit what it did, and its result.
Work = Callable[[sqlite3.Connection], tuple[bool, T]]


def _transaction(conn: sqlite3.Connection, work: Work[T], before: Callable[[], object] | None) -> T:
    """On the connection's thread: ``before()`` (outside the transaction), then the whole transaction."""
    if before is not None:
        before()
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise sqlite_error("BEGIN IMMEDIATE", error) from error
    try:
        try:
            keep, result = work(conn)
        except sqlite3.Error as error:  # a statement the work ran itself (plain's helpers translate theirs)
            raise sqlite_error("a statement of the transaction", error) from error
        end = "COMMIT" if keep else "ROLLBACK"
        try:
            conn.execute(end)
        except sqlite3.Error as error:
            raise sqlite_error(end, error) from error
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # the error being raised says what went wrong
                conn.execute("ROLLBACK")
        raise
    return result


def writing(statements: Sequence[Rows]) -> Work[None]:
    """The work of a transaction that runs these statements and keeps what they did."""

    def work(conn: sqlite3.Connection) -> tuple[bool, None]:
        sqlite_rows(conn, statements)
        return True, None

    return work


class WriteConnection:
    """One aiosqlite connection to ``database`` for :meth:`transaction`; ``pragmas`` run once opened."""

    def __init__(self, database: str, pragmas: Sequence[str]) -> None:
        self._database = database
        self._pragmas = tuple(pragmas)
        self._connection: aiosqlite.Connection | None = None
        self._opening = asyncio.Lock()

    async def _open(self) -> aiosqlite.Connection:
        async with self._opening:
            if self._connection is None:
                try:
                    connection = await aiosqlite.connect(self._database, isolation_level=None)
                except sqlite3.Error as error:
                    raise sqlite_error("connect", error) from error
                try:
                    for pragma in self._pragmas:
                        await connection.execute(pragma)
                except BaseException as error:
                    await connection.close()
                    if isinstance(error, sqlite3.Error):
                        raise sqlite_error(pragma, error) from error
                    raise
                self._connection = connection
            return self._connection

    async def transaction(self, work: Work[T], before: Callable[[], object] | None = None) -> T:
        """``work(sqlite3 connection)`` inside ``BEGIN IMMEDIATE``, then ``COMMIT`` if it says so
        (``ROLLBACK`` otherwise, or if it raises), all in one trip to the connection's thread.
        ``before()`` runs first in the same trip, before the transaction takes the database's write
        lock: work of the caller's that would otherwise cost a trip to a thread of its own."""
        connection = self._connection or await self._open()
        return await on_thread(connection, _transaction, work, before)

    async def close(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            await connection.close()
