"""The e2e fixture: a fake Discord, a real store (SQLite file and PostgreSQL, via ``db_url``), and the
real bot from ``create_bot`` connected to the one with the other."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.app import JobScoutBot
from bot.runtime import open_services
from commands.core.services import Services
from tests.e2e.fakediscord import (
    JSON,
    MANAGE_GUILD,
    MANAGE_MESSAGES,
    MEMBER_PERMISSIONS,
    FakeDiscord,
    FakeGuild,
    FakeUser,
    Interaction,
    RestCall,
    snowflake,
)
from tests.e2e.harness import bot_settings, running_bot, two_guilds


def live(module: str) -> ModuleType:
    """The module the running bot uses: it loads each feature as an extension, afresh, so a module
    imported by a test file before may be a stale copy (patch this one)."""
    return sys.modules[module]


@dataclass
class Env:
    fake: FakeDiscord
    bot: JobScoutBot
    services: Services
    alpha: FakeGuild  # channels: job-postings (watched by name), general, hiring
    beta: FakeGuild  # channels: jobs (watched by name), general
    alice: FakeUser
    bob: FakeUser
    mod: FakeUser  # Manage Messages
    admin: FakeUser = field(
        default_factory=lambda: FakeUser(snowflake(), "admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    )  # Manage Server

    async def paste(
        self,
        text: str = "",
        *,
        guild: FakeGuild | None = None,
        channel: str | None = None,
        user: FakeUser | None = None,
        attachments: list[JSON] | None = None,
    ) -> tuple[JSON, RestCall]:
        """Post a message and wait for the bot's reply to it; (the member's message, the reply)."""
        guild = guild or self.alpha
        channel = channel or ("job-postings" if guild is self.alpha else "jobs")
        message = await self.fake.post_message(
            guild, channel, user or self.alice, text, attachments=attachments
        )
        reply = await self.fake.channel_message(
            guild.channel(channel),
            lambda c: c.replying_to == int(message["id"]),
        )
        return message, reply

    def replies_to(self, message: JSON) -> list[RestCall]:
        return self.fake.find_calls(lambda c: c.method == "POST" and c.replying_to == int(message["id"]))

    async def slash(
        self,
        name: str,
        *options: JSON,
        guild: FakeGuild | None = None,
        channel: str = "general",
        user: FakeUser | None = None,
        resolved: JSON | None = None,
        autocomplete: bool = False,
    ) -> Interaction:
        return await self.fake.slash(
            guild or self.alpha,
            channel,
            user or self.alice,
            name,
            list(options),
            resolved=resolved,
            autocomplete=autocomplete,
        )

    async def run(self, name: str, *options: JSON, **kwargs: Any) -> RestCall:
        """``/name options`` and the call carrying its visible answer."""
        return await self.fake.answer(await self.slash(name, *options, **kwargs))

    async def card_of(self, posting_id: int, guild: FakeGuild | None = None) -> int | None:
        """The card message recorded for a posting (recorded just after the card went out)."""
        for _ in range(100):
            view = await self.services.store.get_posting((guild or self.alpha).id, posting_id)
            if view is not None and view.card_message_id is not None:
                return view.card_message_id
            await asyncio.sleep(0.02)
        return None

    async def saved(self, guild: FakeGuild | None = None) -> list[int]:
        page = await self.services.store.list_postings((guild or self.alpha).id, page_size=100)
        return [p.id for p in page.items]


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord(two_guilds()) as discord:
        yield discord


EnvFactory = Callable[..., Any]


@pytest.fixture
async def env(fake: FakeDiscord, db_url: str, tmp_path: Path) -> AsyncIterator[Env]:
    settings = bot_settings(fake, tmp_path, db_url)
    async with open_services(settings) as services:
        async with running_bot(fake, settings, services) as running:
            yield Env(
                fake=fake,
                bot=running.bot,
                services=services,
                alpha=fake.guilds[0],
                beta=fake.guilds[1],
                alice=FakeUser(snowflake(), "alice"),
                bob=FakeUser(snowflake(), "bob"),
                mod=FakeUser(snowflake(), "mod", permissions=MEMBER_PERMISSIONS | MANAGE_MESSAGES),
            )
        # let the bot's last tasks finish before the store closes
        await asyncio.sleep(0)
