"""Adding postings: what is saved, pay annualized and converted, the view shown at once."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select

from parsing.models import Posting
from store import InvalidInput, Store, StoreWriteError
from store.db import tables as t
from store.db.plain import Rows
from store.db.write_connection import WriteConnection
from store.writes import dedup
from store.writes import rows as rows_module
from tests.factories import make_posting, posting_text

GUILD = 1001


async def test_add_and_get(store: Store) -> None:
    posting = make_posting(
        title="Senior ML Engineer",
        skills=["Python", "PyTorch", "python"],
        locations=["London, UK"],
        seniority="senior",
        workplace="hybrid",
    )
    result = await store.add_posting(
        GUILD, posting_text(1), posting, source="message", user_id=7, channel_id=8, message_id=9
    )
    assert result.created and result.repost_of is None
    view = result.posting
    assert view.id == result.posting_id
    assert view.title == "Senior ML Engineer"
    assert view.role == "machine learning engineer"
    assert view.skills == ["Python", "PyTorch"]
    assert view.locations == ["London, UK"]
    assert view.user_id == 7 and view.channel_id == 8 and view.message_id == 9
    assert view.source == "message"
    assert view.pay is not None
    assert view.pay.year_point == 110_000 and view.pay.usd_year == 110_000
    assert view.pay.rate_date is not None
    assert len(view.pay_ranges) == 1
    again = await store.get_posting(GUILD, view.id)
    assert again == view
    assert view.text == posting_text(1)


async def test_pay_is_annualized_and_converted(store: Store) -> None:
    hourly = await store.add_posting(
        GUILD, posting_text("h"), make_posting(pay=(50, 60, "EUR", "hour")), source="add_text"
    )
    pay = hourly.posting.pay
    assert pay is not None
    assert pay.currency == "EUR" and pay.period == "hour" and pay.min == 50 and pay.max == 60
    assert pay.year_min == 50 * 2080 and pay.year_max == 60 * 2080
    assert pay.year_point == pytest.approx(55 * 2080)
    assert pay.usd_year == pytest.approx(55 * 2080 * 1.1)
    one_bound = await store.add_posting(
        GUILD, posting_text("u"), make_posting(pay=(None, 5000, "GBP", "month")), source="add_text"
    )
    assert one_bound.posting.pay is not None
    assert one_bound.posting.pay.year_point == 60_000
    unknown = await store.add_posting(
        GUILD, posting_text("x"), make_posting(pay=(1, 2, "XYZ", "year")), source="add_text"
    )
    assert unknown.posting.pay is not None and unknown.posting.pay.usd_year is None


async def test_empty_text_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInput):
        await store.add_posting(GUILD, "   \n", make_posting(), source="add_text")


@pytest.mark.parametrize(
    "posting",
    [
        make_posting(
            skills=["Python", "SQL", "Kubernetes"], locations=["Berlin, Germany"], seniority="senior"
        ),
        make_posting(pay=(45, None, "USD", "hour"), workplace="remote", skills=["Excel"]),
        make_posting(pay=None, title=None, company=None, skills=[]),
        make_posting(pay=(40_000, 50_000, "GBP", "year"), locations=["London", "Remote"], workplace="hybrid"),
    ],
)
async def test_a_new_posting_is_shown_exactly_as_it_reads_back(store: Store, posting: Posting) -> None:
    # an earlier posting creates some of the skills, so names come from both paths
    first = posting_text("earlier")
    await store.add_posting(GUILD, first, make_posting(skills=["Python", "Excel"]), source="add_text")
    text = posting_text(f"new {posting.title} {posting.salary}")
    added = await store.add_posting(
        GUILD, text, posting, source="message", user_id=7, channel_id=8, message_id=9
    )
    assert added.created
    assert added.posting == await store.get_posting(GUILD, added.posting_id)


async def _rows_of(store: Store, guild_id: int, posting_id: int) -> dict[str, Any]:
    """What a posting wrote, without its id and guild: child rows, band keys, summary rows."""
    async with store.sessions.read() as s:

        async def rows(table: Any, where: Any, drop: tuple[str, ...]) -> list[tuple[Any, ...]]:
            columns = [c for c in table.c if c.name not in drop]
            return sorted((await s.execute(select(*columns).where(where))).tuples().all(), key=repr)

        ids = ("id", "posting_id", "guild_id")
        return {
            "posting": await rows(t.POSTINGS, t.POSTINGS.c.id == posting_id, ids),
            "pay": await rows(t.POSTING_PAY, t.POSTING_PAY.c.posting_id == posting_id, ids),
            "skills": await rows(t.POSTING_SKILLS, t.POSTING_SKILLS.c.posting_id == posting_id, ids),
            "places": await rows(t.POSTING_LOCATIONS, t.POSTING_LOCATIONS.c.posting_id == posting_id, ids),
            "bands": await rows(t.POSTING_BANDS, t.POSTING_BANDS.c.posting_id == posting_id, ids),
            "staged": await rows(
                t.POSTING_BANDS_STAGED, t.POSTING_BANDS_STAGED.c.posting_id == posting_id, ids
            ),
            "pay_buckets": await rows(t.PAY_BUCKETS, t.PAY_BUCKETS.c.guild_id == guild_id, ids),
            "days": await rows(t.POSTING_DAYS, t.POSTING_DAYS.c.guild_id == guild_id, ids),
            "skill_days": await rows(t.SKILL_DAYS, t.SKILL_DAYS.c.guild_id == guild_id, ids),
            "skill_totals": await rows(t.SKILL_TOTALS, t.SKILL_TOTALS.c.guild_id == guild_id, ids),
        }


async def test_an_add_writes_the_same_rows_whether_its_skills_are_known_or_not(store: Store) -> None:
    # The first add must look its skills up (written after its reads); the second, into another server
    # with every skill known, is read and written in one trip. Both write the same rows.
    posting = make_posting(
        skills=["Python", "SQL"], locations=["Berlin, Germany", "Remote"], seniority="senior"
    )
    text = posting_text("same everywhere")
    cold = await store.add_posting(GUILD, text, posting, source="message", user_id=3)
    warm = await store.add_posting(GUILD + 1, text, posting, source="message", user_id=3)
    assert cold.created and warm.created and warm.posting_id > cold.posting_id
    written = await _rows_of(store, GUILD, cold.posting_id)
    assert written["pay"] and written["skills"] and written["places"] and written["pay_buckets"]
    assert len(written["bands"]) == dedup.BANDS and not written["staged"]
    assert await _rows_of(store, GUILD + 1, warm.posting_id) == written


async def test_a_write_that_fails_half_way_saves_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    await store.add_posting(
        GUILD, posting_text("known skills"), make_posting(skills=["Python"]), source="add_text"
    )
    before = await _rows_of(store, GUILD, 0)
    real = rows_module._children

    def and_a_broken_link(*args: Any) -> list[Rows]:
        # the last statement of the trip refers to a posting that does not exist
        broken = Rows(
            "INSERT INTO posting_skills (posting_id, skill_id, position) VALUES (?, ?, ?)", [(-5, -5, 0)]
        )
        return [*real(*args), broken]

    monkeypatch.setattr(rows_module, "_children", and_a_broken_link)
    with pytest.raises(StoreWriteError, match="nothing was saved"):
        await store.add_posting(
            GUILD, posting_text("never saved"), make_posting(skills=["Python"]), source="add_text"
        )
    monkeypatch.undo()
    assert await _rows_of(store, GUILD, 0) == before
    page = await store.list_postings(GUILD)
    assert [p.title for p in page.items] == ["Machine Learning Engineer"]
    added = await store.add_posting(GUILD, posting_text("never saved"), make_posting(), source="add_text")
    assert added.created


async def test_an_add_writes_the_same_rows_without_the_session_as_with_it(store: Store) -> None:
    # Anything watching the engine's statements sends every write through SQLAlchemy's session; on
    # SQLite an unwatched add of a new paste goes through the store's own write connection instead.
    posting = make_posting(skills=["Rust", "Go"], locations=["Paris, France"], pay=(50, 60, "EUR", "hour"))
    text = posting_text("either way")
    engine = store.sessions.engine.sync_engine

    def watching(*_: Any) -> None:
        return None

    event.listen(engine, "before_cursor_execute", watching)
    try:
        through_session = await store.add_posting(GUILD, text, posting, source="message", user_id=4)
    finally:
        event.remove(engine, "before_cursor_execute", watching)
    direct = await store.add_posting(GUILD + 1, text, posting, source="message", user_id=4)
    assert through_session.created and direct.created
    assert direct.posting == await store.get_posting(GUILD + 1, direct.posting_id)
    assert await _rows_of(store, GUILD + 1, direct.posting_id) == await _rows_of(
        store, GUILD, through_session.posting_id
    )


async def test_a_repost_writes_the_same_row_without_the_session_as_with_it(store: Store) -> None:
    posting = make_posting(skills=["Rust"], pay=(50, 60, "EUR", "hour"))
    text = posting_text("posted twice")
    engine = store.sessions.engine.sync_engine

    def watching(*_: Any) -> None:
        return None

    reposts = []
    for guild_id, watched in ((GUILD, True), (GUILD + 1, False)):
        first = await store.add_posting(guild_id, text, posting, source="message", user_id=4)
        if watched:
            event.listen(engine, "before_cursor_execute", watching)
        try:
            again = await store.add_posting(guild_id, text, posting, source="add_text", user_id=5)
        finally:
            if watched:
                event.remove(engine, "before_cursor_execute", watching)
        assert again.repost_of == first.posting_id and again.similarity == 1.0 and again.pay_change is None
        assert again.posting == await store.get_posting(guild_id, first.posting_id)
        async with store.sessions.read() as session:
            found = await session.execute(select(t.REPOSTS).where(t.REPOSTS.c.guild_id == guild_id))
            (row,) = found.mappings().all()
        reposts.append({k: v for k, v in row.items() if k not in ("id", "guild_id", "posting_id")})
    assert reposts[0] == reposts[1]
    assert reposts[0]["user_id"] == 5 and reposts[0]["raw_text"] is None and not reposts[0]["pay_changed"]


async def test_sqlite_saves_a_new_paste_in_one_transaction_of_its_own_connection(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store.dialect != "sqlite":
        pytest.skip("the write connection is SQLite's")
    kept: list[object] = []
    real = WriteConnection.transaction

    async def spied(self: WriteConnection, work: Any, *before: Any) -> Any:
        result = await real(self, work, *before)
        kept.append(result)
        return result

    monkeypatch.setattr(WriteConnection, "transaction", spied)
    text = posting_text("once")
    first = await store.add_posting(GUILD, text, make_posting(skills=["Elixir"]), source="add_text")
    again = await store.add_posting(GUILD, text, make_posting(skills=["Elixir"]), source="add_text")
    paid = make_posting(skills=["Elixir"], pay=(90, 100, "EUR", "year"))
    new_pay = await store.add_posting(GUILD, text, paid, source="add_text")
    assert first.created and not again.created and again.repost_of == first.posting_id
    assert new_pay.repost_of == first.posting_id and new_pay.pay_change is not None
    # the new paste was saved there (with the skill it created), and so was the exact repost; the
    # repost stating new pay was only read there (the saved posting adopts its pay the full way)
    assert len(kept) == 3 and kept[2] is None
    assert isinstance(kept[0], tuple) and kept[0][0].posting_id == first.posting_id
    assert kept[0][0].kind == "created" and set(kept[0][1]) == {"elixir"}
    assert isinstance(kept[1], tuple) and kept[1][0].kind == "repost" and kept[1][1] == {}


async def test_a_skill_created_by_an_add_that_failed_is_not_kept(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = rows_module._children

    def failing(*args: Any) -> list[Rows]:
        broken = Rows(
            "INSERT INTO posting_skills (posting_id, skill_id, position) VALUES (?, ?, ?)", [(-5, -5, 0)]
        )
        return [*real(*args), broken]

    monkeypatch.setattr(rows_module, "_children", failing)
    with pytest.raises(StoreWriteError):
        await store.add_posting(GUILD, posting_text("lost"), make_posting(skills=["Zig"]), source="add_text")
    monkeypatch.undo()
    async with store.sessions.read() as session:
        assert (await session.execute(select(t.SKILLS.c.key))).scalars().all() == []
    # the id it was given in the failed transaction is not remembered: the next add creates it again
    added = await store.add_posting(
        GUILD, posting_text("kept"), make_posting(skills=["Zig"]), source="add_text"
    )
    assert added.posting.skills == ["Zig"]
    assert added.posting == await store.get_posting(GUILD, added.posting_id)


async def test_the_card_is_recorded_for_the_servers_own_posting_only(store: Store) -> None:
    added = await store.add_posting(GUILD, posting_text("card"), make_posting(), source="add_text")
    await store.record_card(GUILD + 1, added.posting_id, 55, 66)  # another server names the id
    view = await store.get_posting(GUILD, added.posting_id)
    assert view is not None and (view.card_channel_id, view.card_message_id) == (None, None)
    await store.record_card(GUILD, added.posting_id, 55, 66)
    view = await store.get_posting(GUILD, added.posting_id)
    assert view is not None and (view.card_channel_id, view.card_message_id) == (55, 66)
