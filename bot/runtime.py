"""What the bot, the console and the command line run on: the store, as ``Services`` for the use cases,
and the settings as the use cases take them (pay figures, digest policy)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from bot.config import DigestSettings, Settings
from commands.core.parse_runner import ParseRunner
from commands.core.services import Services
from commands.digest.schedule import DigestPolicy
from parsing.place_hierarchy import place_hierarchy
from parsing.role import normalize_role
from store import PayConfig, Store


def pay_config(settings: Settings) -> PayConfig:
    """The ``[pay]`` settings as the store takes them (hours a year, exchange rates and their date)."""
    return PayConfig(**settings.pay.model_dump())


def policy_from(settings: DigestSettings, *, charts: bool = True) -> DigestPolicy:
    return DigestPolicy(
        charts=charts,
        default_day=settings.default_day,
        default_time=settings.default_time,
        default_timezone=settings.default_timezone,
        grace=timedelta(hours=settings.grace_hours),
        max_attempts=max(1, settings.max_attempts),
        spread=timedelta(minutes=settings.spread_minutes),
    )


@asynccontextmanager
async def open_services(settings: Settings, *, url: str | None = None) -> AsyncIterator[Services]:
    """The store on ``settings.database.url`` (migrated automatically for SQLite), closed on exit."""
    store = await Store.open(
        url or settings.database.url,
        pay=pay_config(settings),
        normalize_role=normalize_role,
        place_hierarchy=place_hierarchy,
        echo=settings.database.echo,
    )
    parser = ParseRunner(workers=settings.parse.workers, budget_seconds=settings.parse.budget_seconds)
    if settings.parse.workers > 0:
        parser.start()
    try:
        yield Services(
            store=store,
            pay=store.pay,
            charts=settings.discord.charts,
            parser=parser if settings.parse.workers > 0 else None,
        )
    finally:
        await parser.close()
        await store.close()
