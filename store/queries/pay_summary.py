"""/salary's distributions, at a cost that does not grow with the postings.

The group counts and, for large groups, the percentiles come from ``pay_buckets`` (one small read:
a few hundred rows per currency and seniority whatever the number of postings, see
:mod:`store.pay_buckets`), with every figure within ``ERROR_BOUND`` of the exact one and the
Distribution saying so. Groups of at most EXACT_UP_TO postings are read exactly instead, at the ranks
the percentiles need, by ``ORDER BY pay_year LIMIT 2 OFFSET k`` on an index whose prefix is the filter
(an index walk of at most EXACT_UP_TO entries per read, no sort), all in one ``UNION ALL`` statement.
Both engines run the same statements, so they give the same figures.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import placeholders
from store.db.tables import ALL_PLACES, NO_SENIORITY, PAY_BUCKETS
from store.pay_buckets import ERROR_BOUND, bucket_means, values_at
from store.queries.percentiles import distribution, ranks
from store.results import Distribution

# An exact group costs about 3.4 x n index entries walked (the reads at p25, median, p75, p90 and max):
# ~2.5 ms at 2,000 on the benchmark machine, under a histogram read.
EXACT_UP_TO = 2_000
MAX_COMPOUND = 400  # SELECTs per UNION ALL statement (SQLite allows 500)
Group = tuple[str, str | None, bool]  # (currency, seniority, by seniority: False for the currency overall)
Counts = dict[str, dict[str | None, int]]  # postings with pay per currency and seniority
Buckets = list[tuple[int, int, float]]  # (bucket, count, sum of pay_year)


async def distributions(
    session: AsyncSession, table_name: str, filters: dict[str, Any]
) -> tuple[Counts, dict[Group, Distribution]]:
    """Counts and the distribution of each currency, overall and per seniority, of the postings matching
    ``filters`` (equality on guild_id, location_key, role_key, seniority, pay_currency: the salary
    query's) that have pay; ``table_name`` is where the exact path reads them (postings, or
    posting_locations when a place is asked)."""
    per = await _buckets(session, filters)
    counts: Counts = {}
    by_group: dict[Group, Buckets] = {}
    for (cur, level), rows in per.items():
        counts.setdefault(cur, {})[level] = sum(n for _, n, _ in rows)
        by_group[(cur, level, True)] = rows
        by_group.setdefault((cur, None, False), []).extend(rows)
    sizes = {group: sum(n for _, n, _ in rows) for group, rows in by_group.items()}
    small = [(group, n) for group, n in sizes.items() if n <= EXACT_UP_TO]
    found = await exact(session, table_name, filters, small)
    for group, rows in by_group.items():
        if group not in found:
            n = sizes[group]
            found[group] = distribution(values_at(bucket_means(rows), ranks(n)), n).model_copy(
                update={"within": ERROR_BOUND}
            )
    return counts, found


async def _buckets(session: AsyncSession, filters: dict[str, Any]) -> dict[tuple[str, str | None], Buckets]:
    wanted = {"location_key": ALL_PLACES, **filters}
    columns = [
        c for c in ("guild_id", "role_key", "location_key", "pay_currency", "seniority") if c in wanted
    ]
    sql = (
        f"SELECT pay_currency, seniority, bucket, n, total FROM {PAY_BUCKETS.name} WHERE "
        + " AND ".join(f"{c} = ?" for c in columns)
        + " AND n > 0"
    )
    conn = await session.connection()
    rows = await conn.exec_driver_sql(
        placeholders(conn.dialect.paramstyle, sql), tuple(wanted[c] for c in columns)
    )
    per: dict[tuple[str, str | None], Buckets] = {}
    for cur, level, bucket, n, total in rows.tuples():
        per.setdefault((cur, level if level != NO_SENIORITY else None), []).append((bucket, n, total))
    return per


def _starts(n: int) -> list[int]:
    """First ranks of the (up to two-row) reads covering every rank a Distribution needs."""
    starts: list[int] = []
    for r in ranks(n):
        if not starts or r > starts[-1] + 1:
            starts.append(r)
    return starts


async def exact(
    session: AsyncSession, table_name: str, filters: dict[str, Any], groups: list[tuple[Group, int]]
) -> dict[Group, Distribution]:
    """The exact distribution of each (group, count), from the values at its needed ranks. Plain SQL with
    the driver's positional parameters: the statement text differs with the data (offsets), so
    SQLAlchemy would parse and compile hundreds of parameters anew for every call."""
    conn = await session.connection()
    style = conn.dialect.paramstyle
    parts: list[tuple[str, list[Any]]] = []
    index: list[tuple[Group, int, int]] = []  # per part: (group, n, start)
    for (cur, level, by_level), n in groups:
        for start in _starts(n):
            params: list[Any] = [*filters.values()]
            where = [f"{column} = ?" for column in filters]
            if "pay_currency" not in filters:
                where.append("pay_currency = ?")
                params.append(cur)
            if by_level and level is None:
                where.append("seniority IS NULL")
            elif by_level and "seniority" not in filters:
                where.append("seniority = ?")
                params.append(level)
            sql = (
                f"SELECT {len(parts)} AS part, pay_year FROM (SELECT pay_year FROM {table_name}"
                f" WHERE {' AND '.join(where)} AND pay_year IS NOT NULL"
                f" ORDER BY pay_year LIMIT 2 OFFSET {start}) AS ranked"
            )
            parts.append((sql, params))
            index.append(((cur, level, by_level), n, start))
    values: dict[int, list[float]] = {}
    for first in range(0, len(parts), MAX_COMPOUND):
        chunk = parts[first : first + MAX_COMPOUND]
        sql = placeholders(style, " UNION ALL ".join(q for q, _ in chunk))
        bound = tuple(value for _, p in chunk for value in p)
        for part, value in (await conn.exec_driver_sql(sql, bound)).tuples():
            values.setdefault(int(part), []).append(float(value))
    at: dict[Group, tuple[int, dict[int, float]]] = {}
    for i, (group, n, start) in enumerate(index):
        ranked = at.setdefault(group, (n, {}))[1]
        for offset, value in enumerate(values.get(i, [])):
            ranked[start + offset] = value
    return {group: distribution(ranked, n) for group, (n, ranked) in at.items()}
