"""Small SQL helpers shared by the store's modules (both engines)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

CHUNK = 500  # values per IN (...) list: well under both engines' bind-parameter limits
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def one_of(session: AsyncSession, column: Any, values: Sequence[Any]) -> Any:
    """``column IN values``. On PostgreSQL as ``= ANY(array)``: one parameter and one cached plan
    whatever the number of values (a long IN list is prepared again for each length)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(column.type)))
    # one expanding parameter: no per-value expression objects to build
    return column.in_(bindparam(None, list(values), expanding=True, type_=column.type))


def placeholders(style: str, sql: str) -> str:
    """SQL written with ``?`` for each positional parameter, in the driver's paramstyle (aiosqlite:
    ``?``, asyncpg: ``$1, $2...``). The statements given here hold no ``?`` of their own."""
    if style == "qmark":
        return sql
    pieces = sql.split("?")
    if style in ("numeric_dollar", "numeric"):
        sign = "$" if style == "numeric_dollar" else ":"
        marks = [f"{sign}{i}" for i in range(1, len(pieces))]
    else:
        marks = ["%s"] * (len(pieces) - 1)
    return "".join(piece + mark for piece, mark in zip(pieces, [*marks, ""], strict=True))


def insert_sql(style: str, table: Any, columns: Sequence[str], tail: str = "") -> str:
    """``INSERT INTO table (columns) VALUES (...)`` in the driver's paramstyle, with ``tail`` after it."""
    marks = ", ".join("?" for _ in columns)
    return placeholders(style, f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks}){tail}")


async def raw_insert(
    session: AsyncSession, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Bulk insert of plain values (ints, floats, strings, None) straight through the driver's
    executemany, skipping SQLAlchemy's per-row parameter processing (the import's hot path)."""
    if not rows:
        return
    conn = await session.connection()
    await conn.exec_driver_sql(insert_sql(conn.dialect.paramstyle, table, columns), rows)


def insert_ignore(session: AsyncSession, table: Any, index_elements: list[str]) -> Any:
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=index_elements)
