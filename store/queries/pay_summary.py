"""/salary's distributions, at a cost that does not grow with the postings.

First the group counts and histograms, from ``pay_buckets`` (one small read: at most a few hundred
rows per currency and seniority whatever the number of postings, see :mod:`store.pay_buckets`). They
say which bucket holds each rank a percentile needs and how many figures lie below that bucket, so
the exact figure at the rank is read by ``pay_year >= <bucket start> ORDER BY pay_year LIMIT 2
OFFSET <rank - below>`` on an index whose prefix is the filter: a walk of at most the bucket's count,
however many postings the group has. These reads run cheapest first, all in one statement (a
``UNION ALL`` on SQLite, one ``LATERAL`` walk over arrays on PostgreSQL), within WALK_BUDGET entries
walked per question; a rank left unread takes its bucket's mean, and its Distribution says its
figures are within ``ERROR_BOUND``. Small groups are thus exact, and a large one is exact unless many
of its figures share a bucket. Both engines read the same ranks, so they give the same figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import placeholders
from store.db.tables import ALL_PLACES, NO_SENIORITY, PAY_BUCKETS
from store.pay_buckets import ERROR_BOUND, Located, edge, locate, merged
from store.queries.percentiles import distribution, ranks
from store.results import Distribution

# Exact figures cost index entries walked: at most this many per question (about 1.5 ms on SQLite on
# the benchmark machine), in at most MAX_READS reads, cheapest first.
WALK_BUDGET = 4_000
MAX_READS = 120
MAX_COMPOUND = 400  # SELECTs per UNION ALL statement (SQLite allows 500)
Group = tuple[str, str | None, bool]  # (currency, seniority, by seniority: False for the currency overall)
Counts = dict[str, dict[str | None, int]]  # postings with pay per currency and seniority
Buckets = list[tuple[int, int, float]]  # (bucket, count, sum of pay_year)


@dataclass(frozen=True, slots=True)
class Read:
    """Two consecutive ranks of a group read exactly: ``walk`` entries past the start of ``bucket``."""

    group: Group
    start: int
    bucket: int
    walk: int


async def distributions(
    session: AsyncSession, table_name: str, filters: dict[str, Any]
) -> tuple[Counts, dict[Group, Distribution]]:
    """Counts and the distribution of each currency, overall and per seniority, of the postings matching
    ``filters`` (equality on guild_id, location_key, role_key, seniority, pay_currency: the salary
    query's) that have pay; ``table_name`` is where exact figures are read (postings, or
    posting_locations when a place is asked)."""
    per = await _buckets(session, filters)
    counts: Counts = {}
    by_group: dict[Group, Buckets] = {}
    for (cur, level), rows in per.items():
        counts.setdefault(cur, {})[level] = sum(n for _, n, _ in rows)
        by_group[(cur, level, True)] = rows
        by_group.setdefault((cur, None, False), []).extend(rows)
    plans: dict[Group, tuple[int, dict[int, Located]]] = {}
    reads: list[Read] = []
    for group, rows in by_group.items():
        buckets = merged(rows)
        n = sum(count for _, count, _ in buckets)
        located = plans.setdefault(group, (n, locate(buckets, ranks(n))))[1]
        reads += [Read(group, s, located[s].bucket, s - located[s].below) for s in _starts(n)]
    chosen: list[Read] = []
    spent = 0
    for read in sorted(reads, key=lambda r: r.walk):
        if len(chosen) >= MAX_READS or spent + read.walk > WALK_BUDGET:
            break
        chosen.append(read)
        spent += read.walk + 2
    exact = await _read_exact(session, table_name, filters, chosen)
    found: dict[Group, Distribution] = {}
    for group, (n, located) in plans.items():
        known = exact.get(group, {})
        values = {rank: known.get(rank, at.mean) for rank, at in located.items()}
        whole = all(rank in known for rank in located)
        found[group] = distribution(values, n).model_copy(update={"within": None if whole else ERROR_BOUND})
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


async def _read_exact(
    session: AsyncSession, table_name: str, filters: dict[str, Any], reads: list[Read]
) -> dict[Group, dict[int, float]]:
    """The exact figures at the reads' ranks: ``ORDER BY pay_year LIMIT 2 OFFSET walk`` from the start of
    the rank's bucket, on an index whose prefix is the filter. Plain SQL with the driver's positional
    parameters: the statement text differs with the data (offsets), so SQLAlchemy would parse and
    compile hundreds of parameters anew for every call."""
    if not reads:
        return {}
    conn = await session.connection()
    if conn.dialect.name == "postgresql":
        return await _read_exact_postgresql(session, table_name, filters, reads)
    style = conn.dialect.paramstyle
    parts: list[tuple[str, list[Any]]] = []
    for i, read in enumerate(reads):
        cur, level, by_level = read.group
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
        low = edge(read.bucket)
        if low is None:
            where.append("pay_year IS NOT NULL")
        else:
            where.append("pay_year >= ?")
            params.append(low)
        sql = (
            f"SELECT {i} AS part, pay_year FROM (SELECT pay_year FROM {table_name}"
            f" WHERE {' AND '.join(where)} ORDER BY pay_year LIMIT 2 OFFSET {read.walk}) AS ranked"
        )
        parts.append((sql, params))
    rows: list[tuple[int, float]] = []
    for first in range(0, len(parts), MAX_COMPOUND):
        chunk = parts[first : first + MAX_COMPOUND]
        sql = placeholders(style, " UNION ALL ".join(q for q, _ in chunk))
        bound = tuple(value for _, p in chunk for value in p)
        rows += (await conn.exec_driver_sql(sql, bound)).tuples()
    return _by_rank(reads, rows)


def _by_rank(reads: list[Read], rows: list[tuple[int, float]]) -> dict[Group, dict[int, float]]:
    """(read index, pay_year) rows -> each group's figure per rank. A read's figures sit at consecutive
    ranks from its start, so sorted they fall in place whatever order the rows came in."""
    per_read: dict[int, list[float]] = {}
    for part, value in rows:
        per_read.setdefault(int(part), []).append(float(value))
    found: dict[Group, dict[int, float]] = {}
    for part, values in per_read.items():
        read = reads[part]
        ranked = found.setdefault(read.group, {})
        for offset, value in enumerate(sorted(values)):
            ranked[read.start + offset] = value
    return found


_KINDS = ("overall", "level", "no level")  # the three seniority conditions of a read, one plan each


def _kind(group: Group) -> str:
    _, level, by_level = group
    return "overall" if not by_level else ("level" if level is not None else "no level")


async def _read_exact_postgresql(
    session: AsyncSession, table_name: str, filters: dict[str, Any], reads: list[Read]
) -> dict[Group, dict[int, float]]:
    """PostgreSQL: the same reads as one statement of fixed text per filter shape, the reads passed as
    arrays to a ``LATERAL`` index walk: planned once and kept prepared by the driver, where a
    ``UNION ALL`` of a hundred reads cost more to plan than to run."""
    conn = await session.connection()
    params: list[Any] = [*filters.values()]
    fixed = [f"{column} = ${i}" for i, column in enumerate(filters, start=1)]
    blocks = []
    for kind in _KINDS:
        chosen = [(i, r) for i, r in enumerate(reads) if _kind(r.group) == kind]
        if not chosen:
            continue
        first = len(params) + 1
        params += [
            [i for i, _ in chosen],
            [r.group[0] for _, r in chosen],
            [r.group[1] or "" for _, r in chosen],
            [edge(r.bucket) or -math.inf for _, r in chosen],
            [r.walk for _, r in chosen],
        ]
        where = [*fixed, "pay_currency = g.cur", "pay_year >= g.low"]
        if kind == "level" and "seniority" not in filters:
            where.append("seniority = g.level")
        elif kind == "no level":
            where.append("seniority IS NULL")
        blocks.append(
            f"SELECT g.part, v.pay_year FROM unnest(${first}::int[], ${first + 1}::text[], "
            f"${first + 2}::text[], ${first + 3}::float8[], ${first + 4}::int[]) "
            "AS g(part, cur, level, low, walk) "
            f"CROSS JOIN LATERAL (SELECT pay_year FROM {table_name} WHERE {' AND '.join(where)} "
            f"ORDER BY pay_year LIMIT 2 OFFSET g.walk) AS v"
        )
    result = await conn.exec_driver_sql(" UNION ALL ".join(blocks), tuple(params))
    return _by_rank(reads, list(result.tuples()))
