"""/digest: where and when the weekly digest is posted, a private preview, and turning it off.

Each command is a plain async use case returning a :class:`Reply`; the Discord cog and the console
only adapt to them. Changing settings needs the Manage Server permission (``can_manage``); anyone may
preview. A digest that could not be posted is recorded on the guild's settings (``last_failure``) and
told to the next admin who uses any /digest command, once.
"""

from __future__ import annotations

import logging
from datetime import datetime

from commands.core.reply import Reply
from commands.core.services import Services
from commands.digest.message import build_digest
from commands.digest.schedule import (
    DigestPolicy,
    Schedule,
    ScheduleError,
    next_occurrence,
    parse_day,
    parse_time,
    parse_timezone,
    schedule_for,
    upcoming,
)
from store import GuildSettings

log = logging.getLogger(__name__)

NEEDS_MANAGE = "You need the Manage Server permission to change the digest."


def guild_schedule(settings: GuildSettings, policy: DigestPolicy) -> Schedule:
    return schedule_for(
        policy,
        day=settings.digest_day,
        at=settings.digest_time,
        timezone=settings.digest_timezone,
        guild_id=settings.guild_id,
    )


def channel_mention(channel_id: int | None) -> str:
    return f"<#{channel_id}>" if channel_id else "no channel"


def _when(moment: datetime, schedule: Schedule) -> str:
    local = moment.astimezone(schedule.zone)
    return f"{local:%a %d %b %Y %H:%M} ({schedule.timezone})"


def _state(settings: GuildSettings, schedule: Schedule, now: datetime) -> str:
    if settings.digest_channel_id is None:
        return f"No digest channel set (schedule: {schedule.describe()}). Pick one with /digest channel."
    if not settings.enabled:
        return (
            f"The digest is off (was: {channel_mention(settings.digest_channel_id)}, {schedule.describe()}). "
            "Turn it on again with /digest channel."
        )
    nxt = next_occurrence(schedule, now)
    return (
        f"The digest is posted in {channel_mention(settings.digest_channel_id)} on {schedule.describe()}. "
        f"Next: {_when(nxt, schedule)}."
    )


async def _failure_note(svc: Services, settings: GuildSettings, can_manage: bool) -> str | None:
    """The last failed digest, told once to an admin (then forgotten)."""
    if not can_manage or not settings.last_failure:
        return None
    when = f" ({settings.last_failure_at:%Y-%m-%d %H:%M} UTC)" if settings.last_failure_at else ""
    note = f"⚠️ The last digest could not be posted{when}: {settings.last_failure}"
    try:
        await svc.store.update_guild_settings(settings.guild_id, last_failure=None, last_failure_at=None)
    except Exception:  # telling it again next time is better than failing the command
        log.warning("Could not clear the digest failure of guild %s", settings.guild_id, exc_info=True)
    return note


def _with_note(reply: Reply, note: str | None) -> Reply:
    if not note:
        return reply
    description = f"{note}\n\n{reply.description}" if reply.description else note
    return reply.model_copy(update={"description": description})


async def digest_status(svc: Services, policy: DigestPolicy, guild_id: int, *, can_manage: bool) -> Reply:
    settings = await svc.store.get_guild_settings(guild_id)
    note = await _failure_note(svc, settings, can_manage)
    reply = Reply.notice(_state(settings, guild_schedule(settings, policy), svc.clock()))
    return _with_note(reply, note)


async def digest_channel(
    svc: Services,
    policy: DigestPolicy,
    guild_id: int,
    channel_id: int,
    *,
    can_manage: bool,
    bot_can_post: bool = True,
) -> Reply:
    """Post the digest in ``channel_id`` (and turn it on)."""
    if not can_manage:
        return Reply.error(NEEDS_MANAGE)
    before = await svc.store.get_guild_settings(guild_id)
    note = await _failure_note(svc, before, can_manage)
    settings = await svc.store.update_guild_settings(guild_id, digest_channel_id=channel_id, enabled=True)
    text = _state(settings, guild_schedule(settings, policy), svc.clock())
    if not bot_can_post:
        text += (
            f"\nI cannot post embeds in {channel_mention(channel_id)} yet: give me Send Messages, "
            "Embed Links and Attach Files there."
        )
    return _with_note(Reply.notice(text), note)


async def digest_schedule(
    svc: Services,
    policy: DigestPolicy,
    guild_id: int,
    *,
    can_manage: bool,
    day: str | None = None,
    at: str | None = None,
    timezone: str | None = None,
) -> Reply:
    """Change the day, time and timezone; an option left out keeps its current value (or the default)."""
    if not can_manage:
        return Reply.error(NEEDS_MANAGE)
    try:
        changes: dict[str, object] = {}
        if day is not None:
            changes["digest_day"] = parse_day(day)
        if at is not None:
            changes["digest_time"] = parse_time(at)
        if timezone is not None:
            changes["digest_timezone"] = parse_timezone(timezone)
    except ScheduleError as exc:
        return Reply.error(str(exc))
    before = await svc.store.get_guild_settings(guild_id)
    note = await _failure_note(svc, before, can_manage)
    if not changes:  # nothing given: pin the defaults, so later config changes do not move it
        current = guild_schedule(before, policy)
        changes = {"digest_day": current.day, "digest_time": current.at, "digest_timezone": current.timezone}
    settings = await svc.store.update_guild_settings(guild_id, **changes)
    return _with_note(Reply.notice(_state(settings, guild_schedule(settings, policy), svc.clock())), note)


async def digest_off(svc: Services, policy: DigestPolicy, guild_id: int, *, can_manage: bool) -> Reply:
    if not can_manage:
        return Reply.error(NEEDS_MANAGE)
    before = await svc.store.get_guild_settings(guild_id)
    note = await _failure_note(svc, before, can_manage)
    if not before.enabled or before.digest_channel_id is None:
        return _with_note(Reply.notice("The digest is already off."), note)
    await svc.store.update_guild_settings(guild_id, enabled=False)
    text = (
        f"The digest is off: nothing more will be posted in {channel_mention(before.digest_channel_id)}. "
        "Turn it on again with /digest channel."
    )
    return _with_note(Reply.notice(text), note)


async def digest_preview(
    svc: Services, policy: DigestPolicy, guild_id: int, *, can_manage: bool = False, chart: bool = True
) -> Reply:
    """This week's digest so far, for the caller only (whatever the channel and on/off state)."""
    settings = await svc.store.get_guild_settings(guild_id)
    note = await _failure_note(svc, settings, can_manage)
    schedule = guild_schedule(settings, policy)
    now = svc.clock()
    period, start, _ = upcoming(schedule, now)
    return await build_digest(
        svc.store, guild_id, schedule, period, start, now,
        preview=True, chart=chart, note=note, tail=_state(settings, schedule, now),
    )  # fmt: skip


async def answer_preview(
    svc: Services, policy: DigestPolicy, guild_id: int, *, can_manage: bool = False
) -> Reply:
    """/digest preview as the front ends ask it: with a chart when the deployment draws them, and
    counted among the heavy answers (it computes a week of statistics)."""
    return await svc.answers.limited(
        lambda: digest_preview(svc, policy, guild_id, can_manage=can_manage, chart=svc.charts)
    )
