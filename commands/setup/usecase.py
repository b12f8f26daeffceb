"""/setup: which channels a server's pastes are read from. Until a server picks channels, the
configured names (``discord.watch_channels``) are watched."""

from __future__ import annotations

from collections.abc import Sequence

from commands.core.reply import Reply
from commands.core.services import Services


def describe_watch(chosen: set[int], names: Sequence[str], *, pastes: bool) -> str:
    if chosen:
        return "Watching " + ", ".join(f"<#{cid}>" for cid in sorted(chosen)) + " for postings."
    shown = ", ".join(f"#{name}" for name in names) or "none"
    mode = "" if pastes else " (pastes are off: /add only)"
    return f"No channels chosen: watching channels named {shown}{mode}."


async def watch(
    svc: Services,
    guild_id: int,
    channel_id: int,
    watched: bool,
    *,
    names: Sequence[str],
    pastes: bool,
) -> Reply:
    """Start (``watched``) or stop reading pastes in ``channel_id``."""
    chosen = await svc.watched.set(guild_id, channel_id, watched)
    verb = "Now watching" if watched else "No longer watching"
    return Reply.notice(f"{verb} <#{channel_id}>. {describe_watch(chosen, names, pastes=pastes)}")


async def show_watch(svc: Services, guild_id: int, *, names: Sequence[str], pastes: bool) -> Reply:
    return Reply.notice(describe_watch(await svc.watched.get(guild_id), names, pastes=pastes))
