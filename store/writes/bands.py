"""Staged band keys: how bulk imports keep the near-repost index cheap to grow.

A posting has ``dedup.BANDS`` random 63-bit band keys. Inserted a batch at a time into one index of
millions of keys, nearly every key lands on a different page, and SQLite writes each page a commit
dirtied to its WAL, then again to the database file: at a million postings that was most of an import's
cost. Bulk imports therefore write their keys to ``posting_bands_staged`` (small, so a batch rewrites few
pages) and :func:`merge_staged` moves them into ``posting_bands`` in key order every
:data:`MERGE_EVERY_KEYS` keys and when the import ends, so each page of the large index is written once
per merge instead of once per batch. Lookups read both tables, so staged keys find reposts at once, and
a killed import leaves its committed keys staged, to be merged by the next import.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTING_BANDS, POSTING_BANDS_STAGED
from store.writes.keyfilter import KeyFilter

# ~50,000 postings: the staged index stays a few MB (a batch rewrites at most that), and a merge into
# a million-posting index costs about a second of CPU.
MERGE_EVERY_KEYS = 600_000
_COLUMNS = "guild_id, band_key, posting_id"
LOAD_CHUNK = 100_000


async def staged_count(session: AsyncSession) -> int:
    count = await session.execute(text(f"SELECT count(*) FROM {POSTING_BANDS_STAGED.name}"))
    return int(count.scalar_one())


async def merge_staged(session: AsyncSession) -> int:
    """Move every staged key into ``posting_bands``; returns how many were moved. Runs in the caller's
    write transaction."""
    staged, merged = POSTING_BANDS_STAGED.name, POSTING_BANDS.name
    if session.get_bind().dialect.name == "postgresql":
        # one statement: keys another import commits meanwhile are neither lost nor moved twice
        result = await session.execute(
            text(
                f"WITH moved AS (DELETE FROM {staged} RETURNING {_COLUMNS}) "
                f"INSERT INTO {merged} ({_COLUMNS}) SELECT {_COLUMNS} FROM moved "
                f"ORDER BY {_COLUMNS} ON CONFLICT DO NOTHING"
            )
        )
        return max(0, int(getattr(result, "rowcount", 0) or 0))
    # SQLite: the write transaction holds the only write lock, so copy-then-empty is atomic. The staged
    # table's primary key is the merged one's, so this reads in key order without sorting.
    result = await session.execute(
        text(
            f"INSERT OR IGNORE INTO {merged} ({_COLUMNS}) SELECT {_COLUMNS} FROM {staged} ORDER BY {_COLUMNS}"
        )
    )
    await session.execute(text(f"DELETE FROM {staged}"))
    return max(0, int(getattr(result, "rowcount", 0) or 0))


async def load_filter(session: AsyncSession, guild_id: int, more: int) -> KeyFilter:
    """The guild's band keys (merged and staged) in a :class:`KeyFilter` with room for ``more``."""
    tables = (POSTING_BANDS, POSTING_BANDS_STAGED)
    saved = 0
    for table in tables:
        count = select(func.count()).select_from(table).where(table.c.guild_id == guild_id)
        saved += int((await session.execute(count)).scalar_one())
    key_filter = KeyFilter(saved + more)
    for table in tables:
        result = await session.stream(select(table.c.band_key).where(table.c.guild_id == guild_id))
        async for part in result.scalars().partitions(LOAD_CHUNK):
            key_filter.add(part)
    return key_filter
