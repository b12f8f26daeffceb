"""The weekly digest's figures: new postings, the best paid, role medians against the weeks before,
skills on the move, reposts and their pay changes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTINGS, REPOSTS, day_number
from store.queries.percentiles import median
from store.queries.skill_counts import SkillCounts, counts, end_day, selection, skill_names
from store.results import DigestData, DigestPosting, PayChange, RepostNote, RoleMedian, SkillMove

_P = POSTINGS.c
CONTRACT_PERIODS = ("day", "hour")


async def digest_data(
    session: AsyncSession,
    guild_id: int,
    start: datetime,
    end: datetime,
    *,
    best: int = 5,
    roles: int = 5,
    moves: int = 5,
) -> DigestData:
    window = selection(guild_id, None, start, end)
    new_count = int((await session.execute(select(func.count()).where(*window))).scalar_one())
    best_rows = await session.execute(
        select(
            _P.id,
            _P.title,
            _P.company,
            _P.role_key,
            _P.pay_text,
            _P.pay_currency,
            _P.pay_year,
            _P.pay_usd_year,
        )
        .where(*window, _P.pay_usd_year.is_not(None), _annual_pay())
        .order_by(_P.pay_usd_year.desc(), _P.id)
        .limit(best)
    )
    best_paid = [
        DigestPosting(
            id=r[0], title=r[1], company=r[2], role=r[3], pay_text=r[4], pay_currency=r[5], pay_year=r[6],
            pay_usd_year=r[7],
        )
        for r in best_rows.tuples()
    ]  # fmt: skip

    prev_start = start - timedelta(days=28)
    role_medians = await _role_medians(session, guild_id, start, end, prev_start, roles)

    current = await counts(session, guild_id, None, day_number(start), end_day(end))
    previous = await counts(session, guild_id, None, day_number(prev_start), day_number(start))
    rising, falling = await _skill_moves(session, current, previous, moves)

    repost_window = and_(REPOSTS.c.guild_id == guild_id, REPOSTS.c.seen_at >= start, REPOSTS.c.seen_at < end)
    repost_count = int((await session.execute(select(func.count()).where(repost_window))).scalar_one())
    changes = await session.execute(
        select(
            REPOSTS.c.posting_id, _P.title, _P.company, REPOSTS.c.seen_at, REPOSTS.c.similarity,
            REPOSTS.c.old_pay_text, REPOSTS.c.old_pay_currency, REPOSTS.c.old_pay_year,
            REPOSTS.c.new_pay_text, REPOSTS.c.new_pay_currency, REPOSTS.c.new_pay_year,
        )
        .join(POSTINGS, _P.id == REPOSTS.c.posting_id)
        .where(repost_window, REPOSTS.c.pay_changed.is_(True), _P.guild_id == guild_id)
        .order_by(REPOSTS.c.seen_at)
        .limit(20)
    )  # fmt: skip
    pay_changes = [
        RepostNote(
            posting_id=r[0],
            title=r[1],
            company=r[2],
            seen_at=r[3],
            similarity=r[4],
            pay_change=PayChange(
                old_text=r[5],
                old_currency=r[6],
                old_year=r[7],
                new_text=r[8],
                new_currency=r[9],
                new_year=r[10],
            ),
        )
        for r in changes.tuples()
    ]
    return DigestData(
        guild_id=guild_id,
        period_start=start,
        period_end=end,
        new_count=new_count,
        best_paid=best_paid,
        role_medians=role_medians,
        rising_skills=rising,
        falling_skills=falling,
        repost_count=repost_count,
        pay_changes=pay_changes,
    )


def _annual_pay() -> Any:
    """Pay stated per week, month or year: what annualised figures can rank. A day or hour rate
    (contract work) annualised at full-time hours is not comparable with a salary, so it is left out of
    the best paid and the role medians."""
    return or_(_P.pay_period.is_(None), _P.pay_period.not_in(CONTRACT_PERIODS))


async def _role_medians(
    session: AsyncSession, guild_id: int, start: datetime, end: datetime, prev_start: datetime, limit: int
) -> list[RoleMedian]:
    """The median yearly pay of the most posted (role, currency) pairs of the window, each against the
    four weeks before, in its own currency: a role posted in two currencies has two lines."""
    paid = [_P.role_key.is_not(None), _P.pay_currency.is_not(None), _P.pay_year.is_not(None), _annual_pay()]
    top = await session.execute(
        select(_P.role_key, _P.pay_currency, func.count())
        .where(*selection(guild_id, None, start, end), *paid)
        .group_by(_P.role_key, _P.pay_currency)
    )
    chosen = sorted(((role, cur, int(n)) for role, cur, n in top.tuples()), key=lambda t: (-t[2], t[0], t[1]))
    medians: list[RoleMedian] = []
    for role, cur, _ in chosen[:limit]:
        values: dict[bool, list[float]] = {True: [], False: []}
        rows = await session.execute(
            select(_P.added_at >= start, _P.pay_year).where(
                _P.guild_id == guild_id,
                _P.role_key == role,
                _P.pay_currency == cur,
                *paid,
                _P.added_at >= prev_start,
                _P.added_at < end,
            )
        )
        for is_current, pay in rows.tuples():
            values[bool(is_current)].append(pay)
        now_median = median(values[True])
        if now_median is None:
            continue
        before = median(values[False])
        medians.append(
            RoleMedian(
                role=role,
                currency=cur,
                n=len(values[True]),
                median=now_median,
                figures=sorted(values[True])[:2] if len(values[True]) <= 2 else [],
                previous_n=len(values[False]),
                previous_median=before,
                change=(now_median - before) / before if before else None,
            )
        )
    return medians


async def _skill_moves(
    session: AsyncSession, current: SkillCounts, previous: SkillCounts, limit: int
) -> tuple[list[SkillMove], list[SkillMove]]:
    if not current.size or not previous.size:
        return [], []
    now_counts, before_counts = current.skills, previous.skills
    moves: list[tuple[float, int, float, float]] = []
    for sid in set(now_counts) | set(before_counts):
        if now_counts[sid] + before_counts[sid] < 2:
            continue
        share, before = now_counts[sid] / current.size, before_counts[sid] / previous.size
        moves.append((share - before, sid, share, before))
    names = await skill_names(session, [m[1] for m in moves])
    rising = [
        SkillMove(skill=names[sid], share=s, previous_share=b, change=d)
        for d, sid, s, b in sorted(moves, key=lambda m: (-m[0], m[1]))
        if d > 0
    ][:limit]
    falling = [
        SkillMove(skill=names[sid], share=s, previous_share=b, change=d)
        for d, sid, s, b in sorted(moves, key=lambda m: (m[0], m[1]))
        if d < 0
    ][:limit]
    return rising, falling
