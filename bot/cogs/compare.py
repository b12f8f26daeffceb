"""/compare: two or three saved postings side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot import autocomplete
from bot.interactions import answer, send
from commands.reply import Reply

if TYPE_CHECKING:
    from bot.app import JobScoutBot


class CompareCog(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot

    @app_commands.command(name="compare", description="Compare saved postings side by side")
    @app_commands.describe(a="First posting", b="Second posting", c="Third posting (optional)")
    @app_commands.autocomplete(a=autocomplete.postings, b=autocomplete.postings, c=autocomplete.postings)
    @app_commands.guild_only()
    async def compare(
        self, interaction: discord.Interaction[Any], a: int, b: int, c: int | None = None
    ) -> None:
        assert interaction.guild_id is not None
        ids = list(dict.fromkeys(i for i in (a, b, c) if i is not None))
        if len(ids) < 2:
            await send(interaction, Reply.error("Pick at least two different postings."))
            return
        await answer(interaction, self.bot.use_cases.compare(interaction.guild_id, ids))


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(CompareCog(bot))
