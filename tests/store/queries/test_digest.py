"""The weekly digest's figures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import Store
from tests.factories import make_posting, posting_text
from tests.store.queries.saved import GUILD, add
from tests.store_fixtures import FakeClock


async def test_digest_data(store: Store, clock: FakeClock) -> None:
    start = clock.now
    clock.now = start - timedelta(days=14)
    await add(store, 1, title="QA Engineer", pay=(60_000, 60_000, "USD", "year"), skills=["Selenium"])
    await add(store, 2, title="QA Engineer", pay=(70_000, 70_000, "USD", "year"), skills=["Selenium"])
    clock.now = start + timedelta(days=1)
    text = posting_text("reposted", words=200)
    qa = make_posting(title="QA Engineer", pay=(80_000, 90_000, "USD", "year"), skills=["Cypress"])
    first = await store.add_posting(GUILD, text, qa, source="message")
    await add(store, 3, title="QA Engineer", pay=(95_000, 95_000, "USD", "year"), skills=["Cypress"])
    await add(store, 4, title="CTO", pay=(300_000, 300_000, "USD", "year"), skills=["Leadership"])
    await add(store, 5, title="Barista", pay=(15, 15, "GBP", "hour"))
    clock.now = start + timedelta(days=2)
    raised = make_posting(title="QA Engineer", pay=(85_000, 95_000, "USD", "year"))
    await store.add_posting(GUILD, text + "\nnow paying more", raised, source="message")
    end = start + timedelta(days=7)
    digest = await store.digest_data(GUILD, start, end)
    assert digest.new_count == 4
    assert [p.title for p in digest.best_paid][:2] == ["CTO", "QA Engineer"]
    assert digest.best_paid[1].pay_year == 95_000
    qa = next(r for r in digest.role_medians if r.role == "quality assurance engineer")
    # the reposted posting counts at its new pay (85k-95k: 90k) next to the 95k one
    assert qa.n == 2 and qa.median == pytest.approx(92_500)
    assert qa.previous_n == 2 and qa.previous_median == pytest.approx(65_000)
    assert qa.change == pytest.approx(92_500 / 65_000 - 1)
    assert digest.repost_count == 1
    assert len(digest.pay_changes) == 1
    note = digest.pay_changes[0]
    assert note.posting_id == first.posting_id and note.pay_change is not None
    assert note.pay_change.old_year == 85_000 and note.pay_change.new_year == 90_000
    assert "Cypress" in [m.skill for m in digest.rising_skills]
    assert "Selenium" in [m.skill for m in digest.falling_skills]


async def test_role_medians_per_currency_and_no_day_rates_among_salaries(
    store: Store, clock: FakeClock
) -> None:
    start = clock.now
    clock.now = start + timedelta(hours=1)
    for i, pay in enumerate((50_000, 52_000, 54_000)):
        await add(store, f"gbp{i}", title="Software Engineer", pay=(pay, pay, "GBP", "year"))
    for i, pay in enumerate((120_000, 130_000)):
        await add(store, f"usd{i}", title="Software Engineer", pay=(pay, pay, "USD", "year"))
    await add(store, "contract", title="Software Engineer", pay=(550, 550, "GBP", "day"))
    digest = await store.digest_data(GUILD, start, start + timedelta(days=7))
    lines = {(m.role, m.currency): m for m in digest.role_medians}
    assert set(lines) == {("software engineer", "GBP"), ("software engineer", "USD")}
    gbp, usd = lines[("software engineer", "GBP")], lines[("software engineer", "USD")]
    assert gbp.n == 3 and gbp.median == pytest.approx(52_000)  # the day rate is not among them
    assert usd.n == 2 and usd.figures == [120_000, 130_000]
    assert all(p.pay_text is None or "550" not in p.pay_text for p in digest.best_paid)
    assert [p.pay_currency for p in digest.best_paid].count("GBP") == 3
