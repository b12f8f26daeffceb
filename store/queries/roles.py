"""The roles a server's postings have, with how many postings each: what role matching chooses from."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.plain import fetch_all
from store.db.tables import POSTINGS

_P = POSTINGS.c
# an index-only scan of the (guild, role) index
_COUNTS = (
    f"SELECT role_key, count(*) FROM {POSTINGS.name} WHERE guild_id = ? AND role_key IS NOT NULL "
    "GROUP BY role_key"
)
# SQLite's AUTOINCREMENT record: the highest posting id ever handed out (ids are never reused)
_LAST_ID = f"SELECT seq FROM sqlite_sequence WHERE name = '{POSTINGS.name}'"


async def role_counts(session: AsyncSession, guild_id: int) -> dict[str, int]:
    """Every role key of the guild and its number of postings."""
    rows = await session.execute(
        select(_P.role_key, func.count())
        .where(_P.guild_id == guild_id, _P.role_key.is_not(None))
        .group_by(_P.role_key)
    )
    return {str(role): int(n) for role, n in rows.tuples()}


async def role_counts_as_of(session: AsyncSession, guild_id: int) -> tuple[dict[str, int], int | None]:
    """:func:`role_counts`, and on SQLite the highest posting id handed out in the same snapshot (the
    two statements share the read's transaction); None elsewhere (see ``store.role_cache``)."""
    if session.get_bind().dialect.name != "sqlite":
        return await role_counts(session, guild_id), None
    counts, last = await fetch_all(session, [(_COUNTS, (guild_id,)), (_LAST_ID, ())])
    return {str(role): int(n) for role, n in counts}, int(last[0][0]) if last else 0
