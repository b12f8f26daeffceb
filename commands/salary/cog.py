"""/salary on Discord: options, autocomplete, then the use case (the numbers and the wording are its)."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host, role_choices
from commands.salary import usecase
from parsing.models import SENIORITY_ORDER, Period

SENIORITY_CHOICES = [app_commands.Choice(name=level, value=level) for level in SENIORITY_ORDER]
PERIODS: dict[str, Period] = {"year": "year", "month": "month", "day": "day", "hour": "hour"}
PERIOD_CHOICES = [app_commands.Choice(name=f"per {name}", value=name) for name in PERIODS]


class SalaryCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="salary", description="Pay percentiles for a role across saved postings")
    @app_commands.describe(
        role="The role, e.g. ml engineer",
        location="Only postings in this place (city, country or 'remote')",
        seniority="Only postings at this level",
        currency="Convert every posting to this currency at the configured rates (e.g. EUR)",
        paid_in="Only postings that state their pay in this currency (e.g. GBP)",
        period="Every figure per this period (day and hour rates annualised); otherwise each in its own",
    )
    @app_commands.choices(seniority=SENIORITY_CHOICES, period=PERIOD_CHOICES)
    @app_commands.autocomplete(role=role_choices)
    @app_commands.guild_only()
    async def salary(
        self,
        interaction: discord.Interaction[Any],
        role: app_commands.Range[str, 1, 100],
        location: app_commands.Range[str, 1, 100] | None = None,
        seniority: app_commands.Choice[str] | None = None,
        currency: app_commands.Range[str, 3, 3] | None = None,
        paid_in: app_commands.Range[str, 3, 3] | None = None,
        period: app_commands.Choice[str] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        query = usecase.SalaryQuery(
            role,
            location=location,
            seniority=seniority.value if seniority else None,
            currency=currency,
            paid_in=paid_in,
            period=PERIODS[period.value] if period else None,
        )
        work = usecase.salary(self.bot.services, interaction.guild_id, query)
        await self.bot.answer(interaction, work)
