"""Reading postings back: views, pages, autocomplete."""

from __future__ import annotations

from store import Store
from tests.factories import make_posting, posting_text
from tests.store_fixtures import FakeClock

GUILD = 1001


async def test_list_newest_first_paged_and_filtered(store: Store, clock: FakeClock) -> None:
    ids = []
    for i in range(5):
        clock.advance(minutes=1)
        title = "Data Scientist" if i % 2 else "Backend Developer"
        r = await store.add_posting(GUILD, posting_text(i), make_posting(title=title), source="add_text")
        ids.append(r.posting_id)
    first = await store.list_postings(GUILD, page=0, page_size=2)
    assert [p.id for p in first.items] == [ids[4], ids[3]] and first.has_more
    last = await store.list_postings(GUILD, page=2, page_size=2)
    assert [p.id for p in last.items] == [ids[0]] and not last.has_more
    found = await store.list_postings(GUILD, query="data sci")
    assert [p.id for p in found.items] == [ids[3], ids[1]]
    assert (await store.list_postings(GUILD, query="100%_")).items == []


async def test_autocomplete(store: Store) -> None:
    a = await store.add_posting(
        GUILD, posting_text(1), make_posting(title="Machine Learning Engineer"), source="add_text"
    )
    await store.add_posting(GUILD, posting_text(2), make_posting(title="Data Analyst"), source="add_text")
    await store.add_posting(GUILD, posting_text(3), make_posting(title="Sr. Data Analyst"), source="add_text")
    choices = await store.posting_choices(GUILD, "mach")
    assert [c.id for c in choices] == [a.posting_id]
    assert choices[0].label.startswith(f"#{a.posting_id} Machine Learning Engineer — Acme")
    assert len(await store.posting_choices(GUILD, "")) == 3
    assert (await store.posting_choices(GUILD, str(a.posting_id)))[0].id == a.posting_id
    assert await store.role_choices(GUILD, "d") == ["data analyst"]
    assert await store.role_choices(GUILD, "ML") == ["machine learning engineer"]
    assert await store.role_choices(GUILD, "") == ["data analyst", "machine learning engineer"]
