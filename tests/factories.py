"""Building postings for tests: parsed fields given directly, texts distinct unless asked otherwise."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from parsing.models import Posting, Salary, SalaryRange

if TYPE_CHECKING:
    from store import Store

from store import CurrencyStats, Distribution, SalaryStats, SeniorityStats

_VOCABULARY = (
    "build ship design review scale data pipeline model service team customer product platform "
    "reliable secure fast clear own lead mentor partner deliver improve measure test deploy monitor "
    "cloud api backend frontend mobile research analysis report budget plan roadmap quality support "
    "growth market sales finance health safety legal people culture remote office travel training"
)
_WORDS = _VOCABULARY.split()


def posting_text(seed: int | str, *, title: str = "Engineer", company: str = "Acme", words: int = 120) -> str:
    """A posting-shaped text; different seeds give texts far below the repost threshold."""
    rng = random.Random(str(seed))
    body = " ".join(rng.choice(_WORDS) + str(rng.randrange(1000)) for _ in range(words))
    return f"{title}\n{company}\n\nAbout the role\n{body}\n"


# What makes a text pass the "is this a posting?" rule (commands.postings.detect): duties, requirements,
# pay, terms, place, how to apply.
JOB_AD_LINES = (
    "You will build and run our services. Requirements: 3+ years of experience with Python.\n"
    "Salary: $100,000 - $120,000 per year. Full-time, hybrid in our office. Apply with your CV.\n"
)


def pasted_text(seed: int | str, **kw: Any) -> str:
    """A text any front end takes as a posting: :func:`posting_text` with a job ad's signs."""
    return posting_text(seed, **kw) + JOB_AD_LINES


def make_posting(
    *,
    title: str | None = "Machine Learning Engineer",
    company: str | None = "Acme",
    pay: tuple[float | None, float | None, str, str] | None = (100_000, 120_000, "USD", "year"),
    skills: list[str] | None = None,
    locations: list[str] | None = None,
    seniority: str | None = None,
    workplace: str | None = None,
) -> Posting:
    salary = None
    ranges: list[SalaryRange] = []
    if pay is not None:
        low, high, currency, period = pay
        text = f"{currency} {low}-{high} per {period}"
        salary = Salary(min=low, max=high, currency=currency, period=period, text=text)  # type: ignore[arg-type]
        ranges = [SalaryRange(min=low, max=high, currency=currency, period=period, text=text)]  # type: ignore[arg-type]
    return Posting(
        title=title,
        company=company,
        salary=salary,
        salary_ranges=ranges,
        skills=skills or [],
        locations=locations or [],
        seniority=seniority,  # type: ignore[arg-type]
        workplace=workplace,  # type: ignore[arg-type]
    )


async def saved_posting(
    store: Store, guild_id: int, seed: object, *, user_id: int | None = None, **kw: Any
) -> int:
    """A posting saved straight through the store (text from ``seed``, fields from ``kw``); its id."""
    result = await store.add_posting(
        guild_id, posting_text(str(seed)), make_posting(**kw), source="add_text", user_id=user_id
    )
    return result.posting_id


LEVELS = ("intern", "entry", "mid", "senior", "lead", "staff", "principal", "director")


def dist(median: float, n: int = 10, spread: float = 0.2) -> Distribution:
    return Distribution(
        n=n,
        min=median * (1 - 2 * spread),
        p25=median * (1 - spread),
        median=median,
        p75=median * (1 + spread),
        p90=median * (1 + 1.5 * spread),
        max=median * (1 + 2 * spread),
    )


def salary_stats(currencies: list[str], levels: tuple[str | None, ...] = ("mid",)) -> SalaryStats:
    return SalaryStats(
        role="ml engineer",
        role_key="machine learning engineer",
        location=None,
        seniority=None,
        currency=None,
        period="year",
        by_currency=[
            CurrencyStats(
                currency=cur,
                overall=dist(100_000 + 1000 * i, n=100 - i),
                by_seniority=[
                    SeniorityStats(seniority=level, stats=dist(60_000 + 20_000 * j))
                    for j, level in enumerate(levels)
                ],
            )
            for i, cur in enumerate(currencies)
        ],
    )
