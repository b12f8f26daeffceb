"""Owner commands, by mention (``@JobScout sync``) so they work without the message-content intent.

Application commands are synced at start only when their schema changed; ``sync`` forces it (after a
manual change on Discord's side, or to repair a failed sync).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)


class AdminCog(commands.Cog):
    def __init__(self, bot: JobScoutBot) -> None:
        self.bot = bot

    @commands.command(name="sync", help="Send the application commands to Discord now")
    @commands.is_owner()
    async def sync(self, ctx: commands.Context[Any]) -> None:
        await self.bot.sync_commands(only_if_changed=False)
        count = len(self.bot.tree.get_commands())
        await ctx.reply(
            f"Synced {count} application commands.",
            allowed_mentions=discord.AllowedMentions.none(),
            mention_author=False,
        )


async def setup(bot: JobScoutBot) -> None:
    await bot.add_cog(AdminCog(bot))
