"""The Discord side every feature's cog stands on: :class:`Host`, what a cog may ask of the bot, and the
autocomplete every cog shares.

Cogs live with their features and must not import the bot (the bot imports them). So the bot's side
of the bargain is declared here, and ``bot.app.JobScoutBot`` implements it: rendering and sending a
reply within Discord's limits and its 3-second window, the one error path, fetching a link, and telling
the digest timer about a changed schedule.

Discord gives an autocomplete request 3 seconds and no way to defer, so a slow or failing lookup
answers with no choices rather than an error.
"""

from __future__ import annotations

import asyncio
import logging
from abc import abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypedDict, TypeVar, cast

import discord
from discord import app_commands
from discord.ext import commands

from commands.core import choices
from commands.core.reply import Reply
from commands.core.services import Services

log = logging.getLogger(__name__)
T = TypeVar("T")

AUTOCOMPLETE_TIMEOUT = 2.0
MAX_CHOICES = 25
NAME_LIMIT = 100


class Host(commands.Bot):
    """The bot as its cogs see it."""

    services: Services
    settings: Any  # bot.config.Settings
    digest_policy: Any  # commands.digest.schedule.DigestPolicy

    @abstractmethod
    async def answer(
        self, interaction: discord.Interaction[Any], work: Awaitable[Reply], *, ephemeral: bool = False
    ) -> int | None:
        """Run ``work`` and send its reply, deferring first when it takes a while. Returns the id of the
        message the reply became, when Discord says it."""

    @abstractmethod
    async def answer_by_editing(self, interaction: discord.Interaction[Any], work: Awaitable[Reply]) -> None:
        """Like :meth:`answer`, but the reply replaces the message whose button was pressed."""

    @abstractmethod
    async def send(self, interaction: discord.Interaction[Any], reply: Reply) -> None:
        """Send ``reply`` as the response, or as a followup when there already is one."""

    @abstractmethod
    async def report(
        self, interaction: discord.Interaction[Any], error: BaseException, *, context: str = ""
    ) -> None:
        """The one error path for interactions: a short private message, and a log line with context."""

    @abstractmethod
    async def reply_to(self, message: discord.Message, reply: Reply) -> discord.Message:
        """Answer a member's message with ``reply``; the message sent."""

    @abstractmethod
    async def post(self, channel: discord.abc.Messageable, reply: Reply) -> discord.Message:
        """Send ``reply`` as a new message in ``channel``."""

    @abstractmethod
    async def edit_message(self, channel_id: int, message_id: int, reply: Reply) -> bool:
        """Replace a message the bot sent with ``reply`` (its buttons too). False when that failed
        (the message is gone, or the bot may no longer see the channel); the reason is logged."""

    @abstractmethod
    async def tell_poster(self, message: discord.Message, error: BaseException) -> None:
        """The one error path for messages: tell the poster in a short reply, log the rest."""

    @abstractmethod
    async def fetch_text(self, url: str) -> tuple[str, str]:
        """(the text of the page at ``url``, its final address), within the fetch settings."""

    @abstractmethod
    async def digest_changed(self, guild_id: int) -> None:
        """A server's digest settings changed: the timer follows."""


def host(interaction: discord.Interaction[Any]) -> Host:
    return cast(Host, interaction.client)


def can_manage_messages(interaction: discord.Interaction[Any]) -> bool:
    return bool(interaction.permissions.manage_messages)


class Acting(TypedDict):
    user_id: int
    can_manage: bool


def acting_member(interaction: discord.Interaction[Any]) -> Acting:
    """Who acts on a posting, as the posting use cases take it: the member, and whether they moderate
    (Manage Messages), which lets them change postings others added."""
    return {"user_id": interaction.user.id, "can_manage": can_manage_messages(interaction)}


def can_manage_server(interaction: discord.Interaction[Any]) -> bool:
    return bool(interaction.permissions.manage_guild)


def manage_server_only(command: T) -> T:
    """Shown to, and run for, members with Manage Server only; in a server, never in DMs."""
    return app_commands.default_permissions(manage_guild=True)(
        app_commands.checks.has_permissions(manage_guild=True)(app_commands.guild_only()(command))
    )


async def _choices(
    interaction: discord.Interaction[Any],
    what: str,
    fetch: Callable[[Services, int, str], Awaitable[Sequence[T]]],
    current: str,
) -> Sequence[T]:
    """The use case's choices, or none: a slow or failing lookup must never break typing."""
    if interaction.guild_id is None:
        return []
    try:
        found = await asyncio.wait_for(
            fetch(host(interaction).services, interaction.guild_id, current.strip()), AUTOCOMPLETE_TIMEOUT
        )
    except Exception:
        log.warning("%s autocomplete failed (guild=%s)", what, interaction.guild_id, exc_info=True)
        return []
    return found[:MAX_CHOICES]


async def posting_choices(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[int]]:
    found = await _choices(interaction, "Posting", choices.posting_choices, current)
    return [
        app_commands.Choice(name=c.name[:NAME_LIMIT], value=int(c.value)) for c in found if c.value.isdigit()
    ]


async def role_choices(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    found = await _choices(interaction, "Role", choices.role_choices, current)
    return [app_commands.Choice(name=c.name[:NAME_LIMIT], value=c.value[:NAME_LIMIT]) for c in found]
