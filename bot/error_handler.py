"""The one error handler: known errors become a short private message, the rest are logged with context."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import describe
from bot.interactions import report

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)


class ErrorHandler(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        await report(interaction, error)

    @commands.Cog.listener()
    async def on_command_error(self, ctx: commands.Context[Any], error: commands.CommandError) -> None:
        if isinstance(error, commands.CommandNotFound):
            return
        described = describe(error)
        if described.expected:
            log.info("Refused prefix command %s from %s: %s", ctx.command, ctx.author.id, described.message)
        else:
            log.error(
                "Error in prefix command %s (guild=%s)",
                ctx.command,
                ctx.guild and ctx.guild.id,
                exc_info=error,
            )
        try:
            await ctx.reply(
                described.message, allowed_mentions=discord.AllowedMentions.none(), mention_author=False
            )
        except discord.HTTPException:
            log.warning("Could not report a prefix command error", exc_info=True)


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
