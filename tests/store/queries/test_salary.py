"""/salary: pay percentiles per currency and seniority, and the location filter."""

from __future__ import annotations

import pytest

from store import Store
from tests.store.queries.saved import GUILD, add, expected


async def test_salary_percentiles_per_currency_and_seniority(store: Store) -> None:
    usd_mid = [80_000, 95_000, 100_000, 120_000, 150_000]
    usd_senior = [160_000, 175_000, 210_000]
    for i, v in enumerate(usd_mid):
        await add(store, f"m{i}", title="ML Engineer", pay=(v, v, "USD", "year"), seniority="mid")
    for i, v in enumerate(usd_senior):
        await add(
            store,
            f"s{i}",
            title="Senior Machine Learning Engineer",
            pay=(v - 10_000, v + 10_000, "USD", "year"),
            seniority="senior",
        )
    await add(store, "e", title="Machine Learning Engineer", pay=(40, 40, "EUR", "hour"))
    await add(store, "n", title="Machine Learning Engineer", pay=None)
    await add(store, "other", title="Data Analyst", pay=(1_000_000, 1_000_000, "USD", "year"))

    stats = await store.salary_stats(GUILD, "engineer, machine learning")
    assert stats.role_key == "machine learning engineer"
    assert [c.currency for c in stats.by_currency] == ["USD", "EUR"]
    usd = stats.by_currency[0]
    assert usd.overall.n == 8
    for name, value in expected([float(v) for v in usd_mid + usd_senior]).items():
        assert getattr(usd.overall, name) == pytest.approx(value), name
    levels = {s.seniority: s.stats for s in usd.by_seniority}
    assert list(levels) == ["mid", "senior"]
    assert levels["senior"].median == 175_000 and levels["mid"].n == 5
    eur = stats.by_currency[1]
    assert eur.overall.n == 1 and eur.overall.median == 40 * 2080
    assert [s.seniority for s in eur.by_seniority] == [None]
    assert stats.n == 9

    hourly = await store.salary_stats(GUILD, "ML Eng", currency="eur", period="hour")
    assert [c.currency for c in hourly.by_currency] == ["EUR"]
    assert hourly.by_currency[0].overall.median == pytest.approx(40)

    senior = await store.salary_stats(GUILD, "SWE")
    assert senior.by_currency == []
    only_senior = await store.salary_stats(GUILD, "Sr. ML Engineer", seniority="senior")
    assert only_senior.by_currency[0].overall.n == 3


async def test_salary_location_filter(store: Store) -> None:
    await add(
        store, 1, title="Data Scientist", pay=(100, 100, "GBP", "day"), locations=["London, England, UK"]
    )
    await add(store, 2, title="Data Scientist", pay=(200, 200, "GBP", "day"), locations=["Manchester, UK"])
    await add(
        store, 3, title="Data Scientist", pay=(300, 300, "GBP", "day"), workplace="remote", seniority="lead"
    )
    london = await store.salary_stats(GUILD, "data scientist", location="london")
    assert london.by_currency[0].overall.n == 1 and london.by_currency[0].overall.median == 100 * 260
    uk = await store.salary_stats(GUILD, "data scientist", location="UK")
    assert uk.by_currency[0].overall.n == 2
    remote = await store.salary_stats(GUILD, "data scientist", location="Remote", seniority="lead")
    assert remote.by_currency[0].overall.n == 1 and remote.by_currency[0].overall.max == 300 * 260
    assert remote.by_currency[0].by_seniority[0].seniority == "lead"
    nowhere = await store.salary_stats(GUILD, "data scientist", location="Tokyo")
    assert nowhere.by_currency == []


async def _mixed(store: Store) -> None:
    """Machine learning engineers paid in USD, GBP, EUR, one in JPY (no rate in TEST_PAY), and two
    contractors on GBP day rates."""
    for i, v in enumerate((100_000, 120_000, 140_000)):
        await add(store, f"u{i}", title="ML Engineer", pay=(v, v, "USD", "year"), seniority="senior")
    for i, v in enumerate((80_000, 96_000)):
        await add(store, f"g{i}", title="ML Engineer", pay=(v, v, "GBP", "year"))
    await add(store, "e", title="ML Engineer", pay=(100_000, 100_000, "EUR", "year"))
    await add(store, "j", title="ML Engineer", pay=(9_000_000, 9_000_000, "JPY", "year"))
    for i, v in enumerate((500, 600)):
        await add(store, f"d{i}", title="ML Engineer", pay=(v, v, "GBP", "day"))


async def test_converted_pools_every_posting_at_the_dated_rates(store: Store) -> None:
    await _mixed(store)
    stats = await store.salary_stats(GUILD, "ml engineer", period="year", convert_to="USD")
    assert stats.converted_to == "USD" and stats.rates_date == store.pay.rates_date
    (pool,) = stats.by_currency
    assert pool.currency == "USD" and pool.period == "year"
    assert pool.sources == {"EUR": 1, "GBP": 4, "USD": 3}
    assert stats.left_out == {"JPY": 1}
    rate = store.pay.usd_per_unit
    values = [100_000, 120_000, 140_000, 80_000 * rate["GBP"], 96_000 * rate["GBP"], 100_000 * rate["EUR"]]
    values += [500 * 260 * rate["GBP"], 600 * 260 * rate["GBP"]]  # annualised, and said so
    for name, value in expected(values).items():
        assert getattr(pool.overall, name) == pytest.approx(value), name
    assert stats.annualised_from == {"day": 2}
    to_gbp = await store.salary_stats(GUILD, "ml engineer", period="year", convert_to="GBP")
    assert to_gbp.by_currency[0].overall.median == pytest.approx(pool.overall.median / rate["GBP"])


async def test_day_rates_stay_per_day_unless_a_period_is_asked(store: Store) -> None:
    await _mixed(store)
    own = await store.salary_stats(GUILD, "ml engineer", period=None)
    groups = {(c.currency, c.period): c.overall for c in own.by_currency}
    assert set(groups) == {("USD", "year"), ("GBP", "year"), ("EUR", "year"), ("JPY", "year"), ("GBP", "day")}
    assert groups[("GBP", "day")].n == 2 and groups[("GBP", "day")].median == pytest.approx(550)
    assert groups[("GBP", "year")].n == 2 and own.annualised_from == {}
    yearly = await store.salary_stats(GUILD, "ml engineer", period="year")
    gbp = next(c for c in yearly.by_currency if c.currency == "GBP")
    assert gbp.overall.n == 4 and gbp.period == "year" and yearly.annualised_from == {"day": 2}


async def test_stated_currency_filter_and_conversion_together(store: Store) -> None:
    await _mixed(store)
    stats = await store.salary_stats(GUILD, "ml engineer", currency="GBP", period=None, convert_to="USD")
    assert {c.period: sorted(c.sources) for c in stats.by_currency} == {"year": ["GBP"], "day": ["GBP"]}
