"""/salary: pay percentiles for a role (the numbers and the wording come from the use case)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot import autocomplete
from bot.interactions import answer

if TYPE_CHECKING:
    from bot.app import JobScoutBot

SeniorityOption = Literal[
    "intern", "entry", "mid", "senior", "lead", "staff", "principal", "manager", "director", "executive"
]


class SalaryCog(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot

    @app_commands.command(name="salary", description="Pay percentiles for a role across saved postings")
    @app_commands.describe(
        role="The role, e.g. ml engineer",
        location="Only postings in this place (city, country or 'remote')",
        seniority="Only postings at this level",
        currency="Convert everything to this currency (e.g. EUR); otherwise each currency is shown apart",
    )
    @app_commands.autocomplete(role=autocomplete.roles)
    @app_commands.guild_only()
    async def salary(
        self,
        interaction: discord.Interaction[Any],
        role: app_commands.Range[str, 1, 100],
        location: app_commands.Range[str, 1, 100] | None = None,
        seniority: SeniorityOption | None = None,
        currency: app_commands.Range[str, 3, 3] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        work = self.bot.use_cases.salary(
            interaction.guild_id,
            role,
            location=location,
            seniority=seniority,
            currency=currency.upper() if currency else None,
        )
        await answer(interaction, work)


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(SalaryCog(bot))
