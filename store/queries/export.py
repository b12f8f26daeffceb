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
                await session.execute(
                    select(_P.id, _P.pay_period, _P.pay_year, _P.pay_usd_year, _P.pay_rate_date).where(
                        _P.id.in_(ids)
                    )
                )
            ).all()
        extra = {int(r.id): r for r in rows}
        for pid in ids:
            v = views.get(pid)
            if v is None:
                continue
            e = extra[pid]
            yield ExportRow(
                id=v.id,
                guild_id=v.guild_id,
                added_at=v.added_at,
                source=v.source,
                user_id=v.user_id,
                channel_id=v.channel_id,
                message_id=v.message_id,
                title=v.title,
                company=v.company,
                role=v.role,
                seniority=v.seniority,
                workplace=v.workplace,
                employment_type=v.employment_type,
                locations=v.locations,
                pay_text=v.pay.text if v.pay else None,
                pay_currency=v.pay.currency if v.pay else None,
                pay_period=e.pay_period,
                pay_min=v.pay.min if v.pay else None,
                pay_max=v.pay.max if v.pay else None,
                pay_year=e.pay_year,
                pay_usd_year=e.pay_usd_year,
                pay_rate_date=e.pay_rate_date,
                skills=v.skills,
                fixes=fixes[pid],
                posting=v.parsed,
                text=v.text,
            )
        after = ids[-1]
