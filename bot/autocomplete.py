"""Autocomplete for options that pick a saved posting or a role.

Discord gives an autocomplete request 3 seconds and no way to defer, so a slow or failing lookup
answers with no choices rather than an error.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)

TIMEOUT = 2.0
MAX_CHOICES = 25
NAME_LIMIT = 100


async def postings(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[int]]:
    bot: JobScoutBot = interaction.client
    if interaction.guild_id is None:
        return []
    try:
        found = await asyncio.wait_for(
            bot.use_cases.posting_choices(interaction.guild_id, current.strip()), TIMEOUT
        )
    except Exception:
        log.warning("Posting autocomplete failed (guild=%s)", interaction.guild_id, exc_info=True)
        return []
    return [app_commands.Choice(name=name[:NAME_LIMIT], value=pid) for name, pid in found[:MAX_CHOICES]]


async def roles(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    bot: JobScoutBot = interaction.client
    if interaction.guild_id is None:
        return []
    try:
        found = await asyncio.wait_for(
            bot.use_cases.role_choices(interaction.guild_id, current.strip()), TIMEOUT
        )
    except Exception:
        log.warning("Role autocomplete failed (guild=%s)", interaction.guild_id, exc_info=True)
        return []
    return [
        app_commands.Choice(name=name[:NAME_LIMIT], value=value[:NAME_LIMIT])
        for name, value in found[:MAX_CHOICES]
    ]
