"""The /salary chart, for every shape of statistics."""

from __future__ import annotations

import pytest

from commands.core.chart import HEIGHT, MAX_WIDTH, WIDTH
from commands.salary import chart
from store import Distribution, SeniorityStats
from tests.commands.core.test_chart import image
from tests.factories import LEVELS, salary_stats


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
    png = image(chart._salary_png(salary_stats(currencies, levels)))
    assert WIDTH <= png.width <= MAX_WIDTH and png.height == HEIGHT


def test_salary_chart_with_one_posting() -> None:
    one = Distribution(n=1, min=50_000, p25=50_000, median=50_000, p75=50_000, p90=50_000, max=50_000)
    stats = salary_stats(["USD"])
    stats.by_currency[0].overall = one
    stats.by_currency[0].by_seniority = [SeniorityStats(seniority=None, stats=one)]
    image(chart._salary_png(stats))
