"""/skills: the skills most asked for in a window, their share and its change, and the pay of postings
that ask for each against those that don't."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from store.db.tables import POSTING_SKILLS, POSTINGS, day_number, day_start
from store.keys import RoleKeys
from store.queries.percentiles import percentile
from store.queries.skill_counts import counts, end_day, selection, skill_names
from store.results import SkillStat, SkillSummary

SAMPLE_SPACE = 65536  # postings.sample is uniform in [0, 65536)
SKILL_SAMPLE = 2000  # postings read for skill pay medians (beyond this: a uniform sample)
TREND_DAYS = 28
NO_ROLE = "-"  # a key no posting has (role keys hold a role noun; "" is the summaries' every role)
_P = POSTINGS.c


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
            percentile(np.sort(yes), len(yes), 0.5) if len(yes) else None,
            percentile(np.sort(no), len(no), 0.5) if len(no) else None,
            len(yes),
            len(no),
        )
    return result


async def skill_summary(
    session: AsyncSession,
    guild_id: int,
    *,
    role: str | None,
    since: datetime | None,
    until: datetime | None,
    now: datetime,
    top: int,
    roles: RoleKeys,
) -> SkillSummary:
    """Top skills of the window (whole UTC days from ``since``'s to ``until``'s; all time when since
    is None, up to now when until is None): how many postings ask for each and their share (exact,
    from the summary tables), the median yearly pay of postings asking for it against those that
    don't (most common currency; from a uniform sample beyond SKILL_SAMPLE postings), and the change
    of share against the previous period of the same length (for all time: the last 28 days
    against the 28 before)."""
    # A role nothing can be read from matches no posting (never all of them, nor its bare text).
    key = (roles(role) or NO_ROLE) if role else None
    anchor = until or now
    first = day_number(since) if since is not None else None
    end = end_day(until) if until is not None else None
    main = await counts(session, guild_id, key, first, end)
    trend_end = end if end is not None else day_number(anchor) + 1
    if first is not None:
        recent_first, recent = first, main
    else:
        recent_first = trend_end - TREND_DAYS
        recent = await counts(session, guild_id, key, recent_first, end)
    previous_first = recent_first - (trend_end - recent_first)
    previous = await counts(session, guild_id, key, previous_first, recent_first)

    top_ids = [sid for sid, _ in sorted(main.skills.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    names = await skill_names(session, top_ids)
    conds = selection(
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
