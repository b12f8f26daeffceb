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


def _insert_sql(style: str, table: Any, columns: Sequence[str]) -> str:
    if style == "qmark":
        marks = ", ".join("?" for _ in columns)
    elif style in ("numeric_dollar", "numeric"):
        sign = "$" if style == "numeric_dollar" else ":"
        marks = ", ".join(f"{sign}{i}" for i in range(1, len(columns) + 1))
    else:
        marks = ", ".join("%s" for _ in columns)
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"


async def raw_insert(
    session: AsyncSession, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Bulk insert of plain values (ints, floats, strings, None) straight through the driver's
    executemany, skipping SQLAlchemy's per-row parameter processing (the import's hot path)."""
    if not rows:
        return
    conn = await session.connection()
    await conn.exec_driver_sql(_insert_sql(conn.dialect.paramstyle, table, columns), rows)


async def raw_insert_returning_id(
    session: AsyncSession, table: Any, columns: Sequence[str], row: tuple[Any, ...]
) -> int:
    """One row, as :func:`raw_insert` writes them, and its new ``id`` in the same statement."""
    conn = await session.connection()
    sql = _insert_sql(conn.dialect.paramstyle, table, columns) + " RETURNING id"
    return int((await conn.exec_driver_sql(sql, row)).scalar_one())


def insert_ignore(session: AsyncSession, table: Any, index_elements: list[str]) -> Any:
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=index_elements)
