"""Pastes made while the bot was down, answered when it connects.

Each watched channel's history tells what was handled: the bot replies to every posting it reads (a
card or a reason), so the newest message it replied to marks where it left off. On connecting, the bot
reads each watched channel backwards from that moment to that mark, within a bounded window (a day,
at most a few hundred messages), and reads what it finds there as it reads a live paste, oldest first.
Reading a posting twice is harmless (the store links a repost to the first posting by its text), and a
message is never read twice by one process.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Protocol

import discord

log = logging.getLogger(__name__)

WINDOW = timedelta(hours=24)
MESSAGES_PER_CHANNEL = 300


class PasteReader(Protocol):
    async def is_watched(self, channel: discord.abc.GuildChannel | discord.Thread) -> bool: ...

    async def read_paste(self, message: discord.Message) -> None: ...


class CatchUp:
    def __init__(self, bot: discord.Client, reader: PasteReader, *, now: datetime | None = None) -> None:
        self.bot = bot
        self.reader = reader
        self._now = now
        self.handled: set[int] = set()
        self.stopping = False

    def stop(self) -> None:
        """Finish the message in hand and read no more (the bot is closing)."""
        self.stopping = True

    async def run(self, tell_poster: TellPoster) -> int:
        """Read every watched channel's missed pastes; how many messages were read."""
        me = self.bot.user
        if me is None:
            return 0
        now = self._now or datetime.now(UTC)
        # Messages from now on arrive through the gateway; older ones only in the history.
        until = discord.Object(discord.utils.time_snowflake(now))
        since = discord.utils.time_snowflake(now - WINDOW)
        read = 0
        self.stopping = False
        for guild in self.bot.guilds:
            for channel in guild.text_channels:
                if self.stopping:
                    return read
                try:
                    if not await self.reader.is_watched(channel):
                        continue
                    missed = await self._missed(channel, me.id, since, until)
                except (discord.HTTPException, OSError) as exc:
                    log.warning("Could not read the history of channel %s: %s", channel.id, exc)
                    continue
                for message in missed:
                    if self.stopping:
                        return read
                    self.handled.add(message.id)
                    read += 1
                    try:
                        await self.reader.read_paste(message)
                    except Exception as exc:
                        await tell_poster(message, exc)
        if read:
            log.info("Read %d message(s) posted while the bot was away.", read)
        return read

    async def _missed(
        self, channel: discord.TextChannel, my_id: int, since: int, until: discord.Object
    ) -> list[discord.Message]:
        answered: set[int] = set()
        missed: list[discord.Message] = []
        async for message in channel.history(limit=MESSAGES_PER_CHANNEL, before=until):
            if message.id < since:
                break
            if message.author.id == my_id:
                if message.reference is not None and message.reference.message_id is not None:
                    answered.add(message.reference.message_id)
                continue
            if message.id in answered:
                break  # the newest message the bot handled: it was up then, and saw what came before
            if message.author.bot or message.webhook_id is not None or message.id in self.handled:
                continue
            missed.append(message)
        return missed[::-1]


class TellPoster(Protocol):
    async def __call__(self, message: discord.Message, error: BaseException, /) -> None: ...
