"""Changing guild settings and claiming and marking digest runs (one claim per guild and period)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import insert_ignore
from store.db.tables import DIGEST_RUNS, GUILD_SETTINGS
from store.queries.guilds import get_settings
from store.results import DigestStatus, GuildSettings

_G = GUILD_SETTINGS.c
_R = DIGEST_RUNS.c
SETTINGS_FIELDS = frozenset(GuildSettings.model_fields) - {"guild_id", "updated_at"}


def _columns(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    if "watched_channel_ids" in out:
        out["watched_channel_ids"] = json.dumps([int(x) for x in out["watched_channel_ids"]])
    return out


async def update_settings(
    session: AsyncSession, guild_id: int, changes: dict[str, Any], now: datetime
) -> GuildSettings:
    """Create or change a guild's settings; only the fields in ``changes`` are touched."""
    unknown = set(changes) - SETTINGS_FIELDS
    if unknown:
        raise ValueError(f"unknown guild setting(s): {', '.join(sorted(unknown))}")
    current = await get_settings(session, guild_id)
    merged = (current or GuildSettings(guild_id=guild_id)).model_copy(update=changes)
    merged = GuildSettings.model_validate(merged.model_dump())  # validate the changed values
    values = _columns(merged.model_dump(exclude={"guild_id", "updated_at"}))
    values["updated_at"] = now
    if current is None:
        stmt = insert_ignore(session, GUILD_SETTINGS, ["guild_id"])
        created = await session.execute(stmt.values(guild_id=guild_id, **values))
        if getattr(created, "rowcount", 0) != 1:  # created concurrently: apply the change on top
            await session.execute(
                update(GUILD_SETTINGS).where(_G.guild_id == guild_id).values(**_columns(changes))
            )
    else:
        await session.execute(update(GUILD_SETTINGS).where(_G.guild_id == guild_id).values(**values))
    result = await get_settings(session, guild_id)
    assert result is not None
    return result


async def claim_run(
    session: AsyncSession,
    guild_id: int,
    period: str,
    now: datetime,
    *,
    max_attempts: int,
    stale_after: timedelta | None,
) -> bool:
    """Claim the digest of (guild, period). True exactly once per successful claim: the first time, or
    again after a failure (up to ``max_attempts``), or when a claim older than ``stale_after`` was never
    marked (its process died)."""
    stmt = insert_ignore(session, DIGEST_RUNS, ["guild_id", "period"])
    created = await session.execute(
        stmt.values(
            guild_id=guild_id, period=period, status="claimed", attempts=1, claimed_at=now, updated_at=now
        )
    )
    if getattr(created, "rowcount", 0) == 1:
        return True
    retry = _R.status == "failed"
    if stale_after is not None:
        retry = or_(retry, (_R.status == "claimed") & (_R.claimed_at < now - stale_after))
    result = await session.execute(
        update(DIGEST_RUNS)
        .where(_R.guild_id == guild_id, _R.period == period, retry, _R.attempts < max_attempts)
        .values(status="claimed", attempts=_R.attempts + 1, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def mark_run(
    session: AsyncSession, guild_id: int, period: str, status: DigestStatus, now: datetime, error: str | None
) -> bool:
    values: dict[str, Any] = {"status": status, "updated_at": now, "error": error}
    if status == "sent":
        values["sent_at"] = now
    elif status == "failed":
        values["failed_at"] = now
    result = await session.execute(
        update(DIGEST_RUNS)
        .where(_R.guild_id == guild_id, _R.period == period)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)
