"""Skill summaries (skill_days, skill_totals, posting_days): exact counts kept up to date by every
write, in the writer's transaction. A posting counts under its role and under "" (all roles), on the
UTC day it was added. Counts that drop to zero stay as zero rows (harmless, and rare)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import chunks, insert_sql
from store.db.tables import (
    ALL_ROLES,
    POSTING_DAYS,
    POSTING_SKILLS,
    POSTINGS,
    SKILL_DAYS,
    SKILL_TOTALS,
    day_number,
)


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one posting adds to the summaries."""

    guild_id: int
    role_key: str | None
    day: int
    skill_ids: tuple[int, ...]


async def _upsert(session: AsyncSession, table: Any, key: tuple[str, ...], deltas: Counter[Any]) -> None:
    rows = [(*k, n) for k, n in sorted(deltas.items()) if n]
    if not rows:
        return
    conn = await session.connection()
    upsert = f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET n = {table.name}.n + excluded.n"
    await conn.exec_driver_sql(insert_sql(conn.dialect.paramstyle, table, (*key, "n"), upsert), rows)


async def apply(session: AsyncSession, contributions: Iterable[Contribution], sign: int) -> None:
    """Add (sign=1) or take away (sign=-1) postings from the summaries."""
    days: Counter[tuple[int, str, int]] = Counter()
    skill_days: Counter[tuple[int, str, int, int]] = Counter()
    totals: Counter[tuple[int, str, int]] = Counter()
    for c in contributions:
        for role in (c.role_key, ALL_ROLES) if c.role_key else (ALL_ROLES,):
            days[(c.guild_id, role, c.day)] += sign
            for sid in c.skill_ids:
                skill_days[(c.guild_id, role, c.day, sid)] += sign
                totals[(c.guild_id, role, sid)] += sign
    await _upsert(session, POSTING_DAYS, ("guild_id", "role_key", "day"), days)
    await _upsert(session, SKILL_DAYS, ("guild_id", "role_key", "day", "skill_id"), skill_days)
    await _upsert(session, SKILL_TOTALS, ("guild_id", "role_key", "skill_id"), totals)


async def current(session: AsyncSession, ids: list[int]) -> list[Contribution]:
    """The contributions saved postings make now (read before they change or go)."""
    found: dict[int, tuple[int, str | None, int]] = {}
    skills: dict[int, list[int]] = {}
    for part in chunks(ids):
        rows = await session.execute(
            select(POSTINGS.c.id, POSTINGS.c.guild_id, POSTINGS.c.role_key, POSTINGS.c.added_at).where(
                POSTINGS.c.id.in_(part)
            )
        )
        for pid, guild_id, role, added in rows.tuples():
            found[int(pid)] = (int(guild_id), role, day_number(added))
        links = await session.execute(
            select(POSTING_SKILLS.c.posting_id, POSTING_SKILLS.c.skill_id).where(
                POSTING_SKILLS.c.posting_id.in_(part)
            )
        )
        for pid, sid in links.tuples():
            skills.setdefault(int(pid), []).append(int(sid))
    return [Contribution(g, role, day, tuple(skills.get(pid, ()))) for pid, (g, role, day) in found.items()]
