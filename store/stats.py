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

import numpy as np
from sqlalchemy import and_, case, func, literal, select, tuple_
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.models import SENIORITY_ORDER, Period
from store.db.sqlutil import chunks
from store.db.tables import (
    POSTING_DAYS,
    POSTING_LOCATIONS,
    POSTING_SKILLS,
    POSTINGS,
    REPOSTS,
    SKILL_DAYS,
    SKILL_TOTALS,
    SKILLS,
)
from store.derive import location_key
from store.pay import PayConfig
from store.reads import load_views
from store.results import (
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
from store.roles import role_key
from store.summaries import ALL_ROLES, day_number, day_start

PERCENTILES = (0.25, 0.5, 0.75, 0.9)
SAMPLE_SPACE = 65536  # postings.sample is uniform in [0, 65536)
SKILL_SAMPLE = 2000  # postings read for skill pay medians (beyond this: a uniform sample)
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
    # Equality filters, in the order of the index that serves them (posting_locations carries the
    # same columns as postings for exactly this).
    src: Any = POSTINGS
    filters: dict[str, Any] = {"guild_id": guild_id}
    if location and location_key(location):
        src = POSTING_LOCATIONS
        filters["location_key"] = location_key(location)
    filters["role_key"] = key
    if seniority:
        filters["seniority"] = seniority
    c = src.c
    conds = [c[name] == value for name, value in filters.items()]
    conds += [c.pay_currency.is_not(None), c.pay_year.is_not(None)]
    if currency:
        conds.append(c.pay_currency == currency.upper())
    if session.get_bind().dialect.name == "postgresql":
        groups = await _groups_postgresql(session, src, conds)
    else:
        groups = await _groups_sqlite(session, src, conds, filters)
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


MAX_COMPOUND = 400  # SELECTs per UNION ALL statement (SQLite allows 500)


def _starts(n: int) -> list[int]:
    """First ranks of the (up to two-row) reads covering every rank a Distribution needs."""
    starts: list[int] = []
    for r in _ranks(n):
        if not starts or r > starts[-1] + 1:
            starts.append(r)
    return starts


async def _groups_sqlite(
    session: AsyncSession, src: Any, conds: list[Any], filters: dict[str, Any]
) -> Groups:
    """Counts per (currency, seniority), then the values at the needed ranks, read straight off an
    index whose prefix is the filter and whose next column is the pay (``ORDER BY pay_year LIMIT 2
    OFFSET k`` walks the index, no sort). All those small reads go in one UNION ALL statement of
    plain SQL, so a role with many currencies and levels costs one round trip, not dozens."""
    c = src.c
    counts = await session.execute(
        select(c.pay_currency, c.seniority, func.count()).where(*conds).group_by(c.pay_currency, c.seniority)
    )
    per: dict[str, dict[str | None, int]] = {}
    for cur, level, n in counts.tuples():
        per.setdefault(cur, {})[level] = int(n)
    # Plain SQL with positional parameters, sent through the driver: the statement text differs with the
    # data (offsets), so SQLAlchemy would parse and compile hundreds of parameters anew for every call.
    where = " AND ".join(f"{column} = ?" for column in filters)
    filter_values = list(filters.values())
    table_name = src.name
    parts: list[tuple[str, list[Any]]] = []
    index: list[
        tuple[str, str | None, bool, int, int]
    ] = []  # per part: (currency, level, by level, n, start)
    for cur, levels in per.items():
        groups_here: list[tuple[str | None, bool, int]] = [(None, False, sum(levels.values()))]
        groups_here += [(level, True, n) for level, n in levels.items()]
        for level, by_level, n in groups_here:
            for start in _starts(n):
                i = len(parts)
                params: list[Any] = [*filter_values, cur]
                level_sql = ""
                if by_level and level is None:
                    level_sql = " AND seniority IS NULL"
                elif by_level:
                    level_sql = " AND seniority = ?"
                    params.append(level)
                sql = (
                    f"SELECT {i} AS part, pay_year FROM (SELECT pay_year FROM {table_name} WHERE {where}"
                    f" AND pay_currency = ?{level_sql} AND pay_year IS NOT NULL"
                    f" ORDER BY pay_year LIMIT 2 OFFSET {start})"
                )
                parts.append((sql, params))
                index.append((cur, level, by_level, n, start))
    values: dict[int, list[float]] = {}
    conn = await session.connection()
    for first in range(0, len(parts), MAX_COMPOUND):
        chunk = parts[first : first + MAX_COMPOUND]
        sql = " UNION ALL ".join(q for q, _ in chunk)
        bound = tuple(value for _, p in chunk for value in p)
        for part, value in (await conn.exec_driver_sql(sql, bound)).tuples():
            values.setdefault(int(part), []).append(float(value))
    ranked: dict[tuple[str, str | None, bool], tuple[int, dict[int, float]]] = {}
    for i, (cur, level, by_level, n, start) in enumerate(index):
        at = ranked.setdefault((cur, level, by_level), (n, {}))[1]
        for offset, value in enumerate(values.get(i, [])):
            at[start + offset] = value
    by_level_stats: dict[str, dict[str | None, Distribution]] = {cur: {} for cur in per}
    overall: dict[str, Distribution] = {}
    for (cur, level, by_level), (n, at) in ranked.items():
        if by_level:
            by_level_stats[cur][level] = _from_ranks(n, at)
        else:
            overall[cur] = _from_ranks(n, at)
    return {cur: (overall[cur], by_level_stats[cur]) for cur in per}


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


# ---------------------------------------------------------------------------------------------- skills


@dataclass(slots=True)
class _Counts:
    """Postings of one (guild, role, day range) and how many of them ask for each skill: exact, from
    the summary tables."""

    size: int
    skills: Counter[int] = field(default_factory=Counter)


def _selection(guild_id: int, key: str | None, start: datetime | None, end: datetime | None) -> list[Any]:
    conds: list[Any] = [_P.guild_id == guild_id]
    if key is not None:
        conds.append(_P.role_key == key)
    if start is not None:
        conds.append(_P.added_at >= start)
    if end is not None:
        conds.append(_P.added_at < end)
    return conds


async def _count(session: AsyncSession, conds: list[Any]) -> int:
    return int((await session.execute(select(func.count()).select_from(POSTINGS).where(*conds))).scalar_one())


async def _counts(
    session: AsyncSession, guild_id: int, key: str | None, first_day: int | None, end_day: int | None
) -> _Counts:
    """Counts over the UTC days [first_day, end_day) (None: unbounded)."""
    role = key if key is not None else ALL_ROLES
    d, t = POSTING_DAYS.c, SKILL_TOTALS.c
    days = [d.guild_id == guild_id, d.role_key == role]
    if first_day is not None:
        days.append(d.day >= first_day)
    if end_day is not None:
        days.append(d.day < end_day)
    size = (await session.execute(select(func.coalesce(func.sum(d.n), 0)).where(*days))).scalar_one()
    counts = _Counts(int(size))
    if not counts.size:
        return counts
    if first_day is None and end_day is None:
        stmt = select(t.skill_id, t.n).where(t.guild_id == guild_id, t.role_key == role, t.n > 0)
    else:
        s = SKILL_DAYS.c
        skill_days = [s.guild_id == guild_id, s.role_key == role]
        if first_day is not None:
            skill_days.append(s.day >= first_day)
        if end_day is not None:
            skill_days.append(s.day < end_day)
        stmt = select(s.skill_id, func.sum(s.n)).where(*skill_days).group_by(s.skill_id)
    counts.skills = Counter({int(sid): int(n) for sid, n in (await session.execute(stmt)).tuples() if n})
    return counts


async def _skill_names(session: AsyncSession, ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for part in chunks(ids):
        rows = await session.execute(select(SKILLS.c.id, SKILLS.c.name).where(SKILLS.c.id.in_(part)))
        names.update({int(i): n for i, n in rows.tuples()})
    return names


def _median(values: Sequence[float]) -> float | None:
    return percentile(sorted(values), 0.5) if len(values) else None


@dataclass(slots=True)
class _PayMedians:
    currency: str | None
    size: int  # postings read
    sampled: bool
    by_skill: dict[int, tuple[float | None, float | None, int, int]]


async def _pay_medians(
    session: AsyncSession, conds: list[Any], total: int, use_sample_index: bool, skill_ids: list[int]
) -> _PayMedians:
    """Median yearly pay of the selected postings with and without each skill, in their most common
    currency. A selection of more than SKILL_SAMPLE postings is read through a uniform deterministic
    sample of about that many (``postings.sample`` below a threshold), so the cost stays flat."""
    sampled = total > SKILL_SAMPLE
    if sampled:
        # With a role or a time range the (guild, role, added_at, sample) or (guild, added_at,
        # sample) index is the one to walk, testing the sample inside it. SQLite's planner would
        # rather take the (guild, sample) range and read every row for the rest: "sample + 0"
        # stops it. PostgreSQL tests the sample inside the index by itself.
        sqlite = session.get_bind().dialect.name == "sqlite"
        sample = _P.sample + 0 if sqlite and not use_sample_index else _P.sample
        threshold = max(1, math.ceil(SAMPLE_SPACE * SKILL_SAMPLE / total))
        conds = [*conds, sample < threshold]
    # One pass: each sampled posting with pay, joined to its links to the top skills (if any).
    link = POSTING_SKILLS.c
    stmt = (
        select(_P.id, _P.pay_currency, _P.pay_year, link.skill_id)
        .select_from(POSTINGS)
        .outerjoin(POSTING_SKILLS, and_(link.posting_id == _P.id, link.skill_id.in_(skill_ids or [-1])))
        .where(*conds, _P.pay_currency.is_not(None), _P.pay_year.is_not(None))
    )
    pay_of: dict[int, tuple[str, float]] = {}
    with_skill: dict[int, set[int]] = {sid: set() for sid in skill_ids}
    for pid, cur, pay, sid in (await session.execute(stmt)).tuples():
        pay_of[int(pid)] = (cur, float(pay))
        if sid is not None:
            with_skill[int(sid)].add(int(pid))
    per_currency = Counter(cur for cur, _ in pay_of.values())
    if not per_currency:
        return _PayMedians(None, 0, sampled, {})
    currency = min(per_currency, key=lambda c: (-per_currency[c], c))
    result = _PayMedians(currency, len(pay_of), sampled, {})
    paid = [(pid, pay) for pid, (cur, pay) in pay_of.items() if cur == currency]
    ids = np.fromiter((pid for pid, _ in paid), dtype=np.int64, count=len(paid))
    pays = np.fromiter((pay for _, pay in paid), dtype=np.float64, count=len(paid))
    for sid in skill_ids:
        mask = np.isin(ids, np.fromiter(with_skill[sid], dtype=np.int64, count=len(with_skill[sid])))
        yes, no = pays[mask], pays[~mask]
        result.by_skill[sid] = (
            float(np.percentile(yes, 50)) if len(yes) else None,
            float(np.percentile(no, 50)) if len(no) else None,
            len(yes),
            len(no),
        )
    return result


def _end_day(until: datetime) -> int:
    """The first UTC day not in a window ending at ``until`` (a partial day counts whole)."""
    day = day_number(until)
    return day if until == day_start(day) else day + 1


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
    """Top skills of the window (whole UTC days from ``since``'s to ``until``'s; all time when since
    is None, up to now when until is None): how many postings ask for each and their share (exact,
    from the summary tables), the median yearly pay of postings asking for it against those that
    don't (most common currency; from a uniform sample beyond SKILL_SAMPLE postings), and the change
    of share against the previous period of the same length (for all time: the last 28 days
    against the 28 before)."""
    key = role_key(role) if role else None
    if role and key is None:
        key = role.casefold()
    anchor = until or now
    first = day_number(since) if since is not None else None
    end = _end_day(until) if until is not None else None
    main = await _counts(session, guild_id, key, first, end)
    trend_end = end if end is not None else day_number(anchor) + 1
    if first is not None:
        recent_first, recent = first, main
    else:
        recent_first = trend_end - TREND_DAYS
        recent = await _counts(session, guild_id, key, recent_first, end)
    previous_first = recent_first - (trend_end - recent_first)
    previous = await _counts(session, guild_id, key, previous_first, recent_first)

    top_ids = [sid for sid, _ in sorted(main.skills.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    names = await _skill_names(session, top_ids)
    conds = _selection(
        guild_id,
        key,
        day_start(first) if first is not None else None,
        day_start(end) if end is not None else None,
    )
    by_sample_index = key is None and first is None and end is None
    medians = await _pay_medians(session, conds, main.size, by_sample_index, top_ids)
    stats: list[SkillStat] = []
    for sid in top_ids:
        share_recent = recent.skills[sid] / recent.size if recent.size else None
        share_previous = previous.skills[sid] / previous.size if previous.size else None
        change = (
            share_recent - share_previous if share_recent is not None and share_previous is not None else None
        )
        with_median, without_median, n_with, n_without = medians.by_skill.get(sid, (None, None, 0, 0))
        stats.append(
            SkillStat(
                skill=names.get(sid, "?"),
                count=main.skills[sid],
                share=main.skills[sid] / main.size,
                previous_share=share_previous,
                change=change,
                median_with=with_median,
                median_without=without_median,
                n_with_pay=n_with,
                n_without_pay=n_without,
            )
        )
    return SkillSummary(
        role=role,
        role_key=key,
        since=day_start(first) if first is not None else None,
        until=day_start(end) if end is not None else anchor,
        previous_since=day_start(previous_first),
        previous_until=day_start(recent_first),
        n_postings=main.size,
        n_previous=previous.size,
        sample_size=medians.size,
        sampled=medians.sampled,
        currency=medians.currency,
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

    current = await _counts(session, guild_id, None, day_number(start), _end_day(end))
    previous = await _counts(session, guild_id, None, day_number(prev_start), day_number(start))
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
    session: AsyncSession, current: _Counts, previous: _Counts, limit: int
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
