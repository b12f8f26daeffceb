"""A removed posting's id is never handed out again, on both engines, including in a database created
before migration 0005 (whose rows, ids and attached rows the migration keeps)."""

from __future__ import annotations

from sqlalchemy import func, select

from parsing.role import normalize_role
from store import Store
from store.db.migrate import downgrade, head_revision, upgrade
from store.db.tables import POSTING_FIXES, POSTING_PAY
from tests.factories import make_posting, posting_text
from tests.store_fixtures import TEST_PAY

GUILD = 1501


async def _open(url: str) -> Store:
    return await Store.open(url, pay=TEST_PAY, normalize_role=normalize_role, auto_upgrade=True)


async def _count(store: Store, table: object) -> int:
    async with store.sessions.read() as session:
        return int((await session.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


async def _add(store: Store, seed: int) -> int:
    result = await store.add_posting(
        GUILD, posting_text(seed), make_posting(title=f"Engineer {seed}"), source="message"
    )
    return result.posting_id


async def test_ids_survive_the_migration_and_are_never_reused(empty_db_url: str) -> None:
    store = await _open(empty_db_url)
    try:
        ids = [await _add(store, seed) for seed in range(3)]
        await store.apply_fix(GUILD, ids[0], "company", "Initech")
        fixes, pay = await _count(store, POSTING_FIXES), await _count(store, POSTING_PAY)
    finally:
        await store.close()
    assert fixes == 1 and pay == 3

    # back to the schema before 0005 and up again: every row, id and attached row is kept
    store = await _open(empty_db_url)
    try:
        engine = store.sessions.engine
        assert await downgrade(engine, "0004") == "0004"
        assert await upgrade(engine) == head_revision()
        assert [p.id for p in (await store.list_postings(GUILD)).items] == sorted(ids, reverse=True)
        assert (await _count(store, POSTING_FIXES), await _count(store, POSTING_PAY)) == (fixes, pay)
        view = await store.get_posting(GUILD, ids[0])
        assert view is not None and view.company == "Initech"

        # the newest posting removed, the next one gets a new id, not the removed one
        assert await store.remove_posting(GUILD, ids[-1])
        fresh = await _add(store, 10)
        assert fresh > ids[-1]
        # with every posting gone, ids still only go up
        for posting_id in [*ids[:-1], fresh]:
            assert await store.remove_posting(GUILD, posting_id)
        assert await _add(store, 11) > fresh
    finally:
        await store.close()
