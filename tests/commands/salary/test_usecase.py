"""/salary replies."""

from __future__ import annotations

import pytest

from commands.core.errors import CommandError
from commands.core.services import Services
from commands.salary.usecase import SalaryQuery, salary
from store.queries import pay_summary
from tests.factories import saved_posting

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    return await saved_posting(svc.store, GUILD, seed, **kw)


async def test_salary_reply_with_chart_and_small_n_note(services: Services) -> None:
    for i, v in enumerate([90, 100, 110]):
        await _add(services, i, pay=(v * 1000, v * 1000, "USD", "year"), seniority="mid" if i else "senior")
    reply = await salary(services, GUILD, SalaryQuery("ML engineer"))
    assert reply.title == "Pay for Machine Learning Engineer"
    assert "Too few postings for percentiles in USD" in (reply.description or "")
    assert reply.fields[0].name == "USD per year · 3 postings"
    assert "median **$100k**" in reply.fields[0].value
    assert "p25" not in reply.fields[0].value  # 3 postings: a median, no quartiles
    assert reply.fields[1].name == "USD per year by seniority"
    assert "Senior: $90k (n=1)" in reply.fields[1].value
    assert reply.files and reply.files[0].data.startswith(b"\x89PNG")
    none = await salary(services, GUILD, SalaryQuery("astronaut"))
    assert none.kind == "notice" and "No saved postings" in (none.description or "")


async def test_salary_never_blends_currencies(services: Services) -> None:
    for i in range(5):
        await _add(services, f"u{i}", pay=(100_000 + i, 100_000 + i, "USD", "year"))
        await _add(services, f"e{i}", pay=(50 + i, 50 + i, "EUR", "hour"))
    reply = await salary(
        services, GUILD, SalaryQuery("machine learning engineer", period="hour"), chart=False
    )
    names = [f.name for f in reply.fields]
    assert names == ["EUR per hour · 5 postings", "USD per hour · 5 postings"]  # equal n: by code
    assert "blended" in (reply.description or "") and "too few" not in (reply.description or "")
    assert "€52" in reply.fields[0].value


async def test_salary_states_the_error_bound_of_histogram_figures(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(6):
        await _add(services, f"h{i}", pay=(100_000 + 777 * i, 100_000 + 777 * i, "USD", "year"))
    exact = await salary(services, GUILD, SalaryQuery("ML engineer"), chart=False)
    assert "histogram" not in (exact.description or "")
    monkeypatch.setattr(pay_summary, "MAX_READS", 0)
    approx = await salary(services, GUILD, SalaryQuery("ML engineer", period="month"), chart=False)
    assert "within ±0.5%" in (approx.description or "")


async def test_a_converted_view_says_from_what_and_at_which_rates(services: Services) -> None:
    for i in range(3):
        await _add(services, f"g{i}", pay=(50_000 + i, 50_000 + i, "GBP", "year"))
    await _add(services, "e", pay=(60_000, 60_000, "EUR", "year"))
    await _add(services, "k", pay=(500_000, 500_000, "SEK", "year"))  # no rate configured
    reply = await salary(services, GUILD, SalaryQuery("ml engineer", currency="usd"), chart=False)
    text = reply.description or ""
    assert "Converted to USD from EUR, GBP at the rates of 2026-11-01" in text
    assert "Left out, no exchange rate configured: SEK (n=1)." in text
    assert [f.name for f in reply.fields] == ["USD per year · 4 postings"]
    assert "from EUR (n=1), GBP (n=3)" in reply.fields[0].value


async def test_unknown_currency_codes_are_refused_with_the_known_ones(services: Services) -> None:
    with pytest.raises(
        CommandError, match=r"No exchange rate for 'XYZ'\. Rates are configured for: EUR, GBP"
    ):
        await salary(services, GUILD, SalaryQuery("ml engineer", currency="xyz"))
    with pytest.raises(CommandError, match=r"Unknown currency 'XYZ'\. Known codes: AED, .*USD"):
        await salary(services, GUILD, SalaryQuery("ml engineer", paid_in="XYZ"))


async def test_stated_currency_filter_and_day_rates_in_their_own_period(services: Services) -> None:
    for i in range(5):
        await _add(services, f"g{i}", pay=(50_000, 50_000, "GBP", "year"))
        await _add(services, f"u{i}", pay=(90_000, 90_000, "USD", "year"))
    await _add(services, "d", pay=(550, 550, "GBP", "day"))
    reply = await salary(services, GUILD, SalaryQuery("ml engineer", paid_in="gbp"), chart=False)
    assert "Filtered: stated in GBP" in (reply.description or "")
    names = [f.name for f in reply.fields]
    assert names == ["GBP per year · 5 postings", "GBP per day · day rates · 1 posting"]
    assert "£550" in reply.fields[1].value
    yearly = await salary(
        services, GUILD, SalaryQuery("ml engineer", paid_in="GBP", period="year"), chart=False
    )
    assert "Annualised from 1 day rate (× 260 days), as if full time." in (yearly.description or "")
    assert [f.name for f in yearly.fields] == ["GBP per year · 6 postings"]
