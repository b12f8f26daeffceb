"""Opening what the bot and the console run on: the store, as ``Services`` for the use cases."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.config import Settings
from commands.services import Services
from parsing.role import normalize_role
from store import PayConfig, Store


def pay_config(settings: Settings) -> PayConfig:
    return PayConfig(**settings.pay.model_dump())


@asynccontextmanager
async def open_services(settings: Settings, *, url: str | None = None) -> AsyncIterator[Services]:
    """The store on ``settings.database.url`` (migrated automatically for SQLite), closed on exit."""
    store = await Store.open(
        url or settings.database.url,
        pay=pay_config(settings),
        normalize_role=normalize_role,
        echo=settings.database.echo,
    )
    try:
        yield Services(store=store, pay=store.pay)
    finally:
        await store.close()
