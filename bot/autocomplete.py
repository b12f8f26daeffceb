"""Autocomplete for options that pick a saved posting or a role.

Discord gives an autocomplete request 3 seconds and no way to defer, so a slow or failing lookup
answers with no choices rather than an error.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

if TYPE_CHECKING:
    from bot.app import JobScoutBot

log = logging.getLogger(__name__)
T = TypeVar("T")

TIMEOUT = 2.0
MAX_CHOICES = 25
NAME_LIMIT = 100


async def _choices(
    interaction: discord.Interaction[Any],
    what: str,
    fetch: Callable[[int, str], Awaitable[Sequence[tuple[str, T]]]],
    current: str,
) -> Sequence[tuple[str, T]]:
    """The use case's choices, or none: a slow or failing lookup must never break typing."""
    if interaction.guild_id is None:
        return []
    try:
        found = await asyncio.wait_for(fetch(interaction.guild_id, current.strip()), TIMEOUT)
    except Exception:
        log.warning("%s autocomplete failed (guild=%s)", what, interaction.guild_id, exc_info=True)
        return []
    return found[:MAX_CHOICES]


async def postings(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[int]]:
    bot: JobScoutBot = interaction.client
    found = await _choices(interaction, "Posting", bot.use_cases.posting_choices, current)
    return [app_commands.Choice(name=name[:NAME_LIMIT], value=pid) for name, pid in found]


async def roles(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    bot: JobScoutBot = interaction.client
    found = await _choices(interaction, "Role", bot.use_cases.role_choices, current)
    return [app_commands.Choice(name=name[:NAME_LIMIT], value=value[:NAME_LIMIT]) for name, value in found]
