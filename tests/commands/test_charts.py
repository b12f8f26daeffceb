"""Chart images: valid PNGs of a sensible size for every shape of data, drawn in milliseconds."""

from __future__ import annotations

import io
import time

import pytest
from PIL import Image

from commands import charts
from store import Comparison, CurrencyStats, Distribution, SalaryStats, SeniorityStats
from store.results import ComparedPosting, PayView, PostingView

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


def image(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG")
    opened = Image.open(io.BytesIO(data))
    opened.load()
    return opened


@pytest.mark.parametrize(
    ("currencies", "levels"),
    [
        (["USD"], ("mid",)),
        (["USD"], (None, "senior")),
        (["EUR", "USD", "GBP", "INR", "JPY"], LEVELS),  # at most three panels, wider but bounded
        (["KRW"], (None,)),
    ],
)
def test_salary_chart_for_every_shape(currencies: list[str], levels: tuple[str | None, ...]) -> None:
    png = image(charts._salary_png(salary_stats(currencies, levels)))
    assert charts.WIDTH <= png.width <= charts.MAX_WIDTH and png.height == charts.HEIGHT


def test_salary_chart_with_one_posting() -> None:
    one = Distribution(n=1, min=50_000, p25=50_000, median=50_000, p75=50_000, p90=50_000, max=50_000)
    stats = salary_stats(["USD"])
    stats.by_currency[0].overall = one
    stats.by_currency[0].by_seniority = [SeniorityStats(seniority=None, stats=one)]
    image(charts._salary_png(stats))


def _compared(pid: int, currency: str, low: float, high: float | None) -> ComparedPosting:
    point = low if high is None else (low + high) / 2
    pay = PayView(
        text=None, currency=currency, period="year", min=low, max=high, year_min=low, year_max=high,
        year_point=point, usd_year=None, rate_date=None,
    )  # fmt: skip
    view = PostingView.model_construct(id=pid, title=f"Posting {pid} with a rather long title", pay=pay)
    return ComparedPosting(posting=view, percentile=None, peers=0, unique_skills=[])


def test_compare_chart_one_panel_per_currency() -> None:
    two = Comparison(
        postings=[_compared(1, "USD", 90_000, 110_000), _compared(2, "USD", 120_000, None)],
        shared_skills=[],
        missing_ids=[],
    )
    three = Comparison(
        postings=[*two.postings, _compared(3, "EUR", 70_000, 80_000)], shared_skills=[], missing_ids=[]
    )
    small, tall = image(charts._compare_png(two)), image(charts._compare_png(three))
    assert small.width == tall.width == charts.WIDTH
    assert tall.height > small.height


def test_png_encoding_is_lossless() -> None:
    drawn = Image.new("RGB", (37, 11), (255, 255, 255))
    drawn.putpixel((0, 0), (1, 2, 3))
    drawn.putpixel((36, 10), (200, 100, 50))
    decoded = image(charts.encode_png(drawn))
    assert decoded.mode == "RGB" and decoded.size == (37, 11)
    assert decoded.tobytes() == drawn.tobytes()


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (0, 100, [0, 20, 40, 60, 80, 100]),
        (41_000, 163_000, [60_000, 80_000, 100_000, 120_000, 140_000, 160_000]),
        (5, 5, [5]),
    ],
)
def test_nice_ticks(low: float, high: float, expected: list[float]) -> None:
    assert charts.nice_ticks(low, high) == expected


def test_a_chart_costs_milliseconds_not_a_quarter_second() -> None:
    stats = salary_stats(["EUR", "USD", "GBP"], LEVELS)
    charts._salary_png(stats)  # labels rendered once
    started = time.process_time()
    for _ in range(10):
        charts._salary_png(stats)
    assert (time.process_time() - started) / 10 < 0.05  # matplotlib took 0.2-0.3 s
