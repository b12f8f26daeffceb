"""The skill summary tables always equal a recount from the postings, whatever the writes were."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from parsing import parse_posting
from parsing.models import Posting
from store import Store
from store.db.tables import (
    ALL_ROLES,
    POSTING_DAYS,
    POSTING_SKILLS,
    POSTINGS,
    SKILL_DAYS,
    SKILL_TOTALS,
    day_number,
)
from tests.factories import make_posting, posting_text
from tests.store.writes.records import write_jsonl
from tests.store_fixtures import FakeClock

G = 4242


async def _check(store: Store) -> None:
    async with store.sessions.read() as s:
        postings = (await s.execute(select(POSTINGS.c.id, POSTINGS.c.guild_id, POSTINGS.c.role_key,
                                           POSTINGS.c.added_at))).tuples().all()  # fmt: skip
        links = (
            (await s.execute(select(POSTING_SKILLS.c.posting_id, POSTING_SKILLS.c.skill_id))).tuples().all()
        )
        kept_days = {(g, r, d): n for g, r, d, n in (await s.execute(select(POSTING_DAYS))).tuples() if n}
        kept_skill_days = {
            (g, r, d, k): n for g, r, d, k, n in (await s.execute(select(SKILL_DAYS))).tuples() if n
        }
        kept_totals = {(g, r, k): n for g, r, k, n in (await s.execute(select(SKILL_TOTALS))).tuples() if n}
    skills: dict[int, list[int]] = {}
    for pid, sid in links:
        skills.setdefault(pid, []).append(sid)
    days: Counter[tuple[int, str, int]] = Counter()
    skill_days: Counter[tuple[int, str, int, int]] = Counter()
    totals: Counter[tuple[int, str, int]] = Counter()
    for pid, guild, role, added in postings:
        for r in (role, ALL_ROLES) if role else (ALL_ROLES,):
            days[(guild, r, day_number(added))] += 1
            for sid in skills.get(pid, []):
                skill_days[(guild, r, day_number(added), sid)] += 1
                totals[(guild, r, sid)] += 1
    assert kept_days == dict(days)
    assert kept_skill_days == dict(skill_days)
    assert kept_totals == dict(totals)


async def test_summaries_follow_every_write(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    ids = []
    for i in range(6):
        clock.advance(days=1)
        posting = make_posting(title="Data Engineer" if i % 2 else None, skills=["SQL", f"S{i % 3}"])
        ids.append((await store.add_posting(G, posting_text(i), posting, source="message")).posting_id)
    await _check(store)
    await store.add_posting(G, posting_text(0), make_posting(), source="message")  # a repost: no change
    await store.remove_posting(G, ids[0])
    await store.apply_fix(G, ids[1], "title", "Product Manager")  # moves to another role
    await store.apply_fix(G, ids[2], "seniority", "senior")
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
        posting = make_posting(title="QA Engineer" if i % 2 else None, skills=["Selenium", f"T{i}"])
        await store.add_posting(G, posting_text(i), posting, source="message")
    expected = await store.skill_summary(G, None)
    await downgrade(store.sessions.engine, "0001")
    await upgrade(store.sessions.engine)
    await _check(store)
    assert await store.skill_summary(G, None) == expected
