"""Autocomplete choices for the options that pick a saved posting or a role (several features have them)."""

from __future__ import annotations

from pydantic import BaseModel

from commands.core.format import role_title
from commands.core.services import Services

LIMIT = 25


class Choice(BaseModel):
    """One autocomplete choice: ``name`` is shown (at most 100 characters), ``value`` is sent back."""

    name: str
    value: str


async def posting_choices(svc: Services, guild_id: int, current: str) -> list[Choice]:
    found = await svc.store.posting_choices(guild_id, current, LIMIT)
    return [Choice(name=c.label[:100], value=str(c.id)) for c in found]


async def role_choices(svc: Services, guild_id: int, current: str) -> list[Choice]:
    found = await svc.store.role_choices(guild_id, current, LIMIT)
    return [Choice(name=role_title(r)[:100], value=r[:100]) for r in found]
