"""/setup on Discord: which channels JobScout reads pastes from (Manage Server)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, manage_server_only
from commands.setup import usecase


class SetupCog(commands.GroupCog, group_name="setup", group_description="Server settings for JobScout"):
    def __init__(self, bot: Host) -> None:
        self.bot = bot
        super().__init__()

    async def _watch(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel, watched: bool
    ) -> None:
        assert interaction.guild_id is not None
        discord_settings = self.bot.settings.discord
        work = usecase.watch(
            self.bot.services,
            interaction.guild_id,
            channel.id,
            watched,
            names=discord_settings.watch_channels,
            pastes=discord_settings.message_content,
        )
        await self.bot.answer(interaction, work, ephemeral=True)

    @app_commands.command(name="watch", description="Read postings pasted in this channel")
    @app_commands.describe(channel="The channel members paste postings in")
    @manage_server_only
    async def watch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await self._watch(interaction, channel, True)

    @app_commands.command(name="unwatch", description="Stop reading postings in this channel")
    @app_commands.describe(channel="The channel to stop watching")
    @manage_server_only
    async def unwatch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await self._watch(interaction, channel, False)

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
