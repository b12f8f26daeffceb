"""/salary's count of day and hour rates: exact under every filter, and read from the index over rate
postings only (so it does not walk every posting of the role)."""

from __future__ import annotations

from collections import Counter

import pytest

from store import Store
from store.db.sqlutil import placeholders
from store.db.tables import POSTING_LOCATIONS, POSTINGS
from store.queries.salary import rate_count_sql
from tests.store.queries.saved import GUILD, add

# (title, pay, seniority, places): a role with salaries and contract rates in two currencies, levels
# and places, and another role whose rates must not be counted.
SAVED = [
    ("Platform Engineer", (90_000, 110_000, "USD", "year"), "senior", ["Denver, Colorado, US"]),
    ("Platform Engineer", (70_000, 70_000, "EUR", "year"), None, ["Lyon, France"]),
    ("Platform Engineer", (600, 700, "EUR", "day"), "senior", ["Lyon, France"]),
    ("Platform Engineer", (550, 550, "EUR", "day"), None, ["Ghent, Belgium"]),
    ("Platform Engineer", (80, 90, "USD", "hour"), "senior", ["Denver, Colorado, US"]),
    ("Platform Engineer", (75, 75, "USD", "hour"), "lead", ["Austin, Texas, US"]),
    ("Platform Engineer", (5_000, 5_000, "EUR", "month"), None, ["Ghent, Belgium"]),
    ("Platform Engineer", None, None, ["Lyon, France"]),
    ("Data Analyst", (400, 400, "EUR", "day"), "senior", ["Lyon, France"]),
]
RATES = ("day", "hour")


def _expected(*, place: str | None, seniority: str | None, currency: str | None) -> dict[str, int]:
    counted: Counter[str] = Counter()
    for title, pay, level, places in SAVED:
        if title != "Platform Engineer" or pay is None or pay[3] not in RATES:
            continue
        # a place matches a whole location or one of its comma parts, as the store keys them
        if place and not any(
            place.lower() in (part.strip().lower() for part in p.split(",")) for p in places
        ):
            continue
        if (seniority and level != seniority) or (currency and pay[2] != currency):
            continue
        counted[pay[3]] += 1
    return dict(counted)


async def _save_all(store: Store) -> None:
    for i, (title, pay, level, places) in enumerate(SAVED):
        await add(store, f"rate-{i}", title=title, pay=pay, seniority=level, locations=places)


@pytest.mark.parametrize(
    ("place", "seniority", "currency"),
    [
        (None, None, None),
        (None, "senior", None),
        (None, None, "EUR"),
        (None, "senior", "USD"),
        ("lyon", None, None),
        ("US", "senior", None),
        ("ghent", None, "EUR"),
        ("Austin", None, "EUR"),
    ],
)
async def test_rate_count_under_every_filter(
    store: Store, place: str | None, seniority: str | None, currency: str | None
) -> None:
    await _save_all(store)
    stats = await store.salary_stats(
        GUILD, "platform engineer", location=place, seniority=seniority, currency=currency, period="year"
    )
    assert stats.annualised_from == _expected(place=place, seniority=seniority, currency=currency)


async def test_rates_of_another_server_are_not_counted(store: Store) -> None:
    await _save_all(store)
    other = await store.salary_stats(GUILD + 1, "platform engineer", period="year")
    assert other.annualised_from == {} and other.by_currency == []


@pytest.mark.parametrize("by_place", [False, True])
async def test_rate_count_reads_the_rate_index(store: Store, by_place: bool) -> None:
    """The plan names the partial index: the count repeats the index's condition as constants."""
    await _save_all(store)
    if by_place:
        src, filters = (
            POSTING_LOCATIONS,
            {"guild_id": GUILD, "location_key": "lyon", "role_key": "platform engineer"},
        )
    else:
        src, filters = POSTINGS, {"guild_id": GUILD, "role_key": "platform engineer", "seniority": "senior"}
    sql, params = rate_count_sql(src, filters)
    async with store.sessions.read() as session:
        conn = await session.connection()
        if conn.dialect.name == "postgresql":
            # a table this small is read whole unless told otherwise: ask whether the index can serve
            await conn.exec_driver_sql("ANALYZE postings")
            await conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            explain = "EXPLAIN "
        else:
            explain = "EXPLAIN QUERY PLAN "
        rows = await conn.exec_driver_sql(placeholders(conn.dialect.paramstyle, explain + sql), params)
        plan = " ".join(str(value) for row in rows.tuples() for value in row)
    assert "ix_postings_guild_role_rate" in plan
