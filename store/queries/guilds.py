"""Reading guild settings and digest runs (the digest scheduler's source of truth)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import DIGEST_RUNS, GUILD_SETTINGS
from store.results import DigestRun, GuildSettings

_G = GUILD_SETTINGS.c
_R = DIGEST_RUNS.c


def _settings(row: Any) -> GuildSettings:
    return GuildSettings(
        guild_id=row.guild_id,
        watched_channel_ids=[int(x) for x in json.loads(row.watched_channel_ids)],
        digest_channel_id=row.digest_channel_id,
        digest_day=row.digest_day,
        digest_time=row.digest_time,
        digest_timezone=row.digest_timezone,
        enabled=row.enabled,
        last_failure=row.last_failure,
        last_failure_at=row.last_failure_at,
        updated_at=row.updated_at,
    )


async def get_settings(session: AsyncSession, guild_id: int) -> GuildSettings | None:
    row = (await session.execute(select(GUILD_SETTINGS).where(_G.guild_id == guild_id))).first()
    return _settings(row) if row else None


async def all_settings(session: AsyncSession, *, enabled_only: bool) -> list[GuildSettings]:
    stmt = select(GUILD_SETTINGS).order_by(_G.guild_id)
    if enabled_only:
        stmt = stmt.where(_G.enabled.is_(True))
    return [_settings(r) for r in await session.execute(stmt)]


async def get_run(session: AsyncSession, guild_id: int, period: str) -> DigestRun | None:
    row = (
        await session.execute(select(DIGEST_RUNS).where(_R.guild_id == guild_id, _R.period == period))
    ).first()
    if row is None:
        return None
    return DigestRun(
        guild_id=row.guild_id,
        period=row.period,
        status=row.status,
        attempts=row.attempts,
        claimed_at=row.claimed_at,
        sent_at=row.sent_at,
        failed_at=row.failed_at,
        error=row.error,
    )
