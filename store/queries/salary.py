"""/salary: pay percentiles of a role (optionally a place, a seniority, a currency), per currency and
seniority, never blended.

Pay figures come from precomputed columns (``pay_year``: the posting's pay point, annualized in its own
currency), summarized per group in ``pay_buckets``; :mod:`store.queries.pay_summary` reads the counts
and the distributions (exact for small groups, within a stated error bound for large ones) at a cost
that does not grow with the number of postings, the same way on both engines.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Period
from store.db.sqlutil import placeholders
from store.db.tables import POSTING_LOCATIONS, POSTINGS, RATE_PERIODS, RATE_PERIODS_SQL
from store.keys import RoleKeys, location_key
from store.pay import PayConfig
from store.queries.pay_summary import distributions
from store.queries.percentiles import distribution, scaled
from store.results import CurrencyStats, SalaryStats, SeniorityStats


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
    counts, found = await distributions(session, src.name, filters)
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
    conn = await session.connection()
    sql, params = rate_count_sql(src, filters)
    rows = await conn.exec_driver_sql(placeholders(conn.dialect.paramstyle, sql), params)
    return {str(kind): int(n) for kind, n in rows.tuples()}


def rate_count_sql(src: Any, filters: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    """The rate count as SQL with ``?`` parameters. It reads ``ix_postings_guild_role_rate``, an index
    over rate postings only, so it walks the role's rate postings rather than all its postings. The
    periods are written out: an index with a WHERE serves a query only when the query repeats that
    condition as constants (a bound parameter proves nothing to SQLite's planner, nor to a generic
    plan of PostgreSQL's). Day and hour rates keep their own period unless yearly figures are asked."""
    where = [f"p.{column} = ?" for column in filters if column != "location_key"]
    params = [value for column, value in filters.items() if column != "location_key"]
    where += [f"p.pay_period IN {RATE_PERIODS_SQL}", "p.pay_currency IS NOT NULL", "p.pay_year IS NOT NULL"]
    if src is not POSTINGS:
        # A place asked: its key is in posting_locations (one primary-key probe per rate posting),
        # written as EXISTS so the rate index drives the count rather than the place's every posting.
        where.append(
            f"EXISTS (SELECT 1 FROM {src.name} AS l WHERE l.posting_id = p.id AND l.location_key = ?)"
        )
        params.append(filters["location_key"])
    conditions = " AND ".join(where)
    sql = f"SELECT p.pay_period, count(*) FROM {POSTINGS.name} AS p WHERE {conditions} GROUP BY p.pay_period"
    return sql, tuple(params)


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
