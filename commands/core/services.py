"""What every command use case is given: the store, the pay figures, a clock, the answer cache and the
servers' channel-watch settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from commands.core.answers import Answers
from commands.core.parse_runner import ParseRunner
from store import PayConfig, Store


def utcnow() -> datetime:
    return datetime.now(UTC)


class WatchedChannels:
    """The channels each server chose with /setup watch (empty: the configured channel names), read
    once per server and kept until this process changes them."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[int, set[int]] = {}

    async def get(self, guild_id: int) -> set[int]:
        if guild_id not in self._known:
            settings = await self.store.get_guild_settings(guild_id)
            self._known[guild_id] = set(settings.watched_channel_ids)
        return set(self._known[guild_id])

    async def set(self, guild_id: int, channel_id: int, watched: bool) -> set[int]:
        settings = await self.store.get_guild_settings(guild_id)
        chosen = set(settings.watched_channel_ids)
        if watched:
            chosen.add(channel_id)
        else:
            chosen.discard(channel_id)
        updated = await self.store.update_guild_settings(guild_id, watched_channel_ids=sorted(chosen))
        self._known[guild_id] = set(updated.watched_channel_ids)
        return set(updated.watched_channel_ids)


@dataclass(frozen=True, slots=True)
class Services:
    store: Store
    pay: PayConfig
    clock: Callable[[], datetime] = field(default=utcnow)
    # Chart images in replies (``discord.charts``); the command line turns them off.
    charts: bool = True
    # /salary and /compare answers, kept until the server's postings change (see Answers).
    answers: Answers = field(default_factory=lambda: Answers())
    # Parses pastes in worker processes under a time budget (the bot); None parses in a thread.
    parser: ParseRunner | None = None
    watched: WatchedChannels = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "watched", WatchedChannels(self.store))
