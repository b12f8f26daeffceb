"""/export: every posting of a guild as it was saved and fixed, importable again without parsing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTINGS
from store.queries.postings import fixes_of, load_views
from store.results import ExportRow

_P = POSTINGS.c
# what an export row takes as it is from the posting's view, and from its postings row
_FROM_VIEW = (
    "id", "guild_id", "added_at", "source", "user_id", "channel_id", "message_id", "title", "company", "role",
    "seniority", "workplace", "employment_type", "locations", "skills", "text",
)  # fmt: skip
_FROM_ROW = ("pay_period", "pay_year", "pay_usd_year", "pay_rate_date")


async def export_rows(
    sessions: Callable[[], AbstractAsyncContextManager[AsyncSession]], guild_id: int, batch: int
) -> AsyncIterator[ExportRow]:
    """Every posting of a guild, oldest first, read in id-keyed batches (bounded memory)."""
    after = 0
    while True:
        async with sessions() as session:
            ids = [
                int(v)
                for v in (
                    await session.execute(
                        select(_P.id)
                        .where(_P.guild_id == guild_id, _P.id > after)
                        .order_by(_P.id)
                        .limit(batch)
                    )
                ).scalars()
            ]
            if not ids:
                return
            views = await load_views(session, guild_id, ids)
            fixes = await fixes_of(session, ids)
            rows = (
                await session.execute(select(_P.id, *(_P[name] for name in _FROM_ROW)).where(_P.id.in_(ids)))
            ).all()
        extra = {int(r.id): r for r in rows}
        for pid in ids:
            v = views.get(pid)
            if v is None:
                continue
            e = extra[pid]
            pay = v.pay
            yield ExportRow(
                **{name: getattr(v, name) for name in _FROM_VIEW},
                pay_text=pay.text if pay else None,
                pay_currency=pay.currency if pay else None,
                pay_min=pay.min if pay else None,
                pay_max=pay.max if pay else None,
                **{name: getattr(e, name) for name in _FROM_ROW},
                fixes=fixes[pid],
                posting=v.parsed,
            )
        after = ids[-1]
