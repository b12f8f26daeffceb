"""/salary from the pay buckets: exact figures read within the bucket of each rank while the work
budget lasts, bucket means (within the stated bound) beyond it, the same on both engines."""

from __future__ import annotations

from typing import Any

import pytest

from store import Store
from store.pay_buckets import ERROR_BOUND
from store.queries import pay_summary
from store.results import Distribution, SalaryStats
from tests.store.queries.saved import GUILD, add, expected

FIGURES = ("min", "p25", "median", "p75", "p90", "max")


def _groups(stats: SalaryStats) -> dict[tuple[str, str | None], Distribution]:
    found: dict[tuple[str, str | None], Distribution] = {}
    for cur in stats.by_currency:
        found[(cur.currency, "*")] = cur.overall
        found.update({(cur.currency, s.seniority): s.stats for s in cur.by_seniority})
    return found


async def _save(store: Store) -> dict[str, list[float]]:
    """Data engineers: senior EUR pay (half of it in Berlin), unstated-seniority EUR pay with many
    postings in one bucket, one USD posting."""
    senior = [101_000.0 + 3_517 * i for i in range(9)]
    other = [48_250.0 + 2_941 * i for i in range(7)] + [60_000.0 + i for i in range(6)]
    for i, v in enumerate(senior):
        await add(store, f"s{i}", title="Data Engineer", pay=(v, v, "EUR", "year"), seniority="senior",
                  locations=["Berlin, Germany"] if i % 2 else [])  # fmt: skip
    for i, v in enumerate(other):
        await add(store, f"o{i}", title="Data Engineer", pay=(v, v, "EUR", "year"))
    await add(store, "usd", title="Data Engineer", pay=(90_000, 90_000, "USD", "year"))
    return {"senior": senior, "all": senior + other}


async def test_figures_are_exact_within_the_budget(store: Store) -> None:
    saved = await _save(store)
    stats = await store.salary_stats(GUILD, "data engineer")
    groups = _groups(stats)
    assert all(d.within is None for d in groups.values())
    for key, values in (("*", saved["all"]), ("senior", saved["senior"])):
        d = groups[("EUR", key)]
        assert d.n == len(values)
        for name, value in expected(values).items():
            assert getattr(d, name) == pytest.approx(value, rel=1e-12), (key, name)
    berlin = await store.salary_stats(GUILD, "data engineer", location="berlin", seniority="senior")
    assert berlin.by_currency[0].overall.n == 4 and berlin.by_currency[0].overall.within is None
    assert berlin.by_currency[0].overall.median == pytest.approx(expected(saved["senior"][1::2])["median"])


@pytest.mark.parametrize("limit", [{"MAX_READS": 0}, {"WALK_BUDGET": 3}, {"MAX_READS": 4}])
async def test_beyond_the_budget_figures_are_within_the_bound(
    store: Store, monkeypatch: pytest.MonkeyPatch, limit: dict[str, Any]
) -> None:
    await _save(store)
    exact = _groups(await store.salary_stats(GUILD, "data engineer"))
    for name, value in limit.items():
        monkeypatch.setattr(pay_summary, name, value)
    approx = _groups(await store.salary_stats(GUILD, "data engineer"))
    assert list(approx) == list(exact)
    assert any(d.within == ERROR_BOUND for d in approx.values())
    for key, d in approx.items():
        e = exact[key]
        assert d.n == e.n and d.within in (None, ERROR_BOUND)
        for name in FIGURES:
            value, truth = getattr(d, name), getattr(e, name)
            if d.within is None:
                assert value == truth, (key, name)
            assert abs(value - truth) <= ERROR_BOUND * truth, (key, name)


async def test_round_pay_is_exact_even_from_the_buckets(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i, v in enumerate([60_000] * 4 + [75_000] * 6 + [90_000] * 2):
        await add(store, i, title="QA Engineer", pay=(v, v, "USD", "year"))
    monkeypatch.setattr(pay_summary, "MAX_READS", 0)
    d = (await store.salary_stats(GUILD, "qa engineer", period="month")).by_currency[0].overall
    assert d.within == ERROR_BOUND
    assert (d.min, d.median, d.max) == (pytest.approx(5_000), pytest.approx(6_250), pytest.approx(7_500))
