"""Fixes: a member's corrections of a posting's fields. They win over the parse, and survive reparse.
All the fields of one correction are validated first and written in one transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, get_args

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, EmploymentType, Posting, Workplace
from store.db.tables import POSTING_FIXES, POSTINGS
from store.errors import InvalidInput, NotFound
from store.keys import RoleKeys
from store.pay import PayConfig
from store.queries.postings import fixes_of
from store.results import FIX_FIELDS, FixField, PayFix
from store.writes.derive import derive
from store.writes.rows import rewrite_derived

MAX_FIX_LENGTH = 300
MAX_FIX_ITEMS = 40  # places or skills in one fix
FixValue = str | PayFix | list[str] | None
CHOICES: dict[str, tuple[str, ...]] = {
    "seniority": SENIORITY_ORDER,
    "workplace": get_args(Workplace),
    "employment_type": get_args(EmploymentType),
}
LISTS = frozenset({"locations", "skills"})


def stored_value(field: FixField, value: FixValue) -> Any:
    """The fix as stored (JSON-ready), or InvalidInput. None (or an empty list) clears the field; for
    ``pay`` it means "states no pay"."""
    if field not in FIX_FIELDS:
        raise InvalidInput(f"cannot fix {field!r}: choose one of {', '.join(FIX_FIELDS)}")
    if field == "pay":
        if value is not None and not isinstance(value, PayFix):
            raise InvalidInput("a pay fix needs an amount, a currency and a period")
        return value.model_dump() if isinstance(value, PayFix) else None
    if field in LISTS:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InvalidInput(f"the {field} are a list of names")
        items = list(dict.fromkeys(v.strip()[:MAX_FIX_LENGTH] for v in value if v.strip()))
        if len(items) > MAX_FIX_ITEMS:
            raise InvalidInput(f"at most {MAX_FIX_ITEMS} {field}")
        return items
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"the new {field} is not text")
    stored = value.strip()[:MAX_FIX_LENGTH] or None
    allowed = CHOICES.get(field)
    if stored is not None and allowed is not None and stored not in allowed:
        raise InvalidInput(f"{field.replace('_', ' ')} must be one of: {', '.join(allowed)}")
    return stored


def stored_values(values: Mapping[FixField, FixValue]) -> dict[str, Any]:
    """Every fix as stored, or InvalidInput for the first bad one (before anything is written)."""
    return {name: stored_value(name, value) for name, value in values.items()}


async def change_fixes(
    session: AsyncSession,
    guild_id: int,
    posting_id: int,
    put: dict[str, Any],
    drop: set[str],
    *,
    user_id: int | None,
    now: datetime,
    cfg: PayConfig,
    roles: RoleKeys,
    skill_cache: dict[str, int],
) -> tuple[None, dict[str, int]]:
    """Set the fixes in ``put``, remove those in ``drop``, and rewrite the posting's effective fields.
    Returns the skill ids created meanwhile."""
    parsed_json = await _parsed_json(session, guild_id, posting_id)
    if parsed_json is None:
        raise NotFound(f"there is no posting #{posting_id} in this server")
    fixes = POSTING_FIXES.c
    for name in drop | set(put):
        await session.execute(
            POSTING_FIXES.delete().where(fixes.posting_id == posting_id, fixes.field == name)
        )
    if put:
        rows = [
            {"posting_id": posting_id, "field": name, "value_json": json.dumps(value), "user_id": user_id,
             "fixed_at": now}
            for name, value in put.items()
        ]  # fmt: skip
        await session.execute(insert(POSTING_FIXES), rows)
    parsed = Posting.model_validate_json(parsed_json)
    return None, await _rederive(session, guild_id, posting_id, parsed, None, now, cfg, roles, skill_cache)


async def adopt_repost_pay(
    session: AsyncSession,
    guild_id: int,
    changed: Sequence[tuple[int, Posting]],
    *,
    now: datetime,
    cfg: PayConfig,
    roles: RoleKeys,
    skill_cache: dict[str, int],
) -> dict[str, int]:
    """Reposts that state new pay: (saved posting, the repost's parse). The posting's parse takes the
    repost's pay, so every statistic counts the current pay (the old one stays in the repost rows; a
    member's pay fix still wins). Returns the skill ids created meanwhile."""
    learned: dict[str, int] = {}
    for posting_id, repost in changed:
        parsed_json = await _parsed_json(session, guild_id, posting_id)
        if parsed_json is None:
            continue
        parsed = Posting.model_validate_json(parsed_json).model_copy(
            update={"salary": repost.salary, "salary_ranges": repost.salary_ranges}
        )
        new_json = parsed.model_dump_json(exclude_defaults=True)
        learned |= await _rederive(
            session, guild_id, posting_id, parsed, new_json, now, cfg, roles, skill_cache
        )
    return learned


async def _parsed_json(session: AsyncSession, guild_id: int, posting_id: int) -> str | None:
    p = POSTINGS.c
    found = await session.execute(select(p.parsed_json).where(p.id == posting_id, p.guild_id == guild_id))
    return found.scalar()


async def _rederive(
    session: AsyncSession,
    guild_id: int,
    posting_id: int,
    parsed: Posting,
    new_parsed_json: str | None,
    now: datetime,
    cfg: PayConfig,
    roles: RoleKeys,
    skill_cache: dict[str, int],
) -> dict[str, int]:
    current = (await fixes_of(session, [posting_id]))[posting_id]
    derived = derive(parsed, current, cfg, roles)
    return await rewrite_derived(
        session, {posting_id: guild_id}, [(posting_id, derived, new_parsed_json)], skill_cache, now=now
    )
