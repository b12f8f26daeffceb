"""/salary from the pay buckets: large groups within the stated bound of the exact figures, small groups
exact, the same on both engines and after every kind of write."""

from __future__ import annotations

import pytest

from store import Store
from store.pay_buckets import ERROR_BOUND
from store.queries import pay_summary
from store.results import SalaryStats
from tests.store.queries.saved import add, expected

FIGURES = ("min", "p25", "median", "p75", "p90", "max")


def _groups(stats: SalaryStats) -> dict[tuple[str, str | None], object]:
    found: dict[tuple[str, str | None], object] = {}
    for cur in stats.by_currency:
        found[(cur.currency, "*")] = cur.overall
        found.update({(cur.currency, s.seniority): s.stats for s in cur.by_seniority})
    return found


async def test_large_groups_come_from_the_buckets_within_the_bound(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    senior = [101_000 + 3_517 * i for i in range(9)]
    other = [48_250 + 2_941 * i for i in range(7)]
    for i, v in enumerate(senior):
        await add(store, f"s{i}", title="Data Engineer", pay=(v, v, "EUR", "year"), seniority="senior",
                  locations=["Berlin, Germany"] if i % 2 else [])  # fmt: skip
    for i, v in enumerate(other):
        await add(store, f"o{i}", title="Data Engineer", pay=(v, v, "EUR", "year"))
    await add(store, "usd", title="Data Engineer", pay=(90_000, 90_000, "USD", "year"))
    exact = await store.salary_stats(3003, "data engineer")
    monkeypatch.setattr(pay_summary, "EXACT_UP_TO", 8)
    approx = await store.salary_stats(3003, "data engineer")

    exact_groups, approx_groups = _groups(exact), _groups(approx)
    assert list(approx_groups) == list(exact_groups)
    for key, d in approx_groups.items():
        e = exact_groups[key]
        assert d.n == e.n  # type: ignore[attr-defined]
        # groups above the threshold carry the bound; the others stay exact
        assert d.within == (ERROR_BOUND if d.n > 8 else None), key  # type: ignore[attr-defined]
        for name in FIGURES:
            value, truth = getattr(d, name), getattr(e, name)
            assert abs(value - truth) <= ERROR_BOUND * truth + 1e-6, (key, name)
    eur = approx.by_currency[0]
    for name, value in expected([float(v) for v in senior + other]).items():
        assert getattr(eur.overall, name) == pytest.approx(value, rel=ERROR_BOUND), name
    assert exact.by_currency[0].overall.within is None

    berlin = await store.salary_stats(3003, "data engineer", location="berlin", seniority="senior")
    assert berlin.by_currency[0].overall.n == 4 and berlin.by_currency[0].overall.within is None


async def test_round_pay_is_exact_even_from_the_buckets(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i, v in enumerate([60_000] * 4 + [75_000] * 6 + [90_000] * 2):
        await add(store, i, title="QA Engineer", pay=(v, v, "USD", "year"))
    monkeypatch.setattr(pay_summary, "EXACT_UP_TO", 0)
    d = (await store.salary_stats(3003, "qa engineer", period="month")).by_currency[0].overall
    assert d.within == ERROR_BOUND
    assert (d.min, d.median, d.max) == (pytest.approx(5_000), pytest.approx(6_250), pytest.approx(7_500))
