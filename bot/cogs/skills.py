"""/skills: what saved postings ask for, and what it pays."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import autocomplete
from bot.interactions import answer

if TYPE_CHECKING:
    from bot.app import JobScoutBot


class SkillsCog(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot

    @app_commands.command(name="skills", description="The skills saved postings ask for most, and their pay")
    @app_commands.describe(role="Only postings for this role")
    @app_commands.autocomplete(role=autocomplete.roles)
    @app_commands.guild_only()
    async def skills(
        self, interaction: discord.Interaction[Any], role: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        assert interaction.guild_id is not None
        await answer(interaction, self.bot.use_cases.skills(interaction.guild_id, role))


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(SkillsCog(bot))
