"""The roles a server's postings have, with how many postings each: what role matching chooses from."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTINGS

_P = POSTINGS.c


async def role_counts(session: AsyncSession, guild_id: int) -> dict[str, int]:
    """Every role key of the guild and its number of postings (an index-only scan of the
    (guild, role) index)."""
    rows = await session.execute(
        select(_P.role_key, func.count())
        .where(_P.guild_id == guild_id, _P.role_key.is_not(None))
        .group_by(_P.role_key)
    )
    return {str(role): int(n) for role, n in rows.tuples()}
