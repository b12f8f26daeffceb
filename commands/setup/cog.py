"""/setup on Discord: which channels JobScout reads pastes from (Manage Server)."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host
from commands.core.reply import Reply
from commands.setup import usecase


class SetupCog(commands.GroupCog, group_name="setup", group_description="Server settings for JobScout"):
    def __init__(self, bot: Host) -> None:
        self.bot = bot
        super().__init__()

    def _watch(
        self, guild_id: int, channel: discord.TextChannel, watched: bool
    ) -> Coroutine[Any, Any, Reply]:
        discord_settings = self.bot.settings.discord
        return usecase.watch(
            self.bot.services,
            guild_id,
            channel.id,
            watched,
            names=discord_settings.watch_channels,
            pastes=discord_settings.message_content,
        )

    @app_commands.command(name="watch", description="Read postings pasted in this channel")
    @app_commands.describe(channel="The channel members paste postings in")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def watch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        await self.bot.answer(interaction, self._watch(interaction.guild_id, channel, True), ephemeral=True)

    @app_commands.command(name="unwatch", description="Stop reading postings in this channel")
    @app_commands.describe(channel="The channel to stop watching")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def unwatch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        await self.bot.answer(interaction, self._watch(interaction.guild_id, channel, False), ephemeral=True)

    @app_commands.command(name="show", description="Which channels JobScout reads postings from")
    @app_commands.guild_only()
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        discord_settings = self.bot.settings.discord
        work = usecase.show_watch(
            self.bot.services,
            interaction.guild_id,
            names=discord_settings.watch_channels,
            pastes=discord_settings.message_content,
        )
        await self.bot.answer(interaction, work, ephemeral=True)
