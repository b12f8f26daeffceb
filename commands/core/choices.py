"""Autocomplete choices for the options that pick a saved posting or a role (several features have them)."""

from __future__ import annotations

from pydantic import BaseModel

from commands.core.format import role_title
from commands.core.roles import SUGGEST_SCORE, match_roles
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
    """The saved roles close to what is typed (token and fuzzy matching over normalised roles), the
    closest first; the most posted when nothing is typed yet."""
    counts = await svc.store.role_counts(guild_id)
    typed = " ".join(current.casefold().split())
    key = svc.store.roles(current)
    found = match_roles(typed, key, counts, floor=SUGGEST_SCORE, prefix=True)[:LIMIT]
    return [Choice(name=role_title(m.role)[:100], value=m.role[:100]) for m in found]
