"""/help on Discord."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host
from commands.help.usecase import help_reply


class HelpCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What JobScout can do")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await self.bot.send(interaction, help_reply())
