"""Reparse: saved texts read again by a newer parser, a batch per transaction, keeping every fix."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import Posting
from store.db.sqlutil import chunks
from store.db.tables import POSTINGS, REPOSTS
from store.keys import RoleKeys
from store.pay import PayConfig
from store.queries.postings import fixes_of
from store.writes.derive import derive
from store.writes.rows import rewrite_derived

_P = POSTINGS.c


async def next_batch(session: AsyncSession, after: int, size: int, guild_id: int | None) -> list[Any]:
    """Up to ``size`` saved postings after id ``after`` (of one guild, or of all): id, guild, text, parse."""
    stmt = select(_P.id, _P.guild_id, _P.raw_text, _P.parsed_json).where(_P.id > after)
    if guild_id is not None:
        stmt = stmt.where(_P.guild_id == guild_id)
    return list((await session.execute(stmt.order_by(_P.id).limit(size))).all())


async def rewrite_batch(
    session: AsyncSession,
    rows: Sequence[Any],
    parsed: Sequence[Posting],
    new_json: Sequence[str],
    *,
    now: datetime,
    cfg: PayConfig,
    roles: RoleKeys,
    skill_cache: dict[str, int],
) -> tuple[int, dict[str, int]]:
    """Store the new parses of a batch (postings removed meanwhile are skipped), their fixes applied.
    Returns how many postings were rewritten and the skill ids created meanwhile."""
    alive: set[int] = set()
    for part in chunks([r.id for r in rows]):
        found = await session.execute(select(_P.id).where(_P.id.in_(part)))
        alive.update(int(i) for i in found.scalars())
    fixes = await fixes_of(session, sorted(alive))
    repriced = await _repriced(session, sorted(alive))
    todo = []
    for r, p, pj in zip(rows, parsed, new_json, strict=True):
        if r.id not in alive:
            continue
        if r.id in repriced:  # a repost stated newer pay than the saved text: that pay stays current
            p, pj = _keep_pay(p, Posting.model_validate_json(r.parsed_json))
        todo.append((r.id, derive(p, fixes[r.id], cfg, roles), pj))
    learned = await rewrite_derived(session, {r.id: r.guild_id for r in rows}, todo, skill_cache, now=now)
    return len(todo), learned


async def _repriced(session: AsyncSession, ids: list[int]) -> set[int]:
    """Postings whose pay a repost changed (their parse carries the repost's pay)."""
    found: set[int] = set()
    for part in chunks(ids):
        rows = await session.execute(
            select(REPOSTS.c.posting_id).where(REPOSTS.c.posting_id.in_(part), REPOSTS.c.pay_changed)
        )
        found.update(int(i) for i in rows.scalars())
    return found


def _keep_pay(new: Posting, old: Posting) -> tuple[Posting, str]:
    kept = new.model_copy(update={"salary": old.salary, "salary_ranges": old.salary_ranges})
    return kept, kept.model_dump_json(exclude_defaults=True)
