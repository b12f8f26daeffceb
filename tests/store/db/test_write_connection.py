"""The store's own SQLite write connection: a transaction is whole in one call, committed only when its
work says so, rolled back on any error, and the connection is usable again afterwards."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from store.db.write_connection import Work, WriteConnection

PRAGMAS = ["PRAGMA journal_mode=WAL", "PRAGMA busy_timeout=100", "PRAGMA foreign_keys=ON"]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.execute("CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id))")
    return path


@pytest.fixture
async def writer(database: Path) -> AsyncIterator[WriteConnection]:
    connection = WriteConnection(str(database), PRAGMAS)
    yield connection
    await connection.close()


def _rows(database: Path, table: str) -> list[tuple[int, ...]]:
    with sqlite3.connect(database) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


async def test_work_is_committed_only_when_it_says_so(writer: WriteConnection, database: Path) -> None:
    def insert(keep: bool) -> Work[int]:
        def work(conn: sqlite3.Connection) -> tuple[bool, int]:
            cursor = conn.execute("INSERT INTO parent (id) VALUES (?) RETURNING id", (10 + keep,))
            return keep, int(cursor.fetchone()[0])

        return work

    assert await writer.transaction(insert(False)) == 10  # its result comes back, its row does not stay
    assert await writer.transaction(insert(True)) == 11
    assert _rows(database, "parent") == [(11,)]


async def test_a_failing_statement_rolls_back_the_whole_transaction(
    writer: WriteConnection, database: Path
) -> None:
    def half_way(conn: sqlite3.Connection) -> tuple[bool, None]:
        conn.execute("INSERT INTO parent (id) VALUES (1)")
        conn.execute("INSERT INTO child (parent_id) VALUES (99)")  # no such parent: foreign keys are on
        return True, None

    with pytest.raises(IntegrityError):
        await writer.transaction(half_way)
    assert _rows(database, "parent") == [] and _rows(database, "child") == []

    def fine(conn: sqlite3.Connection) -> tuple[bool, None]:
        conn.execute("INSERT INTO parent (id) VALUES (1)")
        conn.execute("INSERT INTO child (parent_id) VALUES (1)")
        return True, None

    await writer.transaction(fine)  # no transaction was left open by the failure
    assert _rows(database, "child") == [(1,)]


async def test_an_error_of_the_work_itself_rolls_back(writer: WriteConnection, database: Path) -> None:
    def broken(conn: sqlite3.Connection) -> tuple[bool, None]:
        conn.execute("INSERT INTO parent (id) VALUES (7)")
        raise RuntimeError("a bug in the work")

    with pytest.raises(RuntimeError):
        await writer.transaction(broken)
    assert _rows(database, "parent") == []


async def test_another_writer_holding_the_lock_is_a_clear_error(
    writer: WriteConnection, database: Path
) -> None:
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")

        def work(conn: sqlite3.Connection) -> tuple[bool, None]:
            conn.execute("INSERT INTO parent (id) VALUES (3)")
            return True, None

        with pytest.raises(OperationalError, match="locked"):  # after the busy timeout
            await writer.transaction(work)
        other.execute("ROLLBACK")
        await writer.transaction(work)
    finally:
        other.close()
    assert _rows(database, "parent") == [(3,)]


async def test_what_runs_before_does_so_outside_the_transaction(
    writer: WriteConnection, database: Path
) -> None:
    """``before`` holds no lock: another connection can write while it runs; an error in it starts no
    transaction at all."""
    seen: list[int] = []

    def meanwhile() -> None:
        with sqlite3.connect(database, timeout=0) as other:  # would be locked inside BEGIN IMMEDIATE
            other.execute("INSERT INTO parent (id) VALUES (3)")
        seen.append(len(_rows(database, "parent")))

    def work(conn: sqlite3.Connection) -> tuple[bool, int]:
        conn.execute("INSERT INTO parent (id) VALUES (NULL)")  # the next id
        return True, len(conn.execute("SELECT id FROM parent").fetchall())

    assert await writer.transaction(work, before=meanwhile) == 2
    assert seen == [1] and _rows(database, "parent") == [(3,), (4,)]

    def failing() -> None:
        raise ValueError("not prepared")

    with pytest.raises(ValueError):
        await writer.transaction(work, before=failing)
    assert _rows(database, "parent") == [(3,), (4,)]
    assert await writer.transaction(work) == 3  # nothing was left open
