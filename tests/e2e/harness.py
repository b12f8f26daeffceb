"""Starting the real bot (from ``create_bot``) against the fake Discord, and stopping it cleanly."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app import JobScoutBot, create_bot
from bot.config import Settings
from tests.e2e.fakediscord import FakeDiscord, FakeGuild


def bot_settings(fake: FakeDiscord, data_dir: Path, database_url: str, **discord: Any) -> Settings:
    return Settings(
        data_dir=data_dir,
        discord={  # type: ignore[arg-type]
            "api_base": fake.api_base,
            "gateway_url": fake.gateway_url,
            "guild_ready_timeout": 0.05,
            "owner_ids": [fake.owner.id],
            **discord,
        },
        database={"url": database_url},  # type: ignore[arg-type]
        fetch={"allow_private_addresses": True, "timeout_seconds": 5},  # type: ignore[arg-type]
        # Parse worker processes only where a test asks for them: three per bot would slow every test.
        parse={"workers": 0},  # type: ignore[arg-type]
    )


@dataclass
class Running:
    fake: FakeDiscord
    bot: JobScoutBot
    settings: Settings


@contextlib.asynccontextmanager
async def running_bot(
    fake: FakeDiscord,
    settings: Settings,
    services: Any,
    *,
    shards: int = 1,
) -> AsyncIterator[Running]:
    bot = create_bot(settings, services)
    task: asyncio.Task[None] | None = None
    try:
        await bot.login(fake.token)
        task = asyncio.create_task(bot.connect(reconnect=False))
        await fake.wait_connected(shards=shards)
        await asyncio.wait_for(bot.wait_until_ready(), 10)
        yield Running(fake, bot, settings)
    finally:
        await bot.close()
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task


def two_guilds() -> list[FakeGuild]:
    return [
        FakeGuild.make("Alpha Devs", "job-postings", "general", "hiring"),
        FakeGuild.make("Beta Data", "jobs", "general"),
    ]
