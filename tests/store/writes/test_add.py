"""Adding postings: what is saved, pay annualized and converted, the view shown at once."""

from __future__ import annotations

import pytest

from parsing.models import Posting
from store import InvalidInput, Store
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
