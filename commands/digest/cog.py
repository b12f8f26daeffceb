"""/digest channel | schedule | preview | off | status on Discord.

Settings changes need Manage Server; the use case refuses others with a short private message (Discord
can only gate a whole command group, and /digest preview is for everyone). Every answer is private.
The timer that posts the digests is the bot's (``bot.digest_scheduler``); a change made here is passed
on to it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, can_manage_server
from commands.core.reply import Reply
from commands.digest import usecase
from commands.digest.schedule import DAY_NAMES, WEEKDAYS, timezone_choices

log = logging.getLogger(__name__)

DAY_CHOICES = [
    app_commands.Choice(name=name, value=day) for day, name in zip(WEEKDAYS, DAY_NAMES, strict=True)
]


def _bot_can_post(channel: discord.TextChannel) -> bool:
    me = channel.guild.me
    if me is None:
        return True  # unknown: do not warn
    perms = channel.permissions_for(me)
    return perms.send_messages and perms.embed_links and perms.attach_files


async def _timezones(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    try:
        names = timezone_choices(current)
    except Exception:
        log.warning("Timezone autocomplete failed", exc_info=True)
        return []
    return [app_commands.Choice(name=n, value=n) for n in names[:25]]


class DigestCog(commands.GroupCog, group_name="digest", group_description="The weekly digest"):
    def __init__(self, bot: Host) -> None:
        self.bot = bot
        super().__init__()

    async def _run(
        self,
        interaction: discord.Interaction[Any],
        action: Callable[..., Awaitable[Reply]],
        *,
        changes: bool,
        **options: Any,
    ) -> None:
        """Run a /digest use case for the caller, privately; after a change, the timer follows."""
        assert interaction.guild_id is not None
        guild_id = interaction.guild_id
        services, policy = self.bot.services, self.bot.digest_policy

        async def work() -> Reply:
            reply = await action(
                services, policy, guild_id, can_manage=can_manage_server(interaction), **options
            )
            if changes and reply.kind != "error":
                await self.bot.digest_changed(guild_id)
            return reply

        await self.bot.answer(interaction, work(), ephemeral=True)

    @app_commands.command(name="channel", description="Post the weekly digest in a channel (Manage Server)")
    @app_commands.describe(channel="Where the digest is posted")
    @app_commands.guild_only()
    async def channel(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await self._run(
            interaction,
            usecase.digest_channel,
            changes=True,
            channel_id=channel.id,
            bot_can_post=_bot_can_post(channel),
        )

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
        day_value = day.value if day else None
        await self._run(
            interaction, usecase.digest_schedule, changes=True, day=day_value, at=time, timezone=timezone
        )

    @app_commands.command(name="preview", description="This week's digest so far, just for you")
    @app_commands.guild_only()
    async def preview(self, interaction: discord.Interaction[Any]) -> None:
        await self._run(interaction, usecase.answer_preview, changes=False)

    @app_commands.command(name="off", description="Stop posting the weekly digest (Manage Server)")
    @app_commands.guild_only()
    async def off(self, interaction: discord.Interaction[Any]) -> None:
        await self._run(interaction, usecase.digest_off, changes=True)

    @app_commands.command(name="status", description="Where and when the weekly digest is posted")
    @app_commands.guild_only()
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        await self._run(interaction, usecase.digest_status, changes=False)
