"""Guild settings and digest runs (the digest scheduler's source of truth)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.sqlutil import insert_ignore
from store.db.tables import DIGEST_RUNS, GUILD_SETTINGS
from store.results import DigestRun, DigestStatus, GuildSettings

_G = GUILD_SETTINGS.c
_R = DIGEST_RUNS.c
SETTINGS_FIELDS = frozenset(GuildSettings.model_fields) - {"guild_id", "updated_at"}


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
