"""/help on Discord, the introduction when the bot joins a server (once per server), and the answer to
a mention ("@JobScout help"; owner commands such as ``@JobScout sync`` are left to their cog)."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from commands.core.cog import Host
from commands.help.usecase import help_reply, mention_reply, welcome_reply

log = logging.getLogger(__name__)
MAX_MENTION_CHARS = 300  # longer: a posting or a conversation that names the bot, not a question to it


def first_writable_channel(guild: discord.Guild) -> discord.TextChannel | None:
    """The system channel when the bot may write there, else the first text channel it may write in."""
    me = guild.me
    candidates = [guild.system_channel] if guild.system_channel is not None else []
    candidates += sorted(guild.text_channels, key=lambda c: (c.position, c.id))
    for channel in candidates:
        if channel is not None and channel.permissions_for(me).send_messages:
            return channel
    return None


class HelpCog(commands.Cog):
    def __init__(self, bot: Host) -> None:
        self.bot = bot

    def _how(self) -> dict[str, Any]:
        discord_settings = self.bot.settings.discord
        return {"pastes": discord_settings.message_content, "watch_names": discord_settings.watch_channels}

    @app_commands.command(name="help", description="What JobScout can do, and how")
    async def help(self, interaction: discord.Interaction[Any]) -> None:
        await self.bot.send(interaction, help_reply(**self._how()))

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        try:
            if not await self.bot.services.store.claim_welcome(guild.id):
                return  # introduced before (this process or another, before a restart or a re-invite)
            channel = first_writable_channel(guild)
            if channel is None:
                log.info("Joined guild %s but may write in none of its channels; no welcome.", guild.id)
                return
            await self.bot.post(channel, welcome_reply(**self._how()))
        except Exception:
            log.exception("Could not welcome guild %s", guild.id)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot or message.guild is None:
            return
        if me not in message.mentions or f"<@{me.id}>" not in message.content.replace("<@!", "<@"):
            return  # a reply that pings the bot is not a question to it
        if len(message.content) > MAX_MENTION_CHARS:
            return
        try:
            if (await self.bot.get_context(message)).valid:
                return  # an owner command (@JobScout sync): its cog answers
            await self.bot.reply_to(message, mention_reply(**self._how()))
        except Exception as exc:
            await self.bot.tell_poster(message, exc)
