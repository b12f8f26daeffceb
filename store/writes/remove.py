"""Removing a posting with everything attached to it (its rows cascade; bands and summaries by hand)."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTING_BANDS, POSTING_BANDS_STAGED, POSTINGS
from store.writes import dedup, summaries


async def delete_posting(session: AsyncSession, guild_id: int, posting_id: int) -> bool:
    row = (
        await session.execute(
            select(POSTINGS.c.raw_text).where(POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id)
        )
    ).first()
    if row is None:
        return False
    keys = dedup.band_keys(dedup.text_signature(row[0]))
    await summaries.apply(session, await summaries.current(session, [posting_id]), -1)
    for bands in (POSTING_BANDS, POSTING_BANDS_STAGED):
        await session.execute(
            delete(bands).where(
                bands.c.guild_id == guild_id,
                bands.c.band_key.in_(keys),
                bands.c.posting_id == posting_id,
            )
        )
    await session.execute(
        delete(POSTINGS).where(POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id)
    )
    return True
