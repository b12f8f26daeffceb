"""/salary replies."""

from __future__ import annotations

from commands.core.services import Services
from commands.salary.usecase import SalaryQuery, salary
from tests.factories import saved_posting

GUILD = 5005


async def _add(svc: Services, seed: object, **kw: object) -> int:
    return await saved_posting(svc.store, GUILD, seed, **kw)


async def test_salary_reply_with_chart_and_small_n_note(services: Services) -> None:
    for i, v in enumerate([90, 100, 110]):
        await _add(services, i, pay=(v * 1000, v * 1000, "USD", "year"), seniority="mid" if i else "senior")
    reply = await salary(services, GUILD, SalaryQuery("ML engineer"))
    assert reply.title == "Pay for Machine Learning Engineer (per year)"
    assert "Too few postings for percentiles in USD" in (reply.description or "")
    assert reply.fields[0].name == "USD · 3 postings"
    assert "median **$100k**" in reply.fields[0].value
    assert "p25" not in reply.fields[0].value  # 3 postings: a median, no quartiles
    assert reply.fields[1].name == "USD by seniority"
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
    assert names == ["EUR · 5 postings", "USD · 5 postings"]  # equal n: by currency code
    assert "blended" in (reply.description or "") and "too few" not in (reply.description or "")
    assert "€52" in reply.fields[0].value
