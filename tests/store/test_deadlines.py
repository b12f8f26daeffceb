"""Every database call has a deadline: a frozen PostgreSQL or a locked SQLite file gives a clear
StoreUnavailable (or SQLite's own "locked") instead of a wait without end, and the store works again once the database does,
without being reopened."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator

import pytest

from parsing import parse_posting
from parsing.role import normalize_role
from store import Store, StoreError, StoreUnavailable
from store.db.engine import normalize_url
from tests.factories import posting_text
from tests.freezable_proxy import FreezableProxy
from tests.store_fixtures import TEST_PAY

G = 1617
DEADLINE = 1.0
# Only a safety net for the test run: the store must answer long before it.
NEVER = 60.0


async def _add(store: Store, seed: object) -> int:
    text = posting_text(seed)
    result = await store.add_posting(G, text, parse_posting(text), source="message")
    return result.posting_id


@pytest.fixture
async def frozen_pg(db_url: str) -> AsyncIterator[tuple[Store, FreezableProxy]]:
    if not db_url.startswith("postgresql"):
        pytest.skip("a network freeze is a PostgreSQL matter")
    url = normalize_url(db_url)
    async with FreezableProxy(url.host or "127.0.0.1", url.port or 5432) as proxy:
        via_proxy = url.set(host="127.0.0.1", port=proxy.listen_port).render_as_string(hide_password=False)
        store = await Store.open(via_proxy, pay=TEST_PAY, normalize_role=normalize_role, deadline=DEADLINE)
        try:
            yield store, proxy
        finally:
            proxy.thaw()
            await asyncio.wait_for(store.close(), NEVER)


async def test_a_frozen_postgresql_is_answered_by_the_deadline(
    frozen_pg: tuple[Store, FreezableProxy],
) -> None:
    store, proxy = frozen_pg
    first = await _add(store, 1)
    proxy.freeze()
    with pytest.raises(StoreUnavailable, match="did not answer"):
        await asyncio.wait_for(store.get_posting(G, first), NEVER)
    with pytest.raises(StoreUnavailable):
        await asyncio.wait_for(_add(store, 2), NEVER)
    proxy.thaw()
    view = await asyncio.wait_for(store.get_posting(G, first), NEVER)
    assert view is not None and view.id == first
    await asyncio.wait_for(_add(store, 3), NEVER)


async def test_a_cancelled_caller_is_not_held_by_a_frozen_database(
    frozen_pg: tuple[Store, FreezableProxy],
) -> None:
    store, proxy = frozen_pg
    await _add(store, 1)
    proxy.freeze()
    # As autocomplete does: give up after a moment; the store must let go at once.
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(store.posting_choices(G, "", limit=5), DEADLINE / 4)
    proxy.thaw()
    assert await asyncio.wait_for(store.posting_choices(G, "", limit=5), NEVER)


async def test_a_locked_sqlite_file_is_answered_by_the_deadline(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("a file lock is a SQLite matter")
    store = await Store.open(db_url, pay=TEST_PAY, normalize_role=normalize_role, deadline=DEADLINE)
    other = sqlite3.connect(normalize_url(db_url).database or "", isolation_level=None)
    try:
        first = await _add(store, 1)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        with pytest.raises(StoreError):  # the deadline, or SQLite's own "locked"
            await asyncio.wait_for(_add(store, 2), NEVER)
        assert (await store.get_posting(G, first)) is not None  # reads go on meanwhile
        other.execute("ROLLBACK")
        await asyncio.wait_for(_add(store, 3), NEVER)
    finally:
        other.close()
        await asyncio.wait_for(store.close(), NEVER)
