"""Summaries kept up to date by every write, in the writer's transaction: skill counts (skill_days,
skill_totals, posting_days; a posting counts under its role and under "" (all roles), on the UTC day it
was added) and pay buckets (pay_buckets: a posting with a role and pay counts under its role, in its
currency and seniority, anywhere and in each of its places). Counts that drop to zero stay as zero rows
(harmless, and rare)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.plain import Rows, write_rows
from store.db.sqlutil import chunks, insert_sql
from store.db.tables import (
    ALL_PLACES,
    ALL_ROLES,
    NO_SENIORITY,
    PAY_BUCKETS,
    POSTING_DAYS,
    POSTING_LOCATIONS,
    POSTING_SKILLS,
    POSTINGS,
    SKILL_DAYS,
    SKILL_TOTALS,
    day_number,
)
from store.pay_buckets import KEY, bucket_of

PAY_KEY = KEY


# A posting's pay point as /salary groups it: (currency, seniority, pay_year, location keys).
Pay = tuple[str, str | None, float, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one posting adds to the summaries."""

    guild_id: int
    role_key: str | None
    day: int
    skill_ids: tuple[int, ...]
    pay: Pay | None = None


def pay_of(columns: dict[str, Any], places: Iterable[str]) -> Pay | None:
    """The pay point of a posting's effective columns, None when /salary would not count it."""
    currency, pay_year = columns["pay_currency"], columns["pay_year"]
    if not columns["role_key"] or currency is None or pay_year is None:
        return None
    return (currency, columns["seniority"], float(pay_year), tuple(places))


def _upsert(
    table: Any,
    key: tuple[str, ...],
    deltas: dict[Any, Any],
    values: tuple[str, ...] = ("n",),
) -> Rows:
    """The statement adding ``deltas`` (key -> n, or key -> (n, total...) for several ``values``) to the
    table's rows."""
    rows = [(*k, *(d if isinstance(d, tuple) else (d,))) for k, d in sorted(deltas.items()) if d]
    sums = ", ".join(f"{v} = {table.name}.{v} + excluded.{v}" for v in values)
    upsert = f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sums}"
    return Rows(insert_sql("qmark", table, (*key, *values), upsert), rows)


def _pay_deltas(contributions: Iterable[Contribution], sign: int) -> dict[tuple[Any, ...], tuple[int, float]]:
    deltas: dict[tuple[Any, ...], tuple[int, float]] = {}
    for c in contributions:
        if c.pay is None or c.role_key is None:
            continue
        currency, seniority, pay_year, places = c.pay
        bucket = bucket_of(pay_year)
        for place in (ALL_PLACES, *places):
            key = (c.guild_id, c.role_key, place, currency, seniority or NO_SENIORITY, bucket)
            n, total = deltas.get(key, (0, 0.0))
            deltas[key] = (n + sign, total + sign * pay_year)
    # a key whose postings cancel out is left alone (its sum may not be exactly zero in floating point)
    return {k: d for k, d in deltas.items() if d[0]}


def statements(contributions: Sequence[Contribution], sign: int) -> list[Rows]:
    """What adds (sign=1) or takes away (sign=-1) postings from the summaries, as plain statements."""
    days: Counter[tuple[int, str, int]] = Counter()
    skill_days: Counter[tuple[int, str, int, int]] = Counter()
    totals: Counter[tuple[int, str, int]] = Counter()
    for c in contributions:
        for role in (c.role_key, ALL_ROLES) if c.role_key else (ALL_ROLES,):
            days[(c.guild_id, role, c.day)] += sign
            for sid in c.skill_ids:
                skill_days[(c.guild_id, role, c.day, sid)] += sign
                totals[(c.guild_id, role, sid)] += sign
    return [
        _upsert(POSTING_DAYS, ("guild_id", "role_key", "day"), days),
        _upsert(SKILL_DAYS, ("guild_id", "role_key", "day", "skill_id"), skill_days),
        _upsert(SKILL_TOTALS, ("guild_id", "role_key", "skill_id"), totals),
        _upsert(PAY_BUCKETS, PAY_KEY, _pay_deltas(contributions, sign), ("n", "total")),
    ]


async def apply(session: AsyncSession, contributions: Sequence[Contribution], sign: int) -> None:
    """Add (sign=1) or take away (sign=-1) postings from the summaries."""
    await write_rows(session, statements(contributions, sign))


async def current(session: AsyncSession, ids: list[int]) -> list[Contribution]:
    """The contributions saved postings make now (read before they change or go)."""
    p = POSTINGS.c
    found: dict[int, tuple[int, dict[str, Any], int]] = {}
    skills: dict[int, list[int]] = {}
    places: dict[int, list[str]] = {}
    for part in chunks(ids):
        rows = await session.execute(
            select(p.id, p.guild_id, p.role_key, p.added_at, p.pay_currency, p.seniority, p.pay_year).where(
                p.id.in_(part)
            )
        )
        for pid, guild_id, role, added, currency, seniority, pay_year in rows.tuples():
            columns = {
                "role_key": role,
                "pay_currency": currency,
                "seniority": seniority,
                "pay_year": pay_year,
            }
            found[int(pid)] = (int(guild_id), columns, day_number(added))
        links = await session.execute(
            select(POSTING_SKILLS.c.posting_id, POSTING_SKILLS.c.skill_id).where(
                POSTING_SKILLS.c.posting_id.in_(part)
            )
        )
        for pid, sid in links.tuples():
            skills.setdefault(int(pid), []).append(int(sid))
        keys = await session.execute(
            select(POSTING_LOCATIONS.c.posting_id, POSTING_LOCATIONS.c.location_key).where(
                POSTING_LOCATIONS.c.posting_id.in_(part)
            )
        )
        for pid, key in keys.tuples():
            places.setdefault(int(pid), []).append(key)
    return [
        Contribution(
            g, columns["role_key"], day, tuple(skills.get(pid, ())), pay_of(columns, places.get(pid, ()))
        )
        for pid, (g, columns, day) in found.items()
    ]
