"""/skills: shares, their change, and pay with and without each skill."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import Store
from tests.store.queries.saved import GUILD, add
from tests.store_fixtures import FakeClock


async def test_skill_summary(store: Store, clock: FakeClock) -> None:
    start = clock.now
    # previous 28 days: Python in 1 of 2 postings; recent 28 days: Python in 3 of 3
    clock.now = start - timedelta(days=40)
    await add(store, 1, title="Data Engineer", pay=(100_000, 100_000, "USD", "year"), skills=["Python"])
    await add(store, 2, title="Data Engineer", pay=(80_000, 80_000, "USD", "year"), skills=["Scala"])
    clock.now = start - timedelta(days=5)
    await add(
        store, 3, title="Data Engineer", pay=(150_000, 150_000, "USD", "year"), skills=["Python", "Spark"]
    )
    await add(store, 4, title="Data Engineer", pay=(130_000, 130_000, "USD", "year"), skills=["Python"])
    await add(store, 5, title="Data Engineer", pay=(90, 90, "EUR", "hour"), skills=["python"])
    await add(store, 6, title="Accountant", pay=(50_000, 50_000, "USD", "year"), skills=["Excel"])
    clock.now = start

    summary = await store.skill_summary(GUILD, "data engineer")
    assert summary.n_postings == 5 and summary.sample_size == 5 and not summary.sampled
    assert summary.currency == "USD"
    by_name = {s.skill: s for s in summary.skills}
    assert summary.skills[0].skill == "Python"
    python = by_name["Python"]
    assert python.count == 4 and python.share == pytest.approx(0.8)
    assert python.median_with == pytest.approx(130_000) and python.n_with_pay == 3
    assert python.median_without == pytest.approx(80_000) and python.n_without_pay == 1
    assert python.previous_share == pytest.approx(0.5) and python.change == pytest.approx(0.5)
    assert "Excel" not in by_name

    recent = await store.skill_summary(GUILD, None, since=start - timedelta(days=10))
    assert recent.n_postings == 4 and recent.n_previous == 0
    assert {s.skill for s in recent.skills} == {"Python", "Spark", "Excel"}
    assert all(s.previous_share is None for s in recent.skills)
