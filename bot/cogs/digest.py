"""/digest channel | schedule | preview | off | status, and the digest timer's life with the bot.

Settings changes need Manage Server; the use case refuses others with a short private message (Discord
can only gate a whole command group, and /digest preview is for everyone). Every answer is private.
The scheduler starts once the bot is ready (so channels are known) and stops with the cog.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.digest_scheduler import DigestScheduler, policy_from
from bot.digest_sender import DiscordDigestSender
from bot.interactions import answer
from bot.sharding import guild_filter
from commands.digest_schedule import DAY_NAMES, WEEKDAYS
from commands.errors import error_reply
from commands.reply import Reply
from commands.services import Services

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)

DAY_CHOICES = [
    app_commands.Choice(name=name, value=day) for day, name in zip(WEEKDAYS, DAY_NAMES, strict=True)
]


def _can_manage(interaction: discord.Interaction[Any]) -> bool:
    return bool(interaction.permissions.manage_guild)


def _bot_can_post(channel: discord.TextChannel) -> bool:
    me = channel.guild.me
    if me is None:
        return True  # unknown: do not warn
    perms = channel.permissions_for(me)
    return perms.send_messages and perms.embed_links and perms.attach_files


async def _timezones(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    bot: JobScoutBot = interaction.client
    try:
        names = await bot.use_cases.timezone_choices(current)
    except Exception:
        log.warning("Timezone autocomplete failed", exc_info=True)
        return []
    return [app_commands.Choice(name=n, value=n) for n in names[:25]]


class DigestCog(commands.GroupCog, group_name="digest", group_description="The weekly digest"):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot
        self.scheduler: DigestScheduler | None = None
        self._starting: asyncio.Task[None] | None = None
        super().__init__()

    # ------------------------------------------------------------------------------- lifecycle

    async def cog_load(self) -> None:
        policy = policy_from(self.bot.settings.digest, charts=self.bot.settings.discord.charts)
        self.bot.use_cases.digest_policy = policy
        services = getattr(self.bot.use_cases, "services", None)
        if not isinstance(services, Services):
            log.warning("No store behind the use cases: the weekly digest will not be scheduled.")
            return
        self.scheduler = DigestScheduler(
            services, policy, DiscordDigestSender(self.bot), owns=guild_filter(self.bot.settings.discord)
        )
        self._starting = asyncio.create_task(self._start())

    async def _start(self) -> None:
        await self.bot.wait_until_ready()
        if self.scheduler is not None:
            try:
                await self.scheduler.start()
            except Exception:
                log.exception("The digest scheduler could not start; digests will not be sent.")

    async def drain(self, timeout: float) -> bool:
        """Before the bot closes: no new digests; one being sent (or caught up) may finish."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if self._starting is not None and not self._starting.done() and self.bot.is_ready():
            await asyncio.wait({self._starting}, timeout=timeout)  # catching up missed digests
        if self.scheduler is None:
            return True
        return await self.scheduler.drain(max(0.0, deadline - loop.time()))

    async def cog_unload(self) -> None:
        if self._starting is not None:
            self._starting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._starting
        if self.scheduler is not None:
            self.scheduler.shutdown()

    async def _changed(self, guild_id: int) -> None:
        if self.scheduler is not None:
            try:
                await self.scheduler.reschedule(guild_id)
            except Exception:  # the periodic refresh will pick it up
                log.exception("Could not reschedule the digest of guild %s", guild_id)

    async def _run(self, work: Awaitable[Reply | None], *, changed: int | None = None) -> Reply:
        try:
            reply = await work
        except Exception as exc:
            known = error_reply(exc)
            if known is None:
                raise
            return known
        if changed is not None and reply is not None and reply.kind != "error":
            await self._changed(changed)
        return reply or Reply.notice("The weekly digest is not available.")

    # -------------------------------------------------------------------------------- commands

    @app_commands.command(name="channel", description="Post the weekly digest in a channel (Manage Server)")
    @app_commands.describe(channel="Where the digest is posted")
    @app_commands.guild_only()
    async def channel(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        work = self.bot.use_cases.digest_channel(
            guild_id, channel.id, can_manage=_can_manage(interaction), bot_can_post=_bot_can_post(channel)
        )
        await answer(interaction, self._run(work, changed=guild_id), ephemeral=True)

    @app_commands.command(name="schedule", description="When the weekly digest is posted (Manage Server)")
    @app_commands.describe(
        day="Day of the week (default Monday)",
        time="Local time, e.g. 09:00 or 5:30pm (default 09:00)",
        timezone="IANA timezone, e.g. Europe/Berlin (default: the server's, else UTC)",
    )
    @app_commands.choices(day=DAY_CHOICES)
    @app_commands.autocomplete(timezone=_timezones)
    @app_commands.guild_only()
    async def schedule(
        self,
        interaction: discord.Interaction[Any],
        day: app_commands.Choice[str] | None = None,
        time: app_commands.Range[str, 1, 20] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        work = self.bot.use_cases.digest_schedule(
            guild_id,
            can_manage=_can_manage(interaction),
            day=day.value if day else None,
            time=time,
            timezone=timezone,
        )
        await answer(interaction, self._run(work, changed=guild_id), ephemeral=True)

    @app_commands.command(name="preview", description="This week's digest so far, just for you")
    @app_commands.guild_only()
    async def preview(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        work = self.bot.use_cases.digest_preview(interaction.guild_id, can_manage=_can_manage(interaction))
        await answer(interaction, self._run(work), ephemeral=True)

    @app_commands.command(name="off", description="Stop posting the weekly digest (Manage Server)")
    @app_commands.guild_only()
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        work = self.bot.use_cases.digest_off(guild_id, can_manage=_can_manage(interaction))
        await answer(interaction, self._run(work, changed=guild_id), ephemeral=True)

    @app_commands.command(name="status", description="Where and when the weekly digest is posted")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        work = self.bot.use_cases.digest_status(interaction.guild_id, can_manage=_can_manage(interaction))
        await answer(interaction, self._run(work), ephemeral=True)


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(DigestCog(bot))
