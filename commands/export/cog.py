"""/export on Discord: this server's postings as a CSV file, for the caller only (Manage Server)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, manage_server_only
from commands.export import usecase


class ExportCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="export", description="Download this server's saved postings as CSV")
    @app_commands.describe(member_ids="Include the Discord ids of the members who added each posting")
    @manage_server_only
    async def export(self, interaction: discord.Interaction[Any], member_ids: bool = False) -> None:
        assert interaction.guild_id is not None
        work = usecase.export(self.bot.services, interaction.guild_id, "csv", member_ids=member_ids)
        await self.bot.answer(interaction, work, ephemeral=True)
