"""Pay percentiles, comparisons, skill summaries and digest data, checked against hand-computed values."""

from __future__ import annotations

import statistics
from datetime import timedelta

import pytest

from store import Store
from tests.factories import make_posting, posting_text
from tests.store_fixtures import FakeClock

GUILD = 3003


def expected(values: list[float]) -> dict[str, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    d = statistics.quantiles(values, n=10, method="inclusive")
    return {"min": min(values), "p25": q[0], "median": q[1], "p75": q[2], "p90": d[8], "max": max(values)}


async def add(store: Store, seed: object, **kw: object) -> int:
    r = await store.add_posting(GUILD, posting_text(seed), make_posting(**kw), source="add_text")  # type: ignore[arg-type]
    assert r.created
    return r.posting_id


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


async def test_compare(store: Store) -> None:
    ids = []
    for i, v in enumerate([100, 200, 300, 400]):
        ids.append(
            await add(store, i, title="Backend Developer", pay=(v * 1000, v * 1000, "USD", "year"),
                      skills=["Python", "SQL", f"Tool{i}"])
        )  # fmt: skip
    other = await add(store, "o", title="Designer", pay=None, skills=["Figma", "SQL"])
    comparison = await store.compare(GUILD, [ids[3], ids[0], other, 999_999])
    assert comparison.missing_ids == [999_999]
    top, bottom, designer = comparison.postings
    assert top.posting.id == ids[3] and top.percentile == pytest.approx(87.5) and top.peers == 4
    assert bottom.percentile == pytest.approx(12.5)
    assert designer.percentile is None and designer.peers == 0
    assert comparison.shared_skills == ["SQL"]
    assert top.unique_skills == ["Tool3"] and designer.unique_skills == ["Figma"]


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
    assert qa.n == 2 and qa.median == pytest.approx(90_000)
    assert qa.previous_n == 2 and qa.previous_median == pytest.approx(65_000)
    assert qa.change == pytest.approx(90_000 / 65_000 - 1)
    assert digest.repost_count == 1
    assert len(digest.pay_changes) == 1
    note = digest.pay_changes[0]
    assert note.posting_id == first.posting_id and note.pay_change is not None
    assert note.pay_change.old_year == 85_000 and note.pay_change.new_year == 90_000
    assert "Cypress" in [m.skill for m in digest.rising_skills]
    assert "Selenium" in [m.skill for m in digest.falling_skills]
