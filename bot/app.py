"""The Discord bot: built by :func:`create_bot`, cogs loaded in ``setup_hook``.

The bot owns no business logic. Members' actions arrive as gateway events, cogs adapt them to the use
cases in :mod:`commands` (through :class:`bot.usecases.UseCases`), and replies are rendered by
:mod:`bot.render`. Nothing here blocks the event loop: the store is async, and the use cases run CPU
work (parsing, charts) in threads.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.config import DiscordSettings, Settings
from bot.usecases import UseCases

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.cogs.errors",
    "bot.cogs.postings",
    "bot.cogs.salary",
    "bot.cogs.compare",
    "bot.cogs.skills",
    "bot.cogs.export",
    "bot.cogs.setup",
    "bot.cogs.digest",
    "bot.cogs.admin",
)


def apply_endpoints(settings: DiscordSettings) -> None:
    """Point discord.py at a REST or gateway proxy (or the test fake) when configured.

    These are process-wide class attributes in discord.py, so they are set here, once, before connecting.
    """
    if settings.api_base:
        discord.http.Route.BASE = settings.api_base.rstrip("/")
    if settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url)


def intents_for(settings: DiscordSettings) -> discord.Intents:
    """Only what JobScout reads: guilds and their messages (content only when the intent is enabled)."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = settings.message_content
    return intents


def command_tree_hash(tree: discord.app_commands.CommandTree[Any]) -> str:
    """A digest of the command schema Discord would be sent: names, options, permissions, descriptions."""
    payload = sorted(
        (cmd.to_dict(tree) for cmd in tree.get_commands()), key=lambda c: (c.get("type", 1), c["name"])
    )
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


class JobScoutBot(commands.Bot):
    def __init__(self, settings: Settings, use_cases: UseCases, **options: Any) -> None:
        discord_settings = settings.discord
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents_for(discord_settings),
            allowed_mentions=discord.AllowedMentions.none(),
            owner_ids=set(discord_settings.owner_ids) or None,
            help_command=None,
            guild_ready_timeout=discord_settings.guild_ready_timeout,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            max_messages=None,
            **options,
        )
        self.settings = settings
        self.use_cases = use_cases

    @property
    def tree_hash_path(self) -> Path:
        return Path(self.settings.data_dir) / f"command-tree-{self.application_id or 'app'}.sha256"

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        await self.sync_commands(only_if_changed=True)

    async def sync_commands(self, *, only_if_changed: bool) -> bool:
        """Send the command tree to Discord; with ``only_if_changed``, only when its schema changed.

        The schema's hash is kept on disk per application, so restarts do not spend the sync rate limit.
        """
        digest = command_tree_hash(self.tree)
        path = self.tree_hash_path
        if only_if_changed:
            try:
                if path.read_text().strip() == digest:
                    log.info("Application commands unchanged; not syncing.")
                    return False
            except OSError:
                pass
        synced = await self.tree.sync()
        log.info("Synced %d application commands.", len(synced))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(digest + "\n")
        except OSError:
            log.warning("Could not record the command tree hash at %s; the next start will sync again.", path)
        return True

    async def on_ready(self) -> None:
        assert self.user is not None
        log.info("Connected as %s (id %s) to %d servers.", self.user, self.user.id, len(self.guilds))

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        # A listener never takes the bot down: log what happened, with which event, and carry on.
        log.exception("Unhandled error in event %s (args=%r)", event_method, [type(a).__name__ for a in args])


class ShardedJobScoutBot(JobScoutBot, commands.AutoShardedBot):
    """The same bot, sharded (``discord.shard_count`` set)."""

    def __init__(self, settings: Settings, use_cases: UseCases, **options: Any) -> None:
        super().__init__(
            settings,
            use_cases,
            shard_count=settings.discord.shard_count,
            shard_ids=settings.discord.shard_ids,
            **options,
        )


def create_bot(settings: Settings, services: Any, *, use_cases: UseCases | None = None) -> JobScoutBot:
    """Build the bot for ``settings`` around ``services`` (store, pay config, clock).

    ``use_cases`` replaces the default binding of the commands to ``services`` (tests inject faults and
    delays through it).
    """
    apply_endpoints(settings.discord)
    bound = use_cases or UseCases(services, charts=settings.discord.charts)
    if settings.discord.shard_count is not None:
        return ShardedJobScoutBot(settings, bound)
    return JobScoutBot(settings, bound)
