"""The summary tables (skills, pay buckets) always equal a recount from the postings, whatever the writes were."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing import parse_posting
from parsing.models import Posting
from store import PayFix, Store
from store.db import tables as t
from store.pay_buckets import bucket_of
from tests.factories import make_posting, posting_text
from tests.store.writes.records import write_jsonl
from tests.store_fixtures import FakeClock

G = 4242


def _recount(
    postings: list[tuple[Any, ...]], skills: dict[int, list[int]]
) -> list[dict[tuple[Any, ...], int]]:
    """posting_days, skill_days and skill_totals counted afresh from the postings and their links."""
    under = [
        (pid, g, r, t.day_number(added))
        for pid, g, role, added in postings
        for r in {role or t.ALL_ROLES, t.ALL_ROLES}
    ]
    linked = [(g, r, d, sid) for pid, g, r, d in under for sid in skills.get(pid, [])]
    return [
        dict(Counter((g, r, d) for _, g, r, d in under)),
        dict(Counter(linked)),
        dict(Counter((g, r, sid) for g, r, _, sid in linked)),
    ]


async def _pay_check(s: AsyncSession) -> None:
    """pay_buckets equals a recount of postings with a role and pay, anywhere and per place."""
    p = t.POSTINGS.c
    paid = p.role_key.is_not(None), p.pay_currency.is_not(None), p.pay_year.is_not(None)
    rows = (await s.execute(select(p.id, p.guild_id, p.role_key, p.pay_currency, p.seniority, p.pay_year).where(*paid))).tuples().all()  # fmt: skip
    places: dict[int, list[str]] = {}
    for pid, key in (await s.execute(select(t.POSTING_LOCATIONS.c.posting_id, t.POSTING_LOCATIONS.c.location_key))).tuples():  # fmt: skip
        places.setdefault(pid, []).append(key)
    expected: dict[tuple[Any, ...], list[float]] = {}
    for pid, g, role, cur, level, pay_year in rows:
        for place in ["", *places.get(pid, [])]:
            entry = expected.setdefault((g, role, place, cur, level or "", bucket_of(pay_year)), [0, 0.0])
            entry[0] += 1
            entry[1] += pay_year
    kept = {tuple(r[:6]): (r[6], r[7]) for r in (await s.execute(select(t.PAY_BUCKETS))).tuples() if r[6]}
    assert set(kept) == set(expected)
    for key, (n, total) in kept.items():
        assert n == expected[key][0] and total == pytest.approx(expected[key][1]), key


async def _check(store: Store) -> None:
    async with store.sessions.read() as s:
        postings = (await s.execute(select(t.POSTINGS.c.id, t.POSTINGS.c.guild_id, t.POSTINGS.c.role_key,
                                           t.POSTINGS.c.added_at))).tuples().all()  # fmt: skip
        links = (
            (await s.execute(select(t.POSTING_SKILLS.c.posting_id, t.POSTING_SKILLS.c.skill_id)))
            .tuples()
            .all()
        )
        kept = [
            {tuple(row[:-1]): row[-1] for row in (await s.execute(select(table))).tuples() if row[-1]}
            for table in (t.POSTING_DAYS, t.SKILL_DAYS, t.SKILL_TOTALS)
        ]
        await _pay_check(s)
    skills: dict[int, list[int]] = {}
    for pid, sid in links:
        skills.setdefault(pid, []).append(sid)
    assert kept == _recount(list(postings), skills)


async def test_summaries_follow_every_write(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    ids = []
    for i in range(6):
        clock.advance(days=1)
        posting = make_posting(
            title="Data Engineer" if i % 2 else None,
            skills=["SQL", f"S{i % 3}"],
            pay=(90_000 + 1_000 * i, 100_000, "EUR" if i % 3 else "USD", "year"),
            locations=["Berlin, Germany"] if i % 2 else [],
            seniority="senior" if i > 3 else None,
        )
        ids.append((await store.add_posting(G, posting_text(i), posting, source="message")).posting_id)
    await _check(store)
    await store.add_posting(G, posting_text(0), make_posting(), source="message")  # a repost: no change
    await store.remove_posting(G, ids[0])
    await store.apply_fix(G, ids[1], "title", "Product Manager")  # moves to another role
    await store.apply_fix(G, ids[2], "seniority", "senior")
    await store.apply_fix(
        G, ids[3], "pay", PayFix(min=70, max=80, currency="GBP", period="hour", text="£70-80/h")
    )
    await store.apply_fix(G, ids[5], "pay", None)
    await _check(store)
    from store.writes.importer import import_file

    await import_file(
        store, write_jsonl(tmp_path / "p.jsonl", 20), parse=parse_posting, guild_id=G + 1, batch_size=7
    )
    await _check(store)

    async def reparse(texts: list[str]) -> list[Posting]:
        return [make_posting(title="Analyst", skills=["Excel"]) for _ in texts]

    await store.reparse(reparse, batch_size=4)
    await _check(store)
    summary = await store.skill_summary(G, "analyst", clock.now - timedelta(days=30))
    # 5 postings left; the one whose title was fixed stays a product manager
    assert summary.n_postings == 4 and [s.skill for s in summary.skills] == ["Excel"]


async def test_migration_backfills_the_summaries(store: Store, clock: FakeClock) -> None:
    from store.db.migrate import downgrade, upgrade

    for i in range(5):
        clock.advance(hours=13)
        posting = make_posting(
            title="QA Engineer" if i % 2 else "Tester",
            skills=["Selenium", f"T{i}"],
            pay=(50_000 * i, 60_000 * i, "USD", "year"),
            locations=["Paris, France"] if i % 2 else [],
        )
        await store.add_posting(G, posting_text(i), posting, source="message")
    expected = await store.skill_summary(G, None)
    await downgrade(store.sessions.engine, "0001")
    await upgrade(store.sessions.engine)
    await _check(store)
    assert await store.skill_summary(G, None) == expected
