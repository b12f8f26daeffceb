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
