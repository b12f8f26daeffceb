"""Welcoming a server once: the first process to claim it sends the introduction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import insert_ignore
from store.db.tables import GUILD_WELCOMES


async def claim_welcome(session: AsyncSession, guild_id: int, now: datetime) -> bool:
    """True exactly once per server, across processes and restarts."""
    stmt = insert_ignore(session, GUILD_WELCOMES, ["guild_id"]).values(guild_id=guild_id, welcomed_at=now)
    created = await session.execute(stmt)
    return bool(getattr(created, "rowcount", 0) == 1)
