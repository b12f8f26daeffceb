"""The Discord bot: built by :func:`create_bot`, cogs loaded in ``setup_hook``.

The bot owns no business logic. Members' actions arrive as gateway events; each feature's cog (in
:mod:`commands`, loaded as an extension) adapts them to its use cases, which it calls with the bot's
:class:`~commands.core.services.Services`; replies are fitted and rendered by :mod:`bot.render` and
sent within Discord's 3-second window by :mod:`bot.interactions`. The bot is the cogs'
:class:`~commands.core.cog.Host`. Nothing here blocks the event loop: the store is async, and the use
cases run CPU work (parsing, charts) in threads.

The digest timer (:mod:`bot.digest_scheduler`) is the bot's: built in ``setup_hook``, started once the
gateway is ready, told by the /digest cog when a server changes its schedule.

Its life: a heartbeat file while the gateway is connected (:mod:`bot.health`), and a graceful
:meth:`JobScoutBot.shutdown` (what SIGTERM runs): new work is turned away, work already started gets
``shutdown.drain_seconds`` to finish, then the digest timer, the gateway and the HTTP session close.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import time
from collections.abc import Awaitable, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import discord
import yarl
from discord.ext import commands

from bot import interactions, sharding
from bot.catchup import CatchUp, PasteReader
from bot.config import DiscordSettings, Settings
from bot.digest_scheduler import DigestScheduler
from bot.digest_sender import DiscordDigestSender
from bot.errors import describe
from bot.fetch import fetch_page
from bot.health import Beat, Heartbeat
from bot.render import to_discord
from bot.runtime import policy_from
from commands.core.cog import Host
from commands.core.reply import Reply
from commands.core.services import Services

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.error_handler",
    "commands.postings",
    "commands.salary",
    "commands.compare",
    "commands.skills",
    "commands.export",
    "commands.setup",
    "commands.digest",
    "commands.help",
    "bot.admin",
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


# Names discord.py gives the tasks that run members' actions: event listeners (pastes), slash commands,
# buttons and modals. Shutdown waits for these.
WORK_TASK_PREFIXES = (
    "discord.py: on_",
    "CommandTree-invoker",
    "discord-ui-view-dispatch-",
    "discord-ui-dynamic-item-",
    "discord-ui-modal-dispatch-",
)
# Events not started once the bot is shutting down (the gateway still delivers them for a moment).
REFUSED_WHILE_DRAINING = frozenset({"message"})
RESTARTING = "JobScout is restarting. Try again in a minute."


class JobScoutTree(discord.app_commands.CommandTree[Any]):
    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if not getattr(interaction.client, "draining", False):
            return True
        # Shutting down: a command would be cut off halfway, so say so instead of starting it.
        if interaction.type is discord.InteractionType.application_command:
            try:
                await interaction.response.send_message(RESTARTING, ephemeral=True)
            except discord.HTTPException:
                log.debug("Could not tell interaction %s that the bot is restarting", interaction.id)
        return False


# What a command's schema is made of; Discord adds ids, versions and defaults around it.
_SCHEMA_KEYS = frozenset(
    "name description type options required choices value autocomplete channel_types min_value max_value "
    "min_length max_length default_member_permissions nsfw contexts integration_types name_localizations "
    "description_localizations".split()
)


def _schema(value: Any) -> Any:
    """A command as sent or as Discord returns it, reduced to its schema: absent, empty and false
    values dropped (Discord leaves defaults out of what it returns, and gives a context-menu command
    an empty description)."""
    if isinstance(value, dict):
        kept = {k: _schema(v) for k, v in value.items() if k in _SCHEMA_KEYS}
        return {k: v for k, v in kept.items() if v not in (None, False, "", [], {})}
    if isinstance(value, list):
        return [_schema(v) for v in value]
    return value


def schema_hash(commands: Sequence[Mapping[str, Any]]) -> str:
    """A digest of a command schema: names, options, permissions, descriptions, in a stable order."""
    payload = sorted((_schema(dict(c)) for c in commands), key=lambda c: (c.get("type", 1), c["name"]))
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def command_tree_hash(tree: discord.app_commands.CommandTree[Any]) -> str:
    """A digest of the command schema Discord would be sent."""
    return schema_hash([cmd.to_dict(tree) for cmd in tree.get_commands()])


CATCH_UP_STOP_S = 1.0  # how long closing waits for the catch-up to finish the message in hand


class JobScoutBot(Host):
    def __init__(self, settings: Settings, services: Services, **options: Any) -> None:
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
            tree_cls=JobScoutTree,
            **options,
        )
        self.settings = settings
        self.services = services
        self.digest_policy = policy_from(settings.digest, charts=discord_settings.charts)
        self.digest_scheduler: DigestScheduler | None = None
        self.digest_starting: asyncio.Task[None] | None = None
        self.draining = False
        self.refused_while_draining = 0
        self.heartbeat = Heartbeat(settings.heartbeat_path, settings.health.interval_seconds, self.beat)
        self.catching_up: asyncio.Task[int] | None = None
        self._catch_up: CatchUp | None = None

    @property
    def tree_hash_path(self) -> Path:
        return Path(self.settings.data_dir) / f"command-tree-{self.application_id or 'app'}.sha256"

    async def setup_hook(self) -> None:
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        self._build_digest_timer()
        if sharding.syncs_commands(self.settings.discord):
            await self.sync_commands(only_if_changed=True)
        else:
            log.info("Application commands are synced by the process running shard 0; not syncing here.")
        self.heartbeat.start()

    # ----------------------------------------------------------------------- the cogs' Host

    async def answer(
        self, interaction: discord.Interaction[Any], work: Awaitable[Reply], *, ephemeral: bool = False
    ) -> int | None:
        return await interactions.answer(interaction, work, ephemeral=ephemeral)

    async def answer_by_editing(self, interaction: discord.Interaction[Any], work: Awaitable[Reply]) -> None:
        await interactions.answer_by_editing(interaction, work)

    async def send(self, interaction: discord.Interaction[Any], reply: Reply) -> None:
        await interactions.send(interaction, reply)

    async def report(
        self, interaction: discord.Interaction[Any], error: BaseException, *, context: str = ""
    ) -> None:
        await interactions.report(interaction, error, context=context)

    async def reply_to(self, message: discord.Message, reply: Reply) -> discord.Message:
        return await message.reply(**to_discord(reply).channel_kwargs(), mention_author=False)

    async def post(self, channel: discord.abc.Messageable, reply: Reply) -> discord.Message:
        return await channel.send(**to_discord(reply).channel_kwargs())

    async def edit_message(self, channel_id: int, message_id: int, reply: Reply) -> bool:
        rendered = to_discord(reply)
        target = self.get_partial_messageable(channel_id).get_partial_message(message_id)
        try:
            await target.edit(embed=rendered.pages[0], view=rendered.view(), attachments=[])
        except discord.HTTPException as exc:
            log.info("Could not edit message %s in channel %s: %s", message_id, channel_id, exc)
            return False
        return True

    async def tell_poster(self, message: discord.Message, error: BaseException) -> None:
        described = describe(error)
        where = (
            f"message {message.id} (guild={message.guild and message.guild.id}, channel={message.channel.id})"
        )
        if described.expected:
            log.info("Could not take the posting in %s: %s", where, described.message)
        else:
            log.error("Error reading the posting in %s", where, exc_info=error)
        try:
            await self.reply_to(message, Reply.error(described.message))
        except discord.HTTPException:
            log.warning("Could not tell the poster about a failure in %s", where, exc_info=True)

    async def fetch_text(self, url: str) -> tuple[str, str]:
        page = await fetch_page(url, self.settings.fetch)
        return page.text, page.url

    async def digest_changed(self, guild_id: int) -> None:
        if self.digest_scheduler is not None:
            try:
                await self.digest_scheduler.reschedule(guild_id)
            except Exception:  # the periodic refresh will pick it up
                log.exception("Could not reschedule the digest of guild %s", guild_id)

    # ---------------------------------------------------------------------------- the digest timer

    def _build_digest_timer(self) -> None:
        if not isinstance(self.services, Services):
            log.warning("No store behind the bot: the weekly digest will not be scheduled.")
            return
        self.digest_scheduler = DigestScheduler(
            self.services,
            self.digest_policy,
            DiscordDigestSender(self),
            owns=sharding.guild_filter(self.settings.discord),
        )
        self.digest_starting = asyncio.create_task(self._start_digest_timer())

    async def _start_digest_timer(self) -> None:
        await self.wait_until_ready()
        if self.digest_scheduler is not None:
            try:
                await self.digest_scheduler.start()
            except Exception:
                log.exception("The digest scheduler could not start; digests will not be sent.")

    async def _drain_digests(self, timeout: float) -> bool:
        """Before the bot closes: no new digests; one being sent (or caught up) may finish."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        starting = self.digest_starting
        if starting is not None and not starting.done() and self.is_ready():
            await asyncio.wait({starting}, timeout=timeout)  # catching up missed digests
        if self.digest_scheduler is None:
            return True
        return await self.digest_scheduler.drain(max(0.0, deadline - loop.time()))

    async def _stop_digest_timer(self) -> None:
        if self.digest_starting is not None:
            self.digest_starting.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.digest_starting
        if self.digest_scheduler is not None:
            self.digest_scheduler.shutdown()

    # ------------------------------------------------------------------------------------ commands

    async def _discord_tree_hash(self) -> str | None:
        """The schema of the commands Discord has now (one GET), or None when it cannot be read."""
        if self.application_id is None:
            return None
        try:
            return schema_hash(await self.http.get_global_commands(self.application_id))
        except (discord.HTTPException, OSError, TimeoutError, KeyError, TypeError):
            log.warning("Could not read the application commands from Discord.", exc_info=True)
            return None

    async def sync_commands(self, *, only_if_changed: bool) -> bool:
        """Send the command tree to Discord; with ``only_if_changed``, only when Discord's differs.

        Discord's commands are read first (one GET, outside the sync rate limit), so neither a fresh
        data folder nor another deployment that synced an older tree leaves stale commands; the hash
        kept on disk is used only when Discord cannot be asked.
        """
        digest = command_tree_hash(self.tree)
        path = self.tree_hash_path
        if only_if_changed:
            remote = await self._discord_tree_hash()
            if remote is None:
                try:
                    remote = path.read_text().strip()
                except OSError:
                    remote = None
            if remote == digest:
                log.info("Application commands unchanged; not syncing.")
                return False
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
        log.info(
            "Connected as %s (id %s) to %d servers (%s).",
            self.user, self.user.id, len(self.guilds), sharding.describe(self.settings.discord),
        )  # fmt: skip
        self._start_catch_up()

    def _start_catch_up(self) -> None:
        """On every new gateway session (start, or a reconnect that could not resume, after which
        Discord replays nothing): read the pastes the watched channels got meanwhile."""
        reader = self.get_cog("PostingsCog")
        if not self.settings.discord.message_content or reader is None:
            return
        if self.catching_up is not None and not self.catching_up.done():
            return
        if self._catch_up is None:
            self._catch_up = CatchUp(self, cast(PasteReader, reader))
        self.catching_up = asyncio.create_task(self._catch_up.run(self.tell_poster))

    # --------------------------------------------------------------------------------- liveness

    def connected_shards(self) -> list[int] | None:
        """The shard ids whose gateway connection is open, or None when any of this process's is not."""
        ws = self.ws
        if not self.is_ready() or self.is_closed() or ws is None or not ws.open:
            return None
        return [0] if self.shard_id is None else [self.shard_id]

    def beat(self) -> Beat | None:
        """This moment's heartbeat, or None (no heartbeat) while the gateway is not connected."""
        shards = self.connected_shards()
        if shards is None:
            return None
        latency = self.latency
        return Beat(
            pid=os.getpid(),
            at=time.time(),
            shards=shards,
            shard_count=self.shard_count,
            guilds=len(self.guilds),
            latency_ms=None if latency != latency else round(latency * 1000, 1),  # NaN before the first ack
        )

    # --------------------------------------------------------------------------------- shutdown

    def dispatch(self, event_name: str, /, *args: Any, **kwargs: Any) -> None:
        if self.draining and event_name in REFUSED_WHILE_DRAINING:
            self.refused_while_draining += 1
            return
        super().dispatch(event_name, *args, **kwargs)

    def open_work(self) -> set[asyncio.Task[Any]]:
        """Tasks running members' actions right now (not counting the caller)."""
        current = asyncio.current_task()
        return {
            task
            for task in asyncio.all_tasks()
            if task is not current and not task.done() and task.get_name().startswith(WORK_TASK_PREFIXES)
        }

    async def shutdown(self, drain_seconds: float) -> bool:
        """Stop gracefully: refuse new work, let open work finish (up to ``drain_seconds``), close.

        Returns True when nothing was cut off. Work still running at the deadline is cancelled when the
        process ends; every write is one transaction, so it is either saved (and answered) or not at all,
        and a digest cut short keeps its claim for the next run to take over.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + drain_seconds
        self.draining = True
        await self.heartbeat.stop()
        clean = await self._drain_digests(drain_seconds)
        while (work := self.open_work()) and (left := deadline - loop.time()) > 0:
            log.info("Shutting down: waiting up to %.1f s for %d open task(s).", left, len(work))
            await asyncio.wait(work, timeout=left)
        leftover = self.open_work()
        if leftover or not clean:
            log.warning(
                "Shutting down with %d task(s) unfinished after %.1f s.", len(leftover), drain_seconds
            )
        if self.refused_while_draining:
            log.info("Ignored %d message(s) that arrived while shutting down.", self.refused_while_draining)
        await self.close()
        return clean and not leftover

    async def close(self) -> None:
        if self.catching_up is not None and not self.catching_up.done() and self._catch_up is not None:
            # Asked to stop between messages rather than cancelled: a database call cancelled half-way
            # can leave its pooled connection to a close that never finishes.
            self._catch_up.stop()
            await asyncio.wait({self.catching_up}, timeout=CATCH_UP_STOP_S)
            self.catching_up.cancel()
        await self.heartbeat.stop()
        await self._stop_digest_timer()
        await super().close()

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        # A listener never takes the bot down: log what happened, with which event, and carry on.
        log.exception("Unhandled error in event %s (args=%r)", event_method, [type(a).__name__ for a in args])


class ShardedJobScoutBot(JobScoutBot, commands.AutoShardedBot):
    """The same bot, sharded (``discord.shard_count`` set)."""

    def __init__(self, settings: Settings, services: Services, **options: Any) -> None:
        super().__init__(
            settings,
            services,
            shard_count=settings.discord.shard_count,
            shard_ids=settings.discord.shard_ids,
            **options,
        )

    def connected_shards(self) -> list[int] | None:
        if not self.is_ready() or self.is_closed():
            return None
        shards = self.shards
        expected = sharding.own_shards(self.settings.discord)
        if not shards or any(shard.is_closed() for shard in shards.values()):
            return None
        if expected is not None and set(shards) != expected:
            return None
        return sorted(shards)


def create_bot(settings: Settings, services: Services | None) -> JobScoutBot:
    """Build the bot for ``settings`` around ``services`` (store, pay config, clock, answer cache);
    chart images follow ``discord.charts``."""
    apply_endpoints(settings.discord)
    if services is not None and services.charts != settings.discord.charts:
        services = dataclasses.replace(services, charts=settings.discord.charts)
    bound: Any = services  # None only in tests that never reach the store
    if settings.discord.shard_count is not None:
        return ShardedJobScoutBot(settings, bound)
    return JobScoutBot(settings, bound)
