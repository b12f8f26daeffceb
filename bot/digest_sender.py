"""Posting a digest in a guild's channel through discord.py, with failures turned into short reasons."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import discord

from bot.render import to_discord
from commands.core.reply import Reply
from commands.digest.message import digest_marker
from commands.digest.runs import SendFailed

log = logging.getLogger(__name__)

SEND_TIMEOUT = 60.0
HISTORY_LOOKBACK = 25
GONE = "the digest channel no longer exists; pick another with /digest channel"
# Discord allows a bot 50 requests a second in all; digests take at most this many, leaving the rest
# to interactions (a digest is one request, two when its channel is not cached).
DIGEST_REQUESTS_PER_SECOND = 20.0


class Pacer:
    """Spaces calls at least ``1 / rate`` seconds apart, in the order they ask (a queue of one slot
    per interval, not a burst allowance). ``clock`` and ``sleep`` are injectable for tests."""

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.interval = 1.0 / rate
        self.clock = clock
        self.sleep = sleep
        self._next = 0.0  # the earliest moment the next call may go

    async def wait(self) -> None:
        now = self.clock()
        slot = max(now, self._next)
        self._next = slot + self.interval  # taken before sleeping, so concurrent callers queue up
        if slot > now:
            await self.sleep(slot - now)


class DiscordDigestSender:
    def __init__(
        self, client: discord.Client, *, timeout: float = SEND_TIMEOUT, pacer: Pacer | None = None
    ) -> None:
        self.client = client
        self.timeout = timeout
        self.pacer = pacer or Pacer(DIGEST_REQUESTS_PER_SECOND)

    async def _channel(self, guild_id: int, channel_id: int) -> discord.TextChannel | discord.Thread:
        channel = self.client.get_channel(channel_id)
        if channel is None:
            try:
                await self.pacer.wait()
                channel = await self.client.fetch_channel(channel_id)
            except discord.NotFound:
                raise SendFailed(GONE) from None
            except discord.Forbidden:
                raise SendFailed(f"I can no longer see <#{channel_id}>; check my permissions there") from None
            except discord.HTTPException as exc:
                raise SendFailed(f"Discord error {exc.status} while looking up the channel") from None
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise SendFailed(f"<#{channel_id}> is not a text channel; pick another with /digest channel")
        if channel.guild.id != guild_id:  # never post one server's digest in another server
            raise SendFailed("the digest channel belongs to another server; pick one with /digest channel")
        return channel

    async def send(self, guild_id: int, channel_id: int, reply: Reply) -> None:
        channel = await self._channel(guild_id, channel_id)
        kwargs = to_discord(reply).channel_kwargs()
        kwargs.pop("view", None)  # a digest is one embed; no pager or buttons to keep alive
        await self.pacer.wait()
        try:
            await asyncio.wait_for(channel.send(**kwargs), self.timeout)
        except discord.Forbidden:
            raise SendFailed(
                f"I may not post in <#{channel_id}> (I need Send Messages, Embed Links and Attach Files)"
            ) from None
        except discord.NotFound:
            raise SendFailed(GONE) from None
        except discord.HTTPException as exc:
            raise SendFailed(f"Discord refused the digest (HTTP {exc.status}: {exc.text[:100]})") from None
        except TimeoutError:
            raise SendFailed("Discord did not answer in time") from None

    async def already_posted(self, guild_id: int, channel_id: int, period: str) -> bool:
        me = self.client.user
        if me is None:
            return False
        marker = digest_marker(period)
        try:
            channel = await self._channel(guild_id, channel_id)
            await self.pacer.wait()
            async for message in channel.history(limit=HISTORY_LOOKBACK):
                if message.author.id == me.id and any(
                    marker in (embed.footer.text or "") for embed in message.embeds
                ):
                    return True
        except (SendFailed, discord.HTTPException):
            log.debug("Could not read the history of channel %s", channel_id, exc_info=True)
        return False
