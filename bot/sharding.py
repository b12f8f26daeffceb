"""Which guilds a process serves when the bot runs as several sharded processes.

Discord assigns guild ``g`` to shard ``(g >> 22) % shard_count``. A process started with
``discord.shard_ids`` receives gateway events only for those shards' guilds; the same rule decides
which guilds' weekly digests it schedules, so every guild has exactly one process looking after it
(and the ``digest_runs`` claim still guarantees one digest a week if two ever overlap, as during a
rolling restart).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.config import DiscordSettings

GuildFilter = Callable[[int], bool]


def shard_of(guild_id: int, shard_count: int) -> int:
    return (guild_id >> 22) % shard_count


def own_shards(settings: DiscordSettings) -> frozenset[int] | None:
    """The shard ids this process runs; None when it is not sharded (it serves every guild)."""
    if settings.shard_count is None:
        return None
    if settings.shard_ids is None:
        return frozenset(range(settings.shard_count))
    return frozenset(settings.shard_ids)


def guild_filter(settings: DiscordSettings) -> GuildFilter | None:
    """A predicate for "this process serves guild g", or None when it serves every guild."""
    count = settings.shard_count
    shards = own_shards(settings)
    if count is None or shards is None or len(shards) == count:
        return None

    def owns(guild_id: int) -> bool:
        return shard_of(guild_id, count) in shards

    return owns


def syncs_commands(settings: DiscordSettings) -> bool:
    """Application commands are global: only the process running shard 0 (or an unsharded one) syncs
    them, so N processes starting together do not spend the sync rate limit N times."""
    shards = own_shards(settings)
    return shards is None or 0 in shards


def describe(settings: DiscordSettings) -> str:
    shards = own_shards(settings)
    if shards is None:
        return "unsharded"
    return f"shards {sorted(shards)} of {settings.shard_count}"
