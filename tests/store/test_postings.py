"""Saving, reading, listing, removing and fixing postings."""

from __future__ import annotations

import pytest

from parsing.models import Posting
from store import InvalidInput, NotFound, PayFix, Store
from tests.factories import make_posting, posting_text
from tests.store_fixtures import FakeClock

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


async def test_remove(store: Store) -> None:
    r = await store.add_posting(GUILD, posting_text(1), make_posting(skills=["SQL"]), source="add_text")
    assert await store.remove_posting(GUILD, r.posting_id)
    assert await store.get_posting(GUILD, r.posting_id) is None
    assert not await store.remove_posting(GUILD, r.posting_id)
    # the same text can be saved again afterwards (its hash and bands went with it)
    again = await store.add_posting(GUILD, posting_text(1), make_posting(), source="add_text")
    assert again.created


async def test_fixes_win_and_can_be_cleared(store: Store) -> None:
    r = await store.add_posting(
        GUILD, posting_text(1), make_posting(title="Engineer", seniority="mid"), source="add_text"
    )
    pid = r.posting_id
    view = await store.apply_fix(GUILD, pid, "title", "Staff Data Engineer", user_id=5)
    assert view.title == "Staff Data Engineer" and view.role == "data engineer"
    assert view.fixed_fields == ["title"]
    view = await store.apply_fix(
        GUILD, pid, "pay", PayFix(min=90, max=None, currency="usd", period="hour", text="$90/h"), user_id=5
    )
    assert view.pay is not None and view.pay.currency == "USD" and view.pay.year_point == 90 * 2080
    assert [p.origin for p in view.pay_ranges] == ["fix"]
    view = await store.apply_fix(GUILD, pid, "pay", None)
    assert view.pay is None and view.pay_ranges == []
    view = await store.apply_fix(GUILD, pid, "seniority", "staff")
    assert view.seniority == "staff"
    view = await store.clear_fix(GUILD, pid, "pay")
    assert view.pay is not None and view.pay.year_point == 110_000
    assert view.fixed_fields == ["seniority", "title"]
    with pytest.raises(InvalidInput):
        await store.apply_fix(GUILD, pid, "seniority", "galactic")
    with pytest.raises(NotFound):
        await store.apply_fix(GUILD + 1, pid, "title", "x")


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
