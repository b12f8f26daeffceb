"""/compare on Discord: two or three saved postings, picked by autocomplete."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.compare import usecase
from commands.core.cog import Host, posting_choices
from commands.core.reply import Reply


class CompareCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="compare", description="Compare saved postings side by side")
    @app_commands.describe(a="First posting", b="Second posting", c="Third posting (optional)")
    @app_commands.autocomplete(a=posting_choices, b=posting_choices, c=posting_choices)
    @app_commands.guild_only()
    async def compare(
        self, interaction: discord.Interaction[Any], a: int, b: int, c: int | None = None
    ) -> None:
        assert interaction.guild_id is not None
        ids = list(dict.fromkeys(i for i in (a, b, c) if i is not None))
        if len(ids) < 2:
            await self.bot.send(interaction, Reply.error("Pick at least two different postings."))
            return
        await self.bot.answer(
            interaction, usecase.answer_compare(self.bot.services, interaction.guild_id, ids)
        )
