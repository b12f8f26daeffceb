"""The questions the commands ask: pay percentiles, comparisons, skills, the weekly digest.

Every function is scoped to one guild. Pay figures come from precomputed, indexed columns
(``pay_year``: the posting's pay point, annualized in its own currency). Percentiles are linear
interpolation (PostgreSQL's ``percentile_cont``): on PostgreSQL computed in SQL, on SQLite read by
``ORDER BY pay_year LIMIT 2 OFFSET k`` on an index whose prefix is the filter, so no sort is needed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, literal, select, tuple_, union_all
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Period
from store.derive import location_key
from store.models import (
    ComparedPosting,
    Comparison,
    CurrencyStats,
    DigestData,
    DigestPosting,
    Distribution,
    PayChange,
    RepostNote,
    RoleMedian,
    SalaryStats,
    SeniorityStats,
    SkillMove,
    SkillStat,
    SkillSummary,
)
from store.pay import PayConfig
from store.reads import load_views
from store.roles import role_key
from store.tables import POSTING_LOCATIONS, POSTING_SKILLS, POSTINGS, REPOSTS, SKILLS
from store.writes import chunks

PERCENTILES = (0.25, 0.5, 0.75, 0.9)
SAMPLE_SPACE = 65536  # postings.sample is uniform in [0, 65536)
SKILL_SAMPLE = 4000  # postings read per window by skill_summary (beyond this: a uniform sample)
TREND_DAYS = 28
_P = POSTINGS.c


def percentile(values: Sequence[float], p: float) -> float:
    """Linear interpolation between closest ranks (same as PostgreSQL percentile_cont)."""
    if not values:
        raise ValueError("no values")
    h = (len(values) - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (h - lo) * (values[hi] - values[lo])


def distribution(sorted_values: Sequence[float]) -> Distribution:
    return Distribution(
        n=len(sorted_values),
        min=sorted_values[0],
        p25=percentile(sorted_values, 0.25),
        median=percentile(sorted_values, 0.5),
        p75=percentile(sorted_values, 0.75),
        p90=percentile(sorted_values, 0.9),
        max=sorted_values[-1],
    )


def _ranks(n: int) -> list[int]:
    """The 0-based ranks a Distribution of n sorted values reads."""
    needed = {0, n - 1}
    for p in PERCENTILES:
        h = (n - 1) * p
        needed.update({math.floor(h), min(math.floor(h) + 1, n - 1)})
    return sorted(needed)


def _from_ranks(n: int, at: dict[int, float]) -> Distribution:
    def pick(p: float) -> float:
        h = (n - 1) * p
        lo = math.floor(h)
        hi = min(lo + 1, n - 1)
        return at[lo] + (h - lo) * (at[hi] - at[lo])

    return Distribution(
        n=n, min=at[0], p25=pick(0.25), median=pick(0.5), p75=pick(0.75), p90=pick(0.9), max=at[n - 1]
    )


def _scaled(d: Distribution, factor: float) -> Distribution:
    return Distribution(
        n=d.n,
        min=d.min / factor,
        p25=d.p25 / factor,
        median=d.median / factor,
        p75=d.p75 / factor,
        p90=d.p90 / factor,
        max=d.max / factor,
    )


def _seniority_rank(value: str | None) -> int:
    for rank, level in enumerate(SENIORITY_ORDER):
        if level == value:
            return rank
    return len(SENIORITY_ORDER)


# --------------------------------------------------------------------------------------- salary stats


async def salary_stats(
    session: AsyncSession,
    guild_id: int,
    role: str,
    *,
    location: str | None,
    seniority: str | None,
    currency: str | None,
    period: Period,
    cfg: PayConfig,
) -> SalaryStats:
    key = role_key(role)
    result = SalaryStats(
        role=role,
        role_key=key,
        location=location,
        seniority=seniority,
        currency=currency.upper() if currency else None,
        period=period,
        by_currency=[],
    )
    if key is None:
        return result
    if location and location_key(location):
        src: Any = POSTING_LOCATIONS
        conds = [
            POSTING_LOCATIONS.c.guild_id == guild_id,
            POSTING_LOCATIONS.c.location_key == location_key(location),
        ]
    else:
        src = POSTINGS
        conds = [_P.guild_id == guild_id]
    c = src.c
    conds += [c.role_key == key, c.pay_currency.is_not(None), c.pay_year.is_not(None)]
    if currency:
        conds.append(c.pay_currency == currency.upper())
    if seniority:
        conds.append(c.seniority == seniority)
    if session.get_bind().dialect.name == "postgresql":
        groups = await _groups_postgresql(session, src, conds)
    else:
        groups = await _groups_sqlite(session, src, conds)
    factor = cfg.per_year(period)
    for cur in sorted(groups, key=lambda k: (-groups[k][0].n, k)):
        overall, by_level = groups[cur]
        result.by_currency.append(
            CurrencyStats(
                currency=cur,
                overall=_scaled(overall, factor),
                by_seniority=[
                    SeniorityStats(seniority=s, stats=_scaled(d, factor))
                    for s, d in sorted(by_level.items(), key=lambda kv: _seniority_rank(kv[0]))
                ],
            )
        )
    return result


Groups = dict[str, tuple[Distribution, dict[str | None, Distribution]]]


async def _groups_postgresql(session: AsyncSession, src: Any, conds: list[Any]) -> Groups:
    c = src.c
    pct = func.percentile_cont(array([literal(p) for p in PERCENTILES])).within_group(c.pay_year)
    stmt = (
        select(
            c.pay_currency,
            c.seniority,
            func.grouping(c.seniority).label("whole"),
            func.count(),
            func.min(c.pay_year),
            func.max(c.pay_year),
            pct,
        )
        .where(*conds)
        .group_by(func.grouping_sets(tuple_(c.pay_currency), tuple_(c.pay_currency, c.seniority)))
    )
    groups: Groups = {}
    levels: dict[str, dict[str | None, Distribution]] = {}
    for cur, level, whole, n, lo, hi, ps in (await session.execute(stmt)).tuples():
        d = Distribution(n=n, min=lo, p25=ps[0], median=ps[1], p75=ps[2], p90=ps[3], max=hi)
        if whole:
            groups[cur] = (d, {})
        else:
            levels.setdefault(cur, {})[level] = d
    return {cur: (d, levels.get(cur, {})) for cur, (d, _) in groups.items()}


async def _ranked_values(session: AsyncSession, src: Any, conds: list[Any], n: int) -> dict[int, float]:
    """Values at the ranks a Distribution needs, read from the index in pay order."""
    c = src.c
    parts = []
    wanted = _ranks(n)
    # neighbouring ranks share one read (LIMIT 2)
    starts: list[int] = []
    for r in wanted:
        if not starts or r > starts[-1] + 1:
            starts.append(r)
    for start in starts:
        inner = (
            select(literal(start).label("start"), c.pay_year.label("v"))
            .where(*conds)
            .order_by(c.pay_year)
            .limit(2)
            .offset(start)
            .subquery()
        )
        parts.append(select(inner.c.start, inner.c.v))
    at: dict[int, float] = {}
    rows = (await session.execute(union_all(*parts))).tuples()
    seen: Counter[int] = Counter()
    for start, value in rows:
        at[start + seen[start]] = value
        seen[start] += 1
    return at


async def _groups_sqlite(session: AsyncSession, src: Any, conds: list[Any]) -> Groups:
    c = src.c
    counts = (
        await session.execute(
            select(c.pay_currency, c.seniority, func.count())
            .where(*conds)
            .group_by(c.pay_currency, c.seniority)
        )
    ).tuples()
    per: dict[str, dict[str | None, int]] = {}
    for cur, level, n in counts:
        per.setdefault(cur, {})[level] = n
    groups: Groups = {}
    for cur, levels in per.items():
        total = sum(levels.values())
        cur_conds = [*conds, c.pay_currency == cur]
        overall = _from_ranks(total, await _ranked_values(session, src, cur_conds, total))
        by_level: dict[str | None, Distribution] = {}
        for level, n in levels.items():
            level_cond = c.seniority.is_(None) if level is None else c.seniority == level
            by_level[level] = _from_ranks(n, await _ranked_values(session, src, [*cur_conds, level_cond], n))
        groups[cur] = (overall, by_level)
    return groups


# --------------------------------------------------------------------------------------------- compare


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
            below = (await session.execute(select(func.count()).where(*conds, _P.pay_year < x))).scalar_one()
            equal = (await session.execute(select(func.count()).where(*conds, _P.pay_year == x))).scalar_one()
            total = (await session.execute(select(func.count()).where(*conds))).scalar_one()
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


# ---------------------------------------------------------------------------------------------- skills


@dataclass(slots=True)
class _Window:
    """Postings of one selection (possibly a uniform sample): pay and skill ids per posting."""

    estimated_total: int
    sampled: bool
    pay: dict[int, tuple[str | None, float | None]] = field(default_factory=dict)
    skills: dict[int, list[int]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.pay)

    def counts(self) -> Counter[int]:
        return Counter(s for ids in self.skills.values() for s in ids)


def _selection(guild_id: int, key: str | None, start: datetime | None, end: datetime | None) -> list[Any]:
    conds: list[Any] = [_P.guild_id == guild_id]
    if key is not None:
        conds.append(_P.role_key == key)
    if start is not None:
        conds.append(_P.added_at >= start)
    if end is not None:
        conds.append(_P.added_at < end)
    return conds


async def _window(
    session: AsyncSession,
    guild_id: int,
    key: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
) -> _Window:
    conds = _selection(guild_id, key, start, end)
    probe = SAMPLE_SPACE // 64
    seen = (await session.execute(select(func.count()).where(*conds, _P.sample < probe))).scalar_one()
    threshold = SAMPLE_SPACE
    estimate = int(seen) * 64
    if estimate > limit * 2:
        threshold = max(1, min(SAMPLE_SPACE, math.ceil(SAMPLE_SPACE * limit / estimate)))
    if threshold >= SAMPLE_SPACE:
        window_conds = conds
        total = int((await session.execute(select(func.count()).where(*conds))).scalar_one())
        sampled = False
    else:
        window_conds = [*conds, _P.sample < threshold]
        total = estimate
        sampled = True
    win = _Window(estimated_total=total, sampled=sampled)
    rows = await session.execute(select(_P.id, _P.pay_currency, _P.pay_year).where(*window_conds))
    for pid, cur, pay in rows.tuples():
        win.pay[int(pid)] = (cur, pay)
        win.skills[int(pid)] = []
    if not sampled:
        win.estimated_total = len(win.pay)
    ids = select(_P.id).where(*window_conds).scalar_subquery()
    links = await session.execute(
        select(POSTING_SKILLS.c.posting_id, POSTING_SKILLS.c.skill_id).where(
            POSTING_SKILLS.c.posting_id.in_(ids)
        )
    )
    for pid, sid in links.tuples():
        bucket = win.skills.get(int(pid))
        if bucket is not None:
            bucket.append(int(sid))
    return win


async def _skill_names(session: AsyncSession, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for part in chunks(ids):
        rows = await session.execute(select(SKILLS.c.id, SKILLS.c.name).where(SKILLS.c.id.in_(part)))
        names.update({int(i): n for i, n in rows.tuples()})
    return names


def _median(values: list[float]) -> float | None:
    return percentile(sorted(values), 0.5) if values else None


async def skill_summary(
    session: AsyncSession,
    guild_id: int,
    *,
    role: str | None,
    since: datetime | None,
    until: datetime | None,
    now: datetime,
    top: int,
) -> SkillSummary:
    """Top skills of the window [since, until) (all time when since is None), their share, the median
    yearly pay of postings asking for each against those that don't (in the most common currency),
    and the change of share against the previous period of the same length (for all time: the last
    28 days against the 28 before)."""
    key = role_key(role) if role else None
    if role and key is None:
        key = role.casefold()
    anchor = until or now  # until None: no upper bound (postings saved this very instant count)
    main = await _window(session, guild_id, key, since, until, SKILL_SAMPLE)
    if since is not None:
        recent_start = since
        recent = main
    else:
        recent_start = anchor - timedelta(days=TREND_DAYS)
        recent = await _window(session, guild_id, key, recent_start, until, SKILL_SAMPLE // 2)
    prev_start = recent_start - (anchor - recent_start)
    previous = await _window(
        session, guild_id, key, prev_start, recent_start, SKILL_SAMPLE if since else SKILL_SAMPLE // 2
    )

    paid = Counter(cur for cur, pay in main.pay.values() if cur is not None and pay is not None)
    currency = paid.most_common(1)[0][0] if paid else None
    counts = main.counts()
    recent_counts = recent.counts()
    previous_counts = previous.counts()
    top_ids = [sid for sid, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    names = await _skill_names(session, top_ids)
    stats: list[SkillStat] = []
    for sid in top_ids:
        with_pay: list[float] = []
        without_pay: list[float] = []
        for pid, (cur, pay) in main.pay.items():
            if cur == currency and pay is not None:
                (with_pay if sid in main.skills[pid] else without_pay).append(pay)
        share_recent = recent_counts[sid] / recent.size if recent.size else None
        share_previous = previous_counts[sid] / previous.size if previous.size else None
        change = (
            share_recent - share_previous if share_recent is not None and share_previous is not None else None
        )
        stats.append(
            SkillStat(
                skill=names.get(sid, "?"),
                count=counts[sid],
                share=counts[sid] / main.size,
                previous_share=share_previous,
                change=change,
                median_with=_median(with_pay),
                median_without=_median(without_pay),
                n_with_pay=len(with_pay),
                n_without_pay=len(without_pay),
            )
        )
    return SkillSummary(
        role=role,
        role_key=key,
        since=since,
        until=anchor,
        previous_since=prev_start,
        previous_until=recent_start,
        n_postings=main.estimated_total,
        n_previous=previous.estimated_total,
        sample_size=main.size,
        sampled=main.sampled,
        currency=currency,
        skills=stats,
    )


# ---------------------------------------------------------------------------------------------- digest


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
    window = _selection(guild_id, None, start, end)
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
        .where(*window, _P.pay_usd_year.is_not(None))
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

    current = await _window(session, guild_id, None, start, end, SKILL_SAMPLE)
    previous = await _window(session, guild_id, None, prev_start, start, SKILL_SAMPLE)
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


async def _role_medians(
    session: AsyncSession, guild_id: int, start: datetime, end: datetime, prev_start: datetime, limit: int
) -> list[RoleMedian]:
    top = await session.execute(
        select(_P.role_key, _P.pay_currency, func.count())
        .where(*_selection(guild_id, None, start, end), _P.role_key.is_not(None), _P.pay_year.is_not(None))
        .group_by(_P.role_key, _P.pay_currency)
    )
    best: dict[str, tuple[str, int]] = {}
    for role, cur, n in top.tuples():
        if role not in best or n > best[role][1]:
            best[role] = (cur, int(n))
    chosen = sorted(best.items(), key=lambda kv: (-kv[1][1], kv[0]))[:limit]
    medians: list[RoleMedian] = []
    for role, (cur, _) in chosen:
        values: dict[bool, list[float]] = {True: [], False: []}
        rows = await session.execute(
            select(_P.added_at >= start, _P.pay_year).where(
                _P.guild_id == guild_id,
                _P.role_key == role,
                _P.pay_currency == cur,
                _P.pay_year.is_not(None),
                _P.added_at >= prev_start,
                _P.added_at < end,
            )
        )
        for is_current, pay in rows.tuples():
            values[bool(is_current)].append(pay)
        now_median = _median(values[True])
        if now_median is None:
            continue
        before = _median(values[False])
        medians.append(
            RoleMedian(
                role=role,
                currency=cur,
                n=len(values[True]),
                median=now_median,
                previous_n=len(values[False]),
                previous_median=before,
                change=(now_median - before) / before if before else None,
            )
        )
    return medians


async def _skill_moves(
    session: AsyncSession, current: _Window, previous: _Window, limit: int
) -> tuple[list[SkillMove], list[SkillMove]]:
    if not current.size or not previous.size:
        return [], []
    now_counts, before_counts = current.counts(), previous.counts()
    moves: list[tuple[float, int, float, float]] = []
    for sid in set(now_counts) | set(before_counts):
        if now_counts[sid] + before_counts[sid] < 2:
            continue
        share, before = now_counts[sid] / current.size, before_counts[sid] / previous.size
        moves.append((share - before, sid, share, before))
    names = await _skill_names(session, [m[1] for m in moves])
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
