"""Role counts kept between calls: always what a fresh count gives after this process's writes, never
kept from a read that overlapped a write, and read again once old."""

from __future__ import annotations

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


def test_a_read_that_overlapped_a_write_is_not_kept() -> None:
    cache = RoleCounts()
    version = cache.version(G)
    cache.begin(G)
    cache.put(G, {"nurse": 1}, version)  # read before or during the write: not kept
    assert cache.get(G) is None
    during = cache.version(G)
    cache.put(G, {"nurse": 1}, during)  # started while the write is under way: not kept either
    cache.end(G, kept=True, added="nurse")
    assert cache.get(G) is None
    after = cache.version(G)
    cache.put(G, {"nurse": 2}, after)
    assert cache.get(G) == {"nurse": 2}


def test_a_committed_add_counts_one_more_and_other_writes_drop_the_counts() -> None:
    cache = RoleCounts()
    cache.put(G, {"nurse": 2}, cache.version(G))
    cache.begin(G)
    cache.end(G, kept=True, added="chef")
    assert cache.get(G) == {"nurse": 2, "chef": 1}
    cache.begin(G)
    cache.end(G)  # a removal, a fix, a failed add
    assert cache.get(G) is None
    cache.put(G, {"nurse": 2}, cache.version(G))
    cache.put(G + 1, {"chef": 1}, cache.version(G + 1))
    cache.begin(ALL)
    cache.end(ALL)
    assert cache.get(G) is None and cache.get(G + 1) is None


def test_counts_are_read_again_once_old() -> None:
    now = [0.0]
    cache = RoleCounts(max_age=60, clock=lambda: now[0])
    cache.put(G, {"nurse": 1}, cache.version(G))
    now[0] = 59
    assert cache.get(G) == {"nurse": 1}
    now[0] = 61  # another process may have written meanwhile
    assert cache.get(G) is None
