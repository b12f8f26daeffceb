"""Postings and skill counts of a window (guild, role, UTC days), exact from the summary tables kept
by every write (``store.writes.summaries``): what /skills and the digest both read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import chunks
from store.db.tables import (
    ALL_ROLES,
    POSTING_DAYS,
    POSTINGS,
    SKILL_DAYS,
    SKILL_TOTALS,
    SKILLS,
    day_number,
    day_start,
)

_P = POSTINGS.c


@dataclass(slots=True)
class SkillCounts:
    """Postings of one (guild, role, day range) and how many of them ask for each skill: exact, from
    the summary tables."""

    size: int
    skills: Counter[int] = field(default_factory=Counter)


def selection(guild_id: int, key: str | None, start: datetime | None, end: datetime | None) -> list[Any]:
    conds: list[Any] = [_P.guild_id == guild_id]
    if key is not None:
        conds.append(_P.role_key == key)
    if start is not None:
        conds.append(_P.added_at >= start)
    if end is not None:
        conds.append(_P.added_at < end)
    return conds


async def counts(
    session: AsyncSession, guild_id: int, key: str | None, first_day: int | None, end_day: int | None
) -> SkillCounts:
    """Counts over the UTC days [first_day, end_day) (None: unbounded)."""
    role = key if key is not None else ALL_ROLES
    d, t = POSTING_DAYS.c, SKILL_TOTALS.c
    days = [d.guild_id == guild_id, d.role_key == role]
    if first_day is not None:
        days.append(d.day >= first_day)
    if end_day is not None:
        days.append(d.day < end_day)
    size = (await session.execute(select(func.coalesce(func.sum(d.n), 0)).where(*days))).scalar_one()
    found = SkillCounts(int(size))
    if not found.size:
        return found
    if first_day is None and end_day is None:
        stmt = select(t.skill_id, t.n).where(t.guild_id == guild_id, t.role_key == role, t.n > 0)
    else:
        s = SKILL_DAYS.c
        skill_days = [s.guild_id == guild_id, s.role_key == role]
        if first_day is not None:
            skill_days.append(s.day >= first_day)
        if end_day is not None:
            skill_days.append(s.day < end_day)
        stmt = select(s.skill_id, func.sum(s.n)).where(*skill_days).group_by(s.skill_id)
    found.skills = Counter({int(sid): int(n) for sid, n in (await session.execute(stmt)).tuples() if n})
    return found


async def skill_names(session: AsyncSession, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for part in chunks(ids):
        rows = await session.execute(select(SKILLS.c.id, SKILLS.c.name).where(SKILLS.c.id.in_(part)))
        names.update({int(i): n for i, n in rows.tuples()})
    return names


def end_day(until: datetime) -> int:
    """The first UTC day not in a window ending at ``until`` (a partial day counts whole)."""
    day = day_number(until)
    return day if until == day_start(day) else day + 1
