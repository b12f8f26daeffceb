"""/salary: pay percentiles of a role (optionally a place, a seniority, a currency), per currency and
seniority, never blended.

Pay figures come from precomputed columns (``pay_year``: the posting's pay point, annualized in its own
currency), summarized per group in ``pay_buckets``; :mod:`store.queries.pay_summary` reads the counts
and the distributions (exact for small groups, within a stated error bound for large ones) at a cost
that does not grow with the number of postings, the same way on both engines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Period
from store.db.tables import POSTING_LOCATIONS, POSTINGS
from store.keys import RoleKeys, location_key
from store.pay import PayConfig
from store.queries.pay_summary import distributions
from store.queries.percentiles import scaled
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
    period: Period,
    cfg: PayConfig,
    roles: RoleKeys,
) -> SalaryStats:
    key = roles(role)
    result = SalaryStats(
        role=role,
        role_key=key,
        location=location,
        seniority=seniority,
        currency=currency.upper() if currency else None,
        period=period,
        by_currency=[],
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
    counts, found = await distributions(session, src.name, filters)
    factor = cfg.per_year(period)
    for cur in sorted(counts, key=lambda k: (-sum(counts[k].values()), k)):
        result.by_currency.append(
            CurrencyStats(
                currency=cur,
                overall=scaled(found[(cur, None, False)], factor),
                by_seniority=[
                    SeniorityStats(seniority=s, stats=scaled(found[(cur, s, True)], factor))
                    for s in sorted(counts[cur], key=_seniority_rank)
                ],
            )
        )
    return result
