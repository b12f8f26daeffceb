"""/setup: which channels JobScout reads pastes from (Manage Server).

Until a server picks channels, the configured names (``discord.watch_channels``) are watched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.interactions import answer
from commands.reply import Reply

if TYPE_CHECKING:
    from bot.app import JobScoutBot


class SetupCog(commands.GroupCog, group_name="setup", group_description="Server settings for JobScout"):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot
        super().__init__()

    def _forget(self, guild_id: int) -> None:
        postings = self.bot.get_cog("PostingsCog")
        forget = getattr(postings, "forget_watch_cache", None)
        if forget is not None:
            forget(guild_id)

    async def _describe(self, guild: discord.Guild, chosen: set[int]) -> str:
        if chosen:
            return "Watching " + ", ".join(f"<#{cid}>" for cid in sorted(chosen)) + " for postings."
        names = ", ".join(f"#{name}" for name in self.bot.settings.discord.watch_channels) or "none"
        mode = "" if self.bot.settings.discord.message_content else " (pastes are off: /add only)"
        return f"No channels chosen: watching channels named {names}{mode}."

    async def _set(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel, watched: bool
    ) -> Reply:
        assert interaction.guild is not None
        chosen = await self.bot.use_cases.set_watched(interaction.guild.id, channel.id, watched)
        self._forget(interaction.guild.id)
        verb = "Now watching" if watched else "No longer watching"
        return Reply.notice(f"{verb} {channel.mention}. {await self._describe(interaction.guild, chosen)}")

    @app_commands.command(name="watch", description="Read postings pasted in this channel")
    @app_commands.describe(channel="The channel members paste postings in")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def watch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await answer(interaction, self._set(interaction, channel, True), ephemeral=True)

    @app_commands.command(name="unwatch", description="Stop reading postings in this channel")
    @app_commands.describe(channel="The channel to stop watching")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def unwatch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await answer(interaction, self._set(interaction, channel, False), ephemeral=True)

    @app_commands.command(name="show", description="Which channels JobScout reads postings from")
    @app_commands.guild_only()
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild is not None
        guild = interaction.guild

        async def work() -> Reply:
            return Reply.notice(
                await self._describe(guild, await self.bot.use_cases.watched_channels(guild.id))
            )

        await answer(interaction, work(), ephemeral=True)


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(SetupCog(bot))
