"""/export: this server's postings as a CSV file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.interactions import answer

if TYPE_CHECKING:
    from bot.app import JobScoutBot


class ExportCog(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot

    @app_commands.command(name="export", description="Download this server's saved postings as CSV")
    @app_commands.guild_only()
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        await answer(interaction, self.bot.use_cases.export(interaction.guild_id), ephemeral=True)


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(ExportCog(bot))
