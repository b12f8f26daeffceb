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
    watched = [int(x) for x in json.loads(row.watched_channel_ids)]
    return GuildSettings.model_validate({**row._mapping, "watched_channel_ids": watched})


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
    return DigestRun.model_validate(row._mapping) if row is not None else None
