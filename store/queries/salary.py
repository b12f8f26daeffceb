"""/salary: pay percentiles of a role (optionally a place, a seniority, a currency), per currency and
seniority, never blended.

Pay figures come from precomputed, indexed columns (``pay_year``: the posting's pay point, annualized in
its own currency). On both engines the counts per (currency, seniority) come first, then the values at
the ranks the percentiles need, read by ``ORDER BY pay_year LIMIT 2 OFFSET k`` on an index whose prefix
is the filter (an index walk, no sort), all of them in one ``UNION ALL`` statement; the percentiles are
then interpolated by :mod:`store.queries.percentiles`. PostgreSQL computes the same rule itself, per
currency and per currency and seniority in one ``GROUPING SETS`` statement (faster there).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Period
from store.db.sqlutil import placeholders
from store.db.tables import POSTING_LOCATIONS, POSTINGS
from store.keys import RoleKeys, location_key
from store.pay import PayConfig
from store.queries.percentiles import distribution, from_server, ranks, scaled, server_percentiles
from store.results import CurrencyStats, Distribution, SalaryStats, SeniorityStats

RATE_PERIODS = ("day", "hour")  # contract rates: their own period unless yearly figures are asked
MAX_COMPOUND = 400  # SELECTs per UNION ALL statement (SQLite allows 500)
Group = tuple[str, str | None, bool]  # (currency, seniority, by seniority: False for the currency overall)


def _seniority_rank(value: str | None) -> int:
    for rank, level in enumerate(SENIORITY_ORDER):
        if level == value:
            return rank
    return len(SENIORITY_ORDER)


async def salary_stats(
    session: AsyncSession,
    guild_id: int,
    role: str,
    *,
    location: str | None,
    seniority: str | None,
    currency: str | None,
    period: Period | None,
    cfg: PayConfig,
    roles: RoleKeys,
    convert_to: str | None = None,
) -> SalaryStats:
    """Pay of a role per currency and seniority. ``currency`` filters on the stated currency;
    ``convert_to`` converts every posting at ``cfg``'s dated rates into one pool (a posting whose
    currency has no rate is counted in ``left_out``). ``period`` None keeps day and hour rates in
    their own period; a period given annualises them too (counted in ``annualised_from``)."""
    key = roles(role)
    result = SalaryStats(
        role=role,
        role_key=key,
        location=location,
        seniority=seniority,
        currency=currency.upper() if currency else None,
        period=period,
        by_currency=[],
        converted_to=convert_to.upper() if convert_to else None,
        rates_date=cfg.rates_date if convert_to else None,
    )
    if key is None:
        return result
    # Equality filters, in the order of the index that serves them (posting_locations carries the
    # same columns as postings for exactly this).
    src: Any = POSTINGS
    filters: dict[str, Any] = {"guild_id": guild_id}
    if location and location_key(location):
        src = POSTING_LOCATIONS
        filters["location_key"] = location_key(location)
    filters["role_key"] = key
    if seniority:
        filters["seniority"] = seniority
    if currency:
        filters["pay_currency"] = currency.upper()
    rates = await _rate_periods(session, src, filters)
    if period is not None:
        result.annualised_from = {kind: n for kind, n in sorted(rates.items())}
    if result.converted_to or (period is None and rates):
        return await _pooled(session, src, filters, result, cfg)
    if session.get_bind().dialect.name == "postgresql":
        counts, found = await _postgresql(session, src, filters)
    else:
        counts = await _counts(session, src, filters)
        found = await _distributions(session, src.name, filters, counts)
    factor = cfg.per_year(period or "year")
    for cur in sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
        result.by_currency.append(
            CurrencyStats(
                currency=cur,
                period=period or "year",
                overall=scaled(found[(cur, None, False)], factor),
                by_seniority=[
                    SeniorityStats(seniority=s, stats=scaled(found[(cur, s, True)], factor))
                    for s in sorted(counts[cur], key=_seniority_rank)
                ],
            )
        )
    return result


async def _rate_periods(session: AsyncSession, src: Any, filters: dict[str, Any]) -> dict[str, int]:
    """How many of the selected postings state a day or an hour rate (contract work), by period."""
    period = POSTINGS.c.pay_period
    stmt = select(period, func.count()).where(*_conditions(src, filters), period.in_(RATE_PERIODS))
    if src is not POSTINGS:  # a location filter: the keys are in posting_locations
        stmt = stmt.select_from(src.join(POSTINGS, POSTINGS.c.id == src.c.posting_id))
    return {str(kind): int(n) for kind, n in (await session.execute(stmt.group_by(period))).tuples()}


async def _pooled(
    session: AsyncSession, src: Any, filters: dict[str, Any], result: SalaryStats, cfg: PayConfig
) -> SalaryStats:
    """The groups computed from the selected postings' pay itself: converted into one currency, and/or
    with day and hour rates apart in their own period."""
    c, p = src.c, POSTINGS.c
    stmt = select(c.pay_currency, c.seniority, p.pay_period, c.pay_year).where(*_conditions(src, filters))
    if src is not POSTINGS:
        stmt = stmt.select_from(src.join(POSTINGS, p.id == c.posting_id))
    target = result.converted_to
    to_unit = cfg.usd_per_unit.get(target) if target else None
    groups: dict[tuple[str, Period], dict[str | None, list[float]]] = {}
    sources: dict[tuple[str, Period], Counter[str]] = {}
    for cur, level, stated, pay_year in (await session.execute(stmt)).tuples():
        basis: Period = result.period or (stated if stated in RATE_PERIODS else "year")
        value = float(pay_year) / cfg.per_year(basis)
        shown = cur
        if target and to_unit:
            rate = cfg.usd_per_unit.get(cur)
            if rate is None:
                result.left_out[cur] = result.left_out.get(cur, 0) + 1
                continue
            value, shown = value * rate / to_unit, target
        groups.setdefault((shown, basis), {}).setdefault(level, []).append(value)
        sources.setdefault((shown, basis), Counter())[cur] += 1
    for (cur, basis), levels in groups.items():
        everything = sorted(v for values in levels.values() for v in values)
        result.by_currency.append(
            CurrencyStats(
                currency=cur,
                period=basis,
                overall=distribution(everything, len(everything)),
                by_seniority=[
                    SeniorityStats(seniority=s, stats=distribution(sorted(levels[s]), len(levels[s])))
                    for s in sorted(levels, key=_seniority_rank)
                ],
                sources=dict(sorted(sources[(cur, basis)].items())) if target else {},
            )
        )
    result.by_currency.sort(key=lambda g: (g.period != "year", -g.overall.n, g.currency, g.period))
    return result


def _conditions(src: Any, filters: dict[str, Any]) -> list[Any]:
    c = src.c
    conds = [c[name] == value for name, value in filters.items()]
    return [*conds, c.pay_currency.is_not(None), c.pay_year.is_not(None)]


async def _postgresql(
    session: AsyncSession, src: Any, filters: dict[str, Any]
) -> tuple[dict[str, dict[str | None, int]], dict[Group, Distribution]]:
    c = src.c
    stmt = (
        select(
            c.pay_currency,
            c.seniority,
            func.grouping(c.seniority).label("whole"),
            func.count(),
            func.min(c.pay_year),
            func.max(c.pay_year),
            server_percentiles(c.pay_year),
        )
        .where(*_conditions(src, filters))
        .group_by(func.grouping_sets(tuple_(c.pay_currency), tuple_(c.pay_currency, c.seniority)))
    )
    counts: dict[str, dict[str | None, int]] = {}
    found: dict[Group, Distribution] = {}
    for cur, level, whole, n, low, high, inner in (await session.execute(stmt)).tuples():
        found[(cur, None if whole else level, not whole)] = from_server(n, low, high, inner)
        if not whole:
            counts.setdefault(cur, {})[level] = int(n)
    return counts, found


async def _counts(
    session: AsyncSession, src: Any, filters: dict[str, Any]
) -> dict[str, dict[str | None, int]]:
    """SQLite: postings with pay per currency and seniority."""
    c = src.c
    rows = await session.execute(
        select(c.pay_currency, c.seniority, func.count())
        .where(*_conditions(src, filters))
        .group_by(c.pay_currency, c.seniority)
    )
    per: dict[str, dict[str | None, int]] = {}
    for cur, level, n in rows.tuples():
        per.setdefault(cur, {})[level] = int(n)
    return per


def _starts(n: int) -> list[int]:
    """First ranks of the (up to two-row) reads covering every rank a Distribution needs."""
    starts: list[int] = []
    for r in ranks(n):
        if not starts or r > starts[-1] + 1:
            starts.append(r)
    return starts


async def _distributions(
    session: AsyncSession, table_name: str, filters: dict[str, Any], per: dict[str, dict[str | None, int]]
) -> dict[Group, Distribution]:
    """SQLite: the distribution of each group, from the values at its needed ranks. Plain SQL with the
    driver's positional parameters: the statement text differs with the data (offsets), so SQLAlchemy
    would parse and compile hundreds of parameters anew for every call."""
    conn = await session.connection()
    style = conn.dialect.paramstyle
    parts: list[tuple[str, list[Any]]] = []
    index: list[tuple[Group, int, int]] = []  # per part: (group, n, start)
    for cur, levels in per.items():
        groups: list[tuple[str | None, bool, int]] = [(None, False, sum(levels.values()))]
        groups += [(level, True, n) for level, n in levels.items()]
        for level, by_level, n in groups:
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
