"""The same posting pasted twice counts once: exact and near reposts, pay changes, concurrency."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from store import PayFix, Store
from store.db.tables import POSTINGS, REPOSTS
from tests.factories import make_posting, posting_text

GUILD = 2002


async def _count(store: Store, table: object) -> int:
    async with store.sessions.read() as s:
        return int((await s.execute(select(func.count()).select_from(table))).scalar_one())  # type: ignore[arg-type]


async def test_exact_repost_with_different_whitespace_and_case(store: Store) -> None:
    text = posting_text(1)
    first = await store.add_posting(GUILD, text, make_posting(), source="message", user_id=1)
    messy = "\n\n  " + text.upper().replace(" ", "   ").replace("\n", "\r\n") + "\u200b "
    second = await store.add_posting(GUILD, messy, make_posting(), source="message", user_id=2)
    assert not second.created
    assert second.posting_id == first.posting_id == second.repost_of
    assert second.similarity == 1.0 and second.pay_change is None
    assert second.posting.repost_count == 1
    assert await _count(store, POSTINGS) == 1


async def test_near_repost_tracking_line_and_small_edits(store: Store) -> None:
    text = posting_text(2, words=200)
    first = await store.add_posting(GUILD, text, make_posting(), source="message")
    edited = text.replace("About the role", "About this role", 1)
    words = edited.split(" ")
    words[40] = "rewritten"
    words[90] = "changed"
    edited = " ".join(words) + "\nSeen on https://jobs.example.com/view/123?utm_source=discord&ref=abc\n"
    second = await store.add_posting(GUILD, edited, make_posting(), source="message")
    assert not second.created and second.repost_of == first.posting_id
    assert second.similarity is not None and 0.7 <= second.similarity < 1.0
    assert await _count(store, POSTINGS) == 1


async def test_different_postings_are_not_reposts(store: Store) -> None:
    for i in range(10):
        r = await store.add_posting(GUILD, posting_text(i), make_posting(), source="message")
        assert r.created
    assert await _count(store, POSTINGS) == 10


async def test_same_text_for_another_role_is_not_a_repost(store: Store) -> None:
    body = posting_text(3, words=200)
    a = await store.add_posting(
        GUILD, "Data Engineer\n" + body, make_posting(title="Data Engineer"), source="add_text"
    )
    b = await store.add_posting(
        GUILD, "Product Designer\n" + body, make_posting(title="Product Designer"), source="add_text"
    )
    assert a.created and b.created


async def test_same_text_for_another_place_is_not_a_repost(store: Store) -> None:
    body = posting_text(3, words=200)
    paris = await store.add_posting(
        GUILD, "Paris\n" + body, make_posting(locations=["Paris, France"]), source="add_text"
    )
    berlin = await store.add_posting(
        GUILD, "Berlin\n" + body, make_posting(locations=["Berlin, Germany"]), source="add_text"
    )
    assert paris.created and berlin.created
    # without a place on one side, it is the same posting
    unknown = await store.add_posting(GUILD, "Somewhere\n" + body, make_posting(), source="add_text")
    assert not unknown.created


async def test_pay_change_is_recorded(store: Store) -> None:
    text = posting_text(4, words=200)
    first = await store.add_posting(
        GUILD, text, make_posting(pay=(100_000, 120_000, "USD", "year")), source="message"
    )
    raised = text + "\nUpdated: pay now 110k-130k\n"
    second = await store.add_posting(
        GUILD, raised, make_posting(pay=(110_000, 130_000, "USD", "year")), source="message"
    )
    assert second.repost_of == first.posting_id
    change = second.pay_change
    assert change is not None
    assert change.old_year == 110_000 and change.new_year == 120_000
    assert change.old_currency == change.new_currency == "USD"
    # the saved posting now states the new pay, everywhere (its view, the statistics); the old pay
    # stays on record with the repost
    assert second.posting.pay is not None and second.posting.pay.year_point == 120_000
    assert [r.year_point for r in second.posting.pay_ranges] == [120_000]
    stats = await store.salary_stats(GUILD, "Machine Learning Engineer")
    assert [c.overall.median for c in stats.by_currency] == [120_000]
    async with store.sessions.read() as s:
        changed = (
            await s.execute(select(REPOSTS.c.pay_changed, REPOSTS.c.old_pay_year, REPOSTS.c.new_pay_year))
        ).all()
    assert [tuple(r) for r in changed] == [(True, 110_000, 120_000)]
    # the same pay again is no change
    again = await store.add_posting(
        GUILD,
        raised + "\nStill open.\n",
        make_posting(pay=(110_000, 130_000, "USD", "year")),
        source="message",
    )
    assert again.repost_of == first.posting_id and again.pay_change is None


async def test_pay_fix_wins_over_a_reposts_pay(store: Store) -> None:
    text = posting_text(7, words=200)
    first = await store.add_posting(
        GUILD, text, make_posting(pay=(100_000, 120_000, "USD", "year")), source="message"
    )
    await store.apply_fix(
        GUILD,
        first.posting_id,
        "pay",
        PayFix(min=90_000, max=90_000, currency="USD", period="year", text="$90k"),
    )
    second = await store.add_posting(
        GUILD, text + "\nnow 150k\n", make_posting(pay=(150_000, 150_000, "USD", "year")), source="message"
    )
    assert second.pay_change is not None
    assert second.posting.pay is not None and second.posting.pay.year_point == 90_000


async def test_same_text_for_another_company_is_not_a_repost(store: Store) -> None:
    body = posting_text(8, words=200)
    acme = await store.add_posting(GUILD, "Acme\n" + body, make_posting(company="Acme"), source="add_text")
    globex = await store.add_posting(
        GUILD, "Globex\n" + body, make_posting(company="Globex Corporation"), source="add_text"
    )
    assert acme.created and globex.created
    assert globex.posting.company == "Globex Corporation"
    # the same company spelled differently is the same posting
    again = await store.add_posting(
        GUILD, "ACME\n" + body, make_posting(company="ACME, Inc."), source="add_text"
    )
    assert not again.created and again.repost_of == acme.posting_id


async def test_reposts_are_per_guild(store: Store) -> None:
    text = posting_text(5)
    a = await store.add_posting(GUILD, text, make_posting(), source="message")
    b = await store.add_posting(GUILD + 1, text, make_posting(), source="message")
    assert a.created and b.created and a.posting_id != b.posting_id


async def test_replayed_message_is_recorded_once(store: Store) -> None:
    first = await store.add_posting(GUILD, posting_text(6), make_posting(), source="message", message_id=77)
    again = await store.add_posting(GUILD, posting_text(6), make_posting(), source="message", message_id=77)
    assert again.already_recorded and again.posting_id == first.posting_id
    assert await _count(store, REPOSTS) == 0


async def test_fifty_concurrent_adds_store_exactly_one(store: Store) -> None:
    text = posting_text("concurrent", words=150)
    results = await asyncio.gather(
        *(
            store.add_posting(GUILD, text, make_posting(skills=["Go", "SQL"]), source="message", user_id=i)
            for i in range(50)
        )
    )
    assert sum(r.created for r in results) == 1
    assert len({r.posting_id for r in results}) == 1
    assert await _count(store, POSTINGS) == 1
    assert await _count(store, REPOSTS) == 49
    view = await store.get_posting(GUILD, results[0].posting_id)
    assert view is not None and view.skills == ["Go", "SQL"] and view.repost_count == 49
