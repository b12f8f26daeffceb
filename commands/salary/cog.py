"""/salary on Discord: options, autocomplete, then the use case (the numbers and the wording are its)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, role_choices
from commands.salary import usecase
from parsing.models import SENIORITY_ORDER

SENIORITY_CHOICES = [app_commands.Choice(name=level, value=level) for level in SENIORITY_ORDER]


class SalaryCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="salary", description="Pay percentiles for a role across saved postings")
    @app_commands.describe(
        role="The role, e.g. ml engineer",
        location="Only postings in this place (city, country or 'remote')",
        seniority="Only postings at this level",
        currency="Convert everything to this currency (e.g. EUR); otherwise each currency is shown apart",
    )
    @app_commands.choices(seniority=SENIORITY_CHOICES)
    @app_commands.autocomplete(role=role_choices)
    @app_commands.guild_only()
    async def salary(
        self,
        interaction: discord.Interaction[Any],
        role: app_commands.Range[str, 1, 100],
        location: app_commands.Range[str, 1, 100] | None = None,
        seniority: app_commands.Choice[str] | None = None,
        currency: app_commands.Range[str, 3, 3] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        query = usecase.SalaryQuery(
            role,
            location=location,
            seniority=seniority.value if seniority else None,
            currency=currency.upper() if currency else None,
        )
        work = usecase.salary(self.bot.services, interaction.guild_id, query)
        await self.bot.answer(interaction, work)
