"""SQLAlchemy's aiosqlite adapter, with one trip to the database thread per statement.

aiosqlite runs each call on the connection's own thread; SQLAlchemy's adapter makes four such calls for
a query (open a cursor, execute, fetch all, close) and three for a write. Every trip costs a queue hand-off,
a thread wake-up and a wake-up of the event loop, which together cost more CPU than most of our statements
do in SQLite: a one-row lookup took 0.35 ms of CPU through the stock adapter and 0.07 ms as one trip.
Here the whole cursor life runs in a single call on that thread; results, ``rowcount``, ``lastrowid``
and errors come back exactly as before.

A transaction's ``BEGIN`` rides along with its first statement: the engine's begin hook only notes it
(:func:`defer_begin`), and the first call to the thread runs it before its own work (:func:`run`). A
transaction in which nothing ran ends without a trip.

The engine gets it as its DBAPI module (``create_async_engine(..., module=dbapi())``); nothing else about
the dialect changes. It relies on ``aiosqlite.Connection._execute`` (queue a callable on the connection's
thread), stable across aiosqlite 0.17-0.22; the tests run every store query through it.
"""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)

T = TypeVar("T")
_Outcome = tuple[Any, list[Any], int | None, int]  # description, rows, lastrowid, rowcount
_BEGIN = "_jobscout_begin"  # on an aiosqlite connection: the BEGIN its next call runs first, if any


def defer_begin(connection: Any, begin: str) -> None:
    """Open a transaction of the aiosqlite ``connection`` with ``begin`` (``BEGIN`` or ``BEGIN
    IMMEDIATE``) at its next call."""
    setattr(connection, _BEGIN, begin)


def _take_begin(connection: Any) -> str | None:
    begin: str | None = getattr(connection, _BEGIN, None)
    if begin is not None:
        setattr(connection, _BEGIN, None)
    return begin


def _begun(conn: sqlite3.Connection, begin: str | None, work: Callable[..., T], *args: Any) -> T:
    """On the connection's thread: the pending BEGIN, then the work."""
    if begin is not None:
        conn.execute(begin)
    return work(conn, *args)


async def on_thread(connection: aiosqlite.Connection, work: Callable[..., T], *args: Any) -> T:
    """``work(sqlite3 connection, *args)`` on the connection's thread, in one trip (the one place that
    relies on ``aiosqlite.Connection._execute``)."""
    result: T = await connection._execute(work, connection._conn, *args)
    return result


async def run(connection: aiosqlite.Connection, work: Callable[..., T], *args: Any) -> T:
    """``work(sqlite3 connection, *args)`` on the connection's thread, in one trip with a pending
    BEGIN. The transaction is the caller's: it must end it through SQLAlchemy (commit or rollback)."""
    return await on_thread(connection, _begun, _take_begin(connection), work, *args)


def _run(conn: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """On the connection's thread: the whole life of one cursor."""
    cursor = conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.lastrowid, cursor.rowcount
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ()

    def _one_trip(self, operation: str, parameters: Any, many: bool) -> None:
        connection: Any = self._connection  # an aiosqlite.Connection
        try:
            outcome: Any = self.await_(run(connection, _run, operation, parameters, many))
            description, rows, lastrowid, rowcount = outcome
        except Exception as error:
            self._adapt_connection._handle_exception(error)
            return
        if description:
            self.description = description
            self.lastrowid = self.rowcount = -1
            self._rows = deque(rows)
        else:
            self.description = None
            self.lastrowid = lastrowid
            self.rowcount = rowcount

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._one_trip(operation, parameters, False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        self._one_trip(operation, seq_of_parameters, True)
        self.description = None


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()

    def cursor(self, server_side: bool = False) -> AsyncAdapt_aiosqlite_cursor:
        if server_side:  # streamed results keep the stock cursor (rows fetched on demand)
            self._begin_now()
            return super().cursor(server_side)
        return OneTripCursor(self)

    def _begin_now(self) -> None:
        begin = _take_begin(self._connection)
        if begin is not None:
            try:
                self.await_(self._connection.execute(begin))
            except Exception as error:
                self._handle_exception(error)

    def execute(self, *args: Any, **kw: Any) -> Any:
        self._begin_now()
        return super().execute(*args, **kw)

    def commit(self) -> None:
        if _take_begin(self._connection) is None:  # else nothing ran: there is nothing to commit
            super().commit()

    def rollback(self) -> None:
        if _take_begin(self._connection) is None:
            super().rollback()


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        adapted = super().connect(*arg, **kw)
        if type(adapted) is AsyncAdapt_aiosqlite_connection:
            return OneTripConnection(self, adapted._connection)
        return adapted  # the sync fallback mode, which we never use, stays as it is


def dbapi() -> OneTripDBAPI:
    return OneTripDBAPI(aiosqlite, sqlite3)
