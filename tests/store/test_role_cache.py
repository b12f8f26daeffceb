"""Role counts kept between calls: always what a fresh count gives after this process's writes, kept
from a read that overlapped adds only where the adds it saw can be told from those it did not, never
from one that overlapped another write, read once for callers that ask together, and read again once
old."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.role import normalize_role
from store import Store
from store.queries import roles
from store.role_cache import ALL, RoleCounts
from tests.factories import make_posting, posting_text

G = 2201


async def _fresh(store: Store, guild_id: int) -> dict[str, int]:
    async with store.sessions.read() as session:
        return await roles.role_counts(session, guild_id)


async def _add(store: Store, seed: str, title: str, guild_id: int = G) -> int:
    added = await store.add_posting(
        guild_id, posting_text(seed), make_posting(title=title), source="add_text"
    )
    return added.posting_id


async def test_counts_follow_adds_reposts_removals_and_fixes(store: Store) -> None:
    first = await _add(store, "a", "Data Scientist")
    assert await store.role_counts(G) == await _fresh(store, G) == {normalize_role("Data Scientist"): 1}
    await _add(store, "b", "Data Scientist")
    await _add(store, "c", "Product Manager")
    await _add(store, "a", "Data Scientist")  # a repost: no new posting
    await _add(store, "d", "Nurse", guild_id=G + 1)  # another server's
    assert await store.role_counts(G) == await _fresh(store, G)
    assert sum((await store.role_counts(G)).values()) == 3
    await store.apply_fix(G, first, "title", "Product Manager")
    assert await store.role_counts(G) == await _fresh(store, G)
    assert await store.remove_posting(G, first)
    assert await store.role_counts(G) == await _fresh(store, G)
    assert await store.role_counts(G + 1) == await _fresh(store, G + 1)


async def test_counts_read_during_a_burst_of_adds_stay_right(store: Store) -> None:
    titles = ["Data Scientist", "Product Manager", "Nurse", "Data Scientist", "Chef", "Nurse"]
    await _add(store, "seed", "Chef")
    for round_ in range(3):
        work: list[Awaitable[object]] = []
        for i, title in enumerate(titles):  # each read may see any number of the adds committed
            work += [_add(store, f"r{round_}-{i}", title), store.role_counts(G)]
        await asyncio.gather(*work)
        assert await store.role_counts(G) == await _fresh(store, G)
    assert sum((await store.role_counts(G)).values()) == 1 + 3 * len(titles)


async def test_callers_asking_together_share_one_read(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    await _add(store, "a", "Data Scientist")
    reads = 0
    real = roles.role_counts_as_of

    async def counted(session: AsyncSession, guild_id: int) -> tuple[dict[str, int], int | None]:
        nonlocal reads
        reads += 1
        return await real(session, guild_id)

    monkeypatch.setattr(roles, "role_counts_as_of", counted)
    answers = await asyncio.gather(*(store.role_counts(G) for _ in range(8)))
    assert reads == 1
    fresh = await _fresh(store, G)
    assert all(answer == fresh for answer in answers)


def _read(cache: RoleCounts, counts: dict[str, int], watermark: int | None) -> dict[str, int]:
    ticket = cache.reading(G)
    try:
        return cache.put(ticket, counts, watermark)
    finally:
        cache.done(ticket)


def test_a_read_that_overlapped_another_write_is_not_kept() -> None:
    cache = RoleCounts()
    ticket = cache.reading(G)
    cache.begin(G)
    cache.put(ticket, {"nurse": 1}, 5)  # read before or during the write: not kept
    cache.done(ticket)
    assert cache.get(G) is None
    _read(cache, {"nurse": 1}, 5)  # started while the write is under way: not kept either
    cache.end(G)
    assert cache.get(G) is None
    assert _read(cache, {"nurse": 2}, 6) == {"nurse": 2}
    assert cache.get(G) == {"nurse": 2}


def test_without_a_watermark_a_read_overlapping_an_add_is_not_kept() -> None:
    cache = RoleCounts()
    ticket = cache.reading(G)
    cache.adding(G)
    cache.added(G, 7, "nurse")
    cache.put(ticket, {"nurse": 1}, None)
    cache.done(ticket)
    assert cache.get(G) is None
    cache.adding(G)
    _read(cache, {"nurse": 2}, None)
    assert cache.get(G) is None
    cache.added(G, 8, "nurse")
    _read(cache, {"nurse": 3}, None)
    assert cache.get(G) == {"nurse": 3}
    cache.adding(G)
    cache.added(G, 9, "chef")  # after a quiet read: counts itself
    assert cache.get(G) == {"nurse": 3, "chef": 1}


def test_adds_overlapping_a_read_count_once_by_their_ids() -> None:
    cache = RoleCounts()
    cache.adding(G)  # id 10, committed before the snapshot, ends after the read
    cache.adding(G)  # id 11, committed before the snapshot (watermark 11), ends during the read
    cache.adding(G)  # id 12, committed after the snapshot, ends during the read
    cache.adding(G)  # id 13, committed after the snapshot, ends after the read
    ticket = cache.reading(G)
    cache.added(G, 11, "nurse")
    cache.added(G, 12, "chef")
    counts = cache.put(ticket, {"nurse": 5}, 11)
    cache.done(ticket)
    assert counts == cache.get(G) == {"nurse": 5, "chef": 1}
    cache.added(G, 10, "chef")  # already counted
    cache.added(G, 13, "nurse")
    assert cache.get(G) == {"nurse": 6, "chef": 1}
    cache.adding(G)
    cache.added(G, None, None)  # a repost
    assert cache.get(G) == {"nurse": 6, "chef": 1}


def test_a_failed_add_and_other_writes_drop_the_counts() -> None:
    cache = RoleCounts()
    _read(cache, {"nurse": 2}, 4)
    cache.adding(G)
    cache.add_failed(G)  # it may still commit
    assert cache.get(G) is None
    _read(cache, {"nurse": 2}, 4)
    cache.begin(G)
    cache.end(G)  # a removal, a fix
    assert cache.get(G) is None
    _read(cache, {"nurse": 2}, 4)
    ticket = cache.reading(G + 1)
    cache.put(ticket, {"chef": 1}, 4)
    cache.done(ticket)
    cache.begin(ALL)
    cache.end(ALL)
    assert cache.get(G) is None and cache.get(G + 1) is None


def test_counts_are_read_again_once_old() -> None:
    now = [0.0]
    cache = RoleCounts(max_age=60, clock=lambda: now[0])
    _read(cache, {"nurse": 1}, 1)
    now[0] = 59
    assert cache.get(G) == {"nurse": 1}
    now[0] = 61  # another process may have written meanwhile
    assert cache.get(G) is None
