"""/skills on Discord: what saved postings ask for, and what it pays."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, role_choices
from commands.skills import usecase


class SkillsCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="skills", description="The skills saved postings ask for most, and their pay")
    @app_commands.describe(role="Only postings for this role")
    @app_commands.autocomplete(role=role_choices)
    @app_commands.guild_only()
    async def skills(
        self, interaction: discord.Interaction[Any], role: app_commands.Range[str, 1, 100] | None = None
    ) -> None:
        assert interaction.guild_id is not None
        await self.bot.answer(
            interaction, usecase.answer_skills(self.bot.services, interaction.guild_id, role)
        )
