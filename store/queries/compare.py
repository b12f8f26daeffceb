"""/compare: postings side by side, each placed among the saved postings of its role and currency."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTINGS
from store.queries.postings import load_views
from store.results import ComparedPosting, Comparison

_P = POSTINGS.c


async def compare(session: AsyncSession, guild_id: int, ids: list[int]) -> Comparison:
    views = await load_views(session, guild_id, ids)
    compared: list[ComparedPosting] = []
    skill_sets = {pid: {s.casefold() for s in v.skills} for pid, v in views.items()}
    shared = set.intersection(*skill_sets.values()) if len(skill_sets) > 1 else set()
    for pid in ids:
        view = views.get(pid)
        if view is None or any(c.posting.id == pid for c in compared):
            continue
        percentile_rank: float | None = None
        peers = 0
        if view.role and view.pay and view.pay.year_point is not None:
            x = view.pay.year_point
            conds = [
                _P.guild_id == guild_id,
                _P.role_key == view.role,
                _P.pay_currency == view.pay.currency,
                _P.pay_year.is_not(None),
            ]
            # one pass over the index range: peers, those paid less, those paid the same
            counts = select(
                func.count(),
                func.coalesce(func.sum(case((_P.pay_year < x, 1), else_=0)), 0),
                func.coalesce(func.sum(case((_P.pay_year == x, 1), else_=0)), 0),
            ).where(*conds)
            total, below, equal = (await session.execute(counts)).one()
            peers = int(total)
            if peers:
                percentile_rank = 100.0 * (below + 0.5 * equal) / peers
        others = set().union(*(s for other, s in skill_sets.items() if other != pid))
        compared.append(
            ComparedPosting(
                posting=view,
                percentile=percentile_rank,
                peers=peers,
                unique_skills=[s for s in view.skills if s.casefold() not in others],
            )
        )
    first = next(iter(views.values()), None)
    shared_names = [s for s in first.skills if s.casefold() in shared] if first else []
    return Comparison(
        postings=compared, shared_skills=shared_names, missing_ids=[i for i in ids if i not in views]
    )
