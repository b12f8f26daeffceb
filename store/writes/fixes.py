"""Fixes: a user's correction of one field. It wins over the parse, and survives reparse."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Posting
from store.db.tables import POSTING_FIXES, POSTINGS
from store.errors import InvalidInput, NotFound
from store.keys import RoleKeys
from store.pay import PayConfig
from store.queries.postings import fixes_of
from store.results import FIX_FIELDS, FixField, PayFix
from store.writes.derive import derive
from store.writes.rows import rewrite_derived

MAX_FIX_LENGTH = 300


def stored_value(field: FixField, value: str | PayFix | None) -> Any:
    """The fix as stored (JSON-ready), or InvalidInput. For ``pay``, None means "states no pay"."""
    if field not in FIX_FIELDS:
        raise InvalidInput(f"cannot fix {field!r}: choose one of {', '.join(FIX_FIELDS)}")
    if field == "pay":
        if value is not None and not isinstance(value, PayFix):
            raise InvalidInput("a pay fix needs an amount, a currency and a period")
        return value.model_dump() if isinstance(value, PayFix) else None
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(f"the new {field} is empty")
    stored = value.strip()[:MAX_FIX_LENGTH]
    if field == "seniority" and stored not in SENIORITY_ORDER:
        raise InvalidInput(f"seniority must be one of: {', '.join(SENIORITY_ORDER)}")
    return stored


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
    parsed_json = (
        await session.execute(
            select(POSTINGS.c.parsed_json).where(POSTINGS.c.id == posting_id, POSTINGS.c.guild_id == guild_id)
        )
    ).scalar()
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
    current = (await fixes_of(session, [posting_id]))[posting_id]
    derived = derive(Posting.model_validate_json(parsed_json), current, cfg, roles)
    learned = await rewrite_derived(
        session, {posting_id: guild_id}, [(posting_id, derived, None)], skill_cache, now=now
    )
    return None, learned
